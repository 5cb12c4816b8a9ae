package plans

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Sweep is the plan of a sweep of a scenario built in code, where
// Experiment takes one named in an experiment file: runs replications per
// point from seed (runner.ReplicationSeed; 0 is seed 0), the points
// sharing their seeds. Each point gives a value to each path of vary, in
// order: the dotted paths an experiment's [[vary]] takes
// (params.sea_cost, states.ID.land, …; see configs.Experiment), set as
// configs.Apply sets them — a number (any Go number type), a bool or a
// string, as the path takes it. The design is "points": the points are
// the caller's, in its order (a grid is a nested loop).
//
// The plan is of sc as it is now: it keeps a copy, so changing sc
// afterwards changes nothing the plan runs. Every point's scenario is
// checked now, and an error names the point and its values; each is
// compiled when the run reaches it. events.jsonl is written, as for
// Scenario and an experiment's default. Run it in memory with
// runner.Sweep or to a directory with runner.Execute.
func Sweep(sc *sim.Scenario, runs int, seed uint64, vary []string, points [][]any) (*runner.Plan, error) {
	switch {
	case sc == nil:
		return nil, errors.New("plans: Sweep of a nil scenario; allowed: a scenario built in code, or one from configs.Load or configs.Builtin")
	case runs < 1:
		return nil, fmt.Errorf("%d runs; allowed: a whole number ≥ 1", runs)
	case len(vary) == 0:
		return nil, errors.New("no varied paths; allowed: one or more paths, such as params.sea_cost (plans.Scenario runs a scenario unchanged)")
	case len(points) == 0:
		return nil, fmt.Errorf("no points for %s; allowed: one or more, each a value per path", strings.Join(vary, ", "))
	case len(points) > runner.MaxPoints:
		return nil, fmt.Errorf("%d points; allowed: at most %d", len(points), runner.MaxPoints)
	}
	if err := runner.CheckSeeds(seed, runs); err != nil {
		return nil, err
	}
	base := sc.Clone()
	text, err := configs.Format(base)
	if err != nil {
		return nil, err
	}
	plan := &runner.Plan{Scenario: base.Name, ScenarioTOML: text, Runs: runs, Seed: seed, Events: true,
		Vary: slices.Clone(vary), Design: &runner.Design{Kind: "points"}}
	for p, values := range points {
		as, err := assignments(vary, p, values)
		if err != nil {
			return nil, err
		}
		at := func() (*sim.Scenario, error) {
			s := base.Clone()
			if err := configs.Apply(s, as); err != nil {
				return nil, fmt.Errorf("point %d (%s): %w", p, describe(as), err)
			}
			return s, nil
		}
		s, err := at()
		if err != nil {
			return nil, err
		}
		pt, err := configs.Format(s)
		if err != nil {
			return nil, fmt.Errorf("point %d (%s): %w", p, describe(as), err)
		}
		build := func() (*sim.Compiled, error) {
			s, err := at()
			if err != nil {
				return nil, err
			}
			return sim.Compile(s)
		}
		vals := make([]any, len(as))
		for i, a := range as {
			vals[i] = a.Value
			if f, ok := agents.AsNumber(a.Value); ok {
				vals[i] = f // as the manifest holds it: exact, Apply having taken it
			}
		}
		plan.Points = append(plan.Points, runner.Point{Values: vals, Build: build, SHA256: digest.SHA256Hex(pt),
			Calendar: s.Calendar, Ticks: s.Ticks, RecordEvery: int(s.Params.RecordEvery)})
	}
	return plan, nil
}

// assignments pairs point p's values with the varied paths.
func assignments(vary []string, p int, values []any) ([]configs.Assignment, error) {
	if len(values) != len(vary) {
		return nil, fmt.Errorf("point %d has %d values; allowed: one per varied path, %d (%s)", p, len(values), len(vary), strings.Join(vary, ", "))
	}
	as := make([]configs.Assignment, len(vary))
	for i, v := range values {
		switch v.(type) {
		case bool, string:
		default:
			if _, ok := agents.AsNumber(v); !ok {
				return nil, fmt.Errorf("point %d: %s = %v (%T); allowed: a number, a bool or a string, as the path takes", p, vary[i], v, v)
			}
		}
		as[i] = configs.Assignment{Path: vary[i], Value: v}
	}
	return as, nil
}

// describe writes assignments as path = value, for an error.
func describe(as []configs.Assignment) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = fmt.Sprintf("%s = %v", a.Path, a.Value)
	}
	return strings.Join(parts, ", ")
}
