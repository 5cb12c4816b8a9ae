package sim_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// Property test over drawn worlds: any scenario the validation accepts
// runs to its horizon, keeps the invariants of checkTick and checkResult
// at every tick, keeps every force in sim.ForceRange() and gives a capability
// event's actor the forces it sets, gives the same bytes twice from the
// same seed, and the same bytes with every cache turned off. The built-in
// scenarios hold the model's defaults, which the history and the
// hypotheses exercise; here every parameter and decision key is drawn
// from its allowed range, its bounds included, with a small generated
// theatre, drawn capabilities, revisionism, ideology, stakes and
// grievances, scripted shocks of every kind (capability events that set
// any of land, naval and economy), ticks of a month, a quarter or a year,
// and the every-tick review rule in some worlds. A failure names the
// world's number; drawnScenario(i) rebuilds it.
func TestDrawnWorlds(t *testing.T) {
	worlds := 300
	if testing.Short() {
		worlds = 40
	}
	units := map[int]int{}     // worlds by months a tick
	forces := map[string]int{} // capability events by force set
	for i := range worlds {
		sc := drawnScenario(t, uint64(i))
		c, err := sim.Compile(sc)
		if err != nil {
			t.Fatalf("world %d: a drawn scenario that Validate accepts does not compile: %v", i, err)
		}
		seed := uint64(i) + 1
		label := fmt.Sprintf("world %d seed %d", i, seed)
		units[c.Calendar().MonthsPerTick]++

		capability := sim.ObserverFuncs{Event: func(w *sim.World, e *sim.Event) {
			checkCapability(t, w, e, label, forces)
		}}
		w := sim.NewWorld(c, seed, capability)
		for w.Step() {
			checkTick(t, c, w, label)
			for k := 0; k < c.N(); k++ {
				land, naval, economy := sim.Forces(w, k)
				if err := errors.Join(sim.ForceRange().Check(land), sim.ForceRange().Check(naval), sim.ForceRange().Check(economy)); err != nil {
					t.Fatalf("%s tick %d: %s's forces: %v", label, w.Tick(), c.ID(k), err)
				}
			}
		}
		if err := w.Err(); err != nil || w.Tick() != c.Ticks() {
			t.Fatalf("%s: the run stopped at tick %d of %d: %v", label, w.Tick(), c.Ticks(), err)
		}
		res := w.Result()
		checkResult(t, res, label)
		stepped, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		again := resultJSON(t, sim.NewWorld(c, seed))
		if !bytes.Equal(stepped, again) {
			t.Fatalf("%s: the same seed gave different runs:\n%s", label, firstDifference(stepped, again))
		}
		off := sim.NewWorld(c, seed)
		sim.NoCache(off)
		if fresh := resultJSON(t, off); !bytes.Equal(stepped, fresh) {
			t.Fatalf("%s: caches off changed the run:\n%s", label, firstDifference(stepped, fresh))
		}
	}
	// the drawn worlds must cover what they are drawn for
	for _, m := range []int{1, 3, 12} {
		if units[m] == 0 {
			t.Errorf("no drawn world has ticks of %d months (%v)", m, units)
		}
	}
	for _, f := range []string{"land", "naval", "economy"} {
		if forces[f] == 0 {
			t.Errorf("no capability event sets %s (%v)", f, forces)
		}
	}
}

// checkCapability checks that a capability event left its actor with
// the land, naval and economy it sets, and counts them in forces.
func checkCapability(t *testing.T, w *sim.World, e *sim.Event, label string, forces map[string]int) {
	t.Helper()
	rec := w.EventRecord(e)
	if rec.Script == nil || rec.Script.Kind != sim.ScriptCapability.String() {
		return
	}
	land, naval, economy := sim.Forces(w, e.Actor)
	for _, f := range []struct {
		name string
		set  *float64
		got  float64
	}{{"land", rec.Script.Land, land}, {"naval", rec.Script.Naval, naval}, {"economy", rec.Script.Economy, economy}} {
		if f.set == nil {
			continue
		}
		forces[f.name]++
		if f.got != *f.set {
			t.Fatalf("%s tick %d: a capability event set %s's %s to %v; it is %v", label, w.Tick(), rec.Actor, f.name, *f.set, f.got)
		}
	}
}

// drawnScenario is world i of TestDrawnWorlds: generic's six clients,
// patron and adversary on a small generated theatre, 24 to 120 months in
// ticks of 1, 3 or 12 months, a time series at every tick, and everything
// else drawn.
func drawnScenario(t *testing.T, i uint64) *sim.Scenario {
	t.Helper()
	rng := rand.New(rand.NewPCG(i, 0xd4a3))
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	// 24 to 120 months, in ticks of a month, a quarter or a year
	sc.Calendar.MonthsPerTick = []int{1, 3, 12}[rng.IntN(3)]
	sc.Ticks = (24 + rng.IntN(97)) / sc.Calendar.MonthsPerTick
	sc.Generate.Width = 8 + rng.IntN(25)
	sc.Generate.Height = 6 + rng.IntN(15)
	// at least three land cells a state, about: the generator refuses fewer than one
	sc.Generate.SeaFraction = min(0.9, 1-24/float64(sc.Generate.Width*sc.Generate.Height)) * rng.Float64()
	sc.Generate.Islands = 1 + rng.IntN(5)
	sc.Generate.Seed = rng.Uint64N(1000)

	for _, p := range sim.ParamSpecs() {
		if p.Name == "record_every" {
			continue
		}
		if err := p.Set(&sc.Params, drawValue(rng, p.Default, p.Min, p.Max, p.Kind != sim.ParamNumber)); err != nil {
			t.Fatalf("world %d: %s: %v", i, p.Name, err)
		}
	}
	sc.Params.RecordEvery = 1
	if rng.IntN(4) == 0 { // the every-tick model
		sc.Params.ReviewThreshold, sc.Params.ReviewInterval = 0, 1
	}
	for _, d := range agents.DecisionSpecs() {
		var v any
		switch d.Kind {
		case agents.DecisionName:
			names := builtinNames[d.Name]
			v = names[rng.IntN(len(names))]
		default:
			def, _ := agents.AsNumber(d.Get(&sc.Decision))
			v = drawValue(rng, def, d.Min, d.Max, d.Kind == agents.DecisionInteger)
		}
		if err := d.Set(&sc.Decision, v); err != nil {
			t.Fatalf("world %d: decision.%s = %v: %v", i, d.Name, v, err)
		}
	}

	for k := range sc.States {
		st := &sc.States[k]
		st.Land = drawValue(rng, st.Land, 0, 100, false)
		st.Naval = drawValue(rng, st.Naval, 0, 100, false)
		st.Economy = drawValue(rng, st.Economy, 0, 100, false)
		st.Revisionism = rng.Float64()
		st.Ideology = 2*rng.Float64() - 1
		for c := range st.Stakes {
			st.Stakes[c] = drawValue(rng, st.Stakes[c], 0, 10, false)
		}
		if rng.IntN(4) == 0 {
			st.Grievance = map[string]float64{sc.States[rng.IntN(len(sc.States))].ID: rng.Float64()}
			delete(st.Grievance, st.ID)
		}
		if rng.IntN(3) == 0 && st.Role != sim.Adversary { // a state that decides its own way
			st.Decision = agents.DecisionOverrides{"lambda": drawValue(rng, 2.25, 0, 10, false)}
			if st.Role == sim.Patron { // a strategy is a patron's
				strategies := builtinNames["strategy"]
				st.Decision["strategy"] = strategies[rng.IntN(len(strategies))]
			}
		}
	}
	sc.Events = drawnEvents(rng, sc)
	if err := sc.Validate(); err != nil {
		t.Fatalf("world %d: drew an invalid scenario: %v", i, err)
	}
	return sc
}

// drawnEvents draws up to five scripted shocks at drawn ticks: a shift
// of a state's intent (read by all or by one state), an occupation of a
// client by the adversary and, later, a withdrawal from it, new forces
// (any of land, naval and economy), a change of sovereignty or of
// ideology.
func drawnEvents(rng *rand.Rand, sc *sim.Scenario) []sim.ScriptedEvent {
	var events []sim.ScriptedEvent
	state := func() string { return sc.States[rng.IntN(len(sc.States))].ID }
	client := func() string { return fmt.Sprintf("c%d", 1+rng.IntN(6)) }
	for range rng.IntN(6) {
		e := sim.ScriptedEvent{Tick: rng.IntN(sc.Ticks), Kind: sim.ScriptKind(rng.IntN(5))}
		switch e.Kind {
		case sim.ScriptIntent:
			e.Actor, e.Delta = state(), 6*rng.Float64()-3
			if target := state(); target != e.Actor && rng.IntN(2) == 0 {
				e.Target = target
			}
		case sim.ScriptOccupy, sim.ScriptWithdraw:
			e.Kind, e.Actor, e.Target, e.Fraction = sim.ScriptOccupy, "adversary", client(), 0.1+0.9*rng.Float64()
			if rng.IntN(2) == 0 && e.Tick+1 < sc.Ticks {
				events = append(events, e)
				e.Kind, e.Tick, e.Fraction = sim.ScriptWithdraw, e.Tick+1+rng.IntN(sc.Ticks-e.Tick-1), 0.1+0.9*rng.Float64()
			}
		case sim.ScriptCapability: // any of land, naval and economy, at least one
			e.Actor = state()
			for !e.SetLand && !e.SetNaval && !e.SetEconomy {
				e.SetLand, e.SetNaval, e.SetEconomy = rng.IntN(2) == 0, rng.IntN(2) == 0, rng.IntN(2) == 0
			}
			e.Land, e.Naval, e.Economy = 30*rng.Float64(), 30*rng.Float64(), 30*rng.Float64()
		case sim.ScriptSovereignty:
			e.Actor, e.Sovereign = client(), rng.IntN(2) == 0
		}
		events = append(events, e)
	}
	for k := range 1 + rng.IntN(2) {
		if rng.IntN(3) == 0 {
			events = append(events, sim.ScriptedEvent{Tick: rng.IntN(sc.Ticks), Kind: sim.ScriptIdeology, Actor: state(), Ideology: 2*rng.Float64() - 1, Note: fmt.Sprint(k)})
		}
	}
	slices.SortStableFunc(events, func(a, b sim.ScriptedEvent) int { return a.Tick - b.Tick })
	return events
}

// builtinNames are the names each named decision key allows before any
// test registers a valuation or strategy of its own (run_test.go,
// finite_test.go do): a drawn world must not depend on which tests ran
// before it.
var builtinNames = func() map[string][]string {
	m := map[string][]string{}
	for _, d := range agents.DecisionSpecs() {
		if d.Kind == agents.DecisionName {
			m[d.Name] = d.Names()
		}
	}
	return m
}()

// drawValue draws a value in [lo, hi]: the lower bound or the upper
// bound one time in twenty each, otherwise the default scaled by a
// factor between 1/4 and 4 (a draw between lo and min(hi, 1) for a
// default of zero), rounded for whole numbers.
func drawValue(rng *rand.Rand, def, lo, hi float64, whole bool) float64 {
	var v float64
	switch u := rng.Float64(); {
	case u < 0.05:
		v = lo
	case u < 0.10:
		v = hi
	case def == 0:
		v = lo + rng.Float64()*(min(hi, 1)-lo)
	default:
		v = def * math.Exp2(4*rng.Float64()-2)
	}
	v = min(hi, max(lo, v))
	if whole {
		v = math.Round(v)
	}
	return v
}
