package report

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// sectionNotes are the notes of the page's section id.
func sectionNotes(t *testing.T, p *Page, id string) []string {
	t.Helper()
	i := slices.IndexFunc(p.Sections, func(s Section) bool { return s.ID == id })
	if i < 0 {
		t.Fatalf("no section %s", id)
	}
	return p.Sections[i].Notes
}

// Where a figure cannot be drawn the page says why, and how to get it:
// no survival curves without alliances, no series unrecorded, no hub
// curve without the scenario's patrons, no event list with --no-events.
func TestNotesSayWhyAFigureIsMissing(t *testing.T) {
	p := &Page{}
	if err := p.survival(&runner.Summary{Runs: 3}, 1.0/12); err != nil {
		t.Fatal(err)
	}
	if got := sectionNotes(t, p, "survival"); !slices.Equal(got, []string{"No alliance formed in any run: no survival curves."}) || len(p.Sections[0].Figures) != 0 {
		t.Errorf("survival without alliances: %q", got)
	}
	p = &Page{}
	in := &Input{Dir: t.TempDir(), Manifest: &runner.Manifest{Points: []runner.ManifestPoint{{SeriesEvery: 0}}}}
	if err := p.series(in, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, 24); err != nil {
		t.Fatal(err)
	}
	if got := sectionNotes(t, p, "series"); !slices.Equal(got, []string{"No time series was recorded: set params.record_every (for example 12, yearly) in the scenario and run again to get series.csv and these figures."}) {
		t.Errorf("no series recorded: %q", got)
	}
	// record_every counts ticks: a yearly sample of a quarterly scenario
	// is every 4 (it said 12, every three years).
	for months, want := range map[int]string{3: "(for example 4, yearly: it counts ticks, here 3 months each)", 12: "(for example 1, yearly: it counts ticks, here 12 months each)"} {
		p = &Page{}
		if err := p.series(in, sim.Calendar{StartYear: 2000, StartMonth: 1, MonthsPerTick: months}, 80); err != nil {
			t.Fatal(err)
		}
		if got := sectionNotes(t, p, "series"); len(got) != 1 || !strings.Contains(got[0], "params.record_every "+want+" in the scenario") {
			t.Errorf("no series recorded, %d months a tick: %q, want %q", months, got, want)
		}
	}
	many, single, _, _ := fixtures(t)
	p, err := Build(context.Background(), copyFiles(t, many, "scenario.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := sectionNotes(t, p, "timing"); !slices.Equal(got, []string{"No hub-and-spokes curve: it needs the patrons, named in scenario.toml."}) {
		t.Errorf("without scenario.toml: %q", got)
	}
	dir := unrecorded(t, copyFiles(t, single, "events.jsonl"))
	var m map[string]any
	if err := json.Unmarshal(mustRead(t, filepath.Join(dir, "manifest.json")), &m); err != nil {
		t.Fatal(err)
	}
	m["events"] = false
	b, _ := json.Marshal(m)
	os.WriteFile(filepath.Join(dir, "manifest.json"), b, 0o644)
	if p, err = Build(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	if got := sectionNotes(t, p, "timeline"); !slices.Equal(got, []string{"The run was written with --no-events: no event list."}) {
		t.Errorf("a run written with --no-events: %q", got)
	}
}

// report.html is readable by all, as a page to mail or serve (the
// temporary file it is renamed from is created private).
func TestReportFileIsReadableByAll(t *testing.T) {
	_, _, _, hyps := fixtures(t)
	dir := copyFiles(t, hyps, "")
	path, err := Write(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("report.html: %v, mode %v, want -rw-r--r--", err, st.Mode())
	}
}

// The provenance table says what ran, by which build and command: the
// experiment only when there is one, a modified build marked, and for a
// sweep the varied paths over its points.
func TestProvenanceTable(t *testing.T) {
	m := &runner.Manifest{Scenario: "generic", ScenarioSHA256: "5c3a", Tool: runner.Tool{Version: "v1.2.0", Revision: "abc123", Modified: true},
		Command: []string{"alliancesim", "run", "generic", "--runs", "40"}, Runs: 40, Seed: 9,
		Points: []runner.ManifestPoint{{Start: "2000-01", MonthsPerTick: 1, Ticks: 12}}}
	got := provenance(&Input{Dir: "/tmp/x/out/", Kind: MonteCarlo, Manifest: m})
	want := []KeyValue{{"scenario", "generic"}, {"scenario sha256", "5c3a"}, {"alliancesim version", "v1.2.0"}, {"revision", "abc123 (modified)"},
		{"command", "alliancesim run generic --runs 40"}, {"runs, seed", "40 runs, base seed 9 (replication r plays seed + r)"}, {"directory", "out"}}
	if !slices.Equal(got, want) {
		t.Errorf("a run's provenance:\n got %q\nwant %q", got, want)
	}
	m.Tool.Modified = false
	m.Experiment, m.ExperimentSHA256 = "x.toml", "77ff"
	m.Vary = []string{"params.a", "params.b"}
	m.Points = append(m.Points, m.Points[0], m.Points[0])
	got = provenance(&Input{Dir: "sw", Kind: Sweep, Manifest: m})
	want = []KeyValue{{"scenario", "generic"}, {"scenario sha256", "5c3a"}, {"experiment", "x.toml"}, {"experiment sha256", "77ff"},
		{"alliancesim version", "v1.2.0"}, {"revision", "abc123"}, {"command", "alliancesim run generic --runs 40"},
		{"runs, seed", "40 per point, base seed 9 (replication r plays seed + r)"}, {"directory", "sw"}, {"varied", "params.a, params.b over 3 points"}}
	if !slices.Equal(got, want) {
		t.Errorf("a sweep's provenance:\n got %q\nwant %q", got, want)
	}
	// A resumed directory: the command that began it, then each that
	// went on with it.
	m.Resumed = [][]string{{"alliancesim", "sweep", "x.toml", "--resume"}, {"alliancesim", "sweep", "x.toml", "--resume", "--workers", "2"}}
	got = provenance(&Input{Dir: "sw", Kind: Sweep, Manifest: m})
	resumed := slices.Concat(want[:7], []KeyValue{{"resumed by", "alliancesim sweep x.toml --resume"},
		{"resumed by", "alliancesim sweep x.toml --resume --workers 2"}}, want[7:])
	if !slices.Equal(got, resumed) {
		t.Errorf("a resumed sweep's provenance:\n got %q\nwant %q", got, resumed)
	}
	m.Resumed = nil
	// A merged directory: the merge's command, and each part's commands.
	m.Command = []string{"alliancesim", "merge", "s1", "s2", "--out", "sw"}
	m.Merged = []runner.MergedDir{{Dir: "s1", Command: []string{"alliancesim", "sweep", "x.toml", "--shard", "1/2"}},
		{Dir: "s2", Command: []string{"alliancesim", "sweep", "x.toml", "--shard", "2/2"}, Resumed: [][]string{{"alliancesim", "sweep", "x.toml", "--shard", "2/2", "--resume"}}}}
	got = provenance(&Input{Dir: "sw", Kind: Sweep, Manifest: m})
	merged := slices.Concat(want[:6], []KeyValue{{"merged by", "alliancesim merge s1 s2 --out sw"}, {"merged from s1", "alliancesim sweep x.toml --shard 1/2"},
		{"merged from s2", "alliancesim sweep x.toml --shard 2/2"}, {"resumed in s2 by", "alliancesim sweep x.toml --shard 2/2 --resume"}}, want[7:])
	if !slices.Equal(got, merged) {
		t.Errorf("a merged sweep's provenance:\n got %q\nwant %q", got, merged)
	}
	// A part of another build (same revision, another executable) shows
	// that build after its command.
	other := runner.Tool{Version: "v1.2.0", Revision: "abc123", Binary: strings.Repeat("ab", 32)}
	m.Merged[1].Tool = &other
	got = provenance(&Input{Dir: "sw", Kind: Sweep, Manifest: m})
	built := slices.Concat(merged[:9], []KeyValue{{"build of s2", other.String()}}, merged[9:])
	if !slices.Equal(got, built) {
		t.Errorf("a merged sweep with a part of another build:\n got %q\nwant %q", got, built)
	}
	m.Merged[1].Tool = nil
	// Merged by Assemble, which is not told the merge's command: only the
	// parts' commands.
	m.Command = nil
	got = provenance(&Input{Dir: "sw", Kind: Sweep, Manifest: m})
	if merged = slices.Delete(merged, 6, 7); !slices.Equal(got, merged) {
		t.Errorf("a sweep merged by Assemble:\n got %q\nwant %q", got, merged)
	}
	// A merged directory resumed, and merged again: the resume shows, and
	// the parts of the part that was a merge come after it, by their path.
	m.Command, m.Resumed = []string{"alliancesim", "merge", "sw", "--out", "top"}, [][]string{{"alliancesim", "sweep", "x.toml", "--out", "top", "--resume"}}
	m.Merged = []runner.MergedDir{{Dir: "sw", Command: []string{"alliancesim", "merge", "s1", "s2", "--out", "sw"}, Merged: m.Merged}}
	got = provenance(&Input{Dir: "top", Kind: Sweep, Manifest: m})
	nested := slices.Concat(want[:6], []KeyValue{
		{"merged by", "alliancesim merge sw --out top"}, {"resumed by", "alliancesim sweep x.toml --out top --resume"},
		{"merged by, in sw", "alliancesim merge s1 s2 --out sw"},
		{"merged from sw ← s1", "alliancesim sweep x.toml --shard 1/2"}, {"merged from sw ← s2", "alliancesim sweep x.toml --shard 2/2"},
		{"resumed in sw ← s2 by", "alliancesim sweep x.toml --shard 2/2 --resume"},
		{"runs, seed", "40 per point, base seed 9 (replication r plays seed + r)"}, {"directory", "top"}}, want[len(want)-1:])
	if !slices.Equal(got, nested) {
		t.Errorf("a merge of a merge, resumed:\n got %q\nwant %q", got, nested)
	}
	m.Resumed = nil
	// A build that records its toolchain, target and binary shows them
	// after its revision.
	m.Merged, m.Command = nil, []string{"alliancesim", "run", "generic", "--runs", "40"}
	m.Tool.Go, m.Tool.Target, m.Tool.Binary = "go1.24.1", "linux/amd64 GOAMD64=v1", "8a38"
	got = provenance(&Input{Dir: "sw", Kind: Sweep, Manifest: m})
	want = slices.Concat(want[:6], []KeyValue{{"built with", "go1.24.1 for linux/amd64 GOAMD64=v1"}, {"binary sha256", "8a38"},
		{"command", "alliancesim run generic --runs 40"}}, want[len(want)-3:])
	if !slices.Equal(got, want) {
		t.Errorf("a build's provenance:\n got %q\nwant %q", got, want)
	}
}
