package configs

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// opt is one value as written in a file: whether it was set, the value, and
// where. A value of the wrong TOML type is kept in Bad rather than failing
// the decoder, so that every error of a file can be reported at once.
type opt[T any] struct {
	V   T
	Set bool
	Bad any // the value as written, when it had the wrong type
	Loc Loc
	// Text is an integer as written, when the number V holds it rounded
	// (past ±2^53), so that an error can name what was written.
	Text string
}

// UnmarshalTOML implements toml.Unmarshaler.
func (o *opt[T]) UnmarshalTOML(v any) error {
	o.Set = true
	switch p := any(&o.V).(type) {
	case *float64:
		switch x := v.(type) {
		case float64:
			*p = positiveZero(x)
		case int64:
			*p = float64(x)
			if x > 1<<53 || x < -1<<53 {
				o.Text = strconv.FormatInt(x, 10)
			}
		default:
			o.Bad = v
		}
	case *int:
		switch x := v.(type) {
		case int64:
			*p = int(x)
		case float64:
			if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
				*p = int(x)
			} else {
				o.Bad = v
			}
		default:
			o.Bad = v
		}
	case *string:
		if x, ok := v.(string); ok {
			*p = x
		} else {
			o.Bad = v
		}
	case *bool:
		if x, ok := v.(bool); ok {
			*p = x
		} else {
			o.Bad = v
		}
	case *any:
		switch x := v.(type) {
		case int64:
			// An integer past 2^53 stays one, for checkValue to refuse
			// by its value as written rather than rounded.
			if x >= -1<<53 && x <= 1<<53 {
				*p = float64(x)
			} else {
				*p = x
			}
		case float64:
			*p = positiveZero(x)
		case string, bool:
			*p = x
		default:
			o.Bad = v
		}
	}
	return nil
}

// ok reports whether the value is set and of the right type; if it is set
// with a wrong type it records the error.
func (o *opt[T]) ok(e *errs, want string) bool {
	// A fraction given for a whole number (an int's Bad is a float only
	// then, or past 2^53): "2.5 is a number" would say nothing against it.
	if x, ok := o.Bad.(float64); ok && x != math.Trunc(x) {
		if _, whole := any(o.V).(int); whole {
			e.at(o.Loc, "%s is not a whole number; allowed: %s", show(x), want)
			return false
		}
	}
	return typedOK(o.Set, o.Bad, o.Loc, e, want)
}

// typedOK is ok for any value kept as written: false if it is not set;
// false, recording an error at loc, if bad holds a value of the wrong
// type.
func typedOK(set bool, bad any, loc Loc, e *errs, want string) bool {
	if !set {
		return false
	}
	if bad != nil {
		e.at(loc, "%s is %s; allowed: %s", show(bad), typeName(bad), want)
		return false
	}
	return true
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case time.Time:
		return tomlTime(x)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "an array"
	}
	return fmt.Sprint(v)
}

func typeName(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case time.Time:
		return tomlTimeKind(x).name
	case map[string]any:
		return "not a value"
	case []any, []map[string]any:
		return "not a value"
	}
	return fmt.Sprintf("of type %T", v)
}

// tomlTimeKinds are the local kinds of TOML time, by the zone the decoder
// names them with: what each is called, and how it is written.
var tomlTimeKinds = map[string]struct{ name, layout string }{
	"date-local":     {"a TOML date", "2006-01-02"},
	"time-local":     {"a TOML time", "15:04:05.999999999"},
	"datetime-local": {"a TOML date-time", "2006-01-02T15:04:05.999999999"},
}

// tomlTimeKind is t's kind of TOML time (an offset date-time unless the
// decoder named a local kind).
func tomlTimeKind(t time.Time) struct{ name, layout string } {
	if k, ok := tomlTimeKinds[t.Location().String()]; ok {
		return k
	}
	return struct{ name, layout string }{"a TOML date-time", time.RFC3339Nano}
}

// tomlTime writes a TOML date, time or date-time as it was written.
func tomlTime(t time.Time) string { return t.Format(tomlTimeKind(t).layout) }

// found says what was written where a table or an array of tables
// belongs: "3 is an integer", "an array", "an array of tables".
func found(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a single table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	}
	return show(v) + " is " + typeName(v)
}

// optIDs is an array of ids as written (drop_events, drop_states), with
// where it was written. A value that is not an array of strings is kept in
// Bad, as opt does.
type optIDs struct {
	V   []string
	Set bool
	Bad any // the value (or the first element) that is not a string; V holds the strings
	Loc Loc
}

// UnmarshalTOML implements toml.Unmarshaler.
func (o *optIDs) UnmarshalTOML(v any) error {
	o.Set = true
	list, ok := v.([]any)
	if !ok {
		o.Bad = v
		return nil
	}
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			if o.Bad == nil {
				o.Bad = x
			}
			continue // the strings are still read, so that their ids are checked too
		}
		o.V = append(o.V, s)
	}
	return nil
}

// ok reports whether the list is set and holds only strings; if not it
// records the error.
func (o *optIDs) ok(e *errs, want string) bool { return typedOK(o.Set, o.Bad, o.Loc, e, want) }

// optTable is a table of values as written ([params], [decision], a
// state's stakes, grievance and decision), keyed as written. A value that
// is not a table — params = 3, [[params]] — is kept in Bad, as opt does,
// rather than dropped without a word (which the decoder does with a map).
type optTable[T any] struct {
	M   map[string]*opt[T]
	Bad any // the value as written, when it is not a table
	Loc Loc
}

// UnmarshalTOML implements toml.Unmarshaler.
func (t *optTable[T]) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		t.Bad = v
		return nil
	}
	t.M = make(map[string]*opt[T], len(m))
	for k, x := range m {
		o := &opt[T]{}
		if err := o.UnmarshalTOML(x); err != nil {
			return err
		}
		t.M[k] = o
	}
	return nil
}

// isTable marks optTable for shapeErrors.
func (*optTable[T]) isTable() {}

// rawFile is a scenario file as written: nothing defaulted, nothing checked.
type rawFile struct {
	Extends    opt[string]   `toml:"extends"`
	DropEvents optIDs        `toml:"drop_events"`
	DropStates optIDs        `toml:"drop_states"`
	Scenario   rawMeta       `toml:"scenario"`
	Theater    rawTheater    `toml:"theater"`
	Params     optTable[any] `toml:"params"`
	Decision   optTable[any] `toml:"decision"`
	States     []*rawState   `toml:"states"`
	Events     []*rawEvent   `toml:"events"`

	file  string              // as named by the user
	idx   lineIndex           // where each key was written
	lines map[string][]string // the source of this file and of those it extends, by name, for locating rows of a map
}

type rawMeta struct {
	Name        opt[string] `toml:"name"`
	Description opt[string] `toml:"description"`
	Start       opt[string] `toml:"start"`
	Tick        opt[string] `toml:"tick"`
	Ticks       opt[int]    `toml:"ticks"`
}

type rawTheater struct {
	Map      opt[string]  `toml:"map"`
	Rough    opt[string]  `toml:"rough"`
	Generate *rawGenerate `toml:"generate"`
}

type rawGenerate struct {
	Width       opt[int]     `toml:"width"`
	Height      opt[int]     `toml:"height"`
	SeaFraction opt[float64] `toml:"sea_fraction"`
	Islands     opt[int]     `toml:"islands"`
	Seed        opt[int]     `toml:"seed"`
	Loc         Loc          `toml:"-"`
}

type rawState struct {
	ID          opt[string]       `toml:"id"`
	Name        opt[string]       `toml:"name"`
	Role        opt[string]       `toml:"role"`
	Glyph       opt[string]       `toml:"glyph"`
	Land        opt[float64]      `toml:"land"`
	Naval       opt[float64]      `toml:"naval"`
	Economy     opt[float64]      `toml:"economy"`
	Revisionism opt[float64]      `toml:"revisionism"`
	Ideology    opt[float64]      `toml:"ideology"`
	Sovereign   opt[bool]         `toml:"sovereign"`
	Stakes      optTable[float64] `toml:"stakes"`
	Grievance   optTable[float64] `toml:"grievance"`
	Reference   opt[float64]      `toml:"reference"`
	Decision    optTable[any]     `toml:"decision"`
	Loc         Loc               `toml:"-"` // its [[states]] header
}

type rawEvent struct {
	ID        opt[string]  `toml:"id"`
	At        opt[string]  `toml:"at"`
	Tick      opt[int]     `toml:"tick"`
	Kind      opt[string]  `toml:"kind"`
	Actor     opt[string]  `toml:"actor"`
	Target    opt[string]  `toml:"target"`
	Delta     opt[float64] `toml:"delta"`
	Fraction  opt[float64] `toml:"fraction"`
	Land      opt[float64] `toml:"land"`
	Naval     opt[float64] `toml:"naval"`
	Economy   opt[float64] `toml:"economy"`
	Sovereign opt[bool]    `toml:"sovereign"`
	Ideology  opt[float64] `toml:"ideology"`
	Note      opt[string]  `toml:"note"`
	Loc       Loc          `toml:"-"` // its [[events]] header
	// Replaces is the [[events]] header of the base's event this one,
	// of an overlay, replaces wholesale (mergeEvents); nil if none.
	Replaces *Loc `toml:"-"`
}

// locate fills in where every value of f was written.
func (f *rawFile) locate() {
	at := func(path string) Loc { return Loc{File: f.file, Line: f.idx[path], Key: path} }
	f.Extends.Loc = at("extends")
	f.DropEvents.Loc = at("drop_events")
	f.DropStates.Loc = at("drop_states")
	m := &f.Scenario
	for key, o := range map[string]*opt[string]{"name": &m.Name, "description": &m.Description, "start": &m.Start, "tick": &m.Tick} {
		o.Loc = at("scenario." + key)
	}
	m.Ticks.Loc = at("scenario.ticks")
	f.Theater.Map.Loc = at("theater.map")
	f.Theater.Rough.Loc = at("theater.rough")
	if g := f.Theater.Generate; g != nil {
		g.Loc = at("theater.generate")
		g.Width.Loc = at("theater.generate.width")
		g.Height.Loc = at("theater.generate.height")
		g.SeaFraction.Loc = at("theater.generate.sea_fraction")
		g.Islands.Loc = at("theater.generate.islands")
		g.Seed.Loc = at("theater.generate.seed")
	}
	locateMap(&f.Params, "params", at)
	locateMap(&f.Decision, "decision", at)
	for i, s := range f.States {
		p := fmt.Sprintf("states[%d]", i)
		s.Loc = at(p)
		for key, o := range map[string]*opt[string]{"id": &s.ID, "name": &s.Name, "role": &s.Role, "glyph": &s.Glyph} {
			o.Loc = at(p + "." + key)
		}
		for key, o := range map[string]*opt[float64]{"land": &s.Land, "naval": &s.Naval, "economy": &s.Economy,
			"revisionism": &s.Revisionism, "ideology": &s.Ideology, "reference": &s.Reference} {
			o.Loc = at(p + "." + key)
		}
		s.Sovereign.Loc = at(p + ".sovereign")
		locateMap(&s.Stakes, p+".stakes", at)
		locateMap(&s.Grievance, p+".grievance", at)
		locateMap(&s.Decision, p+".decision", at)
		if s.Loc.Line == 0 { // states written as an inline array: use the key's line
			s.Loc.Line = f.idx["states"]
		}
	}
	for i, e := range f.Events {
		p := fmt.Sprintf("events[%d]", i)
		e.Loc = at(p)
		for key, o := range map[string]*opt[string]{"id": &e.ID, "at": &e.At, "kind": &e.Kind, "actor": &e.Actor, "target": &e.Target, "note": &e.Note} {
			o.Loc = at(p + "." + key)
		}
		for key, o := range map[string]*opt[float64]{"delta": &e.Delta, "fraction": &e.Fraction, "land": &e.Land, "naval": &e.Naval, "economy": &e.Economy, "ideology": &e.Ideology} {
			o.Loc = at(p + "." + key)
		}
		e.Tick.Loc = at(p + ".tick")
		e.Sovereign.Loc = at(p + ".sovereign")
		if e.Loc.Line == 0 {
			e.Loc.Line = f.idx["events"]
		}
	}
}

func locateMap[T any](t *optTable[T], prefix string, at func(string) Loc) {
	t.Loc = at(prefix)
	for k, o := range t.M {
		o.Loc = at(prefix + "." + quoteKey(k))
	}
}

// quoteKey writes a key as it appears in a dotted path.
func quoteKey(k string) string {
	for i := 0; i < len(k); i++ {
		if !isBare(k[i]) {
			return strconv.Quote(k)
		}
	}
	if k == "" {
		return `""`
	}
	return k
}

// positiveZero is x, with −0 read as 0: the scenario writer (Format)
// writes −0 as 0, so a file that said −0.0 would run otherwise than the
// file show writes of it (a delta of −0 logged "−0.00").
func positiveZero(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x
}
