package runner

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// kmSixMP is group 1 (6-MP treated) of the leukaemia remission data of
// Freireich et al. (1963), as tabulated in Kleinbaum & Klein, Survival
// Analysis: n = 21, remission times in weeks, Event false = censored (*):
// 6,6,6,6*,7,9*,10,10*,11*,13,16,17*,19*,20*,22,23,25*,32*,32*,34*,35*.
func kmSixMP() []Observation {
	return []Observation{
		{6, true}, {6, true}, {6, true}, {6, false}, {7, true}, {9, false},
		{10, true}, {10, false}, {11, false}, {13, true}, {16, true},
		{17, false}, {19, false}, {20, false}, {22, true}, {23, true},
		{25, false}, {32, false}, {32, false}, {34, false}, {35, false},
	}
}

// kmClose reports whether got is within tol of want.
func kmClose(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// kmCheckMedian fails the test unless got is nil when want is nil, or points
// at want otherwise.
func kmCheckMedian(t *testing.T, name string, got *float64, want *float64) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s = %v, want nil", name, *got)
	case want != nil && got == nil:
		t.Errorf("%s = nil, want %v", name, *want)
	case want != nil && *got != *want:
		t.Errorf("%s = %v, want %v", name, *got, *want)
	}
}

func TestKaplanMeierZQuantile(t *testing.T) {
	if !kmClose(z95, 1.959963984540054, 1e-12) {
		t.Errorf("z95 = %.15f, want 1.959963984540054", z95)
	}
}

// TestKaplanMeierSixMP checks the product-limit steps of the textbook
// example. Risk sets (censored at t still count as at risk at t):
//
//	t   n   d  c   S(t)
//	6   21  3  1   18/21                  = 0.857143
//	7   17  1  0   0.857143 · 16/17       = 0.806723
//	9   16  0  1   (unchanged)            = 0.806723
//	10  15  1  1   0.806723 · 14/15       = 0.752941
//	11  13  0  1   (unchanged)            = 0.752941
//	13  12  1  0   0.752941 · 11/12       = 0.690196
//	16  11  1  0   0.690196 · 10/11       = 0.627451
//	17  10  0  1, 19  9 0 1, 20  8 0 1    = 0.627451
//	22   7  1  0   0.627451 · 6/7         = 0.537815
//	23   6  1  0   0.537815 · 5/6         = 0.448179
//	25   5  0  1, 32  4 0 2, 34  2 0 1, 35  1 0 1 = 0.448179
//
// These match the published values S(6)=0.857, S(7)=0.807, S(10)=0.753,
// S(13)=0.690, S(16)=0.627, S(22)=0.538, S(23)=0.448.
func TestKaplanMeierSixMP(t *testing.T) {
	c := KaplanMeier(kmSixMP())
	if c.N != 21 || c.Events != 9 {
		t.Fatalf("N, Events = %d, %d, want 21, 9", c.N, c.Events)
	}
	want := []struct {
		t            float64
		n, d, cens   int
		s            float64
		publishedS   float64 // textbook value, 3 decimals
		publishedTol float64
	}{
		{6, 21, 3, 1, 18.0 / 21, 0.857, 5e-4},
		{7, 17, 1, 0, 18.0 / 21 * 16 / 17, 0.807, 5e-4},
		{9, 16, 0, 1, 18.0 / 21 * 16 / 17, 0.807, 5e-4},
		{10, 15, 1, 1, 18.0 / 21 * 16 / 17 * 14 / 15, 0.753, 5e-4},
		{11, 13, 0, 1, 18.0 / 21 * 16 / 17 * 14 / 15, 0.753, 5e-4},
		{13, 12, 1, 0, 18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12, 0.690, 5e-4},
		{16, 11, 1, 0, 18.0 / 21 * 16 / 17 * 14 / 15 * 11 / 12 * 10 / 11, 0.627, 5e-4},
		{17, 10, 0, 1, 0.627451, 0.627, 5e-4},
		{19, 9, 0, 1, 0.627451, 0.627, 5e-4},
		{20, 8, 0, 1, 0.627451, 0.627, 5e-4},
		{22, 7, 1, 0, 0.627451 * 6 / 7, 0.538, 5e-4},
		{23, 6, 1, 0, 0.627451 * 6 / 7 * 5 / 6, 0.448, 5e-4},
		{25, 5, 0, 1, 0.448179, 0.448, 5e-4},
		{32, 4, 0, 2, 0.448179, 0.448, 5e-4},
		{34, 2, 0, 1, 0.448179, 0.448, 5e-4},
		{35, 1, 0, 1, 0.448179, 0.448, 5e-4},
	}
	if len(c.Points) != len(want) {
		t.Fatalf("got %d points, want %d: %+v", len(c.Points), len(want), c.Points)
	}
	for i, w := range want {
		p := c.Points[i]
		if p.T != w.t || p.AtRisk != w.n || p.Events != w.d || p.Censored != w.cens {
			t.Errorf("point %d = (t %v, n %d, d %d, c %d), want (%v, %d, %d, %d)",
				i, p.T, p.AtRisk, p.Events, p.Censored, w.t, w.n, w.d, w.cens)
		}
		if !kmClose(p.S, w.s, 1e-6) {
			t.Errorf("S(%v) = %.6f, want %.6f", w.t, p.S, w.s)
		}
		if !kmClose(p.S, w.publishedS, w.publishedTol) {
			t.Errorf("S(%v) = %.6f, published %.3f", w.t, p.S, w.publishedS)
		}
		if p.Lower > p.S || p.S > p.Upper || p.Lower < 0 || p.Upper > 1 {
			t.Errorf("t=%v: band [%v, %v] does not bracket S=%v inside [0,1]", w.t, p.Lower, p.Upper, p.S)
		}
	}

	// Median: S(22) = 0.538 > 0.5, S(23) = 0.448 <= 0.5, so the median is 23.
	// Median CI from the log-log band (values as computed below for t=6):
	//   Lower(11) = 0.5032 > 0.5, Lower(13) = 0.4316 <= 0.5 -> lower limit 13;
	//   Upper never gets below 0.680 (its value from t=23 on) -> upper nil.
	median, lo := 23.0, 13.0
	kmCheckMedian(t, "Median", c.Median, &median)
	kmCheckMedian(t, "MedianLower", c.MedianLower, &lo)
	kmCheckMedian(t, "MedianUpper", c.MedianUpper, nil)
}

// TestKaplanMeierSixMPGreenwoodAndBand checks the error and band at t=6 by
// hand, and the band at t=23 against values worked the same way.
//
// Greenwood at t=6: S = 18/21 = 6/7, Σ d/(n(n-d)) = 3/(21·18) = 3/378
// = 0.0079365; Var = S²·3/378 = 0.734694 · 0.0079365 = 0.0058309;
// SE = sqrt(0.0058309) = 0.076360 (textbook: 0.0764).
//
// Log-log band at t=6: ln S = ln(6/7) = -0.1541507, (ln S)² = 0.0237624;
// v = 0.0079365 / 0.0237624 = 0.333994, sqrt(v) = 0.577922;
// z·sqrt(v) = 1.959964 · 0.577922 = 1.132706;
// exp(+1.132706) = 3.104046, exp(-1.132706) = 0.322160;
// Lower = (6/7)^3.104046 = exp(-0.1541507 · 3.104046) = exp(-0.478491) = 0.619718;
// Upper = (6/7)^0.322160 = exp(-0.1541507 · 0.322160) = exp(-0.049661) = 0.951552.
// (R's survfit(conf.type = "log-log") reports 0.620 and 0.952.)
//
// At t=23: S = 0.448179, Σ = 3/378 + 1/(17·16) + 1/(15·14) + 1/(12·11)
// + 1/(11·10) + 1/(7·6) + 1/(6·5) = 0.0901844; SE = 0.448179·sqrt(0.0901844)
// = 0.134591; ln S = -0.802570, v = 0.0901844/0.644119 = 0.140012,
// z·sqrt(v) = 0.733389; Lower = S^2.082148 = 0.188052,
// Upper = S^0.480273 = 0.680143.
func TestKaplanMeierSixMPGreenwoodAndBand(t *testing.T) {
	c := KaplanMeier(kmSixMP())
	p6, p23 := c.Points[0], c.Points[11]
	if p6.T != 6 || p23.T != 23 {
		t.Fatalf("unexpected point times %v, %v", p6.T, p23.T)
	}
	s := 18.0 / 21
	if wantSE := math.Sqrt(s * s * 3 / (21 * 18)); !kmClose(p6.SE, wantSE, 1e-12) {
		t.Errorf("SE(6) = %.6f, want %.6f", p6.SE, wantSE)
	}
	if !kmClose(p6.SE, 0.0764, 5e-5) {
		t.Errorf("SE(6) = %.6f, published 0.0764", p6.SE)
	}
	if !kmClose(p6.Lower, 0.619718, 1e-6) || !kmClose(p6.Upper, 0.951552, 1e-6) {
		t.Errorf("band(6) = [%.6f, %.6f], want [0.619718, 0.951552]", p6.Lower, p6.Upper)
	}
	if !kmClose(p23.SE, 0.134591, 1e-6) {
		t.Errorf("SE(23) = %.6f, want 0.134591", p23.SE)
	}
	if !kmClose(p23.Lower, 0.188052, 1e-6) || !kmClose(p23.Upper, 0.680143, 1e-6) {
		t.Errorf("band(23) = [%.6f, %.6f], want [0.188052, 0.680143]", p23.Lower, p23.Upper)
	}
	// Censoring-only times carry the previous values forward unchanged.
	if c.Points[12] != (SurvivalPoint{T: 25, AtRisk: 5, Censored: 1, S: p23.S, SE: p23.SE, Lower: p23.Lower, Upper: p23.Upper}) {
		t.Errorf("point at 25 = %+v, want values carried from t=23", c.Points[12])
	}
}

// TestKaplanMeierAllCensored: no alliance ever ends, so S stays 1 with no
// uncertainty (SE 0, band [1,1]) and no median exists.
func TestKaplanMeierAllCensored(t *testing.T) {
	c := KaplanMeier([]Observation{{100, false}, {100, false}, {40, false}})
	if c.N != 3 || c.Events != 0 || len(c.Points) != 2 {
		t.Fatalf("N %d, Events %d, %d points; want 3, 0, 2", c.N, c.Events, len(c.Points))
	}
	want := []SurvivalPoint{
		{T: 40, AtRisk: 3, Censored: 1, S: 1, Lower: 1, Upper: 1},
		{T: 100, AtRisk: 2, Censored: 2, S: 1, Lower: 1, Upper: 1},
	}
	if !reflect.DeepEqual(c.Points, want) {
		t.Errorf("points = %+v, want %+v", c.Points, want)
	}
	kmCheckMedian(t, "Median", c.Median, nil)
	kmCheckMedian(t, "MedianLower", c.MedianLower, nil)
	kmCheckMedian(t, "MedianUpper", c.MedianUpper, nil)
}

// TestKaplanMeierAllEventsSameTime: 4 alliances all end at t=7, so
// S(7) = (4-4)/4 = 0; Greenwood's d/(n(n-d)) = 4/0 is undefined, so SE = 0
// and the band is [0,0]. Median and both limits are 7.
func TestKaplanMeierAllEventsSameTime(t *testing.T) {
	obs := []Observation{{7, true}, {7, true}, {7, true}, {7, true}}
	c := KaplanMeier(obs)
	want := []SurvivalPoint{{T: 7, AtRisk: 4, Events: 4}}
	if c.N != 4 || c.Events != 4 || !reflect.DeepEqual(c.Points, want) {
		t.Fatalf("curve = %+v, want N 4, Events 4, points %+v", c, want)
	}
	seven := 7.0
	kmCheckMedian(t, "Median", c.Median, &seven)
	kmCheckMedian(t, "MedianLower", c.MedianLower, &seven)
	kmCheckMedian(t, "MedianUpper", c.MedianUpper, &seven)
	if _, err := json.Marshal(c); err != nil {
		t.Errorf("json.Marshal: %v", err)
	}
}

// TestKaplanMeierLastSubjectDies: times 1, 2*, 3 (n=3).
// t=1: n=3, d=1, S = 2/3, Σ = 1/(3·2) = 1/6, SE = (2/3)·sqrt(1/6) = 0.272166.
// t=2: censored, S and SE unchanged, 1 left at risk.
// t=3: n=1, d=1, S = 0, SE 0, band [0,0]. Median 3.
func TestKaplanMeierLastSubjectDies(t *testing.T) {
	c := KaplanMeier([]Observation{{3, true}, {1, true}, {2, false}})
	if len(c.Points) != 3 {
		t.Fatalf("got %d points, want 3", len(c.Points))
	}
	p1, p2, p3 := c.Points[0], c.Points[1], c.Points[2]
	if !kmClose(p1.S, 2.0/3, 1e-15) || !kmClose(p1.SE, 0.272166, 1e-6) {
		t.Errorf("t=1: S %v SE %v, want 2/3, 0.272166", p1.S, p1.SE)
	}
	if p2.S != p1.S || p2.SE != p1.SE || p2.Lower != p1.Lower || p2.Upper != p1.Upper || p2.AtRisk != 2 {
		t.Errorf("t=2 = %+v, want values carried from t=1 with 2 at risk", p2)
	}
	if p3 != (SurvivalPoint{T: 3, AtRisk: 1, Events: 1}) {
		t.Errorf("t=3 = %+v, want S, SE, band all 0", p3)
	}
	three := 3.0
	kmCheckMedian(t, "Median", c.Median, &three)
}

// TestKaplanMeierTies: an event and a censoring share t=2. Times 1, 2, 2*,
// 3, 4* (n=5). The alliance censored at 2 is still at risk at 2:
// t=1: n=5, d=1, S = 4/5 = 0.8.
// t=2: n=4 (not 3), d=1, c=1, S = 0.8·3/4 = 0.6 (censoring first would give
//
//	0.8·2/3 = 0.5333); Σ = 1/(5·4) + 1/(4·3) = 0.05 + 0.083333 = 0.133333,
//	SE = 0.6·sqrt(0.133333) = 0.219089.
//
// t=3: n=2, d=1, S = 0.6·1/2 = 0.3. t=4: n=1, c=1, S = 0.3.
// Median = 3 (S(2) = 0.6 > 0.5, S(3) = 0.3).
func TestKaplanMeierTies(t *testing.T) {
	c := KaplanMeier([]Observation{{2, false}, {1, true}, {4, false}, {2, true}, {3, true}})
	wantN := []int{5, 4, 2, 1}
	wantS := []float64{0.8, 0.6, 0.3, 0.3}
	if len(c.Points) != len(wantS) {
		t.Fatalf("got %d points, want %d", len(c.Points), len(wantS))
	}
	for i, p := range c.Points {
		if p.AtRisk != wantN[i] || !kmClose(p.S, wantS[i], 1e-12) {
			t.Errorf("point %d: n %d S %v, want n %d S %v", i, p.AtRisk, p.S, wantN[i], wantS[i])
		}
	}
	if p := c.Points[1]; p.Events != 1 || p.Censored != 1 || !kmClose(p.SE, 0.219089, 1e-6) {
		t.Errorf("t=2: %+v, want 1 event, 1 censored, SE 0.219089", p)
	}
	three := 3.0
	kmCheckMedian(t, "Median", c.Median, &three)
}

// TestKaplanMeierMedianExactlyHalf: when S reaches exactly 1/2 at some t,
// that t is the median even if the floating-point product rounds a hair
// above 0.5.
//
// Case 1: times 1, 2, 3*, 4* (n=4): S(2) = 3/4 · 2/3 = 1/2, median 2.
// Case 2: n=24, one event at each t = 1..12, the other 12 censored at 100:
// S(12) = 23/24 · 22/23 · ... · 12/13 = 12/24 = 1/2 (telescoping), but the
// float64 product is 0.5000000000000001; the median must still be 12.
func TestKaplanMeierMedianExactlyHalf(t *testing.T) {
	c := KaplanMeier([]Observation{{1, true}, {2, true}, {3, false}, {4, false}})
	two := 2.0
	kmCheckMedian(t, "Median (n=4)", c.Median, &two)

	var obs []Observation
	for i := 1; i <= 12; i++ {
		obs = append(obs, Observation{float64(i), true}, Observation{100, false})
	}
	c = KaplanMeier(obs)
	if !kmClose(c.Points[11].S, 0.5, 1e-12) {
		t.Fatalf("S(12) = %v, want 0.5", c.Points[11].S)
	}
	twelve := 12.0
	kmCheckMedian(t, "Median (n=24)", c.Median, &twelve)
}

// TestKaplanMeierOrderIndependent: shuffling the input (and not touching the
// caller's slice) must give an identical curve.
func TestKaplanMeierOrderIndependent(t *testing.T) {
	base := kmSixMP()
	want := KaplanMeier(base)
	if !reflect.DeepEqual(base, kmSixMP()) {
		t.Fatal("KaplanMeier modified its input")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		obs := slices.Clone(base)
		rng.Shuffle(len(obs), func(a, b int) { obs[a], obs[b] = obs[b], obs[a] })
		if got := KaplanMeier(obs); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffle %d: curve differs:\n got %+v\nwant %+v", i, got, want)
		}
	}
}

// TestKaplanMeierEmpty: no observations gives an empty curve that still
// encodes cleanly (points [] and null medians).
func TestKaplanMeierEmpty(t *testing.T) {
	for _, obs := range [][]Observation{nil, {}} {
		c := KaplanMeier(obs)
		if c.N != 0 || c.Events != 0 || len(c.Points) != 0 || c.Median != nil || c.MedianLower != nil || c.MedianUpper != nil {
			t.Errorf("KaplanMeier(%v) = %+v, want empty curve", obs, c)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		const want = `{"n":0,"events":0,"points":[],"median":null,"median_lower":null,"median_upper":null}`
		if string(b) != want {
			t.Errorf("json = %s, want %s", b, want)
		}
	}
}

// TestKaplanMeierInvalidDuration: negative, NaN and infinite durations are
// caller bugs and panic rather than silently distorting the curve, given
// to the function KaplanMeier or counted by Lifetimes.Add (which took -5
// and +Inf as points of the curve, and a NaN to a nil-pointer panic).
func TestKaplanMeierInvalidDuration(t *testing.T) {
	for _, d := range []float64{-1, math.NaN(), math.Inf(1), math.Inf(-1)} {
		for _, c := range []struct {
			name string
			call func()
		}{
			{"KaplanMeier", func() { KaplanMeier([]Observation{{1, true}, {d, false}}) }},
			{"Lifetimes.Add", func() {
				var l Lifetimes
				l.Add(Observation{1, true})
				l.Add(Observation{d, false})
			}},
		} {
			func() {
				defer func() {
					want := "runner: " + c.name + ": invalid duration"
					if r, _ := recover().(string); !strings.HasPrefix(r, want) {
						t.Errorf("%s, duration %v: recover() = %q, want a panic starting %q", c.name, d, r, want)
					}
				}()
				c.call()
			}()
		}
	}
}

// TestKaplanMeierLastEventTiedWithCensoring: at the last time, t = 5, one
// alliance ends and one is censored; both are at risk, so not every
// alliance at risk ended and S does not drop to 0. Times 2, 5, 5* (n=3):
// t=2: n=3, d=1, S = 2/3. t=5: n=2, d=1, c=1, S = 2/3 · 1/2 = 1/3;
// Greenwood Σ = 1/(3·2) + 1/(2·1) = 2/3, SE = (1/3)·√(2/3) = 0.272166.
func TestKaplanMeierLastEventTiedWithCensoring(t *testing.T) {
	c := KaplanMeier([]Observation{{5, false}, {2, true}, {5, true}})
	if len(c.Points) != 2 {
		t.Fatalf("got %d points, want 2", len(c.Points))
	}
	p := c.Points[1]
	if p.AtRisk != 2 || p.Events != 1 || p.Censored != 1 || !kmClose(p.S, 1.0/3, 1e-15) || !kmClose(p.SE, 0.272166, 1e-6) {
		t.Errorf("t=5: %+v, want 2 at risk, 1 event, 1 censored, S 1/3, SE 0.272166", p)
	}
}

// TestKaplanMeierMedianBandFirstCrossing: the median's interval ends are
// the first times the band reaches 0.5, not the last. Eight of ten end at
// t=1 and two are censored at t=2:
// t=1: n=10, d=8, S = 2/10, Σ = 8/(10·2) = 0.4, SE = 0.2·√0.4 = 0.126491;
// w = 1.959964·√(0.4/ln(0.2)²) = 1.959964·√(0.4/2.590290) = 0.770201, so
// the band is 0.2^exp(0.770201) = 0.2^2.160200 = 0.030909 to
// 0.2^exp(−0.770201) = 0.2^0.462920 = 0.474715, both ≤ 0.5.
// t=2: censored, the same S and band, still ≤ 0.5. Median and both ends 1.
func TestKaplanMeierMedianBandFirstCrossing(t *testing.T) {
	obs := []Observation{{2, false}, {2, false}}
	for range 8 {
		obs = append(obs, Observation{1, true})
	}
	c := KaplanMeier(obs)
	if len(c.Points) != 2 {
		t.Fatalf("got %d points, want 2", len(c.Points))
	}
	if p := c.Points[0]; !kmClose(p.S, 0.2, 1e-15) || !kmClose(p.SE, 0.126491, 1e-6) || !kmClose(p.Lower, 0.030909, 1e-6) || !kmClose(p.Upper, 0.474715, 1e-6) {
		t.Errorf("t=1: %+v, want S 0.2, SE 0.126491, band [0.030909, 0.474715]", p)
	}
	one := 1.0
	kmCheckMedian(t, "Median", c.Median, &one)
	kmCheckMedian(t, "MedianLower", c.MedianLower, &one)
	kmCheckMedian(t, "MedianUpper", c.MedianUpper, &one)
}

// TestKaplanMeierZeroDuration: a lifetime of 0 ticks (formed and ended in
// the same tick) is valid. Times 0, 0*, 4 (n=3): t=0: n=3, d=1, S = 2/3;
// t=4: n=1, d=1, S = 0.
func TestKaplanMeierZeroDuration(t *testing.T) {
	c := KaplanMeier([]Observation{{0, true}, {0, false}, {4, true}})
	if len(c.Points) != 2 || c.Points[0].T != 0 || c.Points[0].AtRisk != 3 || !kmClose(c.Points[0].S, 2.0/3, 1e-15) || c.Points[1].S != 0 {
		t.Errorf("curve %+v, want S(0) = 2/3 of 3, S(4) = 0", c.Points)
	}
}

// TestKaplanMeierMedianUpperAtTheLastEvent: the median's upper limit is
// the first time the band's upper end is at most 0.5, not near it. Five
// alliances end at t = 1, 2, 3, 4, 5, none censored. At t=4, n=2, d=1:
// S = 4/5 · 3/4 · 2/3 · 1/2 = 0.2, Σ = 1/(5·4) + 1/(4·3) + 1/(3·2) +
// 1/(2·1) = 0.8, ln S = −1.609438, v = 0.8/2.590290 = 0.308846,
// w = 1.959964 · √v = 1.089228, Upper = 0.2^exp(−w) = 0.2^0.336476 =
// 0.581853, still above 0.5 (the upper ends before it are 0.969180,
// 0.881756, 0.752816). At t=5 the last one ends: S = 0, band [0, 0], so
// the upper limit is 5. The median is 3 (S(3) = 0.4), the lower limit 1
// (Lower(1) = 0.203809).
func TestKaplanMeierMedianUpperAtTheLastEvent(t *testing.T) {
	var obs []Observation
	for d := 1.0; d <= 5; d++ {
		obs = append(obs, Observation{d, true})
	}
	c := KaplanMeier(obs)
	if p := c.Points[3]; p.T != 4 || !kmClose(p.S, 0.2, 1e-15) || !kmClose(p.Upper, 0.581853, 1e-6) {
		t.Errorf("t=4: %+v, want S 0.2, Upper 0.581853", p)
	}
	three, one, five := 3.0, 1.0, 5.0
	kmCheckMedian(t, "Median", c.Median, &three)
	kmCheckMedian(t, "MedianLower", c.MedianLower, &one)
	kmCheckMedian(t, "MedianUpper", c.MedianUpper, &five)
}
