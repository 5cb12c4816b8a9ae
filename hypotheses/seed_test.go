package hypotheses

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// A zero Options.Seed is DefaultSeed: the replications play seeds 1 and 2,
// where runner.Options{Seed: 0} plays seeds 0 and 1 — the difference
// the two Options' docs state, measured.
func TestZeroSeedIsDefaultSeed(t *testing.T) {
	if DefaultSeed != 1 {
		t.Fatalf("DefaultSeed %d; THEORY.md's calibration seeds start at 1", DefaultSeed)
	}
	var mu sync.Mutex
	seeds := map[uint64]bool{}
	h := toy(Rises, func(_ *Cell, r *runner.Record) (float64, bool) {
		mu.Lock()
		seeds[r.Seed] = true
		mu.Unlock()
		return 0, true
	})
	h.Lever.Levels = floats(12, 24)
	if _, err := Run(context.Background(), []Hypothesis{h}, Options{Runs: 2, MaxRuns: 2, Layouts: 1, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	var got []uint64
	for s := range seeds {
		got = append(got, s)
	}
	slices.Sort(got)
	if !slices.Equal(got, []uint64{DefaultSeed, DefaultSeed + 1}) {
		t.Errorf("Options{Seed: 0} played seeds %v, want %d and %d", got, DefaultSeed, DefaultSeed+1)
	}
	if p := NewProvenance(Options{}, []string{"x"}); p.Seed != DefaultSeed {
		t.Errorf("provenance of Options{}: seed %d, want %d", p.Seed, DefaultSeed)
	}

	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	var direct []uint64
	if _, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 2, Workers: 1,
		OnRecord: func(r *runner.Record) { direct = append(direct, r.Seed) }}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(direct, []uint64{0, 1}) {
		t.Errorf("runner.Options{Seed: 0} played seeds %v, want 0 and 1", direct)
	}
}
