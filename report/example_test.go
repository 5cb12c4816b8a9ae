package report_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/report"
	"github.com/alliancesim/alliancesim/runner"
)

// Run 30 replications of asia-1950 into a directory, as
// 'alliancesim run asia-1950 --runs 30 --out DIR' does, and draw its
// report: DIR/report.html.
func Example() {
	dir, err := os.MkdirTemp("", "report-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		log.Fatal(err)
	}
	plan, err := plans.Scenario(sc, 30, 1)
	if err != nil {
		log.Fatal(err)
	}
	out := filepath.Join(dir, "asia")
	if err := runner.Execute(context.Background(), plan, out, runner.ExecOptions{}); err != nil {
		log.Fatal(err)
	}
	page, err := report.Build(context.Background(), out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Title)
	for _, f := range page.Figures() {
		fmt.Println("-", f.ID)
	}
	if _, err := report.Write(context.Background(), out); err != nil {
		log.Fatal(err)
	}
	// Output:
	// asia-1950 — Monte Carlo run
	// - shares
	// - survival-kind
	// - survival-origin
	// - survival-cohesion
	// - first-commitment
	// - hub-spokes
	// - threat
	// - domain
	// - shapes
	// - map-start
	// - map-end
}
