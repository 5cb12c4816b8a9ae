// Command sobol estimates the Sobol indices of the asia-1950 shares over
// the five parameters of examples/sensitivity/asia-sobol.toml, in memory:
// runner.Sweep runs the Saltelli design (plans.Experiment lays it out), SweepResult.Sensitivity estimates
// the first-order and total indices with bootstrap intervals. It prints,
// per share, the parameters by total index.
//
//	go run ./examples/sobol                         # the file's 448 points × 8 runs: about 70 s on 2 cores
//	go run ./examples/sobol -samples 8 -runs 4      # a quick look
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"text/tabwriter"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
)

func main() {
	runs := flag.Int("runs", 0, "replications per point (default: the experiment's)")
	samples := flag.Int("samples", 0, "base rows N of the Saltelli design (default: the experiment's)")
	flag.Parse()
	if *runs < 0 {
		log.Fatalf("-runs %d: allowed: a whole number ≥ 1, or 0 for the experiment's runs", *runs)
	}

	_, here, _, _ := runtime.Caller(0)
	x, err := configs.LoadExperiment(filepath.Join(filepath.Dir(here), "..", "sensitivity", "asia-sobol.toml"))
	if err != nil {
		log.Fatal(err)
	}
	if *runs > 0 {
		x.Runs = *runs
	}
	if *samples != 0 {
		if err := x.Resample(*samples); err != nil {
			log.Fatalf("-samples: %v", err)
		}
	}
	plan, err := plans.Experiment(x)
	if err != nil {
		log.Fatal(err)
	}
	res, err := runner.Sweep(context.Background(), plan, runner.Options{})
	if err != nil {
		log.Fatal(err)
	}
	s, err := res.Sensitivity(nil, sensitivity.Bootstrap{Seed: x.Seed})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("asia-1950: Sobol indices over %d points × %d runs (N = %d)\n", s.Points, s.Runs, s.Design.Samples)
	for _, o := range s.Outputs {
		noise := "unknown: a point has fewer than two runs"
		if !math.IsNaN(o.Noise) {
			noise = fmt.Sprintf("%.0f%% of it", 100*o.Noise/max(o.Variance, 1e-300))
		}
		fmt.Printf("\n%s (variance of the point means %.3g, replication noise %s)\n", o.Output, o.Variance, noise)
		if o.Variance == 0 {
			fmt.Println("  does not vary")
			continue
		}
		tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
		for _, i := range o.Ranked() {
			fmt.Fprintf(tw, "  %s\tS1 %s\tST %s\n", s.Vary[i], interval(o.Sobol.First[i]), interval(o.Sobol.Total[i]))
		}
		tw.Flush()
	}
}

func interval(iv sensitivity.Interval) string {
	if math.IsNaN(iv.Estimate) {
		return "—"
	}
	return fmt.Sprintf("%6.3f [%6.3f, %6.3f]", iv.Estimate, iv.Low, iv.High)
}
