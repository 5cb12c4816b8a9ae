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
	// revisionism 0.5 + ψ·|0.6−(−1)|/2 = 0.3·1.6/2 = 0.24 + grievance 0.1 + memory 0.05 + shift 0.02 = 0.91
	near(t, "hostile intent", Intent(0.5, 0.6-(-1), 0.3, 0.1, 0.05, 0.02, false), 0.91)
	// clamped to 1
	near(t, "clamped intent", Intent(0.9, 2, 0.3, 0.2, 0, 0.4, false), 1)
	// an ally counts only grievance and memory: 0.1 + 0.05
	near(t, "ally intent", Intent(0.5, 1.6, 0.3, 0.1, 0.05, 0.02, true), 0.15)
	// a negative scripted shift cannot push intent below 0
	near(t, "floored intent", Intent(0.1, 0, 0.3, 0, 0, -0.5, false), 0)
}

func TestRawThreat(t *testing.T) {
	w := ThreatWeights{Power: 1, Proximity: 1, Offence: 2}
	// 0.8·(1·0.5 + 1·0.25 + 2·0.75)/4 = 0.8·2.25/4 = 0.45
	near(t, "τ", RawThreat(0.8, 0.5, 0.25, 0.75, w), 0.45)
	// intent multiplies: a strong, near, capable but benign state is no threat
	near(t, "benign", RawThreat(0, 1, 1, 1, w), 0)
	near(t, "no weights", RawThreat(1, 1, 1, 1, ThreatWeights{}), 0)
}

func TestPerceiveAndCombine(t *testing.T) {
	// (1−0.2)·0.5 + 0.2·clamp(0.3+0.05) = 0.4 + 0.07 = 0.47
	near(t, "lagged", Perceive(0.5, 0.3, 0.2, 0.05), 0.47)
	// noise cannot take the reading outside [0,1]: 0.8·0.5 + 0.2·1 = 0.6
	near(t, "clamped reading", Perceive(0.5, 0.9, 0.2, 0.5), 0.6)
	// T = 1 − (1−0.5)(1−0.2) = 0.6
	near(t, "noisy-or", Combine(Combine(0, 0.5), 0.2), 0.6)
	// patron: max(0.3, (1·0.8 + 0.5·0.2)/1.5 = 0.6) = 0.6
	near(t, "patron", PatronThreat(0.3, 1*0.8+0.5*0.2, 1.5), 0.6)
	near(t, "patron direct", PatronThreat(0.7, 0.9, 1.5), 0.7)
	near(t, "patron without stakes", PatronThreat(0.3, 0, 0), 0.3)
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

func TestOccupationFromPowers(t *testing.T) {
	// σ(2·(ln 2 − ln 1)) = 4/(4+1) = 0.8, as (P+ε)²/((P+ε)²+(D+ε)²) with ε negligible
	p, d := 2.0, 1.0
	near(t, "occ", OccupationFromPowers(p*p, d*d), 0.8)
	near(t, "balanced", OccupationFromPowers(3, 3), 0.5)
	near(t, "degenerate", OccupationFromPowers(0, 0), 0.5)
}

var costs = CostParams{Base: 0.02, Entrapment: 0.15, Divergence: 0.1, Threat: 0.3,
	AssuranceWeight: 0.8, SpreadBase: 0.5, SpreadMembers: 0.5, ResidualHelp: 0.2}

func TestHonourProbability(t *testing.T) {
	ps := []Partner{{Divergence: 0.1}, {Divergence: 0.3}}
	// 0.9 · mean(0.9, 0.7) = 0.9·0.8 = 0.72
	near(t, "p", HonourProbability(0.9, ps), 0.72)
	near(t, "no partners", HonourProbability(0.9, nil), 0)
}

func TestAutonomyCost(t *testing.T) {
	ps := []Partner{
		{Revisionism: 0.5, Assurance: 0, Divergence: 0.2, Fear: 0.1},
		{Revisionism: 0.5, Assurance: 1, Divergence: 0.0, Fear: 0.4},
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
	// weak commitment k = 0.35 scales all but the fear term:
	// 0.35·(0.115 + 0.035) + 0.03 + 0.12 = 0.0525 + 0.15 = 0.2025
	near(t, "weak cost", AutonomyCost(0.35, ps, costs).Total, 0.2025)
	// with only an unassured revisionist ally, entrapment is the reason
	b = AutonomyCost(1, ps[:1], costs)
	if b.Largest != CostEntrapment || b.Partner != 0 {
		t.Errorf("largest term %v, want entrapment", b.Largest)
	}
	// with benign, like-minded allies the reason is autonomy itself
	b = AutonomyCost(1, []Partner{{}, {}}, costs)
	if b.Largest != CostAutonomy || b.Partner != -1 {
		t.Errorf("largest term %v of %d, want autonomy", b.Largest, b.Partner)
	}
}

// The risk ranking of He & Feng's Figure 1: weak bilateral (1) < strong
// bilateral (2) ≈ weak multilateral (2) < strong multilateral (4).
func TestSpreadFigure1(t *testing.T) {
	weakBi := Spread(0.35, 1, costs)    // 0.5·0.35·1 = 0.175
	strongBi := Spread(1, 1, costs)     // 0.5
	weakMulti := Spread(0.35, 4, costs) // 0.5·0.35·(1+0.5·3) = 0.4375
	strongMulti := Spread(1, 4, costs)  // 0.5·1·2.5 = 1.25
	near(t, "weak bilateral", weakBi, 0.175)
	near(t, "strong bilateral", strongBi, 0.5)
	near(t, "weak multilateral", weakMulti, 0.4375)
	near(t, "strong multilateral", strongMulti, 1.25)
	if !(weakBi < strongBi && weakBi < weakMulti && strongBi < strongMulti && weakMulti < strongMulti) {
		t.Errorf("Figure 1 order broken: %v %v %v %v", weakBi, strongBi, weakMulti, strongMulti)
	}
	if r := math.Abs(strongBi-weakMulti) / strongBi; r > 0.15 {
		t.Errorf("strong bilateral %v and weak multilateral %v should be of the same rank (differ by %.0f%%)", strongBi, weakMulti, 100*r)
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

func TestSoftmax(t *testing.T) {
	v := []float64{0.1, 0.3, math.NaN(), 0.2}
	if got := Softmax(v, 0, 0.99); got != 1 {
		t.Errorf("argmax = %d, want 1", got)
	}
	// temperature 0.1: weights e^(−2), 1, e^(−1); normalised cumulative:
	// 0.0900, 0.7447, 1 (NaN never picked)
	cases := []struct {
		u    float64
		want int
	}{{0.05, 0}, {0.5, 1}, {0.8, 3}, {0.999, 3}}
	for _, c := range cases {
		if got := Softmax(v, 0.1, c.u); got != c.want {
			t.Errorf("softmax(u=%v) = %d, want %d", c.u, got, c.want)
		}
	}
	if Softmax(nil, 0.1, 0.5) != -1 {
		t.Error("empty softmax")
	}
}

func TestLeaveProbability(t *testing.T) {
	near(t, "argmax stay", LeaveProbability(0.0, 0.04, 0.05, 0), 0)
	near(t, "argmax leave", LeaveProbability(0.0, 0.06, 0.05, 0), 1)
	// d = 0.07 − (0 + 0.05) = 0.02; 1/(1+e^(−0.02/0.02)) = 1/(1+e^−1)
	near(t, "softmax leave", LeaveProbability(0, 0.07, 0.05, 0.02), 1/(1+math.Exp(-1)))
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
	committed      Set
	waited         int
	threat, ref    float64
	rev            map[int]float64
	d              Decision
}

func (v *view) Tick() int                  { return 0 }
func (v *view) Threat() float64            { return v.threat }
func (v *view) Reference() float64         { return v.ref }
func (v *view) Decision() *Decision        { return &v.d }
func (v *view) ClientAllianceExists() bool { return v.clientAlliance }
func (v *view) CommittedClients() Set      { return v.committed }
func (v *view) Waited() int                { return v.waited }
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
	v.waited = 24
	if !a.Admit(v, multi) || a.Admit(v, bi) {
		t.Error("past patience an assurance patron may impose a multilateral, still no bilateral")
	}
	v.waited, v.threat = 0, 0.61 // 0.61 − 0.45 > 0.15
	if !a.Admit(v, multi) {
		t.Error("past the impose threshold an assurance patron may impose")
	}
	v.committed = Set(0).With(1).With(2)
	if a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) {
		t.Error("an assurance patron joins committed clients rather than enlisting them")
	}
	v.committed, v.clientAlliance = 0, true
	if a.Admit(v, multi) || !a.Admit(v, join) {
		t.Error("while a client alliance exists an assurance patron only joins")
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
