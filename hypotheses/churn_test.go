package hypotheses

import (
	"context"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// THEORY.md asks for no churn in every world, built-in or generated, and
// NC1–NC3 test the worlds as built. This test asks it of every world the
// hypotheses move to: at every level of every registered lever, over five
// generated layouts (40 runs each), fewer than 5% of alliances end within
// 12 ticks of forming except by occupation, in each layout and pooled,
// and over all of a hypothesis's levels together the 95% interval stays
// below 5%. The hypotheses are run together, so that those moving the
// same lever over the same worlds (T1a, T1b and T9; T1c, T1d and T3a; T5
// and T7) share their runs.
func TestNoChurnAtAnyLevel(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every registered world at every level")
	}
	var hs []Hypothesis
	for _, h := range Registry() {
		if h.Outcome.Name == churn("", "", false).Outcome.Name {
			continue // NC1–NC3 themselves
		}
		h.Outcome = Outcome{Name: "churn", Kind: AllianceShare, Alliance: churned}
		if h.Lever.Path == "" && h.Lever.Apply == nil && h.Lever.ApplyVariant == nil && !h.Lever.Split {
			h.Predicted, h.MinChange, h.Threshold = Below, 0, 0.05
		} else {
			h.Predicted, h.MinChange, h.Threshold = Rises, 0.01, 0
		}
		hs = append(hs, h)
	}
	res, err := Run(context.Background(), hs, Options{Runs: 40, MaxRuns: 40, Layouts: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(hs) || len(hs) < 15 {
		t.Fatalf("%d results of %d hypotheses, all but NC1–NC3 of the registry", len(res), len(hs))
	}
	for _, r := range res {
		count, n, worst := 0, 0, 0
		for i, e := range r.Pooled {
			count, n = count+e.Count, n+e.N
			if e.N > 0 && e.Value >= 0.05 {
				t.Errorf("%s at %s: %d of %d alliances churned", r.ID, r.Levels[i], e.Count, e.N)
			}
			if e.N > 0 && e.Value > r.Pooled[worst].Value {
				worst = i
			}
		}
		// In every world too (THEORY.md: "for every scenario"), by its
		// point estimate: 40 runs a world are too few for its interval.
		wl, wi := 0, 0
		for l, lr := range r.Layouts {
			for i, e := range lr.Estimates {
				if e.N > 0 && e.Value >= 0.05 {
					t.Errorf("%s at %s, layout %d: %d of %d alliances churned", r.ID, r.Levels[i], lr.Layout, e.Count, e.N)
				}
				if e.N > 0 && e.Value > r.Layouts[wl].Estimates[wi].Value {
					wl, wi = l, i
				}
			}
		}
		if lw := r.Layouts[wl]; len(lw.Estimates) > 0 {
			t.Logf("%s: worst world layout %d at %s, %d of %d", r.ID, lw.Layout, r.Levels[wi], lw.Estimates[wi].Count, lw.Estimates[wi].N)
		}
		// The figures docs/model.md §8.6 quotes (go test -v).
		t.Logf("%s: worst level %s, %d of %d alliances churned; %d of %d over its levels",
			r.ID, r.Levels[worst], r.Pooled[worst].Count, r.Pooled[worst].N, count, n)
		if p := runner.NewProportion(count, n); n == 0 || p.High >= 0.05 {
			t.Errorf("%s over its levels: %d of %d alliances churned, 95%% interval [%.3f, %.3f]", r.ID, count, n, p.Low, p.High)
		}
	}
}
