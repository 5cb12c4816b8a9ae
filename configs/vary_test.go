package configs

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// experimentErr parses an experiment that must fail with an error at line
// and key whose message contains message.
func experimentErr(t *testing.T, src string, line int, key, message string) {
	t.Helper()
	_, err := ParseExperiment("x.toml", []byte(src))
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("want Errors, got %v for\n%s", err, src)
	}
	for _, e := range list {
		if e.File == "x.toml" && e.Line == line && e.Key == key && strings.Contains(e.Msg, message) {
			return
		}
	}
	t.Fatalf("want x.toml:%d: %s: …%s…; got\n%v", line, key, message, list)
}

func mustExperiment(t *testing.T, src string) *Experiment {
	t.Helper()
	x, err := ParseExperiment("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// A Latin hypercube draws from from/to; steps belongs to grids.
func TestLHSRange(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 5\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n")
	if x.Samples != 5 || len(x.Points) != 5 {
		t.Fatalf("%d samples, %d points", x.Samples, len(x.Points))
	}
	for _, p := range x.Points {
		if v := p[0].(float64); v < 1 || v > 2 {
			t.Errorf("%v outside [1, 2]", v)
		}
	}
	experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 5\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\nsteps = 3\n",
		8, "vary[0].steps", `steps is for grids; allowed: from and to alone under design = "lhs"`)
	experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 5\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\n",
		4, "vary[0]", "a range needs from and to")
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n",
		2, "vary[0]", "a range needs from, to and steps")
}

// Paths that take whole numbers get whole numbers.
func TestWholeNumberPaths(t *testing.T) {
	// lhs: 16 samples over the 8 whole numbers in [1.5, 9.2], each twice.
	x := mustExperiment(t, `scenario = "generic"
design = "lhs"
samples = 16
[[vary]]
path = "decision.patience"
from = 1.5
to = 9.2
[[vary]]
path = "theater.generate.islands"
from = 1
to = 4
[[vary]]
path = "scenario.ticks"
from = 100
to = 200
`)
	count := map[float64]int{}
	for _, p := range x.Points {
		count[p[0].(float64)]++
		for d, lo := range []float64{2, 1, 100} {
			v := p[d].(float64)
			if v != float64(int(v)) || v < lo {
				t.Errorf("%s = %v", x.Vary[d], v)
			}
		}
	}
	if want := map[float64]int{2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 2}; !reflect.DeepEqual(count, want) {
		t.Errorf("patience drawn %v, want each whole number twice", count)
	}
	sc, err := x.ScenarioAt(3)
	if err != nil || sc.Decision.Patience != x.Points[3][0] || float64(sc.Generate.Islands) != x.Points[3][1] || float64(sc.Ticks) != x.Points[3][2] {
		t.Fatalf("point 3: %v", err)
	}
	for _, p := range []int{-1, 16} {
		if _, err := x.ScenarioAt(p); err == nil || !strings.Contains(err.Error(), "allowed: 0 to 15") {
			t.Errorf("ScenarioAt(%d): %v", p, err)
		}
	}
	experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 2\n[[vary]]\npath = \"decision.patience\"\nfrom = 1.2\nto = 1.8\n",
		4, "vary[0]", "no whole number between from = 1.2 and to = 1.8")

	// grids
	x = mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.retry_interval\"\nfrom = 0\nto = 12\nsteps = 4\n")
	if want := [][]any{{0.0}, {4.0}, {8.0}, {12.0}}; !reflect.DeepEqual(x.Points, want) {
		t.Errorf("points %v, want %v", x.Points, want)
	}
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.retry_interval\"\nfrom = 0\nto = 10\nsteps = 4\n",
		6, "vary[0].steps", "from = 0, to = 10 in 4 steps gives 3.33333333333, not a whole number, and params.retry_interval takes whole numbers; allowed: steps such that (to − from)/(steps − 1) is whole, e.g. steps = 3")
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"scenario.ticks\"\nfrom = 10.5\nto = 20\nsteps = 2\n",
		4, "vary[0].from", "10.5 is not a whole number")
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"decision.patience\"\nvalues = [12, 2.5]\n",
		4, "vary[0].values", "2.5 is not a whole number; allowed: a whole number in [0, 1000000] for decision.patience")
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.width\"\nvalues = [40, \"wide\"]\n",
		4, "vary[0].values", `"wide" is a string; allowed: a whole number in [2, 1000] for theater.generate.width`)
}

// Booleans and names take values of their own type, never a range.
func TestBoolAndStringPaths(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"states.c1.sovereign\"\nvalues = [true, false]\n")
	if want := [][]any{{true}, {false}}; !reflect.DeepEqual(x.Points, want) {
		t.Errorf("points %v", x.Points)
	}
	sc, err := x.ScenarioAt(1)
	if err != nil || sc.States[sc.Index("c1")].Sovereign {
		t.Fatalf("c1 still sovereign at point 1 (%v)", err)
	}
	cases := []struct {
		vary, key, message string
	}{
		{"path = \"states.c1.sovereign\"\nfrom = 0\nto = 1\nsteps = 2\n", "vary[0].from", "a range is for numbers, and states.c1.sovereign takes true or false; allowed: values = [true, false]"},
		{"path = \"states.c1.sovereign\"\nvalues = [1, 0]\n", "vary[0].values", "1 is a number; allowed: true or false for states.c1.sovereign"},
		{"path = \"decision.strategy\"\nfrom = 0\nto = 1\nsteps = 2\n", "vary[0].from", `takes strings; allowed: values = ["a", "b"]`},
		{"path = \"decision.strategy\"\nvalues = [1]\n", "vary[0].values", "1 is a number; allowed: assurance, powerplay, prospect for decision.strategy"},
		{"path = \"states.c1.decision.valuation\"\nvalues = [\"prospect\", \"hunch\"]\n", "vary[0].values", `"hunch" is not a known valuation; allowed:`},
		{"path = \"params.sea_cost\"\nvalues = [\"high\"]\n", "vary[0].values", `"high" is a string; allowed: a number in [0, 1000000] for params.sea_cost`},
		{"path = \"params.sea_cost\"\nvalues = [true]\n", "vary[0].values", "true is a boolean; allowed: a number in [0, 1000000] for params.sea_cost"},
		{"path = \"params.sea_cost\"\nvalues = [nan]\n", "vary[0].values", "NaN is not a finite number"},
	}
	for _, c := range cases {
		experimentErr(t, "scenario = \"generic\"\n[[vary]]\n"+c.vary, 4, c.key, c.message)
	}
}

// Grid values are what a user would write, without floating-point noise.
func TestGridValuesExact(t *testing.T) {
	cases := []struct {
		from, to float64
		steps    int
		want     []any
	}{
		{0.1, 0.9, 5, []any{0.1, 0.3, 0.5, 0.7, 0.9}},
		{0, 0.8, 5, []any{0.0, 0.2, 0.4, 0.6, 0.8}},
		{0, 1, 11, []any{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}},
		{0.9, 0.1, 3, []any{0.9, 0.5, 0.1}},
		{2, 2, 1, []any{2.0}},
	}
	for _, c := range cases {
		if got := gridValues(c.from, c.to, c.steps); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v to %v in %d: %v, want %v", c.from, c.to, c.steps, got, c.want)
		}
	}
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.sea_fraction\"\nfrom = 0.1\nto = 0.9\nsteps = 5\n")
	if got := x.Describe(1); got != "theater.generate.sea_fraction=0.3" {
		t.Errorf("describe %q", got)
	}
}

// Seeds are whole numbers in [0, 2^53 − 1], exact as doubles (with one
// run: the last replication plays seed + runs − 1).
func TestExperimentSeedRange(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\nruns = 1\nseed = 9007199254740991\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n")
	if x.Seed != MaxSeed || float64(x.Seed) != 9007199254740991 {
		t.Errorf("seed %d", x.Seed)
	}
	experimentErr(t, "scenario = \"generic\"\nseed = 9007199254740992\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n", 2, "seed", "9007199254740992 is out of range; allowed: a whole number in [0, 9007199254740991]")
	experimentErr(t, "scenario = \"generic\"\nseed = -1\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n", 2, "seed", "out of range")
}

// A grid too large is refused before it is built.
func TestGridTooLarge(t *testing.T) {
	var b strings.Builder
	b.WriteString("scenario = \"generic\"\n")
	for _, p := range []string{"params.sea_cost", "params.rough_cost", "params.sealift", "params.exit_cost"} {
		b.WriteString("[[vary]]\npath = \"" + p + "\"\nfrom = 0\nto = 1\nsteps = 100000\n")
	}
	experimentErr(t, b.String(), 2, "vary", "1e+20 points; allowed: at most 100000")
}

// Sweeps at the edges: no [[vary]] (which used to run every replication and
// then fail on a missing points.csv, and under lhs gave a summary over
// point 0 only), non-finite and overflowing ranges (which gave a TOML syntax
// error from the internal overlay), and generator paths on a drawn map
// (which said "width and height are required"): each is refused, naming the
// key and what is allowed.
func TestSweepEdgeCases(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\nruns = 2\n", 1, "vary", "no [[vary]]: nothing to sweep; allowed: at least one [[vary]]")
	one := "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n"
	experimentErr(t, "scenario = \"generic\"\nchunk = 0\n"+one, 2, "chunk", "0 is out of range; allowed: a whole number in [1, 1000000]")
	experimentErr(t, "scenario = \"generic\"\nruns = 0\n"+one, 2, "runs", "0 is out of range; allowed: a whole number in [1, 100000000]")
	experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n", 1, "vary", "no [[vary]]")
	vary := "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\n"
	experimentErr(t, vary+"from = nan\nto = 1.0\nsteps = 3\n", 4, "vary[0].from", "NaN is not a finite number")
	experimentErr(t, vary+"from = 0.0\nto = inf\nsteps = 3\n", 5, "vary[0].to", "+Inf is not a finite number")
	experimentErr(t, vary+"values = [1.0, -inf]\n", 4, "vary[0].values", "-Inf is not a finite number")
	// One step from 1 to 3 used to run 1 alone, dropping to unsaid; one
	// step from a value to itself is that value.
	experimentErr(t, vary+"from = 1.0\nto = 3.0\nsteps = 0\n", 6, "vary[0].steps", "0 is out of range; allowed: a whole number in [2, 100000] (or 1 when from = to)")
	experimentErr(t, vary+"from = 1.0\nto = 3.0\nsteps = 1\n", 6, "vary[0].steps", "1 step from 1 to 3 would run 1 alone; allowed: steps ≥ 2 to reach to, or values = [1] for one value")
	if x, err := ParseExperiment("x.toml", []byte(vary+"from = 2.0\nto = 2.0\nsteps = 1\n")); err != nil || len(x.Points) != 1 || x.Points[0][0] != 2.0 {
		t.Errorf("one step from 2 to 2: %v", err)
	}
	lhs := "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n[[vary]]\npath = \"params.sea_cost\"\n"
	experimentErr(t, lhs+"from = -inf\nto = 1.0\n", 6, "vary[0].from", "-Inf is not a finite number")
	// Ranges whose width overflows: every value is finite, and the
	// negative ones are refused by the parameter's own range.
	for _, src := range []string{vary + "from = -1.7e308\nto = 1.7e308\nsteps = 3\n", lhs + "from = -1.7e308\nto = 1.7e308\n"} {
		_, err := ParseExperiment("x.toml", []byte(src))
		if err == nil || strings.Contains(err.Error(), "Inf") || strings.Contains(err.Error(), "NaN") || !strings.Contains(err.Error(), "is out of range; allowed: a number") {
			t.Errorf("overflowing range: %v", err)
		}
	}
	grid := gridValues(-1.7e308, 1.7e308, 3)
	if grid[1].(float64) != 0 || grid[0].(float64) != -1.7e308 || grid[2].(float64) != 1.7e308 {
		t.Errorf("grid over the whole range: %v", grid)
	}
	whole := "scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.seed\"\n"
	// A whole number is held as a number, exact to 2^53 − 1; past it the
	// value is refused as written, not rounded and then misnamed.
	// A seed in its range but past 2^53 − 1 is too large to be held; one
	// out of its range is out of range, as in a file.
	const tooLarge = " is too large to be held exactly; allowed: a whole number in [0, 9007199254740991] for theater.generate.seed"
	const outOfRange = " is out of range; allowed: a whole number in [0, 9007199254740991] for theater.generate.seed"
	experimentErr(t, whole+"from = 0\nto = 1e300\nsteps = 3\n", 5, "vary[0].to", "1e+300"+outOfRange)
	experimentErr(t, whole+"from = 0\nto = 9007199254740992\nsteps = 3\n", 5, "vary[0].to", "9007199254740992"+tooLarge)
	experimentErr(t, whole+"from = 0\nto = 9007199254740993\nsteps = 3\n", 5, "vary[0].to", "9007199254740993"+tooLarge) // a double holds …992
	experimentErr(t, whole+"from = -9007199254740993\nto = 0\nsteps = 3\n", 4, "vary[0].from", "-9007199254740993"+outOfRange)
	experimentErr(t, whole+"values = [9007199254740992]\n", 4, "vary[0].values", "9007199254740992"+tooLarge)
	experimentErr(t, whole+"values = [9007199254740993]\n", 4, "vary[0].values", "9007199254740993"+tooLarge)
	experimentErr(t, whole+"values = [-9223372036854775808]\n", 4, "vary[0].values", "-9223372036854775808"+outOfRange)
	if x, err := ParseExperiment("x.toml", []byte(whole+"values = [9007199254740991]\n")); err != nil || x.Points[0][0] != 9007199254740991.0 {
		t.Errorf("seed 2^53 − 1: %v", err)
	}
	experimentErr(t, "scenario = \"europe-1947\"\n[[vary]]\npath = \"theater.generate.width\"\nvalues = [10, 20]\n", 3, "vary[0].path",
		`"theater.generate.width" sets the theatre generator, but europe-1947 has a drawn map (theater.map); allowed: theater.generate.* only for a scenario with [theater.generate]`)
	sc, err := Builtin("europe-1947")
	if err != nil {
		t.Fatal(err)
	}
	if err := SetPath(sc, "theater.generate.sea_fraction", 0.5); err == nil || !strings.Contains(err.Error(), "has a drawn map") {
		t.Errorf("SetPath of the generator on a map: %v", err)
	}
}

// An invalid value is reported where it was written: at the values of its
// [[vary]], and for a drawn design's range at the end that reaches past
// what the path allows, whatever the draw (before, to = 1.02 for a
// parameter in [0, 1] passed or failed with the number of samples). A
// value outside its path's own range is named with every other such value,
// before any point is built; one that is invalid only in its scenario, at
// the first point it makes invalid.
func TestInvalidValuesWhereWritten(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1.0, -2.0]\n", 4, "vary[0].values",
		"-2 is out of range; allowed: a number in [0, 1000000] for params.sea_cost")
	_, err := ParseExperiment("x.toml", []byte("scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [-1]\n[[vary]]\npath = \"scenario.ticks\"\nvalues = [0, 12]\n"))
	if want := "x.toml:4: vary[0].values: -1 is out of range; allowed: a number in [0, 1000000] for params.sea_cost\n" +
		"x.toml:7: vary[1].values: 0 is out of range; allowed: a whole number in [1, 1000000] for scenario.ticks"; err == nil || err.Error() != want {
		t.Errorf("two values out of range: got %v, want\n%s", err, want)
	}
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.rough_cost\"\nvalues = [1.0]\n[[vary]]\npath = \"theater.generate.sea_fraction\"\nvalues = [0.5, 0.999]\n", 7, "vary[1].values",
		"point 1 (params.rough_cost=1, theater.generate.sea_fraction=0.999) gives an invalid scenario: theater.generate: 2 land cells for 8 states")
	for _, samples := range []string{"4", "50"} {
		experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = "+samples+"\n[[vary]]\npath = \"params.punishment\"\nfrom = 0.0\nto = 1.02\n", 7, "vary[0].to",
			"the range reaches params.punishment=1.02, an invalid scenario: params.punishment: 1.02 is out of range; allowed: a number in [0, 1]")
	}
	experimentErr(t, "scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 4\n[[vary]]\npath = \"scenario.ticks\"\nfrom = 0\nto = 24\n", 6, "vary[0].from",
		"the range reaches scenario.ticks=0")
	// a normal distribution is truncated to its range, so the range is what
	// must be valid
	experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"params.punishment\"\ndistribution = \"normal\"\nmean = 0.5\nsd = 0.1\nfrom = -0.5\nto = 1.0\n", 9, "vary[0].from",
		"the range reaches params.punishment=-0.5")
}

// A grid's range with an end outside its path's own range is refused at
// that end, with every other [[vary]]'s error, as a list's values are:
// before, to = 5 for a parameter in [0, 1] was reported only once the rest
// of the file was sound, as "point 1 … gives an invalid scenario" at from.
func TestGridRangeEndOutOfRangeWhereWritten(t *testing.T) {
	const grid = "scenario = \"generic\"\n[[vary]]\npath = \"params.punishment\"\n"
	experimentErr(t, grid+"from = 0.0\nto = 5.0\nsteps = 3\n", 5, "vary[0].to",
		"5 is out of range; allowed: a number in [0, 1] for params.punishment")
	experimentErr(t, grid+"from = -1.0\nto = 1.0\nsteps = 3\n", 4, "vary[0].from",
		"-1 is out of range; allowed: a number in [0, 1] for params.punishment")
	_, err := ParseExperiment("x.toml", []byte("scenario = \"generic\"\nruns = 0\n[[vary]]\npath = \"scenario.ticks\"\nfrom = 0\nto = 24\nsteps = 3\n"))
	if want := "x.toml:2: runs: 0 is out of range; allowed: a whole number in [1, 100000000]\n" +
		"x.toml:5: vary[0].from: 0 is out of range; allowed: a whole number in [1, 1000000] for scenario.ticks"; err == nil || err.Error() != want {
		t.Errorf("a grid's end out of range beside another error: got %v, want\n%s", err, want)
	}
	// The generator's seed, which a file holds to 2^63 − 1, is said with
	// its range cut where a whole number is held exactly, as a list's
	// value and a points file's cell say it (a grid end past 2^53 − 1 is
	// refused as such before).
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.seed\"\nfrom = -1\nto = 3\nsteps = 5\n", 4, "vary[0].from",
		"-1 is out of range; allowed: a whole number in [0, 9007199254740991] for theater.generate.seed")
}

// The settings of an experiment at their edges: the smallest runs, chunk
// and seed (1, 1, 0) and the largest runs and chunk (10⁸, 10⁶) are
// accepted; one below the smallest is refused naming the range.
func TestExperimentSettingsAtTheirEdges(t *testing.T) {
	const one = "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n"
	x := mustExperiment(t, "scenario = \"generic\"\nruns = 1\nchunk = 1\nseed = 0\n"+one)
	if x.Runs != 1 || x.Chunk != 1 || x.Seed != 0 {
		t.Errorf("runs %d, chunk %d, seed %d; want 1, 1, 0", x.Runs, x.Chunk, x.Seed)
	}
	x = mustExperiment(t, "scenario = \"generic\"\nruns = 100000000\nchunk = 1000000\n"+one)
	if x.Runs != 100_000_000 || x.Chunk != 1_000_000 {
		t.Errorf("runs %d, chunk %d; want 100000000, 1000000", x.Runs, x.Chunk)
	}
	experimentErr(t, "scenario = \"generic\"\nseed = -1\n"+one, 2, "seed", "-1 is out of range; allowed: a whole number in [0, 9007199254740991]")
	experimentErr(t, "scenario = \"generic\"\nruns = 100000001\n"+one, 2, "runs", "100000001 is out of range; allowed: a whole number in [1, 100000000]")
	experimentErr(t, "scenario = \"generic\"\nchunk = 1000001\n"+one, 2, "chunk", "1000001 is out of range; allowed: a whole number in [1, 1000000]")
}

// A whole-number path at the edges of what a number holds exactly:
// 2⁵³ − 1 is accepted as a listed value (a TOML integer), as the end of a
// range, and as a value set from Go; 2⁵³ is refused as too large. A drawn
// range holding a single whole number, or one number, is refused, as a
// grid's steps from a value to itself are: every point would be the same.
func TestWholeNumbersAtTheirEdges(t *testing.T) {
	const seed = "scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.seed\"\n"
	x := mustExperiment(t, seed+"values = [9007199254740991]\n")
	if len(x.Points) != 1 || x.Points[0][0] != float64(1<<53-1) {
		t.Errorf("values = [2⁵³ − 1]: %v", x.Points)
	}
	x = mustExperiment(t, seed+"from = 9007199254740990\nto = 9007199254740991\nsteps = 2\n")
	if len(x.Points) != 2 || x.Points[1][0] != float64(1<<53-1) {
		t.Errorf("to = 2⁵³ − 1: %v", x.Points)
	}
	experimentErr(t, seed+"from = 9007199254740990\nto = 9007199254740992\nsteps = 3\n", 5, "vary[0].to",
		"9007199254740992 is too large to be held exactly; allowed: a whole number in [0, 9007199254740991] for theater.generate.seed")
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	if err := SetPath(sc, "theater.generate.seed", int64(1<<53-1)); err != nil || sc.Generate.Seed != 1<<53-1 {
		t.Errorf("SetPath(seed, int64(2⁵³ − 1)): %v, seed %d", err, sc.Generate.Seed)
	}
	if err := SetPath(sc, "theater.generate.seed", int64(1<<53)); err == nil || !strings.Contains(err.Error(), "9007199254740992 is too large to be held exactly") {
		t.Errorf("SetPath(seed, int64(2⁵³)): %v", err)
	}
	const cells = "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 3\n[[vary]]\npath = \"params.occupy_cells\"\n"
	experimentErr(t, cells+"from = 2.5\nto = 3.5\n", 7, "vary[0].to",
		"a range from 2.5 to 3.5 draws 3 alone; allowed: a range that holds more than one value, or leave params.occupy_cells out of [[vary]] (--set sets one value)")
	experimentErr(t, "scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 4\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 2\nto = 2\n", 7, "vary[0].to",
		"a range from 2 to 2 draws 2 alone; allowed: a range that holds more than one value, or leave params.sea_cost out of [[vary]] (--set sets one value)")
	experimentErr(t, cells+"from = 2.2\nto = 2.8\n", 4, "vary[0]",
		"no whole number between from = 2.2 and to = 2.8, and params.occupy_cells takes whole numbers; allowed: a range with a whole number in it")
}

// A [[vary]] with both values and a range is refused at the table, under
// every design, rather than taking the values and dropping the range.
func TestVaryValuesAndRange(t *testing.T) {
	for _, design := range []string{"", "design = \"lhs\"\nsamples = 2\n"} {
		src := "scenario = \"generic\"\n" + design + "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\nfrom = 1\nto = 2\nsteps = 2\n"
		line := 2 + strings.Count(design, "\n")
		if design != "" {
			src = strings.Replace(src, "steps = 2\n", "", 1)
		}
		experimentErr(t, src, line, "vary[0]", "both values and from/to/steps; allowed: one of them")
	}
}

// A drawn range may be written from the larger end: from = 5, to = 1 is
// the range [1, 5], each point the u-quantile of the uniform on it,
// 1 + 4u for unit coordinate u.
func TestDrawnRangeReversed(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 5\nto = 1\n")
	if len(x.Unit) != 4 || len(x.Points) != 4 {
		t.Fatalf("%d unit rows and %d points; want 4 of each", len(x.Unit), len(x.Points))
	}
	for p, u := range x.Unit {
		if v := x.Points[p][0].(float64); math.Abs(v-(1+4*u[0])) > 1e-12 {
			t.Errorf("point %d at u = %v: %v, want 1 + 4u = %v", p, u[0], v, 1+4*u[0])
		}
	}
}

// A range for a path of true or false is refused at its [[vary]] table
// when from is not written (here only to).
func TestRangeForBoolWithoutFrom(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.invite_occupied\"\nto = 1\n", 2, "vary[0]",
		"a range is for numbers, and params.invite_occupied takes true or false; allowed: values = [true, false]")
}

// values with from and to are refused as both, even with a distribution
// (which a range may take) written too.
func TestValuesAndRangeWithDistribution(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\nfrom = 1\nto = 2\ndistribution = \"normal\"\n",
		4, "vary[0]", "both values and from/to/steps; allowed: one of them")
}

// A grid over a whole-number path that gives a number not whole names the
// key to change. The last value is to itself (blamed on to); a value
// between, on steps, with the number of steps nearest to the one written
// whose step is whole: 12 to 24 in 6 steps steps by 2.4, and of the steps
// that divide the span 12 (2, 3, 4, 5, 7, 13), 5 and 7 are 1 from 6, the
// smaller first; 12 to 14 in 4 steps can take 3 (a step of 1, n = span);
// 0 to 100000 (the largest span hinted at, MaxPoints) in 7 steps takes 6
// (100000/5 = 20000), the nearest: neither 7 nor 8 divides it.
func TestWholeGridHints(t *testing.T) {
	g := func(path, from, to string, steps int) string {
		return fmt.Sprintf("scenario = \"generic\"\n[[vary]]\npath = %q\nfrom = %s\nto = %s\nsteps = %d\n", path, from, to, steps)
	}
	const hint = "not a whole number, and %s takes whole numbers; allowed: steps such that (to − from)/(steps − 1) is whole, e.g. steps = %d"
	experimentErr(t, g("scenario.ticks", "10", "20.5", 2), 5, "vary[0].to", "20.5 is not a whole number; allowed: a whole number, as scenario.ticks takes whole numbers")
	experimentErr(t, g("scenario.ticks", "12", "24", 6), 6, "vary[0].steps", "gives 14.4, "+fmt.Sprintf(hint, "scenario.ticks", 5))
	experimentErr(t, g("scenario.ticks", "12", "14", 4), 6, "vary[0].steps", "gives 12.6666666667, "+fmt.Sprintf(hint, "scenario.ticks", 3))
	experimentErr(t, g("theater.generate.seed", "0", "100000", 7), 6, "vary[0].steps", "gives 16666.6666667, "+fmt.Sprintf(hint, "theater.generate.seed", 6))
	// Large whole numbers step in integers: a step that 12 digits would
	// round to a whole number is still refused, shown in full.
	experimentErr(t, g("theater.generate.seed", "0", "1000000000000", 4), 6, "vary[0].steps", "gives 333333333333.3333, not a whole number")
	// Every step the same value is the same work run again.
	experimentErr(t, g("scenario.ticks", "12", "12", 3), 6, "vary[0].steps", "3 steps from 12 to 12 give 12 3 times; allowed: steps = 1, or values = [12]")
	// Two steps that 12 digits make equal are refused, not run twice.
	experimentErr(t, g("params.sea_cost", "1", "1.000000000002", 5), 6, "vary[0].steps", "from = 1 to 1.000000000002 in 5 steps gives 1 twice (at 12 significant digits, as values are written); allowed: fewer steps, or a wider range")
}

// Whole-numbered grids are exact in integers, however large: the middle
// of 1 and 2000000000001 is 1000000000001, and 10^15 to 10^15 + 2 in 3
// steps gives three distinct seeds.
func TestWholeGridIsExact(t *testing.T) {
	for _, c := range []struct {
		from, to string
		steps    int
		want     []any
	}{
		{"1", "2000000000001", 3, []any{1.0, 1000000000001.0, 2000000000001.0}},
		{"1000000000000000", "1000000000000002", 3, []any{1e15, 1e15 + 1, 1e15 + 2}},
		// One step, from = to: the one value (a step of (to − from)/0 is
		// not taken).
		{"12", "12", 1, []any{12.0}},
	} {
		src := fmt.Sprintf("scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.seed\"\nfrom = %s\nto = %s\nsteps = %d\n", c.from, c.to, c.steps)
		x, err := ParseExperiment("x.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var got []any
		for _, p := range x.Points {
			got = append(got, p[0])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s to %s in %d steps: %v, want %v", c.from, c.to, c.steps, got, c.want)
		}
	}
}

// A point that is invalid only through two values together (20000 ticks
// are valid, and so is record_every = 1, but together they make 20000
// samples) is blamed on the first [[vary]] table, at its header's line.
func TestInvalidCombinationAtTheFirstVary(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\n\n[[vary]]\npath = \"scenario.ticks\"\nvalues = [20000]\n[[vary]]\npath = \"params.record_every\"\nvalues = [1]\n", 3, "vary",
		"point 0 (scenario.ticks=20000, params.record_every=1) gives an invalid scenario: params.record_every: 20000 ticks sampled every 1 ticks make 20000 time-series samples; allowed: at most 10000 (record_every ≥ 2)")
}

// Every value of a list at fault is named, not only the first: a name
// and two numbers out of range, three errors.
func TestEveryBadValueOfAListNamed(t *testing.T) {
	src := "scenario = \"generic\"\n[[vary]]\npath = \"params.punishment\"\nvalues = [0.1, \"x\", 2.0, -1]\n"
	_, err := ParseExperiment("x.toml", []byte(src))
	var list Errors
	if !errors.As(err, &list) || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	for i, want := range []string{`"x" is a string`, "2 is out of range", "-1 is out of range"} {
		if !strings.Contains(list[i].Msg, want) {
			t.Errorf("error %d: %q, want …%s…", i+1, list[i].Msg, want)
		}
	}
}

// A grid's value given twice is refused at its second place: its points
// would repeat and count twice in the pooled shares. The default design
// is a grid; a number written two ways (1 and 1.0) is the same value.
func TestGridValueTwice(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1.0, 2.0, 1]\n", 4, "vary[0].values",
		"1 twice for params.sea_cost; allowed: each value once")
	experimentErr(t, "scenario = \"generic\"\ndesign = \"grid\"\n[[vary]]\npath = \"decision.strategy\"\nvalues = [\"prospect\", \"prospect\"]\n", 5, "vary[0].values",
		"prospect twice for decision.strategy")
}

// A path varied twice is refused at the second vary's path.
func TestPathVariedTwice(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [3, 4]\n",
		6, "vary[1].path", `"params.sea_cost" is varied twice; allowed: each path once`)
}

// A range end of the wrong type is the range's one error: the other end
// is not laid against a from of 0 (the value an unread end holds), which
// would add "a range from 0 to 0".
func TestRangeEndOfWrongTypeIsTheOneError(t *testing.T) {
	_, err := ParseExperiment("x.toml", []byte("scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"params.sea_cost\"\nfrom = \"a\"\nto = 0\n"))
	list, ok := err.(Errors)
	if !ok || len(list) != 1 || list[0].Line != 6 || list[0].Key != "vary[0].from" {
		t.Fatalf("want one error at line 6, vary[0].from; got\n%v", err)
	}
}

// A drawn range of a whole-number path whose to is past 2^53 − 1 is
// refused at to, as too large to be held exactly (the seed's range goes
// further), with the range cut where whole numbers are exact.
func TestDrawnRangeEndTooLargeToHold(t *testing.T) {
	_, err := ParseExperiment("x.toml", []byte("scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"theater.generate.seed\"\nfrom = 0\nto = 1.0e16\n"))
	want := "x.toml:7: vary[0].to: 10000000000000000 is too large to be held exactly; allowed: a whole number in [0, 9007199254740991] for theater.generate.seed"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}
