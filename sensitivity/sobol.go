package sensitivity

import (
	"fmt"
	"math"
)

// SobolIndices are the variance-based indices of k parameters estimated
// from a Saltelli design of N base rows.
type SobolIndices struct {
	N, K int
	// Mean and Variance of the output over the 2N points of A and B (the
	// population variance): the variance the indices share out.
	Mean, Variance float64
	// First[i] is S_i, the share of the variance that parameter i explains
	// alone; Total[i] is S_Ti, the share it explains alone and through all
	// its interactions, i.e. the share that would remain if every other
	// parameter were fixed. S_Ti − S_i is the interactions' part.
	First, Total []Interval
}

// Sobol estimates the first-order and total indices from the
// outputs y of the points of SaltelliDesign(n, k, …), in its order, with
// the estimators of Jansen (1999), as Saltelli et al. (2010, Table 2) list them: over
// the rows j,
//
//	V_i  = V − 1/(2N) Σ (f(B)_j − f(A_B^(i))_j)²
//	V_Ti = 1/(2N) Σ (f(A)_j − f(A_B^(i))_j)²
//
// and S_i = V_i/V, S_Ti = V_Ti/V, where V is the variance of the outputs
// at A and B. The intervals resample the N rows (each with its k+2
// outputs). When the outputs at A and B are all equal (V = 0) the indices
// are NaN.
func Sobol(y []float64, n, k int, b Bootstrap) (*SobolIndices, error) {
	if n < 2 || k < 1 || len(y) != n*(k+2) {
		return nil, fmt.Errorf("sensitivity: %d outputs for %d base rows of %d parameters; allowed: n(k+2) = %d, n ≥ 2, k ≥ 1", len(y), n, k, n*(k+2))
	}
	for i, v := range y {
		if !finite(v) {
			return nil, fmt.Errorf("sensitivity: output %d is %v; allowed: finite numbers", i, v)
		}
	}
	if err := b.check(); err != nil {
		return nil, err
	}
	stride := k + 2
	estimate := func(idx []int, out []float64) {
		_, v := baseMoments(y, n, k, idx)
		for i := range k {
			var sb, sa float64
			for j := range n {
				r := unit(idx, j) * stride
				fA, fAB, fB := y[r], y[r+1+i], y[r+k+1]
				sb += sq(fB - fAB)
				sa += sq(fA - fAB)
			}
			if v == 0 {
				out[i], out[k+i] = math.NaN(), math.NaN()
				continue
			}
			out[i] = 1 - sb/(float64(2*n)*v)
			out[k+i] = sa / (float64(2*n) * v)
		}
	}
	iv := bootstrap(n, 2*k, b, estimate)
	s := &SobolIndices{N: n, K: k, First: iv[:k:k], Total: iv[k:]}
	s.Mean, s.Variance = baseMoments(y, n, k, nil)
	return s, nil
}

// baseMoments is the mean and variance of the outputs at A and B over the
// rows idx (nil: every row in order). The variance is exactly 0 when the
// outputs are all equal: their mean, a sum divided by 2N, may not be one
// of them exactly (2/3 is not), and the rounding would leave a variance
// of about 10⁻³², which would give every parameter a first-order index
// of 1 and a total index of 0.
func baseMoments(y []float64, n, k int, idx []int) (mean, variance float64) {
	stride := k + 2
	first, constant := y[unit(idx, 0)*stride], true
	var sum float64
	for j := range n {
		r := unit(idx, j) * stride
		sum += y[r] + y[r+k+1]
		constant = constant && y[r] == first && y[r+k+1] == first
	}
	if constant {
		return first, 0
	}
	mean = sum / float64(2*n)
	var ss float64
	for j := range n {
		r := unit(idx, j) * stride
		ss += sq(y[r]-mean) + sq(y[r+k+1]-mean)
	}
	return mean, ss / float64(2*n)
}

func sq(x float64) float64 { return x * x }

// Resolution says whether a design resolves a Sobol index, judged by its
// bootstrap interval alone (not its estimate) against [0, 1], the range
// in which every S1 and ST lies.
type Resolution int

// The resolutions of an index. An index near 0 whose interval crosses 0
// is Resolved: that is what a small index looks like.
const (
	Resolved      Resolution = iota // or undefined: nothing to say of it
	WiderThanUnit                   // an interval wider than [0, 1], the whole range an index can take
	BelowZero                       // below 0, interval and all (an S1): the sampling error is larger than the interval shows
	AboveOne                        // above 1, interval and all (an ST): likewise
)

// SobolResolution judges a Sobol index (S1 or ST) by its interval: an
// interval wider than 1 first, then one wholly below 0 or above 1.
// An index without an interval (NaN) is Resolved.
func SobolResolution(iv Interval) Resolution {
	switch {
	case math.IsNaN(iv.Low) || math.IsNaN(iv.High):
		return Resolved
	case iv.High-iv.Low > 1:
		return WiderThanUnit
	case iv.High < 0:
		return BelowZero
	case iv.Low > 1:
		return AboveOne
	}
	return Resolved
}
