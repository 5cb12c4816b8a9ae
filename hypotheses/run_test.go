package hypotheses

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
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
// other way, and no effect at all (which fails: its interval cannot reach
// the minimum).
func TestHarnessOnAToyOutcome(t *testing.T) {
	hs := []Hypothesis{toy(Rises, lasted48), toy(Falls, lasted48), toy(Rises, evenSeed)}
	hs[1].ID, hs[2].ID = "toy falls", "toy null" // ids are unique
	res, err := Run(context.Background(), hs, Options{Runs: 8, Layouts: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r := res[0]; r.Verdict != Holds || *r.Rho < 0.8 || *r.Change != 1 || r.Agree != 2 {
		t.Errorf("a rise predicted and present: %s (%s), ρ %v", r.Verdict, r.Reason, *r.Rho)
	}
	if r := res[1]; r.Verdict != Fails || r.Agree != 0 {
		t.Errorf("a fall predicted, a rise present: %s (%s)", r.Verdict, r.Reason)
	}
	// no effect: over 16 runs a level the change's interval includes zero
	// but not the +0.15 asked, so it fails rather than waits for more runs
	if r := res[2]; r.Verdict != Fails || *r.ChangeLow > 0 || *r.ChangeHi >= 0.15 || !strings.Contains(r.Reason, "(need +0.15)") {
		t.Errorf("no effect: %s (%s)", r.Verdict, r.Reason)
	}
	for _, e := range res[0].Pooled {
		if e.N != 16 {
			t.Errorf("pooled over 2 layouts × 8 runs: n %d", e.N)
		}
	}
}

// Results are the same bytes for any number of workers, and every time:
// the whole registry, three times (an outcome that summed in a map's
// order differed in its last digits from one call to the next).
func TestRunWorkerCountInvariant(t *testing.T) {
	hs := Registry()
	var first []byte
	for _, workers := range []int{1, 3, 2} {
		res, err := Run(context.Background(), hs, Options{Runs: 4, MaxRuns: 4, Layouts: 2, Workers: workers})
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

// small is a toy hypothesis quick to run: one world, two short horizons.
func small(id string, outcome func(*Cell, *runner.Record) (float64, bool)) Hypothesis {
	h := toy(Rises, outcome)
	h.ID, h.Layouts, h.Lever.Levels = id, false, floats(12, 24)
	return h
}

// Run refuses, before it runs anything, a hypothesis that fails Check and
// two hypotheses with the same id; it turns an outcome value that is not
// a number in [0, 1] and a panic in a hypothesis's functions into errors
// that name the hypothesis (and the level and replication of a value).
func TestRunRefusesBadHypotheses(t *testing.T) {
	value := func(v float64) func(*Cell, *runner.Record) (float64, bool) {
		return func(*Cell, *runner.Record) (float64, bool) { return v, true }
	}
	boom := func(*Cell, *runner.Record) (float64, bool) { panic("boom") }
	for _, c := range []struct {
		name string
		hs   func() []Hypothesis
		ran  bool // the error comes after the runs
		want string
	}{
		{"kind 99", func() []Hypothesis {
			h := small("k", lasted48)
			h.Outcome.Kind = 99
			return []Hypothesis{small("ok", lasted48), h}
		},
			false, "hypothesis k: Outcome.Kind is 99; allowed:"},
		{"duplicate ids", func() []Hypothesis {
			return []Hypothesis{small("d", lasted48), small("e", lasted48), small("d", evenSeed)}
		},
			false, "hypotheses 1 and 3 of the list both have the id d; allowed: a different id for each"},
		{"a NaN outcome", func() []Hypothesis { return []Hypothesis{small("n", value(math.NaN()))} },
			true, "hypothesis n: layout 0, level 12, replication 0 (seed 1): Outcome.Run gave NaN; allowed: a number in [0, 1]"},
		{"an infinite outcome", func() []Hypothesis { return []Hypothesis{small("i", value(math.Inf(-1)))} },
			true, "hypothesis i: layout 0, level 12, replication 0 (seed 1): Outcome.Run gave -Inf"},
		{"an outcome of 2", func() []Hypothesis { return []Hypothesis{small("two", value(2))} },
			true, "hypothesis two: layout 0, level 12, replication 0 (seed 1): Outcome.Run gave 2"},
		// A share counts runs in which something happened: 0.5 would have
		// counted as a run in which it did.
		{"a share of 0.5", func() []Hypothesis { return []Hypothesis{small("half", value(0.5))} },
			true, "hypothesis half: layout 0, level 12, replication 0 (seed 1): Outcome.Run gave 0.5; allowed: 0 or 1"},
		{"an alliance share of 0.5", func() []Hypothesis {
			h := small("ah", nil)
			h.Outcome = Outcome{Name: "half", Kind: AllianceShare, Alliance: func(*Cell, *runner.Record, *sim.AllianceRecord) (float64, bool) { return 0.5, true }}
			return []Hypothesis{h}
		},
			true, "Outcome.Alliance gave 0.5; allowed: 0 or 1"},
		{"Outcome.Run panics", func() []Hypothesis { return []Hypothesis{small("p", boom)} },
			true, "hypothesis p: layout 0, level 12, replication 0 (seed 1): Outcome.Run: panic: boom"},
		{"Setup panics", func() []Hypothesis {
			h := small("s", lasted48)
			h.Setup = func(*sim.Scenario) error { panic("boom") }
			return []Hypothesis{h}
		}, false, "hypothesis s: Setup: panic: boom"},
		{"Lever.Apply panics", func() []Hypothesis {
			h := small("a", lasted48)
			h.Lever.Path, h.Lever.Apply = "", func(*sim.Scenario, any) error { panic("boom") }
			return []Hypothesis{h}
		}, false, "hypothesis a: layout 0, level 12: Lever.Apply: panic: boom"},
		{"Lever.LevelsOf panics", func() []Hypothesis {
			h := small("l", lasted48)
			h.Lever.Levels, h.Lever.LevelsOf = nil, func(*sim.Scenario) []any { panic("boom") }
			return []Hypothesis{h}
		}, false, "hypothesis l: Lever.LevelsOf: panic: boom"},
		{"Lever.LevelsOf gives one level", func() []Hypothesis {
			h := small("one", lasted48)
			h.Lever.Levels, h.Lever.LevelsOf = nil, func(*sim.Scenario) []any { return floats(12) }
			return []Hypothesis{h}
		}, false, "hypothesis one: layout 0: Lever.LevelsOf gave 1 level; allowed: at least two"},
	} {
		ran := false
		_, err := Run(context.Background(), c.hs(), Options{Runs: 2, Layouts: 1, Workers: 1, Progress: func(int, int) { ran = true }})
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want an error containing %q", c.name, err, c.want)
		}
		if ran != c.ran {
			t.Errorf("%s: ran %v before the error, want %v", c.name, ran, c.ran)
		}
	}
}

// A lever with versions (Lever.Variants): replication r of each world
// plays version r mod Variants at every level, once. Here version v of a
// level runs 48 + v ticks, and the outcome asks that the version played be
// the replication's (seed 1 + r, so r = seed − 1): it is 1 in every run,
// and each world and level counts its runs once, not once per version.
func TestVersionsByReplication(t *testing.T) {
	h := toy(Rises, func(_ *Cell, r *runner.Record) (float64, bool) {
		return b2f(r.Ticks-48 == int(r.Seed-1)%3), true
	})
	h.ID = "versions"
	h.Lever = Lever{Name: "horizon", Levels: []any{0.0, 1.0},
		Variants: func(*sim.Scenario) int { return 3 },
		ApplyVariant: func(sc *sim.Scenario, level any, v int) error {
			sc.Ticks = 48 + v
			return nil
		}}
	res, err := Run(context.Background(), []Hypothesis{h}, Options{Runs: 7, Layouts: 2, MaxRuns: 7, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for l, e := range res[0].Pooled {
		if e.N != 14 || e.Count != 14 {
			t.Errorf("level %d: %d of %d runs played their replication's version; want 14 of 14", l, e.Count, e.N)
		}
	}
	// A version that played every replication would count 21 runs a
	// world and level, and fail the outcome in two thirds of them. The
	// same with one worker as with two.
	res2, err := Run(context.Background(), []Hypothesis{h}, Options{Runs: 7, Layouts: 2, MaxRuns: 7, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprint(res[0].Pooled), fmt.Sprint(res2[0].Pooled); a != b {
		t.Errorf("1 worker %s, 2 workers %s", a, b)
	}
}

// Versions run further with an inconclusive hypothesis and share their
// cells: A (no effect, inconclusive at 5 runs) escalates to 40, B on the
// same cells is decided at 5, C runs the same scenarios (48, 49 and 50
// ticks) as plain cells. Every replication of A is measured once per
// layout and level, in its own version (r mod 3), each result counts its
// runs × layouts, and the progress ends at its total.
func TestVersionsEscalateAndShare(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	wrong := 0
	versioned := func(id string, out func(*Cell, *runner.Record) (float64, bool)) Hypothesis {
		h := toy(Rises, func(c *Cell, r *runner.Record) (float64, bool) {
			mu.Lock()
			seen[fmt.Sprintf("%s/%d/%v/%d", id, c.Layout, c.Level, r.Seed)]++
			if r.Ticks-48 != c.Variant || c.Variant != int(r.Seed-1)%3 {
				wrong++
			}
			mu.Unlock()
			return out(c, r)
		})
		h.ID = id
		h.Lever = Lever{Name: "horizon", Levels: []any{0.0, 1.0},
			Variants:     func(*sim.Scenario) int { return 3 },
			ApplyVariant: func(sc *sim.Scenario, _ any, v int) error { sc.Ticks = 48 + v; return nil }}
		return h
	}
	a := versioned("A", func(_ *Cell, r *runner.Record) (float64, bool) { return b2f(r.Seed%2 == 0), true })
	b := versioned("B", func(c *Cell, _ *runner.Record) (float64, bool) { return c.Level.(float64), true })
	c := toy(Rises, func(_ *Cell, r *runner.Record) (float64, bool) { return b2f(r.Seed%2 == 0), true })
	c.ID = "C"
	c.Lever = Lever{Name: "horizon", Path: "scenario.ticks", Levels: floats(48, 49, 50)}
	var last [2]int
	res, err := Run(context.Background(), []Hypothesis{a, b, c}, Options{Runs: 5, MaxRuns: 40, Layouts: 2, Workers: 2,
		Progress: func(d, total int) { last = [2]int{d, total} }})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Runs != 40 || res[1].Runs != 5 {
		t.Fatalf("A at %d runs, B at %d; want A escalated to 40, B decided at 5", res[0].Runs, res[1].Runs)
	}
	for _, r := range res {
		for _, e := range r.Pooled {
			if e.N != 2*r.Runs {
				t.Errorf("%s: %d runs counted, want %d", r.ID, e.N, 2*r.Runs)
			}
		}
	}
	if last[0] != last[1] || wrong != 0 {
		t.Errorf("progress ends at %d of %d; %d runs in another version than their replication's", last[0], last[1], wrong)
	}
	for layout := 1; layout <= 2; layout++ {
		for _, level := range []float64{0, 1} {
			for r := range res[0].Runs {
				if n := seen[fmt.Sprintf("A/%d/%v/%d", layout, level, r+1)]; n != 1 {
					t.Errorf("A, layout %d, level %v: replication %d measured %d times", layout, level, r, n)
				}
			}
		}
	}
}

// A --set the hypothesis undoes is refused before any run, naming the
// path: T4's lever sets the sea fraction, every layout the generator's
// seed, T8b's lever the patron's strategy. One it keeps is applied.
func TestRunRefusesASetTheHypothesisUndoes(t *testing.T) {
	for _, c := range []struct{ id, path, value string }{
		{"T4", "theater.generate.sea_fraction", "0.3"},
		{"T4", "theater.generate.seed", "3"},
		{"T8b", "decision.strategy", "powerplay"},
	} {
		hs, err := Lookup(c.id)
		if err != nil {
			t.Fatal(err)
		}
		a, err := configs.ParseAssignment(c.path + "=" + c.value)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Run(context.Background(), hs, Options{Runs: 1, Layouts: 1, Set: []configs.Assignment{a}})
		if err == nil || !strings.Contains(err.Error(), "hypothesis "+c.id+": --set "+c.path+"=") || !strings.Contains(err.Error(), "would change nothing") {
			t.Errorf("%s --set %s: %v, want it refused as changing nothing", c.id, c.path, err)
		}
	}
	// Kept, in every world of the registry: T3c's appends an event
	// before asia-1950's own, which reading the world back reorders.
	a, _ := configs.ParseAssignment("params.sea_cost=2")
	for _, h := range Registry() {
		_, err := planOf(&h, Options{Runs: 1, Layouts: 2, Set: []configs.Assignment{a}}.withDefaults(), func(*sim.Scenario, int, int) (*cell, error) { return &cell{}, nil })
		if err != nil {
			t.Errorf("%s --set params.sea_cost=2: %v, want it kept", h.ID, err)
		}
	}
	hs, _ := Lookup("T4")
	if _, err := Run(context.Background(), hs, Options{Runs: 1, Layouts: 1, Set: []configs.Assignment{a}}); err != nil {
		t.Errorf("T4 --set params.sea_cost=2: %v, want it kept", err)
	}
}

// Pooled estimates keep the outcome's kind: a mean over runs of 0.5
// in every run is 0.5 pooled (as a share of runs with a non-zero value it
// would be 1).
func TestPooledMeanKeepsItsKind(t *testing.T) {
	h := small("half", func(*Cell, *runner.Record) (float64, bool) { return 0.5, true })
	h.Outcome.Kind = RunMean
	h.Layouts = true
	res, err := Run(context.Background(), []Hypothesis{h}, Options{Runs: 2, MaxRuns: 2, Layouts: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res[0].Pooled {
		if e.Value != 0.5 || e.N != 4 {
			t.Errorf("pooled %+v; want 0.5 over 4 runs", e)
		}
	}
}
