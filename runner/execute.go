package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/timeline"
)

// ExecOptions control Execute.
type ExecOptions struct {
	Workers int // 0: GOMAXPROCS; capped at MaxWorkers and at the runs to do
	Shard   Shard
	// Resume finishes an interrupted run of the same work in the
	// directory; without it such a directory is an error (ErrInterrupted).
	// The errors a caller can act on by setting Resume or Force,
	// ErrInterrupted and ErrOtherWork, do not name either; a few others
	// advise the command line's flags by name (--force for Force, --resume
	// for Resume, --shard for Shard), as the command line is where most
	// of Execute's callers set them.
	Resume bool
	// Force replaces the output of different work in the directory
	// (identified by its manifest); without it that is an error. On the
	// complete output of the same work it assembles the result files
	// again from parts/ (a merged directory keeps none: then nothing is
	// done, and Execute returns ErrComplete as without it).
	Force bool
	// Progress, if set, is called with the replications done and the
	// total this call owns (its shard's), counting those of chunks already
	// finished, which a resumed run skips, as done; it reaches (total,
	// total) before the final files are assembled.
	Progress func(done, total int)
	// Measures and Observe are as in Options: custom measures become
	// columns of runs.csv and points.csv and means in summary.json, and the
	// manifest names them, so that a directory is resumed and merged only
	// with the same measures.
	Measures []Measure
	Observe  func(point, run int) []sim.Observer
	// Notice, if set, is told in a sentence what Execute did that the
	// caller did not ask for: a damaged part found on resuming, removed
	// to be run again.
	Notice func(msg string)
}

// ErrIncomplete says that an output directory lacks some chunks: another
// shard has them, or the run was interrupted.
var ErrIncomplete = errors.New("incomplete")

// ErrComplete says that the directory already holds the complete output
// of the same work: nothing was done.
var ErrComplete = errors.New("already complete")

// ErrOtherWork says that the directory holds the output of other work, or
// a manifest that cannot be read: nothing was done. ExecOptions.Force
// (--force) replaces it; the error does not say so, as its caller names
// its own way to set it.
var ErrOtherWork = errors.New("other work")

// ErrInterrupted says that the directory holds some chunks of the same
// work, not all — an interrupted run, or a shard's: nothing was done. ExecOptions.Resume (--resume) finishes it;
// the error does not say so, as its caller names its own way to set it.
var ErrInterrupted = errors.New("interrupted")

// The files of an output directory, besides the manifest and parts/;
// report.html is drawn from them by the report command, and goes with
// them when Force replaces the work.
var (
	resultFiles = []string{"summary.json", "alliances.csv", "memberships.csv", "runs.csv", "survival.csv", "points.csv", "series.csv", "events.jsonl", "sensitivity.csv"}
	ourFiles    = append([]string{"manifest.json", "scenario.toml", "parts", "report.html"}, resultFiles...)
)

// Execute runs the plan (or this shard of it) into dir: every finished
// chunk is written atomically under dir/parts; a resumed run skips the
// chunks already there. When the directory then holds every chunk, the
// final files are assembled (see Assemble). It returns ErrIncomplete,
// wrapped, when chunks remain for other shards, and ErrComplete, wrapped,
// when dir already held the complete output of the same work. When ctx
// is cancelled it returns ctx's error, with the chunks finished so far
// kept in dir; where one or more had finished, the next call on that
// directory returns ErrInterrupted, wrapped, unless it sets Resume (with
// none, it starts afresh). A shard whose chunks are all there already
// returns ErrIncomplete, wrapped, too: what is left is the merge.
//
// Execute creates dir, and its parents, if they do not exist, and holds
// its lock (a lock file in it) while it works. It writes manifest.json
// and scenario.toml first, then the chunks under dir/parts, then the
// final files. It never writes into a directory that holds other files
// but no manifest.json of its own, Force or not.
//
// Memory is bounded by the workers, whatever the number of runs, chunks
// and points: replications are handed out one at a time as workers become
// free, each chunk is streamed to disk as its replications finish, and a
// point's compiled scenario is built when its first replication is due.
func Execute(ctx context.Context, plan *Plan, dir string, opts ExecOptions) error {
	if plan == nil {
		return errors.New("runner: Execute of a nil plan")
	}
	if dir == "" {
		return errNoDir
	}
	if err := plan.check(); err != nil {
		return err
	}
	if err := opts.Shard.check(); err != nil {
		return err
	}
	if err := checkMeasures(opts.Measures); err != nil {
		return err
	}
	m := plan.Manifest()
	m.Measures = measureNames(opts.Measures)
	if err := m.validate(); err != nil {
		return fmt.Errorf("runner: %w", err)
	}
	if n := len(mustJSONIndent(m)); n > input.MaxFileSize {
		return fmt.Errorf("runner: the manifest of this work would be %.1f MiB (%d points); allowed: at most 16 MiB, the most any input file may be: fewer points (or a shorter horizon, which has fewer hub dates per point)", float64(n)/(1<<20), len(m.Points))
	}
	total := ownedRuns(&m, opts.Shard)
	if total == 0 && opts.Notice != nil {
		opts.Notice(fmt.Sprintf("shard %d/%d owns no chunk of this work, which has %s: it runs nothing (no more shards than chunks keeps every shard busy)",
			opts.Shard.Index+1, opts.Shard.Count, words.Count(m.chunkCount(), "chunk", "chunks")))
	}
	workers, err := workerCount(opts.Workers, total)
	if err != nil {
		return err
	}
	if err := completeAlready(dir, &m, plan.ScenarioTOML, opts.Notice); err != nil && !opts.Force {
		removeLeftTemps(dir, opts.Notice)
		return err // before the lock: complete work on read-only storage is still found so
	}
	release, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer release()
	if err := prepareDir(dir, &m, plan.ScenarioTOML, opts); err != nil {
		return err
	}
	src := &jobSource{plan: plan, m: &m, dir: dir, shard: opts.Shard}
	type output struct {
		record []byte
		events []byte
		series []sim.Sample // nil unless the point records a time series
	}
	var open *partWriter
	defer func() {
		if open != nil {
			open.abort()
		}
	}()
	done := 0
	pr := probes{measures: opts.Measures, observe: opts.Observe}
	err = orderedMap(ctx, workers, src.next,
		func(j job) (output, error) {
			w, record, err := pr.replicate(ctx, j.c, j.ch.Point, j.run, ReplicationSeed(plan.Seed, j.run))
			if err != nil {
				return output{}, err
			}
			rec, err := json.Marshal(record)
			if err != nil {
				return output{}, err
			}
			var ev []byte
			if plan.Events {
				if ev, err = eventLines(j.ch.Point, j.run, w); err != nil {
					return output{}, err
				}
			}
			return output{append(rec, '\n'), ev, w.Series()}, nil
		},
		func(j job, o output) error {
			if open == nil {
				var err error
				if open, err = newPartWriter(dir, j.ch, plan.Events, newChunkSeries(j.c)); err != nil {
					return err
				}
			}
			if err := open.add(o.record, o.events); err != nil {
				return err
			}
			if err := addSeries(open.series, o.series); err != nil {
				return err
			}
			done += j.skipped + 1
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
			if j.run+1 < j.ch.To {
				return nil
			}
			err := open.commit()
			open = nil
			return err
		})
	if err != nil {
		return err
	}
	if opts.Progress != nil && done < total {
		opts.Progress(total, total) // the last chunks were finished before
	}
	if done, total := countParts(dir, &m); done < total {
		return fmt.Errorf("%s holds %d of %d chunks; merge it with the other shards' directories: %w", dir, done, total, ErrIncomplete)
	}
	return assemble(ctx, []string{dir}, dir, nil)
}

// eventLine is a line of events.jsonl: an event's record tagged with
// point and run, and its sentence (package timeline).
type eventLine struct {
	Point int `json:"point"`
	Run   int `json:"run"`
	sim.EventRecord
	Text string `json:"text"`
}

// eventLines is a run's event log as JSON lines tagged with point and run.
func eventLines(point, run int, w *sim.World) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	events := w.Events()
	for i := range events {
		l := eventLine{Point: point, Run: run, EventRecord: w.EventRecord(&events[i])}
		l.Text = timeline.Describe(&l.EventRecord)
		if err := enc.Encode(l); err != nil {
			return nil, err
		}
	}
	return []byte(b.String()), nil
}

// prepareDir makes dir, whose lock the caller holds, ready for the work m
// describes: a new or empty directory gets the manifest and scenario.toml;
// a directory with the manifest of the same work is resumed (opts.Resume)
// or found complete (its files assembled again from parts/ under
// opts.Force); a directory of other work is refused unless
// opts.Force, which clears our files from it; a directory with files but
// no manifest of ours is always refused, so that no one's files are
// overwritten. Temporary files left by a killed run are removed. A
// directory gone on with records the plan's command line in its
// manifest's Resumed.
func prepareDir(dir string, m *Manifest, scenarioTOML []byte, opts ExecOptions) error {
	have, err := ReadManifest(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		foreign, ferr := foreignFiles(dir)
		if ferr != nil {
			return ferr
		}
		if foreign != "" {
			return fmt.Errorf("%s holds files (%s) but no manifest.json of alliancesim; refusing to write into it: use a new or empty directory", dir, foreign)
		}
		return startDir(dir, m, scenarioTOML)
	case err != nil && !manifestOfOurs(dir):
		// Someone else's manifest.json: never written into, --force or not.
		foreign, ferr := foreignFiles(dir)
		if ferr != nil {
			return ferr
		}
		return fmt.Errorf("%s holds files (%s) but no manifest.json of alliancesim (%v); refusing to write into it, even with --force: use a new or empty directory", dir, foreign, err)
	case err != nil && !opts.Force:
		return fmt.Errorf("%w (%w)", err, ErrOtherWork)
	case err != nil:
		return replaceDir(dir, m, scenarioTOML)
	}
	if diff := m.DifferencesIn(have, "now", "in "+dir); len(diff) > 0 {
		if opts.Force {
			return replaceDir(dir, m, scenarioTOML)
		}
		return fmt.Errorf("%s holds the output of %w: %s", dir, ErrOtherWork, strings.Join(diff, "; "))
	}
	reassemble := false
	if finished(dir) {
		why := resultDamage(dir, m)
		if why == "" {
			// Complete (completeAlready restored a missing scenario.toml).
			// --force assembles its files again from parts/, the way out
			// where a file was damaged in a way the checks do not see
			// (resultDamage); a merged directory keeps no parts, and
			// running the work again (a shard of it, say) would throw
			// complete output away.
			if !opts.Force {
				return errComplete(dir)
			}
			if done, total := countParts(dir, m); done < total {
				return errComplete(dir)
			}
			why = "--force asks for its results again"
		}
		var replaced bool
		if reassemble, replaced, err = damagedResults(dir, m, why, scenarioTOML, opts); err != nil || replaced {
			return err
		}
	}
	if !reassemble && !opts.Resume && opts.Shard.Count > 1 && shardDone(dir, m, opts.Shard) {
		// nothing to do, as for complete work; what is next is the merge
		return fmt.Errorf("%s holds every chunk of shard %d/%d, finished: nothing to do; combine the shards' directories with alliancesim merge (%w)", dir, opts.Shard.Index+1, opts.Shard.Count, ErrIncomplete)
	}
	if !reassemble && !opts.Resume && countPartsAny(dir) > 0 {
		if opts.Shard.Count > 1 && !holdsShardPart(dir, m, opts.Shard) {
			return fmt.Errorf("%s holds chunks of other shards of this same work, none of shard %d/%d's: not an %w run of this shard", dir, opts.Shard.Index+1, opts.Shard.Count, ErrInterrupted)
		}
		// Interrupted, or a shard's, finished or not: not all of the work.
		return fmt.Errorf("%s holds chunks of this same work, not all of it: an %w run, or a shard's", dir, ErrInterrupted)
	}
	if _, err := cleanTemps(dir); err != nil {
		return err
	}
	if err := removeDamagedParts(dir, m, opts.Notice); err != nil {
		return err
	}
	// Killed between the manifest and scenario.toml, or the file edited
	// since: the work goes on with the scenario that ran.
	if err := restoreScenario(dir, scenarioTOML, opts.Notice); err != nil {
		return err
	}
	if len(m.Command) > 0 { // the command going on with the work, for provenance
		have.Resumed = append(have.Resumed, m.Command)
		if err := writeFileAtomic(filepath.Join(dir, "manifest.json"), mustJSONIndent(have)); err != nil {
			return err
		}
	}
	return os.MkdirAll(filepath.Join(dir, "parts"), 0o755)
}

// completeAlready returns ErrComplete, wrapped, when dir holds the
// complete output of the work m describes: its manifest, its summary.json
// (renamed into place last) and every other result file undamaged
// (resultDamage); nil otherwise. A scenario.toml missing from it, or
// edited, is written again (restoreScenario) — here, before the lock,
// since the bytes are the manifest's own, so that complete work on
// read-only storage is still found so; where it cannot be written, notice
// says so.
func completeAlready(dir string, m *Manifest, scenarioTOML []byte, notice func(string)) error {
	have, err := ReadManifest(dir)
	if err != nil || len(m.Differences(have)) > 0 || !finished(dir) || resultDamage(dir, m) != "" {
		return nil
	}
	if err := restoreScenario(dir, scenarioTOML, notice); err != nil && notice != nil {
		notice(fmt.Sprintf("%s is missing or not the scenario that ran, and cannot be written again (%v)", filepath.Join(dir, "scenario.toml"), err))
	}
	return errComplete(dir)
}

// removeLeftTemps removes, from a directory found complete (and not to
// be written again: no --force), the temporary files a write killed
// after it was complete left there (a --force reassembly killed midway
// leaves the old, whole files and its half-written ones): under the
// lock, as cleanTemps wants, and notice is told how many. Where the lock
// cannot be taken (another process writes dir, whose files they may be,
// or it is read-only), notice says they stay, and why.
func removeLeftTemps(dir string, notice func(string)) {
	if temps, err := leftTemps(dir); err != nil || len(temps) == 0 {
		return
	}
	tell := func(s string) {
		if notice != nil {
			notice(s)
		}
	}
	release, err := lockDir(dir)
	if err != nil {
		tell(fmt.Sprintf("%s holds temporary files, which stay (%v)", dir, err))
		return
	}
	defer release()
	n, err := cleanTemps(dir)
	if n > 0 {
		tell(fmt.Sprintf("removed %s an interrupted write left in %s", words.Count(n, "temporary file", "temporary files"), dir))
	}
	if err != nil {
		tell(fmt.Sprintf("%s holds temporary files that could not be removed (%v)", dir, err))
	}
}

// restoreScenario writes dir/scenario.toml again where it is missing from
// the work's directory, finished or not, or differs from the scenario
// that ran (edited or damaged since) — the same bytes: the manifest, whose scenario hash
// matched, says so; two processes doing it at once write the same bytes,
// each through its own temporary file — so that what the README promises
// of it, run it again with alliancesim run DIR/scenario.toml, holds, and
// notice is told.
func restoreScenario(dir string, scenarioTOML []byte, notice func(string)) error {
	path := filepath.Join(dir, "scenario.toml")
	why := "was missing"
	if have, err := os.ReadFile(path); err == nil {
		if bytes.Equal(have, scenarioTOML) {
			return nil
		}
		why = "differed from the scenario that ran (edited or damaged since)"
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := writeFileAtomic(path, scenarioTOML); err != nil {
		return err
	}
	if notice != nil {
		notice(path + " " + why + "; it is written again")
	}
	return nil
}

// finished reports whether dir's work was once finished: its summary.json,
// renamed into place after every other result file, is there.
func finished(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "summary.json"))
	return err == nil
}

func errComplete(dir string) error {
	return fmt.Errorf("%s: %w: it holds the complete output of this same work; nothing to do", dir, ErrComplete)
}

// damagedResults handles a directory whose work was finished but whose
// result files are damaged (why): with every chunk's part there, they are
// to be assembled again from parts/ (reassemble), and notice is told;
// otherwise (a merged directory keeps no parts) the work is run again
// under force (replaced), or the error says what to do.
func damagedResults(dir string, m *Manifest, why string, scenarioTOML []byte, opts ExecOptions) (reassemble, replaced bool, err error) {
	if done, total := countParts(dir, m); done == total {
		if opts.Notice != nil {
			opts.Notice(fmt.Sprintf("%s: %s; its result files are assembled again from parts/", dir, why))
		}
		return true, false, nil
	}
	if opts.Force {
		return false, true, replaceDir(dir, m, scenarioTOML)
	}
	return false, false, fmt.Errorf("%s holds damaged output of this same work (%s), and parts/ lacks chunks to assemble it again from: merge the shards again, or use --force to run the work again", dir, why)
}

// removeDamagedParts removes the finished parts of dir whose done.json
// does not parse or whose files are not the sizes it records (a part cut
// short by a crash, say), so that resuming runs their chunks again instead
// of failing on them at assembly; notice, if set, is told of each. Their
// checksums are checked at assembly.
func removeDamagedParts(dir string, m *Manifest, notice func(string)) error {
	for k := 0; k < m.chunkCount(); k++ {
		ch := m.chunkAt(k)
		if !partDone(dir, ch) {
			continue
		}
		path := filepath.Join(dir, "parts", ch.name())
		why := partDamage(path, m, ch)
		if why == "" {
			continue
		}
		if err := os.RemoveAll(path); err != nil {
			return err
		}
		if notice != nil {
			notice(fmt.Sprintf("part %s was damaged (%s); it is removed and its chunk run again", path, why))
		}
	}
	return nil
}

// partFiles are the files a finished part of chunk ch of the work m
// holds: its records, its events if the work keeps them, and its time
// series if its point records one.
func partFiles(m *Manifest, ch chunk) []string {
	names := []string{"runs.jsonl"}
	if m.Events {
		names = append(names, "events.jsonl")
	}
	if m.Points[ch.Point].SeriesEvery > 0 {
		names = append(names, seriesPart)
	}
	return names
}

// partDamage says what is wrong with a finished part at path, cheaply —
// its done.json, the files it lists and their sizes — or "".
func partDamage(path string, m *Manifest, ch chunk) string {
	b, err := input.ReadFile(filepath.Join(path, doneFile))
	if err != nil {
		return err.Error()
	}
	done, err := parseDone(filepath.Join(path, doneFile), b, ch)
	if err != nil {
		return err.Error()
	}
	for _, name := range partFiles(m, ch) {
		if _, ok := done.Files[name]; !ok {
			return name + " is not listed in " + doneFile
		}
	}
	for _, name := range slices.Sorted(maps.Keys(done.Files)) {
		if fi, err := os.Stat(filepath.Join(path, name)); err != nil || fi.Size() != done.Files[name].Bytes {
			return name + " does not match its size in " + doneFile
		}
	}
	return ""
}

// foreignFiles names the first files of dir that are not what a run of
// ours leaves before its manifest is written (its lock, its temporary
// files, an empty parts/), or "" if there are none.
func foreignFiles(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if name == lockFile || ourTemp(name) {
			continue
		}
		if name == "parts" && e.IsDir() {
			if sub, err := os.ReadDir(filepath.Join(dir, name)); err == nil && len(sub) == 0 {
				continue
			}
		}
		names = append(names, name)
	}
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	return strings.Join(names, ", "), nil
}

// manifestOfOurs reports whether dir's manifest.json, which ReadManifest
// refused, is still recognisably one alliancesim wrote — of another
// format, or damaged or edited, which --force may replace — and not
// another program's file of that name, which it never may. It is ours
// if it is a JSON object with a manifest format of 1 or more, the build
// that wrote it and a scenario's SHA-256; or, cut short or otherwise no
// JSON, if it begins as ours do and everything beside it is ours (parts/,
// scenario.toml, the result files, a report).
func manifestOfOurs(dir string) bool {
	b, err := input.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return false
	}
	var fields struct {
		Format         *int            `json:"format"`
		Tool           json.RawMessage `json:"tool"`
		ScenarioSHA256 *string         `json:"scenario_sha256"`
	}
	if json.Unmarshal(b, &fields) == nil {
		return fields.Format != nil && *fields.Format >= 1 && len(fields.Tool) > 0 && fields.Tool[0] == '{' && fields.ScenarioSHA256 != nil
	}
	if !bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n"), []byte(`{`)) || !bytes.Contains(b, []byte(`"format":`)) {
		return false
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		ours := name == "manifest.json" || name == "scenario.toml" || name == "report.html" || name == lockFile || ourTemp(name) ||
			name == "parts" && e.IsDir() || slices.Contains(resultFiles, name)
		if !ours {
			return false
		}
	}
	return true
}

// startDir writes the manifest, then scenario.toml (a run killed between
// the two is resumed, and writes the second then).
func startDir(dir string, m *Manifest, scenarioTOML []byte) error {
	if _, err := cleanTemps(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "parts"), 0o755); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, "manifest.json"), mustJSONIndent(m)); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, "scenario.toml"), scenarioTOML)
}

// removeAll is os.RemoveAll; a test makes it fail part way.
var removeAll = os.RemoveAll

// replaceDir removes our files from dir (never anyone else's) and starts
// it afresh. The summary goes first, so that an interruption cannot leave
// the old results looking complete, and the manifest last, so that until
// it is gone the directory is still known for ours (an interrupted --force
// can be run again).
func replaceDir(dir string, m *Manifest, scenarioTOML []byte) error {
	order := []string{"summary.json", "report.html"}
	for _, f := range resultFiles {
		if f != "summary.json" {
			order = append(order, f)
		}
	}
	order = append(order, "parts", "scenario.toml", "manifest.json")
	for _, f := range order {
		if err := removeAll(filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	return startDir(dir, m, scenarioTOML)
}

// shardDone reports whether dir holds a finished part of every chunk of
// the work m that shard s owns.
func shardDone(dir string, m *Manifest, s Shard) bool {
	for k := 0; k < m.chunkCount(); k++ {
		if s.owns(k) && !partDone(dir, m.chunkAt(k)) {
			return false
		}
	}
	return true
}

// holdsShardPart reports whether dir holds a part of a chunk that shard s
// runs: whether a run of that shard began there.
func holdsShardPart(dir string, m *Manifest, s Shard) bool {
	for k := 0; k < m.chunkCount(); k++ {
		if !s.owns(k) {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "parts", m.chunkAt(k).name())); err == nil {
			return true
		}
	}
	return false
}

// countPartsAny counts the finished part directories in dir, whatever
// their chunk.
func countPartsAny(dir string) int {
	entries, _ := os.ReadDir(filepath.Join(dir, "parts"))
	n := 0
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), tmpPrefix) {
			n++
		}
	}
	return n
}

// doneFile completes a part: the number of runs it holds and the size
// and SHA-256 of each of its files. A part without it, or whose files do
// not match it, is not a finished part.
const doneFile = "done.json"

type partDoneRecord struct {
	Runs  int                `json:"runs"`
	Files map[string]FileSum `json:"files"`
}

// partWriter streams one chunk's files into a temporary directory; commit
// writes the chunk's time-series aggregate (if any) and done.json and
// renames the directory into parts/.
type partWriter struct {
	dir, tmp string
	ch       chunk
	runs     int
	files    []*summedFile
	series   *seriesAggregate
}

type summedFile struct {
	name string
	f    *os.File
	*summedWriter
}

func newSummedFile(name string, f *os.File) *summedFile {
	return &summedFile{name: name, f: f, summedWriter: newSummedWriter(f)}
}

func newPartWriter(dir string, ch chunk, events bool, series *seriesAggregate) (*partWriter, error) {
	tmp, err := mkdirTemp(filepath.Join(dir, "parts"), tmpPrefix+ch.name()+"-")
	if err != nil {
		return nil, err
	}
	pw := &partWriter{dir: dir, tmp: tmp, ch: ch, series: series}
	names := []string{"runs.jsonl"}
	if events {
		names = append(names, "events.jsonl")
	}
	for _, n := range names {
		f, err := os.OpenFile(filepath.Join(tmp, n), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			pw.abort()
			return nil, err
		}
		pw.files = append(pw.files, newSummedFile(n, f))
	}
	return pw, nil
}

func (pw *partWriter) add(record, events []byte) error {
	pw.runs++
	if _, err := pw.files[0].Write(record); err != nil {
		return err
	}
	if len(pw.files) > 1 {
		if _, err := pw.files[1].Write(events); err != nil {
			return err
		}
	}
	return nil
}

func (pw *partWriter) commit() error {
	rec := partDoneRecord{Runs: pw.runs, Files: map[string]FileSum{}}
	if pw.series != nil {
		if err := pw.writeSeries(); err != nil {
			pw.abort()
			return err
		}
	}
	for _, f := range pw.files {
		err := f.f.Sync() // on disk before done.json says the part is finished
		if cerr := f.f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			pw.abort()
			return err
		}
		rec.Files[f.name] = f.sum()
	}
	pw.files = nil
	if err := writeFileAtomic(filepath.Join(pw.tmp, doneFile), mustJSONIndent(rec)); err != nil { // synced, as every atomic file
		pw.abort()
		return err
	}
	// A part left without done.json is unfinished (partDone), so its
	// chunk was run again: the new part replaces it.
	final := filepath.Join(pw.dir, "parts", pw.ch.name())
	if !partDone(pw.dir, pw.ch) {
		if err := os.RemoveAll(final); err != nil {
			pw.abort()
			return err
		}
	}
	if err := os.Rename(pw.tmp, final); err != nil {
		pw.abort()
		return err
	}
	return nil
}

// writeSeries adds the chunk's time-series aggregate to its files.
func (pw *partWriter) writeSeries() error {
	b, err := json.Marshal(pw.series)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(pw.tmp, seriesPart), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	sf := newSummedFile(seriesPart, f)
	pw.files = append(pw.files, sf)
	_, err = sf.Write(append(b, '\n'))
	return err
}

func (pw *partWriter) abort() {
	for _, f := range pw.files {
		f.f.Close()
	}
	os.RemoveAll(pw.tmp)
}

// readPart checks a finished part of the work m describes against its
// done.json and hands its records, in order and each checked, to fn;
// events, if recorded, are copied to ev.
func readPart(path string, m *Manifest, ch chunk, fn func(*Record) error, ev io.Writer) error {
	done, err := readDone(path, ch)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("part %s is not finished (no %s): %w", path, doneFile, ErrIncomplete)
	}
	if err != nil {
		return err
	}
	err = readChecked(path, "runs.jsonl", done, func(r io.Reader) error {
		return partRecords(path, m, ch, r, fn)
	})
	if err != nil || !m.Events {
		return err
	}
	return readChecked(path, "events.jsonl", done, func(r io.Reader) error {
		_, err := io.Copy(ev, r)
		return err
	})
}

// readDone reads and checks the done.json of the part of chunk ch at
// part: an error that wraps fs.ErrNotExist if it has none (not
// finished), and one that says how to recompute the part if it is
// damaged.
func readDone(part string, ch chunk) (partDoneRecord, error) {
	path := filepath.Join(part, doneFile)
	b, err := input.ReadFile(path)
	if err != nil {
		return partDoneRecord{}, err
	}
	done, err := parseDone(path, b, ch)
	if err != nil {
		return done, fmt.Errorf("%w (damaged): %s", err, recompute(part))
	}
	return done, nil
}

// listedSum is the size and SHA-256 that the done.json of the part at
// part records for its file name, or an error saying it lists none.
func listedSum(part string, done partDoneRecord, name string) (FileSum, error) {
	want, ok := done.Files[name]
	if !ok {
		return want, fmt.Errorf("part %s: %s is not listed in %s (damaged or replaced): %s", part, name, doneFile, recompute(part))
	}
	return want, nil
}

// parseDone decodes and checks the done.json (at path) of chunk ch.
func parseDone(path string, b []byte, ch chunk) (partDoneRecord, error) {
	var done partDoneRecord
	if err := json.Unmarshal(b, &done); err != nil {
		return done, fmt.Errorf("%s: %v", path, err)
	}
	if err := checkSums(done.Files); err != nil {
		return done, fmt.Errorf("%s: %v", path, err)
	}
	if want := ch.To - ch.From; done.Runs != want {
		return done, fmt.Errorf("%s: %d runs; its chunk has %d", path, done.Runs, want)
	}
	return done, nil
}

// partRecords reads the records of chunk ch (from the part at path) and
// hands them, each checked, to fn: exactly the runs of the chunk, in order.
func partRecords(path string, m *Manifest, ch chunk, r io.Reader, fn func(*Record) error) error {
	next := ch.From
	err := readRecords(filepath.Join(path, "runs.jsonl"), r, func(rec *Record) error {
		if rec.Point != ch.Point || rec.Run != next {
			return fmt.Errorf("part %s: record of point %d run %d where point %d run %d belongs", path, rec.Point, rec.Run, ch.Point, next)
		}
		if len(rec.Measures) != len(m.Measures) {
			return fmt.Errorf("part %s: run %d has %d measure values; the manifest names %d measures", path, rec.Run, len(rec.Measures), len(m.Measures))
		}
		if err := rec.check(m.Points[ch.Point].Ticks, ReplicationSeed(m.Seed, rec.Run)); err != nil {
			return fmt.Errorf("part %s: run %d: %v", path, rec.Run, err)
		}
		next++
		return fn(rec)
	})
	if err != nil {
		return err
	}
	if next != ch.To {
		return fmt.Errorf("part %s holds runs %d…%d of %d…%d", path, ch.From, next-1, ch.From, ch.To-1)
	}
	return nil
}

// readChecked hands the file to read and then checks its size and
// SHA-256 against done.
func readChecked(dir, name string, done partDoneRecord, read func(io.Reader) error) error {
	want, err := listedSum(dir, done, name)
	if err != nil {
		return err
	}
	f, err := input.OpenRegular(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Size() != want.Bytes {
		return fmt.Errorf("part %s: %s does not match its size in %s (damaged or replaced): %s", dir, name, doneFile, recompute(dir))
	}
	summed := newSummedWriter(io.Discard)
	r := io.TeeReader(f, summed)
	readErr := read(r)
	if _, err := io.Copy(io.Discard, r); err != nil {
		return err
	}
	// A file that does not match its checksum is called damaged, whatever
	// reading it made of it: a changed byte may not parse.
	if summed.sum() != want {
		return fmt.Errorf("part %s: %s does not match its checksum in %s (damaged or replaced): %s", dir, name, doneFile, recompute(dir))
	}
	return readErr
}

// recompute says how to replace a damaged part: the work that wrote it
// recomputes its chunk, where a merge cannot.
func recompute(part string) string {
	return "remove " + part + " and run the work that wrote it again to recompute its chunk (the same run command, or the sweep with its --shard and --resume), then merge or report again"
}
