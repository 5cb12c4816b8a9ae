package targets_test

import (
	"context"
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// What `alliancesim check europe-1947 --runs 50` does: run the scenario
// on HISTORY.md's calibration seeds (here the first 50 of 1–500), keep
// every replication's record, and evaluate each target with its 95%
// Wilson interval. The figures are the model's: a change of the model
// may change them. E4 counts only the runs in which E3 happened.
// E2, the Brussels pact of four or more of the five before the patron
// joins, is missed (docs/model.md §8.6.10).
func ExampleEvaluate() {
	sc, _ := configs.Builtin("europe-1947")
	c, err := sim.Compile(sc)
	if err != nil {
		panic(err)
	}
	var records []runner.Record
	_, err = runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 50, Seed: 1,
		OnRecord: func(r *runner.Record) { records = append(records, *r) }})
	if err != nil {
		panic(err)
	}
	for _, r := range targets.Evaluate(targets.For(sc.Name), records, sc.Calendar) {
		fmt.Printf("%s %5s%% [%3.0f, %3.0f] of %d runs, %.0f%% needed, met %v\n", r.ID,
			r.Percent(), 100*r.Share.Low, 100*r.Share.High, r.Share.N, 100*r.Threshold, r.Met)
	}
	// Output:
	// E1 100.0% [ 93, 100] of 50 runs, 80% needed, met true
	// E2   8.0% [  3,  19] of 50 runs, 60% needed, met false
	// E3  74.0% [ 60,  84] of 50 runs, 70% needed, met true
	// E4 100.0% [ 91, 100] of 37 runs, 75% needed, met true
	// E5  82.0% [ 69,  90] of 50 runs, 70% needed, met true
}

// A counterfactual judged by its history's targets: an overlay of
// europe-1947 without the United Kingdom keeps the built-in's name, and
// so its targets (For), which EvaluateScenario judges on the Brussels
// powers it still has, saying so in each note. An overlay that set a
// name of its own ([scenario] name) would have no targets.
func ExampleEvaluateScenario() {
	sc, err := configs.Parse("no-britain.toml", []byte(`extends = "europe-1947"
drop_states = ["gbr"]
`))
	if err != nil {
		panic(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		panic(err)
	}
	var records []runner.Record
	_, err = runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 10, Seed: 1,
		OnRecord: func(r *runner.Record) { records = append(records, targets.Slim(r)) }})
	if err != nil {
		panic(err)
	}
	fmt.Println(sc.Name)
	for _, r := range targets.EvaluateScenario(targets.For(sc.Name), records, sc) {
		fmt.Printf("%s %5s%% of %d runs, met %v\n", r.ID, r.Percent(), r.Share.N, r.Met)
		if r.Note != "" {
			fmt.Printf("  %s\n", r.Note)
		}
	}
	// Output:
	// europe-1947
	// E1  90.0% of 10 runs, met true
	//   judged without gbr: the scenario has 4 of gbr, fra, bel, nld, lux, and the target needs 2
	// E2   0.0% of 10 runs, met false
	//   judged without gbr: the scenario has 4 of gbr, fra, bel, nld, lux, and the target needs 4
	// E3  90.0% of 10 runs, met true
	//   judged without gbr: the scenario has 4 of gbr, fra, bel, nld, lux, and the target needs 2
	// E4 100.0% of 9 runs, met true
	//   judged without gbr: the scenario has 4 of gbr, fra, bel, nld, lux, and the target needs 2
	// E5 100.0% of 10 runs, met true
}

// A share prints rounded down to a tenth of a percent, so that one short
// of its threshold never prints as reaching it.
func ExampleResult_Percent() {
	for _, c := range [][2]int{{142, 203}, {350, 500}, {1, 3}, {0, 7}, {7, 7}, {1, 1}, {0, 0}} {
		r := targets.Result{Share: runner.NewProportion(c[0], c[1])}
		fmt.Printf("%d of %d: %s\n", c[0], c[1], r.Percent())
	}
	// Output:
	// 142 of 203: 69.9
	// 350 of 500: 70.0
	// 1 of 3: 33.3
	// 0 of 7: 0.0
	// 7 of 7: 100.0
	// 1 of 1: 100.0
	// 0 of 0: —
}
