package agents

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestWeightTK(t *testing.T) {
	// w(0.5) with γ = 0.61: 0.5^0.61 / (2·0.5^0.61)^(1/0.61)
	near(t, "w+(0.5)", WeightTK(0.5, 0.61), 0.42063935433575617)
	near(t, "w−(0.1)", WeightTK(0.1, 0.69), 0.17014542807717592)
	near(t, "w(0)", WeightTK(0, 0.61), 0)
	near(t, "w(1)", WeightTK(1, 0.61), 1)
	near(t, "γ = 1 is linear", WeightTK(0.3, 1), 0.3)
	// outside [0, 1] the weight is held at its ends, never negative or above 1
	near(t, "w(−0.1)", WeightTK(-0.1, 0.61), 0)
	near(t, "w(1.1)", WeightTK(1.1, 0.61), 1)
}

func TestProspectValue(t *testing.T) {
	d := DefaultDecision()
	cases := []struct {
		name string
		l    Lottery
		want float64
	}{
		// mixed: w+(0.5)·0.2^0.88 + w−(0.5)·(−2.25·0.1^0.88)
		{"mixed", Lottery{P: 0.5, Good: 0.2, Bad: -0.1}, -0.03260546002383255},
		// gains: w+(0.9)·0.3^0.88 + (1 − w+(0.9))·0.1^0.88
		{"gains", Lottery{P: 0.9, Good: 0.3, Bad: 0.1}, 0.2847056797681753},
		// losses: the worse (−0.3, p 0.4) gets w−(0.4), the better 1 − w−(0.4)
		{"losses", Lottery{P: 0.6, Good: -0.1, Bad: -0.3}, -0.4858982082914949},
		// a sure thing is its value: −2.25·0.2^0.88
		{"sure loss", Sure(-0.2), -2.25 * math.Pow(0.2, 0.88)},
		{"sure gain", Sure(0.2), math.Pow(0.2, 0.88)},
		// outcomes given in either order rank the same
		{"reversed", Lottery{P: 0.5, Good: -0.1, Bad: 0.2}, -0.03260546002383255},
		// reversed at P ≠ ½, where each outcome must keep its probability:
		// hi 0.2 with 0.7, lo −0.1 with 0.3, so w+(0.7)·0.2^0.88 +
		// w−(0.3)·(−2.25·0.1^0.88) = 0.53382·0.24261 − 0.32758·0.29661
		{"reversed, unequal odds", Lottery{P: 0.3, Good: -0.1, Bad: 0.2}, 0.03234785731138509},
	}
	for _, c := range cases {
		near(t, c.name, ProspectValue(c.l, &d), c.want)
	}
	near(t, "EU", ExpectedUtility(Lottery{P: 0.25, Good: 0.4, Bad: -0.2}, &d), 0.25*0.4-0.75*0.2)
}

// In losses a prospect-theory state is risk-acceptant: of two options with
// the same expected value it prefers the wider one; in gains it prefers the
// narrower. Expected utility is indifferent in both domains: it does not
// flip.
func TestRiskFlipsWithDomain(t *testing.T) {
	d := DefaultDecision()
	narrow := func(mean float64) Lottery { return Lottery{P: 0.5, Good: mean + 0.05, Bad: mean - 0.05} }
	wide := func(mean float64) Lottery { return Lottery{P: 0.5, Good: mean + 0.15, Bad: mean - 0.15} }
	// losses: both outcomes below the reference point
	if !(ProspectValue(wide(-0.3), &d) > ProspectValue(narrow(-0.3), &d)) {
		t.Error("in losses the prospect state should prefer the higher spread")
	}
	// gains: both outcomes above it
	if !(ProspectValue(wide(0.3), &d) < ProspectValue(narrow(0.3), &d)) {
		t.Error("in gains the prospect state should prefer the lower spread")
	}
	for _, mean := range []float64{-0.3, 0.3} {
		if a, b := ExpectedUtility(wide(mean), &d), ExpectedUtility(narrow(mean), &d); !(math.Abs(a-b) <= tol) {
			t.Errorf("expected utility should not care about spread at mean %v: %v vs %v", mean, a, b)
		}
	}
	// The same holds for options built by Outcomes: strong (wide) against
	// weak (narrow) with costs set so that expected values are equal.
	option := func(threat, spread float64) Lottery {
		return Outcomes(OptionTerms{Threat: threat, Reference: 0.5, Gain: 0.1, Honour: 0.5, Cost: 0.1, Spread: spread}, costs)
	}
	// EV = base + 0.5·0.1 + 0.5·0.02 − 0.1 − 0.1·spread·(0.5−0.5) = base − 0.04: spread-free at p = 0.5
	lossW, lossN := option(0.9, 1.0), option(0.9, 0.175)
	gainW, gainN := option(0.1, 1.0), option(0.1, 0.175)
	near(t, "equal EV in losses", ExpectedUtility(lossW, &d), ExpectedUtility(lossN, &d))
	if !(ProspectValue(lossW, &d) > ProspectValue(lossN, &d)) || !(ProspectValue(gainW, &d) < ProspectValue(gainN, &d)) {
		t.Error("prospect valuation of options should flip with the domain")
	}
}

// An option whose gain does not cover its cost in the good outcome,
// g ≤ c·(1 − v), has both outcomes at or below the sure one: it is
// first-order dominated by the status quo, and neither valuation may rank
// it above (cumulative prospect theory respects dominance, unlike the
// original 1979 form). This is why no share of perception noise or
// softmax temperature makes states sign such a pact (a weak SEATO in
// 1954–55; the README gives the measured appraisals).
func TestDominatedOptionNeverBeatsStatusQuo(t *testing.T) {
	d := DefaultDecision()
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		terms := OptionTerms{Threat: r.Float64(), Reference: r.Float64(), Honour: r.Float64(),
			Cost: 0.3 * r.Float64(), Spread: r.Float64()}
		terms.Gain = r.Float64() * terms.Cost * (1 - terms.Spread) // g ≤ c(1 − v)
		l := Outcomes(terms, costs)
		sure := Sure(terms.Reference - terms.Threat)
		for name, v := range map[string]ValuationFunc{"prospect": ProspectValue, "expected_utility": ExpectedUtility} {
			if got, base := v(l, &d), v(sure, &d); got > base+tol {
				t.Fatalf("%s values a dominated option %+v at %v above the status quo %v", name, terms, got, base)
			}
		}
	}
}

func TestRegistries(t *testing.T) {
	RegisterValuation("test_linear", ValuationFunc(func(l Lottery, _ *Decision) float64 { return l.Good }))
	t.Cleanup(func() {
		registry.Lock()
		defer registry.Unlock()
		delete(registry.valuations, "test_linear")
	})
	if v, ok := LookupValuation("test_linear"); !ok || v.Value(Lottery{Good: 2}, nil) != 2 {
		t.Error("registered valuation not found")
	}
	found := false
	for _, n := range ValuationNames() {
		found = found || n == "test_linear"
	}
	if !found {
		t.Error("registered valuation not listed")
	}
	defer func() {
		if recover() == nil {
			t.Error("registering a name twice should panic")
		}
	}()
	RegisterValuation("prospect", ValuationFunc(ExpectedUtility))
}

// The value function by hand: x^α in gains, −λ·(−x)^β in losses, 0 at 0.
func TestValueTKByHand(t *testing.T) {
	def := DefaultDecision() // α = β = 0.88, λ = 2.25
	for _, c := range []struct {
		name           string
		x              float64
		alpha, beta, l float64
		want           float64
	}{
		// 0.3^0.88 = exp(0.88·ln 0.3) = exp(0.88·(−1.2039728)) = exp(−1.0594961) = 0.3466304
		{"gain", 0.3, def.Alpha, def.Beta, def.Lambda, 0.34663044456460645},
		// −2.25·0.2^0.88 = −2.25·exp(0.88·(−1.6094379)) = −2.25·exp(−1.4163054) = −2.25·0.2426087 = −0.5458696
		{"loss", -0.2, def.Alpha, def.Beta, def.Lambda, -0.5458696070276837},
		{"the reference point itself", 0, def.Alpha, def.Beta, def.Lambda, 0},
		{"a gain of 1 is 1 at any α", 1, def.Alpha, def.Beta, def.Lambda, 1},
		{"a loss of 1 is −λ at any β", -1, def.Alpha, def.Beta, def.Lambda, -2.25},
		{"α = ½ is the square root", 0.25, 0.5, 1, 1, 0.5},    // √0.25
		{"α = ½ above 1", 4, 0.5, 1, 1, 2},                    // √4
		{"losses curve by β, not α", -0.25, 0.5, 1, 1, -0.25}, // −1·0.25^1
		{"β = ½ and λ = 2", -0.09, 1, 0.5, 2, -0.6},           // −2·√0.09 = −2·0.3
		{"λ scales losses only", 0.25, 1, 1, 3, 0.25},         // 0.25^1
		{"α = 1 is linear", 0.7, 1, 0.88, 2.25, 0.7},
		{"α = 0 values every gain as 1", 0.3, 0, 1, 1, 1}, // 0.3^0 = 1
		// the reference point is worth 0 even at α = 0 or β = 0, where
		// 0^0 would be 1 (and exp(0·ln 0) is NaN): zero is neither gain nor loss
		{"α = 0 at the reference point", 0, 0, 1, 1, 0},
		{"β = 0 at the reference point", 0, 1, 0, 2.25, 0},
	} {
		d := Decision{Alpha: c.alpha, Beta: c.beta, Lambda: c.l}
		nearRel(t, c.name, ValueTK(c.x, &d), c.want)
	}
}

// Registering a valuation under an empty name, a nil valuation or a name
// taken panics with a message that says which, and leaves the registry
// as it was: "prospect" is still prospect theory.
func TestRegisterValuationRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		v    Valuation
		want string
	}{
		{"", ValuationFunc(ExpectedUtility), "agents: RegisterValuation with empty name or nil valuation"},
		{"test_nil_valuation", nil, "agents: RegisterValuation with empty name or nil valuation"},
		{"test_nil_valuation", ValuationFunc(nil), "agents: RegisterValuation with empty name or nil valuation"},
		{"prospect", ValuationFunc(ExpectedUtility), `agents: valuation "prospect" registered twice`},
		// A name that a list of names could not show unambiguously.
		{" odd name,x ", ValuationFunc(ExpectedUtility), `agents: RegisterValuation with name " odd name,x "; allowed: lowercase letters, digits, _ and -, starting with a letter`},
		{"Prospect", ValuationFunc(ExpectedUtility), `agents: RegisterValuation with name "Prospect"; allowed: lowercase letters, digits, _ and -, starting with a letter`},
	} {
		if got := panicValue(func() { RegisterValuation(c.name, c.v) }); got != c.want {
			t.Errorf("RegisterValuation(%q, %v) panicked with %v, want %q", c.name, c.v, got, c.want)
		}
	}
	if _, ok := LookupValuation("test_nil_valuation"); ok {
		t.Error("a nil valuation was registered")
	}
	d := DefaultDecision()
	v, ok := LookupValuation("prospect")
	if !ok {
		t.Fatal("prospect is no longer registered")
	}
	// prospect theory values a sure −0.2 at −2.25·0.2^0.88; expected utility at −0.2
	near(t, "prospect after a clash", v.Value(Sure(-0.2), &d), -2.25*math.Pow(0.2, 0.88))
}

// A lottery whose two outcomes are equal is valued exactly as that
// outcome for sure, under both valuations: the decision weights sum to 1
// only to rounding, and 0.6·v + 0.4·v missed v by an ulp (a patron in a
// world of no threat and no cost preferred a pledge to doing nothing).
func TestEqualOutcomesAreSure(t *testing.T) {
	d := DefaultDecision()
	for _, x := range []float64{0.419613267405431, -0.3, 0, 1e-9, 0.1} {
		for _, p := range []float64{0.6, 0.9, 0.35, 0.999} {
			l := Lottery{P: p, Good: x, Bad: x}
			if got, want := ProspectValue(l, &d), ProspectValue(Sure(x), &d); got != want {
				t.Errorf("prospect, %v with p %v: %v, want %v exactly", x, p, got, want)
			}
			if got := ExpectedUtility(l, &d); got != x {
				t.Errorf("expected utility, %v with p %v: %v, want %v exactly", x, p, got, x)
			}
		}
	}
}

// A NaN outcome gives a NaN value under either valuation, whichever
// outcome it is and whatever the other: the engine stops a run on a
// non-finite value (docs/model.md §7.5), and a prospect value of 0, the
// reference point, would have let a state in losses prefer the option.
func TestNaNOutcomeGivesNaNValue(t *testing.T) {
	d := DefaultDecision()
	nan := math.NaN()
	for _, l := range []Lottery{Sure(nan), {P: 0.5, Good: nan, Bad: 0.1}, {P: 0.5, Good: nan, Bad: -0.1},
		{P: 0.5, Good: 0.1, Bad: nan}, {P: 0.5, Good: -0.1, Bad: nan}, {P: 0.5, Good: nan, Bad: nan}} {
		if v := ProspectValue(l, &d); !math.IsNaN(v) {
			t.Errorf("ProspectValue(%+v) = %v, want NaN", l, v)
		}
		if v := ExpectedUtility(l, &d); !math.IsNaN(v) {
			t.Errorf("ExpectedUtility(%+v) = %v, want NaN", l, v)
		}
	}
	if v := ValueTK(nan, &d); !math.IsNaN(v) {
		t.Errorf("ValueTK(NaN) = %v, want NaN", v)
	}
	if v := ValueTK(0, &d); v != 0 {
		t.Errorf("ValueTK(0) = %v, want 0", v)
	}
}

// A sure outcome is a lottery that pays its value with probability 1.
func TestSureIsCertain(t *testing.T) {
	if l := Sure(0.3); l.P != 1 || l.Good != 0.3 || l.Bad != 0.3 {
		t.Errorf("Sure(0.3) = %+v, want P 1, Good and Bad 0.3", l)
	}
}
