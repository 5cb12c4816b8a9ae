package runner

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func ended(d float64) Observation      { return Observation{Duration: d, Event: true} }
func censoredAt(d float64) Observation { return Observation{Duration: d} }

// The curve read at a time, by hand:
//   - lifetimes 2, 5 (ended) and 9 (censored), at t = 5: S = 2/3 · 1/2 =
//     1/3, Greenwood Σ = 1/(3·2) + 1/(2·1) = 2/3, SE = (1/3)·√(2/3) =
//     0.272166, n* = (2/9)/(SE²) = 3, Wilson [0.061492, 0.792340]; the
//     alliances reaching 5 are two (5 and 9);
//   - at t = 6, between points: S(5) still, one alliance (9) reaching it,
//     the same interval (n* is the curve's);
//   - at t = 1, before any end: S = 1, over the 3 at risk, Wilson [3/(3 +
//     z²), 1] = [0.438503, 1];
//   - at t = 10, past every lifetime while S > 0: unknown.
func TestSurvivalCurveAtByHand(t *testing.T) {
	c := KaplanMeier([]Observation{ended(2), ended(5), censoredAt(9)})
	for _, tc := range []struct {
		t                float64
		s, se, low, high float64
		atRisk           int
	}{
		{5, 1.0 / 3, 0.272166, 0.061492, 0.792340, 2},
		{6, 1.0 / 3, 0.272166, 0.061492, 0.792340, 1},
		{1, 1, 0, 0.438503, 1, 3},
	} {
		got := c.At(tc.t)
		if !got.Valid || got.N != 3 || got.AtRisk != tc.atRisk || got.T != tc.t || !near(got.S, tc.s, 1e-12) || !near(got.SE, tc.se, 1e-6) ||
			!near(got.Low, tc.low, 1e-6) || !near(got.High, tc.high, 1e-6) {
			t.Errorf("S(%v) of 2, 5, 9*: %+v, want %v (se %v) in [%v, %v], %d reaching it", tc.t, got, tc.s, tc.se, tc.low, tc.high, tc.atRisk)
		}
	}
	if got := c.At(10); got.Valid || got.N != 3 || got.AtRisk != 0 || !math.IsNaN(got.S) || !math.IsNaN(got.SE) || got.Low != 0 || got.High != 1 {
		t.Errorf("S(10) of 2, 5, 9*: %+v, want unknown (NaN in [0, 1]) over 3", got)
	}
	if got := c.At(math.NaN()); got.Valid || got.N != 3 || !math.IsNaN(got.S) {
		t.Errorf("S(NaN) of 2, 5, 9*: %+v, want unknown", got)
	}
	if got := c.At(-1); !got.Valid || got.S != 1 || got.AtRisk != 3 || !near(got.Low, 0.438503, 1e-6) {
		t.Errorf("S(-1) of 2, 5, 9*: %+v, want 1 over the 3 at risk", got)
	}
	if got := KaplanMeier(nil).At(5); got.Valid || got.N != 0 || !math.IsNaN(got.S) || got.Low != 0 || got.High != 1 {
		t.Errorf("S(5) of nothing: %+v, want unknown over 0", got)
	}
	// Every alliance ended by t: S = 0 in [0, z²/(n* + z²)], n* the last
	// point's between 0 and 1 (S(2) = 2/3, Σ = 1/6, n* = (2/9)/((4/9)/6) = 3):
	// [0, 0.561497].
	if got := KaplanMeier([]Observation{ended(2), ended(5), ended(5)}).At(7); !got.Valid || got.S != 0 || got.Low != 0 || !near(got.High, 0.561497, 1e-6) {
		t.Errorf("S(7) of 2, 5, 5: %+v, want 0 in [0, 0.561497]", got)
	}
}

// For any lifetimes and any time, S(t) is the product over the end times
// u ≤ t of (1 − d_u/n_u), n_u the lifetimes reaching u, AtRisk the
// lifetimes reaching t, the interval holds S, and the reading is unknown
// exactly when nothing reaches t while S > 0.
func TestSurvivalCurveAtIsTheProductLimit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		obs := make([]Observation, 1+rng.IntN(40))
		for i := range obs {
			obs[i] = Observation{Duration: float64(rng.IntN(30)), Event: rng.IntN(3) > 0}
		}
		at := float64(rng.IntN(35)) + 0.5*float64(rng.IntN(2))
		want, reach := 1.0, 0
		for _, o := range obs {
			if o.Duration >= at {
				reach++
			}
		}
		for u := 0.0; u <= at; u++ {
			n, d := 0, 0
			for _, o := range obs {
				if o.Duration >= u {
					n++
					if o.Duration == u && o.Event {
						d++
					}
				}
			}
			if n > 0 {
				want *= 1 - float64(d)/float64(n)
			}
		}
		got := KaplanMeier(obs).At(at)
		name := fmt.Sprintf("trial %d, %v at %v", trial, obs, at)
		switch {
		case reach == 0 && want > 0:
			if got.Valid {
				t.Fatalf("%s: %+v, want unknown", name, got)
			}
		case !got.Valid || got.AtRisk != reach || !near(got.S, want, 1e-12) || !(got.Low <= got.S && got.S <= got.High) || got.Low < 0 || got.High > 1:
			t.Fatalf("%s: %+v, want S %v with %d reaching it, inside its interval", name, got, want, reach)
		}
	}
}
