package hypotheses

import (
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// T5's outcome on hand-built records: which runs qualify (a client
// alliance there when the patron first committed) and which join.
func TestPatronJoinsClients(t *testing.T) {
	clients := func(formed, joined int) sim.AllianceRecord {
		origin := "client"
		if joined >= 0 {
			origin = "indigenous"
		}
		return sim.AllianceRecord{Origin: origin, Formed: formed, PatronJoined: joined}
	}
	patrons := func(origin string, formed int) sim.AllianceRecord {
		return sim.AllianceRecord{Origin: origin, Formed: formed, PatronJoined: formed}
	}
	for _, c := range []struct {
		name      string
		alliances []sim.AllianceRecord
		want      float64
		qualifies bool
	}{
		{"no patron alliance", []sim.AllianceRecord{clients(3, -1)}, 0, false},
		{"imposed with no client alliance before", []sim.AllianceRecord{patrons("imposed", 5), clients(9, -1)}, 0, false},
		{"joins a pact formed earlier", []sim.AllianceRecord{clients(3, 8)}, 1, true},
		{"joins a pact in the tick it formed", []sim.AllianceRecord{clients(8, 8)}, 1, true},
		{"imposes while a client pact exists", []sim.AllianceRecord{clients(2, -1), patrons("imposed", 6)}, 0, true},
		{"a bilateral in the tick a client pact formed", []sim.AllianceRecord{clients(6, -1), patrons("bilateral", 6)}, 0, true},
		{"its first commitment decides, not a later join", []sim.AllianceRecord{patrons("bilateral", 4), clients(2, 9)}, 0, true},
	} {
		got, ok := patronJoinsClients(nil, &runner.Record{Record: sim.Record{Alliances: c.alliances}})
		if ok != c.qualifies || (ok && got != c.want) {
			t.Errorf("%s: got %v (qualifies %v), want %v (qualifies %v)", c.name, got, ok, c.want, c.qualifies)
		}
	}
}
