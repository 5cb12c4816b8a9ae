package runner

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// The hub-and-spokes shares include their bounds, "≤ 0.3" and "≥ 0.6",
// and no more (an index of 1/3 is in neither);
// a date with no patron alliance in any run has no mean; the median of
// an even number of first commitments is the mean of the middle two; a
// client alliance of exactly three counts as "3 or more".
func TestAggregatorBounds(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	a := NewAggregator("hand", 1, cal, []int{10, 50})
	// patron alliances formed at from, in force until 40: bi bilateral
	// (p with one client) and tri trilateral (p with two)
	patronRun := func(run, from, bi, tri int) Record {
		r := Record{Run: run, Record: sim.Record{Ticks: 100, Patrons: []string{"p"}}}
		add := func(ids ...string) {
			r.Alliances = append(r.Alliances, sim.AllianceRecord{ID: len(r.Alliances), Founders: ids, Patron: true, Origin: "imposed",
				Formed: from, PatronJoined: from, PatronSize: len(ids), Ended: 40, Cause: "patron_left",
				Members: closeAll(founded(from, ids...), 40, "left")})
		}
		for i := range bi {
			add(fmt.Sprintf("b%d", i), "p")
		}
		for i := range tri {
			add(fmt.Sprintf("s%d", i), fmt.Sprintf("t%d", i), "p")
		}
		return r
	}
	// run 0: 3 bilateral of 10 at tick 10, index 3/10 = 0.3, first
	// commitment at 2; it also has a client alliance that peaked at three
	r0 := patronRun(0, 2, 3, 7)
	r0.Alliances = append(r0.Alliances, sim.AllianceRecord{ID: 10, Founders: []string{"x", "y", "z"}, Origin: "client", Formed: 1,
		PatronJoined: -1, ClientPeak: 3, Ended: -1, Cause: "horizon", Members: founded(1, "x", "y", "z")})
	// run 1: 3 bilateral of 5, index 0.6, first commitment at 6
	r1 := patronRun(1, 6, 3, 2)
	a.Add(&r0)
	a.Add(&r1)
	s := a.Summary()
	if h := s.HubSpokes[0]; h.Runs != 2 || h.Share03.Count != 1 || h.Share06.Count != 1 {
		t.Errorf("hub at 10: %d runs, %d at ≤ 0.3, %d at ≥ 0.6; want 2, 1 (index 0.3), 1 (index 0.6)", h.Runs, h.Share03.Count, h.Share06.Count)
	}
	if h := s.HubSpokes[1]; h.Runs != 0 || h.Mean != nil {
		t.Errorf("hub at 50, no patron alliance in force: %d runs, mean %v; want 0 and none", h.Runs, deref(h.Mean))
	}
	// first commitments at 2 and 6: median (2 + 6)/2 = 4
	if fc := s.FirstCommitment; fc.Median == nil || *fc.Median != 4 {
		t.Errorf("median first commitment %v, want 4", deref(fc.Median))
	}
	if got := s.Share(ClientAlliance3Plus); got.Count != 1 {
		t.Errorf("client alliance of three: %+v, want 1 of 2", got)
	}
	// 1 bilateral of 3 at tick 10, index 1/3: neither ≤ 0.3 nor ≥ 0.6
	b := NewAggregator("hand", 1, cal, []int{10})
	r2 := patronRun(2, 4, 1, 2)
	b.Add(&r2)
	if h := b.Summary().HubSpokes[0]; h.Runs != 1 || h.Mean == nil || *h.Mean != 1.0/3 || h.Share03.Count != 0 || h.Share06.Count != 0 {
		t.Errorf("hub at 10: %d runs, mean %v, %d at ≤ 0.3, %d at ≥ 0.6; want 1, 1/3, 0, 0", h.Runs, deref(h.Mean), h.Share03.Count, h.Share06.Count)
	}
}

// The first patron commitment's mean and median, by hand: of none, no
// mean or median (not 0/0); of one at tick 4, both 4; of four at 1, 2, 3
// and 10, mean 16/4 = 4 and median the mean of the middle two,
// (2 + 3)/2 = 2.5.
func TestFirstCommitmentMeanAndMedian(t *testing.T) {
	run := func(from int) Record { // one bilateral of patron p from tick from; -1: no alliance
		r := Record{Record: sim.Record{Ticks: 20, Patrons: []string{"p"}}}
		if from >= 0 {
			r.Alliances = []sim.AllianceRecord{{ID: 0, Founders: []string{"b", "p"}, Patron: true, Origin: "bilateral", Formed: from,
				PatronJoined: from, PatronSize: 2, Ended: -1, Cause: "horizon", Members: founded(from, "b", "p")}}
		}
		return r
	}
	for _, c := range []struct {
		firsts       []int
		mean, median any
	}{
		{[]int{-1}, nil, nil},
		{[]int{4}, 4.0, 4.0},
		{[]int{3, 10, 1, 2}, 4.0, 2.5},
	} {
		a := NewAggregator("hand", 1, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, []int{5})
		for _, f := range c.firsts {
			r := run(f)
			a.Add(&r)
		}
		if fc := a.Summary().FirstCommitment; deref(fc.Mean) != c.mean || deref(fc.Median) != c.median {
			t.Errorf("first commitments %v: mean %v median %v, want %v and %v", c.firsts, deref(fc.Mean), deref(fc.Median), c.mean, c.median)
		}
	}
}

// The default hub dates are the Januaries of decade years within the
// horizon, none before the start: a run from 1950-06 has 1960-01 (tick
// 115), not 1950-01 (tick −5). With no decade inside, the middle tick:
// 24 ticks from 1951-01 give tick 12.
func TestDefaultHubTicks(t *testing.T) {
	if got := defaultHubTicks(sim.Calendar{StartYear: 1950, StartMonth: 6, MonthsPerTick: 1}, 200); !slices.Equal(got, []int{115}) {
		t.Errorf("from 1950-06 for 200 ticks: %v, want [115]", got)
	}
	if got := defaultHubTicks(sim.Calendar{StartYear: 1951, StartMonth: 1, MonthsPerTick: 1}, 24); !slices.Equal(got, []int{12}) {
		t.Errorf("1951-01 for 24 ticks: %v, want [12]", got)
	}
}

// An alliance that ended at tick 0 ended (Ended −1 is the mark of one in
// force at the horizon, not 0): one lifetime of 0 ticks, an event, S = 0.
func TestAggregatorAllianceEndedAtTickZero(t *testing.T) {
	a := NewAggregator("hand", 1, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, []int{5})
	r := Record{Record: sim.Record{Ticks: 10, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
		{Founders: []string{"a", "b"}, Origin: "client", Formed: 0, PatronJoined: -1, ClientPeak: 2, Ended: 0, Cause: "occupied",
			Members: closeAll(founded(0, "a", "b"), 0, "ended")}}}}
	a.Add(&r)
	all := a.Summary().Survival[0]
	if all.Group != "all" || all.Events != 1 || len(all.Points) != 1 || all.Points[0].T != 0 || all.Points[0].S != 0 {
		t.Errorf("survival %+v, want group all with one event at t = 0 and S = 0", all)
	}
}

// A summary lists shapes by runs, most first, then size, smallest first,
// then members; survival groups as all, kinds bilateral, trilateral,
// multilateral, origins client, indigenous, imposed, bilateral, then the
// halves by convergence, low and high; and a record without a value of a
// measure the aggregate names counts for no run of it. Two hand-made runs
// have a b in both (2 runs), and in one run each c p and d e (equal size:
// by members), d e f, and a b c p and d e f p (equal size: by members).
// Their alliances, with origin and kind (of the founders):
//
//	run 0: a b (client, bilateral), c p (bilateral, bilateral),
//	       a b c p (imposed, multilateral), d e f then d e f p from tick 5
//	       (indigenous, trilateral)
//	run 1: a b (client, bilateral), d e (client, bilateral)
//
// Cohesion 0.2 for a b c p and d e, 0.8 for the other four: the median
// bin is 0.8's, so two alliances are in the low half and four in the high.
func TestSummaryOrder(t *testing.T) {
	a := NewAggregator("hand", 1, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, []int{5})
	a.SetMeasures([]string{"m"})
	alliance := func(id int, origin string, cohesion float64, founders ...string) sim.AllianceRecord {
		return sim.AllianceRecord{ID: id, Founders: founders, Origin: origin, Cohesion: cohesion, Formed: 0, PatronJoined: -1,
			ClientPeak: len(founders), Ended: -1, Cause: "horizon", Members: founded(0, founders...)}
	}
	indigenous := alliance(3, "indigenous", 0.8, "d", "e", "f")
	indigenous.PatronJoined, indigenous.PatronSize = 5, 4
	indigenous.Members = append(indigenous.Members, sim.MembershipRecord{State: "p", Joined: 5, Left: -1, Entry: "joined"})
	bilateral, imposed := alliance(1, "bilateral", 0.8, "p", "c"), alliance(2, "imposed", 0.2, "p", "a", "b", "c")
	bilateral.PatronJoined, bilateral.PatronSize, bilateral.ClientPeak = 0, 2, 0
	imposed.PatronJoined, imposed.PatronSize, imposed.ClientPeak = 0, 4, 0
	runs := []Record{
		{Record: sim.Record{Ticks: 20, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
			alliance(0, "client", 0.8, "a", "b"), bilateral, imposed, indigenous}}},
		{Record: sim.Record{Ticks: 20, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
			alliance(0, "client", 0.8, "a", "b"), alliance(1, "client", 0.2, "d", "e")}}},
	}
	for i := range runs {
		a.Add(&runs[i])
	}
	s := a.Summary()
	var shapes, groups []string
	for _, sh := range s.Shapes {
		shapes = append(shapes, fmt.Sprintf("%s (%d)", strings.Join(sh.Members, " "), sh.Share.Count))
	}
	for _, g := range s.Survival {
		groups = append(groups, g.Group)
	}
	if got, want := strings.Join(shapes, ", "), "a b (2), c p (1), d e (1), d e f (1), a b c p (1), d e f p (1)"; got != want {
		t.Errorf("shapes %s, want %s", got, want)
	}
	want := "all, kind=bilateral, kind=trilateral, kind=multilateral, " +
		"origin=client, origin=indigenous, origin=imposed, origin=bilateral, cohesion=low, cohesion=high"
	if got := strings.Join(groups, ", "); got != want {
		t.Errorf("groups %s, want %s", got, want)
	}
	if m := s.Measures[0]; m.Name != "m" || m.Runs != 0 || m.Mean != nil {
		t.Errorf("a measure no record gave: %+v", m)
	}
}

// A share the summary does not hold is of no runs: 0 in [0, 1], as
// Proportion says, not an interval of [0, 0].
func TestShareOfNoRuns(t *testing.T) {
	var s Summary
	if got, want := s.Share(ClientAlliance), NewProportion(0, 0); got != want || got.High != 1 {
		t.Errorf("missing share %+v, want %+v", got, want)
	}
}

// SurvivalOf finds a group by its name, and says where a summary holds none.
func TestSurvivalOf(t *testing.T) {
	s := &Summary{Survival: []GroupSurvival{{Group: "all", SurvivalCurve: SurvivalCurve{N: 3}}, {Group: "origin=imposed", SurvivalCurve: SurvivalCurve{N: 1}}}}
	if g, ok := s.SurvivalOf("origin=imposed"); !ok || g.N != 1 {
		t.Errorf("origin=imposed: %+v, %v; want N 1", g, ok)
	}
	if g, ok := s.SurvivalOf("origin=client"); ok || g.Group != "" {
		t.Errorf("origin=client: %+v, %v; want none", g, ok)
	}
}
