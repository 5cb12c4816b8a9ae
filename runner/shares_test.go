package runner

import (
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// A share's indicator of no record, or of a Share outside the list, is
// false, not a panic.
func TestShareInNothing(t *testing.T) {
	r := &Record{Record: sim.Record{Alliances: []sim.AllianceRecord{{Origin: "client", PatronJoined: -1, Ended: -1}}}}
	if !ClientAlliance.In(r) || PatronBilateral.In(r) || ClientAlliance.In(nil) || numShares.In(r) || Share(-1).In(r) {
		t.Error("In: want true only for client_alliance of the record")
	}
}

// A share outside the list has a name, not a panic.
func TestShareString(t *testing.T) {
	for s, want := range map[Share]string{ClientAlliance: "client_alliance", PatronMultilateralStrong: "patron_multilateral_strong",
		numShares: "Share(8)", -1: "Share(-1)"} {
		if got := s.String(); got != want {
			t.Errorf("Share %d: %q, want %q", int(s), got, want)
		}
	}
}

// A run's measures by hand. A weak indigenous multilateral the patron
// joined at tick 6 (four members then) is a patron multilateral and an
// indigenous one, neither imposed nor strong; the patron's first
// commitment is tick 6; at tick 6 it is the only patron alliance (index
// 0); tick 10, the horizon, is outside the run. A run without a patron
// alliance has no first commitment (-1) and no index.
func TestMeasureRunByHand(t *testing.T) {
	member := func(s string, joined int) sim.MembershipRecord {
		return sim.MembershipRecord{State: s, Joined: joined, Left: -1}
	}
	indigenous := sim.AllianceRecord{ID: 0, Founders: []string{"a", "b", "c"}, Origin: "indigenous", Formed: 2, Ended: -1, PatronJoined: 6, PatronSize: 4, ClientPeak: 3,
		Members: []sim.MembershipRecord{member("a", 2), member("b", 2), member("c", 2), member("p", 6)}}
	r := &Record{Record: sim.Record{Ticks: 10, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{indigenous}}}
	m := measureRun(r, []int{6, 10})
	want := [numShares]bool{ClientAlliance: true, ClientAlliance3Plus: true, PatronMultilateral: true, PatronMultilateralIndigenous: true}
	if m.Happened != want || m.FirstCommitment != 6 {
		t.Errorf("happened %v, first commitment %d; want %v, 6", m.Happened, m.FirstCommitment, want)
	}
	if len(m.Hub) != 2 || m.Hub[0] != (hubValue{Index: 0, OK: true, Reached: true}) || m.Hub[1] != (hubValue{}) {
		t.Errorf("hub %+v, want index 0 at tick 6 and tick 10 outside the run", m.Hub)
	}
	// The same alliance with strong commitment is a strong patron
	// multilateral too.
	strong := indigenous
	strong.Strong = true
	r.Alliances = []sim.AllianceRecord{strong}
	want[PatronMultilateralStrong] = true
	if m := measureRun(r, []int{6}); m.Happened != want {
		t.Errorf("strong: happened %v, want %v", m.Happened, want)
	}
	r.Alliances = []sim.AllianceRecord{indigenous}
	client := sim.AllianceRecord{ID: 0, Founders: []string{"a", "b"}, Origin: "client", Formed: 2, Ended: -1, PatronJoined: -1, ClientPeak: 2,
		Members: []sim.MembershipRecord{member("a", 2), member("b", 2)}}
	r.Alliances = []sim.AllianceRecord{client}
	if m := measureRun(r, []int{6}); m.FirstCommitment != -1 || m.Hub[0] != (hubValue{Reached: true}) || m.Happened != ([numShares]bool{ClientAlliance: true}) {
		t.Errorf("no patron alliance: %+v, want a client alliance only, no first commitment (-1), no index", m)
	}
}

// The hub-and-spokes index counts an alliance by its members at the
// tick, not by its founders or by whether a patron was ever in it. The
// clients a, b and c found an alliance at 0, the patron p joins it at 2
// and leaves it at 8, and it goes on among its clients (docs/model.md
// §7.12); p and d sign a bilateral at 5. At 6 the patron is in both, one
// of two has two members: 1/2. From 8 only the bilateral is a patron
// alliance: 1/1. At 1 the clients' alliance has no patron yet, and there
// is none: no index. Counted by founders the index would be 1 at 6;
// counted by a patron ever in it, 1/2 at 8 and 10.
func TestHubSpokesIndexCountsTheMembersAtTheTick(t *testing.T) {
	clients := founded(0, "a", "b", "c")
	clients = append(clients, sim.MembershipRecord{State: "p", Joined: 2, Left: 8, Entry: "joined", Exit: "left"})
	r := &Record{Record: sim.Record{Ticks: 20, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
		{ID: 0, Founders: []string{"a", "b", "c"}, Patron: true, Origin: "indigenous", Formed: 0, PatronJoined: 2, PatronSize: 4,
			ClientPeak: 3, Ended: -1, Cause: "horizon", Members: clients},
		{ID: 1, Founders: []string{"d", "p"}, Patron: true, Origin: "bilateral", Formed: 5, PatronJoined: 5, PatronSize: 2,
			Ended: -1, Cause: "horizon", Members: founded(5, "d", "p")},
	}}}
	for _, c := range []struct {
		t     int
		index float64
		ok    bool
	}{{1, 0, false}, {6, 0.5, true}, {8, 1, true}, {10, 1, true}} {
		if index, ok := HubSpokesIndex(r, c.t); index != c.index || ok != c.ok {
			t.Errorf("tick %d: %v, %v; want %v, %v", c.t, index, ok, c.index, c.ok)
		}
	}
}
