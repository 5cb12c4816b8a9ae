package runner

import (
	"fmt"
	"slices"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// Record is what the aggregates need of one replication: its alliances,
// each with its memberships, and the proposals made, with their answers.
// It is small (no event log), so many can be held and written to the
// chunks' runs.jsonl, from which shard outputs are merged.
//
// Every measure of the summary is a function of these records — an
// alliance's members at formation, its origin, commitment, the sizes it
// had when a patron entered and while clients stood alone, its formed and
// ended ticks, and the spells of its members — never of snapshots that mix
// an alliance's phases.
type Record struct {
	Point     int           `json:"point"`
	Run       int           `json:"run"`
	Seed      uint64        `json:"seed"`
	Ticks     int           `json:"ticks"`
	Patrons   []string      `json:"patrons"`
	Alliances []AllianceRow `json:"alliances"`
	Proposals []ProposalRow `json:"proposals"`
	// Measures are the values of the custom measures (Options.Measures),
	// in their order (NaN: no value); absent without any.
	Measures Values `json:"measures,omitempty"`
}

// AllianceRow is one alliance of a run. Member lists are sorted by id.
type AllianceRow struct {
	ID       int      `json:"id"`
	Founders []string `json:"founders"` // members at formation
	Patron   bool     `json:"patron"`   // a patron was ever a member
	Origin   string   `json:"origin"`
	Strong   bool     `json:"strong"`
	Formed   int      `json:"formed"`
	// PatronJoined is the tick a patron became a member, -1 if none did.
	PatronJoined int `json:"patron_joined"`
	// PatronSize is the number of members just after a patron became one
	// (0 if none did): the design the patron committed to.
	PatronSize int `json:"patron_size"`
	// ClientPeak is the largest number of members while clients stood
	// alone (0 if a patron founded it).
	ClientPeak int         `json:"client_peak"`
	Ended      int         `json:"ended"` // -1: in force at the horizon
	Cause      string      `json:"cause"`
	Members    []MemberRow `json:"members"` // every membership, in the order they began
}

// MemberRow is one state's membership of an alliance: from tick Joined to
// tick Left (exclusive; -1 when still a member at the horizon), how it
// began (founded, joined, applied, sovereignty) and how it ended (left,
// occupied, ended; "" while a member).
type MemberRow struct {
	State  string `json:"state"`
	Joined int    `json:"joined"`
	Left   int    `json:"left"`
	Entry  string `json:"entry"`
	Exit   string `json:"exit,omitempty"`
}

// ProposalRow is one proposal and its answers.
type ProposalRow struct {
	Tick     int      `json:"tick"`
	Proposer string   `json:"proposer"`
	Patron   bool     `json:"patron"` // made by a patron
	Kind     string   `json:"kind"`   // coalition, apply, join, multilateral, bilateral, subset, fallback-bilateral
	Invitees []string `json:"invitees"`
	Strong   bool     `json:"strong"`
	// Losses: the proposer was in the domain of losses when it proposed.
	Losses   bool `json:"losses"`
	Accepted bool `json:"accepted"`
	// Alliance is the alliance the proposal formed or joined when every
	// invitee accepted, -1 otherwise.
	Alliance int          `json:"alliance"`
	Refusals []RefusalRow `json:"refusals,omitempty"`
}

// RefusalRow is one refusal: who, the largest cost term, and the state
// behind it ("" for the autonomy cost).
type RefusalRow struct {
	State   string `json:"state"`
	Reason  string `json:"reason"`
	Partner string `json:"partner,omitempty"`
}

// check reports a record that cannot be the one of its run: a read chunk
// is checked against its checksums, but a hand-edited chunk with fresh
// checksums must still not corrupt the aggregates (a negative lifetime,
// a tick past the horizon) or stop them with a panic.
func (r *Record) check(ticks int, seed uint64) error {
	tick := func(what string, t, lo, hi int) error {
		if t < lo || t > hi {
			return fmt.Errorf("%s %d outside %d…%d", what, t, lo, hi)
		}
		return nil
	}
	switch {
	case r.Seed != seed:
		return fmt.Errorf("seed %d where the seed rule gives %d", r.Seed, seed)
	case r.Ticks != ticks:
		return fmt.Errorf("%d ticks where the point has %d", r.Ticks, ticks)
	}
	for i := range r.Alliances {
		a := &r.Alliances[i]
		err := tick("formed", a.Formed, 0, ticks-1)
		if err == nil && a.Ended != -1 {
			err = tick("ended", a.Ended, a.Formed, ticks)
		}
		if err == nil && a.PatronJoined != -1 {
			err = tick("patron_joined", a.PatronJoined, a.Formed, ticks)
		}
		for j := 0; err == nil && j < len(a.Members); j++ {
			if err = tick("joined", a.Members[j].Joined, 0, ticks); err == nil && a.Members[j].Left != -1 {
				err = tick("left", a.Members[j].Left, a.Members[j].Joined, ticks)
			}
		}
		if err != nil {
			return fmt.Errorf("alliance %d: %w", a.ID, err)
		}
	}
	for i := range r.Proposals {
		if err := tick("proposal at tick", r.Proposals[i].Tick, 0, ticks-1); err != nil {
			return err
		}
	}
	return nil
}

// Kind is the alliance's size class at formation.
func (a *AllianceRow) Kind() sim.Kind { return sim.KindOf(len(a.Founders)) }

// End is the tick the alliance ended, or the horizon if it was in force
// then (right-censored).
func (a *AllianceRow) End(horizon int) int {
	if a.Ended >= 0 {
		return a.Ended
	}
	return horizon
}

// MembersAt returns the members at tick t, after that tick's changes,
// sorted; nil when the alliance was not in force at t.
func (a *AllianceRow) MembersAt(t int) []string {
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

// FinalMembers are the members when the alliance ended (those the end
// found in it), or at the horizon, sorted.
func (a *AllianceRow) FinalMembers() []string {
	var ms []string
	for _, m := range a.Members {
		if m.Left == a.Ended { // -1 == -1: in force; else closed by the end
			ms = append(ms, m.State)
		}
	}
	slices.Sort(ms)
	return ms
}

// Phases are the member sets the alliance had while in force, one per
// tick at which its membership changed, in order (sets of fewer than two
// are left out).
func (a *AllianceRow) Phases() [][]string {
	var ticks []int
	for _, m := range a.Members {
		ticks = append(ticks, m.Joined)
		if m.Left >= 0 {
			ticks = append(ticks, m.Left)
		}
	}
	slices.Sort(ticks)
	ticks = slices.Compact(ticks)
	var out [][]string
	for _, t := range ticks {
		if ms := a.MembersAt(t); len(ms) >= 2 {
			out = append(out, ms)
		}
	}
	return out
}

// NewRecord extracts the record of a finished run.
func NewRecord(point, run int, seed uint64, w *sim.World) Record {
	c := w.Compiled()
	names := func(s agents.Set) []string {
		out := make([]string, 0, s.Len())
		s.Each(func(i int) { out = append(out, c.ID(i)) })
		slices.Sort(out)
		return out
	}
	r := Record{Point: point, Run: run, Seed: seed, Ticks: w.Tick(), Patrons: []string{},
		Alliances: []AllianceRow{}, Proposals: []ProposalRow{}}
	for i := 0; i < c.N(); i++ {
		if c.Role(i) == sim.Patron {
			r.Patrons = append(r.Patrons, c.ID(i))
		}
	}
	for _, a := range w.Alliances() {
		row := AllianceRow{ID: a.ID, Founders: names(a.Founders), Patron: a.HasPatron, Origin: a.Origin.String(),
			Strong: a.Strong, Formed: a.Formed, PatronJoined: a.PatronJoined, PatronSize: a.PatronSize,
			ClientPeak: a.ClientPeak, Ended: a.Ended, Cause: a.Cause.String()}
		if a.Active() {
			row.Cause = sim.EndHorizon.String()
		}
		for _, sp := range a.Spells {
			row.Members = append(row.Members, MemberRow{State: c.ID(sp.State), Joined: sp.Joined, Left: sp.Left,
				Entry: sp.Entry.String(), Exit: sp.Exit.String()})
		}
		r.Alliances = append(r.Alliances, row)
	}
	for _, o := range w.Offers() {
		p := ProposalRow{Tick: o.Tick, Proposer: c.ID(o.Proposer), Patron: c.Role(o.Proposer) == sim.Patron,
			Kind: o.Kind.String(), Invitees: names(o.Invitees), Strong: o.Strong, Losses: o.Losses,
			Accepted: o.Accepted(), Alliance: o.Alliance}
		for _, ref := range o.Refusals {
			row := RefusalRow{State: c.ID(ref.State), Reason: ref.Reason.String()}
			if ref.Partner >= 0 {
				row.Partner = c.ID(ref.Partner)
			}
			p.Refusals = append(p.Refusals, row)
		}
		r.Proposals = append(r.Proposals, p)
	}
	return r
}
