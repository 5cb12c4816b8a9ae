package sim

import "testing"

// The shortcut of threatUnder — a state whose ties a hypothetical change
// leaves alone keeps its current threat — is exact only if folding that
// state again under its own ties gives its threat back bit for bit: raw
// readings must be current after cohesion moved, after an occupation and
// after an elimination (rebaseline). A world with noise, challenges that
// occupy and eliminate, and provocations checks it at the end of every
// tick.
func TestUntouchedFoldIsExact(t *testing.T) {
	sc := testScenario()
	sc.Params.PerceptionNoise = 0.12
	sc.Params.ChallengeRate = 0.3
	sc.Params.ProvokeRate = 0.05
	sc.Params.OccupyMargin = 0
	sc.Decision.Temperature = 0.1
	for i := range sc.States {
		if sc.States[i].Role == Client {
			sc.States[i].Revisionism = 0.5
		}
	}
	c := mustCompile(t, sc)
	occupied, checked := 0, 0
	exact := func(w *World, when string) {
		for m := 0; m < c.n; m++ {
			row := w.ties[m]
			total, adv := w.fold(m, &row, foldHypothetical)
			if total != w.direct[m] || adv != w.directAdv[m] {
				t.Fatalf("seed %d tick %d, %s: %s's threat folded again under its own ties is %v (adversaries %v), stored %v (%v)",
					w.seed, w.tick, when, c.id[m], total, adv, w.direct[m], w.directAdv[m])
			}
			checked++
		}
	}
	// where states value alliances: proposals, refusals, departures
	watch := ObserverFuncs{Event: func(w *World, e *Event) {
		switch e.Type {
		case EventProposal, EventRejection, EventLeft:
			exact(w, e.Type.String())
		}
	}}
	for seed := uint64(1); seed <= 5; seed++ {
		w := NewWorld(c, seed, watch)
		for w.Step() {
			exact(w, "end of tick")
		}
		for _, e := range w.events {
			if e.Type == EventOccupation {
				occupied++
			}
		}
	}
	if occupied == 0 || checked == 0 {
		t.Fatalf("the test world should see occupations (%d) mid-tick", occupied)
	}
}
