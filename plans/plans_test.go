package plans

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// runner checks the plans and manifests it is given against the same
// designs and bounds as configs checks experiment files; neither imports
// the other, so this test keeps them one.
func TestLimitsAgree(t *testing.T) {
	if !slices.Equal(runner.Designs(), configs.Designs()) {
		t.Fatalf("runner.Designs %v, configs.Designs %v", runner.Designs(), configs.Designs())
	}
	if runner.MaxPoints != configs.MaxPoints {
		t.Fatalf("runner.MaxPoints %d, configs.MaxPoints %d", runner.MaxPoints, configs.MaxPoints)
	}
	if runner.MaxSeed != configs.MaxSeed {
		t.Fatalf("runner.MaxSeed %d, configs.MaxSeed %d", uint64(runner.MaxSeed), uint64(configs.MaxSeed))
	}
}

// hashOf is the SHA-256 of a scenario's canonical form, computed here
// apart from sha256Hex: 64 lowercase hex digits.
func hashOf(t *testing.T, sc *sim.Scenario) (string, []byte) {
	t.Helper()
	text, err := configs.Format(sc)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(text)), text
}

// A scenario's plan: the runs and seed as given, events written, no
// design, and one compiled point identified by the SHA-256 of the
// scenario's canonical TOML, with its calendar, ticks and record_every.
func TestScenarioPlan(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sc.Ticks = 36
	sc.Params.RecordEvery = 3
	plan, err := Scenario(sc, 7, 42)
	if err != nil {
		t.Fatal(err)
	}
	sum, text := hashOf(t, sc)
	if len(sum) != 64 {
		t.Fatalf("hash %q: want 64 hex digits", sum)
	}
	if plan.Scenario != sc.Name || !bytes.Equal(plan.ScenarioTOML, text) || plan.Runs != 7 || plan.Seed != 42 ||
		!plan.Events || plan.Design != nil || plan.Experiment != "" {
		t.Errorf("plan %q runs %d seed %d events %v design %v experiment %q; want %q, 7, 42, true, nil, \"\"",
			plan.Scenario, plan.Runs, plan.Seed, plan.Events, plan.Design, plan.Experiment, sc.Name)
	}
	if len(plan.Points) != 1 {
		t.Fatalf("%d points, want 1", len(plan.Points))
	}
	p := plan.Points[0]
	if p.SHA256 != sum || p.Ticks != 36 || p.RecordEvery != 3 || p.Calendar != sc.Calendar || p.Compiled == nil ||
		p.Compiled.Ticks() != 36 || p.Values != nil || p.Unit != nil {
		t.Errorf("point %+v; want SHA256 %s, 36 ticks, record_every 3, calendar %v, compiled", p, sum, sc.Calendar)
	}
}

// A scenario the engine refuses gives no plan.
func TestScenarioPlanInvalid(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sc.States = nil
	if plan, err := Scenario(sc, 1, 1); err == nil {
		t.Fatalf("a scenario with no states gave a plan: %+v", plan)
	}
}

// An experiment's plan carries the file's settings and design, and per
// point its values, unit coordinates, horizon and the SHA-256 of that
// point's scenario; Build compiles the point's own scenario.
func TestExperimentPlan(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, src string
		csv       string
		design    runner.Design
	}{
		{"morris.toml", `scenario = "generic"
runs = 3
seed = 7
chunk = 2
events = false
design = "morris"
samples = 2
levels = 6
candidates = 5
[[vary]]
path = "scenario.ticks"
values = [24, 48]
[[vary]]
path = "params.record_every"
values = [2, 4]
`, "", runner.Design{Kind: "morris", Samples: 2, Levels: 6, Candidates: 5}},
		{"sobol.toml", `scenario = "generic"
runs = 4
seed = 9
design = "sobol"
samples = 2
base = "random"
[[vary]]
path = "scenario.ticks"
values = [12, 36]
`, "", runner.Design{Kind: "sobol", Samples: 2, Base: "random"}},
		{"points.toml", `scenario = "generic"
runs = 5
design = "points"
points = "pts.csv"
`, "scenario.ticks,params.record_every\n12,3\n30,5\n", runner.Design{Kind: "points", Points: "pts.csv"}},
	} {
		if c.csv != "" {
			if err := os.WriteFile(filepath.Join(dir, "pts.csv"), []byte(c.csv), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		file := filepath.Join(dir, c.name)
		x, err := configs.ParseExperiment(file, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		plan, err := Experiment(x)
		if err != nil {
			t.Fatal(err)
		}
		base, err := x.BaseScenario()
		if err != nil {
			t.Fatal(err)
		}
		_, baseText := hashOf(t, base)
		if plan.Scenario != "generic" || plan.Experiment != file || !bytes.Equal(plan.ExperimentText, x.Canonical()) ||
			!bytes.Equal(plan.ScenarioTOML, baseText) || plan.Runs != x.Runs || plan.Seed != x.Seed ||
			plan.ChunkSize != x.Chunk || plan.Events != x.Events || !reflect.DeepEqual(plan.Vary, x.Vary) {
			t.Errorf("%s: plan %q %q runs %d seed %d chunk %d events %v vary %v; want the file's", c.name, plan.Scenario,
				plan.Experiment, plan.Runs, plan.Seed, plan.ChunkSize, plan.Events, plan.Vary)
		}
		if plan.Design == nil || *plan.Design != c.design {
			t.Errorf("%s: design %+v, want %+v", c.name, plan.Design, c.design)
		}
		if len(plan.Points) != len(x.Points) {
			t.Fatalf("%s: %d points, want %d", c.name, len(plan.Points), len(x.Points))
		}
		distinct := map[string]bool{}
		for p, pt := range plan.Points {
			sc, err := x.ScenarioAt(p)
			if err != nil {
				t.Fatal(err)
			}
			sum, _ := hashOf(t, sc)
			distinct[sum] = true
			var unit []float64
			if x.Unit != nil {
				unit = x.Unit[p]
			}
			if !reflect.DeepEqual(pt.Values, x.Points[p]) || !reflect.DeepEqual(pt.Unit, unit) || pt.SHA256 != sum ||
				pt.Ticks != sc.Ticks || pt.RecordEvery != sc.Params.RecordEvery || pt.Calendar != sc.Calendar || pt.Compiled != nil {
				t.Errorf("%s point %d: %+v; want values %v unit %v SHA256 %s ticks %d record_every %d",
					c.name, p, pt, x.Points[p], unit, sum, sc.Ticks, sc.Params.RecordEvery)
			}
			comp, err := pt.Build()
			if err != nil {
				t.Fatal(err)
			}
			if comp.Ticks() != sc.Ticks || comp.Params().RecordEvery != sc.Params.RecordEvery {
				t.Errorf("%s point %d: built %d ticks, record_every %d; want %d, %d", c.name, p, comp.Ticks(),
					comp.Params().RecordEvery, sc.Ticks, sc.Params.RecordEvery)
			}
		}
		if len(distinct) < 2 {
			t.Errorf("%s: the points' scenarios hash alike; the test needs them to differ", c.name)
		}
	}
}

// A plan of no runs, or of seeds past 2^53 − 1, is refused when it is
// made, as runner.MonteCarlo refuses it, not when it is executed; one run
// at the last seed is not.
func TestScenarioRefusesImpossibleRuns(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		runs int
		seed uint64
		want string
	}{
		{0, 1, "0 runs; allowed: a whole number ≥ 1"},
		{-3, 1, "-3 runs; allowed: a whole number ≥ 1"},
		{3, runner.MaxSeed, "seed 9007199254740991 with 3 runs reaches past 9007199254740991; allowed: seeds with seed + runs − 1 ≤ 2^53 − 1"},
	} {
		if _, err := Scenario(sc, c.runs, c.seed); err == nil || err.Error() != c.want {
			t.Errorf("runs %d seed %d: got %v, want %s", c.runs, c.seed, err, c.want)
		}
	}
	// One run is a plan, at the last seed too (seed + 1 − 1 = 2^53 − 1).
	if plan, err := Scenario(sc, 1, runner.MaxSeed); err != nil || plan.Runs != 1 {
		t.Errorf("1 run at seed %d: %v", runner.MaxSeed, err)
	}
}

// A plan is of the experiment as it was when planned: changing the
// experiment afterwards (its base, its sample, a point's value) changes
// neither the plan's values nor what its points build.
func TestExperimentPlanIsACopy(t *testing.T) {
	x, plan := planOf(t, filepath.Join(t.TempDir(), "x.toml"), `scenario = "generic"
design = "lhs"
samples = 4
runs = 3
[[vary]]
path = "scenario.ticks"
from = 12
to = 60
`)
	ticks := make([]int, len(plan.Points))
	for p, pt := range plan.Points {
		ticks[p] = int(pt.Values[0].(float64))
	}
	if err := x.SetBase([]configs.Assignment{{Path: "params.record_every", Value: 6.0}}); err != nil {
		t.Fatal(err)
	}
	if err := x.Resample(5); err != nil {
		t.Fatal(err)
	}
	x.Points[0][0] = 72.0
	x.Vary[0] = "params.sea_cost"
	if len(plan.Points) != 4 || plan.Vary[0] != "scenario.ticks" {
		t.Fatalf("%d points varying %v after the experiment changed; want the 4 planned, varying scenario.ticks", len(plan.Points), plan.Vary)
	}
	for p, pt := range plan.Points {
		if got := int(pt.Values[0].(float64)); got != ticks[p] {
			t.Errorf("point %d: value %d after the experiment changed; want %d as planned", p, got, ticks[p])
		}
		c, err := pt.Build()
		if err != nil {
			t.Fatalf("point %d: %v", p, err)
		}
		if c.Ticks() != ticks[p] || c.Params().RecordEvery == 6 {
			t.Errorf("point %d builds %d ticks, record_every %d; want %d ticks and the default", p, c.Ticks(), c.Params().RecordEvery, ticks[p])
		}
	}
}

// A point whose scenario file was edited after the plan was made does not
// build: the manifest would identify a scenario other than the one run.
func TestExperimentPlanRefusesAnEditedScenario(t *testing.T) {
	dir := t.TempDir()
	scenario := filepath.Join(dir, "world.toml")
	write := func(ticks int) {
		t.Helper()
		src := fmt.Sprintf("extends = \"generic\"\n[scenario]\nticks = %d\n", ticks)
		if err := os.WriteFile(scenario, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(24)
	_, plan := planOf(t, filepath.Join(dir, "x.toml"), `scenario = "world.toml"
runs = 2
[[vary]]
path = "params.sea_cost"
values = [1.0, 2.0]
`)
	if _, err := plan.Points[0].Build(); err != nil {
		t.Fatalf("the file as planned: %v", err)
	}
	// The plan names the scenario as a run of it does, by its name (here
	// generic's, which a file extending it keeps unless it names itself),
	// not by the experiment's reference to the file.
	if plan.Scenario != "generic" {
		t.Errorf("the plan's scenario %q, want generic, the scenario's name", plan.Scenario)
	}
	write(36)
	_, err := plan.Points[1].Build()
	want := "params.sea_cost=2: the scenario differs from the one planned (a file it extends, world.toml, changed after the sweep was planned); allowed: files left as they are until the sweep ends, or a sweep planned again"
	if err == nil || err.Error() != want {
		t.Errorf("the file edited after planning: got %v, want %s", err, want)
	}
}

// Nil arguments are errors, not panics.
func TestNilArguments(t *testing.T) {
	if _, err := Experiment(nil); err == nil {
		t.Error("Experiment(nil): no error")
	}
	if _, err := Scenario(nil, 1, 1); err == nil {
		t.Error("Scenario(nil, 1, 1): no error")
	}
	// An experiment changed in Go is checked (configs.Experiment.Check)
	// before it is planned: a point without values, a unit row short of
	// its paths, or no runs, are errors, not panics or a plan that fails
	// later.
	x, _ := planOf(t, "x.toml", `scenario = "generic"
runs = 2
design = "lhs"
samples = 2
[[vary]]
path = "params.sea_cost"
from = 1
to = 4
`)
	for _, change := range []func(y *configs.Experiment){
		func(y *configs.Experiment) { y.Points[1] = []any{} },
		func(y *configs.Experiment) { y.Unit[0] = nil },
		func(y *configs.Experiment) { y.Runs = 0 },
	} {
		y := x.Clone()
		change(y)
		if _, err := Experiment(y); err == nil || !strings.HasPrefix(err.Error(), "x.toml: ") {
			t.Errorf("a changed experiment: %v, want its error", err)
		}
	}
}

// planOf parses an experiment as the file named and plans it, or fails
// the test.
func planOf(t *testing.T, file, src string) (*configs.Experiment, *runner.Plan) {
	t.Helper()
	x, err := configs.ParseExperiment(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Experiment(x)
	if err != nil {
		t.Fatal(err)
	}
	return x, plan
}
