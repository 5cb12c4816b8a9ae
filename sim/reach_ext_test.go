package sim_test

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// reachWorld is the generic scenario, 360 months long, with what it lacks
// for every mechanism to act: sea between the states (so that crossing it
// costs), two revisionist clients (so that provocations, restraint and
// entrapment happen), the first of them holding a grievance against the
// patron (so that grievance is feared), a client without sovereignty
// until 1966-09 (so that a patron may invite it), and a patron patient for
// ten years (so that it imposes on its losses within them, and
// impose_threshold acts: with the default two years, its wait, which runs
// from the first tick it wants a multilateral, ends before it would).
func reachWorld(t *testing.T) *sim.Scenario {
	t.Helper()
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sc.Ticks = reachTicks
	sc.Generate.SeaFraction = 0.3
	sc.Decision.Patience = 120
	clients := 0
	for i := range sc.States {
		s := &sc.States[i]
		if s.Role != sim.Client {
			continue
		}
		clients++
		switch clients {
		case 1:
			s.Revisionism = 0.6
			s.Grievance = map[string]float64{"patron": 0.3}
		case 2:
			s.Revisionism = 0.6
		case 3:
			s.Sovereign = false
			sc.Events = append(sc.Events, sim.ScriptedEvent{Tick: 200, Kind: sim.ScriptSovereignty, Actor: s.ID, Sovereign: true})
		}
	}
	return sc
}

const reachTicks = 360

// fingerprint is everything a run shows of the engine over reachTicks
// ticks. After each tick: every state's threat, reference, domain and
// perceived threats; the engine's appraisal (World.Explain) of a strong
// bilateral with the patron by each client, and of a bilateral, a
// trilateral and a weak multilateral with its first clients by the
// patron; and every member's appraisal of staying in each alliance in
// force (World.ExplainStay). Then the record (alliances, memberships,
// proposals and answers) and the number of time-series samples.
func fingerprint(t *testing.T, sc *sim.Scenario) string {
	t.Helper()
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	w := sim.NewWorld(c, 1)
	n := len(sc.States)
	patron, clients := -1, agents.Set(0)
	for i, s := range sc.States {
		switch s.Role {
		case sim.Patron:
			patron = i
		case sim.Client:
			clients = clients.With(i)
		}
	}
	first := func(k int) agents.Set {
		var s agents.Set
		clients.Each(func(i int) {
			if s.Len() < k {
				s = s.With(i)
			}
		})
		return s
	}
	var b strings.Builder
	appraise := func(i int, partners agents.Set, strong bool, origin sim.Origin) {
		e, err := w.Explain(i, partners, strong, origin)
		fmt.Fprintf(&b, "%v %v\n", e, err)
	}
	for w.Tick() < reachTicks && w.Step() {
		for i := range n {
			fmt.Fprintf(&b, "%x %x %t", math.Float64bits(w.Threat(i)), math.Float64bits(w.Reference(i)), w.InLosses(i))
			for j := range n {
				fmt.Fprintf(&b, " %x", math.Float64bits(w.Perceived(i, j)))
			}
			b.WriteByte('\n')
		}
		clients.Each(func(i int) { appraise(i, agents.Set(0).With(patron), true, sim.OriginBilateral) })
		appraise(patron, first(1), true, sim.OriginBilateral)
		appraise(patron, first(2), true, sim.OriginImposed)
		appraise(patron, first(3), false, sim.OriginImposed)
		for _, al := range w.Alliances() {
			if al.Active() {
				al.Members.Each(func(m int) {
					st, err := w.ExplainStay(al.ID, m)
					fmt.Fprintf(&b, "%v %v\n", st, err)
				})
			}
		}
	}
	if err := w.Err(); err != nil {
		t.Fatal(err)
	}
	rec, err := json.Marshal(w.Record())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "%s\n%d samples", rec, len(w.Series()))
	return b.String()
}

// others are allowed values other than the default: half of it, twice it
// and ten times it, each within the range (a whole number rounded; 1, or
// 0.1 if the range allows, from a default of 0).
func others(def, lo, hi float64, whole bool) []float64 {
	if def == 0 {
		if whole {
			return []float64{1}
		}
		return []float64{min(hi, 0.1)}
	}
	var out []float64
	for _, v := range []float64{def / 2, def * 2, def * 10} {
		if whole {
			v = math.Round(v)
		}
		if v = max(lo, min(hi, v)); v != def && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// Every parameter and every decision key reaches the engine: set alone to
// half or twice its default (a switch flipped, a name changed), it changes
// what a run of the same seed shows (fingerprint). A parameter the
// compiled scenario dropped, or a stage that read a constant or another
// state's setting in its place, would leave the run as it was.
func TestEveryParameterReachesTheEngine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generic scenario about 150 times")
	}
	// control_threshold acts only for a powerplay patron.
	world := func(key string) *sim.Scenario {
		sc := reachWorld(t)
		if strings.HasSuffix(key, "control_threshold") {
			sc.Decision.Strategy = "powerplay"
		}
		return sc
	}
	bases := map[string]string{} // the run of each world as it stands, by strategy
	changes := func(key string, vs []any, set func(*sim.Scenario, any) error) {
		t.Helper()
		sc := world(key)
		base, ok := bases[sc.Decision.Strategy]
		if !ok {
			base = fingerprint(t, sc)
			bases[sc.Decision.Strategy] = base
		}
		for _, v := range vs {
			sc := world(key)
			if err := set(sc, v); err != nil {
				t.Fatalf("%s = %v: %v", key, v, err)
			}
			if fingerprint(t, sc) != base {
				return
			}
		}
		t.Errorf("%s changes nothing in the run at %v", key, vs)
	}
	for _, s := range sim.ParamSpecs() {
		if s.Name == "invite_occupied" {
			// In this world no patron's multilateral would take in the
			// occupied client; TestOccupiedClientOnlyWithInviteOccupied
			// sets the switch in a scenario and finds it in the options.
			continue
		}
		var vs []any
		if s.Kind == sim.ParamBool {
			vs = append(vs, 1-s.Default)
		} else {
			for _, v := range others(s.Default, s.Min, s.Max, s.Kind == sim.ParamInteger) {
				vs = append(vs, v)
			}
		}
		changes("params."+s.Name, vs, func(sc *sim.Scenario, v any) error { return s.Set(&sc.Params, v.(float64)) })
	}
	for _, s := range agents.DecisionSpecs() {
		var vs []any
		switch def := s.Get(&reachWorld(t).Decision).(type) {
		case string:
			for _, name := range s.Names() {
				if name != def {
					vs = append(vs, name)
				}
			}
		case float64:
			for _, v := range others(def, s.Min, s.Max, s.Kind == agents.DecisionInteger) {
				vs = append(vs, v)
			}
		}
		changes("decision."+s.Name, vs, func(sc *sim.Scenario, v any) error { return s.Set(&sc.Decision, v) })
		// The states' own settings, given to those whose decisions the
		// key concerns: the patron for its strategy's keys, else every
		// client (a stage reading the scenario's setting, or another
		// state's, in place of a state's own would miss them).
		changes("states.ID.decision."+s.Name, vs, func(sc *sim.Scenario, v any) error {
			role := sim.Client
			if s.Patron {
				role = sim.Patron
			}
			for i := range sc.States {
				if st := &sc.States[i]; st.Role == role {
					st.Decision = agents.DecisionOverrides{s.Name: v}
				}
			}
			return nil
		})
	}
}
