package runner

import (
	"errors"
	"fmt"
	"slices"

	"github.com/alliancesim/alliancesim/sim"
)

// Series is the time series of many runs of one scenario (docs/model.md
// §7.14), in memory: what series.csv holds for a point of the same work.
// MonteCarlo and Sweep give it in Summary.Series when Options.Series asks
// and the scenario sets params.record_every; every record_every ticks it
// has, for each state, the mean and the 5%, 50% and 95% quantiles across
// runs of each of SeriesMeasures. Sweep folds the runs in its plan's
// chunks, as Execute does, and MonteCarlo in chunks of 100, Execute's
// default, so that the numbers are series.csv's to the last bit. A nil
// Series, a summary's without one, is empty: no ticks, states, runs or
// rows.
type Series struct {
	agg *seriesAggregate
	cal sim.Calendar
}

// SeriesRow is one row of series.csv: a measure of a state at a sampled
// tick, over Runs runs (all runs for alive, the runs in which the state
// exists then for the others); with no run, Mean and the quantiles are
// NaN.
type SeriesRow struct {
	Tick           int
	Date           string // the month the tick begins, YYYY-MM
	State, Measure string
	Runs           int
	Mean           float64
	Q05, Q50, Q95  float64
}

// Ticks are the sampled ticks: 0, record_every, 2·record_every, … below
// the horizon.
func (s *Series) Ticks() []int {
	if s == nil {
		return nil
	}
	return slices.Clone(s.agg.Ticks)
}

// States are the ids of the states, in the scenario's order.
func (s *Series) States() []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.agg.States)
}

// Runs is the number of runs folded.
func (s *Series) Runs() int {
	if s == nil {
		return 0
	}
	return s.agg.Runs
}

// Row returns measure (a name of SeriesMeasures) of the state with the
// given id at the k-th sampled tick (Ticks()[k]).
func (s *Series) Row(k int, state, measure string) (SeriesRow, error) {
	if s == nil {
		return SeriesRow{}, errors.New("runner: no time series (Options.Series, and params.record_every > 0)")
	}
	if k < 0 || k >= len(s.agg.Ticks) {
		return SeriesRow{}, fmt.Errorf("runner: sample %d out of range [0, %d)", k, len(s.agg.Ticks))
	}
	i := slices.Index(s.agg.States, state)
	if i < 0 {
		return SeriesRow{}, fmt.Errorf("runner: no state %q in the series; allowed: %v", state, s.agg.States)
	}
	m := slices.IndexFunc(seriesMeasures, func(sm SeriesMeasure) bool { return sm.Name == measure })
	if m < 0 {
		names := make([]string, len(seriesMeasures))
		for j, sm := range seriesMeasures {
			names[j] = sm.Name
		}
		return SeriesRow{}, fmt.Errorf("runner: no series measure %q; allowed: %v", measure, names)
	}
	return s.row(k, i, m), nil
}

// Rows returns every row, in series.csv's order: by sampled tick, then
// state, then measure.
func (s *Series) Rows() []SeriesRow {
	if s == nil {
		return nil
	}
	out := make([]SeriesRow, 0, len(s.agg.Ticks)*len(s.agg.States)*len(seriesMeasures))
	for k := range s.agg.Ticks {
		for i := range s.agg.States {
			for m := range seriesMeasures {
				out = append(out, s.row(k, i, m))
			}
		}
	}
	return out
}

func (s *Series) row(k, i, m int) SeriesRow {
	st := s.agg.Stat(k, i, m)
	t := s.agg.Ticks[k]
	return SeriesRow{Tick: t, Date: s.cal.Label(t), State: s.agg.States[i], Measure: seriesMeasures[m].Name,
		Runs: s.agg.Counted(k, i, m), Mean: st.Mean, Q05: st.Q05, Q50: st.Q50, Q95: st.Q95}
}

// seriesFold folds the runs of one point, in run order, as Execute does:
// each chunk of size runs into an aggregate of its own, added to the
// point's when the chunk is whole, so that the sums are grouped as
// series.csv's are. The first chunk's aggregate becomes the point's (as
// the assembly begins with the first part's), so that a fold of one
// chunk allocates one aggregate. A nil fold (no series recorded) takes
// nothing.
type seriesFold struct {
	c            *sim.Compiled
	size         int
	total, chunk *seriesAggregate // total nil until the first chunk is whole
}

// newSeriesFold is the fold of a point compiled as c in chunks of size
// runs, nil where c records no time series.
func newSeriesFold(c *sim.Compiled, size int) *seriesFold {
	if c.Params().RecordEvery <= 0 {
		return nil
	}
	return &seriesFold{c: c, size: size}
}

// add folds in the next run's samples.
func (f *seriesFold) add(samples []sim.Sample) error {
	if f == nil {
		return nil
	}
	if f.chunk == nil {
		f.chunk = newChunkSeries(f.c)
	}
	if err := f.chunk.AddRun(samples); err != nil {
		return err
	}
	if f.chunk.Runs == f.size {
		return f.flush()
	}
	return nil
}

func (f *seriesFold) flush() error {
	chunk := f.chunk
	f.chunk = nil
	switch {
	case chunk == nil:
		return nil
	case f.total == nil:
		f.total = chunk
		return nil
	}
	return f.total.Merge(chunk)
}

// series is the point's time series, its last chunk added; nil for a nil
// fold.
func (f *seriesFold) series() (*Series, error) {
	if f == nil {
		return nil, nil
	}
	if err := f.flush(); err != nil {
		return nil, err
	}
	if f.total == nil { // no run folded
		f.total = newChunkSeries(f.c)
	}
	return &Series{agg: f.total, cal: f.c.Calendar()}, nil
}
