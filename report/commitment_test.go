package report

import (
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// The curve of first commitments counts, at each tick, the runs of
// runs.csv whose first patron commitment came by then, of all runs; it
// ends at summary.json's share.
func TestCommitmentCurveCountsRuns(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := readRuns(in.path("runs.csv"), 0)
	if err != nil {
		t.Fatal(err)
	}
	curve := commitmentCurve(runs)
	if len(curve) == 0 {
		t.Fatal("no patron committed in 60 runs of asia-1950")
	}
	for i, c := range curve {
		n := 0
		for _, r := range runs {
			if r.FirstCommitment >= 0 && r.FirstCommitment <= c.T {
				n++
			}
		}
		if c.Proportion != runner.NewProportion(n, len(runs)) || (i > 0 && c.T <= curve[i-1].T) {
			t.Fatalf("tick %d: %+v, runs.csv has %d of %d", c.T, c.Proportion, n, len(runs))
		}
	}
	if last := curve[len(curve)-1]; last.Proportion != in.Summary.FirstCommitment.Share {
		t.Fatalf("curve ends at %+v, summary says %+v", last.Proportion, in.Summary.FirstCommitment.Share)
	}
	// By hand: 4 runs, first commitments at 3, none, 3, 7.
	hand := commitmentCurve([]runRow{{FirstCommitment: 3}, {FirstCommitment: -1}, {FirstCommitment: 3}, {FirstCommitment: 7}})
	if len(hand) != 2 || hand[0].T != 3 || hand[0].Count != 2 || hand[1].T != 7 || hand[1].Count != 3 || hand[1].N != 4 {
		t.Fatalf("by hand: %+v", hand)
	}
}
