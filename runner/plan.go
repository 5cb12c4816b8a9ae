package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// MaxSeed is the largest seed a replication may have, 2^53 − 1: every
// seed then survives being read as a double (R's read.csv, pandas with a
// float column, a spreadsheet), so a run can always be found again from
// the files.
const MaxSeed = 1<<53 - 1

// ReplicationSeed is the one rule that seeds replications, for run,
// sweep, check, compare and the library alike: replication r (counted from
// 0) under base seed b plays seed b + r, at every point of a sweep.
//
// So `run --seed 7` plays seed 7, `check` with base seed 1 plays HISTORY.md's
// seeds 1–500, and the points of a sweep share their seeds (common random
// numbers: the difference between two points is not blurred by different
// draws). sim.NewWorld spreads a seed into the two words of a PCG
// generator, so consecutive seeds give unrelated streams. Seeds depend on
// nothing else, so results do not depend on the number of workers, shards
// or resumptions, or on whether files are written.
func ReplicationSeed(base uint64, run int) uint64 { return base + uint64(run) }

// CheckSeeds reports whether runs replications from base stay within
// MaxSeed.
func CheckSeeds(base uint64, runs int) error {
	if runs < 0 {
		return fmt.Errorf("%d runs; allowed: a whole number ≥ 1", runs)
	}
	if base > MaxSeed || runs > 0 && base+uint64(runs-1) > MaxSeed {
		return fmt.Errorf("seed %d with %d runs reaches past %d; allowed: seeds with seed + runs − 1 ≤ 2^53 − 1", base, runs, uint64(MaxSeed))
	}
	return nil
}

// Plan is the work of a Monte Carlo run or a sweep: one or more points, each
// a compiled scenario with the values that made it, and the replications of
// each. Build one with NewPlan or ExperimentPlan, which also record the
// scenario's canonical form that identifies the output.
type Plan struct {
	Scenario string // name shown in outputs
	// ScenarioTOML is the scenario (for a sweep, its base scenario) in the
	// canonical form of configs.Format; written as scenario.toml, and its
	// SHA-256 identifies the output.
	ScenarioTOML []byte
	Experiment   string // the experiment file as named, if a sweep (for people; not compared)
	// ExperimentText is the experiment's content in canonical form
	// (configs.Experiment.Canonical); its SHA-256 identifies a sweep.
	ExperimentText []byte
	Command        []string // the command line, for provenance (not compared)
	Runs           int      // per point
	Seed           uint64
	ChunkSize      int  // replications per unit of output, resume and sharding (default 100)
	Events         bool // write events.jsonl
	Vary           []string
	Points         []Point
}

// Point is one sweep point: the value given to each varied path (in the
// order of Plan.Vary), the compiled scenario they give and the SHA-256 of
// that scenario's canonical form.
type Point struct {
	Values   []any
	Compiled *sim.Compiled
	SHA256   string
}

// NewPlan is the plan of a Monte Carlo run of one scenario.
func NewPlan(sc *sim.Scenario, runs int, seed uint64) (*Plan, error) {
	c, err := sim.Compile(sc)
	if err != nil {
		return nil, err
	}
	text, err := configs.Format(sc)
	if err != nil {
		return nil, err
	}
	return &Plan{Scenario: sc.Name, ScenarioTOML: text, Runs: runs, Seed: seed, Events: true,
		Points: []Point{{Compiled: c, SHA256: sha256Hex(text)}}}, nil
}

// ExperimentPlan compiles every point of an experiment into a plan.
func ExperimentPlan(file string, x *configs.Experiment) (*Plan, error) {
	base, err := x.BaseScenario()
	if err != nil {
		return nil, err
	}
	text, err := configs.Format(base)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Scenario: x.Scenario, ScenarioTOML: text, Experiment: file, ExperimentText: x.Canonical(),
		Runs: x.Runs, Seed: x.Seed, ChunkSize: x.Chunk, Events: x.Events, Vary: x.Vary}
	for p := range x.Points {
		sc, err := x.ScenarioAt(p)
		if err != nil {
			return nil, err
		}
		c, err := sim.Compile(sc)
		if err != nil {
			return nil, fmt.Errorf("point %d (%s): %w", p, x.Describe(p), err)
		}
		pt, err := configs.Format(sc)
		if err != nil {
			return nil, err
		}
		plan.Points = append(plan.Points, Point{Values: x.Points[p], Compiled: c, SHA256: sha256Hex(pt)})
	}
	return plan, nil
}

func (p *Plan) chunkSize() int {
	if p.ChunkSize > 0 {
		return p.ChunkSize
	}
	return 100
}

// check reports a plan that cannot be run or identified.
func (p *Plan) check() error {
	switch {
	case len(p.Points) == 0:
		return fmt.Errorf("runner: the plan has no points")
	case p.Runs < 1:
		return fmt.Errorf("runner: %d runs per point; allowed: a whole number ≥ 1", p.Runs)
	case len(p.ScenarioTOML) == 0:
		return fmt.Errorf("runner: the plan has no scenario text; build it with runner.NewPlan or runner.ExperimentPlan")
	}
	for i, pt := range p.Points {
		if pt.Compiled == nil || pt.SHA256 == "" {
			return fmt.Errorf("runner: point %d has no compiled scenario or hash; build plans with runner.NewPlan or runner.ExperimentPlan", i)
		}
		if len(pt.Values) != len(p.Vary) {
			return fmt.Errorf("runner: point %d has %d values for %d varied paths", i, len(pt.Values), len(p.Vary))
		}
	}
	return CheckSeeds(p.Seed, p.Runs)
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
