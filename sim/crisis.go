package sim

import (
	"math"
	"slices"

	"github.com/alliancesim/alliancesim/agents"
)

// cancelledShock is the size below which a sum of intent shocks counts as
// none: what floating-point rounding leaves of shocks that cancel
// (0.1 + 0.2 − 0.1 − 0.2 is 2.8·10⁻¹⁷, not 0). A sum of shocks that is
// zero leaves a revisionism as given, where any other is first kept
// inside [0.01, 0.99] (agents.ShockedRevisionism), so a residue of
// rounding would lift a revisionism of 0 to 0.01 for good. Shocks are
// given on the logit scale to a few decimals; none is near so small.
const cancelledShock = 1e-9

// addShock adds a shock of size d to the sum *sum, which it sets to zero
// when the shocks cancel (cancelledShock).
func addShock(sum *float64, d float64) {
	*sum += d
	if math.Abs(*sum) < cancelledShock {
		*sum = 0
	}
}

// cellsOf is ⌈fraction·count⌉, the cells a scripted occupation or
// withdrawal moves (docs/model.md §7.15), for the fraction as the
// scenario writes it: the float nearest 0.07 is a little above it, and
// 0.07·100 is 7.000000000000001, whose ceiling would be 8. A product
// within 10⁻⁹ above a whole number is taken as that number; the rounding
// of a fraction in [0, 1] times a count of cells is far below that.
//
// A fraction above 0 of a state's cells moves at least one: a product
// below 10⁻⁹ would otherwise move none, and a withdrawal that hands back
// none would revive an eliminated state without a cell.
func cellsOf(fraction float64, count int) int {
	if fraction <= 0 || count <= 0 {
		return 0
	}
	return max(1, int(math.Ceil(fraction*float64(count)-1e-9)))
}

// applyScripted carries out the scripted shocks of this tick, in file order.
func (w *World) applyScripted() {
	c, n := w.c, w.c.n
	for ; w.nextScript < len(c.events) && c.events[w.nextScript].Tick <= w.tick; w.nextScript++ {
		e := &c.events[w.nextScript]
		cells, revived, unchanged := 0, false, false
		switch e.Kind {
		case ScriptIntent:
			// A shock moves the actor's revisionism on the logit scale, as
			// every state reads it (or only the target).
			for i := 0; i < n; i++ {
				if i != e.actor && (e.target < 0 || e.target == i) {
					addShock(&w.shift[i*n+e.actor], e.Delta)
				}
			}
			if e.target < 0 {
				addShock(&w.actorShift[e.actor], e.Delta)
			}
		case ScriptOccupy:
			// An eliminated state takes nothing: it is out of the game.
			if w.alive[e.actor] {
				k := cellsOf(e.Fraction, w.geo.Cells(e.target))
				cells = w.occupy(e.actor, e.target, k)
			}
		case ScriptWithdraw:
			dead := !w.alive[e.target]
			cells = w.withdraw(e.actor, e.target, e.Fraction)
			revived = dead && w.alive[e.target]
		case ScriptCapability:
			if e.SetLand {
				w.land[e.actor] = e.Land
			}
			if e.SetNaval {
				w.naval[e.actor] = e.Naval
			}
			if e.SetEconomy {
				w.economy[e.actor] = e.Economy
				w.inputsMoved()
			}
			w.forcesDirty = true
		case ScriptSovereignty:
			unchanged = w.sovereign[e.actor] == e.Sovereign
			w.sovereign[e.actor] = e.Sovereign
		case ScriptIdeology:
			// A change of regime or of alignment moves the actor's
			// ideology, and with it the intent every state reads into it
			// and it into them (docs/model.md §7.2).
			w.ideology[e.actor] = e.Ideology
		}
		w.log(Event{Type: EventScripted, Actor: e.actor, Target: e.target, Alliance: -1, Cells: cells, Script: e.file, Revived: revived, Unchanged: unchanged})
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
		// Taking a state's last cells eliminates it; a state that never had
		// a cell stays alive (docs/model.md §2.1), however often it is
		// "occupied". So does handing back its last cells: a withdrawal
		// from the only land an occupier still held, its own lost
		// meanwhile; one that had no land at the start is back as it began,
		// alive without a cell.
		if e.Kind == ScriptOccupy && cells > 0 && w.geo.Cells(e.target) == 0 && w.alive[e.target] {
			w.eliminate(e.target)
		}
		if e.Kind == ScriptWithdraw && cells > 0 && w.geo.Cells(e.actor) == 0 && w.alive[e.actor] && w.c.geo.Cells(e.actor) > 0 {
			w.eliminate(e.actor)
		}
	}
}

// joinDesignated brings a newly sovereign state into the alliances its
// patron signed it up to.
func (w *World) joinDesignated(s int) {
	if !w.sovereign[s] || !w.alive[s] {
		return // an eliminated state regains no membership (eliminate)
	}
	if w.forcesDirty {
		// A capability or territory event earlier in this tick: bring the
		// raw readings up to date with it first (rebaseline), so that the
		// joins below shift what the members perceive by what the
		// alliance changes alone, not also by the event, which reaches
		// perception at the next reading, with its lag (§7.2.1).
		w.refreshForces()
		w.rebaseline()
	}
	for a := range w.alliances {
		if al := &w.alliances[a]; al.Active() && al.Designated.Has(s) {
			al.Designated = al.Designated.Without(s)
			if w.exists(al.Members.With(s)) {
				w.log(Event{Type: EventLapsed, Actor: -1, Target: s, Alliance: al.ID, Strong: al.Strong})
			} else {
				if al.Origin == OriginBilateral && al.Members == al.Founders {
					// the patron's multilateral that too few could sign to
					// be imposed (form): its invitees accepted an imposed
					// alliance, not pledges to each other, and with s in it
					// has the three members that make it one. Not where a
					// client has applied to it since: it was voted in on
					// a bilateral's pledges, which stand.
					al.Origin, al.OriginSince = OriginImposed, w.tick
				}
				w.join(al, s, EntrySovereignty)
			}
		}
	}
	kept := w.pending[:0]
	for _, t := range w.pending {
		if t.client != s {
			kept = append(kept, t)
			continue
		}
		// It takes effect, unless the patron is gone, its ties to s are in
		// force already, or it has lost its sovereignty since (form signs
		// nothing then): it lapses.
		if !w.alive[t.patron] || w.ties[t.patron].allies.Has(s) ||
			w.form(agents.Set(0).With(t.patron).With(s), t.strong, OriginBilateral) == nil {
			w.log(Event{Type: EventLapsed, Actor: t.patron, Target: s, Alliance: -1, Strong: t.strong})
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
	k := cellsOf(fraction, len(cells))
	w.setGeometry(w.geo.Transfer(actor, target, cells[:k]))
	if !w.alive[target] {
		w.alive[target] = true
		w.inputsMoved()
	}
	w.forcesDirty = true
	w.concerns(agents.Set(0).With(actor).With(target))
	return k
}

// eliminate removes a wholly occupied state from the game and from its
// alliances. An alliance left with fewer than two members ends, and so
// does a patron's alliance whose last patron it was, unless its clients
// had made it before the patron joined, as when the patron leaves
// (World.continueWithoutPatron, docs/model.md §7.12); the cause is
// occupied. From an alliance that goes on, the state drops out: a left
// event with exit occupied says so.
func (w *World) eliminate(s int) {
	w.alive[s] = false
	w.inputsMoved()
	w.log(Event{Type: EventEliminated, Actor: -1, Target: s, Alliance: -1})
	// The treaties signed for it, or by it, awaiting sovereignty, lapse.
	kept := w.pending[:0]
	for _, t := range w.pending {
		if t.client != s && t.patron != s {
			kept = append(kept, t)
			continue
		}
		w.log(Event{Type: EventLapsed, Actor: t.patron, Target: t.client, Alliance: -1, Strong: t.strong})
	}
	w.pending = kept
	for a := range w.alliances {
		al := &w.alliances[a]
		if al.Active() && al.Designated.Has(s) {
			al.Designated = al.Designated.Without(s)
			w.log(Event{Type: EventLapsed, Actor: -1, Target: s, Alliance: al.ID, Strong: al.Strong})
		}
		if !al.Active() || !al.Members.Has(s) {
			continue
		}
		al.Members = al.Members.Without(s)
		al.dismiss(s, w.tick, ExitOccupied)
		lastPatron := al.HasPatron && al.Members&w.c.patrons == 0
		if (lastPatron && !w.continueWithoutPatron(al)) || al.Members.Len() < 2 || w.duplicate(al) {
			w.end(al, EndOccupied, s, -1)
			continue
		}
		w.log(Event{Type: EventLeft, Actor: s, Target: -1, Others: al.Members, Alliance: al.ID, Strong: al.Strong, Exit: ExitOccupied})
	}
	w.concerns(agents.Set(0).With(s))
	w.forcesDirty = true
}

// crises is docs/model.md §7.10–§7.11: adversary challenges, then
// provocations by revisionist clients and their restraint by patrons. An
// unrestrained provocation is a crisis the client started with its foe.
// Forces and geometry are refreshed after every occupation, so that later
// crises in the tick face the new map.
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
		if w.rng.Float64() >= c.calendar.PerTick(agents.ProvokeProbability(r, c.p.ProvokeRate)) {
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
			w.log(Event{Type: EventRestraint, Actor: patron, Target: v, Others: agents.Set(0).With(foe), Alliance: -1})
			return
		}
		// The provocation is a crisis between v and its foe that v
		// started: its allies are asked to come, everyone remembers v's
		// aggression, and the foe may take v's cells (§7.11).
		honoured, help := w.honouring(v)
		w.log(Event{Type: EventProvocation, Actor: v, Target: foe, Others: honoured, Alliance: -1})
		w.remember(v)
		until := int32(w.tick + c.p.EntrapmentMemory)
		for i := range w.alliances {
			al := &w.alliances[i]
			if al.Active() && al.Strong && al.Members.Has(v) {
				// Only the members pledged to come for v are dragged into
				// its fight: a fellow client of an imposed alliance is
				// never asked to come (honouring), so it pays nothing.
				al.Members.Without(v).Each(func(m int) {
					if w.pledged(al.Origin, v, m) { // m pledged to come for v
						al.penaltyUntil[m] = until
					}
				})
				w.concerns(al.Members) // the allies will weigh whether to stay
			}
		}
		w.confront(foe, v, help)
		if w.forcesStale() {
			w.refreshForces()
			w.rebaseline()
		}
	})
	if w.forcesStale() {
		w.refreshForces()
		w.rebaseline()
	}
}

// challengeProbability is the chance that adversary a challenges client v
// this tick (docs/model.md §7.10): challenge_rate·σ(κ_c·(r_a·Occ(a,v) −
// θ_c)) per month, r_a the adversary's revisionism as the scripted shocks
// left it and Occ the occupation threat it can pose, v's allies' denial
// and punishment included; over a longer tick, the chance of at least one
// monthly challenge (Calendar.PerTick).
func (w *World) challengeProbability(a, v int) float64 {
	occ := w.occupation(a, v, w.defK[v], &w.ties[v])
	return w.c.calendar.PerTick(agents.ChallengeProbability(w.revisionismOf(a), occ, w.c.challenge))
}

// restrain gives one patron one chance to hold v back before the crisis
// starts: among v's alliances with a patron, the tightest (the highest
// control probability: bilateral, trilateral, multilateral; the first in
// alliance order on a tie) gives its lowest-index patron a draw with that
// probability (docs/model.md §7.11). It returns the patron and whether it
// held v back (-1 and false if v has no patron ally, or every such
// alliance's control probability is 0).
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

// challenge is adversary a's challenge of client v (docs/model.md §7.10):
// v's allies are asked to come, every other state remembers a's
// aggression, and a occupies cells of v if v's defence, with the allies
// that came, cannot hold it.
func (w *World) challenge(a, v int) {
	honoured, help := w.honouring(v)
	w.log(Event{Type: EventChallenge, Actor: a, Target: v, Others: honoured, Alliance: -1})
	w.remember(a)
	w.confront(a, v, help)
}

// honouring asks each ally j of v in a crisis, once, through the shared
// alliance in which it is likeliest to come — pledged to v (standBy), the
// largest p_k·h — and returns the allies that came and the help h·P(j→v)
// they bring.
func (w *World) honouring(v int) (honoured agents.Set, help float64) {
	c, n := w.c, w.c.n
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
	return honoured, help
}

// remember raises every other state's memory of the aggressor's
// aggression by aggression_memory, capped at 1.
func (w *World) remember(aggressor int) {
	c, n := w.c, w.c.n
	for i := 0; i < n; i++ {
		if i != aggressor {
			w.memory[i*n+aggressor] = min(1, w.memory[i*n+aggressor]+c.p.AggressionMemory)
		}
	}
}

// confront settles a crisis between adversary a and client v: a takes
// occupy_cells of v's cells nearest to it if its force exceeds (1 +
// occupy_margin) times v's defence with the help of the allies that came,
// and a client left with no cells is eliminated.
func (w *World) confront(a, v int, help float64) {
	c, n := w.c, w.c.n
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
