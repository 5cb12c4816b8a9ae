package runner

import (
	"context"
	"fmt"

	"github.com/alliancesim/alliancesim/sim"
)

// Options control a Monte Carlo run. The zero value does not run: Runs
// must be set.
type Options struct {
	// Runs is the number of replications, 1 … MaxRuns; MonteCarlo returns
	// an error for any other, as for a negative Workers, HubTicks outside
	// the horizon or out of order, or a seed range past 2^53 − 1.
	Runs int
	// Seed is the base seed: replication r plays seed Seed + r
	// (ReplicationSeed). The zero value is seed 0, a seed like any other,
	// as in a Plan, plans.Scenario and an experiment's `seed = 0`; unlike
	// hypotheses.Options.Seed, where 0 is unset and means
	// hypotheses.DefaultSeed, 1. alliancesim's --seed defaults to 1, so
	// set 1 to reproduce `alliancesim run NAME --runs N`.
	Seed     uint64
	Point    int   // sweep point index (records): 0 or more
	Workers  int   // 0: GOMAXPROCS; capped at MaxWorkers and at Runs
	HubTicks []int // nil: the first month of every decade within the horizon, or the middle of the run if none; else distinct ticks of the horizon in increasing order
	// Progress, if set, is called after each finished replication with the
	// number done and the total, from the collecting goroutine.
	Progress func(done, total int)
	// OnRecord, if set, receives every run's record, in run order, from
	// the collecting goroutine (as Progress: one call at a time, never
	// two at once). Each call gets a record of its own, which the
	// callback may keep.
	OnRecord func(r *Record)
	// Measures are computed from every finished replication; the summary
	// has each one's mean with its interval (Summary.Measures), and each
	// record its values (Record.Measures). See Measure.
	Measures []Measure
	// Observe, if set, makes the observers of each replication (point and
	// run as in the records) before it starts, on the goroutine that runs
	// it; a Measure finds them in Replication.Observers.
	Observe func(point, run int) []sim.Observer
	// Series keeps the time series of a scenario that sets
	// params.record_every in the summary (Summary.Series; of a sweep,
	// each point's). It holds a histogram of every measure of every state
	// at every sampled tick: about 1 MB for asia-1950, for each point of
	// a sweep, so it is kept only when asked for.
	Series bool
}

func (o Options) probes() probes { return probes{measures: o.Measures, observe: o.Observe} }

// MonteCarlo runs opts.Runs replications of c on a pool of workers and
// folds them, in replication order, into a Summary. Only each run's small
// Record is kept, and only until it is folded in; memory does not grow
// with the event logs or the number of runs. With opts.Series, where c
// records a time series (params.record_every), the summary's Series
// aggregates it, with memory that grows with the sampled ticks and
// states, not the runs. A panic in a replication is returned as an error
// naming it and its seed. When ctx is cancelled, no replication starts,
// those under way stop within 64 ticks (sim.World.Run), and MonteCarlo
// returns ctx's error and no summary: the runs done are not folded into
// one.
func MonteCarlo(ctx context.Context, c *sim.Compiled, opts Options) (*Summary, error) {
	if err := sim.Runnable(c); err != nil {
		return nil, fmt.Errorf("runner: MonteCarlo of %w", err)
	}
	if opts.Runs < 1 || opts.Runs > MaxRuns {
		return nil, fmt.Errorf("runner: %d runs; allowed: a whole number in [1, %d]", opts.Runs, MaxRuns)
	}
	if err := CheckSeeds(opts.Seed, opts.Runs); err != nil {
		return nil, err
	}
	if opts.Point < 0 {
		return nil, fmt.Errorf("runner: Options.Point %d; allowed: a sweep point's index, 0 or more", opts.Point)
	}
	workers, err := workerCount(opts.Workers, opts.Runs)
	if err != nil {
		return nil, err
	}
	if err := checkMeasures(opts.Measures); err != nil {
		return nil, err
	}
	hub := opts.HubTicks
	if hub == nil {
		hub = defaultHubTicks(c.Calendar(), c.Ticks())
	}
	if err := checkHubTicks(hub, c.Ticks()); err != nil {
		return nil, fmt.Errorf("runner: Options.HubTicks: %w", err)
	}
	agg := NewAggregator(c.Name(), opts.Seed, c.Calendar(), hub)
	agg.SetMeasures(measureNames(opts.Measures))
	pr := opts.probes()
	var series *seriesFold
	if opts.Series {
		series = newSeriesFold(c, defaultChunkSize)
	}
	run := 0
	err = orderedMap(ctx, workers,
		func() (int, bool, error) {
			run++
			return run - 1, run <= opts.Runs, nil
		},
		func(run int) (replicated, error) {
			return pr.replicateWithSeries(ctx, c, opts.Point, run, ReplicationSeed(opts.Seed, run), series != nil)
		},
		func(run int, o replicated) error {
			r := o.rec
			if err := series.add(o.series); err != nil {
				return err
			}
			agg.Add(&r)
			if opts.OnRecord != nil {
				opts.OnRecord(&r)
			}
			if opts.Progress != nil {
				opts.Progress(run+1, opts.Runs)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	sum := agg.Summary()
	if sum.Series, err = series.series(); err != nil {
		return nil, err
	}
	return sum, nil
}

// checkHubTicks says what is wrong with the ticks at which the
// hub-and-spokes index is read, in a run of the given horizon: each in
// [0, ticks), in increasing order (one column of runs.csv each).
func checkHubTicks(hub []int, ticks int) error {
	for i, t := range hub {
		switch {
		case t < 0 || t >= ticks:
			return fmt.Errorf("hub tick %d outside 0…%d; allowed: ticks within the horizon", t, ticks-1)
		case i > 0 && t <= hub[i-1]:
			return fmt.Errorf("hub tick %d after %d; allowed: distinct ticks in increasing order", t, hub[i-1])
		}
	}
	return nil
}
