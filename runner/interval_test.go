package runner

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// Wilson's interval for 8 of 10 at 95%, by hand: z = 1.959964, z² =
// 3.841459, centre (0.8 + 0.192073)/1.384146 = 0.716740, half-width
// 1.959964/1.384146 · √(0.016 + 0.0096036) = 0.226578 (textbook value
// [0.4902, 0.9433]).
func TestWilsonByHand(t *testing.T) {
	lo, hi := Wilson(8, 10, z95)
	if !near(lo, 0.490162, 1e-6) || !near(hi, 0.943318, 1e-6) {
		t.Errorf("Wilson(8, 10) = [%.6f, %.6f], want [0.490162, 0.943318]", lo, hi)
	}
	// The edges are exact, and the interval of 0 of 20 is [0, 2·centre] = [0, 2 · 0.096037/1.192073].
	if lo, hi := Wilson(0, 20, z95); lo != 0 || !near(hi, 0.161125, 1e-6) {
		t.Errorf("Wilson(0, 20) = [%v, %.6f], want [0, 0.161125]", lo, hi)
	}
	if lo, hi := Wilson(20, 20, z95); hi != 1 || !near(lo, 0.838875, 1e-6) {
		t.Errorf("Wilson(20, 20) = [%.6f, %v], want [0.838875, 1]", lo, hi)
	}
	if p := NewProportion(0, 0); p.Share != 0 || p.Low != 0 || p.High != 1 {
		t.Errorf("no runs should say nothing is known: %+v", p)
	}
}

// A count outside [0, n], or no trials, is no proportion: NaN, not a
// share of 5/3 with a NaN interval or a negative share.
func TestProportionOutOfRangeIsNaN(t *testing.T) {
	for _, c := range [][2]int{{5, 3}, {-1, 3}, {1, 0}} {
		p := NewProportion(c[0], c[1])
		if !math.IsNaN(p.Share) || !math.IsNaN(p.Low) || !math.IsNaN(p.High) || p.Count != c[0] || p.N != c[1] {
			t.Errorf("NewProportion(%d, %d) = %+v, want NaN share and interval", c[0], c[1], p)
		}
		if lo, hi := Wilson(c[0], c[1], z95); !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("Wilson(%d, %d) = [%v, %v], want NaN", c[0], c[1], lo, hi)
		}
	}
	if lo, hi := Wilson(0, -2, z95); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("Wilson(0, -2) = [%v, %v], want NaN", lo, hi)
	}
}

// The edges are exact at every n, not only where rounding happens to
// land there: Wilson(0, n) is [0, …] and Wilson(n, n) is […, 1]
// (computed, the lower end of 0 of 7 is 2.8e-17, the upper of 10 of 10
// 0.9999999999999999).
func TestWilsonEdgesExact(t *testing.T) {
	for n := 1; n <= 200; n++ {
		if lo, _ := Wilson(0, n, z95); lo != 0 {
			t.Errorf("Wilson(0, %d): lower end %v, want exactly 0", n, lo)
		}
		if _, hi := Wilson(n, n, z95); hi != 1 {
			t.Errorf("Wilson(%d, %d): upper end %v, want exactly 1", n, n, hi)
		}
	}
}

// Newcombe (1998), Table II, example (a): 56/70 against 48/80, difference
// 0.2 with the hybrid score interval 0.0524 to 0.3339.
func TestDifferenceIntervalNewcombe(t *testing.T) {
	lo, hi := DifferenceInterval(NewProportion(48, 80), NewProportion(56, 70))
	if !near(lo, 0.0524, 5e-5) || !near(hi, 0.3339, 5e-5) {
		t.Errorf("difference interval [%.4f, %.4f], want [0.0524, 0.3339]", lo, hi)
	}
}

// One step in from each edge the interval is Wilson's, not pinned to 0 or
// 1: 1 of 10 by hand, z² = 3.841459, denominator 1.384146, centre
// (0.1 + 0.192073)/1.384146 = 0.211013, half-width 1.959964/1.384146 ·
// √(0.009 + 0.0096036) = 0.193137, so [0.017876, 0.404150]; 9 of 10 is
// its mirror image, [0.595850, 0.982124].
func TestWilsonOneFromEachEdge(t *testing.T) {
	if lo, hi := Wilson(1, 10, z95); !near(lo, 0.017876, 1e-6) || !near(hi, 0.404150, 1e-6) {
		t.Errorf("Wilson(1, 10) = [%.6f, %.6f], want [0.017876, 0.404150]", lo, hi)
	}
	if lo, hi := Wilson(9, 10, z95); !near(lo, 0.595850, 1e-6) || !near(hi, 0.982124, 1e-6) {
		t.Errorf("Wilson(9, 10) = [%.6f, %.6f], want [0.595850, 0.982124]", lo, hi)
	}
}

// With no run on either side nothing is known of the difference: [−1, 1],
// whichever side has none.
func TestDifferenceIntervalWithoutRuns(t *testing.T) {
	some := NewProportion(3, 10)
	for _, c := range []struct {
		name   string
		p1, p2 Proportion
	}{{"first empty", NewProportion(0, 0), some}, {"second empty", some, NewProportion(0, 0)}} {
		if lo, hi := DifferenceInterval(c.p1, c.p2); lo != -1 || hi != 1 {
			t.Errorf("%s: [%v, %v], want [-1, 1]", c.name, lo, hi)
		}
	}
}

// WilsonShare takes a sample size that need not be whole: a share of 0.9
// at n = 2.5 is (0.9 + z²/5 ± z·√(0.09/2.5 + z²/25))/(1 + z²/2.5) =
// [0.321193, 0.994192]; at a whole n it is Wilson's (3 of 5, 0.6 at 5:
// [0.230724, 0.882379]); the edges are exact, and a share or size out of
// range gives NaN, a share of 0 at size 0 too (not the exact edge 0).
func TestWilsonShare(t *testing.T) {
	if lo, hi := WilsonShare(0.9, 2.5, z95); math.Abs(lo-0.321193) > 1e-6 || math.Abs(hi-0.994192) > 1e-6 {
		t.Errorf("0.9 at 2.5: [%v, %v], want [0.321193, 0.994192]", lo, hi)
	}
	lo, hi := WilsonShare(0.6, 5, z95)
	if wlo, whi := Wilson(3, 5, z95); lo != wlo || hi != whi || math.Abs(lo-0.230724) > 1e-6 || math.Abs(hi-0.882379) > 1e-6 {
		t.Errorf("0.6 at 5: [%v, %v], Wilson's 3 of 5 [%v, %v], want [0.230724, 0.882379] both", lo, hi, wlo, whi)
	}
	if lo, hi := WilsonShare(1, 7.5, z95); hi != 1 || !(lo > 0 && lo < 1) {
		t.Errorf("1 at 7.5: [%v, %v], want a high end of exactly 1", lo, hi)
	}
	if lo, _ := WilsonShare(0, 7.5, z95); lo != 0 {
		t.Errorf("0 at 7.5: low %v, want exactly 0", lo)
	}
	for _, c := range [][2]float64{{-0.1, 5}, {1.1, 5}, {0.5, 0}, {0, 0}, {0.5, -1}, {math.NaN(), 5}, {0.5, math.NaN()}, {0.5, math.Inf(1)}} {
		if lo, hi := WilsonShare(c[0], c[1], z95); !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("share %v at %v: [%v, %v], want NaN", c[0], c[1], lo, hi)
		}
	}
}

// MOVERDifference by hand: 0.6 in [0.3, 0.8] to 0.75 in [0.5, 0.9] is
// 0.15 from 0.15 − √(0.25² + 0.2²) = −0.170156 to 0.15 + √(0.15² + 0.3²)
// = 0.485410; Newcombe's interval is the case of Wilson intervals.
func TestMOVERDifference(t *testing.T) {
	if lo, hi := MOVERDifference(0.6, 0.3, 0.8, 0.75, 0.5, 0.9); math.Abs(lo+0.170156) > 1e-6 || math.Abs(hi-0.485410) > 1e-6 {
		t.Errorf("[%v, %v], want [−0.170156, 0.485410]", lo, hi)
	}
	p1, p2 := NewProportion(48, 80), NewProportion(56, 70)
	lo, hi := DifferenceInterval(p1, p2)
	if mlo, mhi := MOVERDifference(p1.Share, p1.Low, p1.High, p2.Share, p2.Low, p2.High); lo != mlo || hi != mhi {
		t.Errorf("Newcombe [%v, %v], MOVER of the Wilson intervals [%v, %v]", lo, hi, mlo, mhi)
	}
}
