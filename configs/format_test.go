package configs

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// roundTrip formats sc, parses the result and checks that it gives sc
// again (but for Source) and the same bytes when formatted again.
func roundTrip(t *testing.T, sc *sim.Scenario) []byte {
	t.Helper()
	out, err := Format(sc)
	if err != nil {
		t.Fatalf("format: %v", err)
	}
	back, err := Parse("canonical.toml", out)
	if err != nil {
		t.Fatalf("canonical form does not parse: %v\n%s", err, out)
	}
	want := *sc
	want.Source, back.Source = "", ""
	if !reflect.DeepEqual(&want, back) {
		t.Fatalf("round trip differs:\n%s\nformatted:\n%s", diffScenarios(&want, back), out)
	}
	again, err := Format(back)
	if err != nil || !bytes.Equal(again, out) {
		t.Fatalf("not byte-stable (%v):\n%s\nthen\n%s", err, out, again)
	}
	return out
}

// diffScenarios names the first fields in which two scenarios differ.
func diffScenarios(a, b *sim.Scenario) string {
	var out []string
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: %+v\n  != %+v", va.Type().Field(i).Name, va.Field(i).Interface(), vb.Field(i).Interface()))
		}
	}
	return strings.Join(out, "\n")
}

func TestFormatBuiltins(t *testing.T) {
	for _, name := range BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			sc, err := Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			out := roundTrip(t, sc)
			for _, want := range []string{"[scenario]\nname = " + `"` + name + `"`, "\n[params]\nrough_cost = ", "\n[decision]\nvaluation = "} {
				if !bytes.Contains(out, []byte(want)) {
					t.Errorf("output lacks %q", want)
				}
			}
			if bytes.Contains(out, []byte("extends")) {
				t.Error("canonical form extends something")
			}
		})
	}
}

// Every parameter and decision key is written, in spec order, whole-number
// settings as integers and the others as floats.
func TestFormatWritesEverySetting(t *testing.T) {
	_, out := formatBuiltin(t, "generic")
	var doc struct {
		Params   map[string]any `toml:"params"`
		Decision map[string]any `toml:"decision"`
	}
	md, err := toml.Decode(string(out), &doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sim.ParamSpecs() {
		v, ok := doc.Params[s.Name]
		_, isInt := v.(int64)
		_, isBool := v.(bool)
		if !ok || isInt != (s.Kind == sim.ParamInteger) || isBool != (s.Kind == sim.ParamBool) {
			t.Errorf("params.%s = %#v (kind %v)", s.Name, v, s.Kind)
		}
	}
	for _, s := range agents.DecisionSpecs() {
		v, ok := doc.Decision[s.Name]
		_, isInt := v.(int64)
		_, isFloat := v.(float64)
		if !ok || isInt != (s.Kind == agents.DecisionInteger) || isFloat != (s.Kind == agents.DecisionNumber) {
			t.Errorf("decision.%s = %#v", s.Name, v)
		}
	}
	var order []string
	for _, k := range md.Keys() {
		if len(k) == 2 && k[0] == "params" {
			order = append(order, k[1])
		}
	}
	if !slices.Equal(order, sim.ParamNames()) {
		t.Errorf("params in order %v, want %v", order, sim.ParamNames())
	}
	if !bytes.Contains(out, []byte("[theater.generate]\nwidth = 60\nheight = 40\nsea_fraction = 0.0\nislands = 4\nseed = 7\n")) {
		t.Errorf("generator:\n%s", out)
	}
}

// An overlay that drops, replaces and patches formats to a file without
// extends that gives the same scenario.
func TestFormatOverlay(t *testing.T) {
	sc, err := overlay(t, `extends = "base.toml"
drop_states = ["c"]
drop_events = ["war"]
[scenario]
tick = "quarter"
[decision]
strategy = "powerplay"
[[states]]
id = "b"
decision = { valuation = "expected_utility", alpha = 0.5 }
[[events]]
id = "scare"
tick = 3
kind = "capability"
actor = "b"
naval = 2.5
`)
	if err != nil {
		t.Fatal(err)
	}
	out := roundTrip(t, sc)
	for _, want := range []string{
		"decision = { valuation = \"expected_utility\", alpha = 0.5 }\n",
		"at = \"1950-10\"\nkind = \"capability\"\nactor = \"b\"\nnaval = 2.5\n",
		"~~AA..BB..\n",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if bytes.Count(out, []byte("decision = {")) != 1 {
		t.Errorf("only b differs from the scenario's decision:\n%s", out)
	}
}

// Format knows every field of a scenario. A field added to these types must
// be written by Format (and listed here).
func TestFormatCoversEveryField(t *testing.T) {
	fields := func(v any) []string {
		var names []string
		tp := reflect.TypeOf(v)
		for i := range tp.NumField() {
			names = append(names, tp.Field(i).Name)
		}
		return names
	}
	want := map[string][]string{
		"Scenario":      {"Name", "Description", "Source", "Calendar", "Ticks", "Map", "Rough", "Generate", "Params", "Decision", "States", "Events"},
		"Calendar":      {"StartYear", "StartMonth", "MonthsPerTick"},
		"GenerateSpec":  {"Width", "Height", "SeaFraction", "Islands", "Seed"},
		"State":         {"ID", "Name", "Role", "Glyph", "Land", "Naval", "Economy", "Revisionism", "Ideology", "Sovereign", "Stakes", "Grievance", "HasReference", "Reference", "Decision"},
		"ScriptedEvent": {"ID", "Tick", "Kind", "Actor", "Target", "Delta", "Fraction", "SetLand", "SetNaval", "SetEconomy", "Land", "Naval", "Economy", "Sovereign", "Ideology", "Note"},
	}
	for name, v := range map[string]any{"Scenario": sim.Scenario{}, "Calendar": sim.Calendar{}, "GenerateSpec": theater.GenerateSpec{},
		"State": sim.State{}, "ScriptedEvent": sim.ScriptedEvent{}} {
		if got := fields(v); !slices.Equal(got, want[name]) {
			t.Errorf("%s has fields %v; Format writes %v", name, got, want[name])
		}
	}
	if n := reflect.TypeOf(sim.Params{}).NumField(); n != len(sim.ParamSpecs()) {
		t.Errorf("sim.Params has %d fields, sim.ParamSpecs %d: Format writes the specs", n, len(sim.ParamSpecs()))
	}
	if n := reflect.TypeOf(agents.Decision{}).NumField(); n != len(agents.DecisionSpecs()) {
		t.Errorf("agents.Decision has %d fields, agents.DecisionSpecs %d: Format writes the specs", n, len(agents.DecisionSpecs()))
	}
}

func TestFormatErrors(t *testing.T) {
	good := func() *sim.Scenario {
		sc, err := Parse("s.toml", []byte(base))
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	cases := map[string]func(*sim.Scenario){
		"nan":          func(sc *sim.Scenario) { sc.Params.SeaCost = math.NaN() },
		"inf state":    func(sc *sim.Scenario) { sc.States[0].Land = math.Inf(1) },
		"utf-8":        func(sc *sim.Scenario) { sc.Description = "\xff" },
		"two theatres": func(sc *sim.Scenario) { sc.Generate = &theater.GenerateSpec{Width: 4, Height: 4} },
		"no theatre":   func(sc *sim.Scenario) { sc.Map = "" },
		"role":         func(sc *sim.Scenario) { sc.States[1].Role = 7 },
		"tick unit":    func(sc *sim.Scenario) { sc.Calendar.MonthsPerTick = 2 },
		"year":         func(sc *sim.Scenario) { sc.Calendar.StartYear = 12000 },
	}
	for name, breakIt := range cases {
		sc := good()
		breakIt(sc)
		if out, err := Format(sc); err == nil {
			t.Errorf("%s: formatted\n%s", name, out)
		}
	}
}

// Random valid scenarios survive the round trip: every field, odd
// characters in names, maps and glyphs, every event kind.
func TestFormatRandomScenarios(t *testing.T) {
	for seed := range uint64(300) {
		sc := randomScenario(rand.New(rand.NewPCG(seed, 1)))
		t.Run(fmt.Sprint(seed), func(t *testing.T) { roundTrip(t, sc) })
	}
}

// FuzzFormat: whatever Parse accepts, Format writes in a form Parse reads
// back into the same scenario.
func FuzzFormat(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(overlayBase))
	f.Add([]byte(strings.Replace(base, `name = "t"`, `name = "a\"b\\c\u0001"`, 1)))
	for _, name := range BuiltinNames() {
		src, _ := builtinSource(name)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("fuzz.toml", src)
		if err != nil || sc.Generate != nil && sc.Generate.Width*sc.Generate.Height > 10_000 {
			return
		}
		roundTrip(t, sc)
	})
}

// randomScenario builds a valid scenario from r.
func randomScenario(r *rand.Rand) *sim.Scenario {
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	// Names and notes are one line without control characters (sim.CheckText);
	// a description may run over lines (sim.CheckLines).
	texts := []string{"", "plain", "Ünïcödé €", `quote " and \ back`, "# not a comment", "'''", `"""`}
	descriptions := append([]string{"tab\tnew\nline"}, texts...)
	num := func(lo, hi float64) float64 {
		x := lo + r.Float64()*(hi-lo)
		if r.IntN(2) == 0 {
			x = math.Round(x*100) / 100 // as a user writes it
		}
		return min(max(x, lo), hi)
	}
	sc := &sim.Scenario{
		Name: pick(texts[1:]), Description: pick(descriptions),
		Calendar: sim.Calendar{StartYear: 1000 + r.IntN(1100), StartMonth: 1 + r.IntN(12), MonthsPerTick: []int{1, 3, 12}[r.IntN(3)]},
		Ticks:    1 + r.IntN(600),
		Params:   sim.DefaultParams(), Decision: agents.DefaultDecision(),
	}
	for _, s := range sim.ParamSpecs() {
		if r.IntN(3) == 0 {
			continue
		}
		hi := min(s.Max, s.Min+50)
		switch s.Kind {
		case sim.ParamInteger:
			s.Set(&sc.Params, s.Min+float64(r.IntN(int(hi-s.Min)+1)))
		case sim.ParamBool:
			s.Set(&sc.Params, float64(r.IntN(2)))
		default:
			s.Set(&sc.Params, num(s.Min, hi))
		}
	}
	randomValue := func(s agents.DecisionSpec) any {
		switch hi := min(s.Max, s.Min+10); s.Kind {
		case agents.DecisionName:
			return pick(s.Names())
		case agents.DecisionInteger:
			return s.Min + float64(r.IntN(int(hi-s.Min)+1))
		default:
			return num(s.Min, hi)
		}
	}
	for range r.IntN(5) {
		s := agents.DecisionSpecs()[r.IntN(len(agents.DecisionSpecs()))]
		if err := s.Set(&sc.Decision, randomValue(s)); err != nil {
			panic(err)
		}
	}
	// a patron's strategy keys only for a patron
	randomOverrides := func(keys int, role sim.Role) agents.DecisionOverrides {
		var o agents.DecisionOverrides
		for range keys {
			s := agents.DecisionSpecs()[r.IntN(len(agents.DecisionSpecs()))]
			if s.Patron && role != sim.Patron {
				continue
			}
			if o == nil {
				o = agents.DecisionOverrides{}
			}
			o[s.Name] = randomValue(s)
		}
		return o
	}

	n := 1 + r.IntN(6)
	glyphs := []rune{'A', '"', '\\', 'é', '#', '\'', 'x', '€', 'Z'}
	r.Shuffle(len(glyphs), func(i, j int) { glyphs[i], glyphs[j] = glyphs[j], glyphs[i] })
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%c%d", 'a'+r.IntN(26), i)
	}
	for i, id := range ids {
		st := sim.State{ID: id, Name: pick(append(texts, id)), Role: sim.Role(r.IntN(3)), Land: num(0, 100), Naval: num(0, 100),
			Economy: num(0, 100), Revisionism: num(0, 1), Ideology: num(-1, 1), Sovereign: r.IntN(2) == 0}
		if r.IntN(4) > 0 {
			st.Glyph = glyphs[i]
		}
		if r.IntN(2) == 0 {
			st.HasReference, st.Reference = true, num(0, 1)
		}
		for _, other := range ids {
			if other == id {
				continue
			}
			if st.Role == sim.Patron && r.IntN(2) == 0 {
				if st.Stakes == nil {
					st.Stakes = map[string]float64{}
				}
				st.Stakes[other] = num(0, 5)
			}
			if r.IntN(3) == 0 {
				if st.Grievance == nil {
					st.Grievance = map[string]float64{}
				}
				st.Grievance[other] = num(0, 1)
			}
		}
		st.Decision = randomOverrides(r.IntN(3), st.Role)
		if st.Role == sim.Adversary { // which weighs no alliance
			st.Decision = nil
		}
		sc.States = append(sc.States, st)
	}
	// A patron's stakes are in clients only; the roles are known now.
	for i := range sc.States {
		for other := range sc.States[i].Stakes {
			if sc.States[slices.IndexFunc(sc.States, func(s sim.State) bool { return s.ID == other })].Role != sim.Client {
				delete(sc.States[i].Stakes, other)
			}
		}
		if len(sc.States[i].Stakes) == 0 {
			sc.States[i].Stakes = nil
		}
	}

	if r.IntN(4) == 0 {
		sc.Generate = &theater.GenerateSpec{Width: 20 + r.IntN(10), Height: 20 + r.IntN(10), SeaFraction: num(0, 0.5), Islands: 1 + r.IntN(3), Seed: r.Uint64N(1 << 40)}
		for i := range sc.States { // the generator gives land only to states with a glyph
			if sc.States[i].Glyph == 0 {
				sc.States[i].Glyph = glyphs[i]
			}
		}
	} else {
		cells := []rune{'~', '.', '^'}
		for _, s := range sc.States {
			if s.Glyph != 0 {
				cells = append(cells, s.Glyph)
			}
		}
		// Every state's glyph is drawn: the first cells of the first row
		// hold one each, the rest are random.
		drawn := cells[3:]
		w, h := max(1+r.IntN(8), len(drawn)), 1+r.IntN(6)
		var m, rough strings.Builder
		for y := range h {
			for x := range w {
				c := cells[r.IntN(len(cells))]
				if y == 0 && x < len(drawn) {
					c = drawn[x]
				}
				m.WriteRune(c)
				if c != '~' && r.IntN(3) == 0 {
					rough.WriteByte('^')
				} else {
					rough.WriteByte('.')
				}
			}
			m.WriteByte('\n')
			rough.WriteByte('\n')
		}
		sc.Map = m.String()
		if r.IntN(2) == 0 {
			sc.Rough = rough.String()
		}
	}

	for i := range r.IntN(8) {
		e := sim.ScriptedEvent{Tick: r.IntN(sc.Ticks), Kind: sim.ScriptKind(r.IntN(5)), Actor: pick(ids), Fraction: 1, Note: pick(texts)}
		if r.IntN(3) > 0 {
			e.ID = fmt.Sprintf("e-%d_%c", i, 'a'+r.IntN(26))
		}
		others := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == e.Actor })
		switch e.Kind {
		case sim.ScriptIntent:
			e.Delta = num(-1, 1)
			if r.IntN(2) == 0 && len(others) > 0 {
				e.Target = pick(others) // a state does not read its own intent
			}
		case sim.ScriptOccupy, sim.ScriptWithdraw:
			if len(others) == 0 {
				e.Kind, e.Sovereign = sim.ScriptSovereignty, true
				break
			}
			e.Target = pick(others)
			e.Fraction = max(num(0, 1), 0.01)
		case sim.ScriptCapability:
			for !e.SetLand && !e.SetNaval && !e.SetEconomy {
				if r.IntN(2) == 0 {
					e.SetLand, e.Land = true, num(0, 100)
				}
				if r.IntN(2) == 0 {
					e.SetNaval, e.Naval = true, num(0, 100)
				}
				if r.IntN(2) == 0 {
					e.SetEconomy, e.Economy = true, num(0, 100)
				}
			}
		case sim.ScriptSovereignty:
			e.Sovereign = r.IntN(2) == 0
		}
		if i := slices.IndexFunc(sc.States, func(s sim.State) bool { return s.ID == e.Actor }); e.Kind == sim.ScriptSovereignty && sc.States[i].Role == sim.Adversary {
			continue // nothing reads an adversary's sovereignty (sim.CheckScriptActor)
		}
		sc.Events = append(sc.Events, e)
	}
	slices.SortStableFunc(sc.Events, func(a, b sim.ScriptedEvent) int { return a.Tick - b.Tick })
	return sc
}

// The canonical form of a built-in is a file like any other: written out
// and loaded, it is the built-in.
func TestFormatAsFile(t *testing.T) {
	sc, out := formatBuiltin(t, "asia-1950")
	p := filepath.Join(t.TempDir(), "asia.toml")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	back.Source = sc.Source
	if !reflect.DeepEqual(back, sc) {
		t.Error("file differs from the built-in")
	}
}

// Format writes each event by its month, not its tick: a copy of `show`'s
// output whose tick length is edited keeps the events in their months (a
// review found asia-1950 made quarterly from `show` put the Korean War in
// 1951-04 and its armistice in 1960-07, when events were written as
// tick = N).
func TestFormatKeepsEventsInTheirMonths(t *testing.T) {
	sc, out := formatBuiltin(t, "asia-1950")
	if bytes.Count(out, []byte("\ntick = ")) != 1 { // [scenario]'s tick = "month" alone
		t.Fatal("an event written by its tick")
	}
	quarterly := strings.Replace(strings.Replace(string(out), "tick = \"month\"", "tick = \"quarter\"", 1), fmt.Sprintf("ticks = %d", sc.Ticks), fmt.Sprintf("ticks = %d", sc.Ticks/3), 1)
	q, err := Parse("quarterly.toml", []byte(quarterly))
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range sc.Events {
		if got, want := q.Calendar.Label(q.Events[i].Tick), sc.Calendar.Label(e.Tick); got[:4] != want[:4] || q.Events[i].Tick != e.Tick/3 {
			t.Errorf("event %s: %s (tick %d) made quarterly is in %s (tick %d); want its quarter, tick %d", e.ID, want, e.Tick, got, q.Events[i].Tick, e.Tick/3)
		}
	}
}

// −0 is read as 0, as Format writes it, so that a file and the file show
// writes of it run alike (a delta of −0.0 logged "−0.00" in the one and
// "+0.00" in the other).
func TestNegativeZeroReadsAsZero(t *testing.T) {
	sc, err := Parse("z.toml", []byte(`extends = "generic"
[[states]]
id = "c1"
ideology = -0.0
stakes = {}
grievance = { c2 = -0.0 }
[[events]]
id = "z"
at = "2001-01"
kind = "intent"
actor = "adversary"
delta = -0.0
`))
	if err != nil {
		t.Fatal(err)
	}
	c1 := sc.States[sc.Index("c1")]
	ev := sc.Events[slices.IndexFunc(sc.Events, func(e sim.ScriptedEvent) bool { return e.ID == "z" })]
	for what, x := range map[string]float64{"ideology": c1.Ideology, "grievance": c1.Grievance["c2"], "delta": ev.Delta} {
		if x != 0 || math.Signbit(x) {
			t.Errorf("%s = %v (sign bit %v); want +0", what, x, math.Signbit(x))
		}
	}
}

// formatBuiltin is the built-in scenario of that name and its canonical
// text.
func formatBuiltin(t *testing.T, name string) (*sim.Scenario, []byte) {
	t.Helper()
	sc, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Format(sc)
	if err != nil {
		t.Fatal(err)
	}
	return sc, out
}

// The canonical text begins with its first table, [scenario]: no blank
// line comes before the first table, one comes before every other.
func TestFormatBeginsWithScenario(t *testing.T) {
	_, out := formatBuiltin(t, "generic")
	if !bytes.HasPrefix(out, []byte("[scenario]\n")) || !bytes.Contains(out, []byte("\n\n[theater.generate]\n")) {
		t.Errorf("canonical text begins %q", out[:min(len(out), 40)])
	}
}

// A start in the years 0000 to 9999 can be written, the ends included;
// year 10000 cannot.
func TestFormatStartYearBounds(t *testing.T) {
	for _, c := range []struct {
		year, month int
		ok          bool
	}{{0, 1, true}, {9999, 12, true}, {10000, 1, false}, {-1, 12, false}} {
		sc, err := Builtin("generic")
		if err != nil {
			t.Fatal(err)
		}
		sc.Calendar.StartYear, sc.Calendar.StartMonth = c.year, c.month
		_, err = Format(sc)
		if (err == nil) != c.ok {
			t.Errorf("start %04d-%02d: error %v, want ok = %v", c.year, c.month, err, c.ok)
		}
	}
}

// A generator seed is written up to 2^63 − 1, the largest TOML integer;
// 2^63 is refused.
func TestFormatGeneratorSeedBound(t *testing.T) {
	for _, c := range []struct {
		seed uint64
		ok   bool
	}{{1<<63 - 1, true}, {1 << 63, false}} {
		sc, err := Builtin("generic")
		if err != nil {
			t.Fatal(err)
		}
		sc.Generate.Seed = c.seed
		_, err = Format(sc)
		if (err == nil) != c.ok {
			t.Errorf("seed %d: error %v, want ok = %v", c.seed, err, c.ok)
		}
	}
}

// An event of a kind no file can name is refused with the kinds
// allowed.
func TestFormatUnknownEventKind(t *testing.T) {
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	sc.Events = append(sc.Events, sim.ScriptedEvent{ID: "odd", Kind: sim.ScriptKind(99), Actor: "c1"})
	_, err = Format(sc)
	if err == nil || !strings.HasSuffix(err.Error(), " is not an event kind; allowed: intent, occupy, withdraw, capability, sovereignty, ideology") {
		t.Errorf("got %v", err)
	}
}
