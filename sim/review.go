package sim

import (
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// Policy review (docs/model.md §7.13) is bounded rationality: governments
// do not reopen their alliance policy every month when nothing has
// happened. A state reviews — searches for partners, applies, values
// leaving each of its alliances — only when
//
//   - its threat moved by at least review_threshold since its last review,
//   - something that concerns it changed: an alliance or territory
//     involving it, its partners or its adversaries (for a patron, also the
//     clients it holds stakes in), its forces or sovereignty, or a scripted
//     event that names it,
//   - for a patron, its strategy now admits other kinds of option to its
//     candidates, together or any one alone (patience ran out), or
//   - review_interval ticks passed.
//
// Offers from others are always answered. With review_threshold 0 and
// review_interval 1 every state reviews every tick. The reviews due are
// fixed after perception each tick of a diplomacy round; what changes
// later in the tick, or between rounds, is seen at the next round.

// concerns records a change involving the states in s: they, their
// partners, and — when an adversary is involved — every state that has
// it as adversary, will review at the next tick. Patrons are concerned by
// the clients they hold stakes in.
func (w *World) concerns(s agents.Set) {
	c, n := w.c, w.c.n
	var who agents.Set
	s.Each(func(i int) { who = who.With(i) | w.ties[i].allies })
	if s&c.adversaries != 0 {
		who |= c.patrons | c.clients
	}
	c.patrons.Each(func(p int) {
		who.Each(func(i int) {
			if c.stakes[p*n+i] > 0 {
				who = who.With(p)
			}
		})
	})
	who.Each(func(i int) { w.concern[i]++ })
}

// admission is what a patron's strategy admits at a tick, to its staked
// clients together (all: bit 0 a multilateral, bit 1 a bilateral) and to
// each alone (multi, bi: the candidates a multilateral or a bilateral
// including only them is admitted to). A strategy may admit an option to
// some candidates and not to others — Cohen's patron offers nothing to
// clients already committed to each other, Cha's no multilateral to a
// revisionist — so a change for any one of them is a change of what the
// patron may propose.
type admission struct {
	all       uint8
	multi, bi agents.Set
}

// admitted is what patron p's strategy admits now (the zero admission for
// other states).
func (w *World) admitted(p int) admission {
	var a admission
	if w.c.role[p] != Patron {
		return a
	}
	view := &w.view
	view.w, view.p = w, p
	strategy := w.c.strategy[p]
	cands := w.candidates(p)
	for k, kind := range [...]agents.OptionKind{agents.OptionMultilateral, agents.OptionBilateral} {
		if strategy.Admit(view, agents.Option{Kind: kind, Partners: cands, Alliance: -1}) {
			a.all |= 1 << k
		}
	}
	cands.Each(func(j int) {
		alone := agents.Set(0).With(j)
		if strategy.Admit(view, agents.Option{Kind: agents.OptionMultilateral, Partners: alone, Alliance: -1}) {
			a.multi = a.multi.With(j)
		}
		if strategy.Admit(view, agents.Option{Kind: agents.OptionBilateral, Partners: alone, Alliance: -1}) {
			a.bi = a.bi.With(j)
		}
	})
	return a
}

// startReviews fixes the states that review their policy this tick and
// marks their review. Policy is reviewed in the ticks of a diplomacy
// round (diplomacy_interval) only: between rounds no mark moves, so a
// review falling due there waits for the next round rather than being
// spent on weighing exit alone, and a periodic review never falls out of
// step with the rounds.
func (w *World) startReviews() {
	p := &w.c.p
	w.reviewing = 0
	if w.tick%p.DiplomacyInterval != 0 {
		return
	}
	for i := 0; i < w.c.n; i++ {
		if !w.alive[i] || !w.sovereign[i] || w.c.role[i] == Adversary {
			continue // no policy to review: it signs, applies and leaves nothing
		}
		r := &w.reviews[i]
		if w.c.role[i] == Patron {
			// A patron whose alliances have all ended waits anew (§7.8)
			// from this tick, so that what its strategy admits is read,
			// and recorded, as it will act on it.
			w.restartWait(i)
		}
		admits := w.admitted(i)
		due := !r.done || w.tick-r.tick >= p.ReviewInterval || math.Abs(w.threat[i]-r.threat) >= p.ReviewThreshold ||
			w.concern[i] != r.concern || admits != r.admits
		if due {
			w.reviewing = w.reviewing.With(i)
			*r = reviewMark{tick: w.tick, threat: w.threat[i], concern: w.concern[i], admits: admits, done: true}
		}
	}
}

// Reviewing reports whether state i reviews its alliance policy this tick;
// it panics if i is not a state index.
func (w *World) Reviewing(i int) bool { return w.reviewing.Has(w.c.state(i)) }
