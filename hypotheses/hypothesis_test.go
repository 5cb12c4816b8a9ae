package hypotheses

import (
	"strings"
	"testing"
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
