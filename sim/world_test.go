package sim

import (
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// A tick in which nothing happens allocates nothing: perception,
// diplomacy, crisis draws, cohesion and exit run on preallocated slices.
func TestSteadyTickAllocatesNothing(t *testing.T) {
	sc := testScenario()
	sc.Ticks = 10_000
	w := NewWorld(mustCompile(t, sc), 1)
	for w.tick < 200 {
		w.Step()
	}
	events := len(w.events)
	allocs := testing.AllocsPerRun(200, func() { w.Step() })
	if len(w.events) != events {
		t.Fatalf("events happened during the measurement (%d): the test needs a quiet world", len(w.events)-events)
	}
	if allocs != 0 {
		t.Errorf("a quiet tick allocated %.1f times", allocs)
	}
}

// Step reports whether ticks remain: with a horizon of 2, the first Step
// leaves tick 1 to play (true), the second reaches the horizon (false),
// and a Step past it plays nothing (false, the tick stays at 2).
func TestStepReportsWhetherTicksRemain(t *testing.T) {
	sc := testScenario()
	sc.Ticks = 2
	w := NewWorld(mustCompile(t, sc), 1)
	for k, want := range []bool{true, false, false} {
		if got := w.Step(); got != want {
			t.Errorf("Step %d returned %v, want %v", k+1, got, want)
		}
	}
	if w.Tick() != 2 {
		t.Errorf("tick %d after stepping past the horizon, want 2", w.Tick())
	}
}

// Before the first Step a World's threats and reference points are 0 and
// it is in no state's losses, but Position is the value of self-help at
// threat 0: 0 at the default arms_cost of 0, below it otherwise (World's
// comment said every reading was 0).
func TestReadingsBeforeTheFirstStep(t *testing.T) {
	for _, arms := range []float64{0, 0.1} {
		sc := testScenario()
		sc.Params.ArmsCost = arms
		w := NewWorld(mustCompile(t, sc), 1)
		for i := range sc.States {
			if w.Threat(i) != 0 || w.AdversaryThreat(i) != 0 || w.Perceived(i, (i+1)%len(sc.States)) != 0 || w.Reference(i) != 0 || w.InLosses(i) {
				t.Errorf("arms_cost %v, state %d: threat %v, adversary threat %v, reference %v, in losses %v; want 0, 0, 0, false",
					arms, i, w.Threat(i), w.AdversaryThreat(i), w.Reference(i), w.InLosses(i))
			}
			if got, want := w.Position(i), w.valueOf(i, agents.Sure(-arms)); got != want || (arms > 0) != (got < 0) {
				t.Errorf("arms_cost %v, state %d: position %v, want %v, the value of a sure −arms_cost", arms, i, got, want)
			}
		}
	}
}

// A World tells the seed it was started with, before and after its run.
func TestWorldTellsItsSeed(t *testing.T) {
	c := mustCompile(t, testScenario())
	w := NewWorld(c, 1<<40+7)
	if w.Seed() != 1<<40+7 {
		t.Errorf("Seed %d, want %d", w.Seed(), uint64(1<<40+7))
	}
	w.Step()
	if w.Seed() != 1<<40+7 {
		t.Errorf("Seed %d after a Step, want %d", w.Seed(), uint64(1<<40+7))
	}
}

// Perceived(i, j) is T̂_ij, what i perceives from j: the row of the
// perceiver, the column of the source — not the other way round.
func TestPerceivedIsOfThePerceiver(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.Step()
	n := w.c.n
	if got, want := w.Perceived(c1, adv), w.perceived[c1*n+adv]; got != want {
		t.Errorf("Perceived(c1, adv) = %v, want T̂ of c1 from adv %v", got, want)
	}
	if got, want := w.Perceived(adv, c1), w.perceived[adv*n+c1]; got != want {
		t.Errorf("Perceived(adv, c1) = %v, want T̂ of adv from c1 %v", got, want)
	}
	if w.Perceived(c1, adv) == w.Perceived(adv, c1) {
		t.Fatalf("c1 reads adv as adv reads c1 (%v): the test cannot tell the two apart", w.Perceived(c1, adv))
	}
}
