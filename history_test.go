package alliancesim_test

import (
	"context"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// historical are the built-in scenarios whose targets are tested here.
// asia-1950 joins the list once its calibration meets A1–A9.
var historical = []string{"europe-1947"}

// The built-in historical scenarios reproduce the record: every target of
// HISTORY.md is met over seeds 1–500.
func TestHistoricalTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("500 replications per scenario")
	}
	for _, name := range historical {
		t.Run(name, func(t *testing.T) {
			sc, err := configs.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			c, err := sim.Compile(sc)
			if err != nil {
				t.Fatal(err)
			}
			var records []runner.Record
			_, err = runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 500, Seed: 1,
				OnRecord: func(r *runner.Record) { records = append(records, *r) }})
			if err != nil {
				t.Fatal(err)
			}
			ts := targets.For(name)
			if len(ts) == 0 {
				t.Fatal("no targets")
			}
			for _, r := range targets.Evaluate(ts, records, sc.Calendar) {
				if !r.Met {
					t.Errorf("%s: %.1f%% [%.1f, %.1f] of %d runs, threshold %.0f%% %s — %s", r.ID, 100*r.Share.Share, 100*r.Share.Low, 100*r.Share.High, r.Share.N, 100*r.Threshold, r.Note, r.Description)
				} else {
					t.Logf("%s met: %.1f%% of %d runs (threshold %.0f%%)", r.ID, 100*r.Share.Share, r.Share.N, 100*r.Threshold)
				}
			}
		})
	}
}
