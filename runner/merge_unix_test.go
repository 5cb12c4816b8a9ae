//go:build unix

package runner

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A shard whose parts/ this user may not read (written by another user,
// without permission for others) holds its chunks all the same: the
// merge names the part it cannot read, where it used to report the
// chunks missing and advise running their shard again.
func TestMergeNamesAnUnreadablePart(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file: run as another user")
	}
	base := t.TempDir()
	a, b := twoShards(t, base)
	parts := filepath.Join(b, "parts")
	if err := os.Chmod(parts, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(parts, 0o755) })
	err := Merge([]string{a, b}, filepath.Join(base, "merged"), nil)
	if err == nil || errors.Is(err, ErrIncomplete) || strings.Contains(err.Error(), "missing") ||
		!strings.Contains(err.Error(), filepath.Join(parts, "p00000-")) || !strings.Contains(err.Error(), "permission denied; allowed: shard directories this user may read") {
		t.Fatalf("merging a shard whose parts/ cannot be read: %v", err)
	}
}

// A file of a shard this user may not read, its manifest, its
// scenario.toml or any file of a part, is named with what a merge allows,
// as an unreadable parts/ is (a part's runs.jsonl said only "…/runs.jsonl:
// permission denied").
func TestMergeSaysWhatAnUnreadableFileAllows(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file: run as another user")
	}
	base := t.TempDir()
	a, b := twoShards(t, base)
	files, err := filepath.Glob(filepath.Join(b, "parts", "*", "*"))
	if err != nil || len(files) < 2 {
		t.Fatalf("the files of %s's parts: %v, %v", b, files, err)
	}
	files = append(files, filepath.Join(b, "manifest.json"), filepath.Join(b, "scenario.toml"))
	for _, f := range files {
		if err := os.Chmod(f, 0o000); err != nil {
			t.Fatal(err)
		}
		err := Merge([]string{b, a}, filepath.Join(base, "merged"), nil) // the first's scenario.toml is read
		os.Chmod(f, 0o644)
		want := f + ": permission denied; allowed: shard directories this user may read (their manifest.json, scenario.toml, parts/ and every file of every part in it)"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("merging a shard whose %s cannot be read: %v; want …%s", f, err, want)
		}
	}
}
