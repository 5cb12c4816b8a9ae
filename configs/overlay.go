package configs

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/sim"
)

// An overlay sets dotted paths — params.NAME, decision.KEY,
// states.ID.FIELD, states.ID.decision.KEY, states.ID.stakes.OTHER,
// states.ID.grievance.OTHER, theater.generate.FIELD, scenario.ticks — as a
// file extending a scenario would: the values are
// written as TOML tables, laid over the base and checked like any file.
// Experiment points, hypothesis levers and one-off changes all go this
// way, so there is one set of rules and one set of checks.

// overlaySource writes TOML tables that set each path to its value
// (already written as TOML).
func overlaySource(b *strings.Builder, paths, values []string) (lines map[int]string) {
	type entry struct{ line, path string }
	tables := map[string][]entry{}
	var order []string
	put := func(table, line, path string) {
		if _, ok := tables[table]; !ok {
			order = append(order, table)
		}
		tables[table] = append(tables[table], entry{line, path})
	}
	for i, path := range paths {
		v := values[i]
		parts := strings.Split(path, ".")
		switch {
		case parts[0] == "states" && len(parts) == 4:
			// decision.KEY, stakes.OTHER or grievance.OTHER: a dotted key
			// of the state's table, merged into the base's as a file's is
			key, _ := tomlString(parts[3])
			put("states."+parts[1], fmt.Sprintf("%s.%s = %s", parts[2], key, v), path)
		case parts[0] == "states":
			put("states."+parts[1], fmt.Sprintf("%s = %s", parts[2], v), path)
		default:
			put(strings.Join(parts[:len(parts)-1], "."), fmt.Sprintf("%s = %s", parts[len(parts)-1], v), path)
		}
	}
	lines = map[int]string{}
	n := strings.Count(b.String(), "\n")
	for _, t := range order {
		if id, ok := strings.CutPrefix(t, "states."); ok {
			q, _ := tomlString(id)
			fmt.Fprintf(b, "[[states]]\nid = %s\n", q)
			n += 2
		} else {
			fmt.Fprintf(b, "[%s]\n", t)
			n++
		}
		for _, e := range tables[t] {
			b.WriteString(e.line + "\n")
			n++
			lines[n] = e.path
		}
	}
	return lines
}

// valueTOML writes a value for a path of the given kind as TOML: whole
// numbers as integers, other numbers as floats.
func valueTOML(kind valueKind, v any) (string, error) {
	switch x := v.(type) {
	case string:
		return tomlString(x)
	case float64:
		if kind == kindWhole {
			return tomlWhole(x)
		}
		return tomlFloat(x)
	case int:
		return strconv.Itoa(x), nil
	case bool:
		return strconv.FormatBool(x), nil
	}
	return "", fmt.Errorf("%v is %T; allowed: a number, a string or a boolean", v, v)
}

// SetPath sets one dotted path of a resolved scenario to a value, checked
// exactly as a file extending the scenario and setting the path would be;
// errors name the path. The scenario is replaced by the result only if it
// is valid.
func SetPath(sc *sim.Scenario, path string, value any) error {
	if sc == nil {
		return errNilScenario("SetPath")
	}
	return Apply(sc, []Assignment{{Path: path, Value: value}})
}

// Assignment is a dotted path and the value to give it.
type Assignment struct {
	Path  string
	Value any
}

// ParseAssignment reads "path=value" (as --set takes it), typing the value
// by its path: a number, a whole number, true or false, or a name.
func ParseAssignment(s string) (Assignment, error) {
	path, text, assigned := strings.Cut(s, "=")
	path, text = strings.TrimSpace(path), strings.TrimSpace(text)
	if path == "" {
		return Assignment{}, fmt.Errorf("%q: the path is missing; allowed: path=value, e.g. params.sea_cost=5", s)
	}
	kind, msg := varyPath(path)
	if msg != "" && assigned {
		// path= with a path that cannot be set: the path is the fault to
		// mend first (a value would not help).
		return Assignment{}, fmt.Errorf("%q %s", path, msg)
	}
	if text == "" {
		what := ""
		if msg == "" {
			what = fmt.Sprintf(" (%s takes %s)", path, pathAllowed(path, kind))
		}
		return Assignment{}, fmt.Errorf("%q: the value is missing; allowed: path=value%s", path, what)
	}
	if msg != "" {
		return Assignment{}, fmt.Errorf("%q %s", path, msg)
	}
	a := Assignment{Path: path}
	switch kind {
	case kindString:
		a.Value = unquoteName(text)
	case kindBool:
		// As in a file: true or false, not 1, T or TRUE.
		if text != "true" && text != "false" {
			return Assignment{}, fmt.Errorf("%s=%s: %q is not true or false; allowed: true or false", path, text, text)
		}
		a.Value = text == "true"
	default:
		f, msg := parseNumber(text, pathAllowed(path, kind))
		if msg != "" {
			return Assignment{}, fmt.Errorf("%s=%s: %s", path, text, msg)
		}
		if kind == kindWhole && math.Abs(f) > maxExactWhole { // named as written, not rounded
			return Assignment{}, fmt.Errorf("%s: %s", path, tooLargeWhole(text, f, path))
		}
		a.Value = f
	}
	if msg := checkValue(path, kind, a.Value); msg != "" {
		return Assignment{}, fmt.Errorf("%s: %s", path, msg)
	}
	return a, nil
}

// unquoteName reads a name as a file may write it: "powerplay", a basic
// string, or 'powerplay', a literal one, is the name powerplay (the shell
// passes the quotes on when they are quoted themselves). A literal string
// holds no escape, no quote of its own and no line break; anything else
// is taken as written, for the path's check to name.
func unquoteName(text string) string {
	if len(text) < 2 || text[0] != text[len(text)-1] {
		return text
	}
	switch inner := text[1 : len(text)-1]; text[0] {
	case '"':
		if u, ok := unescapeBasic(inner); ok && basicEscapes(inner) {
			return u
		}
	case '\'':
		if !strings.ContainsAny(inner, "'\n\r") {
			return inner
		}
	}
	return text
}

// basicEscapes reports whether inner, the text between a basic string's
// quotes, holds nothing that unescapeBasic reads but a file refuses: no
// line break, and only the escapes the decoder reads (\b \t \n \f \r \"
// \\ \uXXXX \UXXXXXXXX, and TOML 1.1's \e and \xHH), not Go's others (\a,
// \v, \', \101). A quote of its own unescapeBasic refuses itself.
func basicEscapes(inner string) bool {
	for i := 0; i < len(inner); i++ {
		switch inner[i] {
		case '\n', '\r':
			return false
		case '\\':
			i++
			if i == len(inner) || !strings.ContainsRune(`btnfre"\xuU`, rune(inner[i])) {
				return false
			}
		}
	}
	return true
}

// check reports whether the assignment's path names a value an overlay can
// set and its value fits the path, returning the path's kind; a number
// of any Go type becomes the float64 the path holds (pathValue).
func (a *Assignment) check() (valueKind, error) {
	kind, msg := varyPath(a.Path)
	if msg != "" {
		return kind, fmt.Errorf("%q %s", a.Path, msg)
	}
	a.Value = pathValue(kind, a.Value)
	if msg := checkValue(a.Path, kind, a.Value); msg != "" {
		return kind, fmt.Errorf("%s: %s", a.Path, msg)
	}
	return kind, nil
}

// Apply sets every assignment's path in a resolved scenario through one
// overlay, checked as a file extending the scenario would be; errors name
// the path. The assignments' own faults (a path given twice, a path that
// names nothing, a value of the wrong kind) are reported together; when
// there are none, every fault of the scenario with them laid over it. The
// scenario is replaced by the result only if it is valid.
func Apply(sc *sim.Scenario, as []Assignment) error {
	if sc == nil {
		return errNilScenario("Apply")
	}
	if len(as) == 0 {
		return nil
	}
	paths, values := make([]string, len(as)), make([]string, len(as))
	var problems []string // every assignment's own, before any is laid over sc
	for i, a := range as {
		if j := slices.IndexFunc(as[:i], func(b Assignment) bool { return b.Path == a.Path }); j >= 0 {
			problems = append(problems, fmt.Sprintf("%s given twice (%v, then %v); allowed: each path once", a.Path, as[j].Value, a.Value))
			continue
		}
		kind, err := a.check()
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		v, err := valueTOML(kind, a.Value)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", a.Path, err))
			continue
		}
		if msg := pathIn(sc, sc.Name, a.Path); msg != "" {
			problems = append(problems, msg)
			continue
		}
		paths[i], values[i] = a.Path, v
	}
	switch len(problems) {
	case 0:
	case 1:
		return errors.New(problems[0])
	default: // as the overlay's faults are said below
		all := make([]string, len(as))
		for i, a := range as {
			all[i] = a.Path
		}
		return fmt.Errorf("%s: %d problems:\n  - %s", strings.Join(all, ", "), len(problems), strings.Join(problems, "\n  - "))
	}
	base, err := Format(sc)
	if err != nil {
		return err
	}
	var over strings.Builder
	pathAt := overlaySource(&over, paths, values)
	out, err := parseOver(setSourceName(paths), base, []byte(over.String()))
	if err != nil {
		if verr := sc.Validate(); verr != nil {
			// a fault was there before: name it first, then what setting
			// the paths gave
			return fmt.Errorf("the scenario %s is invalid before %s is set: %v\nand with it set: %s", sc.Name, strings.Join(paths, ", "), verr, pointErrors(err, paths))
		}
	}
	if err != nil {
		return errors.New(setErrors(sc, err, paths, pathAt))
	}
	out.Source = sc.Source
	*sc = *out
	return nil
}

// SetError is a change of a scenario by assignments that the scenario
// refuses, where a caller applies the same assignments to several
// scenarios (the Options.Set of package hypotheses and package
// calibration): the scenario's name, and Err, Apply's error or another
// refusal of the change, which a command line says after its flag (--set).
type SetError struct {
	Scenario string
	Err      error
}

func (e *SetError) Error() string { return fmt.Sprintf("Options.Set, in %s: %v", e.Scenario, e.Err) }

func (e *SetError) Unwrap() error { return e.Err }

// setErrors says what laying assignments over sc made invalid, after
// the paths set. A fault in the overlay is said as it is, after the path
// it was set by where several paths were set (pathAt: the overlay's line
// of each), in the order the paths were given; one in sc itself (an event
// a shorter horizon leaves out, say) is found in sc's canonical text,
// whose lines the user never saw, so it is named by key, and an event by
// its id and date, each once, after the faults of the paths. A single
// fault of one of several paths is said after that path alone: the
// others are not at fault.
func setErrors(sc *sim.Scenario, err error, paths []string, pathAt map[int]string) string {
	all := strings.Join(paths, ", ")
	var list Errors
	if !errors.As(err, &list) {
		return all + ": " + err.Error()
	}
	type part struct {
		order int
		path  string // the one path of several whose line holds the fault
		msg   string
	}
	var parts []part
	for _, e := range list {
		p := part{order: len(paths), msg: e.Msg}
		switch {
		case !strings.HasPrefix(e.File, "(set ") || strings.HasSuffix(e.File, " (base)"):
			p.msg = keyWords(sc, e.Key) + ": " + e.Msg
		case len(paths) > 1 && pathAt[e.Line] != "":
			p.order = slices.Index(paths, pathAt[e.Line])
			p.path = pathAt[e.Line]
			p.msg = p.path + ": " + e.Msg
		case len(paths) > 1 && e.Key != "":
			p.msg = e.Key + ": " + e.Msg
		}
		if !slices.ContainsFunc(parts, func(q part) bool { return q.msg == p.msg }) {
			parts = append(parts, p)
		}
	}
	slices.SortStableFunc(parts, func(a, b part) int { return cmp.Compare(a.order, b.order) })
	if len(parts) == 1 && parts[0].path != "" {
		return parts[0].msg
	}
	msgs := make([]string, len(parts))
	for i, p := range parts {
		msgs[i] = p.msg
	}
	return all + ": " + problemList(msgs)
}

// keyWords names a key of sc's canonical text for a reader: events[3].tick
// as the event's id (or, without one, "an event"), kind, actor and date.
// Not by its place: sc's events are in date order, a file's need not be,
// and a file's are counted from 0 (events[1]), so "event 3" could point
// at another event of the user's file than the one at fault.
func keyWords(sc *sim.Scenario, key string) string {
	var i int
	var rest string
	if n, _ := fmt.Sscanf(key, "events[%d]", &i); n == 1 && i >= 0 && i < len(sc.Events) {
		_, rest, _ = strings.Cut(key, "]")
		ev := &sc.Events[i]
		name := "an event"
		if ev.ID != "" {
			name = fmt.Sprintf("event %q", ev.ID)
		}
		rest = strings.TrimPrefix(rest, ".")
		if rest == "at" { // the message gives the date
			return fmt.Sprintf("%s (%s %s)", name, ev.Kind, ev.Actor)
		}
		name = fmt.Sprintf("%s (%s %s, %s)", name, ev.Kind, ev.Actor, sc.Calendar.Label(ev.Tick))
		if rest != "" && rest != "tick" { // the date is given
			name += "'s " + rest
		}
		return name
	}
	return key
}

// The overlays the tool writes itself are named, in errors, after what the
// user wrote: a --set's after its paths, a sweep point's after the
// experiment (so that relative paths resolve beside it) and the point.
// Their lines are the tool's, not the user's.
func setSourceName(paths []string) string { return "(set " + strings.Join(paths, ", ") + ")" }

func pointSourceName(experiment string, point int) string {
	return fmt.Sprintf("%s (point %d)", experiment, point)
}

// baseSourceName names the overlay of an experiment's base scenario
// (Experiment.BaseScenario): its scenario with the --set assignments of
// `sweep --set` (Experiment.SetBase), beside the experiment so that
// relative paths resolve as the experiment's own.
func baseSourceName(experiment string) string { return experiment + " (scenario)" }

// generatedSource says what the user wrote for the key at loc of an
// overlay the tool wrote: for the overlay of --set or configs.Apply, or
// of sweep --set over an experiment, the path that set it
// ("scenario.ticks"; where the key is not known, every path set, or
// "--set over t2.toml"); "point 0 of t2.toml" for a point of a sweep.
// False for a user's file.
func generatedSource(loc Loc) (string, bool) {
	file := loc.File
	if paths, ok := strings.CutPrefix(file, "(set "); ok {
		return cmp.Or(loc.Key, strings.TrimSuffix(paths, ")")), true
	}
	if experiment, ok := strings.CutSuffix(file, baseSourceName("")); ok {
		return cmp.Or(loc.Key, "--set over "+experiment), true
	}
	if experiment, point, ok := strings.Cut(file, " (point "); ok {
		return "point " + strings.TrimSuffix(point, ")") + " of " + experiment, true
	}
	return "", false
}

// parseOver reads src (a file without extends) laid over a scenario given
// in canonical form, naming the overlay file in errors.
func parseOver(file string, base, src []byte) (*sim.Scenario, error) {
	var e errs
	b := decodeFile(file+" (base)", base, &e)
	child := decodeFile(file, src, &e)
	if b == nil || child == nil {
		return nil, e.err()
	}
	child.Extends.Set = true // laid over b, as extends would
	merge(b, child, &e)
	sc := resolve(b, &e)
	if err := e.err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// errNilScenario is the error of a function given a nil scenario.
func errNilScenario(fn string) error {
	return fmt.Errorf("configs: %s of a nil scenario; allowed: a *sim.Scenario, from Builtin, Load or Parse", fn)
}

// parseNumber reads text as a scenario file writes a number — a decimal
// one, or a hexadecimal, octal or binary integer (0x10, 0o17, 0b11) — not
// Go's hex floats, Inf, 05 or .5 (NaN is read, and refused as not finite by
// checkValue) — and says what is wrong with it, and what is allowed,
// where it cannot: out of a double's range, too small for one (it would
// be 0, silently), or no number. --set and a points file read their
// numbers with it.
func parseNumber(text, allowed string) (float64, string) {
	if fileInteger.MatchString(text) {
		// TOML's other integers, 0x10, 0o17, 0b11: unsigned, in int64.
		base := 16
		switch text[1] {
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		n, err := strconv.ParseInt(strings.ReplaceAll(text[2:], "_", ""), base, 64)
		if err != nil {
			return 0, fmt.Sprintf("%s is out of range; allowed: %s", text, allowed)
		}
		return float64(n), ""
	}
	switch l := strings.ToLower(strings.TrimLeft(text, "+-")); {
	case strings.HasPrefix(l, "0x") || strings.HasPrefix(l, "0o") || strings.HasPrefix(l, "0b"):
		// a sign, a hex float (0x1p4), an upper-case prefix, a digit
		// of another base
		return 0, fmt.Sprintf("%q is not a number as a scenario file writes one; allowed: %s", text, allowed)
	case l == "inf" || l == "infinity":
		return 0, fmt.Sprintf("%q is not finite; allowed: %s", text, allowed)
	}
	f, err := strconv.ParseFloat(text, 64)
	var ne *strconv.NumError
	switch {
	case errors.As(err, &ne) && ne.Err == strconv.ErrRange && math.IsInf(f, 0):
		return 0, fmt.Sprintf("%s is out of range; allowed: %s", text, allowed)
	case err == nil && f == 0 && strings.ContainsAny(strings.SplitN(strings.ToLower(text), "e", 2)[0], "123456789"):
		return 0, fmt.Sprintf("%s is too small for a number to hold, and would be 0; allowed: 0, or %s", text, allowed)
	case err != nil:
		return 0, fmt.Sprintf("%q is not a number; allowed: %s", text, allowed)
	case !math.IsNaN(f) && !fileNumber.MatchString(text):
		// Go reads 05, .5, 5. and 1.e5; a scenario file refuses them.
		return 0, fmt.Sprintf("%q is not a number as a scenario file writes one (no leading zero, a digit either side of a point: 5, 0.5, 1e-3); allowed: %s", text, allowed)
	}
	return f, ""
}

// fileInteger is a hexadecimal, octal or binary integer as TOML writes
// one: a lower-case prefix, no sign, a digit either side of every
// underscore.
var fileInteger = regexp.MustCompile(`^0x[0-9a-fA-F](_?[0-9a-fA-F])*$|^0o[0-7](_?[0-7])*$|^0b[01](_?[01])*$`)

// fileNumber is a decimal number as TOML writes one, and so a scenario
// file: an optional sign, no leading zero, a digit either side of a point
// and of every underscore, an optional exponent.
var fileNumber = regexp.MustCompile(`^[+-]?(0|[1-9](_?[0-9])*)(\.[0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?$`)
