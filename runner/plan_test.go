package runner

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
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
		{"zero compiled point", func(p *Plan) *Plan { p.Points[1].Compiled = new(sim.Compiled); return p },
			"runner: point 1 has a Compiled not made by sim.Compile (a zero value); allowed: one made by sim.Compile"},
		{"build returns nil", func(p *Plan) *Plan {
			p.Points[0].Compiled = nil
			p.Points[0].Ticks = 12
			p.Points[0].Build = func() (*sim.Compiled, error) { return nil, nil }
			return p
		}, "runner: point 0: Build returned a nil scenario; allowed: one made by sim.Compile"},
		{"no hash", func(p *Plan) *Plan { p.Points[1].SHA256 = ""; return p }, "runner: point 1 has no compiled scenario (or Build) or no hash; build plans with package plans"},
		{"unit", func(p *Plan) *Plan { p.Points[0].Unit = []float64{1.5}; return p }, "runner: point 0 has unit coordinates [1.5]; allowed: one in [0, 1] per varied path"},
		{"no scenario text", func(p *Plan) *Plan { p.ScenarioTOML = nil; return p }, "runner: the plan has no scenario text; build it with package plans"},
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
	// A nil or zero Compiled is named as such (a zero one was blamed on
	// its hub ticks).
	for c, want := range map[*sim.Compiled]string{
		nil:               "runner: MonteCarlo of a nil scenario; allowed: one made by sim.Compile",
		new(sim.Compiled): "runner: MonteCarlo of a Compiled not made by sim.Compile (a zero value); allowed: one made by sim.Compile",
	} {
		if _, err := MonteCarlo(context.Background(), c, Options{Runs: 1}); err == nil || err.Error() != want {
			t.Errorf("MonteCarlo: %v, want %q", err, want)
		}
	}
}

// CheckSeeds at its edges: the seed 2⁵³ − 1 alone is allowed, 2⁵³ is
// refused even with no runs; a seed so large that seed + runs − 1 would
// wrap around 2⁶⁴ is refused, not read as a small one; negative runs are
// refused.
func TestCheckSeedsAtTheirEdges(t *testing.T) {
	if err := CheckSeeds(9007199254740991, 1); err != nil {
		t.Errorf("seed 2⁵³ − 1, one run: %v", err)
	}
	if err := CheckSeeds(0, MaxRuns); err != nil {
		t.Errorf("seed 0, 10⁹ runs: %v", err)
	}
	for _, base := range []uint64{0, 5, MaxSeed} {
		if err := CheckSeeds(base, 0); err != nil {
			t.Errorf("seed %d, no runs: %v", base, err)
		}
	}
	for _, c := range []struct {
		base uint64
		runs int
		want string
	}{
		{9007199254740992, 1, "seed 9007199254740992; allowed: a whole number in [0, 9007199254740991] (2^53 − 1)"},
		{9007199254740992, 0, "seed 9007199254740992; allowed: a whole number in [0, 9007199254740991] (2^53 − 1)"},
		{math.MaxUint64, 2, "seed 18446744073709551615 with 2 runs reaches past 9007199254740991; allowed: seeds with seed + runs − 1 ≤ 2^53 − 1"},
		{1, -1, "-1 runs; allowed: a whole number ≥ 0"},
	} {
		if err := CheckSeeds(c.base, c.runs); err == nil || err.Error() != c.want {
			t.Errorf("CheckSeeds(%d, %d):\n got %v\nwant %s", c.base, c.runs, err, c.want)
		}
	}
}

// A plan at each of its limits is accepted, and one past is refused with
// what is allowed: 10⁹ runs, chunks of 10⁶, 100000 points; a point built
// on demand needs a tick or more.
func TestPlanLimitsAtTheirEdges(t *testing.T) {
	points := func(p *Plan, n int) {
		for len(p.Points) < n {
			p.Points = append(p.Points, p.Points[0])
		}
	}
	onDemand := func(p *Plan, ticks int) {
		c := p.Points[0].Compiled
		p.Points[0].Compiled, p.Points[0].Build, p.Points[0].Ticks = nil, func() (*sim.Compiled, error) { return c, nil }, ticks
	}
	for _, c := range []struct {
		name    string
		ok, bad func(*Plan)
		want    string
	}{
		{"runs", func(p *Plan) { p.Runs = 1_000_000_000 }, func(p *Plan) { p.Runs = 1_000_000_001 },
			"runner: 1000000001 runs per point; allowed: a whole number in [1, 1000000000]"},
		{"chunk", func(p *Plan) { p.ChunkSize = 1_000_000 }, func(p *Plan) { p.ChunkSize = 1_000_001 },
			"runner: chunk size 1000001; allowed: 0 (100) or a whole number in [1, 1000000]"},
		{"points", func(p *Plan) { points(p, 100_000) }, func(p *Plan) { points(p, 100_001) },
			"runner: 100001 points; allowed: at most 100000"},
		{"ticks of a point built on demand", func(p *Plan) { onDemand(p, 1) }, func(p *Plan) { onDemand(p, 0) },
			"runner: point 0 is built on demand but has 0 ticks; allowed: its Calendar and Ticks set"},
	} {
		p := plan(t)
		c.ok(p)
		if err := p.check(); err != nil {
			t.Errorf("%s: the edge is refused: %v", c.name, err)
		}
		p = plan(t)
		c.bad(p)
		if err := p.check(); err == nil || err.Error() != c.want {
			t.Errorf("%s: one past the edge:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}
