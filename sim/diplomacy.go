package sim

import (
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// diplomacy is one round of docs/model.md §3.2: clients first seek collective
// security among themselves (H6), then each patron follows its strategy,
// then invitees accept or refuse and a refused patron falls back (H4).
func (w *World) diplomacy() {
	w.clientRound()
	w.c.patrons.Each(func(p int) {
		if w.alive[p] {
			w.patronRound(p)
		}
	})
}

// inClientAlliance reports whether i belongs to its clients' own alliance:
// one of clients alone, or one they formed and a patron joined
// (indigenous). Such a client does not seek collective security again.
func (w *World) inClientAlliance(i int) bool {
	for a := range w.alliances {
		al := &w.alliances[a]
		if al.Active() && (!al.HasPatron || al.Origin == OriginIndigenous) && al.Members.Has(i) {
			return true
		}
	}
	return false
}

// eligible is the set of clients that can sign: alive and sovereign.
func (w *World) eligible() agents.Set {
	var s agents.Set
	w.c.clients.Each(func(i int) {
		if w.alive[i] && w.sovereign[i] {
			s = s.With(i)
		}
	})
	return s
}

// shareThreat reports whether clients i and j both perceive a threat of at
// least shared_threat from a common adversary.
func (w *World) shareThreat(i, j int) bool {
	n, min := w.c.n, w.c.p.SharedThreat
	shared := false
	w.c.adversaries.Each(func(a int) {
		shared = shared || (w.perceived[i*n+a] >= min && w.perceived[j*n+a] >= min)
	})
	return shared
}

// clientRound lets every sovereign client that reviews its policy this
// tick and has no client-only alliance, in random order, weigh the
// coalition it values most (best partner first, then more while its value
// rises) and applying to each existing alliance (all members vote, a
// patron among them) against its current position, and pursue one by the
// softmax of its temperature. A refused coalition falls back to the
// largest subset of its invitees who accept each other.
func (w *World) clientRound() {
	eligible := w.eligible()
	for _, i := range w.shuffled(eligible & w.reviewing) {
		if !w.alive[i] || w.inClientAlliance(i) {
			continue
		}
		var cands agents.Set
		eligible.Without(i).Each(func(j int) {
			if !w.inClientAlliance(j) && w.shareThreat(i, j) {
				cands = cands.With(j)
			}
		})
		w.options, w.values = w.options[:0], w.values[:0]
		w.options = append(w.options, agents.Option{Kind: agents.OptionNone, Alliance: -1})
		w.values = append(w.values, w.position(i))
		if cands != 0 {
			s, v, st := w.clientCoalition(i, cands)
			if s != 0 && !w.exists(s.With(i)) {
				w.options = append(w.options, agents.Option{Kind: agents.OptionMultilateral, Partners: s, Alliance: -1, Strong: st})
				w.values = append(w.values, v)
			}
		}
		for a := range w.alliances {
			al := &w.alliances[a]
			if !al.Active() || al.Members.Has(i) || w.exists(al.Members.With(i)) {
				continue
			}
			w.options = append(w.options, agents.Option{Kind: agents.OptionJoin, Partners: al.Members, Alliance: a, Strong: al.Strong})
			w.values = append(w.values, w.appraiseUnder(i, al.Members, al.Strong, al.Origin, w.grown(al, i, al.Origin)).value)
		}
		o, ok := w.choose(i)
		if !ok {
			continue
		}
		switch o.Kind {
		case agents.OptionMultilateral:
			if !w.proposeCoalition(i, o.Partners, o.Strong) {
				w.clientFallback(i, o.Partners, o.Strong)
			}
		case agents.OptionJoin:
			al := &w.alliances[o.Alliance]
			offer := w.propose(Event{Type: EventProposal, Actor: i, Target: -1, Others: al.Members, Alliance: o.Alliance, Proposal: ProposeApply, Strong: o.Strong})
			if w.vote(al, i, offer) {
				w.join(al, i, EntryApplied)
				w.settle(offer, al)
			} else {
				w.refuse(i, o.Partners, o.Strong)
			}
		}
	}
}

// clientCoalition is the coalition client i values most among cands
// (agents.GreedyCoalition over bestCommitment's values), its value, and
// the commitment bestCommitment gives it. That commitment is remembered
// from the search's own appraisal of the set, as the world does not
// change during the search (exact; with caches off it is asked again).
func (w *World) clientCoalition(i int, cands agents.Set) (agents.Set, float64, bool) {
	w.scored = w.scored[:0]
	s, v := agents.GreedyCoalition(cands, 1, func(s agents.Set) float64 {
		a, strong := w.bestCommitment(i, s, OriginClient)
		w.scored = append(w.scored, setCommitment{s, strong})
		return a.value
	})
	if s == 0 {
		return 0, v, false
	}
	if w.noCache {
		_, strong := w.bestCommitment(i, s, OriginClient)
		return s, v, strong
	}
	for k := len(w.scored) - 1; ; k-- { // s was scored: it is the search's
		if w.scored[k].set == s {
			return s, v, w.scored[k].strong
		}
	}
}

// clientFallback follows a refused coalition: the proposer offers the
// largest subset of its invitees who all accept each other, if it still
// values that above its position (Dunkirk, then Brussels: H6).
func (w *World) clientFallback(i int, invited agents.Set, strong bool) {
	subset := w.acceptingSubset(i, invited, strong, OriginClient, 1)
	if subset == 0 || subset == invited || w.exists(subset.With(i)) || w.refusedRecently(i, subset, strong) ||
		w.appraise(i, subset, strong, OriginClient).value <= w.position(i) {
		return
	}
	w.proposeCoalition(i, subset, strong)
}

// proposeCoalition offers client i's coalition to set: if every invitee
// accepts, the client alliance forms; otherwise the refusal is remembered.
// It reports whether the alliance formed.
func (w *World) proposeCoalition(i int, set agents.Set, strong bool) bool {
	offer := w.propose(Event{Type: EventProposal, Actor: i, Target: -1, Others: set, Alliance: -1, Proposal: ProposeCoalition, Strong: strong})
	acc := w.canvass(i, set, strong, OriginClient, offer)
	if acc != set {
		w.refuse(i, set, strong)
		return false
	}
	w.accepted(offer, Event{Actor: i, Target: -1, Others: acc, Alliance: -1, Proposal: ProposeCoalition, Strong: strong})
	w.settle(offer, w.form(set.With(i), strong, OriginClient))
	return true
}

// canvass asks every invitee in S whether it accepts an alliance of the
// given origin with the proposer and the other invitees at the given
// commitment: it accepts when that beats its current position. Refusals
// are logged with their reason.
func (w *World) canvass(proposer int, S agents.Set, strong bool, origin Origin, offer int) agents.Set {
	var acc agents.Set
	S.Each(func(j int) {
		if !w.sovereign[j] {
			acc = acc.With(j) // signed up by its patron; it joins on sovereignty
			return
		}
		a := w.appraise(j, S.Without(j).With(proposer), strong, origin)
		if a.value > w.position(j) {
			acc = acc.With(j)
			return
		}
		w.refusal(offer, Event{Actor: j, Target: a.reason, Others: S, Alliance: -1, Strong: strong, Reason: a.cost.Largest})
	})
	return acc
}

// vote asks every member of al whether it accepts newcomer x: it does when
// its value of the alliance with x beats its value without, as an offer is
// accepted when it beats the current position. Refusals are logged with
// the largest term x would add to the member's cost (newcomerCost). A
// member that has lost its sovereignty does not answer, as a non-sovereign
// invitee does not (canvass), and so counts as accepting.
func (w *World) vote(al *Alliance, x int, offer int) bool {
	ok := true
	origin, ch := w.grownBy(al, x)
	al.Members.Each(func(m int) {
		if !w.sovereign[m] {
			return
		}
		with := w.appraiseUnder(m, al.Members.Without(m).With(x), al.Strong, origin, ch)
		if with.value > w.standing(al, m).value {
			return
		}
		ok = false
		reason, who := w.newcomerCost(m, al, x, origin)
		w.refusal(offer, Event{Actor: m, Target: who, Others: al.Members.With(x), Alliance: al.ID, Strong: al.Strong, Reason: reason})
	})
	return ok
}

// grownBy is al grown by newcomer x, as its members weigh x in a vote:
// the origin the grown alliance takes (indigenous for a patron joining
// its clients) and the change. vote and ExplainVote both take it here.
func (w *World) grownBy(al *Alliance, x int) (Origin, change) {
	origin := al.Origin
	if w.c.role[x] == Patron && !al.HasPatron {
		origin = OriginIndigenous // the clients' alliance with its patron
	}
	return origin, w.grown(al, x, origin)
}

// standing is member m's value of al as it stands: what it weighs a
// newcomer against in a vote.
func (w *World) standing(al *Alliance, m int) appraisal {
	return w.appraiseUnder(m, al.Members.Without(m), al.Strong, al.Origin, w.asIs(al))
}

// form creates an alliance and logs it. Non-sovereign members are
// designated instead, to join on sovereignty; if fewer than two members can
// sign, nothing forms and form returns nil. A patron's alliance is imposed
// only if three or more sign it; of two it is bilateral.
func (w *World) form(members agents.Set, strong bool, origin Origin) *Alliance {
	designated := w.unsigned(members)
	members &^= designated
	if members.Len() < 2 {
		return nil // nobody left who can sign
	}
	if origin == OriginImposed && members.Len() < 3 {
		origin = OriginBilateral
	}
	id := len(w.alliances)
	hasPatron := members&w.c.patrons != 0
	joined := -1
	if hasPatron {
		joined = w.tick
	}
	h := w.cohesionOf(members)
	var firstClients agents.Set
	if !hasPatron {
		firstClients = members & w.c.clients
	}
	w.alliances = append(w.alliances, Alliance{ID: id, Members: members, Founders: members, Strong: strong,
		Origin: origin, HasPatron: hasPatron, Formed: w.tick, OriginSince: w.tick, PatronJoined: joined, Ended: -1, AbsorbedInto: -1,
		Cohesion: h, CohesionFormed: h, Designated: designated, SignedFor: designated, firstClients: firstClients})
	al := &w.alliances[id]
	members.Each(func(m int) { al.admit(m, w.tick, EntryFounded) })
	(members & w.c.patrons).Each(func(p int) { w.committed[p] = true })
	al.noteSize()
	w.log(Event{Type: EventFormed, Actor: -1, Target: -1, Others: members, Alliance: id, Strong: strong, Origin: origin})
	w.concerns(members | designated)
	w.refreshThreats(members)
	return &w.alliances[id]
}

// join adds x to al. A patron joining a client alliance takes the
// commitment the clients made to each other (H5), and the alliance becomes
// indigenous. A client joining before any patron has commits to the
// other clients, as the founders did; one joining after, to an alliance
// a patron is or was in (rejoining too), does not.
func (w *World) join(al *Alliance, x int, how Entry) {
	al.Members = al.Members.With(x)
	al.admit(x, w.tick, how)
	if w.c.role[x] == Client {
		if al.PatronJoined < 0 {
			al.firstClients = al.firstClients.With(x)
		} else {
			al.firstClients = al.firstClients.Without(x)
		}
	}
	if w.c.role[x] == Patron {
		w.committed[x] = true
		if !al.HasPatron {
			al.HasPatron = true
			if al.PatronJoined < 0 {
				al.PatronJoined = w.tick
			}
			if al.Origin == OriginClient {
				al.Origin, al.OriginSince = OriginIndigenous, w.tick
			}
		}
	}
	al.noteSize()
	w.log(Event{Type: EventJoined, Actor: x, Target: -1, Others: al.Members, Alliance: al.ID, Strong: al.Strong, Origin: al.Origin})
	w.concerns(al.Members)
	w.refreshThreats(al.Members)
}

// refusedRecently reports whether proposer's offer to set, at this
// commitment, was refused within retry_interval ticks. A refusal is of one
// offer: the same partners may still be offered the other commitment ('united
// action' refused, SEATO weaker).
func (w *World) refusedRecently(proposer int, set agents.Set, strong bool) bool {
	for _, r := range w.refused {
		if r.proposer == proposer && r.set == set && r.strong == strong && r.until > w.tick {
			return true
		}
	}
	return false
}

func (w *World) refuse(proposer int, set agents.Set, strong bool) {
	until := w.tick + int(w.c.p.RetryInterval)
	r := refusal{proposer, set, strong, until}
	for k := range w.refused {
		if w.refused[k].until <= w.tick { // reuse an expired slot
			w.refused[k] = r
			return
		}
	}
	w.refused = append(w.refused, r)
}

// patronView is what a strategy sees; it lives in the World so that
// passing it as an interface does not allocate.
type patronView struct {
	w *World
	p int
	d agents.Decision // a fresh copy of p's settings at each Decision call
}

func (v *patronView) Tick() int          { return v.w.tick }
func (v *patronView) Threat() float64    { return v.w.threat[v.p] }
func (v *patronView) Reference() float64 { return v.w.reference[v.p] }
func (v *patronView) Decision() *agents.Decision {
	v.d = v.w.c.decision[v.p]
	return &v.d
}
func (v *patronView) Revisionism(j int) float64  { return v.w.revisionismOf(j) }
func (v *patronView) ClientAllianceExists() bool { return v.w.clientAllianceFor(v.p) }
func (v *patronView) CommittedClients() agents.Set {
	var s agents.Set
	for a := range v.w.alliances {
		if al := &v.w.alliances[a]; al.Active() && !al.HasPatron {
			s |= al.Members
		}
	}
	return s
}
func (v *patronView) Allied() bool { return v.w.ties[v.p].allies != 0 }
func (v *patronView) Waited() int  { return v.w.waited(v.p) }
func (v *patronView) Rise() float64 {
	if v.w.wantedSince[v.p] < 0 {
		return 0
	}
	return v.w.threat[v.p] - v.w.wantedThreat[v.p]
}

// restartWait starts patron p's wait anew when it has no ally left: every
// alliance it entered since it began to wait has ended or it has left it
// (an indigenous one it left goes on among its clients, no longer p's).
// Its patience runs again from the next tick it wants an ally, as it did
// before its first commitment (docs/model.md §7.8). startReviews calls it
// before it reads what the strategy admits.
func (w *World) restartWait(p int) {
	if w.committed[p] && w.ties[p].allies == 0 {
		w.wantedSince[p], w.committed[p] = -1, false
	}
}

func (w *World) waited(p int) int {
	if w.wantedSince[p] < 0 {
		return 0
	}
	return w.tick - w.wantedSince[p]
}

// clientAllianceFor reports whether the clients patron p holds stakes in
// have an alliance of their own: one of clients alone, or one they formed
// and p joined (indigenous) — its clients stay committed to each other, and
// the clients still outside can apply to it.
func (w *World) clientAllianceFor(p int) bool {
	n := w.c.n
	for a := range w.alliances {
		al := &w.alliances[a]
		if !al.Active() || (al.HasPatron && !(al.Origin == OriginIndigenous && al.Members.Has(p))) {
			continue
		}
		staked := false
		al.Members.Each(func(m int) { staked = staked || w.c.stakes[p*n+m] > 0 })
		if staked {
			return true
		}
	}
	return false
}

// candidates are the clients patron p may sign now: alive, sovereign
// and staked.
func (w *World) candidates(p int) agents.Set {
	var cands agents.Set
	w.eligible().Each(func(j int) {
		if w.c.stakes[p*w.c.n+j] > 0 {
			cands = cands.With(j)
		}
	})
	return cands
}

// patronRound is step 2 of docs/model.md §7.8 for patron p, when it
// reviews its policy: value joining each client alliance, one multilateral
// proposal to the best set of clients, a bilateral with each client and
// none, at both commitments; keep what the strategy admits
// (patronOptions); choose by softmax; carry it out (carryOut).
func (w *World) patronRound(p int) {
	if !w.reviewing.Has(p) {
		return
	}
	if wanted := w.patronOptions(p); wanted && w.wantedSince[p] < 0 {
		w.wantedSince[p], w.wantedThreat[p] = w.tick, w.threat[p]
	}
	if o, ok := w.choose(p); ok {
		w.carryOut(p, o)
	}
}

// choose draws one of w.options for state i by softmax over w.values at
// its temperature (§7.6). ok is false when it draws none (the first
// option), or a proposal i made and had refused within retry_interval
// (§7.13).
func (w *World) choose(i int) (o agents.Option, ok bool) {
	pick := agents.Softmax(w.values, w.c.decision[i].Temperature, w.rng.Float64())
	if pick <= 0 {
		return agents.Option{}, false
	}
	o = w.options[pick]
	return o, !w.refusedRecently(i, o.Partners, o.Strong)
}

// patronOptions fills w.options and w.values with patron p's options
// that its strategy admits, none first, each with its value (§7.8), and
// reports whether any join or bilateral, or the best multilateral set the
// greedy search finds, admitted by the strategy or not, would beat
// self-help. For a patron already waiting, whose answer patronRound does
// not read, the multilaterals the strategy does not admit are not
// searched, and it may report false where they would beat self-help.
func (w *World) patronOptions(p int) (wanted bool) {
	c, n := w.c, w.c.n
	view := &w.view
	view.w, view.p = w, p
	strategy := c.strategy[p]
	cands := w.candidates(p)
	var occupied agents.Set
	if c.p.InviteOccupied {
		c.clients.Each(func(j int) {
			if w.alive[j] && !w.sovereign[j] && c.stakes[p*n+j] > 0 {
				occupied = occupied.With(j)
			}
		})
	}
	w.options, w.values = w.options[:0], w.values[:0]
	none := w.position(p)
	w.options = append(w.options, agents.Option{Kind: agents.OptionNone, Alliance: -1})
	w.values = append(w.values, none)
	add := func(o agents.Option, v float64) {
		wanted = wanted || v > none
		if strategy.Admit(view, o) {
			w.options = append(w.options, o)
			w.values = append(w.values, v)
		}
	}
	for a := range w.alliances {
		al := &w.alliances[a]
		if al.Active() && !al.HasPatron && al.Members&cands != 0 && !w.exists(al.Members.With(p)) {
			add(agents.Option{Kind: agents.OptionJoin, Partners: al.Members, Alliance: a, Strong: al.Strong},
				w.appraiseUnder(p, al.Members, al.Strong, OriginIndigenous, w.grown(al, p, OriginIndigenous)).value)
		}
	}
	// The two searches, weak and strong, value many of the same sets; the
	// patron's threat if one stood is the same at either commitment and
	// the world does not change before the patron chooses, so it is kept
	// for the round (exact; off with the other caches).
	w.imposedAfter = w.imposedAfter[:0]
	imposedAfter := func(s agents.Set) float64 {
		if w.noCache {
			return w.threatIf(p, s, OriginImposed)
		}
		for _, st := range w.imposedAfter {
			if st.set == s {
				return st.threat
			}
		}
		after := w.threatIf(p, s, OriginImposed)
		w.imposedAfter = append(w.imposedAfter, setThreat{s, after})
		return after
	}
	// bestImposed is the greedy search's best set at a commitment, among
	// the sets the strategy admits or among all, with its value, and
	// whether it could be offered (offerable).
	unadmitted := false // a set the strategy did not admit was passed over
	bestImposed := func(strong, admittedOnly bool) (set agents.Set, v float64, offerable bool) {
		set, v = agents.GreedyCoalition(cands|occupied, 3, func(s agents.Set) float64 {
			if admittedOnly && !strategy.Admit(view, agents.Option{Kind: agents.OptionMultilateral, Partners: s, Alliance: -1, Strong: strong}) {
				unadmitted = true
				return math.NaN()
			}
			return w.appraiseFrom(p, s, strong, OriginImposed, w.threat[p], imposedAfter(s), 0).value
		})
		return set, v, w.offerable(p, set)
	}
	for _, strong := range [2]bool{false, true} {
		if set, v, ok := bestImposed(strong, true); ok {
			add(agents.Option{Kind: agents.OptionMultilateral, Partners: set, Alliance: -1, Strong: strong}, v)
		}
	}
	cands.Each(func(j int) {
		if w.ties[p].allies.Has(j) {
			return
		}
		one := agents.Set(0).With(j)
		after := w.threatIf(p, one, OriginBilateral)
		for _, strong := range [2]bool{false, true} {
			add(agents.Option{Kind: agents.OptionBilateral, Partners: one, Alliance: -1, Strong: strong},
				w.appraiseFrom(p, one, strong, OriginBilateral, w.threat[p], after, 0).value)
		}
	})
	// A multilateral the strategy does not admit is wanted too, as joins
	// and bilaterals are (an assurance patron admits none before its
	// patience has run, and its patience runs only from the tick it
	// first wants an ally). The searches above passed over the
	// sets not admitted; where nothing else beats the patron's position
	// and it is not waiting already, the best sets are sought again among
	// all of them. Where every set was admitted that search would find
	// what the first did, and is not made.
	if unadmitted && !wanted && w.wantedSince[p] < 0 {
		for _, strong := range [2]bool{false, true} {
			if _, v, ok := bestImposed(strong, false); ok && v > none {
				wanted = true
				break
			}
		}
	}
	return wanted
}

// carryOut carries out patron p's chosen option o: asks to join a client
// alliance (its members vote), or proposes a new alliance to o's partners
// and forms it if all accept; a refused multilateral falls back to the
// acceptors (§7.9).
func (w *World) carryOut(p int, o agents.Option) {
	switch o.Kind {
	case agents.OptionJoin:
		al := &w.alliances[o.Alliance]
		offer := w.propose(Event{Type: EventProposal, Actor: p, Target: -1, Others: al.Members, Alliance: al.ID, Proposal: ProposeJoin, Strong: al.Strong})
		if w.vote(al, p, offer) {
			w.join(al, p, EntryJoined)
			w.settle(offer, al)
		} else {
			w.refuse(p, o.Partners, o.Strong)
		}
	case agents.OptionMultilateral, agents.OptionBilateral:
		kind, origin := ProposeMultilateral, OriginImposed
		if o.Kind == agents.OptionBilateral {
			kind, origin = ProposeBilateral, OriginBilateral
		}
		offer := w.propose(Event{Type: EventProposal, Actor: p, Target: -1, Others: o.Partners, Alliance: -1, Proposal: kind, Strong: o.Strong})
		acc := w.canvass(p, o.Partners, o.Strong, origin, offer)
		if acc == o.Partners {
			w.accepted(offer, Event{Actor: p, Target: -1, Others: acc, Alliance: -1, Proposal: kind, Strong: o.Strong})
			w.settle(offer, w.form(o.Partners.With(p), o.Strong, origin))
			return
		}
		w.refuse(p, o.Partners, o.Strong)
		if o.Kind == agents.OptionMultilateral {
			w.fallback(p, o.Partners, o.Strong)
		}
	}
}

// unsigned is the part of s that cannot sign: non-sovereign states.
func (w *World) unsigned(s agents.Set) agents.Set {
	var u agents.Set
	s.Each(func(j int) {
		if !w.sovereign[j] {
			u = u.With(j)
		}
	})
	return u
}

// offerable reports whether patron p may propose an alliance to the
// clients s, as a multilateral or as the fallback's subset (docs/model.md
// §7.8, §7.9). Not where
//   - s is empty;
//   - every client of s is occupied: nobody but p could sign it, so it
//     would form nothing and be offered again at every review;
//   - the only client of s who can sign is already p's ally, the others
//     occupied: it would be a second pledge of p's to that ally, which its
//     bilaterals and the fallback's never make, with the occupied
//     invitees designated to it;
//   - an alliance in force has the members who can sign it already
//     (exists).
func (w *World) offerable(p int, s agents.Set) bool {
	signers := s &^ w.unsigned(s)
	switch {
	case signers == 0:
		return false
	case signers.Len() == 1 && w.ties[p].allies&signers != 0:
		return false
	}
	return !w.exists(s.With(p))
}

// duplicate reports whether another active alliance has al's members.
func (w *World) duplicate(al *Alliance) bool { return w.otherWith(al, al.Members) }

// otherWith reports whether an active alliance other than al has exactly
// the members ms.
func (w *World) otherWith(al *Alliance, ms agents.Set) bool {
	for a := range w.alliances {
		if o := &w.alliances[a]; a != al.ID && o.Active() && o.Members == ms {
			return true
		}
	}
	return false
}

// exists reports whether an active alliance has exactly these members,
// counting only those who can sign, on both sides: a non-sovereign
// invitee is designated, not a member (see form), so a proposal that
// differs from an alliance in force only by an occupied client would
// repeat it; and a member that has lost its sovereignty signs nothing
// either, so an alliance in force is compared by the members that can.
func (w *World) exists(members agents.Set) bool {
	members &^= w.unsigned(members)
	for a := range w.alliances {
		if al := &w.alliances[a]; al.Active() && al.Members&^w.unsigned(al.Members) == members {
			return true
		}
	}
	return false
}

// acceptingSubset looks, among the invitees of a refused proposal, for the
// largest set who all accept each other in an alliance of the given origin:
// it drops, one at a time, the invitee the refusers name most often as
// their reason (or a refuser who names none), until everyone left accepts.
// It returns the empty set if fewer than min remain.
func (w *World) acceptingSubset(proposer int, invited agents.Set, strong bool, origin Origin, min int) agents.Set {
	n := w.c.n
	subset := invited
	for subset.Len() >= min {
		var named [MaxStates]int
		dropRefuser, anyRefusal := -1, false
		subset.Each(func(j int) {
			if !w.sovereign[j] {
				return // does not answer
			}
			a := w.appraise(j, subset.Without(j).With(proposer), strong, origin)
			if a.value > w.position(j) {
				return
			}
			anyRefusal = true
			if a.reason >= 0 && subset.Has(a.reason) {
				named[a.reason]++
			} else if dropRefuser < 0 {
				dropRefuser = j
			}
		})
		if !anyRefusal {
			return subset
		}
		drop, most := dropRefuser, 0
		for j := 0; j < n; j++ {
			if named[j] > most {
				drop, most = j, named[j]
			}
		}
		subset = subset.Without(drop)
	}
	return 0
}

// fallback is docs/model.md §7.9 after a refused multilateral (H4): the
// patron proposes the largest subset of the invitees who all accept each
// other (acceptingSubset), if it still values it, then offers bilaterals to
// the invitees left out. Having chosen the multilateral over self-help, the
// patron settles for what it can get (H4: "where imposed multilateralism
// fails, the patron settles for bilateral or trilateral alliances"): a
// bilateral is offered whatever its value alone, since one client is a
// small share of the stakes behind the patron's choice; the client still
// decides whether to accept.
//
// The subset is sought among all invitees, not only those who accepted the
// full proposal: Australia and New Zealand refused the Pacific Pact over
// Japan, yet accepted ANZUS without it.
func (w *World) fallback(p int, invited agents.Set, strong bool) {
	subset := w.acceptingSubset(p, invited, strong, OriginImposed, 2)
	// A subset that could not be offered on its own (offerable) is
	// treated as empty, so that the treaties signed below for its occupied
	// clients are not lost.
	if subset.Len() >= 2 && subset != invited && w.offerable(p, subset) &&
		w.appraise(p, subset, strong, OriginImposed).value > w.position(p) {
		offer := w.propose(Event{Type: EventProposal, Actor: p, Target: -1, Others: subset, Alliance: -1, Proposal: ProposeSubset, Strong: strong})
		if acc := w.canvass(p, subset, strong, OriginImposed, offer); acc == subset {
			w.accepted(offer, Event{Actor: p, Target: -1, Others: acc, Alliance: -1, Proposal: ProposeSubset, Strong: strong})
			w.settle(offer, w.form(subset.With(p), strong, OriginImposed))
		} else {
			subset = 0
		}
	} else {
		subset = 0
	}
	(invited &^ subset).Each(func(j int) {
		one := agents.Set(0).With(j)
		if w.ties[p].allies.Has(j) {
			return
		}
		if !w.sovereign[j] {
			// A treaty with an occupied client is signed for it and takes
			// effect on sovereignty (US–Japan, signed 1951-09, in force
			// 1952-04). One signed treaty stands: a patron that has
			// signed one for j signs no other, as it pledges nothing
			// again to an ally (it signed two to six for Japan, and the
			// first took effect whatever the later ones said).
			if w.signedFor(p, j) {
				return
			}
			w.propose(Event{Type: EventProposal, Actor: p, Target: -1, Others: one, Alliance: -1, Proposal: ProposeSigned, Strong: strong})
			w.pending = append(w.pending, pendingTreaty{patron: p, client: j, strong: strong})
			return
		}
		offer := w.propose(Event{Type: EventProposal, Actor: p, Target: -1, Others: one, Alliance: -1, Proposal: ProposeFallback, Strong: strong})
		if w.canvass(p, one, strong, OriginBilateral, offer) == one {
			w.accepted(offer, Event{Actor: p, Target: -1, Others: one, Alliance: -1, Proposal: ProposeFallback, Strong: strong})
			w.settle(offer, w.form(one.With(p), strong, OriginBilateral))
		}
	})
}

// signedFor reports whether patron p has signed for the occupied client
// j: a treaty that awaits j's sovereignty, or an alliance in force of p's
// that j is designated to join on it (form).
func (w *World) signedFor(p, j int) bool {
	for _, t := range w.pending {
		if t.patron == p && t.client == j {
			return true
		}
	}
	for a := range w.alliances {
		if al := &w.alliances[a]; al.Active() && al.Designated.Has(j) && al.Members.Has(p) {
			return true
		}
	}
	return false
}
