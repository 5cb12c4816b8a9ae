package runner

import (
	"context"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// An alliance counts in each origin's survival group only while it had
// that origin: by hand, over a horizon of 100 ticks. OriginSince is the
// tick its last lifetime begins, the one of the origin recorded.
func TestOriginLifetimes(t *testing.T) {
	since := map[string]int{
		"indigenous, ended": 25, "indigenous, in force": 25, "indigenous from the start": 10,
		"client": 10, "imposed": 30, "bilateral": 0,
		"bilateral, then imposed": 27, "bilateral, then imposed at the second entry": 40,
		"imposed, a client in on sovereignty": 5, "bilateral, then imposed as a founder leaves": 5,
		"client, ended at tick 0": 0, "indigenous, ended in the tick the patron joined": 25,
	}
	for _, c := range []struct {
		name string
		al   sim.AllianceRecord
		want []OriginLifetime
	}{
		// clients from tick 10, the patron in at 25, ended at 40: client
		// for 15 ticks (censored, it went on) and indigenous for 15, ended
		{"indigenous, ended", sim.AllianceRecord{Origin: "indigenous", Formed: 10, PatronJoined: 25, Ended: 40},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 15, Event: true}}}},
		// in force at the horizon: indigenous for 100 − 25 = 75, censored
		{"indigenous, in force", sim.AllianceRecord{Origin: "indigenous", Formed: 10, PatronJoined: 25, Ended: -1},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 75}}}},
		// ended in the tick the patron joined (its members left after the
		// entry): the clients' 15 ticks are still censored at the entry,
		// since the end came in the indigenous phase, which lasted 0 ticks
		// and ended
		{"indigenous, ended in the tick the patron joined", sim.AllianceRecord{Origin: "indigenous", Formed: 10, PatronJoined: 25, Ended: 25},
			[]OriginLifetime{{"client", Observation{Duration: 15}}, {"indigenous", Observation{Duration: 0, Event: true}}}},
		// the patron joined in the tick the clients formed it: no client phase
		{"indigenous from the start", sim.AllianceRecord{Origin: "indigenous", Formed: 10, PatronJoined: 10, Ended: 40},
			[]OriginLifetime{{"indigenous", Observation{Duration: 30, Event: true}}}},
		// every other origin from formation
		{"client", sim.AllianceRecord{Origin: "client", Formed: 10, PatronJoined: -1, Ended: 12},
			[]OriginLifetime{{"client", Observation{Duration: 2, Event: true}}}},
		{"imposed", sim.AllianceRecord{Origin: "imposed", Formed: 30, PatronJoined: 30, Ended: -1},
			[]OriginLifetime{{"imposed", Observation{Duration: 70}}}},
		{"bilateral", sim.AllianceRecord{Origin: "bilateral", Formed: 0, PatronJoined: 0, Ended: 99},
			[]OriginLifetime{{"bilateral", Observation{Duration: 99, Event: true}}}},
		// a patron's bilateral signed for an occupied client, which joined
		// on sovereignty at 27 and made it imposed: bilateral for 2 ticks
		// (censored), imposed from 27 to its end at 60
		{"bilateral, then imposed", sim.AllianceRecord{Origin: "imposed", Founders: []string{"tha", "usa"}, Formed: 25, PatronJoined: 25, Ended: 60,
			Members: []sim.MembershipRecord{{State: "tha", Joined: 25, Left: 60, Entry: "founded"}, {State: "usa", Joined: 25, Left: 60, Entry: "founded"},
				{State: "jpn", Joined: 27, Left: 60, Entry: "sovereignty"}}},
			[]OriginLifetime{{"bilateral", Observation{Duration: 2}}, {"imposed", Observation{Duration: 33, Event: true}}}},
		// an applicant (c) in before the first designated client (jpn)
		// kept it bilateral; both left, and the second (kor) found the
		// founders alone and turned it imposed at 40
		{"bilateral, then imposed at the second entry", sim.AllianceRecord{Origin: "imposed", Founders: []string{"tha", "usa"}, Formed: 10, PatronJoined: 10, Ended: -1,
			Members: []sim.MembershipRecord{{State: "tha", Joined: 10, Left: -1, Entry: "founded"}, {State: "usa", Joined: 10, Left: -1, Entry: "founded"},
				{State: "c", Joined: 15, Left: 30, Entry: "applied"}, {State: "jpn", Joined: 20, Left: 30, Entry: "sovereignty"},
				{State: "kor", Joined: 40, Left: -1, Entry: "sovereignty"}}},
			[]OriginLifetime{{"bilateral", Observation{Duration: 30}}, {"imposed", Observation{Duration: 60}}}},
		// an imposed alliance of three founders that a designated client
		// joined later, finding the founders alone, was imposed from its
		// formation: only a bilateral turns imposed
		{"imposed, a client in on sovereignty", sim.AllianceRecord{Origin: "imposed", Founders: []string{"a", "b", "usa"}, Formed: 5, PatronJoined: 5, Ended: -1,
			Members: []sim.MembershipRecord{{State: "a", Joined: 5, Left: -1, Entry: "founded"}, {State: "b", Joined: 5, Left: -1, Entry: "founded"},
				{State: "usa", Joined: 5, Left: -1, Entry: "founded"}, {State: "jpn", Joined: 27, Left: -1, Entry: "sovereignty"}}},
			[]OriginLifetime{{"imposed", Observation{Duration: 95}}}},
		// a founder that leaves in the tick of the entry was there when it
		// came (sovereignty comes first in a tick): the entry at 5 found
		// the founders alone and turned the bilateral imposed
		{"bilateral, then imposed as a founder leaves", sim.AllianceRecord{Origin: "imposed", Founders: []string{"a", "usa"}, Formed: 0, PatronJoined: 0, Ended: -1,
			Members: []sim.MembershipRecord{{State: "a", Joined: 0, Left: 5, Entry: "founded"}, {State: "usa", Joined: 0, Left: -1, Entry: "founded"},
				{State: "b", Joined: 5, Left: -1, Entry: "sovereignty"}}},
			[]OriginLifetime{{"bilateral", Observation{Duration: 5}}, {"imposed", Observation{Duration: 95}}}},
		// ended in tick 0, the tick it formed: a lifetime of 0 that ended
		// (−1, not 0, marks one in force)
		{"client, ended at tick 0", sim.AllianceRecord{Origin: "client", Formed: 0, PatronJoined: -1, Ended: 0},
			[]OriginLifetime{{"client", Observation{Duration: 0, Event: true}}}},
	} {
		if got := OriginLifetimes(&c.al, 100); !slices.Equal(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
		if want, ok := since[c.name]; !ok {
			t.Errorf("%s: no tick given for OriginSince", c.name)
		} else if got := OriginSince(&c.al); got != want {
			t.Errorf("%s: OriginSince %d, want %d", c.name, got, want)
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
