package plans_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
)

// A sweep of a scenario built in code, not read from a file: generic with
// its adversary half as strong again on land, swept over three shares of
// sea in its generated theatre, 20 replications each from seed 1, in
// memory (runner.Execute would write
// the same numbers to a directory). Each point's share of runs in which
// clients alone formed an alliance of three or more, with its interval.
func ExampleSweep() {
	sc, err := configs.Builtin("generic")
	if err != nil {
		panic(err)
	}
	sc.Name = "generic-strong-adversary"
	sc.States[sc.Index("adversary")].Land *= 1.5
	vary := []string{"theater.generate.sea_fraction"}
	plan, err := plans.Sweep(sc, 20, 1, vary, [][]any{{0.0}, {0.4}, {0.8}})
	if err != nil {
		panic(err) // a path that names nothing, or a value it refuses, names the point
	}
	res, err := runner.Sweep(context.Background(), plan, runner.Options{})
	if err != nil {
		panic(err)
	}
	for _, pt := range res.Points {
		fmt.Printf("sea %v: %v\n", pt.Values[vary[0]], pt.Share(runner.ClientAlliance3Plus))
	}
	// Output:
	// sea 0: 0.350 [0.181, 0.567] (7 of 20 runs)
	// sea 0.4: 0.100 [0.028, 0.301] (2 of 20 runs)
	// sea 0.8: 0.000 [0.000, 0.161] (0 of 20 runs)
}

// What `alliancesim run generic --runs 20 --out DIR` does: the plan of
// 20 replications of a built-in scenario from seed 1, executed into a
// directory. The files are those README's "Many runs: outputs"
// describes; scenario.toml is the plan's canonical scenario, whose hash
// the manifest records; parts/ holds the finished chunks, for --resume
// and merge; summary.json is written last.
func ExampleScenario() {
	sc, err := configs.Builtin("generic")
	if err != nil {
		panic(err)
	}
	plan, err := plans.Scenario(sc, 20, 1)
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "generic.out")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "generic.out")
	if err := runner.Execute(context.Background(), plan, out, runner.ExecOptions{}); err != nil {
		panic(err)
	}
	files, _ := os.ReadDir(out)
	for _, f := range files {
		fmt.Println(f.Name())
	}
	// Output:
	// alliances.csv
	// events.jsonl
	// manifest.json
	// memberships.csv
	// parts
	// runs.csv
	// scenario.toml
	// summary.json
	// survival.csv
}
