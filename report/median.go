package report

import "math"

// medianRun is the most typical run: the medoid of the runs under the
// Hamming distance between their share indicators (runs.csv: which
// designs formed), that is the run whose summed distance to all the
// others is least — the multivariate counterpart of a median. Ties go to
// the run whose first patron commitment is nearest the median one, then
// to the lowest run. The summed distance needs only the counts: a run
// that has indicator k differs on it from the N − c_k runs without it,
// one without from the c_k with.
func medianRun(runs []runRow) (runRow, bool) {
	if len(runs) == 0 {
		return runRow{}, false
	}
	counts, firsts := tally(runs, len(runs[0].Happened))
	medFirst := -1.0 // none
	if len(firsts) > 0 {
		medFirst = medianOf(firsts)
	}
	gap := func(r runRow) float64 {
		switch {
		case medFirst < 0 && r.FirstCommitment < 0:
			return 0
		case medFirst < 0 || r.FirstCommitment < 0:
			return math.Inf(1)
		}
		return math.Abs(float64(r.FirstCommitment) - medFirst)
	}
	best, bestD, bestGap := 0, math.MaxInt, math.Inf(1)
	for i, r := range runs {
		d := 0
		for k, h := range r.Happened {
			if h {
				d += len(runs) - counts[k]
			} else {
				d += counts[k]
			}
		}
		if g := gap(r); d < bestD || d == bestD && g < bestGap {
			best, bestD, bestGap = i, d, g
		}
	}
	return runs[best], true
}
