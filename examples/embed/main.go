// Command embed shows the engine used as a library: load a built-in
// scenario, run 1,000 replications on all cores and print one statistic.
//
//	go run ./examples/embed
package main

import (
	"context"
	"flag"
	"fmt"
	"log"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

func main() {
	runs := flag.Int("runs", 1000, "replications")
	flag.Parse()

	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		log.Fatal(err)
	}
	c, err := sim.Compile(sc) // once; every replication shares it
	if err != nil {
		log.Fatal(err)
	}
	summary, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: *runs, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	bi := summary.Share(runner.PatronBilateral)
	fmt.Printf("asia-1950: a patron bilateral alliance formed in %.1f%% of %d runs (95%% interval %.1f–%.1f%%)\n",
		100*bi.Share, summary.Runs, 100*bi.Low, 100*bi.High)
}
