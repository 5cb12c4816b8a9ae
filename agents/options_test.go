package agents

import (
	"math"
	"testing"
)

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
	// three pictures, whose mean 0.3 is not the midpoint of any two:
	// divergences 0.2/0.4, 0.1/0.5, 0.3/0.9, so 1 − (0.5 + 0.2 + 1/3)/3
	near(t, "three members", Cohesion([]float64{0.1, 0.2, 0.6}), 59.0/90)
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
	if b.Largest != CostFear || b.PartnerPos != 1 {
		t.Errorf("largest term %v of partner %d, want fear of partner 1", b.Largest, b.PartnerPos)
	}
	near(t, "largest amount", b.Amount, 0.12)
	// weak commitment k = 0.35 scales entrapment and divergence only, not
	// the autonomy of having an ally nor the fear term:
	// 2·0.02 + 0.35·(0.095 + 0.015) + 0.03 + 0.12 = 0.04 + 0.0385 + 0.15 = 0.2285
	near(t, "weak cost", AutonomyCost(0.35, ps, costs).Total, 0.2285)
	// with only an unassured revisionist ally, entrapment is the reason
	b = AutonomyCost(1, ps[:1], costs)
	if b.Largest != CostEntrapment || b.PartnerPos != 0 {
		t.Errorf("largest term %v, want entrapment", b.Largest)
	}
	// with benign, like-minded allies the reason is autonomy itself
	b = AutonomyCost(1, []Partner{{Weight: 1}, {Weight: 1}}, costs)
	if b.Largest != CostAutonomy || b.PartnerPos != -1 {
		t.Errorf("largest term %v of %d, want autonomy", b.Largest, b.PartnerPos)
	}
	// a small ally constrains a great power by its weight, in the base
	// term only: 0.2·0.02·2 + (0.075 + 0.02) + 0.015 + 0.03 + 0.12 =
	// 0.008 + 0.26 = 0.268 (entrapment, divergence and fear are not scaled)
	// the autonomy term competes per ally, not summed: two allies cost
	// 0.02 each of autonomy (total 0.04), and a fear of 0.3·0.1 = 0.03
	// from the second is the larger single term
	b = AutonomyCost(1, []Partner{{Weight: 1}, {Weight: 1, Fear: 0.1}}, costs)
	if b.Largest != CostFear || b.PartnerPos != 1 {
		t.Errorf("largest term %v of partner %d, want fear of partner 1", b.Largest, b.PartnerPos)
	}
	near(t, "per-ally largest amount", b.Amount, 0.03)
	near(t, "two allies' cost", b.Total, 0.07) // 0.02 + 0.02 + 0.03
	ps[0].Weight, ps[1].Weight = 0.2, 0.2
	near(t, "weighted cost", AutonomyCost(1, ps, costs).Total, 0.268)
}

// Ties name the earlier: a term equal to one ally's autonomy (0.02) leaves
// autonomy the reason, and of two equal largest terms the first partner's,
// and within a partner the first of entrapment, divergence, fear.
func TestAutonomyCostTies(t *testing.T) {
	for _, c := range []struct {
		name     string
		partners []Partner
		term     CostTerm
		partner  int
		amount   float64
	}{
		// fear 0.3·(0.02/0.3) equals the autonomy 0.02
		{"equal to autonomy", []Partner{{Weight: 1, Fear: 0.02 / 0.3}}, CostAutonomy, -1, 0.02},
		// divergence 0.1·0.5 = 0.05 for both partners
		{"equal partners", []Partner{{Weight: 1, Divergence: 0.5}, {Weight: 1, Divergence: 0.5}}, CostDivergence, 0, 0.05},
		// entrapment 0.15·0.4 = 0.06 and divergence 0.1·0.6 = 0.06
		{"equal terms", []Partner{{Weight: 1, Revisionism: 0.4, Divergence: 0.6}}, CostEntrapment, 0, 0.06},
		// a term is weighed against the largest autonomy of any ally, not
		// of the allies before it: fear 0.3·0.05 = 0.015 of an unpledged
		// partner, then an ally's autonomy 0.02
		{"later autonomy", []Partner{{Unpledged: true, Fear: 0.05}, {Weight: 1}}, CostAutonomy, -1, 0.02},
		// a later, larger term wins over an earlier one
		{"later larger", []Partner{{Weight: 1, Divergence: 0.5}, {Weight: 1, Fear: 0.2}}, CostFear, 1, 0.06},
		{"no partners", nil, CostAutonomy, -1, 0},
	} {
		b := AutonomyCost(1, c.partners, costs)
		if b.Largest != c.term || b.PartnerPos != c.partner {
			t.Errorf("%s: largest term %v of partner %d, want %v of %d", c.name, b.Largest, b.PartnerPos, c.term, c.partner)
		}
		if b.Partner != b.PartnerPos {
			t.Errorf("%s: the deprecated Partner is %d, PartnerPos %d; want the same", c.name, b.Partner, b.PartnerPos)
		}
		near(t, c.name+": amount", b.Amount, c.amount)
	}
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

// One partner's largest term by hand, k = 1: autonomy w·c_0 against
// entrapment c_E·r, divergence c_D·d and fear c_T·f, the first of equal
// ones, and only the fear of an unpledged partner.
func TestPartnerLargestCost(t *testing.T) {
	for _, c := range []struct {
		name    string
		partner Partner
		term    CostTerm
		amount  float64
	}{
		// autonomy 0.02 against divergence 0.1·0.1 = 0.01 and fear 0.3·0.05 = 0.015
		{"autonomy", Partner{Weight: 1, Divergence: 0.1, Fear: 0.05}, CostAutonomy, 0.02},
		// a small ally: autonomy 0.25·0.02 = 0.005 against divergence 0.1·0.3 = 0.03
		{"divergence of a small ally", Partner{Weight: 0.25, Divergence: 0.3}, CostDivergence, 0.03},
		// entrapment 0.15·0.5·(1 − 0.8·0.5) = 0.045 against fear 0.3·0.1 = 0.03
		{"entrapment", Partner{Weight: 1, Revisionism: 0.5, Assurance: 0.5, Fear: 0.1}, CostEntrapment, 0.045},
		// fear 0.3·0.3 = 0.09 (f = T̂ + φ·g, a grievance at par)
		{"fear", Partner{Weight: 1, Fear: 0.3}, CostFear, 0.09},
		// fear 0.3·(0.02/0.3) equals the autonomy 0.02: autonomy
		{"equal to autonomy", Partner{Weight: 1, Fear: 0.02 / 0.3}, CostAutonomy, 0.02},
		// entrapment 0.15·0.4 = 0.06 equals divergence 0.1·0.6: entrapment
		{"equal terms", Partner{Weight: 1, Revisionism: 0.4, Divergence: 0.6}, CostEntrapment, 0.06},
		// unpledged: its fear alone, 0.3·0.05 = 0.015, even where
		// divergence would have been larger, and at zero
		{"unpledged", Partner{Weight: 1, Divergence: 0.9, Fear: 0.05, Unpledged: true}, CostFear, 0.015},
		{"unpledged, feared not at all", Partner{Weight: 1, Unpledged: true}, CostFear, 0},
	} {
		term, amount := c.partner.LargestCost(1, costs)
		if term != c.term {
			t.Errorf("%s: largest term %v, want %v", c.name, term, c.term)
		}
		near(t, c.name+": amount", amount, c.amount)
	}
	// at a weak commitment the fights shrink and autonomy does not:
	// divergence 0.35·0.1·0.3 = 0.0105 against autonomy 0.02
	if term, amount := (Partner{Weight: 1, Divergence: 0.3}).LargestCost(0.35, costs); term != CostAutonomy || math.Abs(amount-0.02) > 1e-12 {
		t.Errorf("weak: %v %g, want autonomy 0.02", term, amount)
	}
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
		if !(math.Abs(w-strongBi) <= 0.1) {
			t.Errorf("weak multilateral %v should rank with strong bilateral %v", w, strongBi)
		}
	}
	// v_0 and v_m apart: v_0 = 0.5, v_m = 0.25, k = 1, three partners:
	// 1 − exp(−0.5·1·(1 + 0.25·2)) = 1 − e^−0.75 = 0.5276334472589853
	c := costs
	c.SpreadMembers = 0.25
	near(t, "v_m apart from v_0", Spread(1, 3, c), 0.5276334472589853)
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
	// an option whose weight underflows to 0 is never picked, even by
	// u = 0: at T = 0.001 the weights of {0, 1} are e^−1000 = 0 and 1
	if got := Softmax([]float64{0, 1}, 0.001, 0); got != 1 {
		t.Errorf("zero-weight option: softmax(u=0) = %d, want 1", got)
	}
	// a draw just below 1 that rounding leaves unspent after the last
	// option ({0, 0.01, 1} at T = 0.3: u·sum minus every weight is exactly
	// 0) still picks an option, the best, never -1
	if got := Softmax([]float64{0, 0.01, 1}, 0.3, math.Nextafter(1, 0)); got != 2 {
		t.Errorf("unspent draw: softmax = %d, want 2", got)
	}
	// the best, not the last: {1, 0, 0.01} at T = 0.5 leaves the same
	// draw unspent (weights 1, e^−2, e^−1.98)
	if got := Softmax([]float64{1, 0, 0.01}, 0.5, math.Nextafter(1, 0)); got != 0 {
		t.Errorf("unspent draw, best first: softmax = %d, want 0", got)
	}
	if Softmax(nil, 0.1, 0.5) != -1 {
		t.Error("empty softmax")
	}
	// −∞ is never picked and leaves the spread to the finite values: {0.10,
	// 0.09, −1, −∞} at T = 0.02 weighs 1, e^(−0.01/0.022) = 0.6348 and
	// e^(−50), as {0.10, 0.09, −1} does (§7.6's 0.388 for the second), so
	// u = 0.7 (0.7·1.6348 = 1.144 > 1) picks the second; a NaN total made
	// it the best at every draw before
	inf := math.Inf(1)
	for _, u := range []float64{0.5, 0.7} {
		want := Softmax([]float64{0.10, 0.09, -1}, 0.02, u)
		if got := Softmax([]float64{0.10, 0.09, -1, -inf}, 0.02, u); got != want {
			t.Errorf("with −∞: softmax(u=%v) = %d, want %d", u, got, want)
		}
	}
	if got := Softmax([]float64{0.10, 0.09, -1, -inf}, 0.02, 0.7); got != 1 {
		t.Errorf("with −∞: softmax(u=0.7) = %d, want 1", got)
	}
	// §7.6's example itself: the second of {0.10, 0.09, −1} at T = 0.02 is
	// drawn with probability 0.388. By hand: spread 1.1, weights 1,
	// e^(−0.01/0.022) = 0.6347364189402819 and e^(−50) = 1.93e-22, so the
	// first is taken for u below 1/1.6347364189402818 = 0.6117194114071615
	// and the second for u from there to 1 − 1.2e-22 (which rounds to 1):
	// probability 0.6347364189402819/1.6347364189402818 = 0.38828058859283865.
	// A grid of 100,000 draws measures it to 10⁻⁵.
	doc := []float64{0.10, 0.09, -1}
	const first = 0.6117194114071615
	if got := Softmax(doc, 0.02, first-1e-9); got != 0 {
		t.Errorf("§7.6's example: softmax(u just below %v) = %d, want 0", first, got)
	}
	if got := Softmax(doc, 0.02, first+1e-9); got != 1 {
		t.Errorf("§7.6's example: softmax(u just above %v) = %d, want 1", first, got)
	}
	const grid = 100_000
	second := 0
	for k := range grid {
		if Softmax(doc, 0.02, (float64(k)+0.5)/grid) == 1 {
			second++
		}
	}
	if p := float64(second) / grid; math.Abs(p-0.38828058859283865) > 2e-5 {
		t.Errorf("§7.6's example: the second option is drawn with probability %.5f, want 0.38828", p)
	}
	// +∞ is picked, the first of them; −∞ alone is a tie of the worst
	for _, c := range []struct {
		values []float64
		want   int
	}{{[]float64{0.1, inf, 0.2, inf}, 1}, {[]float64{-inf, math.NaN(), -inf}, 0}, {[]float64{-inf, 0.3}, 1}} {
		for _, u := range []float64{0, 0.5, math.Nextafter(1, 0)} {
			if got := Softmax(c.values, 0.02, u); got != c.want {
				t.Errorf("softmax(%v, u=%v) = %d, want %d", c.values, u, got, c.want)
			}
		}
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

// Each cost term names itself as a refusal reports it.
func TestCostTermString(t *testing.T) {
	for term, want := range map[CostTerm]string{
		CostAutonomy: "autonomy", CostEntrapment: "entrapment", CostDivergence: "divergence", CostFear: "fear",
		CostTerm(4): "CostTerm(4)", CostTerm(-1): "CostTerm(-1)",
	} {
		if got := term.String(); got != want {
			t.Errorf("CostTerm(%d) = %q, want %q", int(term), got, want)
		}
	}
}

// The refusal's reason starts from the largest per-ally autonomy term
// w_j·c_0 (docs/model.md §7.4): a smaller entrapment, divergence or fear
// term does not replace it. One ally of weight 1 costs 0.02 of autonomy
// and 0.3·0.05 = 0.015 of fear, nothing else: the reason is autonomy
// (partner −1), amount 0.02.
func TestRefusalReasonAutonomyBeatsSmallerFear(t *testing.T) {
	b := AutonomyCost(1, []Partner{{Weight: 1, Fear: 0.05}}, costs)
	if b.Largest != CostAutonomy || b.PartnerPos != -1 {
		t.Errorf("reason %v of partner %d, want autonomy of -1", b.Largest, b.PartnerPos)
	}
	near(t, "largest amount", b.Amount, 0.02)
	near(t, "total", b.Total, 0.035)
}

// A term replaces the current reason only if strictly greater
// (docs/model.md §7.4). With c_0 = 0.25, c_T = 0.5 and dyadic inputs
// every tie is exact: an ally of weight 1 and fear 0.5 costs 0.25 of
// autonomy and 0.5·0.5 = 0.25 of fear, and the reason stays autonomy; an
// ally with entrapment 0.5·0.5 = 0.25 and divergence 0.25·1 = 0.25 at
// k = 1, weight 0.5 (autonomy 0.125), gives entrapment, the first of the
// tied terms.
func TestRefusalReasonTiesKeepTheEarlierTerm(t *testing.T) {
	c := CostParams{Base: 0.25, Entrapment: 0.5, Divergence: 0.25, Threat: 0.5}
	b := AutonomyCost(1, []Partner{{Weight: 1, Fear: 0.5}}, c)
	if b.Largest != CostAutonomy || b.PartnerPos != -1 || b.Amount != 0.25 {
		t.Errorf("autonomy tied with fear: reason %v of partner %d, amount %v; want autonomy of -1, 0.25", b.Largest, b.PartnerPos, b.Amount)
	}
	b = AutonomyCost(1, []Partner{{Weight: 0.5, Revisionism: 0.5, Divergence: 1}}, c)
	if b.Largest != CostEntrapment || b.PartnerPos != 0 || b.Amount != 0.25 {
		t.Errorf("entrapment tied with divergence: reason %v of partner %d, amount %v; want entrapment of 0, 0.25", b.Largest, b.PartnerPos, b.Amount)
	}
}

// A NaN argument gives NaN, not the value of a zero sum (doc.go): the
// guards of the ratios read NaN as no boundary case, and Cohesion with a
// NaN picture is NaN, not 1.
func TestRatiosPassNaNThrough(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name string
		got  float64
	}{
		{"Divergence", Divergence(nan, 0.5)},
		{"RelativeWeight", RelativeWeight(1, nan)},
		{"Denial", Denial(nan, 1)},
		{"Credibility", Credibility(nan, 1)},
		{"PunishmentKeep", PunishmentKeep(1, nan, 1)},
		{"Cohesion", Cohesion([]float64{nan, 0.5})},
		{"Clamp01", Clamp01(nan)},
	} {
		if !math.IsNaN(c.got) {
			t.Errorf("%s of a NaN: %v, want NaN", c.name, c.got)
		}
	}
	// The zero sums keep their values.
	if Divergence(0, 0) != 0 || RelativeWeight(0, 0) != 1 || Denial(0, 0) != 0.5 ||
		Credibility(0, 0) != 0 || PunishmentKeep(1, 0, 0) != 1 {
		t.Error("a zero sum no longer gives its documented value")
	}
}

// Of equal terms, the first in the order entrapment, divergence, fear is
// named: entrapment 0.1 and fear 0.1 name entrapment.
func TestLargestTermTies(t *testing.T) {
	if term, v := (CostParts{Entrapment: 0.1, Fear: 0.1}).Largest(); term != CostEntrapment || v != 0.1 {
		t.Errorf("Largest() = %v, %v; want entrapment, 0.1", term, v)
	}
	if term, v := (CostParts{Divergence: 0.2, Fear: 0.2, Autonomy: 0.1}).Largest(); term != CostDivergence || v != 0.2 {
		t.Errorf("Largest() = %v, %v; want divergence, 0.2", term, v)
	}
}

// A NaN is skipped, not the end of the search: the larger value after it
// is picked.
func TestSoftmaxSkipsNaN(t *testing.T) {
	if got := Softmax([]float64{0, math.NaN(), 1}, 0, 0.5); got != 2 {
		t.Errorf("Softmax(0, NaN, 1) at temperature 0 = %d, want 2", got)
	}
}

// A scale temperature·S that overflows to +∞ with finite values follows
// the formula all the same. {1e308, 0} at T = 2 has S = 1e308 and T·S =
// 2e308 > MaxFloat64: the weights are 1 and e^(−1e308/2e308) = e^(−½), so
// the first is drawn for u below 1/(1 + e^(−½)) = 0.6225 (the overflowed
// scale taken at face value would weigh both e^(−0) = 1 and pick the
// second at any u ≥ ½; taking the best whenever it overflows, as Softmax
// did until 2026-12-07, would pick the first at every u). At T = 10 the
// first is drawn below 1/(1 + e^(−0.1)) = 0.5250. {1e308, −1e308} at T =
// 1 overflows the spread itself (2e308): weights 1 and e^(−1), the first
// drawn below 1/(1 + e^(−1)) = 0.7311. A vast temperature weighs every
// option alike: {1, 0} at T = +∞ draws each for half the u.
func TestSoftmaxWhenTheScaleOverflows(t *testing.T) {
	for _, c := range []struct {
		values []float64
		temp   float64
		u      float64
		want   int
	}{
		{[]float64{1e308, 0}, 2, 0.6, 0},
		{[]float64{1e308, 0}, 2, 0.63, 1},
		{[]float64{1e308, 0}, 10, 0.52, 0},
		{[]float64{1e308, 0}, 10, 0.99, 1},
		{[]float64{1e308, -1e308}, 1, 0.73, 0},
		{[]float64{1e308, -1e308}, 1, 0.74, 1},
		{[]float64{1, 0}, math.Inf(1), 0.49, 0},
		{[]float64{1, 0}, math.Inf(1), 0.51, 1},
	} {
		if got := Softmax(c.values, c.temp, c.u); got != c.want {
			t.Errorf("Softmax(%v, T = %v, u = %v) = %d, want %d", c.values, c.temp, c.u, got, c.want)
		}
	}
}

// A partner's relative weight below a total of 1: an ally of 0.1 against
// one's own 0.3 weighs min(1, 2·0.1/0.4) = 0.5.
func TestRelativeWeightOfSmallForces(t *testing.T) {
	if got := RelativeWeight(0.3, 0.1); math.Abs(got-0.5) > 1e-15 {
		t.Errorf("RelativeWeight(0.3, 0.1) = %v, want 0.5", got)
	}
}
