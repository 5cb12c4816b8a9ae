package runner

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// An alliance counts in each origin's survival group only while it had
// that origin: by hand, over a horizon of 100 ticks.
func TestOriginLifetimes(t *testing.T) {
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
		// ended in tick 0, the tick it formed: a lifetime of 0 that ended
		// (−1, not 0, marks one in force)
		{"client, ended at tick 0", sim.AllianceRecord{Origin: "client", Formed: 0, PatronJoined: -1, Ended: 0},
			[]OriginLifetime{{"client", Observation{Duration: 0, Event: true}}}},
	} {
		if got := OriginLifetimes(&c.al, 100); !slices.Equal(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
