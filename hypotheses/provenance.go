package hypotheses

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
)

// Provenance says what produced a set of results: the build, the command
// line, the seeds, the run counts and the changes made to every world.
// `alliancesim hypotheses --out DIR` writes it as DIR/provenance.json
// beside the results, and the report shows it, so that results measured
// with a one-off change of the model (--set) are never taken for the
// registered hypotheses' own.
type Provenance struct {
	Tool    runner.Tool `json:"tool"`
	Command []string    `json:"command"`
	Seed    uint64      `json:"seed"`     // replication r plays Seed + r in every world and level
	Runs    int         `json:"runs"`     // Options.Runs: the runs every hypothesis starts with
	MaxRuns int         `json:"max_runs"` // Options.MaxRuns: the most an inconclusive one was allowed
	Layouts int         `json:"layouts"`
	// Set holds the changes made to every world, as path=value (--set);
	// empty for the worlds as registered.
	Set []string `json:"set"`
}

// NewProvenance is the provenance of a Run with these options (their
// defaults filled in, as Run fills them), by this command line, from the
// running build.
func NewProvenance(opts Options, command []string) Provenance {
	opts = opts.withDefaults()
	set := make([]string, len(opts.Set))
	for i, a := range opts.Set {
		set[i] = fmt.Sprintf("%s=%v", a.Path, a.Value)
	}
	return Provenance{Tool: runner.ToolInfo(), Command: command, Seed: opts.Seed, Runs: opts.Runs,
		MaxRuns: opts.MaxRuns, Layouts: opts.Layouts, Set: set}
}

// Check reports what, if anything, makes p impossible as the provenance
// of a run: a provenance.json read back must describe one.
func (p *Provenance) Check() error {
	switch {
	case len(p.Command) == 0:
		return fmt.Errorf("command is empty; allowed: the command line that ran")
	case p.Seed < 1 || p.Seed > runner.MaxSeed:
		return fmt.Errorf("seed %d; allowed: a whole number in [1, %d]", p.Seed, uint64(runner.MaxSeed))
	case p.Runs < 1:
		return fmt.Errorf("runs %d; allowed: a whole number ≥ 1", p.Runs)
	case p.MaxRuns < p.Runs:
		return fmt.Errorf("max_runs %d is below runs %d; allowed: at least runs", p.MaxRuns, p.Runs)
	case p.Layouts < 1:
		return fmt.Errorf("layouts %d; allowed: a whole number ≥ 1", p.Layouts)
	}
	if err := runner.CheckSeeds(p.Seed, p.MaxRuns); err != nil {
		return err
	}
	for _, s := range p.Set {
		if _, err := configs.ParseAssignment(s); err != nil {
			return fmt.Errorf("set %q: %v", s, err)
		}
	}
	return nil
}

// Changed says, in words, how every world was changed: "none" or the
// assignments.
func (p *Provenance) Changed() string {
	if len(p.Set) == 0 {
		return "none: the worlds as registered"
	}
	return strings.Join(p.Set, ", ")
}

// DifferencesIn lists, in words, what makes p and o provenances of
// different work: another build of the tool, seed, run count, most runs,
// number of layouts or set of --set changes (in any order), each value
// labelled, p's by this and o's by that ("now", "in its provenance.json",
// say), as runner.Manifest.DifferencesIn does for a run's output. The
// command line does not count. None means the same work: the same
// results.
func (p *Provenance) DifferencesIn(o *Provenance, this, that string) []string {
	var d []string
	add := func(what string, a, b any) { d = append(d, fmt.Sprintf("%s (%v %s, %v %s)", what, a, this, b, that)) }
	if !p.Tool.Same(o.Tool) {
		add("the build of the tool", p.Tool, o.Tool)
	}
	for _, f := range []struct {
		what string
		a, b uint64
	}{{"--seed", p.Seed, o.Seed}, {"--runs", uint64(p.Runs), uint64(o.Runs)}, {"--max-runs", uint64(p.MaxRuns), uint64(o.MaxRuns)},
		{"--layouts", uint64(p.Layouts), uint64(o.Layouts)}} {
		if f.a != f.b {
			add(f.what, f.a, f.b)
		}
	}
	sorted := func(set []string) []string { return slices.Sorted(slices.Values(set)) }
	if a, b := sorted(p.Set), sorted(o.Set); !slices.Equal(a, b) {
		add("--set", a, b)
	}
	return d
}
