package main

import (
	"os"
	"path/filepath"
	"reflect"
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
