// Command sweep runs the experiment in sea-fraction.toml — the generic
// theatre from one continent to an archipelago — and prints, per point,
// how often clients formed an alliance among themselves (H6, H7).
//
//	go run ./examples/sweep
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
)

func main() {
	runs := flag.Int("runs", 0, "replications per point (default: the experiment's)")
	flag.Parse()

	_, here, _, _ := runtime.Caller(0)
	x, err := configs.LoadExperiment(filepath.Join(filepath.Dir(here), "sea-fraction.toml"))
	if err != nil {
		log.Fatal(err)
	}
	if *runs > 0 {
		x.Runs = *runs
	}
	x.Events = false
	plan, err := plans.Experiment(x)
	if err != nil {
		log.Fatal(err)
	}
	plan.Experiment = "sea-fraction.toml"
	out, err := os.MkdirTemp("", "sweep-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(out)
	if err := runner.Execute(context.Background(), plan, out, runner.ExecOptions{}); err != nil {
		log.Fatal(err)
	}
	points, err := os.ReadFile(filepath.Join(out, "points.csv"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(points))
}
