package alliancesim_test

import (
	"context"
	"testing"

	"github.com/alliancesim/alliancesim/hypotheses"
)

// theoryVerdicts are the verdicts of every hypothesis of THEORY.md at the
// default run counts (100 replications per world and level, 5 layouts,
// seeds 1–100), as the README reports them: what the model does, the
// failures included. A change of the model that moves a verdict either
// way must update this table and the README together.
var theoryVerdicts = map[string]hypotheses.Verdict{
	"T1a": hypotheses.Fails, "T1b": hypotheses.Inconclusive, "T1c": hypotheses.Holds, "T1d": hypotheses.Fails,
	"T2": hypotheses.Inconclusive, "T3a": hypotheses.Holds, "T3b": hypotheses.Holds, "T3c": hypotheses.Inconclusive,
	"T4": hypotheses.Holds, "T5": hypotheses.Holds, "T6": hypotheses.Inconclusive, "T7": hypotheses.Holds,
	"T8a": hypotheses.Holds, "T8b": hypotheses.Inconclusive, "T9": hypotheses.Fails,
	"NC1": hypotheses.Holds, "NC2": hypotheses.Holds, "NC3": hypotheses.Holds,
}

// The comparative statics of THEORY.md, run as `alliancesim hypotheses`
// runs them by default, give the verdicts the README reports.
func TestTheoryVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("every hypothesis at 100 replications per world and level")
	}
	hs := hypotheses.Registry()
	res, err := hypotheses.Run(context.Background(), hs, hypotheses.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(theoryVerdicts) {
		t.Errorf("%d hypotheses run, %d verdicts expected: update theoryVerdicts and the README", len(res), len(theoryVerdicts))
	}
	holds := 0
	for _, r := range res {
		want, ok := theoryVerdicts[r.ID]
		switch {
		case !ok:
			t.Errorf("%s: no expected verdict; it %s (%s)", r.ID, r.Verdict, r.Reason)
		case r.Verdict != want:
			t.Errorf("%s %s, expected %s: %s", r.ID, r.Verdict, want, r.Reason)
		default:
			t.Logf("%s %s: %s", r.ID, r.Verdict, r.Reason)
		}
		if r.Verdict == hypotheses.Holds {
			holds++
		}
	}
	t.Logf("%d of %d hold", holds, len(res))
}
