package sim

import "testing"

// The shortcut of threatUnder — a state whose ties a hypothetical change
// leaves alone keeps its current threat — is exact only if folding that
// state again under its own ties gives its threat back bit for bit: raw
// readings must be current after cohesion moved, after an occupation and
// after an elimination (rebaseline). A world with noise, challenges that
// occupy and eliminate, provocations, and challenges rare enough that
// alliances form and their cohesion moves (contestedScenario) checks it
// at the end of every tick and, mid-tick, where states value alliances.
// The test fails if it saw no occupation, ran no mid-tick check or saw no
// alliance's cohesion move, for then it could not catch a rebaseline
// left out.
func TestUntouchedFoldIsExact(t *testing.T) {
	c := mustCompile(t, contestedScenario())
	occupied, checked, midTick, moved := 0, 0, 0, 0
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
	// where states value alliances: proposals, refusals, departures (not
	// a member wholly occupied dropping out, which is logged in the middle
	// of the elimination, before the threats are read again, and is no
	// decision)
	watch := ObserverFuncs{Event: func(w *World, e *Event) {
		switch {
		case e.Type == EventProposal, e.Type == EventRejection, e.Type == EventLeft && e.Exit == ExitLeft:
			exact(w, e.Type.String())
			midTick++
		}
	}}
	for seed := uint64(1); seed <= 5; seed++ {
		w := NewWorld(c, seed, watch)
		cohesion := map[int]float64{} // each alliance's cohesion at the end of the last tick
		for w.Step() {
			exact(w, "end of tick")
			for _, al := range w.alliances {
				if h, ok := cohesion[al.ID]; ok && al.Active() && al.Cohesion != h {
					moved++
				}
				cohesion[al.ID] = al.Cohesion
			}
		}
		for _, e := range w.events {
			if e.Type == EventOccupation {
				occupied++
			}
		}
	}
	if occupied == 0 || checked == 0 || midTick == 0 || moved == 0 {
		t.Fatalf("the test world should see occupations (%d), checks mid-tick (%d) and alliances whose cohesion moved (%d)",
			occupied, midTick, moved)
	}
}
