package configs

import (
	"strings"
	"testing"
)

// A file the TOML decoder cannot read is reported at the offending line,
// with the key being read and what is allowed; an unclosed [table] or
// [[array of tables]] at its own line (the decoder names the next) and
// without the key of the table before it; a key given twice in our words,
// with its [[states]] index; text that is not UTF-8 at its first bad byte.
func TestSyntaxErrors(t *testing.T) {
	for _, c := range []struct {
		src, key, msg string
		line          int
	}{
		{"[scenario]\nname = \"x\"\n[params\nsea_cost = 2\n", "", "expected '.' or ']' to end table name, but got '\\n' instead; allowed: a header closed on its own line, [table] or [[array of tables]]", 3},
		// The decoder's words for an unclosed [[header]] do not say "table
		// name": the line does.
		{"[scenario]\nname = \"x\"\n[[states]\nid = \"a\"\n", "", "expected end of table array name delimiter ']', but got '\\n' instead; allowed: a header closed on its own line, [table] or [[array of tables]]", 3},
		{"[scenario]\nname = \n", "scenario.name", "expected value but found '\\n' instead; allowed: TOML syntax (toml.io/en/v1.0.0)", 2},
		// An error in a multi-line array whose line begins with [ is not a
		// header's: the key is the array's.
		// A syntax error names the key written on its line, with its
		// index: the element of a list, a key of the second [[states]]
		// (it named the decoder's last table, states).
		{"[[states]]\nid = \"a\"\n[[states]]\nid = \"b\"\nland = 20 20\n", "states[1].land", "expected a top-level item to end with a newline, comment, or EOF, but got '2' instead; allowed: TOML syntax (toml.io/en/v1.0.0)", 5},
		{"[theater]\nrough = [\n  [1, 2],\n  [3 4],\n]\n", "theater.rough[1]", "expected a comma (',') or array terminator (']'), but got '4'; allowed: TOML syntax (toml.io/en/v1.0.0)", 4},
		// Not UTF-8 (a file saved as UTF-16, its byte-order mark FF FE).
		{"[scenario]\nname = \"x\"\n\xff\xfet\x00", "", "byte 0xFF is not UTF-8 text; allowed: a UTF-8 text file, as TOML requires (convert one saved as UTF-16 or Latin-1)", 3},
		{"[[states]]\nid = \"a\"\n[[states]]\nid = \"b\"\nrole = \"client\"\nrole = \"patron\"\n", "states[1].role", "given twice; allowed: each key once in a table", 6},
		{"[scenario]\nname = \"x\"\nname = \"y\"\n", "scenario.name", "given twice; allowed: each key once in a table", 3},
		// A key written as a table (or a value) and as an array of
		// tables, or as a value and a table: in our words, not the
		// decoder's.
		{"[scenario]\nname = \"x\"\n[[scenario]]\nx = 1\n", "scenario", "given before as a table or a value, here as [[scenario]]; allowed: one of them, [[scenario]] for each entry of an array of tables", 3},
		{"events = { at = \"1950-03\" }\n[[events]]\n", "events", "given before as a table or a value, here as [[events]]; allowed: one of them, [[events]] for each entry of an array of tables", 2},
		{"a = 1\n[a.b]\nc = 1\n", "a", "given before as a value, here as a table; allowed: one of them", 2},
		// Under an array of tables, with the index of its entry.
		{"[[states]]\nid = \"a\"\n[[states]]\nid = \"b\"\n[states.stakes]\n[[states.stakes]]\n", "states[1].stakes", "given before as a table or a value, here as [[states.stakes]]; allowed: one of them, [[states.stakes]] for each entry of an array of tables", 6},
		{"[[states]]\nid = \"a\"\n[[states]]\nid = \"b\"\nstakes = 1\n[states.stakes.x]\n", "states[1].stakes", "given before as a value, here as a table; allowed: one of them", 6},
		// Numbers too large for Go: the key with its index, and its range.
		{"[scenario]\nticks = 1e400\n", "scenario.ticks", "1e400 is out of range; allowed: a whole number in [1, 1000000]", 2},
		{"[[states]]\nid = \"a\"\n[[states]]\nid = \"b\"\nland = 1e999\n", "states[1].land", "1e999 is out of range; allowed: a number in [0, 1000000]", 5},
		{"[params]\nsea_cost = 0x7fffffffffffffffff\n", "params.sea_cost", "0x7fffffffffffffffff is out of range; allowed: a number in [0, 1000000]", 2},
		{"[scenario]\nwhatever = 1e999\n", "scenario.whatever", "1e999 is out of range; allowed: a number within ±1.8e308 (a whole number within ±9.2e18)", 2},
		// An event's keys have their own ranges.
		{"[[events]]\nid = \"e\"\ntick = 99999999999999999999\n", "events[0].tick", "99999999999999999999 is out of range; allowed: a whole number, a tick from 0 to the horizon", 3},
		{"[[events]]\nid = \"e\"\n[[events]]\ndelta = 1e999\n", "events[1].delta", "1e999 is out of range; allowed: a number in [-10, 10]", 4},
		{"[[events]]\nland = 1e999\n", "events[0].land", "1e999 is out of range; allowed: a number in [0, 1000000]", 2},
	} {
		_, err := Parse("x.toml", []byte(c.src))
		list, ok := err.(Errors)
		if !ok || len(list) != 1 {
			t.Errorf("%q: want one error, got %v", c.src, err)
			continue
		}
		if e := list[0]; e.File != "x.toml" || e.Line != c.line || e.Key != c.key || e.Msg != c.msg {
			t.Errorf("%q: got %s:%d: %q: %q, want line %d, key %q, %q", c.src, e.File, e.Line, e.Key, e.Msg, c.line, c.key, c.msg)
		}
	}
}

// An experiment's keys, too large for Go, are given their own ranges.
func TestExperimentSyntaxErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"scenario = \"generic\"\nruns = 99999999999999999999\n", "x.toml:2: runs: 99999999999999999999 is out of range; allowed: a whole number in [1, 100000000]"},
		{"scenario = \"generic\"\nseed = 99999999999999999999\n", "x.toml:2: seed: 99999999999999999999 is out of range; allowed: a whole number in [0, 9007199254740991]"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1e999]\n", "x.toml:4: vary[0].values: 1e999 is out of range; allowed: a number within the varied path's range"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nsteps = 99999999999999999999\n", "x.toml:4: vary[0].steps: 99999999999999999999 is out of range; allowed: a whole number in [2, 100000] (or 1 when from = to)"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nsd = 1e999\n", "x.toml:4: vary[0].sd: 1e999 is out of range; allowed: a positive number"},
		// A fraction where a whole number belongs says so.
		{"scenario = \"generic\"\nseed = 1.5\n", "x.toml:2: seed: 1.5 is not a whole number; allowed: a whole number in [0, 9007199254740991]"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\nsteps = 2.5\n", "x.toml:6: vary[0].steps: 2.5 is not a whole number; allowed: a whole number in [2, 100000] (or 1 when from = to)"},
	} {
		_, err := ParseExperiment("x.toml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %s", c.src, err, c.want)
		}
	}
}

func TestIndexedKey(t *testing.T) {
	before := []byte("[scenario]\n[[states]]\nid = 1\n  [[ states ]]\n[[events]]\n[[states]]\nrole = 2\n")
	for key, want := range map[string]string{
		"states.role": "states[2].role",
		"events.at":   "events[0].at",
		"vary.path":   "vary.path",
		"scenario":    "scenario",
	} {
		if got := indexedKey(before, key); got != want {
			t.Errorf("indexedKey(%q) = %q, want %q", key, got, want)
		}
	}
}

// A syntax error at the file's first byte is placed at line 1 and is a
// syntax error, not taken for one in a header because the file's last
// line, [x], is one.
func TestSyntaxErrorAtFirstByte(t *testing.T) {
	list := parseErrors(t, "= 1\n[x]")
	if len(list) != 1 || list[0].Line != 1 || !strings.HasSuffix(list[0].Msg, "; allowed: TOML syntax (toml.io/en/v1.0.0)") {
		t.Errorf("want one syntax error at line 1; got\n%v", list)
	}
}

// keyOnLine names a line holding several keys of one length (the keys
// of an inline table written over lines) by the first of them in order,
// every time: g.a of g.f, g.e, …, g.a.
func TestKeyOnLineTieBrokenByName(t *testing.T) {
	src := []byte("g = {\n  f = 1, e = 2, d = 3, c = 4, b = 5, a = 6,\n}\n")
	for range 20 {
		if got := keyOnLine(src, 2); got != "g.a" {
			t.Fatalf("keyOnLine = %q, want g.a", got)
		}
	}
}
