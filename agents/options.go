package agents

import "math"

// OptionTerms are the ingredients of an option's value for one state
// (MODEL.md §5). The engine fills them from the world; everything here is
// arithmetic on them.
type OptionTerms struct {
	Threat    float64 // T_i now
	Reference float64 // ρ_i
	Gain      float64 // g_o = T_i − T_i⁺(o)
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
	Revisionism float64 // r_j
	Assurance   float64 // A_j: strongest commitment j holds with other clients (0 unless the evaluator is a patron)
	Divergence  float64 // |T_i^adv − T_j^adv|
	Fear        float64 // T̂_ij: threat i perceives from j
}

// HonourProbability is p_o = p_k · mean_j(1 − |T_i^adv − T_j^adv|).
func HonourProbability(pk float64, partners []Partner) float64 {
	if len(partners) == 0 {
		return 0
	}
	s := 0.0
	for _, p := range partners {
		s += 1 - p.Divergence
	}
	return pk * s / float64(len(partners))
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

func (t CostTerm) String() string { return costTermNames[t] }

// CostBreakdown is the autonomy cost with its largest term and the partner
// behind it (an index into the partners slice; -1 for the autonomy term).
type CostBreakdown struct {
	Total   float64
	Largest CostTerm
	Partner int
	Amount  float64 // the largest term's contribution
}

// AutonomyCost is c_o = k·Σ_j (c_0 + c_E·r_j^eff + c_D·|ΔT_ij|) + c_T·Σ_j T̂_ij,
// with r_j^eff = r_j·(1 − μ·A_j) (Cohen's assurance: a client already
// committed to other clients entraps its patron less). It also names the
// largest single term, partner by partner: one partner's entrapment,
// divergence or fear contribution, or, if none exceeds it, the autonomy
// cost of one ally, k·c_0.
func AutonomyCost(k float64, partners []Partner, c CostParams) CostBreakdown {
	b := CostBreakdown{Largest: CostAutonomy, Partner: -1}
	b.Amount = k * c.Base // per ally, like the other terms
	for j, p := range partners {
		ent := k * c.Entrapment * p.Revisionism * (1 - c.AssuranceWeight*p.Assurance)
		div := k * c.Divergence * p.Divergence
		fear := c.Threat * p.Fear
		b.Total += k*c.Base + ent + div + fear
		for t, v := range [...]float64{CostEntrapment: ent, CostDivergence: div, CostFear: fear} {
			if t != int(CostAutonomy) && v > b.Amount {
				b.Amount, b.Largest, b.Partner = v, CostTerm(t), j
			}
		}
	}
	return b
}

// Spread is v_o = v_0·k·(1 + v_m·(|S| − 1)): more partners and a stronger
// commitment widen the gap between the best and the worst outcome.
func Spread(k float64, partners int, c CostParams) float64 {
	return c.SpreadBase * k * (1 + c.SpreadMembers*float64(partners-1))
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
// exp((v − max)/temperature), given a uniform draw u in [0, 1). Temperature
// 0 picks the first maximum. NaN values are never picked. It returns -1 for
// an empty slice.
func Softmax(values []float64, temperature, u float64) int {
	best := -1
	for i, v := range values {
		if !math.IsNaN(v) && (best < 0 || v > values[best]) {
			best = i
		}
	}
	if best < 0 || temperature <= 0 {
		return best
	}
	sum := 0.0
	for _, v := range values {
		if !math.IsNaN(v) {
			sum += math.Exp((v - values[best]) / temperature)
		}
	}
	target := u * sum
	for i, v := range values {
		if math.IsNaN(v) {
			continue
		}
		target -= math.Exp((v - values[best]) / temperature)
		if target < 0 {
			return i
		}
	}
	return best
}

// LeaveProbability is the chance that a member leaves an alliance whose stay
// value falls short of its best value without it: a two-way softmax between
// staying (credited with the exit cost) and leaving. At temperature 0 it
// leaves exactly when staying is worse by more than the exit cost.
func LeaveProbability(stay, without, exitCost, temperature float64) float64 {
	d := without - (stay + exitCost)
	if temperature <= 0 {
		if d > 0 {
			return 1
		}
		return 0
	}
	return 1 / (1 + math.Exp(-d/temperature))
}
