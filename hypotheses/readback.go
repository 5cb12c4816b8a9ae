package hypotheses

import "fmt"

// Check reports whether r, read back from hypotheses.json, has the shape
// this package writes: an id, a known direction and verdict, its runs, at least
// one level, one pooled estimate per level and per level of every
// layout, counts within their n, and estimates, intervals, ρ and the
// change on their scales. The error names the field
// and what is allowed. (The size of its numbers is the reader's to check:
// report refuses any number of the file past ±2⁵³ before it gets here.)
func (r *Result) Check() error {
	switch {
	case r.ID == "":
		return fmt.Errorf("id is empty; allowed: a hypothesis id such as T1a")
	case !r.Predicted.known():
		return fmt.Errorf("%s: predicted %d; allowed: rises, falls, at least, below", r.ID, r.Predicted)
	case r.Verdict != Holds && r.Verdict != Fails && r.Verdict != Inconclusive:
		return fmt.Errorf("%s: verdict %q; allowed: %s, %s, %s", r.ID, r.Verdict, Holds, Fails, Inconclusive)
	case r.Runs < 1:
		return fmt.Errorf("%s: runs %d; allowed: a whole number ≥ 1, the replications per world and level it was measured on (a file written before they were recorded: run hypotheses again)", r.ID, r.Runs)
	case len(r.Levels) == 0:
		return fmt.Errorf("%s: no levels; allowed: at least one", r.ID)
	case len(r.Pooled) != len(r.Levels):
		return fmt.Errorf("%s: %d pooled estimates for %d levels; allowed: one per level", r.ID, len(r.Pooled), len(r.Levels))
	case r.Agree < 0 || r.Agree > len(r.Layouts):
		return fmt.Errorf("%s: layouts_agreeing %d; allowed: 0 to %d, the layouts", r.ID, r.Agree, len(r.Layouts))
	}
	if err := checkCounts(r.ID+": pooled", r.Pooled); err != nil {
		return err
	}
	if r.Rho != nil && !(*r.Rho >= -1 && *r.Rho <= 1) {
		return fmt.Errorf("%s: rho %v; allowed: a number in [-1, 1]", r.ID, *r.Rho)
	}
	if (r.Change == nil) != (r.ChangeLow == nil) || (r.Change == nil) != (r.ChangeHi == nil) {
		return fmt.Errorf("%s: change, change_low and change_high; allowed: all three or none", r.ID)
	}
	// The change is a difference of two estimates in [0, 1]; its
	// interval (runner.MOVERDifference, from the two estimates'
	// intervals) is checked only to hold the change.
	if r.Change != nil && !(-1 <= *r.Change && *r.Change <= 1 && *r.ChangeLow <= *r.Change && *r.Change <= *r.ChangeHi) {
		return fmt.Errorf("%s: change %v in [%v, %v]; allowed: a change in [-1, 1] within its interval", r.ID, *r.Change, *r.ChangeLow, *r.ChangeHi)
	}
	for i, l := range r.Layouts {
		where := fmt.Sprintf("%s: layouts[%d]", r.ID, i)
		if len(l.Estimates) != len(r.Levels) {
			return fmt.Errorf("%s: %d estimates for %d levels; allowed: one per level", where, len(l.Estimates), len(r.Levels))
		}
		if err := checkCounts(where, l.Estimates); err != nil {
			return err
		}
	}
	return nil
}

// checkCounts checks estimates read back: counts within their n, and an
// estimate and its interval on the [0, 1] scale every outcome is on, the
// interval's low end at most its high end.
func checkCounts(where string, es []Estimate) error {
	for i, e := range es {
		switch {
		case e.N < 0 || e.Count < 0 || e.Count > e.N:
			return fmt.Errorf("%s[%d]: n %d, count %d; allowed: 0 ≤ count ≤ n", where, i, e.N, e.Count)
		case !(0 <= e.Low && e.Low <= e.High && e.High <= 1 && 0 <= e.Value && e.Value <= 1 && e.SE >= 0):
			return fmt.Errorf("%s[%d]: value %v in [%v, %v], se %v; allowed: numbers in [0, 1], the interval's low end at most its high end, se ≥ 0", where, i, e.Value, e.Low, e.High, e.SE)
		}
	}
	return nil
}
