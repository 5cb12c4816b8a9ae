package configs

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// Check passes an experiment as LoadExperiment returns it, and names what
// is wrong with one changed in Go: a value missing from a point, a unit
// row too short or outside [0, 1], runs, chunk, seed, design or scenario
// out of range, no points at all. Describe and ScenarioAt say so of a
// short point too, rather than index past it.
func TestExperimentCheck(t *testing.T) {
	x, err := ParseExperiment("x.toml", []byte(twoPathLHS))
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Check(); err != nil {
		t.Fatalf("as loaded: %v", err)
	}
	for _, c := range []struct {
		name   string
		change func(y *Experiment)
		want   string
	}{
		{"a point without values", func(y *Experiment) { y.Points[1] = []any{} },
			"x.toml: point 1: 0 values; allowed: one per varied path, 2 (scenario.ticks, params.sea_cost)"},
		{"a unit row too short", func(y *Experiment) { y.Unit[2] = y.Unit[2][:1] },
			"x.toml: unit row 2: 1 coordinates; allowed: one per varied path, 2"},
		{"a unit row for fewer points", func(y *Experiment) { y.Unit = y.Unit[:1] },
			"x.toml: unit: 1 rows; allowed: one per point, 3, or none"},
		{"a coordinate outside [0, 1]", func(y *Experiment) { y.Unit[0][1] = math.NaN() },
			"x.toml: unit row 0: params.sea_cost's coordinate NaN; allowed: a number in [0, 1]"},
		{"no runs", func(y *Experiment) { y.Runs = 0 }, "x.toml: runs: 0 is out of range; allowed: a whole number in [1, 100000000]"},
		{"no chunk", func(y *Experiment) { y.Chunk = 0 }, "x.toml: chunk: 0 is out of range; allowed: a whole number in [1, 1000000]"},
		{"a seed past MaxSeed", func(y *Experiment) { y.Seed = MaxSeed + 1 },
			"x.toml: seed: 9007199254740992 is out of range; allowed: a whole number in [0, 9007199254740991]"},
		{"a seed whose runs reach past MaxSeed", func(y *Experiment) { y.Seed, y.Runs = MaxSeed, 2 },
			"x.toml: seed: 9007199254740991 with 2 runs reaches past 9007199254740991; allowed: a seed of at most 9007199254740990"},
		{"an unknown design", func(y *Experiment) { y.Design = "halton" },
			`x.toml: design: "halton" is not a design; allowed: grid, lhs, morris, sobol, points`},
		{"no points", func(y *Experiment) { y.Points, y.Unit = nil, nil }, "x.toml: points: 0; allowed: 1 to 100000"},
		{"no scenario, no file", func(y *Experiment) { y.Scenario, y.File = "", "" }, "experiment: scenario: empty; allowed: a built-in scenario name ("},
	} {
		y := x.Clone()
		c.change(y)
		if err := y.Check(); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	y := x.Clone()
	y.Points[1] = y.Points[1][:1]
	if got, want := y.Describe(1), fmt.Sprintf("scenario.ticks=%v, params.sea_cost=(no value)", y.Points[1][0]); got != want {
		t.Errorf("Describe of a short point: %q", got)
	}
	if _, err := y.ScenarioAt(1); err == nil || err.Error() != "x.toml: point 1 has 1 values; allowed: one per varied path, 2 (scenario.ticks, params.sea_cost)" {
		t.Errorf("ScenarioAt of a short point: %v", err)
	}
	var none *Experiment
	if err := none.Check(); err == nil || !strings.Contains(err.Error(), "nil experiment") {
		t.Errorf("Check of nil: %v", err)
	}
}

// The largest seed Check passes with runs replications is MaxSeed −
// (runs − 1), whose last replication plays MaxSeed: with 2 runs,
// MaxSeed − 1 passes and MaxSeed does not (TestExperimentCheck).
func TestExperimentCheckLargestSeedForRuns(t *testing.T) {
	x, err := ParseExperiment("x.toml", []byte(twoPathLHS))
	if err != nil {
		t.Fatal(err)
	}
	y := x.Clone()
	y.Seed, y.Runs = MaxSeed-1, 2
	if err := y.Check(); err != nil {
		t.Errorf("seed MaxSeed − 1 with 2 runs: %v", err)
	}
}

// A file whose seed with its runs reaches past MaxSeed is refused when it
// is read, as Check would refuse it, at the seed's line and key, saying
// how far the seed may go with these runs (given, or the default 100);
// MaxSeed − (runs − 1) is read.
func TestExperimentLastSeedWithinMaxSeed(t *testing.T) {
	const vary = "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n"
	for _, c := range []struct {
		src  string
		want string // "": read
	}{
		{"scenario = \"generic\"\nruns = 2\nseed = 9007199254740991\n" + vary,
			"x.toml:3: seed: 9007199254740991 with 2 runs (line 2) reaches seed 9007199254740992, past 9007199254740991 (2^53 − 1, the largest held exactly as a number); allowed: a seed of at most 9007199254740990 with these runs"},
		{"scenario = \"generic\"\nseed = 9007199254740900\n" + vary,
			"x.toml:2: seed: 9007199254740900 with 100 runs (the default) reaches seed 9007199254740999, past 9007199254740991 (2^53 − 1, the largest held exactly as a number); allowed: a seed of at most 9007199254740892 with these runs"},
		{"scenario = \"generic\"\nruns = 2\nseed = 9007199254740990\n" + vary, ""},
	} {
		x, err := ParseExperiment("x.toml", []byte(c.src))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v, want it read", c.src, err)
		case c.want == "":
			if err := x.Check(); err != nil {
				t.Errorf("%q: read, yet Check says %v", c.src, err)
			}
		case err == nil || err.Error() != c.want:
			t.Errorf("%q: %v, want %s", c.src, err, c.want)
		}
	}
}
