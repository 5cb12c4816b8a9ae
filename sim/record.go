package sim

import (
	"slices"

	"github.com/alliancesim/alliancesim/agents"
)

// Record is what one run did, as plain data with stable JSON names: its
// alliances, each with the spells of its members, and the proposals made,
// with their answers (docs/model.md §7.14). It is small — no event log, no
// time series — so that many can be held, written and merged; Result adds
// those to it. Every measure of a run is a function of its Record: an
// alliance's members at formation, its origin and commitment, the sizes it
// had when a patron entered and while clients stood alone, its formed and
// ended ticks, and its members' spells — never of snapshots that mix an
// alliance's phases.
type Record struct {
	Seed      uint64           `json:"seed"`
	Ticks     int              `json:"ticks"`
	Patrons   []string         `json:"patrons"`
	Alliances []AllianceRecord `json:"alliances"`
	Proposals []ProposalRecord `json:"proposals"`
}

// AllianceRecord is one alliance of a run. Member lists are sorted by id.
type AllianceRecord struct {
	ID       int      `json:"id"`
	Founders []string `json:"founders"` // members at formation
	Patron   bool     `json:"patron"`   // a patron was ever a member
	// Origin is how it began (docs/model.md §2.2): "client" (clients
	// alone), "indigenous" (a patron joined a clients' alliance),
	// "imposed" (a patron's proposal of three or more members) or
	// "bilateral" (a patron and one client); the names of sim.Origin.
	Origin string `json:"origin"`
	// OriginSince is the tick from which it has had Origin: its
	// formation, or the tick its origin changed — a patron's first entry
	// into a clients' alliance, which made it indigenous, or the entry on
	// sovereignty that made a patron's bilateral imposed (docs/model.md
	// §7.9). The survival groups by origin split its lifetime there
	// (runner.OriginLifetimes); the memberships alone cannot always tell
	// the tick (§8.4 item 25).
	OriginSince int  `json:"origin_since"`
	Strong      bool `json:"strong"`
	// Cohesion is h_A at formation (docs/model.md §7.12): how far the
	// founders' threat pictures converged when they signed.
	Cohesion float64 `json:"cohesion"`
	// Formed is the tick it formed, 0 the scenario's first; a Compiled's
	// Calendar().Label(t), or Result.Date, names its month.
	Formed int `json:"formed"`
	// PatronJoined is the tick a patron became a member, -1 if none did.
	PatronJoined int `json:"patron_joined"`
	// PatronSize is the number of members just after a patron first
	// became one (0 if none did): the design the patron committed to.
	PatronSize int `json:"patron_size"`
	// ClientPeak is the largest number of members while clients stood
	// alone before a patron first became one (0 if a patron founded it).
	ClientPeak int `json:"client_peak"`
	Ended      int `json:"ended"` // -1: in force at the horizon (right-censored)
	// Cause is why it ended: "members_left" (too few were left, or the
	// rest were another alliance in force), "patron_left" (its last
	// patron left one that could not go on without it), "occupied" (a member's elimination,
	// wholly occupied, left it as members_left or patron_left would), or "horizon" while in force; the names
	// of sim.EndCause (docs/model.md §7.12).
	Cause string `json:"cause"`
	// EndedBy is the member whose leaving or elimination ended it ("" while
	// in force): of the members who left in the tick it ended, the one
	// still in it at its end.
	EndedBy string `json:"ended_by,omitempty"`
	// AbsorbedInto is the id of the alliance in force into which it was
	// absorbed when it ended by members' leaving (members_left or
	// patron_left): one that held every member it had as the departures
	// of its last tick began. Nil where it was not (it parted, was
	// occupied, or is in force).
	AbsorbedInto *int `json:"absorbed_into,omitempty"`
	// Members are every state's spells in the alliance, in the order they
	// began.
	Members []MembershipRecord `json:"members"`
}

// MembershipRecord is one state's membership of an alliance: from tick
// Joined to tick Left (exclusive; -1 when still a member at the horizon),
// how it began (founded, joined, applied, sovereignty) and how it ended
// (left, occupied, ended; "" while a member).
type MembershipRecord struct {
	State  string `json:"state"`
	Joined int    `json:"joined"`
	Left   int    `json:"left"`
	Entry  string `json:"entry"`
	Exit   string `json:"exit,omitempty"`
}

// ProposalRecord is one proposal and its answers (World.Offers, with
// names).
type ProposalRecord struct {
	Tick     int      `json:"tick"`
	Proposer string   `json:"proposer"`
	Patron   bool     `json:"patron"` // made by a patron
	Kind     string   `json:"kind"`   // coalition, apply, join, multilateral, bilateral, subset, fallback-bilateral, signed-for-occupied
	Invitees []string `json:"invitees"`
	Strong   bool     `json:"strong"`
	// Losses: the proposer was in the domain of losses when it proposed.
	Losses   bool `json:"losses"`
	Accepted bool `json:"accepted"`
	// Alliance is the alliance the proposal formed or joined when every
	// invitee accepted, -1 otherwise.
	Alliance int             `json:"alliance"`
	Refusals []RefusalRecord `json:"refusals,omitempty"`
}

// RefusalRecord is one refusal: who, the largest cost term, and the state
// behind it ("" for the autonomy cost).
type RefusalRecord struct {
	State   string `json:"state"`
	Reason  string `json:"reason"`
	Partner string `json:"partner,omitempty"`
}

// Record assembles the record of the run so far. Alliances still in force
// are right-censored at the current tick.
func (w *World) Record() Record {
	c := w.c
	names := func(s agents.Set) []string {
		out := make([]string, 0, s.Len())
		s.Each(func(i int) { out = append(out, c.id[i]) })
		slices.Sort(out)
		return out
	}
	r := Record{Seed: w.seed, Ticks: w.tick, Patrons: []string{}, Alliances: []AllianceRecord{}, Proposals: []ProposalRecord{}}
	c.patrons.Each(func(i int) { r.Patrons = append(r.Patrons, c.id[i]) })
	for a := range w.alliances {
		al := &w.alliances[a]
		rec := AllianceRecord{ID: al.ID, Founders: names(al.Founders), Patron: al.PatronJoined >= 0, Origin: al.Origin.String(),
			OriginSince: al.OriginSince, Strong: al.Strong, Cohesion: al.CohesionFormed, Formed: al.Formed, PatronJoined: al.PatronJoined, PatronSize: al.PatronSize,
			ClientPeak: al.ClientPeak, Ended: al.Ended, Cause: al.Cause.String()}
		if al.Active() {
			rec.Cause = EndHorizon.String()
		} else {
			rec.EndedBy = c.id[al.EndedBy]
			if into := al.AbsorbedInto; into >= 0 {
				rec.AbsorbedInto = &into
			}
		}
		for _, sp := range al.Spells {
			rec.Members = append(rec.Members, MembershipRecord{State: c.id[sp.State], Joined: sp.Joined, Left: sp.Left,
				Entry: sp.Entry.String(), Exit: sp.Exit.String()})
		}
		r.Alliances = append(r.Alliances, rec)
	}
	for i := range w.offers {
		o := &w.offers[i]
		p := ProposalRecord{Tick: o.Tick, Proposer: c.id[o.Proposer], Patron: c.role[o.Proposer] == Patron,
			Kind: o.Kind.String(), Invitees: names(o.Invitees), Strong: o.Strong, Losses: o.Losses,
			Accepted: o.Accepted(), Alliance: o.Alliance}
		for _, ref := range o.Refusals {
			row := RefusalRecord{State: c.id[ref.State], Reason: ref.Reason.String()}
			if ref.Partner >= 0 {
				row.Partner = c.id[ref.Partner]
			}
			p.Refusals = append(p.Refusals, row)
		}
		r.Proposals = append(r.Proposals, p)
	}
	return r
}

// HasPatron reports whether any of the states is one of the run's
// patrons.
func (r *Record) HasPatron(states []string) bool {
	return slices.ContainsFunc(states, func(s string) bool { return slices.Contains(r.Patrons, s) })
}

// FirstPatronAlliance is the alliance a patron entered first (the earliest
// PatronJoined; of a tie, the first in the record), or nil if no patron
// ever committed.
func (r *Record) FirstPatronAlliance() *AllianceRecord {
	var first *AllianceRecord
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if a.PatronJoined >= 0 && (first == nil || a.PatronJoined < first.PatronJoined) {
			first = a
		}
	}
	return first
}

// Kind is the alliance's size class at formation (of its founders), as
// alliances.csv's kind; Alliance.Kind is of its members now.
func (a *AllianceRecord) Kind() Kind { return KindOf(len(a.Founders)) }

// End is the tick the alliance ended, or the horizon if it was in force
// then (right-censored).
func (a *AllianceRecord) End(horizon int) int {
	if a.Ended >= 0 {
		return a.Ended
	}
	return horizon
}

// MembersAt returns the members at tick t, after that tick's changes,
// sorted; nil when the alliance was not in force at t. The record knows
// nothing past the run: an alliance in force at the horizon gives its
// last members for any later t.
func (a *AllianceRecord) MembersAt(t int) []string {
	if t < a.Formed || (a.Ended >= 0 && t >= a.Ended) {
		return nil
	}
	var ms []string
	for _, m := range a.Members {
		if m.Joined <= t && (m.Left < 0 || t < m.Left) {
			ms = append(ms, m.State)
		}
	}
	slices.Sort(ms)
	return ms
}

// FinalMembers are the members of its last phase, sorted: those in it at
// the horizon, or when it ended — the member whose leaving ended it
// included (a bilateral ended by one member's leaving has two final
// members), another that left earlier in the same tick not.
func (a *AllianceRecord) FinalMembers() []string {
	var ms []string
	for _, m := range a.Members {
		// -1 == -1: in force; else closed by the end, or the departure
		// that ended it — not another's in the same tick, which it
		// outlived (a record without EndedBy, written by hand or by an
		// earlier version, cannot tell them apart, and keeps both)
		if m.Left == a.Ended && (a.Ended < 0 || a.EndedBy == "" || m.Exit == ExitEnded.String() || m.State == a.EndedBy) {
			ms = append(ms, m.State)
		}
	}
	slices.Sort(ms)
	return ms
}

// Phases are the member sets the alliance had while in force, in order:
// its founders, then its members after each tick at which its membership
// changed (sets of fewer than two, and a set equal to the one before it,
// are left out). The founders come first even when the membership changed
// again in the tick it formed — a patron joining a client alliance the
// tick it was signed, or members leaving it at once — since the founders'
// alliance was in force, if only within that tick.
func (a *AllianceRecord) Phases() [][]string {
	var out [][]string
	if len(a.Founders) >= 2 {
		out = append(out, slices.Sorted(slices.Values(a.Founders)))
	}
	var ticks []int
	for _, m := range a.Members {
		ticks = append(ticks, m.Joined)
		if m.Left >= 0 {
			ticks = append(ticks, m.Left)
		}
	}
	slices.Sort(ticks)
	ticks = slices.Compact(ticks)
	for _, t := range ticks {
		if ms := a.MembersAt(t); len(ms) >= 2 && (len(out) == 0 || !slices.Equal(ms, out[len(out)-1])) {
			out = append(out, ms)
		}
	}
	return out
}
