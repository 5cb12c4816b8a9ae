package hypotheses

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// quarterRise is 0.5 at the short horizon (seeds even) and 0.75 at the
// long one (seeds not divisible by 4): a rise of 0.25 that a few runs
// cannot tell from zero and a few dozen can. It returns 2, which Run
// refuses, for a record whose replication index disagrees with its seed
// under base seed 1 (replication r plays seed 1 + r).
func quarterRise(c *Cell, r *runner.Record) (float64, bool) {
	if uint64(r.Run)+1 != r.Seed {
		return 2, true
	}
	if c.Level.(float64) == 12 {
		return b2f(r.Seed%2 == 0), true
	}
	return b2f(r.Seed%4 != 0), true
}

// A hypothesis inconclusive at Runs is run again on twice as many until it
// is conclusive, and its result is exactly that of a run made at that
// count from the start (with another number of workers), with the
// replications numbered on, whatever the workers that escalate it.
func TestEscalationMatchesADirectRun(t *testing.T) {
	hs := []Hypothesis{small("quarter", quarterRise)}
	var calls, lastDone, lastTotal int
	res, err := Run(context.Background(), hs, Options{Runs: 4, MaxRuns: 256, Layouts: 1, Workers: 1, Progress: func(d, total int) {
		calls++
		if d > total || total < lastTotal {
			t.Errorf("progress %d of %d after %d of %d", d, total, lastDone, lastTotal)
		}
		lastDone, lastTotal = d, total
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := res[0]
	// 4, 8 and 16 runs leave the interval of a 0.25 rise across zero;
	// 32 do not (Newcombe's interval, as the verdict computes it).
	if got.Verdict == Inconclusive || got.Runs != 32 {
		t.Fatalf("escalated to %d runs: %s (%s)", got.Runs, got.Verdict, got.Reason)
	}
	if lastDone != 2*32 || lastTotal != 2*32 {
		t.Errorf("progress ended at %d of %d, want 64 of 64 (2 cells × 32 runs)", lastDone, lastTotal)
	}
	direct, err := Run(context.Background(), hs, Options{Runs: 32, MaxRuns: 32, Layouts: 1, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(direct[0])
	if string(a) != string(b) {
		t.Errorf("escalated:\n%s\ndirect at 32 runs:\n%s", a, b)
	}
	// Escalated with 3 workers too: the same bytes.
	again, err := Run(context.Background(), hs, Options{Runs: 4, MaxRuns: 256, Layouts: 1, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := json.Marshal(again[0]); string(c) != string(a) {
		t.Errorf("escalated with 3 workers:\n%s\nwith 1:\n%s", c, a)
	}
	for _, runs := range []int{4, 8, 16} {
		at, err := Run(context.Background(), hs, Options{Runs: runs, MaxRuns: runs, Layouts: 1})
		if err != nil {
			t.Fatal(err)
		}
		if at[0].Verdict != Inconclusive {
			t.Errorf("at %d runs: %s, want inconclusive (%s)", runs, at[0].Verdict, at[0].Reason)
		}
	}
}

// A hypothesis conclusive at Runs keeps the result of Runs replications
// even when a cell it shares with an inconclusive one is run further.
func TestEscalationLeavesTheConclusive(t *testing.T) {
	lasted24 := func(_ *Cell, r *runner.Record) (float64, bool) { return b2f(r.Ticks >= 24), true }
	hs := []Hypothesis{small("step", lasted24), small("quarter", quarterRise)}
	res, err := Run(context.Background(), hs, Options{Runs: 4, MaxRuns: 256, Layouts: 1})
	if err != nil {
		t.Fatal(err)
	}
	step, quarter := res[0], res[1]
	if step.Verdict != Holds || step.Runs != 4 || step.Pooled[0].N != 4 || step.Pooled[1].N != 4 {
		t.Errorf("the step: %s at %d runs, n %d and %d; want holds at 4 runs, n 4", step.Verdict, step.Runs, step.Pooled[0].N, step.Pooled[1].N)
	}
	if quarter.Runs != 32 || quarter.Pooled[0].N != 32 {
		t.Errorf("the quarter rise: %d runs, n %d; want 32", quarter.Runs, quarter.Pooled[0].N)
	}
}

// A hypothesis still inconclusive at MaxRuns says so; with MaxRuns equal
// to Runs nothing is added; MaxRuns below Runs is refused.
func TestEscalationStopsAtMaxRuns(t *testing.T) {
	null := []Hypothesis{small("null", evenSeed)} // exactly half at every level
	res, err := Run(context.Background(), null, Options{Runs: 4, MaxRuns: 12, Layouts: 1})
	if err != nil {
		t.Fatal(err)
	}
	r := res[0]
	if r.Verdict != Inconclusive || r.Runs != 12 || !strings.HasSuffix(r.Reason, "includes zero, at 12 runs per world and level, the most allowed") {
		t.Errorf("4 doubled to at most 12: %s at %d runs (%s)", r.Verdict, r.Runs, r.Reason)
	}
	res, err = Run(context.Background(), null, Options{Runs: 4, MaxRuns: 4, Layouts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r := res[0]; r.Runs != 4 || strings.Contains(r.Reason, "most allowed") {
		t.Errorf("without escalation: %d runs (%s)", r.Runs, r.Reason)
	}
	if _, err := Run(context.Background(), null, Options{Runs: 8, MaxRuns: 4}); err == nil ||
		err.Error() != "hypotheses: at most 4 runs, fewer than the 8 to start with; allowed: at least the runs (or 0: 8 × the runs, as far as the seeds reach and, from a seed below 1001, not past seed 1000)" {
		t.Errorf("MaxRuns below Runs: %v", err)
	}
	def := Options{Runs: 3}.withDefaults()
	if def.MaxRuns != 24 {
		t.Errorf("the default MaxRuns for 3 runs is %d, want 8 × 3", def.MaxRuns)
	}
}

// The default MaxRuns is 8 × the runs, within runner.MaxRuns, the seeds
// left to runner.MaxSeed and, from a start below the held-out seeds, the
// seeds left to 1000, and never below the runs: a start the seeds allow
// is never refused for its default cap.
func TestDefaultMaxRuns(t *testing.T) {
	for _, c := range []struct {
		runs int
		seed uint64
		want int
	}{
		{100, 1, 800},
		{300, 1, 1000},               // seeds 1–1000, not into the held-out 1001–1500
		{100, 901, 100},              // seeds 901–1000
		{100, 1001, 800},             // held out: 1001–1800
		{2000, 1, 2000},              // never below the runs
		{100, 1000, 100},             // the runs asked for, past 1000
		{3, runner.MaxSeed - 9, 10},  // seeds MaxSeed−9 … MaxSeed: 10 left
		{10, runner.MaxSeed - 9, 10}, // exactly the runs
		{200_000_000, 2000, runner.MaxRuns},
		{runner.MaxRuns, 1, runner.MaxRuns},
		{-1, 0, -1}, // was 2^53, as uint64(−8) exceeded every seed left
		{0, 1, 0},
	} {
		if got := DefaultMaxRuns(c.runs, c.seed); got != c.want {
			t.Errorf("DefaultMaxRuns(%d, %d) = %d, want %d", c.runs, c.seed, got, c.want)
		}
	}
	if _, err := Run(context.Background(), []Hypothesis{small("null", evenSeed)}, Options{Runs: 3, Seed: runner.MaxSeed - 9, Layouts: 1}); err != nil {
		t.Errorf("3 runs from seed MaxSeed−9 with the default cap: %v", err)
	}
}

// A hypothesis that fails at its first look is not run further:
// the toy predicted to fall rises by +1 over 4 runs and fails at 4 runs,
// although MaxRuns (default 8 × 4 = 32) would allow more.
func TestFailedHypothesisIsNotRunFurther(t *testing.T) {
	h := toy(Falls, lasted48)
	res, err := Run(context.Background(), []Hypothesis{h}, Options{Runs: 4, Layouts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Verdict != Fails || res[0].Runs != 4 {
		t.Errorf("%v at %d runs; want fails at 4", res[0].Verdict, res[0].Runs)
	}
}
