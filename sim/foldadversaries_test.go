package sim

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// fold over the adversaries alone (foldAdversaries) gives the threat from
// adversaries that foldHypothetical gives, bit for bit, as its total and
// its adv, though it reads no other source: in a world with noise,
// occupations and alliances (contestedScenario), at the end of every tick,
// for every state, under its own ties and under every change that adds an
// alliance of it and any set of the others, of every origin, or drops or
// grows an alliance in force.
func TestFoldAdversariesIsFoldsAdversaryThreat(t *testing.T) {
	c := mustCompile(t, contestedScenario())
	compared, allied := 0, 0
	for seed := uint64(1); seed <= 3; seed++ {
		w := NewWorld(c, seed)
		for w.Step() {
			var changes []change
			all := agents.Set(1<<uint(c.n) - 1)
			for m := 0; m < c.n; m++ {
				for S := agents.Set(1); S <= all; S++ {
					if !S.Has(m) {
						for _, o := range []Origin{OriginClient, OriginImposed, OriginBilateral} {
							changes = append(changes, w.hypothetical(m, S, o))
						}
					}
				}
			}
			for a := range w.alliances {
				al := &w.alliances[a]
				if al.Active() {
					changes = append(changes, w.asIs(al), change{drop: al.ID})
					for x := 0; x < c.n; x++ {
						changes = append(changes, w.grown(al, x, al.Origin))
					}
				}
			}
			for _, ch := range changes {
				for m := 0; m < c.n; m++ {
					row := w.tiesUnder(m, ch)
					_, want := w.fold(m, &row, foldHypothetical)
					total, adv := w.fold(m, &row, foldAdversaries)
					if math.Float64bits(total) != math.Float64bits(want) || math.Float64bits(adv) != math.Float64bits(want) {
						t.Fatalf("seed %d tick %d, %s under %+v: foldAdversaries %v and %v, foldHypothetical's adv %v", seed, w.tick, c.id[m], ch, total, adv, want)
					}
					compared++
					if row.allies != 0 && want != 0 {
						allied++
					}
				}
			}
		}
	}
	if compared == 0 || allied == 0 {
		t.Fatalf("compared %d threats, %d of a state with allies under threat: the test world should have both", compared, allied)
	}
}
