package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// A complete directory whose result files were damaged afterwards is not
// complete: with every part there, a rerun of the same work assembles
// them again, byte for byte, and says why; without the parts (a merged
// directory keeps none) it says what to do, and --force runs the work
// again. It used to say "nothing to do" while report refused the files.
func TestDamagedResultsAssembledAgain(t *testing.T) {
	ctx := context.Background()
	finished := done(t)
	want := readAll(t, finished)
	cut := func(name string, keep func(b []byte) []byte) func(dir string) {
		return func(dir string) {
			path := filepath.Join(dir, name)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, keep(b), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	lastLineOff := func(b []byte) []byte {
		return b[:strings.LastIndexByte(string(b[:len(b)-1]), '\n')+1]
	}
	// sized says what the check says of name cut or grown by keep: its
	// size against the one summary.json records.
	sized := func(name string, keep func([]byte) []byte) string {
		b := want[name]
		return fmt.Sprintf("%s has %d bytes, where summary.json records %d (cut short or changed since it was written)", name, len(keep(bytes.Clone(b))), len(b))
	}
	rowAgain := func(b []byte) []byte { return append(b, b[len(lastLineOff(b)):]...) }
	half := func(b []byte) []byte { return b[:len(b)/2] }
	none := func([]byte) []byte { return nil }
	record := func(edit func(s map[string]any)) func(dir string) {
		return cut("summary.json", func(b []byte) []byte {
			var s map[string]any
			if err := json.Unmarshal(b, &s); err != nil {
				t.Fatal(err)
			}
			edit(s)
			return MustJSONIndent(s)
		})
	}
	for _, c := range []struct {
		name   string
		damage func(dir string)
		why    string
	}{
		{"runs.csv removed", func(dir string) { os.Remove(filepath.Join(dir, "runs.csv")) }, "runs.csv is missing"},
		{"summary.json cut", cut("summary.json", half), "summary.json is not whole JSON"},
		{"summary.json a list", cut("summary.json", func([]byte) []byte { return []byte("[]\n") }), "summary.json is not whole JSON ([ where an object begins)"},
		{"runs.csv a row short", cut("runs.csv", lastLineOff), sized("runs.csv", lastLineOff)},
		{"runs.csv a row repeated", cut("runs.csv", rowAgain), sized("runs.csv", rowAgain)},
		{"summary.json with more after it", cut("summary.json", func(b []byte) []byte { return append(b, "{}\n"...) }), "summary.json is not whole JSON (more after the value)"},
		{"alliances.csv cut mid-line", cut("alliances.csv", half), sized("alliances.csv", half)},
		{"alliances.csv emptied", cut("alliances.csv", none), sized("alliances.csv", none)},
		// Found by its size alone, a cut at a line's end, which the
		// check once passed (a CSV's last byte and runs.csv's rows).
		{"survival.csv a line short", cut("survival.csv", lastLineOff), sized("survival.csv", lastLineOff)},
		{"events.jsonl a line short", cut("events.jsonl", lastLineOff), sized("events.jsonl", lastLineOff)},
		// The record itself: gone, short of a file, or naming one more.
		{"summary.json without its record", record(func(s map[string]any) { delete(s, "files") }),
			"summary.json has no record of the result files' sizes and checksums"},
		{"summary.json's record without runs.csv", record(func(s map[string]any) { delete(s["files"].(map[string]any), "runs.csv") }),
			"summary.json does not list runs.csv in its record"},
		{"summary.json's record naming series.csv", record(func(s map[string]any) {
			s["files"].(map[string]any)["series.csv"] = map[string]any{"bytes": 0, "sha256": strings.Repeat("0", 64)}
		}), "summary.json's record lists series.csv, not one of this work's other result files"},
		{"summary.json's record naming itself", record(func(s map[string]any) {
			s["files"].(map[string]any)["summary.json"] = map[string]any{"bytes": 0, "sha256": strings.Repeat("0", 64)}
		}), "summary.json's record lists summary.json, not one of this work's other result files"},
		{"summary.json's record with a size below 0", record(func(s map[string]any) {
			s["files"].(map[string]any)["runs.csv"].(map[string]any)["bytes"] = -1
		}), `summary.json's record of the result files is damaged (runs.csv: -1 bytes, sha256 "`},
		{"events.jsonl a directory", func(dir string) {
			os.Remove(filepath.Join(dir, "events.jsonl"))
			os.Mkdir(filepath.Join(dir, "events.jsonl"), 0o755)
		}, "events.jsonl is not a regular file"},
	} {
		dir := copyOf(t, finished)
		c.damage(dir)
		var notices []string
		err := Execute(ctx, plan(t), dir, ExecOptions{Notice: func(msg string) { notices = append(notices, msg) }})
		if c.name == "events.jsonl a directory" {
			// A directory where a file belongs is not ours to remove: the
			// assembly's rename fails, naming it.
			if err == nil || !strings.Contains(err.Error(), "events.jsonl") {
				t.Errorf("%s: %v, want an error naming it", c.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(notices) != 1 || !strings.Contains(notices[0], c.why) || !strings.Contains(notices[0], "assembled again from parts/") {
			t.Errorf("%s: notices %q, want one naming %q", c.name, notices, c.why)
		}
		sameFiles(t, c.name, want, readAll(t, dir))
	}

	// --force on work the checks find complete assembles its files again from
	// parts/: the way out for damage they do not see (survival.csv changed
	// at its size, which CheckResults finds).
	dir := copyOf(t, finished)
	cut("survival.csv", func(b []byte) []byte { b[len(b)-2]++; return b })(dir)
	// a report drawn before: it goes with the files it was drawn from
	if err := os.WriteFile(filepath.Join(dir, "report.html"), []byte("<html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); !errors.Is(err, ErrComplete) {
		t.Errorf("survival.csv changed at its size: %v, want it taken as complete", err)
	}
	var notices []string
	if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true, Notice: func(msg string) { notices = append(notices, msg) }}); err != nil {
		t.Fatalf("--force on complete work: %v", err)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "--force asks for its results again; its result files are assembled again from parts/") {
		t.Errorf("--force on complete work: notices %q", notices)
	}
	sameFiles(t, "assembled again under --force", want, readAll(t, dir))
	if _, err := os.Stat(filepath.Join(dir, "report.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("report.html after the files were assembled again: %v, want it removed", err)
	}

	// Without parts/ (a merged directory) --force on complete work does
	// nothing: it has nothing to assemble the files from, and running the
	// work again, or a shard of it, would throw complete output away.
	for _, shard := range []Shard{{}, {Index: 0, Count: 4}} {
		dir = copyOf(t, finished)
		if err := os.RemoveAll(filepath.Join(dir, "parts")); err != nil {
			t.Fatal(err)
		}
		if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true, Shard: shard}); !errors.Is(err, ErrComplete) {
			t.Errorf("--force on complete work without parts (shard %+v): %v, want it left complete", shard, err)
		}
		sameFiles(t, "complete without parts, under --force", want, readAll(t, dir))
	}

	// Without parts/: say what to do; --force runs the work again.
	dir = copyOf(t, finished)
	if err := os.RemoveAll(filepath.Join(dir, "parts")); err != nil {
		t.Fatal(err)
	}
	cut("summary.json", func(b []byte) []byte { return b[:10] })(dir)
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err == nil || !strings.Contains(err.Error(), "holds damaged output of this same work (summary.json is not whole JSON") ||
		!strings.Contains(err.Error(), "merge the shards again, or use --force") {
		t.Errorf("damaged without parts: %v", err)
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true}); err != nil {
		t.Fatalf("damaged without parts, --force: %v", err)
	}
	sameFiles(t, "run again under --force", want, readAll(t, dir))
}

// A finished directory holds exactly the result files the completeness
// check requires (resultNames), for a run and a sweep, with and without
// events and a time series: a file the writer added and the check did not
// would let its damage pass as complete output.
func TestResultNamesAreTheFilesWritten(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	short(sc)
	single := newPlan(t, sc, 4, 1)
	quiet := plan(t)
	quiet.Events = false
	for _, c := range []struct {
		name string
		p    *Plan
	}{
		{"run", single},
		{"sweep", plan(t)},
		{"sweep without events", quiet},
		{"sweep with a series", plan(t, func(sc *sim.Scenario) { sc.Params.RecordEvery = 6 })},
	} {
		dir := t.TempDir()
		if err := Execute(context.Background(), c.p, dir, ExecOptions{}); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			if !slices.Contains([]string{"manifest.json", "scenario.toml", "parts", lockFile}, e.Name()) {
				got = append(got, e.Name())
			}
		}
		m := c.p.Manifest()
		if want := slices.Sorted(slices.Values(resultNames(&m))); !slices.Equal(got, want) {
			t.Errorf("%s: wrote %q, the check requires %q", c.name, got, want)
		}
	}
}

// Finished work whose scenario.toml was removed, or edited, gets it back,
// the same bytes, when the same work is run again, which says so and that
// nothing else is to do: the README offers the file as the way to run the
// work again, and an edited one would run another scenario. It used to be
// called complete without it, and complete with it edited.
func TestScenarioWrittenAgain(t *testing.T) {
	finished := done(t)
	want, err := os.ReadFile(filepath.Join(finished, "scenario.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, why string
		damage    func(path string)
	}{
		{"removed", "was missing", func(path string) { os.Remove(path) }},
		{"edited", "differed from the scenario that ran (edited or damaged since)", func(path string) {
			os.WriteFile(path, append(bytes.Clone(want), "# edited\n"...), 0o644)
		}},
	} {
		dir := copyOf(t, finished)
		path := filepath.Join(dir, "scenario.toml")
		c.damage(path)
		var notices []string
		err = Execute(context.Background(), plan(t), dir, ExecOptions{Notice: func(msg string) { notices = append(notices, msg) }})
		if !errors.Is(err, ErrComplete) {
			t.Fatalf("finished work with scenario.toml %s: %v; want ErrComplete once it is written again", c.name, err)
		}
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
			t.Errorf("scenario.toml %s, after the rerun: %v (%d bytes, want %d)", c.name, err, len(got), len(want))
		}
		if len(notices) != 1 || notices[0] != path+" "+c.why+"; it is written again" {
			t.Errorf("scenario.toml %s: notices %q", c.name, notices)
		}
	}
}
