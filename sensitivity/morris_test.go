package sensitivity

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// Every trajectory lies on the grid and moves each parameter exactly once,
// by ±Δ.
func TestMorrisDesignIsMorris(t *testing.T) {
	const r, k, levels = 10, 4, 6
	x, err := MorrisDesign(r, k, levels, 50, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != r*(k+1) {
		t.Fatalf("%d points; want %d", len(x), r*(k+1))
	}
	delta := float64(levels) / (2 * float64(levels-1))
	for i, p := range x {
		for _, v := range p {
			g := v * float64(levels-1)
			if v < 0 || v > 1 || !(math.Abs(g-math.Round(g)) <= 1e-12) {
				t.Fatalf("point %d: %v off the grid", i, p)
			}
		}
	}
	for tr := range r {
		moved := make([]bool, k)
		for s := range k {
			p, q := x[tr*(k+1)+s], x[tr*(k+1)+s+1]
			n := 0
			for i := range k {
				if p[i] != q[i] {
					n++
					moved[i] = true
					if !(math.Abs(math.Abs(q[i]-p[i])-delta) <= 1e-12) {
						t.Fatalf("trajectory %d step %d moves by %v; Δ = %v", tr, s, q[i]-p[i], delta)
					}
				}
			}
			if n != 1 {
				t.Fatalf("trajectory %d step %d moves %d parameters", tr, s, n)
			}
		}
		if slices.Contains(moved, false) {
			t.Fatalf("trajectory %d leaves a parameter unmoved", tr)
		}
	}
}

// The selection finds the spread of the best choice, checked against every
// choice of r among few candidates.
func TestMaxSpreadAgainstBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		const m, r, k = 12, 4, 3
		rng := newTestRand(seed)
		var cands [][][]float64
		for range m {
			cands = append(cands, trajectory(rng, k, 4))
		}
		d := distances(cands)
		sum := func(set []int) float64 {
			s := 0.0
			for a := range set {
				for b := a + 1; b < len(set); b++ {
					s += sq(d[set[a]*m+set[b]])
				}
			}
			return s
		}
		best := 0.0
		var rec func(start int, set []int)
		rec = func(start int, set []int) {
			if len(set) == r {
				best = max(best, sum(set))
				return
			}
			for c := start; c < m; c++ {
				rec(c+1, append(set, c))
			}
		}
		rec(0, nil)
		got := sum(maxSpread(d, m, r))
		if got < best*(1-1e-9) {
			t.Errorf("seed %d: spread² %.6f; the best choice has %.6f", seed, got, best)
		}
	}
}

// Keeping the trajectories of maximal spread spreads the design more
// than the first r candidates would.
func TestMorrisSpreadImproves(t *testing.T) {
	const r, k = 10, 5
	chosen, _ := MorrisDesign(r, k, 4, 200, 7)
	first, _ := MorrisDesign(r, k, 4, r, 7) // candidates = r: no choice
	if Spread(chosen, k) <= Spread(first, k) {
		t.Fatalf("spread %v of the chosen ≤ %v of the first drawn", Spread(chosen, k), Spread(first, k))
	}
}

// morrisOf evaluates f on a Morris design (candidates candidate
// trajectories for r) and computes its effects.
func morrisOf(t *testing.T, f func([]float64) float64, r, k, candidates int, seed uint64) *Effects {
	t.Helper()
	x, err := MorrisDesign(r, k, 4, candidates, seed)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ElementaryEffects(x, evaluate(f, x), k, Bootstrap{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// exactMuStar is μ* of f under Morris's design at 4 levels, by
// enumeration: parameter i moves from level 0 to 2, 1 to 3, or back, each
// equally likely, while the others sit on any of the 4 levels, each
// equally likely and independently (the margins of every point of a
// trajectory drawn as Morris (1991) draws it).
func exactMuStar(f func([]float64) float64, k, i int) float64 {
	levels := []float64{0, 1.0 / 3, 2.0 / 3, 1}
	moves := [][2]int{{0, 2}, {1, 3}, {2, 0}, {3, 1}}
	var sum float64
	count := 0
	others := int(math.Pow(4, float64(k-1)))
	p := make([]float64, k)
	for o := range others {
		rest := o
		for j := range k {
			if j == i {
				continue
			}
			p[j] = levels[rest%4]
			rest /= 4
		}
		for _, mv := range moves {
			p[i] = levels[mv[0]]
			a := f(p)
			p[i] = levels[mv[1]]
			sum += math.Abs((f(p) - a) / (levels[mv[1]] - levels[mv[0]]))
			count++
		}
	}
	return sum / float64(count)
}

// ranking returns the parameters by decreasing value.
func ranking(iv []Interval) []int {
	order := make([]int, len(iv))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case iv[a].Estimate > iv[b].Estimate:
			return -1
		case iv[a].Estimate < iv[b].Estimate:
			return 1
		}
		return 0
	})
	return order
}

var gA = []float64{0, 1, 4.5, 9, 99, 99, 99, 99}

// The estimator: on trajectories drawn as Morris (1991) draws them (no
// selection: candidates = r), every μ* interval of Ishigami and of the
// g-function holds the exact μ* of the design, computed by enumeration.
// The 11 intervals are at the level 1 − 0.05/11 (Bonferroni), so that
// together they hold the truth 95% of the time. A wrong estimator fails
// the check: μ in place of μ* (the mistake μ* corrects) is near 0 for the
// g-function, whose effects change sign at x = 1/2, and misses.
func TestElementaryEffectsExact(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func([]float64) float64
		k    int
	}{{"Ishigami", Ishigami(7, 0.1), 3}, {"g", GFunction(gA), len(gA)}} {
		x, err := MorrisDesign(500, c.k, 4, 500, 1)
		if err != nil {
			t.Fatal(err)
		}
		e, err := ElementaryEffects(x, evaluate(c.f, x), c.k, Bootstrap{Seed: 1, Confidence: 1 - 0.05/11})
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.k {
			if want := exactMuStar(c.f, c.k, i); !e.MuStar[i].Contains(want) || e.MuStar[i].High-e.MuStar[i].Low > 0.3*want {
				t.Errorf("%s: μ*%d = %.4f [%.4f, %.4f]; exact %.4f", c.name, i+1, e.MuStar[i].Estimate, e.MuStar[i].Low, e.MuStar[i].High, want)
			}
			if c.name == "g" && i < 4 && e.Mu[i].Contains(exactMuStar(c.f, c.k, i)) {
				t.Errorf("μ%d = %.4f [%.4f, %.4f] holds the exact μ*: the check cannot tell μ from μ*", i+1, e.Mu[i].Estimate, e.Mu[i].Low, e.Mu[i].High)
			}
		}
	}
}

// The design with Campolongo's selection (20 trajectories kept of 200):
// on Ishigami μ* ranks x1 > x2 > x3, the order of the total indices
// (0.558, 0.442, 0.244); on the g-function it ranks the parameters as
// their a_i do (0 < 1 < 4.5 < 9) and the four with a_i = 99 below every
// other.
func TestMorrisRanks(t *testing.T) {
	e := morrisOf(t, Ishigami(7, 0.1), 20, 3, 200, 1)
	if got := ranking(e.MuStar); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("Ishigami: μ* ranks %v; the total indices rank [0 1 2]", got)
	}
	e = morrisOf(t, GFunction(gA), 20, len(gA), 200, 1)
	if rank := ranking(e.MuStar); !slices.Equal(rank[:4], []int{0, 1, 2, 3}) {
		t.Errorf("g-function: μ* ranks %v; want 0 1 2 3 first", rank)
	}
}

// What the selection costs: trajectories far apart lie near the edges of
// the space, so the ends of each range (levels 0 and 1) are visited more
// than half the time, and effects there weigh more in μ*. The ranking
// holds (above); magnitudes are the design's. MorrisDesign's doc says so.
func TestMorrisSelectionFavoursEnds(t *testing.T) {
	ends := func(candidates int) float64 {
		x, _ := MorrisDesign(20, 3, 4, candidates, 1)
		n, e := 0, 0
		for _, p := range x {
			for _, v := range p {
				n++
				if v == 0 || v == 1 {
					e++
				}
			}
		}
		return float64(e) / float64(n)
	}
	plain, chosen := ends(20), ends(200)
	if !(chosen > plain && chosen > 0.55) {
		t.Fatalf("share of points at the ends: %.2f chosen, %.2f plain", chosen, plain)
	}
}

// A design whose steps move two parameters at once is refused.
func TestElementaryEffectsErrors(t *testing.T) {
	x := [][]float64{{0, 0}, {1, 1}, {1, 0}, {0, 0}, {0, 1}, {1, 1}}
	if _, err := ElementaryEffects(x, make([]float64, 6), 2, Bootstrap{}); err == nil {
		t.Error("two parameters moved in one step: want an error")
	}
	if _, err := ElementaryEffects(x[:3], make([]float64, 3), 2, Bootstrap{}); err == nil {
		t.Error("one trajectory: want an error")
	}
	for _, c := range [][4]int{{1, 2, 4, 10}, {5, 2, 3, 10}, {5, 2, 4, 4}, {5, 0, 4, 10}} {
		if _, err := MorrisDesign(c[0], c[1], c[2], c[3], 1); err == nil {
			t.Errorf("MorrisDesign%v: want an error", c)
		}
	}
}

// μ*, μ and σ by hand, on two trajectories of two parameters. The first,
// (0, 0) → (½, 0) → (½, ½) with outputs 0, 1, 2, gives the effects
// 1/½ = 2 for x1 and 1/½ = 2 for x2; the second, (½, ½) → (½, 0) →
// (0, 0) with outputs 3, 2, 4, steps down: (2 − 3)/(−½) = 2 for x2 and
// (4 − 2)/(−½) = −4 for x1. So x1: μ* = (2 + 4)/2 = 3, μ = −1, σ =
// √((3² + 3²)/1) = √18; x2: μ* = μ = 2, σ = 0.
func TestElementaryEffectsByHand(t *testing.T) {
	x := [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0}, {0, 0}}
	y := []float64{0, 1, 2, 3, 2, 4}
	e, err := ElementaryEffects(x, y, 2, Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"μ*1", e.MuStar[0].Estimate, 3}, {"μ1", e.Mu[0].Estimate, -1}, {"σ1", e.Sigma[0].Estimate, math.Sqrt(18)},
		{"μ*2", e.MuStar[1].Estimate, 2}, {"μ2", e.Mu[1].Estimate, 2}, {"σ2", e.Sigma[1].Estimate, 0},
	} {
		if !(math.Abs(c.got-c.want) <= 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// A coordinate that is not a number in [0, 1] is refused, naming the point
// and the coordinate: a NaN would count as a move and give μ*, μ and σ of
// NaN, and a coordinate off the unit scale effects on another scale.
func TestElementaryEffectsCoordinates(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{math.NaN(), "point 2 has coordinate 1 NaN; allowed: numbers in [0, 1]"},
		{math.Inf(1), "point 2 has coordinate 1 +Inf; allowed: numbers in [0, 1]"},
		{math.Inf(-1), "point 2 has coordinate 1 -Inf; allowed: numbers in [0, 1]"},
		{1.5, "point 2 has coordinate 1 1.5; allowed: numbers in [0, 1]"},
		{-0.5, "point 2 has coordinate 1 -0.5; allowed: numbers in [0, 1]"},
	} {
		x := [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0}, {0, 0}}
		x[2][1] = c.v // the coordinate that moves last in trajectory 0
		y := []float64{0, 1, 2, 3, 2, 4}
		e, err := ElementaryEffects(x, y, 2, Bootstrap{Seed: 1})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("coordinate %v: %v (effects %v); want an error containing %q", c.v, err, e, c.want)
		}
	}
	x := [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5}, {0, 0}}
	if _, err := ElementaryEffects(x, make([]float64, 6), 2, Bootstrap{}); err == nil || !strings.Contains(err.Error(), "point 4 has 1 coordinates; allowed: 2") {
		t.Errorf("a point of one coordinate: %v", err)
	}
}

// More trajectories than the most candidates is refused as too many
// trajectories, not as too few candidates.
func TestMorrisDesignTooManyTrajectories(t *testing.T) {
	_, err := MorrisDesign(1<<40, 2, 4, 10, 1)
	if want := "1099511627776 trajectories; allowed: 2 to 2000"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("MorrisDesign(2⁴⁰, …): %v; want an error containing %q", err, want)
	}
	_, err = MorrisDesign(20, 2, 4, 10, 1)
	if want := "10 candidate trajectories for 20; allowed: 20 to 2000"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("MorrisDesign(20, 2, 4, 10, 1): %v; want an error containing %q", err, want)
	}
}

// Spread by hand: three trajectories of one parameter, (0, 1), (0, 1),
// (1, 0). Each pair's d is the sum of the four point distances: 0 + 1 +
// 1 + 0 = 2 for the first two, 1 + 0 + 0 + 1 = 2 for either with the
// third; the spread is √(2² + 2² + 2²) = √12.
func TestSpreadByHand(t *testing.T) {
	if got := Spread([][]float64{{0}, {1}, {0}, {1}, {1}, {0}}, 1); math.Abs(got-math.Sqrt(12)) > 1e-12 {
		t.Errorf("spread %v, want √12 = %v", got, math.Sqrt(12))
	}
}

// maxSpread starts from the two trajectories furthest apart. With these
// distances (a metric: every triangle holds) the pair 0–3 (5.5) is the
// best of two; starting instead from the closest, 0–1, the exchanges
// would stop at 1–2 (5), which no single swap improves.
func TestMaxSpreadStartsFromTheFurthestPair(t *testing.T) {
	const m = 4
	d := pairDistances(m, []pairDistance{{0, 1, 1}, {0, 2, 4.5}, {0, 3, 5.5}, {1, 2, 5}, {1, 3, 4.6}, {2, 3, 4.5}})
	if got := maxSpread(d, m, 2); !slices.Equal(got, []int{0, 3}) {
		t.Errorf("kept %v, want [0 3]", got)
	}
}

// A trajectory must move each parameter once: (0, 0) → (1, 0) → (0, 0)
// moves the first twice. A single trajectory, valid, is too few.
func TestElementaryEffectsTrajectoryRules(t *testing.T) {
	good := [][]float64{{0, 0}, {1, 0}, {1, 1}}
	twice := [][]float64{{0, 0}, {1, 0}, {0, 0}}
	if _, err := ElementaryEffects(append(slices.Clone(good), twice...), make([]float64, 6), 2, Bootstrap{}); err == nil {
		t.Error("a parameter moved twice: want an error")
	}
	if _, err := ElementaryEffects(good, make([]float64, 3), 2, Bootstrap{}); err == nil {
		t.Error("one valid trajectory: want an error")
	}
}

// The bounds of MorrisDesign, each at its edge: 500 parameters (two
// coordinates of the Halton sequence each, as for SaltelliDesign), levels
// up to 1000, and up to MaxCandidates = 2000 trajectories and candidates
// are accepted; one more is refused, with the message of the rule broken.
func TestMorrisDesignBounds(t *testing.T) {
	for _, c := range []struct {
		r, k, levels, candidates int
		points                   int // r(k+1)
	}{
		{2, MaxFactors, 4, 2, 2 * 501},
		{2, 1, 1000, 2, 4},
		{MaxCandidates, 1, 2, MaxCandidates, 2 * MaxCandidates},
		{2, 1, 4, MaxCandidates, 4},
	} {
		x, err := MorrisDesign(c.r, c.k, c.levels, c.candidates, 1)
		if err != nil || len(x) != c.points {
			t.Errorf("MorrisDesign(%d, %d, %d, %d): %d points, %v; want %d", c.r, c.k, c.levels, c.candidates, len(x), err, c.points)
		}
	}
	for _, c := range []struct {
		r, k, levels, candidates int
		want                     string
	}{
		{2, MaxFactors + 1, 4, 2, "sensitivity: 501 parameters; allowed: 1 to 500"},
		{2, 1, 1002, 2, "sensitivity: 1002 levels; allowed: an even number from 2 to 1000 (4 is usual)"},
		{2, 1, 0, 2, "sensitivity: 0 levels; allowed: an even number from 2 to 1000 (4 is usual)"},
		{MaxCandidates + 1, 1, 2, MaxCandidates + 1, "sensitivity: 2001 trajectories; allowed: 2 to 2000, the most candidate trajectories"},
		{2, 1, 4, MaxCandidates + 1, "sensitivity: 2001 candidate trajectories for 2; allowed: 2 to 2000"},
	} {
		if _, err := MorrisDesign(c.r, c.k, c.levels, c.candidates, 1); err == nil || err.Error() != c.want {
			t.Errorf("MorrisDesign(%d, %d, %d, %d): %v; want %q", c.r, c.k, c.levels, c.candidates, err, c.want)
		}
	}
}

// Spread has nothing to measure without a parameter (k = 0) or when the
// design is not whole trajectories of k+1 points: it is 0, though the
// points below lie 1 apart.
func TestSpreadDegenerate(t *testing.T) {
	design := [][]float64{{0}, {1}, {1}, {0}}
	for _, k := range []int{0, 2} {
		if got := Spread(design, k); got != 0 {
			t.Errorf("Spread of 4 points, k = %d: %v, want 0", k, got)
		}
	}
}

// Inputs ElementaryEffects refuses, each with its message: no parameter,
// no points, more outputs than points, a bad bootstrap, a step that moves
// two parameters (the first of them parameter 0) or none, a non-finite
// output at the start or the end of a step, and a point with a coordinate
// too many.
func TestElementaryEffectsInputErrors(t *testing.T) {
	good := func() [][]float64 { return [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0}, {0, 0}} }
	y := []float64{0, 1, 2, 3, 2, 4}
	nan := math.NaN()
	for _, c := range []struct {
		name string
		x    [][]float64
		y    []float64
		k    int
		b    Bootstrap
		want string
	}{
		{"k = 0", [][]float64{{}, {}}, []float64{0, 1}, 0, Bootstrap{},
			"sensitivity: 2 points and 2 outputs for 0 parameters; allowed: r(k+1) of each"},
		{"no points", nil, nil, 2, Bootstrap{},
			"sensitivity: 0 points and 0 outputs for 2 parameters; allowed: r(k+1) of each"},
		{"an output too many", good(), append(slices.Clone(y), 5), 2, Bootstrap{},
			"sensitivity: 6 points and 7 outputs for 2 parameters; allowed: r(k+1) of each"},
		{"resamples −1", good(), y, 2, Bootstrap{Resamples: -1},
			"sensitivity: -1 bootstrap resamples; allowed: 1 to 1000000 (0 for 1000)"},
		{"two moved, the first parameter 0", [][]float64{{0, 0}, {0.5, 0.5}, {0.5, 0}, {0.5, 0.5}, {0.5, 0}, {0, 0}}, y, 2, Bootstrap{},
			"sensitivity: points 0 and 1 of trajectory 0 differ in more than one parameter; allowed: consecutive points of a trajectory that differ in exactly one (a MorrisDesign's)"},
		{"none moved", [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0, 0.5}}, y, 2, Bootstrap{},
			"sensitivity: step 0 of trajectory 1 does not move a parameter not yet moved; allowed: trajectories that move each parameter once (a MorrisDesign's)"},
		{"NaN at a step's start", good(), []float64{0, 1, 2, nan, 2, 4}, 2, Bootstrap{},
			"sensitivity: an output of trajectory 1 is not finite"},
		{"+Inf at a step's end", good(), []float64{0, 1, 2, 3, 2, math.Inf(1)}, 2, Bootstrap{},
			"sensitivity: an output of trajectory 1 is not finite"},
		{"a coordinate too many", [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5, 0}, {0.5, 0}, {0, 0}}, y, 2, Bootstrap{},
			"sensitivity: point 3 has 3 coordinates; allowed: 2"},
	} {
		e, err := ElementaryEffects(c.x, c.y, c.k, c.b)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v (effects %v); want %q", c.name, err, e, c.want)
		}
	}
}

// σ's interval comes from the resampled trajectories' own effects about
// their own mean: for f = x² over 10 trajectories its ends bracket the
// estimate (effects taken from the original trajectories about a
// resample's mean are at least as spread, and put the whole interval at
// or above it). And a design's steps go both ways: of the 40 steps of 40
// trajectories in one dimension, some go down and some up.
func TestElementaryEffectsSigmaIntervalAndSteps(t *testing.T) {
	x, err := MorrisDesign(10, 1, 4, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	y := make([]float64, len(x))
	for i, u := range x {
		y[i] = u[0] * u[0]
	}
	e, err := ElementaryEffects(x, y, 1, Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if s := e.Sigma[0]; !(s.Low < s.Estimate && s.Estimate < s.High) {
		t.Errorf("σ %+v: its interval does not bracket the estimate", s)
	}
	x, err = MorrisDesign(40, 1, 4, 40, 1)
	if err != nil {
		t.Fatal(err)
	}
	var up, down int
	for i := 0; i+1 < len(x); i += 2 {
		if x[i+1][0] > x[i][0] {
			up++
		} else {
			down++
		}
	}
	if up == 0 || down == 0 {
		t.Errorf("of %d steps, %d up and %d down; want both", up+down, up, down)
	}
}

// The trajectories kept from the candidates come back in the order they
// were drawn: the candidates of a seed are the same whatever r, so with
// r = candidates = 10 every one is kept, in order, and the 4 kept of the
// same 10 are among them at increasing places.
func TestMorrisKeepsCandidatesInDrawnOrder(t *testing.T) {
	const k, per = 2, 3 // points of a trajectory: k + 1
	all, err := MorrisDesign(10, k, 4, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := MorrisDesign(4, k, 4, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for j := 0; j < len(kept); j += per {
		at := -1
		for m := 0; m < len(all); m += per {
			if slices.EqualFunc(kept[j:j+per], all[m:m+per], slices.Equal[[]float64]) {
				at = m / per
				break
			}
		}
		if at <= last {
			t.Fatalf("kept trajectory %d is candidate %d, after candidate %d: not in drawn order", j/per, at, last)
		}
		last = at
	}
}

// The statistics come back as separate slices: appending to μ* or μ (the
// caller's to do with as it likes) leaves the next one unchanged. On the
// two trajectories of TestElementaryEffectsByHand μ = (−1, 2) and σ =
// (√18, 0); the same for Sobol's first-order and total indices (those of
// TestSobolByHand's first rows, S = 0.5 and S_T = 0.1).
func TestStatisticsDoNotShareTheirEnds(t *testing.T) {
	x := [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0}, {0, 0}}
	e, err := ElementaryEffects(x, []float64{0, 1, 2, 3, 2, 4}, 2, Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	_ = append(e.MuStar, Interval{Estimate: 99})
	_ = append(e.Mu, Interval{Estimate: 99})
	if e.Mu[0].Estimate != -1 || !(math.Abs(e.Sigma[0].Estimate-math.Sqrt(18)) <= 1e-12) {
		t.Errorf("after appending to μ* and μ: μ1 = %v, σ1 = %v; want −1 and √18", e.Mu[0].Estimate, e.Sigma[0].Estimate)
	}
	s, err := Sobol([]float64{0, 1, 2, 4, 3, 6}, 2, 1, Bootstrap{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	_ = append(s.First, Interval{Estimate: 99})
	if !(math.Abs(s.Total[0].Estimate-0.1) <= 1e-12) {
		t.Errorf("after appending to S: S_T = %v; want 0.1", s.Total[0].Estimate)
	}
}

// Spread and its distances by hand, on three trajectories of one
// parameter at 4 levels (Δ = 2/3), (0, 2/3), (1/3, 1) and (1, 1/3), whose
// distances differ: d(0, 1) = 1/3 + 1 + 1/3 + 1/3 = 2, d(0, 2) = 1 + 1/3
// + 1/3 + 1/3 = 2, d(1, 2) = 2/3 + 0 + 0 + 2/3 = 4/3; the spread is
// √(4 + 4 + 16/9) = √88/3.
func TestSpreadByHandUnequalDistances(t *testing.T) {
	third := 1.0 / 3
	design := [][]float64{{0}, {2 * third}, {third}, {1}, {1}, {third}}
	if got, want := Spread(design, 1), math.Sqrt(88)/3; !(math.Abs(got-want) <= 1e-12) {
		t.Errorf("spread %v, want √88/3 = %v", got, want)
	}
	d := distances([][][]float64{design[0:2], design[2:4], design[4:6]})
	want := []float64{0, 2, 2, 2, 0, 4 * third, 2, 4 * third, 0}
	for i := range want {
		if !(math.Abs(d[i]-want[i]) <= 1e-12) {
			t.Fatalf("distances %v, want %v", d, want)
		}
	}
}

// The start is the furthest pair of all, each pair compared with the best
// so far. Trajectory 0 at distance 1 from the four others, which lie on a
// circle of radius 1 about it at 0°, 100°, 180° and 250° (chords 2 sin(θ/2)
// to two decimals, a metric): d(1, 2) = 1.53, d(1, 3) = 2, d(1, 4) = 1.64,
// d(2, 3) = 1.29, d(2, 4) = 1.93, d(3, 4) = 1.15. Two kept of five: the
// furthest pair is 1–3 (the diameter). 2–4 (1.93) is the other pair no
// single swap improves, so a start anywhere near it would end there.
func TestMaxSpreadFindsTheFurthestPairAnywhere(t *testing.T) {
	const m = 5
	d := pairDistances(m, []pairDistance{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {1, 2, 1.53}, {1, 3, 2}, {1, 4, 1.64}, {2, 3, 1.29}, {2, 4, 1.93}, {3, 4, 1.15}})
	if got := maxSpread(d, m, 2); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("kept %v, want [1 3]", got)
	}
}

// An exchange may bring in trajectory 0. Distances (a metric) d(0, 1) = 9,
// d(0, 2) = 2, d(0, 3) = 9, d(1, 2) = 10, d(1, 3) = 7, d(2, 3) = 7, three
// kept of four: the start is 1–2 (10); the greedy step adds 3 (7² + 7² =
// 98 against 0's 9² + 2² = 85), for Σd² = 100 + 49 + 49 = 198; swapping 2
// for 0 gives {0, 1, 3}: 81 + 81 + 49 = 211, the best of the four choices
// ({0, 1, 2}: 185, {0, 2, 3}: 134), which no further swap improves.
func TestMaxSpreadExchangesInTrajectoryZero(t *testing.T) {
	const m = 4
	d := pairDistances(m, []pairDistance{{0, 1, 9}, {0, 2, 2}, {0, 3, 9}, {1, 2, 10}, {1, 3, 7}, {2, 3, 7}})
	if got := maxSpread(d, m, 3); !slices.Equal(got, []int{0, 1, 3}) {
		t.Errorf("kept %v, want [0 1 3]", got)
	}
}

// The greedy step adds the trajectory outside the set with the largest
// Σ d² to it, trajectory 0 included, and never one already in. With d(1,
// 2) = 10 the furthest pair, trajectory 0 has Σ d² = 9² + 9² = 162 to it
// and trajectory 3 has 1² + 1² = 2: the set is 1, 2, then 0, with gains
// Σ d² to {1, 2, 0} of 162, 181, 181 and 3² + 1 + 1 = 11. (The exchanges
// would mend a wrong greedy choice here, so maxSpread alone does not
// show it.)
func TestGreedySpreadAddsTheFurthestOutsider(t *testing.T) {
	const m = 4
	d := pairDistances(m, []pairDistance{{0, 1, 9}, {0, 2, 9}, {0, 3, 3}, {1, 2, 10}, {1, 3, 1}, {2, 3, 1}})
	set, in, gain := greedySpread(d, m, 3)
	if !slices.Equal(set, []int{1, 2, 0}) {
		t.Errorf("greedy set %v, want [1 2 0]", set)
	}
	if !slices.Equal(in, []bool{true, true, true, false}) {
		t.Errorf("in %v, want [true true true false]", in)
	}
	if want := []float64{162, 181, 181, 11}; !slices.Equal(gain, want) {
		t.Errorf("gain %v, want %v", gain, want)
	}
}

// pairDistance is the distance d between trajectories a and b.
type pairDistance struct {
	a, b int
	d    float64
}

// pairDistances is the symmetric m × m distance matrix of the pairs, as
// maxSpread reads it (row-major, 0 on the diagonal and where not given).
func pairDistances(m int, pairs []pairDistance) []float64 {
	d := make([]float64, m*m)
	for _, e := range pairs {
		d[e.a*m+e.b], d[e.b*m+e.a] = e.d, e.d
	}
	return d
}
