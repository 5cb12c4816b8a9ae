package sim

import (
	"github.com/alliancesim/alliancesim/agents"
)

// cohesionAndExit is the end of docs/model.md §7.12: every alliance's
// cohesion follows its members' threat pictures; then every member that
// reviews its policy this tick values staying against its position
// without the alliance and leaves when staying is worse by more than
// exit_cost (with the softmax noise of its temperature). A patron that
// leaves ends the alliance it founded (patron_left), but not one its
// clients had made before it joined (indigenous): they stay committed to
// each other (continueWithoutPatron). An alliance left with fewer than
// two members dissolves (members_left).
func (w *World) cohesionAndExit() {
	w.refreshCohesion()
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() {
			continue
		}
		before := al.Members
		(before & w.reviewing).Each(func(m int) {
			if !al.Active() || !al.Members.Has(m) {
				return
			}
			if w.rng.Float64() >= w.leaveProbability(al, m) {
				return
			}
			w.leave(al, m, before)
		})
	}
}

// refreshCohesion sets the cohesion of every alliance in force from its
// members' pictures now, and the ties and threats that read it.
func (w *World) refreshCohesion() {
	for a := range w.alliances {
		al := &w.alliances[a]
		if al.Active() {
			al.Cohesion = w.cohesionOf(al.Members)
		}
	}
	w.refreshAlliances()
	w.rebaseline()
}

// leave takes member m out of al, and ends al if m was the last patron of
// an alliance that cannot outlive it (patron_left, continueWithoutPatron),
// if fewer than two members are left, or if the rest are the members of
// another alliance in force, into which al dissolves (members_left).
// before is al's members when this tick's departures began: all of them
// are concerned, and reread their threats.
func (w *World) leave(al *Alliance, m int, before agents.Set) {
	al.Members = al.Members.Without(m)
	al.dismiss(m, w.tick, ExitLeft)
	w.log(Event{Type: EventLeft, Actor: m, Target: -1, Others: al.Members, Alliance: al.ID, Strong: al.Strong, Exit: ExitLeft})
	w.concerns(before)
	switch {
	case w.c.role[m] == Patron && al.Members&w.c.patrons == 0 && !w.continueWithoutPatron(al):
		w.end(al, EndPatronLeft, m, w.absorber(al, before))
	case al.Members.Len() < 2 || w.duplicate(al):
		w.end(al, EndMembersLeft, m, w.absorber(al, before))
	}
	w.refreshThreats(before)
}

// absorber is the first alliance in force (by id), other than al, whose
// members include every state in before (al's members as this tick's
// departures began), or -1; one that ends later in the tick, as its own
// members leave it, still counts. al, ending as its members leave it, is
// absorbed into that alliance rather than parted (a clients' alliance
// that its members left for a larger one, an imposed alliance whose
// clients joined their own with the same patron), a difference its end
// cause alone does not tell.
func (w *World) absorber(al *Alliance, before agents.Set) int {
	for b := range w.alliances {
		if o := &w.alliances[b]; b != al.ID && o.Active() && before&^o.Members == 0 {
			return o.ID
		}
	}
	return -1
}

// continueWithoutPatron decides what becomes of al when its last patron
// has left or been eliminated, and reports whether al goes on: an
// indigenous alliance is the clients' own, made before the patron joined
// (Cohen H2), and stays in force among them as a client alliance again,
// which a patron may join anew. An alliance the patron founded — imposed or bilateral — held
// its clients only to the patron (H3) and ends with it; so does an
// indigenous one with fewer than two members left, or with the members of
// another alliance in force.
func (w *World) continueWithoutPatron(al *Alliance) bool {
	if al.Origin != OriginIndigenous || al.Members.Len() < 2 || w.duplicate(al) {
		return false
	}
	al.HasPatron = false
	return true
}

// goesOnWithout reports whether al would stay in force with only the
// members rest, a patron having left it: as leave decides, with another
// patron in it, or an indigenous alliance among its clients
// (continueWithoutPatron), of two or more members and not those of
// another alliance in force.
func (w *World) goesOnWithout(al *Alliance, rest agents.Set) bool {
	return rest.Len() >= 2 && (rest&w.c.patrons != 0 || al.Origin == OriginIndigenous) && !w.otherWith(al, rest)
}

// leaveProbability is the chance that member m leaves al when it reviews
// its policy: agents.LeaveProbability of its stay terms.
func (w *World) leaveProbability(al *Alliance, m int) float64 {
	st := w.stayTerms(al, m, w.tick)
	return agents.LeaveProbability(st.value(), st.out, st.exitCost, w.c.decision[m].Temperature)
}

// stay is what member m weighs when it considers leaving an alliance: its
// threat without the alliance, the value of its position without it, what
// leaving costs, and the appraisal of staying, whose value is V_stay; and,
// for ExplainStay, the entrapment penalty that value carries.
type stay struct {
	without, out, exitCost, penalty float64
	appraisal                       appraisal
}

// value is V_stay, the value of staying: its appraisal's.
func (s stay) value() float64 { return s.appraisal.value }

// stayTerms values, for member m, staying in al against its position
// without it: the alliance's option value from the baseline of m's threat
// without it (for a patron, through its clients), against the sure outcome
// of that baseline, less entrapment penalties after an ally's provocation.
// A patron's threat without al is what its leaving leaves (goesOnWithout):
// where al stays in force among the others — an indigenous alliance among
// its clients, or any with another patron in it — the clients still stand
// by each other, with the cohesion they would then have, and a patron that
// reckoned al gone for all of them would overstate what it loses. tick is
// the tick whose review it is, which decides whether an entrapment
// penalty is still running.
func (w *World) stayTerms(al *Alliance, m, tick int) stay {
	c := w.c
	drop := change{drop: al.ID}
	if rest := al.Members.Without(m); c.role[m] == Patron && w.goesOnWithout(al, rest) {
		drop = change{drop: al.ID, add: rest, h: w.cohesionOf(rest), origin: al.Origin}
	}
	without := w.threatUnder(m, drop)
	penalty := 0.0
	if int(al.penaltyUntil[m]) > tick {
		penalty = c.p.EntrapmentCost
	}
	a := w.appraiseFrom(m, al.Members.Without(m), al.Strong, al.Origin, without, w.threat[m], penalty)
	alone := w.tiesUnder(m, drop).allies == 0 // no ally left without al
	out := w.checkValue(m, w.valueOf(m, w.standingAlone(m, without, alone)), "leaving an alliance")
	return stay{without: without, out: out, exitCost: w.exitCost(al, m), penalty: penalty, appraisal: a}
}

// exitCost is what leaving al costs member m: exit_cost for a commitment
// it made itself, but only 1 − μ of it (μ the assurance_weight) for a
// client of an imposed alliance, which holds only the commitment the
// patron asked of it, not one it made to the other clients
// (docs/model.md §7.12).
func (w *World) exitCost(al *Alliance, m int) float64 {
	if al.Origin == OriginImposed && w.c.role[m] == Client {
		return w.c.p.ExitCost * (1 - w.c.p.AssuranceWeight)
	}
	return w.c.p.ExitCost
}

// end closes an alliance, which the leaving or elimination of member by
// has ended, absorbed into alliance into (-1: none; see absorber).
func (w *World) end(al *Alliance, cause EndCause, by, into int) {
	al.Ended = w.tick
	al.Cause, al.EndedBy, al.AbsorbedInto = cause, by, into
	al.Members.Each(func(m int) { al.dismiss(m, w.tick, ExitEnded) })
	w.log(Event{Type: EventEnded, Actor: -1, Target: -1, Others: al.Members, Alliance: al.ID, Cause: cause})
}
