package runner

import (
	"bytes"
	"context"
	"errors"
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
	for _, c := range []struct {
		name   string
		damage func(dir string)
		why    string
	}{
		{"runs.csv removed", func(dir string) { os.Remove(filepath.Join(dir, "runs.csv")) }, "runs.csv is missing"},
		{"summary.json cut", cut("summary.json", func(b []byte) []byte { return b[:len(b)/2] }), "summary.json is not whole JSON"},
		{"runs.csv a row short", cut("runs.csv", lastLineOff), "runs.csv has 23 rows; the work has 24 runs"},
		{"runs.csv a row repeated", cut("runs.csv", func(b []byte) []byte {
			return append(b, b[len(lastLineOff(b)):]...)
		}), "runs.csv has 25 rows; the work has 24 runs"},
		{"summary.json with more after it", cut("summary.json", func(b []byte) []byte { return append(b, "{}\n"...) }), "summary.json is not whole JSON"},
		{"runs.csv cut mid-row", cut("runs.csv", func(b []byte) []byte { return b[:len(b)-3] }), "runs.csv ends mid-row"},
		{"alliances.csv cut mid-line", cut("alliances.csv", func(b []byte) []byte { return b[:len(b)/2] }), "alliances.csv ends mid-line"},
		{"events.jsonl cut mid-line", cut("events.jsonl", func(b []byte) []byte { return b[:len(b)-2] }), "events.jsonl ends mid-line"},
		{"alliances.csv emptied", cut("alliances.csv", func(b []byte) []byte { return nil }), "alliances.csv is empty"},
		// A cut at a line's end passes the checks; --force makes the
		// files again (below).
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
	// parts/: the way out for damage they do not see (survival.csv a
	// line short).
	dir := copyOf(t, finished)
	cut("survival.csv", lastLineOff)(dir)
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); !errors.Is(err, ErrComplete) {
		t.Errorf("survival.csv a line short: %v, want it taken as complete", err)
	}
	var notices []string
	if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true, Notice: func(msg string) { notices = append(notices, msg) }}); err != nil {
		t.Fatalf("--force on complete work: %v", err)
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "--force asks for its results again; its result files are assembled again from parts/") {
		t.Errorf("--force on complete work: notices %q", notices)
	}
	sameFiles(t, "assembled again under --force", want, readAll(t, dir))

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
