package runner

import (
	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// Record is what the aggregates need of one replication: its alliances with
// their membership histories and the proposals made, with their answers.
// It is small (no event log), so many can be held and written to
// runs.jsonl, from which shard outputs are merged.
type Record struct {
	Point     int           `json:"point"`
	Run       int           `json:"run"`
	Seed      uint64        `json:"seed"`
	Ticks     int           `json:"ticks"`
	Patrons   []string      `json:"patrons"`
	Alliances []AllianceRow `json:"alliances"`
	Proposals []ProposalRow `json:"proposals"`
}

// AllianceRow is one alliance of a run.
type AllianceRow struct {
	ID           int          `json:"id"`
	Patron       bool         `json:"patron"`
	Origin       string       `json:"origin"`
	Strong       bool         `json:"strong"`
	Formed       int          `json:"formed"`
	PatronJoined int          `json:"patron_joined"`
	Ended        int          `json:"ended"` // -1: in force at the horizon
	Cause        string       `json:"cause"`
	History      []MemberStep `json:"history"`
}

// MemberStep is the member set from a tick on.
type MemberStep struct {
	Tick    int      `json:"tick"`
	Members []string `json:"members"`
}

// ProposalRow is one proposal and its answers.
type ProposalRow struct {
	Tick     int          `json:"tick"`
	Proposer string       `json:"proposer"`
	Patron   bool         `json:"patron"` // made by a patron
	Kind     string       `json:"kind"`   // coalition, apply, join, multilateral, bilateral, subset, fallback-bilateral
	Invitees []string     `json:"invitees"`
	Strong   bool         `json:"strong"`
	Accepted bool         `json:"accepted"`
	Refusals []RefusalRow `json:"refusals,omitempty"`
}

// RefusalRow is one refusal: who, the largest cost term, and the state
// behind it ("" for the autonomy cost).
type RefusalRow struct {
	State   string `json:"state"`
	Reason  string `json:"reason"`
	Partner string `json:"partner,omitempty"`
}

// NewRecord extracts the record of a finished run.
func NewRecord(point, run int, seed uint64, w *sim.World) Record {
	c := w.Compiled()
	names := func(s agents.Set) []string {
		out := make([]string, 0, s.Len())
		s.Each(func(i int) { out = append(out, c.ID(i)) })
		return out
	}
	r := Record{Point: point, Run: run, Seed: seed, Ticks: w.Tick()}
	for i := 0; i < c.N(); i++ {
		if c.Role(i) == sim.Patron {
			r.Patrons = append(r.Patrons, c.ID(i))
		}
	}
	for _, a := range w.Alliances() {
		row := AllianceRow{ID: a.ID, Patron: a.HasPatron, Origin: a.Origin.String(), Strong: a.Strong,
			Formed: a.Formed, PatronJoined: a.PatronJoined, Ended: a.Ended, Cause: a.Cause.String()}
		if a.Active() {
			row.Cause = sim.EndHorizon.String()
		}
		for _, h := range a.History {
			row.History = append(row.History, MemberStep{Tick: h.Tick, Members: names(h.Members)})
		}
		r.Alliances = append(r.Alliances, row)
	}
	events := w.Events()
	for i := 0; i < len(events); i++ {
		e := &events[i]
		if e.Type != sim.EventProposal {
			continue
		}
		p := ProposalRow{Tick: e.Tick, Proposer: c.ID(e.Actor), Patron: c.Role(e.Actor) == sim.Patron,
			Kind: e.Proposal.String(), Invitees: names(e.Others), Strong: e.Strong}
		// The answers follow the proposal in the log: refusals and an
		// acceptance, then the formation or the join if all agreed.
		for j := i + 1; j < len(events) && events[j].Tick == e.Tick; j++ {
			f := &events[j]
			if f.Type == sim.EventRejection {
				ref := RefusalRow{State: c.ID(f.Actor), Reason: f.Reason.String()}
				if f.Target >= 0 {
					ref.Partner = c.ID(f.Target)
				}
				p.Refusals = append(p.Refusals, ref)
				continue
			}
			if f.Type == sim.EventAcceptance {
				continue
			}
			p.Accepted = (f.Type == sim.EventFormed || f.Type == sim.EventJoined) && len(p.Refusals) == 0
			break
		}
		r.Proposals = append(r.Proposals, p)
	}
	return r
}
