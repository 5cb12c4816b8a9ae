package plans

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
)

// A sweep of a scenario value is the sweep of an experiment file over the
// same scenario, paths and values: the same base and point scenarios (by
// their canonical text's hash), values, runs and seed, and so the same
// numbers from runner.Sweep. Its design is "points".
func TestSweepIsTheExperimentsSweep(t *testing.T) {
	x, err := configs.ParseExperiment("x.toml", []byte(`scenario = "generic"
runs = 4
seed = 3
[[vary]]
path = "theater.generate.sea_fraction"
values = [0.0, 0.8]
[[vary]]
path = "theater.generate.islands"
values = [2, 6]
`))
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := Experiment(x)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	vary := []string{"theater.generate.sea_fraction", "theater.generate.islands"}
	points := [][]any{{0.0, 2}, {0.0, 6}, {0.8, 2}, {0.8, 6}} // a grid, the last path fastest, as the file's
	inCode, err := Sweep(sc, 4, 3, vary, points)
	if err != nil {
		t.Fatal(err)
	}
	if inCode.Scenario != fromFile.Scenario || string(inCode.ScenarioTOML) != string(fromFile.ScenarioTOML) ||
		inCode.Runs != fromFile.Runs || inCode.Seed != fromFile.Seed || !reflect.DeepEqual(inCode.Vary, fromFile.Vary) {
		t.Fatalf("plans differ: %q %d %d %v, file's %q %d %d %v", inCode.Scenario, inCode.Runs, inCode.Seed, inCode.Vary,
			fromFile.Scenario, fromFile.Runs, fromFile.Seed, fromFile.Vary)
	}
	if inCode.Design == nil || inCode.Design.Kind != "points" {
		t.Errorf("design %+v, want points", inCode.Design)
	}
	if len(inCode.Points) != len(fromFile.Points) {
		t.Fatalf("%d points, the file's %d", len(inCode.Points), len(fromFile.Points))
	}
	for p := range inCode.Points {
		a, b := inCode.Points[p], fromFile.Points[p]
		if a.SHA256 != b.SHA256 || !reflect.DeepEqual(a.Values, b.Values) || a.Calendar != b.Calendar || a.Ticks != b.Ticks {
			t.Errorf("point %d: %v %s, the file's %v %s", p, a.Values, a.SHA256, b.Values, b.SHA256)
		}
	}
	got, err := runner.Sweep(context.Background(), inCode, runner.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	want, err := runner.Sweep(context.Background(), fromFile, runner.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for p := range want.Points {
		if !reflect.DeepEqual(got.Points[p].Shares, want.Points[p].Shares) {
			t.Errorf("point %d: shares %v, the file's %v", p, got.Points[p].Shares, want.Points[p].Shares)
		}
	}
}

// The plan keeps a copy of the scenario: a change made to it after
// planning changes nothing the plan runs.
func TestSweepKeepsACopy(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Sweep(sc, 1, 1, []string{"params.sea_cost"}, [][]any{{2}})
	if err != nil {
		t.Fatal(err)
	}
	before := plan.Points[0].SHA256
	sc.Params.SeaCost = 9
	sc.Ticks = 12
	c, err := plan.Points[0].Build()
	if err != nil {
		t.Fatal(err)
	}
	if c.Params().SeaCost != 2 || c.Ticks() == 12 || plan.Points[0].SHA256 != before {
		t.Errorf("after the scenario changed, the point compiles sea_cost %v, %d ticks", c.Params().SeaCost, c.Ticks())
	}
	if v := plan.Points[0].Values[0]; v != 2.0 {
		t.Errorf("the value 2 (an int) is held as %v (%T), want the float64 a manifest reads back", v, v)
	}
}

// A sweep of a scenario value written to a directory, as runner.Execute
// writes any plan: its manifest says the design and each point's values.
func TestSweepExecutes(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Sweep(sc, 2, 1, []string{"params.sea_cost"}, [][]any{{1}, {4.5}})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "sweep.out")
	if err := runner.Execute(context.Background(), plan, out, runner.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m runner.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Design == nil || m.Design.Kind != "points" || len(m.Points) != 2 || m.Points[1].Values[0] != 4.5 || m.Experiment != "" {
		t.Errorf("manifest: design %+v, points %+v, experiment %q", m.Design, m.Points, m.Experiment)
	}
}

// Each refusal says what is wrong and what is allowed, naming the point
// and its values where one point is at fault.
func TestSweepRefuses(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sea := []string{"params.sea_cost"}
	for _, c := range []struct {
		name   string
		runs   int
		vary   []string
		points [][]any
		want   string
	}{
		{"no runs", 0, sea, [][]any{{1}}, "0 runs; allowed: a whole number ≥ 1"},
		{"no paths", 1, nil, [][]any{{}}, "no varied paths; allowed: one or more paths"},
		{"no points", 1, sea, nil, "no points for params.sea_cost; allowed: one or more"},
		{"a value short", 1, []string{"params.sea_cost", "params.sea_fraction"}, [][]any{{1}}, "point 0 has 1 values; allowed: one per varied path, 2 (params.sea_cost, params.sea_fraction)"},
		{"not a value", 1, sea, [][]any{{1}, {[]int{1}}}, "point 1: params.sea_cost = [1] ([]int); allowed: a number, a bool or a string"},
		{"a path that names nothing", 1, []string{"params.sea_cots"}, [][]any{{1}}, "point 0 (params.sea_cots = 1): "},
		{"a state that is not there", 1, []string{"states.zz.land"}, [][]any{{1}}, "point 0 (states.zz.land = 1): "},
		{"out of range", 1, sea, [][]any{{1}, {-1}}, "point 1 (params.sea_cost = -1): "},
	} {
		_, err := Sweep(sc, c.runs, 1, c.vary, c.points)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v, want %s…", c.name, err, c.want)
		}
	}
	if _, err := Sweep(nil, 1, 1, sea, [][]any{{1}}); err == nil || !strings.Contains(err.Error(), "nil scenario") {
		t.Errorf("a nil scenario: %v", err)
	}
	if _, err := Sweep(sc, 2, runner.MaxSeed, sea, [][]any{{1}}); err == nil {
		t.Error("seeds past 2^53 − 1: no error")
	}
}
