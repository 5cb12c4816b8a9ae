package hypotheses_test

import (
	"context"
	"fmt"

	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/runner"
)

// A hypothesis of your own: the more of the generic world is sea, the
// rarer an alliance of clients alone of three or more (Cohen's stopping
// power of water, on generic's own map: Options.Layouts counts only for a
// hypothesis with Layouts set). Two runs per level are too few to
// tell, so Run doubles them, keeping the runs made, until the verdict is
// conclusive (or MaxRuns is reached). The figures are the model's: a
// change of the model may change them.
func ExampleRun() {
	h := hypotheses.Hypothesis{
		ID: "W1", Source: "an example", Claim: "water keeps clients apart", Scenario: "generic",
		Lever: hypotheses.Lever{Name: "sea fraction", Path: "theater.generate.sea_fraction", Levels: []any{0.0, 0.8}},
		Outcome: hypotheses.Outcome{Name: "a client alliance of 3 or more", Kind: hypotheses.RunShare,
			Run: func(_ *hypotheses.Cell, r *runner.Record) (float64, bool) {
				if runner.ClientAlliance3Plus.In(r) { // as runs.csv counts it
					return 1, true
				}
				return 0, true
			}},
		Predicted: hypotheses.Falls, MinChange: 0.15,
	}
	res, err := hypotheses.Run(context.Background(), []hypotheses.Hypothesis{h},
		hypotheses.Options{Runs: 2, MaxRuns: 64, Workers: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := res[0]
	fmt.Printf("%s %s at %d runs: %.2f → %.2f\n", r.ID, r.Verdict, r.Runs, r.Pooled[0].Value, r.Pooled[1].Value)
	// Output: W1 holds at 16 runs: 0.56 → 0.00
}

// A hypothesis of THEORY.md, by its id, at a tenth of the default runs
// and two of the five layouts (what `alliancesim hypotheses T3a --runs 10
// --max-runs 10 --layouts 2` runs): its pooled outcome at each level of
// the lever, and the verdict with its reason. Registry lists every id.
// The figures are the model's: a change of the model may change them.
func ExampleLookup() {
	hs, err := hypotheses.Lookup("T3a")
	if err != nil {
		fmt.Println(err) // an unknown id, with the ids there are
		return
	}
	res, err := hypotheses.Run(context.Background(), hs, hypotheses.Options{Runs: 10, MaxRuns: 10, Layouts: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Printf("%s: %s\n%s → %s\n", r.ID, r.Claim, r.Lever, r.Outcome)
		for i, e := range r.Pooled {
			fmt.Printf("  %-5s %.2f (n %d)\n", r.Levels[i], e.Value, e.N)
		}
		fmt.Printf("%s at %d runs: %s\n", r.Verdict, r.Runs, r.Reason)
	}
	// Output:
	// T3a: a credible occupation threat makes clients commit to each other
	// adversary land force (½ strongest client … clients combined) → client-only alliance of 3 or more
	//   1.5   0.00 (n 20)
	//   3.45  0.00 (n 20)
	//   5.4   0.45 (n 20)
	//   7.35  0.65 (n 20)
	//   9.3   0.70 (n 20)
	// holds at 10 runs: ρ +0.97, change +0.700 ≥ 0.15 the predicted way, 2 of 2 layouts
}
