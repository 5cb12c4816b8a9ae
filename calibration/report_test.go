package calibration

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/targets"
)

// result is a hand-made result of a target: count of n runs met it, and
// it is met if some run counted and the share reaches the threshold.
func result(id string, count, n int, threshold float64, note string) targets.Result {
	p := runner.NewProportion(count, n)
	return targets.Result{ID: id, Description: id + " happens", Share: p, Threshold: threshold,
		Met: n > 0 && p.Share >= threshold, Note: note}
}

// written is the report Write makes of reps.
func written(t *testing.T, reps ...*Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, reps); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// says fails the test for each text the report does not contain.
func says(t *testing.T, report string, texts ...string) {
	t.Helper()
	for _, want := range texts {
		if !strings.Contains(report, want) {
			t.Errorf("the report does not say %q:\n%s", want, report)
		}
	}
}

// A report written from hand-made results, without a run: what its
// tables say of ties, of a target no run counted, of the constraints, of
// a note's seeds and of a report of one scenario.
func TestWriteSaysWhatDecided(t *testing.T) {
	results := func(e1 int) []targets.Result {
		return []targets.Result{result("E1", e1, 500, 0.8, "reasons: fear 3"), result("E4", 0, 0, 0.7, "")}
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
	says(t, written(t, r),
		"**Not the calibration of record:** it calibrates europe-1947; the record calibrates europe-1947 and asia-1950, in that order.",
		"The constraints keep 4 of the 7 combinations of the values out of the grid; they are not run.",
		"| 0.1 | 1 of 2 **(chosen)** | 0.700 | 90.0 | — (n 0)✗ |",
		"| 0.3 | 0 of 2 | 0.900 | 60.0✗ | — (n 0)✗ |",
		"2 combinations meet 1 target with the same shortfall (0.700); the rule's last step, the grid order, takes the first of them.",
		"| E1 happens (seeds 1–500: reasons: fear 3) |",
		"| E4 | 70% | — (n 0), no | — (n 0), no | no | E4 happens |")
	// One candidate alone: no tie to speak of.
	r.Candidates, r.Chosen = r.Candidates[:1], 0
	if strings.Contains(written(t, r), "the grid order, takes") {
		t.Error("a report of one candidate speaks of a tie")
	}
}

// A target met on the calibration seeds but missed on the held-out ones
// is not met; a run count other than the record's and the scenarios in
// another order are each called not the calibration of record, and the
// seeds named are those the run count reaches; a value of three digits
// is written whole.
func TestWriteHeldOutRunsAndOrder(t *testing.T) {
	report := func(scenario string, runs int) *Report {
		return &Report{
			Spec:       Spec{Scenario: scenario, Inputs: []Input{{Name: "x", Why: "no number", Values: []float64{0.125, 0.25}}}},
			Runs:       runs,
			Candidates: []Candidate{score([]float64{0.125}, []targets.Result{result("A1", runs, runs, 0.8, "")})},
			HeldOut:    []targets.Result{result("A1", 0, runs, 0.8, "")}, // met on 1–runs, missed held out
			Current:    []float64{0.125},
		}
	}
	got := written(t, report("europe-1947", 4), report("asia-1950", 4))
	if strings.Contains(got, "Met, but with a 95% interval") {
		t.Errorf("a target met on one range only is flagged as met with an interval below its threshold:\n%s", got)
	}
	says(t, got,
		"| A1 | 80% | 100.0 [51.0, 100.0] n 4, yes | 0.0 [0.0, 49.0] n 4, no | no | A1 happens |",
		"0 of 1 targets met on both seed ranges.",
		"### What was tried (seeds 1–4, one run each)",
		"**Not the calibration of record:** 4 runs per candidate and for the held-out check (`--runs 4`), where the record takes 500.",
		"| `x` | 0.125, 0.25 | 0.125 | 0.125 | no number |")
	if strings.Contains(got, "it calibrates") {
		t.Errorf("both scenarios in the record's order are called another set:\n%s", got)
	}
	// More runs than the record's are not the record either.
	if got := written(t, report("europe-1947", 600), report("asia-1950", 600)); !strings.Contains(got, "**Not the calibration of record:** 600 runs per candidate") {
		t.Errorf("600 runs are taken for the record:\n%s", got)
	}
	// The record's runs, its scenarios in the other order.
	got = written(t, report("asia-1950", Runs), report("europe-1947", Runs))
	if !strings.Contains(got, "**Not the calibration of record:** it calibrates asia-1950 and europe-1947; the record calibrates europe-1947 and asia-1950, in that order.") {
		t.Errorf("the scenarios in another order are taken for the record:\n%s", got)
	}
	if strings.Contains(got, "runs per candidate and for the held-out check") {
		t.Errorf("the record's run count is called another:\n%s", got)
	}
}

// The header says what each column of the tables holds: the rounding of
// the shares, what n is, the unit of the shortfall (shares of 1, where
// the shares print in percent), which seeds "met" and ✗ speak of, and
// where the thresholds are.
func TestWriteExplainsTheColumns(t *testing.T) {
	r := &Report{
		Spec:       Spec{Scenario: "europe-1947", Inputs: []Input{{Name: "x", Why: "no number", Values: []float64{0.1}}}},
		Runs:       Runs,
		Candidates: []Candidate{score([]float64{0.1}, []targets.Result{result("E1", 46, 500, 0.6, "")})},
		HeldOut:    []targets.Result{result("E1", 47, 500, 0.6, "")},
		Current:    []float64{0.1},
	}
	got := written(t, r)
	says(t, got,
		"to one decimal rounded down",
		"n is\nthe number of runs it counts",
		`"met" (how many
targets it meets on the calibration seeds`,
		"in shares of 1, not percent: a share of\n9.2% against a threshold of 60% falls 0.508 short",
		"the thresholds are in\neach scenario's last table",
		"✗\nmarks a target missed there",
		"| 0.1 | 0 of 1 **(chosen)** | 0.508 | 9.2✗ |") // the header's example is the table's arithmetic
}

// A target met on both ranges is flagged where its interval reaches below
// its threshold, on the range where it does, with its runs and interval:
// met on 7 and 3 runs, it rests on little. A target met with room is not.
func TestWriteFlagsTargetsMetOnFewRuns(t *testing.T) {
	r := &Report{
		Spec: Spec{Scenario: "asia-1950", Inputs: []Input{{Name: "x", Why: "no number", Values: []float64{0.1}}}},
		Runs: Runs,
		Candidates: []Candidate{score([]float64{0.1}, []targets.Result{
			result("A1", 500, 500, 0.8, ""), result("A3", 7, 7, 0.7, ""), result("A9", 485, 500, 0.7, "")})},
		HeldOut: []targets.Result{result("A1", 500, 500, 0.8, ""), result("A3", 3, 3, 0.7, ""), result("A9", 480, 500, 0.7, "")},
		Current: []float64{0.1},
	}
	got := written(t, r)
	says(t, got, "3 of 3 targets met on both seed ranges.",
		"Met, but with a 95% interval that reaches below the threshold (few runs, or a share close to it), so that the share may fall short of it: A3 on seeds 1–500, 7 runs, [64.6, 100.0] and seeds 1001–1500, 3 runs, [43.9, 100.0].\n")
	// With 20 runs of 20 the interval, [83.9, 100.0], clears 70% on both.
	r.Candidates[0].Results[1], r.HeldOut[1] = result("A3", 20, 20, 0.7, ""), result("A3", 20, 20, 0.7, "")
	if got := written(t, r); strings.Contains(got, "Met, but with a 95% interval") {
		t.Errorf("a target met with room is flagged:\n%s", got)
	}
	// Many runs and a share close to the threshold: 355 of 500 (71.0%)
	// against 70%, its interval [66.9, 74.8].
	r.HeldOut[1] = result("A3", 355, 500, 0.7, "")
	says(t, written(t, r), "(few runs, or a share close to it), so that the share may fall short of it: A3 on seeds 1001–1500, 500 runs, [66.9, 74.8].\n")
}

// The report, written to docs/calibration.md, names no document of the
// specification kept outside the repository (HISTORY.md, THEORY.md,
// MODEL.md): the targets it counts are listed in docs/model.md §1.2.1,
// which it points to. docs/calibration.md as committed says the same.
func TestWriteNamesOnlyDocumentsTheCloneHas(t *testing.T) {
	r := &Report{
		Spec:       Spec{Scenario: "europe-1947", Inputs: []Input{{Name: "x", Why: "no number", Values: []float64{0.1}}}},
		Runs:       Runs,
		Candidates: []Candidate{score([]float64{0.1}, []targets.Result{result("E1", 460, 500, 0.6, "")})},
		HeldOut:    []targets.Result{result("E1", 470, 500, 0.6, "")},
		Current:    []float64{0.1},
	}
	committed, err := os.ReadFile(filepath.Join("..", "docs", "calibration.md"))
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"the report": written(t, r), "docs/calibration.md": string(committed)} {
		for _, outside := range []string{"HISTORY.md", "THEORY.md", "MODEL.md"} {
			if strings.Contains(text, outside) {
				t.Errorf("%s names %s, which is not in the repository", what, outside)
			}
		}
		if !strings.Contains(text, "the chosen one meets the most targets\n(docs/model.md §1.2.1) there") {
			t.Errorf("%s does not say where the targets are listed", what)
		}
	}
}

// A report that is not the calibration of record says so in its first
// line, with each option that makes it differ, before the record's header
// ("do not edit by hand") can be read as its own; the calibration of
// record opens with its title, as docs/calibration.md does.
func TestWriteOpensAProbeBySayingSo(t *testing.T) {
	report := oneCandidate
	const title = "# Calibration of the historical scenarios\n"
	record := written(t, report("europe-1947", Runs), report("asia-1950", Runs))
	if !strings.HasPrefix(record, title) {
		t.Errorf("the calibration of record does not open with its title:\n%s", record[:min(len(record), 300)])
	}
	committed, err := os.ReadFile(filepath.Join("..", "docs", "calibration.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(committed), title) {
		t.Error("docs/calibration.md does not open with its title")
	}
	const opening = "**A probe, not the calibration of record:** "
	for _, c := range []struct {
		name string
		reps []*Report
		why  string
	}{
		{"--runs 2, one scenario", []*Report{report("europe-1947", 2)},
			"2 runs per candidate and for the held-out check (`--runs 2`), where the record takes 500; it calibrates europe-1947, where the record calibrates europe-1947 and asia-1950, in that order."},
		{"--runs 2", []*Report{report("europe-1947", 2), report("asia-1950", 2)},
			"2 runs per candidate and for the held-out check (`--runs 2`), where the record takes 500."},
		{"one scenario", []*Report{report("asia-1950", Runs)},
			"it calibrates asia-1950, where the record calibrates europe-1947 and asia-1950, in that order."},
		{"--set", []*Report{report("europe-1947", Runs, "params.p_weak=0.75"), report("asia-1950", Runs, "params.p_weak=0.75")},
			"every candidate and the held-out check ran with `--set params.p_weak=0.75`."},
		{"--set in one report", []*Report{report("europe-1947", Runs, "params.p_weak=0.75", "params.p_strong=0.75"), report("asia-1950", Runs)},
			"europe-1947's candidates and held-out check ran with `--set params.p_weak=0.75`, `--set params.p_strong=0.75`."},
	} {
		got := written(t, c.reps...)
		first, _, _ := strings.Cut(got, "\n")
		if first != opening+c.why {
			t.Errorf("%s: the first line is\n%s\nwant\n%s", c.name, first, opening+c.why)
		}
		if !strings.Contains(got, "\n\n"+title) {
			t.Errorf("%s: the record's title does not follow the notice:\n%s", c.name, got[:min(len(got), 600)])
		}
	}
}

// Reports of different counts of runs are refused: the header and the
// probe's notice say the first report's count, so 500 runs of
// europe-1947 beside 2 of asia-1950 read as the calibration of record.
func TestWriteRefusesReportsOfDifferentRuns(t *testing.T) {
	report := oneCandidate
	var b bytes.Buffer
	err := Write(&b, []*Report{report("europe-1947", Runs), report("asia-1950", 2)})
	if want := "report 2 of 2 (asia-1950) has 2 runs, report 1 (europe-1947) 500; allowed:"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("reports of 500 and 2 runs: %v, want …%s…; wrote\n%.300s", err, want, b.String())
	}
}

// oneCandidate is a report of scenario with one free input and its one
// value, chosen and current, meeting E1 in every one of runs runs, played
// with the --set changes set.
func oneCandidate(scenario string, runs int, set ...string) *Report {
	return &Report{
		Spec:       Spec{Scenario: scenario, Inputs: []Input{{Name: "x", Why: "no number", Values: []float64{0.1}}}},
		Runs:       runs,
		Candidates: []Candidate{score([]float64{0.1}, []targets.Result{result("E1", runs, runs, 0.6, "")})},
		HeldOut:    []targets.Result{result("E1", runs, runs, 0.6, "")},
		Current:    []float64{0.1},
		Set:        set,
	}
}
