package sim_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// An Observer explains from tick 0 on, once the states have read their
// threats: in OnTick it gets the very appraisal a caller gets between
// Steps, and in the events of tick 0's diplomacy an appraisal of the
// world part-way through it. Only the events of tick 0's scripted
// events, which come before the first perception, are refused, with
// ErrNotPerceived, as before the first Step.
func TestExplainFromAnObserverInTickZero(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sc.Events = append(sc.Events, sim.ScriptedEvent{Tick: 0, Kind: sim.ScriptIntent, Actor: "adversary", Delta: 0.1})
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	patron := c.Index("patron")
	partners, err := c.SetOf("c1", "c2")
	if err != nil {
		t.Fatal(err)
	}
	explain := func(w *sim.World) (sim.Explanation, error) {
		return w.Explain(patron, partners, false, w.OriginFor(patron, partners))
	}
	type appraisal struct {
		e   sim.Explanation
		err error
	}
	var inTick *appraisal
	var scripted, others []error
	obs := sim.ObserverFuncs{
		Tick: func(w *sim.World) {
			if w.Tick() == 0 {
				e, err := explain(w)
				inTick = &appraisal{e, err}
			}
		},
		Event: func(w *sim.World, ev *sim.Event) {
			if w.Tick() != 0 {
				return
			}
			_, err := explain(w)
			if ev.Type == sim.EventScripted {
				scripted = append(scripted, err)
			} else {
				others = append(others, err)
			}
		},
	}
	w := sim.NewWorld(c, 1, obs)
	if _, err := explain(w); !errors.Is(err, sim.ErrNotPerceived) {
		t.Errorf("before the first Step: %v, want ErrNotPerceived", err)
	}
	w.Step()
	e, err := explain(w)
	if err != nil {
		t.Fatalf("between Steps after tick 0: %v", err)
	}
	if inTick == nil || inTick.err != nil || !reflect.DeepEqual(inTick.e, e) {
		t.Errorf("OnTick in tick 0 explains %+v; between Steps after it, %+v", inTick, e)
	}
	if len(scripted) != 1 || !errors.Is(scripted[0], sim.ErrNotPerceived) {
		t.Errorf("the scripted event of tick 0: %v, want ErrNotPerceived", scripted)
	}
	if len(others) == 0 {
		t.Fatal("set-up: no event in tick 0 but the scripted one")
	}
	for _, err := range others {
		if errors.Is(err, sim.ErrNotPerceived) {
			t.Errorf("an event of tick 0's diplomacy: %v", err)
		}
	}
}
