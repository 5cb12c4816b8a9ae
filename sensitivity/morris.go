package sensitivity

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// MaxCandidates bounds the candidate trajectories of a Morris design: the
// selection compares every pair of them.
const MaxCandidates = 2000

// MorrisDesign returns r trajectories for the elementary effects of k
// parameters, each k+1 consecutive points in [0, 1]^k: r(k+1) points.
// The points lie on a grid of levels values 0, 1/(levels−1), …, 1
// (levels even); a trajectory starts at a random grid point and moves
// each parameter once, in a random order and a random direction, by
// Δ = levels/(2(levels−1)) (Morris 1991), so that every level is equally
// likely to be visited.
//
// candidates such trajectories (r to MaxCandidates) are drawn and the r
// that lie furthest apart kept (Campolongo, Cariboni and Saltelli 2007):
// the r maximising the spread (see Spread), so that the design covers the
// space rather than clustering. The exact maximum over every choice of r among the
// candidates is a combinatorial search; it is found greedily (start from
// the two furthest apart, add the one that most increases the spread) and
// then improved by exchanges (swap a kept trajectory for a left one while
// that increases the spread) until no exchange does: near the best, not
// always at it (the same spread as an exhaustive search on the tested
// small problem, 12 candidates and r = 4; in a review's 60 seeds of 16
// candidates and r = 6, short of it in 5, by at most 1% of the squared
// spread). The kept
// trajectories are returned in the order they were drawn. The design is a
// pure function of (r, k, levels, candidates, seed). levels may go to
// 1000 here; an experiment file allows 2 to 100, enough for any list of
// values it can step along.
//
// The price of the spread: trajectories far apart lie near the edges of
// the space, so the selection visits the ends of each range more often
// than the middle (20 kept of 200 at 4 levels: about two thirds of the
// coordinates at 0 or 1, about 63–68% for 2 to 10 paths in a review's
// measurement, against 50% for Morris's own design), and μ*
// weighs the effects there more. The ranking of the parameters — the
// purpose of screening — holds on the test functions; with
// candidates = r there is no selection and the design is Morris's.
func MorrisDesign(r, k, levels, candidates int, seed uint64) ([][]float64, error) {
	switch {
	case r < 2:
		return nil, fmt.Errorf("sensitivity: %d trajectories; allowed: at least 2", r)
	case k < 1 || k > MaxFactors:
		return nil, fmt.Errorf("sensitivity: %d parameters; allowed: 1 to %d", k, MaxFactors)
	case levels < 2 || levels%2 != 0 || levels > 1000:
		return nil, fmt.Errorf("sensitivity: %d levels; allowed: an even number from 2 to 1000 (4 is usual)", levels)
	case r > MaxCandidates:
		return nil, fmt.Errorf("sensitivity: %d trajectories; allowed: 2 to %d, the most candidate trajectories", r, MaxCandidates)
	case candidates < r || candidates > MaxCandidates:
		return nil, fmt.Errorf("sensitivity: %d candidate trajectories for %d; allowed: %d to %d", candidates, r, r, MaxCandidates)
	case r > maxRows/(k+1):
		return nil, fmt.Errorf("sensitivity: %d trajectories of %d parameters give more than %d points; allowed: at most %d trajectories of %d parameters", r, k, maxRows, maxRows/(k+1), k)
	}
	rng := rand.New(rand.NewPCG(seed, streamMorris))
	cands := make([][][]float64, candidates)
	for m := range cands {
		cands[m] = trajectory(rng, k, levels)
	}
	keep := maxSpread(distances(cands), candidates, r)
	points := make([][]float64, 0, r*(k+1))
	for _, m := range keep {
		points = append(points, cands[m]...)
	}
	return points, nil
}

// trajectory draws one trajectory of k+1 points.
func trajectory(rng *rand.Rand, k, levels int) [][]float64 {
	half := levels / 2 // Δ in grid steps
	step := float64(levels - 1)
	start := make([]int, k) // grid index of each parameter's first value
	up := make([]bool, k)
	for i := range k {
		base := rng.IntN(half) // x* + Δ ≤ 1
		up[i] = rng.IntN(2) == 0
		start[i] = base
		if !up[i] {
			start[i] = base + half
		}
	}
	order := rng.Perm(k)
	at := slices.Clone(start)
	out := make([][]float64, 0, k+1)
	emit := func() {
		p := make([]float64, k)
		for i, g := range at {
			p[i] = float64(g) / step
		}
		out = append(out, p)
	}
	emit()
	for _, i := range order {
		if up[i] {
			at[i] += half
		} else {
			at[i] -= half
		}
		emit()
	}
	return out
}

// Spread is Campolongo et al.'s (2007) measure of how far apart the
// trajectories of a Morris design lie: with d(m, l) the sum over the
// (k+1)² pairs of a point of trajectory m and a point of trajectory l of
// their Euclidean distance, the spread is √(Σ d(m, l)²) over the pairs of
// trajectories. design holds trajectories of k+1 points each.
func Spread(design [][]float64, k int) float64 {
	if k < 1 || len(design)%(k+1) != 0 {
		return 0
	}
	var trajs [][][]float64
	for t := 0; t < len(design); t += k + 1 {
		trajs = append(trajs, design[t:t+k+1])
	}
	d := distances(trajs)
	m := len(trajs)
	var s float64
	for a := range m {
		for b := a + 1; b < m; b++ {
			s += sq(d[a*m+b])
		}
	}
	return sqrtNonNeg(s)
}

// distances is the matrix of d(m, l) (row-major, m×m).
func distances(trajs [][][]float64) []float64 {
	m := len(trajs)
	d := make([]float64, m*m)
	for a := range m {
		for b := a + 1; b < m; b++ {
			var s float64
			for _, p := range trajs[a] {
				for _, q := range trajs[b] {
					var e float64
					for z := range p {
						e += sq(p[z] - q[z])
					}
					s += sqrtNonNeg(e)
				}
			}
			d[a*m+b], d[b*m+a] = s, s
		}
	}
	return d
}

// maxSpread chooses r of m trajectories with a large Σ d² over their
// pairs: greedily, then by exchanges; it returns their indices, sorted.
func maxSpread(d []float64, m, r int) []int {
	if r >= m {
		all := make([]int, m)
		for i := range all {
			all[i] = i
		}
		return all
	}
	d2 := func(a, b int) float64 { return sq(d[a*m+b]) }
	set, in, gain := greedySpread(d, m, r)
	// Exchanges: replacing s by c changes the sum by
	// (gain[c] − d(c, s)²) − gain[s].
	for pass := 0; pass < 1000; pass++ {
		improved := false
		for pos, s := range set {
			best, bestGain := -1, 1e-12*(1+gain[s])
			for c := range m {
				if in[c] {
					continue
				}
				if g := gain[c] - d2(c, s) - gain[s]; g > bestGain {
					best, bestGain = c, g
				}
			}
			if best < 0 {
				continue
			}
			in[s], in[best] = false, true
			set[pos] = best
			for c := range m {
				gain[c] += d2(c, best) - d2(c, s)
			}
			improved = true
		}
		if !improved {
			break
		}
	}
	slices.Sort(set)
	return set
}

// greedySpread is maxSpread's first, greedy choice of r of m trajectories
// (2 ≤ r < m): the pair furthest apart, then one at a time the trajectory
// outside the set with the largest Σ d² to those in it (the first, by
// index, of equals). It returns the set in the order chosen, which
// trajectories are in it, and each trajectory's Σ d² to the set (gain).
func greedySpread(d []float64, m, r int) (set []int, in []bool, gain []float64) {
	d2 := func(a, b int) float64 { return sq(d[a*m+b]) }
	in = make([]bool, m)
	set = make([]int, 0, r)
	a, b := 0, 1
	for i := range m {
		for j := i + 1; j < m; j++ {
			if d[i*m+j] > d[a*m+b] {
				a, b = i, j
			}
		}
	}
	set = append(set, a, b)
	in[a], in[b] = true, true
	// gain[c] is Σ d(c, s)² over the set.
	gain = make([]float64, m)
	for c := range m {
		gain[c] = d2(c, a) + d2(c, b)
	}
	for len(set) < r {
		best := -1
		for c := range m {
			if !in[c] && (best < 0 || gain[c] > gain[best]) {
				best = c
			}
		}
		set = append(set, best)
		in[best] = true
		for c := range m {
			gain[c] += d2(c, best)
		}
	}
	return set, in, gain
}
