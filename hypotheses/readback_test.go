package hypotheses

import (
	"strings"
	"testing"
)

func TestResultCheck(t *testing.T) {
	valid := func() Result {
		rho, change, lo, hi := 0.9, 0.2, 0.1, 0.3
		return Result{ID: "T9", Predicted: Rises, MinChange: 0.15, Verdict: Holds, Runs: 100,
			Levels:  []string{"0.1", "0.9"},
			Pooled:  []Estimate{{Value: 0.5, Low: 0.4, High: 0.6, N: 100, Valid: true}, {Value: 0.7, Low: 0.6, High: 0.8, N: 100, Valid: true}},
			Layouts: []LayoutRow{{Layout: 1, Estimates: []Estimate{{Value: 0.5, Valid: true}, {Value: 0.7, Valid: true}}}},
			Rho:     &rho, Change: &change, ChangeLow: &lo, ChangeHi: &hi, Agree: 1}
	}
	r := valid()
	if err := r.Check(); err != nil {
		t.Fatalf("a valid result refused: %v", err)
	}
	// With few runs the change's interval reaches past ±1, as written.
	wide := valid()
	*wide.ChangeLow, *wide.ChangeHi = -1.386, 1.386
	if err := wide.Check(); err != nil {
		t.Fatalf("an interval past ±1 refused: %v", err)
	}
	cases := []struct {
		name   string
		mutate func(*Result)
		want   string
	}{
		{"no id", func(r *Result) { r.ID = "" }, "id is empty"},
		{"direction", func(r *Result) { r.Predicted = 7 }, "predicted 7"},
		{"verdict", func(r *Result) { r.Verdict = "maybe" }, `verdict "maybe"`},
		{"no runs", func(r *Result) { r.Runs = 0 }, "T9: runs 0; allowed: a whole number ≥ 1"},
		{"no levels", func(r *Result) { r.Levels = nil }, "no levels"},
		{"pooled short", func(r *Result) { r.Pooled = r.Pooled[:1] }, "1 pooled estimates for 2 levels"},
		{"agree", func(r *Result) { r.Agree = 2 }, "layouts_agreeing 2; allowed: 0 to 1"},
		{"layout length", func(r *Result) { r.Layouts[0].Estimates = nil }, "layouts[0]: 0 estimates for 2 levels"},
		{"count", func(r *Result) { r.Pooled[0].N = -1 }, "pooled[0]: n -1"},
		{"layout count", func(r *Result) { r.Layouts[0].Estimates[1].Count = -2 }, "layouts[0][1]: n 0, count -2"},
		{"count past n", func(r *Result) { r.Pooled[1].N, r.Pooled[1].Count = 4, 99 }, "pooled[1]: n 4, count 99; allowed: 0 ≤ count ≤ n"},
		{"share off the scale", func(r *Result) { r.Pooled[0].Value = -3 }, "pooled[0]: value -3 in [0.4, 0.6]"},
		{"interval reversed", func(r *Result) { r.Pooled[0].Low, r.Pooled[0].High = 0.6, 0.4 }, "value 0.5 in [0.6, 0.4]"},
		{"rho", func(r *Result) { *r.Rho = 2 }, "rho 2; allowed: a number in [-1, 1]"},
		{"change without interval", func(r *Result) { r.ChangeHi = nil }, "change, change_low and change_high; allowed: all three or none"},
		{"change outside its interval", func(r *Result) { *r.ChangeLow = 0.25 }, "change 0.2 in [0.25, 0.3]; allowed: a change in [-1, 1] within its interval"},
		{"change past 1", func(r *Result) { *r.Change, *r.ChangeHi = 1.2, 1.3 }, "change 1.2 in [0.1, 1.3]"},
	}
	for _, c := range cases {
		r := valid()
		c.mutate(&r)
		err := r.Check()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
}
