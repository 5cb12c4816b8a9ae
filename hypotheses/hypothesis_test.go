package hypotheses

import (
	"math"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// shareOf is the estimate of count positive runs of n (n = 0: no run
// counted).
func shareOf(count, n int) Estimate {
	values := make([]float64, n)
	for i := range count {
		values[i] = 1
	}
	return Sample{Kind: RunShare, Values: values}.Estimate()
}

// judge gives the verdict of a comparative static over pooled estimates,
// each level of one layout its pooled estimate.
func judge(h Hypothesis, kind Kind, pooled ...Estimate) Result {
	res := Result{Pooled: pooled, Layouts: []LayoutRow{{Layout: 1, Estimates: pooled}}}
	res.verdict(&h, kind)
	return res
}

// The verdict rules of THEORY.md at their edges: a level with no estimate,
// a change equal to the minimum, a level of one run.
func TestVerdictEdges(t *testing.T) {
	falls := Hypothesis{ID: "x", Predicted: Falls, MinChange: 0.15}
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}

	// A middle level at which no run was counted has no outcome, not an
	// outcome of 0. Over the other four, 450, 400, 300, 150 of 500 fall
	// without a tie: ρ = −1. Counted as 0 it would have ranked lowest but
	// one, ρ = −0.7, and failed.
	res := judge(falls, RunShare, shareOf(450, 500), shareOf(400, 500), shareOf(0, 0), shareOf(300, 500), shareOf(150, 500))
	if res.Rho == nil || *res.Rho != -1 || res.Verdict != Holds {
		t.Errorf("a level without runs: ρ %v, %v (%s); want ρ −1, holds", deref(res.Rho), res.Verdict, res.Reason)
	}

	// 100 → 175 of 500 is a change of exactly 75/500 = 0.15, "at least
	// 0.15", although 0.35 − 0.2 is 0.14999999999999997 in floating point.
	res = judge(rises, RunShare, shareOf(100, 500), shareOf(120, 500), shareOf(140, 500), shareOf(160, 500), shareOf(175, 500))
	if res.Verdict != Holds {
		t.Errorf("a change equal to the minimum: %v (%s), change %v", res.Verdict, res.Reason, deref(res.Change))
	}
	// …and one run fewer is short of it.
	res = judge(rises, RunShare, shareOf(100, 500), shareOf(120, 500), shareOf(140, 500), shareOf(160, 500), shareOf(174, 500))
	if res.Verdict != Fails || !strings.Contains(res.Reason, "change +0.148") {
		t.Errorf("a change of 74/500: %v (%s); want fails on the change", res.Verdict, res.Reason)
	}

	// A mean over one run has no spread to estimate: its standard error
	// is the largest a value in [0, 1] can have, ½, so that 0.1 → 0.9 over
	// one run each is not a certainty: the change's interval is
	// 0.8 ± 1.96·√(½²+½²) = 0.8 ± 1.386, which includes zero.
	one := func(v float64) Estimate { return Sample{Kind: RunMean, Values: []float64{v}}.Estimate() }
	if e := one(0.1); e.SE != 0.5 || e.Low != 0 || e.High != 1 || !e.Valid {
		t.Errorf("one run of 0.1: %+v; want SE ½ and [0, 1.08] clipped to [0, 1]", e)
	}
	res = judge(rises, RunMean, one(0.1), one(0.3), one(0.5), one(0.7), one(0.9))
	if res.Verdict != Inconclusive || res.ChangeLow == nil || !near(*res.ChangeLow, 0.8-z95*0.7071067811865476, 1e-12) {
		t.Errorf("one run a level: %v (%s), interval [%v, %v]; want inconclusive, [−0.586, 2.186]", res.Verdict, res.Reason, deref(res.ChangeLow), deref(res.ChangeHi))
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// Every hypothesis of the registry passes Check.
func TestRegistryPassesCheck(t *testing.T) {
	for _, h := range Registry() {
		if err := h.Check(); err != nil {
			t.Errorf("the registry's %s: %v", h.ID, err)
		}
	}
}

// Check refuses a hypothesis that cannot be tested, naming its id and the
// field at fault.
func TestHypothesisCheck(t *testing.T) {
	valid := func() Hypothesis { return toy(Rises, lasted48) }
	if h := valid(); h.Check() != nil {
		t.Fatalf("the toy hypothesis: %v", h.Check())
	}
	survive := func(*Cell, *runner.Record, *sim.AllianceRecord) (float64, bool) { return 0, true }
	for _, c := range []struct {
		name   string
		change func(h *Hypothesis)
		want   string
	}{
		{"no id", func(h *Hypothesis) { h.ID = "" }, "a hypothesis has no ID; allowed: an id such as T1a"},
		{"no scenario", func(h *Hypothesis) { h.Scenario = "" }, "hypothesis toy: Scenario is empty; allowed:"},
		{"direction 99", func(h *Hypothesis) { h.Predicted = 99 }, "hypothesis toy: Predicted is 99; allowed: Rises, Falls, AtLeast or Below"},
		{"direction −1", func(h *Hypothesis) { h.Predicted = -1 }, "hypothesis toy: Predicted is -1; allowed:"},
		{"MinChange NaN", func(h *Hypothesis) { h.MinChange = math.NaN() }, "hypothesis toy: MinChange is NaN; allowed: a number in [0, 1]"},
		{"MinChange negative", func(h *Hypothesis) { h.MinChange = -0.1 }, "hypothesis toy: MinChange is -0.1; allowed: a number in [0, 1]"},
		{"MinChange +Inf", func(h *Hypothesis) { h.MinChange = math.Inf(1) }, "hypothesis toy: MinChange is +Inf; allowed:"},
		{"Threshold NaN", func(h *Hypothesis) { h.Threshold = math.NaN() }, "hypothesis toy: Threshold is NaN; allowed: a number in [0, 1]"},
		{"Threshold 2", func(h *Hypothesis) { h.Predicted, h.Threshold, h.Lever.Levels = AtLeast, 2, floats(12) }, "hypothesis toy: Threshold is 2; allowed: a number in [0, 1]"},
		{"kind 99", func(h *Hypothesis) { h.Outcome.Kind = 99 }, "hypothesis toy: Outcome.Kind is 99; allowed: RunShare, RunMean, AllianceShare or Survival"},
		{"no outcome function", func(h *Hypothesis) { h.Outcome.Run = nil }, "hypothesis toy: the outcome needs exactly one of Outcome.Run and Outcome.Alliance"},
		{"a share of alliances measured on runs", func(h *Hypothesis) { h.Outcome.Kind = AllianceShare }, "hypothesis toy: Outcome.Kind share of alliances is measured on alliances; allowed: an outcome with Alliance"},
		{"a share of runs measured on alliances", func(h *Hypothesis) { h.Outcome.Run, h.Outcome.Alliance = nil, survive }, "hypothesis toy: Outcome.Kind share of runs is measured on runs; allowed: an outcome with Run"},
		{"survival at NaN", func(h *Hypothesis) {
			h.Outcome = Outcome{Kind: Survival, Alliance: survive, At: math.NaN()}
		}, "hypothesis toy: Outcome.At is NaN; allowed: a number of ticks ≥ 0"},
		{"split lever on runs", func(h *Hypothesis) { h.Lever.Path, h.Lever.Split = "", true }, "hypothesis toy: the lever is split, which divides alliances by level; allowed: an outcome with Alliance"},
		{"path and apply", func(h *Hypothesis) { h.Lever.Apply = func(*sim.Scenario, any) error { return nil } }, "hypothesis toy: the lever has both a Path and an Apply function"},
		{"levels and LevelsOf", func(h *Hypothesis) { h.Lever.LevelsOf = adversaryLandLevels }, "hypothesis toy: the lever has both Levels and LevelsOf"},
		{"a lever that moves nothing", func(h *Hypothesis) { h.Lever.Path = "" }, "hypothesis toy: the lever moves nothing; allowed: a lever with a Path, an Apply function or Split"},
		{"one level", func(h *Hypothesis) { h.Lever.Levels = floats(12) }, "hypothesis toy: 1 levels; allowed: at least two, for a comparative static"},
		{"a rate at no level", func(h *Hypothesis) { h.Predicted, h.Lever.Levels = Below, nil }, "hypothesis toy: 0 levels; allowed: one, a rate is measured at one level"},
		{"a rate at two levels", func(h *Hypothesis) { h.Predicted, h.Lever.Levels = AtLeast, floats(12, 24) }, "hypothesis toy: 2 levels; allowed: one"},
	} {
		h := valid()
		c.change(&h)
		if err := h.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error containing %q", c.name, err, c.want)
		}
	}
}
