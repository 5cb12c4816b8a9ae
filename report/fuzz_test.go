package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzedFiles are the files of an output directory a report reads, but
// scenario.toml (configs' fuzz tests parse scenarios; without it the
// report skips the maps, which replay runs and would slow each input).
var fuzzedFiles = []string{
	"manifest.json", "summary.json", "runs.csv", "alliances.csv", "memberships.csv",
	"survival.csv", "series.csv", "events.jsonl", "points.csv",
}

// FuzzBuild writes arbitrary bytes over one file of a run's or a sweep's
// output directory and builds its report. Whatever the bytes, Build
// returns a page or an error that names a file or a figure; it never
// panics. The seed corpus is the files as written, which must report.
func FuzzBuild(f *testing.F) {
	_, single, sweep, _ := fixtures(f)
	dirs := []string{single, sweep}
	for d, dir := range dirs {
		for n, name := range fuzzedFiles {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if os.IsNotExist(err) {
				continue // a run has no points.csv
			}
			if err != nil {
				f.Fatal(err)
			}
			f.Add(uint8(d), uint8(n), b)
		}
	}
	f.Fuzz(func(t *testing.T, d, n uint8, b []byte) {
		from, name := dirs[int(d)%len(dirs)], fuzzedFiles[int(n)%len(fuzzedFiles)]
		dir := copyFiles(t, from, "scenario.toml")
		if name != "summary.json" {
			// summary.json's record would refuse any change to another
			// file before a reader met it: the readers are fuzzed as they
			// read a directory without one. The record itself is fuzzed
			// with summary.json.
			unrecorded(t, dir)
		}
		path := filepath.Join(dir, name)
		orig, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = Build(context.Background(), dir)
		switch {
		case err == nil:
		case orig != nil && bytes.Equal(b, orig):
			t.Fatalf("%s as written: %v", name, err)
		case !namesAFile(err.Error()):
			t.Errorf("%s edited: refused without naming a file or figure: %v", name, err)
		}
	})
}

// namesAFile reports whether an error message names a file of an output
// directory or a figure.
func namesAFile(msg string) bool {
	if strings.HasPrefix(msg, "figure ") {
		return true
	}
	for _, name := range fuzzedFiles {
		if strings.Contains(msg, name) {
			return true
		}
	}
	return strings.Contains(msg, "scenario.toml")
}
