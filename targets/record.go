package targets

import (
	"slices"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Helpers that read a run's record.

func tickOf(cal sim.Calendar, year, month int) int { return cal.TickOf(year, month) }

// subset reports whether every member of ms is one of of.
func subset(ms []string, of ...string) bool {
	for _, m := range ms {
		if !slices.Contains(of, m) {
			return false
		}
	}
	return true
}

// firstPatronTick is the first tick a patron was in any alliance, or -1.
func firstPatronTick(r *runner.Record) int {
	if a := r.FirstPatronAlliance(); a != nil {
		return a.PatronJoined
	}
	return -1
}

// phase is an alliance's member set from a tick on; first is true for
// the sets before a patron first entered it.
type phase struct {
	tick    int
	members []string
	first   bool
}

// clientPhases are the member sets an alliance had while clients stood
// alone, each from the tick it began: the founders of a clients'
// alliance (all of them, even one that left in the tick they signed),
// each set a client's joining made (its members once it joined, a member
// that left in the same tick among them: in a tick members join in
// diplomacy before they leave, step 4 and steps 5–6 of docs/model.md
// §3.1, as E2's count has it; the exception, an elimination by a scripted
// occupation in step 1, is counted with the joiner though it was not
// beside it, and asia-1950 scripts none of A1's four), until a patron
// joined —
// including the clients who joined in the tick a patron did, before it,
// since the clients' round comes first in every tick (docs/model.md
// §3.2), as E1 and T5 read it — and again from the tick a patron left an
// alliance that went on among its clients (§7.12). Members' spells are
// in the order they began, the founders' first; none for an alliance a
// patron founded.
func clientPhases(a *sim.AllianceRecord, patrons []string) []phase {
	isPatron := func(s string) bool { return slices.Contains(patrons, s) }
	clientsOnly := func(ms []string) bool { return !slices.ContainsFunc(ms, isPatron) }
	var out []phase
	first := true // no patron has entered yet
	for k, sp := range a.Members {
		first = first && !isPatron(sp.State)
		if k < len(a.Founders)-1 {
			continue // the founders sign together
		}
		t := sp.Joined
		if ms := besideJoiner(a, k); len(ms) >= 2 && clientsOnly(ms) {
			out = append(out, phase{t, ms, first})
		}
		if isPatron(sp.State) && sp.Left >= 0 {
			if ms := a.MembersAt(sp.Left); len(ms) >= 2 && clientsOnly(ms) {
				out = append(out, phase{sp.Left, ms, false})
			}
		}
	}
	return out
}

// besideJoiner is the member set, sorted, once the k-th of a's spells
// began: a member that left in that tick was beside the joiner, since in
// a tick members join in diplomacy before they leave (clientPhases). So
// the founders' set is the one they signed, even if one of them left, or
// the alliance ended, in the tick it formed (as AllianceRecord.Phases has
// it).
func besideJoiner(a *sim.AllianceRecord, k int) []string {
	t := a.Members[k].Joined
	var ms []string
	for _, m := range a.Members[:k+1] {
		if m.Joined <= t && (m.Left < 0 || t <= m.Left) {
			ms = append(ms, m.State)
		}
	}
	slices.Sort(ms)
	return ms
}

// joinSets are the member sets of a each joining by tick `by` made
// (besideJoiner), the founders' first: every set a had to then, and each
// as large as it was in its tick. A set at the end of a tick is a subset
// of the last of them before it, as no one joined in between.
func joinSets(a *sim.AllianceRecord, by int) [][]string {
	var out [][]string
	for k := max(len(a.Founders)-1, 0); k < len(a.Members); k++ {
		if a.Members[k].Joined > by {
			continue
		}
		out = append(out, besideJoiner(a, k))
	}
	return out
}

// patronMultilaterals are a patron's multilateral proposals (three or more
// invitees) between two ticks, in the order they were made.
func patronMultilaterals(r *runner.Record, from, to int) []*sim.ProposalRecord {
	var out []*sim.ProposalRecord
	for i := range r.Proposals {
		p := &r.Proposals[i]
		if p.Patron && p.Kind == sim.ProposeMultilateral.String() && len(p.Invitees) >= 3 && p.Tick >= from && p.Tick <= to {
			out = append(out, p)
		}
	}
	return out
}

// fearOfFellowInvitee reports whether an invitee refused the proposal for
// fear of another invitee.
func fearOfFellowInvitee(p *sim.ProposalRecord) bool {
	for _, ref := range p.Refusals {
		if isFellowFear(p, ref) {
			return true
		}
	}
	return false
}

func isFellowFear(p *sim.ProposalRecord, ref sim.RefusalRecord) bool {
	return ref.Reason == "fear" && ref.Partner != ref.State && slices.Contains(p.Invitees, ref.Partner)
}

// leftByMembers reports whether an alliance ended because members left
// (not by occupation, and not censored at the horizon), by the tick.
func leftByMembers(a *sim.AllianceRecord, by int) bool {
	return a.Ended >= 0 && a.Ended <= by &&
		(a.Cause == sim.EndMembersLeft.String() || a.Cause == sim.EndPatronLeft.String())
}
