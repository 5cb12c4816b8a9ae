package sensitivity

import (
	"math"
	"testing"
)

// The percentile interval of a mean of known spread has about the width
// of the normal interval, ±1.96 σ/√n, and holds the true mean.
func TestBootstrapMean(t *testing.T) {
	rng := newTestRand(4)
	const n = 400
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64()*2 + 5
	}
	iv := bootstrap(n, 1, Bootstrap{Seed: 1, Resamples: 2000}, func(idx []int, out []float64) {
		s := 0.0
		for i := range n {
			s += x[unit(idx, i)]
		}
		out[0] = s / n
	})[0]
	half := 1.96 * 2 / math.Sqrt(n)
	if !iv.Contains(5) || !(math.Abs((iv.High-iv.Low)/2-half) <= 0.2*half) {
		t.Fatalf("interval %+v; want about 5 ± %.3f", iv, half)
	}
}

// Resamples in which a statistic is undefined are left out of its
// interval; a statistic undefined on the whole sample has none.
func TestBootstrapNaN(t *testing.T) {
	iv := bootstrap(10, 2, Bootstrap{Resamples: 100}, func(idx []int, out []float64) {
		out[0] = math.NaN()
		out[1] = 1
		if idx != nil && idx[0] == 0 {
			out[1] = math.NaN()
		}
	})
	if !math.IsNaN(iv[0].Low) || !math.IsNaN(iv[0].High) || iv[1].Low != 1 || iv[1].High != 1 {
		t.Fatalf("%+v", iv)
	}
}
