package sensitivity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// Interval is an estimate with its bootstrap percentile interval. All three
// are NaN when the estimate is undefined (an output that does not vary has
// no variance to share out).
type Interval struct {
	Estimate float64
	Low      float64
	High     float64
}

// Contains reports whether x lies in [Low, High].
func (iv Interval) Contains(x float64) bool { return iv.Low <= x && x <= iv.High }

// Bootstrap sets how the intervals are computed: Resamples resamples with
// replacement (of the N rows of a Saltelli design, or the r trajectories
// of a Morris design) drawn by a PCG seeded with Seed, and the percentile
// interval at level Confidence. Resamples is 1 to 1,000,000 (0:
// DefaultResamples); Confidence a level in (0, 1) (0: 0.95); Seed any
// value, 0 included (it has no default). Sobol, ElementaryEffects and
// Resolved refuse anything else.
type Bootstrap struct {
	Resamples  int     // default DefaultResamples
	Confidence float64 // default 0.95
	Seed       uint64
}

// DefaultResamples is the number of bootstrap resamples when none is set.
const DefaultResamples = 1000

// maxResamples bounds the work a typo can ask for.
const maxResamples = 1_000_000

func (b Bootstrap) resamples() int {
	if b.Resamples == 0 {
		return DefaultResamples
	}
	return b.Resamples
}

func (b Bootstrap) confidence() float64 {
	if b.Confidence == 0 {
		return 0.95
	}
	return b.Confidence
}

// Resolved is b with its zero values replaced by the defaults they stand
// for, so that a record of it (sensitivity.csv, a printed header) says
// what was drawn; an error if b is out of range.
func (b Bootstrap) Resolved() (Bootstrap, error) {
	if err := b.check(); err != nil {
		return Bootstrap{}, err
	}
	return Bootstrap{Resamples: b.resamples(), Confidence: b.confidence(), Seed: b.Seed}, nil
}

func (b Bootstrap) check() error {
	if b.Resamples < 0 || b.Resamples > maxResamples {
		return fmt.Errorf("sensitivity: %d bootstrap resamples; allowed: 1 to %d (0 for %d)", b.Resamples, maxResamples, DefaultResamples)
	}
	if c := b.Confidence; c != 0 && !(c > 0 && c < 1) {
		return fmt.Errorf("sensitivity: confidence %v; allowed: a level in (0, 1) (0 for 0.95)", c)
	}
	return nil
}

// Second words of the PCG generators' 128-bit states, one per use, so
// that one seed starts each use at a different, unrelated state
// (math/rand/v2's NewPCG(seed1, seed2) sets the state; PCG here has no
// separate stream parameter).
const (
	streamBootstrap = 0x626f6f74 // "boot"
	streamSaltelli  = 0x73616c74 // "salt"
	streamMorris    = 0x6d6f7272 // "morr"
)

// bootstrap estimates nstat statistics with estimate(nil, out) on the
// whole sample of n units and on b.resamples() resamples of n units drawn
// with replacement (estimate(idx, out) with the units' indices), and
// returns each statistic with its percentile interval. Resamples in which
// a statistic is undefined (NaN) are left out of its interval.
func bootstrap(n, nstat int, b Bootstrap, estimate func(idx []int, out []float64)) []Interval {
	out := make([]Interval, nstat)
	full := make([]float64, nstat)
	estimate(nil, full)
	reps := b.resamples()
	draws := make([]float64, reps*nstat) // resample s, statistic j at s*nstat+j
	idx := make([]int, n)
	rng := rand.New(rand.NewPCG(b.Seed, streamBootstrap))
	for s := range reps {
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
		estimate(idx, draws[s*nstat:(s+1)*nstat])
	}
	col := make([]float64, 0, reps)
	alpha := (1 - b.confidence()) / 2
	for j := range nstat {
		out[j] = Interval{Estimate: full[j], Low: math.NaN(), High: math.NaN()}
		if math.IsNaN(full[j]) {
			continue
		}
		col = col[:0]
		for s := range reps {
			if v := draws[s*nstat+j]; !math.IsNaN(v) {
				col = append(col, v)
			}
		}
		if len(col) == 0 {
			continue
		}
		slices.Sort(col)
		out[j].Low = stat.Quantile(alpha, stat.LinInterp, col, nil)
		out[j].High = stat.Quantile(1-alpha, stat.LinInterp, col, nil)
	}
	return out
}

// unit returns idx[i], or i when idx is nil (the whole sample).
func unit(idx []int, i int) int {
	if idx == nil {
		return i
	}
	return idx[i]
}
