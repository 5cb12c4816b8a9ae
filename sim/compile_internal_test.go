package sim

import (
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
