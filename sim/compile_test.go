package sim_test

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// A scenario built in code is checked by Compile against the same limits
// as a file: more than MaxEvents events are refused.
func TestCompileLimits(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	ev := sim.ScriptedEvent{Tick: 1, Kind: sim.ScriptIntent, Actor: "adversary", Delta: 0.1}
	for range sim.MaxEvents + 1 {
		sc.Events = append(sc.Events, ev)
	}
	if _, err := sim.Compile(sc); err == nil || !strings.Contains(err.Error(), "events: 10001 events; allowed: at most 10000") {
		t.Errorf("want too many events refused, got %v", err)
	}
}
