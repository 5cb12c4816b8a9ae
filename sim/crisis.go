package sim

import (
	"math"
	"slices"

	"github.com/alliancesim/alliancesim/agents"
)

// applyScripted carries out the scripted shocks of this tick, in file order.
func (w *World) applyScripted() {
	c, n := w.c, w.c.n
	for ; w.nextScript < len(c.events) && c.events[w.nextScript].Tick <= w.tick; w.nextScript++ {
		e := &c.events[w.nextScript]
		cells := 0
		switch e.Kind {
		case ScriptIntent:
			// A shock moves the actor's revisionism on the logit scale, as
			// every state reads it (or only the target).
			for i := 0; i < n; i++ {
				if i != e.actor && (e.target < 0 || e.target == i) {
					w.shift[i*n+e.actor] += e.Delta
				}
			}
			if e.target < 0 {
				w.actorShift[e.actor] += e.Delta
			}
		case ScriptOccupy:
			k := int(math.Ceil(e.Fraction * float64(w.geo.Cells(e.target))))
			cells = w.occupy(e.actor, e.target, k)
		case ScriptWithdraw:
			cells = w.withdraw(e.actor, e.target, e.Fraction)
		case ScriptCapability:
			if e.SetLand {
				w.land[e.actor] = e.Land
			}
			if e.SetNaval {
				w.naval[e.actor] = e.Naval
			}
			if e.SetEconomy {
				w.economy[e.actor] = e.Economy
			}
			w.forcesDirty = true
		case ScriptSovereignty:
			w.sovereign[e.actor] = e.Sovereign
		case ScriptIdeology:
			// A change of regime or of alignment moves the actor's
			// ideology, and with it the intent every state reads into it
			// and it into them (docs/model.md §7.2).
			w.ideology[e.actor] = e.Ideology
		}
		w.log(Event{Type: EventScripted, Actor: e.actor, Target: e.target, Alliance: -1, Cells: cells, Script: w.nextScript})
		// A scripted event concerns the states it names (and, through
		// them, their partners); an intent shock also reaches everyone
		// through the threat it moves.
		named := agents.Set(0).With(e.actor)
		if e.target >= 0 {
			named = named.With(e.target)
		}
		w.concerns(named)
		if e.Kind == ScriptSovereignty {
			w.joinDesignated(e.actor)
		}
		if e.Kind == ScriptOccupy && w.geo.Cells(e.target) == 0 && w.alive[e.target] {
			w.eliminate(e.target)
		}
	}
}

// joinDesignated brings a newly sovereign state into the alliances its
// patron signed it up to.
func (w *World) joinDesignated(s int) {
	if !w.sovereign[s] {
		return
	}
	for a := range w.alliances {
		if al := &w.alliances[a]; al.Active() && al.Designated.Has(s) {
			al.Designated = al.Designated.Without(s)
			if !w.exists(al.Members.With(s)) {
				w.join(al, s, EntrySovereignty)
			}
		}
	}
	kept := w.pending[:0]
	for _, t := range w.pending {
		switch {
		case t.client != s:
			kept = append(kept, t)
		case w.alive[t.patron] && !w.ties[t.patron].allies.Has(s):
			w.form(agents.Set(0).With(t.patron).With(s), t.strong, OriginBilateral)
		}
	}
	w.pending = kept
}

// occupy moves the k cells of target nearest to actor to actor.
func (w *World) occupy(actor, target, k int) int {
	geo, taken := w.geo.Occupy(actor, target, k)
	w.setGeometry(geo)
	if taken > 0 {
		w.forcesDirty = true
		w.concerns(agents.Set(0).With(actor).With(target))
	}
	return taken
}

// withdraw hands back to target a fraction of the cells actor holds that
// were target's at the start, those nearest the target's remaining
// territory first (ties by cell index).
func (w *World) withdraw(actor, target int, fraction float64) int {
	orig := w.c.geo.Grid().Owner
	var cells []int
	for i, o := range w.geo.Grid().Owner {
		if int(o) == actor && int(orig[i]) == target {
			cells = append(cells, i)
		}
	}
	if len(cells) == 0 {
		return 0
	}
	if field := w.geo.Field(target); field != nil {
		slices.SortStableFunc(cells, func(a, b int) int {
			switch {
			case field[a] < field[b]:
				return -1
			case field[a] > field[b]:
				return 1
			}
			return a - b
		})
	}
	k := int(math.Ceil(fraction * float64(len(cells))))
	w.setGeometry(w.geo.Transfer(actor, target, cells[:k]))
	if !w.alive[target] {
		w.alive[target] = true
	}
	w.forcesDirty = true
	w.concerns(agents.Set(0).With(actor).With(target))
	return k
}

// eliminate removes a wholly occupied state from the game and from its
// alliances. An alliance left with fewer than two members ends, and so
// does a patron's alliance whose last patron it was: without its patron
// it is not the alliance its members signed, as when the patron leaves
// (patron_left, docs/model.md §7.12); the cause is occupied.
func (w *World) eliminate(s int) {
	w.alive[s] = false
	w.log(Event{Type: EventEliminated, Actor: -1, Target: s, Alliance: -1})
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() || !al.Members.Has(s) {
			continue
		}
		al.Members = al.Members.Without(s)
		al.dismiss(s, w.tick, ExitOccupied)
		patronGone := al.HasPatron && al.Members&w.c.patrons == 0
		if al.Members.Len() < 2 || w.duplicate(al) || patronGone {
			w.end(al, EndOccupied)
		}
	}
	w.concerns(agents.Set(0).With(s))
	w.forcesDirty = true
}

// crises is docs/model.md §7.10–§7.11: adversary challenges, then
// provocations by revisionist clients and their restraint by patrons.
// Forces and geometry are refreshed after every occupation, so that later
// challenges in the tick face the new map.
func (w *World) crises() {
	c, n := w.c, w.c.n
	c.adversaries.Each(func(a int) {
		if !w.alive[a] {
			return
		}
		c.clients.Each(func(v int) {
			if !w.alive[v] || !w.alive[a] {
				return
			}
			if w.rng.Float64() < w.challengeProbability(a, v) {
				w.challenge(a, v)
				if w.forcesStale() {
					w.refreshForces()
					w.rebaseline()
				}
			}
		})
	})
	c.clients.Each(func(v int) {
		// A client that is not revisionist, as every state reads it after
		// the scripted shocks, cannot provoke: no draw.
		r := w.revisionismOf(v)
		if !w.alive[v] || r <= 0 {
			return
		}
		if w.rng.Float64() >= agents.ProvokeProbability(r, c.p.ProvokeRate) {
			return
		}
		foe, worst := -1, -1.0
		c.adversaries.Each(func(a int) {
			if w.alive[a] && w.perceived[v*n+a] > worst {
				foe, worst = a, w.perceived[v*n+a]
			}
		})
		if foe < 0 {
			return
		}
		if patron, ok := w.restrain(v); ok {
			w.log(Event{Type: EventRestraint, Actor: patron, Target: v, Alliance: -1})
			return
		}
		w.log(Event{Type: EventProvocation, Actor: v, Target: foe, Alliance: -1})
		until := int32(w.tick + c.p.EntrapmentMemory)
		for i := range w.alliances {
			al := &w.alliances[i]
			if al.Active() && al.Strong && al.Members.Has(v) {
				al.Members.Without(v).Each(func(m int) { al.penaltyUntil[m] = until })
				w.concerns(al.Members) // the allies will weigh whether to stay
			}
		}
	})
	if w.forcesStale() {
		w.refreshForces()
		w.rebaseline()
	}
}

// challengeProbability is the chance that adversary a challenges client v
// this tick (docs/model.md §7.10): challenge_rate·σ(κ_c·(r_a·Occ(a,v) −
// θ_c)), r_a the adversary's revisionism as the scripted shocks left it
// and Occ the occupation threat it can pose, v's allies' denial and
// punishment included.
func (w *World) challengeProbability(a, v int) float64 {
	n := w.c.n
	occ := agents.Occupation(agents.Denial(w.projK[a*n+v], w.defK[v]), w.cred[a*n+v], w.punished(a, &w.ties[v]))
	return agents.ChallengeProbability(w.revisionismOf(a), occ, w.c.challenge)
}

// restrain gives each patron allied with v one chance, with the control
// probability of the tightest alliance they share (bilateral, trilateral or
// multilateral), to hold v back before the crisis starts.
func (w *World) restrain(v int) (int, bool) {
	c := w.c
	patron, best := -1, 0.0
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() || !al.HasPatron || !al.Members.Has(v) {
			continue
		}
		if pr := c.control(al.Members.Len()); pr > best {
			best = pr
			patron = -1
			(al.Members & c.patrons).Each(func(p int) {
				if patron < 0 {
					patron = p
				}
			})
		}
	}
	if patron < 0 {
		return -1, false
	}
	return patron, w.rng.Float64() < best
}

// challenge plays out a crisis: each ally of the victim is asked once,
// through the alliance in which it is likeliest to come, and honours with
// probability p_k·h of that alliance, bringing h of its projected force;
// if the adversary's projected force beats the defence counted with
// honouring allies by the margin, it occupies occupy_cells cells. Every
// state remembers the aggression.
func (w *World) challenge(a, v int) {
	c, n := w.c, w.c.n
	var honoured agents.Set
	help := 0.0
	w.ties[v].allies.Each(func(j int) {
		weight, pHonour := 0.0, 0.0
		for i := range w.alliances {
			al := &w.alliances[i]
			if !al.Active() || !al.Members.Has(v) || !al.Members.Has(j) || !w.pledged(al.Origin, v, j) {
				continue
			}
			if p := c.honour(al.Strong) * al.Cohesion; p > pHonour {
				weight, pHonour = al.Cohesion, p
			}
		}
		if weight > 0 && w.rng.Float64() < pHonour {
			honoured = honoured.With(j)
			help += weight * w.proj[j*n+v]
		}
	})
	w.log(Event{Type: EventChallenge, Actor: a, Target: v, Others: honoured, Alliance: -1})
	for i := 0; i < n; i++ {
		if i != a {
			w.memory[i*n+a] = min(1, w.memory[i*n+a]+c.p.AggressionMemory)
		}
	}
	def := w.geo.Defence(v, w.land[v], help)
	if !agents.Occupies(w.proj[a*n+v], def, c.p.OccupyMargin) {
		return
	}
	if taken := w.occupy(a, v, c.p.OccupyCells); taken > 0 {
		w.log(Event{Type: EventOccupation, Actor: a, Target: v, Alliance: -1, Cells: taken})
	}
	if w.geo.Cells(v) == 0 {
		w.eliminate(v)
	}
}

// decay lets remembered aggression fade by memory_decay per tick
// (multiplicatively: a share of what is left, so memories never go
// negative).
func (w *World) decay() {
	f := 1 - w.c.p.MemoryDecay
	for k, m := range w.memory {
		if m != 0 {
			w.memory[k] = m * f
		}
	}
}
