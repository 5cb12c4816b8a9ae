package sim

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// Every bad scenario, built as a Go value, is rejected by Compile with the
// key path of the bad value and what is allowed.
func TestCompileRejectsBadScenarios(t *testing.T) {
	intent := ScriptedEvent{Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: 0.5, Fraction: 1}
	occupy := ScriptedEvent{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 0.5}
	event := func(e ScriptedEvent, f func(*ScriptedEvent)) func(*Scenario) {
		return func(sc *Scenario) {
			f(&e)
			sc.Events = append(sc.Events, e)
		}
	}
	cases := []struct {
		name, path string
		bad        func(*Scenario)
	}{
		{"name not UTF-8", "scenario.name", func(sc *Scenario) { sc.Name = "\xff" }},
		{"year", "scenario.start", func(sc *Scenario) { sc.Calendar.StartYear = 12000 }},
		{"month", "scenario.start", func(sc *Scenario) { sc.Calendar.StartMonth = 13 }},
		{"tick length", "scenario.tick", func(sc *Scenario) { sc.Calendar.MonthsPerTick = 2 }},
		{"no ticks", "scenario.ticks", func(sc *Scenario) { sc.Ticks = 0 }},
		{"too many ticks", "scenario.ticks", func(sc *Scenario) { sc.Ticks = MaxTicks + 1 }},
		{"negative param", "params.sea_cost", func(sc *Scenario) { sc.Params.SeaCost = -1 }},
		{"NaN param", "params.perception_lag", func(sc *Scenario) { sc.Params.PerceptionLag = math.NaN() }},
		{"integer param", "params.diplomacy_interval", func(sc *Scenario) { sc.Params.DiplomacyInterval = 0 }},
		{"no valuation", "decision.valuation", func(sc *Scenario) { sc.Decision.Valuation = "" }},
		{"unknown strategy", "decision.strategy", func(sc *Scenario) { sc.Decision.Strategy = "nope" }},
		{"gamma", "decision.gamma", func(sc *Scenario) { sc.Decision.Gamma = 0.1 }},
		{"patience not whole", "decision.patience", func(sc *Scenario) { sc.Decision.Patience = 1.5 }},
		{"no states", "states", func(sc *Scenario) { sc.States, sc.Events, sc.Map = nil, nil, "~~" }},
		{"too many states", "states", func(sc *Scenario) {
			for i := len(sc.States); i <= MaxStates; i++ {
				sc.States = append(sc.States, State{ID: "s" + string(rune('a'+i%26)) + strings.Repeat("x", i/26), Role: Client, Sovereign: true})
			}
		}},
		{"id pattern", "states[1].id", func(sc *Scenario) { sc.States[1].ID = "C1" }},
		{"duplicate id", "states[2].id", func(sc *Scenario) { sc.States[2].ID = "c1" }},
		{"role", "states[1].role", func(sc *Scenario) { sc.States[1].Role = 7 }},
		{"reserved glyph", "states[1].glyph", func(sc *Scenario) { sc.States[1].Glyph = '~' }},
		{"duplicate glyph", "states[2].glyph", func(sc *Scenario) { sc.States[2].Glyph = '1' }},
		{"glyph not a character", "states[0].glyph", func(sc *Scenario) { sc.States[0].Glyph = utf8.RuneError }},
		{"negative land", "states[0].land", func(sc *Scenario) { sc.States[0].Land = -1 }},
		{"huge naval", "states[0].naval", func(sc *Scenario) { sc.States[0].Naval = 2 * MaxForce }},
		{"infinite economy", "states[4].economy", func(sc *Scenario) { sc.States[4].Economy = math.Inf(1) }},
		{"revisionism", "states[4].revisionism", func(sc *Scenario) { sc.States[4].Revisionism = 1.5 }},
		{"ideology", "states[3].ideology", func(sc *Scenario) { sc.States[3].Ideology = -2 }},
		{"reference", "states[0].reference", func(sc *Scenario) { sc.States[0].HasReference, sc.States[0].Reference = true, 1.2 }},
		{"stakes of a client", "states[1].stakes", func(sc *Scenario) { sc.States[1].Stakes = map[string]float64{"c2": 1} }},
		{"stake in nobody", "states[0].stakes.nobody", func(sc *Scenario) { sc.States[0].Stakes = map[string]float64{"nobody": 1} }},
		{"stake in itself", "states[0].stakes.pat", func(sc *Scenario) { sc.States[0].Stakes = map[string]float64{"pat": 1} }},
		{"negative stake", "states[0].stakes.c1", func(sc *Scenario) { sc.States[0].Stakes = map[string]float64{"c1": -1} }},
		{"grievance", "states[1].grievance.adv", func(sc *Scenario) { sc.States[1].Grievance = map[string]float64{"adv": 1.5} }},
		{"grievance key", `states[1].grievance."x y"`, func(sc *Scenario) { sc.States[1].Grievance = map[string]float64{"x y": 0.5} }},
		{"unknown override", "states[1].decision.nope", func(sc *Scenario) { sc.States[1].Decision = agents.DecisionOverrides{"nope": 1.0} }},
		{"override range", "states[0].decision.impose_threshold", func(sc *Scenario) {
			sc.States[0].Decision = agents.DecisionOverrides{"impose_threshold": 2.0}
		}},
		{"override type", "states[0].decision.strategy", func(sc *Scenario) { sc.States[0].Decision = agents.DecisionOverrides{"strategy": 3} }},
		{"no theatre", "theater", func(sc *Scenario) { sc.Map = "" }},
		{"two theatres", "theater", func(sc *Scenario) { sc.Generate = &theater.GenerateSpec{Width: 20, Height: 20, Islands: 1} }},
		{"ragged map", "theater.map", func(sc *Scenario) { sc.Map += "\nAA" }},
		{"unknown glyph", "theater.map", func(sc *Scenario) { sc.Map = strings.Replace(sc.Map, "PP", "PZ", 1) }},
		{"glyph not drawn", "states[3].glyph", func(sc *Scenario) { sc.Map = strings.ReplaceAll(sc.Map, "3", ".") }},
		{"no glyph on a generated theatre", "states[2].glyph", func(sc *Scenario) {
			sc.Map, sc.Generate, sc.States[2].Glyph = "", &theater.GenerateSpec{Width: 30, Height: 30, Islands: 1}, 0
		}},
		{"rough on sea", "theater.rough", func(sc *Scenario) {
			sc.Rough = strings.Repeat("^", 15) + "\n" + strings.Repeat(".", 15) + "\n" + strings.Repeat(".", 15)
		}},
		{"rough without map", "theater.rough", func(sc *Scenario) {
			sc.Map, sc.Rough, sc.Generate = "", "^", &theater.GenerateSpec{Width: 20, Height: 20, Islands: 1}
		}},
		{"narrow generator", "theater.generate.width", func(sc *Scenario) {
			sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 1, Height: 20, Islands: 1}
		}},
		{"tall generator", "theater.generate.height", func(sc *Scenario) {
			sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 20, Height: MaxGridSide + 1, Islands: 1}
		}},
		{"no islands", "theater.generate.islands", func(sc *Scenario) {
			sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 20, Height: 20}
		}},
		{"all sea", "theater.generate.sea_fraction", func(sc *Scenario) {
			sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 20, Height: 20, Islands: 1, SeaFraction: 1}
		}},
		{"seed beyond TOML", "theater.generate.seed", func(sc *Scenario) {
			sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 20, Height: 20, Islands: 1, Seed: 1 << 63}
		}},
		{"too little land", "theater.generate", func(sc *Scenario) {
			sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 2, Height: 2, Islands: 1, SeaFraction: 0.5}
		}},
		{"event before the start", "events[0].tick", event(intent, func(e *ScriptedEvent) { e.Tick = -1 })},
		{"event after the horizon", "events[0].tick", event(intent, func(e *ScriptedEvent) { e.Tick = 120 })},
		{"event kind", "events[0].kind", event(intent, func(e *ScriptedEvent) { e.Kind = 9 })},
		{"event without actor", "events[0].actor", event(intent, func(e *ScriptedEvent) { e.Actor = "" })},
		{"unknown actor", "events[0].actor", event(intent, func(e *ScriptedEvent) { e.Actor = "nobody" })},
		{"unknown target", "events[0].target", event(intent, func(e *ScriptedEvent) { e.Target = "nobody" })},
		{"shock", "events[0].delta", event(intent, func(e *ScriptedEvent) { e.Delta = MaxShock + 1 })},
		{"occupy without target", "events[0].target", event(occupy, func(e *ScriptedEvent) { e.Target = "" })},
		{"occupy itself", "events[0].target", event(occupy, func(e *ScriptedEvent) { e.Target = "adv" })},
		{"occupy nothing", "events[0].fraction", event(occupy, func(e *ScriptedEvent) { e.Fraction = 0 })},
		{"withdraw too much", "events[0].fraction", event(occupy, func(e *ScriptedEvent) { e.Kind, e.Fraction = ScriptWithdraw, 1.5 })},
		{"capability sets nothing", "events[0]", event(intent, func(e *ScriptedEvent) { e.Kind = ScriptCapability })},
		{"capability land", "events[0].land", event(intent, func(e *ScriptedEvent) { e.Kind, e.SetLand, e.Land = ScriptCapability, true, -1 })},
		{"sovereignty of an adversary", "events[0].actor", event(intent, func(e *ScriptedEvent) { e.Kind = ScriptSovereignty })},
		{"sovereignty target", "events[0].target", event(intent, func(e *ScriptedEvent) { e.Kind, e.Target = ScriptSovereignty, "c1" })},
		{"event id", "events[0].id", event(intent, func(e *ScriptedEvent) { e.ID = "Bad" })},
		{"duplicate event id", "events[1].id", func(sc *Scenario) {
			a, b := intent, occupy
			a.ID, b.ID = "shock", "shock"
			sc.Events = append(sc.Events, a, b)
		}},
		{"note not UTF-8", "events[0].note", event(intent, func(e *ScriptedEvent) { e.Note = "\xfe" })},
		{"newline in a note", "events[0].note", event(intent, func(e *ScriptedEvent) { e.Note = "line\n1950-03  pat proposes" })},
		{"escape in a name", "states[1].name", func(sc *Scenario) { sc.States[1].Name = "\x1b[31mred" }},
		{"newline in a name", "scenario.name", func(sc *Scenario) { sc.Name = "a\nb" }},
		{"no name", "scenario.name", func(sc *Scenario) { sc.Name = "" }},
		{"blank name", "scenario.name", func(sc *Scenario) { sc.Name = " \u00a0" }},
		{"escape in the description", "scenario.description", func(sc *Scenario) { sc.Description = "\x1b[2J" }},
		{"run past 9999-12", "scenario.ticks", func(sc *Scenario) { sc.Calendar.StartYear, sc.Calendar.StartMonth, sc.Ticks = 9999, 6, 24 }},
		{"intent read by its actor", "events[0].target", event(intent, func(e *ScriptedEvent) { e.Target = "adv" })},
	}
	if err := testScenario().Validate(); err != nil {
		t.Fatalf("the test scenario is invalid: %v", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc := testScenario()
			c.bad(sc)
			_, err := Compile(sc)
			var list ValidationErrors
			if !errors.As(err, &list) {
				t.Fatalf("Compile: want ValidationErrors, got %v", err)
			}
			for _, fe := range list {
				if fe.Path == c.path && (strings.Contains(fe.Msg, "allowed") || strings.HasPrefix(fe.Path, "theater.")) {
					return
				}
			}
			t.Errorf("no error at %s saying what is allowed; got\n%v", c.path, err)
		})
	}
}

// Validate reports every problem at once, each at its own key.
func TestValidateReportsAll(t *testing.T) {
	sc := testScenario()
	sc.Params.SeaCost = -1
	sc.States[1].Land = -1
	sc.States[3].Grievance = map[string]float64{"adv": 2}
	sc.Events = []ScriptedEvent{{Tick: 500, Kind: ScriptIntent, Actor: "adv", Delta: 0.1}}
	err := sc.Validate()
	var list ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("want ValidationErrors, got %v", err)
	}
	want := []string{"params.sea_cost", "states[1].land", "states[3].grievance.adv", "events[0].tick"}
	if len(list) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if list[i].Path != w {
			t.Errorf("error %d at %s, want %s", i, list[i].Path, w)
		}
	}
	var fe FieldError
	if !errors.As(err, &fe) || fe.Path != "params.sea_cost" {
		t.Errorf("errors.As finds the first FieldError: %+v", fe)
	}
}

// An unknown glyph on many cells is one error, at its first cell, with the
// count of the others (theater.MapErrors.Grouped).
func TestValidateGroupsMapErrors(t *testing.T) {
	sc := testScenario()
	n := strings.Count(sc.Map, "P")
	sc.Map = strings.ReplaceAll(sc.Map, "P", "Z")
	var list ValidationErrors
	if err := sc.Validate(); !errors.As(err, &list) {
		t.Fatalf("want ValidationErrors, got %v", err)
	}
	var got []FieldError
	for _, fe := range list {
		if fe.Path == "theater.map" {
			got = append(got, fe)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0].Msg, fmt.Sprintf("(and %d more cells)", n-1)) {
		t.Errorf("%d glyphs Z: want one error at theater.map with the count of the other %d cells; got %v", n, n-1, got)
	}
}

// The edges of the new checks: a description may run over lines, a run may
// end in 9999-12 but not a month later (the message gives the dates and
// the most ticks), and an intent shock read by one other state is fine.
func TestTextHorizonAndIntentEdges(t *testing.T) {
	sc := testScenario()
	sc.Description = "one line\r\n\tand another" // CRLF, as a Windows file keeps it
	sc.Calendar.StartYear, sc.Calendar.StartMonth, sc.Ticks = 9999, 6, 7
	sc.Events = []ScriptedEvent{{Tick: 1, Kind: ScriptIntent, Actor: "adv", Target: "c1", Delta: 0.5}}
	if err := sc.Validate(); err != nil {
		t.Fatalf("valid: %v", err)
	}
	sc.Ticks = 8
	want := "scenario.ticks: 8 ticks from 9999-06 end in 10000-01; allowed: a run that ends by 9999-12 (at most 7 ticks from this start)"
	if err := sc.Validate(); err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	sc.Ticks, sc.Calendar.MonthsPerTick = 2, 12
	sc.Events = nil
	want = "scenario.ticks: 2 ticks from 9999-06 end in 10001-05; allowed: a run that ends by 9999-12 (a start by 9999-01 for ticks of 12 months)"
	if err := sc.Validate(); err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// Too little land is said once, at theater.generate, with the generator's
// own words for what is allowed (the path had "theater: generate:" and a
// second "allowed:" after them).
func TestTooLittleLandMessage(t *testing.T) {
	sc := testScenario()
	sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 2, Height: 2, Islands: 1, SeaFraction: 0.5}
	err := sc.Validate()
	if err == nil || strings.Count(err.Error(), "allowed:") != 1 || strings.Contains(err.Error(), "theater: generate:") ||
		!strings.HasPrefix(err.Error(), "theater.generate: 2 land cells for 5 states; allowed: ") {
		t.Fatalf("got %v", err)
	}
}

// Each limit of a scenario built in code, at its edge: the largest (or
// smallest) value allowed is accepted, and one past it is refused with
// the key path, the value and what is allowed. The limits are written out
// (64, 10000, 1000000, …), not taken from the constants, so that a change
// to a constant shows here.
func TestValidateLimitsAtTheirEdges(t *testing.T) {
	states := func(n int) func(*Scenario) {
		return func(sc *Scenario) {
			for i := len(sc.States); i < n; i++ {
				sc.States = append(sc.States, State{ID: fmt.Sprintf("x%d", i), Role: Client, Sovereign: true})
			}
		}
	}
	events := func(n int) func(*Scenario) {
		return func(sc *Scenario) {
			for range n {
				sc.Events = append(sc.Events, ScriptedEvent{Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: 0.1})
			}
		}
	}
	generate := func(g theater.GenerateSpec) func(*Scenario) {
		return func(sc *Scenario) { sc.Map, sc.Generate = "", &g }
	}
	generated := func(f func(*Scenario)) func(*Scenario) {
		return func(sc *Scenario) {
			f(sc)
			generate(theater.GenerateSpec{Width: 40, Height: 40, Islands: 1})(sc)
			for i := range sc.States { // the generator gives land only to states with a glyph
				if sc.States[i].Glyph == 0 {
					sc.States[i].Glyph = rune(0x400 + i)
				}
			}
		}
	}
	event := func(e ScriptedEvent) func(*Scenario) {
		return func(sc *Scenario) { sc.Events = append(sc.Events, e) }
	}
	capability := ScriptedEvent{Tick: 1, Kind: ScriptCapability, Actor: "c1"}
	for _, c := range []struct {
		name      string
		ok, bad   func(*Scenario)
		want      string
		compileOK bool // compile the accepted scenario, not only validate it
	}{
		{"64 states", states(64), states(65), "states: 65 states; allowed: at most 64", true},
		{"64 states on a generated theatre", generated(states(64)), generated(states(65)), "states: 65 states; allowed: at most 64", true},
		{"10000 events", events(10_000), events(10_001), "events: 10001 events; allowed: at most 10000", true},
		{"land 1000000", func(sc *Scenario) { sc.States[0].Land = 1e6 }, func(sc *Scenario) { sc.States[0].Land = math.Nextafter(1e6, 2e6) },
			"states[0].land: 1.0000000000000001e+06 is out of range; allowed: a number in [0, 1000000]", false},
		{"shock ±10", event(ScriptedEvent{Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: -10}),
			event(ScriptedEvent{Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: 10.5}),
			"events[0].delta: 10.5 is out of range; allowed: a number in [-10, 10]", false},
		{"10000 samples", func(sc *Scenario) { sc.Ticks, sc.Params.RecordEvery = 10_000, 1 },
			func(sc *Scenario) { sc.Ticks, sc.Params.RecordEvery = 10_001, 1 },
			"params.record_every: 10001 ticks sampled every 1 make 10001 time-series samples; allowed: at most 10000 (record_every ≥ 2)", false},
		{"start in year 0", func(sc *Scenario) { sc.Calendar.StartYear = 0 }, func(sc *Scenario) { sc.Calendar.StartYear = -1 },
			"scenario.start: year -1, month 1 is not a month; allowed: a month of the years 0000 to 9999", false},
		{"start in December", func(sc *Scenario) { sc.Calendar.StartMonth = 12 }, func(sc *Scenario) { sc.Calendar.StartMonth = 0 },
			"scenario.start: year 1950, month 0 is not a month; allowed: a month of the years 0000 to 9999", false},
		{"1000 cells wide", generate(theater.GenerateSpec{Width: 1000, Height: 2, Islands: 1}), generate(theater.GenerateSpec{Width: 1001, Height: 2, Islands: 1}),
			"theater.generate.width: 1001 is out of range; allowed: a whole number in [2, 1000]", false},
		{"1000 islands", generate(theater.GenerateSpec{Width: 100, Height: 100, Islands: 1000}), generate(theater.GenerateSpec{Width: 100, Height: 100, Islands: 1001}),
			"theater.generate.islands: 1001 is out of range; allowed: a whole number in [1, 1000]", false},
		{"generator seed 2⁶³ − 1", generate(theater.GenerateSpec{Width: 20, Height: 20, Islands: 1, Seed: math.MaxInt64}),
			generate(theater.GenerateSpec{Width: 20, Height: 20, Islands: 1, Seed: math.MaxInt64 + 1}),
			"theater.generate.seed: 9223372036854775808 is out of range; allowed: a whole number in [0, 9223372036854775807]", false},
		{"last role", func(sc *Scenario) { sc.States[1].Role = Adversary }, func(sc *Scenario) { sc.States[1].Role = Role(len(roleNames)) },
			"states[1].role: Role(3) is not a role; allowed: patron, client, adversary", false},
		{"last event kind", event(ScriptedEvent{Tick: 1, Kind: ScriptIdeology, Actor: "adv", Ideology: 0.5}),
			event(ScriptedEvent{Tick: 1, Kind: ScriptKind(len(scriptKindNames)), Actor: "adv"}),
			"events[0].kind: ScriptKind(6) is not an event kind; allowed: intent, occupy, withdraw, capability, sovereignty, ideology", false},
		{"capability of land alone", event(ScriptedEvent{Tick: 1, Kind: ScriptCapability, Actor: "c1", SetLand: true, Land: 2}), event(capability),
			"events[0]: capability event sets nothing; allowed: any of land, naval, economy (each a number in [0, 1000000])", false},
		{"capability of naval alone", event(ScriptedEvent{Tick: 1, Kind: ScriptCapability, Actor: "c1", SetNaval: true, Naval: 2}), event(capability),
			"events[0]: capability event sets nothing; allowed: any of land, naval, economy (each a number in [0, 1000000])", false},
		{"capability of economy alone", event(ScriptedEvent{Tick: 1, Kind: ScriptCapability, Actor: "c1", SetEconomy: true, Economy: 2}), event(capability),
			"events[0]: capability event sets nothing; allowed: any of land, naval, economy (each a number in [0, 1000000])", false},
		// An intent event without an actor or a target is one error, at the
		// actor: no target is not the actor's own.
		{"intent without a target", event(ScriptedEvent{Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: 0.5}),
			event(ScriptedEvent{Tick: 1, Kind: ScriptIntent, Delta: 0.5}), "events[0].actor: missing; allowed: a state id", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := testScenario()
			c.ok(sc)
			if err := sc.Validate(); err != nil {
				t.Errorf("the edge is refused: %v", err)
			} else if c.compileOK {
				if _, err := Compile(sc); err != nil {
					t.Errorf("the edge does not compile: %v", err)
				}
			}
			sc = testScenario()
			c.bad(sc)
			if err := sc.Validate(); err == nil || err.Error() != c.want {
				t.Errorf("one past the edge: got %v\nwant %s", err, c.want)
			}
		})
	}
}

// A patron's stake in a patron or an adversary is refused: the engine
// reads stakes in clients only, so it would be accepted and do nothing.
// A client's stakes are refused as such, not also for whom they name.
func TestStakeInANonClient(t *testing.T) {
	sc := testScenario()
	sc.States[0].Stakes = map[string]float64{"c1": 1, "adv": 2}
	err := sc.Validate()
	if want := `states[0].stakes.adv: "adv" is an adversary, and a patron's stakes are in clients; allowed: c1, c2, c3`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	sc = testScenario()
	sc.States[1].Stakes = map[string]float64{"adv": 1}
	if err := sc.Validate(); err == nil || err.Error() != `states[1].stakes: only patrons have stakes; "c1" has role client; allowed: no stakes` {
		t.Errorf("a client's stake: %v", err)
	}
}
