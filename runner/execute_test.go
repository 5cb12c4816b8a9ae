package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/timeline"
)

// An edited scenario rerun into the directory of the original is refused
// with a message naming what differs (it used to return the old numbers);
// with Force it replaces them.
func TestExecuteRefusesStaleDirectory(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	edited := plan(t, func(sc *sim.Scenario) { sc.Params.SeaCost = 0.5; sc.Params.RoughCost = 5 })
	err := Execute(ctx, edited, dir, ExecOptions{Resume: true})
	if !errors.Is(err, ErrOtherWork) || !strings.Contains(err.Error(), "scenario content (sha256)") {
		t.Fatalf("an edited scenario must be refused, naming the difference: %v", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if string(before) != string(after) {
		t.Fatal("a refused run must leave the directory alone")
	}
	// The same inputs again: nothing to do, and it says so.
	if err := Execute(ctx, plan(t), dir, ExecOptions{Resume: true}); !errors.Is(err, ErrComplete) {
		t.Fatalf("rerunning complete work: want ErrComplete, got %v", err)
	}
	// Force replaces the other work's output, and removes the report
	// drawn from it.
	if err := os.WriteFile(filepath.Join(dir, "report.html"), []byte("<p>the old work</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Execute(ctx, edited, dir, ExecOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old work's report.html survives --force: %v", err)
	}
	m, err := ReadManifest(dir)
	if err != nil || m.ScenarioSHA256 != digest.SHA256Hex(edited.ScenarioTOML) {
		t.Fatalf("forced run should record the new scenario: %v", err)
	}
	toml, _ := os.ReadFile(filepath.Join(dir, "scenario.toml"))
	if string(toml) != string(edited.ScenarioTOML) {
		t.Fatal("scenario.toml should hold the scenario that ran")
	}
}

// An output directory named "" is refused by Execute and by every reader
// of one (CheckDir), saying what is allowed, not "mkdir : no such file or
// directory".
func TestEmptyDirectoryName(t *testing.T) {
	const want = `an output directory named ""; allowed: a path (".", for the current directory)`
	if err := Execute(context.Background(), plan(t), "", ExecOptions{}); err == nil || err.Error() != want {
		t.Errorf("Execute into \"\": %v", err)
	}
	if err := CheckDir(""); err == nil || err.Error() != want {
		t.Errorf("CheckDir(\"\"): %v", err)
	}
}

// A directory under a file (file/sub) is no directory: CheckDir says so,
// as it does of a missing one, rather than letting its readers stumble on
// "file/sub/manifest.json: not a directory".
func TestCheckDirUnderAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(file, "sub")
	if err := CheckDir(sub); err == nil || err.Error() != sub+": no such directory" {
		t.Errorf("CheckDir(%s): %v", sub, err)
	}
	if err := Assemble([]string{sub}, filepath.Join(t.TempDir(), "out")); err == nil || err.Error() != sub+": no such directory" {
		t.Errorf("Assemble(%s): %v", sub, err)
	}
}

// A directory with someone's files and no manifest of ours is never
// written into, even with Force.
func TestExecuteRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "summary.json")
	if err := os.WriteFile(precious, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, force := range []bool{false, true} {
		err := Execute(context.Background(), plan(t), dir, ExecOptions{Force: force})
		if err == nil || !strings.Contains(err.Error(), "no manifest.json") {
			t.Fatalf("force=%v: want a refusal, got %v", force, err)
		}
	}
	if b, _ := os.ReadFile(precious); string(b) != "precious\n" {
		t.Fatal("the user's file was overwritten")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a refused run must leave the directory as it was: %v", entries)
	}
}

// Shards of two scenario versions, of two seeds or of two run counts are
// not merged; the message names the difference, and no empty output
// directory is left.
func TestAssembleRefusesMixedShards(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	shard := func(name string, p *Plan, i int) string {
		d := filepath.Join(base, name)
		if err := Execute(ctx, p, d, ExecOptions{Shard: Shard{Index: i, Count: 2}}); !errors.Is(err, ErrIncomplete) {
			t.Fatalf("%s: want ErrIncomplete, got %v", name, err)
		}
		return d
	}
	a := shard("a", plan(t), 0)
	for _, c := range []struct {
		name, want string
		plan       *Plan
	}{
		{"edited", "scenario content", plan(t, func(sc *sim.Scenario) { sc.Params.SeaCost = 0.5 })},
		{"seed", "seed", func() *Plan { p := plan(t); p.Seed = 9; return p }()},
		{"runs", "runs", func() *Plan { p := plan(t); p.Runs = 11; return p }()},
		{"experiment", "experiment content", func() *Plan { p := plan(t); p.ExperimentText = []byte("other"); return p }()},
		// a flag changes the experiment as run too: named first, the content after it
		{"flag", "a); and so the experiment as run (sha256)", func() *Plan { p := plan(t); p.Seed = 9; p.ExperimentText = []byte("other"); return p }()},
	} {
		b := shard(c.name, c.plan, 1)
		out := filepath.Join(base, "merged-"+c.name)
		err := Assemble([]string{a, b}, out)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want a refusal naming %q, got %v", c.name, c.want, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: a refused merge left %s behind (%v)", c.name, out, err)
		}
	}
	// A merge of one shard is missing the other's chunks: refused, and
	// no directory is left, nor the parents it made.
	out := filepath.Join(base, "new", "merged-one")
	if err := Assemble([]string{a}, out); !errors.Is(err, ErrIncomplete) {
		t.Errorf("one shard of two: want ErrIncomplete, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(base, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an incomplete merge left %s behind (%v)", filepath.Join(base, "new"), err)
	}
	// A shard given twice, under another name, is named as such, not
	// reported as the other shard's chunks missing.
	again := filepath.Join(base, ".", "a") + string(filepath.Separator)
	if err := Assemble([]string{a, again}, filepath.Join(base, "merged-twice")); err == nil ||
		err.Error() != a+" and "+again+" are the same directory; allowed: each shard's directory once" {
		t.Errorf("a shard given twice: got %v", err)
	}
	// The same work started under another file name merges.
	same := plan(t)
	same.Experiment = "./exp.toml"
	b := shard("same", same, 1)
	if err := Assemble([]string{a, b}, filepath.Join(base, "merged")); err != nil {
		t.Fatalf("the same work from another file name should merge: %v", err)
	}
}

// A damaged chunk — cut at a line boundary, emptied, or replaced by
// another chunk's records — is refused at assembly, not merged into
// complete-looking output with fewer runs.
func TestAssembleRefusesDamagedChunks(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		damage func(part string) error
	}{
		{"truncated", func(part string) error {
			p := filepath.Join(part, "runs.jsonl")
			b, _ := os.ReadFile(p)
			lines := strings.SplitAfter(string(b), "\n")
			return os.WriteFile(p, []byte(strings.Join(lines[:2], "")), 0o644)
		}},
		{"empty", func(part string) error { return os.WriteFile(filepath.Join(part, "runs.jsonl"), nil, 0o644) }},
		{"events cut", func(part string) error {
			p := filepath.Join(part, "events.jsonl")
			b, _ := os.ReadFile(p)
			return os.WriteFile(p, b[:len(b)/2], 0o644)
		}},
		{"no done record", func(part string) error { return os.Remove(filepath.Join(part, doneFile)) }},
		{"swapped", func(part string) error {
			other := filepath.Join(filepath.Dir(part), "p00000-r0000005-0000010")
			for _, f := range []string{"runs.jsonl", "events.jsonl", doneFile} {
				b, err := os.ReadFile(filepath.Join(other, f))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(part, f), b, 0o644); err != nil {
					return err
				}
			}
			return nil
		}},
	} {
		dir := filepath.Join(t.TempDir(), "d")
		if err := Execute(ctx, plan(t), dir, ExecOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := c.damage(filepath.Join(dir, "parts", "p00000-r0000000-0000005")); err != nil {
			t.Fatal(err)
		}
		if err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out")); err == nil {
			t.Errorf("%s: a damaged chunk was merged", c.name)
		}
	}
}

// A done.json with several bad file entries is refused for the first in
// name order, the same one every time (it was one in a map's order).
func TestParseDoneNamesTheFirstBadFileInNameOrder(t *testing.T) {
	done := []byte(`{"runs": 5, "files": {"runs.jsonl": {"bytes": -5, "sha256": ""}, "events.jsonl": {"bytes": -5, "sha256": ""}, "alliances.csv": {"bytes": -5, "sha256": ""}}}`)
	want := `done.json: alliances.csv: -5 bytes, sha256 ""; allowed: a size ≥ 0 and a SHA-256`
	for range 20 {
		if _, err := parseDone("done.json", done, chunk{To: 5}); err == nil || err.Error() != want {
			t.Fatalf("got %v, want %q", err, want)
		}
	}
	// A size alone is not enough: the checksum must be a SHA-256.
	done = []byte(`{"runs": 5, "files": {"runs.jsonl": {"bytes": 10, "sha256": "xyz"}}}`)
	want = `done.json: runs.jsonl: 10 bytes, sha256 "xyz"; allowed: a size ≥ 0 and a SHA-256`
	if _, err := parseDone("done.json", done, chunk{To: 5}); err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

// listing names the entries of dir, a directory with a slash.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		names = append(names, n)
	}
	return names
}

// A finished directory holds exactly its files, with no temporary file
// or lock left: a run without events has no events.jsonl, a single
// scenario no points.csv, a run without record_every no series.csv, and
// its parts only the records and done.json; a merge of shards holds the
// manifest and scenario.toml of the work, and no parts.
func TestFinishedDirectoriesHoldTheirFiles(t *testing.T) {
	ctx := context.Background()
	single := newPlan(t, compile(t, "generic", short).Scenario(), 4, 1)
	single.Events = false
	dir := filepath.Join(t.TempDir(), "single")
	if err := Execute(ctx, single, dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := listing(t, dir), []string{"alliances.csv", "manifest.json", "memberships.csv", "parts/", "runs.csv", "scenario.toml", "summary.json", "survival.csv"}; !slices.Equal(got, want) {
		t.Errorf("a single run without events holds %v, want %v", got, want)
	}
	if got, want := listing(t, filepath.Join(dir, "parts", "p00000-r0000000-0000004")), []string{"done.json", "runs.jsonl"}; !slices.Equal(got, want) {
		t.Errorf("its part holds %v, want %v", got, want)
	}
	if m := mustManifest(t, dir); m.ChunkSize != 100 || m.ExperimentSHA256 != "" {
		t.Errorf("a single run's manifest: chunk_size %d, experiment_sha256 %q; want 100 (the default) and none", m.ChunkSize, m.ExperimentSHA256)
	}
	base := t.TempDir()
	var dirs []string
	for i := range 2 {
		d := filepath.Join(base, fmt.Sprint("shard", i))
		if err := Execute(ctx, plan(t), d, ExecOptions{Shard: Shard{Index: i, Count: 2}}); !errors.Is(err, ErrIncomplete) {
			t.Fatalf("shard %d: %v", i, err)
		}
		dirs = append(dirs, d)
	}
	merged := filepath.Join(base, "merged")
	if err := Assemble(dirs, merged); err != nil {
		t.Fatal(err)
	}
	sweepFiles := []string{"alliances.csv", "events.jsonl", "manifest.json", "memberships.csv", "points.csv", "runs.csv", "scenario.toml", "summary.json", "survival.csv"}
	if got := listing(t, merged); !slices.Equal(got, sweepFiles) {
		t.Errorf("merged shards hold %v, want %v", got, sweepFiles)
	}
	if b, _ := os.ReadFile(filepath.Join(merged, "scenario.toml")); !bytes.Equal(b, plan(t).ScenarioTOML) {
		t.Error("the merge's scenario.toml is not the work's")
	}
	if m, err := ReadManifest(merged); err != nil || len(m.Differences(mustManifest(t, dirs[0]))) > 0 {
		t.Errorf("the merge's manifest is not the shards': %v", err)
	}
	whole := done(t)
	events, err := os.ReadFile(filepath.Join(whole, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(events), "\n"), "\n") {
		var l eventLine
		if err := json.Unmarshal([]byte(line), &l); err != nil || l.Text == "" || l.Text != timeline.Describe(&l.EventRecord) {
			t.Fatalf("events.jsonl line %d: %v: text %q, want the event's sentence", i+1, err, l.Text)
		}
	}
	if got, want := listing(t, whole), []string{"alliances.csv", "events.jsonl", "manifest.json", "memberships.csv", "parts/", "points.csv", "runs.csv", "scenario.toml", "summary.json", "survival.csv"}; !slices.Equal(got, want) {
		t.Errorf("a sweep holds %v, want %v", got, want)
	}
}

// mustManifest reads dir's manifest.
func mustManifest(t *testing.T, dir string) *Manifest {
	t.Helper()
	m, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A resumed run counts the replications of the chunks it finds finished
// as done, as it passes them: with chunks 1 (runs 5…9 of point 0) and 4
// (runs 5…9 of point 1) to do, progress goes 6…10 (chunk 0 found), 18…22
// (chunks 2 and 3 found), then 24 of 24 (chunk 5 found); and the files
// are those of the run done at once.
func TestResumeProgressCountsTheChunksFound(t *testing.T) {
	whole := done(t)
	want := readAll(t, whole)
	dir := copyOf(t, whole)
	for _, f := range []string{"summary.json", "parts/p00000-r0000005-0000010", "parts/p00001-r0000005-0000010"} {
		if err := os.RemoveAll(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	var calls []string
	err := Execute(context.Background(), plan(t), dir, ExecOptions{Workers: 1, Resume: true, Progress: func(done, total int) {
		calls = append(calls, fmt.Sprintf("%d/%d", done, total))
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(calls, " "), "6/24 7/24 8/24 9/24 10/24 18/24 19/24 20/24 21/24 22/24 24/24"; got != want {
		t.Errorf("progress %s, want %s", got, want)
	}
	sameFiles(t, "resumed", want, readAll(t, dir))
}

// A part whose done.json is gone is unfinished: resuming runs its chunk
// again and puts the new part in its place (the rename failed with "file
// exists"), and the files are those of the run done at once.
func TestResumeReplacesAnUnfinishedPart(t *testing.T) {
	whole := done(t)
	want := readAll(t, whole)
	dir := copyOf(t, whole)
	for _, f := range []string{"summary.json", "parts/p00000-r0000005-0000010/done.json"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{Workers: 1, Resume: true}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "resumed", want, readAll(t, dir))
	if _, err := os.Stat(filepath.Join(dir, "parts/p00000-r0000005-0000010", doneFile)); err != nil {
		t.Errorf("the part run again: %v", err)
	}
}

// What a run leaves in its directory, and the next run into it: a
// manifest.json a newer version or a damage made unreadable is replaced
// with Force; a scenario.toml lost between the manifest and it is written
// again on resume; a directory whose only part is a killed run's
// temporary one is started without --resume; a shard's run removes the
// temporary files a killed run left, though it does not assemble; a
// directory of someone's files is refused naming three of them.
func TestExecuteTakesOverWhatARunLeft(t *testing.T) {
	ctx := context.Background()
	finished := done(t)

	dir := copyOf(t, finished)
	editManifest(t, dir, func(m map[string]any) { m["format"] = 99 })
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); !errors.Is(err, ErrOtherWork) {
		t.Errorf("an unreadable manifest without --force: %v, want ErrOtherWork", err)
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true}); err != nil {
		t.Errorf("an unreadable manifest with --force: %v", err)
	}

	dir = copyOf(t, finished)
	for _, f := range []string{"summary.json", "scenario.toml", "parts/p00001-r0000010-0000012"} {
		os.RemoveAll(filepath.Join(dir, f))
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Resume: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "scenario.toml")); !bytes.Equal(b, plan(t).ScenarioTOML) {
		t.Errorf("scenario.toml after a resume: %q", b)
	}

	// An unfinished run whose scenario.toml was edited goes on with, and
	// writes again, the scenario that ran.
	dir = copyOf(t, finished)
	os.Remove(filepath.Join(dir, "summary.json"))
	os.RemoveAll(filepath.Join(dir, "parts/p00001-r0000010-0000012"))
	os.WriteFile(filepath.Join(dir, "scenario.toml"), []byte("# edited\n"), 0o644)
	if err := Execute(ctx, plan(t), dir, ExecOptions{Resume: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "scenario.toml")); !bytes.Equal(b, plan(t).ScenarioTOML) {
		t.Errorf("scenario.toml after a resume of a run whose file was edited: %q", b)
	}

	dir = copyOf(t, finished)
	os.Remove(filepath.Join(dir, "summary.json"))
	os.RemoveAll(filepath.Join(dir, "parts"))
	os.MkdirAll(filepath.Join(dir, "parts", ".tmp-p00000-r0000000-0000005-0badf00d"), 0o755)
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err != nil {
		t.Errorf("a directory with a killed run's temporary part only: %v", err)
	}

	dir = filepath.Join(t.TempDir(), "shard")
	if err := Execute(ctx, plan(t), dir, ExecOptions{Shard: Shard{Index: 0, Count: 2}}); !errors.Is(err, ErrIncomplete) {
		t.Fatal(err)
	}
	leftovers := []string{"parts/.tmp-p00000-r0000005-0000010-0badf00d", ".tmp-runs.csv-12345678"}
	for _, l := range leftovers {
		os.WriteFile(filepath.Join(dir, l), []byte("half"), 0o644)
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Shard: Shard{Index: 0, Count: 2}, Resume: true}); !errors.Is(err, ErrIncomplete) {
		t.Fatal(err)
	}
	for _, l := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, l)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s left behind by a shard's run: %v", l, err)
		}
	}

	dir = t.TempDir()
	for _, f := range []string{"a", "b", "c", "d", "e"} {
		os.WriteFile(filepath.Join(dir, f), nil, 0o644)
	}
	want := dir + " holds files (a, b, c, …) but no manifest.json of alliancesim; refusing to write into it: use a new or empty directory"
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err == nil || err.Error() != want {
		t.Errorf("a directory of five files:\n got %v\nwant %s", err, want)
	}

	// Another program's manifest.json is no manifest of ours: --force
	// does not replace the directory, and every file stays. Nor is one
	// with a tool and a scenario hash but a format below 1, which none of
	// ours has.
	for _, manifest := range []string{`{"name": "my-webapp"}`, `{"format": 0, "tool": {}, "scenario_sha256": ""}`} {
		dir = t.TempDir()
		os.MkdirAll(filepath.Join(dir, "parts", "mine"), 0o755)
		os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(manifest), 0o644)
		os.WriteFile(filepath.Join(dir, "parts", "mine", "data.txt"), []byte("precious"), 0o644)
		for _, force := range []bool{false, true} {
			err := Execute(ctx, plan(t), dir, ExecOptions{Force: force})
			if err == nil || errors.Is(err, ErrOtherWork) || !strings.Contains(err.Error(), "but no manifest.json of alliancesim (") || !strings.Contains(err.Error(), "even with --force") {
				t.Errorf("someone's manifest.json %s, force %v: %v", manifest, force, err)
			}
		}
		if b, err := os.ReadFile(filepath.Join(dir, "parts", "mine", "data.txt")); err != nil || string(b) != "precious" {
			t.Errorf("someone's file after --force (manifest %s): %q, %v", manifest, b, err)
		}
	}

	// A manifest of ours cut short is no JSON, but it begins as ours do
	// and every file beside it is ours: --force replaces the directory.
	dir = copyOf(t, finished)
	b, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	os.WriteFile(filepath.Join(dir, "manifest.json"), b[:200], 0o644)
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); !errors.Is(err, ErrOtherWork) {
		t.Errorf("a manifest of ours cut short, without --force: %v, want ErrOtherWork", err)
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true}); err != nil {
		t.Errorf("a manifest of ours cut short, with --force: %v", err)
	}
	// the same beside someone's file is not ours to replace
	dir = copyOf(t, finished)
	os.WriteFile(filepath.Join(dir, "manifest.json"), b[:200], 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if err := Execute(ctx, plan(t), dir, ExecOptions{Force: true}); err == nil || !strings.Contains(err.Error(), "even with --force") {
		t.Errorf("a cut manifest beside someone's file, with --force: %v", err)
	}
}

// A damaged part is refused naming the part, the file and what is wrong,
// even where its checksums were brought in line with the damage: a
// done.json whose run count is not its chunk's or that does not list
// runs.jsonl; a runs.jsonl longer than done.json says, one run short, or
// with a custom measure the manifest does not name.
func TestDamagedPartsNamed(t *testing.T) {
	finished := done(t)
	const name = "p00000-r0000000-0000005"
	editDone := func(part string, edit func(map[string]any)) {
		var d map[string]any
		b, _ := os.ReadFile(filepath.Join(part, doneFile))
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		edit(d)
		os.WriteFile(filepath.Join(part, doneFile), mustJSON(d), 0o644)
	}
	for _, c := range []struct {
		name   string
		damage func(part string)
		want   string // after the part's path
	}{
		{"runs in done.json", func(part string) { editDone(part, func(d map[string]any) { d["runs"] = 4 }) }, "/done.json: 4 runs; its chunk has 5"},
		{"runs.jsonl unlisted", func(part string) {
			editDone(part, func(d map[string]any) { delete(d["files"].(map[string]any), "runs.jsonl") })
		}, ": runs.jsonl is not listed in done.json"},
		{"a byte more", func(part string) {
			f, _ := os.OpenFile(filepath.Join(part, "runs.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
			f.Write([]byte("\n"))
			f.Close()
		}, ": runs.jsonl does not match its size in done.json (damaged or replaced)"},
		{"a run short", func(part string) {
			rewritePart(t, part, func(lines []string) []string { return lines[:4] })
		}, " holds runs 0…3 of 0…4"},
		{"a measure", func(part string) {
			rewritePart(t, part, func(lines []string) []string {
				lines[2] = strings.Replace(lines[2], `{"point":0,`, `{"point":0,"measures":[1],`, 1)
				return lines
			})
		}, ": run 2 has 1 measure values; the manifest names 0 measures"},
		{"a line that is not a record", func(part string) {
			rewritePart(t, part, func(lines []string) []string {
				lines[2] = "[" + lines[2][1:]
				return lines
			})
		}, "/runs.jsonl:3: not a run's record: invalid character ':' after array element"},
	} {
		dir := copyOf(t, finished)
		part := filepath.Join(dir, "parts", name)
		c.damage(part)
		err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
		if err == nil || !strings.Contains(err.Error(), part+c.want) {
			t.Errorf("%s:\n got %v\nwant …%s…", c.name, err, part+c.want)
		}
	}
	// A changed byte, the size kept and the checksums not: called damaged,
	// with what to do, though the changed line no longer parses.
	dir := copyOf(t, finished)
	part := filepath.Join(dir, "parts", name)
	runs := filepath.Join(part, "runs.jsonl")
	b, err := os.ReadFile(runs)
	if err != nil {
		t.Fatal(err)
	}
	b[0] = '['
	os.WriteFile(runs, b, 0o644)
	err = Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
	if want := "part " + part + ": runs.jsonl does not match its checksum in done.json (damaged or replaced): remove " + part + " and run the work that wrote it again to recompute its chunk (the same run command, or the sweep with its --shard and --resume), then merge or report again"; err == nil || err.Error() != want {
		t.Errorf("a changed byte:\n got %v\nwant %s", err, want)
	}
	// A done.json that does not parse, or counts other runs than its
	// chunk: named, with the same advice.
	for _, c := range []struct{ name, done, want string }{
		{"cut", "{", "done.json: unexpected end of JSON input (damaged): remove "},
		{"another count", `{"runs":2}`, "done.json: 2 runs; its chunk has 5 (damaged): remove "},
	} {
		dir := copyOf(t, finished)
		part := filepath.Join(dir, "parts", name)
		os.WriteFile(filepath.Join(part, doneFile), []byte(c.done), 0o644)
		err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
		if want := part + "/" + c.want + part + " and run the work that wrote it again"; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("done.json %s:\n got %v\nwant …%s…", c.name, err, want)
		}
	}
}

// A merge that fails while reading the parts leaves nothing in a new
// directory (not even the directory), and an earlier result in place as
// it was: nothing is replaced before every part is read; what is missing is
// named by count and first chunk; a scenario.toml edited after the run
// is refused; a directory of someone's files is not merged into; a
// killed merge's temporary files are removed by the next.
func TestAssembleLeavesNothingHalfDone(t *testing.T) {
	finished := done(t)
	damaged := copyOf(t, finished)
	rewritePart(t, filepath.Join(damaged, "parts", "p00001-r0000005-0000010"), func(lines []string) []string {
		lines[1] = strings.Replace(lines[1], `"seed":`, `"seed":1`, 1)
		return lines
	})
	out := filepath.Join(t.TempDir(), "new", "out")
	if err := Assemble([]string{damaged}, out); err == nil {
		t.Fatal("a damaged part was merged")
	}
	if _, err := os.Stat(filepath.Dir(out)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed merge left its new directory behind (%v)", err)
	}
	before := readAll(t, damaged)
	if err := Assemble([]string{damaged}, damaged); err == nil {
		t.Fatal("a damaged part was assembled in place")
	}
	if got, want := listing(t, damaged), []string{"alliances.csv", "events.jsonl", "manifest.json", "memberships.csv", "parts/", "points.csv", "runs.csv", "scenario.toml", "summary.json", "survival.csv"}; !slices.Equal(got, want) {
		t.Errorf("a failed assembly in place leaves %v, want %v (the earlier result, no temporary file)", got, want)
	}
	sameFiles(t, "the earlier result after a failed assembly in place", before, readAll(t, damaged))

	missing := copyOf(t, finished)
	os.Remove(filepath.Join(missing, "parts", "p00000-r0000000-0000005", doneFile))
	os.RemoveAll(filepath.Join(missing, "parts", "p00001-r0000005-0000010"))
	err := Assemble([]string{missing}, filepath.Join(t.TempDir(), "out"))
	if want := "2 of 6 chunks missing from " + missing + ": chunk 1 (p00000-r0000000-0000005), chunk 5 (p00001-r0000005-0000010) (--shard i/n runs chunks i, i+n, i+2n, …: give every shard's directory, or run the missing shards): incomplete"; err == nil || err.Error() != want {
		t.Errorf("missing chunks:\n got %v\nwant %s", err, want)
	}

	// A merge's output keeps no parts/, so merging it again finds none of
	// its chunks: the error says so, rather than sending the user to run
	// shards that have run.
	half := filepath.Join(t.TempDir(), "half")
	if err := Execute(context.Background(), plan(t), half, ExecOptions{Shard: Shard{Index: 0, Count: 2}}); !errors.Is(err, ErrIncomplete) {
		t.Fatal(err)
	}
	merged := filepath.Join(t.TempDir(), "merged")
	if err := Assemble([]string{finished}, merged); err != nil {
		t.Fatal(err)
	}
	err = Assemble([]string{half, merged}, filepath.Join(t.TempDir(), "out"))
	if want := " (" + merged + " holds no parts/, the finished chunks a merge reads (the output of a merge keeps none): give the directories the shards wrote, each holding its parts/): incomplete"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("a merged directory merged again:\n got %v\nwant …%s", err, want)
	}

	edited := copyOf(t, finished)
	os.WriteFile(filepath.Join(edited, "scenario.toml"), []byte("name = \"edited\"\n"), 0o644)
	err = Assemble([]string{edited}, filepath.Join(t.TempDir(), "out"))
	if want := edited + "/scenario.toml does not match the manifest's scenario_sha256 (edited or damaged)"; err == nil || err.Error() != want {
		t.Errorf("an edited scenario.toml:\n got %v\nwant %s", err, want)
	}

	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine\n"), 0o644)
	err = Assemble([]string{finished}, foreign)
	if want := foreign + " holds files (notes.txt) but no manifest.json of alliancesim; refusing to write into it: use a new or empty directory"; err == nil || err.Error() != want {
		t.Errorf("a directory of someone's files:\n got %v\nwant %s", err, want)
	}

	killed := t.TempDir()
	os.WriteFile(filepath.Join(killed, ".tmp-summary.json-0badf00d"), []byte("{"), 0o644)
	if err := Assemble([]string{finished}, killed); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(killed, ".tmp-summary.json-0badf00d")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a killed merge's temporary file survives the next merge: %v", err)
	}
}

// A --force that fails part way (here on parts/) leaves no summary
// looking complete, and keeps the manifest, so that it can be run again.
func TestForceInterruptedLeavesNothingComplete(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	edited := plan(t, func(sc *sim.Scenario) { sc.Params.SeaCost = 0.5 })
	failing := errors.New("injected")
	removeAll = func(path string) error {
		if filepath.Base(path) == "parts" {
			return failing
		}
		return os.RemoveAll(path)
	}
	err := Execute(ctx, edited, dir, ExecOptions{Force: true})
	removeAll = os.RemoveAll
	if !errors.Is(err, failing) {
		t.Fatalf("want the injected failure, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "summary.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the old summary survives a failed --force: %v", err)
	}
	if _, err := ReadManifest(dir); err != nil {
		t.Errorf("the manifest should stay until the rest is gone: %v", err)
	}
	if err := Execute(ctx, edited, dir, ExecOptions{Force: true}); err != nil {
		t.Errorf("--force again: %v", err)
	}
}

// Resuming a directory with a damaged finished part (its done.json or a
// file cut short, as a crash can leave them, a file grown past the size
// done.json records, or a done.json that lists none of its files) runs that chunk again and says so, and gives the
// bytes of an uninterrupted run; it used to fail at assembly on every
// resume (a done.json without its files, even with --force).
func TestResumeRunsDamagedPartsAgain(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	series := func(sc *sim.Scenario) { sc.Params.RecordEvery = 6 }
	wholes := map[bool]map[string][]byte{}
	for _, withSeries := range []bool{false, true} {
		whole := filepath.Join(base, fmt.Sprintf("whole %v", withSeries))
		p := plan(t)
		if withSeries {
			p = plan(t, series)
		}
		if err := Execute(ctx, p, whole, ExecOptions{}); err != nil {
			t.Fatal(err)
		}
		wholes[withSeries] = readAll(t, whole)
	}
	for _, damage := range []string{"done.json", "runs.jsonl", "runs.jsonl grown", "unlisted", "events unlisted", "series unlisted"} {
		p, listed := plan(t), "events.jsonl"
		if damage == "series unlisted" {
			p, listed = plan(t, series), "series.json"
		}
		want := wholes[damage == "series unlisted"]
		dir := filepath.Join(base, damage)
		ctx2, cancel := context.WithCancel(ctx)
		Execute(ctx2, p, dir, ExecOptions{Workers: 1, Progress: func(done, _ int) {
			if done == 12 {
				cancel()
			}
		}})
		cancel()
		parts, _ := os.ReadDir(filepath.Join(dir, "parts"))
		if len(parts) < 2 {
			t.Fatalf("%s: %d parts finished before the interruption; the test needs two", damage, len(parts))
		}
		part := filepath.Join(dir, "parts", parts[0].Name())
		if strings.HasSuffix(damage, "unlisted") {
			var done partDoneRecord
			b, _ := os.ReadFile(filepath.Join(part, doneFile))
			if err := json.Unmarshal(b, &done); err != nil {
				t.Fatal(err)
			}
			if _, ok := done.Files[listed]; !ok {
				t.Fatalf("%s: the part keeps no %s; the test needs it", damage, listed)
			}
			if damage == "unlisted" {
				done.Files = map[string]FileSum{}
			} else { // one file short of the listing
				delete(done.Files, listed)
			}
			os.WriteFile(filepath.Join(part, doneFile), mustJSON(done), 0o644)
		} else if damage == "runs.jsonl grown" { // a line more than done.json's size
			f, err := os.OpenFile(filepath.Join(part, "runs.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("{}\n")
			f.Close()
		} else if err := os.Truncate(filepath.Join(part, damage), 0); err != nil {
			t.Fatal(err)
		}
		var notices []string
		err := Execute(ctx, p, dir, ExecOptions{Resume: true, Notice: func(m string) { notices = append(notices, m) }})
		if err != nil {
			t.Fatalf("%s: resume: %v", damage, err)
		}
		if len(notices) != 1 || !strings.Contains(notices[0], "part "+part+" was damaged") {
			t.Errorf("%s: notices %q; want one naming %s", damage, notices, part)
		}
		sameFiles(t, "resumed after damage to "+damage, want, readAll(t, dir))
	}
}

// Complete work is found complete without taking the directory's lock, so
// that a finished output on read-only storage, or one whose lock another
// host left, still says "nothing to do".
func TestCompleteWithoutTheLock(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(lockHolder{PID: 1, Host: "elsewhere.example", Started: "2024-01-01T00:00:00Z"})
	if err := os.WriteFile(filepath.Join(dir, lockFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Resume: true}); !errors.Is(err, ErrComplete) {
		t.Errorf("complete work behind another host's lock: want ErrComplete, got %v", err)
	}
}

// Complete work found with the temporary files a write killed after it
// was complete left there (a --force reassembly killed midway) is tidied:
// they are removed, under the lock, and the notice says so. Behind
// another host's lock they stay, and the notice says that.
func TestCompleteRemovesLeftTemps(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(ctx, plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	want := readAll(t, dir)
	leave := func() {
		for _, p := range []string{filepath.Join(dir, tmpPrefix+"events.jsonl-0a1b2c3d"), filepath.Join(dir, "parts", tmpPrefix+"p00000-r0000000-0000004")} {
			if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	leave()
	var notices []string
	opts := ExecOptions{Notice: func(s string) { notices = append(notices, s) }}
	if err := Execute(ctx, plan(t), dir, opts); !errors.Is(err, ErrComplete) {
		t.Fatalf("complete work with temporary files left: want ErrComplete, got %v", err)
	}
	if left, _ := leftTemps(dir); len(left) != 0 {
		t.Errorf("left after: %v", left)
	}
	if len(notices) != 1 || notices[0] != "removed 2 temporary files an interrupted write left in "+dir {
		t.Errorf("notices %q", notices)
	}
	sameFiles(t, "after the tidying", want, readAll(t, dir))

	leave()
	b, _ := json.Marshal(lockHolder{PID: 1, Host: "elsewhere.example", Started: "2024-01-01T00:00:00Z"})
	if err := os.WriteFile(filepath.Join(dir, lockFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	notices = nil
	if err := Execute(ctx, plan(t), dir, opts); !errors.Is(err, ErrComplete) {
		t.Fatalf("behind another host's lock: want ErrComplete, got %v", err)
	}
	if left, _ := leftTemps(dir); len(left) != 2 {
		t.Errorf("behind another host's lock: %d temporary files left, want the 2 to stay", len(left))
	}
	if len(notices) != 1 || !strings.Contains(notices[0], dir+" holds temporary files, which stay (") || !strings.Contains(notices[0], "is being written by") {
		t.Errorf("behind another host's lock: notices %q", notices)
	}
}

// A merge missing one chunk names it, with the advice on shards, as it
// does more.
func TestAssembleNamesOneMissingChunk(t *testing.T) {
	dir := copyOf(t, done(t))
	const name = "p00001-r0000005-0000010"
	if err := os.RemoveAll(filepath.Join(dir, "parts", name)); err != nil {
		t.Fatal(err)
	}
	err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
	want := "1 of 6 chunks missing from " + dir + ": chunk 5 (" + name + ") (--shard i/n runs chunks i, i+n, i+2n, …: give every shard's directory, or run the missing shards)"
	if !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), want) {
		t.Errorf("one chunk missing: %v\nwant …%s…", err, want)
	}
}
