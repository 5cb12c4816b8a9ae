package hypotheses

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// Spearman's ρ by hand. x = 1…5, y = 2, 1, 4, 3, 5: rank differences
// −1, 1, −1, 1, 0, Σd² = 4, ρ = 1 − 6·4/(5·24) = 0.8. With a tie, y = 1,
// 2, 2, 3, 4 ranks 1, 2.5, 2.5, 4, 5 and ρ is Pearson's r of the ranks:
// Σ(x−3)(r−3) = 9.5, √(10 · 9.5) = 9.747, ρ = 0.97468.
func TestSpearmanByHand(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	if r := Spearman(x, []float64{2, 1, 4, 3, 5}); !near(r, 0.8, 1e-12) {
		t.Errorf("ρ = %v, want 0.8", r)
	}
	if r := Spearman(x, []float64{1, 2, 2, 3, 4}); !near(r, 0.974679, 1e-6) {
		t.Errorf("ρ with a tie = %v, want 0.974679", r)
	}
	if r := Spearman(x, []float64{5, 4, 3, 2, 1}); r != -1 {
		t.Errorf("reversed ρ = %v, want -1", r)
	}
	if r := Spearman(x, []float64{3, 3, 3, 3, 3}); !math.IsNaN(r) {
		t.Errorf("ρ of a constant = %v, want NaN", r)
	}
}

// The difference of two shares uses Newcombe's interval; of two means
// Welch's normal interval. Means by hand: a = {0, 1, 0, 1} mean 0.5,
// sd 0.57735, se 0.288675; b = {1, 1, 1, 0} mean 0.75, se 0.25; d = 0.25
// ± 1.959964·√(0.083333 + 0.0625) = ±0.748474.
func TestDifferenceByHand(t *testing.T) {
	a := Sample{Kind: RunMean, Values: []float64{0, 1, 0, 1}}.Estimate()
	b := Sample{Kind: RunMean, Values: []float64{1, 1, 1, 0}}.Estimate()
	if !near(a.SE, 0.288675, 1e-6) || !near(b.SE, 0.25, 1e-12) {
		t.Fatalf("standard errors %v %v", a.SE, b.SE)
	}
	d, lo, hi := Difference(RunMean, a, b)
	if d != 0.25 || !near(lo, 0.25-0.748474, 1e-6) || !near(hi, 0.25+0.748474, 1e-6) {
		t.Errorf("difference %v [%v, %v], want 0.25 ± 0.748474", d, lo, hi)
	}
	// Shares: 48 of 80 against 56 of 70 (Newcombe 1998): 0.2 [0.0524, 0.3339].
	p := Sample{Kind: RunShare}
	q := Sample{Kind: RunShare}
	for i := 0; i < 80; i++ {
		p.Values = append(p.Values, b2f(i < 48))
	}
	for i := 0; i < 70; i++ {
		q.Values = append(q.Values, b2f(i < 56))
	}
	d, lo, hi = Difference(RunShare, p.Estimate(), q.Estimate())
	if !near(d, 0.2, 1e-12) || !near(lo, 0.0524, 5e-5) || !near(hi, 0.3339, 5e-5) {
		t.Errorf("share difference %v [%v, %v], want 0.2 [0.0524, 0.3339]", d, lo, hi)
	}
}

// Kaplan–Meier at a time and the difference of two curves, by hand.
// Group a: lifetimes 2, 4 (ended), 6 (censored), 8 (ended), 10 (censored).
// S(5) = (4/5)(3/4) = 0.6; Greenwood Σ d/(n(n−d)) = 1/20 + 1/12 = 2/15, so
// SE = 0.6·√(2/15) = 0.219089. Group b: 3, 9, 12, 12 all censored at the
// horizon but 3: S(5) = 3/4, SE = 0.75·√(1/12) = 0.216506. The difference
// b − a = 0.15 ± 1.959964·√(0.048 + 0.046875) = ±0.603704.
func TestSurvivalDifferenceByHand(t *testing.T) {
	a := Sample{Kind: Survival, At: 5, Lifetimes: []runner.Observation{{Duration: 2, Event: true}, {Duration: 4, Event: true}, {Duration: 6, Event: false}, {Duration: 8, Event: true}, {Duration: 10, Event: false}}}.Estimate()
	b := Sample{Kind: Survival, At: 5, Lifetimes: []runner.Observation{{Duration: 3, Event: true}, {Duration: 9, Event: false}, {Duration: 12, Event: false}, {Duration: 12, Event: false}}}.Estimate()
	if !a.Valid || !near(a.Value, 0.6, 1e-12) || !near(a.SE, 0.219089, 1e-6) {
		t.Fatalf("S_a(5) = %+v, want 0.6 (se 0.219089)", a)
	}
	if !near(b.Value, 0.75, 1e-12) || !near(b.SE, 0.216506, 1e-6) {
		t.Fatalf("S_b(5) = %+v, want 0.75 (se 0.216506)", b)
	}
	d, lo, hi := Difference(Survival, a, b)
	if !near(d, 0.15, 1e-12) || !near(lo, 0.15-0.603704, 1e-6) || !near(hi, 0.15+0.603704, 1e-6) {
		t.Errorf("difference %v [%v, %v], want 0.15 ± 0.603704", d, lo, hi)
	}
	// Nothing reaches t = 20 while S > 0: the curve is unknown there.
	if e := (Sample{Kind: Survival, At: 20, Lifetimes: []runner.Observation{{Duration: 3, Event: false}, {Duration: 9, Event: false}}}).Estimate(); e.Valid {
		t.Errorf("survival past every lifetime should be unknown: %+v", e)
	}
}

// An unknown kind has a name, not a panic.
func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{RunShare: "share of runs", Survival: "Kaplan–Meier survival", 99: "Kind(99)", -1: "Kind(-1)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind %d: %q, want %q", int(k), got, want)
		}
	}
}

// The standard error of a share is √(p(1−p)/n): 2 of 5, √(0.4·0.6/5) =
// √0.048 = 0.219089. Of a mean over two runs it is the sample's: 0.2 and
// 0.6 have sd √((0.2² + 0.2²)/1) = 0.282843 and se 0.282843/√2 = 0.2
// (the ½ of a single run is for one value only).
func TestStandardErrorsByHand(t *testing.T) {
	if e := (Sample{Kind: RunShare, Values: []float64{1, 1, 0, 0, 0}}).Estimate(); !near(e.SE, 0.219089, 1e-6) {
		t.Errorf("se of 2 of 5 = %v, want 0.219089", e.SE)
	}
	if e := (Sample{Kind: RunMean, Values: []float64{0.2, 0.6}}).Estimate(); !near(e.Value, 0.4, 1e-12) || !near(e.SE, 0.2, 1e-12) {
		t.Errorf("mean of 0.2 and 0.6 = %v (se %v), want 0.4 (se 0.2)", e.Value, e.SE)
	}
}

// Kaplan–Meier read at t includes what happened at t, by hand:
//   - lifetimes 2, 5 (ended), 9 (censored) at t = 5: S = (2/3)(1/2) = 1/3,
//     Greenwood Σ = 1/(3·2) + 1/(2·1) = 2/3, SE = (1/3)·√(2/3) = 0.272166;
//     the interval 1/3 ± 1.959964·0.272166 = [−0.200, 0.867] is clipped
//     at 0;
//   - lifetimes 3 (ended), 5 (censored) at t = 5: a lifetime reaches t, so
//     S(5) = 1/2 is known (SE 0.5·√(1/2) = 0.353553);
//   - lifetimes 2, 4 both ended, at t = 10: every alliance had ended, S = 0
//     is known although none reached t.
func TestSurvivalAtReadingTimeByHand(t *testing.T) {
	at := func(t float64, obs ...runner.Observation) Estimate {
		return Sample{Kind: Survival, At: t, Lifetimes: obs}.Estimate()
	}
	ended := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: true} }
	censored := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: false} }
	if e := at(5, ended(2), ended(5), censored(9)); !e.Valid || !near(e.Value, 1.0/3, 1e-12) || !near(e.SE, 0.272166, 1e-6) ||
		e.Low != 0 || !near(e.High, 1.0/3+z95*0.272166, 1e-6) {
		t.Errorf("S(5) of 2, 5, 9*: %+v, want 1/3 (se 0.272166) in [0, 0.867]", e)
	}
	if e := at(5, ended(3), censored(5)); !e.Valid || !near(e.Value, 0.5, 1e-12) || !near(e.SE, 0.353553, 1e-6) {
		t.Errorf("S(5) of 3, 5*: %+v, want a valid 0.5 (se 0.353553)", e)
	}
	if e := at(10, ended(2), ended(4)); !e.Valid || e.Value != 0 || e.Low != 0 || e.High != 0 {
		t.Errorf("S(10) of 2, 4: %+v, want a valid 0 in [0, 0]", e)
	}
}

// A difference with an end that has no estimate says nothing: [−1, 1],
// whichever end it is. Shares of alliances, like shares of runs, take
// Newcombe's interval: 48 of 80 against 56 of 70, [0.0524, 0.3339]
// (Newcombe 1998, Table II (a)).
func TestDifferenceEdgesAndAllianceShares(t *testing.T) {
	valid := Sample{Kind: RunMean, Values: []float64{0.2, 0.6}}.Estimate()
	none := Sample{Kind: RunMean}.Estimate()
	for _, c := range [][2]Estimate{{none, valid}, {valid, none}} {
		if _, lo, hi := Difference(RunMean, c[0], c[1]); lo != -1 || hi != 1 {
			t.Errorf("difference with an end without estimate: [%v, %v], want [-1, 1]", lo, hi)
		}
	}
	share := func(count, n int) Estimate {
		s := Sample{Kind: AllianceShare}
		for i := range n {
			s.Values = append(s.Values, b2f(i < count))
		}
		return s.Estimate()
	}
	if _, lo, hi := Difference(AllianceShare, share(48, 80), share(56, 70)); !near(lo, 0.0524, 5e-5) || !near(hi, 0.3339, 5e-5) {
		t.Errorf("alliance-share difference [%v, %v], want [0.0524, 0.3339]", lo, hi)
	}
}

// Estimates of empty samples say nothing: value 0 in [0, 1], not valid,
// for a mean and for a survival alike.
func TestEmptyEstimates(t *testing.T) {
	for _, k := range []Kind{RunShare, RunMean, Survival} {
		if e := (Sample{Kind: k, At: 5}).Estimate(); e != (Estimate{High: 1}) {
			t.Errorf("%v of nothing: %+v, want value 0 in [0, 1], not valid", k, e)
		}
	}
}

// Kaplan–Meier at the edges of its interval, by hand:
//   - lifetimes 2, 4 (ended) at t = 1, before any end: S = 1, SE 0,
//     interval [1, 1];
//   - one of 10 ended at 1, nine censored at 10, at t = 5: S = 9/10,
//     Greenwood Σ = 1/(10·9), SE = 0.9·√(1/90) = 0.094868, and
//     0.9 ± 1.959964·0.094868 = [0.714061, 1.085939], clipped to 1;
//   - lifetimes 3, 9 censored at t = 20: unknown, but over N = 2.
func TestSurvivalAtEdgesByHand(t *testing.T) {
	ended := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: true} }
	censored := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: false} }
	if e := (Sample{Kind: Survival, At: 1, Lifetimes: []runner.Observation{ended(2), ended(4)}}).Estimate(); e != (Estimate{Value: 1, Low: 1, High: 1, N: 2, Valid: true}) {
		t.Errorf("S(1) of 2, 4: %+v, want a valid 1 in [1, 1] over 2", e)
	}
	obs := []runner.Observation{ended(1)}
	for range 9 {
		obs = append(obs, censored(10))
	}
	if e := (Sample{Kind: Survival, At: 5, Lifetimes: obs}).Estimate(); !e.Valid || !near(e.Value, 0.9, 1e-12) || !near(e.SE, 0.094868, 1e-6) ||
		!near(e.Low, 0.714061, 1e-6) || e.High != 1 {
		t.Errorf("S(5) of 1, 9×10*: %+v, want 0.9 (se 0.094868) in [0.714061, 1]", e)
	}
	if e := (Sample{Kind: Survival, At: 20, Lifetimes: []runner.Observation{censored(3), censored(9)}}).Estimate(); e != (Estimate{High: 1, N: 2}) {
		t.Errorf("S(20) of 3*, 9*: %+v, want unknown over N = 2", e)
	}
}

// Merge never writes into the samples it pools, even when they have room
// to grow: two merges of one sample with spare capacity keep their own
// values and lifetimes.
func TestMergeDoesNotAlias(t *testing.T) {
	s := Sample{Kind: RunShare, Values: make([]float64, 1, 4), Lifetimes: make([]runner.Observation, 1, 4)}
	a := s.Merge(Sample{Values: []float64{1}, Lifetimes: []runner.Observation{{Duration: 1}}})
	b := s.Merge(Sample{Values: []float64{2}, Lifetimes: []runner.Observation{{Duration: 2}}})
	if a.Values[1] != 1 || b.Values[1] != 2 || a.Lifetimes[1].Duration != 1 || b.Lifetimes[1].Duration != 2 {
		t.Errorf("merges %v %v and %v %v, want [0 1] [0 2] and durations 1, 2", a.Values, b.Values, a.Lifetimes, b.Lifetimes)
	}
}
