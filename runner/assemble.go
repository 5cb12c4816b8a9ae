package runner

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/internal/input"
)

// SweepSummary is summary.json of a sweep: the pooled aggregate of all
// points, then each point's.
type SweepSummary struct {
	*Summary
	Vary   []string       `json:"vary"`
	Points []PointSummary `json:"points"`
}

// PointSummary is one point's aggregate and the values that made it.
type PointSummary struct {
	Point  int            `json:"point"`
	Values map[string]any `json:"values"`
	*Summary
}

// Assemble reads the manifests and parts of one or more output directories
// (a single run's, or the shards of one) and writes into out the final
// files: alliances.csv, memberships.csv, runs.csv, events.jsonl (if
// recorded), series.csv (if a time series was recorded), survival.csv,
// points.csv (sweeps) and, last, summary.json.
// The directories must hold the same work (Manifest.Differences) and
// together every chunk, each matching its checksums. The bytes depend only
// on the work, never on the number of workers or shards.
//
// Chunks are read one at a time in order and each point is summarised as
// soon as its last chunk is read, so memory is bounded whatever the number
// of runs, chunks and points.
//
// out, made with its parents if need be, is locked while it is written
// (as Lock takes it); temporary files a
// killed merge left in it are removed. A directory given that a run is
// still writing (its lock is live) is refused, not read. The manifest of a merged directory
// names each directory merged and its commands, and no command of its own:
// Merge records the merge's.
func Assemble(dirs []string, out string) error { return Merge(dirs, out, nil) }

// Merge is Assemble that records in out's manifest the command line that
// asked for the merge (alliancesim merge passes its own).
func Merge(dirs []string, out string, command []string) error {
	return MergeContext(context.Background(), dirs, out, command)
}

// MergeContext is Merge that stops, between chunks, once ctx is done:
// it then returns ctx's error and leaves out as it was (an earlier
// result of the same work there kept; its own temporary files removed),
// and so every directory merged. Once every chunk is read the merge
// replaces out's files and is no longer stopped.
func MergeContext(ctx context.Context, dirs []string, out string, command []string) error {
	if len(dirs) == 0 {
		return errors.New("no output directories given")
	}
	if err := distinctDirs(dirs); err != nil {
		return err
	}
	made := missingDirs(out)
	release, err := lockDir(out)
	if err != nil {
		return err
	}
	err = assemble(ctx, dirs, out, command)
	release()
	if err != nil {
		// A merge refused before it wrote anything leaves none of the
		// directories it made behind (os.Remove removes only an empty
		// one), deepest first.
		for _, d := range made {
			os.Remove(d)
		}
	}
	return err
}

// distinctDirs refuses a directory given twice, under any name: merging
// a shard with itself would otherwise be reported as chunks missing.
func distinctDirs(dirs []string) error {
	infos := make([]fs.FileInfo, len(dirs))
	for i, d := range dirs {
		info, err := os.Stat(d)
		if err != nil {
			continue // assemble names what is wrong with it
		}
		for j := range i {
			if infos[j] != nil && os.SameFile(infos[j], info) {
				return fmt.Errorf("%s and %s are the same directory; allowed: each shard's directory once", dirs[j], d)
			}
		}
		infos[i] = info
	}
	return nil
}

// sameDir reports whether a and b name one directory, however written
// ("f", "./f", a link to it).
func sameDir(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// missingDirs lists dir and those of its parents that do not exist yet,
// deepest first: what making dir will create.
func missingDirs(dir string) []string {
	var out []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) {
			return out
		}
		out = append(out, d)
		if filepath.Dir(d) == d {
			return out
		}
	}
}

// missingHint says what to do about chunks missing from dirs: give every
// shard's directory; or, where some of dirs hold no parts/ at all (a
// merge's output keeps none, so it cannot be merged again), say so and
// ask for the shards' own directories instead.
func missingHint(dirs []string) string {
	var partless []string
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "parts")); errors.Is(err, fs.ErrNotExist) {
			partless = append(partless, d)
		}
	}
	if len(partless) == 0 {
		return "--shard i/n runs chunks i, i+n, i+2n, …: give every shard's directory, or run the missing shards"
	}
	verb := "hold"
	if len(partless) == 1 {
		verb = "holds"
	}
	return fmt.Sprintf("%s %s no parts/, the finished chunks a merge reads (the output of a merge keeps none): give the directories the shards wrote, each holding its parts/",
		strings.Join(partless, ", "), verb)
}

// chunkHolder finds the first of dirs that holds chunk ch finished (its
// part's done file, as partDone), looking in each once. Where none does,
// it says which holds it where this user may not read it (parts/ or the
// part written by another user, without permission for others): such a
// chunk is not missing, and running its shard again would not bring it.
// "" and nil: the chunk is missing.
func chunkHolder(dirs []string, ch chunk) (string, error) {
	var unreadable error
	for _, d := range dirs {
		_, err := os.Stat(filepath.Join(d, "parts", ch.name(), doneFile))
		switch {
		case err == nil:
			return d, nil
		case unreadable == nil && errors.Is(err, fs.ErrPermission):
			unreadable = unreadableInput(err)
		}
	}
	return "", unreadable
}

// unreadableInput says what a merge allows of an input this user may not
// read (a permission error: a shard's manifest.json, scenario.toml,
// parts/, or a file of a part, written by another user without
// permission for others); other errors pass as they are.
func unreadableInput(err error) error {
	if !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return fmt.Errorf("%w; allowed: shard directories this user may read (their manifest.json, scenario.toml, parts/ and every file of every part in it)", err)
}

// missingChunks names missing chunks (indices into the work) by number,
// counted from 1 as --shard counts, and part name: the first five, then
// how many more.
func missingChunks(m *Manifest, missing []int) string {
	var names []string
	for _, k := range missing[:min(5, len(missing))] {
		names = append(names, fmt.Sprintf("chunk %d (%s)", k+1, m.chunkAt(k).name()))
	}
	if more := len(missing) - len(names); more > 0 {
		names = append(names, fmt.Sprintf("%d more", more))
	}
	return strings.Join(names, ", ")
}

// assemble is Merge with out's lock held.
func assemble(ctx context.Context, dirs []string, out string, command []string) error {
	var m *Manifest
	var scenarioTOML []byte
	var merged []MergedDir
	outInfo, err := os.Stat(out) // Merge made it, and holds its lock
	if err != nil {
		return err
	}
	for _, d := range dirs {
		info, err := os.Stat(d)
		if who, busy := writerOf(d); busy && (err != nil || !os.SameFile(info, outInfo)) {
			return fmt.Errorf("%s is being written by %s; merge it once that run has finished, or, if that process is gone, remove %s", d, who, filepath.Join(d, lockFile))
		}
		dm, err := readOutput(d)
		if err != nil {
			return unreadableInput(err)
		}
		md := MergedDir{Dir: d, Command: dm.Command, Resumed: dm.Resumed, Merged: dm.Merged}
		if m != nil && dm.Tool != m.Tool {
			md.Tool = &dm.Tool
		}
		merged = append(merged, md)
		if m == nil {
			m = dm
			// The merge recomputes every aggregate from the parts, so it
			// must be the build that wrote them, as resume must (prepareDir):
			// another build may round a last digit otherwise, and the
			// manifest, which keeps the shards' build, would then misname
			// the one that computed the files.
			if here := ToolInfo(); !m.Tool.Same(here) {
				return fmt.Errorf("%s was written by another build of alliancesim (%v; this is %v): merge with the build that wrote it", d, m.Tool, here)
			}
			if scenarioTOML, err = input.ReadFile(filepath.Join(d, "scenario.toml")); err != nil {
				return fmt.Errorf("%s: %w", d, unreadableInput(err))
			}
			if digest.SHA256Hex(scenarioTOML) != m.ScenarioSHA256 {
				return fmt.Errorf("%s/scenario.toml does not match the manifest's scenario_sha256 (edited or damaged)", d)
			}
		} else if diff := dm.DifferencesIn(m, "in "+d, "in "+dirs[0]); len(diff) > 0 {
			return fmt.Errorf("%s holds other work than %s: %s", d, dirs[0], strings.Join(diff, "; "))
		}
	}
	if m == nil {
		return errors.New("no output directories given")
	}
	// holder finds the directory that holds a chunk finished.
	holder := func(ch chunk) string {
		d, _ := chunkHolder(dirs, ch)
		return d
	}
	var missing []int
	for k := 0; k < m.chunkCount(); k++ {
		switch d, err := chunkHolder(dirs, m.chunkAt(k)); {
		case err != nil:
			return fmt.Errorf("chunk %d: %w", k+1, err)
		case d == "":
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%d of %d chunks missing from %s: %s (%s): %w",
			len(missing), m.chunkCount(), strings.Join(dirs, ", "), missingChunks(m, missing), missingHint(dirs), ErrIncomplete)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// out may hold an earlier result: only of this same work. It stays as
	// it was until every part is read; then its summary goes first, so
	// that a failure while the new files are renamed into place cannot
	// leave old and new side by side looking complete.
	if have, err := ReadManifest(out); err == nil {
		if diff := m.DifferencesIn(have, "merged", "in "+out); len(diff) > 0 {
			return fmt.Errorf("%s holds the output of other work: %s; merge into an empty or new directory", out, strings.Join(diff, "; "))
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	} else if foreign, err := foreignFiles(out); err != nil || foreign != "" {
		if err != nil {
			return err
		}
		return fmt.Errorf("%s holds files (%s) but no manifest.json of alliancesim; refusing to write into it: use a new or empty directory", out, foreign)
	}
	if _, err := cleanTemps(out); err != nil {
		return err
	}
	// What out held is replaced only once every part has been read, so
	// that an interrupt or a damaged part leaves it as it was.
	rewrite := !sameDir(out, dirs[0]) || len(dirs) > 1
	if rewrite {
		m.Merged, m.Command, m.Resumed = merged, command, nil
	}
	replace := func() error {
		// The summary first, so that an interruption cannot leave the old
		// results looking complete; then the report drawn from them, which
		// would describe the files and the provenance this replaces (a
		// --force reassembly, a merge into an earlier merge's directory).
		for _, f := range []string{"summary.json", "report.html"} {
			if err := os.Remove(filepath.Join(out, f)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
		if rewrite {
			if err := writeFileAtomic(filepath.Join(out, "scenario.toml"), scenarioTOML); err != nil {
				return err
			}
			if err := writeFileAtomic(filepath.Join(out, "manifest.json"), mustJSONIndent(m)); err != nil {
				return err
			}
		}
		return nil
	}
	return assembleFiles(ctx, m, holder, out, replace)
}

// assembleFiles writes the result files of the work m describes from its
// parts (found by holder): every file goes to a temporary name first;
// once every part is read, and unless ctx is done by then, replace clears
// what out held before (its summary.json first) and all are renamed into
// place, summary.json last.
func assembleFiles(ctx context.Context, m *Manifest, holder func(chunk) string, out string, replace func() error) (err error) {
	o, err := createOutputFiles(m, out)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			o.abort()
		}
		if o.pointSummaries != nil {
			o.pointSummaries.abort() // copied into summary.json, never renamed
		}
	}()
	pooled := m.pooledAggregator()
	last, err := o.readParts(ctx, holder, pooled)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := replace(); err != nil {
		return err
	}
	return o.commit(out, last, pooled)
}

// outputFiles are the result files of an output directory while they
// are assembled, each under a temporary name.
type outputFiles struct {
	m     *Manifest
	files []*atomicFile // renamed into place by commit
	alliances, memberships, runs, survival,
	points *table // points.csv, of a sweep only
	events io.Writer     // events.jsonl, or io.Discard
	series *seriesWriter // series.csv, where the work records a series
	// pointSummaries holds each point's summary of a sweep as it will
	// stand in summary.json.
	pointSummaries *atomicFile
}

// createOutputFiles starts every result file of the work m describes in
// out; on an error it removes those it started.
func createOutputFiles(m *Manifest, out string) (*outputFiles, error) {
	o := &outputFiles{m: m, events: io.Discard}
	var err error
	open := func(name string) *atomicFile {
		if err != nil {
			return nil
		}
		var f *atomicFile
		if f, err = createAtomic(filepath.Join(out, name)); err == nil {
			o.files = append(o.files, f)
		}
		return f
	}
	sweep := len(m.Vary) > 0
	alliances, memberships, runs, survival := open("alliances.csv"), open("memberships.csv"), open("runs.csv"), open("survival.csv")
	if m.Events {
		if f := open("events.jsonl"); f != nil {
			o.events = f
		}
	}
	if m.seriesOn() {
		if f := open("series.csv"); f != nil {
			o.series = newSeriesWriter(f, m)
		}
	}
	var points *atomicFile
	if sweep {
		points = open("points.csv")
	}
	if err == nil && sweep {
		o.pointSummaries, err = createAtomic(filepath.Join(out, "points.json"))
	}
	if err != nil {
		o.abort()
		return nil, err
	}
	hubDates := hubColumns(m)
	o.alliances, o.memberships = newTable(alliances, allianceColumns), newTable(memberships, membershipColumns)
	o.runs, o.survival = newTable(runs, runColumns(hubDates, m.Measures)), newTable(survival, survivalColumns)
	if sweep {
		o.points = newTable(points, pointColumns(m.Vary, m.Measures))
	}
	return o, nil
}

// abort removes the files not yet renamed into place.
func (o *outputFiles) abort() {
	for _, f := range o.files {
		f.abort()
	}
	o.files = nil
}

// readParts reads every chunk in order, writes its records' rows and
// events, folds them into their point's summary and pooled, and finishes
// each point as its last chunk is read. It returns the last point's
// summary.
func (o *outputFiles) readParts(ctx context.Context, holder func(chunk) string, pooled *Aggregator) (*Summary, error) {
	m := o.m
	hubDates := hubColumns(m)
	var (
		agg  *Aggregator // of the point being read
		last *Summary    // of the point last finished
	)
	finish := func(p int) error {
		last = agg.Summary()
		return o.finishPoint(p, last)
	}
	for k := 0; k < m.chunkCount(); k++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ch := m.chunkAt(k)
		if ch.From == 0 {
			if agg != nil {
				if err := finish(ch.Point - 1); err != nil {
					return nil, err
				}
			}
			agg = m.pointAggregator(ch.Point)
		}
		err := readPart(filepath.Join(holder(ch), "parts", ch.name()), m, ch, func(r *Record) error {
			cal := m.calendar(r.Point)
			meas := m.fold(r, agg, pooled)
			if err := writeAllianceRows(o.alliances, r, cal); err != nil {
				return err
			}
			if err := writeMembershipRows(o.memberships, r, cal); err != nil {
				return err
			}
			return writeRunRow(o.runs, r, &meas, cal, m.Points[r.Point].HubTicks, hubDates)
		}, o.events)
		if err == nil && o.series != nil {
			err = o.series.addPart(filepath.Join(holder(ch), "parts", ch.name()), ch)
		}
		if err != nil {
			// the records' rows go to files this merge opened for
			// writing: a permission error is of reading the part
			return nil, unreadableInput(err)
		}
	}
	if err := finish(len(m.Points) - 1); err != nil {
		return nil, err
	}
	return last, nil
}

// finishPoint writes what point p's summary s gives: its survival rows,
// and for a sweep its row of points.csv and its summary.
func (o *outputFiles) finishPoint(p int, s *Summary) error {
	if err := writeSurvival(o.survival, p, s); err != nil {
		return err
	}
	if o.points == nil {
		return nil
	}
	if err := writePointRow(o.points, o.m, p, s); err != nil {
		return err
	}
	return writePointSummary(o.pointSummaries, o.m, p, s)
}

// commit completes every file, renames them into place, and writes
// summary.json last, with the size and SHA-256 of each (Summary.Files):
// its presence says the directory is complete. last is the summary of a
// single point's work; a sweep's is pooled's with the point summaries.
func (o *outputFiles) commit(out string, last *Summary, pooled *Aggregator) error {
	if o.series != nil {
		if err := o.series.finish(); err != nil {
			return err
		}
	}
	for _, t := range []*table{o.alliances, o.memberships, o.runs, o.survival, o.points} {
		if t == nil {
			continue
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	files := map[string]FileSum{}
	for _, f := range o.files {
		if err := f.commit(); err != nil {
			return err
		}
		files[filepath.Base(f.path)] = f.sum()
	}
	o.files = nil
	if o.points == nil {
		last.Files = files
		return writeFileAtomic(filepath.Join(out, "summary.json"), mustJSONIndent(last))
	}
	all := pooled.Summary()
	all.Files = files
	return writeSweepSummary(filepath.Join(out, "summary.json"), all, o.m, o.pointSummaries)
}

// writePointSummary appends a point's entry of summary.json's "points" to
// w, indented as it stands there, with a separator before all but the
// first.
func writePointSummary(w io.Writer, m *Manifest, p int, s *Summary) error {
	b, err := json.MarshalIndent(m.pointSummary(p, s), "    ", "  ")
	if err != nil {
		return err
	}
	if p > 0 {
		if _, err := io.WriteString(w, ",\n    "); err != nil {
			return err
		}
	}
	_, err = w.Write(b)
	return err
}

// writeSweepSummary writes summary.json of a sweep: the pooled summary
// and the varied paths, then the points written to pts — the bytes of
// SweepSummary as json.MarshalIndent writes it, streamed, without holding
// every point's summary at once.
func writeSweepSummary(path string, pooled *Summary, m *Manifest, pts *atomicFile) error {
	head := mustJSONIndent(SweepSummary{Summary: pooled, Vary: m.Vary, Points: []PointSummary{}})
	const empty = "[]\n}\n"
	if !bytes.HasSuffix(head, []byte(empty)) {
		return fmt.Errorf("runner: unexpected layout of summary.json")
	}
	if err := pts.Flush(); err != nil {
		return err
	}
	if _, err := pts.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	f.Write(head[:len(head)-len(empty)])
	f.WriteString("[\n    ")
	if _, err := io.Copy(f, pts.f); err != nil {
		f.abort()
		return err
	}
	f.WriteString("\n  ]\n}\n")
	return f.commit() // reports any error of the writes above
}

// The aggregation of records into summaries, shared by the assembly of
// an output directory and by Sweep, so that both give the same numbers.

// pooledAggregator starts the aggregate of every point of m.
func (m *Manifest) pooledAggregator() *Aggregator {
	a := NewAggregator(m.Scenario, m.Seed, m.calendar(0), m.Points[0].HubTicks)
	a.SetMeasures(m.Measures)
	return a
}

// pointAggregator starts the aggregate of point p of m.
func (m *Manifest) pointAggregator(p int) *Aggregator {
	a := NewAggregator(m.Scenario, m.Seed, m.calendar(p), m.Points[p].HubTicks)
	a.SetMeasures(m.Measures)
	return a
}

// fold adds a record to its point's aggregate and the pooled one, and
// returns its measures (for runs.csv). The pooled checkpoints are point
// 0's dates, read in the record's own calendar (pooledHubTicks).
func (m *Manifest) fold(r *Record, point, pooled *Aggregator) runMeasures {
	meas := measureRun(r, m.Points[r.Point].HubTicks)
	point.addMeasured(r, meas)
	if ticks := m.pooledHubTicks(r.Point); slices.Equal(ticks, m.Points[r.Point].HubTicks) {
		pooled.addMeasured(r, meas)
	} else {
		at := meas
		at.Hub = make([]hubValue, len(ticks))
		measureHub(r, ticks, at.Hub)
		pooled.addMeasured(r, at)
	}
	return meas
}

// pooledHubTicks are the ticks of point p at which the pooled summary
// takes the hub-and-spokes index: those of point 0's checkpoint dates in
// p's calendar. A tick outside p's runs counts none of them there.
func (m *Manifest) pooledHubTicks(p int) []int {
	first := m.Points[0].HubTicks
	cal0, cal := m.calendar(0), m.calendar(p)
	if cal == cal0 {
		return first
	}
	ticks := make([]int, len(first))
	for i, t := range first {
		month := cal0.StartYear*12 + cal0.StartMonth - 1 + t*max(1, cal0.MonthsPerTick) // months since January of year 0
		ticks[i] = cal.TickOf(month/12, month%12+1)
	}
	return ticks
}

// pointSummary is point p's entry of summary.json.
func (m *Manifest) pointSummary(p int, s *Summary) PointSummary {
	values := map[string]any{}
	for i, path := range m.Vary {
		values[path] = m.Points[p].Values[i]
	}
	return PointSummary{Point: p, Values: values, Summary: s}
}

// readRecords decodes JSON lines of records from r, the file at path,
// which a line that is not a record names.
func readRecords(path string, r io.Reader, fn func(*Record) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for line := 1; sc.Scan(); line++ {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: not a run's record: %v", path, line, err)
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
	return sc.Err()
}

// table is a CSV writer that counts nothing and checks its rows' width.
type table struct {
	w     *csv.Writer
	width int
}

func newTable(w io.Writer, head []string) *table {
	t := &table{w: csv.NewWriter(w), width: len(head)}
	t.w.Write(head)
	return t
}

func (t *table) row(cells ...string) error {
	if len(cells) != t.width {
		return fmt.Errorf("runner: a row of %d cells under %d columns", len(cells), t.width)
	}
	return t.w.Write(cells)
}

func (t *table) flush() error {
	t.w.Flush()
	return t.w.Error()
}
