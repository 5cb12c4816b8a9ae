package configs

import (
	"errors"
	"strings"
	"testing"
)

// Nesting deeper than MaxNesting is refused before decoding, at the line
// where it gets too deep: a million '[' used to overflow the decoder's
// stack and kill the process.
func TestNestingRefused(t *testing.T) {
	deep := func(n int, open string) string { return strings.Repeat(open, n) }
	cases := []struct {
		name, src string
		line      int
	}{
		{"a million brackets", "x = " + deep(1_000_000, "["), 1},
		{"inline tables", "[scenario]\nname = \"n\"\nx = " + deep(40, "{a=") + "1" + deep(40, "}"), 3},
		{"arrays over lines", "\n\nx = " + deep(32, "[\n") + "[1]" + deep(33, "]"), 3 + 32},
	}
	for _, c := range cases {
		for _, parse := range []func(string, []byte) error{
			func(f string, b []byte) error { _, err := Parse(f, b); return err },
			func(f string, b []byte) error { _, err := ParseExperiment(f, b); return err },
		} {
			err := parse("deep.toml", []byte(c.src))
			var list Errors
			if !errors.As(err, &list) || len(list) != 1 || list[0].Line != c.line || !strings.Contains(list[0].Msg, "nested more than 32 deep") {
				t.Errorf("%s: want one error at line %d about nesting, got %v", c.name, c.line, err)
			}
		}
	}
	// Brackets in strings and comments do not count.
	ok := "x = \"" + deep(100, "[") + "\" # " + deep(100, "{") + "\ny = '''\n" + deep(100, "[") + "\n'''\nz = \"\"\"\\\"" + deep(100, "{") + "\"\"\"\n"
	var e errs
	if !prescan("ok.toml", []byte(ok), &e) {
		t.Errorf("brackets in strings or comments counted: %v", e.err())
	}
	if !prescan("ok.toml", []byte("x = "+deep(MaxNesting, "[")+deep(MaxNesting, "]")), &e) {
		t.Errorf("nesting of exactly %d refused: %v", MaxNesting, e.err())
	}
}

// A file with more entries or tables than any valid file holds is refused
// before decoding, at the line where the count is passed: a 16 MiB file of
// a million one-line tables used to take 4.5 GB to reject.
func TestEntriesAndTablesCapped(t *testing.T) {
	cases := []struct {
		name, src, msg string
		line           int
	}{
		{"keys", "[params]\n" + strings.Repeat("x = 1\n", 200_001), "more than 200000 keys and array elements", 200_002},
		{"array elements", "x = [" + strings.Repeat("1,", 200_001) + "]\n", "more than 200000 keys", 1},
		{"tables", strings.Repeat("[[events]]\n", 12_001), "more than 12000 tables", 12_001},
		{"inline tables", "x = [" + strings.Repeat("{},", 12_001) + "]\n", "more than 12000 tables", 1},
	}
	for _, c := range cases {
		_, err := Parse("big.toml", []byte(c.src))
		var list Errors
		if !errors.As(err, &list) || len(list) != 1 || list[0].Line != c.line || !strings.Contains(list[0].Msg, c.msg) {
			t.Errorf("%s: want one error at line %d: %s, got %.300v", c.name, c.line, c.msg, err)
		}
	}
	// Headers inside a multi-line string, and arrays of arrays, are no tables.
	var e errs
	if !prescan("ok.toml", []byte("m = \"\"\"\n"+strings.Repeat("[[x]]\n", 12_001)+"\"\"\"\ny = [\n"+strings.Repeat("[1],\n", 12_001)+"]\n"), &e) {
		t.Errorf("counted tables that are not: %v", e.err())
	}
}

// More than sim.MaxEvents events are refused, at the first one too many.
func TestEventsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(base)
	for i := 0; i < 10_001; i++ {
		b.WriteString("[[events]]\ntick = 1\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n")
	}
	_, err := Parse("s.toml", []byte(b.String()))
	var list Errors
	if !errors.As(err, &list) || len(list) != 1 || list[0].Key != "events[10000]" || !strings.Contains(list[0].Msg, "10001 events; allowed: at most 10000") {
		t.Fatalf("want the 10,001st event refused, got %.300v", err)
	}
}

// The message for too many tables says what is allowed.
func TestTablesCappedMessage(t *testing.T) {
	var e errs
	if prescan("big.toml", []byte(strings.Repeat("[[events]]\n", MaxTables+1)), &e) {
		t.Fatal("accepted")
	}
	want := "big.toml:12001: more than 12000 tables; allowed: at most 12000 ([headers] and { inline tables }; no valid file needs as many)"
	if err := e.err(); err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// A file may end anywhere: in a comment, in a string left open just
// after a backslash, or just after a multi-line string's closing quotes
// (with two of its own or not), with no newline after it. prescan reads
// to its end without reading past it, and leaves what is wrong to the
// decoder.
func TestPrescanToTheEnd(t *testing.T) {
	for _, src := range []string{"x = 1 # c", "#", "x = \"a\\", "x = \"\"\"a\\", "x = \"\"\"a\"\"\"", "x = '''a'''''"} {
		var e errs
		if !prescan("end.toml", []byte(src), &e) {
			t.Errorf("%q refused: %v", src, e.err())
		}
	}
}

// A basic string left open at the end of its line ends there, its last
// character with it: 40 lines of x = "[ nest nothing (the decoder says
// what is wrong with them).
func TestPrescanOpenStringEndsAtItsLine(t *testing.T) {
	var e errs
	if !prescan("open.toml", []byte(strings.Repeat("x = \"[\n", 40)), &e) {
		t.Errorf("the open strings' last [ counted: %v", e.err())
	}
}

// A multi-line string ends at its closing quotes and nowhere else: a
// lone quote inside one, two characters on or not, ends nothing (the 40
// [ after it are text), and
// an empty one, """""", ends at its sixth quote (the 33 [ on the next
// line are counted, and refused at line 2).
func TestPrescanMultiLineStringEnds(t *testing.T) {
	var e errs
	if !prescan("q.toml", []byte("x = \"\"\"ab\""+strings.Repeat("[", 40)+"\"\"\"\n"), &e) {
		t.Errorf("brackets after a lone quote in a multi-line string counted: %v", e.err())
	}
	e = errs{}
	if prescan("q.toml", []byte("x = \"\"\"\"\"\"\ny = "+strings.Repeat("[", 33)), &e) {
		t.Fatal("nesting after an empty multi-line string not counted")
	}
	if err := e.err(); err == nil || !strings.HasPrefix(err.Error(), "q.toml:2: arrays and inline tables nested more than 32 deep") {
		t.Errorf("got %v", err)
	}
}

// A multi-line string's closing delimiter takes at most two quotes of
// its own, as TOML does: in x = """a"""""" the sixth quote opens a basic
// string, which runs to the end of the line, and the 40 [ in it nest
// nothing (the decoder refuses the line).
func TestPrescanSixthQuoteOpensAString(t *testing.T) {
	var e errs
	if !prescan("q.toml", []byte("x = \"\"\"a\"\"\"\"\"\""+strings.Repeat("[", 40)+"\n"), &e) {
		t.Errorf("brackets after a sixth quote counted: %v", e.err())
	}
}
