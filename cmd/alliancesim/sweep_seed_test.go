package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file whose seed with its own runs reaches past the largest seed is
// refused at the seed's line (configs), but sweep --runs or --seed replace
// the file's: a file that only the flags make valid is swept, and one the
// flags leave invalid is refused naming the flags.
func TestSweepFlagsReplaceTheFilesSeeds(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x.toml")
	src := "scenario = \"generic\"\nseed = 9007199254740900\n[[vary]]\npath = \"scenario.ticks\"\nvalues = [6]\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "sweep", file, "--out", filepath.Join(dir, "a")); err == nil || !strings.Contains(err.Error(), "x.toml:2: seed: 9007199254740900 with 100 runs (the default) reaches seed 9007199254740999") {
		t.Errorf("the file's own runs: %v, want it refused at the seed's line", err)
	}
	if out, err := execute(t, "sweep", file, "--runs", "2", "--out", filepath.Join(dir, "b")); err != nil {
		t.Errorf("--runs 2, seeds up to 9007199254740901: %v\n%s", err, out)
	}
	if out, err := execute(t, "sweep", file, "--seed", "1", "--out", filepath.Join(dir, "c")); err != nil {
		t.Errorf("--seed 1: %v\n%s", err, out)
	}
	if _, err := execute(t, "sweep", file, "--runs", "200", "--out", filepath.Join(dir, "d")); err == nil || !strings.Contains(err.Error(), "seed 9007199254740900, --runs 200 (") {
		t.Errorf("--runs 200: %v, want it refused naming --runs", err)
	}
}
