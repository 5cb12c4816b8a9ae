package sim

import "testing"

// An ideology event moves its actor's ideology at its tick, and with it the
// intent read across every pair it belongs to (docs/model.md §7.2):
// intent = 1 − (1 − r)(1 − ψ·|Δideology|/2)(1 − g)(1 − m), ψ 0.3, no
// grievance or memory here (challenges are off).
//
// Before, adv at −1: c1 (0.8) reads 1 − 0.2·(1 − 0.3·1.8/2) = 0.854 into
// adv; pat (1) reads 1 − 0.2·(1 − 0.3) = 0.86; adv reads into c1 (r = 0)
// 0.3·1.8/2 = 0.27. After adv moves to 0.6: 1 − 0.2·(1 − 0.03) = 0.806,
// 1 − 0.2·(1 − 0.06) = 0.812, and 0.03.
func TestIdeologyEvent(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{{Tick: 2, Kind: ScriptIdeology, Actor: "adv", Ideology: 0.6}}
	c := mustCompile(t, sc)
	w := NewWorld(c, 1)
	n := c.n
	check := func(when string, c1adv, patadv, advc1 float64) {
		t.Helper()
		nearly(t, when+": c1's intent read into adv", w.hostile[c1*n+adv], c1adv, 1e-12)
		nearly(t, when+": pat's intent read into adv", w.hostile[pat*n+adv], patadv, 1e-12)
		nearly(t, when+": adv's intent read into c1", w.hostile[adv*n+c1], advc1, 1e-12)
	}
	w.Step()
	w.Step()
	check("ticks 0–1", 0.854, 0.86, 0.27)
	w.Step()
	check("tick 2", 0.806, 0.812, 0.03)
	if got, want := w.Describe(&w.events[len(w.events)-1]), "adv's ideology moves to +0.60"; got != want {
		t.Errorf("event described as %q, want %q", got, want)
	}
	if c.ideology[adv] != -1 {
		t.Errorf("the event changed the compiled scenario: ideology %v", c.ideology[adv])
	}
}
