package alliancesim_test

import (
	"context"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// historyMet says, for every target of HISTORY.md, whether the built-in
// scenarios meet it on the calibration seeds 1–500 and on the held-out
// seeds 1001–1200 (a smaller sample of 1001–1500; docs/calibration.md has
// all 500). The targets not met are the model's open failures, reported
// in the README and docs/calibration.md with their binding terms: a
// change that moves any of them either way must update this table, the
// calibration and the README together.
var historyMet = map[string][2]bool{
	"E1": {true, true}, "E2": {false, false}, "E3": {true, true}, "E4": {true, true}, "E5": {true, true},
	"A1": {true, true}, "A2": {true, true}, "A3": {true, true}, "A4": {true, true}, "A5": {false, false},
	"A6": {false, false}, "A7": {false, false}, "A8": {true, true}, "A9": {true, true},
}

// The built-in historical scenarios against the targets of HISTORY.md,
// on both seed ranges.
func TestHistoricalTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("700 replications per scenario")
	}
	for _, name := range targets.Scenarios() {
		t.Run(name, func(t *testing.T) {
			sc, err := configs.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			c, err := sim.Compile(sc)
			if err != nil {
				t.Fatal(err)
			}
			for i, rng := range []struct {
				seed uint64
				runs int
			}{{1, 500}, {1001, 200}} {
				var records []runner.Record
				_, err = runner.MonteCarlo(context.Background(), c, runner.Options{Runs: rng.runs, Seed: rng.seed,
					OnRecord: func(r *runner.Record) { records = append(records, *r) }})
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range targets.Evaluate(targets.For(name), records, sc.Calendar) {
					want, ok := historyMet[r.ID]
					switch {
					case !ok:
						t.Errorf("%s: no expected status", r.ID)
					case r.Met != want[i]:
						t.Errorf("seeds %d–%d: %s met %v, expected %v: %.1f%% [%.1f, %.1f] of %d runs, threshold %.0f%% %s — %s",
							rng.seed, rng.seed+uint64(rng.runs)-1, r.ID, r.Met, want[i], 100*r.Share.Share, 100*r.Share.Low, 100*r.Share.High,
							r.Share.N, 100*r.Threshold, r.Note, r.Description)
					default:
						t.Logf("seeds %d–%d: %s met %v: %.1f%% of %d runs (threshold %.0f%%)", rng.seed, rng.seed+uint64(rng.runs)-1,
							r.ID, r.Met, 100*r.Share.Share, r.Share.N, 100*r.Threshold)
					}
				}
			}
		})
	}
}
