package sim_test

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
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

// A Compiled is immutable: its name, horizon and calendar are the
// scenario's, and the scenario it gives is a deep copy, so a
// change to it (or to the scenario it was compiled from) changes neither
// its parameters nor the scenario it gives next.
func TestCompiledScenarioIsACopy(t *testing.T) {
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	usa := c.Index("usa")
	if c.Name() != "asia-1950" || c.Ticks() != sc.Ticks || c.Calendar() != sc.Calendar {
		t.Fatalf("name %q, ticks %d, calendar %+v; the scenario's %q, %d, %+v", c.Name(), c.Ticks(), c.Calendar(), sc.Name, sc.Ticks, sc.Calendar)
	}
	stake := sc.States[usa].Stakes["aus"]
	for _, s := range []*sim.Scenario{sc, c.Scenario()} {
		s.Params.ChallengeRate = 0.9
		s.Ticks = 12
		s.States[usa].Stakes["aus"] = 99
		s.Events[0].Note = "changed"
		s.Generate = nil
	}
	got := c.Scenario()
	if c.Params().ChallengeRate == 0.9 || got.Params.ChallengeRate == 0.9 || got.Ticks == 12 ||
		got.States[usa].Stakes["aus"] != stake || got.Events[0].Note == "changed" {
		t.Fatalf("a change to a scenario reached the Compiled: rate %v, ticks %d, stake %v, note %q",
			c.Params().ChallengeRate, got.Ticks, got.States[usa].Stakes["aus"], got.Events[0].Note)
	}
	clone := got.Clone()
	clone.States[usa].Stakes["aus"] = 7
	clone.States[usa].Decision = nil
	if got.States[usa].Stakes["aus"] != stake {
		t.Fatal("Clone shares the stakes")
	}
	// Every reference a scenario holds: grievances, decision overrides,
	// generator settings.
	gen, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	gen.States[2].Grievance = map[string]float64{"adversary": 0.3}
	gen.States[2].Decision = agents.DecisionOverrides{"temperature": 0.05}
	cl := gen.Clone()
	cl.States[2].Grievance["adversary"] = 0.9
	cl.States[2].Decision["temperature"] = 0.5
	cl.Generate.SeaFraction = 0.7
	if gen.States[2].Grievance["adversary"] != 0.3 || gen.States[2].Decision["temperature"] != 0.05 || gen.Generate.SeaFraction == 0.7 {
		t.Fatalf("Clone shares a reference: grievance %v, decision %v, sea fraction %v",
			gen.States[2].Grievance, gen.States[2].Decision, gen.Generate.SeaFraction)
	}
}
