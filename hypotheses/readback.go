package hypotheses

import "fmt"

// Check reports whether r, read back from hypotheses.json, has the shape
// this package writes: an id, a known direction and verdict, at least
// one level, one pooled estimate per level and per level of every
// layout, and counts that are not negative. The error names the field
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

// checkCounts refuses negative counts among estimates read back.
func checkCounts(where string, es []Estimate) error {
	for i, e := range es {
		if e.N < 0 || e.Count < 0 {
			return fmt.Errorf("%s[%d]: n %d, count %d; allowed: ≥ 0", where, i, e.N, e.Count)
		}
	}
	return nil
}
