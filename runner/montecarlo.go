package runner

import (
	"context"
	"fmt"
	"runtime"

	"github.com/alliancesim/alliancesim/sim"
)

// Options control a Monte Carlo run.
type Options struct {
	Runs     int
	Seed     uint64 // replication r plays seed Seed + r (ReplicationSeed)
	Point    int    // sweep point index (records)
	Workers  int    // 0: GOMAXPROCS
	HubTicks []int  // nil: DefaultHubTicks
	// Progress, if set, is called after each finished replication with the
	// number done and the total, from the collecting goroutine.
	Progress func(done, total int)
	// OnRecord, if set, receives every run's record, in run order.
	OnRecord func(r *Record)
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// MonteCarlo runs opts.Runs replications of c on a pool of workers and
// folds them, in replication order, into a Summary. Only each run's small
// Record is kept, and only until it is folded in; memory does not grow with
// the event logs.
func MonteCarlo(ctx context.Context, c *sim.Compiled, opts Options) (*Summary, error) {
	if opts.Runs < 1 {
		return nil, fmt.Errorf("runner: %d runs; allowed: a whole number ≥ 1", opts.Runs)
	}
	if err := CheckSeeds(opts.Seed, opts.Runs); err != nil {
		return nil, err
	}
	sc := c.Scenario()
	hub := opts.HubTicks
	if hub == nil {
		hub = DefaultHubTicks(sc.Calendar, sc.Ticks)
	}
	agg := NewAggregator(sc.Name, opts.Seed, sc.Calendar, hub)
	err := orderedMap(ctx, opts.workers(), opts.Runs,
		func(run int) (Record, error) {
			seed := ReplicationSeed(opts.Seed, run)
			w := sim.NewWorld(c, seed)
			if _, err := w.Run(ctx); err != nil {
				return Record{}, err
			}
			return NewRecord(opts.Point, run, seed, w), nil
		},
		func(run int, r Record) error {
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
	return agg.Summary(), nil
}

// orderedMap computes work(0…n−1) on a pool of workers and hands each
// result to consume in index order. At most a few results per worker wait
// for their turn, so memory stays bounded. It stops at the first error or
// when ctx is cancelled.
func orderedMap[R any](ctx context.Context, workers, n int, work func(int) (R, error), consume func(int, R) error) error {
	if n <= 0 {
		return ctx.Err()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		r   R
		err error
	}
	window := workers * 4
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	results := make(chan result, window)
	go func() {
		defer close(jobs)
		for i := 0; i < n; i++ {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range jobs {
				r, err := work(i)
				select {
				case results <- result{i, r, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for w := 0; w < workers; w++ {
			<-done
		}
		close(results)
	}()
	pending := make(map[int]R, window)
	next := 0
	var firstErr error
	for res := range results {
		if firstErr != nil {
			continue
		}
		if res.err != nil {
			firstErr = res.err
			cancel()
			continue
		}
		pending[res.i] = res.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err := consume(next, r); err != nil {
				firstErr = err
				cancel()
				break
			}
			next++
			<-tokens
		}
	}
	if firstErr != nil {
		return firstErr
	}
	if next < n {
		return ctx.Err()
	}
	return nil
}
