package sim

import (
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// appraisal is what a state makes of an option: its value under the
// state's valuation model, and the cost breakdown behind it (the reason it
// gives if it refuses).
type appraisal struct {
	value  float64
	gain   float64
	cost   agents.CostBreakdown
	reason int // state behind the largest cost term, -1 for autonomy
}

// cohesionOf is h over a set of states: the mean of 1 − |T_m^adv − mean|,
// on the threat pictures (T^adv gross of allied help).
func (w *World) cohesionOf(s agents.Set) float64 {
	n := s.Len()
	if n == 0 {
		return 0
	}
	mean := 0.0
	s.Each(func(m int) { mean += w.picture[m] })
	mean /= float64(n)
	h := 0.0
	s.Each(func(m int) { h += 1 - math.Abs(w.picture[m]-mean) })
	return h / float64(n)
}

// position is the value a state puts on its current position: the sure
// outcome ρ − T, less the cost of arming if it has no ally.
func (w *World) position(i int) float64 {
	// A pure function of (threat, reference, allied or not): remembered, as
	// a round asks it of the same state many times.
	alone := w.allies[i] == 0
	if m := &w.positions[i]; m.ok && m.threat == w.threat[i] && m.reference == w.reference[i] && m.alone == alone {
		return m.value
	}
	lot := agents.Sure(w.reference[i] - w.threat[i])
	if alone {
		lot = agents.SelfHelp(w.threat[i], w.reference[i], w.c.costs)
	}
	v := w.checkValue(i, w.c.valuation[i].Value(lot, &w.c.decision[i]), "its position")
	w.positions[i] = positionMemo{threat: w.threat[i], reference: w.reference[i], alone: alone, value: v, ok: true}
	return v
}

// positionMemo is the last value of position for one state.
type positionMemo struct {
	threat, reference, value float64
	alone, ok                bool
}

// appraise values, for state i, an alliance with partners S at the given
// commitment (MODEL.md §5): the gain is the fall in i's threat if every
// member of S ∪ {i} added the committed defence k·h·P of the others (for a
// patron, through the threat to the clients it holds stakes in); the honour
// probability, autonomy cost and spread follow from the partners.
func (w *World) appraise(i int, S agents.Set, strong bool) appraisal {
	c, n := w.c, w.c.n
	members := S.With(i)
	k := c.commitment(strong)
	kh := k * w.cohesionOf(members)
	affected := members
	if c.role[i] != Patron {
		affected = agents.Set(0).With(i) // only i's own threat matters
	}
	affected.Each(func(m int) {
		extra := 0.0
		members.Without(m).Each(func(j int) {
			extra += max(0, kh-w.allyW[j*n+m]) * w.proj[j*n+m]
		})
		w.dHelp[m] = extra
		w.newAlly[m] = w.allies[m] | members.Without(m)
		row := w.hypW[m*n : (m+1)*n]
		copy(row, w.curW[m*n:(m+1)*n])
		members.Without(m).Each(func(j int) { row[j] = max(row[j], kh) })
	})
	after := w.threatAfter(i, affected)
	return w.appraiseFrom(i, S, strong, w.threat[i], after, 0)
}

// appraiseFrom values an alliance with partners S for i, given i's threat
// without it (baseline) and with it (after); penalty is an extra cost
// (entrapment after a partner's provocation).
func (w *World) appraiseFrom(i int, S agents.Set, strong bool, baseline, after, penalty float64) appraisal {
	c, n := w.c, w.c.n
	k := c.commitment(strong)
	patron := c.role[i] == Patron
	np := 0
	S.Each(func(j int) {
		pt := agents.Partner{
			Revisionism: c.revisionism[j],
			Divergence:  math.Abs(w.picture[i] - w.picture[j]),
			Fear:        w.perceived[i*n+j] + c.p.GrievanceFear*c.grievance[i*n+j],
		}
		if patron {
			pt.Assurance = w.assurance[j]
		}
		w.partners[np] = pt
		np++
	})
	partners := w.partners[:np]
	cost := agents.AutonomyCost(k, partners, c.costs)
	cost.Total += penalty
	a := appraisal{gain: max(0, baseline-after), cost: cost, reason: -1}
	if cost.Partner >= 0 {
		idx := 0
		S.Each(func(j int) {
			if idx == cost.Partner {
				a.reason = j
			}
			idx++
		})
	}
	terms := agents.OptionTerms{
		Threat:    baseline,
		Reference: w.reference[i],
		Gain:      a.gain,
		Honour:    agents.HonourProbability(c.honour(strong), partners),
		Cost:      cost.Total,
		Spread:    agents.Spread(k, np, c.costs),
	}
	a.value = w.checkValue(i, c.valuation[i].Value(agents.Outcomes(terms, c.costs), &c.decision[i]), "an alliance")
	return a
}

// bestCommitment appraises S at both commitments and returns the better.
func (w *World) bestCommitment(i int, S agents.Set) (appraisal, bool) {
	weak := w.appraise(i, S, false)
	strong := w.appraise(i, S, true)
	if strong.value > weak.value {
		return strong, true
	}
	return weak, false
}
