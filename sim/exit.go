package sim

import (
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// cohesionAndExit is the end of MODEL.md §7: every alliance's cohesion
// follows its members' threat pictures; then every member values staying
// against its position without the alliance and leaves when staying is
// worse by more than exit_cost (with the softmax noise of its temperature).
// A patron that leaves ends the alliance (patron_left); an alliance left
// with fewer than two members dissolves (members_left).
func (w *World) cohesionAndExit() {
	for a := range w.alliances {
		al := &w.alliances[a]
		if al.Active() {
			al.Cohesion = w.cohesionOf(al.Members)
		}
	}
	w.refreshAlliances()
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() {
			continue
		}
		before := al.Members
		before.Each(func(m int) {
			if !al.Active() || !al.Members.Has(m) {
				return
			}
			if w.rng.Float64() >= w.leaveProbability(al, m) {
				return
			}
			al.Members = al.Members.Without(m)
			al.dismiss(m, w.tick, ExitLeft)
			w.log(Event{Type: EventLeft, Actor: m, Target: -1, Others: al.Members, Alliance: al.ID, Strong: al.Strong})
			w.changed()
			switch {
			case w.c.role[m] == Patron && al.Members&w.c.patrons == 0:
				w.end(al, EndPatronLeft)
			case al.Members.Len() < 2 || w.duplicate(al):
				// fewer than two left, or the same members as another
				// alliance in force: it dissolves into that one
				w.end(al, EndMembersLeft)
			}
			w.refreshThreats(before)
		})
	}
}

// leaveProbability values, for member m, staying in al against its
// position without it. Like a search for partners, the valuation is redone
// only when something changed — the world (alliances, territory, forces,
// sovereignty), m's threat or the alliance's cohesion by reconsider, or an
// entrapment penalty starting or ending; otherwise the last probability
// stands and only the draw is new.
func (w *World) leaveProbability(al *Alliance, m int) float64 {
	penalised := int(al.penaltyUntil[m]) > w.tick
	memo := &al.exit[m]
	if memo.valid && memo.version == w.version && memo.penalised == penalised &&
		math.Abs(memo.threat-w.threat[m]) < w.c.p.Reconsider && math.Abs(memo.cohesion-al.Cohesion) < w.c.p.Reconsider {
		return memo.p
	}
	p := w.valueExit(al, m, penalised)
	*memo = exitMemo{version: w.version, threat: w.threat[m], cohesion: al.Cohesion, penalised: penalised, p: p, valid: true}
	return p
}

// valueExit is leaveProbability without the memo.
func (w *World) valueExit(al *Alliance, m int, penalised bool) float64 {
	c := w.c
	affected := agents.Set(0).With(m)
	if c.role[m] == Patron {
		affected = al.Members
	}
	affected.Each(func(x int) { w.withoutAlliance(al, x) })
	without := w.threatAfter(m, affected)
	penalty := 0.0
	if penalised {
		penalty = c.p.EntrapmentCost
	}
	stay := w.appraiseFrom(m, al.Members.Without(m), al.Strong, without, w.threat[m], penalty).value
	lot := agents.Sure(w.reference[m] - without)
	if w.newAlly[m] == 0 { // no ally left without al
		lot = agents.SelfHelp(without, w.reference[m], c.costs)
	}
	alone := w.checkValue(m, c.valuation[m].Value(lot, &c.decision[m]), "leaving an alliance")
	return agents.LeaveProbability(stay, alone, c.p.ExitCost, c.decision[m].Temperature)
}

// withoutAlliance sets w.dHelp[x] and w.newAlly[x] to what x would have if
// al did not exist: help only from partners it shares another alliance with.
func (w *World) withoutAlliance(al *Alliance, x int) {
	n := w.c.n
	lost := 0.0
	allies := w.allies[x]
	row := w.hypW[x*n : (x+1)*n]
	copy(row, w.curW[x*n:(x+1)*n])
	al.Members.Without(x).Each(func(j int) {
		other := 0.0
		shared := false
		for b := range w.alliances {
			ob := &w.alliances[b]
			if b != al.ID && ob.Active() && ob.Members.Has(j) && ob.Members.Has(x) {
				shared = true
				other = math.Max(other, w.c.commitment(ob.Strong)*ob.Cohesion)
			}
		}
		lost += (w.allyW[j*n+x] - other) * w.proj[j*n+x]
		row[j] = other
		if !shared {
			allies = allies.Without(j)
		}
	})
	w.dHelp[x] = -lost
	w.newAlly[x] = allies
}

// end closes an alliance.
func (w *World) end(al *Alliance, cause EndCause) {
	al.Ended = w.tick
	al.Cause = cause
	al.Members.Each(func(m int) { al.dismiss(m, w.tick, ExitEnded) })
	w.log(Event{Type: EventEnded, Actor: -1, Target: -1, Others: al.Members, Alliance: al.ID, Cause: cause})
}
