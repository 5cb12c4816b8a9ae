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
	// Means equal but for the order of their sums tie: ranked apart,
	// 0.20000000000000004 above 0.19999999999999998, they gave 0.894
	// (or 0.224) for a true tie's 0.707.
	v1, v2, v3 := 0.1, 0.2, 0.3 // variables: Go's constant arithmetic is exact
	a, b := (v1+v2+v3)/3, (v3+v2+v1)/3
	if a == b {
		t.Fatal("set-up: the two means are equal as floats")
	}
	for _, y := range [][]float64{{0.1, b, a, a, a}, {0.1, a, a, a, b}, {0.1, 0.2, 0.2, 0.2, 0.2}} {
		if r := Spearman(x, y); !near(r, math.Sqrt(0.5), 1e-12) {
			t.Errorf("ρ of %v = %v, want √½ = 0.70711 (four tied)", y, r)
		}
	}
	if r := Spearman(x, []float64{3, 3, 3, 3, 3}); !math.IsNaN(r) {
		t.Errorf("ρ of a constant = %v, want NaN", r)
	}
	// Lengths that differ (gonum's correlation panics on them) and a NaN
	// (which ranked as the largest and gave 1) are NaN too.
	if r := Spearman(x, x[:4]); !math.IsNaN(r) {
		t.Errorf("ρ of 5 against 4 values = %v, want NaN", r)
	}
	if r := Spearman(x, []float64{1, 2, 3, 4, math.NaN()}); !math.IsNaN(r) {
		t.Errorf("ρ with a NaN = %v, want NaN", r)
	}
	if r := Spearman([]float64{math.NaN(), 2, 3, 4, 5}, x); !math.IsNaN(r) {
		t.Errorf("ρ with a NaN first = %v, want NaN", r)
	}
}

// The difference of two shares uses Newcombe's interval; of two means
// the same construction from each mean's interval. Means by hand: a =
// {0.3, 0.4, 0.5}, mean 0.4, sd 0.1, se 0.057735, and Student's t with 2
// degrees of freedom, 4.302653, gives the half-width 0.248414: [0.151586,
// 0.648414]; b = {0.6, 0.7, 0.8}, [0.451586, 0.948414]; d = 0.3 ±
// √2·0.248414 = [−0.051310, 0.651310]. A level whose runs all gave 1,
// c = {1, 1}, is not certain: the Wilson interval of 2 of 2, [0.342380,
// 1], and from b to c d = 0.3, from 0.3 − √(0.657620² + 0.248414²) =
// −0.402975 to 0.3 + 0.248414 = 0.548414.
func TestDifferenceByHand(t *testing.T) {
	a := Sample{Kind: RunMean, Values: []float64{0.3, 0.4, 0.5}}.Estimate()
	b := Sample{Kind: RunMean, Values: []float64{0.6, 0.7, 0.8}}.Estimate()
	if !near(a.SE, 0.057735, 1e-6) || !near(a.Low, 0.151586, 1e-6) || !near(a.High, 0.648414, 1e-6) || !near(b.Low, 0.451586, 1e-6) {
		t.Fatalf("estimates %+v and %+v; want se 0.057735, [0.151586, 0.648414] and [0.451586, 0.948414]", a, b)
	}
	d, lo, hi := Difference(RunMean, a, b)
	if !near(d, 0.3, 1e-12) || !near(lo, -0.051310, 1e-6) || !near(hi, 0.651310, 1e-6) {
		t.Errorf("difference %v [%v, %v], want 0.3 [−0.051310, 0.651310]", d, lo, hi)
	}
	c := Sample{Kind: RunMean, Values: []float64{1, 1}}.Estimate()
	if c.Value != 1 || !near(c.Low, 0.342380, 1e-6) || c.High != 1 || !c.Valid {
		t.Fatalf("two runs of 1: %+v; want 1 [0.342380, 1]", c)
	}
	d, lo, hi = Difference(RunMean, b, c)
	if !near(d, 0.3, 1e-12) || !near(lo, -0.402975, 1e-6) || !near(hi, 0.548414, 1e-6) {
		t.Errorf("difference to a level without spread %v [%v, %v], want 0.3 [−0.402975, 0.548414]", d, lo, hi)
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
// SE = 0.6·√(2/15) = 0.219089, an effective sample of 0.6·0.4/0.048 = 5
// and the Wilson interval of 0.6 at n = 5, [0.230724, 0.882379]. Group b:
// 3, 9, 12, 12 all censored at the horizon but 3: S(5) = 3/4, SE =
// 0.75·√(1/12) = 0.216506, n = 0.1875/0.046875 = 4, [0.300642, 0.954413].
// The difference b − a = 0.15, from 0.15 − √(0.449358² + 0.282379²) =
// −0.380717 to 0.15 + √(0.204413² + 0.369276²) = 0.572077.
func TestSurvivalDifferenceByHand(t *testing.T) {
	a := Sample{Kind: Survival, At: 5, Lifetimes: []runner.Observation{{Duration: 2, Event: true}, {Duration: 4, Event: true}, {Duration: 6, Event: false}, {Duration: 8, Event: true}, {Duration: 10, Event: false}}}.Estimate()
	b := Sample{Kind: Survival, At: 5, Lifetimes: []runner.Observation{{Duration: 3, Event: true}, {Duration: 9, Event: false}, {Duration: 12, Event: false}, {Duration: 12, Event: false}}}.Estimate()
	if !a.Valid || !near(a.Value, 0.6, 1e-12) || !near(a.SE, 0.219089, 1e-6) {
		t.Fatalf("S_a(5) = %+v, want 0.6 (se 0.219089)", a)
	}
	if !near(b.Value, 0.75, 1e-12) || !near(b.SE, 0.216506, 1e-6) {
		t.Fatalf("S_b(5) = %+v, want 0.75 (se 0.216506)", b)
	}
	if !near(a.Low, 0.230724, 1e-6) || !near(a.High, 0.882379, 1e-6) || !near(b.Low, 0.300642, 1e-6) || !near(b.High, 0.954413, 1e-6) {
		t.Fatalf("intervals [%v, %v] and [%v, %v], want [0.230724, 0.882379] and [0.300642, 0.954413]", a.Low, a.High, b.Low, b.High)
	}
	d, lo, hi := Difference(Survival, a, b)
	if !near(d, 0.15, 1e-12) || !near(lo, -0.380717, 1e-6) || !near(hi, 0.572077, 1e-6) {
		t.Errorf("difference %v [%v, %v], want 0.15 in [−0.380717, 0.572077]", d, lo, hi)
	}
	// Nothing reaches t = 20 while S > 0: the curve is unknown there.
	if e := (Sample{Kind: Survival, At: 20, Lifetimes: []runner.Observation{{Duration: 3, Event: false}, {Duration: 9, Event: false}}}).Estimate(); e.Valid {
		t.Errorf("survival past every lifetime should be unknown: %+v", e)
	}
}

// A level in which no alliance has ended is not certain (a review's
// case): 100 imposed alliances of which 30 end at ticks 1 … 30 and 70
// outlive t = 240, S = 0.7 (SE 0.045826, effective n 100, Wilson
// [0.604151, 0.781051]), against 5 indigenous ones, none ended, S = 1
// (Wilson of 5 of 5, [0.565518, 1]). The change +0.3 runs from
// 0.3 − √(0.434482² + 0.081051²) = −0.141978 to 0.3 + √(0² + 0.095849²)
// = 0.395849: five alliances cannot show that the difference is not
// zero. (A normal interval, S ± z·SE, gave [+0.210, +0.390].)
func TestSurvivalDifferenceWithACertainLevel(t *testing.T) {
	var imposed, indigenous []runner.Observation
	for i := range 30 {
		imposed = append(imposed, runner.Observation{Duration: float64(i + 1), Event: true})
	}
	for range 70 {
		imposed = append(imposed, runner.Observation{Duration: 300})
	}
	for range 5 {
		indigenous = append(indigenous, runner.Observation{Duration: 300})
	}
	a := Sample{Kind: Survival, At: 240, Lifetimes: imposed}.Estimate()
	b := Sample{Kind: Survival, At: 240, Lifetimes: indigenous}.Estimate()
	if !near(a.Low, 0.604151, 1e-6) || !near(a.High, 0.781051, 1e-6) || !near(b.Low, 0.565518, 1e-6) || b.High != 1 {
		t.Fatalf("intervals [%v, %v] and [%v, %v], want [0.604151, 0.781051] and [0.565518, 1]", a.Low, a.High, b.Low, b.High)
	}
	d, lo, hi := Difference(Survival, a, b)
	if !near(d, 0.3, 1e-12) || !near(lo, -0.141978, 1e-6) || !near(hi, 0.395849, 1e-6) {
		t.Errorf("difference %v [%v, %v], want 0.3 in [−0.141978, 0.395849]", d, lo, hi)
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
//     effective n = (2/9)/(2/27) = 3, Wilson [0.061492, 0.792340];
//   - lifetimes 3 (ended), 5 (censored) at t = 5: a lifetime reaches t, so
//     S(5) = 1/2 is known (SE 0.5·√(1/2) = 0.353553, n = 2);
//   - lifetimes 2, 4 both ended, at t = 10: every alliance had ended, S = 0
//     is known although none reached t: the Wilson interval of 0 at the
//     effective n of the last point between 0 and 1, S(2) = 1/2 with SE²
//     = (1/4)·1/(2·1) = 1/8, n = (1/4)/(1/8) = 2: [0, z²/(2 + z²)] =
//     [0, 0.657620] (the one alliance at risk at the last end would give
//     [0, 0.793451], wider than S(2)'s own interval);
//   - 999 lifetimes of 10 and one of 150, all ended, at t = 240: S(149) =
//     1/1000 with SE² = (1/1000)²·999/(1000·1), n = (1/1000)(999/1000)/SE² = 1000, so S(240) = 0
//     in [0, z²/(1000 + z²)] = [0, 0.003827];
//   - lifetimes 4, 4, 4, ended, at t = 5: S falls from 1 to 0 at once, n =
//     the 3 at risk then: [0, z²/(3 + z²)] = [0, 0.561497].
func TestSurvivalAtReadingTimeByHand(t *testing.T) {
	at := func(t float64, obs ...runner.Observation) Estimate {
		return Sample{Kind: Survival, At: t, Lifetimes: obs}.Estimate()
	}
	ended := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: true} }
	censored := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: false} }
	if e := at(5, ended(2), ended(5), censored(9)); !e.Valid || !near(e.Value, 1.0/3, 1e-12) || !near(e.SE, 0.272166, 1e-6) ||
		!near(e.Low, 0.061492, 1e-6) || !near(e.High, 0.792340, 1e-6) {
		t.Errorf("S(5) of 2, 5, 9*: %+v, want 1/3 (se 0.272166) in [0.061492, 0.792340]", e)
	}
	if e := at(5, ended(3), censored(5)); !e.Valid || !near(e.Value, 0.5, 1e-12) || !near(e.SE, 0.353553, 1e-6) {
		t.Errorf("S(5) of 3, 5*: %+v, want a valid 0.5 (se 0.353553)", e)
	}
	if e := at(10, ended(2), ended(4)); !e.Valid || e.Value != 0 || e.Low != 0 || !near(e.High, 0.657620, 1e-6) {
		t.Errorf("S(10) of 2, 4: %+v, want a valid 0 in [0, 0.657620]", e)
	}
	many := []runner.Observation{ended(150)}
	for range 999 {
		many = append(many, ended(10))
	}
	if e := at(240, many...); !e.Valid || e.Value != 0 || e.Low != 0 || !near(e.High, 0.003827, 1e-6) {
		t.Errorf("S(240) of 999×10, 150: %+v, want a valid 0 in [0, 0.003827]", e)
	}
	if e := at(5, ended(4), ended(4), ended(4)); !e.Valid || e.Value != 0 || e.Low != 0 || !near(e.High, 0.561497, 1e-6) {
		t.Errorf("S(5) of 4, 4, 4: %+v, want a valid 0 in [0, 0.561497]", e)
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
//   - lifetimes 2, 4 (ended) at t = 1, before any end: S = 1, SE 0, but
//     not certain: the Wilson interval of 2 of the 2 at risk, [0.342380, 1];
//   - one of 10 ended at 1, nine censored at 10, at t = 5: S = 9/10,
//     Greenwood Σ = 1/(10·9), SE = 0.9·√(1/90) = 0.094868, effective n =
//     0.09/0.009 = 10, Wilson [0.595850, 0.982124];
//   - lifetimes 3, 9 censored at t = 20: unknown, but over N = 2.
func TestSurvivalAtEdgesByHand(t *testing.T) {
	ended := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: true} }
	censored := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: false} }
	if e := (Sample{Kind: Survival, At: 1, Lifetimes: []runner.Observation{ended(2), ended(4)}}).Estimate(); !e.Valid || e.Value != 1 || e.SE != 0 || e.N != 2 ||
		!near(e.Low, 0.342380, 1e-6) || e.High != 1 {
		t.Errorf("S(1) of 2, 4: %+v, want a valid 1 in [0.342380, 1] over 2", e)
	}
	obs := []runner.Observation{ended(1)}
	for range 9 {
		obs = append(obs, censored(10))
	}
	if e := (Sample{Kind: Survival, At: 5, Lifetimes: obs}).Estimate(); !e.Valid || !near(e.Value, 0.9, 1e-12) || !near(e.SE, 0.094868, 1e-6) ||
		!near(e.Low, 0.595850, 1e-6) || !near(e.High, 0.982124, 1e-6) {
		t.Errorf("S(5) of 1, 9×10*: %+v, want 0.9 (se 0.094868) in [0.595850, 0.982124]", e)
	}
	if e := (Sample{Kind: Survival, At: 20, Lifetimes: []runner.Observation{censored(3), censored(9)}}).Estimate(); e != (Estimate{High: 1, N: 2}) {
		t.Errorf("S(20) of 3*, 9*: %+v, want unknown over N = 2", e)
	}
}

// Where nothing has ended by t (S = 1), the interval is over the
// alliances still at risk at t, not all of them: of five censored at 100
// and five at 300, read at 240, the five at risk give Wilson's [5/(5 +
// z²), 1] = [0.565518, 1] (all ten would give [0.722467, 1]).
func TestSurvivalAtOneCountsOnlyThoseAtRisk(t *testing.T) {
	var obs []runner.Observation
	for _, d := range []float64{100, 100, 100, 100, 100, 300, 300, 300, 300, 300} {
		obs = append(obs, runner.Observation{Duration: d})
	}
	if e := (Sample{Kind: Survival, At: 240, Lifetimes: obs}).Estimate(); !e.Valid || e.Value != 1 || !near(e.Low, 0.565518, 1e-6) || e.High != 1 {
		t.Errorf("S(240) of 5×100*, 5×300*: %+v, want a valid 1 in [0.565518, 1]", e)
	}
}

// Where every alliance has ended by t (S = 0), the interval takes the
// effective n of the curve's last point between 0 and 1, not its first:
// lifetimes 2 (ended), 3, 3 (censored), 4, 5 (ended), read at 10. S(2) =
// 4/5 with Greenwood Σ = 1/(5·4) = 1/20, n* = 0.16/(0.64/20) = 5; S(4) =
// 2/5 with Σ = 1/20 + 1/(2·1) = 11/20, n* = 0.24/(0.16·11/20) = 30/11; so
// S(10) = 0 in [0, z²/(30/11 + z²)] = [0, 0.584810] (S(2)'s n would give
// [0, 0.434482]).
func TestSurvivalAtZeroTakesTheLastPointBetween(t *testing.T) {
	ended := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: true} }
	censored := func(d float64) runner.Observation { return runner.Observation{Duration: d, Event: false} }
	e := (Sample{Kind: Survival, At: 10, Lifetimes: []runner.Observation{ended(2), censored(3), censored(3), ended(4), ended(5)}}).Estimate()
	if !e.Valid || e.Value != 0 || e.Low != 0 || !near(e.High, 0.584810, 1e-6) {
		t.Errorf("S(10) of 2, 3*, 3*, 4, 5: %+v, want a valid 0 in [0, 0.584810]", e)
	}
}

// A mean's t interval is clipped to [0, 1]: 1, 1 and 0.9 have mean
// 0.966667, sd 0.057735, se 0.033333 and t(2) = 4.302653, so mean ±
// 0.143422 is [0.823245, 1.110089], clipped to [0.823245, 1]; 0, 0 and
// 0.1 mirror it, [0, 0.176755].
func TestMeanIntervalIsClipped(t *testing.T) {
	if e := (Sample{Kind: RunMean, Values: []float64{1, 1, 0.9}}).Estimate(); !near(e.Value, 0.966667, 1e-6) || !near(e.SE, 0.033333, 1e-6) ||
		!near(e.Low, 0.823245, 1e-6) || e.High != 1 {
		t.Errorf("mean of 1, 1, 0.9: %+v, want 0.966667 (se 0.033333) in [0.823245, 1]", e)
	}
	if e := (Sample{Kind: RunMean, Values: []float64{0, 0, 0.1}}).Estimate(); e.Low != 0 || !near(e.High, 0.176755, 1e-6) {
		t.Errorf("mean of 0, 0, 0.1: %+v, want [0, 0.176755]", e)
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

// Values tie within 10⁻⁹ of the least of their group, not of their
// neighbour, so ties do not chain: y = 0, 6·10⁻¹⁰, 1.2·10⁻⁹ has 6·10⁻¹⁰
// within 10⁻⁹ of 0 but 1.2·10⁻⁹ not, ranks 1.5, 1.5, 3 (chained, all
// three would tie and ρ be undefined). Against x = 1, 2, 3 (ranks 1, 2,
// 3, mean 2): deviations −1, 0, 1 and −0.5, −0.5, 1, Σ = 0.5 + 0 + 1 =
// 1.5, √(2 · 1.5) = √3, ρ = 1.5/√3 = √3/2 = 0.866025.
func TestSpearmanTiesDoNotChain(t *testing.T) {
	want := math.Sqrt(3) / 2
	if r := Spearman([]float64{1, 2, 3}, []float64{0, 6e-10, 1.2e-9}); !(math.Abs(r-want) <= 1e-12) {
		t.Errorf("ρ of 0, 6e-10, 1.2e-9 = %v, want √3/2 = %v (ranks 1.5, 1.5, 3)", r, want)
	}
}

// Several equal means take the Wilson standard error of their mean as a
// share of n: four runs of 0.5 have √(0.5·0.5/4) = √0.0625 = 0.25, the
// n in the divisor being the number of runs (n − 1 would give 0.288675).
func TestEqualMeansTakeTheShareStandardError(t *testing.T) {
	if e := (Sample{Kind: RunMean, Values: []float64{0.5, 0.5, 0.5, 0.5}}).Estimate(); e.Value != 0.5 || !near(e.SE, 0.25, 1e-12) {
		t.Errorf("four runs of 0.5: %v (se %v), want 0.5 (se 0.25)", e.Value, e.SE)
	}
}
