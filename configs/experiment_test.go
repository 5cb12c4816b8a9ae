package configs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExperimentGrid(t *testing.T) {
	src := `scenario = "generic"
runs = 10
seed = 4
[[vary]]
path = "theater.generate.sea_fraction"
from = 0.1
to = 0.9
steps = 3
[[vary]]
path = "decision.strategy"
values = ["assurance", "powerplay"]
`
	x, err := ParseExperiment("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if x.Runs != 10 || x.Seed != 4 || len(x.Points) != 6 || len(x.Vary) != 2 {
		t.Fatalf("experiment %+v", x)
	}
	// the last path varies fastest
	if x.Points[1][0] != 0.1 || x.Points[1][1] != "powerplay" || x.Points[2][0] != 0.5 {
		t.Errorf("points %v", x.Points)
	}
	sc, err := x.ScenarioAt(5)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Generate.SeaFraction != 0.9 || sc.Decision.Strategy != "powerplay" || decisionOf(t, sc, sc.States[0].ID).Strategy != "powerplay" {
		t.Errorf("point 5 scenario: sea %v strategy %v", sc.Generate.SeaFraction, sc.Decision.Strategy)
	}
	if got := x.Describe(5); got != "theater.generate.sea_fraction=0.9, decision.strategy=powerplay" {
		t.Errorf("describe: %q", got)
	}
	if got := x.Describe(len(x.Points)); got != fmt.Sprintf("no point %d", len(x.Points)) {
		t.Errorf("describe past the last point: %q", got)
	}
}

func TestExperimentStatesAndLHS(t *testing.T) {
	src := `scenario = "asia-1950"
runs = 5
design = "lhs"
samples = 8
[[vary]]
path = "states.sov.revisionism"
from = 0.2
to = 0.6
[[vary]]
path = "states.jpn.decision.valuation"
values = ["prospect", "expected_utility"]
[[vary]]
path = "params.sea_cost"
from = 1
to = 5
`
	x, err := ParseExperiment("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Points) != 8 {
		t.Fatalf("%d points", len(x.Points))
	}
	// Latin hypercube: each of the 8 strata of a range is used once.
	strata := map[int]bool{}
	for _, p := range x.Points {
		v := p[0].(float64)
		if v < 0.2 || v > 0.6 {
			t.Fatalf("value %v outside the range", v)
		}
		strata[int((v-0.2)/0.4*8)] = true
	}
	if len(strata) != 8 {
		t.Errorf("strata used: %v", strata)
	}
	again, _ := ParseExperiment("x.toml", []byte(src))
	if again.Describe(3) != x.Describe(3) {
		t.Error("a Latin hypercube must be deterministic for a seed")
	}
	sc, err := x.ScenarioAt(0)
	if err != nil {
		t.Fatal(err)
	}
	sov := sc.States[sc.Index("sov")]
	if sov.Revisionism != x.Points[0][0].(float64) || sc.Params.SeaCost != x.Points[0][2].(float64) {
		t.Errorf("overrides not applied: %v %v", sov.Revisionism, sc.Params.SeaCost)
	}
	if v := decisionOf(t, sc, "jpn").Valuation; v != x.Points[0][1] {
		t.Errorf("jpn valuation %v", v)
	}
}

func TestExperimentErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"scenario = \"generic\"\nrunz = 3\n", "x.toml:2: runz: unknown key; allowed: scenario, runs"},
		{"runs = 3\n", "x.toml:1: scenario: missing"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.warp\"\nvalues = [1]\n", "x.toml:3: vary[0].path: \"params.warp\" names no parameter"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [-1]\n", "x.toml:4: vary[0].values: -1 is out of range; allowed: a number in [0, 1000000] for params.sea_cost"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.sea_fraction\"\nvalues = [0.999]\n", "point 0 (theater.generate.sea_fraction=0.999) gives an invalid scenario: theater.generate: 2 land cells for 8 states"},
		{"scenario = \"generic\"\ndesign = \"lhs\"\n", "x.toml:2: design: a Latin hypercube needs samples"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\n", "x.toml:2: vary[0]: a range needs from, to and steps"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\nspeed = 2\n", "x.toml:5: vary[0].speed: unknown key; allowed: path, values"},
		{"scenario = \"nowhere.toml\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n", "cannot read"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"states.zz.land\"\nvalues = [1]\n", "x.toml:3: vary[0].path: \"states.zz.land\" names no state of generic; allowed ids: patron, adversary, c1"},
	}
	for _, c := range cases {
		_, err := ParseExperiment("x.toml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want …%s…, got %v", c.src, c.want, err)
		}
	}
}

// A scenario path in an experiment resolves beside the experiment file.
func TestExperimentRelativeScenario(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "base.toml"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	exp := filepath.Join(dir, "exp.toml")
	if err := os.WriteFile(exp, []byte("scenario = \"base.toml\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [2, 4]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadExperiment(exp)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := x.ScenarioAt(1)
	if err != nil || sc.Params.SeaCost != 4 || sc.Name != "t" {
		t.Fatalf("%v %+v", err, sc)
	}
}

// What an experiment file may leave out: runs 100, seed 1, a grid, chunks
// of 100 replications, events written; a Sobol' design's base is halton.
func TestExperimentDefaults(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n")
	if x.Runs != 100 || x.Seed != 1 || x.Design != "grid" || x.Chunk != 100 || !x.Events || x.Base != "" {
		t.Errorf("runs %d, seed %d, design %q, chunk %d, events %v, base %q; want 100, 1, grid, 100, true, \"\"",
			x.Runs, x.Seed, x.Design, x.Chunk, x.Events, x.Base)
	}
	s := mustExperiment(t, "scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 2\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n")
	if s.Base != "halton" {
		t.Errorf("sobol: base %q, want halton", s.Base)
	}
}

// A drawn design is a function of the file's seed: another seed, other
// points (the chance that three lhs draws of two paths coincide is nil).
func TestDesignFollowsTheSeed(t *testing.T) {
	for _, design := range []string{"design = \"lhs\"\nsamples = 3\n", "design = \"morris\"\nsamples = 2\n", "design = \"sobol\"\nsamples = 2\n"} {
		src := func(seed int) string {
			return fmt.Sprintf("scenario = \"generic\"\nseed = %d\n%s[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n[[vary]]\npath = \"params.rough_cost\"\nfrom = 1\nto = 5\n", seed, design)
		}
		one, two, again := mustExperiment(t, src(1)), mustExperiment(t, src(2)), mustExperiment(t, src(1))
		if fmt.Sprint(one.Unit) == fmt.Sprint(two.Unit) || fmt.Sprint(one.Unit) != fmt.Sprint(again.Unit) {
			t.Errorf("%s: seed 1 %v, seed 2 %v, seed 1 again %v; want the seeds' draws to differ, and one seed's to repeat",
				strings.TrimSpace(design), one.Unit, two.Unit, again.Unit)
		}
	}
}

// Each of these experiments has exactly the errors listed: the
// least candidates is 2 even with samples missing; a Morris design of more
// trajectories than the most candidates (2000), candidates left to their
// default, is blamed on samples.
func TestExperimentErrorsExactly(t *testing.T) {
	const vary = "[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n"
	dir := t.TempDir()
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		// A points file beside another error: TestPointsFileReportedWithTheRest.
		{"candidates without samples", "scenario = \"generic\"\ndesign = \"morris\"\ncandidates = 1\n" + vary, []string{
			"x.toml:2: design: a Morris design needs samples; allowed: samples = a whole number ≥ 2, its number of trajectories (10 to 50 is usual) (or sweep --samples N)",
			"x.toml:3: candidates: 1 is out of range; allowed: a whole number in [2, 2000]"}},
		{"2001 trajectories", "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 2001\n" + vary, []string{
			"x.toml:3: samples: 2001 trajectories; allowed: 2 to 2000, the most candidate trajectories"}},
		// A value of a list written one per line is pointed at on its own
		// line.
		// An error about the whole list is at its key, not its first value.
		{"an odd number of values for morris, one per line", "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [\n 0.1,\n 0.2,\n 0.3,\n]\n", []string{
			"x.toml:6: vary[0].values: params.sea_cost takes 3 values under design = \"morris\": no number of levels steps along an odd number of values the same number each time and draws every one; allowed: an even number of values (levels then a multiple of it), or design = \"lhs\" or \"sobol\""}},
		{"a value out of range on its own line", "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [\n  1,\n  2,\n  -1,\n]\n", []string{
			"x.toml:7: vary[0].values: -1 is out of range; allowed: a number in [0, 1000000] for params.sea_cost"}},
	} {
		_, err := ParseExperiment(filepath.Join(dir, "x.toml"), []byte(c.src))
		checkErrorList(t, c.name, err, dir+string(filepath.Separator), c.want)
	}
}

// A path may name the scenario's first state (index 0).
func TestVaryFirstState(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"states.patron.land\"\nvalues = [1, 2]\n")
	sc, err := x.ScenarioAt(1)
	if err != nil || sc.States[0].ID != "patron" || sc.States[0].Land != 2 {
		t.Fatalf("%v: %+v", err, sc.States[0])
	}
}

// --samples may ask for as many trajectories as the file's candidates.
func TestResampleUpToCandidates(t *testing.T) {
	m := mustExperiment(t, "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 4\ncandidates = 10\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n")
	if err := m.Resample(10); err != nil || m.Samples != 10 || len(m.Points) != 20 {
		t.Errorf("--samples 10 with candidates = 10: %v, %d samples, %d points; want 10, 20", err, m.Samples, len(m.Points))
	}
}

// --set paths accumulate over calls; a path set again takes its new value.
func TestSetBaseAccumulates(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n")
	for _, s := range []string{"params.rough_cost=7", "scenario.ticks=30", "params.rough_cost=8"} {
		if err := x.SetBase(assignments(t, s)); err != nil {
			t.Fatal(err)
		}
	}
	sc, err := x.ScenarioAt(0)
	if err != nil || sc.Params.RoughCost != 8 || sc.Ticks != 30 || sc.Params.SeaCost != 1 {
		t.Fatalf("%v: rough %v, ticks %d, sea %v; want 8, 30, 1", err, sc.Params.RoughCost, sc.Ticks, sc.Params.SeaCost)
	}
}

// Every mistake of an experiment's [[vary]] tables is reported at once: a
// state id the scenario does not have beside a misspelt field, a range
// without steps and values out of their paths' ranges (the id was
// reported only once all the rest was sound, the values one point at a
// time).
func TestExperimentErrorsAtOnce(t *testing.T) {
	src := `scenario = "generic"
runs = 2
[[vary]]
path = "states.adversry.revisionism"
values = [0.1, 0.5]
[[vary]]
path = "states.c1.revisionsim"
values = [0.1]
[[vary]]
path = "params.sea_cost"
from = 1
to = 3
[[vary]]
path = "states.patron.stakes.c1"
values = [1, -1]
[[vary]]
path = "states.c2.reference"
values = [0.5, 1.2]
`
	_, err := ParseExperiment("x.toml", []byte(src))
	want := `x.toml:4: vary[0].path: "states.adversry.revisionism" names no state of generic; allowed ids: patron, adversary, c1, c2, c3, c4, c5, c6
x.toml:7: vary[1].path: "states.c1.revisionsim" names no state field that can be varied; allowed: land, naval, economy, revisionism, ideology, sovereign, reference
x.toml:9: vary[2]: a range needs from, to and steps; allowed: from = 0.1, to = 0.9, steps = 5
x.toml:15: vary[3].values: -1 is out of range; allowed: a number in [0, 1000000] for states.patron.stakes.c1
x.toml:18: vary[4].values: 1.2 is out of range; allowed: a number in [0, 1] for states.c2.reference`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	// A scenario that cannot be read is reported once the rest is sound,
	// not beside it (it names the file, and the paths cannot be checked).
	_, err = ParseExperiment("x.toml", []byte("scenario = \"nowhere.toml\"\n[[vary]]\npath = \"states.zz.land\"\nvalues = [-1]\n"))
	if err == nil || strings.Contains(err.Error(), "cannot read") || !strings.Contains(err.Error(), "-1 is out of range") {
		t.Errorf("an unreadable scenario with a bad value: %v", err)
	}
}

// An experiment built in Go, without the kinds a file's paths give,
// writes each value as a number: its points' scenarios are read as a
// file's would be (sea_cost 3 at point 0).
func TestScenarioAtOfAnExperimentBuiltInGo(t *testing.T) {
	x := &Experiment{File: "x.toml", Scenario: "generic", Runs: 1, Chunk: 1, Seed: 1, Design: "grid",
		Vary: []string{"params.sea_cost"}, Points: [][]any{{3.0}}}
	sc, err := x.ScenarioAt(0)
	if err != nil || sc.Params.SeaCost != 3 {
		t.Fatalf("ScenarioAt(0): %v, sea_cost %v; want 3", err, sc)
	}
}
