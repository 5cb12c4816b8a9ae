package sim

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// revisionismOf, kept from its last call while no shock moves the
// actor's shift, is agents.ShockedRevisionism of the actor's revisionism
// under its shift, bit for bit: in a world with noise, occupations and
// alliances (contestedScenario) and untargeted intent shocks that move
// two actors up, down, back to no shock and up again, for every state at
// the end of every tick, asked twice (the second from the memo). The
// test fails if it saw no state whose shift moved from one shock to
// another, for then a memo that forgot the shift could pass.
func TestRevisionismOfIsTheShockedRevisionism(t *testing.T) {
	sc := contestedScenario()
	sc.Events = []ScriptedEvent{
		{Tick: 3, Kind: ScriptIntent, Actor: "adv", Delta: 1},
		{Tick: 5, Kind: ScriptIntent, Actor: "c2", Delta: -0.5},
		{Tick: 8, Kind: ScriptIntent, Actor: "adv", Delta: 0.75},
		{Tick: 12, Kind: ScriptIntent, Actor: "adv", Delta: -1.75},
		{Tick: 15, Kind: ScriptIntent, Actor: "c2", Delta: 1.5},
		{Tick: 20, Kind: ScriptIntent, Actor: "adv", Delta: 2},
	}
	c := mustCompile(t, sc)
	moved := 0
	for seed := uint64(1); seed <= 3; seed++ {
		w := NewWorld(c, seed)
		last := make([]float64, c.n)
		for w.Step() {
			for j := 0; j < c.n; j++ {
				want := agents.ShockedRevisionism(c.revisionism[j], w.actorShift[j])
				for ask := 1; ask <= 2; ask++ {
					if got := w.revisionismOf(j); math.Float64bits(got) != math.Float64bits(want) {
						t.Fatalf("seed %d tick %d, %s (shift %v), asked %d times: revisionismOf %v, want %v",
							seed, w.tick, c.id[j], w.actorShift[j], ask, got, want)
					}
				}
				if w.actorShift[j] != last[j] && last[j] != 0 && w.actorShift[j] != 0 {
					moved++
				}
				last[j] = w.actorShift[j]
			}
		}
	}
	if moved == 0 {
		t.Fatal("no actor's shift moved from one shock to another: the test world should have one")
	}
}
