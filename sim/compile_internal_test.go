package sim

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The scenario's [decision] reaches every state that does not override a
// key; a state's override wins for that key only; and Compile takes a
// copy, so later changes to the scenario do not reach the Compiled. The
// patron overrides its strategy and patience, c2 its loss aversion.
func TestScenarioDecisionHonoured(t *testing.T) {
	sc := testScenario()
	sc.Decision.Strategy = "prospect"
	sc.Decision.Temperature = 0.5
	sc.States[pat].Decision = agents.DecisionOverrides{"strategy": "powerplay", "patience": 6}
	sc.States[c2].Decision = agents.DecisionOverrides{"lambda": 3}
	c := mustCompile(t, sc)
	for i, s := range sc.States {
		d := c.Decision(i)
		strategy, patience, lambda := "prospect", 24.0, 2.25
		switch i {
		case pat:
			strategy, patience = "powerplay", 6
		case c2:
			lambda = 3
		}
		if d.Strategy != strategy || d.Patience != patience || d.Lambda != lambda || d.Temperature != 0.5 || d.Valuation != "prospect" {
			t.Errorf("%s decides %+v; want strategy %s, patience %v, lambda %v, temperature 0.5", s.ID, d, strategy, patience, lambda)
		}
	}
	if _, ok := c.strategy[pat].(agents.PowerplayStrategy); !ok {
		t.Errorf("the patron follows %T, want its own powerplay strategy", c.strategy[pat])
	}
	sc.Decision.Temperature = 0.1
	sc.States[pat].Decision["strategy"] = "prospect"
	if c.Decision(c2).Temperature != 0.5 || c.Decision(pat).Strategy != "powerplay" || c.Scenario().States[pat].Decision["strategy"] != "powerplay" {
		t.Error("a change to the scenario after Compile reached the Compiled")
	}
}

// A key only a patron's strategy reads is refused on a state of another
// role, naming it; the scenario's [decision] sets it for every patron.
func TestPatronKeysOnlyOnPatrons(t *testing.T) {
	sc := testScenario()
	sc.States[c1].Decision = agents.DecisionOverrides{"patience": 6, "lambda": 3}
	sc.States[adv].Decision = agents.DecisionOverrides{"strategy": "powerplay"}
	err := sc.Validate()
	for _, want := range []string{
		`states[1].decision.patience: patience is a patron's decision; "c1" has role client`,
		// an adversary weighs no alliance: any key of its is refused
		`states[4].decision: "adv" is an adversary, which weighs no alliance, so its decision settings would change nothing; allowed: leave them out`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v\nwant …%s…", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "lambda") {
		t.Errorf("lambda, every state's key, refused: %v", err)
	}
}
