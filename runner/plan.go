package runner

import (
	"fmt"

	"github.com/alliancesim/alliancesim/internal/words"
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
//
// run must be ≥ 0, and the seeds within MaxSeed: CheckSeeds says whether
// they are (a negative run, or a seed past 2^64, would wrap around).
func ReplicationSeed(base uint64, run int) uint64 { return base + uint64(run) }

// CheckSeeds reports whether runs replications from base stay within
// MaxSeed.
func CheckSeeds(base uint64, runs int) error {
	if runs < 0 {
		return fmt.Errorf("%d runs; allowed: a whole number ≥ 0", runs)
	}
	if runs <= 1 && base > MaxSeed {
		return fmt.Errorf("seed %d; allowed: a whole number in [0, %d] (2^53 − 1)", base, uint64(MaxSeed))
	}
	if base > MaxSeed || runs > 0 && base+uint64(runs-1) > MaxSeed {
		return fmt.Errorf("seed %d with %s reaches past %d; allowed: seeds with seed + runs − 1 ≤ 2^53 − 1", base, words.Count(runs, "run", "runs"), uint64(MaxSeed))
	}
	return nil
}

// Plan is the work of a Monte Carlo run or a sweep: one or more points, each
// a compiled scenario with the values that made it, and the replications of
// each. Package plans builds one from a scenario or an experiment read by
// package configs, with the scenario's canonical form that identifies the
// output: runner reads no scenario or experiment files itself, and so
// cannot check a hand-built Plan's ScenarioTOML and Point.SHA256 against
// the compiled scenarios. Build plans with package plans.
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
	Seed           uint64   // base seed: replication r plays Seed + r (ReplicationSeed); 0 is seed 0, as in Options
	ChunkSize      int      // replications per unit of output, resume and sharding (default 100)
	Events         bool     // write events.jsonl
	Vary           []string
	// Design is how a sweep's points were chosen; nil for a
	// run of one scenario.
	Design *Design
	Points []Point
}

// Point is one sweep point: the value given to each varied path (in the
// order of Plan.Vary), the compiled scenario they give and the SHA-256 of
// that scenario's canonical form.
//
// A point is compiled when its first replication is due if Compiled is nil
// and Build is set (plans.Experiment does so), so that a sweep holds the
// compiled scenarios of the points in progress only: a compiled 1000×1000
// theatre takes some 150 MB. Calendar and Ticks then describe the point's
// horizon for the manifest; they are taken from Compiled when it is set.
type Point struct {
	Values   []any
	Compiled *sim.Compiled
	Build    func() (*sim.Compiled, error)
	SHA256   string
	Calendar sim.Calendar
	Ticks    int
	// RecordEvery is the point's params.record_every, for the manifest
	// (taken from Compiled when it is set).
	RecordEvery int
	// Unit is the point's coordinates in the unit hypercube of a drawn
	// design (configs.Experiment.Unit); nil otherwise.
	Unit []float64
}

// Limits of a plan (docs/limits.md).
const (
	// MaxRuns bounds the replications per point. Memory does not grow
	// with them; the bound keeps seeds, run numbers and chunk counts far
	// from overflow and catches a typo of a few zeros.
	MaxRuns = 1_000_000_000
	// MaxChunkSize bounds the replications per chunk (a unit of output
	// and of resumption).
	MaxChunkSize = 1_000_000
	// MaxPoints bounds the points of a sweep, as configs bounds an
	// experiment's.
	MaxPoints = 100_000
)

// defaultChunkSize is the replications per chunk of a plan that sets
// none, and the chunks in which MonteCarlo folds a time series.
const defaultChunkSize = 100

func (p *Plan) chunkSize() int {
	if p.ChunkSize > 0 {
		return p.ChunkSize
	}
	return defaultChunkSize
}

// check reports a plan that cannot be run or identified.
func (p *Plan) check() error {
	switch {
	case len(p.Points) == 0:
		return fmt.Errorf("runner: the plan has no points")
	case len(p.Points) > MaxPoints:
		return fmt.Errorf("runner: %d points; allowed: at most %d", len(p.Points), MaxPoints)
	case len(p.Points) > 1 && len(p.Vary) == 0:
		return fmt.Errorf("runner: %d points but no varied paths; allowed: one point, or the paths the points vary (Plan.Vary)", len(p.Points))
	case p.Runs < 1 || p.Runs > MaxRuns:
		return fmt.Errorf("runner: %d runs per point; allowed: a whole number in [1, %d]", p.Runs, MaxRuns)
	case p.ChunkSize < 0 || p.ChunkSize > MaxChunkSize:
		return fmt.Errorf("runner: chunk size %d; allowed: 0 (100) or a whole number in [1, %d]", p.ChunkSize, MaxChunkSize)
	case len(p.ScenarioTOML) == 0:
		return fmt.Errorf("runner: the plan has no scenario text; build it with package plans")
	}
	for i, pt := range p.Points {
		if (pt.Compiled == nil && pt.Build == nil) || pt.SHA256 == "" {
			return fmt.Errorf("runner: point %d has no compiled scenario (or Build) or no hash; build plans with package plans", i)
		}
		if pt.Compiled != nil {
			if err := sim.Runnable(pt.Compiled); err != nil {
				return fmt.Errorf("runner: point %d has %w", i, err)
			}
		}
		if pt.Compiled == nil && pt.Ticks < 1 {
			return fmt.Errorf("runner: point %d is built on demand but has %d ticks; allowed: its Calendar and Ticks set", i, pt.Ticks)
		}
		if len(pt.Values) != len(p.Vary) {
			return fmt.Errorf("runner: point %d has %d values for %d varied paths", i, len(pt.Values), len(p.Vary))
		}
		if pt.Unit != nil && (len(pt.Unit) != len(p.Vary) || !inUnit(pt.Unit)) {
			return fmt.Errorf("runner: point %d has unit coordinates %v; allowed: one in [0, 1] per varied path", i, pt.Unit)
		}
	}
	return CheckSeeds(p.Seed, p.Runs)
}

// compile returns point p compiled: as the plan holds it, or built now.
func (p *Plan) compile(point int) (*sim.Compiled, error) {
	pt := &p.Points[point]
	if pt.Compiled != nil {
		return pt.Compiled, nil
	}
	c, err := pt.Build()
	if err != nil {
		return nil, fmt.Errorf("point %d: %w", point, err)
	}
	if err := sim.Runnable(c); err != nil { // a Build of the caller's may return nil
		return nil, fmt.Errorf("runner: point %d: Build returned %w", point, err)
	}
	return c, nil
}
