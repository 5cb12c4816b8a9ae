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
//   - for a patron, its strategy now admits other kinds of option
//     (patience ran out), or
//   - review_interval ticks passed.
//
// Offers from others are always answered. With review_threshold 0 and
// review_interval 1 every state reviews every tick. The reviews due are
// fixed after perception each tick; what changes later in the tick is seen
// at the next.

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

// admitted is what a patron's strategy admits now: bit 0 a multilateral
// proposal, bit 1 a bilateral, to its staked clients (0 for others).
func (w *World) admitted(p int) uint8 {
	if w.c.role[p] != Patron {
		return 0
	}
	view := &w.view
	view.w, view.p = w, p
	cands := w.candidates(p)
	var admits uint8
	for k, kind := range [...]agents.OptionKind{agents.OptionMultilateral, agents.OptionBilateral} {
		if w.c.strategy[p].Admit(view, agents.Option{Kind: kind, Partners: cands, Alliance: -1}) {
			admits |= 1 << k
		}
	}
	return admits
}

// startReviews fixes the states that review their policy this tick and
// marks their review.
func (w *World) startReviews() {
	p := &w.c.p
	w.reviewing = 0
	for i := 0; i < w.c.n; i++ {
		if !w.alive[i] || w.c.role[i] == Adversary {
			continue
		}
		r := &w.reviews[i]
		admits := w.admitted(i)
		due := !r.done || w.tick-r.tick >= p.ReviewInterval || math.Abs(w.threat[i]-r.threat) >= p.ReviewThreshold ||
			w.concern[i] != r.concern || admits != r.admits
		if due {
			w.reviewing = w.reviewing.With(i)
			*r = reviewMark{tick: w.tick, threat: w.threat[i], concern: w.concern[i], admits: admits, done: true}
		}
	}
}

// Reviewing reports whether state i reviews its alliance policy this tick.
func (w *World) Reviewing(i int) bool { return w.reviewing.Has(i) }
