package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `show` writes a scenario that runs exactly as the built-in: the same
// summary, runs and alliances, byte for byte.
func TestShowRunsAsTheBuiltin(t *testing.T) {
	if testing.Short() {
		t.Skip("two runs of 50 replications")
	}
	dir := t.TempDir()
	text, err := execute(t, "show", "asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "a.toml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := execute(t, "validate", file); err != nil {
		t.Fatalf("validate the shown scenario: %v\n%s", err, out)
	}
	for _, args := range [][]string{
		{"run", file, "--runs", "50", "--out", filepath.Join(dir, "file")},
		{"run", "asia-1950", "--runs", "50", "--out", filepath.Join(dir, "builtin")},
	} {
		if out, err := execute(t, args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	for _, f := range []string{"summary.json", "runs.csv", "alliances.csv", "memberships.csv", "scenario.toml"} {
		a, err1 := os.ReadFile(filepath.Join(dir, "file", f))
		b, err2 := os.ReadFile(filepath.Join(dir, "builtin", f))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", f, err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the shown file and the built-in", f)
		}
	}
}

// A binary built from a git checkout reports its revision: --version
// prints what the toolchain recorded (the machine may default to
// -buildvcs=false; the test builds with it on).
func TestVersionNamesTheRevision(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not a git checkout (or no git): nothing to report")
	}
	bin := filepath.Join(t.TempDir(), "alliancesim")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -buildvcs=true: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	rev := strings.TrimSpace(string(head))[:12]
	if !strings.Contains(string(out), rev) {
		t.Errorf("--version printed %q, want the revision %s", out, rev)
	}
}
