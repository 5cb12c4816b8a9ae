package runner

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// Plans that cannot be run are errors, never panics: an empty plan, a plan
// whose vary outruns its points' values (both used to panic), several
// points with nothing varied (whose summary covered point 0 alone),
// chunk sizes and run counts out of range.
func TestPlanChecks(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Plan) *Plan
		want string
	}{
		{"empty", func(*Plan) *Plan { return &Plan{} }, "the plan has no points"},
		{"vary outruns values", func(p *Plan) *Plan { p.Vary = append(p.Vary, "params.rough_cost"); return p }, "point 0 has 1 values for 2 varied paths"},
		{"values outrun vary", func(p *Plan) *Plan { p.Points[1].Values = append(p.Points[1].Values, 2.0); return p }, "point 1 has 2 values for 1 varied paths"},
		{"points without vary", func(p *Plan) *Plan {
			p.Vary = nil
			for i := range p.Points {
				p.Points[i].Values = nil
			}
			return p
		}, "2 points but no varied paths"},
		{"negative chunk", func(p *Plan) *Plan { p.ChunkSize = -1; return p }, "chunk size -1"},
		{"huge chunk", func(p *Plan) *Plan { p.ChunkSize = MaxChunkSize + 1; return p }, "chunk size 1000001"},
		{"zero runs", func(p *Plan) *Plan { p.Runs = 0; return p }, "0 runs per point"},
		{"negative runs", func(p *Plan) *Plan { p.Runs = -5; return p }, "-5 runs per point"},
		{"too many runs", func(p *Plan) *Plan { p.Runs = MaxRuns + 1; return p }, "allowed: a whole number in [1, 1000000000]"},
		{"no compiled point", func(p *Plan) *Plan { p.Points[0].Compiled = nil; return p }, "point 0 has no compiled scenario"},
	} {
		dir := filepath.Join(t.TempDir(), "d")
		err := Execute(context.Background(), c.edit(plan(t)), dir, ExecOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want …%s…, got %v", c.name, c.want, err)
		}
	}
	if _, err := MonteCarlo(context.Background(), compile(t, "generic", short), Options{Runs: -5}); err == nil {
		t.Error("MonteCarlo with -5 runs must fail")
	}
}
