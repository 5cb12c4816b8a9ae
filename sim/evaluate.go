package sim

import (
	"github.com/alliancesim/alliancesim/agents"
)

// appraisal is what a state makes of an option: its value under the
// state's valuation model, the terms it was computed from, and the cost
// breakdown behind them (the reason it gives if it refuses).
type appraisal struct {
	value  float64
	terms  agents.OptionTerms
	cost   agents.CostBreakdown
	reason int // state behind the largest cost term, -1 for autonomy
}

// cohesionOf is h over a set of states: agents.Cohesion of their threat
// pictures (T^adv gross of allied help).
func (w *World) cohesionOf(s agents.Set) float64 {
	var buf [MaxStates]float64
	pics := buf[:0]
	s.Each(func(m int) { pics = append(pics, w.picture[m]) })
	return agents.Cohesion(pics)
}

// position is the value a state puts on its current position: the sure
// outcome ρ − T, less the cost of arming if it has no ally.
func (w *World) position(i int) float64 {
	// A pure function of (threat, reference, allied or not): remembered, as
	// a round asks it of the same state many times.
	alone := w.ties[i].allies == 0
	if m := &w.positions[i]; !w.noCache && m.ok && m.threat == w.threat[i] && m.reference == w.reference[i] && m.alone == alone {
		return m.value
	}
	v := w.checkValue(i, w.valueOf(i, w.standingAlone(i, w.threat[i], alone)), "its position")
	w.positions[i] = positionMemo{threat: w.threat[i], reference: w.reference[i], alone: alone, value: v, ok: true}
	return v
}

// standingAlone is state i's lot at a threat it bears without a new
// alliance: the sure ρ − T, or, with no ally (alone), self-help, which
// arms at arms_cost (agents.SelfHelp). Its position and its value of
// leaving an alliance (stayTerms) both value it.
func (w *World) standingAlone(i int, threat float64, alone bool) agents.Lottery {
	if alone {
		return agents.SelfHelp(threat, w.reference[i], w.c.costs)
	}
	return agents.Sure(w.reference[i] - threat)
}

// positionMemo is the last value of position for one state.
type positionMemo struct {
	threat, reference, value float64
	alone, ok                bool
}

// appraise values, for state i, an alliance of the given origin with
// partners S at the given commitment (docs/model.md §7.4): the gain is the
// fall in i's threat if the alliance stood and its members came, every
// member standing by the others with its cohesion h (in an imposed
// alliance the clients only by the patron); for a patron through the
// threat to the clients it holds stakes in. The commitment sets the chance
// that they come (the honour probability), the fights the state may be
// dragged into (entrapment and divergence costs) and the spread, not the
// size of the gain.
func (w *World) appraise(i int, S agents.Set, strong bool, origin Origin) appraisal {
	return w.appraiseFrom(i, S, strong, origin, w.threat[i], w.threatIf(i, S, origin), 0)
}

// threatIf is i's threat if an alliance of i and S of the given origin
// stood and its members came: the same at either commitment, so a caller
// that values both computes it once.
func (w *World) threatIf(i int, S agents.Set, origin Origin) float64 {
	return w.threatUnder(i, w.hypothetical(i, S, origin))
}

// hypothetical is the change of an alliance of i and S of the given
// origin, its members standing by each other with its cohesion h if they
// come (at either commitment).
func (w *World) hypothetical(i int, S agents.Set, origin Origin) change {
	members := S.With(i)
	return change{add: members, h: w.cohesionOf(members), origin: origin, drop: -1}
}

// grown is the change of alliance al taking in x: al as it stands dropped,
// and its members with x added, standing by each other with the cohesion
// they would then have (h of al ∪ {x}, as formation and step 6 of a tick
// give it) — not at the larger of that and al's present cohesion, as an
// alliance beside al would.
func (w *World) grown(al *Alliance, x int, origin Origin) change {
	members := al.Members.With(x)
	return change{add: members, h: w.cohesionOf(members), origin: origin, drop: al.ID}
}

// asIs is the change of alliance al standing as it does: no change of
// ties, written as grown writes one (what a member weighs a newcomer
// against).
func (w *World) asIs(al *Alliance) change {
	return change{add: al.Members, h: al.Cohesion, origin: al.Origin, drop: al.ID}
}

// newcomerCost is the largest term newcomer x would add to member m's
// autonomy cost of alliance al grown by it, at the grown alliance's origin
// and al's commitment (agents.Partner.LargestCost), with the state it
// names: x, or -1 for the autonomy term, which an offer's refusal names no
// state for either. It is the reason m gives when it votes x down
// (docs/model.md §7.9): what x would cost it, not what the allies it
// already has cost it, which are the same with x or without (but for a
// patron's control of its clients, which falls as the alliance grows).
func (w *World) newcomerCost(m int, al *Alliance, x int, origin Origin) (agents.CostTerm, int) {
	S := al.Members.Without(m).With(x)
	partners := w.partnerTerms(m, S, origin, w.partners[:0])
	p := partners[(S & (1<<uint(x) - 1)).Len()] // partners are in index order
	term, _ := p.LargestCost(w.c.commitment(al.Strong), w.c.costs)
	if term == agents.CostAutonomy {
		return term, -1
	}
	return term, x
}

// appraiseUnder is appraise with i's threat under a given change (an
// alliance grown by a newcomer, or as it stands).
func (w *World) appraiseUnder(i int, S agents.Set, strong bool, origin Origin, ch change) appraisal {
	return w.appraiseFrom(i, S, strong, origin, w.threat[i], w.threatUnder(i, ch), 0)
}

// appraiseFrom values an alliance of the given origin with partners S for
// i, given i's threat without it (baseline) and with it (after); penalty
// is an extra cost (entrapment after a partner's provocation).
func (w *World) appraiseFrom(i int, S agents.Set, strong bool, origin Origin, baseline, after, penalty float64) appraisal {
	return w.appraiseWith(i, S, strong, w.partnerTerms(i, S, origin, w.partners[:0]), baseline, after, penalty)
}

// appraiseWith is appraiseFrom given the partners' terms,
// partnerTerms(i, S, origin): they do not depend on the commitment, so a
// caller that values both reads them once (bestCommitment).
func (w *World) appraiseWith(i int, S agents.Set, strong bool, partners []agents.Partner, baseline, after, penalty float64) appraisal {
	c := w.c
	k := c.commitment(strong)
	np := len(partners)
	cost := agents.AutonomyCost(k, partners, c.costs)
	cost.Total += penalty
	a := appraisal{cost: cost, reason: -1}
	if cost.PartnerPos >= 0 {
		idx := 0
		S.Each(func(j int) {
			if idx == cost.PartnerPos {
				a.reason = j
			}
			idx++
		})
	}
	a.terms = agents.OptionTerms{
		Threat:    baseline,
		Reference: w.reference[i],
		Gain:      max(0, baseline-after),
		Honour:    agents.HonourProbability(c.honour(strong), partners),
		Cost:      cost.Total,
		Spread:    c.spreadOf(strong, np),
	}
	a.value = w.checkValue(i, w.valueOf(i, agents.Outcomes(a.terms, c.costs)), "an alliance")
	return a
}

// partnerTerms appends to buf what i weighs about each partner in S
// (agents.Partner), in index order, for an alliance of S and i of the
// given origin. A partner not pledged to come for i in it (a fellow
// client of an imposed alliance) is Unpledged.
func (w *World) partnerTerms(i int, S agents.Set, origin Origin, buf []agents.Partner) []agents.Partner {
	c, n := w.c, w.c.n
	patron := c.role[i] == Patron
	size := S.Len() + 1
	S.Each(func(j int) {
		pt := agents.Partner{
			Weight:      agents.RelativeWeight(w.economy[i], w.economy[j]),
			Revisionism: w.revisionismOf(j),
			Divergence:  agents.Divergence(w.picture[i], w.picture[j]),
			Fear:        w.perceived[i*n+j] + c.p.GrievanceFear*c.grievance[i*n+j],
		}
		if patron && c.role[j] == Client {
			pt.Assurance = w.assurance[j]
			pt.Control = c.control(size)
		}
		pt.Unpledged = !w.pledged(origin, i, j)
		buf = append(buf, pt)
	})
	return buf
}

// bestCommitment appraises S at both commitments and returns the better.
// The threat with S and the partners' terms are the same at either
// commitment: it reads them once.
func (w *World) bestCommitment(i int, S agents.Set, origin Origin) (appraisal, bool) {
	after := w.threatIf(i, S, origin)
	partners := w.partnerTerms(i, S, origin, w.partners[:0])
	weak := w.appraiseWith(i, S, false, partners, w.threat[i], after, 0)
	strong := w.appraiseWith(i, S, true, partners, w.threat[i], after, 0)
	if strong.value > weak.value {
		return strong, true
	}
	return weak, false
}

// revisionismOf is j's revisionism as every state reads it: its own,
// moved by the scripted shocks read into it by all (docs/model.md §7.2).
// It is kept from the last call while no new shock has moved
// actorShift[j] (cache.go), as partnerTerms asks it of every partner of
// every set a search scores.
func (w *World) revisionismOf(j int) float64 {
	return w.shockedMemo(j, w.actorShift[j], &w.actorShocked[j], &w.actorShockedAt[j])
}
