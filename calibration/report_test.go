package calibration

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/targets"
)

// A report written from hand-made results, without a run: what its
// tables say of ties, of a target no run counted, of the constraints, of
// a note's seeds and of a report of one scenario.
func TestWriteSaysWhatDecided(t *testing.T) {
	share := func(id string, count, n int, threshold float64, note string) targets.Result {
		p := runner.NewProportion(count, n)
		return targets.Result{ID: id, Description: id + " happens", Share: p, Threshold: threshold,
			Met: n > 0 && p.Share >= threshold, Note: note}
	}
	results := func(e1 int) []targets.Result {
		return []targets.Result{share("E1", e1, 500, 0.8, "reasons: fear 3"), share("E4", 0, 0, 0.7, "")}
	}
	r := &Report{
		Spec: Spec{Scenario: "europe-1947", Inputs: []Input{{Name: "states.sov.revisionism", Why: "no number", Values: []float64{0.1, 0.2, 0.3}}},
			Constraints: []Constraint{{Why: "one order"}, {Why: "another order"}}},
		Runs: Runs,
		Candidates: []Candidate{
			score([]float64{0.1}, results(450)), // E1 met, E4 counts no run: shortfall 0.7
			score([]float64{0.2}, results(450)), // the same: a tie, second in grid order
			score([]float64{0.3}, results(300)), // E1 missed
		},
		Current:  []float64{0.1},
		Excluded: 4,
	}
	r.Chosen = Choose(r.Candidates)
	r.HeldOut = results(440)
	var b bytes.Buffer
	if err := Write(&b, []*Report{r}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"**Not the calibration of record:** it calibrates europe-1947; the record calibrates europe-1947 and asia-1950, in that order.",
		"The constraints keep 4 of the 7 combinations of the values out of the grid; they are not run.",
		"| 0.1 | 1 of 2 **(chosen)** | 0.700 | 90.0 | — (n 0)✗ |",
		"| 0.3 | 0 of 2 | 0.900 | 60.0✗ | — (n 0)✗ |",
		"2 combinations meet 1 target with the same shortfall (0.700); the rule's last step, the grid order, takes the first of them.",
		"| E1 happens (seeds 1–500: reasons: fear 3) |",
		"| E4 | 70% | — (n 0) | — (n 0) | no | E4 happens |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report does not say %q:\n%s", want, got)
		}
	}
	// One candidate alone: no tie to speak of.
	r.Candidates, r.Chosen = r.Candidates[:1], 0
	b.Reset()
	if err := Write(&b, []*Report{r}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "the grid order, takes") {
		t.Error("a report of one candidate speaks of a tie")
	}
}
