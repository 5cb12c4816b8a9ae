package runner

import (
	"maps"
	"math"
	"slices"
)

// cohesionBins is the resolution at which cohesionSplit reads cohesion at
// formation: bins of 0.001 on [0, 1].
const cohesionBins = 1000

// cohesionBin is the bin of a cohesion h: ⌊h·cohesionBins⌋, clamped to
// [0, cohesionBins] (h = 1 has its own bin; NaN goes to bin 0).
func cohesionBin(h float64) int {
	if !(h > 0) {
		return 0
	}
	return min(int(math.Floor(h*cohesionBins)), cohesionBins)
}

// cohesionSplit divides alliances at the median of their cohesion at
// formation — how far the founders' threat pictures converged when they
// signed (docs/model.md §7.12) — and gives each half's Kaplan–Meier
// survival, as the groups "cohesion=low" and "cohesion=high" with the
// median in Split. THEORY.md asks that survival differ by that
// convergence.
//
// byBin holds the lifetimes by cohesion bin (cohesionBin). The median is
// the upper one, the (⌊n/2⌋+1)-th alliance from the least convergent, and
// m the lower edge of its bin: "cohesion=low" is every alliance in a
// lower bin, "cohesion=high" the rest. Alliances in distinct bins split
// ⌊n/2⌋ and ⌈n/2⌉; alliances that share the median's bin all go high. A
// half with no alliance is left out; with none at all, so is the split.
func cohesionSplit(byBin map[int]*Lifetimes) []GroupSurvival {
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
		if 2*seen > n {
			median = b
			break
		}
	}
	var low, high Lifetimes
	for _, b := range bins {
		half := &high
		if b < median {
			half = &low
		}
		half.merge(byBin[b])
	}
	m := float64(median) / cohesionBins
	var out []GroupSurvival
	if low.n > 0 {
		out = append(out, GroupSurvival{Group: "cohesion=low", Split: &m, SurvivalCurve: low.KaplanMeier()})
	}
	return append(out, GroupSurvival{Group: "cohesion=high", Split: &m, SurvivalCurve: high.KaplanMeier()})
}
