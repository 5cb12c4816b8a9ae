package sim

import (
	"math"
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

// Compile hands each cost and challenge parameter to the field of agents
// that reads it, and no other: every one is set to a value of its own,
// none its default, so a field read from its neighbour (spread_base from
// spread_members, both 0.5 by default) or left at its default is caught.
// The weights of the threat fold are normalised by their sum,
// 1/(0.2 + 0.3 + 0.4) = 1/0.9.
func TestCompileCarriesEachCostAndChallengeParameter(t *testing.T) {
	sc := testScenario()
	p := &sc.Params
	p.CostBase, p.CostEntrapment, p.CostDivergence, p.CostThreat = 0.021, 0.151, 0.101, 0.301
	p.AssuranceWeight, p.SpreadBase, p.SpreadMembers = 0.801, 0.501, 0.502
	p.ResidualHelp, p.ArmsCost = 0.201, 0.001
	p.ChallengeRate, p.ChallengeSteepness, p.ChallengeThreshold = 0.0123, 8.1, 0.251
	p.WeightPower, p.WeightProximity, p.WeightOffence = 0.2, 0.3, 0.4
	c := mustCompile(t, sc)
	wantCosts := agents.CostParams{Base: 0.021, Entrapment: 0.151, Divergence: 0.101, Threat: 0.301,
		AssuranceWeight: 0.801, SpreadBase: 0.501, SpreadMembers: 0.502, ResidualHelp: 0.201, ArmsCost: 0.001}
	if c.costs != wantCosts {
		t.Errorf("costs %+v\nwant  %+v", c.costs, wantCosts)
	}
	if want := (agents.ChallengeParams{Rate: 0.0123, Steepness: 8.1, Threshold: 0.251}); c.challenge != want {
		t.Errorf("challenge %+v, want %+v", c.challenge, want)
	}
	if want := 1 / 0.9; math.Abs(c.invWeights-want) > 1e-15 {
		t.Errorf("1/(w_P + w_G + w_O) = %v, want %v", c.invWeights, want)
	}
}

// Compile's stakes matrix (docs/model.md §5, step 4): a patron holds a
// stake of 1 in every client its stakes table leaves out, the table's
// value in those it names (c2 3, c3 0 for pat), and none in a patron or
// an adversary; a client or an adversary holds none. pat2, a second
// patron without a table, holds 1 in each client. Where every stake is
// the same the patron's threat, a weighted mean, does not read its size,
// so a default of ½ instead of 1 passed every other test of the package.
func TestStakesDefaultToOneInEveryClient(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Stakes = map[string]float64{"c2": 3, "c3": 0}
	sc.States = append(sc.States, State{ID: "pat2", Name: "pat2", Role: Patron, Land: 1, Economy: 1, Sovereign: true})
	c := mustCompile(t, sc)
	pat2 := c.Index("pat2")
	want := func(i, j int) float64 {
		switch {
		case i == pat && j == c2:
			return 3
		case i == pat && j == c3:
			return 0
		case (i == pat || i == pat2) && c.Role(j) == Client:
			return 1
		}
		return 0
	}
	for i := range c.n {
		for j := range c.n {
			if got := c.stakes[i*c.n+j]; got != want(i, j) {
				t.Errorf("%s's stake in %s is %v, want %v", c.id[i], c.id[j], got, want(i, j))
			}
		}
	}
}
