package configs

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// SetPath changes exactly the path it names, through the checks of a file.
func TestSetPath(t *testing.T) {
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := Format(sc)
	for _, c := range []struct {
		path  string
		value any
		check func() bool
	}{
		{"params.sea_cost", 5.5, func() bool { return sc.Params.SeaCost == 5.5 }},
		{"states.c1.revisionism", 0.4, func() bool { return sc.States[sc.Index("c1")].Revisionism == 0.4 }},
		{"decision.strategy", "powerplay", func() bool { return decisionOf(t, sc, "patron").Strategy == "powerplay" }},
		{"theater.generate.seed", 3.0, func() bool { return sc.Generate.Seed == 3 }},
		{"scenario.ticks", 480.0, func() bool { return sc.Ticks == 480 }},
	} {
		if err := SetPath(sc, c.path, c.value); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if !c.check() {
			t.Errorf("%s = %v did not take", c.path, c.value)
		}
	}
	after, _ := Format(sc)
	changed := 0
	b, a := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	for i := range b {
		if i < len(a) && a[i] != b[i] {
			changed++
		}
	}
	if len(a) != len(b) || changed != 5 { // one line per path: the states inherit the strategy
		t.Errorf("%d lines changed, want 5:\n%s", changed, after)
	}
	for _, bad := range []struct {
		path  string
		value any
		want  string
	}{
		{"params.sea_cost", -1.0, "params.sea_cost"},
		{"params.no_such", 1.0, `"params.no_such" names no parameter; allowed: params.rough_cost`},
		{"params.temperature", 1.0, `"params.temperature" names no parameter (temperature is a decision key: decision.temperature, or states.ID.decision.temperature for one state); allowed: params.rough_cost`},
		{"decision.punishment", 1.0, `"decision.punishment" names no decision key (punishment is a parameter, the same for every state: params.punishment); allowed: decision.valuation`},
		{"states.c1.decision.punishment", 1.0, `"states.c1.decision.punishment" names no decision key (punishment is a parameter, the same for every state: params.punishment); allowed: valuation`},
		{"decision.warp", 1.0, `"decision.warp" names no decision key; allowed: decision.valuation`},
		// in another case, the path it names is written in lower case
		{"params.Sea_cost", 1.0, `"params.Sea_cost" names no parameter (keys are case-sensitive: sea_cost); allowed: params.rough_cost`},
		{"params.Temperature", 1.0, `"params.Temperature" names no parameter (keys are case-sensitive, and temperature is a decision key: decision.temperature, or states.ID.decision.temperature for one state); allowed: params.rough_cost`},
		{"decision.Punishment", 1.0, `"decision.Punishment" names no decision key (keys are case-sensitive, and punishment is a parameter, the same for every state: params.punishment); allowed: decision.valuation`},
		{"states.c1.decision.Strategy", "prospect", `"states.c1.decision.Strategy" names no decision key (keys are case-sensitive: strategy); allowed: valuation`},
		{"states.c1.revisionism", "high", "allowed"},
		{"states.nobody.land", 1.0, "nobody"},
		{"scenario.ticks", 2.5, "whole"},
	} {
		err := SetPath(sc, bad.path, bad.value)
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s = %v: want an error mentioning %q, got %v", bad.path, bad.value, bad.want, err)
		}
	}
	if again, _ := Format(sc); string(again) != string(after) {
		t.Error("a refused SetPath changed the scenario")
	}
}

// --set types a value by its path and refuses what the path cannot hold,
// naming the value as written.
func TestParseAssignment(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any
	}{
		{"params.sea_cost=2.5", 2.5},
		{"theater.generate.seed=9007199254740991", 9007199254740991.0},
		{"states.c1.sovereign=false", false},
		{"decision.strategy=powerplay", "powerplay"},
		{`decision.strategy="powerplay"`, "powerplay"}, // as a file writes it
		{`decision.valuation="expected_utility"`, "expected_utility"},
		{"params.sea_cost=0x10", 16.0},
		{"params.sea_cost=0o17", 15.0},
		{"params.sea_cost=0b1_1", 3.0},
	} {
		a, err := ParseAssignment(c.in)
		if err != nil || a.Value != c.want {
			t.Errorf("%s: %v, %v; want %v", c.in, a.Value, err, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"theater.generate.seed=9007199254740993", "theater.generate.seed: 9007199254740993 is too large to be held exactly; allowed: a whole number in [0, 9007199254740991] for theater.generate.seed"},
		{"theater.generate.seed=9007199254740992", "theater.generate.seed: 9007199254740992 is too large"},
		{"theater.generate.seed=9007199254740993.0", "theater.generate.seed: 9007199254740993.0 is too large"}, // as written
		{"theater.generate.seed=9_007_199_254_740_993", "theater.generate.seed: 9_007_199_254_740_993 is too large"},
		// a number path refuses it later, by its own range (TestSetPathFromGo)
		{"params.sea_cost=9007199254740993", ""},
		{"scenario.ticks=2.5", "scenario.ticks: 2.5 is not a whole number; allowed: a whole number in [1, 1000000] for scenario.ticks"},
		{"scenario.ticks=1000001", ""}, // out of the range of ticks, which the scenario's check reports
		{"params.sea_cost=cheap", `params.sea_cost=cheap: "cheap" is not a number; allowed: a number in [0, 1000000]`},
		// --set gives the range a file's check gives, and takes true or
		// false as a file does.
		{"params.sea_cost=abc", `params.sea_cost=abc: "abc" is not a number; allowed: a number in [0, 1000000]`},
		// Numbers as a file writes them: too large is out of range, too
		// small is not silently 0, and Go's hex floats and Inf are not
		// numbers of a scenario file.
		{"params.sea_cost=1e400", `params.sea_cost=1e400: 1e400 is out of range; allowed: a number in [0, 1000000]`},
		{"params.sea_cost=1e-400", `params.sea_cost=1e-400: 1e-400 is too small for a number to hold, and would be 0; allowed: 0, or a number in [0, 1000000]`},
		{"params.sea_cost=0x1p4", `params.sea_cost=0x1p4: "0x1p4" is not a number as a scenario file writes one; allowed: a number in [0, 1000000]`},
		{"params.sea_cost=05", `params.sea_cost=05: "05" is not a number as a scenario file writes one (no leading zero, a digit either side of a point: 5, 0.5, 1e-3); allowed: a number in [0, 1000000]`},
		{"params.sea_cost=.5", `".5" is not a number as a scenario file writes one`},
		{"params.sea_cost=5.", `"5." is not a number as a scenario file writes one`},
		{"params.sea_cost=1.e5", `"1.e5" is not a number as a scenario file writes one`},
		{"params.sea_cost=0_5", `"0_5" is not a number as a scenario file writes one`},
		{"scenario.ticks=-012", `"-012" is not a number as a scenario file writes one`},
		{"params.sea_cost=+1_000.5e-0_1", ""},
		{"params.sea_cost=0.05", ""},
		{"params.sea_cost=-0", ""},
		// TOML's other integers, as a file writes them: unsigned, a
		// lower-case prefix, underscores between digits.
		{"params.sea_cost=0x10", ""},
		{"params.sea_cost=0xdead_beef", ""}, // read; a number path refuses it later, by its own range
		{"params.sea_cost=0o17", ""},
		{"params.sea_cost=0b11", ""},
		{"params.sea_cost=+0x10", `"+0x10" is not a number as a scenario file writes one`},
		{"params.sea_cost=0X10", `"0X10" is not a number as a scenario file writes one`},
		{"params.sea_cost=0o8", `"0o8" is not a number as a scenario file writes one`},
		{"params.sea_cost=0x_10", `"0x_10" is not a number as a scenario file writes one`},
		{"theater.generate.seed=0x7fffffffffffffff", "is too large to be held exactly"},
		{"theater.generate.seed=0x8000000000000000", "0x8000000000000000 is out of range"},
		{"params.sea_cost=Inf", `params.sea_cost=Inf: "Inf" is not finite; allowed: a number in [0, 1000000]`},
		{"params.sea_cost=nan", "params.sea_cost: NaN is not a finite number; allowed: a number in [0, 1000000] for params.sea_cost"},
		{"decision.patience=1e20", "decision.patience: 1e20 is out of range; allowed: a whole number in [0, 1000000] for decision.patience"},
		{"decision.patience=2.5", "decision.patience: 2.5 is not a whole number; allowed: a whole number in [0, 1000000] for decision.patience"},
		{"params.invite_occupied=1", `params.invite_occupied=1: "1" is not true or false; allowed: true or false`},
		{"params.invite_occupied=T", `params.invite_occupied=T: "T" is not true or false; allowed: true or false`},
		{"params.invite_occupied=0", `params.invite_occupied=0: "0" is not true or false; allowed: true or false`},
		{"states.c1.sovereign=TRUE", `states.c1.sovereign=TRUE: "TRUE" is not true or false; allowed: true or false`},
		{"params.invite_occupied=true", ""},
		{"params.sea_cost", `"params.sea_cost": the value is missing; allowed: path=value (params.sea_cost takes a number in [0, 1000000])`},
		{"params.sea_cost=", `"params.sea_cost": the value is missing; allowed: path=value (params.sea_cost takes a number in [0, 1000000])`},
		{"sea_cost", `"sea_cost": the value is missing; allowed: path=value`},
		{"states.c1.role=", `"states.c1.role" names no state field that can be varied`},
		{"=5", `"=5": the path is missing; allowed: path=value`},
	} {
		_, err := ParseAssignment(c.in)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.in, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v; want %q", c.in, err, c.want)
		}
	}
}

// SetPath takes a number as Go code holds it (an int, a float32), and a
// scenario that was invalid before the change is blamed, not the path
// set.
func TestSetPathFromGo(t *testing.T) {
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	if err := SetPath(sc, "params.sea_cost", 2); err != nil || sc.Params.SeaCost != 2 {
		t.Errorf("an int: %v, sea cost %v", err, sc.Params.SeaCost)
	}
	if err := SetPath(sc, "scenario.ticks", int32(120)); err != nil || sc.Ticks != 120 {
		t.Errorf("an int32: %v, ticks %v", err, sc.Ticks)
	}
	if err := SetPath(sc, "params.sea_cost", float32(2.5)); err != nil || sc.Params.SeaCost != 2.5 {
		t.Errorf("a float32: %v, sea cost %v", err, sc.Params.SeaCost)
	}
	for _, v := range []any{int64(1) << 60, 1 << 60, uint64(1) << 60} {
		if err := SetPath(sc, "theater.generate.seed", v); err == nil || !strings.Contains(err.Error(), "1152921504606846976 is too large to be held exactly; allowed: a whole number in [0, 9007199254740991]") {
			t.Errorf("a %T past 2^53: %v", v, err)
		}
	}
	if err := SetPath(sc, "params.sea_cost", int64(1)<<60); err == nil || !strings.Contains(err.Error(), "is out of range; allowed: a number in") {
		t.Errorf("a number path past 2^53: %v", err)
	}
	sc.Ticks = -3
	err = SetPath(sc, "params.sea_cost", -5.0)
	if err == nil || !strings.Contains(err.Error(), "the scenario generic is invalid before params.sea_cost is set") ||
		!strings.Contains(err.Error(), "ticks") || !strings.Contains(err.Error(), "and with it set:") || !strings.Contains(err.Error(), "-5 is out of range") {
		t.Errorf("an invalid scenario: %v", err)
	}
}

// A state's decision override written in Go as any number type formats,
// as Validate accepts it (the patron's: patience is a patron's key).
func TestFormatOverrideNumberTypes(t *testing.T) {
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	if sc.States[0].Role != sim.Patron {
		t.Fatalf("generic's first state is a %s; the test needs its patron", sc.States[0].Role)
	}
	sc.States[0].Decision = map[string]any{"temperature": float32(0.25), "patience": uint8(6)}
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	text, err := Format(sc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("x.toml", text)
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := back.DecisionOf(0); d.Temperature != 0.25 || d.Patience != 6 {
		t.Errorf("read back: temperature %v, patience %v", d.Temperature, d.Patience)
	}
}

// A --set that makes the base's own events invalid names each event by id,
// kind, actor and date (the canonical text's lines and keys mean nothing
// to the user), once.
func TestApplyNamesTheBaseEvents(t *testing.T) {
	sc, err := Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	err = Apply(sc, assignments(t, "scenario.ticks=12"))
	want := "scenario.ticks: 7 problems:\n" +
		`  - event "japan-sovereignty" (sovereignty jpn): 1952-04 is after the horizon (the horizon is set by scenario.ticks); allowed: 1950-01 to 1950-12, or scenario.ticks of at least 28` + "\n" +
		`  - event "japan-rearmament" (capability jpn): 1952-04 is after the horizon (the horizon is set by scenario.ticks); allowed: 1950-01 to 1950-12, or scenario.ticks of at least 28` + "\n" +
		`  - event "korean-war-armistice-prc" (intent chn): 1953-07 is after`
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "japan-sovereignty") != 1 {
		t.Fatalf("got %v\nwant %s…", err, want)
	}
}

// An event without an id that a --set makes invalid is named by its kind,
// actor and date, not by its place: the resolved scenario's events are in
// date order, and "event 3" pointed at the file's third event (the
// capability, events[2]) where the fault was the second's (the
// withdrawal, events[1]).
func TestApplyNamesEventsWithoutIDByWhatTheyAre(t *testing.T) {
	sc, err := Parse("x.toml", []byte(`[scenario]
start = "2000-01"
ticks = 60
[theater]
map = """
AB
"""
[[states]]
id = "a"
role = "patron"
glyph = "A"
[[states]]
id = "b"
role = "adversary"
glyph = "B"
[[events]]
at = "2001-01"
kind = "occupy"
actor = "b"
target = "a"
fraction = 0.5
[[events]]
at = "2003-01"
kind = "withdraw"
actor = "b"
target = "a"
[[events]]
at = "2002-01"
kind = "capability"
actor = "a"
land = 4
`))
	if err != nil {
		t.Fatal(err)
	}
	err = Apply(sc, assignments(t, "scenario.ticks=6"))
	want := "scenario.ticks: 3 problems:\n" +
		"  - an event (occupy b): 2001-01 is after the horizon (the horizon is set by scenario.ticks); allowed: 2000-01 to 2000-06, or scenario.ticks of at least 13\n" +
		"  - an event (capability a): 2002-01 is after the horizon (the horizon is set by scenario.ticks); allowed: 2000-01 to 2000-06, or scenario.ticks of at least 25\n" +
		"  - an event (withdraw b): 2003-01 is after the horizon (the horizon is set by scenario.ticks); allowed: 2000-01 to 2000-06, or scenario.ticks of at least 37"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// Several --set values out of range are each said under the path that
// set it, in the order given, once each even where the messages are alike
// (they used to lose their paths, and two alike merged: three problems
// said as two).
func TestApplyNamesEachPath(t *testing.T) {
	sc, err := Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	as := assignments(t, "params.sea_cost=-1", "states.usa.land=-1", "states.usa.stakes.jpn=0.5", "params.rough_cost=-1")
	err = Apply(sc, as)
	want := "params.sea_cost, states.usa.land, states.usa.stakes.jpn, params.rough_cost: 3 problems:\n" +
		"  - params.sea_cost: -1 is out of range; allowed: a number in [0, 1000000]\n" +
		"  - states.usa.land: -1 is out of range; allowed: a number in [0, 1000000]\n" +
		"  - params.rough_cost: -1 is out of range; allowed: a number in [0, 1000000]"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
	// One fault of one path among several is said after that path alone,
	// not after every path set (the others are not at fault); a fault of
	// the paths together, after all of them; and a horizon one of several
	// paths set is said to be set by that path.
	for _, c := range []struct {
		sets []string
		want string
	}{
		{[]string{"params.sea_cost=4", "params.rough_cost=-1"}, "params.rough_cost: -1 is out of range; allowed: a number in [0, 1000000]"},
		{[]string{"params.sea_cost=4", "scenario.ticks=12"}, "params.sea_cost, scenario.ticks: 7 problems:\n" +
			`  - event "japan-sovereignty" (sovereignty jpn): 1952-04 is after the horizon (the horizon is set by scenario.ticks); allowed:`},
	} {
		as := assignments(t, c.sets...)
		sc, err := Builtin("asia-1950")
		if err != nil {
			t.Fatal(err)
		}
		if err := Apply(sc, as); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: got %v\nwant %s…", c.sets, err, c.want)
		}
	}
	g, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	both := []Assignment{{Path: "theater.generate.width", Value: int64(2)}, {Path: "theater.generate.height", Value: int64(2)}}
	if err := Apply(g, both); err == nil || !strings.HasPrefix(err.Error(), "theater.generate.width, theater.generate.height: theater.generate: 4 land cells for 8 states;") {
		t.Errorf("a fault of two paths together: %v", err)
	}
}

// An assignment's own faults — a path given twice, a path that names
// nothing, a value of the wrong kind — are reported together, before
// anything is laid over the scenario, and the scenario is left as it was.
func TestApplyNamesEveryAssignmentsOwnFault(t *testing.T) {
	sc, err := Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := Format(sc)
	as := []Assignment{
		{Path: "params.sea_cost", Value: 1.0},
		{Path: "params.sea_cost", Value: 2.0},
		{Path: "params.nois", Value: 1.0},
		{Path: "states.usa.land", Value: "x"},
	}
	err = Apply(sc, as)
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 4 || lines[0] != "params.sea_cost, params.sea_cost, params.nois, states.usa.land: 3 problems:" || lines[1] != "  - params.sea_cost given twice (1, then 2); allowed: each path once" ||
		!strings.HasPrefix(lines[2], `  - "params.nois" names no parameter; allowed: `) || !strings.HasPrefix(lines[3], "  - states.usa.land: ") {
		t.Errorf("got\n%v\nwant three problems: the path given twice, the unknown path, the value of the wrong kind", err)
	}
	if after, _ := Format(sc); !bytes.Equal(before, after) {
		t.Error("a refused Apply changed the scenario")
	}
	if err := Apply(sc, as[:2]); err == nil || err.Error() != "params.sea_cost given twice (1, then 2); allowed: each path once" {
		t.Errorf("one fault: %v", err)
	}
}

// A nil scenario is an error, not a panic.
func TestNilScenario(t *testing.T) {
	if _, err := Format(nil); err == nil || !strings.Contains(err.Error(), "Format of a nil scenario") {
		t.Errorf("Format(nil): %v", err)
	}
	if err := Apply(nil, []Assignment{{Path: "params.sea_cost", Value: 1.0}}); err == nil || !strings.Contains(err.Error(), "Apply of a nil scenario") {
		t.Errorf("Apply(nil, …): %v", err)
	}
	if err := SetPath(nil, "params.sea_cost", 1.0); err == nil || !strings.Contains(err.Error(), "SetPath of a nil scenario") {
		t.Errorf("SetPath(nil, …): %v", err)
	}
}

// A --set of the generator's seed says one range at both ends: the range
// as a number can hold it, cut at 2^53 − 1, below zero as above it (below
// zero said the file's range, to 2^63 − 1).
func TestSetGeneratorSeedRangeAlike(t *testing.T) {
	const allowed = "allowed: a whole number in [0, 9007199254740991] for theater.generate.seed"
	for _, v := range []string{"-1", "9223372036854775807"} {
		sc, err := Builtin("generic")
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseAssignment("theater.generate.seed=" + v)
		if err == nil {
			err = Apply(sc, []Assignment{a})
		}
		if err == nil || !strings.Contains(err.Error(), allowed) {
			t.Errorf("seed %s: %v, want …%s", v, err, allowed)
		}
	}
}

// --set strips the quotes a file writes a name in, basic or literal, and
// only those: Go's backquotes are not TOML, so `prospect` is not the name
// prospect, and is refused as a valuation.
func TestParseAssignmentStripsTOMLQuotes(t *testing.T) {
	for _, in := range []string{`"prospect"`, `'prospect'`, `"pro\u0073pect"`} {
		if a, err := ParseAssignment("decision.valuation=" + in); err != nil || a.Value != "prospect" {
			t.Errorf("%s: got %#v, %v; want the name prospect", in, a, err)
		}
	}
	_, err := ParseAssignment("decision.valuation=`prospect`")
	if err == nil || !strings.Contains(err.Error(), "\"`prospect`\" is not a known valuation") {
		t.Errorf("`prospect`: got %v; want it refused as written", err)
	}
}

// A value in quotes that are not a TOML string's is taken as written: a
// literal string holding its own quote or a line break, quotes that do not
// match, a lone quote, and a basic string with an escape TOML lacks.
func TestUnquoteNameKeepsWhatIsNoTOMLString(t *testing.T) {
	for in, want := range map[string]string{
		`'pro'spect'`:  `'pro'spect'`,
		"'pro\nspect'": "'pro\nspect'",
		"'pro\rspect'": "'pro\rspect'",
		`'prospect"`:   `'prospect"`,
		`'`:            `'`,
		`"`:            `"`,
		`''`:           ``,
		`""`:           ``,
		`"pro\qspect"`: `"pro\qspect"`,
		// Go's escapes that TOML lacks, which a file refuses, and escapes
		// or quotes a file cannot write
		`"pro\163pect"`:  `"pro\163pect"`,
		`"pro\uZZZZ"`:    `"pro\uZZZZ"`,
		`"pro"spect"`:    `"pro"spect"`,
		"\"pro\nspect\"": "\"pro\nspect\"",
		// TOML 1.1's escapes, which the decoder reads
		`"pro\x73pect"`: `prospect`,
		`"pro\espect"`:  "pro\x1bspect",
		`"\"q\""`:       `"q"`,
		`"pro\aspect"`:  `"pro\aspect"`,
		`"pro\\spect"`:  `pro\spect`,
		`"pro\tspect"`:  "pro\tspect",
		`'pro\qspect'`:  `pro\qspect`, // a literal string has no escapes
		`prospect`:      `prospect`,
	} {
		if got := unquoteName(in); got != want {
			t.Errorf("unquoteName(%q) = %q, want %q", in, got, want)
		}
	}
}

// One path whose value has two faults at its line is named once, before
// the list of its faults, not again before each: a client's stake of -1
// is both a stake of a non-patron and out of the stakes' range.
func TestApplyOnePathTwoFaults(t *testing.T) {
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	err = Apply(sc, []Assignment{{Path: "states.c1.stakes.c2", Value: -1.0}})
	want := "states.c1.stakes.c2: 2 problems:\n  - only patrons have stakes; \"c1\" has role client; allowed: no stakes, or role = \"patron\"\n  - -1 is out of range; allowed: a number in [0, 1000000]"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// assignments reads each "path=value" as --set does, failing the test on
// one it refuses.
func assignments(t *testing.T, sets ...string) []Assignment {
	t.Helper()
	as := make([]Assignment, 0, len(sets))
	for _, s := range sets {
		a, err := ParseAssignment(s)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	return as
}
