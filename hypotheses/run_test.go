package hypotheses

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// toy is a hypothesis whose comparative static is known without the
// model: the horizon (scenario.ticks) against whether a run lasted 48
// ticks or more — 0, 0, 1, 1, 1 over the levels.
func toy(pred Direction, outcome func(*Cell, *runner.Record) (float64, bool)) Hypothesis {
	return Hypothesis{ID: "toy", Scenario: "generic", Layouts: true,
		Lever:     Lever{Name: "horizon", Path: "scenario.ticks", Levels: floats(12, 24, 48, 96, 192)},
		Outcome:   Outcome{Name: "toy", Kind: RunShare, Run: outcome},
		Predicted: pred, MinChange: 0.15}
}

func lasted48(_ *Cell, r *runner.Record) (float64, bool) { return b2f(r.Ticks >= 48), true }

// evenSeed has nothing to do with the lever: a null effect.
func evenSeed(_ *Cell, r *runner.Record) (float64, bool) { return b2f(r.Seed%2 == 0), true }

// The harness detects a comparative static that holds, one that runs the
// other way, and no effect at all.
func TestHarnessOnAToyOutcome(t *testing.T) {
	res, err := Run(context.Background(), []Hypothesis{toy(Rises, lasted48), toy(Falls, lasted48), toy(Rises, evenSeed)},
		Options{Runs: 8, Layouts: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r := res[0]; r.Verdict != Holds || *r.Rho < 0.8 || *r.Change != 1 || r.Agree != 2 {
		t.Errorf("a rise predicted and present: %s (%s), ρ %v", r.Verdict, r.Reason, *r.Rho)
	}
	if r := res[1]; r.Verdict != Fails || r.Agree != 0 {
		t.Errorf("a fall predicted, a rise present: %s (%s)", r.Verdict, r.Reason)
	}
	if r := res[2]; r.Verdict != Inconclusive {
		t.Errorf("no effect: %s (%s)", r.Verdict, r.Reason)
	}
	for _, e := range res[0].Pooled {
		if e.N != 16 {
			t.Errorf("pooled over 2 layouts × 8 runs: n %d", e.N)
		}
	}
}

// Results are the same bytes for any number of workers.
func TestRunWorkerCountInvariant(t *testing.T) {
	hs, err := Lookup("T3a", "T6")
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for _, workers := range []int{1, 3} {
		res, err := Run(context.Background(), hs, Options{Runs: 4, Layouts: 2, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res)
		if first == nil {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatal("the worker count changed the results")
		}
	}
}

// Quick mode: every hypothesis of the registry runs end to end and gets a
// verdict with its statistics (the verdicts themselves are the model's
// business, tested at full run counts elsewhere).
func TestRegistryEndToEnd(t *testing.T) {
	hs := Registry()
	res, err := Run(context.Background(), hs, Options{Runs: 3, Layouts: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(hs) {
		t.Fatalf("%d results for %d hypotheses", len(res), len(hs))
	}
	seen := map[string]bool{}
	for i, r := range res {
		if seen[r.ID] {
			t.Errorf("hypothesis %s twice", r.ID)
		}
		seen[r.ID] = true
		if r.Verdict == "" || r.Reason == "" || len(r.Pooled) != len(r.Levels) || len(r.Levels) == 0 {
			t.Errorf("%s: incomplete result %+v", r.ID, r)
		}
		if want := map[bool]int{true: 2, false: 1}[hs[i].Layouts]; len(r.Layouts) != want {
			t.Errorf("%s: %d layouts, want %d", r.ID, len(r.Layouts), want)
		}
	}
	for _, id := range []string{"T1a", "T2", "T3a", "T3b", "T4", "T5", "T6", "T7", "T8a", "T8b", "T9", "NC1"} {
		if !seen[id] {
			t.Errorf("THEORY.md's %s is not in the registry", id)
		}
	}
	_, err = Lookup("T99")
	if want := `no hypothesis "T99"; allowed: T1a, T1b, T1c`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("an unknown id gives %v, want an error beginning %q", err, want)
	}
}
