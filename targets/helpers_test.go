package targets

import (
	"cmp"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Hand-built records: each test states a small history and the verdict
// HISTORY.md gives it.

var (
	europeCal = sim.Calendar{StartYear: 1947, StartMonth: 1, MonthsPerTick: 1}
	asiaCal   = sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
)

// ally describes an alliance for a hand-built record (its row method
// builds the record's row): founders at formed, later joiners as
// state@tick (again after leaving: a second spell), members leaving as
// state@tick (their first spell), a patron joining at
// patronJoined (-1: none).
type ally struct {
	id                   int
	founders             []string
	joins, leaves        map[string]int
	origin               string
	strong               bool
	formed, patronJoined int
	ended                int
	cause                string
}

func (a ally) row(patrons []string) sim.AllianceRecord {
	r := sim.AllianceRecord{ID: a.id, Founders: slices.Sorted(slices.Values(a.founders)), Origin: a.origin, Strong: a.strong,
		Formed: a.formed, PatronJoined: a.patronJoined, Ended: a.ended, Cause: a.cause}
	if r.Cause == "" {
		r.Cause = sim.EndHorizon.String()
	}
	for _, f := range a.founders {
		r.Members = append(r.Members, sim.MembershipRecord{State: f, Joined: a.formed, Left: -1, Entry: "founded"})
	}
	for s, t := range a.joins {
		r.Members = append(r.Members, sim.MembershipRecord{State: s, Joined: t, Left: -1, Entry: "joined"})
	}
	for k := range r.Members { // the first spell of each that left
		if t, ok := a.leaves[r.Members[k].State]; ok && !slices.ContainsFunc(r.Members[:k], func(m sim.MembershipRecord) bool { return m.State == r.Members[k].State }) {
			r.Members[k].Left, r.Members[k].Exit = t, "left"
		}
	}
	// In the order they began, as the engine records them: the founders
	// first, then by tick, and in a tick clients before patrons (the
	// clients' round comes first, docs/model.md §3.2), then by id.
	slices.SortStableFunc(r.Members[len(a.founders):], func(x, y sim.MembershipRecord) int {
		return cmp.Or(x.Joined-y.Joined, cmp.Compare(b2i(slices.Contains(patrons, x.State)), b2i(slices.Contains(patrons, y.State))), cmp.Compare(x.State, y.State))
	})
	for _, m := range r.Members {
		if slices.Contains(patrons, m.State) {
			r.Patron = true
		}
	}
	// ClientPeak as the engine keeps it: the most members after each
	// spell began (those that had left in an earlier tick not counted:
	// in a tick, members join before they leave), until the first
	// patron's did (0 if a patron founded it).
	for k, m := range r.Members {
		if slices.Contains(patrons, m.State) {
			break
		}
		if k >= len(a.founders)-1 {
			n := 0
			for _, o := range r.Members[:k+1] {
				if o.Left < 0 || o.Left >= m.Joined {
					n++
				}
			}
			r.ClientPeak = max(r.ClientPeak, n)
		}
	}
	// PatronSize as the engine keeps it: the members just after the
	// patron became one, a member leaving later in that tick among them
	// (members join before they leave).
	if r.PatronJoined >= 0 {
		for _, m := range r.Members {
			if m.Joined <= r.PatronJoined && (m.Left < 0 || m.Left >= r.PatronJoined) {
				r.PatronSize++
			}
		}
	}
	return r
}

func record(patrons []string, as []ally, ps ...sim.ProposalRecord) *runner.Record {
	r := &runner.Record{Record: sim.Record{Patrons: patrons, Ticks: 540}}
	for _, a := range as {
		r.Alliances = append(r.Alliances, a.row(patrons))
	}
	r.Proposals = ps
	return r
}

func verdict(t *testing.T, id string, r *runner.Record, cal sim.Calendar) (counted, met bool) {
	t.Helper()
	for _, tg := range allTargets {
		if tg.ID == id {
			return tg.Test(r, cal)
		}
	}
	t.Fatalf("no target %s", id)
	return
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
