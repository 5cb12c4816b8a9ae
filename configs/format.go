package configs

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// Format writes a fully resolved scenario in canonical form: a TOML
// scenario file that Parse reads back into an identical *sim.Scenario
// (every field but Source, and an event's fields its kind does not use,
// which Parse sets to their defaults: a capability event built in Go
// with Fraction 0 reads back with Fraction 1, and means the same). It has
// no extends and no defaults left out:
//
//   - [scenario] with every key;
//   - the theatre as the scenario holds it: map (and rough) as multi-line
//     strings, or [theater.generate] with every field;
//   - [params] with every parameter of sim.ParamSpecs, in spec order;
//   - [decision] with every key of agents.DecisionSpecs, in spec order;
//   - every state with every field, and a decision table with the keys it
//     overrides (State.Decision), in spec order, even where a value
//     equals the scenario's [decision]: an override stays an override;
//   - every event with its id (when it has one), at = "YYYY-MM" (its
//     tick's first month, which reads back as that tick), and only the
//     keys its kind uses, in the scenario's order. A date, not a tick:
//     a copy whose start or tick length is edited keeps its events in
//     their months, as the scenario files' own dates do.
//
// Output is deterministic: table keys sorted, floats in the shortest form
// that round-trips and always written as floats, whole-number settings as
// integers. Format(Parse(Format(sc))) is Format(sc), byte for byte.
//
// Format fails on what no scenario file can say: a value that is not
// finite, text that is not UTF-8, an unknown role or event kind, a start
// year TOML dates cannot hold, or both (or neither) of a map and a
// generator. It does not otherwise check the scenario: Parse does.
func Format(sc *sim.Scenario) ([]byte, error) {
	if sc == nil {
		return nil, errNilScenario("Format")
	}
	w := &writer{}
	w.scenario(sc)
	w.theater(sc)
	w.params(sc.Params)
	w.decision(sc.Decision)
	for i := range sc.States {
		w.state(&sc.States[i])
	}
	for i := range sc.Events {
		w.event(&sc.Events[i], sc.Calendar)
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.b.Bytes(), nil
}

// writer builds a TOML document and keeps the first error.
type writer struct {
	b     bytes.Buffer
	err   error
	where string // the table being written, for errors
}

func (w *writer) fail(err error) {
	if w.err == nil && err != nil {
		w.err = fmt.Errorf("%s: %w", w.where, err)
	}
}

func (w *writer) table(header string) {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	w.b.WriteString(header + "\n")
	w.where = strings.Trim(header, "[]")
}

func (w *writer) line(key, value string, err error) {
	w.fail(err)
	w.b.WriteString(key + " = " + value + "\n")
}

func (w *writer) str(key, v string) {
	s, err := tomlString(v)
	w.line(key, s, err)
}

func (w *writer) float(key string, v float64) {
	s, err := tomlFloat(v)
	w.line(key, s, err)
}

func (w *writer) whole(key string, v float64) {
	s, err := tomlWhole(v)
	w.line(key, s, err)
}

func (w *writer) int(key string, v int) { w.line(key, fmt.Sprint(v), nil) }

func (w *writer) bool(key string, v bool) { w.line(key, fmt.Sprint(v), nil) }

func (w *writer) scenario(sc *sim.Scenario) {
	w.table("[scenario]")
	w.str("name", sc.Name)
	w.str("description", sc.Description)
	c := sc.Calendar
	if c.StartYear < 0 || c.StartYear > 9999 || c.StartMonth < 1 || c.StartMonth > 12 {
		w.fail(fmt.Errorf("start %d-%d cannot be written; allowed: a month of the years 0000 to 9999", c.StartYear, c.StartMonth))
	}
	w.str("start", fmt.Sprintf("%04d-%02d", c.StartYear, c.StartMonth))
	unit, named := c.TickUnit()
	if !named {
		w.fail(fmt.Errorf("%d months per tick has no name; allowed: %s", c.MonthsPerTick, strings.Join(sim.TickUnitNames(), ", ")))
	}
	w.str("tick", unit)
	w.int("ticks", sc.Ticks)
}

func (w *writer) theater(sc *sim.Scenario) {
	switch g := sc.Generate; {
	case g != nil && (sc.Map != "" || sc.Rough != ""):
		w.fail(fmt.Errorf("both a map and a generator; allowed: one of them"))
	case g != nil:
		w.table("[theater.generate]")
		w.int("width", g.Width)
		w.int("height", g.Height)
		w.float("sea_fraction", g.SeaFraction)
		w.int("islands", g.Islands)
		w.line("seed", fmt.Sprint(g.Seed), nil)
		if g.Seed > 1<<63-1 {
			w.fail(fmt.Errorf("seed %d is too large for TOML; allowed: at most 2^63 − 1", g.Seed))
		}
	case sc.Map == "":
		w.where = "theater"
		w.fail(fmt.Errorf("no theatre; allowed: a map or a generator"))
	default:
		w.table("[theater]")
		s, err := tomlMultiline(sc.Map)
		w.line("map", s, err)
		if sc.Rough != "" {
			s, err := tomlMultiline(sc.Rough)
			w.line("rough", s, err)
		}
	}
}

func (w *writer) params(p sim.Params) {
	w.table("[params]")
	for _, spec := range sim.ParamSpecs() {
		switch v := spec.Get(&p); spec.Kind {
		case sim.ParamInteger:
			w.whole(spec.Name, v)
		case sim.ParamBool:
			w.bool(spec.Name, v != 0)
		default:
			w.float(spec.Name, v)
		}
	}
}

func (w *writer) decision(d agents.Decision) {
	w.table("[decision]")
	for _, spec := range agents.DecisionSpecs() {
		s, err := decisionValue(spec, &d)
		w.line(spec.Name, s, err)
	}
}

// decisionValue writes one decision key's value by its kind.
func decisionValue(spec agents.DecisionSpec, d *agents.Decision) (string, error) {
	switch v := spec.Get(d).(type) {
	case string:
		return tomlString(v)
	case float64:
		if spec.Kind == agents.DecisionInteger {
			return tomlWhole(v)
		}
		return tomlFloat(v)
	default:
		return "", fmt.Errorf("decision %s has a value of type %T", spec.Name, v)
	}
}

func (w *writer) state(s *sim.State) {
	w.table("[[states]]")
	w.where = "state " + s.ID
	w.str("id", s.ID)
	w.str("name", s.Name)
	if _, known := sim.ParseRole(s.Role.String()); !known {
		w.fail(fmt.Errorf("%v is not a role; allowed: %s", s.Role, strings.Join(sim.RoleNames(), ", ")))
	}
	w.str("role", s.Role.String())
	if s.Glyph != 0 {
		w.str("glyph", string(s.Glyph))
	}
	w.float("land", s.Land)
	w.float("naval", s.Naval)
	w.float("economy", s.Economy)
	w.float("revisionism", s.Revisionism)
	w.float("ideology", s.Ideology)
	w.bool("sovereign", s.Sovereign)
	if s.HasReference {
		w.float("reference", s.Reference)
	}
	if len(s.Stakes) > 0 {
		w.inline("stakes", s.Stakes)
	}
	if len(s.Grievance) > 0 {
		w.inline("grievance", s.Grievance)
	}
	var keys []string
	for _, k := range s.Decision.Keys() {
		spec, ok := agents.LookupDecision(k)
		if !ok {
			w.fail(fmt.Errorf("decision key %q is unknown; allowed: %s", k, strings.Join(agents.DecisionNames(), ", ")))
			continue
		}
		v, err := overrideValue(spec, s.Decision[k])
		w.fail(err)
		keys = append(keys, spec.Name+" = "+v)
	}
	if len(keys) > 0 {
		w.line("decision", "{ "+strings.Join(keys, ", ")+" }", nil)
	}
}

// overrideValue writes a state's override of one decision key as its
// value reads: a name as a string, a number as a whole number or a float
// by the key's kind. Values out of range are written as they are, for
// Parse to reject.
func overrideValue(spec agents.DecisionSpec, v any) (string, error) {
	if x, ok := v.(string); ok {
		return tomlString(x)
	}
	f, ok := agents.AsNumber(v) // every Go number type, as Validate takes them
	if !ok {
		return "", fmt.Errorf("decision %s has a value of type %T; allowed: a string or a number", spec.Name, v)
	}
	if spec.Kind == agents.DecisionInteger {
		return tomlWhole(f)
	}
	return tomlFloat(f)
}

// inline writes an id-keyed table of numbers, keys sorted.
func (w *writer) inline(key string, m map[string]float64) {
	keys := sortedKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		qk, err := tomlKey(k)
		w.fail(err)
		v, err := tomlFloat(m[k])
		w.fail(err)
		parts[i] = qk + " = " + v
	}
	w.line(key, "{ "+strings.Join(parts, ", ")+" }", nil)
}

func (w *writer) event(e *sim.ScriptedEvent, cal sim.Calendar) {
	w.table("[[events]]")
	w.where = "event " + e.ID
	if e.ID != "" {
		w.str("id", e.ID)
	}
	w.str("at", cal.Label(e.Tick))
	if _, known := sim.ParseScriptKind(e.Kind.String()); !known {
		w.fail(fmt.Errorf("%v is not an event kind; allowed: %s", e.Kind, strings.Join(sim.ScriptKindNames(), ", ")))
	}
	w.str("kind", e.Kind.String())
	w.str("actor", e.Actor)
	keys := sim.ScriptKeysOf(e.Kind)
	uses := func(key string) bool { return slices.Contains(keys, key) }
	if uses("target") && (e.Target != "" || e.Kind != sim.ScriptIntent) {
		w.str("target", e.Target)
	}
	if uses("delta") {
		w.float("delta", e.Delta)
	}
	if uses("fraction") {
		w.float("fraction", e.Fraction)
	}
	for _, c := range []struct {
		key string
		set bool
		v   float64
	}{{"land", e.SetLand, e.Land}, {"naval", e.SetNaval, e.Naval}, {"economy", e.SetEconomy, e.Economy}} {
		if uses(c.key) && c.set {
			w.float(c.key, c.v)
		}
	}
	if uses("sovereign") {
		w.bool("sovereign", e.Sovereign)
	}
	if uses("ideology") {
		w.float("ideology", e.Ideology)
	}
	if e.Note != "" {
		w.str("note", e.Note)
	}
}
