// Command custom-strategy registers a patron strategy of its own and names
// it in a scenario file, using only the engine's public API — exactly what
// a user's own module does.
//
// The strategy, "offshore", is an offshore balancer: it offers nothing
// until its own threat exceeds its reference point by a margin, and then
// only bilateral alliances, never multilateral ones.
//
//	go run ./examples/custom-strategy
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"runtime"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// offshore admits self-help always, bilaterals only when threatened, and
// nothing else. Like every strategy it keeps no mutable state: the
// replications share it, and the workers call Admit concurrently.
type offshore struct{ margin float64 }

func (s offshore) Admit(v agents.PatronView, o agents.Option) bool {
	switch o.Kind {
	case agents.OptionNone:
		return true
	case agents.OptionBilateral:
		return v.Threat()-v.Reference() > s.margin
	}
	return false
}

func init() {
	// Register before any scenario naming it is loaded.
	agents.RegisterStrategy("offshore", offshore{margin: 0.02})
}

func main() {
	runs := flag.Int("runs", 200, "replications")
	flag.Parse()

	_, here, _, _ := runtime.Caller(0)
	sc, err := configs.LoadFile(filepath.Join(filepath.Dir(here), "offshore.toml"))
	if err != nil {
		log.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		log.Fatal(err)
	}
	s, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: *runs, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s with the offshore strategy, %d runs:\n", sc.Name, s.Runs)
	bi, multi := s.Share(runner.PatronBilateral), s.Share(runner.PatronMultilateral)
	fmt.Printf("  patron bilateral      %5.1f%% [%.1f, %.1f]\n", 100*bi.Share, 100*bi.Low, 100*bi.High)
	fmt.Printf("  patron multilateral   %5.1f%% (never: the strategy forbids it)\n", 100*multi.Share)
}
