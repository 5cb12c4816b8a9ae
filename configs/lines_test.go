package configs

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
)

func TestIndexLines(t *testing.T) {
	src := `# comment
extends = "x"
[scenario]
name = "n" # trailing
"quoted key" = 1
[theater]
map = """
[[not_a_header]]
key = 1
"""
rough = '''
x'''
[theater.generate]
width = 3
list = [
  1, [2, 3],
  "]",
]
after = 1
[[states]]
id = "a"
stakes = { b = 1.0, "c d" = { e = 2 } }
[[states]]
id = "b"
[states.decision]
alpha = 0.5
dotted.key = 2
`
	idx := indexLines(src)
	want := map[string]int{
		"extends":                       2,
		"scenario":                      3,
		"scenario.name":                 4,
		`scenario."quoted key"`:         5,
		"theater.map":                   7,
		"theater.rough":                 11,
		"theater.generate":              13,
		"theater.generate.width":        14,
		"theater.generate.list":         15,
		"theater.generate.after":        19,
		"states[0]":                     20,
		"states[0].id":                  21,
		"states[0].stakes.b":            22,
		`states[0].stakes."c d".e`:      22,
		"states[1].id":                  24,
		"states[1].decision.alpha":      26,
		"states[1].decision.dotted.key": 27,
	}
	checkLines(t, idx, want)
	checkAbsent(t, idx, "not_a_header", "key", "theater.generate.x")
}

// An array of tables written inline: each element at its own line, and its
// keys there too; a comment's brackets, a string's braces and a
// multi-line string end nothing early and index nothing.
func TestIndexLinesInlineArrays(t *testing.T) {
	src := `states = [
  { id = "a", land = 1 },  # a comment [ with { braces
  { id = "b", note = "{ not = 1 }", stakes = { a = 1 } },
]
events = [ { at = "1950-01" }, { tick = 2 } ]
vary = [ { path = "x" },
  { values = [1, 2], path = 'y' } ]
after = [ { s = """
{ hidden = 1 }""" } ]
mixed = [ "x", { c = 2 }, [3], { d = 4 } ]
later = [ { s = """
x""" }, { t = 1 },
  { u = 2 },
]
last = 1
`
	idx := indexLines(src)
	want := map[string]int{
		"states": 1, "states[0]": 2, "states[0].id": 2, "states[0].land": 2,
		"states[1]": 3, "states[1].note": 3, "states[1].stakes.a": 3,
		"events[0].at": 5, "events[1].tick": 5,
		"vary[0].path": 6, "vary[1].values": 7, "vary[1].path": 7,
		"after[0].s": 8, "mixed[1].c": 10, "mixed[3].d": 10, "later[0].s": 11, "last": 15,
	}
	checkLines(t, idx, want)
	// After a multi-line string the elements are not followed: none is
	// indexed under a wrong number.
	checkAbsent(t, idx, "states[2]", "states[1].not", "events[2]", "after[0].hidden", "hidden", "with", "mixed[0].c", "later[1].t", "later[1].u", "later[2].u")
}

// Errors in an inline array of tables name the element's line; an unknown
// key given as such an array is reported once, at its key.
func TestInlineArrayErrorsHaveLines(t *testing.T) {
	src := "extends = \"generic\"\ndrop_states = [\"c6\"]\nstates = [\n  { id = \"x1\", role = \"client\", glyph = \"x\", land = \"lots\" },\n]\n[scenario]\nname = \"n\"\nparts = [ { a = 1 }, { b = 2 } ]\n"
	_, err := Parse("i.toml", []byte(src))
	list, ok := err.(Errors)
	if !ok {
		t.Fatalf("want errors, got %v", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, fmt.Sprintf("%d %s", e.Line, e.Key))
	}
	if want := []string{"4 states[0].land", "8 scenario.parts"}; !slices.Equal(got, want) {
		t.Errorf("errors at %q, want %q (%v)", got, want, err)
	}
}

// A file with CRLF line ends is indexed as with LF: the carriage return
// that ends a line of a multi-line array begins no element.
func TestIndexLinesInlineArraysCRLF(t *testing.T) {
	src := "states = [\r\n  { id = \"a\" },\r\n  { id = \"b\" },\r\n]\r\nlast = 1\r\n"
	idx := indexLines(src)
	checkLines(t, idx, map[string]int{"states[0].id": 2, "states[1].id": 3, "last": 5})
	if _, ok := idx["states[2].id"]; ok {
		t.Error("a carriage return counted as an element")
	}
}

// Every element of an array is indexed at the line it begins, so that an
// error about one id of a list written one per line points at it: a
// quoted key whose bare name a comment repeats, strings holding what
// ends an element, nested arrays, a dotted key, and an array opened on
// the key's line. After a multi-line string the elements are not
// followed, so none is indexed under a wrong number.
func TestIndexLinesArrayElements(t *testing.T) {
	src := `"drop_events" = [  # was: drop_events = ["x",
  "war",
  "peace", "a,]",
  'b#c',
]
x.values = [
  "\"]",
  4]
later = [
  """
x""",
  5]
[[vary]]
values = [1,
  [2, 3],

  -1]
`
	idx := indexLines(src)
	want := map[string]int{
		"drop_events": 1, "drop_events[0]": 2, "drop_events[1]": 3, "drop_events[2]": 3, "drop_events[3]": 4,
		"x.values[0]": 7, "x.values[1]": 8, "later[0]": 10,
		"vary[0].values[0]": 14, "vary[0].values[1]": 15, "vary[0].values[2]": 17,
	}
	checkLines(t, idx, want)
	checkAbsent(t, idx, "drop_events[4]", "vary[0].values[3]", "later[1]")
}

// An inline table written over several lines (TOML 1.1, which the
// decoder reads) has each key at its own line, and so do the elements of
// an array inside it, and the keys of a table inside that; a comment in
// it ends nothing, and after a multi-line string in it nothing more is
// followed.
func TestIndexLinesMultiLineInlineTables(t *testing.T) {
	src := `[[states]]
grievance = {
  kor = 0.1,  # a comment { with [ brackets
  "jpn" = 3,
}
x = { a = [
    1,
    { b = 2,
      c = [3, 4] },
  ],
  d.e = 5 }
y = { s = """
z = 1""", after = 2 }
last = 1
`
	idx := indexLines(src)
	want := map[string]int{
		"states[0].grievance": 2, "states[0].grievance.kor": 3, "states[0].grievance.jpn": 4,
		"states[0].x": 6, "states[0].x.a": 6, "states[0].x.a[0]": 7, "states[0].x.a[1]": 8,
		"states[0].x.a[1].b": 8, "states[0].x.a[1].c": 9, "states[0].x.a[1].c[1]": 9, "states[0].x.d.e": 11,
		"states[0].y.s": 12, "states[0].last": 14,
	}
	checkLines(t, idx, want)
	checkAbsent(t, idx, "states[0].grievance.with", "states[0].x.a[2]", "states[0].y.after", "states[0].z", "z")
}

// An error inside an inline table written over several lines names the
// line of its key.
func TestMultiLineInlineTableErrorsHaveLines(t *testing.T) {
	src := "extends = \"generic\"\n[[states]]\nid = \"c1\"\ngrievance = {\n  c2 = 0.1,\n  c3 = 3,\n}\n"
	_, err := Parse("m.toml", []byte(src))
	list, ok := err.(Errors)
	if !ok || len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	if e := list[0]; e.Line != 6 || e.Key != "states[0].grievance.c3" {
		t.Errorf("error at line %d, key %s; want line 6, states[0].grievance.c3 (%v)", e.Line, e.Key, err)
	}
}

// checkAbsent says which of paths idx holds: each would be indexed from
// inside a comment or a string, or under a wrong name or number.
func checkAbsent(t *testing.T, idx lineIndex, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if line, ok := idx[p]; ok {
			t.Errorf("%s indexed (line %d), where it should not be", p, line)
		}
	}
}

// checkLines says where idx does not have each path of want at its line.
func checkLines(t *testing.T, idx lineIndex, want map[string]int) {
	t.Helper()
	for path, line := range want {
		if got, ok := idx[path]; !ok || got != line {
			t.Errorf("%s: want line %d, got %d (present %v)", path, line, got, ok)
		}
	}
}

// A multi-line string that closes on the line it opens is skipped like
// any string: what follows it in an inline table or array is indexed
// (it was not, and an error there named no line). Its end is found past
// a backslash escape and with up to two quotes of its own before the
// delimiter, so that the brackets after it are counted and the keys of
// the lines below are not taken for the inside of a value.
func TestIndexLinesOneLineMultiLineStrings(t *testing.T) {
	src := `x = { a = """q""", b = 1 }
y = [ '''q''', 2, '''r''''', { c = 3 } ]
z = { s = """a\"""", t = [ """"b"""", 4 ] }
after = 1
w = { m = """c
d\""" ] {
e"""", v = 5 }
last = 2
`
	idx := indexLines(src)
	want := map[string]int{
		"x.a": 1, "x.b": 1, "y[0]": 2, "y[1]": 2, "y[2]": 2, "y[3]": 2, "y[3].c": 2,
		"z.s": 3, "z.t": 3, "z.t[0]": 3, "z.t[1]": 3, "after": 4, "w": 5, "w.m": 5, "last": 8,
	}
	checkLines(t, idx, want)
	if _, ok := idx["w.v"]; ok {
		t.Error("w.v, after a multi-line string's end, indexed")
	}
}

// A quoted key is indexed by its text between the quotes, as the
// decoder names it, and what follows the closing quote is read from the
// next character: [params] 'x y' = 1 is params."x y" at line 2, and a
// quote followed at once by '=' or '.' ends its part there.
func TestIndexLinesQuotedKeys(t *testing.T) {
	idx := indexLines("[params]\n'x y' = 1\nt.'a.b' = 2\n'u'= 3\n\"v\".w = 4\n'p'.q= 5\n")
	checkLines(t, idx, map[string]int{`params."x y"`: 2, `params.t."a.b"`: 3, "params.u": 4, "params.v.w": 5, "params.p.q": 6})
}

// A bare key is made of A-Z, a-z, 0-9, _ and -, the ends of each range
// included: each such key is indexed under its own name, and quoteKey
// leaves it bare; a character just outside a range (/ : @ [ ` {) makes a
// key that must be quoted.
func TestBareKeyCharacters(t *testing.T) {
	bare := []string{"A", "Z", "a", "z", "0", "9", "_", "-", "x0", "A9z"}
	var src string
	want := map[string]int{}
	for i, k := range bare {
		src += k + " = 1\n"
		want[k] = i + 1
		if got := quoteKey(k); got != k {
			t.Errorf("quoteKey(%q) = %s, want it bare", k, got)
		}
	}
	checkLines(t, indexLines(src), want)
	for _, k := range []string{"/", ":", "@", "[", "`", "{", "a b"} {
		if got, want := quoteKey(k), strconv.Quote(k); got != want {
			t.Errorf("quoteKey(%q) = %s, want %s", k, got, want)
		}
	}
}

// A key that the indexer cannot read inside an inline table (no key
// before '=', or a second word before it: the decoder refuses both) ends
// the following of the value without indexing anything under a name
// that is not written, such as "x." or "x.a": keyOnLine would name a
// syntax error there by it.
func TestIndexLinesUnreadableInlineKey(t *testing.T) {
	idx := indexLines("x = {\n  = 1,\n  b = 2 }\ny = {\n  a b = 1 }\nlast = 1\n")
	checkLines(t, idx, map[string]int{"x": 1, "y": 4, "last": 6})
	checkAbsent(t, idx, "x.", "x.b", "y.a", "y.a b", "y.b")
}

// A multi-line string ends at its delimiter and at most two more quotes
// of its own (TOML allows no run of three inside it): in a""""""", the
// string is a"" and ends at the fifth quote, index 5; the sixth begins
// whatever follows.
func TestClosingDelimTakesAtMostTwoQuotes(t *testing.T) {
	for _, c := range []struct {
		s, delim string
		want     int
	}{{`a"""`, `"""`, 3}, {`a""""`, `"""`, 4}, {`a"""""`, `"""`, 5}, {`a""""""`, `"""`, 5}, {`a''''''`, `'''`, 5}, {`a`, `"""`, -1}} {
		if got := closingDelim(c.s, c.delim); got != c.want {
			t.Errorf("closingDelim(%s, %s) = %d, want %d", c.s, c.delim, got, c.want)
		}
	}
}

// A basic-string key is indexed under the name the decoder reads from
// its escapes, TOML 1.1's among them: \e is the escape character
// (U+001B), which Go's strconv does not know, and \xHH the code point
// U+00HH (\xe9 is é, not the byte 0xE9). Such a key's error names its
// line: [params] "a\eb" = 1 is unknown at line 3. A key with an escape
// TOML does not know (\q, which the decoder refuses) is left as written.
func TestIndexLinesKeyEscapes(t *testing.T) {
	idx := indexLines("[params]\n\"a\\eb\" = 1\n\"\\xe9\\u00e9\" = 2\n\"\\\\e\\\"\" = 3\n\"a\\qb\" = 4\n\"\\x7f\\x80\" = 5\n\"b\\e\" = 6\n")
	checkLines(t, idx, map[string]int{
		"params." + quoteKey("a\x1bb"): 2, "params." + quoteKey("éé"): 3, "params." + quoteKey(`\e"`): 4, "params." + quoteKey(`a\qb`): 5, "params." + quoteKey("\x7f\u0080"): 6, "params." + quoteKey("b\x1b"): 7,
	})
	list := parseErrors(t, "extends = \"generic\"\n[params]\n\"a\\eb\" = 1\n")
	if len(list) != 1 || list[0].Line != 3 || list[0].Key != `params."a\x1bb"` {
		t.Errorf(`want one error at line 3, params."a\x1bb"; got`+"\n%v", list)
	}
}

// closingString finds the quote that closes the string at the start of
// its text: one quote, or three where the string opens with three and
// closes on the line (up to two quotes before the delimiter are the
// string's own); -1 where it runs past the line.
func TestClosingString(t *testing.T) {
	for s, want := range map[string]int{
		`"ab", x`: 3, `""`: 1, `"a\"b"`: 5, `'a\'`: 3,
		`"""a""" x`: 6, `'''a'''`: 6, `"""a""""`: 7, `"""a"""""`: 8,
		`"""a`: -1, `"a`: -1, `'''`: -1,
	} {
		if got := closingString(s); got != want {
			t.Errorf("closingString(%s) = %d, want %d", s, got, want)
		}
	}
}
