package sensitivity

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

// Base is how the two base matrices A and B of a Saltelli design are
// drawn.
type Base int

const (
	// Halton draws A and B as the first k and last k coordinates of a
	// 2k-dimensional Halton sequence with Owen's random scrambling of the
	// digits (gonum samplemv.Halton, Kind Owen): quasi-random, so the
	// estimates converge faster than with independent draws, and
	// randomised, so that a seed gives an unbiased design.
	Halton Base = iota
	// Random draws every coordinate of A and B independently and
	// uniformly (a PCG generator).
	Random
)

// baseNames is the table Bases returns a copy of.
var baseNames = []string{"halton", "random"}

// Bases returns the names of the bases, indexed by Base, as a copy:
// changing it changes nothing the engine reads.
func Bases() []string {
	return slices.Clone(baseNames)
}

func (b Base) String() string {
	if b < 0 || int(b) >= len(baseNames) {
		return fmt.Sprintf("Base(%d)", int(b))
	}
	return baseNames[b]
}

// ParseBase reads a base by name.
func ParseBase(s string) (Base, error) {
	for i, n := range baseNames {
		if n == s {
			return Base(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not a base; allowed: halton, random", s)
}

// MaxFactors is the most parameters a Saltelli design takes: the Halton
// sequence of gonum has 1000 dimensions, two per parameter.
const MaxFactors = 500

// SaltelliDesign returns the n(k+2) points in [0, 1]^k at which the model
// must be evaluated to estimate the first-order and total Sobol' indices
// of k parameters with n base rows (Saltelli et al. 2010). They are in
// SALib's order, so that its analysers read the outputs too: for each row
// j of A and B, A_j; then, for each parameter i, A_j with its i-th
// coordinate from B_j (A_B^(i) in Saltelli's notation); then B_j. The
// points are a pure function of (n, k, base, seed).
func SaltelliDesign(n, k int, base Base, seed uint64) ([][]float64, error) {
	if err := checkSaltelli(n, k); err != nil {
		return nil, err
	}
	ab := mat.NewDense(n, 2*k, nil)
	src := rand.NewPCG(seed, streamSaltelli)
	switch base {
	case Halton:
		samplemv.Halton{Kind: samplemv.Owen, Q: distmv.NewUnitUniform(2*k, nil), Src: src}.Sample(ab)
	case Random:
		rng := rand.New(src)
		for j := range n {
			for i := range 2 * k {
				ab.Set(j, i, rng.Float64())
			}
		}
	default:
		return nil, fmt.Errorf("sensitivity: base %v; allowed: Halton, Random", base)
	}
	points := make([][]float64, 0, n*(k+2))
	for j := range n {
		a, b := ab.RawRowView(j)[:k], ab.RawRowView(j)[k:]
		points = append(points, append([]float64(nil), a...))
		for i := range k {
			p := append([]float64(nil), a...)
			p[i] = b[i]
			points = append(points, p)
		}
		points = append(points, append([]float64(nil), b...))
	}
	return points, nil
}

// checkSaltelli says why SaltelliDesign would refuse n base rows of k
// parameters, or nil: n ≥ 2, 1 ≤ k ≤ MaxFactors, and at most maxRows
// points.
func checkSaltelli(n, k int) error {
	switch {
	case n < 2:
		return fmt.Errorf("sensitivity: %d base rows; allowed: at least 2", n)
	case k < 1 || k > MaxFactors:
		return fmt.Errorf("sensitivity: %d parameters; allowed: 1 to %d", k, MaxFactors)
	case n > maxRows/(k+2):
		return fmt.Errorf("sensitivity: %d base rows of %d parameters give more than %d points; allowed: at most %d base rows of %d parameters", n, k, maxRows, maxRows/(k+2), k)
	}
	return nil
}

// maxRows bounds the size of a design.
const maxRows = 10_000_000
