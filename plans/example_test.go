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
