package report

import (
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// The shares drawn are summary.json's, and their counts are the 1s of
// runs.csv; the shapes are the most frequent first, at most maxShapes.
func TestSharesAreTheRunsIndicators(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := readRuns(in.path("runs.csv"), 0, in.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	rows := shareRows(in.Summary)
	if len(rows) != len(runner.ShareKeys) || len(runs) != 60 {
		t.Fatalf("%d shares, %d runs", len(rows), len(runs))
	}
	for k, r := range rows {
		count := 0
		for _, run := range runs {
			if run.Happened[k] {
				count++
			}
		}
		if r.Label != runner.ShareKeys[k] || r.Count != count || r.N != 60 || r.Proportion != runner.NewProportion(count, 60) {
			t.Errorf("%s drawn as %+v; runs.csv has %d of 60", runner.ShareKeys[k], r, count)
		}
	}
	shapes := shapeRows(in.Summary)
	if len(shapes) == 0 || len(shapes) > maxShapes {
		t.Fatalf("%d shapes", len(shapes))
	}
	for i := 1; i < len(shapes); i++ {
		if shapes[i].Count > shapes[i-1].Count {
			t.Fatalf("shapes out of order: %v", shapes)
		}
	}
}
