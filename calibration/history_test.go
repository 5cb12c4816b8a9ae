package calibration

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// historyMet says, for every target of HISTORY.md, whether the built-in
// scenarios meet it on the calibration seeds 1–500 and on the held-out
// seeds 1001–1500. The targets not met are the model's open failures,
// reported in the README and docs/calibration.md with their binding
// terms: a change that moves any of them either way must update this
// table, the calibration and the README together.
var historyMet = map[string][2]bool{
	"E1": {true, true}, "E2": {false, false}, "E3": {true, true}, "E4": {true, true}, "E5": {true, true},
	"A1": {true, true}, "A2": {false, false}, "A3": {true, true}, "A4": {false, false}, "A5": {false, false},
	"A6": {false, false}, "A7": {false, false}, "A8": {true, true}, "A9": {true, true},
}

// The built-in historical scenarios against the targets of HISTORY.md, on
// both seed ranges, 500 runs each: the runs of the values the built-ins
// hold (currentCalibrations), which TestCurrentValuesAreTheDocuments
// checks are the calibration's chosen ones, to the digest of their
// records.
func TestHistoricalTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("the values the built-ins hold over 500 runs on each seed range")
	}
	reps, err := currentCalibrations()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, rep := range reps {
		t.Run(rep.Spec.Scenario, func(t *testing.T) {
			ranges := []struct {
				seed uint64
				res  []targets.Result
			}{{CalibrationSeed, rep.Candidates[0].Results}, {HeldOutSeed, rep.HeldOut}}
			for i, rng := range ranges {
				for _, r := range rng.res {
					seen++
					want, ok := historyMet[r.ID]
					switch {
					case !ok:
						t.Errorf("%s: no expected status", r.ID)
					case r.Met != want[i]:
						t.Errorf("seeds %d–%d: %s met %v, expected %v: %.1f%% [%.1f, %.1f] of %d runs, threshold %.0f%% %s — %s",
							rng.seed, rng.seed+Runs-1, r.ID, r.Met, want[i], 100*r.Share.Share, 100*r.Share.Low, 100*r.Share.High,
							r.Share.N, 100*r.Threshold, r.Note, r.Description)
					default:
						t.Logf("seeds %d–%d: %s met %v: %.1f%% of %d runs (threshold %.0f%%)",
							rng.seed, rng.seed+Runs-1, r.ID, r.Met, 100*r.Share.Share, r.Share.N, 100*r.Threshold)
					}
				}
			}
		})
	}
	if seen != 2*len(historyMet) {
		t.Errorf("%d results for %d targets on two seed ranges: every target of historyMet is a target of a calibrated scenario", seen, len(historyMet))
	}
}

// What the report's header says of the model defaults the historical
// scenarios set (report.go), measured on the calibration seeds 1–200 (the
// last case on 1–500, below): at
// its default invite_occupied misses A3 (which counts A2's proposals)
// besides A2 and A4, which the built-in misses too, and the patron's
// patience leaves A3 no run to count; at the default challenge_rate each scenario meets the
// targets it meets with its own (historyMet); and with Japan unarmed
// until sovereignty asia-1950 meets what it meets (docs/model.md §6.4),
// on all 500 calibration seeds, the range on which a target is met: A3
// counts only the runs with a Pacific proposal, 3 of the first 200
// there, so on 200 its verdict would be a draw of three runs.
func TestTheHeaderOverridesCarryWhatItSays(t *testing.T) {
	if testing.Short() {
		t.Skip("five sets of 200 runs and one of 500")
	}
	specs := map[string]Spec{}
	for _, s := range Specs() {
		specs[s.Scenario] = s
	}
	for _, c := range []struct {
		scenario, path string
		value          any
		missed         []string // nil: the targets historyMet says are met stay met, and no other is
		edit           func(*sim.Scenario)
		runs           int // 0: 200
	}{
		{"asia-1950", "params.invite_occupied", false, []string{"A2", "A3", "A4"}, nil, 0},
		{"asia-1950", "states.usa.decision.patience", 24, []string{"A2", "A3"}, nil, 0},
		{"asia-1950", "params.challenge_rate", 0.02, nil, nil, 0},
		{"europe-1947", "params.challenge_rate", 0.02, nil, nil, 0},
		// Japan's forces: unarmed until sovereignty, as europe-1947 keeps
		// West Germany until 1955, without the National Police Reserve.
		{"asia-1950", "", nil, nil, func(sc *sim.Scenario) {
			n := len(sc.Events)
			sc.Events = slices.DeleteFunc(sc.Events, func(e sim.ScriptedEvent) bool { return e.ID == "japan-national-police-reserve" })
			if len(sc.Events) != n-1 {
				t.Fatalf("asia-1950 has %d events named japan-national-police-reserve, not 1", n-len(sc.Events))
			}
		}, Runs},
	} {
		spec := specs[c.scenario]
		sc, err := configs.Builtin(c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		var set []configs.Assignment
		if c.path != "" {
			set = []configs.Assignment{{Path: c.path, Value: c.value}}
		}
		what := fmt.Sprintf("%s=%v", c.path, c.value)
		if c.edit != nil {
			c.edit(sc)
			what = "an edit"
		}
		runs := cmp.Or(c.runs, 200)
		res, _, err := evaluateScenario(context.Background(), spec, sc, currentValues(spec, sc), CalibrationSeed, Options{Runs: runs, Set: set}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			want := historyMet[r.ID][0]
			if slices.Contains(c.missed, r.ID) {
				want = false
			}
			if r.Met != want {
				t.Errorf("%s with %s on %d runs: %s met %v (%.1f%% of %d runs, threshold %.0f%%); the header says %v",
					c.scenario, what, runs, r.ID, r.Met, 100*r.Share.Share, r.Share.N, 100*r.Threshold, want)
			}
		}
	}
}
