package configs

import (
	"strings"
	"testing"
)

// wantError says where list lacks an error at line and key whose message
// is msg, in full.
func wantError(t *testing.T, list Errors, line int, key, msg string) {
	t.Helper()
	for _, e := range list {
		if e.Line == line && e.Key == key && e.Msg == msg {
			return
		}
	}
	t.Errorf("want line %d, %s: %s; got\n%v", line, key, msg, list)
}

// A tick length that is none is refused with the lengths allowed, in
// the order sim names them: month, quarter, year.
func TestUnknownTickLength(t *testing.T) {
	list := parseErrors(t, strings.Replace(base, "ticks = 24", "ticks = 24\ntick = \"fortnight\"", 1))
	wantError(t, list, 6, "scenario.tick", `"fortnight" is not a tick length; allowed: month, quarter, year`)
}

// A scenario without a start is refused at [scenario], its table (line
// 1 of base), with the form a start takes.
func TestMissingStart(t *testing.T) {
	list := parseErrors(t, strings.Replace(base, "start = \"1950-01\"\n", "", 1))
	wantError(t, list, 1, "scenario.start", "missing; allowed: a month, YYYY-MM, e.g. 1950-01")
}

// A boolean is a value only for a parameter that is a switch: sea_cost =
// true is refused as a boolean, not read as 1.
func TestBooleanForANumberParameter(t *testing.T) {
	list := parseErrors(t, base+"\n[params]\nsea_cost = true\n")
	if len(list) != 1 || list[0].Line != 25 || list[0].Key != "params.sea_cost" || !strings.HasPrefix(list[0].Msg, "true is a boolean; allowed: ") {
		t.Errorf("want one error at line 25, params.sea_cost: true is a boolean; got\n%v", list)
	}
}

// A whole-number setting written as a float past 2^53, where a float
// holds no longer every whole number, is refused even when it is in the
// range (the generator's seed goes to 2^63 − 1): 1e16 written 1.0e16.
func TestWholeWrittenAsLargeFloat(t *testing.T) {
	src := "[scenario]\nstart = \"1950-01\"\nticks = 12\n[theater.generate]\nwidth = 10\nheight = 10\nseed = 1.0e16\n" +
		"[[states]]\nid = \"a\"\nrole = \"patron\"\nglyph = \"A\"\n"
	list := parseErrors(t, src)
	wantError(t, list, 7, "theater.generate.seed",
		"10000000000000000 is written as a float, which is not exact past 2^53; allowed: a whole number in [0, 9223372036854775807], written as an integer")
}

// The cells of a glyph no state has are reported, also where a state
// left out for its invalid id gives a glyph of several characters that
// begins with it: "CD" is no glyph, so C on the map is unknown.
func TestMapGlyphOfAStateLeftOutMustBeOneCharacter(t *testing.T) {
	src := strings.Replace(base, "~~AA..BB\n~~AA..BB\n", "~~AA..BB\n~~AA.CBB\n", 1) + "\n[[states]]\nid = \"Bad!\"\nrole = \"client\"\nglyph = \"CD\"\n"
	list := parseErrors(t, src)
	for _, e := range list {
		if e.Key == "theater.map" && strings.Contains(e.Msg, "unknown glyph 'C'") {
			return
		}
	}
	t.Errorf("want the map's C reported as an unknown glyph; got\n%v", list)
}

// A file without a theatre is told both ways of giving one.
func TestNoTheatre(t *testing.T) {
	src := strings.Replace(base, "[theater]\nmap = \"\"\"\n~~AA..BB\n~~AA..BB\n\"\"\"\n", "", 1)
	wantError(t, parseErrors(t, src), 0, "theater", "no theatre; allowed: theater.map (an ASCII map) or [theater.generate]")
}

// A map whose first row is on the key's line, after the opening quotes,
// has row r at the key's line + r, also where that row ends in two
// quotes of its own ('"' is a glyph like any other): row 2 is line 10.
func TestMapRowLineFirstRowEndsInQuotes(t *testing.T) {
	src := "[scenario]\nstart = \"1950-01\"\nticks = 12\n[[states]]\nid = \"a\"\nrole = \"patron\"\nglyph = \"A\"\n[theater]\nmap = \"\"\"A\"\"\n.Q\n\"\"\"\n"
	list := parseErrors(t, src)
	for _, e := range list {
		if e.Key == "theater.map" && strings.HasPrefix(e.Msg, "row 2, column 2: unknown glyph 'Q'") {
			if e.Line != 10 {
				t.Errorf("row 2 at line %d, want 10", e.Line)
			}
			return
		}
	}
	t.Errorf("want row 2's Q reported; got\n%v", list)
}

// A capability event that sets none of its keys is refused with every
// key it could set and their range.
func TestCapabilityEventSetsNothing(t *testing.T) {
	list := parseErrors(t, base+"\n[[events]]\ntick = 2\nkind = \"capability\"\nactor = \"a\"\n")
	wantError(t, list, 24, "events[0]", "capability event sets nothing; allowed: any of land, naval, economy (each a number in [0, 1000000])")
}

// A map written in an inline table, theater = { map = """ … """ }, has
// its rows on the lines after the key's, as under [theater]: the value
// is read after the map key's own '=', not the line's first. Row 2 of
// a map opened at the end of line 1 is on line 3.
func TestMapRowLineInInlineTable(t *testing.T) {
	list := parseErrors(t, "theater = { map = \"\"\"\n..\n.Q\n\"\"\" }\n"+mapRowStates)
	wantMapRow(t, list, "theater.map", "row 2, column 2: unknown glyph 'Q'", 3)
}

// A map whose key the line index could not place (it follows a
// multi-line string in an inline table, after which the index follows
// nothing) has its rows' errors at no line, not at the line numbers of
// the rows counted from 0: row 2 was said to be at line 1.
func TestMapRowLineOfAKeyNotPlaced(t *testing.T) {
	list := parseErrors(t, "theater = { rough = '''\n''', map = \"..\\n.Q\" }\n"+mapRowStates)
	wantMapRow(t, list, "theater.map", "row 2, column 2: unknown glyph 'Q'", 0)
}

// mapRowStates are the header and the one state of a map-row test
// (glyph A).
const mapRowStates = "[scenario]\nstart = \"1950-01\"\nticks = 12\n[[states]]\nid = \"a\"\nrole = \"patron\"\nglyph = \"A\"\n"

// wantMapRow says where list lacks an error at key whose message begins
// msg, at line.
func wantMapRow(t *testing.T, list Errors, key, msg string, line int) {
	t.Helper()
	for _, e := range list {
		if e.Key == key && strings.HasPrefix(e.Msg, msg) {
			if e.Line != line {
				t.Errorf("%s: %s… at line %d, want %d", key, msg, e.Line, line)
			}
			return
		}
	}
	t.Errorf("want %s: %s…; got\n%v", key, msg, list)
}

// valueOnLine finds the value of a key by its last part after the key's
// own '=', skipping strings (one-line multi-line strings included, and
// an empty string) and other keys' values, where the key begins the line
// or follows a '{' or a ','; not in a comment, a string, an array's
// values or a key's value, and not where no key comes before '='.
func TestValueOnLine(t *testing.T) {
	for _, c := range []struct {
		line, want string
		ok         bool
	}{
		{`map = """`, `"""`, true},
		{`map="""`, `"""`, true},
		{`theater.map = "AB"`, `"AB"`, true},
		{`"map" = '''`, "'''", true},
		{`theater = { map = """`, `"""`, true},
		{`theater = { "rough" = "a", map = "x" }`, `"x" }`, true},
		{`theater = {"rough" = "a", map = "x"}`, `"x"}`, true},
		{`"theater" = { map = "x" }`, `"x" }`, true},
		{`theater = { rough = "", map = "x" }`, `"x" }`, true},
		{`theater = { rough = """a", map = 1""", map = "x" }`, `"x" }`, true},
		{`theater = { x = ["map", 1], map = "x" }`, `"x" }`, true},
		{`theater = { rough = "a" } # , map = "x"`, "", false},
		{`rough = "map = 1"`, "", false},
		{`rough = "a`, "", false},
		{`= 1`, "", false},
		{`x = { y = { } }`, "", false},
	} {
		got, ok := valueOnLine(c.line, "map")
		if got != c.want || ok != c.ok {
			t.Errorf("valueOnLine(%s) = %q, %v; want %q, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

// A map on the file's last line, without a newline after it, is read
// as any other: a string closed on the key's line holds every row on
// it, row 2 too (line 9).
func TestMapRowLineOnTheLastLine(t *testing.T) {
	list := parseErrors(t, mapRowStates+"[theater]\nmap = \"..\\n.Q\"")
	wantMapRow(t, list, "theater.map", "row 2, column 2: unknown glyph 'Q'", 9)
}
