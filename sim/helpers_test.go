package sim

// Helpers shared by the package's internal tests; the theatre they run on
// is testScenario, in testdata_test.go.

import (
	"fmt"
	"math"
	"reflect"
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

// perceived is a world of sc (seed 1) that has perceived at tick 0.
func perceived(t *testing.T, sc *Scenario) *World {
	t.Helper()
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	return w
}

// pledgedToC1 is a world of sc (seed 1), perceived at tick 0, in which
// pat and c1 hold a strong bilateral alliance of cohesion h.
func pledgedToC1(t *testing.T, sc *Scenario, h float64) *World {
	t.Helper()
	w := perceived(t, sc)
	withCohesion(w, w.form(set(pat, c1), true, OriginBilateral), h)
	return w
}

// twins are two worlds of sc from the same seed, each perceived and then
// prepared alike: a test does to one what must draw no number, and
// sameStream compares their random streams.
func twins(t testing.TB, sc *Scenario, seed uint64, prepare func(*World)) (*World, *World) {
	t.Helper()
	c := mustCompile(t, sc)
	a, b := NewWorld(c, seed), NewWorld(c, seed)
	for _, w := range []*World{a, b} {
		w.perceive()
		prepare(w)
	}
	return a, b
}

// sameStream fails the test, saying what was drawn, unless the next
// number of a's random stream is b's.
func sameStream(t testing.TB, a, b *World, drawn string) {
	t.Helper()
	if x, y := a.rng.Uint64(), b.rng.Uint64(); x != y {
		t.Errorf("%s: next draw %d, want %d", drawn, x, y)
	}
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

// contestedScenario is testScenario with perception noise, noisy
// decisions, rare challenges that occupy at any margin, provocations and
// revisionist clients: a world in which alliances form, their cohesion
// moves, members leave, alliances end and states are occupied and
// eliminated.
func contestedScenario() *Scenario {
	sc := testScenario()
	sc.Params.PerceptionNoise = 0.12
	sc.Params.ChallengeRate = 0.02
	sc.Params.ProvokeRate = 0.05
	sc.Params.OccupyMargin = 0
	sc.Decision.Temperature = 0.1
	for i := range sc.States {
		if sc.States[i].Role == Client {
			sc.States[i].Revisionism = 0.5
		}
	}
	return sc
}

// noChange is the world as it is.
var noChange = change{drop: -1}

// snapshotWorld deep-copies every field of the World that is state, for
// comparison with reflect.DeepEqual. Left out are only:
//
//   - c, the compiled scenario, shared by every replication and never
//     written; observers, which are functions; noCache, a test setting;
//   - rng: the callers check the random stream against a twin world's;
//   - the exact memos readTau, readLogit, shocked, shockedAt,
//     actorShocked, actorShockedAt and positions, and rawFrom and rawGen,
//     which say whose raw readings are current (cache.go): a valuation
//     may fill them without changing any result (TestCachesOff);
//   - the scratch buffers order, values, options, partners, imposedAfter,
//     scored and view, which hold nothing from one use to the next.
//
// geo is kept as its pointer: a Geometry is never changed in place (a
// change of territory installs a new one), and DeepEqual compares what
// two different pointers hold. A field added to World must be snapshot or
// named here, or snapshotWorld panics.
func snapshotWorld(w *World) map[string]any {
	al := make([]Alliance, len(w.alliances))
	for i, a := range w.alliances {
		al[i] = a
		al[i].Spells = clone(a.Spells)
	}
	offers := make([]Offer, len(w.offers))
	for i, o := range w.offers {
		offers[i] = o
		offers[i].Refusals = clone(o.Refusals)
	}
	samples := make([]Sample, len(w.series.samples))
	for i, s := range w.series.samples {
		samples[i] = Sample{Tick: s.Tick, Threat: clone(s.Threat), Reference: clone(s.Reference), Losses: clone(s.Losses), Alive: clone(s.Alive)}
		for _, ids := range s.Alliances {
			samples[i].Alliances = append(samples[i].Alliances, clone(ids))
		}
	}
	snap := map[string]any{
		"seed": w.seed, "tick": w.tick, "geo": w.geo,
		"land": clone(w.land), "naval": clone(w.naval), "economy": clone(w.economy), "ideology": clone(w.ideology),
		"sovereign": clone(w.sovereign), "alive": clone(w.alive), "maxEconomy": w.maxEconomy, "statusQuo": w.statusQuo,
		"shift": clone(w.shift), "memory": clone(w.memory), "perceived": clone(w.perceived), "hostile": clone(w.hostile),
		"friendly": clone(w.friendly), "base": clone(w.base), "raw": clone(w.raw), "proj": clone(w.proj),
		"projK": clone(w.projK), "cred": clone(w.cred), "actorShift": clone(w.actorShift),
		"ties": clone(w.ties), "threat": clone(w.threat), "adv": clone(w.adv), "picture": clone(w.picture),
		"directPicture": clone(w.directPicture), "direct": clone(w.direct), "directAdv": clone(w.directAdv),
		"reference": clone(w.reference), "help": clone(w.help), "defence": clone(w.defence),
		"defK": clone(w.defK), "assurance": clone(w.assurance), "forcesDirty": w.forcesDirty, "threatsRead": w.threatsRead, "inTick": w.inTick,
		"alliances": al, "events": clone(w.events), "offers": offers, "series": samples,
		"wantedSince": clone(w.wantedSince), "wantedThreat": clone(w.wantedThreat), "committed": clone(w.committed),
		"refused": clone(w.refused), "pending": clone(w.pending), "nextScript": w.nextScript,
		"concern": clone(w.concern), "reviews": clone(w.reviews), "reviewing": w.reviewing, "err": w.err,
		"refusals": clone(w.refusals),
	}
	left := map[string]bool{"c": true, "observers": true, "noCache": true, "rng": true,
		"readTau": true, "readLogit": true, "shocked": true, "shockedAt": true, "actorShocked": true, "actorShockedAt": true, "positions": true, "rawFrom": true, "rawGen": true,
		"order": true, "values": true, "options": true, "partners": true, "imposedAfter": true, "scored": true, "view": true,
		"decision": true}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(World{})) {
		if _, ok := snap[f.Name]; !ok && !left[f.Name] {
			panic("snapshotWorld: World." + f.Name + " is neither snapshot nor left out")
		}
	}
	return snap
}

// clone is a copy of x that shares no memory with it.
func clone[T any](x []T) []T { return append([]T(nil), x...) }

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

// provokingScenario is testScenario with c1 a revisionist (1) that
// provokes every month (provoke_rate 1), unrestrained (every control 0):
// the world of the entrapment tests.
func provokingScenario() *Scenario {
	sc := testScenario()
	sc.Params.ProvokeRate = 1
	sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 0, 0, 0
	sc.States[c1].Revisionism = 1
	return sc
}

// provokedAt5 is a world of provokingScenario in which the alliance that
// setup forms stands at tick 5, when c1 provokes (its crises are played);
// it stops the test unless the last event is c1's provocation.
func provokedAt5(t *testing.T, setup func(w *World) *Alliance) (*World, *Alliance) {
	t.Helper()
	w := NewWorld(mustCompile(t, provokingScenario()), 1)
	w.perceive()
	w.tick = 5
	al := setup(w)
	w.crises()
	if e := w.events[len(w.events)-1]; e.Type != EventProvocation || e.Actor != c1 {
		t.Fatalf("c1 should provoke at tick 5: %v", describe(w))
	}
	return w, al
}
