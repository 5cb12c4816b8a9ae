package sim

import (
	"fmt"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The scenario's [decision] reaches every state that does not override a
// key; a state's override wins for that key only; and Compile takes a
// copy, so later changes to the scenario do not reach the Compiled.
func TestScenarioDecisionHonoured(t *testing.T) {
	sc := testScenario()
	sc.Decision.Strategy = "prospect"
	sc.Decision.Temperature = 0.5
	sc.States[c2].Decision = agents.DecisionOverrides{"strategy": "powerplay", "patience": 6}
	c := mustCompile(t, sc)
	for i, s := range sc.States {
		d := c.Decision(i)
		strategy, patience := "prospect", 24.0
		if i == c2 {
			strategy, patience = "powerplay", 6
		}
		if d.Strategy != strategy || d.Patience != patience || d.Temperature != 0.5 || d.Valuation != "prospect" {
			t.Errorf("%s decides %+v; want strategy %s, patience %v, temperature 0.5", s.ID, d, strategy, patience)
		}
	}
	if _, ok := c.strategy[pat].(agents.ProspectStrategy); !ok {
		t.Errorf("the patron follows %T, want the scenario's prospect strategy", c.strategy[pat])
	}
	sc.Decision.Strategy = "assurance"
	sc.States[c2].Decision["strategy"] = "prospect"
	if c.Decision(pat).Strategy != "prospect" || c.Decision(c2).Strategy != "powerplay" || c.Scenario().States[c2].Decision["strategy"] != "powerplay" {
		t.Error("a change to the scenario after Compile reached the Compiled")
	}
}

// The scenario-level strategy changes what happens: an assurance patron
// (the default) that will not impose waits for its clients at tick 0;
// with the scenario's strategy set to prospect, and no override, the
// patron proposes at once.
func TestScenarioStrategyActs(t *testing.T) {
	for _, strategy := range []string{"assurance", "prospect"} {
		sc := testScenario()
		sc.Decision.Strategy = strategy
		sc.Decision.ImposeThreshold = 1
		w := NewWorld(mustCompile(t, sc), 1)
		w.perceive()
		w.startReviews()
		w.patronRound(pat)
		if proposed := len(w.events) > 0; proposed != (strategy == "prospect") {
			t.Errorf("strategy %s: patron proposed %v; events %v", strategy, proposed, describe(w))
		}
	}
}

func describe(w *World) []string {
	var out []string
	for i := range w.events {
		out = append(out, fmt.Sprintf("%+v", w.EventRecord(&w.events[i])))
	}
	return out
}
