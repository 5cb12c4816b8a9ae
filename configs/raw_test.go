package configs

import (
	"testing"
)

// A whole number written as a float past 2^53 (runs = 1.0e16) is no
// fraction: it is named as the number it is, not as "not a whole
// number", with the range allowed.
func TestLargeWholeFloatIsNotCalledAFraction(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\nruns = 1.0e16\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n", 2, "runs",
		"1e+16 is a number; allowed: a whole number in [1, 100000000]")
}

// An event whose [[events]] header is the file's first line is placed
// there, at line 1: an error at the event names that line.
func TestEventHeaderOnFirstLine(t *testing.T) {
	list := parseErrors(t, "[[events]]\ntick = 2\nactor = \"a\"\n"+base)
	wantError(t, list, 1, "events[0]", "event without kind; allowed: kind = intent | occupy | withdraw | capability | sovereignty | ideology")
}

// The empty key, "" = 1, is named as written, params."", at its line.
func TestEmptyKeyNamedQuoted(t *testing.T) {
	list := parseErrors(t, base+"\n[params]\n\"\" = 1\n")
	if len(list) != 1 || list[0].Line != 25 || list[0].Key != `params.""` {
		t.Errorf(`want one error at line 25, params.""; got`+"\n%v", list)
	}
}
