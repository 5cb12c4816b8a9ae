package configs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

const base = `[scenario]
name = "t"
description = "test"
start = "1950-01"
ticks = 24

[theater]
map = """
~~AA..BB
~~AA..BB
"""

[[states]]
id = "a"
role = "patron"
glyph = "A"
land = 2

[[states]]
id = "b"
role = "client"
glyph = "B"
`

// decisionOf is how the state with the given id decides: the scenario's
// [decision] with the state's overrides.
func decisionOf(t *testing.T, sc *sim.Scenario, id string) agents.Decision {
	t.Helper()
	d, err := sc.DecisionOf(sc.Index(id))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// errorCase is a scenario's source and an error Parse must report of it,
// among any others: at s.toml:line, on key, its message holding message.
type errorCase struct {
	name, src    string
	line         int
	key, message string
}

// expectErrors checks each case in a subtest of its name.
func expectErrors(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := parseErrors(t, c.src)
			for _, e := range list {
				if e.File == "s.toml" && e.Line == c.line && e.Key == c.key && strings.Contains(e.Msg, c.message) {
					return
				}
			}
			t.Fatalf("want s.toml:%d: %s: …%s…; got\n%v", c.line, c.key, c.message, list)
		})
	}
}

// parseErrors parses src and returns its errors, failing if it parsed.
func parseErrors(t *testing.T, src string) Errors {
	t.Helper()
	_, err := Parse("s.toml", []byte(src))
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("want Errors, got %v", err)
	}
	return list
}

func TestValidBase(t *testing.T) {
	sc, err := Parse("s.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "t" || sc.Ticks != 24 || len(sc.States) != 2 || sc.States[0].Land != 2 || !sc.States[1].Sovereign {
		t.Fatalf("unexpected scenario %+v", sc)
	}
	if sc.Params.SeaCost != 3 || decisionOf(t, sc, "b").Strategy != "assurance" || sc.States[1].Decision != nil {
		t.Fatalf("defaults not applied: %+v", sc.Params)
	}
}

// Each broken file must fail with the file, the line and the key, and a
// message that says what is allowed.
func TestErrorsNameFileLineKey(t *testing.T) {
	cases := []errorCase{
		{"unknown key", strings.Replace(base, "ticks = 24", "ticks = 24\ncolour = 1", 1), 6, "scenario.colour", "unknown key; allowed: name, description"},
		{"unknown state key", base + "speed = 3\n", 23, "states[1].speed", "unknown key; allowed: id, name, role"},
		{"ragged map", strings.Replace(base, "~~AA..BB\n\"\"\"", "~~AA..B\n\"\"\"", 1), 10, "theater.map", "row has 7 cells; allowed: 8 cells in every row"},
		{"duplicated id", base + "\n[[states]]\nid = \"a\"\nrole = \"client\"\n", 25, "states[2].id", `duplicate id "a" (first at line 14)`},
		{"unknown state in event", base + "\n[[events]]\nat = \"1950-06\"\nkind = \"intent\"\nactor = \"zz\"\ndelta = 0.2\n", 27, "events[0].actor", `"zz" is not a state in this scenario; allowed: a, b`},
		{"negative force", strings.Replace(base, "land = 2", "land = -2", 1), 17, "states[0].land", "-2 is out of range; allowed: a number in [0, 1000000]"},
		{"event before start", base + "\n[[events]]\nat = \"1949-12\"\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.2\n", 25, "events[0].at", "1949-12 is before the start 1950-01"},
		{"bad role", strings.Replace(base, `role = "client"`, `role = "ally"`, 1), 21, "states[1].role", `"ally" is not a role; allowed: patron, client, adversary`},
		{"wrong type", strings.Replace(base, "land = 2", `land = "lots"`, 1), 17, "states[0].land", `"lots" is a string; allowed: a number in [0, 1000000]`},
		{"bad glyph", strings.Replace(base, "glyph = \"B\"\n", "glyph = \"~\"\n", 1), 22, "states[1].glyph", "reserved for the map"},
		{"unknown param", base + "\n[params]\nwarp = 9\n", 25, "params.warp", "unknown parameter; allowed: rough_cost"},
		{"decision key as a param", base + "\n[params]\ntemperature = 0.1\n", 25, "params.temperature", "unknown parameter (temperature is a decision key: set it in [decision], or in a state's decision table); allowed: rough_cost"},
		{"param as a decision key", base + "\n[decision]\npunishment = 0.1\n", 25, "decision.punishment", "unknown decision key (punishment is a parameter, the same for every state: set it in [params]); allowed: valuation"},
		{"ideology weight above 1", base + "\n[params]\nideology_weight = 1.5\n", 25, "params.ideology_weight", "1.5 is out of range; allowed: a number in [0, 1]"},
		{"bad decision", base + "\n[decision]\nstrategy = \"chaos\"\n", 25, "decision.strategy", `"chaos" is not a known strategy; allowed: assurance, powerplay, prospect`},
		{"event after horizon", base + "\n[[events]]\ntick = 24\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.2\n", 25, "events[0].tick", "after the horizon"},
		{"stakes of a client", strings.Replace(base, `glyph = "B"`, "glyph = \"B\"\nstakes = { a = 1 }", 1), 23, "states[1].stakes.a", "only patrons have stakes"},
		{"event key of another kind", base + "\n[[events]]\ntick = 2\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.2\nfraction = 0.5\n", 29, "events[0].fraction", "intent events do not use fraction"},
		{"syntax", base + "\nx = = 1\n", 24, "states[1].x", "expected value"},
		{"escape in a name", strings.Replace(base, `name = "t"`, `name = "\u001b[31mt"`, 1), 2, "scenario.name", `"\x1b[31mt" holds the control character U+001B; allowed: text without control characters`},
		{"blank name", strings.Replace(base, `name = "t"`, `name = " "`, 1), 2, "scenario.name", `" " is blank; allowed: one line of text with a visible character`},
		{"blank state name", strings.Replace(base, `id = "b"`, "id = \"b\"\nname = \"  \"", 1), 21, "states[1].name", `"  " is blank; allowed: one line of text with a visible character, or no name (the id)`},
		{"right-to-left override in a state name", strings.Replace(base, `id = "b"`, "id = \"b\"\nname = \"b\u202ex\"", 1), 21, "states[1].name", "holds the bidirectional control U+202E"},
		{"newline in a note", base + "\n[[events]]\ntick = 2\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.2\nnote = \"x\\n1950-03  a proposes\"\n", 29, "events[0].note", "holds the control character U+000A"},
		{"intent read by its actor", base + "\n[[events]]\ntick = 2\nkind = \"intent\"\nactor = \"a\"\ntarget = \"a\"\ndelta = 0.2\n", 28, "events[0].target", "target is the actor itself; allowed: another state"},
		{"run past 9999-12", strings.Replace(strings.Replace(base, `start = "1950-01"`, `start = "9999-06"`, 1), "ticks = 24", "ticks = 8", 1), 5, "scenario.ticks", "8 ticks from 9999-06 end in 10000-01; allowed: a run that ends by 9999-12 (at most 7 ticks from this start)"},
	}
	expectErrors(t, cases)
}

// All errors of a file come together, sorted by line.
func TestAllErrorsAtOnce(t *testing.T) {
	src := strings.NewReplacer("ticks = 24", "ticks = 24\ncolour = 1", "land = 2", "land = -2", `role = "client"`, `role = "ally"`).Replace(base) +
		"\n[[events]]\nat = \"1949-12\"\nkind = \"intent\"\nactor = \"ghost\"\ndelta = 0.2\n"
	list := parseErrors(t, src)
	want := []string{"scenario.colour", "states[0].land", "states[1].role", "events[0].at", "events[0].actor"}
	if len(list) != len(want) {
		t.Fatalf("want %d errors, got %d:\n%v", len(want), len(list), list)
	}
	for i, e := range list {
		if e.Key != want[i] {
			t.Errorf("error %d: want key %s, got %v", i, want[i], e)
		}
		if i > 0 && e.Line < list[i-1].Line {
			t.Errorf("errors not sorted by line: %v", list)
		}
	}
	if got := list.Error(); !strings.HasPrefix(got, "s.toml:6: scenario.colour: unknown key") {
		t.Errorf("formatted errors start %q", got)
	}
}

func TestEventsResolved(t *testing.T) {
	src := base + `
[[events]]
at = "1950-06"
kind = "occupy"
actor = "a"
target = "b"
fraction = 0.5
note = "war"

[[events]]
tick = 2
kind = "capability"
actor = "b"
naval = 4

[[events]]
at = "1951-01"
kind = "withdraw"
actor = "a"
target = "b"
`
	sc, err := Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Events) != 3 {
		t.Fatalf("want 3 events, got %+v", sc.Events)
	}
	e0, e1, e2 := sc.Events[0], sc.Events[1], sc.Events[2]
	if e0.Kind != sim.ScriptCapability || e0.Tick != 2 || !e0.SetNaval || e0.Naval != 4 || e0.SetLand {
		t.Errorf("capability event sorted first by tick: %+v", e0)
	}
	if e1.Kind != sim.ScriptOccupy || e1.Tick != 5 || e1.Fraction != 0.5 || e1.Target != "b" || e1.Note != "war" {
		t.Errorf("occupy event: %+v", e1)
	}
	if e2.Kind != sim.ScriptWithdraw || e2.Tick != 12 || e2.Fraction != 1 {
		t.Errorf("withdraw defaults to all cells: %+v", e2)
	}
}

// An ideology event moves its actor's ideology; it parses, formats back
// to itself, and refuses a missing or out-of-range value, naming the key.
func TestIdeologyEvent(t *testing.T) {
	src := base + `
[[events]]
id = "rapprochement"
at = "1950-03"
kind = "ideology"
actor = "b"
ideology = -0.25
`
	sc, err := Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if e := sc.Events[0]; e.Kind != sim.ScriptIdeology || e.Tick != 2 || e.Ideology != -0.25 || e.Actor != "b" {
		t.Errorf("ideology event: %+v", e)
	}
	out, err := Format(sc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "kind = \"ideology\"\nactor = \"b\"\nideology = -0.25\n") {
		t.Errorf("formatted:\n%s", out)
	}
	for name, c := range map[string]struct{ body, key, msg string }{
		"missing":  {"", "events[0]", "ideology event without ideology"},
		"range":    {"ideology = 1.5\n", "events[0].ideology", "allowed: a number in [-1, 1]"},
		"not used": {"ideology = 0\ndelta = 1\n", "events[0].delta", "ideology events do not use delta"},
	} {
		list := parseErrors(t, base+"\n[[events]]\nat = \"1950-03\"\nkind = \"ideology\"\nactor = \"b\"\n"+c.body)
		if len(list) != 1 || list[0].Key != c.key || !strings.Contains(list[0].Error(), c.msg) {
			t.Errorf("%s: want one error at %s saying %q, got %v", name, c.key, c.msg, list)
		}
	}
}

func TestQuarterTicks(t *testing.T) {
	src := strings.Replace(base, "ticks = 24", "ticks = 24\ntick = \"quarter\"", 1) +
		"\n[[events]]\nat = \"1950-07\"\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n"
	sc, err := Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if sc.Calendar.LastMonth(2) != "1950-09" || sc.Calendar.LastMonth(sc.Ticks-1) != "1955-12" {
		t.Errorf("last months: %s %s", sc.Calendar.LastMonth(2), sc.Calendar.LastMonth(sc.Ticks-1))
	}
	if sc.Events[0].Tick != 2 || sc.Calendar.Label(2) != "1950-07" || sc.Calendar.Label(4) != "1951-01" {
		t.Fatalf("quarter calendar: tick %d, labels %s %s", sc.Events[0].Tick, sc.Calendar.Label(2), sc.Calendar.Label(4))
	}
}

// A chain of two extends: grand → child → base. Fields are overridden,
// states patched and added by id, events appended, and errors in a file of
// the chain still name that file.
func TestExtendsChain(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string { return writeIn(t, dir, name, src) }
	write("base.toml", base+"\n[[events]]\ntick = 1\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n")
	write("child.toml", `extends = "base.toml"
[scenario]
name = "child"
[params]
sea_cost = 5
[[states]]
id = "b"
revisionism = 0.4
decision = { valuation = "expected_utility" }
[[events]]
tick = 3
kind = "sovereignty"
actor = "b"
sovereign = false
`)
	grand := write("grand.toml", `extends = "child.toml"
[scenario]
ticks = 36
[decision]
strategy = "powerplay"
[[states]]
id = "c"
role = "adversary"
revisionism = 0.9
`)
	sc, err := LoadFile(grand)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "child" || sc.Ticks != 36 || sc.Params.SeaCost != 5 || sc.Description != "test" {
		t.Errorf("scenario fields: %q %d %v %q", sc.Name, sc.Ticks, sc.Params.SeaCost, sc.Description)
	}
	if len(sc.States) != 3 || sc.States[2].ID != "c" || sc.States[2].Role != sim.Adversary {
		t.Fatalf("states: %+v", sc.States)
	}
	b := sc.States[1]
	if bd := decisionOf(t, sc, "b"); b.Revisionism != 0.4 || b.Role != sim.Client || b.Glyph != 'B' || bd.Valuation != "expected_utility" || bd.Strategy != "powerplay" {
		t.Errorf("patched state b: %+v, deciding %+v", b, bd)
	}
	if ad := decisionOf(t, sc, "a"); ad.Valuation != "prospect" || ad.Strategy != "powerplay" {
		t.Errorf("state a decision: %+v", ad)
	}
	if len(b.Decision) != 1 || b.Decision["valuation"] != "expected_utility" {
		t.Errorf("state b should override only its valuation: %v", b.Decision)
	}
	if len(sc.Events) != 2 || sc.Events[0].Tick != 1 || sc.Events[1].Kind != sim.ScriptSovereignty {
		t.Errorf("events appended: %+v", sc.Events)
	}

	// An error in the middle file is reported against it.
	write("child.toml", "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nrevisionism = 2\n")
	_, err = LoadFile(grand)
	if err == nil || !strings.Contains(err.Error(), "child.toml:4: states[0].revisionism: 2 is out of range") {
		t.Errorf("error in the extended file: %v", err)
	}

	// A cycle is an error, not a hang.
	write("loop.toml", "extends = \"loop2.toml\"\n")
	write("loop2.toml", "extends = \"loop.toml\"\n")
	if _, err := LoadFile(filepath.Join(dir, "loop.toml")); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: %v", err)
	}

	// A chain of 16 extends is allowed; the 17th is too long, and said to
	// be (it used to be called a cycle).
	for i := 0; i < 17; i++ {
		write(fmt.Sprintf("l%d.toml", i), fmt.Sprintf("extends = \"l%d.toml\"\n", i+1))
	}
	write("l17.toml", base)
	if _, err := LoadFile(filepath.Join(dir, "l1.toml")); err != nil {
		t.Errorf("16 extends: %v", err)
	}
	_, err = LoadFile(filepath.Join(dir, "l0.toml"))
	if err == nil || strings.Contains(err.Error(), "cycle") || !strings.Contains(err.Error(), "l16.toml:1: extends: extends \"l17.toml\" makes the chain of extends too long") ||
		!strings.Contains(err.Error(), "allowed: at most 16 extends in a chain") {
		t.Errorf("17 extends: %v", err)
	}
}

// A generated theatre too small for the states is blamed on the file that
// made it so, not on the built-in it extends.
func TestGeneratedTheatreTooSmallBlamesTheFile(t *testing.T) {
	_, err := Parse("small.toml", []byte("extends = \"generic\"\n[theater.generate]\nwidth = 2\nheight = 3\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "small.toml:2: theater.generate: ") || !strings.Contains(err.Error(), "land cells for 8 states") {
		t.Fatalf("want the error at small.toml:2, got %v", err)
	}
}

// The generator's settings are worded as the file's: both sides named,
// and a theatre with too little land counted in the singular for one.
func TestGeneratorErrorsWorded(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{strings.Replace(base, "map = \"\"\"\n~~AA..BB\n~~AA..BB\n\"\"\"", "generate = { width = 10 }", 1), "g.toml:8: theater.generate: width and height are required; allowed: width and height, each a whole number in [2, 1000]"},
		{"extends = \"generic\"\n[theater.generate]\nwidth = 10\nheight = 10\nsea_fraction = 0.999\n", "g.toml:2: theater.generate: 1 land cell for 8 states; allowed: a land cell or more for each state: a lower sea fraction, a larger grid or fewer states"},
		{"extends = \"generic\"\n[theater.generate]\nwidth = 2\nheight = 3\n", "g.toml:2: theater.generate: 6 land cells for 8 states; allowed: a land cell or more for each state: a lower sea fraction, a larger grid or fewer states"},
	} {
		_, err := Parse("g.toml", []byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}

// A whole number that is not one, or out of range, is named with the
// range allowed, as [params] names it; a TOML date where a month belongs
// is named as written, with the month as the string allowed.
func TestWholeNumbersAndMonths(t *testing.T) {
	const event = "\n[[events]]\nkind = \"intent\"\nactor = \"c1\"\ndelta = 0.1\n"
	for _, c := range []struct{ src, want string }{
		{"[scenario]\nticks = 2.5\n", "w.toml:3: scenario.ticks: 2.5 is not a whole number; allowed: a whole number in [1, 1000000]"},
		{"[scenario]\nticks = 1e300\n", "w.toml:3: scenario.ticks: 1e+300 is out of range; allowed: a whole number in [1, 1000000]"},
		{"[scenario]\nticks = \"long\"\n", `w.toml:3: scenario.ticks: "long" is a string; allowed: a whole number in [1, 1000000]`},
		{"[theater.generate]\nwidth = 2.5\n", "w.toml:3: theater.generate.width: 2.5 is not a whole number; allowed: a whole number in [2, 1000]"},
		{event + "tick = 2.5\n", "w.toml:7: events[0].tick: 2.5 is not a whole number; allowed: a whole number in [0, 239]"},
		{event + "at = 2000-03-01\n", `w.toml:7: events[0].at: 2000-03-01 is a TOML date; allowed: a month as a string, "2000-03"`},
		{event + "at = 2000-03-01T10:00:00\n", `w.toml:7: events[0].at: 2000-03-01T10:00:00 is a TOML date-time; allowed: a month as a string, "2000-03"`},
		{"[scenario]\nstart = 1999-12-01\n", `w.toml:3: scenario.start: 1999-12-01 is a TOML date; allowed: a month as a string, "1999-12"`},
	} {
		_, err := Parse("w.toml", []byte("extends = \"generic\"\n"+c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
	// A file without a horizon is told the range too.
	noTicks := strings.Replace(base, "ticks = 24\n", "", 1)
	if list := parseErrors(t, noTicks); len(list) != 1 || list[0].Key != "scenario.ticks" || list[0].Msg != "missing; allowed: a whole number in [1, 1000000]" {
		t.Errorf("no ticks: %v", list)
	}
}

func TestExtendsBuiltin(t *testing.T) {
	for _, name := range BuiltinNames() {
		src := "extends = \"" + name + "\"\n[scenario]\nname = \"cf\"\n[params]\nsea_cost = 1\n"
		sc, err := Parse("cf.toml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		orig, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Name != "cf" || sc.Params.SeaCost != 1 || len(sc.States) != len(orig.States) || len(sc.Events) != len(orig.Events) {
			t.Errorf("%s: counterfactual lost something", name)
		}
	}
	if _, err := Parse("cf.toml", []byte("extends = \"atlantis\"\n")); err == nil || !strings.Contains(err.Error(), `cf.toml:1: extends: "atlantis" is not a built-in scenario`) {
		t.Errorf("unknown built-in: %v", err)
	}
	// extends that is not a string is one error, not that error and then
	// the start, horizon, states and theatre the file lacks without its
	// base.
	for src, what := range map[string]string{`extends = ["generic"]`: "an array", "extends = 3": "3 is an integer"} {
		want := "cf.toml:1: extends: " + what + `; allowed: a built-in scenario name (asia-1950, europe-1947, generic) or a file path, as a string, e.g. extends = "generic"`
		if _, err := Parse("cf.toml", []byte(src+"\n")); err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", src, err, want)
		}
	}
}

func TestBuiltinsValid(t *testing.T) {
	names := BuiltinNames()
	for _, want := range []string{"asia-1950", "europe-1947", "generic"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("built-in %s missing from %v", want, names)
		}
	}
	for _, b := range Builtins() {
		sc, err := Builtin(b.Name)
		if err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		if b.Description == "" {
			t.Errorf("%s has no description", b.Name)
		}
		g, err := sc.Grid()
		if err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		for i, s := range sc.States {
			n := 0
			for _, o := range g.Owner {
				if int(o) == i {
					n++
				}
			}
			if s.Glyph != 0 && n == 0 {
				t.Errorf("%s: %s has a glyph but no cells", b.Name, s.ID)
			}
		}
	}
	if _, err := Builtin("atlantis"); err == nil {
		t.Error("unknown built-in accepted")
	}
}

func TestHistoricalIDs(t *testing.T) {
	want := map[string][]string{
		"europe-1947": {"usa", "gbr", "fra", "bel", "nld", "lux", "ita", "nor", "dnk", "prt", "isl", "can", "deu", "sov"},
		"asia-1950":   {"usa", "jpn", "phl", "aus", "nzl", "kor", "prk", "twn", "chn", "tha", "pak", "vnm", "sov"},
		"generic":     {"patron", "adversary", "c1", "c2", "c3", "c4", "c5", "c6"},
	}
	for name, ids := range want {
		sc, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if sc.Index(id) < 0 {
				t.Errorf("%s lacks state %s", name, id)
			}
		}
	}
}

// Problems that would otherwise surface only when running are reported by
// the checks, at their line: too many states, a generator that cannot
// place every state.
func TestLimitsReportedAtValidation(t *testing.T) {
	var b strings.Builder
	b.WriteString("[scenario]\nstart = \"2000-01\"\nticks = 3\n[theater.generate]\nwidth = 2\nheight = 2\nsea_fraction = 0.5\n")
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "[[states]]\nid = \"s%d\"\nrole = \"client\"\nglyph = \"%c\"\n", i, 'A'+i)
	}
	list := parseErrors(t, b.String())
	if len(list) != 1 || list[0].Line != 4 || list[0].Key != "theater.generate" || !strings.Contains(list[0].Msg, "3 states") {
		t.Errorf("generator failure: %v", list)
	}
	b.Reset()
	b.WriteString("[scenario]\nstart = \"2000-01\"\nticks = 3\n[theater.generate]\nwidth = 40\nheight = 40\n")
	for i := 0; i < 65; i++ {
		fmt.Fprintf(&b, "[[states]]\nid = \"s%d\"\nrole = \"client\"\nglyph = \"%c\"\n", i, 0x400+i)
	}
	list = parseErrors(t, b.String())
	if len(list) != 1 || list[0].Key != "states[64]" || !strings.Contains(list[0].Msg, "at most 64") {
		t.Errorf("65 states: %v", list)
	}
	// On a generated theatre a state without a glyph is refused at its
	// table: the generator gives land only to states with one.
	b.Reset()
	b.WriteString("[scenario]\nstart = \"2000-01\"\nticks = 3\n[theater.generate]\nwidth = 40\nheight = 40\n")
	b.WriteString("[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"A\"\n[[states]]\nid = \"b\"\nrole = \"client\"\n")
	list = parseErrors(t, b.String())
	if len(list) != 1 || list[0].Line != 11 || list[0].Key != "states[1].glyph" ||
		list[0].Msg != `missing: the generator gives land only to states with a glyph, and "b" would own no cell; allowed: one printable character other than ~ . ^, space or tab` {
		t.Errorf("a state without a glyph on a generated theatre: %v", list)
	}
	// A glyph given but not valid is refused as such, not as missing too.
	for _, g := range []string{"~", "BB"} {
		b.Reset()
		b.WriteString("[scenario]\nstart = \"2000-01\"\nticks = 3\n[theater.generate]\nwidth = 40\nheight = 40\n")
		b.WriteString("[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"" + g + "\"\n")
		list = parseErrors(t, b.String())
		if len(list) != 1 || list[0].Key != "states[0].glyph" || strings.Contains(list[0].Msg, "missing") {
			t.Errorf("glyph %q on a generated theatre: %v", g, list)
		}
	}
}

// A drawn map wider or taller than 1000 cells is refused at the row that
// passes the limit, like a generated theatre.
func TestMapSizeCapped(t *testing.T) {
	wide := strings.Replace(base, "~~AA..BB\n~~AA..BB", "~~AA..BB\n~~AA..BB"+strings.Repeat(".", 994), 1)
	list := parseErrors(t, wide)
	if len(list) != 1 || list[0].Line != 10 || list[0].Key != "theater.map" || !strings.Contains(list[0].Msg, "row 2, column 1001: row has 1002 cells; allowed: at most 1000") {
		t.Fatalf("want the wide row refused at line 10, got %v", list)
	}
}

// An unknown glyph drawn on several cells is one error, at the line and
// cell of the first, with the count of the others.
func TestUnknownGlyphGrouped(t *testing.T) {
	bad := strings.Replace(base, "~~AA..BB\n~~AA..BB", "~~AA..BB\n~~AA.??B", 1)
	list := parseErrors(t, bad)
	if len(list) != 1 || list[0].Line != 10 || list[0].Key != "theater.map" ||
		!strings.Contains(list[0].Msg, "row 2, column 6: ") || !strings.Contains(list[0].Msg, "(and 1 more cell);") {
		t.Fatalf("want one error at line 10, row 2, column 6, counting 1 more cell; got %v", list)
	}
}

// A state whose glyph the map never draws is refused at the map, naming
// the state (it used to validate, then be wholly occupied at once).
// A state left out for its id (not a valid id, or one given twice) is
// reported for its id alone: its glyph on the map is not also an unknown
// glyph.
func TestBadIDGlyphNotUnknown(t *testing.T) {
	src := base + "\n[[states]]\nid = \"C1\"\nrole = \"client\"\nglyph = \"C\"\n\n[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"D\"\n"
	src = strings.Replace(src, "~~AA..BB\n~~AA..BB", "~~AA..BB\n~~AACCDD", 1)
	list := parseErrors(t, src)
	if len(list) != 2 || list[0].Key != "states[2].id" || list[1].Key != "states[3].id" ||
		!strings.Contains(list[0].Msg, `"C1" is not a valid id`) || !strings.Contains(list[1].Msg, `duplicate id "a"`) {
		t.Errorf("want the two ids alone, got\n%v", list)
	}
}

func TestGlyphNotDrawn(t *testing.T) {
	bad := strings.Replace(base, "~~AA..BB\n~~AA..BB", "~~AA....\n~~AA....", 1)
	list := parseErrors(t, bad)
	if len(list) != 1 || list[0].Line != 8 || list[0].Key != "theater.map" ||
		list[0].Msg != `no cell of the map has "b"'s glyph "B"; allowed: a glyph drawn on at least one cell of the map` {
		t.Fatalf("want one error at line 8 naming b; got %v", list)
	}
}

// Weights, costs, stakes and decision settings have finite maxima, so
// that no value a file allows can make the model's arithmetic overflow:
// weight_proximity = weight_offence = 1e308 gave NaN threats. A horizon
// sampled too often for the time series is refused too.
func TestParamsBounded(t *testing.T) {
	cases := []errorCase{
		{"weights", base + "\n[params]\nweight_proximity = 1e308\nweight_offence = 1e308\n", 25, "params.weight_proximity", "1e+308 is out of range; allowed: a number in [0, 1000000]"},
		{"cost", base + "\n[params]\ncost_threat = 2e6\n", 25, "params.cost_threat", "allowed: a number in [0, 1000000]"},
		{"lambda", base + "\n[decision]\nlambda = 1e300\n", 25, "decision.lambda", "allowed: a number in [0, 1000000]"},
		{"patience", base + "\n[decision]\npatience = 1e300\n", 25, "decision.patience", "allowed: a whole number in [0, 1000000]"},
		{"stakes", strings.Replace(base, "land = 2", "land = 2\nstakes = { b = 1e300 }", 1), 18, "states[0].stakes.b", "allowed: a number in [0, 1000000]"},
		{"samples", strings.Replace(base, "ticks = 24", "ticks = 1000000", 1) + "\n[params]\nrecord_every = 1\n", 25, "params.record_every",
			"1000000 ticks sampled every 1 ticks make 1000000 time-series samples; allowed: at most 10000 (record_every ≥ 100)"},
	}
	expectErrors(t, cases)
}

// A description may keep the carriage returns of a file written with CRLF
// line endings; a scenario named after a file whose name holds a control
// character is refused at [scenario], and a name given in the file is
// then what counts.
func TestTextOfWindowsFilesAndFileNames(t *testing.T) {
	crlf := strings.ReplaceAll(strings.Replace(base, `description = "test"`, "description = \"\"\"\nFirst line.\nSecond line.\n\"\"\"", 1), "\n", "\r\n")
	if _, err := Parse("crlf.toml", []byte(crlf)); err != nil {
		t.Fatalf("a CRLF file: %v", err)
	}
	unnamed := strings.Replace(base, "name = \"t\"\n", "", 1)
	if _, err := Parse("x\ty.toml", []byte(unnamed)); err == nil || !strings.Contains(err.Error(), "x\ty.toml:1: scenario.name: the scenario is named after its file, \"x\\ty\", which is blank or holds a control character") {
		t.Fatalf("a file name with a tab: %v", err)
	}
	if _, err := Parse(".toml", []byte(unnamed)); err == nil || !strings.Contains(err.Error(), ".toml:1: scenario.name: the scenario is named after its file, \"\", which is blank") {
		t.Fatalf("a file named .toml: %v", err)
	}
	if _, err := Parse("x\ty.toml", []byte(base)); err != nil {
		t.Fatalf("named in the file: %v", err)
	}
}

// A file at each limit of a scenario is valid, and one past it is refused
// at the line that passes it: 64 states (65 refused at the 65th), 10000
// events (10001 at the 10001st), 10000 time-series samples (10001 at
// record_every), and an event dated the run's last month (the month after
// refused at its at).
func TestScenarioLimitsAtTheirEdges(t *testing.T) {
	states := func(n int) string {
		var b strings.Builder
		b.WriteString(base)
		for i := 2; i < n; i++ {
			fmt.Fprintf(&b, "[[states]]\nid = \"s%d\"\nrole = \"client\"\n", i)
		}
		return b.String()
	}
	events := func(n int) string {
		var b strings.Builder
		b.WriteString(base)
		for range n {
			b.WriteString("[[events]]\ntick = 1\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n")
		}
		return b.String()
	}
	samples := func(ticks int) string {
		return strings.Replace(base, "ticks = 24", fmt.Sprintf("ticks = %d", ticks), 1) + "\n[params]\nrecord_every = 1\n"
	}
	at := func(month string) string {
		return base + "[[events]]\nat = \"" + month + "\"\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n"
	}
	for _, c := range []struct {
		name, ok, bad string
		want          string
	}{
		{"64 states", states(64), states(65), "s.toml:209: states[64]: 65 states; allowed: at most 64"},
		{"10000 events", events(10_000), events(10_001), "s.toml:50023: events[10000]: 10001 events; allowed: at most 10000"},
		{"10000 samples", samples(10_000), samples(10_001),
			"s.toml:25: params.record_every: 10001 ticks sampled every 1 ticks make 10001 time-series samples; allowed: at most 10000 (record_every ≥ 2)"},
		// ⌈20001/2⌉ = 10001 samples: one too many, though ⌊20001/2⌋ is not.
		{"10000 samples every 2 ticks", strings.Replace(samples(20_000), "record_every = 1", "record_every = 2", 1),
			strings.Replace(samples(20_001), "record_every = 1", "record_every = 2", 1),
			"s.toml:25: params.record_every: 20001 ticks sampled every 2 ticks make 10001 time-series samples; allowed: at most 10000 (record_every ≥ 3)"},
		{"an event in the last month", at("1951-12"), at("1952-01"), "s.toml:24: events[0].at: 1952-01 is after the horizon; allowed: 1950-01 to 1951-12"},
	} {
		if _, err := Parse("s.toml", []byte(c.ok)); err != nil {
			t.Errorf("%s: the edge is refused: %.300v", c.name, err)
		}
		if _, err := Parse("s.toml", []byte(c.bad)); err == nil || err.Error() != c.want {
			t.Errorf("%s: one past the edge:\n got %.300v\nwant %s", c.name, err, c.want)
		}
	}
}

// Each of these files has exactly the errors listed, in order: the rule
// broken is reported once, where it was written, and nothing it leads to
// is reported as well.
func TestErrorsExactly(t *testing.T) {
	noMap := "map = \"\"\"\n~~AA..BB\n~~AA..BB\n\"\"\"\n"
	intent := "kind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n"
	for _, c := range []struct {
		name, file, src string
		want            []string
	}{
		// A glyph is one character: "BB" is two (its first is not taken).
		{"glyph of two characters", "s.toml", strings.Replace(base, `glyph = "B"`, `glyph = "BB"`, 1), []string{
			`s.toml:9: theater.map: row 1, column 7: unknown glyph 'B' (U+0042) (and 3 more cells); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A'`,
			`s.toml:22: states[1].glyph: "BB" is not one character; allowed: one printable character other than ~ . ^, space or tab`}},
		// Only patrons have stakes: said once for a client's table, whose
		// keys are still checked.
		{"a client's stakes", "s.toml", base + "[states.stakes]\na = 1\nz = 2\n", []string{
			`s.toml:24: states[1].stakes.a: only patrons have stakes; "b" has role client; allowed: no stakes, or role = "patron"`,
			`s.toml:25: states[1].stakes.z: "z" is not another state's id; allowed: a`}},
		// One state left out for its id: its glyph, drawn on the map, is
		// not also an unknown glyph.
		{"one state left out", "s.toml", strings.Replace(base+"\n[[states]]\nid = \"C1\"\nrole = \"client\"\nglyph = \"C\"\n",
			"~~AA..BB\n~~AA..BB", "~~AA..BB\n~~AA..CC", 1), []string{
			`s.toml:25: states[2].id: "C1" is not a valid id; allowed: lowercase letters, digits and _, starting with a letter`}},
		// A state left out for its id still has its other keys checked,
		// so that every problem of the table is said at once; a role
		// missing too is not news.
		{"a bad id and a bad value", "s.toml", base + "\n[[states]]\nid = \"C1\"\nland = \"x\"\n", []string{
			`s.toml:25: states[2].id: "C1" is not a valid id; allowed: lowercase letters, digits and _, starting with a letter`,
			`s.toml:26: states[2].land: "x" is a string; allowed: a number in [0, 1000000]`}},
		// Every state left out for its id: the file has [[states]], so
		// "no states" is not said.
		{"every state left out", "s.toml", strings.Replace(strings.Replace(base, `id = "a"`, `id = "A1"`, 1), `id = "b"`, `id = "B1"`, 1), []string{
			`s.toml:14: states[0].id: "A1" is not a valid id; allowed: lowercase letters, digits and _, starting with a letter`,
			`s.toml:20: states[1].id: "B1" is not a valid id; allowed: lowercase letters, digits and _, starting with a letter`}},
		// A rough overlay goes with a drawn map only.
		{"rough with generate", "s.toml", strings.Replace(base, noMap, "rough = \"\"\"\n..\n\"\"\"\n[theater.generate]\nwidth = 20\nheight = 20\n", 1), []string{
			`s.toml:8: theater.rough: a rough overlay needs a map; allowed: map with rough, or generate alone`}},
		// A literal multi-line map (''') starts on the line after its key,
		// as a basic one (""") does: row 2 is line 8 + 2.
		{"literal map", "s.toml", strings.Replace(base, strings.TrimSuffix(noMap, "\n"), "map = '''\n~~AA..BB\n~~AA..ZB\n'''", 1), []string{
			`s.toml:10: theater.map: row 2, column 7: unknown glyph 'Z' (U+005A); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A', 'B'`}},
		// Event ids of the wrong type are not also duplicates of each other.
		{"event ids of the wrong type", "s.toml", base + "[[events]]\nid = 5\ntick = 1\n" + intent + "[[events]]\nid = 5\ntick = 2\n" + intent, []string{
			`s.toml:24: events[0].id: 5 is an integer; allowed: an event id such as korean-war-invasion`,
			`s.toml:30: events[1].id: 5 is an integer; allowed: an event id such as korean-war-invasion`}},
		// A switch takes true or false, not 1.
		{"a number for a switch", "s.toml", base + "[params]\ninvite_occupied = 1\n", []string{
			`s.toml:24: params.invite_occupied: 1 is a number; allowed: true or false`}},
		// A start that is not a month leaves no calendar to check the
		// horizon against: 200000 ticks are not said to end past 9999-12.
		{"a bad start and a long horizon", "s.toml", strings.Replace(strings.Replace(base, `start = "1950-01"`, `start = "1950-13"`, 1), "ticks = 24", "ticks = 200000", 1), []string{
			`s.toml:4: scenario.start: "1950-13" is not a month; allowed: YYYY-MM, e.g. 1950-06`}},
		// A horizon past 9999-12 is said once; an event's months stop
		// there too, not at the month the horizon would reach.
		{"a horizon past 9999-12", "s.toml", strings.Replace(base, `start = "1950-01"`, `start = "9999-12"`, 1) + "[[events]]\nat = \"1950-06\"\n" + intent, []string{
			`s.toml:5: scenario.ticks: 24 ticks from 9999-12 end in 10001-11; allowed: a run that ends by 9999-12 (at most 1 tick from this start)`,
			`s.toml:24: events[0].at: 1950-06 is before the start 9999-12; allowed: 9999-12 to 9999-12`}},
		// With no horizon an event's tick is any whole number ≥ 0.
		{"an event tick without a horizon", "s.toml", strings.Replace(base, "ticks = 24\n", "", 1) + "[[events]]\ntick = \"3\"\n" + intent, []string{
			`s.toml:1: scenario.ticks: missing; allowed: a whole number in [1, 1000000]`,
			`s.toml:23: events[0].tick: "3" is a string; allowed: a whole number ≥ 0`}},
		// Each event kind's required keys, and the actor every event needs.
		{"an event without actor", "s.toml", base + "[[events]]\ntick = 1\nkind = \"intent\"\ndelta = 0.1\n", []string{
			`s.toml:23: events[0]: event without actor; allowed: actor = a state id`}},
		{"an intent without delta", "s.toml", base + "[[events]]\ntick = 1\nkind = \"intent\"\nactor = \"a\"\n", []string{
			`s.toml:23: events[0]: intent event without delta; allowed: delta = a number in [-10, 10] (a shift of revisionism on the logit scale)`}},
		{"a sovereignty event without sovereign", "s.toml", base + "[[events]]\ntick = 1\nkind = \"sovereignty\"\nactor = \"a\"\n", []string{
			`s.toml:23: events[0]: sovereignty event without sovereign; allowed: sovereign = true or false`}},
		{"an ideology event without ideology", "s.toml", base + "[[events]]\ntick = 1\nkind = \"ideology\"\nactor = \"a\"\n", []string{
			`s.toml:23: events[0]: ideology event without ideology; allowed: ideology = a number in [-1, 1] (the actor's new position)`}},
		{"an occupation without target", "s.toml", base + "[[events]]\ntick = 1\nkind = \"occupy\"\nactor = \"a\"\nfraction = 0.5\n", []string{
			`s.toml:23: events[0]: occupy event without target; allowed: target = the id of the state whose cells change hands`}},
		// Unknown actor and target are not also "the actor itself" (both
		// unread).
		{"an occupation by and of unknown states", "s.toml", base + "[[events]]\ntick = 1\nkind = \"occupy\"\nactor = \"zz\"\ntarget = \"yy\"\nfraction = 0.5\n", []string{
			`s.toml:26: events[0].actor: "zz" is not a state in this scenario; allowed: a, b`,
			`s.toml:27: events[0].target: "yy" is not a state in this scenario; allowed: a, b`}},
		// One date: at or tick.
		{"both at and tick", "s.toml", base + "[[events]]\ntick = 1\nat = \"1950-03\"\n" + intent, []string{
			`s.toml:24: events[0].tick: both at and tick given; allowed: one of them`}},
		// A month before the start: the run's months are 1950-01 to
		// 1951-12 (24 ticks of a month, the last at tick 23).
		{"a month before the start", "s.toml", base + "[[events]]\nat = \"1949-12\"\n" + intent, []string{
			`s.toml:24: events[0].at: 1949-12 is before the start 1950-01; allowed: 1950-01 to 1951-12`}},
		// A month cannot be placed without a start, nor found after a
		// horizon that is not given.
		{"a month and a bad start", "s.toml", strings.Replace(base, `start = "1950-01"`, `start = "1950-13"`, 1) + "[[events]]\nat = \"1950-05\"\n" + intent, []string{
			`s.toml:4: scenario.start: "1950-13" is not a month; allowed: YYYY-MM, e.g. 1950-06`}},
		// Before the start with no horizon: the months allowed have no end.
		{"a month before the start and no horizon", "s.toml", strings.Replace(base, "ticks = 24\n", "", 1) + "[[events]]\nat = \"1949-05\"\n" + intent, []string{
			`s.toml:1: scenario.ticks: missing; allowed: a whole number in [1, 1000000]`,
			`s.toml:23: events[0].at: 1949-05 is before the start 1950-01; allowed: 1950-01 or later`}},
		{"a month and no horizon", "s.toml", strings.Replace(base, "ticks = 24\n", "", 1) + "[[events]]\nat = \"1950-05\"\n" + intent, []string{
			`s.toml:1: scenario.ticks: missing; allowed: a whole number in [1, 1000000]`}},
		// A name of the wrong type is that error alone, though the file's
		// name (".toml", blank) would not do either.
		{"a name of the wrong type", ".toml", strings.Replace(base, `name = "t"`, `name = 5`, 1), []string{
			`.toml:2: scenario.name: 5 is an integer; allowed: a string`}},
	} {
		_, err := Parse(c.file, []byte(c.src))
		checkErrorList(t, c.name, err, "", c.want)
	}
}

// Defaults a file may leave out: a state is named by its id, and a
// generated theatre has one island and seed 1.
func TestDefaultsLeftOut(t *testing.T) {
	sc, err := Parse("s.toml", []byte(strings.Replace(base, `id = "b"`, "id = \"b\"\nname = \"Bee\"", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if sc.States[0].Name != "a" || sc.States[1].Name != "Bee" {
		t.Errorf("names %q, %q; want the id \"a\" and the name given, \"Bee\"", sc.States[0].Name, sc.States[1].Name)
	}
	sc, err = Parse("s.toml", []byte(strings.Replace(base, "map = \"\"\"\n~~AA..BB\n~~AA..BB\n\"\"\"\n", "[theater.generate]\nwidth = 20\nheight = 20\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if g := sc.Generate; g == nil || g.Islands != 1 || g.Seed != 1 || g.Width != 20 || g.Height != 20 {
		t.Errorf("generate %+v; want 20×20, 1 island, seed 1", g)
	}
}

// checkErrorList checks that err is an Errors list of exactly the messages
// want, in order, each with the prefix trim removed.
func checkErrorList(t *testing.T, name string, err error, trim string, want []string) {
	t.Helper()
	var list Errors
	if !errors.As(err, &list) {
		t.Errorf("%s: want Errors, got %v", name, err)
		return
	}
	got := make([]string, len(list))
	for i, e := range list {
		got[i] = strings.TrimPrefix(e.Error(), trim)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %s\nwant %s", name, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// An error in a map's row names the line the row is written on, however
// the string is written: a map closed on its key's line holds every row
// there; blank lines after the opening quotes are dropped with the
// newline before them, and those before the closing quotes add no row
// (the unknown glyph is the only error); a map drawn in a file another extends is located in
// that file's lines, not the extending file's.
func TestMapRowLines(t *testing.T) {
	noMap := "map = \"\"\"\n~~AA..BB\n~~AA..BB\n\"\"\""
	for _, c := range []struct{ name, src, want string }{
		{"rows on the next lines", strings.Replace(base, noMap, "map = \"\"\"\n~~AA..BB\n~~AA..ZB\n\"\"\"", 1), "s.toml:10: "},
		{"a row on the key's line", strings.Replace(base, noMap, "map = \"\"\"~~AA..BB\n~~AA..ZB\n\"\"\"", 1), "s.toml:9: "},
		{"a blank line first", strings.Replace(base, noMap, "map = \"\"\"\n\n~~AA..BB\n~~AA..ZB\n\"\"\"", 1), "s.toml:11: "},
		{"two blank lines first", strings.Replace(base, noMap, "map = \"\"\"\n\n\r\n~~AA..BB\n~~AA..ZB\n\"\"\"", 1), "s.toml:12: "},
		{"blank lines last", strings.Replace(base, noMap, "map = \"\"\"\n~~AA..BB\n~~AA..ZB\n\n\n\"\"\"", 1), "s.toml:10: "},
		{"one line, basic", strings.Replace(base, noMap, `map = "~~AA..BB\n~~AA..ZB"`, 1), "s.toml:8: "},
		{"one line, multi-line quotes", strings.Replace(base, noMap, `map = """~~AA..BB\n~~AA..ZB"""`, 1), "s.toml:8: "},
	} {
		if !strings.Contains(c.src, "ZB") {
			t.Fatalf("%s: the map was not replaced", c.name)
		}
		_, err := Parse("s.toml", []byte(c.src))
		if err == nil || !strings.HasPrefix(err.Error(), c.want+"theater.map: row 2, column 7: unknown glyph 'Z'") {
			t.Errorf("%s: %v; want it at %s", c.name, err, c.want)
		}
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "base.toml"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	// The child has four lines: read in them, the base's row 1 was put
	// on line 8, its key's. It is on the base's line 9.
	child := filepath.Join(dir, "child.toml")
	if err := os.WriteFile(child, []byte("extends = \"base.toml\"\n[[states]]\nid = \"b\"\nglyph = \"C\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(child)
	if err == nil || !strings.Contains(err.Error(), "base.toml:9: theater.map: row 1, column 7: unknown glyph 'B'") {
		t.Errorf("a map in the extended file: %v", err)
	}
}

// A name ending in .toml in any case is a file; a name without it is a
// built-in, and where a file of that name is there, the error says how to
// read it.
func TestBuiltinOrFile(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"generic", true}, {"x.toml", false}, {"X.TOML", false}, {"x.Toml", false}, {"dir/x", false}, {`dir\x`, false}, {"tomlish", true}} {
		if got := IsBuiltinRef(c.s); got != c.want {
			t.Errorf("IsBuiltinRef(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	for _, c := range [][2]string{{"x.toml", "x"}, {"X.TOML", "X"}, {"x.Toml", "x"}, {"x", "x"}, {".toml", ""}, {"x.tom", "x.tom"}} {
		if got := TrimTOML(c[0]); got != c[1] {
			t.Errorf("TrimTOML(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("scen", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("scen"); err == nil || !strings.HasSuffix(err.Error(), "; the file scen is read as ./scen") {
		t.Errorf("a file named like a built-in: %v", err)
	}
	if _, err := Load("./scen"); err != nil {
		t.Errorf("./scen: %v", err)
	}
	// An output directory named as a scenario: its scenario.toml is the
	// one that ran there, and the refusal names it.
	if err := os.Mkdir("asia.out", 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("asia.out"); err == nil || strings.Contains(err.Error(), "asia.out/scenario.toml") {
		t.Errorf("a directory without scenario.toml: %v; want no hint", err)
	}
	if err := os.WriteFile(filepath.Join("asia.out", "scenario.toml"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("asia.out"); err == nil || !strings.HasSuffix(err.Error(), "; the directory asia.out holds the scenario that ran there: "+filepath.Join("asia.out", "scenario.toml")) {
		t.Errorf("an output directory named as a scenario: %v", err)
	}
	if err := os.WriteFile("S.TOML", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("S.TOML"); err != nil {
		t.Errorf("S.TOML: %v", err)
	}
}

// writeIn writes src to the file name in dir and returns its path.
func writeIn(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A state whose role is misspelled or missing has that error only: the
// checks that read roles do not take it for a patron (Role's zero value),
// which made the patron's stake in it "a stake in a patron" too, and its
// client's decision keys a patron's.
func TestARoleErrorIsTheOnlyError(t *testing.T) {
	withStake := strings.Replace(base, "land = 2", "land = 2\nstakes = { b = 1 }", 1)
	for name, src := range map[string]string{
		"misspelled": strings.Replace(withStake, `role = "client"`, `role = "ally"`, 1),
		"missing":    strings.Replace(withStake, "role = \"client\"\n", "", 1),
	} {
		list := parseErrors(t, src)
		if len(list) != 1 || list[0].Key != "states[1].role" && !strings.Contains(list[0].Msg, "has no role") {
			t.Errorf("%s role: %d errors, want the role's alone:\n%v", name, len(list), list)
		}
	}
	// Nor are a state's own stakes when its role, perhaps a patron's, is
	// the one in question.
	src := strings.Replace(withStake, `role = "patron"`, `role = "patrn"`, 1)
	if list := parseErrors(t, src); len(list) != 1 || list[0].Key != "states[0].role" {
		t.Errorf("stakes of a state of no known role: %d errors, want the role's alone:\n%v", len(list), list)
	}
	// A client's own decision keys of a patron's are not its error either
	// when its role is the one in question.
	src = strings.Replace(base, `role = "client"`, "role = \"ally\"\ndecision = { patience = 12 }", 1)
	if list := parseErrors(t, src); len(list) != 1 {
		t.Errorf("a patron's decision key on a state of no known role: %d errors, want 1:\n%v", len(list), list)
	}
}

// Builtin's scenario is the caller's: a change to one, as its comment
// allows, reaches no later call.
func TestBuiltinIsTheCallers(t *testing.T) {
	a, err := Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	noise, land := a.Params.PerceptionNoise, a.States[0].Land
	a.Params.PerceptionNoise = noise + 1
	a.States[0].Land = land + 1
	a.States = a.States[:1]
	b, err := Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	if b.Params.PerceptionNoise != noise || b.States[0].Land != land || len(b.States) < 2 {
		t.Errorf("a change to one Builtin reached the next: noise %v (want %v), land %v (want %v), %d states",
			b.Params.PerceptionNoise, noise, b.States[0].Land, land, len(b.States))
	}
}

// A file that extends a built-in named as a file that is not there
// (extends = "asia-1950.toml"), and an experiment whose scenario is, are
// told the built-in's name, as a command line naming it is; a missing
// file of no built-in's name is refused as missing, listing the built-ins.
func TestExtendsABuiltinsNameAsAFile(t *testing.T) {
	dir := t.TempDir()
	_, err := Parse(filepath.Join(dir, "x.toml"), []byte("extends = \"asia-1950.toml\"\n"))
	if err == nil || !strings.Contains(err.Error(), `no such file or directory; allowed: "asia-1950", the built-in scenario, named without .toml, or a path to a regular .toml file`) {
		t.Errorf("extends = \"asia-1950.toml\": %v", err)
	}
	_, err = ParseExperiment(filepath.Join(dir, "e.toml"), []byte("scenario = \"generic.toml\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n"))
	if err == nil || !strings.Contains(err.Error(), `e.toml:1: scenario: cannot read "generic.toml"`) || !strings.Contains(err.Error(), `allowed: "generic", the built-in scenario, named without .toml`) {
		t.Errorf("scenario = \"generic.toml\": %v", err)
	}
	_, err = Parse(filepath.Join(dir, "x.toml"), []byte("extends = \"asia-1951.toml\"\n"))
	if err == nil || strings.Contains(err.Error(), "named without .toml") || !strings.Contains(err.Error(), "allowed: asia-1950, europe-1947, generic, or a path") {
		t.Errorf("extends = \"asia-1951.toml\": %v", err)
	}
}

// A built-in named as a file that is not there ("asia-1950.toml") is
// refused with the built-in's name; a missing file of no built-in's name,
// or in a directory, is refused as missing alone.
func TestLoadFileOfABuiltinsName(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := Load("asia-1950.toml")
	if want := "reading scenario: stat asia-1950.toml: no such file or directory; the built-in scenario is named asia-1950, without .toml"; err == nil || err.Error() != want {
		t.Errorf("asia-1950.toml: %v\nwant %s", err, want)
	}
	for _, path := range []string{"asia-1951.toml", filepath.Join("x", "asia-1950.toml")} {
		if _, err := Load(path); err == nil || strings.Contains(err.Error(), "built-in") {
			t.Errorf("%s: %v; want it missing, without a built-in's name", path, err)
		}
	}
	// A file of that name is read.
	if err := os.WriteFile("asia-1950.toml", []byte("extends = \"asia-1950\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("asia-1950.toml"); err != nil {
		t.Errorf("the file asia-1950.toml: %v", err)
	}
}
