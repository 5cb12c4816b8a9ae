package configs

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Bases follows a chain of extends as Load does, nearest first: a file
// extending a file (read beside it) that extends a built-in; a built-in
// alone extends nothing; a chain that cannot be read stops where it
// breaks, and a cycle ends.
func TestBases(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("mid.toml", "extends = \"asia-1950\"\n[scenario]\nname = \"mid\"\n")
	top := write("top.toml", "extends = \"mid.toml\"\n[scenario]\nname = \"top\"\n")
	broken := write("broken.toml", "extends = \"missing.toml\"\n")
	loop := write("loop.toml", "extends = \"loop.toml\"\n")
	for _, c := range []struct {
		ref  string
		want []string
	}{
		{top, []string{filepath.Join(dir, "mid.toml"), "asia-1950"}},
		{"asia-1950", nil},
		{broken, []string{filepath.Join(dir, "missing.toml")}},
		{filepath.Join(dir, "absent.toml"), nil},
	} {
		if got := Bases(c.ref); !slices.Equal(got, c.want) {
			t.Errorf("Bases(%s) = %q, want %q", c.ref, got, c.want)
		}
	}
	if got := Bases(loop); len(got) != maxExtends+1 {
		t.Errorf("a cycle: %d bases, want it cut at %d", len(got), maxExtends+1)
	}
}
