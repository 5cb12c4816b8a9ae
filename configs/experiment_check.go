package configs

import (
	"fmt"
	"slices"
	"strings"
)

// Check says whether x can be planned and run: what LoadExperiment
// guarantees of the experiments it returns, checked again for one built or
// changed in Go (Clone allows changing the exported fields). Runs, Chunk,
// Seed and Design must be in their ranges, every point must hold one value
// per varied path, and Unit, when set, one row of coordinates in [0, 1] per
// point. Whether each point gives a valid scenario is ScenarioAt's to say.
func (x *Experiment) Check() error {
	if x == nil {
		return fmt.Errorf("configs: Check of a nil experiment; allowed: one from LoadExperiment or ParseExperiment")
	}
	var problems []string
	bad := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	if x.Scenario == "" {
		bad("scenario: empty; allowed: a built-in scenario name (%s) or a path", strings.Join(BuiltinNames(), ", "))
	}
	if x.Runs < 1 || x.Runs > MaxRuns {
		bad("runs: %d is out of range; allowed: a whole number in [1, %d]", x.Runs, MaxRuns)
	}
	if x.Chunk < 1 || x.Chunk > maxChunk {
		bad("chunk: %d is out of range; allowed: a whole number in [1, %d]", x.Chunk, maxChunk)
	}
	if x.Seed > MaxSeed {
		bad("seed: %d is out of range; allowed: a whole number in [0, %d]", x.Seed, uint64(MaxSeed))
	} else if x.Runs >= 1 && x.Seed > MaxSeed-uint64(x.Runs-1) {
		// replication r plays seed + r, which must be held exactly too
		bad("seed: %d with %d runs reaches past %d; allowed: a seed of at most %d", x.Seed, x.Runs, uint64(MaxSeed), MaxSeed-uint64(x.Runs-1))
	}
	if !slices.Contains(designNames, x.Design) {
		bad("design: %q is not a design; allowed: %s", x.Design, strings.Join(designNames, ", "))
	}
	if len(x.Points) == 0 || len(x.Points) > MaxPoints {
		bad("points: %d; allowed: 1 to %d", len(x.Points), MaxPoints)
	}
	for p, row := range x.Points {
		if len(row) != len(x.Vary) {
			bad("point %d: %d values; allowed: one per varied path, %d (%s)", p, len(row), len(x.Vary), strings.Join(x.Vary, ", "))
			break
		}
	}
	if x.Unit != nil {
		if len(x.Unit) != len(x.Points) {
			bad("unit: %d rows; allowed: one per point, %d, or none", len(x.Unit), len(x.Points))
		}
	rows:
		for p, row := range x.Unit {
			if len(row) != len(x.Vary) {
				bad("unit row %d: %d coordinates; allowed: one per varied path, %d", p, len(row), len(x.Vary))
				break
			}
			for i, u := range row {
				if !(u >= 0 && u <= 1) {
					bad("unit row %d: %s's coordinate %v; allowed: a number in [0, 1]", p, x.Vary[i], u)
					break rows
				}
			}
		}
	}
	if problems == nil {
		return nil
	}
	return fmt.Errorf("%s: %s", orWord(x.File, "experiment"), strings.Join(problems, "; "))
}
