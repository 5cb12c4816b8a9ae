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

// An interval holds its ends: [1, 2] contains 1 and 2, not 0.999 or 2.001.
func TestIntervalContainsEnds(t *testing.T) {
	iv := Interval{Estimate: 1.5, Low: 1, High: 2}
	for x, want := range map[float64]bool{1: true, 2: true, 0.999: false, 2.001: false} {
		if got := iv.Contains(x); got != want {
			t.Errorf("[1, 2] contains %v: %v, want %v", x, got, want)
		}
	}
}

// The bounds of Bootstrap: resamples 0 (the default) to 10⁶, a confidence
// of 0 (the default) or in (0, 1).
func TestBootstrapCheck(t *testing.T) {
	for _, b := range []Bootstrap{{}, {Resamples: 1}, {Resamples: 1_000_000}, {Confidence: 0.5}, {Confidence: 1e-9}} {
		if err := b.check(); err != nil {
			t.Errorf("%+v: %v", b, err)
		}
	}
	for _, c := range []struct {
		b    Bootstrap
		want string
	}{
		{Bootstrap{Resamples: 1_000_001}, "sensitivity: 1000001 bootstrap resamples; allowed: 1 to 1000000 (0 for 1000)"},
		{Bootstrap{Resamples: -1}, "sensitivity: -1 bootstrap resamples; allowed: 1 to 1000000 (0 for 1000)"},
		{Bootstrap{Confidence: 1}, "sensitivity: confidence 1; allowed: a level in (0, 1) (0 for 0.95)"},
		{Bootstrap{Confidence: -0.5}, "sensitivity: confidence -0.5; allowed: a level in (0, 1) (0 for 0.95)"},
	} {
		if err := c.b.check(); err == nil || err.Error() != c.want {
			t.Errorf("%+v: %v; want %q", c.b, err, c.want)
		}
	}
}

// Resolved replaces only the zero values, keeps the seed as given (0
// included) and refuses what check refuses.
func TestBootstrapResolved(t *testing.T) {
	for _, c := range []struct{ b, want Bootstrap }{
		{Bootstrap{}, Bootstrap{Resamples: 1000, Confidence: 0.95}},
		{Bootstrap{Seed: 7}, Bootstrap{Resamples: 1000, Confidence: 0.95, Seed: 7}},
		{Bootstrap{Resamples: 200, Confidence: 0.9, Seed: 3}, Bootstrap{Resamples: 200, Confidence: 0.9, Seed: 3}},
	} {
		if got, err := c.b.Resolved(); err != nil || got != c.want {
			t.Errorf("%+v: %+v, %v; want %+v", c.b, got, err, c.want)
		}
	}
	if got, err := (Bootstrap{Resamples: -1}).Resolved(); err == nil || got != (Bootstrap{}) {
		t.Errorf("-1 resamples: %+v, %v; want an error", got, err)
	}
}

// A statistic undefined on the whole sample has no interval even when
// resamples define it; one defined on the whole sample but on no resample
// has none either; and a third statistic, 2 on every sample, still has
// [2, 2]: the undefined ones before it do not end the loop.
func TestBootstrapNaNWholeOrEveryResample(t *testing.T) {
	iv := bootstrap(10, 3, Bootstrap{Resamples: 100}, func(idx []int, out []float64) {
		out[0], out[1], out[2] = 1, 1, 2
		if idx == nil {
			out[0] = math.NaN()
		} else {
			out[1] = math.NaN()
		}
	})
	if !math.IsNaN(iv[0].Estimate) || !math.IsNaN(iv[0].Low) || !math.IsNaN(iv[0].High) {
		t.Errorf("undefined on the whole sample: %+v; want NaN throughout", iv[0])
	}
	if iv[1].Estimate != 1 || !math.IsNaN(iv[1].Low) || !math.IsNaN(iv[1].High) {
		t.Errorf("undefined on every resample: %+v; want estimate 1, no interval", iv[1])
	}
	if iv[2] != (Interval{Estimate: 2, Low: 2, High: 2}) {
		t.Errorf("defined everywhere, after them: %+v; want 2 in [2, 2]", iv[2])
	}
}

// The percentile interval interpolates linearly (gonum's LinInterp: the
// p-quantile of n sorted values at position p·n, between the values at
// ranks ⌈p·n⌉−1 and ⌈p·n⌉). Four resamples giving 10, 20, 30, 40: at
// confidence 0.4, α = 0.3 and position 1.2 lies 0.2 of the way from 10 to
// 20: Low = 12; 1 − α = 0.7, position 2.8, 0.8 of the way from 20 to 30:
// High = 28. (The empirical quantile would give 20 and 30.)
func TestBootstrapPercentileInterpolates(t *testing.T) {
	calls := 0
	iv := bootstrap(3, 1, Bootstrap{Resamples: 4, Confidence: 0.4}, func(idx []int, out []float64) {
		if idx == nil {
			out[0] = 25
			return
		}
		calls++
		out[0] = float64(10 * calls)
	})[0]
	if calls != 4 || iv.Estimate != 25 || !(math.Abs(iv.Low-12) <= 1e-9) || !(math.Abs(iv.High-28) <= 1e-9) {
		t.Errorf("%d resamples, interval %+v; want 4, 25 in [12, 28]", calls, iv)
	}
}

// Every unit can be drawn: the mean of {0, 1} over 2000 resamples of two
// units takes 0, 0.5 and 1, so its interval is [0, 1] (a resampler that
// never drew the last unit would give [0, 0]).
func TestBootstrapDrawsEveryUnit(t *testing.T) {
	x := []float64{0, 1}
	iv := bootstrap(2, 1, Bootstrap{Seed: 1, Resamples: 2000}, func(idx []int, out []float64) {
		out[0] = (x[unit(idx, 0)] + x[unit(idx, 1)]) / 2
	})[0]
	if iv.Low != 0 || iv.High != 1 {
		t.Errorf("interval of the mean of {0, 1}: %+v, want [0, 1]", iv)
	}
}
