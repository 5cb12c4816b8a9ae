package sim

// Helpers shared by the package's internal tests; the theatre they run on
// is testScenario, in testdata_test.go.

import (
	"fmt"
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// handTol is the tolerance of a hand-computed value written to 15 or
// more significant digits.
const handTol = 1e-12

// nearly fails t unless |got − want| ≤ tol; NaN fails too.
func nearly(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) { // NaN fails too
		t.Errorf("%s = %.15g, want %.15g (by hand)", what, got, want)
	}
}

// withCohesion sets an alliance's cohesion and brings ties and allied help
// up to date, as cohesionAndExit would.
func withCohesion(w *World, al *Alliance, h float64) {
	al.Cohesion = h
	w.refreshAlliances()
	w.rebaseline()
}

// mustCompile compiles sc or stops the test.
func mustCompile(t testing.TB, sc *Scenario) *Compiled {
	t.Helper()
	c, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// set is the set of the given state indices.
func set(ids ...int) agents.Set {
	var s agents.Set
	for _, i := range ids {
		s = s.With(i)
	}
	return s
}

// describe lists w's events as recorded, for failure messages.
func describe(w *World) []string {
	var out []string
	for i := range w.events {
		out = append(out, fmt.Sprintf("%+v", w.EventRecord(&w.events[i])))
	}
	return out
}

// twinWorlds returns two worlds of testScenario with the same seed, each
// stepped once and holding a strong bilateral of the patron and c1: one to
// probe, one to compare its random stream with.
func twinWorlds(t testing.TB) (w, twin *World) {
	t.Helper()
	c := mustCompile(t, testScenario())
	w, twin = NewWorld(c, 7), NewWorld(c, 7)
	for _, x := range []*World{w, twin} {
		x.Step()
		x.form(set(pat, c1), true, OriginBilateral)
	}
	return w, twin
}

// noChange is the world as it is.
var noChange = change{drop: -1}

// snapshotWorld copies the World's state (not its scratch buffers and
// memo) for comparison.
func snapshotWorld(w *World) map[string]any {
	clone := func(x []float64) []float64 { return append([]float64(nil), x...) }
	al := make([]Alliance, len(w.alliances))
	for i, a := range w.alliances {
		al[i] = a
		al[i].Spells = append([]Spell(nil), a.Spells...)
	}
	return map[string]any{
		"perceived": clone(w.perceived), "raw": clone(w.raw), "hostile": clone(w.hostile), "friendly": clone(w.friendly),
		"base": clone(w.base), "proj": clone(w.proj), "projK": clone(w.projK), "cred": clone(w.cred), "memory": clone(w.memory),
		"threat": clone(w.threat), "adv": clone(w.adv), "picture": clone(w.picture), "directPicture": clone(w.directPicture),
		"direct": clone(w.direct), "directAdv": clone(w.directAdv), "reference": clone(w.reference), "help": clone(w.help),
		"defence": clone(w.defence), "defK": clone(w.defK), "assurance": clone(w.assurance), "land": clone(w.land),
		"ties": append([]tieRow(nil), w.ties...), "alliances": al, "events": append([]Event(nil), w.events...),
		"concern": append([]int(nil), w.concern...), "reviews": append([]reviewMark(nil), w.reviews...),
		"refused": append([]refusal(nil), w.refused...), "tick": w.tick, "geo": w.geo,
	}
}

// checkConcerns runs f and checks by how much it moved each state's
// concern counter (docs/model.md §7.13: a concerned state reviews at the
// next tick) against want, indexed by state.
func checkConcerns(t *testing.T, w *World, what string, f func(), want []int) {
	t.Helper()
	before := append([]int(nil), w.concern...)
	f()
	for i, n := range want {
		if got := w.concern[i] - before[i]; got != n {
			t.Errorf("%s: %s's concern moved by %d, want %d", what, w.c.id[i], got, n)
		}
	}
}
