package agents

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestIntent(t *testing.T) {
	// 1 − (1−0.5)(1 − 0.3·1.6/2)(1−0.1)(1−0.05) = 1 − 0.5·0.76·0.9·0.95 = 0.6751
	near(t, "hostile intent", Intent(0.5, 0.6-(-1), 0.3, 0.1, 0.05), 0.6751)
	// without a clamp, every component moves intent however high the rest
	if !(Intent(0.99, 2, 0.3, 0.5, 0.6) > Intent(0.99, 2, 0.3, 0.5, 0.5)) {
		t.Error("memory should raise intent even at high revisionism")
	}
	if v := Intent(1, 2, 1, 1, 1); v != 1 {
		t.Errorf("intent at its maximum %v, want 1", v)
	}
	// an ally counts only grievance and memory: 1 − 0.9·0.95
	near(t, "ally intent", FriendlyIntent(0.1, 0.05), 0.145)
	near(t, "no intent", Intent(0, 0, 0.3, 0, 0), 0)
}

// Scripted shocks move revisionism on the logit scale of a revisionism
// kept in [0.01, 0.99]: σ(logit(0.5) + ln 3) = 0.75; from 0 (taken as
// 0.01) a shock of +1 gives σ(−4.595120 + 1) = 0.026724; from 0.999 (taken
// as 0.99) σ(4.595120 + 1) = 0.996298 — it still registers.
func TestShockedRevisionism(t *testing.T) {
	near(t, "no shock", ShockedRevisionism(0, 0), 0)
	near(t, "ln 3 from ½", ShockedRevisionism(0.5, math.Log(3)), 0.75)
	if got := ShockedRevisionism(0, 1); !(math.Abs(got-0.02672363098939523) <= 1e-12) {
		t.Errorf("shock from 0 = %v", got)
	}
	if got := ShockedRevisionism(0.999, 1); !(math.Abs(got-0.9962978032414466) <= 1e-12) {
		t.Errorf("shock near 1 = %v", got)
	}
	// the opposite shock undoes it: shifts add
	near(t, "undone", ShockedRevisionism(0.3, 0.7+(-0.7)), 0.3)
	near(t, "logit∘σ", Logit(Logistic(1.3)), 1.3)
}

// Any shock other than 0 registers, however small: σ(logit(0.5) + 10⁻⁷)
// = σ(10⁻⁷) = ½ + 10⁻⁷/4 − (10⁻⁷)³/48 = 0.500000025 (the cubic term
// 2·10⁻²³ is far below the tolerance), not ½.
func TestShockedRevisionismOfATinyShift(t *testing.T) {
	if got := ShockedRevisionism(0.5, 1e-7); !(math.Abs(got-0.500000025) <= 1e-15) {
		t.Errorf("ShockedRevisionism(0.5, 1e-7) = %.17g, want 0.500000025", got)
	}
}

func TestRawThreat(t *testing.T) {
	w := ThreatWeights{Power: 1, Proximity: 1, Offence: 2}
	// 0.8·(1·0.5 + 1·0.25 + 2·0.75)/4 = 0.8·2.25/4 = 0.45
	near(t, "τ", RawThreat(0.8, 0.5, 0.25, 0.75, w), 0.45)
	// intent multiplies: a strong, near, capable but benign state is no threat
	near(t, "benign", RawThreat(0, 1, 1, 1, w), 0)
	near(t, "no weights", RawThreat(1, 1, 1, 1, ThreatWeights{}), 0)
	// each weight goes with its own component: 0.8·(3·0.5 + 1·0.25 + 0·0.75)/4 = 0.8·1.75/4 = 0.35
	near(t, "unequal weights", RawThreat(0.8, 0.5, 0.25, 0.75, ThreatWeights{Power: 3, Proximity: 1, Offence: 0}), 0.35)
}

// A reading from a kept logit is the noisy reading of docs/model.md §7.2,
// σ(logit(clamp_{[10⁻⁶, 1−10⁻⁶]}(τ)) + ε), and τ itself when ε = 0, for
// any τ (those outside the bound included) and any noise draw; so is a
// reading taken afresh. The formula is written out here with math.Log
// and math.Exp, not taken from Logit and Logistic.
func TestNoisyReadingFromKeptLogit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 10000 {
		raw := rng.Float64()
		switch i % 6 {
		case 0:
			raw = 0
		case 1:
			raw *= 1e-6 // below the bound
		case 2:
			raw = 1 - raw*1e-6 // above the upper bound
		case 3:
			raw = 1 // the clamp's top
		}
		eps := rng.NormFloat64() * 0.3
		if i%7 == 0 {
			eps = 0
		}
		want := raw
		if eps != 0 {
			c := min(max(raw, 1e-6), 1-1e-6) // τ kept inside the bound
			want = 1 / (1 + math.Exp(-(math.Log(c/(1-c)) + eps)))
		}
		kept, fresh := NoisyReadingFrom(raw, ReadingLogit(raw), eps), NoisyReading(raw, eps)
		if !(math.Abs(kept-want) <= 1e-14*want) || !(math.Abs(fresh-want) <= 1e-14*want) {
			t.Fatalf("τ %v, ε %v: %v from the kept logit, %v read afresh; want σ(logit τ + ε) = %v", raw, eps, kept, fresh, want)
		}
	}
	// logit(1e-6) = ln(1e-6) − ln(1 − 1e-6) = −13.815510557964274 + 0.0000010000005 = −13.815509557963774
	near(t, "logit at the bound", ReadingLogit(0), -13.815509557963774)
	near(t, "logit of 0.5", ReadingLogit(0.5), 0)
	// The upper bound: logit(1 − 1e-6) = +13.815509557963774, and inside
	// the bounds τ itself: logit(0.2) = ln(0.25) = −1.3862943611198906.
	near(t, "logit at the upper bound", ReadingLogit(1), 13.815509557963774)
	near(t, "logit past the upper bound", ReadingLogit(1.5), 13.815509557963774)
	near(t, "logit below the lower bound", ReadingLogit(-0.5), -13.815509557963774)
	near(t, "logit of 0.2", ReadingLogit(0.2), -1.3862943611198906)
}

func TestPerceiveAndCombine(t *testing.T) {
	// (1−0.2)·0.5 + 0.2·0.3 = 0.46
	near(t, "lagged", Perceive(0.5, 0.3, 0.2), 0.46)
	// noise on the logit scale: σ(logit(0.5) + ln 3) = 0.75
	near(t, "noisy reading", NoisyReading(0.5, math.Log(3)), 0.75)
	near(t, "noiseless reading", NoisyReading(0.3, 0), 0.3)
	// a benign source stays near zero: σ(logit(1e-6) + 1) = 2.718e-6
	if r := NoisyReading(0, 1); !(math.Abs(r-2.718277157692802e-06) <= 1e-15) {
		t.Errorf("benign reading %v", r)
	}
	// unbiased on the logit scale: ±ε are symmetric about logit(τ)
	up, down := Logit(NoisyReading(0.2, 0.4)), Logit(NoisyReading(0.2, -0.4))
	near(t, "symmetric noise", (up+down)/2, Logit(0.2))
	// T = 1 − (1−0.5)(1−0.2) = 0.6
	near(t, "noisy-or", Combine(Combine(0, 0.5), 0.2), 0.6)
	// patron: clients (stake 1, T 0.8) and (stake 0.5, T 0.2):
	// √((1·0.64 + 0.5·0.04)/1.5) = √0.44 = 0.663325
	var cl ClientThreats
	cl.Add(1, 0.8)
	cl.Add(0.5, 0.2)
	near(t, "patron", PatronThreat(0.3, cl), math.Sqrt(0.44))
	near(t, "patron direct", PatronThreat(0.9, cl), 0.9)
	near(t, "patron without threatened clients", PatronThreat(0.3, ClientThreats{}), 0.3)
}

func TestReference(t *testing.T) {
	d := DefaultDecision()
	// ρ + η(T − ρ) = 0.2 + 0.01·(0.5 − 0.2) = 0.203
	near(t, "adaptive", AdaptReference(0.2, 0.5, &d), 0.203)
	d.ReferenceMode = ReferenceAspiration
	near(t, "aspiration", AdaptReference(0.2, 0.5, &d), 0.2)
	if !InLosses(0.5, 0.2) || InLosses(0.2, 0.2) || InLosses(0.1, 0.2) {
		t.Error("domain: losses exactly when threat exceeds the reference point")
	}
}

// The patron's threat from its clients is monotone in each client's
// threat, lies between their stake-weighted mean and the largest, and
// ignores clients of stake 0. (The stake × threat weighting it replaced,
// Σ s·A²/Σ s·A, was not monotone: with clients (1, 0.8) and (1, 0.3) it
// gave 0.664, and lowering the second to 0.1 raised it to 0.722.)
func TestPatronThreatMonotone(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 20000; n++ {
		k := 1 + r.IntN(8)
		stakes, threats := make([]float64, k), make([]float64, k)
		for i := range stakes {
			stakes[i], threats[i] = r.Float64(), r.Float64()
		}
		fold := func(threats []float64) float64 {
			var cl ClientThreats
			for i := range threats {
				cl.Add(stakes[i], threats[i])
			}
			return PatronThreat(0, cl)
		}
		before := fold(threats)
		mean, sum, top := 0.0, 0.0, 0.0
		for i := range stakes {
			mean += stakes[i] * threats[i]
			sum += stakes[i]
			top = max(top, threats[i])
		}
		if mean /= sum; before < mean-tol || before > top+tol {
			t.Fatalf("stakes %v, threats %v: %v outside [mean %v, max %v]", stakes, threats, before, mean, top)
		}
		i := r.IntN(k)
		lower := append([]float64(nil), threats...)
		lower[i] *= r.Float64()
		if after := fold(lower); after > before+tol {
			t.Fatalf("stakes %v: lowering client %d's threat %v → %v raised the patron's from %v to %v",
				stakes, i, threats[i], lower[i], before, after)
		}
	}
	var cl ClientThreats
	cl.Add(0, 0.9)
	cl.Add(1, 0.2)
	near(t, "a client of stake 0 counts for nothing", PatronThreat(0, cl), 0.2)
}

// Clamp01 keeps [0, 1] as it is and moves anything outside to the
// nearer end; NaN passes through (no comparison holds for it).
func TestClamp01(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{-0.5, 0}, {math.Inf(-1), 0}, {0, 0}, {0.3, 0.3}, {1, 1}, {1.5, 1}, {math.Inf(1), 1},
	} {
		if got := Clamp01(c.x); got != c.want {
			t.Errorf("Clamp01(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if got := Clamp01(math.NaN()); !math.IsNaN(got) {
		t.Errorf("Clamp01(NaN) = %v, want NaN", got)
	}
}

// Ideology enters hostile intent through the absolute gap |ι_m − ι_j|
// (docs/model.md §7.2): a gap of −1.8 reads as 1.8, ψ·1.8/2 = 0.27 with ψ
// 0.3; with revisionism 0.5 it is 1 − 0.5·(1 − 0.27) = 0.635, whichever
// side the gap lies on.
func TestIntentIdeologyGapIsAbsolute(t *testing.T) {
	for _, c := range []struct {
		name   string
		r, gap float64
		want   float64
	}{
		{"gap −1.8, no revisionism", 0, -1.8, 0.27},
		{"gap +1.8, no revisionism", 0, 1.8, 0.27},
		{"gap −1.8, revisionism 0.5", 0.5, -1.8, 0.635},
		{"gap −0.4, revisionism 0.5", 0.5, -0.4, 0.53}, // 1 − 0.5·(1 − 0.06)
	} {
		near(t, c.name, Intent(c.r, c.gap, 0.3, 0, 0), c.want)
	}
}

// Independent hazards combine as 1 − (1 − a)(1 − b): 0.5 and 0.2 give
// 1 − 0.5·0.8 = 0.6.
func TestCombineByHand(t *testing.T) {
	if got := Combine(0.5, 0.2); math.Abs(got-0.6) > 1e-15 {
		t.Errorf("Combine(0.5, 0.2) = %v, want 0.6", got)
	}
}
