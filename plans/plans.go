// Package plans makes the plans that package runner executes from what
// package configs reads: a scenario (Scenario), an experiment file
// (Experiment), or a sweep of a scenario built in code over points of
// the experiment files' paths (Sweep). A plan identifies its output by
// the canonical TOML of its scenarios (configs.Format), written as
// scenario.toml and hashed into the manifest. Building it here keeps
// runner free of file formats: runner does not import configs, nor
// configs runner.
//
// A Monte Carlo run of a built-in scenario, written to a directory:
//
//	sc, _ := configs.Builtin("asia-1950")
//	plan, _ := plans.Scenario(sc, 1000, 1)
//	err := runner.Execute(ctx, plan, "asia.out", runner.ExecOptions{})
//
// A sweep in memory:
//
//	x, _ := configs.LoadExperiment("examples/sweep/sea-fraction.toml")
//	plan, _ := plans.Experiment(x)
//	res, err := runner.Sweep(ctx, plan, runner.Options{})
//
// The sweep of a scenario built in code, at the points given:
//
//	sc.States[sc.Index("adversary")].Land *= 1.5 // sc a *sim.Scenario
//	plan, _ := plans.Sweep(sc, 100, 1, []string{"params.sea_cost"}, [][]any{{1}, {3}, {6}})
//	res, err := runner.Sweep(ctx, plan, runner.Options{})
package plans

import (
	"errors"
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Scenario is the plan of a Monte Carlo run of one scenario: runs
// replications from seed (runner.ReplicationSeed; 0 is seed 0, as in
// runner.Options), with events.jsonl written. The scenario is compiled
// now.
func Scenario(sc *sim.Scenario, runs int, seed uint64) (*runner.Plan, error) {
	if runs < 1 {
		return nil, fmt.Errorf("%d runs; allowed: a whole number ≥ 1", runs)
	}
	if err := runner.CheckSeeds(seed, runs); err != nil {
		return nil, err
	}
	c, err := sim.Compile(sc)
	if err != nil {
		return nil, err
	}
	text, err := configs.Format(sc)
	if err != nil {
		return nil, err
	}
	return &runner.Plan{Scenario: sc.Name, ScenarioTOML: text, Runs: runs, Seed: seed, Events: true,
		Points: []runner.Point{{Compiled: c, SHA256: digest.SHA256Hex(text), Calendar: sc.Calendar, Ticks: sc.Ticks,
			RecordEvery: int(sc.Params.RecordEvery)}}}, nil
}

// Experiment is the plan of an experiment's sweep: its runs, seed, chunk
// size, events, varied paths and design, and every point, whose scenario
// is resolved and identified by its canonical form now and compiled when
// the run reaches it. Plan.Experiment is x.File; set it to name the file
// otherwise in the manifest.
//
// The plan is of x as it is now: it keeps a copy (configs.Experiment.Clone),
// so changing x afterwards changes nothing the plan runs. A point is
// resolved again from the files when the run reaches it; if that gives a
// scenario other than the one planned (a file it extends was edited in
// the meantime), building the point fails rather than run a scenario the
// manifest does not identify.
func Experiment(x *configs.Experiment) (*runner.Plan, error) {
	if x == nil {
		return nil, errors.New("plans: Experiment of a nil experiment; allowed: one from configs.LoadExperiment or configs.ParseExperiment")
	}
	if err := x.Check(); err != nil {
		return nil, err
	}
	x = x.Clone()
	base, err := x.BaseScenario()
	if err != nil {
		return nil, err
	}
	text, err := configs.Format(base)
	if err != nil {
		return nil, err
	}
	plan := &runner.Plan{Scenario: base.Name, ScenarioTOML: text, Experiment: x.File, ExperimentText: x.Canonical(),
		Runs: x.Runs, Seed: x.Seed, ChunkSize: x.Chunk, Events: x.Events, Vary: x.Vary,
		Design: &runner.Design{Kind: x.Design, Samples: x.Samples, Levels: x.Levels, Candidates: x.Candidates,
			Base: x.Base, Points: x.PointsFile}}
	for p := range x.Points {
		sc, err := x.ScenarioAt(p)
		if err != nil {
			return nil, err
		}
		pt, err := configs.Format(sc)
		if err != nil {
			return nil, err
		}
		sum := digest.SHA256Hex(pt)
		build := func() (*sim.Compiled, error) {
			sc, err := x.ScenarioAt(p)
			if err != nil {
				return nil, err
			}
			text, err := configs.Format(sc)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", x.Describe(p), err)
			}
			if digest.SHA256Hex(text) != sum {
				return nil, fmt.Errorf("%s: the scenario differs from the one planned (a file it extends, %s, changed after the sweep was planned); allowed: files left as they are until the sweep ends, or a sweep planned again", x.Describe(p), x.Scenario)
			}
			c, err := sim.Compile(sc)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", x.Describe(p), err)
			}
			return c, nil
		}
		var unit []float64
		if x.Unit != nil {
			unit = x.Unit[p]
		}
		plan.Points = append(plan.Points, runner.Point{Values: x.Points[p], Build: build, SHA256: sum,
			Calendar: sc.Calendar, Ticks: sc.Ticks, RecordEvery: int(sc.Params.RecordEvery), Unit: unit})
	}
	return plan, nil
}
