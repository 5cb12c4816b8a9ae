package runner

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"

	"github.com/alliancesim/alliancesim/sim"
)

// probes are what a caller adds to every replication: observers made
// fresh for it, and measures computed when it ends. MonteCarlo, Sweep and
// Execute all play replications through replicate, so their numbers are
// the same.
type probes struct {
	measures []Measure
	observe  func(point, run int) []sim.Observer
}

// replicate plays replication run of a point with its seed to the horizon
// and returns the world and its record, with the measures' values.
// A panic inside it — in a registered valuation or strategy, an observer
// or a measure, say — is recovered and returned as an error naming the
// point, the replication and the seed (with the stack), so that one bad
// replication stops the run with a reason instead of killing the program
// that embeds the engine.
func (pr probes) replicate(ctx context.Context, c *sim.Compiled, point, run int, seed uint64) (w *sim.World, rec Record, err error) {
	defer func() {
		if r := recover(); r != nil {
			w, rec, err = nil, Record{}, fmt.Errorf("point %d, replication %d (seed %d): panic: %v\n%s", point, run, seed, r, debug.Stack())
		}
	}()
	var obs []sim.Observer
	if pr.observe != nil {
		obs = pr.observe(point, run) // nil ones are skipped by NewWorld
	}
	w = sim.NewWorld(c, seed, obs...)
	res, err := w.Run(ctx)
	if err != nil {
		if ctx.Err() != nil && err == ctx.Err() {
			return nil, Record{}, err
		}
		return nil, Record{}, fmt.Errorf("point %d, replication %d (seed %d): %w", point, run, seed, err)
	}
	rec = Record{Point: point, Run: run, Record: res.Record}
	if len(pr.measures) > 0 {
		rep := &Replication{Point: point, Run: run, Seed: seed, Result: res, World: w, Observers: obs}
		rec.Measures = make(Values, len(pr.measures))
		for i, m := range pr.measures {
			v := m.Of(rep)
			if math.IsInf(v, 0) {
				return nil, Record{}, fmt.Errorf("point %d, replication %d (seed %d): measure %q gave %v; allowed: a finite number, or NaN for no value", point, run, seed, m.Name, v)
			}
			rec.Measures[i] = v
		}
	}
	return w, rec, nil
}

// replicated is a replication's record and, where its point records a
// time series and the caller folds it, its samples.
type replicated struct {
	rec    Record
	series []sim.Sample
}

// replicateWithSeries is replicate keeping the run's time series when
// series is true, and not the world.
func (pr probes) replicateWithSeries(ctx context.Context, c *sim.Compiled, point, run int, seed uint64, series bool) (replicated, error) {
	w, rec, err := pr.replicate(ctx, c, point, run, seed)
	if err != nil || !series {
		return replicated{rec: rec}, err
	}
	return replicated{rec: rec, series: w.Series()}, nil
}
