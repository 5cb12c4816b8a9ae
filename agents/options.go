package agents

import (
	"fmt"
	"math"
)

// OptionTerms are the ingredients of an option's value for one state
// (docs/model.md §7.4). The engine fills them from the world; everything
// here is arithmetic on them.
type OptionTerms struct {
	Threat    float64 // T_i now
	Reference float64 // ρ_i
	Gain      float64 // g_o = max(0, T_i − T_i⁺(o))
	Honour    float64 // p_o
	Cost      float64 // c_o
	Spread    float64 // v_o
}

// CostParams are the constants of the autonomy cost and the spread.
type CostParams struct {
	Base, Entrapment, Divergence, Threat float64 // c_0, c_E, c_D, c_T
	AssuranceWeight                      float64 // μ
	SpreadBase, SpreadMembers            float64 // v_0, v_m
	ResidualHelp                         float64 // h_res
	ArmsCost                             float64
}

// Partner is what a state weighs about one prospective ally.
type Partner struct {
	// Weight is the ally's power relative to the state's own,
	// RelativeWeight(E_i, E_j): how far the ally constrains it.
	Weight      float64
	Revisionism float64 // r_j
	Assurance   float64 // A_j: strongest commitment j holds with other clients (0 unless the evaluator is a patron)
	// Control is the chance that the evaluator, a patron, restrains j
	// before a crisis in an alliance of this size (control_bilateral,
	// _trilateral, _multilateral; 0 unless the evaluator is a patron):
	// Cha's powerplay, the hold a tight alliance gives over a revisionist
	// client.
	Control    float64
	Divergence float64 // d_ij = Divergence(Π_i, Π_j), of the threat pictures
	Fear       float64 // f_ij = T̂_ij + φ·g_ij: threat i perceives from j, and its grievance
	// Unpledged marks a partner that, in this alliance, pledges nothing to
	// the state and is owed nothing by it: a fellow client of an alliance
	// a patron imposed, where only the patron stands by each client
	// (docs/model.md §7.9). It takes no autonomy and drags the state into
	// no fight — its cost is the fear term alone — and whether it would
	// come is not part of the honour probability (§8.2 item 23).
	Unpledged bool
}

// HonourProbability is p_o = p_k · mean_j(1 − d_ij), with d_ij the
// Divergence of the threat pictures, over the partners that pledge to
// come (not Unpledged); 0 if none does.
func HonourProbability(pk float64, partners []Partner) float64 {
	s, n := 0.0, 0
	for _, p := range partners {
		if p.Unpledged {
			continue
		}
		s += 1 - p.Divergence
		n++
	}
	if n == 0 {
		return 0
	}
	return pk * s / float64(n)
}

// CostTerm names the largest part of an option's autonomy cost: the reason a
// state gives when it refuses.
type CostTerm int

// Cost terms, in the order of the formula.
const (
	CostAutonomy   CostTerm = iota // c_0: every ally constrains
	CostEntrapment                 // c_E: a revisionist ally entraps
	CostDivergence                 // c_D: a divergent ally drags you into its fights
	CostFear                       // c_T: an ally you fear
)

var costTermNames = [...]string{"autonomy", "entrapment", "divergence", "fear"}

func (t CostTerm) String() string {
	if t < 0 || int(t) >= len(costTermNames) {
		return fmt.Sprintf("CostTerm(%d)", int(t))
	}
	return costTermNames[t]
}

// CostBreakdown is the autonomy cost with its largest term and the partner
// behind it.
type CostBreakdown struct {
	Total   float64
	Largest CostTerm
	// PartnerPos is where the partner behind the largest term stands in
	// the partners slice AutonomyCost was given (partners[PartnerPos]);
	// -1 when the largest term is autonomy, which no one partner is
	// behind. It is a position in that slice, not a state's index: of a
	// sim.Explanation, the state is Costs[Cost.PartnerPos].Partner, which
	// Explanation.LargestCostPartner gives.
	PartnerPos int
	// Partner holds the same value as PartnerPos, under its old name.
	//
	// Deprecated: use PartnerPos. Beside sim.PartnerCost.Partner, a
	// state's index, the name read as one; it is a position in the
	// partners slice. Partner goes in the release after the first tagged
	// one.
	Partner int
	Amount  float64 // the largest term's contribution
}

// entrapment is r_j^eff.
func (p Partner) entrapment(c CostParams) float64 {
	return p.Revisionism * (1 - c.AssuranceWeight*p.Assurance) * (1 - p.Control)
}

// CostParts are one partner's contributions to an option's autonomy cost,
// term by term (docs/model.md §7.4).
type CostParts struct {
	Autonomy   float64 // w_j·c_0: the freedom of action any ally takes away, at either commitment
	Entrapment float64 // k·c_E·r_j^eff: its revisionism, as far as not assured or restrained
	Divergence float64 // k·c_D·d_ij: the fights it would drag the state into
	Fear       float64 // c_T·(T̂_ij + φ·g_ij): the threat the state perceives from it, and its grievance against it
}

// Total is the partner's whole contribution.
func (c CostParts) Total() float64 { return c.Autonomy + c.Entrapment + c.Divergence + c.Fear }

// Costs returns p's contributions to the autonomy cost of an option at
// commitment k: only the fear term for an Unpledged partner.
func (p Partner) Costs(k float64, c CostParams) CostParts {
	if p.Unpledged {
		return CostParts{Fear: c.Threat * p.Fear}
	}
	return CostParts{
		Autonomy:   p.Weight * c.Base,
		Entrapment: k * c.Entrapment * p.entrapment(c),
		Divergence: k * c.Divergence * p.Divergence,
		Fear:       c.Threat * p.Fear,
	}
}

// Largest names the largest of one partner's terms and its amount: the
// autonomy term unless an entrapment, divergence or fear term exceeds it
// (the first of equal ones, in that order) — the rule by which
// AutonomyCost names an option's largest term, applied to one partner.
func (c CostParts) Largest() (CostTerm, float64) {
	if term, v := c.largestOther(); v > c.Autonomy {
		return term, v
	}
	return CostAutonomy, c.Autonomy
}

// largestOther is the largest of the entrapment, divergence and fear
// terms, the first of equal ones in that order.
func (c CostParts) largestOther() (CostTerm, float64) {
	term, amount := CostEntrapment, c.Entrapment
	if c.Divergence > amount {
		term, amount = CostDivergence, c.Divergence
	}
	if c.Fear > amount {
		term, amount = CostFear, c.Fear
	}
	return term, amount
}

// LargestCost is the largest of p's terms at commitment k and its amount
// (CostParts.Largest); for an Unpledged partner, which costs only the fear
// it inspires, its fear term. It is what a member names when it votes a
// newcomer down: what the newcomer would cost it (docs/model.md §7.9).
func (p Partner) LargestCost(k float64, c CostParams) (CostTerm, float64) {
	t := p.Costs(k, c)
	if p.Unpledged {
		return CostFear, t.Fear
	}
	return t.Largest()
}

// RelativeWeight is min(1, 2·E_j/(E_i + E_j)): 1 between equals and for a
// small state allied to a great power, near 0 for a great power allied to
// a small state (1 when both are 0). In an asymmetric alliance the
// stronger partner gives security and keeps its autonomy (Morrow 1991;
// Snyder 1984 on dependence): a much smaller ally constrains it only in
// proportion to its weight. The weaker partner pays what any ally costs.
func RelativeWeight(own, ally float64) float64 {
	if s := own + ally; s > 0 || math.IsNaN(s) {
		return min(1, 2*ally/s)
	}
	return 1
}

// AutonomyCost is c_o = Σ_{j pledged} [w_j·c_0 + k·(c_E·r_j^eff + c_D·d_ij)] + c_T·Σ_j (T̂_ij + φ·g_ij)
// (an Unpledged partner costs only its fear term; docs/model.md §8.2 item 23),
// with w_j the ally's RelativeWeight (the freedom of action it takes away)
// and r_j^eff = r_j·(1 − μ·A_j)·(1 − control_j) (Cohen's assurance: a client
// already committed to other clients entraps its patron less; Cha: a
// client the patron can restrain entraps it less). Entrapment and
// divergence — the risk of being dragged into an ally's fights — grow
// with how firmly the state is bound (k; Snyder 1984) and do not shrink
// with the ally's size. The autonomy term is the cost of having the ally
// at all (c_0 is "the autonomy cost of any ally"): the consultation and
// policy concessions that alignment asks at either commitment (Morrow
// 1991), so a weak pledge is not simply a scaled-down strong one
// (docs/model.md §8.2 item 22). It also names the largest single term,
// partner by partner: one partner's entrapment, divergence or fear
// contribution, or, if none exceeds it, the autonomy cost of one ally;
// CostBreakdown.PartnerPos says where that partner stands in partners.
// Partner.Costs gives one partner's terms.
func AutonomyCost(k float64, partners []Partner, c CostParams) CostBreakdown {
	b := CostBreakdown{Largest: CostAutonomy, PartnerPos: -1, Partner: -1}
	// One pass: the largest autonomy term, and the first of the largest
	// other terms in partner and term order, which names the largest only
	// if it exceeds every autonomy term.
	other, otherTerm, otherPartner := math.Inf(-1), CostAutonomy, -1
	for j, p := range partners {
		t := p.Costs(k, c)
		b.Total += t.Total()
		b.Amount = max(b.Amount, t.Autonomy) // per ally, like the other terms
		if term, v := t.largestOther(); v > other {
			other, otherTerm, otherPartner = v, term, j
		}
	}
	if other > b.Amount {
		b.Amount, b.Largest, b.PartnerPos = other, otherTerm, otherPartner
		b.Partner = b.PartnerPos
	}
	return b
}

// Spread is v_o = 1 − exp(−v_0·k·(1 + v_m·(|S| − 1))): more partners and a
// stronger commitment widen the gap between the best and the worst
// outcome, and v stays below 1, so that the good outcome never turns the
// autonomy cost c·(1 − v) into a benefit.
func Spread(k float64, partners int, c CostParams) float64 {
	return 1 - math.Exp(-c.SpreadBase*k*(1+c.SpreadMembers*float64(partners-1)))
}

// Divergence is the scale-free difference of two threat pictures,
// |a − b|/(a + b) (0 when both are 0): a threat that both feel does not
// make them look divergent; a threat that one barely feels does.
func Divergence(a, b float64) float64 {
	if s := a + b; s > 0 || math.IsNaN(s) {
		return math.Abs(a-b) / s
	}
	return 0
}

// Cohesion is h over the members' threat pictures: the mean of
// 1 − Divergence(x_m, mean), so members whose pictures converge hold
// together. It is 0 for no members.
func Cohesion(pictures []float64) float64 {
	if len(pictures) == 0 {
		return 0
	}
	mean := 0.0
	for _, x := range pictures {
		mean += x
	}
	mean /= float64(len(pictures))
	h := 0.0
	for _, x := range pictures {
		h += 1 - Divergence(x, mean)
	}
	return h / float64(len(pictures))
}

// Outcomes turns an option into its lottery relative to the reference point:
// good x⁺ = (ρ − T) + g − c·(1 − v) with probability p; bad
// x⁻ = (ρ − T) + h_res·g − c·(1 + v): the partners do not come, only h_res of
// the gain survives as deterrence, and the constraints bite hardest.
func Outcomes(t OptionTerms, c CostParams) Lottery {
	base := t.Reference - t.Threat
	return Lottery{
		P:    t.Honour,
		Good: base + t.Gain - t.Cost*(1-t.Spread),
		Bad:  base + c.ResidualHelp*t.Gain - t.Cost*(1+t.Spread),
	}
}

// SelfHelp is the sure outcome of the none option: (ρ − T) − arms_cost.
func SelfHelp(threat, reference float64, c CostParams) Lottery {
	return Sure(reference - threat - c.ArmsCost)
}

// Softmax picks an index among values with probability proportional to
// exp((v − max)/(temperature·S)), S = max − min the spread of the values
// compared, given a uniform draw u in [0, 1). The temperature is relative:
// option values are differences of threat whose scale differs from
// scenario to scenario and from decision to decision, and what makes a
// choice noisy is how close the options are compared with how far apart
// they are. Temperature 0, or options all equal, picks the first maximum.
// NaN values are never picked; −∞ is never picked while a larger value is
// there, and leaves the spread to the finite values; +∞ is picked, the
// first of them. It returns -1 for an empty slice.
func Softmax(values []float64, temperature, u float64) int {
	best, worst := -1, math.Inf(1)
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		if best < 0 || v > values[best] {
			best = i
		}
		if !math.IsInf(v, -1) {
			worst = min(worst, v)
		}
	}
	if best < 0 {
		return -1
	}
	top := values[best]
	scale := temperature * (top - worst)
	if !(scale > 0) || math.IsInf(top, 1) {
		return best // also only −∞ besides NaN (scale −∞)
	}
	weight := func(v float64) float64 { return math.Exp((v - top) / scale) }
	if math.IsInf(scale, 1) {
		// temperature·S overflows (values near ±MaxFloat64, or a vast
		// temperature): the same weights, with the distances and the
		// spread taken at half size, which cannot overflow, and the
		// temperature applied last.
		half := top/2 - worst/2
		weight = func(v float64) float64 { return math.Exp((v/2 - top/2) / half / temperature) }
	}
	sum := 0.0
	for _, v := range values {
		if !math.IsNaN(v) {
			sum += weight(v)
		}
	}
	target := u * sum
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		target -= weight(v)
		if target < 0 {
			return i
		}
	}
	return best
}

// LeaveProbability is the chance that a member leaves an alliance when it
// reviews it: the softmax of Softmax between staying, credited with the
// exit cost, and its best value without the alliance. With two options
// the relative temperature leaves σ(±1/temperature): a member leaves
// when staying is worse by more than the exit cost, and errs either way
// with probability σ(−1/temperature) — about 2e-22 at the default 0.02
// (4.5e-5 at 0.1) — so that membership is never a monthly coin toss
// (docs/model.md §7.6, §7.12). At temperature 0 it never errs; when staying and leaving are
// worth the same it leaves with probability ½.
func LeaveProbability(stay, without, exitCost, temperature float64) float64 {
	d := without - (stay + exitCost)
	switch {
	case d == 0:
		return 0.5
	case temperature <= 0 && d > 0:
		return 1
	case temperature <= 0:
		return 0
	case d > 0:
		return Logistic(1 / temperature)
	}
	return Logistic(-1 / temperature)
}
