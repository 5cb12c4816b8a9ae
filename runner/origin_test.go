package runner

import (
	"context"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// An alliance counts in each origin's survival group only while it had
// that origin, split at the tick its record says the origin began
// (OriginSince): by hand, over a horizon of 100 ticks. runner.OriginSince
// is the tick its last lifetime begins, the one of the origin recorded.
func TestOriginLifetimes(t *testing.T) {
	for _, c := range []struct {
		name  string
		al    sim.AllianceRecord
		want  []OriginLifetime
		since int
	}{
		// clients from tick 10, the patron in at 25, ended at 40: client
		// for 15 ticks (censored, it went on) and indigenous for 15, ended
		{"indigenous, ended", sim.AllianceRecord{Origin: "indigenous", Formed: 10, OriginSince: 25, PatronJoined: 25, Ended: 40},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 15, Event: true}}}, 25},
		// in force at the horizon: indigenous for 100 − 25 = 75, censored
		{"indigenous, in force", sim.AllianceRecord{Origin: "indigenous", Formed: 10, OriginSince: 25, PatronJoined: 25, Ended: -1},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 75}}}, 25},
		// ended in the tick the patron joined (its members left after the
		// entry): the clients' 15 ticks are still censored at the entry,
		// since the end came in the indigenous phase, which lasted 0 ticks
		// and ended
		{"indigenous, ended in the tick the patron joined", sim.AllianceRecord{Origin: "indigenous", Formed: 10, OriginSince: 25, PatronJoined: 25, Ended: 25},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 0, Event: true}}}, 25},
		// a record built by hand without OriginSince: the patron's entry
		// (PatronJoined) is where it turned indigenous, as the engine's
		// records give OriginSince
		{"indigenous, no OriginSince", sim.AllianceRecord{Origin: "indigenous", Formed: 10, PatronJoined: 25, Ended: 40},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 15, Event: true}}}, 25},
		// the patron joined in the tick the clients formed it: no client phase
		{"indigenous from the start", sim.AllianceRecord{Origin: "indigenous", Formed: 10, OriginSince: 10, PatronJoined: 10, Ended: 40},
			[]OriginLifetime{{"indigenous", Observation{Duration: 30, Event: true}}}, 10},
		// every other origin from formation
		{"client", sim.AllianceRecord{Origin: "client", Formed: 10, OriginSince: 10, PatronJoined: -1, Ended: 12},
			[]OriginLifetime{{"client", Observation{Duration: 2, Event: true}}}, 10},
		{"imposed", sim.AllianceRecord{Origin: "imposed", Formed: 30, OriginSince: 30, PatronJoined: 30, Ended: -1},
			[]OriginLifetime{{"imposed", Observation{Duration: 70}}}, 30},
		{"bilateral", sim.AllianceRecord{Origin: "bilateral", Formed: 0, OriginSince: 0, PatronJoined: 0, Ended: 99},
			[]OriginLifetime{{"bilateral", Observation{Duration: 99, Event: true}}}, 0},
		// a patron's bilateral signed for an occupied client, which joined
		// on sovereignty at 27 and made it imposed: bilateral for 2 ticks
		// (censored), imposed from 27 to its end at 60
		{"bilateral, then imposed", sim.AllianceRecord{Origin: "imposed", Founders: []string{"tha", "usa"}, Formed: 25, OriginSince: 27, PatronJoined: 25, Ended: 60,
			Members: []sim.MembershipRecord{{State: "tha", Joined: 25, Left: 60, Entry: "founded"}, {State: "usa", Joined: 25, Left: 60, Entry: "founded"},
				{State: "jpn", Joined: 27, Left: 60, Entry: "sovereignty"}}},
			[]OriginLifetime{{"bilateral", Observation{Duration: 2}}, {"imposed", Observation{Duration: 33, Event: true}}}, 27},
		// the record's tick, not the memberships: an applicant (c) leaving
		// in the tick of the entry on sovereignty may have gone before it
		// (the alliance turned imposed then) or after it (it stayed
		// bilateral, and a later entry turned it): the record says which
		{"bilateral, then imposed as the applicant goes", sim.AllianceRecord{Origin: "imposed", Founders: []string{"tha", "usa"}, Formed: 10, OriginSince: 20, PatronJoined: 10, Ended: -1,
			Members: []sim.MembershipRecord{{State: "tha", Joined: 10, Left: -1, Entry: "founded"}, {State: "usa", Joined: 10, Left: -1, Entry: "founded"},
				{State: "c", Joined: 15, Left: 20, Entry: "applied", Exit: "occupied"}, {State: "jpn", Joined: 20, Left: -1, Entry: "sovereignty"}}},
			[]OriginLifetime{{"bilateral", Observation{Duration: 10}}, {"imposed", Observation{Duration: 80}}}, 20},
		{"bilateral, then imposed at a later entry", sim.AllianceRecord{Origin: "imposed", Founders: []string{"tha", "usa"}, Formed: 10, OriginSince: 40, PatronJoined: 10, Ended: -1,
			Members: []sim.MembershipRecord{{State: "tha", Joined: 10, Left: -1, Entry: "founded"}, {State: "usa", Joined: 10, Left: -1, Entry: "founded"},
				{State: "c", Joined: 15, Left: 20, Entry: "applied", Exit: "occupied"}, {State: "jpn", Joined: 20, Left: 30, Entry: "sovereignty", Exit: "left"},
				{State: "kor", Joined: 40, Left: -1, Entry: "sovereignty"}}},
			[]OriginLifetime{{"bilateral", Observation{Duration: 30}}, {"imposed", Observation{Duration: 60}}}, 40},
		// a record built by hand that leaves OriginSince at 0, before its
		// formation: its origin from its formation
		{"imposed, no tick of its origin", sim.AllianceRecord{Origin: "imposed", Formed: 30, PatronJoined: 30, Ended: -1},
			[]OriginLifetime{{"imposed", Observation{Duration: 70}}}, 30},
		// a record built by hand that dates the change after the
		// alliance's end, or past the horizon: whole, from its formation,
		// not a negative lifetime
		{"imposed after its end", sim.AllianceRecord{Origin: "imposed", Formed: 10, OriginSince: 50, PatronJoined: 10, Ended: 40},
			[]OriginLifetime{{"imposed", Observation{Duration: 30, Event: true}}}, 10},
		{"indigenous past the horizon", sim.AllianceRecord{Origin: "indigenous", Formed: 10, OriginSince: 120, PatronJoined: 120, Ended: -1},
			[]OriginLifetime{{"indigenous", Observation{Duration: 90}}}, 120},
		// only the tick of the record's own origin is read: an
		// indigenous alliance's OriginSince, or an imposed one's
		// PatronJoined, past its end changes nothing
		{"indigenous, OriginSince past its end", sim.AllianceRecord{Origin: "indigenous", Formed: 10, OriginSince: 50, PatronJoined: 20, Ended: 40},
			[]OriginLifetime{{"client", Observation{Duration: 10}}, {"indigenous", Observation{Duration: 20, Event: true}}}, 20},
		{"imposed, PatronJoined past its end", sim.AllianceRecord{Origin: "imposed", Formed: 10, OriginSince: 20, PatronJoined: 45, Ended: 40},
			[]OriginLifetime{{"bilateral", Observation{Duration: 10}}, {"imposed", Observation{Duration: 20, Event: true}}}, 20},
		// ended in tick 0, the tick it formed: a lifetime of 0 that ended
		// (−1, not 0, marks one in force)
		{"client, ended at tick 0", sim.AllianceRecord{Origin: "client", Formed: 0, OriginSince: 0, PatronJoined: -1, Ended: 0},
			[]OriginLifetime{{"client", Observation{Duration: 0, Event: true}}}, 0},
	} {
		if got := OriginLifetimes(&c.al, 100); !slices.Equal(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
		if got := OriginSince(&c.al); got != c.since {
			t.Errorf("%s: OriginSince %d, want %d", c.name, got, c.since)
		}
	}
}

// The case of a run, end to end: in asia-1950 with a second patron and
// fiercer crises (seed 67), the United States signs a weak bilateral with
// Thailand in 1952-02, signed for occupied Japan, and Japan's joining on
// its sovereignty in 1952-04 makes it imposed (docs/model.md §7.9). The
// survival groups count it bilateral for those 2 ticks, censored, and
// imposed from 1952-04; it was counted imposed from 1952-02.
func TestOriginLifetimesOfABilateralTurnedImposed(t *testing.T) {
	sc, err := configs.Parse("stress.toml", []byte(`extends = "asia-1950"
[scenario]
name = "stress"
[params]
invite_occupied = true
exit_cost = 0.0
entrapment_cost = 0.5
challenge_rate = 0.08
occupy_cells = 12
[[states]]
id = "gbr"
role = "patron"
`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sim.Run(context.Background(), c, 67)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(res.Alliances, func(a sim.AllianceRecord) bool { return a.ID == 5 })
	if i < 0 {
		t.Fatal("no alliance 5")
	}
	al := &res.Alliances[i]
	formed, joined := 25, 27 // 1952-02 and 1952-04 from 1950-01
	if al.Origin != "imposed" || !slices.Equal(al.Founders, []string{"tha", "usa"}) || al.Formed != formed {
		t.Fatalf("alliance 5: %s, founders %v, formed %d; want imposed, tha and usa, %d", al.Origin, al.Founders, al.Formed, formed)
	}
	got := OriginLifetimes(al, c.Ticks())
	if len(got) != 2 || got[0] != (OriginLifetime{"bilateral", Observation{Duration: float64(joined - formed)}}) ||
		got[1].Origin != "imposed" || got[1].Duration != float64(al.End(c.Ticks())-joined) {
		t.Errorf("lifetimes %+v; want bilateral for %d ticks, censored, then imposed from tick %d", got, joined-formed, joined)
	}
}

// occupiedBeforeSovereignty is a small world in which a patron's
// multilateral is signed by one client (c1) for two occupied ones (c3,
// c4): a bilateral with c3 and c4 designated (docs/model.md §7.9). c2,
// sovereign from 1950-03 and of no stake to the patron (so never invited),
// applies to it and is voted in. In 1950-10 c3 becomes sovereign, and a
// scripted occupation wipes c2 out in the same tick; order says which
// of the two scripted events comes first in the file.
func occupiedBeforeSovereignty(t *testing.T, order string) *sim.Compiled {
	t.Helper()
	events := map[string]string{
		"occupation":  "[[events]]\nid = \"c2-overrun\"\nat = \"1950-10\"\nkind = \"occupy\"\nactor = \"adv\"\ntarget = \"c2\"\nfraction = 1.0\n",
		"sovereignty": "[[events]]\nid = \"c3-sovereign\"\nat = \"1950-10\"\nkind = \"sovereignty\"\nactor = \"c3\"\nsovereign = true\n",
	}
	first, second := events["occupation"], events["sovereignty"]
	if order == "sovereignty first" {
		first, second = second, first
	}
	sc, err := configs.Parse("occupied.toml", []byte(`[scenario]
name = "occupied"
start = "1950-01"
tick = "month"
ticks = 24
[theater]
map = """
AAAA112223344~~PP
AAAA112223344~~PP
AAAA112223344~~PP
"""
[params]
perception_noise = 0.0
challenge_rate = 0.0
provoke_rate = 0.0
invite_occupied = true
[decision]
temperature = 0.0
[[states]]
id = "pat"
role = "patron"
glyph = "P"
land = 6.0
naval = 20.0
economy = 10.0
ideology = 1.0
stakes = { c1 = 1.0, c2 = 0.0, c3 = 1.0, c4 = 1.0 }
[[states]]
id = "c1"
role = "client"
glyph = "1"
land = 1.0
economy = 1.0
ideology = 0.8
[[states]]
id = "c2"
role = "client"
glyph = "2"
land = 1.0
economy = 1.0
ideology = 0.8
sovereign = false
[[states]]
id = "c3"
role = "client"
glyph = "3"
land = 1.0
economy = 1.0
ideology = 0.8
sovereign = false
[[states]]
id = "c4"
role = "client"
glyph = "4"
land = 1.0
economy = 1.0
ideology = 0.8
sovereign = false
[[states]]
id = "adv"
role = "adversary"
glyph = "A"
land = 8.0
naval = 2.0
economy = 8.0
revisionism = 0.8
ideology = -1.0
[[events]]
id = "c2-sovereign"
at = "1950-03"
kind = "sovereignty"
actor = "c2"
sovereign = true
`+first+second))
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Where the scripted occupation comes first in the tick of c3's
// sovereignty, c2 is gone when c3 joins: the engine finds the founders
// alone and turns the bilateral imposed in that tick (9), which the
// survival groups count bilateral until then, censored, and imposed from
// it. Where the sovereignty comes first, c2, voted in on a bilateral's
// pledges, is still a member when c3 joins, and the alliance stays
// bilateral. The memberships are the same either way (c2 leaves, c3
// joins, in tick 9): only the record of the tick the origin began tells
// them apart (docs/model.md §8.4 item 25).
func TestOriginLifetimesWhenTheApplicantIsOccupiedBeforeTheJoin(t *testing.T) {
	for _, c := range []struct {
		order  string
		origin string
		since  int
		want   []OriginLifetime
	}{
		{"occupation first", "imposed", 9, []OriginLifetime{{"bilateral", Observation{Duration: 9}}, {"imposed", Observation{Duration: 15}}}},
		{"sovereignty first", "bilateral", 0, []OriginLifetime{{"bilateral", Observation{Duration: 24}}}},
	} {
		comp := occupiedBeforeSovereignty(t, c.order)
		res, err := sim.Run(context.Background(), comp, 1)
		if err != nil {
			t.Fatal(err)
		}
		al := &res.Alliances[0]
		members := []sim.MembershipRecord{{State: "pat", Joined: 0, Left: -1, Entry: "founded"}, {State: "c1", Joined: 0, Left: -1, Entry: "founded"},
			{State: "c2", Joined: 2, Left: 9, Entry: "applied", Exit: "occupied"}, {State: "c3", Joined: 9, Left: -1, Entry: "sovereignty"}}
		if al.Origin != c.origin || !slices.Equal(al.Founders, []string{"c1", "pat"}) || al.Formed != 0 || al.Ended != -1 || !slices.Equal(al.Members, members) {
			t.Fatalf("%s: alliance 0 %s, founders %v, formed %d, ended %d, members %+v; want %s, c1 and pat, 0, -1, %+v",
				c.order, al.Origin, al.Founders, al.Formed, al.Ended, al.Members, c.origin, members)
		}
		if al.OriginSince != c.since {
			t.Errorf("%s: origin since %d, want %d", c.order, al.OriginSince, c.since)
		}
		if got := OriginLifetimes(al, comp.Ticks()); !slices.Equal(got, c.want) {
			t.Errorf("%s: lifetimes %+v, want %+v", c.order, got, c.want)
		}
	}
}
