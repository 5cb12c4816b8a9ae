package runner

import (
	"context"
	"errors"
	"fmt"
)

// SweepResult is a sweep computed in memory: what summary.json of the same
// sweep holds — the pooled summary, the varied paths and each point's
// summary with its values — and the design, with each point's unit
// coordinates, for the sensitivity analysis.
type SweepResult struct {
	*SweepSummary
	Design *Design
	// Unit holds each point's coordinates in the design's unit hypercube
	// (lhs, morris, sobol; nil otherwise).
	Unit [][]float64
	// Runs and Seed are the replications per point and the base seed.
	Runs int
	Seed uint64
	// Measures are the names of the custom measures (Options.Measures).
	Measures []string
}

// Sweep runs every point of a plan in memory — plan.Runs replications
// per point from plan.Seed, the points sharing their seeds — and returns
// each point's summary as Go values, like Agents.jl's paramscan: no files,
// no directory. Execute of the same plan writes the same numbers to disk
// (the same replications, aggregated by the same code); summary.json
// there is SweepResult.SweepSummary as JSON. Build the plan of an
// experiment file with plans.Experiment, of a scenario built in code with
// plans.Sweep.
//
// opts supplies the workers, progress, OnRecord (every record, in point
// and run order), custom measures and observers. Its Runs, Seed, Point and
// HubTicks must be zero: the plan sets them (change the experiment's Runs
// and Seed, or use its Resample and SetBase, to change the work). Memory
// holds the points' summaries, never the runs.
func Sweep(ctx context.Context, plan *Plan, opts Options) (*SweepResult, error) {
	if plan == nil {
		return nil, errors.New("runner: Sweep of a nil plan")
	}
	if opts.Runs != 0 || opts.Seed != 0 || opts.Point != 0 || opts.HubTicks != nil {
		return nil, errors.New("runner: Sweep takes runs, seed and points from the plan; allowed: Options without Runs, Seed, Point and HubTicks (set the experiment's Runs and Seed instead)")
	}
	if err := plan.check(); err != nil {
		return nil, err
	}
	if err := checkMeasures(opts.Measures); err != nil {
		return nil, err
	}
	m := plan.Manifest()
	m.Measures = measureNames(opts.Measures)
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("runner: %w", err)
	}
	total := ownedRuns(&m, Shard{})
	workers, err := workerCount(opts.Workers, total)
	if err != nil {
		return nil, err
	}
	src := &jobSource{plan: plan, m: &m}
	pr := opts.probes()
	pooled := m.pooledAggregator()
	var agg *Aggregator    // of the point being folded
	var series *seriesFold // of its time series, nil if it records none
	points := make([]PointSummary, 0, len(m.Points))
	finish := func(point int) error {
		s := agg.Summary()
		var err error
		if s.Series, err = series.series(); err != nil {
			return err
		}
		points = append(points, m.pointSummary(point, s))
		return nil
	}
	done := 0
	err = orderedMap(ctx, workers, src.next,
		func(j job) (replicated, error) {
			return pr.replicateWithSeries(ctx, j.c, j.ch.Point, j.run, ReplicationSeed(plan.Seed, j.run), opts.Series)
		},
		func(j job, o replicated) error {
			r := o.rec
			if j.run == 0 {
				if agg != nil {
					if err := finish(j.ch.Point - 1); err != nil {
						return err
					}
				}
				agg, series = m.pointAggregator(j.ch.Point), nil
				if opts.Series {
					series = newSeriesFold(j.c, plan.chunkSize())
				}
			}
			if err := series.add(o.series); err != nil {
				return err
			}
			m.fold(&r, agg, pooled)
			if opts.OnRecord != nil {
				opts.OnRecord(&r)
			}
			done++
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	if err := finish(len(m.Points) - 1); err != nil {
		return nil, err
	}
	res := &SweepResult{SweepSummary: &SweepSummary{Summary: pooled.Summary(), Vary: m.Vary, Points: points},
		Design: plan.Design, Runs: plan.Runs, Seed: plan.Seed, Measures: m.Measures}
	if plan.Design.drawn() {
		for _, pt := range plan.Points {
			res.Unit = append(res.Unit, pt.Unit)
		}
	}
	return res, nil
}
