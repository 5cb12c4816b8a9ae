package sim_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/timeline"
)

func compileBuiltin(t testing.TB, name string) *sim.Compiled {
	t.Helper()
	sc, err := configs.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func runJSON(t *testing.T, c *sim.Compiled, seed uint64) []byte {
	t.Helper()
	res, err := sim.Run(context.Background(), c, seed)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A run is a pure function of (compiled scenario, seed): the same seed
// gives the same bytes, also after other runs in the same process and on a
// freshly compiled copy; another seed gives another run.
func TestDeterminism(t *testing.T) {
	for _, name := range configs.BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			c := compileBuiltin(t, name)
			first := runJSON(t, c, 7)
			for _, other := range configs.BuiltinNames() {
				runJSON(t, compileBuiltin(t, other), 99)
			}
			if again := runJSON(t, c, 7); !bytes.Equal(first, again) {
				t.Fatal("same seed, different result after other runs")
			}
			if fresh := runJSON(t, compileBuiltin(t, name), 7); !bytes.Equal(first, fresh) {
				t.Fatal("same seed, different result on a fresh compile")
			}
			if other := runJSON(t, c, 8); bytes.Equal(first, other) {
				t.Fatal("seeds 7 and 8 gave the same run")
			}
		})
	}
}

// Invariants over many seeds: threats and references in [0,1]; active
// alliances have distinct member sets of at least two states; durations
// are non-negative; ended alliances have a cause; every event's alliance
// exists. property_test.go checks the same in drawn worlds.
func TestInvariants(t *testing.T) {
	for _, name := range configs.BuiltinNames() {
		c := compileBuiltin(t, name)
		for seed := uint64(1); seed <= 12; seed++ {
			label := fmt.Sprintf("%s seed %d", name, seed)
			w := sim.NewWorld(c, seed)
			for w.Step() {
				checkTick(t, c, w, label)
			}
			checkResult(t, w.Result(), label)
		}
	}
}

// checkTick checks the invariants of a world after a tick: every threat,
// reference point and perceived threat in [0, 1]; the membership spells
// agree with the members, the founders and the sizes; the active
// alliances have distinct member sets of at least two states, and a
// patron exactly when they say so.
func checkTick(t *testing.T, c *sim.Compiled, w *sim.World, label string) {
	t.Helper()
	for i := 0; i < c.N(); i++ {
		for _, v := range []float64{w.Threat(i), w.AdversaryThreat(i), w.Reference(i)} {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("%s tick %d: %s has a threat or reference %v outside [0,1]", label, w.Tick(), c.ID(i), v)
			}
		}
		for j := 0; j < c.N(); j++ {
			if v := w.Perceived(i, j); !(v >= 0 && v <= 1) {
				t.Fatalf("%s tick %d: perceived threat %v", label, w.Tick(), v)
			}
		}
	}
	seen := map[uint64]bool{}
	for _, a := range w.Alliances() {
		// The membership spells say who was a member at every
		// tick: now, they give the live member set.
		if got := a.MembersAt(w.Tick()); a.Active() && got != a.Members {
			t.Fatalf("%s tick %d: spells give members %b, the alliance has %b", label, w.Tick(), got, a.Members)
		}
		var founders agents.Set
		for _, sp := range a.Spells {
			if sp.Entry == sim.EntryFounded {
				founders = founders.With(sp.State)
			}
			if (sp.Left >= 0) != (sp.Exit != sim.ExitNone) || (sp.Left >= 0 && sp.Left < sp.Joined) ||
				(!a.Active() && (sp.Left < 0 || sp.Left > a.Ended)) {
				t.Fatalf("%s: bad spell %+v of %+v", label, sp, a)
			}
		}
		if founders != a.Founders || (a.HasPatron && a.PatronSize < 2) || (a.PatronJoined != a.Formed && a.ClientPeak < 2) {
			t.Fatalf("%s: founders %b, spells %b; sizes %d/%d", label, a.Founders, founders, a.PatronSize, a.ClientPeak)
		}
		if !a.Active() {
			continue
		}
		if a.Members.Len() < 2 || seen[uint64(a.Members)] {
			t.Fatalf("%s tick %d: bad active alliance %+v", label, w.Tick(), a)
		}
		patrons := 0
		a.Members.Each(func(m int) {
			if c.Role(m) == sim.Patron {
				patrons++
			}
		})
		if a.HasPatron != (patrons > 0) {
			t.Fatalf("%s tick %d: an active alliance with HasPatron %v has %d patrons: %+v", label, w.Tick(), a.HasPatron, patrons, a)
		}
		seen[uint64(a.Members)] = true
	}
}

// checkResult checks a finished run's record: every alliance ends no
// earlier than it formed, has a cause exactly when it ended before the
// horizon, and a patron that joined no earlier than it formed; every
// event names an alliance of the record, a date and a sentence.
func checkResult(t *testing.T, res *sim.Result, label string) {
	t.Helper()
	for _, a := range res.Alliances {
		if a.End(res.Ticks) < a.Formed || (a.Ended >= 0) == (a.Cause == sim.EndHorizon.String()) || (a.Patron && a.PatronJoined < a.Formed) {
			t.Fatalf("%s: bad alliance record %+v", label, a)
		}
	}
	for _, e := range res.Events {
		if e.Alliance >= len(res.Alliances) || e.Date == "" || timeline.Describe(&e) == "" {
			t.Fatalf("%s: bad event %+v", label, e)
		}
	}
}

// A cancelled context stops a run with the context's error.
func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := sim.Run(ctx, compileBuiltin(t, "generic"), 1); err == nil {
		t.Fatal("want an error from a cancelled run")
	}
}

// Observers see every event and every tick.
func TestObservers(t *testing.T) {
	c := compileBuiltin(t, "asia-1950")
	ticks, events := 0, 0
	obs := sim.ObserverFuncs{
		Tick:  func(*sim.World) { ticks++ },
		Event: func(*sim.World, *sim.Event) { events++ },
	}
	res, err := sim.Run(context.Background(), c, 3, obs)
	if err != nil {
		t.Fatal(err)
	}
	if ticks != c.Scenario().Ticks || events != len(res.Events) || events == 0 {
		t.Fatalf("observed %d ticks and %d events; run had %d ticks and %d events", ticks, events, c.Scenario().Ticks, len(res.Events))
	}
}

func TestTimeSeries(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sc.Params.RecordEvery = 12
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sim.Run(context.Background(), c, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := (sc.Ticks + 11) / 12; len(res.Series) != want || len(res.Series[1].Threat) != c.N() || res.Series[1].Tick != 12 {
		t.Fatalf("series of %d samples, want %d", len(res.Series), want)
	}
}

// The record's proposals are the engine's offers, answer for answer.
func TestResultCarriesTheRecord(t *testing.T) {
	w := sim.NewWorld(compileBuiltin(t, "asia-1950"), 7)
	res, err := w.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	offers := w.Offers()
	if len(res.Proposals) != len(offers) || len(offers) == 0 {
		t.Fatalf("%d proposals for %d offers", len(res.Proposals), len(offers))
	}
	for i, p := range res.Proposals {
		if p.Accepted != offers[i].Accepted() || p.Alliance != offers[i].Alliance || len(p.Refusals) != len(offers[i].Refusals) {
			t.Fatalf("proposal %d: %+v, offer %+v", i, p, offers[i])
		}
	}
	if res.Seed != 7 || res.Ticks != 504 || len(res.Patrons) != 1 || res.Patrons[0] != "usa" {
		t.Fatalf("seed %d, ticks %d, patrons %v", res.Seed, res.Ticks, res.Patrons)
	}
	if got := res.Date(6); got != "1950-07" {
		t.Fatalf("Date(6) = %q, want 1950-07", got)
	}
}

// A registered valuation model or strategy that writes to the decision
// settings it is given changes nothing the engine reads: not the compiled
// scenario, which every replication shares, not another replication, and
// not its own run, whose later valuations and exact caches read the
// compiled settings again. It is given a fresh copy at each call. (First
// it was given the compiled settings themselves; then its world's copy,
// whose writes reached its later valuations but not the positions the
// cache remembered, so that switching the cache off changed the run.)
func TestPluginsCannotChangeTheCompiledScenario(t *testing.T) {
	compile := func(valuation, strategy string) *sim.Compiled {
		sc, err := configs.Builtin("generic")
		if err != nil {
			t.Fatal(err)
		}
		sc.Decision.Valuation, sc.Decision.Strategy = valuation, strategy
		c, err := sim.Compile(sc)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := compile("test_writes_its_decision", "test_writes_its_decision")
	before := c.Decision(0)
	first := runJSON(t, c, 3)
	if after := c.Decision(0); after != before {
		t.Fatalf("a run changed the compiled decision settings: %+v, was %+v", after, before)
	}
	if again := runJSON(t, c, 3); !bytes.Equal(first, again) {
		t.Fatal("the same seed gave a different run after another run")
	}
	w := sim.NewWorld(c, 3)
	sim.NoCache(w)
	if off := resultJSON(t, w); !bytes.Equal(first, off) {
		t.Errorf("with caches off the writing models' run differs:\n%s", firstDifference(first, off))
	}
	// The models write to their settings and otherwise are prospect
	// theory and the assurance strategy: the run is theirs.
	if plain := runJSON(t, compile("prospect", "assurance"), 3); !bytes.Equal(first, plain) {
		t.Errorf("the writes changed the run:\n%s", firstDifference(plain, first))
	}
}

// Registered once for the test binary (a registry refuses a name given
// twice, as go test -count=2 would).
func init() {
	agents.RegisterValuation("test_writes_its_decision", agents.ValuationFunc(func(l agents.Lottery, d *agents.Decision) float64 {
		v := agents.ProspectValue(l, d)
		d.Temperature *= 2 // compounding: the more calls, the hotter
		return v
	}))
	agents.RegisterStrategy("test_writes_its_decision", writingStrategy{})
}

// writingStrategy is the assurance strategy, writing to its decision
// settings as it decides.
type writingStrategy struct{ agents.AssuranceStrategy }

func (s writingStrategy) Admit(v agents.PatronView, o agents.Option) bool {
	v.Decision().Patience = 0
	return s.AssuranceStrategy.Admit(v, o)
}

// Writing to the scenario a Compiled returns changes no run: the engine
// reads what Compile made of it. (A horizon of 600 ticks set there used
// to play 600 ticks of a scenario compiled for 60.)
func TestScenarioWritesChangeNoRun(t *testing.T) {
	c := compileBuiltin(t, "generic")
	before := runJSON(t, c, 5)
	sc := c.Scenario()
	sc.Ticks, sc.Name = 600, "edited"
	sc.Calendar.MonthsPerTick, sc.Calendar.StartYear = 0, 1
	sc.Params.SeaCost = -1
	if after := runJSON(t, c, 5); !bytes.Equal(before, after) {
		t.Error("writing to Scenario() changed a run")
	}
}

// Nil and out-of-range arguments of the library get errors, not panics;
// a nil observer is skipped, as the runner allows an Observe that returns
// one.
func TestLibraryArgumentsChecked(t *testing.T) {
	if _, err := sim.Compile(nil); err == nil || err.Error() != "sim: Compile of a nil scenario; allowed: a *Scenario, from configs.Builtin, configs.Load or built in Go" {
		t.Errorf("Compile(nil): %v", err)
	}
	var none *sim.Scenario
	if err := none.Validate(); err == nil || err.Error() != "sim: Validate of a nil scenario; allowed: a *Scenario, from configs.Builtin, configs.Load or built in Go" {
		t.Errorf("Validate of nil: %v", err)
	}
	if _, err := none.Grid(); err == nil || !strings.Contains(err.Error(), "Grid of a nil scenario") {
		t.Errorf("Grid of nil: %v", err)
	}
	if none.Clone() != nil {
		t.Error("the clone of nil is not nil")
	}
	if _, err := sim.Compile(&sim.Scenario{}); err == nil || !strings.HasPrefix(err.Error(), "scenario (no name):\n") {
		t.Errorf("Compile of an empty scenario: %v", err)
	}
	if _, err := sim.Run(context.Background(), nil, 1); err == nil || !strings.Contains(err.Error(), "nil scenario") {
		t.Errorf("Run(nil): %v", err)
	}
	c := compileBuiltin(t, "generic")
	if _, err := sim.Run(context.Background(), c, 1, nil); err != nil {
		t.Errorf("a nil observer: %v", err)
	}
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{-1, len(sc.States)} {
		if _, err := sc.DecisionOf(i); err == nil || !strings.Contains(err.Error(), "out of range [0, 8)") {
			t.Errorf("DecisionOf(%d): %v", i, err)
		}
	}
}

// IndexOf names a mistyped id; the read-only views refuse an index that
// is not a state's, naming the range, where Perceived(1, 8) of generic's
// 8 states would read the cell of the pair (2, 0).
func TestStateIndices(t *testing.T) {
	c := compileBuiltin(t, "generic")
	if i, err := c.IndexOf("c1"); err != nil || i != c.Index("c1") {
		t.Errorf("IndexOf(c1): %d, %v", i, err)
	}
	if i, err := c.IndexOf("adversry"); err == nil || i != -1 || err.Error() != `"adversry" is not a state of generic; allowed: patron, adversary, c1, c2, c3, c4, c5, c6` {
		t.Errorf("IndexOf with a mistyped id: %d, %v", i, err)
	}
	w := sim.NewWorld(c, 1)
	w.Step()
	for _, view := range []struct {
		name string
		read func()
	}{
		{"Perceived(1, 8)", func() { w.Perceived(1, 8) }},
		{"Perceived(-1, 0)", func() { w.Perceived(-1, 0) }},
		{"Threat(-1)", func() { w.Threat(-1) }},
		{"AdversaryThreat(8)", func() { w.AdversaryThreat(8) }},
		{"Reference(8)", func() { w.Reference(8) }},
		{"InLosses(-1)", func() { w.InLosses(-1) }},
		{"Alive(8)", func() { w.Alive(8) }},
		{"Position(-1)", func() { w.Position(-1) }},
		{"ID(8)", func() { c.ID(8) }},
		{"World.ID(-1)", func() { w.ID(-1) }},
		{"Sovereign(8)", func() { w.Sovereign(8) }},
		{"Reviewing(8)", func() { w.Reviewing(8) }},
		{"OriginFor(8, {c1})", func() { w.OriginFor(8, agents.Set(0).With(c.Index("c1"))) }},
		{"OriginFor(c1, {9})", func() { w.OriginFor(c.Index("c1"), agents.Set(0).With(9)) }},
		{"Role(-1)", func() { c.Role(-1) }},
		{"Decision(8)", func() { c.Decision(8) }},
	} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, "out of range [0, 8) of generic") {
					t.Errorf("%s: recovered %q, want a panic naming the range", view.name, msg)
				}
			}()
			view.read()
		}()
	}
}

// SetOf names a mistyped id rather than leaving it out of the set.
func TestSetOf(t *testing.T) {
	c := compileBuiltin(t, "generic")
	s, err := c.SetOf("c1", "c3", "patron")
	if want := agents.Set(0).With(c.Index("c1")).With(c.Index("c3")).With(c.Index("patron")); err != nil || s != want {
		t.Errorf("SetOf: %v, %v; want %v", s, err, want)
	}
	if s, err := c.SetOf(); err != nil || s != 0 {
		t.Errorf("SetOf(): %v, %v", s, err)
	}
	if _, err := c.SetOf("c1", "c9"); err == nil || err.Error() != `"c9" is not a state of generic; allowed: patron, adversary, c1, c2, c3, c4, c5, c6` {
		t.Errorf("SetOf with a mistyped id: %v", err)
	}
}

// IDs names a set's states in the scenario's order, whatever order they
// were given in, and none for the empty set: SetOf's inverse.
func TestIDs(t *testing.T) {
	c := compileBuiltin(t, "generic")
	s, err := c.SetOf("c3", "patron", "c1")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.IDs(s); !slices.Equal(got, []string{"patron", "c1", "c3"}) {
		t.Errorf("IDs: %v; want [patron c1 c3]", got)
	}
	if got := c.IDs(0); got != nil {
		t.Errorf("IDs of the empty set: %v; want nil", got)
	}
}

// SplitMix64 is the first output of a SplitMix64 generator seeded with
// its argument: the published values for seeds 0 and 1234567
// (6457827717110365317), so that a re-implementation of the seeding
// (docs/model.md §3.3) can be checked against them.
func TestSplitMix64(t *testing.T) {
	for seed, want := range map[uint64]uint64{0: 0xe220a8397b1dcdaf, 1234567: 6457827717110365317} {
		if got := sim.SplitMix64(seed); got != want {
			t.Errorf("SplitMix64(%d) = %#x, want %#x", seed, got, want)
		}
	}
}

// Run refuses a nil Compiled and a zero one, saying what is allowed (a
// zero one was run, and blamed a tick −1 of the year −1).
func TestRunRefusesACompiledNotMadeByCompile(t *testing.T) {
	for c, want := range map[*sim.Compiled]string{
		nil:               "sim: Run of a nil scenario; allowed: one made by sim.Compile",
		new(sim.Compiled): "sim: Run of a Compiled not made by sim.Compile (a zero value); allowed: one made by sim.Compile",
	} {
		if _, err := sim.Run(context.Background(), c, 1); err == nil || err.Error() != want {
			t.Errorf("Run: %v, want %q", err, want)
		}
	}
}

// ObserverFuncs skips the function it lacks: an observer of ticks alone
// and one of events alone watch a run that plays ticks and logs events,
// each called for what it observes and neither calling a nil function.
func TestObserverFuncsSkipsNilFunctions(t *testing.T) {
	c := compileBuiltin(t, "asia-1950")
	ticks, events := 0, 0
	res, err := sim.Run(context.Background(), c, 3,
		sim.ObserverFuncs{Tick: func(*sim.World) { ticks++ }},
		sim.ObserverFuncs{Event: func(*sim.World, *sim.Event) { events++ }})
	if err != nil {
		t.Fatal(err)
	}
	if ticks != c.Scenario().Ticks || events != len(res.Events) || events == 0 {
		t.Fatalf("observed %d ticks and %d events; run had %d ticks and %d events", ticks, events, c.Scenario().Ticks, len(res.Events))
	}
}
