package configs

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/sim"
)

// A value of the wrong shape — a number where a table belongs, one table
// where an array of tables does — is reported in our words, at its line,
// with the shape allowed there. The tables of values (optTable) keep such
// a value as written and are checked after decoding (reportTables); a
// table or an array of tables of fixed keys ([scenario], [[states]]) makes
// the decoder stop, and then the file is decoded again without a target
// and every value of the wrong shape named (shapeErrors).

// shapes says, for each table of a scenario or experiment file by its
// path without indices, what is allowed there.
var shapes = map[string]string{
	"scenario":         "one table, [scenario]",
	"theater":          "one table, [theater], with map = \"\"\"…\"\"\" or a [theater.generate] table",
	"theater.generate": "one table, [theater.generate], of width, height, sea_fraction, islands and seed",
	"states":           `[[states]] tables, one per state, each with id = "…"`,
	"events":           "[[events]] tables, one per event",
	"params":           "one table, [params], of parameter = value, e.g. sea_cost = 3",
	"decision":         `one table, [decision], of key = value, e.g. valuation = "prospect"`,
	"states.stakes":    "a table of state id = " + sim.StakeRange().Allowed() + ", e.g. stakes = { kor = 1 }",
	"states.grievance": "a table of state id = " + sim.GrievanceRange().Allowed() + ", e.g. grievance = { kor = 0.3 }",
	"states.decision":  `a table of decision key = value, e.g. decision = { valuation = "expected_utility" }`,
	"vary":             "[[vary]] tables, one per path",
	"vary.values":      "an array of values, e.g. values = [0.1, 0.5, 0.9]",
}

// shapeMsg says that v, written at path, has not the shape allowed there.
// kind is the Go kind of what belongs there, for a table the list above
// does not name.
func shapeMsg(path string, v any, kind reflect.Kind) string {
	allowed, ok := shapes[stripIndices(path)]
	if !ok {
		allowed = "a table"
		if kind == reflect.Slice {
			allowed = "an array"
		}
	}
	what := found(v)
	if _, ok := v.([]map[string]any); ok { // only [[header]] makes one
		what += ", [[" + stripIndices(path) + "]]"
	}
	return fmt.Sprintf("%s; allowed: %s", what, allowed)
}

// firstLines returns a function that says where a path, or the first
// thing under it, was written: [[params]] is indexed as params[0],
// [states.x] as states.x, and an element of an inline array, which is not
// indexed, takes the line of the array. The index of what is under each
// path is built at the first need, in time linear in the index, so that
// naming many values costs no more.
func (idx lineIndex) firstLines() func(path string) int {
	var under map[string]int
	return func(path string) int {
		for path != "" {
			if line, ok := idx[path]; ok {
				return line
			}
			if under == nil {
				under = map[string]int{}
				for p, line := range idx {
					for i := len(p) - 1; i > 0; i-- {
						if p[i] == '.' || p[i] == '[' {
							if l, ok := under[p[:i]]; !ok || line < l {
								under[p[:i]] = line
							}
						}
					}
				}
			}
			if line, ok := under[path]; ok {
				return line
			}
			path = path[:max(strings.LastIndexAny(path, ".["), 0)]
		}
		return 0
	}
}

// badTable is a table of values written in the wrong shape: where, and
// what was written.
type badTable struct {
	loc Loc
	v   any
}

// badTables are the tables of values of f written as something else:
// params = 3, [[decision]], grievance = 0.3.
func (f *rawFile) badTables() []badTable {
	var out []badTable
	add := func(loc Loc, v any) {
		if v != nil {
			out = append(out, badTable{loc, v})
		}
	}
	add(f.Params.Loc, f.Params.Bad)
	add(f.Decision.Loc, f.Decision.Bad)
	for _, s := range f.States {
		add(s.Stakes.Loc, s.Stakes.Bad)
		add(s.Grievance.Loc, s.Grievance.Bad)
		add(s.Decision.Loc, s.Decision.Bad)
	}
	return out
}

// reportTables reports every table of values of f written in the wrong
// shape, with the shape allowed there.
func (f *rawFile) reportTables(e *errs) {
	first := f.idx.firstLines()
	for _, b := range f.badTables() {
		if b.loc.Line == 0 {
			b.loc.Line = first(b.loc.Key)
		}
		e.at(b.loc, "%s", shapeMsg(b.loc.Key, b.v, reflect.Map))
	}
}

// decodeInto decodes src into v (a pointer to a raw file type), reporting
// a file that is not TOML as decodeError does and one whose tables have the
// wrong shape in our words. ok is false when v could not be filled.
func decodeInto(file string, src []byte, v any, idx lineIndex, e *errs) (md toml.MetaData, ok bool) {
	md, err := toml.Decode(string(src), v)
	if err == nil {
		return md, true
	}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		// Not a syntax error: a value the target cannot hold. Name every
		// such value, or failing that, pass the decoder's words on.
		var doc map[string]any
		if _, derr := toml.Decode(string(src), &doc); derr == nil {
			first := idx.firstLines()
			at := func(path string) Loc { return Loc{File: file, Line: first(path), Key: path} }
			if shapeErrors(reflect.TypeOf(v), doc, "", at, e) {
				return md, false
			}
		}
	}
	decodeError(file, src, err, e)
	return md, false
}

var (
	unmarshalerType = reflect.TypeFor[toml.Unmarshaler]()
	tableType       = reflect.TypeFor[interface{ isTable() }]()
)

// shapeErrors reports every value under path of a decoded document whose
// shape does not fit the Go type t it decodes into, and reports whether
// there was one. Values (opt) take care of themselves.
func shapeErrors(t reflect.Type, v any, path string, at func(string) Loc, e *errs) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(tableType):
		if _, ok := v.(map[string]any); !ok {
			e.at(at(path), "%s", shapeMsg(path, v, reflect.Map))
			return true
		}
		return false
	case pt.Implements(unmarshalerType):
		return false
	}
	bad := false
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			e.at(at(path), "%s", shapeMsg(path, v, reflect.Struct))
			return true
		}
		for k, x := range m {
			if f, ok := fieldFolded(t, k); ok {
				bad = shapeErrors(f.Type, x, join(path, quoteKey(k)), at, e) || bad
			}
		}
	case reflect.Slice:
		var list []any
		switch x := v.(type) {
		case []any:
			list = x
		case []map[string]any:
			for _, m := range x {
				list = append(list, m)
			}
		default:
			e.at(at(path), "%s", shapeMsg(path, v, reflect.Slice))
			return true
		}
		for i, x := range list {
			bad = shapeErrors(t.Elem(), x, fmt.Sprintf("%s[%d]", path, i), at, e) || bad
		}
	}
	return bad
}

// fieldFolded finds the field a key decodes into as the decoder does: by
// its tag, or failing that by its tag in any case.
func fieldFolded(t reflect.Type, key string) (reflect.StructField, bool) {
	if f, ok := fieldByTag(t, key); ok {
		return f, true
	}
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" && strings.EqualFold(tag, key) {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// foldedKeys are the keys the decoder placed in a field whose tag they
// match only in another case (Ticks for ticks, [Scenario] for [scenario]):
// TOML keys are case-sensitive, the keys are documented in lower case, and
// a file that wrote both ticks and Ticks would have one of them silently
// dropped. Each is named once, by its path up to the key in the wrong
// case, so that it is reported as unknown with the keys allowed there.
func foldedKeys(t reflect.Type, keys []toml.Key) []toml.Key {
	var out []toml.Key
	seen := map[string]bool{}
	for _, k := range keys {
		ft := t
		for i, part := range k {
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if pt := reflect.PointerTo(ft); ft.Kind() != reflect.Struct || pt.Implements(tableType) || pt.Implements(unmarshalerType) {
				break // a value, or a table of values that checks its own keys
			}
			if f, ok := fieldByTag(ft, part); ok {
				ft = f.Type
				continue
			}
			if _, ok := fieldFolded(ft, part); ok {
				if p := k[:i+1]; !seen[p.String()] {
					seen[p.String()] = true
					out = append(out, slices.Clone(p))
				}
			}
			break
		}
	}
	return out
}

// outsideBadTables drops the keys under a table of values written in the
// wrong shape (params = [{ sea_cost = 1 }]): reportTables names the table,
// and its keys, which the decoder could not place, are not unknown. The
// decoder names keys without indices, so a bad table of any state drops
// the keys under that table of every state.
func (f *rawFile) outsideBadTables(keys []toml.Key) []toml.Key {
	bad := map[string]bool{}
	for _, b := range f.badTables() {
		bad[stripIndices(b.loc.Key)] = true
	}
	if len(bad) == 0 {
		return keys
	}
	kept := keys[:0:0]
	for _, k := range keys {
		under := false
		for i := 1; i < len(k) && !under; i++ {
			under = bad[strings.Join(k[:i], ".")]
		}
		if !under {
			kept = append(kept, k)
		}
	}
	return kept
}
