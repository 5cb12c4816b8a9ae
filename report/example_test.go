package report_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/report"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
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

// A picture of a replication at a date, as `alliancesim map asia-1950
// --png m.png --at 1954-09 --seed 3` draws it: ReplayTo plays the run
// through the end of that month (a World stepped by hand will do as
// well), WorldTheatre takes its theatre with the alliances in force, and
// WritePNG (or SVG) draws it.
func ExampleWorldTheatre() {
	sc, _ := configs.Builtin("asia-1950")
	c, err := sim.Compile(sc)
	if err != nil {
		log.Fatal(err)
	}
	w, err := report.ReplayTo(context.Background(), c, 3, c.Calendar().TickOf(1954, 9))
	if err != nil {
		log.Fatal(err)
	}
	t := report.WorldTheatre(w)
	fmt.Println(t.Title)
	for _, a := range t.Alliances {
		fmt.Println(a.Label)
	}
	var png bytes.Buffer
	if err := t.WritePNG(&png); err != nil {
		log.Fatal(err)
	}
	fmt.Println(png.Len() > 0)
	// Output:
	// asia-1950, seed 3 — 1954-09
	// A0 vnm fra — 2 members, strong, origin client
	// A1 usa phl — 2 members, weak, origin bilateral
	// true
}
