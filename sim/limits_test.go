package sim_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/sim"
)

// Ranges of every shape: closed, open at either end, whole numbers only,
// and without an upper bound.
var (
	unit       = sim.Range{Min: 0, Max: 1}
	openMin    = sim.Range{Min: 0, Max: 1, OpenMin: true}
	openMax    = sim.Range{Min: 0, Max: 1, OpenMax: true}
	wholeTicks = sim.Range{Min: 1, Max: 1_000_000, Whole: true}
	atLeast0   = sim.Range{Min: 0, Max: math.Inf(1)}
)

// Check allows exactly the values in the range, its closed bounds
// included, and refuses NaN and ±Inf even where a bound is infinite.
func TestRangeCheck(t *testing.T) {
	for _, c := range []struct {
		name string
		r    sim.Range
		v    float64
		ok   bool
	}{
		{"[0, 1]", unit, 0, true},
		{"[0, 1]", unit, 1, true},
		{"[0, 1]", unit, 0.5, true},
		{"[0, 1]", unit, -0.5, false},
		{"[0, 1]", unit, 1.0000000000000002, false}, // the next float above 1
		{"[0, 1]", unit, -5e-324, false},            // the next float below 0
		{"[0, 1]", unit, math.NaN(), false},
		{"[0, 1]", unit, math.Inf(1), false},
		{"[0, 1]", unit, math.Inf(-1), false},
		{"(0, 1]", openMin, 0, false},
		{"(0, 1]", openMin, 5e-324, true}, // the next float above 0
		{"(0, 1]", openMin, 1, true},
		{"[0, 1)", openMax, 1, false},
		{"[0, 1)", openMax, 0.9999999999999999, true}, // the next float below 1
		{"[0, 1)", openMax, 0, true},
		{"whole [1, 1000000]", wholeTicks, 1, true},
		{"whole [1, 1000000]", wholeTicks, 1_000_000, true},
		{"whole [1, 1000000]", wholeTicks, 0, false},
		{"whole [1, 1000000]", wholeTicks, 1_000_001, false},
		{"whole [1, 1000000]", wholeTicks, 2.5, false},
		{"whole [1, 1000000]", wholeTicks, math.NaN(), false},
		{"[0, +Inf)", atLeast0, 1e308, true},
		{"[0, +Inf)", atLeast0, math.MaxFloat64, true},
		{"[0, +Inf)", atLeast0, math.Inf(1), false},
		{"[0, +Inf)", atLeast0, -1, false},
	} {
		if err := c.r.Check(c.v); (err == nil) != c.ok {
			t.Errorf("%s: Check(%v) = %v, want allowed %v", c.name, c.v, err, c.ok)
		}
	}
	// What the refusals say.
	for _, c := range []struct {
		name string
		r    sim.Range
		v    float64
		want string
	}{
		{"[0, 1]", unit, -0.5, "-0.5 is out of range; allowed: a number in [0, 1]"},
		{"[0, 1]", unit, math.NaN(), "NaN is not a finite number; allowed: a number in [0, 1]"},
		{"[0, 1]", unit, math.Inf(-1), "-Inf is not a finite number; allowed: a number in [0, 1]"},
		{"(0, 1]", openMin, 0, "0 is out of range; allowed: a number in (0, 1]"},
		// a whole number is written out in full, not as 1.000001e+06
		{"whole", wholeTicks, 1_000_001, "1000001 is out of range; allowed: a whole number in [1, 1000000]"},
		{"whole", wholeTicks, 2.5, "2.5 is not a whole number; allowed: a whole number in [1, 1000000]"},
		// …but not a 1e300 in 301 digits
		{"whole", wholeTicks, 1e300, "1e+300 is out of range; allowed: a whole number in [1, 1000000]"},
		{"[0, +Inf)", atLeast0, math.Inf(1), "+Inf is not a finite number; allowed: a number ≥ 0"},
	} {
		if err := c.r.Check(c.v); err == nil || err.Error() != c.want {
			t.Errorf("%s: Check(%v) = %v, want %q", c.name, c.v, err, c.want)
		}
	}
}

// FormatNumber writes whole numbers in full up to 10^21 and every other
// number in the shortest form that reads back exactly.
func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"},
		{-3, "-3"},
		{1_000_001, "1000001"},
		{1 << 53, "9007199254740992"},
		{1e20, "100000000000000000000"},
		{1e21, "1e+21"},
		{1e300, "1e+300"},
		{0.1, "0.1"},
		{2.5e-7, "2.5e-07"},
		{1234567.5, "1.2345675e+06"},
		{math.NaN(), "NaN"},
		{math.Inf(-1), "-Inf"},
	} {
		if got := sim.FormatNumber(c.x); got != c.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}

// CheckInt is Check for ints.
func TestRangeCheckInt(t *testing.T) {
	for _, c := range []struct {
		name string
		r    sim.Range
		v    int
		ok   bool
	}{
		{"whole [1, 1000000]", wholeTicks, 1, true},
		{"whole [1, 1000000]", wholeTicks, 1_000_000, true},
		{"whole [1, 1000000]", wholeTicks, 0, false},
		{"whole [1, 1000000]", wholeTicks, -1, false},
		{"whole [1, 1000000]", wholeTicks, 1_000_001, false},
		{"[0, 1]", unit, 0, true},
		{"[0, 1]", unit, 1, true},
		{"[0, 1]", unit, 2, false},
		{"(0, 1]", openMin, 0, false},
		{"[0, +Inf)", atLeast0, math.MaxInt, true},
		{"[0, +Inf)", atLeast0, math.MinInt, false},
	} {
		if err := c.r.CheckInt(c.v); (err == nil) != c.ok {
			t.Errorf("%s: CheckInt(%d) = %v, want allowed %v", c.name, c.v, err, c.ok)
		}
	}
	want := "0 is out of range; allowed: a whole number in [1, 1000000]"
	if err := wholeTicks.CheckInt(0); err == nil || err.Error() != want {
		t.Errorf("CheckInt(0) = %v, want %q", err, want)
	}
}

// Allowed writes the range as a reader would: its bounds without an
// exponent, a parenthesis at an open bound, ≥ or > when there is no
// upper bound.
func TestRangeAllowed(t *testing.T) {
	for _, c := range []struct {
		r    sim.Range
		want string
	}{
		{unit, "a number in [0, 1]"},
		{openMin, "a number in (0, 1]"},
		{openMax, "a number in [0, 1)"},
		{sim.Range{Min: 0, Max: 1, OpenMin: true, OpenMax: true}, "a number in (0, 1)"},
		{sim.Range{Min: -10, Max: 10}, "a number in [-10, 10]"},
		{sim.Range{Min: 0.001, Max: 1e6}, "a number in [0.001, 1000000]"},
		{wholeTicks, "a whole number in [1, 1000000]"},
		{atLeast0, "a number ≥ 0"},
		{sim.Range{Min: 0, Max: math.Inf(1), OpenMin: true}, "a number > 0"},
		{sim.Range{Min: 2, Max: math.Inf(1), Whole: true}, "a whole number ≥ 2"},
		// A TOML integer's limit, 2⁶³ − 1, not float64(MaxInt64)'s
		// shortest decimal 9223372036854775808.
		{sim.GenerateSeedRange(), "a whole number in [0, 9223372036854775807]"},
	} {
		if got := c.r.Allowed(); got != c.want {
			t.Errorf("%+v: Allowed() = %q, want %q", c.r, got, c.want)
		}
	}
}

// A state id is a lowercase letter, then lowercase letters, digits and _.
func TestCheckStateID(t *testing.T) {
	for _, id := range []string{"a", "pat", "c1", "south_korea", "k_", "x9_9"} {
		if err := sim.CheckStateID(id); err != nil {
			t.Errorf("CheckStateID(%q) = %v, want nil", id, err)
		}
	}
	for _, id := range []string{"", "1c", "_k", "Korea", "kOrea", "south-korea", "south korea", "k.r", "é", "k\n"} {
		if err := sim.CheckStateID(id); err == nil {
			t.Errorf("CheckStateID(%q) = nil, want an error", id)
		}
	}
	want := `"south-korea" is not a valid id; allowed: lowercase letters, digits and _, starting with a letter`
	if err := sim.CheckStateID("south-korea"); err == nil || err.Error() != want {
		t.Errorf("CheckStateID(\"south-korea\") = %v, want %s", err, want)
	}
}

// An event id may also use hyphens, but not start with one.
func TestCheckEventID(t *testing.T) {
	for _, id := range []string{"a", "e1", "korean-war-invasion", "a_b-c", "x-"} {
		if err := sim.CheckEventID(id); err != nil {
			t.Errorf("CheckEventID(%q) = %v, want nil", id, err)
		}
	}
	for _, id := range []string{"", "-war", "_war", "9war", "War", "war time", "war.1", "war\n"} {
		if err := sim.CheckEventID(id); err == nil {
			t.Errorf("CheckEventID(%q) = nil, want an error", id)
		}
	}
	want := `"War" is not a valid event id; allowed: lowercase letters, digits, - and _, starting with a letter`
	if err := sim.CheckEventID("War"); err == nil || err.Error() != want {
		t.Errorf("CheckEventID(\"War\") = %v, want %s", err, want)
	}
}

// A glyph is any one printable character but the map's own (~ . ^,
// space, tab): a newline, a control or a zero-width character is
// refused too; 0 means none.
func TestCheckGlyph(t *testing.T) {
	for _, g := range []rune{0, 'A', 'p', '7', '#', 'é', '中'} {
		if err := sim.CheckGlyph(g); err != nil {
			t.Errorf("CheckGlyph(%q) = %v, want nil", g, err)
		}
	}
	for _, g := range []rune{'~', '.', '^', ' ', '\t', '\n', '\r', 0x7f, 0x200b, utf8.RuneError, -1, 0xD800, utf8.MaxRune + 1} {
		if err := sim.CheckGlyph(g); err == nil {
			t.Errorf("CheckGlyph(%q) = nil, want an error", g)
		}
	}
	want := `"~" is reserved for the map; allowed: one printable character other than ~ . ^, space or tab`
	if err := sim.CheckGlyph('~'); err == nil || err.Error() != want {
		t.Errorf("CheckGlyph('~') = %v, want %s", err, want)
	}
}

// Each refused glyph is refused for its own reason, in words: a surrogate
// half or a rune past U+10FFFF is not one character (it prints as the
// replacement character), a space or a tab is white space a map row
// cannot show, ^ is reserved for the map, and a newline is not printable.
func TestCheckGlyphMessages(t *testing.T) {
	const allowed = "; allowed: one printable character other than ~ . ^, space or tab"
	for g, want := range map[rune]string{
		0xD800:           `'�' is not one character` + allowed,
		utf8.MaxRune + 1: `'�' is not one character` + allowed,
		'\t':             `"\t" is white space, which a map row cannot show` + allowed,
		' ':              `" " is white space, which a map row cannot show` + allowed,
		'^':              `"^" is reserved for the map` + allowed,
		'\n':             `'\n' is not a printable character` + allowed,
		0x200b:           `'\u200b' is not a printable character` + allowed,
	} {
		if err := sim.CheckGlyph(g); err == nil || err.Error() != want {
			t.Errorf("CheckGlyph(%#x) = %v\nwant %s", g, err, want)
		}
	}
}

// A one-line text refuses every control character, a newline among them,
// and Unicode's line and paragraph separators; a text that may run over
// lines takes line breaks (LF, CR, U+2028) and tabs but no other control
// character; neither takes a bidirectional control, and a state's name
// is not blank; each message names what its kind allows.
func TestCheckTextAndLines(t *testing.T) {
	for _, s := range []string{"Korean War", "a\nb\r\n\tc", "a\u2028b"} {
		if err := sim.CheckLines(s); err != nil {
			t.Errorf("CheckLines(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range []string{"", "Côte d'Ivoire", "עברית"} { // no name: the id stands for it
		if err := sim.CheckStateName(s); err != nil {
			t.Errorf("CheckStateName(%q) = %v, want nil", s, err)
		}
	}
	for _, c := range []struct {
		name, want string
		err        error
	}{
		{"one line, a newline", `"a\nb" holds the control character U+000A; allowed: text without control characters`, sim.CheckText("a\nb")},
		{"one line, a tab", `"a\tb" holds the control character U+0009; allowed: text without control characters`, sim.CheckText("a\tb")},
		{"lines, a bell", `"a\ab" holds the control character U+0007; allowed: text without control characters other than line breaks and tabs`, sim.CheckLines("a\ab")},
		{"lines, not UTF-8", `"a\xffb" is not valid UTF-8; allowed: text in UTF-8`, sim.CheckLines("a\xffb")},
		{"one line, a line separator", `"a\u2028b" holds the line or paragraph separator U+2028; allowed: one line of text`, sim.CheckText("a\u2028b")},
		{"lines, a right-to-left override", `"a\u202eb" holds the bidirectional control U+202E; allowed: text without bidirectional controls`, sim.CheckLines("a\u202eb")},
		{"one line, an isolate", `"a\u2066b" holds the bidirectional control U+2066; allowed: text without bidirectional controls`, sim.CheckText("a\u2066b")},
		{"a blank state name", `"   " is blank; allowed: one line of text with a visible character, or no name (the id)`, sim.CheckStateName("   ")},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.name, c.err, c.want)
		}
	}
}

// Only a sovereignty event on an adversary is inert by its actor's role:
// every other kind, and sovereignty for a client or a patron, is allowed.
func TestCheckScriptActor(t *testing.T) {
	want := `"adv" is an adversary, whose sovereignty nothing reads (it signs nothing), so the event would change nothing; allowed: a client or a patron as actor`
	if err := sim.CheckScriptActor(sim.ScriptSovereignty, "adv", sim.Adversary); err == nil || err.Error() != want {
		t.Errorf("sovereignty of an adversary: %v; want %s", err, want)
	}
	for _, role := range []sim.Role{sim.Client, sim.Patron} {
		if err := sim.CheckScriptActor(sim.ScriptSovereignty, "x", role); err != nil {
			t.Errorf("sovereignty of a %v: %v", role, err)
		}
	}
	for kind := range sim.ScriptKind(len(sim.ScriptKindNames())) {
		if err := sim.CheckScriptActor(kind, "adv", sim.Adversary); kind != sim.ScriptSovereignty && err != nil {
			t.Errorf("%v of an adversary: %v", kind, err)
		}
	}
}
