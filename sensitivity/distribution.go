package sensitivity

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/distuv"
)

// A Marginal is the distribution of one parameter, given by its quantile
// function: Quantile(p) for p in [0, 1] is the value below which a share p
// of the distribution lies. Designs are drawn in the unit hypercube and
// mapped to the parameters through their marginals, so every design works
// with every distribution. Quantiles draw nothing at random.
type Marginal interface {
	Quantile(p float64) float64
}

// Uniform is the uniform distribution on [lo, hi].
func Uniform(lo, hi float64) (Marginal, error) {
	if err := finiteRange(lo, hi); err != nil {
		return nil, err
	}
	return uniform{distuv.Uniform{Min: lo, Max: hi}}, nil
}

// uniform is gonum's uniform quantile, kept finite when the width of the
// range overflows (from −1.7e308 to 1.7e308), and inside the range: gonum's
// p(hi − lo) + lo rounds above hi at p = 1 for some ranges (on [−1, 0.1]
// it is 0.10000000000000009).
type uniform struct{ distuv.Uniform }

func (u uniform) Quantile(p float64) float64 {
	if finite(u.Max - u.Min) {
		return min(max(u.Uniform.Quantile(p), u.Min), u.Max) // rounding must not step outside
	}
	return u.Min*(1-p) + u.Max*p
}

// Normal is the normal distribution of the given mean and standard
// deviation truncated to [lo, hi]: a parameter has a valid range, and
// Morris's levels reach the ends of it, where an untruncated normal would
// be infinite.
func Normal(mean, sd, lo, hi float64) (Marginal, error) {
	if err := finiteRange(lo, hi); err != nil {
		return nil, err
	}
	if !finite(mean) || !finite(sd) || sd <= 0 {
		return nil, fmt.Errorf("normal: mean %v, sd %v; allowed: a finite mean and a positive sd", mean, sd)
	}
	if lo == hi {
		return distuv.Uniform{Min: lo, Max: hi}, nil // a point, as for the other marginals: the truncation holds nothing else
	}
	n := distuv.Normal{Mu: mean, Sigma: sd}
	t := truncated{n: n, lo: lo, hi: hi, plo: n.CDF(lo), phi: n.CDF(hi)}
	if !(t.phi-t.plo > 1e-9) {
		return nil, fmt.Errorf("normal: mean %v, sd %v puts almost nothing in [%v, %v]; allowed: a range that holds some of the distribution", mean, sd, lo, hi)
	}
	return t, nil
}

type truncated struct {
	n        distuv.Normal
	lo, hi   float64
	plo, phi float64
}

func (t truncated) Quantile(p float64) float64 {
	x := t.n.Quantile(t.plo + p*(t.phi-t.plo))
	return min(max(x, t.lo), t.hi) // rounding must not step outside
}

// Triangular is the triangular distribution on [lo, hi] with its peak at
// mode.
func Triangular(lo, mode, hi float64) (Marginal, error) {
	if err := finiteRange(lo, hi); err != nil {
		return nil, err
	}
	if lo == hi {
		return distuv.Uniform{Min: lo, Max: hi}, nil // a point: gonum's Triangle needs lo < hi
	}
	if !finite(mode) || mode < lo || mode > hi {
		return nil, fmt.Errorf("triangular: mode %v; allowed: a number in [%v, %v]", mode, lo, hi)
	}
	if !finite(hi - lo) {
		// gonum's quantile works on the width, which would be infinite
		return nil, fmt.Errorf("triangular: range [%v, %v] is wider than a float64 holds; allowed: a range whose width is finite", lo, hi)
	}
	return distuv.NewTriangle(lo, hi, mode, nil), nil
}

// LogUniform is the distribution whose logarithm is uniform on
// [log lo, log hi]: every factor of ten in the range equally likely, for
// parameters known only to an order of magnitude.
func LogUniform(lo, hi float64) (Marginal, error) {
	if err := finiteRange(lo, hi); err != nil {
		return nil, err
	}
	if lo <= 0 {
		return nil, fmt.Errorf("log-uniform: range [%v, %v]; allowed: a range of positive numbers", lo, hi)
	}
	return logUniform{u: distuv.Uniform{Min: math.Log(lo), Max: math.Log(hi)}, lo: lo, hi: hi}, nil
}

type logUniform struct {
	u      distuv.Uniform
	lo, hi float64
}

func (l logUniform) Quantile(p float64) float64 {
	return min(max(math.Exp(l.u.Quantile(p)), l.lo), l.hi)
}

func finiteRange(lo, hi float64) error {
	if !finite(lo) || !finite(hi) || lo > hi {
		return fmt.Errorf("range [%v, %v]; allowed: finite numbers with from ≤ to", lo, hi)
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Product is independent parameters, one marginal each. It implements
// gonum's distmv.Quantiler, so that gonum's samplers (samplemv.LatinHypercube,
// samplemv.Halton) draw from it directly.
type Product []Marginal

var _ distmv.Quantiler = Product(nil)

// Quantile maps a point p of the unit hypercube to the parameters: x[i] is
// the p[i]-quantile of the i-th marginal. x may be nil or p itself. Like
// gonum's Quantilers, it panics when p, or x if not nil, does not have
// one coordinate per marginal: that is a mistake in the calling code.
func (q Product) Quantile(x, p []float64) []float64 {
	if len(p) != len(q) {
		panic(fmt.Sprintf("sensitivity: a point of %d coordinates for a product of %d marginals", len(p), len(q)))
	}
	if x == nil {
		x = make([]float64, len(p))
	}
	if len(x) != len(q) {
		panic(fmt.Sprintf("sensitivity: a destination of %d coordinates for a product of %d marginals", len(x), len(q)))
	}
	for i, m := range q {
		x[i] = m.Quantile(p[i])
	}
	return x
}

// Map applies the product to every point of a design, returning new rows.
// It panics when a row does not have one coordinate per marginal, as
// Quantile does.
func (q Product) Map(design [][]float64) [][]float64 {
	out := make([][]float64, len(design))
	for i, p := range design {
		if len(p) != len(q) {
			panic(fmt.Sprintf("sensitivity: design row %d has %d coordinates for a product of %d marginals", i, len(p), len(q)))
		}
		out[i] = q.Quantile(nil, p)
	}
	return out
}
