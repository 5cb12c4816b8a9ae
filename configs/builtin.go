package configs

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/sim"
)

// The built-in scenarios, compiled into the binary so that the tool runs
// without any files.
//
//go:embed scenarios/*.toml
var builtinFS embed.FS

// builtinPrefix names built-in files in error messages.
const builtinPrefix = "builtin/"

func builtinFile(name string) string { return builtinPrefix + name + ".toml" }

func builtinSource(name string) ([]byte, bool) {
	b, err := builtinFS.ReadFile("scenarios/" + name + ".toml")
	return b, err == nil
}

// IsBuiltinRef reports whether s is written as a built-in name rather than
// a path: no directory separator and no .toml ending, in any case (a file
// X.TOML is a file). Load reads such a name as a built-in scenario, and
// anything else as a file.
func IsBuiltinRef(s string) bool {
	return !strings.ContainsAny(s, `/\`) && TrimTOML(s) == s
}

// FileHint is what to add to the refusal of name as a built-in where a
// regular file of that name exists, "; the file NAME is read as ./NAME";
// where a directory of that name holds a scenario.toml (an output
// directory, whose scenario is the one that ran there), "; the directory
// NAME holds the scenario that ran there: NAME/scenario.toml"; and ""
// otherwise.
func FileHint(name string) string {
	fi, err := os.Stat(name)
	switch {
	case err != nil:
		return ""
	case fi.Mode().IsRegular():
		return fmt.Sprintf("; the file %s is read as ./%s", name, name)
	case fi.IsDir():
		if sc, err := os.Stat(filepath.Join(name, "scenario.toml")); err == nil && sc.Mode().IsRegular() {
			return fmt.Sprintf("; the directory %s holds the scenario that ran there: %s", name, filepath.Join(name, "scenario.toml"))
		}
	}
	return ""
}

// TrimTOML is name without its .toml ending, in any case (X.TOML is X).
func TrimTOML(name string) string {
	if strings.HasSuffix(strings.ToLower(name), ".toml") {
		return name[:len(name)-len(".toml")]
	}
	return name
}

// BuiltinNames lists the built-in scenarios, sorted.
func BuiltinNames() []string {
	entries, _ := builtinFS.ReadDir("scenarios")
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// BuiltinInfo names a built-in scenario and says what it is.
type BuiltinInfo struct {
	Name        string
	Description string
}

// Builtins lists the built-in scenarios with their one-line descriptions.
func Builtins() []BuiltinInfo {
	var out []BuiltinInfo
	for _, n := range BuiltinNames() {
		src, _ := builtinSource(n)
		var head struct {
			Scenario struct {
				Description string `toml:"description"`
			} `toml:"scenario"`
		}
		_, _ = toml.Decode(string(src), &head) // the embedded files are tested valid
		out = append(out, BuiltinInfo{Name: n, Description: head.Scenario.Description})
	}
	return out
}

// Builtin returns the named built-in scenario, read afresh at each call:
// the caller owns it and may change it (SetPath and Apply check a change
// as a file's; a field set directly is checked by sim.Compile), and no
// other call sees the change.
func Builtin(name string) (*sim.Scenario, error) {
	src, err := BuiltinSource(name)
	if err != nil {
		return nil, err
	}
	return Parse(builtinFile(name), src)
}

// BuiltinSource is the file of a built-in scenario as it is compiled in,
// comments included: the file that errors naming builtin/NAME.toml:LINE
// count lines in (alliancesim show NAME --source prints it).
func BuiltinSource(name string) ([]byte, error) {
	src, ok := builtinSource(name)
	if !ok {
		return nil, fmt.Errorf("%q is not a built-in scenario; allowed: %s (or a path to a .toml file)%s", name, strings.Join(BuiltinNames(), ", "), FileHint(name))
	}
	return src, nil
}
