package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// editSummary rewrites dir's summary.json through edit, numbers kept as
// written.
func editSummary(t *testing.T, dir string, edit func(doc map[string]any)) {
	t.Helper()
	editJSON(t, filepath.Join(dir, "summary.json"), edit)
}

// editManifest rewrites dir's manifest.json through edit.
func editManifest(t *testing.T, dir string, edit func(doc map[string]any)) {
	t.Helper()
	editJSON(t, filepath.Join(dir, "manifest.json"), edit)
}

// editJSON rewrites the JSON document at path through edit, numbers kept
// as written.
func editJSON(t *testing.T, path string, edit func(doc map[string]any)) {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(mustRead(t, path)))
	d.UseNumber()
	var doc map[string]any
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// unrecorded removes summary.json's record of the result files from dir,
// as a directory written before it was kept, whose files the report checks
// by what each holds alone: the tests of those checks damage a file in
// one. It returns dir.
func unrecorded(t *testing.T, dir string) string {
	t.Helper()
	editSummary(t, dir, func(doc map[string]any) { delete(doc, "files") })
	return dir
}

// Read checks summary.json itself and against the manifest, and a
// sweep's summary.json must hold the pooled summary: each is refused,
// naming the file and the field.
func TestReadChecksSummaryJSON(t *testing.T) {
	many, _, sweep, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	dir := copyFiles(t, many, "")
	editSummary(t, dir, func(doc map[string]any) { doc["seed"] = json.Number("2") })
	want := filepath.Join(dir, "summary.json") + ": runs 60 from seed 2; the manifest's work is 60 from seed 1: not the summary of this work (run the work again with --force)"
	if _, err := Read(dir); err == nil || err.Error() != want {
		t.Errorf("a summary of seed 2:\n got %v\nwant %s", err, want)
	}
	dir = copyFiles(t, many, "")
	editSummary(t, dir, func(doc map[string]any) {
		doc["shapes"].([]any)[0].(map[string]any)["share"].(map[string]any)["high"] = json.Number("2")
	})
	sh := in.Summary.Shapes[0].Share
	want = filepath.Join(dir, "summary.json") + fmt.Sprintf(": shapes[0].share: share %g in [%g, 2]; allowed: numbers in [0, 1]", sh.Share, sh.Low)
	if _, err := Read(dir); err == nil || err.Error() != want {
		t.Errorf("a shape's interval past 1:\n got %v\nwant %s", err, want)
	}
	// A sweep's summary.json of its points alone: no pooled summary.
	dir = copyFiles(t, sweep, "")
	editSummary(t, dir, func(doc map[string]any) {
		for k := range doc {
			if k != "vary" && k != "points" {
				delete(doc, k)
			}
		}
	})
	if _, err := Read(dir); err == nil || err.Error() != dir+": no summary in summary.json" {
		t.Errorf("a sweep's summary.json without its pooled summary: %v", err)
	}
}

// A scenario.toml edited since the run wrote it still names the patrons
// (the hub-and-spokes curve is drawn) but replays nothing: the page says
// why it has no maps. One that is the file the run wrote, but that this
// version reads as another scenario, says that instead.
func TestScenarioThatDidNotRunDrawsNoMaps(t *testing.T) {
	many, _, _, _ := fixtures(t)
	const (
		edited = "scenario.toml is not the file the work wrote (edited or replaced since; running the same command again writes it again): the states' names are as it has them now, and no maps"
		other  = "scenario.toml is the file the run wrote, but this version of alliancesim reads it as another scenario (it was written by another version, whose report draws the maps): no maps"
	)
	for _, note := range []string{edited, other} {
		dir := copyFiles(t, many, "")
		toml := regexp.MustCompile(`(?m)^sea_cost = .*$`).ReplaceAll(mustRead(t, filepath.Join(dir, "scenario.toml")), []byte("sea_cost = 3.5"))
		os.WriteFile(filepath.Join(dir, "scenario.toml"), toml, 0o644)
		if note == other { // as if written so, by a version that read it as the run's scenario
			editManifest(t, dir, func(m map[string]any) { m["scenario_sha256"] = digest.SHA256Hex(toml) })
		}
		in, err := Read(dir)
		if err != nil || in.Scenario == nil || in.ScenarioNote != note {
			t.Fatalf("Read: %v; scenario %v, note %q", err, in != nil && in.Scenario != nil, in.ScenarioNote)
		}
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(p.Notes, note) {
			t.Errorf("the page's notes %q lack %q", p.Notes, note)
		}
		var ids []string
		for _, f := range p.Figures() {
			ids = append(ids, f.ID)
		}
		if !slices.Contains(ids, "hub-spokes") || slices.Contains(ids, "map-start") || slices.Contains(ids, "map-end") {
			t.Errorf("figures %v: want hub-spokes and no maps", ids)
		}
		i := slices.IndexFunc(p.Sections, func(s Section) bool { return s.ID == "maps" })
		if i < 0 || !slices.Equal(p.Sections[i].Notes, []string{"No maps: " + strings.TrimSuffix(strings.TrimSuffix(note, ", and no maps"), ": no maps") + "."}) {
			t.Errorf("maps section: %+v", p.Sections[i].Notes)
		}
	}
}

// A scenario.toml replaced by another scenario, whose states are not the
// run's, is named as the cause, not series.csv: the report draws the
// series under the states' ids, and says why. Where the other scenario's
// patrons are not the run's (generic's "patron"), the hub-and-spokes curve
// is left out for the same reason, not for a damaged memberships.csv.
func TestReplacedScenarioIsBlamed(t *testing.T) {
	many, _, _, _ := fixtures(t)
	for _, name := range []string{"europe-1947", "generic"} {
		dir := copyFiles(t, many, "")
		other, err := configs.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		text, err := configs.Format(other)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "scenario.toml"), text, 0o644)
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatalf("%s: a run with another scenario.toml: %v; want a page that says so", name, err)
		}
		if !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.HasPrefix(n, "scenario.toml is not the file the work wrote") }) {
			t.Errorf("%s: the page's notes %q do not name scenario.toml", name, p.Notes)
		}
		var ids []string
		for _, f := range p.Figures() {
			ids = append(ids, f.ID)
		}
		if !slices.Contains(ids, "threat") || !slices.Contains(ids, "domain") {
			t.Errorf("%s: figures %v: want the series drawn", name, ids)
		}
		hubNote := "No hub-and-spokes curve: it needs the run's patrons, and scenario.toml, which names them, is not the file the work wrote (the patrons it names now give a curve that disagrees with summary.json)."
		if got := sectionNotes(t, p, "timing"); (name == "generic") != slices.Contains(got, hubNote) || (name == "generic") == slices.Contains(ids, "hub-spokes") {
			t.Errorf("%s: timing notes %q, figures %v", name, got, ids)
		}
	}
}

// A comment added to scenario.toml leaves it the scenario the run wrote,
// in canonical form: no note, and the maps are drawn.
func TestScenarioWithACommentStillReplays(t *testing.T) {
	many, _, _, _ := fixtures(t)
	dir := copyFiles(t, many, "")
	path := filepath.Join(dir, "scenario.toml")
	os.WriteFile(path, append([]byte("# my note\n"), mustRead(t, path)...), 0o644)
	in, err := Read(dir)
	if err != nil || in.ScenarioNote != "" || !in.replayable() {
		t.Fatalf("Read: %v; note %q", err, in.ScenarioNote)
	}
}

// The provenance of a hypotheses report is the SHA-256 of the file's
// bytes.
func TestHypothesesProvenanceIsTheFilesHash(t *testing.T) {
	_, _, _, hyps := fixtures(t)
	sum := sha256.Sum256(mustRead(t, filepath.Join(hyps, "hypotheses.json")))
	p, err := Build(context.Background(), hyps)
	if err != nil {
		t.Fatal(err)
	}
	if want := (KeyValue{"sha256", hex.EncodeToString(sum[:])}); !slices.Contains(p.Provenance, want) {
		t.Errorf("provenance %q lacks %q", p.Provenance, want)
	}
}

// The calendar is the first point's: its start month and its months per
// tick (the fixtures all tick monthly from January).
func TestCalendarIsTheFirstPoints(t *testing.T) {
	in := &Input{Manifest: &runner.Manifest{Points: []runner.ManifestPoint{{Start: "1950-11", MonthsPerTick: 3}, {Start: "1960-01", MonthsPerTick: 1}}}}
	if got, want := in.calendar(), (sim.Calendar{StartYear: 1950, StartMonth: 11, MonthsPerTick: 3}); got != want {
		t.Errorf("calendar %+v, want %+v", got, want)
	}
}

// Ticks of more than a month are said to be dated by their first month,
// as the timeline of run says: every event of a quarter carries it.
func TestSubtitleOfQuarterlyTicks(t *testing.T) {
	in := &Input{Kind: SingleRun, Manifest: &runner.Manifest{Seed: 3, Points: []runner.ManifestPoint{{Start: "2000-01", MonthsPerTick: 3, Ticks: 80}}}}
	if got, want := describe(in), "One replication, seed 3; 80 ticks of 3 months from 2000-01, each dated by its first month."; got != want {
		t.Errorf("subtitle %q, want %q", got, want)
	}
}

// The subtitle says what ran: how many replications from which seeds,
// over how many ticks of how many months, from when.
func TestSubtitleSaysWhatRan(t *testing.T) {
	many, single, _, _ := fixtures(t)
	for _, c := range []struct{ dir, want string }{
		{many, "60 replications, seeds 1–60; 504 ticks of 1 month from 1950-01."},
		{single, "One replication, seed 7; 504 ticks of 1 month from 1950-01."},
	} {
		p, err := Build(context.Background(), copyFiles(t, c.dir, "scenario.toml")) // no maps to replay
		if err != nil {
			t.Fatal(err)
		}
		if p.Subtitle != c.want || !strings.HasPrefix(p.Title, "asia-1950 — ") {
			t.Errorf("subtitle %q, want %q", p.Subtitle, c.want)
		}
	}
}

// A sweep that varies the horizon says the range of its points'
// horizons, not the first point's alone.
func TestSubtitleOfASweepOfHorizons(t *testing.T) {
	in := &Input{Kind: Sweep, Manifest: &runner.Manifest{Runs: 20, Seed: 1, Vary: []string{"scenario.ticks"},
		Points: []runner.ManifestPoint{{Start: "2000-01", MonthsPerTick: 1, Ticks: 36}, {Start: "2000-01", MonthsPerTick: 1, Ticks: 120}}}}
	if got, want := describe(in), "2 points × 20 runs (seeds 1–20 at every point), varying scenario.ticks; 36 to 120 ticks, by point, of 1 month from 2000-01."; got != want {
		t.Errorf("subtitle %q, want %q", got, want)
	}
}

// A result file the report reads, missing from finished output, is said
// to be missing and how to mend it, not only as a path not found: by the
// record of summary.json, and, in a directory without one, when the
// report comes to read it.
func TestMissingResultFileSaysHowToMend(t *testing.T) {
	many, _, _, _ := fixtures(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(many)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "runs.csv"))
	os.Remove(filepath.Join(dir, "report.html"))
	want := dir + ": runs.csv is missing; run the same command again, which assembles the result files again from parts/"
	if _, err := Build(context.Background(), dir); err == nil || err.Error() != want {
		t.Errorf("without runs.csv: %v", err)
	}
	want = filepath.Join(dir, "runs.csv") + " is missing: the output is damaged; allowed: whole output (run the same command again, which assembles the result files from parts/, or merge the shards again)"
	if _, err := Build(context.Background(), unrecorded(t, dir)); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("without runs.csv or the record: %v", err)
	}
}

// An incomplete directory's advice quotes the command that began it, its
// arguments quoted where a shell needs them, with the directory read as
// its --out (a directory moved since is finished where it is; a sweep's
// default NAME.out is made explicit), and asks a sweep for --resume (a
// run goes on where it stopped without it; a merge of a sweep's shards
// has no --resume, and is run again as it was). A file named by a
// relative path is found from where the command first ran: the advice
// says so, and names the directory by its absolute path.
func TestFinishAdvice(t *testing.T) {
	abs, err := filepath.Abs("moved/d")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		m    runner.Manifest
		dir  string
		want string
	}{
		{runner.Manifest{}, "d", "run the command that began it again"},
		{runner.Manifest{Command: []string{"alliancesim", "run", "asia-1950", "--out", "my dir"}}, "my dir",
			"run `alliancesim run asia-1950 --out \"my dir\"` again"},
		{runner.Manifest{Command: []string{"alliancesim", "run", "asia-1950", "--out", "d"}}, "moved/d",
			"run `alliancesim run asia-1950 --out moved/d` again"},
		{runner.Manifest{Command: []string{"alliancesim", "run", "asia-1950", "--out=d", "--runs", "9"}}, "e",
			"run `alliancesim run asia-1950 --out=e --runs 9` again"},
		{runner.Manifest{Command: []string{"alliancesim", "sweep", "/x/s.toml"}, Experiment: "/x/s.toml"}, "s.out",
			"run `alliancesim sweep /x/s.toml --out s.out` again with --resume"},
		{runner.Manifest{Command: []string{"alliancesim", "sweep", "s.toml", "--out", "d"}, Experiment: "s.toml"}, "moved/d",
			"run `alliancesim sweep s.toml --out " + abs + "` again with --resume (from the directory it first ran in, where s.toml is)"},
		{runner.Manifest{Command: []string{"alliancesim", "sweep", "/x/s.toml", "--out", "d", "--resume"}, Experiment: "/x/s.toml"}, "d",
			"run `alliancesim sweep /x/s.toml --out d --resume` again"},
		{runner.Manifest{Command: []string{"alliancesim", "merge", "sh1", "sh2", "--out", "d"}, Experiment: "s.toml",
			Merged: []runner.MergedDir{{Dir: "sh1"}, {Dir: "sh2"}}}, "moved/d",
			"run `alliancesim merge sh1 sh2 --out " + abs + "` again (from the directory it first ran in, where sh1 is)"},
		{runner.Manifest{Command: []string{"alliancesim", "merge", "/x/sh1", "/x/sh2", "--out", "d"}, Experiment: "s.toml",
			Merged: []runner.MergedDir{{Dir: "/x/sh1"}, {Dir: "/x/sh2"}}}, "moved/d",
			"run `alliancesim merge /x/sh1 /x/sh2 --out moved/d` again"},
		// a scenario file without .toml, named by a relative path
		{runner.Manifest{Command: []string{"alliancesim", "run", "scen/mine", "--out", "d"}}, "moved/d",
			"run `alliancesim run scen/mine --out " + abs + "` again (from the directory it first ran in, where scen/mine is)"},
		// a flag's value is not a file, whatever it ends in
		{runner.Manifest{Command: []string{"alliancesim", "run", "asia-1950", "--set", "scenario.name=x.toml", "--out", "d"}}, "moved/d",
			"run `alliancesim run asia-1950 --set scenario.name=x.toml --out moved/d` again"},
	} {
		if got := finishAdvice(&c.m, c.dir); got != c.want {
			t.Errorf("%v in %s: %q, want %q", c.m.Command, c.dir, got, c.want)
		}
	}
}
