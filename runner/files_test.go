package runner

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// rows writes the rows write gives into a table of head and returns the
// CSV text.
func rows(t *testing.T, head []string, write func(*table) error) string {
	t.Helper()
	var b bytes.Buffer
	tb := newTable(&b, head)
	if err := write(tb); err != nil {
		t.Fatal(err)
	}
	if err := tb.flush(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The rows of alliances.csv, memberships.csv and runs.csv of a hand-made
// run of 24 monthly ticks from 1950-01, cell by cell: members are the
// last phase's, sorted; a size of 0 (no patron, a patron's own alliance)
// and a tick of −1 (never joined, never ended, never left) are empty
// cells; tick 0 is 0 and 1950-01, not empty; a date is that of its own
// tick; a custom measure's NaN is an empty cell; a checkpoint date of
// another point is an empty cell.
func TestRunRowsCellByCell(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	four := 4 // alliance 0 was absorbed into alliance 4; the others into none: an empty cell
	r := &Record{Point: 1, Run: 3, Measures: Values{1.5, math.NaN()}, Record: sim.Record{Seed: 8, Ticks: 24, Patrons: []string{"p"},
		Alliances: []sim.AllianceRecord{
			// q and r ally at 1; the patron p joins at 4 (indigenous from
			// then) and leaves at 6, which ends it, every member in
			// alliance 4 by then
			{ID: 0, Founders: []string{"q", "r"}, Patron: true, Origin: "indigenous", OriginSince: 4, Strong: true, Cohesion: 0.75, Formed: 1,
				PatronJoined: 4, PatronSize: 3, ClientPeak: 2, Ended: 6, Cause: "patron_left", AbsorbedInto: &four, Members: []sim.MembershipRecord{
					{State: "q", Joined: 1, Left: 6, Entry: "founded", Exit: "ended"},
					{State: "r", Joined: 1, Left: 6, Entry: "founded", Exit: "ended"},
					{State: "p", Joined: 4, Left: 6, Entry: "joined", Exit: "left"}}},
			// a, b and c ally at 3; c is occupied at 9; a and b stand at the
			// horizon. Its OriginSince, left at 0, before its formation,
			// reads as its formation (OriginSince)
			{ID: 1, Founders: []string{"a", "b", "c"}, Origin: "client", Cohesion: 0.125, Formed: 3,
				PatronJoined: -1, ClientPeak: 3, Ended: -1, Cause: "horizon", Members: []sim.MembershipRecord{
					{State: "a", Joined: 3, Left: -1, Entry: "founded"},
					{State: "b", Joined: 3, Left: -1, Entry: "founded"},
					{State: "c", Joined: 3, Left: 9, Entry: "founded", Exit: "occupied"}}},
			// x and y ally at 0 and are occupied at once
			{ID: 2, Founders: []string{"x", "y"}, Origin: "indigenous", Formed: 0,
				PatronJoined: -1, ClientPeak: 2, Ended: 0, Cause: "occupied", Members: []sim.MembershipRecord{
					{State: "x", Joined: 0, Left: 0, Entry: "founded", Exit: "occupied"},
					{State: "y", Joined: 0, Left: 0, Entry: "applied", Exit: "ended"}}},
		}}}
	got := rows(t, allianceColumns, func(tb *table) error { return writeAllianceRows(tb, r, cal) })
	want := strings.Join(allianceColumns, ",") + "\n" +
		"1,3,8,0,bilateral,2,3,q r,p q r,true,indigenous,4,1950-05,strong,0.75,1,1950-02,4,1950-05,3,2,6,1950-07,patron_left,4,5\n" +
		"1,3,8,1,trilateral,3,2,a b c,a b,false,client,3,1950-04,weak,0.125,3,1950-04,,,,3,,,horizon,,21\n" +
		"1,3,8,2,bilateral,2,2,x y,x y,false,indigenous,0,1950-01,weak,0,0,1950-01,,,,2,0,1950-01,occupied,,0\n"
	if got != want {
		t.Errorf("alliances.csv:\n got %s\nwant %s", got, want)
	}
	got = rows(t, membershipColumns, func(tb *table) error { return writeMembershipRows(tb, r, cal) })
	want = strings.Join(membershipColumns, ",") + "\n" +
		"1,3,0,q,1,1950-02,6,1950-07,founded,ended\n" +
		"1,3,0,r,1,1950-02,6,1950-07,founded,ended\n" +
		"1,3,0,p,4,1950-05,6,1950-07,joined,left\n" +
		"1,3,1,a,3,1950-04,,,founded,\n" +
		"1,3,1,b,3,1950-04,,,founded,\n" +
		"1,3,1,c,3,1950-04,9,1950-10,founded,occupied\n" +
		"1,3,2,x,0,1950-01,0,1950-01,founded,occupied\n" +
		"1,3,2,y,0,1950-01,0,1950-01,applied,ended\n"
	if got != want {
		t.Errorf("memberships.csv:\n got %s\nwant %s", got, want)
	}
	// Checkpoints at ticks 2 (no patron alliance in force: empty) and 5
	// (the patron's trilateral: 0/1); 1960-01 is another point's.
	hubTicks, hubDates := []int{2, 5}, []string{"1950-03", "1950-06", "1960-01"}
	m := measureRun(r, hubTicks)
	head := runColumns(hubDates, []string{"m1", "m2"})
	got = rows(t, head, func(tb *table) error { return writeRunRow(tb, r, &m, cal, hubTicks, hubDates) })
	want = strings.Join(head, ",") + "\n" + "1,3,8,1,1,0,1,0,0,0,0,4,1950-05,,0,,1.5,\n"
	if got != want {
		t.Errorf("runs.csv:\n got %s\nwant %s", got, want)
	}
}

// The rows of survival.csv and points.csv, cell by cell: each interval
// low then high; a varied number in full (2^53 − 1, not 9.007e+15), a
// string and a boolean as written; a measure without a mean, empty cells.
func TestSummaryRowsCellByCell(t *testing.T) {
	s := &Summary{Shares: map[string]Proportion{}, Survival: []GroupSurvival{{Group: "kind=bilateral", SurvivalCurve: SurvivalCurve{
		Points: []SurvivalPoint{{T: 10, AtRisk: 4, Events: 1, Censored: 2, S: 0.75, SE: 0.25, Lower: 0.125, Upper: 0.875}}}}}}
	got := rows(t, survivalColumns, func(tb *table) error { return writeSurvival(tb, 2, s) })
	if want := "point,group,t,at_risk,events,censored,s,se,lower,upper\n2,kind=bilateral,10,4,1,2,0.75,0.25,0.125,0.875\n"; got != want {
		t.Errorf("survival.csv:\n got %s\nwant %s", got, want)
	}
	for i, k := range shareKeys {
		s.Shares[k] = Proportion{Share: float64(i) / 8, Low: float64(i) / 16, High: 0.5 + float64(i)/16}
	}
	mean, low, high := 1.5, 1.0, 2.0
	s.Measures = []MeasureSummary{{Name: "m1", Mean: &mean, Low: &low, High: &high}, {Name: "m2"}}
	m := &Manifest{Vary: []string{"seed", "name", "on"}, Points: []ManifestPoint{{}, {Values: []any{9007199254740991.0, "x y", true}}}}
	head := pointColumns(m.Vary, []string{"m1", "m2"})
	got = rows(t, head, func(tb *table) error { return writePointRow(tb, m, 1, s) })
	want := strings.Join(head, ",") + "\n" + `1,9007199254740991,x y,true,` +
		"0,0,0.5,0.125,0.0625,0.5625,0.25,0.125,0.625,0.375,0.1875,0.6875,0.5,0.25,0.75,0.625,0.3125,0.8125,0.75,0.375,0.875,0.875,0.4375,0.9375," +
		"1.5,1,2,,,\n"
	if got != want {
		t.Errorf("points.csv:\n got %s\nwant %s", got, want)
	}
}

// The checkpoint columns of runs.csv are the dates of every point, each
// once, in order: a point from 2005-01 has 2010-01 (tick 60) only, one
// from 2000-01 has 2000-01 and 2010-01.
func TestHubColumnsOncePerDateInOrder(t *testing.T) {
	m := &Manifest{Points: []ManifestPoint{
		{Start: "2005-01", MonthsPerTick: 1, Ticks: 120, HubTicks: []int{60}},
		{Start: "2000-01", MonthsPerTick: 1, Ticks: 240, HubTicks: []int{0, 120}},
	}}
	if got := hubColumns(m); !slices.Equal(got, []string{"2000-01", "2010-01"}) {
		t.Errorf("hub columns %v, want [2000-01 2010-01]", got)
	}
}
