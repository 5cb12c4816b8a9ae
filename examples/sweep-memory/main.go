// Command sweep-memory runs the experiment of examples/sweep/sea-fraction.toml
// in memory — no output directory — with runner.Sweep, and prints a table:
// per point, the sea fraction and three shares (client alliance, patron
// bilateral, patron multilateral), each with its 95% interval.
//
//	go run ./examples/sweep-memory
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"text/tabwriter"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
)

func main() {
	runs := flag.Int("runs", 0, "replications per point (default: the experiment's)")
	flag.Parse()
	if *runs < 0 {
		log.Fatalf("-runs %d: allowed: a whole number ≥ 1, or 0 for the experiment's runs", *runs)
	}

	_, here, _, _ := runtime.Caller(0)
	x, err := configs.LoadExperiment(filepath.Join(filepath.Dir(here), "..", "sweep", "sea-fraction.toml"))
	if err != nil {
		log.Fatal(err)
	}
	if *runs > 0 {
		x.Runs = *runs
	}
	plan, err := plans.Experiment(x)
	if err != nil {
		log.Fatal(err)
	}
	res, err := runner.Sweep(context.Background(), plan, runner.Options{})
	if err != nil {
		log.Fatal(err)
	}
	shares := []runner.Share{runner.ClientAlliance, runner.PatronBilateral, runner.PatronMultilateral}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "sea fraction")
	for _, s := range shares {
		fmt.Fprintf(tw, "\t%s", s)
	}
	fmt.Fprintln(tw)
	for _, p := range res.Points {
		fmt.Fprintf(tw, "%v", p.Values["theater.generate.sea_fraction"])
		for _, s := range shares {
			sh := p.Share(s)
			fmt.Fprintf(tw, "\t%5.1f%% [%4.1f, %4.1f]", 100*sh.Share, 100*sh.Low, 100*sh.High)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Printf("\n%d points × %d runs, seeds %d–%d at every point\n", len(res.Points), res.Runs, res.Seed, res.Seed+uint64(res.Runs)-1)
}
