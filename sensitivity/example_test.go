package sensitivity_test

import (
	"fmt"

	"github.com/alliancesim/alliancesim/sensitivity"
)

// Sobol indices of the Ishigami function: draw a Saltelli design, run the
// model at every point, estimate. x3 does nothing alone (S3 ≈ 0) but a
// quarter of the variance through its interaction with x1 (ST3 ≈ 0.24).
func ExampleSobol() {
	const n, k = 4096, 3
	design, _ := sensitivity.SaltelliDesign(n, k, sensitivity.Halton, 1)
	f := sensitivity.Ishigami(7, 0.1)
	y := make([]float64, len(design))
	for i, u := range design {
		y[i] = f(u)
	}
	s, _ := sensitivity.Sobol(y, n, k, sensitivity.Bootstrap{Seed: 1})
	first, total := sensitivity.IshigamiIndices(7, 0.1)
	for i := range k {
		fmt.Printf("x%d  S %5.2f [%5.2f, %5.2f] (exact %.2f)  ST %.2f [%.2f, %.2f] (exact %.2f)\n", i+1,
			s.First[i].Estimate, s.First[i].Low, s.First[i].High, first[i],
			s.Total[i].Estimate, s.Total[i].Low, s.Total[i].High, total[i])
	}
	// Output:
	// x1  S  0.32 [ 0.29,  0.35] (exact 0.31)  ST 0.56 [0.52, 0.60] (exact 0.56)
	// x2  S  0.44 [ 0.41,  0.46] (exact 0.44)  ST 0.44 [0.42, 0.46] (exact 0.44)
	// x3  S -0.01 [-0.07,  0.04] (exact 0.00)  ST 0.24 [0.23, 0.26] (exact 0.24)
}

// Screening the g-function with elementary effects: μ* ranks the
// parameters as their a_i do (the smaller a_i, the more it matters), and
// σ close to μ* says their effects depend on the others (g is a product).
// Parameters are on distributions through their quantiles: here the
// design's unit coordinates are used as they are.
func ExampleElementaryEffects() {
	a := []float64{0, 1, 9, 99}
	design, _ := sensitivity.MorrisDesign(20, len(a), 4, 200, 1)
	g := sensitivity.GFunction(a)
	y := make([]float64, len(design))
	for i, u := range design {
		y[i] = g(u)
	}
	e, _ := sensitivity.ElementaryEffects(design, y, len(a), sensitivity.Bootstrap{Seed: 1})
	for i := range a {
		fmt.Printf("a = %2v  μ* %.3f [%.3f, %.3f]  σ %.3f\n", a[i], e.MuStar[i].Estimate, e.MuStar[i].Low, e.MuStar[i].High, e.Sigma[i].Estimate)
	}
	// Output:
	// a =  0  μ* 3.074 [2.872, 3.246]  σ 3.166
	// a =  1  μ* 1.783 [1.511, 2.037]  σ 1.934
	// a =  9  μ* 0.451 [0.370, 0.532]  σ 0.503
	// a = 99  μ* 0.048 [0.042, 0.055]  σ 0.051
}

// A parameter on a distribution: the design's unit coordinate is its
// quantile.
func ExampleProduct() {
	tri, _ := sensitivity.Triangular(0, 1, 4) // from, mode, to
	logu, _ := sensitivity.LogUniform(0.01, 1)
	q := sensitivity.Product{tri, logu}
	for _, u := range [][]float64{{0, 0}, {0.5, 0.5}, {1, 1}} {
		fmt.Printf("%v → %.3f\n", u, q.Quantile(nil, u))
	}
	// Output:
	// [0 0] → [0.000 0.010]
	// [0.5 0.5] → [1.551 0.100]
	// [1 1] → [4.000 1.000]
}
