package hypotheses

import (
	"strings"
	"testing"
)

func TestResultCheck(t *testing.T) {
	valid := func() Result {
		rho, change, lo, hi := 0.9, 0.2, 0.1, 0.3
		return Result{ID: "T9", Predicted: Rises, MinChange: 0.15, Verdict: Holds,
			Levels:  []string{"0.1", "0.9"},
			Pooled:  []Estimate{{Value: 0.5, Low: 0.4, High: 0.6, N: 100, Valid: true}, {Value: 0.7, Low: 0.6, High: 0.8, N: 100, Valid: true}},
			Layouts: []LayoutRow{{Layout: 1, Estimates: []Estimate{{Value: 0.5, Valid: true}, {Value: 0.7, Valid: true}}}},
			Rho:     &rho, Change: &change, ChangeLow: &lo, ChangeHi: &hi, Agree: 1}
	}
	r := valid()
	if err := r.Check(); err != nil {
		t.Fatalf("a valid result refused: %v", err)
	}
	huge := 1e308
	cases := []struct {
		name   string
		mutate func(*Result)
		want   string
	}{
		{"no id", func(r *Result) { r.ID = "" }, "id is empty"},
		{"direction", func(r *Result) { r.Predicted = 7 }, "predicted 7"},
		{"verdict", func(r *Result) { r.Verdict = "maybe" }, `verdict "maybe"`},
		{"no levels", func(r *Result) { r.Levels = nil }, "no levels"},
		{"pooled short", func(r *Result) { r.Pooled = r.Pooled[:1] }, "1 pooled estimates for 2 levels"},
		{"agree", func(r *Result) { r.Agree = 2 }, "layouts_agreeing 2; allowed: 0 to 1"},
		{"rho", func(r *Result) { r.Rho = &huge }, "rho 1e+308"},
		{"threshold", func(r *Result) { r.Threshold = -huge }, "threshold -1e+308"},
		{"pooled value", func(r *Result) { r.Pooled[1].High = huge }, "pooled[1]: high 1e+308"},
		{"layout length", func(r *Result) { r.Layouts[0].Estimates = nil }, "layouts[0]: 0 estimates for 2 levels"},
		{"layout value", func(r *Result) { r.Layouts[0].Estimates[0].Value = -huge }, "layouts[0][0]: value -1e+308"},
		{"count", func(r *Result) { r.Pooled[0].N = -1 }, "n -1"},
	}
	for _, c := range cases {
		r := valid()
		c.mutate(&r)
		err := r.Check()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
	// The bound itself is allowed, the next double past it is not.
	r = valid()
	r.Pooled[0].Value = MaxMagnitude
	if err := r.Check(); err != nil {
		t.Errorf("value 2⁵³ refused: %v", err)
	}
	r.Pooled[0].Value = MaxMagnitude * (1 + 1e-15)
	if err := r.Check(); err == nil {
		t.Error("value past 2⁵³ accepted")
	}
}
