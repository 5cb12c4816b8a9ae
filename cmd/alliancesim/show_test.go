package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
)

// show prints a scenario file that validates and gives the built-in.
func TestShowBuiltin(t *testing.T) {
	out, err := execute(t, "show", "asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "# alliancesim show asia-1950: the fully resolved scenario\n") {
		t.Errorf("header: %.80q", out)
	}
	sc, err := configs.Parse("shown.toml", []byte(out))
	if err != nil {
		t.Fatalf("output does not validate: %v", err)
	}
	want, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	sc.Source, want.Source = "", ""
	if !reflect.DeepEqual(sc, want) {
		t.Error("shown scenario differs from the built-in")
	}
	if strings.Contains(out, "extends") || !strings.Contains(out, `id = "korean-war-invasion"`) {
		t.Errorf("output:\n%s", out)
	}
}

// An overlay is shown resolved, and a bad file fails with its errors.
func TestShowOverlay(t *testing.T) {
	dir := t.TempDir()
	cf := filepath.Join(dir, "cf.toml")
	os.WriteFile(cf, []byte("extends = \"europe-1947\"\ndrop_events = [\"czech-coup\"]\n[params]\nsea_cost = 4\n"), 0o644)
	out, err := execute(t, "show", cf)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "czech-coup") || !strings.Contains(out, "\nsea_cost = 4.0\n") || !strings.Contains(out, `id = "berlin-blockade"`) {
		t.Errorf("output:\n%s", out)
	}
	os.WriteFile(cf, []byte("extends = \"europe-1947\"\ndrop_events = [\"coup\"]\n"), 0o644)
	if _, err := execute(t, "show", cf); err == nil || !strings.Contains(err.Error(), `cf.toml:2: drop_events: "coup" names no event of the base`) {
		t.Errorf("want the file's error, got %v", err)
	}
}

// show --source prints a built-in's own file, whose lines the errors
// naming builtin/NAME.toml count: the line an overlay that moves the start
// reports for europe-1947's first event is that event's date there.
func TestShowSource(t *testing.T) {
	out, err := execute(t, "show", "europe-1947", "--source")
	if err != nil {
		t.Fatal(err)
	}
	line := slices.Index(strings.Split(out, "\n"), `at = "1947-09"`) + 1
	if line == 0 {
		t.Fatal(`show --source has no line at = "1947-09"`)
	}
	f := filepath.Join(t.TempDir(), "later.toml")
	if err := os.WriteFile(f, []byte("extends = \"europe-1947\"\n[scenario]\nstart = \"1950-01\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, verr := execute(t, "validate", f)
	want := fmt.Sprintf("builtin/europe-1947.toml:%d: events[0].at: 1947-09 is before the start 1950-01 (the start is set at %s:3)", line, f)
	if verr == nil || !strings.Contains(verr.Error(), want) {
		t.Fatalf("validate: want …%s…, got %v", want, verr)
	}
	if _, err := execute(t, "show", "nowhere.toml", "--source"); err == nil || !strings.Contains(err.Error(), `--source: "nowhere.toml" is not a built-in scenario`) {
		t.Errorf("--source of a file: %v", err)
	}
}

// show, validate and map take --set as run does: the changed scenario is
// printed, checked and drawn; a bad value is refused naming the flag; and
// --set with show --source, whose file it cannot change, is refused.
func TestInspectingCommandsTakeSet(t *testing.T) {
	out, err := execute(t, "show", "generic", "--set", "params.sea_cost=7")
	if err != nil || !strings.HasPrefix(out, "# alliancesim show generic --set params.sea_cost=7: the fully resolved scenario\n") || !strings.Contains(out, "\nsea_cost = 7.0\n") {
		t.Fatalf("show: %v\n%.300s", err, out)
	}
	if out, err = execute(t, "validate", "generic", "--set", "scenario.ticks=12"); err != nil || !strings.Contains(out, "12 monthly ticks from 2000-01 to 2000-12") {
		t.Fatalf("validate: %v\n%s", err, out)
	}
	if out, err = execute(t, "validate", "generic", "--set", "scenario.ticks=1"); err != nil || !strings.Contains(out, "1 monthly tick from 2000-01 to 2000-01") {
		t.Errorf("one tick: %v\n%s", err, out)
	}

	plain, _ := execute(t, "map", "generic", "--terrain")
	wet, err := execute(t, "map", "generic", "--terrain", "--set", "theater.generate.sea_fraction=0.7")
	if err != nil || strings.Count(wet, "~") <= strings.Count(plain, "~") {
		t.Fatalf("map: %v; sea cells %d with sea_fraction 0.7, %d without", err, strings.Count(wet, "~"), strings.Count(plain, "~"))
	}
	// The terrain map draws every state's land as '.', and its legend
	// says so; the owners' map keeps '.' for unowned land.
	if owners, _ := execute(t, "map", "generic"); !strings.HasSuffix(plain, "\nLegend:  ~ sea   . land   ^ rough (whoever owns it)\n") || !strings.Contains(owners, ". unowned land") {
		t.Errorf("legends:\n%s\n%s", plain[strings.LastIndex(plain, "\n\n"):], owners[strings.LastIndex(owners, "Legend"):])
	}
	// The owners' map says how much rough its glyphs hide: the rough the
	// terrain map draws and the owners' map does not.
	owners, _ := execute(t, "map", "generic")
	grid := func(out string) string { return out[:strings.Index(out, "\nLegend")] }
	hidden := strings.Count(grid(plain), "^") - strings.Count(grid(owners), "^")
	if want := fmt.Sprintf("(rough a state owns, %d of its cells, shows in the owner's glyph; --terrain draws rough wherever it is)\n", hidden); hidden == 0 || !strings.HasSuffix(owners, want) {
		t.Errorf("the owners' map does not end %q:\n%s", want, owners[strings.LastIndex(owners, "Legend"):])
	}
	dir := writeFiles(t, map[string]string{"one.toml": "[scenario]\nname = \"t\"\nstart = \"2000-01\"\nticks = 24\n" +
		"[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"A\"\nland = 1\nnaval = 0\neconomy = 1\nrevisionism = 0\nideology = 0\n" +
		"[theater]\nmap = \"\"\"\nAA~^\n\"\"\"\n"})
	if flat, err := execute(t, "map", filepath.Join(dir, "one.toml")); err != nil || strings.Contains(flat, "rough a state owns") {
		t.Errorf("a map whose only rough is unowned speaks of owned rough: %v\n%s", err, flat)
	}
	for _, args := range [][]string{{"map", "generic", "--set", "params.sea_cost=-2"}, {"validate", "generic", "--set", "params.sea_cost=-2"}} {
		if _, err := execute(t, args...); err == nil || !strings.HasPrefix(err.Error(), "--set params.sea_cost: -2 is out of range; allowed:") {
			t.Errorf("%v: %v", args, err)
		}
	}
	if _, err := execute(t, "show", "generic", "--source", "--set", "params.sea_cost=7"); err == nil || !strings.Contains(err.Error(), "allowed: one of them") {
		t.Errorf("--source with --set: %v", err)
	}
}
