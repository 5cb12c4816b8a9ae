package sim

import "testing"

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
