package targets

import (
	"cmp"
	"slices"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// brussels are the five signatories of the Brussels treaty (1948-03).
var brussels = []string{"gbr", "fra", "bel", "nld", "lux"}

// westernUnions are the alliances of E1: formed by clients alone, all of
// them Brussels powers, before the patron's first alliance, in the order
// they formed. There may be several, as there were in 1947–48 (Dunkirk,
// then Brussels), and E2 and E3 ask of any of them, not only the first:
// a pair that formed and lapsed before the five signed does not hide
// their pact. One formed in the tick of the patron's first alliance
// counts as before it: the clients' round comes before the patrons' in
// every tick (docs/model.md §3.2).
func westernUnions(r *runner.Record) []*sim.AllianceRecord {
	first := firstPatronTick(r)
	var out []*sim.AllianceRecord
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if r.HasPatron(a.Founders) || !subset(a.Founders, brussels...) {
			continue
		}
		if first >= 0 && a.Formed > first {
			continue
		}
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(a, b *sim.AllianceRecord) int { return cmp.Compare(a.Formed, b.Formed) })
	return out
}

// brusselsBeforePatron is the largest number of Brussels powers that
// were members of the alliance together while clients stood alone, before
// a patron first entered it: E2's count. Another client in the alliance —
// Italy or Denmark, say — neither counts nor hides the Brussels powers'
// own commitment to each other, which is what E2 asks of the Brussels
// treaty. (ClientPeak counts every member; it read E2 until 2026-12-05.)
//
// The count is taken over the alliance's client phases before the first
// patron's entry (clientPhases, as A1 reads them): the founders together,
// then each client's joining, a member that left in the tick another
// joined counted with it. With only Brussels powers in it before the
// patron, and no elimination by a scripted occupation (europe-1947
// scripts none), the count is ClientPeak
// (TestE2CountIsClientPeakAmongTheFive).
func brusselsBeforePatron(a *sim.AllianceRecord, patrons []string) int {
	n := 0
	for _, ph := range clientPhases(a, patrons) {
		if !ph.first {
			continue
		}
		in := 0
		for _, s := range ph.members {
			if slices.Contains(brussels, s) {
				in++
			}
		}
		n = max(n, in)
	}
	return n
}

// e3 is the alliance of E3: a Western Union of E1 joined by the patron —
// origin indigenous, commitment strong — by 1950-12, the first to form if
// there are several (nil if none).
func e3(r *runner.Record, cal sim.Calendar) *sim.AllianceRecord {
	for _, a := range westernUnions(r) {
		if a.Origin == sim.OriginIndigenous.String() && a.Strong && a.PatronJoined >= 0 && a.PatronJoined <= tickOf(cal, 1950, 12) {
			return a
		}
	}
	return nil
}

var europe = []Target{
	{ID: "E1", Scenario: "europe-1947", States: brussels, Need: 2, Patron: true, Threshold: 0.8,
		Description: "a client-only alliance among UK, France, Benelux forms before the patron's first alliance (H6)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			return true, len(westernUnions(r)) > 0
		}},
	{ID: "E2", Scenario: "europe-1947", States: brussels, Need: 4, Patron: true, Threshold: 0.6,
		Description: "it reaches 4 or more of the five before the patron joins",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			return true, slices.ContainsFunc(westernUnions(r), func(a *sim.AllianceRecord) bool { return brusselsBeforePatron(a, r.Patrons) >= 4 })
		}},
	{ID: "E3", Scenario: "europe-1947", States: brussels, Need: 2, Patron: true, Until: "1950-12", Threshold: 0.7,
		Description: "the patron joins that client alliance, indigenous and strong, by 1950-12 (H1, H5)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			return true, e3(r, cal) != nil
		}},
	{ID: "E4", Scenario: "europe-1947", States: brussels, Need: 2, Patron: true, Until: "1991-12", Threshold: 0.75,
		Description: "where E3 happened, that alliance is still in force at 1991-12 (H2)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			a := e3(r, cal)
			if a == nil {
				return false, false
			}
			return true, a.Ended < 0 || a.Ended > tickOf(cal, 1991, 12)
		}},
	{ID: "E5", Scenario: "europe-1947", Patron: true, Until: "1960-01", Threshold: 0.7,
		Description: "hub-and-spokes index of the patron at 1960-01 is at most 0.3",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			h, ok := runner.HubSpokesIndex(r, tickOf(cal, 1960, 1))
			return true, ok && h <= 0.3
		}},
}
