package runner

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
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
	if err == nil || !strings.Contains(err.Error(), "scenario content (sha256)") || !strings.Contains(err.Error(), "--force") {
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
	if err != nil || m.ScenarioSHA256 != sha256Hex(edited.ScenarioTOML) {
		t.Fatalf("forced run should record the new scenario: %v", err)
	}
	toml, _ := os.ReadFile(filepath.Join(dir, "scenario.toml"))
	if string(toml) != string(edited.ScenarioTOML) {
		t.Fatal("scenario.toml should hold the scenario that ran")
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
		{"flag", "there); and so the experiment as run (sha256)", func() *Plan { p := plan(t); p.Seed = 9; p.ExperimentText = []byte("other"); return p }()},
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
}
