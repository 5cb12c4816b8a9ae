package targets

import (
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
// state@tick, a patron joining at patronJoined (-1: none).
type ally struct {
	id                   int
	founders             []string
	joins                map[string]int
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
	slices.SortFunc(r.Members, func(x, y sim.MembershipRecord) int { return x.Joined - y.Joined })
	for _, m := range r.Members {
		if slices.Contains(patrons, m.State) {
			r.Patron = true
		}
	}
	peak := 0
	for _, m := range r.Members {
		if r.PatronJoined < 0 || m.Joined < r.PatronJoined {
			if n := len(r.MembersAt(m.Joined)); n > peak {
				peak = n
			}
		}
	}
	if r.PatronJoined != r.Formed {
		r.ClientPeak = peak
	}
	if r.PatronJoined >= 0 {
		r.PatronSize = len(r.MembersAt(r.PatronJoined))
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
	for _, tg := range All {
		if tg.ID == id {
			return tg.Test(r, cal)
		}
	}
	t.Fatalf("no target %s", id)
	return
}
