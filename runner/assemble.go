package runner

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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
func Assemble(dirs []string, out string) error {
	var m *Manifest
	var scenarioTOML []byte
	parts := map[string]string{} // chunk name → directory holding it
	for _, d := range dirs {
		dm, err := readManifest(d)
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s is not an alliancesim output directory (no manifest.json)", d)
		}
		if err != nil {
			return err
		}
		if m == nil {
			m = dm
			if scenarioTOML, err = os.ReadFile(filepath.Join(d, "scenario.toml")); err != nil {
				return fmt.Errorf("%s: %w", d, err)
			}
			if sha256Hex(scenarioTOML) != m.ScenarioSHA256 {
				return fmt.Errorf("%s/scenario.toml does not match the manifest's scenario_sha256 (edited or damaged)", d)
			}
		} else if diff := m.Differences(dm); len(diff) > 0 {
			return fmt.Errorf("%s holds other work than %s: %s", d, dirs[0], strings.Join(diff, "; "))
		}
		entries, err := os.ReadDir(filepath.Join(d, "parts"))
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), tmpPrefix) {
				if _, seen := parts[e.Name()]; !seen {
					parts[e.Name()] = filepath.Join(d, "parts", e.Name())
				}
			}
		}
	}
	if m == nil {
		return errors.New("no output directories given")
	}
	chunks := m.chunks()
	var missing []string
	for _, ch := range chunks {
		if _, ok := parts[ch.name()]; !ok {
			missing = append(missing, ch.name())
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%d of %d chunks missing (first %s): %w", len(missing), len(chunks), missing[0], ErrIncomplete)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// out may hold an earlier result: only of this same work, and its
	// summary goes first, so that a failure below cannot leave old and new
	// files side by side looking complete.
	if have, err := readManifest(out); err == nil {
		if diff := m.Differences(have); len(diff) > 0 {
			return fmt.Errorf("%s holds the output of other work: %s; merge into an empty or new directory", out, strings.Join(diff, "; "))
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	} else if entries, _ := os.ReadDir(out); len(entries) > 0 {
		return fmt.Errorf("%s holds files but no manifest.json of alliancesim; refusing to write into it: use a new or empty directory", out)
	}
	if err := os.Remove(filepath.Join(out, "summary.json")); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if out != dirs[0] || len(dirs) > 1 {
		if err := writeFileAtomic(filepath.Join(out, "scenario.toml"), scenarioTOML); err != nil {
			return err
		}
		if err := writeFileAtomic(filepath.Join(out, "manifest.json"), mustJSONIndent(m)); err != nil {
			return err
		}
	}
	return assembleFiles(m, chunks, parts, out)
}

// assembleFiles writes the result files of the work m describes from its
// parts: every file goes to a temporary name first; all are renamed into
// place once every one is complete, summary.json last.
func assembleFiles(m *Manifest, chunks []chunk, parts map[string]string, out string) (err error) {
	var files []*atomicFile
	open := func(name string) *atomicFile {
		if err != nil {
			return nil
		}
		var f *atomicFile
		if f, err = createAtomic(filepath.Join(out, name)); err == nil {
			files = append(files, f)
		}
		return f
	}
	defer func() {
		if err != nil {
			for _, f := range files {
				f.abort()
			}
		}
	}()
	alliances, memberships, runs := open("alliances.csv"), open("memberships.csv"), open("runs.csv")
	var events *atomicFile
	if m.Events {
		events = open("events.jsonl")
	}
	var series *seriesWriter
	if m.seriesOn() {
		if f := open("series.csv"); f != nil {
			series = newSeriesWriter(f, m)
		}
	}
	if err != nil {
		return err
	}
	hubDates := hubColumns(m)
	tables := []*table{newTable(alliances, AllianceColumns), newTable(memberships, MembershipColumns),
		newTable(runs, runColumns(hubDates))}
	pooled := NewAggregator(m.Scenario, m.Seed, m.calendar(0), m.Points[0].HubTicks)
	perPoint := make([]*Aggregator, len(m.Points))
	for p := range m.Points {
		perPoint[p] = NewAggregator(m.Scenario, m.Seed, m.calendar(p), m.Points[p].HubTicks)
	}
	var ev io.Writer = io.Discard
	if events != nil {
		ev = events
	}
	for _, ch := range chunks {
		err = readPart(parts[ch.name()], ch, m.Events, func(r *Record) error {
			cal := m.calendar(r.Point)
			meas := Measure(r, m.Points[r.Point].HubTicks)
			perPoint[r.Point].AddMeasured(r, meas)
			pooled.Add(r)
			if err := writeAllianceRows(tables[0], r, cal); err != nil {
				return err
			}
			if err := writeMembershipRows(tables[1], r, cal); err != nil {
				return err
			}
			return writeRunRow(tables[2], r, &meas, cal, m.Points[r.Point].HubTicks, hubDates)
		}, ev)
		if err == nil && series != nil {
			err = series.addPart(parts[ch.name()], ch)
		}
		if err != nil {
			return err
		}
	}
	if series != nil {
		if err = series.finish(); err != nil {
			return err
		}
	}
	for _, t := range tables {
		if err = t.flush(); err != nil {
			return err
		}
	}
	summaries := make([]*Summary, len(perPoint))
	for p, a := range perPoint {
		summaries[p] = a.Summary()
	}
	if f := open("survival.csv"); f != nil {
		err = writeSurvival(f, summaries)
	}
	sweep := len(m.Vary) > 0
	if sweep && err == nil {
		if f := open("points.csv"); f != nil {
			err = writePoints(f, m, summaries)
		}
	}
	if err != nil {
		return err
	}
	var summary any = summaries[0]
	if sweep {
		s := SweepSummary{Summary: pooled.Summary(), Vary: m.Vary, Points: []PointSummary{}}
		for p, ps := range summaries {
			values := map[string]any{}
			for i, path := range m.Vary {
				values[path] = m.Points[p].Values[i]
			}
			s.Points = append(s.Points, PointSummary{Point: p, Values: values, Summary: ps})
		}
		summary = s
	}
	for _, f := range files {
		if err = f.commit(); err != nil {
			return err
		}
	}
	files = nil
	// summary.json last: its presence says the directory is complete.
	return writeFileAtomic(filepath.Join(out, "summary.json"), mustJSONIndent(summary))
}

// readRecords decodes JSON lines of records.
func readRecords(r io.Reader, fn func(*Record) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return err
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
