package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// Every kind of directory gives a report with its figures, the same
// bytes twice, self-contained: no script, nothing loaded from elsewhere.
func TestReportsAreCompleteDeterministicAndSelfContained(t *testing.T) {
	many, single, sweep, hyps := fixtures(t)
	for _, c := range []struct {
		dir  string
		figs []string // figure ids that must be there
	}{
		{many, []string{"shares", "survival-kind", "survival-origin", "survival-cohesion", "first-commitment", "hub-spokes", "threat", "domain", "shapes", "map-start", "map-end"}},
		{single, []string{"timeline", "threat", "domain", "map-start", "map-end"}},
		{sweep, []string{"sweep-0", "shares", "survival-kind", "survival-origin", "survival-cohesion", "shapes"}},
		{hyps, []string{"hypothesis-t9", "hypothesis-nc1"}},
	} {
		path, err := Write(context.Background(), c.dir)
		if err != nil {
			t.Fatalf("%s: %v", c.dir, err)
		}
		first := mustRead(t, path)
		if _, err := Write(context.Background(), c.dir); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, mustRead(t, path)) {
			t.Errorf("%s: two reports of the same directory differ", filepath.Base(c.dir))
		}
		html := string(first)
		for _, id := range c.figs {
			if !strings.Contains(html, `id="fig-`+id+`"`) {
				t.Errorf("%s: no figure %s", filepath.Base(c.dir), id)
			}
		}
		for _, bad := range []*regexp.Regexp{regexp.MustCompile(`(?i)<script`), regexp.MustCompile(`(?i)<link`),
			regexp.MustCompile(`(?i)\ssrc=`), regexp.MustCompile(`(?i)url\(`), regexp.MustCompile(`(?i)href="(https?:|//)`),
			regexp.MustCompile(`(?i)<\?xml`)} {
			if loc := bad.FindStringIndex(html); loc != nil {
				t.Errorf("%s: %q at byte %d: not self-contained", filepath.Base(c.dir), html[loc[0]:loc[1]], loc[0])
			}
		}
		if entries, _ := os.ReadDir(c.dir); len(entries) > 0 {
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".tmp-") {
					t.Errorf("%s: temporary file %s left behind", c.dir, e.Name())
				}
			}
		}
	}
	if _, err := Build(context.Background(), t.TempDir()); err == nil || !strings.Contains(err.Error(), "nothing to report") {
		t.Fatalf("an empty directory: %v", err)
	}
}

// A cancelled context stops the report before the maps' replays and
// leaves no report.html behind.
func TestReportStopsWhenCancelled(t *testing.T) {
	many, _, _, _ := fixtures(t)
	os.Remove(filepath.Join(many, "report.html"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, many); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if _, err := os.Stat(filepath.Join(many, "report.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("report.html after a cancelled report: %v", err)
	}
}

// A report is not written into a directory another process is writing
// (its lock live: here process 1's, which is alive), since a run, merge
// or reassembly replacing the results could leave a report of the old
// ones beside them; once the lock is gone it is, and the lock is given
// back.
func TestReportWaitsForTheDirectorysWriter(t *testing.T) {
	_, _, _, hyps := fixtures(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(hyps)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "report.html"))
	host, _ := os.Hostname()
	lock := filepath.Join(dir, ".alliancesim-lock")
	if err := os.WriteFile(lock, []byte(`{"pid": 1, "host": "`+host+`", "started": "2026-12-06T00:00:00Z"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), dir); !errors.Is(err, runner.ErrBusy) || !strings.Contains(err.Error(), "is being written by process 1") {
		t.Fatalf("a directory being written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("report.html written beside a writer: %v", err)
	}
	os.Remove(lock)
	if _, err := Write(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(lock); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the report kept the lock: %v", err)
	}
}

// A report that cannot be put in place (report.html is a directory) says
// which file it could not write and leaves no temporary file behind (each
// failed attempt used to leave one).
func TestReportThatCannotBePutInPlace(t *testing.T) {
	_, _, _, hyps := fixtures(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(hyps)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "report.html")
	os.Remove(path)
	if err := os.MkdirAll(filepath.Join(path, "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Write(context.Background(), dir); err == nil || err.Error() != "cannot write "+path+": a directory is in its place; allowed: a directory where report.html is a file or absent" {
			t.Fatalf("report.html a directory: %v", err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	// A directory the report cannot be made in (gone since it was read,
	// here never there): the error names report.html, not the temporary
	// file, as a *fs.PathError of it (the command tells by it a file it
	// could not write from one it could not read).
	gone := filepath.Join(dir, "gone")
	_, err = writeReport(gone, func(io.Writer) error { return nil })
	var pe *fs.PathError
	if err == nil || err.Error() != "cannot write "+filepath.Join(gone, "report.html")+": no such file or directory" ||
		!errors.As(err, &pe) || pe.Path != filepath.Join(gone, "report.html") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a directory it cannot write in: %v", err)
	}
}

// A directory that does not exist, a file, and a run without summary.json
// are refused saying so, without Go's "stat …: no such file or directory"
// (a missing directory used to be said to hold neither manifest.json nor
// hypotheses.json).
func TestReadRefusesInPlainWords(t *testing.T) {
	many, _, _, _ := fixtures(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	incomplete := filepath.Join(dir, "incomplete")
	os.WriteFile(file, nil, 0o644)
	os.Mkdir(incomplete, 0o755)
	os.WriteFile(filepath.Join(incomplete, "manifest.json"), mustRead(t, filepath.Join(many, "manifest.json")), 0o644)
	// A shard's directory (its command says --shard) is told to merge,
	// not to finish: running a finished shard again writes no summary.
	shard := filepath.Join(dir, "shard")
	os.Mkdir(shard, 0o755)
	var m map[string]any
	if err := json.Unmarshal(mustRead(t, filepath.Join(many, "manifest.json")), &m); err != nil {
		t.Fatal(err)
	}
	m["command"] = []string{"alliancesim", "run", "asia-1950", "--runs", "60", "--shard", "2/2", "--out", "many"}
	b, _ := json.Marshal(m)
	os.WriteFile(filepath.Join(shard, "manifest.json"), b, 0o644)
	for _, c := range []struct{ dir, want string }{
		{shard, shard + " has no summary.json: it holds one shard of the work; combine it with the other shards' directories with alliancesim merge, and report the merged directory (where this shard's own chunks are unfinished, first run `alliancesim run asia-1950 --runs 60 --shard 2/2 --out " + shard + "` again)"},
		{filepath.Join(dir, "nope.out"), filepath.Join(dir, "nope.out") + ": no such directory"},
		{file, file + " is a file, not a directory"},
		{incomplete, incomplete + " has no summary.json: the work is incomplete (run `alliancesim run asia-1950 \"--runs 60\" --out " + incomplete + "` again to finish it)"},
	} {
		_, err := Read(c.dir)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.dir, err, c.want)
		}
	}
}

// hypotheses.json must hold results, each hypothesis once.
func TestHypothesesFileReadBack(t *testing.T) {
	_, _, _, hyps := fixtures(t)
	var results []json.RawMessage
	if err := json.Unmarshal(mustRead(t, filepath.Join(hyps, "hypotheses.json")), &results); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		body []json.RawMessage
		want string
	}{
		{"no results", []json.RawMessage{}, "hypotheses.json: no results"},
		{"a result twice", append(results, results[0]), fmt.Sprintf("hypotheses.json: result %d: ", len(results)+1) + "T"},
	} {
		dir := t.TempDir()
		b, _ := json.Marshal(c.body)
		os.WriteFile(filepath.Join(dir, "hypotheses.json"), b, 0o644)
		if _, err := Read(dir); err == nil || !strings.Contains(err.Error(), c.want) || c.name == "a result twice" && !strings.Contains(err.Error(), "again (first as result 1); allowed: each hypothesis once") {
			t.Errorf("%s: %v, want …%s…", c.name, err, c.want)
		}
	}
}

// copyFiles copies the files (not the directories, nor report.html) of
// dir into a new directory, but skip, and returns it.
func copyFiles(t *testing.T, dir, skip string) string {
	t.Helper()
	to := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == skip || e.Name() == "report.html" {
			continue
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), mustRead(t, filepath.Join(dir, e.Name())), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return to
}

// A run directory with a file missing or cut is not reported as if whole.
// summary.json's record finds it first; without the record (the files are
// checked by what they hold), without series.csv the page says it is
// missing (not how to record one), and a runs.csv with fewer runs than
// the manifest, or a memberships.csv whose hub index disagrees with
// summary.json, is refused.
func TestDamagedDirectory(t *testing.T) {
	many, _, _, _ := fixtures(t)
	dir := copyFiles(t, many, "series.csv")
	if _, err := Build(context.Background(), dir); err == nil || err.Error() != dir+": series.csv is missing; its parts/ lacks chunks to assemble the files from: merge the shards again into it, or remove it and run the work again" {
		t.Errorf("without series.csv: %v", err)
	}
	p, err := Build(context.Background(), unrecorded(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sec := range p.Sections {
		for _, n := range sec.Notes {
			found = found || strings.HasPrefix(n, "series.csv is missing: the scenario records a time series (params.record_every = 12)")
		}
	}
	if !found {
		t.Error("no note that series.csv is missing")
	}
	// Without scenario.toml as well, the manifest says a series was
	// recorded (the report dereferenced the missing scenario).
	dir = unrecorded(t, copyFiles(t, many, "scenario.toml"))
	os.Remove(filepath.Join(dir, "series.csv"))
	if _, err := Build(context.Background(), dir); err != nil {
		t.Errorf("without scenario.toml and series.csv: %v", err)
	}
	dir = unrecorded(t, copyFiles(t, many, ""))
	lines := mustReadLines(t, filepath.Join(dir, "runs.csv"))
	var cut []byte
	for _, l := range lines[:51] { // the header and 50 runs
		cut = append(append(cut, l...), '\n')
	}
	os.WriteFile(filepath.Join(dir, "runs.csv"), cut, 0o644)
	if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "runs.csv has 50 runs; the manifest says 60 runs: the file is damaged") {
		t.Fatalf("a cut runs.csv: %v", err)
	}
	// A row past the manifest's runs, in order and with its seed, is
	// refused by its count.
	dir = unrecorded(t, copyFiles(t, many, ""))
	last := strings.Split(string(lines[len(lines)-2]), ",")
	last[1], last[2] = "60", "61" // run, seed
	os.WriteFile(filepath.Join(dir, "runs.csv"), append(mustRead(t, filepath.Join(many, "runs.csv")), strings.Join(last, ",")+"\n"...), 0o644)
	if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "runs.csv has 61 runs; the manifest says 60 runs: the file is damaged") {
		t.Errorf("a runs.csv with a run too many: %v", err)
	}
	// Empty files say so and what to do, not a bare "EOF".
	for name, want := range map[string]string{
		"runs.csv":     "runs.csv is empty, without even its header: the output is damaged",
		"summary.json": "summary.json: the file is empty",
	} {
		dir = unrecorded(t, copyFiles(t, many, ""))
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
		if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("an empty %s: %v; want it to say %q", name, err, want)
		}
	}
	// runs.csv rows must be the manifest's runs with their seeds: the maps
	// replay runs by these seeds.
	lines = mustReadLines(t, filepath.Join(many, "runs.csv"))
	runsHead := strings.Split(string(lines[0]), ",")
	for _, c := range []struct {
		col, value, want string
	}{
		{"seed", "777", "runs.csv:2: run 0 has seed 777; the manifest's run 0 plays seed 1"},
		{"run", "5", "runs.csv:2: run 5; allowed: 0, the runs in order"},
		{"patron_bilateral", "7", `runs.csv:2: patron_bilateral is "7"; allowed: 0 or 1`},
		{"first_commitment", "-7", `runs.csv:2: first_commitment "-7"; allowed: empty (none) or a tick from 0 to 503`},
	} {
		dir = unrecorded(t, copyFiles(t, many, ""))
		cells := strings.Split(string(lines[1]), ",")
		cells[slices.Index(runsHead, c.col)] = c.value
		var body []byte
		for i, l := range lines {
			if i == 1 {
				l = []byte(strings.Join(cells, ","))
			}
			body = append(append(body, l...), '\n')
		}
		os.WriteFile(filepath.Join(dir, "runs.csv"), body, 0o644)
		if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("runs.csv with %s = %s: %v, want …%s…", c.col, c.value, err, c.want)
		}
	}
	// A membership that began before the run is refused, naming the line.
	lines = mustReadLines(t, filepath.Join(many, "memberships.csv"))
	memHead := strings.Split(string(lines[0]), ",")
	for i := 1; i < len(lines); i++ {
		cells := strings.Split(string(lines[i]), ",")
		if cells[slices.Index(memHead, "run")] != "0" {
			continue
		}
		cells[slices.Index(memHead, "joined")] = "-99999999999"
		lines[i] = []byte(strings.Join(cells, ","))
		dir = unrecorded(t, copyFiles(t, many, ""))
		var body []byte
		for _, l := range lines {
			body = append(append(body, l...), '\n')
		}
		os.WriteFile(filepath.Join(dir, "memberships.csv"), body, 0o644)
		if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("memberships.csv:%d: alliance", i+1)) || !strings.Contains(err.Error(), `joined "-99999999999"`) {
			t.Errorf("a membership joined before the run: %v", err)
		}
		break
	}
	// The spell bounds, as both readers of memberships.csv apply them.
	for _, c := range []struct {
		joined, left string
		ok           bool
	}{
		{"0", "", true}, {"5", "5", true}, {"5", "504", true}, {"503", "", true},
		{"-1", "", false}, {"504", "", false}, {"5", "4", false}, {"5", "505", false}, {"5", "-2", false},
	} {
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "point,run,alliance,state,joined,left\n0,0,3,usa,%s,%s\n", c.joined, c.left)
		path := filepath.Join(t.TempDir(), "memberships.csv")
		os.WriteFile(path, buf.Bytes(), 0o644)
		_, herr := hubSeries(path, map[string]bool{"usa": true}, []int{0}, 1, 504)
		_, gerr := readBars(path, 0, 504)
		if (herr == nil) != c.ok || (gerr == nil) != c.ok {
			t.Errorf("joined %q, left %q: hub curve %v, Gantt chart %v; want accepted %v", c.joined, c.left, herr, gerr, c.ok)
		}
	}
	// memberships.csv cut at a line boundary reads as a whole file, but
	// its hub index disagrees with summary.json's checkpoints.
	dir = unrecorded(t, copyFiles(t, many, ""))
	lines = mustReadLines(t, filepath.Join(dir, "memberships.csv"))
	cut = nil
	for _, l := range lines[:len(lines)*2/3] {
		cut = append(append(cut, l...), '\n')
	}
	os.WriteFile(filepath.Join(dir, "memberships.csv"), cut, 0o644)
	if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "memberships.csv disagrees with summary.json at ") || !strings.Contains(err.Error(), "the file is damaged or from another run") {
		t.Fatalf("a cut memberships.csv: %v", err)
	}
	// series.csv with its header only (the figure builder panicked on no
	// panels), with a mean of NaN, or with a state of another scenario.
	lines = mustReadLines(t, filepath.Join(many, "series.csv"))
	head, first := string(lines[0]), string(lines[1])
	header := strings.Split(head, ",")
	withCell := func(col, v string) string {
		cells := strings.Split(first, ",")
		cells[slices.Index(header, col)] = v
		return head + "\n" + strings.Join(cells, ",") + "\n"
	}
	for _, c := range []struct{ body, want string }{
		{head + "\n", "series.csv has no rows for the first point: the file is damaged"},
		{withCell("mean", "NaN"), "series.csv:2: mean is NaN; allowed: a finite number"},
		{withCell("state", "nobody"), `series.csv:2: state "nobody" is not a state of asia-1950`},
		{withCell("tick", "999999"), "series.csv:2: tick 999999 is outside the run's ticks 0 to 503"},
	} {
		dir = unrecorded(t, copyFiles(t, many, ""))
		os.WriteFile(filepath.Join(dir, "series.csv"), []byte(c.body), 0o644)
		if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("series.csv %q: %v, want %q", c.body[:min(len(c.body), 80)], err, c.want)
		}
	}
}

// A sweep's report draws no maps, so it says nothing of why it could not
// (its scenario.toml, the base scenario, differs from the first point's
// whenever the point changes a path the base sets; here the manifest's
// first point is made to). A base edited since the sweep wrote it is
// named as such, without a word of maps.
func TestSweepReportHasNoMapsNote(t *testing.T) {
	_, _, sweep, _ := fixtures(t)
	for _, edit := range []bool{false, true} {
		dir := copyFiles(t, sweep, "")
		wantNote := "" // the fixture's first point is its base
		if !edit {
			// as if its first point changed a path: the base is not it
			editManifest(t, dir, func(m map[string]any) {
				m["points"].([]any)[0].(map[string]any)["scenario_sha256"] = strings.Repeat("0", 64)
			})
			wantNote = "scenario.toml is the sweep's base scenario; the maps of a run need its point's scenario, which the directory does not hold: no maps"
		}
		if edit {
			toml := regexp.MustCompile(`(?m)^sea_cost = .*$`).ReplaceAll(mustRead(t, filepath.Join(dir, "scenario.toml")), []byte("sea_cost = 3.5"))
			os.WriteFile(filepath.Join(dir, "scenario.toml"), toml, 0o644)
			wantNote = "scenario.toml is not the file the work wrote (edited or replaced since; running the same command again writes it again): the states' names are as it has them now"
		}
		in, err := Read(dir)
		if err != nil || in.ScenarioNote != wantNote {
			t.Fatalf("edited %v: %v, note %q; want %q", edit, err, in.ScenarioNote, wantNote)
		}
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if edit != slices.Contains(p.Notes, wantNote) || !edit && slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "scenario.toml") }) {
			t.Errorf("edited %v: the page's notes %q", edit, p.Notes)
		}
		for _, n := range p.Notes {
			if strings.Contains(n, "maps") {
				t.Errorf("a sweep report's note speaks of maps: %s", n)
			}
		}
	}
}

// A directory named as "." or through a symbolic link gives the page the
// same name, and so the same bytes, as named by its path.
func TestDirNameIsTheRealDirectory(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "out")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	t.Chdir(dir)
	for _, name := range []string{dir, ".", link, link + "/"} {
		if got := dirName(name); got != "out" {
			t.Errorf("dirName(%q) = %q, want out", name, got)
		}
	}
}
