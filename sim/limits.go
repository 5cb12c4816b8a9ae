package sim

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules a scenario must follow, shared by Validate (what Compile
// checks) and the configs package (which checks files against the same
// rules and reports each problem at its line): one definition of every
// limit, range and pattern.

// Limits on sizes, so that a typo cannot ask for a theatre or a run that
// exhausts memory.
const (
	MaxTicks    = 1_000_000 // horizon
	MinGridSide = 2         // a generated theatre's width and height
	MaxGridSide = 1000
	MaxIslands  = 1000 // landmasses a generator aims for
	MaxYear     = 9999 // start years are written YYYY
)

// ReservedGlyphs are the map characters that are not states: sea, unowned
// land, unowned rough, and the blanks.
const ReservedGlyphs = "~.^ \t"

// stateIDPattern is the form of a state id (CheckStateID);
// eventIDPattern that of an event id (CheckEventID), which may also use
// hyphens so that ids read as names (korean-war-invasion).
var (
	stateIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	eventIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
)

// Range is an interval of allowed numbers: closed unless OpenMin or
// OpenMax excludes a bound; Whole allows whole numbers only. A value that
// is not finite is never allowed.
type Range struct {
	Min, Max         float64
	OpenMin, OpenMax bool
	Whole            bool
}

// The ranges of a scenario's values (docs/model.md §2), which the
// functions below return: a copy, so that no caller can widen what
// Validate and the configs package allow.
var (
	forceRange        = Range{Min: 0, Max: MaxForce}         // land, naval, economy, and capability events
	revisionismRange  = Range{Min: 0, Max: 1}                // revisionism
	ideologyRange     = Range{Min: -1, Max: 1}               // ideology
	referenceRange    = Range{Min: 0, Max: 1}                // a given reference point
	stakeRange        = Range{Min: 0, Max: MaxForce}         // a patron's stake in a state
	grievanceRange    = Range{Min: 0, Max: 1}                // grievance held against a state
	shockRange        = Range{Min: -MaxShock, Max: MaxShock} // an intent event's delta
	fractionRange     = Range{Min: 0, Max: 1, OpenMin: true} // an occupy or withdraw event's share of cells
	seaFractionRange  = Range{Min: 0, Max: 1, OpenMax: true} // a generated theatre's share of sea
	ticksRange        = Range{Min: 1, Max: MaxTicks, Whole: true}
	gridSideRange     = Range{Min: MinGridSide, Max: MaxGridSide, Whole: true}
	islandsRange      = Range{Min: 1, Max: MaxIslands, Whole: true}
	generateSeedRange = Range{Min: 0, Max: math.MaxInt64, Whole: true} // TOML integers are signed 64-bit
)

// ForceRange is the range of a state's land, naval and economy, and of a
// capability event's values.
func ForceRange() Range { return forceRange }

// RevisionismRange is the range of a state's revisionism.
func RevisionismRange() Range { return revisionismRange }

// IdeologyRange is the range of a state's ideology.
func IdeologyRange() Range { return ideologyRange }

// ReferenceRange is the range of a reference point a scenario gives.
func ReferenceRange() Range { return referenceRange }

// StakeRange is the range of a patron's stake in a state.
func StakeRange() Range { return stakeRange }

// GrievanceRange is the range of a grievance held against a state.
func GrievanceRange() Range { return grievanceRange }

// ShockRange is the range of an intent event's delta.
func ShockRange() Range { return shockRange }

// FractionRange is the range of an occupy or withdraw event's share of
// cells.
func FractionRange() Range { return fractionRange }

// SeaFractionRange is the range of a generated theatre's share of sea.
func SeaFractionRange() Range { return seaFractionRange }

// TicksRange is the range of a horizon, in ticks.
func TicksRange() Range { return ticksRange }

// GridSideRange is the range of a generated theatre's width and height.
func GridSideRange() Range { return gridSideRange }

// IslandsRange is the range of the landmasses a generator aims for.
func IslandsRange() Range { return islandsRange }

// GenerateSeedRange is the range of a generated theatre's seed: TOML
// integers are signed 64-bit.
func GenerateSeedRange() Range { return generateSeedRange }

// Contains reports whether v is allowed.
func (r Range) Contains(v float64) bool {
	return r.inBounds(v) && !math.IsInf(v, 0) && (!r.Whole || v == math.Trunc(v))
}

// inBounds reports whether v lies between the bounds (false for NaN).
func (r Range) inBounds(v float64) bool {
	return v >= r.Min && v <= r.Max && !(r.OpenMin && v == r.Min) && !(r.OpenMax && v == r.Max)
}

// Check says what is wrong with v and what is allowed, or returns nil.
func (r Range) Check(v float64) error {
	switch {
	case r.Contains(v):
		return nil
	case math.IsNaN(v) || math.IsInf(v, 0):
		return fmt.Errorf("%v is not a finite number; allowed: %s", v, r.Allowed())
	case r.inBounds(v):
		return fmt.Errorf("%s is not a whole number; allowed: %s", FormatNumber(v), r.Allowed())
	}
	return fmt.Errorf("%s is out of range; allowed: %s", FormatNumber(v), r.Allowed())
}

// FormatNumber writes x as a user would: a whole number in full (1000001,
// not 1.000001e+06; 9007199254740992, not 9.007199254740992e+15), any
// other number, and a whole number past 10^21 (not 1e300 in 301 digits),
// in the shortest form that reads back exactly.
func FormatNumber(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e21 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// CheckInt is Check for a whole number.
func (r Range) CheckInt(v int) error {
	if r.Contains(float64(v)) {
		return nil
	}
	return fmt.Errorf("%d is out of range; allowed: %s", v, r.Allowed())
}

// Allowed describes the allowed values in words: "a number in [0, 1]",
// "a number in (0, 1]", "a whole number in [1, 1000000]".
func (r Range) Allowed() string {
	f := func(x float64) string {
		if r.Whole && x >= math.MaxInt64 {
			// float64(MaxInt64) is 2⁶³, and its shortest decimal
			// 9223372036854775808 would overstate a TOML integer's
			// limit by one.
			return strconv.FormatInt(math.MaxInt64, 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	what := "a number"
	if r.Whole {
		what = "a whole number"
	}
	if math.IsInf(r.Max, 1) {
		op := "≥"
		if r.OpenMin {
			op = ">"
		}
		return what + " " + op + " " + f(r.Min)
	}
	lo, hi := "[", "]"
	if r.OpenMin {
		lo = "("
	}
	if r.OpenMax {
		hi = ")"
	}
	return what + " in " + lo + f(r.Min) + ", " + f(r.Max) + hi
}

// CheckStateID says what is wrong with a state id, or returns nil.
func CheckStateID(id string) error {
	if !stateIDPattern.MatchString(id) {
		return fmt.Errorf("%q is not a valid id; allowed: lowercase letters, digits and _, starting with a letter", id)
	}
	return nil
}

// CheckEventID says what is wrong with an event id, or returns nil.
func CheckEventID(id string) error {
	if !eventIDPattern.MatchString(id) {
		return fmt.Errorf("%q is not a valid event id; allowed: lowercase letters, digits, - and _, starting with a letter", id)
	}
	return nil
}

// CheckText says what is wrong with a one-line text (a scenario's or a
// state's name, an event's note), or returns nil: it must be UTF-8 without
// control characters or Unicode's line and paragraph separators, which
// would break the line it is printed on (a newline in a note forged a
// line of the timeline) or drive the terminal, and without bidirectional
// controls, which reorder what is printed after them.
func CheckText(s string) error { return checkText(s, false) }

// CheckScenarioName says what is wrong with a scenario's name, or returns
// nil: one line of text (CheckText) with a visible character, since
// outputs, reports and messages name the scenario by it.
func CheckScenarioName(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%q is blank; allowed: one line of text with a visible character", s)
	}
	return CheckText(s)
}

// CheckLines is CheckText for a text that may run over lines (a
// scenario's description): newlines, carriage returns (a file written
// with CRLF line endings keeps them in a multi-line string), tabs and the
// line and paragraph separators are allowed; bidirectional controls are
// not.
func CheckLines(s string) error { return checkText(s, true) }

// CheckStateName says what is wrong with a state's display name, or
// returns nil: one line of text (CheckText), not blank. An empty name is
// none: the id stands for it (§2.1).
func CheckStateName(s string) error {
	if s != "" && strings.TrimSpace(s) == "" {
		return fmt.Errorf("%q is blank; allowed: one line of text with a visible character, or no name (the id)", s)
	}
	return CheckText(s)
}

// bidiControl reports whether r is one of Unicode's explicit
// bidirectional embeddings, overrides or isolates: printed, they reorder
// the text after them (a name that reads as another).
func bidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

func checkText(s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%q is not valid UTF-8; allowed: text in UTF-8", s)
	}
	for _, r := range s {
		if bidiControl(r) {
			return fmt.Errorf("%q holds the bidirectional control %U; allowed: text without bidirectional controls", s, r)
		}
		if !multiline && (r == '\u2028' || r == '\u2029') {
			return fmt.Errorf("%q holds the line or paragraph separator %U; allowed: one line of text", s, r)
		}
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
			allowed := "text without control characters"
			if multiline {
				allowed = "text without control characters other than line breaks and tabs"
			}
			return fmt.Errorf("%q holds the control character %U; allowed: %s", s, r, allowed)
		}
	}
	return nil
}

// GlyphMissing is what is wrong with state id without a glyph on a
// generated theatre: the generator gives land only to the states with
// one, so there a glyph looks cosmetic and is easily left out. Validate
// and the scenario files (package configs) say it in these words.
func GlyphMissing(id string) string {
	return fmt.Sprintf("missing: the generator gives land only to states with a glyph, and %q would own no cell; allowed: %s", id, GlyphWords)
}

// GlyphWords says in words which glyphs are allowed (CheckGlyph).
const GlyphWords = "one printable character other than ~ . ^, space or tab"

// CheckGlyph says what is wrong with a state's map glyph, or returns nil.
// 0 means no glyph (the state owns no land) and is allowed.
func CheckGlyph(g rune) error {
	switch {
	case g == 0:
		return nil
	case g == utf8.RuneError || !utf8.ValidRune(g):
		return fmt.Errorf("%q is not one character; allowed: %s", g, GlyphWords)
	case g == ' ' || g == '\t':
		return fmt.Errorf("%q is white space, which a map row cannot show; allowed: %s", string(g), GlyphWords)
	case strings.ContainsRune(ReservedGlyphs, g):
		return fmt.Errorf("%q is reserved for the map; allowed: %s", string(g), GlyphWords)
	case !unicode.IsPrint(g):
		// A newline or another control character cannot be drawn on a
		// map row; a generated theatre would take it silently.
		return fmt.Errorf("%q is not a printable character; allowed: %s", g, GlyphWords)
	}
	return nil
}

// scriptKeys is the table ScriptKeys returns a copy of.
var scriptKeys = map[ScriptKind][]string{
	ScriptIntent:      {"target", "delta"},
	ScriptOccupy:      {"target", "fraction"},
	ScriptWithdraw:    {"target", "fraction"},
	ScriptCapability:  {"land", "naval", "economy"},
	ScriptSovereignty: {"sovereign"},
	ScriptIdeology:    {"ideology"},
}

// ScriptKeys returns, for each kind of scripted event, the optional fields
// it uses by their names in a scenario file: what the kind reads, and
// nothing else. It is a copy: changing it changes nothing the engine reads.
func ScriptKeys() map[ScriptKind][]string {
	out := make(map[ScriptKind][]string, len(scriptKeys))
	for k, v := range scriptKeys {
		out[k] = slices.Clone(v)
	}
	return out
}

// CheckScriptActor reports an event that its actor's role makes inert: a
// sovereignty event on an adversary, whose sovereignty nothing reads (an
// adversary signs nothing and is in no alliance), so that the event would
// change only the log. sim's Validate and package configs both refuse it
// with this error.
func CheckScriptActor(kind ScriptKind, actor string, role Role) error {
	if kind == ScriptSovereignty && role == Adversary {
		return fmt.Errorf("%q is an adversary, whose sovereignty nothing reads (it signs nothing), so the event would change nothing; allowed: a client or a patron as actor", actor)
	}
	return nil
}

// ScriptKeysOf is ScriptKeys()[kind] without copying the whole table:
// the optional fields an event of the kind uses (none for a kind that is
// not one), as a copy.
func ScriptKeysOf(kind ScriptKind) []string {
	return slices.Clone(scriptKeys[kind])
}
