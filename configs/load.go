package configs

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/sim"
)

// maxExtends bounds a chain of extends: a file may extend a file that
// extends another, 16 times over.
const maxExtends = 16

// Load reads a scenario given a built-in name or a file path. A string with
// a path separator or ending in .toml (in any case) is a file; any other names a built-in
// (a file called scen in the working directory is read as ./scen).
func Load(nameOrPath string) (*sim.Scenario, error) {
	if IsBuiltinRef(nameOrPath) {
		return Builtin(nameOrPath)
	}
	return LoadFile(nameOrPath)
}

// LoadFile reads a scenario file, with the files it extends.
func LoadFile(path string) (*sim.Scenario, error) {
	src, err := ReadFile(path)
	if err != nil {
		if name, ok := meantBuiltin(path, err); ok {
			return nil, fmt.Errorf("reading scenario: %w; the built-in scenario is named %s, without .toml", err, name)
		}
		return nil, fmt.Errorf("reading scenario: %w", err)
	}
	return Parse(path, src)
}

// meantBuiltin reports the built-in that a file reference which could not
// be read was meant to name: "asia-1950.toml", a bare file name that is
// missing, is asia-1950 written as a file. A path with a directory in it,
// or one that exists but could not be read, names a file.
func meantBuiltin(ref string, err error) (string, bool) {
	name := TrimTOML(ref)
	return name, errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(ref, `/\`) && slices.Contains(BuiltinNames(), name)
}

// Parse reads a scenario from src, naming it file in errors. A relative
// extends path is taken relative to file's directory.
func Parse(file string, src []byte) (*sim.Scenario, error) {
	var e errs
	raw := loadChain(file, src, nil, &e)
	if raw == nil {
		return nil, e.err()
	}
	sc := resolve(raw, &e)
	if err := e.err(); err != nil {
		return nil, err
	}
	return sc, nil
}

// basePath is the file that extends = ref in file names: a built-in's
// own, or ref, a relative path read from the directory of file.
func basePath(file, ref string) string {
	switch {
	case IsBuiltinRef(ref):
		return builtinFile(ref)
	case filepath.IsAbs(ref):
		return ref
	}
	return filepath.Join(filepath.Dir(file), ref)
}

// loadChain decodes one file and, if it extends another, merges it over
// its base. seen holds the files already in the chain.
func loadChain(file string, src []byte, seen []string, e *errs) *rawFile {
	raw := decodeFile(file, src, e)
	if raw == nil {
		return nil
	}
	if !raw.Extends.Set {
		requireExtends(raw, e)
		return raw
	}
	if x := raw.Extends; x.Bad != nil {
		// Without its base the file cannot be checked: saying that it
		// lacks a start, a horizon, states and a theatre would mislead.
		e.at(x.Loc, "%s; allowed: a built-in scenario name (%s) or a file path, as a string, e.g. extends = \"generic\"", found(x.Bad), strings.Join(BuiltinNames(), ", "))
		return nil
	}
	ref := raw.Extends.V
	var baseFile string
	var baseSrc []byte
	switch {
	case IsBuiltinRef(ref):
		s, ok := builtinSource(ref)
		if !ok {
			e.at(raw.Extends.Loc, "%q is not a built-in scenario; allowed: %s, or a path to a .toml file", ref, strings.Join(BuiltinNames(), ", "))
			return nil
		}
		baseFile, baseSrc = builtinFile(ref), s
	default:
		if strings.HasPrefix(file, builtinPrefix) {
			e.at(raw.Extends.Loc, "a built-in scenario may only extend another built-in")
			return nil
		}
		baseFile = basePath(file, ref)
		b, err := ReadFile(baseFile)
		if err != nil {
			where := ""
			if baseFile != ref {
				// not the working directory's: say which file was tried
				where = fmt.Sprintf(" (read as %s: a relative path is read from the directory of the file that gives it)", baseFile)
			}
			if name, ok := meantBuiltin(ref, err); ok {
				e.at(raw.Extends.Loc, "cannot read %q%s: %v; allowed: %q, the built-in scenario, named without .toml, or a path to a regular .toml file of at most 16 MiB", ref, where, readErr(err), name)
				return nil
			}
			e.at(raw.Extends.Loc, "cannot read %q%s: %v; allowed: %s, or a path to a regular .toml file of at most 16 MiB", ref, where, readErr(err), strings.Join(BuiltinNames(), ", "))
			return nil
		}
		baseSrc = b
	}
	seen = append(seen, file)
	chain := strings.Join(append(seen, baseFile), " → ")
	switch {
	case slices.Contains(seen, baseFile):
		e.at(raw.Extends.Loc, "extends %q makes a cycle (%s); allowed: a chain without repeats", ref, chain)
		return nil
	case len(seen) > maxExtends:
		e.at(raw.Extends.Loc, "extends %q makes the chain of extends too long (%s); allowed: at most %d extends in a chain", ref, chain, maxExtends)
		return nil
	}
	base := loadChain(baseFile, baseSrc, seen, e)
	if base == nil {
		return nil
	}
	merge(base, raw, e)
	return base
}

var lineInMessage = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// decodeFile decodes one file without its base, reporting syntax errors,
// values of the wrong shape, unknown keys and duplicated state ids. It
// returns nil when the file cannot be read as TOML at all, or not into
// its tables.
func decodeFile(file string, src []byte, e *errs) *rawFile {
	if !checkSource(file, src, e) {
		return nil
	}
	// A file whose decoding finds errors may be an experiment: then that
	// is its one error. Judged only on failure, so that a sound file is
	// parsed once (a sweep parses an overlay per point).
	var own errs
	raw := decodeScenario(file, src, &own)
	if own.any() && refuseExperimentAsScenario(file, src, e) {
		return nil
	}
	e.merge(&own)
	return raw
}

// decodeScenario is decodeFile once the source is checked.
func decodeScenario(file string, src []byte, e *errs) *rawFile {
	raw := &rawFile{file: file, idx: indexLines(string(src)), lines: map[string][]string{file: strings.Split(string(src), "\n")}}
	md, ok := decodeInto(file, src, raw, raw.idx, e)
	if !ok {
		return nil
	}
	raw.locate()
	reportUndecoded(raw, raw.outsideBadTables(append(md.Undecoded(), foldedKeys(reflect.TypeFor[rawFile](), md.Keys())...)), e)
	raw.reportTables(e)
	seen := map[string]Loc{}
	for _, s := range raw.States {
		if !s.ID.Set || s.ID.Bad != nil {
			continue
		}
		if first, dup := seen[s.ID.V]; dup {
			e.at(s.ID.Loc, "duplicate id %q (first at line %d); allowed: each id once per file", s.ID.V, first.Line)
			continue
		}
		seen[s.ID.V] = s.ID.Loc
	}
	return raw
}

// reportUndecoded turns the decoder's unknown keys into located errors
// that list the keys the table allows. The decoder names a key once per
// element of an array of tables it appears in, without the element's
// index; every written path is matched to its plain form once, so the work
// is linear in the size of the file.
func reportUndecoded(raw *rawFile, keys []toml.Key, e *errs) {
	reportUnknown(raw.file, raw.idx, keys, e, func(k toml.Key) string {
		return strings.Join(tableKeys(k[:len(k)-1]), ", ")
	})
}

// reportUnknown reports each distinct unknown key at every place it was
// written, with the keys allowed there.
func reportUnknown(file string, idx lineIndex, keys []toml.Key, e *errs, allowed func(toml.Key) string) {
	if len(keys) == 0 {
		return
	}
	unknown := map[string]toml.Key{}
	for _, k := range keys {
		unknown[k.String()] = k
	}
	written := map[string][]string{} // plain path → the paths written with it
	for path := range idx {
		if plain := stripIndices(path); unknown[plain] != nil {
			written[plain] = append(written[plain], path)
		}
	}
	for plain, k := range unknown {
		if len(k) > 1 && unknown[k[:len(k)-1].String()] != nil {
			continue // its table is unknown already
		}
		what := allowed(k)
		for _, a := range strings.Split(what, ", ") {
			if last := k[len(k)-1]; a != last && strings.EqualFold(a, last) {
				what += fmt.Sprintf(" (keys are case-sensitive: %s)", a)
				break
			}
		}
		paths := written[plain]
		if len(paths) == 0 {
			e.at(Loc{File: file, Key: plain}, "unknown key; allowed: %s", what)
		}
		for _, path := range paths {
			if i := strings.LastIndexByte(path, '['); i > 0 && strings.HasSuffix(path, "]") {
				if _, inline := idx[path[:i]]; inline {
					continue // an element of an inline array: its key is reported
				}
			}
			e.at(Loc{File: file, Line: idx[path], Key: path}, "unknown key; allowed: %s", what)
		}
	}
}

// stripIndices removes the element indices from a path: states[3].role →
// states.role.
func stripIndices(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			if j := strings.IndexByte(path[i:], ']'); j > 1 && allDigits(path[i+1:i+j]) {
				i += j
				continue
			}
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// tableKeys lists the keys the struct behind a table path accepts, taken
// from the toml tags of the raw types so that the list cannot drift.
func tableKeys(path toml.Key) []string {
	t := reflect.TypeFor[rawFile]()
	for _, part := range path {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil
		}
		f, ok := fieldByTag(t, part)
		if !ok {
			return nil
		}
		t = f.Type
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	var keys []string
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			if tag := t.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
				keys = append(keys, tag)
			}
		}
	}
	return keys
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("toml") == tag {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}
