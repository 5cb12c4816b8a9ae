package alliancesim_test

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// The engine's tables are given out as copies: a user who relabels or
// edits one (for a plot, say) changes nothing the engine reads. Each of
// these edits used to reach it: a share read under another name, a
// default changed in every scenario, a tick unit of twelve months, a role
// no scenario could name, a target's states.
func TestTablesAreCopies(t *testing.T) {
	runner.ShareKeys()[runner.PatronBilateral] = "bilateral"
	if got := runner.PatronBilateral.String(); got != "patron_bilateral" {
		t.Errorf("PatronBilateral reads %q after its copy was relabelled", got)
	}
	specs := sim.ParamSpecs()
	specs[0].Default = 99
	if got := sim.DefaultParams().RoughCost; got != 2 {
		t.Errorf("rough_cost's default is %v after a copy of the table was changed; want 2", got)
	}
	sim.TickUnits()["month"] = 12
	sim.TickUnitNames()[0] = "moon"
	sim.RoleNames()[0] = "hegemon"
	sim.ScriptKindNames()[0] = "mood"
	sim.ScriptKeys()[sim.ScriptIntent][0] = "aim"
	sim.ScriptKeysOf(sim.ScriptIntent)[1] = "shift"
	agents.DecisionSpecs()[0].Name = "model"
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatalf("a built-in after its tables' copies were changed: %v", err)
	}
	if sc.Calendar.MonthsPerTick != 1 || sc.Params.RoughCost != 2 {
		t.Errorf("asia-1950: %d months per tick, rough_cost %v; want 1 and 2", sc.Calendar.MonthsPerTick, sc.Params.RoughCost)
	}
	if _, err := configs.Format(sc); err != nil { // reads roles, kinds and each kind's keys
		t.Errorf("asia-1950 written back after the copies were changed: %v", err)
	}
	if _, ok := agents.LookupDecision("valuation"); !ok {
		t.Error("the [decision] key valuation is gone after a copy of its table was renamed")
	}
	targets.All()[0].States[0] = "zzz"
	if targets.All()[0].States[0] == "zzz" {
		t.Error("a change to a copy of the targets reached them")
	}
	for name, table := range map[string]func() []string{
		"sim.TickUnitNames":     sim.TickUnitNames,
		"sim.ScriptKindNames":   sim.ScriptKindNames,
		"runner.Designs":        runner.Designs,
		"configs.Designs":       configs.Designs,
		"configs.Distributions": configs.Distributions,
		"sensitivity.Bases":     sensitivity.Bases,
		"hypotheses.CSVColumns": hypotheses.CSVColumns,
	} {
		before := slices.Clone(table())
		table()[0] = "changed"
		if after := table(); !slices.Equal(after, before) {
			t.Errorf("%s reads %v after a copy was changed; want %v", name, after, before)
		}
	}
	runner.SeriesMeasures()[0].Name = "changed"
	if got := runner.SeriesMeasures()[0].Name; got != "alive" {
		t.Errorf("the first series measure is %q after a copy was renamed; want alive", got)
	}
}
