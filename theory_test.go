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

// theoryVerdictsHeldOut are the same verdicts on seeds 1001–1100, the
// start of HISTORY.md's held-out range: THEORY.md counts a hypothesis as
// met only if it also holds there. Every hypothesis that holds on seeds
// 1–100 holds here too; T1a, which fails on seeds 1–100 (+0.10 but
// U-shaped), is inconclusive here (+0.03).
var theoryVerdictsHeldOut = map[string]hypotheses.Verdict{
	"T1a": hypotheses.Inconclusive, "T1b": hypotheses.Inconclusive, "T1c": hypotheses.Holds, "T1d": hypotheses.Fails,
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
	checkVerdicts(t, hypotheses.Options{}, theoryVerdicts)
}

// On the held-out seeds (`alliancesim hypotheses --seed 1001`) they give
// the verdicts the README reports in its held-out column.
func TestTheoryVerdictsHeldOut(t *testing.T) {
	if testing.Short() {
		t.Skip("every hypothesis at 100 replications per world and level")
	}
	checkVerdicts(t, hypotheses.Options{Seed: 1001}, theoryVerdictsHeldOut)
}

// checkVerdicts runs every hypothesis of the registry with opts and
// compares each verdict with want.
func checkVerdicts(t *testing.T, opts hypotheses.Options, want map[string]hypotheses.Verdict) {
	t.Helper()
	res, err := hypotheses.Run(context.Background(), hypotheses.Registry(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(want) {
		t.Errorf("%d hypotheses run, %d verdicts expected: update the verdict table and the README", len(res), len(want))
	}
	holds := 0
	for _, r := range res {
		w, ok := want[r.ID]
		switch {
		case !ok:
			t.Errorf("%s: no expected verdict; it %s (%s)", r.ID, r.Verdict, r.Reason)
		case r.Verdict != w:
			t.Errorf("%s %s, expected %s: %s", r.ID, r.Verdict, w, r.Reason)
		default:
			t.Logf("%s %s: %s", r.ID, r.Verdict, r.Reason)
		}
		if r.Verdict == hypotheses.Holds {
			holds++
		}
	}
	t.Logf("%d of %d hold", holds, len(res))
}
