package configs

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A Morris design: samples trajectories of paths + 1 points, each point's
// unit coordinates recorded, its values their quantiles (here uniform, a
// list and whole numbers).
func TestMorrisDesign(t *testing.T) {
	x := mustExperiment(t, `scenario = "generic"
design = "morris"
samples = 6
[[vary]]
path = "params.sea_cost"
from = 1
to = 5
[[vary]]
path = "decision.strategy"
values = ["assurance", "prospect"]
[[vary]]
path = "decision.patience"
from = 0
to = 3
`)
	if len(x.Points) != 6*4 || len(x.Unit) != len(x.Points) || x.Levels != 4 || x.Candidates != 60 {
		t.Fatalf("%d points, %d unit rows, levels %d, candidates %d", len(x.Points), len(x.Unit), x.Levels, x.Candidates)
	}
	for p, u := range x.Unit {
		if v := x.Points[p][0].(float64); !(math.Abs(v-(1+4*u[0])) <= 1e-12) {
			t.Fatalf("point %d: sea_cost %v at u = %v", p, v, u[0])
		}
		want := map[bool]string{true: "assurance", false: "prospect"}[u[1] < 0.5]
		if x.Points[p][1] != want {
			t.Fatalf("point %d: strategy %v at u = %v", p, x.Points[p][1], u[1])
		}
		// 4 whole numbers on 4 levels: level j is the number j.
		if v := x.Points[p][2].(float64); v != math.Round(3*u[2]) {
			t.Fatalf("point %d: patience %v at u = %v", p, v, u[2])
		}
	}
	if c := x.Canonical(); !bytes.Contains(c, []byte("design = \"morris\"\nsamples = 6\nchunk = 100\nevents = true\nlevels = 4\ncandidates = 60\n")) {
		t.Fatalf("canonical:\n%s", c)
	}
}

// A Sobol design: samples × (paths + 2) points in SALib's order; each
// A_B^(i) takes path i from B and the others from A.
func TestSobolDesign(t *testing.T) {
	x := mustExperiment(t, `scenario = "generic"
design = "sobol"
samples = 8
base = "random"
[[vary]]
path = "params.sea_cost"
from = 1
to = 5
distribution = "triangular"
mode = 2
[[vary]]
path = "params.rough_cost"
from = 0.5
to = 4
distribution = "loguniform"
`)
	const k = 2
	if len(x.Points) != 8*(k+2) || x.Base != "random" {
		t.Fatalf("%d points, base %q", len(x.Points), x.Base)
	}
	for j := range 8 {
		a, b := x.Points[j*(k+2)], x.Points[j*(k+2)+k+1]
		for i := range k {
			ab := x.Points[j*(k+2)+1+i]
			for z := range k {
				want := a[z]
				if z == i {
					want = b[z]
				}
				if ab[z] != want {
					t.Fatalf("row %d, A_B^(%d)[%d] = %v; want %v", j, i, z, ab[z], want)
				}
			}
		}
	}
	for _, p := range x.Points {
		if v := p[1].(float64); v < 0.5 || v > 4 {
			t.Fatalf("rough_cost %v outside [0.5, 4]", v)
		}
	}
	if !bytes.Contains(x.Canonical(), []byte("base = \"random\"\n")) {
		t.Fatal("the canonical form must name the base")
	}
}

// Distributions shape the draws: a normal centred low puts most of a
// Latin hypercube there; whole numbers take the share within half a unit.
func TestDistributions(t *testing.T) {
	x := mustExperiment(t, `scenario = "generic"
design = "lhs"
samples = 400
[[vary]]
path = "params.sea_cost"
from = 0
to = 10
distribution = "normal"
mean = 2
sd = 1
[[vary]]
path = "decision.patience"
from = 1
to = 3
distribution = "triangular"
mode = 1
`)
	below, ones := 0, 0
	for _, p := range x.Points {
		if p[0].(float64) < 3 {
			below++
		}
		if p[1].(float64) == 1 {
			ones++
		}
	}
	// P(X < 3) for N(2, 1) truncated to [0, 10]: (Φ(1) − Φ(−2))/(1 − Φ(−2)) = 0.838.
	if below < 320 || below > 350 {
		t.Errorf("%d of 400 below 3; want about 335", below)
	}
	// The triangle on [0.5, 3.5] (the range widened by half a unit)
	// peaking at 1: 1 − 2²/(3 × 2.5) = 0.467 of it below 1.5.
	if ones < 175 || ones > 200 {
		t.Errorf("%d of 400 at 1; want about 187", ones)
	}
}

// Each error names the line and key and says what is allowed.
func TestDesignErrors(t *testing.T) {
	const head = "scenario = \"generic\"\n"
	const vary = "[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n"
	cases := []struct {
		src       string
		line      int
		key, want string
	}{
		{head + "design = \"morris\"\n" + vary, 2, "design", "a Morris design needs samples; allowed: samples = a whole number ≥ 2"},
		{head + "design = \"sobol\"\n" + vary, 2, "design", "a Sobol design needs samples; allowed: samples = a whole number ≥ 2, its number of base rows N"},
		{head + "design = \"sobol\"\nsamples = 1\n" + vary, 3, "samples", "1 is out of range; allowed: a whole number in [2, 100000]"},
		{head + "design = \"bayes\"\n", 2, "design", `"bayes" is not a design; allowed: grid, lhs, morris, sobol, points`},
		{head + "samples = 4\n" + vary, 2, "samples", `samples is for design = "lhs", "morris" or "sobol"; allowed: leave it out for a grid`},
		{head + "design = \"morris\"\nsamples = 4\nlevels = 5\n" + vary, 4, "levels", "5 levels; allowed: an even whole number from 2 to 100"},
		{head + "design = \"morris\"\nsamples = 4\ncandidates = 3\n" + vary, 4, "candidates", "3 is out of range; allowed: a whole number in [4, 2000]"},
		{head + "design = \"sobol\"\nsamples = 4\nlevels = 4\n" + vary, 4, "levels", `levels is for design = "morris"; allowed: leave it out for a Sobol design`},
		{head + "design = \"sobol\"\nsamples = 4\nbase = \"sobol\"\n" + vary, 4, "base", `"sobol" is not a base; allowed: halton`},
		{head + "design = \"lhs\"\nsamples = 4\nbase = \"halton\"\n" + vary, 4, "base", `base is for design = "sobol"; allowed: leave it out for a Latin hypercube`},
		{head + "design = \"sobol\"\nsamples = 40000\n" + vary, 3, "samples", "40000 base rows of 1 paths give 120000 points; allowed: at most 100000 points (samples ≤ 33333)"},
		{head + "design = \"morris\"\nsamples = 4\n", 1, "vary", "no [[vary]]: nothing to sweep"},
		{head + vary + "steps = 3\ndistribution = \"normal\"\n", 7, "vary[0].distribution", "distribution is for designs that draw (lhs, morris, sobol); allowed: leave it out for a grid"},
		{head + "design = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\nmode = 1\n", 7, "vary[0].mode", "mode is for a range (from and to); allowed: leave it out with values"},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"beta\"\n", 8, "vary[0].distribution", `"beta" is not a distribution; allowed: uniform, normal, triangular, loguniform`},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"triangular\"\nsd = 1\n", 9, "vary[0].sd", `sd is for distribution = "normal"; allowed: leave it out for triangular`},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"normal\"\n", 4, "vary[0]", "a normal distribution needs sd; allowed: sd = a positive number"},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"normal\"\nsd = -1\n", 9, "vary[0].sd", "-1 is not positive; allowed: a positive number"},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"normal\"\nsd = 0\n", 9, "vary[0].sd", "0 is not positive; allowed: a positive number"},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"triangular\"\nmode = 7\n", 9, "vary[0].mode", "7 is outside the range; allowed: a number from 1 to 5"},
		// A whole-numbered range covers its whole numbers, each widened by
		// ½: the mode is checked against that, and the message says so.
		{head + "design = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"decision.patience\"\nfrom = 0.3\nto = 3\ndistribution = \"triangular\"\nmode = 0.4\n", 9, "vary[0].mode",
			"0.4 is outside the range the draws cover; allowed: a number from 0.5 to 3.5 (the whole numbers 1 to 3 that from and to hold, each widened by ½)"},
		{head + "design = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 0\nto = 5\ndistribution = \"loguniform\"\n", 4, "vary[0]", "a log-uniform range must be positive; allowed: from > 0"},
		{head + "design = \"lhs\"\nsamples = 4\n[[vary]]\npath = \"decision.patience\"\nfrom = 0\nto = 5\ndistribution = \"loguniform\"\n", 4, "vary[0]", "allowed: from ≥ 1"},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "distribution = \"normal\"\nmean = 100\nsd = 1\n", 8, "vary[0].distribution", "puts almost nothing in [1, 5]"},
		{head + "design = \"morris\"\nsamples = 4\n" + vary + "steps = 3\n", 8, "vary[0].steps", `steps is for grids; allowed: from and to alone under design = "morris"`},
		{head + "design = \"lhs\"\nsamples = 4\n" + vary + "mean = \"x\"\n", 8, "vary[0].mean", `mean is for distribution = "normal"; allowed: leave it out for uniform`},
	}
	for _, c := range cases {
		experimentErr(t, c.src, c.line, c.key, c.want)
	}
}

// --set lays values over every point; a varied path or a value that makes
// a point invalid is refused, leaving the experiment as it was.
func TestSetBase(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n")
	before := string(x.Canonical())
	if err := x.SetBase(assignments(t, "params.rough_cost=7")); err != nil {
		t.Fatal(err)
	}
	sc, err := x.ScenarioAt(1)
	if err != nil || sc.Params.RoughCost != 7 || sc.Params.SeaCost != 2 {
		t.Fatalf("%v: rough %v sea %v", err, sc.Params.RoughCost, sc.Params.SeaCost)
	}
	base, _ := x.BaseScenario()
	if base.Params.RoughCost != 7 {
		t.Fatal("the base scenario must carry --set")
	}
	after := string(x.Canonical())
	if after == before || !strings.Contains(after, `set = ["params.rough_cost=7.0"]`) {
		t.Fatalf("canonical form:\n%s", after)
	}
	varied, _ := ParseAssignment("params.sea_cost=3")
	if err := x.SetBase([]Assignment{varied}); err == nil || !strings.Contains(err.Error(), "params.sea_cost is varied by x.toml") {
		t.Fatalf("setting a varied path: %v", err)
	}
	bad := Assignment{Path: "scenario.ticks", Value: 0.0}
	if err := x.SetBase([]Assignment{bad}); err == nil || err.Error() != "scenario.ticks: 0 is out of range; allowed: a whole number in [1, 1000000]" {
		t.Fatalf("an invalid scenario must be refused, naming the path: %v", err)
	}
	nobody := Assignment{Path: "states.zz.land", Value: 5.0}
	if err := x.SetBase([]Assignment{nobody}); err == nil || !strings.Contains(err.Error(), `"states.zz.land" names no state of generic; allowed ids: patron`) {
		t.Fatalf("a state the scenario does not have: %v", err)
	}
	if string(x.Canonical()) != after {
		t.Fatal("a refused --set changed the experiment")
	}
}

// A sweep --set that puts the scenario's events past the horizon says, at
// each event's line, that scenario.ticks set the horizon, as run --set
// says it, not a line of the overlay the tool wrote ("set at x.toml
// (scenario):2", a line of no file the user has).
func TestSetBaseNamesTheHorizonItSets(t *testing.T) {
	x := mustExperiment(t, "scenario = \"asia-1950\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n")
	err := x.SetBase(assignments(t, "scenario.ticks=12"))
	if err == nil || !strings.HasPrefix(err.Error(), "scenario.ticks: ") || !strings.Contains(err.Error(), "is after the horizon (the horizon is set by scenario.ticks); allowed: 1950-01 to 1950-12") || strings.Contains(err.Error(), "(scenario)") {
		t.Fatalf("got %v", err)
	}
}

// A sweep --set of several paths says each fault after the path it is
// at, as run --set does, and a single one after that path alone: the
// faults were said after every path together, "states.c1.land,
// params.rough_cost: -1 is out of range", which did not say which.
func TestSetBaseNamesEachPath(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n")
	set := func(ss ...string) error { return x.SetBase(assignments(t, ss...)) }
	for _, c := range []struct {
		sets []string
		want string
	}{
		{[]string{"states.c1.land=3", "params.rough_cost=-1"}, "params.rough_cost: -1 is out of range; allowed: a number in [0, 1000000]"},
		{[]string{"states.adversary.decision.lambda=1", "params.rough_cost=-1"}, "states.adversary.decision.lambda, params.rough_cost: 2 problems:\n" +
			`  - states.adversary.decision.lambda: "adversary" is an adversary, which weighs no alliance, so its decision settings would change nothing; allowed: leave them out, or role = "client" or "patron"` + "\n" +
			"  - params.rough_cost: -1 is out of range; allowed: a number in [0, 1000000]"},
		{[]string{"params.rough_cost=-1"}, "params.rough_cost: -1 is out of range; allowed: a number in [0, 1000000]"},
	} {
		if err := set(c.sets...); err == nil || err.Error() != c.want {
			t.Errorf("%v: got %v\nwant %s", c.sets, err, c.want)
		}
	}
}

// --samples draws the design again; a grid has none to change.
func TestResample(t *testing.T) {
	x := mustExperiment(t, "scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 4\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n")
	if err := x.Resample(8); err != nil || len(x.Points) != 8*3 || x.Samples != 8 {
		t.Fatalf("%v: %d points", err, len(x.Points))
	}
	if err := x.Resample(1); err == nil || len(x.Points) != 24 {
		t.Fatalf("1 base row: %v (%d points kept)", err, len(x.Points))
	}
	g := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n")
	if err := g.Resample(4); err == nil || !strings.Contains(err.Error(), "a grid has no samples") {
		t.Fatalf("grid: %v", err)
	}
	m := mustExperiment(t, "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 4\ncandidates = 10\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n")
	if err := m.Resample(20); err == nil || !strings.Contains(err.Error(), "candidates = 10") {
		t.Fatalf("more trajectories than candidates: %v", err)
	}
}

// Under design = "morris" a list is a scale in the order written: three or
// more names (or true/false values) are refused, as are numbers out of
// increasing order, two of them too, at the line that breaks it; two
// names, increasing numbers, and any list under sobol are accepted.
func TestMorrisListOrder(t *testing.T) {
	const morris = "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 4\n[[vary]]\n"
	cases := []struct {
		src       string
		line      int
		key, want string
	}{
		{morris + "path = \"decision.strategy\"\nvalues = [\"assurance\", \"powerplay\", \"prospect\"]\n", 6, "vary[0].values",
			`3 names for decision.strategy under design = "morris", whose effects step along the values in order, and names have no order; allowed: two names, or design = "sobol"`},
		{morris + "path = \"states.c1.sovereign\"\nvalues = [true, false, true]\n", 6, "vary[0].values",
			`3 values for states.c1.sovereign under design = "morris", which takes true or false; allowed: values = [true, false]`},
		{morris + "path = \"params.sea_cost\"\nvalues = [1, 4, 2]\n", 6, "vary[0].values",
			`2 after 4 for params.sea_cost under design = "morris", whose effects step along the values in order; allowed: values in increasing order`},
		{morris + "path = \"params.sea_cost\"\nvalues = [1, 1, 2]\n", 6, "vary[0].values", "1 after 1 for params.sea_cost"},
		{morris + "path = \"params.punishment\"\nvalues = [0.6, 0.0]\n", 6, "vary[0].values",
			`0 after 0.6 for params.punishment under design = "morris", whose effects step along the values in order; allowed: values in increasing order`},
		{morris + "path = \"params.retry_interval\"\nvalues = [12, 6]\n", 6, "vary[0].values", "6 after 12 for params.retry_interval"},
	}
	for _, c := range cases {
		experimentErr(t, c.src, c.line, c.key, c.want)
	}
	for _, src := range []string{
		morris + "path = \"decision.strategy\"\nvalues = [\"powerplay\", \"assurance\"]\n",
		morris + "path = \"params.sea_cost\"\nvalues = [1, 2, 4, 8]\n",
		morris + "path = \"params.punishment\"\nvalues = [0.0, 0.6]\n",
		morris + "path = \"states.c1.sovereign\"\nvalues = [true, false]\n",
		strings.Replace(morris, "morris", "sobol", 1) + "path = \"decision.strategy\"\nvalues = [\"assurance\", \"powerplay\", \"prospect\"]\n",
		strings.Replace(morris, "morris", "sobol", 1) + "path = \"params.sea_cost\"\nvalues = [4, 1, 2]\n",
	} {
		mustExperiment(t, src)
	}
}

// Under design = "morris" the levels must move along a list the same
// number of values each step, and draw every value: on 4 levels three
// values move 2 then 1 (the level 2/3 falls on the third value, as does
// 1), which would make a straight line look curved, and on 2 levels the
// middle one is never drawn; no number of levels fits three values (nor
// any odd number above one). Six values on 4 levels move 4 then 3; five
// move 3 and 3 but the third is never drawn. Four values on 4 levels, two
// on any, six on 6, and ranges (continuous, or whole-numbered ones, read
// through their quantiles: a width from 20 to 100 moves 54 then 53
// values) are accepted.
func TestMorrisStepsEvenly(t *testing.T) {
	const morris = "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 4\n"
	cases := []struct {
		src       string
		line      int
		key, want string
	}{
		{morris + "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3]\n", 6, "vary[0].values",
			`params.sea_cost takes 3 values under design = "morris": no number of levels steps along an odd number of values the same number each time and draws every one; allowed: an even number of values (levels then a multiple of it), or design = "lhs" or "sobol"`},
		{morris + "levels = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3]\n", 7, "vary[0].values", "no number of levels"},
		{morris + "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4, 5, 6]\n", 6, "vary[0].values",
			`params.sea_cost takes 6 values under design = "morris" on 4 levels, whose steps move it [4 3] values along, unequally: the values would not be drawn alike, and a curved effect would be read over steps of different lengths; allowed: levels = 6, 12, 18, 24 (a step the same number of values each time, every value drawn)`},
		{morris + "levels = 8\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4, 5, 6]\n", 7, "vary[0].values", "allowed: levels = 6, 12, 18, 24"},
		{morris + "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4, 5]\n", 6, "vary[0].values", "no number of levels"},
		// one value twice moves nothing: no effect can be taken
		{morris + "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 1.0]\n", 6, "vary[0].values", `1 twice for params.sea_cost under design = "morris", whose steps must move the value; allowed: two different values`},
		{morris + "[[vary]]\npath = \"decision.strategy\"\nvalues = [\"assurance\", \"assurance\"]\n", 6, "vary[0].values", "assurance twice"},
		{morris + "levels = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4]\n", 7, "vary[0].values",
			`params.sea_cost takes 4 values under design = "morris" on 2 levels, which never draw 2, 3: the analysis would say nothing of them; allowed: levels = 4, 8, 12, 16`},
	}
	for _, c := range cases {
		experimentErr(t, c.src, c.line, c.key, c.want)
	}
	for _, src := range []string{
		morris + "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4]\n",
		morris + "levels = 6\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4, 5, 6]\n",
		morris + "[[vary]]\npath = \"decision.strategy\"\nvalues = [\"powerplay\", \"assurance\"]\n",
		morris + "[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 3\n",
		morris + "[[vary]]\npath = \"theater.generate.width\"\nfrom = 20\nto = 100\n",
		morris + "[[vary]]\npath = \"scenario.ticks\"\nfrom = 50\nto = 250\ndistribution = \"triangular\"\nmode = 100\n",
	} {
		mustExperiment(t, src)
	}
	// Where the levels fit, a straight line in the value has no spread
	// of effects: six values on 6 levels, each effect the same.
	x := mustExperiment(t, morris+"levels = 6\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4, 5, 6]\n")
	var steps []float64
	for i := 1; i < len(x.Points); i++ {
		a, b := x.value(i-1, 0), x.value(i, 0)
		if a != b && i%2 == 1 { // within a trajectory of one path: start, then its step
			fa, _ := strconv.ParseFloat(a, 64)
			fb, _ := strconv.ParseFloat(b, 64)
			steps = append(steps, math.Abs(fb-fa))
		}
	}
	if len(steps) == 0 || slices.ContainsFunc(steps, func(d float64) bool { return d != 3 }) {
		t.Errorf("six values on 6 levels: steps %v, want 3 values each", steps)
	}
}

// The keys of a design at their edges: one lhs sample, 2 and 100 Morris
// levels are accepted; 0 samples and 0 or 102 levels are refused, as are
// --samples below the design's least and above 100000 (the most a sweep
// may have: 100000 trajectories of a Morris design of one path are too
// many points, not too many samples).
func TestDesignKeysAtTheirEdges(t *testing.T) {
	const head = "scenario = \"generic\"\n"
	const vary = "[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n"
	x := mustExperiment(t, head+"design = \"lhs\"\nsamples = 1\n"+vary)
	if x.Samples != 1 || len(x.Points) != 1 {
		t.Errorf("one lhs sample: %d samples, %d points", x.Samples, len(x.Points))
	}
	experimentErr(t, head+"design = \"lhs\"\nsamples = 0\n"+vary, 3, "samples", "0 is out of range; allowed: a whole number in [1, 100000]")
	for _, levels := range []int{2, 100} {
		x := mustExperiment(t, head+fmt.Sprintf("design = \"morris\"\nsamples = 2\nlevels = %d\n", levels)+vary)
		if x.Levels != levels {
			t.Errorf("levels = %d: got %d", levels, x.Levels)
		}
	}
	for _, levels := range []int{0, 102} {
		experimentErr(t, head+fmt.Sprintf("design = \"morris\"\nsamples = 2\nlevels = %d\n", levels)+vary, 4, "levels",
			fmt.Sprintf("%d levels; allowed: an even whole number from 2 to 100 (4 is usual)", levels))
	}
	// Levels refused are not the grid the values' steps are checked on:
	// one error, not a second that reasons from the default 4.
	for _, levels := range []string{"3", "\"4\"", "4.5"} {
		_, err := ParseExperiment("x.toml", []byte(head+"design = \"morris\"\nsamples = 2\nlevels = "+levels+"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3]\n"))
		var list Errors
		if !errors.As(err, &list) || len(list) != 1 || list[0].Key != "levels" {
			t.Errorf("levels = %s with three values: %v; want the one error on levels", levels, err)
		}
	}
	l := mustExperiment(t, head+"design = \"lhs\"\nsamples = 2\n"+vary)
	if err := l.Resample(1); err != nil || len(l.Points) != 1 {
		t.Errorf("--samples 1 of an lhs: %v, %d points", err, len(l.Points))
	}
	if err := l.Resample(0); err == nil || err.Error() != "0 is out of range; allowed: a whole number in [1, 100000]" {
		t.Errorf("--samples 0 of an lhs: %v", err)
	}
	m := mustExperiment(t, head+"design = \"morris\"\nsamples = 2\n"+vary)
	for n, want := range map[int]string{
		100_000: "100000 trajectories of 1 paths give 200000 points; allowed: at most 100000 points (samples ≤ 50000)",
		100_001: "100001 is out of range; allowed: a whole number in [2, 100000]",
	} {
		if err := m.Resample(n); err == nil || err.Error() != want {
			t.Errorf("--samples %d of a Morris design:\n got %v\nwant %s", n, err, want)
		}
	}
}

// The size of a design at its edge: a grid of 100000 points, and a Sobol'
// design of one path with 33333 base rows (99999 points), are drawn; a
// point more is refused with the count and the most allowed. (Drawn
// directly: checking every point of so large a design takes minutes.)
func TestDesignSizeAtItsEdge(t *testing.T) {
	values := func(n int) []any {
		v := make([]any, n)
		for i := range v {
			v[i] = float64(i)
		}
		return v
	}
	for n, want := range map[int]string{100_000: "", 100_001: "100001 points; allowed: at most 100000"} {
		x := &Experiment{Design: "grid", axes: []axis{{path: "params.sea_cost", values: values(n)}}}
		de := x.draw()
		switch {
		case want == "" && (de != nil || len(x.Points) != n):
			t.Errorf("a grid of %d points: %v, %d points", n, de, len(x.Points))
		case want != "" && (de == nil || de.key != "vary" || de.msg != want):
			t.Errorf("a grid of %d points: %+v, want %q at vary", n, de, want)
		}
	}
	x := mustExperiment(t, "scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 2\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n")
	x.Samples = 33_333
	if de := x.draw(); de != nil || len(x.Points) != 99_999 {
		t.Errorf("33333 base rows of one path: %v, %d points", de, len(x.Points))
	}
	x.Samples = 33_334
	if de := x.draw(); de == nil || de.key != "samples" || de.msg != "33334 base rows of 1 paths give 100002 points; allowed: at most 100000 points (samples ≤ 33333)" {
		t.Errorf("33334 base rows of one path: %+v", de)
	}
}

// A Morris design's candidates default to ten times its trajectories, at
// most 1000, never fewer than the trajectories (package doc).
func TestDefaultCandidates(t *testing.T) {
	for r, want := range map[int]int{2: 20, 99: 990, 100: 1000, 101: 1000, 1000: 1000, 1500: 1500} {
		if got := defaultCandidates(r); got != want {
			t.Errorf("defaultCandidates(%d) = %d, want %d", r, got, want)
		}
	}
}

// The experiment's identity does not depend on the order its --set
// changes were given in: the same work, the same canonical text.
func TestCanonicalSetOrder(t *testing.T) {
	src := "scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n"
	a, b := mustExperiment(t, src), mustExperiment(t, src)
	ticks, rough := Assignment{Path: "scenario.ticks", Value: 120.0}, Assignment{Path: "params.rough_cost", Value: 4.0}
	if err := a.SetBase([]Assignment{ticks, rough}); err != nil {
		t.Fatal(err)
	}
	if err := b.SetBase([]Assignment{rough, ticks}); err != nil {
		t.Fatal(err)
	}
	if ca, cb := a.Canonical(), b.Canonical(); string(ca) != string(cb) {
		t.Errorf("the same --set changes in another order give another experiment:\n%s\n%s", ca, cb)
	}
	// A whole-numbered value is described in full, as points.csv has it.
	x := mustExperiment(t, "scenario = \"generic\"\n[[vary]]\npath = \"theater.generate.seed\"\nvalues = [1000000, 12345678901234]\n")
	if got, want := x.Describe(1), "theater.generate.seed=12345678901234"; got != want {
		t.Errorf("Describe(1) = %q, want %q", got, want)
	}
}

// Under morris a value drawn from a list has its place in the list as its
// unit coordinate, i/(n − 1), so that an elementary effect is per the
// list's whole span: two names on 4 levels sit at 0 and 1 (their levels
// 1/3 and 2/3 are gone), and each step of the name moves it the whole
// span, where the level it was drawn at moved Δ = 2/3; four values on 4
// levels sit at 0, 1/3, 2/3 and 1. A range keeps its levels.
func TestMorrisListValuesSitAtTheirPlaces(t *testing.T) {
	const src = "scenario = \"generic\"\ndesign = \"morris\"\nsamples = 6\n" +
		"[[vary]]\npath = \"decision.strategy\"\nvalues = [\"assurance\", \"powerplay\"]\n" +
		"[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2, 3, 4]\n" +
		"[[vary]]\npath = \"params.rough_cost\"\nfrom = 1\nto = 4\n"
	x := mustExperiment(t, src)
	places := map[int][]float64{0: {0, 1}, 1: {0, 1.0 / 3, 2.0 / 3, 1}, 2: {0, 1.0 / 3, 2.0 / 3, 1}}
	lists := [][]any{{"assurance", "powerplay"}, {1.0, 2.0, 3.0, 4.0}}
	for p, u := range x.Unit {
		for d, c := range u {
			if !slices.Contains(places[d], c) {
				t.Fatalf("point %d, %s: coordinate %v, want one of %v", p, x.Vary[d], c, places[d])
			}
			if d < 2 && lists[d][int(math.Round(c*float64(len(lists[d])-1)))] != x.Points[p][d] {
				t.Errorf("point %d, %s: value %v at place %v", p, x.Vary[d], x.Points[p][d], c)
			}
		}
	}
	// every step of a trajectory (4 points) moves one coordinate: the
	// name's by its whole span
	for p := 1; p < len(x.Unit); p++ {
		if p%4 == 0 {
			continue // a new trajectory
		}
		moved := 0
		for d := range 3 {
			if x.Unit[p][d] != x.Unit[p-1][d] {
				moved++
				if d == 0 && math.Abs(x.Unit[p][d]-x.Unit[p-1][d]) != 1 {
					t.Errorf("point %d: the name moved %v, want the whole span", p, x.Unit[p][d]-x.Unit[p-1][d])
				}
			}
		}
		if moved != 1 {
			t.Errorf("point %d moves %d coordinates, want 1", p, moved)
		}
	}
}

// A command line's samples (sweep --samples) stand in for a file that
// sets none: a Latin hypercube of 3 points; a file's own samples stay
// (Resample replaces them); and a number the design cannot take is
// named as the flag's, at the design.
func TestLoadExperimentSamples(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string { return writeIn(t, dir, name, src) }
	vary := "[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n"
	none := write("none.toml", "scenario = \"generic\"\ndesign = \"lhs\"\n"+vary)
	if x, err := LoadExperimentSamples(none, 3); err != nil || x.Samples != 3 || len(x.Points) != 3 {
		t.Errorf("lhs without samples, 3 from the command line: %v, %+v", err, x)
	}
	own := write("own.toml", "scenario = \"generic\"\ndesign = \"lhs\"\nsamples = 5\n"+vary)
	if x, err := LoadExperimentSamples(own, 3); err != nil || x.Samples != 5 {
		t.Errorf("lhs with samples = 5: %v, %+v", err, x)
	}
	morris := write("morris.toml", "scenario = \"generic\"\ndesign = \"morris\"\n"+vary)
	if _, err := LoadExperimentSamples(morris, 1); err == nil || !strings.Contains(err.Error(), "morris.toml:2: design: --samples 1 for a Morris design; allowed: a whole number in [2, 100000]") {
		t.Errorf("morris with --samples 1: %v", err)
	}
	if _, err := LoadExperimentSamples(none, 0); err == nil || !strings.Contains(err.Error(), "needs samples") {
		t.Errorf("lhs without samples and none given: %v", err)
	}
}
