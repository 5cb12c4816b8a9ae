package hypotheses

import (
	"strings"
	"testing"
)

// reported is a result as Run gives it, for the writers.
func reported() []Result {
	change, lo, hi, rho := -0.25, -0.4, -0.1, -1.0
	return []Result{{ID: "T4", Predicted: Falls, MinChange: 0.15, Runs: 200, Verdict: Holds, Reason: "ρ −1.00",
		Lever: "sea fraction", Outcome: "client alliance",
		Levels:  []string{"0", "0.8"},
		Pooled:  []Estimate{{Value: 0.5, Low: 0.4, High: 0.6, N: 200, Valid: true}, {Value: 0.25, Low: 0.2, High: 0.3, N: 200, Valid: true}},
		Layouts: []LayoutRow{{Layout: 1, Estimates: []Estimate{{Value: 0.5, Low: 0.4, High: 0.6, N: 200, Valid: true}, {N: 0}}}},
		Rho:     &rho, Change: &change, ChangeLow: &lo, ChangeHi: &hi, Agree: 1}}
}

// hypotheses.csv has a row per layout and level, then the pooled ones,
// each with the runs its hypothesis was measured on.
func TestWriteCSV(t *testing.T) {
	var b strings.Builder
	if err := WriteCSV(&b, reported()); err != nil {
		t.Fatal(err)
	}
	want := "hypothesis,layout,level,outcome,n,low,high,valid,runs\n" +
		"T4,1,0,0.5,200,0.4,0.6,true,200\n" +
		"T4,1,0.8,0,0,0,0,false,200\n" +
		"T4,pooled,0,0.5,200,0.4,0.6,true,200\n" +
		"T4,pooled,0.8,0.25,200,0.2,0.3,true,200\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// The table gives each hypothesis's runs beside its layouts.
func TestWriteTableGivesTheRuns(t *testing.T) {
	var b strings.Builder
	if err := WriteTable(&b, reported()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if head := strings.Fields(lines[0]); len(head) < 8 || head[6] != "layouts" || head[7] != "runs" {
		t.Fatalf("header %q", lines[0])
	}
	if row := strings.Fields(lines[1]); len(row) < 11 || row[8] != "1/1" || row[9] != "200" || row[10] != "holds" {
		t.Errorf("row %q", lines[1])
	}
}

// A prediction reads as the table's cell: a direction with its minimum
// change, a rate's bound with its threshold.
func TestPrediction(t *testing.T) {
	for _, c := range []struct {
		d        Direction
		min, thr float64
		want     string
	}{
		{Rises, 0.15, 0, "rises ≥ 0.15"}, {Falls, 0.2, 0, "falls ≥ 0.20"},
		{AtLeast, 0, 0.7, "at least 0.70"}, {Below, 0, 0.05, "below 0.05"},
	} {
		if got := Prediction(c.d, c.min, c.thr); got != c.want {
			t.Errorf("Prediction(%v, %v, %v) = %q, want %q", c.d, c.min, c.thr, got, c.want)
		}
	}
}

// MostRuns is the largest run count of the results, 0 of none.
func TestMostRuns(t *testing.T) {
	if got := MostRuns([]Result{{Runs: 100}, {Runs: 400}, {Runs: 200}}); got != 400 {
		t.Errorf("MostRuns = %d, want 400", got)
	}
	if got := MostRuns(nil); got != 0 {
		t.Errorf("MostRuns(nil) = %d, want 0", got)
	}
}

// A rate's line under its row gives the pooled estimate as its verdict
// reads it, rounded down (1400 of 2001: 0.699, not 0.700); a comparative
// static's levels to the nearest.
func TestWriteTableRoundsARateDown(t *testing.T) {
	rate := Result{ID: "T7", Predicted: AtLeast, Threshold: 0.7, Levels: []string{"as built"}, Layouts: []LayoutRow{{Layout: 1}},
		Pooled: []Estimate{{Value: 1400.0 / 2001, Low: 0.67912, High: 0.71898, N: 2001, Valid: true}}}
	static := Result{ID: "T4", Predicted: Falls, MinChange: 0.15, Levels: []string{"0", "0.8"}, Layouts: []LayoutRow{{Layout: 1}},
		Pooled: []Estimate{{Value: 0.69965, Low: 0.6, High: 0.8, N: 100, Valid: true}, {Value: 0.2, Low: 0.1, High: 0.3, N: 100, Valid: true}}}
	var b strings.Builder
	if err := WriteTable(&b, []Result{rate, static}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"as built: 0.699 [0.679, 0.719] n 2001", "0: 0.700 [0.600, 0.800] n 100"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in the table:\n%s", want, b.String())
		}
	}
}

// A verdict other than holds says why under its row; one that holds
// does not.
func TestWriteTableSaysWhyNot(t *testing.T) {
	res := reported()
	failing := res[0]
	failing.ID, failing.Verdict, failing.Reason = "T2", Fails, "change −0.05 (need −0.15)"
	var b strings.Builder
	if err := WriteTable(&b, append(res, failing)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, "fails: change −0.05 (need −0.15)") != 1 || strings.Contains(out, "holds: ") {
		t.Errorf("the table:\n%s", out)
	}
}

// A change or an end of its interval prints with three decimals, but one
// that is not zero never as ±0.000: an interval that excludes zero must
// not read as one that touches it.
func TestSignedNeverHidesASign(t *testing.T) {
	for x, want := range map[float64]string{0.009: "+0.009", -0.0512: "-0.051", 0: "+0.000", 0.00031: "+0.00031", -0.0004: "-0.0004", 0.0005: "+0.001", 0.00049: "+0.00049"} {
		if got := signed(x); got != want {
			t.Errorf("signed(%v) = %q, want %q", x, got, want)
		}
	}
}

// Cells of a comparative static give its direction, ρ and change with its
// interval; of a rate, its threshold and pooled share; "—" where there is
// none (a rate has no ρ, a direction no change before it is measured).
func TestCells(t *testing.T) {
	static := reported()[0]
	rate := Result{ID: "T5", Predicted: AtLeast, Threshold: 0.7,
		Pooled: []Estimate{{Value: 0.99, Low: 0.9757, High: 0.99612, N: 500, Valid: true}}}
	unmeasured := Result{ID: "T2", Predicted: Falls, MinChange: 0.15}
	// A rate is rounded down, as its verdict reads it: 1400 of 2001 is
	// 0.69965, short of 0.70; an upper end past the threshold is rounded
	// to the nearest (0.71898), one short of it down (0.69996).
	short := Result{ID: "T7", Predicted: AtLeast, Threshold: 0.7,
		Pooled: []Estimate{{Value: 1400.0 / 2001, Low: 0.67912, High: 0.71898, N: 2001, Valid: true}}}
	wholly := Result{ID: "T7", Predicted: AtLeast, Threshold: 0.7,
		Pooled: []Estimate{{Value: 0.6, Low: 0.4, High: 0.69996, N: 20, Valid: true}}}
	// An upper bound's lower end under it is rounded down too (0.0496
	// reaches under 0.05, which 0.050 would not), one at or above it to
	// the nearest (0.05004).
	reaching := Result{ID: "NC1", Predicted: Below, Threshold: 0.05,
		Pooled: []Estimate{{Value: 0.06, Low: 0.0496, High: 0.0804, N: 100, Valid: true}}}
	above := Result{ID: "NC1", Predicted: Below, Threshold: 0.05,
		Pooled: []Estimate{{Value: 0.07, Low: 0.05004, High: 0.0904, N: 100, Valid: true}}}
	for _, c := range []struct {
		r                      Result
		predicted, rho, change string
	}{
		{static, "falls ≥ 0.15", "-1.00", "-0.250 [-0.400, -0.100]"},
		{rate, "at least 0.70", "—", "0.990 [0.976, 0.996]"},
		{short, "at least 0.70", "—", "0.699 [0.679, 0.719]"},
		{wholly, "at least 0.70", "—", "0.600 [0.400, 0.699]"},
		{reaching, "below 0.05", "—", "0.060 [0.049, 0.080]"},
		{above, "below 0.05", "—", "0.070 [0.050, 0.090]"},
		{unmeasured, "falls ≥ 0.15", "—", "—"},
	} {
		predicted, rho, change := c.r.Cells()
		if predicted != c.predicted || rho != c.rho || change != c.change {
			t.Errorf("%s: %q, %q, %q; want %q, %q, %q", c.r.ID, predicted, rho, change, c.predicted, c.rho, c.change)
		}
	}
}
