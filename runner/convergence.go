package runner

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// CohesionBins is the resolution at which CohesionSplit reads cohesion at
// formation: bins of 0.001 on [0, 1].
const CohesionBins = 1000

// cohesionBin is the bin of a cohesion h: ⌊h·CohesionBins⌋, clamped to
// [0, CohesionBins] (h = 1 has its own bin).
func cohesionBin(h float64) int {
	if !(h > 0) { // also NaN
		return 0
	}
	return min(int(math.Floor(h*CohesionBins)), CohesionBins)
}

// CohesionSplit divides alliances at the median of their cohesion at
// formation — how far the founders' threat pictures converged when they
// signed (docs/model.md §7.12) — and gives each half's Kaplan–Meier
// survival. THEORY.md asks that survival differ by that convergence.
//
// byBin holds the lifetimes by cohesion bin (cohesionBin). The split is at
// the lower edge m of the bin holding the median alliance (the ⌈n/2⌉-th
// from the least convergent): "cohesion<m" is every alliance in a lower
// bin, "cohesion>=m" the rest, so the halves are as even as the bins
// allow. A half with no alliance is left out; with none at all, so is the
// split.
func CohesionSplit(byBin map[int]*Lifetimes) []GroupSurvival {
	bins := slices.Sorted(maps.Keys(byBin))
	n := 0
	for _, b := range bins {
		n += byBin[b].n
	}
	if n == 0 {
		return nil
	}
	median, seen := bins[len(bins)-1], 0
	for _, b := range bins {
		seen += byBin[b].n
		if 2*seen >= n {
			median = b
			break
		}
	}
	var lower, upper Lifetimes
	for _, b := range bins {
		half := &upper
		if b < median {
			half = &lower
		}
		half.merge(byBin[b])
	}
	m := fmt.Sprintf("%.3f", float64(median)/CohesionBins)
	var out []GroupSurvival
	if lower.n > 0 {
		out = append(out, GroupSurvival{Group: "cohesion<" + m, SurvivalCurve: lower.KaplanMeier()})
	}
	return append(out, GroupSurvival{Group: "cohesion>=" + m, SurvivalCurve: upper.KaplanMeier()})
}
