package hypotheses

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/alliancesim/alliancesim/runner"
)

// This file runs the cells of inconclusive hypotheses further, as the
// package doc's "Enough runs" describes. A hypothesis that was conclusive
// early is not measured again, so it keeps its result when a cell it
// shares is run further.

// executor runs cells and reports the progress of the whole test; its
// total grows when a hypothesis needs more runs.
type executor struct {
	opts        Options
	done, total int
}

// extend runs each cell up to runs replications in all: the replications
// it holds are kept, and replication r plays seed Seed + r. A version of
// a world plays only its own replications (cellKey.plays); the versions
// run side by side (extendVersions).
func (x *executor) extend(ctx context.Context, cells []*cell, runs int) error {
	var versions []*cell
	for _, c := range cells {
		x.total += max(0, c.key.played(runs)-c.key.played(c.runs))
		if c.key.stride > 1 && c.runs < runs {
			versions = append(versions, c)
		}
	}
	if err := x.extendVersions(ctx, versions, runs); err != nil {
		return err
	}
	for _, c := range cells {
		have := c.runs
		if have >= runs || c.key.stride > 1 {
			continue
		}
		base := x.done
		_, err := runner.MonteCarlo(ctx, c.compiled, runner.Options{Runs: runs - have, Seed: x.opts.Seed + uint64(have), Workers: x.opts.Workers,
			OnRecord: func(r *runner.Record) {
				rec := *r
				rec.Run += have
				for _, t := range c.tallies {
					t.add(&rec)
				}
				c.runs++
			},
			Progress: func(d, _ int) {
				if x.opts.Progress != nil {
					x.opts.Progress(base+d, x.total)
				}
			}})
		if err != nil {
			return err
		}
		x.done += runs - have
	}
	return nil
}

// extendVersions runs versions of worlds (cells with a stride) up to runs
// replications, each playing only its own, one replication at a time as
// replication r with seed Seed + r, so that its record is the one a cell
// of every replication would have made at r. A version has too few
// replications to share out, so the versions share the workers instead:
// each is run by one worker, its replications in order, and since each
// tally belongs to one cell the results do not depend on the workers. The
// error returned is the first version's, in the order given.
func (x *executor) extendVersions(ctx context.Context, cells []*cell, runs int) error {
	workers := x.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, len(cells))
	next := make(chan int)
	var mu sync.Mutex // the progress count
	var wg sync.WaitGroup
	for range min(workers, len(cells)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = x.extendVersion(ctx, cells[i], runs, &mu)
			}
		}()
	}
	for i := range cells {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// extendVersion runs one version of a world up to runs replications.
func (x *executor) extendVersion(ctx context.Context, c *cell, runs int, mu *sync.Mutex) error {
	for r := c.runs; r < runs; r++ {
		if !c.key.plays(r) {
			continue
		}
		seed := x.opts.Seed + uint64(r)
		_, err := runner.MonteCarlo(ctx, c.compiled, runner.Options{Runs: 1, Seed: seed, Workers: 1,
			OnRecord: func(rec *runner.Record) {
				one := *rec
				one.Run = r
				for _, t := range c.tallies {
					t.add(&one)
				}
			}})
		if err != nil {
			return fmt.Errorf("replication %d (seed %d), played alone as a version of its world: %w", r, seed, err)
		}
		mu.Lock()
		x.done++
		if x.opts.Progress != nil {
			x.opts.Progress(x.done, x.total)
		}
		mu.Unlock()
	}
	c.runs = runs
	return nil
}

// measure measures every plan on the runs made, and runs the cells of the
// inconclusive ones further, doubling, up to MaxRuns. A result still
// inconclusive at MaxRuns says so in its reason.
func (x *executor) measure(ctx context.Context, plans []plan) ([]Result, error) {
	results := make([]Result, len(plans))
	open := make([]int, len(plans)) // the plans still inconclusive
	for i := range open {
		open[i] = i
	}
	for runs := x.opts.Runs; ; {
		if err := measureAll(plans, open, runs, results); err != nil {
			return nil, err
		}
		open = inconclusive(results, open)
		if len(open) == 0 || runs == x.opts.MaxRuns {
			break
		}
		runs = min(2*runs, x.opts.MaxRuns)
		if err := x.extend(ctx, cellsOf(plans, open), runs); err != nil {
			return nil, err
		}
	}
	if x.opts.MaxRuns > x.opts.Runs {
		for _, i := range open {
			results[i].Reason += fmt.Sprintf(", at %d runs per world and level, the most allowed", x.opts.MaxRuns)
		}
	}
	return results, nil
}

// measureAll measures the plans named by which on runs replications.
func measureAll(plans []plan, which []int, runs int, results []Result) error {
	for _, i := range which {
		plans[i].runs = runs
		res, err := plans[i].measure()
		if err != nil {
			return fmt.Errorf("hypothesis %s: %w", plans[i].h.ID, err)
		}
		results[i] = res
	}
	return nil
}

// inconclusive returns those of which whose results are inconclusive.
func inconclusive(results []Result, which []int) []int {
	var out []int
	for _, i := range which {
		if results[i].Verdict == Inconclusive {
			out = append(out, i)
		}
	}
	return out
}

// cellsOf returns the distinct cells of the plans named by which.
func cellsOf(plans []plan, which []int) []*cell {
	seen := map[*cell]bool{}
	var out []*cell
	for _, i := range which {
		for _, row := range plans[i].tallies {
			for _, ts := range row {
				for _, t := range ts {
					if !seen[t.of] {
						seen[t.of] = true
						out = append(out, t.of)
					}
				}
			}
		}
	}
	return out
}
