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
	// without a tie: ρ = −1 (counted as 0 it would have ranked lowest but
	// one, ρ = −0.7). But THEORY.md asks for five levels: the verdict waits
	// for the missing one (more runs), since ρ over fewer levels says
	// less, and over the two ends alone is ±1 by construction.
	res := judge(falls, RunShare, shareOf(450, 500), shareOf(400, 500), shareOf(0, 0), shareOf(300, 500), shareOf(150, 500))
	if res.Rho == nil || *res.Rho != -1 || res.Verdict != Inconclusive || res.Reason != "no run or alliance counted at level 3" {
		t.Errorf("a level without runs: ρ %v, %v (%s); want ρ −1, inconclusive for level 3", deref(res.Rho), res.Verdict, res.Reason)
	}
	// Only the two ends measured: ρ is −1 by construction, and the
	// verdict waits, whatever the change.
	res = judge(falls, RunShare, shareOf(450, 500), shareOf(0, 0), shareOf(0, 0), shareOf(0, 0), shareOf(150, 500))
	if res.Verdict != Inconclusive || res.Reason != "no run or alliance counted at levels 2, 3 and 4" {
		t.Errorf("the ends alone: %v (%s); want inconclusive for levels 2–4", res.Verdict, res.Reason)
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

	// A change whose whole interval is short of the minimum fails, even
	// where the interval includes zero: 100 → 115 of 1,000 is +0.015
	// [−0.012, +0.042], and no number of runs can bring it to +0.15.
	// 10 → 17 of 100 is +0.07 [−0.026, +0.166]: more runs may show
	// it either way, inconclusive.
	res = judge(rises, RunShare, shareOf(100, 1000), shareOf(104, 1000), shareOf(108, 1000), shareOf(112, 1000), shareOf(115, 1000))
	if res.Verdict != Fails || !strings.HasPrefix(res.Reason, "change +0.015 [-0.0") || !strings.HasSuffix(res.Reason, "] (need +0.15)") || *res.ChangeLow >= 0 {
		t.Errorf("+0.015 over 1,000 runs a level: %v (%s), interval [%v, %v]; want fails on the change alone", res.Verdict, res.Reason, deref(res.ChangeLow), deref(res.ChangeHi))
	}
	res = judge(falls, RunShare, shareOf(115, 1000), shareOf(112, 1000), shareOf(108, 1000), shareOf(104, 1000), shareOf(100, 1000))
	if res.Verdict != Fails || !strings.HasSuffix(res.Reason, "] (need −0.15)") {
		t.Errorf("−0.015 over 1,000 runs a level, predicted to fall: %v (%s); want fails", res.Verdict, res.Reason)
	}
	res = judge(rises, RunShare, shareOf(10, 100), shareOf(12, 100), shareOf(14, 100), shareOf(16, 100), shareOf(17, 100))
	if res.Verdict != Inconclusive || *res.ChangeLow >= 0 || *res.ChangeHi < 0.15 {
		t.Errorf("+0.07 over 100 runs a level, interval [%v, %v]: %v (%s); want inconclusive", deref(res.ChangeLow), deref(res.ChangeHi), res.Verdict, res.Reason)
	}

	// A mean over one run has no spread to estimate: its standard error
	// is the largest a value in [0, 1] can have, ½, so that 0.1 → 0.9 over
	// one run each is not a certainty: each level's interval is v ± 1.96·½
	// clipped to [0, 1], [0, 1] at both ends, and the change's is 0.8 −
	// √(0.9² + 0.9²) = −0.473 to 0.8 + √(0.1² + 0.1²) = 0.941 (runner.MOVERDifference),
	// which includes zero.
	one := func(v float64) Estimate { return Sample{Kind: RunMean, Values: []float64{v}}.Estimate() }
	if e := one(0.1); e.SE != 0.5 || e.Low != 0 || e.High != 1 || !e.Valid {
		t.Errorf("one run of 0.1: %+v; want SE ½ and [0, 1.08] clipped to [0, 1]", e)
	}
	res = judge(rises, RunMean, one(0.1), one(0.3), one(0.5), one(0.7), one(0.9))
	if res.Verdict != Inconclusive || res.ChangeLow == nil || !near(*res.ChangeLow, -0.472792, 1e-6) || !near(*res.ChangeHi, 0.941421, 1e-6) {
		t.Errorf("one run a level: %v (%s), interval [%v, %v]; want inconclusive, [−0.473, 0.941]", res.Verdict, res.Reason, deref(res.ChangeLow), deref(res.ChangeHi))
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
		{"since, not for survival", func(h *Hypothesis) { h.Outcome.Since = runner.OriginSince },
			"hypothesis toy: Outcome.Since is set for an outcome of kind share of runs; allowed: Since for Survival only"},
		{"split lever on runs", func(h *Hypothesis) { h.Lever.Path, h.Lever.Split = "", true }, "hypothesis toy: the lever is split, which divides alliances by level; allowed: an outcome with Alliance"},
		{"path and apply", func(h *Hypothesis) { h.Lever.Apply = func(*sim.Scenario, any) error { return nil } }, "hypothesis toy: the lever has both a Path and an Apply function"},
		{"levels and LevelsOf", func(h *Hypothesis) { h.Lever.LevelsOf = adversaryLandLevels }, "hypothesis toy: the lever has both Levels and LevelsOf"},
		{"a lever that moves nothing", func(h *Hypothesis) { h.Lever.Path = "" }, "hypothesis toy: the lever moves nothing; allowed: a lever with a Path, an Apply or ApplyVariant function, or Split"},
		{"versions without ApplyVariant", func(h *Hypothesis) { h.Lever.Variants = clientHalves }, "hypothesis toy: the lever has one of Variants and ApplyVariant; allowed: both, or neither"},
		{"ApplyVariant without versions", func(h *Hypothesis) { h.Lever.Path, h.Lever.ApplyVariant = "", disperseIntent }, "hypothesis toy: the lever has one of Variants and ApplyVariant"},
		{"ApplyVariant and a path", func(h *Hypothesis) { h.Lever.Variants, h.Lever.ApplyVariant = clientHalves, disperseIntent },
			"hypothesis toy: the lever has ApplyVariant and a Path, an Apply function or Split; allowed: ApplyVariant alone"},
		{"one level", func(h *Hypothesis) { h.Lever.Levels = floats(12) }, "hypothesis toy: 1 level; allowed: at least two, for a comparative static"},
		{"the same level twice", func(h *Hypothesis) { h.Lever.Levels = floats(12, 24, 12) },
			"hypothesis toy: levels 1 and 3 are both 12; allowed: distinct levels, for a comparative static"},
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

// judgeRate gives the verdict of a rate over a pooled estimate and one
// estimate per layout.
func judgeRate(pred Direction, threshold float64, pooled Estimate, layouts ...Estimate) Result {
	h := Hypothesis{ID: "x", Predicted: pred, Threshold: threshold}
	res := Result{Pooled: []Estimate{pooled}}
	for i, e := range layouts {
		res.Layouts = append(res.Layouts, LayoutRow{Layout: i + 1, Estimates: []Estimate{e}})
	}
	res.verdict(&h, RunShare)
	return res
}

// A rate holds when the estimate reaches its threshold ("at least" takes
// the threshold itself, "below" does not), fails when the whole interval
// misses it, and is otherwise inconclusive. The estimates built by hand
// put an interval's end exactly on the threshold.
func TestVerdictRates(t *testing.T) {
	for _, c := range []struct {
		name string
		res  Result
		want Verdict
	}{
		// 3 of 5 is exactly 0.6; its Wilson interval [0.231, 0.882]
		{"3 of 5 at least 0.6", judgeRate(AtLeast, 0.6, shareOf(3, 5)), Holds},
		{"3 of 5 below 0.6", judgeRate(Below, 0.6, shareOf(3, 5)), Inconclusive},
		{"at least 0.5, interval up to 0.5", judgeRate(AtLeast, 0.5, estimateAt(0.4, 0.3, 0.5)), Inconclusive},
		{"at least 0.5, interval up to 0.4", judgeRate(AtLeast, 0.5, estimateAt(0.3, 0.2, 0.4)), Fails},
		{"below 0.5, interval from 0.5", judgeRate(Below, 0.5, estimateAt(0.6, 0.5, 0.7)), Fails},
		{"below 0.5, no run counted", judgeRate(Below, 0.5, shareOf(0, 0)), Inconclusive},
	} {
		if c.res.Verdict != c.want {
			t.Errorf("%s: %v (%s), want %v", c.name, c.res.Verdict, c.res.Reason, c.want)
		}
	}
	// An upper bound holds in every world, not only pooled: 12 of 100
	// churned in one layout and 2 of 100 in four others is 20 of 500 =
	// 0.040 pooled, below 0.05, but the one layout is not ([0.070,
	// 0.198] lies above 0.05): it fails; 7 of 100 ([0.034, 0.137]) is
	// inconclusive; 4 of 100 holds.
	two := shareOf(2, 100)
	if res := judgeRate(Below, 0.05, shareOf(20, 500), shareOf(12, 100), two, two, two, two); res.Verdict != Fails ||
		res.Reason != "0.040 below 0.05 pooled, but not in every world: layout 1 0.120 [0.070, 0.198]" {
		t.Errorf("one layout of five churning: %v (%q); want fails, naming layout 1", res.Verdict, res.Reason)
	}
	// The same layout among four at 4 of 100 each: 28 of 500 = 0.056
	// pooled, whose interval [0.039, 0.080] still reaches below 0.05;
	// the one layout settles it, as it does when the pool is below.
	four := shareOf(4, 100)
	if res := judgeRate(Below, 0.05, shareOf(28, 500), shareOf(12, 100), four, four, four, four); res.Verdict != Fails ||
		res.Reason != "0.056, not below 0.05 pooled nor in every world: layout 1 0.120 [0.070, 0.198]" {
		t.Errorf("one layout of five churning, the pool above 0.05: %v (%q); want fails, naming layout 1", res.Verdict, res.Reason)
	}
	// 7 + 4·2 = 15 of 500 = 0.030 pooled, below 0.05, and the reason
	// names the one layout not yet below: 7 of 100 = 0.070, Wilson
	// [0.034, 0.137], which still reaches below 0.05.
	if res := judgeRate(Below, 0.05, shareOf(15, 500), shareOf(7, 100), two, two, two, two); res.Verdict != Inconclusive ||
		res.Reason != "0.030 below 0.05 pooled, but not yet in every world: layout 1 0.070 [0.034, 0.137]" {
		t.Errorf("one layout at 7 of 100: %v (%q); want inconclusive, naming layout 1", res.Verdict, res.Reason)
	}
	// A layout's rate prints as the pooled one does, rounded down, and
	// its lower end under the bound too: 0.0709 in [0.0496, 0.137] is
	// 0.070 in [0.049, 0.137], where to the nearest it read 0.071 in
	// [0.050, 0.137], an interval that seemed not to reach under 0.05.
	if res := judgeRate(Below, 0.05, shareOf(15, 500), estimateAt(0.0709, 0.0496, 0.137), two, two, two, two); res.Verdict != Inconclusive ||
		res.Reason != "0.030 below 0.05 pooled, but not yet in every world: layout 1 0.070 [0.049, 0.137]" {
		t.Errorf("one layout at 0.0709: %v (%q); want inconclusive, its rate rounded down", res.Verdict, res.Reason)
	}
	if res := judgeRate(Below, 0.05, shareOf(12, 500), shareOf(4, 100), two, two, two, two); res.Verdict != Holds {
		t.Errorf("one layout at 4 of 100: %v (%s); want holds", res.Verdict, res.Reason)
	}
	// A lower bound is pooled: T5 and T7 count runs wherever they happen.
	if res := judgeRate(AtLeast, 0.7, shareOf(400, 500), shareOf(50, 100), shareOf(88, 100), shareOf(88, 100), shareOf(87, 100), shareOf(87, 100)); res.Verdict != Holds {
		t.Errorf("a lower bound met pooled, one layout short: %v (%s); want holds", res.Verdict, res.Reason)
	}

	// a layout without an estimate does not agree, though its value 0 is
	// below the threshold
	if res := judgeRate(Below, 0.5, shareOf(1, 5), shareOf(1, 5), shareOf(0, 0)); res.Agree != 1 {
		t.Errorf("layouts agreeing: %d, want 1 (the other has no estimate)", res.Agree)
	}
}

// judgeLayouts gives the verdict of a comparative static over two levels,
// 100 → 300 of 500 pooled, with one layout per pair of counts.
func judgeLayouts(layouts ...[2]int) Result {
	h := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	res := Result{Pooled: []Estimate{shareOf(100, 500), shareOf(300, 500)}}
	for i, l := range layouts {
		res.Layouts = append(res.Layouts, LayoutRow{Layout: i + 1, Estimates: []Estimate{shareOf(l[0], 500), shareOf(l[1], 500)}})
	}
	res.verdict(&h, RunShare)
	return res
}

// At least 80% of the layouts must move the predicted way: 4 of 5, all 4
// of 4 (⌈0.8·4⌉ = ⌈3.2⌉ = 4). A layout that does not move does not
// agree. Two levels are enough for ρ (+1 here).
func TestVerdictLayouts(t *testing.T) {
	up, down, flat := [2]int{100, 300}, [2]int{300, 100}, [2]int{200, 200}
	if res := judgeLayouts(up, up, up, up, down); res.Verdict != Holds || res.Agree != 4 || res.Rho == nil || *res.Rho != 1 {
		t.Errorf("4 of 5 layouts: %v (%s), %d agree, ρ %v; want holds, 4, ρ 1", res.Verdict, res.Reason, res.Agree, deref(res.Rho))
	}
	if res := judgeLayouts(up, up, up, down); res.Verdict != Fails || !strings.Contains(res.Reason, "3 of 4 layouts the predicted way (need 4)") {
		t.Errorf("3 of 4 layouts: %v (%s); want fails, 3 of 4 (need 4)", res.Verdict, res.Reason)
	}
	if res := judgeLayouts(up, up, up, flat, flat); res.Verdict != Fails || res.Agree != 3 {
		t.Errorf("3 of 5 layouts, 2 flat: %v (%s), %d agree; want fails, 3", res.Verdict, res.Reason, res.Agree)
	}
	// Flat but for rounding: the mean of 0.3, 0.2, 0.1 summed in that
	// order and in the reverse one differ in the last bit, and a layout
	// whose two ends are those means does not move.
	mean := func(xs ...float64) float64 { // summed at run time, in order
		sum := 0.0
		for _, x := range xs {
			sum += x
		}
		return sum / float64(len(xs))
	}
	lowEnd, highEnd := mean(0.3, 0.2, 0.1), mean(0.1, 0.2, 0.3)
	if !(highEnd > lowEnd) {
		t.Fatalf("set-up: the two means %v and %v should differ in the last bit", lowEnd, highEnd)
	}
	res := judgeLayouts(up, up, up, flat)
	res.Layouts[3].Estimates[0].Value, res.Layouts[3].Estimates[1].Value = lowEnd, highEnd
	res.Agree = 0
	res.verdict(&Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}, RunShare)
	if res.Agree != 3 {
		t.Errorf("a layout flat up to rounding: %d layouts agree, want 3", res.Agree)
	}
}

// |ρ| ≥ 0.8 by hand (Spearman with no ties: 1 − 6Σd²/(n(n²−1))). Five
// levels whose outcomes rank 2, 1, 4, 3, 5: Σd² = 4, ρ = 1 − 24/120 = 0.8,
// which holds. Six ranking 3, 2, 1, 4, 5, 6: Σd² = 8, ρ = 1 − 48/210 =
// 0.771429, which fails on ρ alone (change 0.3, one layout agreeing).
func TestVerdictRhoBound(t *testing.T) {
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	levels := func(counts ...int) []Estimate {
		var out []Estimate
		for _, c := range counts {
			out = append(out, shareOf(c, 500))
		}
		return out
	}
	if res := judge(rises, RunShare, levels(110, 100, 200, 150, 300)...); res.Verdict != Holds || res.Rho == nil || !near(*res.Rho, 0.8, 1e-12) {
		t.Errorf("ρ 0.8: %v (%s), ρ %v; want holds", res.Verdict, res.Reason, deref(res.Rho))
	}
	if res := judge(rises, RunShare, levels(200, 150, 100, 250, 300, 350)...); res.Verdict != Fails || res.Reason != "ρ +0.77 (need ≥ +0.8)" {
		t.Errorf("ρ 0.771: %v (%q); want fails on ρ alone", res.Verdict, res.Reason)
	}
}

// Two levels with the same mean and no spread: the change 0 has the
// interval [0, 0], which includes zero: inconclusive, not failed. A last
// level without an estimate is inconclusive for that reason.
func TestVerdictNoChangeAndNoEnd(t *testing.T) {
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	half := Sample{Kind: RunMean, Values: []float64{0.5, 0.5}}.Estimate()
	if res := judge(rises, RunMean, half, half); res.Verdict != Inconclusive || !strings.Contains(res.Reason, "includes zero") {
		t.Errorf("no change, no spread: %v (%s); want inconclusive, interval includes zero", res.Verdict, res.Reason)
	}
	if res := judge(rises, RunShare, shareOf(100, 500), shareOf(300, 500), shareOf(0, 0)); res.Verdict != Inconclusive || res.Reason != "no run or alliance counted at level 3" {
		t.Errorf("last level without runs: %v (%q); want inconclusive, no run or alliance counted at level 3", res.Verdict, res.Reason)
	}
}

// The reason of a rate's verdict gives the estimate to three decimals,
// rounded down, and the threshold to two: 3 of 5 = 0.600 at least 0.60; 1 of 5 = 0.200 below
// 0.50; 0.3 in [0.2, 0.4] misses 0.5 entirely; 0.4 in [0.3, 0.5] misses it
// but its interval reaches it.
func TestVerdictRateReasons(t *testing.T) {
	for _, c := range []struct {
		res  Result
		want string
	}{
		{judgeRate(AtLeast, 0.6, shareOf(3, 5)), "0.600 at least 0.60"},
		{judgeRate(Below, 0.5, shareOf(1, 5)), "0.200 below 0.50"},
		{judgeRate(AtLeast, 0.5, estimateAt(0.3, 0.2, 0.4)), "0.300, its interval [0.200, 0.400] entirely on the wrong side of 0.50"},
		{judgeRate(AtLeast, 0.5, estimateAt(0.4, 0.3, 0.5)), "0.400 misses 0.50 but its interval reaches it"},
		{judgeRate(Below, 0.5, shareOf(0, 0)), "no run or alliance counted"},
		// The estimate rounded down, so that the printed comparison
		// agrees with the verdict: 1400 of 2001 is 0.69965, short of
		// 0.70; 0.04996 is under 0.05; 29 of 100 is 0.29, not 0.289. An
		// upper end short of an "at least" threshold is rounded down too
		// (0.69996), a lower end to the nearest (0.25, 0.0351).
		{judgeRate(AtLeast, 0.7, shareOf(1400, 2001)), "0.699 misses 0.70 but its interval reaches it"},
		{judgeRate(Below, 0.05, estimateAt(0.04996, 0.03, 0.06)), "0.049 below 0.05"},
		{judgeRate(AtLeast, 0.7, estimateAt(0.6, 0.2496, 0.69996)), "0.600, its interval [0.250, 0.699] entirely on the wrong side of 0.70"},
		{judgeRate(Below, 0.01, estimateAt(0.05, 0.0351, 0.0706)), "0.050, its interval [0.035, 0.071] entirely on the wrong side of 0.01"},
		{judgeRate(AtLeast, 0.2, shareOf(29, 100)), "0.290 at least 0.20"},
	} {
		if c.res.Reason != c.want {
			t.Errorf("reason %q, want %q", c.res.Reason, c.want)
		}
	}
}

// With the same estimate at every level ρ is undefined (no spread in the
// ranks of the outcome) and left out, not NaN: 250 of 500 at both levels.
func TestVerdictRhoUndefined(t *testing.T) {
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	res := judge(rises, RunShare, shareOf(250, 500), shareOf(250, 500))
	if res.Rho != nil || res.Change == nil || *res.Change != 0 {
		t.Errorf("no spread: ρ %v, change %v; want no ρ and a change of 0", deref(res.Rho), deref(res.Change))
	}
	// and its reason says so in words, not as NaN: 0.5 at both levels,
	// a change of 0 in [−0.062, +0.062], short of the 0.15 asked
	const want = "ρ undefined, the outcome the same at every level (need ≥ +0.8); change +0.000 [-0.062, +0.062] (need +0.15)"
	if res.Verdict != Fails || !strings.HasPrefix(res.Reason, want) {
		t.Errorf("no spread: %s, %q; want fails, %q…", res.Verdict, res.Reason, want)
	}
}

// A layout moves the predicted way between the lowest and highest levels
// at which its outcome exists: 100 → 300 of 500 and then no run counted
// (its value 0 read as an outcome would make it fall) agrees, so 2 of 2
// layouts agree.
func TestVerdictLayoutWithoutItsLastLevel(t *testing.T) {
	h := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	res := Result{Pooled: []Estimate{shareOf(100, 500), shareOf(300, 500), shareOf(300, 500)}, Layouts: []LayoutRow{
		{Layout: 1, Estimates: []Estimate{shareOf(100, 500), shareOf(300, 500), shareOf(0, 0)}},
		{Layout: 2, Estimates: []Estimate{shareOf(100, 500), shareOf(300, 500), shareOf(300, 500)}}}}
	res.verdict(&h, RunShare)
	if res.Agree != 2 {
		t.Errorf("%d layouts agree, want 2", res.Agree)
	}
}

// The reasons of a comparative static's verdict, by hand. Holding: 100 →
// 300 of 500 pooled, ρ +1, change +0.400, 4 of 5 layouts. Failing
// everything (predicted to fall, it rises in the one layout): ρ +1 against
// ≤ −0.8; the change +0.4 with Newcombe's interval from Wilson's [0.167285,
// 0.237289] for 100 of 500 and [0.556454, 0.642021] for 300 of 500,
// 0.4 − √(0.043546² + 0.037289²) = 0.342670 to 0.4 + √(0.042021² +
// 0.032715²) = 0.453254, against −0.15; 0 of 1 layouts — the three joined
// by "; ".
func TestVerdictStaticReasons(t *testing.T) {
	up, down := [2]int{100, 300}, [2]int{300, 100}
	if res := judgeLayouts(up, up, up, up, down); res.Reason != "ρ +1.00, change +0.400 ≥ 0.15 the predicted way, 4 of 5 layouts" {
		t.Errorf("holds: %q", res.Reason)
	}
	falls := Hypothesis{ID: "x", Predicted: Falls, MinChange: 0.15}
	res := judge(falls, RunShare, shareOf(100, 500), shareOf(300, 500))
	want := "ρ +1.00 (need ≤ −0.8); change +0.400 [+0.343, +0.453] (need −0.15); 0 of 1 layouts the predicted way (need 1)"
	if res.Verdict != Fails || res.Reason != want {
		t.Errorf("fails: %v %q, want fails %q", res.Verdict, res.Reason, want)
	}
}

// The tolerance on the minimum change is for rounding only: 200 → 499 of
// 2000 is a change of 0.1495, short of 0.15 by 0.0005, and fails on the
// change alone (ρ +1, one layout agreeing, interval from 0.126 above zero).
func TestVerdictChangeJustShort(t *testing.T) {
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	n := func(k int) Estimate { return shareOf(k, 2000) }
	if res := judge(rises, RunShare, n(200), n(300), n(400), n(499)); res.Verdict != Fails || !strings.HasPrefix(res.Reason, "change +0.1") || strings.Contains(res.Reason, ";") {
		t.Errorf("a change of 0.1495: %v (%s); want fails on the change alone", res.Verdict, res.Reason)
	}
}

// estimateAt is a valid estimate over 10 with the interval given.
func estimateAt(value, low, high float64) Estimate {
	return Estimate{Value: value, Low: low, High: high, N: 10, Valid: true}
}

// A layout whose interval's low end is exactly the threshold makes
// an upper bound fail ("at or above").
func TestUpperBoundFailsOnALayoutAtTheThreshold(t *testing.T) {
	res := judgeRate(Below, 0.5, estimateAt(0.4, 0.3, 0.5), estimateAt(0.6, 0.5, 0.7), estimateAt(0.2, 0.1, 0.3))
	if res.Verdict != Fails {
		t.Errorf("layout [0.5, 0.7] against below 0.5: %v (%s); want fails", res.Verdict, res.Reason)
	}
}

// A change whose interval ends exactly at zero includes zero:
// a = 0.25 [0.125, 0.25], b = 0.75 [0.25, 0.875]: d = 0.5, low = 0.5 −
// √(0.5² + 0²) = 0, high = 0.5 + √(0.125² + 0.125²) = 0.676777.
func TestChangeIntervalEndingAtZeroIncludesZero(t *testing.T) {
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	a := Estimate{Value: 0.25, Low: 0.125, High: 0.25, N: 10, Valid: true}
	b := Estimate{Value: 0.75, Low: 0.25, High: 0.875, N: 10, Valid: true}
	res := judge(rises, RunMean, a, b)
	if *res.ChangeLow != 0 || !near(*res.ChangeHi, 0.676777, 1e-6) || res.Verdict != Inconclusive || !strings.Contains(res.Reason, "includes zero") {
		t.Errorf("[%v, %v]: %v (%s); want [0, 0.676777], inconclusive", *res.ChangeLow, *res.ChangeHi, res.Verdict, res.Reason)
	}
}

// The tolerance on the minimum change applies to the end of its interval
// too: with no change, 0.5 [0.5, 0.5] at the first level and 0.5 [0.4,
// 0.6499999995] at the last, the change 0 has the interval 0 −
// √(0.1² + 0²) = −0.1 to 0 + √(0.1499999995² + 0²) = 0.1499999995
// (runner.MOVERDifference), whose upper end is short of 0.15 by 5·10⁻¹⁰,
// within the tolerance 10⁻⁹: more runs may yet reach it, inconclusive,
// not failed.
func TestChangeIntervalShortOfTheMinimumByRoundingIsInconclusive(t *testing.T) {
	rises := Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}
	mid := estimateAt(0.5, 0.45, 0.55)
	res := judge(rises, RunMean, estimateAt(0.5, 0.5, 0.5), mid, mid, mid, estimateAt(0.5, 0.4, 0.6499999995))
	if !near(*res.ChangeLow, -0.1, 1e-12) || !near(*res.ChangeHi, 0.1499999995, 1e-12) || res.Verdict != Inconclusive || !strings.Contains(res.Reason, "includes zero") {
		t.Errorf("[%v, %v]: %v (%s); want [−0.1, 0.1499999995], inconclusive", *res.ChangeLow, *res.ChangeHi, res.Verdict, res.Reason)
	}
}

// Whether more runs are taken looks at the end of the change's interval
// the predicted way, not at its wider end: 0.5 → 0.4 predicted to rise,
// with the interval [−0.4, +0.1], includes zero, but its upper end is
// short of +0.15 and no number of runs can bring the change there: it
// fails, though its lower end is farther from zero than 0.15. Predicted
// to fall, the same change's end the predicted way, −0.4, reaches −0.15:
// inconclusive.
func TestChangeIntervalJudgedByItsEndThePredictedWay(t *testing.T) {
	a, b := estimateAt(0.5, 0.45, 0.55), estimateAt(0.4, 0.1, 0.55)
	d, lo, hi := Difference(RunMean, a, b)
	if !near(d, -0.1, 1e-12) || !near(lo, -0.1-math.Hypot(0.3, 0.05), 1e-12) || !near(hi, -0.1+math.Hypot(0.15, 0.05), 1e-12) || lo > -0.15 || hi >= 0.15 || hi <= 0 {
		t.Fatalf("the change %v [%v, %v]; want −0.1 over an interval from below −0.15 to between 0 and +0.15", d, lo, hi)
	}
	if res := judge(Hypothesis{ID: "x", Predicted: Rises, MinChange: 0.15}, RunMean, a, b); res.Verdict != Fails {
		t.Errorf("predicted to rise: %v (%s); want fails", res.Verdict, res.Reason)
	}
	if res := judge(Hypothesis{ID: "x", Predicted: Falls, MinChange: 0.15}, RunMean, a, b); res.Verdict != Inconclusive {
		t.Errorf("predicted to fall: %v (%s); want inconclusive", res.Verdict, res.Reason)
	}
}

// A rate is printed to three decimals rounded down, as the value it
// means: a mean summed with rounding error just under a thousandth is
// that thousandth (0.001 + 0.009 is 0.009999999999999998, whose product
// with 1000 is 9.999999999999998; 1 − 0.937 is 0.06299999999999994; the
// float64 just below 0.29 gives 289.99999999999994), while 0.2899995,
// short of 0.290 by half a millionth, is 0.289. (A count's share, c/n,
// times 1000 never falls short of its thousandth: 29 of 100 gives 290.)
func TestRateTextRoundsDownTheValueItMeans(t *testing.T) {
	for _, c := range []struct {
		value float64
		want  string
	}{{0.001 + 0.009, "0.010"}, {1 - 0.937, "0.063"}, {math.Nextafter(0.29, 0), "0.290"}, {0.2899995, "0.289"}, {0.699, "0.699"}} {
		if v, _, _ := rateText(estimateAt(c.value, 0, 1), AtLeast, 0.7); v != c.want {
			t.Errorf("%v: %s, want %s", c.value, v, c.want)
		}
	}
}
