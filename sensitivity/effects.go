package sensitivity

import (
	"fmt"
	"math"
)

// Effects are the elementary-effect statistics of k parameters from r
// Morris trajectories. An elementary effect of parameter i is the change
// of the output over the change of i, both on the unit scale of the design
// (so one unit is a parameter's whole range, or its whole distribution
// from the 0- to the 1-quantile), at a point of a trajectory.
type Effects struct {
	R, K int
	// MuStar[i] is the mean absolute elementary effect, Campolongo et al.'s
	// (2007) screening measure: large when i matters, alone or through
	// interactions, and not cancelled by effects of opposite signs. It
	// approximates the total index's ranking.
	MuStar []Interval
	// Mu[i] is the mean effect; |Mu| much below MuStar means the effect
	// changes sign over the space.
	Mu []Interval
	// Sigma[i] is the standard deviation of the effects (n − 1): large when
	// i's effect depends on where the others are (interactions or a
	// non-linear response).
	Sigma []Interval
}

// ElementaryEffects computes the statistics from the design points x
// (r trajectories of k+1 points, as MorrisDesign returns them, in the unit
// hypercube: every coordinate a number in [0, 1]) and the outputs y at
// them. Consecutive points of a trajectory must differ in exactly one
// parameter. The intervals resample the r trajectories.
func ElementaryEffects(x [][]float64, y []float64, k int, b Bootstrap) (*Effects, error) {
	if k < 1 || len(x) == 0 || len(x)%(k+1) != 0 || len(y) != len(x) {
		return nil, fmt.Errorf("sensitivity: %d points and %d outputs for %d parameters; allowed: r(k+1) of each", len(x), len(y), k)
	}
	r := len(x) / (k + 1)
	if r < 2 {
		return nil, fmt.Errorf("sensitivity: %d trajectory; allowed: at least 2", r)
	}
	if err := b.check(); err != nil {
		return nil, err
	}
	if err := checkUnit(x, k); err != nil {
		return nil, err
	}
	// ee[t*k+i]: the effect of parameter i in trajectory t.
	ee := make([]float64, r*k)
	for t := range r {
		seen := make([]bool, k)
		for s := range k {
			p, q := x[t*(k+1)+s], x[t*(k+1)+s+1]
			moved := -1
			for i := range k {
				if p[i] != q[i] {
					if moved >= 0 {
						return nil, fmt.Errorf("sensitivity: points %d and %d of trajectory %d differ in more than one parameter; allowed: consecutive points of a trajectory that differ in exactly one (a MorrisDesign's)", s, s+1, t)
					}
					moved = i
				}
			}
			if moved < 0 || seen[moved] {
				return nil, fmt.Errorf("sensitivity: step %d of trajectory %d does not move a parameter not yet moved; allowed: trajectories that move each parameter once (a MorrisDesign's)", s, t)
			}
			seen[moved] = true
			fy, fq := y[t*(k+1)+s], y[t*(k+1)+s+1]
			if !finite(fy) || !finite(fq) {
				return nil, fmt.Errorf("sensitivity: an output of trajectory %d is not finite", t)
			}
			ee[t*k+moved] = (fq - fy) / (q[moved] - p[moved])
		}
	}
	estimate := func(idx []int, out []float64) {
		for i := range k {
			var sum, abs float64
			for t := range r {
				e := ee[unit(idx, t)*k+i]
				sum += e
				abs += math.Abs(e)
			}
			mu := sum / float64(r)
			var ss float64
			for t := range r {
				ss += sq(ee[unit(idx, t)*k+i] - mu)
			}
			out[i], out[k+i], out[2*k+i] = abs/float64(r), mu, sqrtNonNeg(ss/float64(r-1))
		}
	}
	iv := bootstrap(r, 3*k, b, estimate)
	return &Effects{R: r, K: k, MuStar: iv[:k:k], Mu: iv[k : 2*k : 2*k], Sigma: iv[2*k:]}, nil
}

// checkUnit reports a point of x that does not have k coordinates in
// [0, 1]: a NaN would count as a move, and a coordinate off the unit scale
// would give effects on another scale.
func checkUnit(x [][]float64, k int) error {
	for n, p := range x {
		if len(p) != k {
			return fmt.Errorf("sensitivity: point %d has %d coordinates; allowed: %d", n, len(p), k)
		}
		for i, v := range p {
			if !(v >= 0 && v <= 1) {
				return fmt.Errorf("sensitivity: point %d has coordinate %d %v; allowed: numbers in [0, 1]", n, i, v)
			}
		}
	}
	return nil
}

func sqrtNonNeg(x float64) float64 { return math.Sqrt(max(x, 0)) }
