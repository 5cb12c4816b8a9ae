package hypotheses

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
)

// NewProvenance fills in the defaults Run fills in, and writes each --set
// as path=value.
func TestNewProvenance(t *testing.T) {
	p := NewProvenance(Options{Set: []configs.Assignment{{Path: "params.cost_base", Value: 0.01}, {Path: "decision.strategy", Value: "powerplay"}}},
		[]string{"alliancesim", "hypotheses"})
	if p.Seed != 1 || p.Runs != DefaultRuns || p.Layouts != DefaultLayouts || p.MaxRuns != DefaultMaxRuns(DefaultRuns, 1) || p.MaxRuns != 800 {
		t.Errorf("defaults: %+v", p)
	}
	if want := "params.cost_base=0.01, decision.strategy=powerplay"; p.Changed() != want {
		t.Errorf("changed %q, want %q", p.Changed(), want)
	}
	if err := p.Check(); err != nil {
		t.Errorf("a fresh provenance fails its check: %v", err)
	}
	if none := NewProvenance(Options{Runs: 20, Seed: 1001, Layouts: 2}, []string{"x"}); none.Changed() != "none: the worlds as registered" || none.MaxRuns != 160 {
		t.Errorf("no --set: %+v, %q", none, none.Changed())
	}
}

// A provenance read back must describe a run: each impossible field is
// named with what is allowed.
func TestProvenanceCheck(t *testing.T) {
	ok := Provenance{Command: []string{"alliancesim"}, Seed: 1, Runs: 2, MaxRuns: 16, Layouts: 5}
	for _, c := range []struct {
		name   string
		change func(p *Provenance)
		want   string
	}{
		{"no command", func(p *Provenance) { p.Command = nil }, "command is empty; allowed: the command line that ran"},
		{"seed 0", func(p *Provenance) { p.Seed = 0 }, "seed 0; allowed: a whole number in [1, 9007199254740991]"},
		{"seed past 2^53", func(p *Provenance) { p.Seed = 1 << 53 }, "seed 9007199254740992; allowed: a whole number in [1, 9007199254740991]"},
		{"last seeds", func(p *Provenance) { p.Seed = 1<<53 - 2 }, "seed 9007199254740990 with 16 runs reaches past 9007199254740991; allowed: seeds with seed + runs − 1 ≤ 2^53 − 1"},
		{"no runs", func(p *Provenance) { p.Runs = 0 }, "runs 0; allowed: a whole number ≥ 1"},
		{"max below runs", func(p *Provenance) { p.MaxRuns = 1 }, "max_runs 1 is below runs 2; allowed: at least runs"},
		{"no layouts", func(p *Provenance) { p.Layouts = 0 }, "layouts 0; allowed: a whole number ≥ 1"},
		{"a set without a value", func(p *Provenance) { p.Set = []string{"params.cost_base"} }, `set "params.cost_base": `},
	} {
		p := ok
		c.change(&p)
		err := p.Check()
		if err == nil || len(err.Error()) < len(c.want) || err.Error()[:len(c.want)] != c.want {
			t.Errorf("%s: got %v, want %s…", c.name, err, c.want)
		}
	}
	if err := ok.Check(); err != nil {
		t.Errorf("a sound provenance: %v", err)
	}
}

// Two provenances of the same work differ in nothing, whatever their
// command lines or the order of their --set changes; each field of the
// work that differs is named, with both values labelled.
func TestProvenanceDifferencesIn(t *testing.T) {
	a := NewProvenance(Options{Runs: 10, Set: []configs.Assignment{{Path: "params.sea_cost", Value: 2.0}, {Path: "params.cost_base", Value: 0.01}}}, []string{"alliancesim", "hypotheses"})
	b := a
	b.Command = []string{"other"}
	b.Set = []string{a.Set[1], a.Set[0]}
	if d := a.DifferencesIn(&b, "here", "there"); len(d) != 0 {
		t.Errorf("the same work: %q", d)
	}
	b.Seed, b.Runs, b.MaxRuns, b.Layouts, b.Set = 1001, 20, 160, 3, nil
	b.Tool.Revision, b.Tool.Binary = "unknown", "00"
	want := []string{
		"the build of the tool (" + a.Tool.String() + " here, " + b.Tool.String() + " there)",
		"--seed (1 here, 1001 there)",
		"--runs (10 here, 20 there)",
		"--max-runs (80 here, 160 there)",
		"--layouts (5 here, 3 there)",
		"--set ([params.cost_base=0.01 params.sea_cost=2] here, [] there)",
	}
	if d := a.DifferencesIn(&b, "here", "there"); !slices.Equal(d, want) {
		t.Errorf("differences\n%q\nwant\n%q", d, want)
	}
}
