package agents

import (
	"math"
	"math/rand/v2"
	"testing"
)

const tol = 1e-9

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

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
	if got := ShockedRevisionism(0, 1); math.Abs(got-0.02672363098939523) > 1e-12 {
		t.Errorf("shock from 0 = %v", got)
	}
	if got := ShockedRevisionism(0.999, 1); math.Abs(got-0.9962978032414466) > 1e-12 {
		t.Errorf("shock near 1 = %v", got)
	}
	// the opposite shock undoes it: shifts add
	near(t, "undone", ShockedRevisionism(0.3, 0.7+(-0.7)), 0.3)
	near(t, "logit∘σ", Logit(Logistic(1.3)), 1.3)
}

func TestRawThreat(t *testing.T) {
	w := ThreatWeights{Power: 1, Proximity: 1, Offence: 2}
	// 0.8·(1·0.5 + 1·0.25 + 2·0.75)/4 = 0.8·2.25/4 = 0.45
	near(t, "τ", RawThreat(0.8, 0.5, 0.25, 0.75, w), 0.45)
	// intent multiplies: a strong, near, capable but benign state is no threat
	near(t, "benign", RawThreat(0, 1, 1, 1, w), 0)
	near(t, "no weights", RawThreat(1, 1, 1, 1, ThreatWeights{}), 0)
}

// A reading from a kept logit is the reading, bit for bit, for any τ
// (those outside the bound included) and any noise draw.
func TestNoisyReadingFromKeptLogit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 10000 {
		raw := rng.Float64()
		switch i % 4 {
		case 0:
			raw = 0
		case 1:
			raw *= 1e-6 // below the bound
		}
		eps := rng.NormFloat64() * 0.3
		if i%7 == 0 {
			eps = 0
		}
		if got, want := NoisyReadingFrom(raw, ReadingLogit(raw), eps), NoisyReading(raw, eps); got != want {
			t.Fatalf("τ %v, ε %v: %v from the kept logit, %v read afresh", raw, eps, got, want)
		}
	}
	// logit(1e-6) = ln(1e-6/(1 − 1e-6)) = −13.815511557963774
	near(t, "logit at the bound", ReadingLogit(0), math.Log(1e-6/(1-1e-6)))
	near(t, "logit of 0.5", ReadingLogit(0.5), 0)
}

func TestPerceiveAndCombine(t *testing.T) {
	// (1−0.2)·0.5 + 0.2·0.3 = 0.46
	near(t, "lagged", Perceive(0.5, 0.3, 0.2), 0.46)
	// noise on the logit scale: σ(logit(0.5) + ln 3) = 0.75
	near(t, "noisy reading", NoisyReading(0.5, math.Log(3)), 0.75)
	near(t, "noiseless reading", NoisyReading(0.3, 0), 0.3)
	// a benign source stays near zero: σ(logit(1e-6) + 1) = 2.718e-6
	if r := NoisyReading(0, 1); math.Abs(r-2.718277157692802e-06) > 1e-15 {
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

// The credible occupation threat by hand: denial (P=2, Def=1, κ=2)
// 4/(4+1) = 0.8; credibility of P = 1 at F₀ = 1 is ½, of 9 is 0.9; an ally
// of weight 1 and economy 3 against a foe of 1 keeps 1 − 3/4 = ¼ of the
// threat undeterred; Occ = 0.8 · 0.5 · (1 − 0.2) = 0.32.
func TestOccupation(t *testing.T) {
	p, d := 2.0, 1.0
	near(t, "denial", Denial(p*p, d*d), 0.8)
	near(t, "balanced", Denial(3, 3), 0.5)
	near(t, "degenerate", Denial(0, 0), 0.5)
	near(t, "credibility", Credibility(1, 1), 0.5)
	near(t, "large force", Credibility(9, 1), 0.9)
	near(t, "token force", Credibility(0, 1), 0)
	near(t, "punishment keep", PunishmentKeep(1, 3, 1), 0.25)
	near(t, "no economies", PunishmentKeep(1, 0, 0), 1)
	near(t, "occupation", Occupation(0.8, 0.5, 0.2), 0.32)
}

var costs = CostParams{Base: 0.02, Entrapment: 0.15, Divergence: 0.1, Threat: 0.3,
	AssuranceWeight: 0.8, SpreadBase: 0.5, SpreadMembers: 0.5, ResidualHelp: 0.2}

func TestHonourProbability(t *testing.T) {
	ps := []Partner{{Divergence: 0.1}, {Divergence: 0.3}}
	// 0.9 · mean(0.9, 0.7) = 0.9·0.8 = 0.72
	near(t, "p", HonourProbability(0.9, ps), 0.72)
	near(t, "no partners", HonourProbability(0.9, nil), 0)
}

// An Unpledged partner (a fellow client of an imposed alliance) costs
// only its fear term and is left out of the honour probability. With the
// partners of TestAutonomyCost, partner 0 unpledged, k = 1: cost 0.03
// (partner 0's fear) + 0.035 + 0.12 (partner 1) = 0.185, and the honour
// probability is 0.9·(1 − 0) = 0.9 from partner 1 alone; with both
// unpledged it is 0 (no one pledged to come) and the cost the two fear
// terms, 0.15.
func TestUnpledgedPartner(t *testing.T) {
	ps := []Partner{
		{Weight: 1, Revisionism: 0.5, Divergence: 0.2, Fear: 0.1, Unpledged: true},
		{Weight: 1, Revisionism: 0.5, Assurance: 1, Divergence: 0.0, Fear: 0.4},
	}
	got := ps[0].Costs(1, costs)
	if got != (CostParts{Fear: 0.03}) {
		t.Errorf("unpledged partner's costs %+v, want the fear term 0.03 alone", got)
	}
	near(t, "cost", AutonomyCost(1, ps, costs).Total, 0.185)
	near(t, "honour", HonourProbability(0.9, ps), 0.9)
	ps[1].Unpledged = true
	near(t, "cost, both unpledged", AutonomyCost(1, ps, costs).Total, 0.15)
	near(t, "honour, both unpledged", HonourProbability(0.9, ps), 0)
}

// Divergence is scale-free: |0.6 − 0.2|/(0.6 + 0.2) = 0.5, the same for
// 0.06 against 0.02; a threat both feel equally is no divergence.
// Cohesion of pictures 0.6 and 0.2: mean 0.4, divergences 0.2/1.0 and
// 0.2/0.6, h = 1 − (0.2 + ⅓)/2 = 0.733333.
func TestDivergenceAndCohesion(t *testing.T) {
	near(t, "divergence", Divergence(0.6, 0.2), 0.5)
	near(t, "scale-free", Divergence(0.06, 0.02), 0.5)
	near(t, "shared", Divergence(0.9, 0.9), 0)
	near(t, "none", Divergence(0, 0), 0)
	near(t, "cohesion", Cohesion([]float64{0.6, 0.2}), 1-(0.2+1.0/3)/2)
	near(t, "cohesion scale-free", Cohesion([]float64{0.06, 0.02}), 1-(0.2+1.0/3)/2)
	near(t, "united", Cohesion([]float64{0.5, 0.5, 0.5}), 1)
	near(t, "empty", Cohesion(nil), 0)
}

func TestAutonomyCost(t *testing.T) {
	ps := []Partner{
		{Weight: 1, Revisionism: 0.5, Assurance: 0, Divergence: 0.2, Fear: 0.1},
		{Weight: 1, Revisionism: 0.5, Assurance: 1, Divergence: 0.0, Fear: 0.4},
	}
	// k = 1:
	// partner 0: 0.02 + 0.15·0.5·(1−0.8·0) + 0.1·0.2 = 0.02 + 0.075 + 0.02 = 0.115; fear 0.3·0.1 = 0.03
	// partner 1: 0.02 + 0.15·0.5·(1−0.8·1) + 0       = 0.02 + 0.015         = 0.035; fear 0.3·0.4 = 0.12
	// total 0.115 + 0.03 + 0.035 + 0.12 = 0.3; largest term: fear of partner 1 (0.12)
	b := AutonomyCost(1, ps, costs)
	near(t, "cost", b.Total, 0.3)
	if b.Largest != CostFear || b.Partner != 1 {
		t.Errorf("largest term %v of partner %d, want fear of partner 1", b.Largest, b.Partner)
	}
	near(t, "largest amount", b.Amount, 0.12)
	// weak commitment k = 0.35 scales entrapment and divergence only, not
	// the autonomy of having an ally nor the fear term:
	// 2·0.02 + 0.35·(0.095 + 0.015) + 0.03 + 0.12 = 0.04 + 0.0385 + 0.15 = 0.2285
	near(t, "weak cost", AutonomyCost(0.35, ps, costs).Total, 0.2285)
	// with only an unassured revisionist ally, entrapment is the reason
	b = AutonomyCost(1, ps[:1], costs)
	if b.Largest != CostEntrapment || b.Partner != 0 {
		t.Errorf("largest term %v, want entrapment", b.Largest)
	}
	// with benign, like-minded allies the reason is autonomy itself
	b = AutonomyCost(1, []Partner{{Weight: 1}, {Weight: 1}}, costs)
	if b.Largest != CostAutonomy || b.Partner != -1 {
		t.Errorf("largest term %v of %d, want autonomy", b.Largest, b.Partner)
	}
	// a small ally constrains a great power by its weight, in the base
	// term only: 0.2·0.02·2 + (0.075 + 0.02) + 0.015 + 0.03 + 0.12 =
	// 0.008 + 0.26 = 0.268 (entrapment, divergence and fear are not scaled)
	ps[0].Weight, ps[1].Weight = 0.2, 0.2
	near(t, "weighted cost", AutonomyCost(1, ps, costs).Total, 0.268)
}

// One partner's terms by hand, k = 0.35 (a weak commitment), weight 0.5,
// revisionism 0.4, assurance 0.5, control 0.2, divergence 0.3, fear 0.1:
// r^eff = 0.4·(1 − 0.8·0.5)·(1 − 0.2) = 0.192; autonomy 0.5·0.02 = 0.01
// (not scaled by k); entrapment 0.35·0.15·0.192 = 0.01008; divergence
// 0.35·0.1·0.3 = 0.0105; fear 0.3·0.1 = 0.03; total 0.06058 — and
// AutonomyCost of that partner alone is the same total.
func TestPartnerCosts(t *testing.T) {
	p := Partner{Weight: 0.5, Revisionism: 0.4, Assurance: 0.5, Control: 0.2, Divergence: 0.3, Fear: 0.1}
	got := p.Costs(0.35, costs)
	near(t, "autonomy", got.Autonomy, 0.01)
	near(t, "entrapment", got.Entrapment, 0.01008)
	near(t, "divergence", got.Divergence, 0.0105)
	near(t, "fear", got.Fear, 0.03)
	near(t, "total", got.Total(), 0.06058)
	near(t, "AutonomyCost", AutonomyCost(0.35, []Partner{p}, costs).Total, 0.06058)
}

// RelativeWeight by hand: 2·3/(30+3) = 0.181818 for a great power of
// economy 30 allied to a client of 3; capped at 1 the other way round.
func TestRelativeWeight(t *testing.T) {
	near(t, "great power's", RelativeWeight(30, 3), 6.0/33)
	near(t, "client's", RelativeWeight(3, 30), 1)
	near(t, "equals", RelativeWeight(2, 2), 1)
	near(t, "empty", RelativeWeight(0, 0), 1)
}

// The risk ranking of He & Feng's Figure 1 with the bounded spread
// v = 1 − exp(−v₀·k·(1 + v_m·(|S|−1))): weak bilateral 1 − e^−0.175 =
// 0.16 < strong bilateral 1 − e^−0.5 = 0.39 ≈ weak multilateral of 3–5
// partners (1 − e^−0.35 = 0.30 … 1 − e^−0.525 = 0.41) < strong
// multilateral (1 − e^−1 = 0.63 for three partners); never 1 or more.
func TestSpreadFigure1(t *testing.T) {
	weakBi := Spread(0.35, 1, costs)
	strongBi := Spread(1, 1, costs)
	weak3, weak5 := Spread(0.35, 3, costs), Spread(0.35, 5, costs)
	strong3 := Spread(1, 3, costs)
	near(t, "weak bilateral", weakBi, 0.16054297923079264)
	near(t, "strong bilateral", strongBi, 0.3934693402873666)
	near(t, "weak multilateral of 3", weak3, 0.29531191028128656)
	near(t, "weak multilateral of 5", weak5, 0.4084446356331849)
	near(t, "strong multilateral of 3", strong3, 0.6321205588285577)
	if !(weakBi < strongBi && weakBi < weak3 && strongBi < strong3 && weak5 < strong3) {
		t.Errorf("Figure 1 order broken: %v %v %v %v %v", weakBi, strongBi, weak3, weak5, strong3)
	}
	for _, w := range []float64{weak3, weak5} {
		if math.Abs(w-strongBi) > 0.1 {
			t.Errorf("weak multilateral %v should rank with strong bilateral %v", w, strongBi)
		}
	}
	for n := 1; n <= 63; n++ {
		if v := Spread(1, n, costs); v >= 1 {
			t.Fatalf("spread of %d strong partners %v ≥ 1: autonomy cost would turn into a benefit", n, v)
		}
	}
}

func TestOutcomes(t *testing.T) {
	terms := OptionTerms{Threat: 0.6, Reference: 0.4, Gain: 0.3, Honour: 0.8, Cost: 0.1, Spread: 0.5}
	l := Outcomes(terms, costs)
	// base = 0.4 − 0.6 = −0.2
	// good: −0.2 + 0.3 − 0.1·0.5 = 0.05;  bad: −0.2 + 0.2·0.3 − 0.1·1.5 = −0.29
	near(t, "p", l.P, 0.8)
	near(t, "good", l.Good, 0.05)
	near(t, "bad", l.Bad, -0.29)
	c := costs
	c.ArmsCost = 0.05
	near(t, "self-help", SelfHelp(0.6, 0.4, c).Good, -0.25)
}

func TestWeightTK(t *testing.T) {
	// w(0.5) with γ = 0.61: 0.5^0.61 / (2·0.5^0.61)^(1/0.61)
	near(t, "w+(0.5)", WeightTK(0.5, 0.61), 0.42063935433575617)
	near(t, "w−(0.1)", WeightTK(0.1, 0.69), 0.17014542807717592)
	near(t, "w(0)", WeightTK(0, 0.61), 0)
	near(t, "w(1)", WeightTK(1, 0.61), 1)
	near(t, "γ = 1 is linear", WeightTK(0.3, 1), 0.3)
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
		if a, b := ExpectedUtility(wide(mean), &d), ExpectedUtility(narrow(mean), &d); math.Abs(a-b) > tol {
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

// The softmax is relative to the spread of the values: {0.1, 0.3, NaN,
// 0.2} has spread 0.2; at temperature 1 the weights are e^−1, 1, e^−½,
// cumulative 0.1863, 0.6928, 1; at 0.1 they are e^−10, 1, e^−5 (the third
// option 0.0067). Scaling every value leaves the choice alone.
func TestSoftmax(t *testing.T) {
	v := []float64{0.1, 0.3, math.NaN(), 0.2}
	if got := Softmax(v, 0, 0.99); got != 1 {
		t.Errorf("argmax = %d, want 1", got)
	}
	cases := []struct {
		temp, u float64
		want    int
	}{{1, 0.1, 0}, {1, 0.5, 1}, {1, 0.8, 3}, {0.1, 0.00004, 0}, {0.1, 0.5, 1}, {0.1, 0.995, 3}}
	for _, c := range cases {
		if got := Softmax(v, c.temp, c.u); got != c.want {
			t.Errorf("softmax(T=%v, u=%v) = %d, want %d", c.temp, c.u, got, c.want)
		}
		scaled := []float64{1, 3, math.NaN(), 2}
		if got := Softmax(scaled, c.temp, c.u); got != c.want {
			t.Errorf("scaled softmax(T=%v, u=%v) = %d, want %d", c.temp, c.u, got, c.want)
		}
	}
	if Softmax([]float64{0.2, 0.2}, 0.1, 0.9) != 0 {
		t.Error("equal options: the first maximum")
	}
	if Softmax(nil, 0.1, 0.5) != -1 {
		t.Error("empty softmax")
	}
}

// Leaving is the two-option softmax: σ(±1/T) whatever the size of the
// margin, σ(10) = 0.9999546 at T = 0.1.
func TestLeaveProbability(t *testing.T) {
	near(t, "argmax stay", LeaveProbability(0.0, 0.04, 0.05, 0), 0)
	near(t, "argmax leave", LeaveProbability(0.0, 0.06, 0.05, 0), 1)
	near(t, "leave", LeaveProbability(0, 0.07, 0.05, 0.1), 0.9999546021312976)
	near(t, "stay", LeaveProbability(0, 0.04, 0.05, 0.1), 4.5397868702434395e-05)
	near(t, "indifferent", LeaveProbability(0, 0.05, 0.05, 0.1), 0.5)
	near(t, "scale-free", LeaveProbability(0, 0.7, 0.5, 0.1), LeaveProbability(0, 0.07, 0.05, 0.1))
}

func TestCrisisOdds(t *testing.T) {
	c := ChallengeParams{Rate: 0.02, Steepness: 8, Threshold: 0.25}
	// 0.02·σ(8·(0.7·0.5 − 0.25)) = 0.02·σ(0.8)
	near(t, "challenge", ChallengeProbability(0.7, 0.5, c), 0.01379948962255225)
	near(t, "provoke", ProvokeProbability(0.6, 0.01), 0.006)
	if !Occupies(1.3, 1, 0.2) || Occupies(1.2, 1, 0.2) {
		t.Error("occupation needs P > (1+margin)·Def")
	}
}

func TestGreedyCoalition(t *testing.T) {
	// value: each member adds its worth, 3 and 4 together lose 5
	worth := []float64{0, 0.3, 0.1, 0.2, 0.25}
	value := func(s Set) float64 {
		v := 0.0
		s.Each(func(i int) { v += worth[i] })
		if s.Has(3) && s.Has(4) {
			v -= 5
		}
		return v
	}
	cands := Set(0).With(1).With(2).With(3).With(4)
	set, v := GreedyCoalition(cands, 1, value)
	// best single: 1 (0.3); then 4 (+0.25); then 2 (+0.1); 3 would cost 5
	if want := Set(0).With(1).With(4).With(2); set != want {
		t.Errorf("coalition %b, want %b", set, want)
	}
	near(t, "value", v, 0.65)
	// a minimum size forces members in
	set, _ = GreedyCoalition(Set(0).With(3).With(4), 2, value)
	if set.Len() != 2 {
		t.Errorf("min size 2 gave %b", set)
	}
	if s, _ := GreedyCoalition(Set(0).With(1), 2, value); s != 0 {
		t.Error("too few candidates should give no coalition")
	}
}

func TestSet(t *testing.T) {
	s := Set(0).With(3).With(0).With(63)
	if s.Len() != 3 || !s.Has(63) || s.Has(1) || s.Without(3).Len() != 2 {
		t.Errorf("set ops on %b", s)
	}
	if got := s.Members(nil); len(got) != 3 || got[0] != 0 || got[1] != 3 || got[2] != 63 {
		t.Errorf("members %v", got)
	}
}

func TestRegistries(t *testing.T) {
	RegisterValuation("test_linear", ValuationFunc(func(l Lottery, _ *Decision) float64 { return l.Good }))
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

type view struct {
	clientAlliance bool
	allied         bool
	committed      Set
	waited         int
	threat, ref    float64
	rise           float64
	rev            map[int]float64
	d              Decision
}

func (v *view) Tick() int                  { return 0 }
func (v *view) Threat() float64            { return v.threat }
func (v *view) Reference() float64         { return v.ref }
func (v *view) Decision() *Decision        { return &v.d }
func (v *view) ClientAllianceExists() bool { return v.clientAlliance }
func (v *view) CommittedClients() Set      { return v.committed }
func (v *view) Allied() bool               { return v.allied }
func (v *view) Waited() int                { return v.waited }
func (v *view) Rise() float64              { return v.rise }
func (v *view) Revisionism(i int) float64  { return v.rev[i] }

func TestStrategies(t *testing.T) {
	multi := Option{Kind: OptionMultilateral, Partners: Set(0).With(1).With(2).With(3)}
	bi := Option{Kind: OptionBilateral, Partners: Set(0).With(1)}
	join := Option{Kind: OptionJoin, Partners: Set(0).With(1).With(2)}
	v := &view{d: DefaultDecision(), threat: 0.5, ref: 0.45, rev: map[int]float64{1: 0.5}}
	a := AssuranceStrategy{}
	if a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) || !a.Admit(v, Option{}) {
		t.Error("a patient assurance patron offers nothing but joining")
	}
	v.waited = 23
	if a.Admit(v, multi) || a.Admit(v, bi) {
		t.Error("a patron one tick short of its patience (24) still waits")
	}
	v.waited = 24
	if !a.Admit(v, multi) || !a.Admit(v, bi) {
		t.Error("past patience a patron with no ally commits as prospect: multilateral or bilateral")
	}
	v.allied = true
	if !a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) {
		t.Error("past patience a patron with an ally may impose a multilateral, but no bilateral")
	}
	v.allied = false
	v.waited, v.rise = 0, 0.3 // a rise while waiting is not the trigger
	if a.Admit(v, multi) {
		t.Error("a patron in losses by 0.05 waits for its clients")
	}
	v.threat = 0.625 // 0.625 − 0.45 = 0.175 > 0.15
	if !a.Admit(v, multi) || a.Admit(v, bi) {
		t.Error("a patron in losses by more than the impose threshold imposes a multilateral (MODEL.md §6), not a bilateral")
	}
	v.threat = 0.5999 // 0.1499 < 0.15
	if a.Admit(v, multi) {
		t.Error("in losses by less than the threshold it does not")
	}
	v.threat = 0.625
	v.committed, v.waited = Set(0).With(1).With(2), 24
	if a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) {
		t.Error("an assurance patron joins committed clients rather than enlisting them")
	}
	v.committed, v.clientAlliance = Set(0).With(5), true
	if !a.Admit(v, multi) || !a.Admit(v, join) {
		t.Error("an assurance patron may still impose on clients not committed to each other")
	}
	p := PowerplayStrategy{}
	if p.Admit(v, multi) || !p.Admit(v, bi) || p.Admit(v, join) {
		t.Error("powerplay keeps a revisionist client (0.5 > 0.3) to bilaterals")
	}
	v.rev[1] = 0.2
	if !p.Admit(v, multi) {
		t.Error("powerplay without revisionists is prospect")
	}
	if !(ProspectStrategy{}).Admit(v, multi) {
		t.Error("prospect admits all")
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
