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
