package sim

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// clientCoalition gives what the greedy search over bestCommitment's
// values gives, and the commitment bestCommitment gives the set it
// returns, bit for bit, though it does not ask bestCommitment again: in a
// world with noise, occupations and alliances (contestedScenario), at the
// end of every tick, for every living client over every other eligible
// client as candidates. The test fails if it saw no search that chose the
// strong commitment, none that chose the weak, or none whose set was not
// the last it scored (where remembering the last appraisal would do).
func TestClientCoalitionIsTheSearchsBest(t *testing.T) {
	c := mustCompile(t, contestedScenario())
	strong, weak, notLast := 0, 0, 0
	for seed := uint64(1); seed <= 5; seed++ {
		w := NewWorld(c, seed)
		for w.Step() {
			eligible := w.eligible()
			eligible.Each(func(i int) {
				cands := eligible.Without(i)
				var last agents.Set
				wantSet, wantV := agents.GreedyCoalition(cands, 1, func(s agents.Set) float64 {
					a, _ := w.bestCommitment(i, s, OriginClient)
					last = s
					return a.value
				})
				wantStrong := false
				if wantSet != 0 {
					_, wantStrong = w.bestCommitment(i, wantSet, OriginClient)
				}
				s, v, st := w.clientCoalition(i, cands)
				if s != wantSet || math.Float64bits(v) != math.Float64bits(wantV) || st != wantStrong {
					t.Fatalf("seed %d tick %d, %s: clientCoalition %b %v strong %v, the search %b %v strong %v",
						seed, w.tick, c.id[i], s, v, st, wantSet, wantV, wantStrong)
				}
				if s == 0 {
					return
				}
				if st {
					strong++
				} else {
					weak++
				}
				if s != last {
					notLast++
				}
			})
		}
	}
	if strong == 0 || weak == 0 || notLast == 0 {
		t.Fatalf("searches chose strong %d times, weak %d, a set not the last scored %d: the test world should have each", strong, weak, notLast)
	}
}
