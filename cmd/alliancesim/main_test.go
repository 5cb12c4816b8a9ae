package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/runner"
)

// execute runs the command line and returns its output and error.
func execute(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func TestValidateAndMap(t *testing.T) {
	out, err := execute(t, "validate", "asia-1950")
	if err != nil || !strings.Contains(out, "asia-1950 is valid") || !strings.Contains(out, "504 monthly ticks from 1950-01 to 1991-12") {
		t.Fatalf("%v\n%s", err, out)
	}
	// With --set it says which changes it checked.
	out, err = execute(t, "validate", "asia-1950", "--set", "params.sea_cost=3", "--set", "scenario.ticks=120")
	if err != nil || !strings.HasPrefix(out, "asia-1950 with --set params.sea_cost=3, --set scenario.ticks=120 is valid") || !strings.Contains(out, "120 monthly ticks") {
		t.Fatalf("%v\n%s", err, out)
	}
	out, err = execute(t, "map", "asia-1950")
	if err != nil || !strings.Contains(out, "Legend:") || !strings.Contains(out, "jpn") {
		t.Fatalf("%v\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("extends = \"generic\"\ncolour = 1\n[[states]]\nid = \"c1\"\nland = -1\n"), 0o644)
	_, err = execute(t, "validate", bad)
	if err == nil || !strings.Contains(err.Error(), "bad.toml:2: colour: unknown key") || !strings.Contains(err.Error(), "bad.toml:5: states[0].land") {
		t.Fatalf("want both errors, got %v", err)
	}
	out, err = execute(t, "params")
	if err != nil || !strings.Contains(out, "sea_cost") || !strings.Contains(out, "impose_threshold") {
		t.Fatalf("%v\n%s", err, out)
	}
	// Defaults read as a file takes them: a switch as false, not 0.
	if !regexp.MustCompile(`(?m)^  invite_occupied +false +true or false `).MatchString(out) {
		t.Errorf("invite_occupied's default is not printed as false:\n%s", out)
	}
	out, err = execute(t, "list")
	if err != nil || !strings.Contains(out, "europe-1947") || !strings.Contains(out, "generic") {
		t.Fatalf("%v\n%s", err, out)
	}
}

// The story's heading says how long a tick is: with quarters or years,
// every event of a tick is dated by its first month, and a reader told
// only "4 ticks" would read a June event dated 2000-04 as April's.
func TestRunStorySaysTheTickLength(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "../../examples/scenarios/generic-quarterly.toml", "--set", "scenario.ticks=4"},
			"generic-quarterly, seed 1: 4 quarterly ticks from 2000-01, each dated by its first month\n\n"},
		{[]string{"run", "generic", "--set", "scenario.ticks=1"}, "generic, seed 1: 1 monthly tick from 2000-01\n\n"},
	} {
		out, err := execute(t, c.args...)
		if err != nil || !strings.HasPrefix(out, c.want) {
			t.Errorf("%v: %v; begins\n%s\nwant\n%s", c.args, err, out[:min(len(out), 120)], c.want)
		}
	}
}

// One run tells a dated story, the same bytes for the same seed.
func TestRunStory(t *testing.T) {
	a, err := execute(t, "run", "asia-1950", "--seed", "7")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := execute(t, "run", "asia-1950", "--seed", "7")
	if a != b {
		t.Fatal("same seed, different story")
	}
	// The table's first column says an alliance's kind is its size at
	// formation: one that grew is still listed as it was formed.
	for _, want := range []string{"1950-06  Korean War", "Alliances (", "\nid  formed as    origin     commit formed   patron   ended    cause        members\n"} {
		if !strings.Contains(a, want) {
			t.Errorf("story lacks %q", want)
		}
	}
	js, err := execute(t, "run", "generic", "--json")
	if err != nil || !strings.HasPrefix(js, "{") || !strings.Contains(js, `"alliances"`) {
		t.Fatalf("%v %s", err, js[:min(len(js), 200)])
	}
}

func TestRunMany(t *testing.T) {
	out, err := execute(t, "run", "generic", "--runs", "8")
	if err != nil || !strings.Contains(out, "generic: 8 runs, seeds 1–8") || !strings.Contains(out, "patron_multilateral_imposed") ||
		!strings.Contains(out, "(Kaplan–Meier, ticks of 1 month; 95% band)") {
		t.Fatalf("%v\n%s", err, out)
	}
	// --json prints the same summary with --out as without: summary.json
	// adds its record of the files, which is not the runs' summary. (Read
	// back, the note that nothing was done comes first, on stderr.)
	js, err := execute(t, "run", "generic", "--runs", "4", "--json")
	if err != nil {
		t.Fatal(err)
	}
	jsonDir := filepath.Join(t.TempDir(), "o")
	for _, what := range []string{"written", "read back"} {
		if withOut, err := execute(t, "run", "generic", "--runs", "4", "--json", "--out", jsonDir); err != nil || !strings.HasSuffix(withOut, "\n"+js) && withOut != js {
			t.Errorf("--json --out, %s: %v\n%s\nwithout --out:\n%s", what, err, withOut, js)
		}
	}
	// Durations of a quarterly scenario are read in quarters.
	out, err = execute(t, "run", "../../examples/scenarios/generic-quarterly.toml", "--runs", "4")
	if err != nil || !strings.Contains(out, "(Kaplan–Meier, ticks of 3 months; 95% band)") {
		t.Fatalf("quarterly: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := execute(t, "run", "generic", "--runs", "8", "--out", dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"summary.json", "runs.csv", "alliances.csv", "memberships.csv", "survival.csv", "events.jsonl", "manifest.json", "scenario.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	// The shapes past the tenth are in --json, and in summary.json only
	// where one was written.
	if out, err := execute(t, "run", "generic", "--runs", "40"); err != nil || !strings.Contains(out, "  … 7 more in --json\n") {
		t.Errorf("without --out: %v\n%s", err, out)
	}
	if out, err := execute(t, "run", "generic", "--runs", "40", "--out", filepath.Join(t.TempDir(), "forty")); err != nil || !strings.Contains(out, "  … 7 more in summary.json / --json\n") {
		t.Errorf("with --out: %v\n%s", err, out)
	}
	// The same command again does nothing and says so (and not that it
	// wrote the files).
	root := newRoot()
	var stdout, stderr bytes.Buffer
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	root.SetArgs([]string{"run", "generic", "--runs", "8", "--out", dir})
	if err := root.ExecuteContext(context.Background()); err != nil || !strings.Contains(stderr.String(), "nothing to do") {
		t.Fatalf("rerun into a complete directory: %v %s", err, stderr.String())
	}
	if strings.Contains(stdout.String(), "Written to") {
		t.Errorf("a rerun that wrote nothing says it wrote:\n%s", stdout.String())
	}
}

// An edited scenario rerun into the same directory is refused, naming the
// difference; it used to print the old numbers and exit 0.
func TestRunRefusesStaleOutput(t *testing.T) {
	dir := t.TempDir()
	cf := filepath.Join(dir, "cf.toml")
	write := func(cost string) {
		os.WriteFile(cf, []byte("extends = \"generic\"\n[scenario]\nticks = 48\n[params]\nsea_cost = "+cost+"\n"), 0o644)
	}
	write("5")
	out := filepath.Join(dir, "d")
	if _, err := execute(t, "run", cf, "--runs", "20", "--out", out); err != nil {
		t.Fatal(err)
	}
	write("0.5")
	_, err := execute(t, "run", cf, "--runs", "20", "--out", out)
	if err == nil || !strings.Contains(err.Error(), "scenario content") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("want a refusal naming the scenario, got %v", err)
	}
	if _, err := execute(t, "run", cf, "--runs", "20", "--out", out, "--force"); err != nil {
		t.Fatalf("--force should replace the other run: %v", err)
	}
}

// --out never changes which replication a seed plays.
func TestSeedRuleIsTheSameWithAndWithoutFiles(t *testing.T) {
	js, err := execute(t, "run", "asia-1950", "--seed", "7", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Alliances []struct {
			Formed   int      `json:"formed"`
			Founders []string `json:"founders"`
		} `json:"alliances"`
	}
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "d")
	if _, err := execute(t, "run", "asia-1950", "--seed", "7", "--out", dir, "--no-events"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "alliances.csv"))
	all := strings.Split(strings.TrimSpace(string(b)), "\n")
	header, lines := strings.Split(all[0], ","), all[1:]
	seed, founders, formed := slices.Index(header, "seed"), slices.Index(header, "founders"), slices.Index(header, "formed")
	if seed < 0 || founders < 0 || formed < 0 {
		t.Fatalf("alliances.csv header %v lacks seed, founders or formed", header)
	}
	if len(lines) != len(res.Alliances) || len(lines) == 0 {
		t.Fatalf("%d alliances with --out, %d without", len(lines), len(res.Alliances))
	}
	for i, l := range lines {
		cells := strings.Split(l, ",")
		want := slices.Sorted(slices.Values(res.Alliances[i].Founders))
		if cells[seed] != "7" || cells[founders] != strings.Join(want, " ") || cells[formed] != strconv.Itoa(res.Alliances[i].Formed) {
			t.Errorf("alliance %d: %s with --out; founders %v formed %d without", i, l, want, res.Alliances[i].Formed)
		}
	}
	if out, err := execute(t, "--version"); err != nil || !strings.HasPrefix(out, "alliancesim ") {
		t.Errorf("--version: %v %q", err, out)
	}
}

// A sweep sharded the way a Kubernetes Indexed Job runs it (the index from
// JOB_COMPLETION_INDEX) and merged gives the bytes of a single process.
func TestSweepShardedByEnvironmentAndMerged(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "exp.toml")
	os.WriteFile(exp, []byte(`scenario = "generic"
runs = 6
chunk = 2
[[vary]]
path = "scenario.ticks"
values = [48]
[[vary]]
path = "params.sea_cost"
values = [1, 5]
`), 0o644)
	single := filepath.Join(dir, "single")
	if out, err := execute(t, "sweep", exp, "--out", single); err != nil || !strings.Contains(out, "scenario.ticks  params.sea_cost") {
		t.Fatalf("%v\n%s", err, out)
	}
	var shards []string
	os.Mkdir(filepath.Join(dir, "shard"), 0o755)
	for i := 0; i < 3; i++ {
		d := filepath.Join(dir, "shard", string(rune('0'+i)))
		t.Setenv("JOB_COMPLETION_INDEX", string(rune('0'+i)))
		out, err := execute(t, "sweep", exp, "--shards", "3", "--out", d)
		if err != nil || !strings.Contains(out, "merge") {
			t.Fatalf("shard %d: %v\n%s", i, err, out)
		}
		if want := fmt.Sprintf("running shard %d/3 of %s, from the scheduler's environment (JOB_COMPLETION_INDEX=%d); --shard 1/1 runs the whole sweep", i+1, exp, i); !strings.Contains(out, want) {
			t.Errorf("shard %d does not say where its shard came from (%s):\n%s", i, want, out)
		}
		shards = append(shards, d)
	}
	// Under a Slurm array, --shard 1/1 runs the whole sweep.
	t.Setenv("JOB_COMPLETION_INDEX", "")
	os.Unsetenv("JOB_COMPLETION_INDEX")
	t.Setenv("SLURM_ARRAY_TASK_ID", "1")
	t.Setenv("SLURM_ARRAY_TASK_COUNT", "3")
	whole := filepath.Join(dir, "whole")
	if out, err := execute(t, "sweep", exp, "--shard", "1/1", "--out", whole); err != nil || strings.Contains(out, "running shard") {
		t.Fatalf("--shard 1/1 under Slurm: %v\n%s", err, out)
	}
	if a, b := readFile(t, filepath.Join(single, "points.csv")), readFile(t, filepath.Join(whole, "points.csv")); !bytes.Equal(a, b) {
		t.Error("--shard 1/1 under Slurm did not run the whole sweep")
	}
	os.Unsetenv("SLURM_ARRAY_TASK_ID")
	os.Unsetenv("SLURM_ARRAY_TASK_COUNT")
	// A finished shard run again has nothing to do, and says what is next.
	t.Setenv("JOB_COMPLETION_INDEX", "0")
	if out, err := execute(t, "sweep", exp, "--shards", "3", "--out", shards[0]); err != nil || !strings.Contains(out, "shard 1/3 done in "+shards[0]+"; combine all shards with") {
		t.Fatalf("a finished shard run again: %v\n%s", err, out)
	}
	merged := filepath.Join(dir, "merged")
	if _, err := execute(t, append(append([]string{"merge"}, shards...), "--out", merged)...); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"summary.json", "points.csv", "runs.csv", "alliances.csv", "memberships.csv", "survival.csv", "events.jsonl"} {
		a, _ := os.ReadFile(filepath.Join(single, f))
		b, _ := os.ReadFile(filepath.Join(merged, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the single run and the merged shards", f)
		}
	}
	// Interrupted, a merge keeps no result and says so.
	root := newRoot()
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	stopped := filepath.Join(dir, "stopped")
	root.SetArgs(append(append([]string{"merge"}, shards...), "--out", stopped))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := root.ExecuteContext(ctx)
	if want := "interrupted; nothing was merged: " + stopped + " and the directories merged are as they were; merge again to finish"; err == nil || err.Error() != want || exitStatus(err) != 130 {
		t.Errorf("an interrupted merge: %v, want %s (status 130)", err, want)
	}
	if _, err := os.Stat(filepath.Join(stopped, "summary.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an interrupted merge left summary.json: %v", err)
	}
	if _, err := execute(t, "merge", shards[0], "--out", filepath.Join(dir, "x")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("merging one shard of three should fail: %v", err)
	}
}

// sweep takes --runs, --seed and --no-events like run, heads its table
// with what ran, and says which files it wrote; run again into its complete output, it says that it did
// nothing, as run does, and not that it wrote the files.
func TestSweepFlags(t *testing.T) {
	dir := t.TempDir()
	exp := filepath.Join(dir, "exp.toml")
	os.WriteFile(exp, []byte("scenario = \"generic\"\nruns = 50\n[[vary]]\npath = \"scenario.ticks\"\nvalues = [24, 36]\n"), 0o644)
	out := filepath.Join(dir, "o")
	got, err := execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out)
	if err != nil || strings.Contains(got, "events.jsonl") {
		t.Fatalf("%v\n%s", err, got)
	}
	// The table is headed by what ran and what its cells are.
	if want := "generic: 2 points of 3 runs, seeds 40–42 at every point\nShare of each point's runs in which it ever happened (95% interval"; !strings.HasPrefix(got, want) {
		t.Errorf("the table's heading is not %q:\n%s", want, got)
	}
	if _, err := os.Stat(filepath.Join(out, "events.jsonl")); err == nil {
		t.Error("--no-events wrote events.jsonl")
	}
	b, _ := os.ReadFile(filepath.Join(out, "runs.csv"))
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 7 || !strings.HasPrefix(lines[1], "0,0,40,") {
		t.Errorf("want 2 points × 3 runs from seed 40:\n%s", b)
	}
	again, err := execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out)
	if err != nil || !strings.Contains(again, "nothing to do (the table below is the one there; --force assembles its files again from parts/)") || !strings.Contains(again, "scenario.ticks") || strings.Contains(again, "Written to") {
		t.Errorf("rerun into a complete directory: %v\n%s", err, again)
	}
	// A complete directory whose points.csv was cut or grown is found by
	// its size against summary.json's record, and its files are assembled
	// again from parts/.
	points := filepath.Join(out, "points.csv")
	good, _ := os.ReadFile(points)
	lines := strings.SplitAfter(string(good), "\n") // the header, points 0 and 1, ""
	for _, body := range []string{"point\n", string(good) + lines[2]} {
		os.WriteFile(points, []byte(body), 0o644)
		again, err = execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out)
		if want := fmt.Sprintf("points.csv has %d bytes, where summary.json records %d (cut short or changed since it was written); its result files are assembled again from parts/", len(body), len(good)); err != nil || !strings.Contains(again, want) || !strings.Contains(again, "Written to") {
			t.Errorf("points.csv of %d bytes in a complete directory: %v\n%s", len(body), err, again)
		}
		if b, _ := os.ReadFile(points); !bytes.Equal(b, good) {
			t.Errorf("points.csv of %d bytes, assembled again:\n%s", len(body), b)
		}
	}
	// Two points' rows swapped, at the same size, pass that check, and are
	// found against the record's SHA-256 as the table is read back: not
	// printed as this sweep's, with one thing to do, --force, which
	// assembles it anew.
	os.WriteFile(points, []byte(lines[0]+lines[2]+lines[1]), 0o644)
	again, err = execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out)
	if want := points + " does not match its SHA-256 in summary.json: changed since it was written; run the same command again with --force, which assembles the result files again from parts/"; err == nil ||
		err.Error() != want || strings.Contains(again, "nothing to do") {
		t.Errorf("points.csv with rows swapped in a complete directory: %v\n%s\nwant the error %q alone", err, again, want)
	}
	if again, err = execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out, "--force"); err != nil || !strings.Contains(again, "Written to") {
		t.Errorf("--force after the rows were swapped: %v\n%s", err, again)
	}
	if b, _ := os.ReadFile(points); !bytes.Equal(b, good) {
		t.Errorf("points.csv, assembled again with --force:\n%s", b)
	}
	// The same rows swapped with summary.json's record of points.csv
	// changed to match (by a hand, say) pass that check, and are found as
	// the table is read: the advice is to remove summary.json and resume,
	// which assembles the files anew.
	swapped := []byte(lines[0] + lines[2] + lines[1])
	os.WriteFile(points, swapped, 0o644)
	summaryPath := filepath.Join(out, "summary.json")
	summaryBody, _ := os.ReadFile(summaryPath)
	os.WriteFile(summaryPath, bytes.Replace(summaryBody, []byte(digest.SHA256Hex(good)), []byte(digest.SHA256Hex(swapped)), 1), 0o644)
	again, err = execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out)
	if err == nil || !strings.Contains(err.Error(), `points.csv: line 2 is point "1"`) ||
		!strings.Contains(err.Error(), "looked complete, but does not read back as this sweep's output: remove summary.json and run again with --resume") || strings.Contains(again, "nothing to do") {
		t.Errorf("points.csv with rows swapped and its record changed to match: %v\n%s", err, again)
	}
	os.Remove(summaryPath)
	if again, err = execute(t, "sweep", exp, "--runs", "3", "--seed", "40", "--no-events", "--out", out, "--resume"); err != nil || !strings.Contains(again, "Written to") {
		t.Errorf("resuming after removing summary.json: %v\n%s", err, again)
	}
	// A table with two points' rows swapped, one that lacks every share
	// column (its printing panicked), or one with a row more, is not this
	// sweep's, whatever the record says.
	m, err := runner.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, body, want string }{
		{"rows swapped", lines[0] + lines[2] + lines[1], `points.csv: line 2 is point "1"; allowed: 0, the points in order`},
		{"the header alone", "point\n", `points.csv: the header begins "point"; allowed: point, then the paths scenario.ticks: the file is damaged or from another sweep`},
		{"a row more", string(good) + lines[2], "points.csv: 3 points; the manifest has 2"},
	} {
		os.WriteFile(points, []byte(c.body), 0o644)
		if _, err := readPointsTable(out, m); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("points.csv with %s: %v, want …%s…", c.name, err, c.want)
		}
	}
}

// run --out into a complete directory prints the summary there only if it
// is this run's: one from another seed is refused, and removing it lets
// the next run assemble it anew.
func TestRunRefusesAnotherRunsSummary(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if _, err := execute(t, "run", "generic", "--runs", "2", "--out", a); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "run", "generic", "--runs", "2", "--seed", "50", "--out", b); err != nil {
		t.Fatal(err)
	}
	// b's summary with a's record of the files, which a hand that copied
	// it might keep: only the run's own check of the summary finds it.
	var own, other map[string]json.RawMessage
	for path, doc := range map[string]*map[string]json.RawMessage{filepath.Join(a, "summary.json"): &own, filepath.Join(b, "summary.json"): &other} {
		body, _ := os.ReadFile(path)
		if err := json.Unmarshal(body, doc); err != nil {
			t.Fatal(err)
		}
	}
	other["files"] = own["files"]
	body, _ := json.Marshal(other)
	os.WriteFile(filepath.Join(a, "summary.json"), body, 0o644)
	const readBack = "looked complete, but does not read back as this run's output: remove its summary.json and run again to assemble its files anew from parts/"
	got, err := execute(t, "run", "generic", "--runs", "2", "--out", a)
	if err == nil || !strings.Contains(err.Error(), "runs 2 from seed 50; the manifest's work is 2 from seed 1") || !strings.Contains(err.Error(), readBack) || strings.Contains(got, "seeds 50") {
		t.Errorf("a summary from another seed: %v\n%s", err, got)
	}
	os.Remove(filepath.Join(a, "summary.json"))
	if got, err = execute(t, "run", "generic", "--runs", "2", "--out", a); err != nil || !strings.Contains(got, "seeds 1–2") {
		t.Errorf("assembling again: %v\n%s", err, got)
	}
	// A file changed at its size passes the run's check of sizes, and
	// is found as the summary is read back.
	path := filepath.Join(a, "survival.csv")
	survival, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(survival, []byte("0,all,"), []byte("0,alk,"), 1), 0o644)
	// One thing to do, not two: the damaged file's own advice.
	if got, err = execute(t, "run", "generic", "--runs", "2", "--out", a); err == nil ||
		err.Error() != path+" does not match its SHA-256 in summary.json: changed since it was written; run the same command again with --force, which assembles the result files again from parts/" || strings.Contains(got, "seeds 1–2") {
		t.Errorf("survival.csv changed at its size: %v\n%s", err, got)
	}
	// Without its parts (as merge writes a directory), reassembling would
	// run the work anew: the advice is to merge again or run again.
	os.RemoveAll(filepath.Join(a, "parts"))
	got, err = execute(t, "run", "generic", "--runs", "2", "--out", a)
	if err == nil || strings.Contains(err.Error(), "--force") || strings.Contains(err.Error(), "looked complete") ||
		!strings.Contains(err.Error(), "changed since it was written; its parts/ lacks chunks to assemble the files from: merge the shards again into it, or remove it and run the work again") {
		t.Errorf("survival.csv changed at its size, without parts/: %v\n%s", err, got)
	}
	// A summary.json not this run's, without parts/: merge again or run
	// again, since reassembling would run the work anew.
	os.WriteFile(filepath.Join(a, "survival.csv"), survival, 0o644)
	os.WriteFile(filepath.Join(a, "summary.json"), body, 0o644)
	got, err = execute(t, "run", "generic", "--runs", "2", "--out", a)
	if err == nil || strings.Contains(err.Error(), readBack) ||
		!strings.Contains(err.Error(), "looked complete, but does not read back as this run's output: its parts/ cannot assemble its files anew (merged, or its parts removed): merge the shards again into it") {
		t.Errorf("another run's summary.json, without parts/: %v\n%s", err, got)
	}
	if _, err := os.Stat(filepath.Join(a, "parts")); err == nil {
		t.Error("the advice's check ran the work again into parts/")
	}
}

// hypotheses runs end to end in quick mode and writes its files.
func TestHypothesesQuick(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "h")
	out, err := execute(t, "hypotheses", "T4", "NC2", "--runs", "2", "--layouts", "2", "--out", dir)
	if err != nil || !strings.Contains(out, "T4") || !strings.Contains(out, "NC2") || !strings.Contains(out, "of 2 hold") {
		t.Fatalf("%v\n%s", err, out)
	}
	// Under the table, its columns in words.
	if want := "\n(ρ: Spearman's rank correlation of the lever's levels with the pooled outcome, — for a rate"; !strings.Contains(out, want) {
		t.Errorf("no note of what ρ and the other columns are, %q:\n%s", want, out)
	}
	// T4 is inconclusive at 2 runs and holds at 8: the header says so.
	if want := "2 runs per world and level, 2 layouts, seeds 1–2; up to 8 runs (seeds 1–8) where a verdict was inconclusive at fewer"; !strings.Contains(out, want) {
		t.Errorf("the header does not say %q:\n%s", want, out)
	}
	// Fewer layouts than the specification's five: the verdicts are
	// called exploratory, with where a user reads the rule.
	if want := "exploratory: the specification judges a hypothesis over at least 5 generated layouts (docs/model.md §1.2.2), so that no result is one map's accident; these verdicts rest on 2 layouts\n"; !strings.Contains(out, want) {
		t.Errorf("with 2 layouts the output does not say %q:\n%s", want, out)
	}
	// The output begins with where the hypotheses are listed, and names
	// only documents the clone has.
	if !strings.HasPrefix(out, "Hypotheses (docs/model.md §1.2.2): 2 runs per world and level") {
		t.Errorf("the output does not begin with the hypotheses and where they are listed:\n%s", out)
	}
	namesOnlyDocumentsTheCloneHas(t, "the output of hypotheses", out)
	// NC2's world is named before its lever, in the table and the list:
	// NC1–NC3 are alike in all else.
	if !strings.Contains(out, "europe-1947: the world as built → alliances ending") {
		t.Errorf("the table does not name NC2's world:\n%s", out)
	}
	if list, err := execute(t, "hypotheses", "NC1", "NC3", "--list"); err != nil || !strings.Contains(list, "asia-1950: the world as built") || strings.Contains(list, "generic:") {
		t.Errorf("--list: %v\n%s", err, list)
	}
	js, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--max-runs", "4", "--json")
	if err != nil || !strings.Contains(js, `"runs": 2,`) || !strings.Contains(js, `"max_runs": 4,`) || !strings.Contains(js, `"exploratory": true,`) || strings.Contains(js, `"set"`) {
		t.Errorf("--json gives the runs, the most allowed and that one layout is exploratory, and no --set: %v\n%.300s", err, js)
	}
	// Runs from below the held-out seeds that reach into them say so.
	if cross, err := execute(t, "hypotheses", "NC2", "--runs", "4", "--seed", "999"); err != nil || !strings.Contains(cross, "note: these runs reach seed 1002, into the held-out seeds (from 1001; docs/model.md §1.2.1), which the verdicts on the calibration seeds are checked on\n") {
		t.Errorf("seeds 999–1002: %v\n%s", err, cross)
	}
	// NC2 runs on a drawn map: one layout makes nothing of it exploratory.
	if js, err := execute(t, "hypotheses", "NC2", "--runs", "2", "--max-runs", "2", "--layouts", "1", "--json"); err != nil || strings.Contains(js, "exploratory") {
		t.Errorf("NC2 alone at one layout: %v\n%.300s", err, js)
	}
	// A --set probe says so, in the text and the JSON.
	probe, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--max-runs", "2", "--set", "params.cost_base=0.03")
	if want := "a probe: every world changed by --set params.cost_base=0.03, so these are not the registered hypotheses' verdicts\n"; err != nil || !strings.Contains(probe, want) {
		t.Errorf("a --set probe: %v; want %q in\n%s", err, want, probe)
	}
	if js, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--max-runs", "2", "--set", "params.cost_base=0.03", "--json"); err != nil || !strings.Contains(js, `"set": [`+"\n"+`    "params.cost_base=0.03"`) {
		t.Errorf("a --set probe's JSON: %v\n%.400s", err, js)
	}
	// Near the last seed the default cap shrinks to the seeds left, so
	// what 2 runs alone allow is never refused.
	if _, err := execute(t, "hypotheses", "NC2", "--runs", "2", "--layouts", "1", "--seed", "9007199254740985"); err != nil {
		t.Errorf("2 runs from the seventh-last seed: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "hypotheses.csv"))
	if err != nil || !strings.HasPrefix(string(b), "hypothesis,layout,level,outcome,n,low,high") {
		t.Fatalf("%v %s", err, b)
	}
	// Run again into the same directory, after a report of the first: the
	// same work is allowed (its flags in another order too), and the
	// report of the replaced files goes.
	if err := os.WriteFile(filepath.Join(dir, "report.html"), []byte("<p>the first run</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "hypotheses", "NC2", "T4", "--layouts", "2", "--runs", "2", "--out", dir); err != nil {
		t.Fatalf("the same work again into its own directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the first run's report.html survives the second: %v", err)
	}
	// Other work is refused, saying what differs, and replaces the
	// results only with --force, as run and sweep do.
	first, _ := os.ReadFile(filepath.Join(dir, "hypotheses.json"))
	_, err = execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--set", "params.cost_base=0.01", "--out", dir)
	if want := "--out " + dir + " holds the results of other work: hypotheses (T4 now, T4 NC2 in its hypotheses.json); --layouts (1 now, 2 in its provenance.json); --set ([params.cost_base=0.01] now, [] in its provenance.json); use --force to replace them, or another directory"; err == nil || err.Error() != want {
		t.Errorf("other work into the directory: %v, want %q", err, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "hypotheses.json")); !bytes.Equal(b, first) {
		t.Error("the refused run changed hypotheses.json")
	}
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--out", dir, "--force"); err != nil {
		t.Fatalf("other work with --force: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "hypotheses.json")); bytes.Equal(b, first) || !strings.Contains(string(b), `"id": "T4"`) || strings.Contains(string(b), `"id": "NC2"`) {
		t.Errorf("--force did not replace the results:\n%.300s", b)
	}
	// The same --set in another order is the same work; another build of
	// the tool (its provenance's binary changed, the revision unknown) is
	// other work, as for run and sweep.
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--set", "params.cost_base=0.01", "--set", "params.sea_cost=2", "--out", dir, "--force"); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--set", "params.sea_cost=2", "--set", "params.cost_base=0.01", "--out", dir); err != nil {
		t.Errorf("the same --set in another order: %v", err)
	}
	var p hypotheses.Provenance
	provBody, _ := os.ReadFile(filepath.Join(dir, "provenance.json"))
	if err := json.Unmarshal(provBody, &p); err != nil {
		t.Fatal(err)
	}
	p.Tool.Revision, p.Tool.Binary = "unknown", strings.Repeat("0", 64)
	other, _ := json.Marshal(p)
	os.WriteFile(filepath.Join(dir, "provenance.json"), other, 0o644)
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--set", "params.sea_cost=2", "--set", "params.cost_base=0.01", "--out", dir); err == nil ||
		!strings.Contains(err.Error(), "holds the results of other work: the build of the tool (") || !strings.Contains(err.Error(), " in its provenance.json)") {
		t.Errorf("results of another build: %v", err)
	}
	// Checked again as the results are written, under the lock: another
	// command may have written other work there while these ran.
	if err := writeHypotheses(dir, nil, hypotheses.NewProvenance(hypotheses.Options{Runs: 2, Layouts: 1}, []string{"alliancesim"}), false, nil); err == nil ||
		!strings.Contains(err.Error(), "holds the results of other work") {
		t.Errorf("writing over other work: %v", err)
	}
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--out", dir, "--force"); err != nil {
		t.Fatal(err)
	}
	provBody, _ = os.ReadFile(filepath.Join(dir, "provenance.json"))
	// Results with no provenance, or that cannot be read, are other work;
	// a provenance without results (a write cut short before
	// hypotheses.json, which is written last) holds none to keep.
	provPath := filepath.Join(dir, "provenance.json")
	os.Remove(provPath)
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--out", dir); err == nil || !strings.Contains(err.Error(), "holds the results of other work: results with no provenance.json to say what ran") {
		t.Errorf("results without a provenance: %v", err)
	}
	os.WriteFile(provPath, provBody, 0o644)
	os.WriteFile(filepath.Join(dir, "hypotheses.json"), []byte("[{"), 0o644)
	if _, err := execute(t, "hypotheses", "T4", "--runs", "2", "--layouts", "1", "--out", dir); err == nil || !strings.Contains(err.Error(), "hypotheses.json cannot be read") {
		t.Errorf("results that cannot be read: %v", err)
	}
	os.Remove(filepath.Join(dir, "hypotheses.json"))
	if _, err := execute(t, "hypotheses", "T7", "--runs", "2", "--max-runs", "2", "--layouts", "1", "--out", dir); err != nil {
		t.Errorf("a provenance without results: %v", err)
	}
	// A report reads back what hypotheses wrote, even with one run a
	// level, whose change interval reaches past ±1.
	one := filepath.Join(t.TempDir(), "one")
	if _, err := execute(t, "hypotheses", "T1b", "--runs", "1", "--layouts", "1", "--out", one); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "report", one); err != nil {
		t.Errorf("report of one run a level: %v", err)
	}
	// provenance.json records the counts with their defaults, the seed
	// and every --set, and the report shows them.
	set := filepath.Join(t.TempDir(), "set")
	if _, err := execute(t, "hypotheses", "T1b", "--runs", "1", "--layouts", "1", "--seed", "7", "--set", "params.cost_base=0.01", "--out", set); err != nil {
		t.Fatal(err)
	}
	var prov hypotheses.Provenance
	if b, err := os.ReadFile(filepath.Join(set, "provenance.json")); err != nil || json.Unmarshal(b, &prov) != nil {
		t.Fatalf("provenance.json: %v %s", err, b)
	}
	if prov.Seed != 7 || prov.Runs != 1 || prov.MaxRuns != 8 || prov.Layouts != 1 || !slices.Equal(prov.Set, []string{"params.cost_base=0.01"}) ||
		len(prov.Command) == 0 || prov.Tool.Version == "" {
		t.Errorf("provenance %+v", prov)
	}
	if _, err := execute(t, "report", set); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(set, "report.html")); !strings.Contains(string(b), "Every world was changed with --set params.cost_base=0.01") {
		t.Error("the report does not say the worlds were changed")
	}
	if _, err := execute(t, "hypotheses", "T99"); err == nil {
		t.Error("an unknown hypothesis should be an error")
	}
	if out, err := execute(t, "hypotheses", "--list"); err != nil || !strings.Contains(out, "T6") {
		t.Errorf("--list: %v %s", err, out)
	}
}

// hypotheses --list gives what each hypothesis predicts as the table
// does, with its minimum change or threshold (a rate's line ended "at
// least"), and keeps its columns where a source is long (T3c's ran into
// its world: "Stalin's Hokkaido plan asia-1950: ..."). Where a source
// names a seed, a last line says it is a source paper, not the random
// seed a run's header counts.
func TestHypothesesListPredictions(t *testing.T) {
	out, err := execute(t, "hypotheses", "T1a", "T3c", "T5", "NC3", "--list")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines for 4 hypotheses and the note on seeds:\n%s", len(lines), out)
	}
	if note := lines[4]; !strings.Contains(note, "source papers") || !strings.Contains(note, "not random seeds") {
		t.Errorf("the last line does not say what a seed is: %s", note)
	}
	if out, err := execute(t, "hypotheses", "NC3", "--list"); err != nil || strings.Contains(out, "source papers") {
		t.Errorf("a list that names no seed has the note on seeds: %v\n%s", err, out)
	}
	for i, end := range []string{", rises ≥ 0.15", ", rises ≥ 0.15", ", at least 0.70", ", below 0.05"} {
		if !strings.HasSuffix(lines[i], end) {
			t.Errorf("line %d does not end %q: %s", i+1, end, lines[i])
		}
	}
	world := strings.Index(lines[1], "asia-1950: ")
	if world < 0 || !strings.HasSuffix(lines[1][:world], "  ") || strings.Index(lines[0], "adversary revisionism") != world {
		t.Errorf("the lever does not start in one column, two spaces after the source:\n%s", out)
	}
}

// validate's summary of a scenario without a description and with one
// state: no empty sentence, and "1 state".
func TestValidateSummaryWording(t *testing.T) {
	dir := writeFiles(t, map[string]string{"one.toml": "[scenario]\nname = \"t\"\nstart = \"2000-01\"\nticks = 24\n" +
		"[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"A\"\nland = 1\nnaval = 0\neconomy = 1\nrevisionism = 0\nideology = 0\n" +
		"[theater]\nmap = \"\"\"\nAA~\n\"\"\"\n"})
	out, err := execute(t, "validate", filepath.Join(dir, "one.toml"))
	if err != nil {
		t.Fatal(err)
	}
	want := "t is valid (" + filepath.Join(dir, "one.toml") + "). 24 monthly ticks from 2000-01 to 2001-12; a drawn theatre of 3×1 cells, 33% sea, 1 landmass; 1 state: 1 client (a);"
	if !strings.HasPrefix(out, want) || strings.Contains(out, "time series") {
		t.Fatalf("got  %s\nwant %s…, without a time series", out, want)
	}
	// A time series is counted in samples, and one that samples tick 0
	// alone says so.
	for every, want := range map[string]string{
		"12":  "patron strategy assurance; a time series every 12 ticks (2 samples).\n",
		"24":  "patron strategy assurance; a time series every 24 ticks (1 sample): only tick 0 falls within the run.\n",
		"100": "patron strategy assurance; a time series every 100 ticks (1 sample): only tick 0 falls within the run.\n",
	} {
		out, err := execute(t, "validate", filepath.Join(dir, "one.toml"), "--set", "params.record_every="+every)
		if err != nil || !strings.HasSuffix(out, want) {
			t.Errorf("record_every %s: %v\ngot  %s\nwant …%s", every, err, out, want)
		}
	}
}

// With ticks of a quarter, the events' months are those their ticks
// span: an event the file dates 2001-02 is in the quarter 2001-01 to
// 2001-03, which the summary says (it said "from 2001-01 to 2001-01").
func TestValidateSummaryOfQuarterlyEvents(t *testing.T) {
	dir := writeFiles(t, map[string]string{"q.toml": "[scenario]\nname = \"t\"\nstart = \"2000-01\"\ntick = \"quarter\"\nticks = 24\n" +
		"[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"A\"\nland = 1\nnaval = 0\neconomy = 1\nrevisionism = 0\nideology = 0\n" +
		"[theater]\nmap = \"\"\"\nAA~\n\"\"\"\n" +
		"[[events]]\nat = \"2001-02\"\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n"})
	out, err := execute(t, "validate", filepath.Join(dir, "q.toml"))
	if err != nil || !strings.Contains(out, "; 1 scripted event from 2001-01 to 2001-03 (1 intent);") {
		t.Fatalf("%v\n%s", err, out)
	}
}

// Events all in one month are said to be in it, not "from 1965-06 to
// 1965-06".
func TestValidateSummaryOfEventsInOneMonth(t *testing.T) {
	dir := writeFiles(t, map[string]string{"m.toml": "[scenario]\nname = \"t\"\nstart = \"2000-01\"\nticks = 24\n" +
		"[[states]]\nid = \"a\"\nrole = \"client\"\nglyph = \"A\"\nland = 1\nnaval = 0\neconomy = 1\nrevisionism = 0\nideology = 0\n" +
		"[theater]\nmap = \"\"\"\nAA~\n\"\"\"\n" +
		"[[events]]\nat = \"2001-02\"\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n" +
		"[[events]]\nat = \"2001-02\"\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.2\n"})
	out, err := execute(t, "validate", filepath.Join(dir, "m.toml"))
	if err != nil || !strings.Contains(out, "; 2 scripted events in 2001-02 (2 intent);") {
		t.Fatalf("%v\n%s", err, out)
	}
}

// The map's legend counts one cell in the singular, in the same columns;
// a state whose name is empty has none, and the legend names it by its
// id, as the report does (docs/model.md §2.1), where it left the column
// blank.
func TestMapLegend(t *testing.T) {
	for _, c := range []struct{ nameA, nameB, wantA, wantB string }{
		{"", "", "a", "b"}, // no name given: the id
		{"name = \"\"\n", "name = \"Bee\"\n", "a", "Bee"}, // an empty name is none
	} {
		dir := writeFiles(t, map[string]string{"one.toml": "[scenario]\nname = \"t\"\nstart = \"2000-01\"\nticks = 24\n" +
			"[[states]]\nid = \"a\"\n" + c.nameA + "role = \"client\"\nglyph = \"A\"\n" +
			"[[states]]\nid = \"b\"\n" + c.nameB + "role = \"client\"\nglyph = \"B\"\n" +
			"[theater]\nmap = \"\"\"\nABB~\n\"\"\"\n"})
		out, err := execute(t, "map", filepath.Join(dir, "one.toml"))
		if err != nil || !strings.Contains(out, "  A         a         client       1 cell   "+c.wantA+"\n") || !strings.Contains(out, "  B         b         client       2 cells  "+c.wantB+"\n") {
			t.Errorf("names %q, %q: %v\n%s", c.nameA, c.nameB, err, out)
		}
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Output that cannot be written fails the command, whether or not the
// command looked at its writes: a table cut short must not exit 0.
func TestOutputThatCannotBeWrittenFails(t *testing.T) {
	for _, args := range [][]string{
		{"validate", "asia-1950"},
		{"explain", "europe-1947", "--at", "1948-03", "--state", "fra"},
		{"map", "generic"},
	} {
		root := newRoot()
		root.SetErr(io.Discard)
		root.SetArgs(args)
		err := runRoot(context.Background(), root, failingWriter{})
		if err == nil || !strings.Contains(err.Error(), "no space left on device") || exitStatus(err) != 1 {
			t.Errorf("%v to a full disk: %v", args, err)
		}
	}
	root := newRoot()
	root.SetArgs([]string{"validate", "generic"})
	var out bytes.Buffer
	if err := runRoot(context.Background(), root, &out); err != nil || !strings.Contains(out.String(), "generic is valid") {
		t.Errorf("validate generic: %v\n%s", err, out.String())
	}
}

// hypotheses and compare write their --out under the directory's lock,
// as report.Write reads it: a directory another process is writing (a
// live lock, here process 1's) is refused before any work, naming it; a
// lock that process left behind (a process gone) is taken over and
// given back; and one taken between the start and the writing refuses
// the writing without touching the files, so that a report drawn
// meanwhile from them is never left beside new ones.
func TestHypothesesAndCompareWriteUnderTheLock(t *testing.T) {
	host, _ := os.Hostname()
	live := []byte(`{"pid": 1, "host": "` + host + `", "started": "2026-12-06T00:00:00Z"}`)
	for _, args := range [][]string{
		{"hypotheses", "NC2", "--runs", "1", "--layouts", "1", "--max-runs", "1"},
		{"compare", "--runs", "1"},
	} {
		dir := t.TempDir()
		lock := filepath.Join(dir, ".alliancesim-lock")
		if err := os.WriteFile(lock, live, 0o644); err != nil {
			t.Fatal(err)
		}
		want := "--out " + dir + " is being written by process 1 on " + host
		if _, err := execute(t, append(args, "--out", dir)...); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s into a directory being written: %v; want …%s…", args[0], err, want)
		}
		// before any work: the check of --out itself refuses it (the
		// writing would refuse it too, after the runs)
		if err := checkOutDir(dir, "scorecard.csv"); !errors.Is(err, runner.ErrBusy) || !strings.Contains(err.Error(), want) {
			t.Errorf("checkOutDir of a directory being written: %v; want runner.ErrBusy, …%s…", err, want)
		}
		gone := exec.Command("true")
		if err := gone.Run(); err != nil {
			t.Skip(err)
		}
		stale := fmt.Sprintf(`{"pid": %d, "host": %q, "started": "2026-12-06T00:00:00Z"}`, gone.Process.Pid, host)
		if err := os.WriteFile(lock, []byte(stale), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := execute(t, append(args, "--out", dir)...); err != nil {
			t.Errorf("%s over a stale lock: %v", args[0], err)
		}
		if _, err := os.Stat(lock); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s kept the lock: %v", args[0], err)
		}
	}
	// The lock taken after the start: the writing is refused and the
	// files stay as they were.
	dir := t.TempDir()
	for name, body := range map[string]string{"report.html": "<p>old</p>", "hypotheses.json": "[]"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".alliancesim-lock"), live, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeHypotheses(dir, nil, hypotheses.Provenance{}, true, nil); !errors.Is(err, runner.ErrBusy) {
		t.Errorf("writing beside a writer: %v; want runner.ErrBusy", err)
	}
	for _, name := range []string{"report.html", "hypotheses.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s went though nothing was written: %v", name, err)
		}
	}
	if _, err := writeScorecard(dir, &scores{}, 0, false); !errors.Is(err, runner.ErrBusy) {
		t.Errorf("a scorecard beside a writer: %v; want runner.ErrBusy", err)
	}
}
