package hypotheses

import (
	"fmt"
	"math"
)

// MaxMagnitude bounds every number of a Result read back: 2⁵³, the
// largest integer a double holds exactly. An outcome is a share, a mean
// or a survival probability, far inside it; a number past it in a
// hand-edited hypotheses.json would only make a figure's axis useless
// (at 1e308 gonum's tick search does not end).
const MaxMagnitude = 1 << 53

// Check reports whether r, read back from hypotheses.json, is a result
// this package could have written: an id, a known direction and verdict,
// at least one level, one pooled estimate per level and per level of
// every layout, and every number finite and within ±MaxMagnitude. The
// error names the field and what is allowed.
func (r *Result) Check() error {
	switch {
	case r.ID == "":
		return fmt.Errorf("id is empty; allowed: a hypothesis id such as T1a")
	case r.Predicted < Rises || r.Predicted > Below:
		return fmt.Errorf("%s: predicted %d; allowed: rises, falls, at least, below", r.ID, r.Predicted)
	case r.Verdict != Holds && r.Verdict != Fails && r.Verdict != Inconclusive:
		return fmt.Errorf("%s: verdict %q; allowed: %s, %s, %s", r.ID, r.Verdict, Holds, Fails, Inconclusive)
	case len(r.Levels) == 0:
		return fmt.Errorf("%s: no levels; allowed: at least one", r.ID)
	case len(r.Pooled) != len(r.Levels):
		return fmt.Errorf("%s: %d pooled estimates for %d levels; allowed: one per level", r.ID, len(r.Pooled), len(r.Levels))
	case r.Agree < 0 || r.Agree > len(r.Layouts):
		return fmt.Errorf("%s: layouts_agreeing %d; allowed: 0 to %d, the layouts", r.ID, r.Agree, len(r.Layouts))
	}
	scalars := []struct {
		name string
		v    *float64
	}{{"min_change", &r.MinChange}, {"threshold", &r.Threshold}, {"rho", r.Rho}, {"change", r.Change}, {"change_low", r.ChangeLow}, {"change_high", r.ChangeHi}}
	for _, s := range scalars {
		if s.v != nil && !bounded(*s.v) {
			return fmt.Errorf("%s: %s %g; allowed: a finite number within ±2⁵³", r.ID, s.name, *s.v)
		}
	}
	if err := checkEstimates(r.ID+": pooled", r.Pooled); err != nil {
		return err
	}
	for i, l := range r.Layouts {
		where := fmt.Sprintf("%s: layouts[%d]", r.ID, i)
		if len(l.Estimates) != len(r.Levels) {
			return fmt.Errorf("%s: %d estimates for %d levels; allowed: one per level", where, len(l.Estimates), len(r.Levels))
		}
		if err := checkEstimates(where, l.Estimates); err != nil {
			return err
		}
	}
	return nil
}

// checkEstimates checks the numbers of estimates read back.
func checkEstimates(where string, es []Estimate) error {
	for i, e := range es {
		for _, f := range []struct {
			name string
			v    float64
		}{{"value", e.Value}, {"low", e.Low}, {"high", e.High}, {"se", e.SE}} {
			if !bounded(f.v) {
				return fmt.Errorf("%s[%d]: %s %g; allowed: a finite number within ±2⁵³", where, i, f.name, f.v)
			}
		}
		if e.N < 0 || e.Count < 0 {
			return fmt.Errorf("%s[%d]: n %d, count %d; allowed: ≥ 0", where, i, e.N, e.Count)
		}
	}
	return nil
}

// bounded reports whether x is finite and within ±MaxMagnitude.
func bounded(x float64) bool { return !math.IsNaN(x) && math.Abs(x) <= MaxMagnitude }
