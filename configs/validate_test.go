package configs

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// One validation: whatever Parse accepts, sim's Validate accepts and
// Compile compiles — the built-ins, the example files and random
// scenarios of every shape.
func TestParsedScenariosValidate(t *testing.T) {
	var all []*sim.Scenario
	for _, name := range BuiltinNames() {
		sc, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, sc)
	}
	for _, f := range []string{"../examples/scenarios/asia-no-korean-war.toml", "../examples/scenarios/generic-series.toml", "../examples/custom-strategy/offshore.toml"} {
		sc, err := LoadFile(f)
		if err != nil {
			if strings.Contains(err.Error(), "offshore") { // its strategy is registered by the example's own main
				continue
			}
			t.Fatal(err)
		}
		all = append(all, sc)
	}
	for seed := range uint64(200) {
		sc := randomScenario(rand.New(rand.NewPCG(seed, 1)))
		out, err := Format(sc)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("random.toml", out)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		all = append(all, back)
	}
	for _, sc := range all {
		if err := sc.Validate(); err != nil {
			t.Errorf("%s: Parse accepts it, Validate does not:\n%v", sc.Source, err)
			continue
		}
		if _, err := sim.Compile(sc); err != nil {
			t.Errorf("%s: Parse accepts it, Compile does not: %v", sc.Source, err)
		}
	}
}

// One validation, the other way: a valid scenario with a few fields
// changed, valid or not, is rejected by Validate exactly when its file —
// Format's canonical form, read back by Parse — is rejected by configs.
// Where Format cannot write the change at all (a NaN, text that is not
// UTF-8, an unknown role), no file can say it, and Validate must reject it.
func TestValidateAgreesWithParse(t *testing.T) {
	cases := 1500
	if testing.Short() {
		cases = 300
	}
	rejected, unwritable := 0, 0
	for seed := range uint64(cases) {
		r := rand.New(rand.NewPCG(seed, 2))
		sc := randomScenario(r)
		var did []string
		for range 1 + r.IntN(3) {
			m := mutations[r.IntN(len(mutations))]
			did = append(did, m.name)
			m.do(sc, r)
		}
		verr := sc.Validate()
		out, ferr := Format(sc)
		if ferr != nil {
			unwritable++
			if verr == nil {
				t.Errorf("seed %d (%v): Format cannot write it (%v), yet Validate accepts it", seed, did, ferr)
			}
			continue
		}
		_, perr := Parse("mutated.toml", out)
		if (verr == nil) != (perr == nil) {
			t.Errorf("seed %d (%v): Validate says %v\nconfigs says %v\n%s", seed, did, verr, perr, out)
		}
		if verr != nil {
			rejected++
		}
	}
	t.Logf("%d of %d rejected, %d unwritable", rejected, cases, unwritable)
	// The mutations must exercise both answers.
	if rejected < cases/4 || rejected > cases*9/10 || unwritable == 0 {
		t.Errorf("%d of %d mutated scenarios rejected, %d unwritable: the mutations should give both answers often", rejected, cases, unwritable)
	}
}

// mutations change one field of a scenario to a value that is valid or
// not, as a user of the Go API could.
var mutations = []struct {
	name string
	do   func(*sim.Scenario, *rand.Rand)
}{
	{"ticks", func(sc *sim.Scenario, r *rand.Rand) {
		sc.Ticks = oneOf(r, 0, 1, 24, sc.Ticks, sim.MaxTicks, sim.MaxTicks+1)
	}},
	{"start", func(sc *sim.Scenario, r *rand.Rand) {
		sc.Calendar.StartYear, sc.Calendar.StartMonth = oneOf(r, -1, 0, 1950, 9999, 10000), oneOf(r, 0, 1, 6, 12, 13)
	}},
	{"tick length", func(sc *sim.Scenario, r *rand.Rand) { sc.Calendar.MonthsPerTick = oneOf(r, 0, 1, 2, 3, 12) }},
	{"name", func(sc *sim.Scenario, r *rand.Rand) { sc.Name = oneOf(r, "ok", "", "\xff", "ünï") }},
	{"param", func(sc *sim.Scenario, r *rand.Rand) {
		s := sim.ParamSpecs()[r.IntN(len(sim.ParamSpecs()))]
		v := oneOf(r, s.Min, s.Max, s.Min-1, s.Max+1, (s.Min+s.Max)/2, s.Min+0.5, math.NaN())
		setParam(sc, s, v)
	}},
	{"decision", func(sc *sim.Scenario, r *rand.Rand) {
		s := agents.DecisionSpecs()[r.IntN(len(agents.DecisionSpecs()))]
		switch s.Kind {
		case agents.DecisionName:
			setDecision(&sc.Decision, s, oneOf(r, "prospect", "powerplay", "adaptive", "expected_utility", "nope", ""))
		default:
			setDecision(&sc.Decision, s, oneOf(r, s.Min, s.Min-1, s.Min+0.5, min(s.Max, s.Min+10), s.Max+1))
		}
	}},
	{"override", func(sc *sim.Scenario, r *rand.Rand) {
		st := &sc.States[r.IntN(len(sc.States))]
		if st.Decision == nil {
			st.Decision = agents.DecisionOverrides{}
		}
		key := oneOf(r, "patience", "strategy", "gamma", "temperature", "nope")
		st.Decision[key] = oneOf[any](r, 6.0, 1.5, "powerplay", "nope", 0.1, 0.5, -1.0, 12, true)
	}},
	{"id", func(sc *sim.Scenario, r *rand.Rand) {
		i := r.IntN(len(sc.States))
		old := sc.States[i].ID
		id := oneOf(r, "fresh_id", "Bad", "1x", "", sc.States[r.IntN(len(sc.States))].ID)
		sc.States[i].ID = id
		renameRefs(sc, old, id)
	}},
	{"role", func(sc *sim.Scenario, r *rand.Rand) {
		sc.States[r.IntN(len(sc.States))].Role = sim.Role(oneOf(r, -1, 0, 1, 2, 3))
	}},
	{"glyph", func(sc *sim.Scenario, r *rand.Rand) {
		i := r.IntN(len(sc.States))
		old := sc.States[i].Glyph
		g := oneOf(r, 'Q', '~', '.', ' ', utf8.RuneError, sc.States[r.IntN(len(sc.States))].Glyph)
		sc.States[i].Glyph = g
		if old != 0 && g != 0 && sc.Map != "" {
			sc.Map = strings.ReplaceAll(sc.Map, string(old), string(g))
		}
	}},
	{"force", func(sc *sim.Scenario, r *rand.Rand) {
		st := &sc.States[r.IntN(len(sc.States))]
		v := oneOf(r, -1, 0, 3.5, sim.MaxForce, sim.MaxForce+1, math.NaN(), math.Inf(1))
		*oneOf(r, &st.Land, &st.Naval, &st.Economy) = v
	}},
	{"revisionism", func(sc *sim.Scenario, r *rand.Rand) {
		sc.States[r.IntN(len(sc.States))].Revisionism = oneOf(r, -0.1, 0, 0.5, 1, 1.01)
	}},
	{"ideology", func(sc *sim.Scenario, r *rand.Rand) {
		sc.States[r.IntN(len(sc.States))].Ideology = oneOf(r, -1.5, -1, 0.3, 1, 2)
	}},
	{"reference", func(sc *sim.Scenario, r *rand.Rand) {
		st := &sc.States[r.IntN(len(sc.States))]
		st.HasReference, st.Reference = true, oneOf(r, -0.1, 0, 0.5, 1, 1.2)
	}},
	{"stake", func(sc *sim.Scenario, r *rand.Rand) {
		st := &sc.States[r.IntN(len(sc.States))]
		if st.Stakes == nil {
			st.Stakes = map[string]float64{}
		}
		st.Stakes[oneOf(r, st.ID, "nobody", sc.States[r.IntN(len(sc.States))].ID)] = oneOf(r, -1, 0, 0.5, sim.MaxForce+1)
	}},
	{"grievance", func(sc *sim.Scenario, r *rand.Rand) {
		st := &sc.States[r.IntN(len(sc.States))]
		if st.Grievance == nil {
			st.Grievance = map[string]float64{}
		}
		st.Grievance[oneOf(r, st.ID, "nobody", sc.States[r.IntN(len(sc.States))].ID)] = oneOf(r, -0.1, 0, 0.5, 1, 1.5)
	}},
	{"map", func(sc *sim.Scenario, r *rand.Rand) {
		if sc.Map == "" {
			return
		}
		sc.Map = oneOf(r, sc.Map+"~~\n", strings.Replace(sc.Map, "~", "Q", 1), "", "~\n~\n")
		if r.IntN(2) == 0 {
			sc.Rough = oneOf(r, "", "^\n", sc.Rough)
		}
	}},
	{"generator", func(sc *sim.Scenario, r *rand.Rand) {
		sc.Map, sc.Rough = oneOf(r, "", "", sc.Map), ""
		sc.Generate = &theater.GenerateSpec{Width: oneOf(r, 1, 2, 12, 25, sim.MaxGridSide+1), Height: oneOf(r, 1, 3, 12, 25),
			SeaFraction: oneOf(r, -0.1, 0, 0.5, 0.99, 1), Islands: oneOf(r, 0, 1, 3, sim.MaxIslands+1), Seed: oneOf[uint64](r, 0, 7, 1<<63)}
	}},
	{"event", func(sc *sim.Scenario, r *rand.Rand) {
		ids := []string{"", "nobody"}
		for _, s := range sc.States {
			ids = append(ids, s.ID, s.ID)
		}
		e := sim.ScriptedEvent{Tick: oneOf(r, -1, 0, sc.Ticks-1, sc.Ticks), Kind: sim.ScriptKind(oneOf(r, 0, 1, 2, 3, 4, 4, 5)),
			Actor: ids[r.IntN(len(ids))], Fraction: 1, ID: oneOf(r, "", "ok-id", "Bad")}
		if slices.Contains(sim.ScriptKeys()[e.Kind], "target") { // a target is written only where the kind uses one
			e.Target = oneOf(r, "", e.Actor, ids[r.IntN(len(ids))])
		}
		e.Delta = oneOf(r, 0.5, -3, sim.MaxShock+1)
		e.Fraction = oneOf(r, 0, 0.5, 1, 1.5)
		e.SetLand, e.Land = r.IntN(2) == 0, oneOf(r, -1, 2, sim.MaxForce+1)
		e.SetEconomy, e.Economy = r.IntN(2) == 0, 3
		at := r.IntN(len(sc.Events) + 1)
		sc.Events = slices.Insert(sc.Events, at, e)
	}},
}

func oneOf[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// setParam sets a parameter to any value, unchecked, as a Go user can:
// through the field of Params that the spec names.
func setParam(sc *sim.Scenario, s sim.ParamSpec, v float64) {
	f := field(&sc.Params, s.Name)
	switch f.Kind() {
	case reflect.Float64:
		f.SetFloat(v)
	case reflect.Int:
		f.SetInt(int64(v))
	case reflect.Bool:
		f.SetBool(v != 0)
	default:
		panic("params." + s.Name + " has a field of kind " + f.Kind().String())
	}
}

// setDecision sets a decision key to any value of its field's type,
// unchecked, as a Go user can.
func setDecision(d *agents.Decision, s agents.DecisionSpec, v any) {
	f := field(d, s.Name)
	x := reflect.ValueOf(v)
	if x.Type().ConvertibleTo(f.Type()) && (f.Kind() == reflect.String) == (x.Kind() == reflect.String) {
		f.Set(x.Convert(f.Type()))
	}
}

// field is the struct field behind a snake_case key (sea_cost: SeaCost).
func field(ptr any, key string) reflect.Value {
	name := ""
	for _, part := range strings.Split(key, "_") {
		name += strings.ToUpper(part[:1]) + part[1:]
	}
	f := reflect.ValueOf(ptr).Elem().FieldByName(name)
	if !f.IsValid() {
		panic(fmt.Sprintf("%T has no field %s for %s", ptr, name, key))
	}
	return f
}

// renameRefs follows a changed state id through the references to it, so
// that an id change tests the id itself.
func renameRefs(sc *sim.Scenario, old, id string) {
	for i := range sc.States {
		for _, m := range []map[string]float64{sc.States[i].Stakes, sc.States[i].Grievance} {
			if v, ok := m[old]; ok && id != "" {
				delete(m, old)
				m[id] = v
			}
		}
	}
	for i := range sc.Events {
		e := &sc.Events[i]
		if e.Actor == old {
			e.Actor = id
		}
		if e.Target == old {
			e.Target = id
		}
	}
}
