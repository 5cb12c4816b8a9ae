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
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// Plan is the work of a Monte Carlo run or a sweep: one or more points, each
// a compiled scenario with the values that made it, and the replications of
// each.
type Plan struct {
	Scenario   string // name shown in outputs
	Experiment string // experiment file, if a sweep
	Runs       int    // per point
	Seed       uint64
	ChunkSize  int  // replications per unit of output, resume and sharding (default 100)
	Events     bool // write events.jsonl
	Vary       []string
	Points     []Point
}

// Point is one sweep point: the value given to each varied path (in the
// order of Plan.Vary) and the compiled scenario they give.
type Point struct {
	Values   []any
	Compiled *sim.Compiled
}

// Manifest describes an output directory so that shards can be merged and
// runs resumed: the same plan, whatever the shard.
type Manifest struct {
	Version    int             `json:"version"`
	Scenario   string          `json:"scenario"`
	Experiment string          `json:"experiment,omitempty"`
	Runs       int             `json:"runs"`
	Seed       uint64          `json:"seed"`
	ChunkSize  int             `json:"chunk_size"`
	Events     bool            `json:"events"`
	Vary       []string        `json:"vary,omitempty"`
	Points     []ManifestPoint `json:"points"`
}

// ManifestPoint is what the assembly needs of a point.
type ManifestPoint struct {
	Values        []any  `json:"values,omitempty"`
	Start         string `json:"start"`
	MonthsPerTick int    `json:"months_per_tick"`
	Ticks         int    `json:"ticks"`
	HubTicks      []int  `json:"hub_ticks"`
}

func (p *Plan) chunkSize() int {
	if p.ChunkSize > 0 {
		return p.ChunkSize
	}
	return 100
}

// Manifest returns the plan's manifest.
func (p *Plan) Manifest() Manifest {
	m := Manifest{Version: 1, Scenario: p.Scenario, Experiment: p.Experiment, Runs: p.Runs, Seed: p.Seed,
		ChunkSize: p.chunkSize(), Events: p.Events, Vary: p.Vary}
	for _, pt := range p.Points {
		sc := pt.Compiled.Scenario()
		m.Points = append(m.Points, ManifestPoint{Values: pt.Values, Start: sc.Calendar.Label(0),
			MonthsPerTick: sc.Calendar.MonthsPerTick, Ticks: sc.Ticks, HubTicks: DefaultHubTicks(sc.Calendar, sc.Ticks)})
	}
	return m
}

// chunk is a unit of work and of output: replications [From, To) of a
// point. Its files live in parts/<name>.
type chunk struct {
	Point, From, To int
}

func (c chunk) name() string { return fmt.Sprintf("p%05d-r%07d-%07d", c.Point, c.From, c.To) }

func (m *Manifest) chunks() []chunk {
	var out []chunk
	for p := range m.Points {
		for from := 0; from < m.Runs; from += m.ChunkSize {
			out = append(out, chunk{p, from, min(from+m.ChunkSize, m.Runs)})
		}
	}
	return out
}

// Shard selects the i-th of n disjoint slices of the work (0-based): chunk
// k belongs to shard k mod n.
type Shard struct{ Index, Count int }

func (s Shard) owns(k int) bool { return s.Count <= 1 || k%s.Count == s.Index }

// ExecOptions control Execute.
type ExecOptions struct {
	Workers  int
	Shard    Shard
	Resume   bool
	Progress func(done, total int)
}

// ErrIncomplete says that an output directory lacks some chunks: another
// shard has them, or the run was interrupted.
var ErrIncomplete = errors.New("incomplete")

// Execute runs the plan (or this shard of it) into dir: every finished
// chunk is written atomically under dir/parts; a resumed run skips the
// chunks already there. When the directory then holds every chunk, the
// final files are assembled (see Assemble). It returns ErrIncomplete,
// wrapped, when chunks remain for other shards.
func Execute(ctx context.Context, plan *Plan, dir string, opts ExecOptions) error {
	m := plan.Manifest()
	if err := prepareDir(dir, &m, opts.Resume); err != nil {
		return err
	}
	var todo []chunk
	all := m.chunks()
	for k, ch := range all {
		if !opts.Shard.owns(k) {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "parts", ch.name())); err == nil {
			continue // finished earlier
		}
		todo = append(todo, ch)
	}
	total := 0
	for _, ch := range todo {
		total += ch.To - ch.From
	}
	type job struct {
		ch  chunk
		run int
	}
	var jobs []job
	for _, ch := range todo {
		for r := ch.From; r < ch.To; r++ {
			jobs = append(jobs, job{ch, r})
		}
	}
	type output struct {
		record []byte
		events []byte
	}
	var recBuf, evBuf bytes.Buffer
	err := orderedMap(ctx, Options{Workers: opts.Workers}.workers(), len(jobs),
		func(i int) (output, error) {
			j := jobs[i]
			c := plan.Points[j.ch.Point].Compiled
			seed := ReplicationSeed(plan.Seed, j.ch.Point, j.run)
			w := sim.NewWorld(c, seed)
			if _, err := w.Run(ctx); err != nil {
				return output{}, err
			}
			rec, err := json.Marshal(NewRecord(j.ch.Point, j.run, seed, w))
			if err != nil {
				return output{}, err
			}
			var ev []byte
			if plan.Events {
				ev, err = eventLines(j.ch.Point, j.run, w)
				if err != nil {
					return output{}, err
				}
			}
			return output{append(rec, '\n'), ev}, nil
		},
		func(i int, o output) error {
			recBuf.Write(o.record)
			evBuf.Write(o.events)
			if opts.Progress != nil {
				opts.Progress(i+1, total)
			}
			j := jobs[i]
			if j.run+1 < j.ch.To {
				return nil
			}
			files := map[string][]byte{"runs.jsonl": recBuf.Bytes()}
			if plan.Events {
				files["events.jsonl"] = evBuf.Bytes()
			}
			err := writePart(dir, j.ch.name(), files)
			recBuf.Reset()
			evBuf.Reset()
			return err
		})
	if err != nil {
		return err
	}
	if done, total := countParts(dir, all); done < total {
		return fmt.Errorf("%s holds %d of %d chunks; merge it with the other shards' directories: %w", dir, done, total, ErrIncomplete)
	}
	return Assemble([]string{dir}, dir)
}

// eventLines is a run's event log as JSON lines tagged with point and run.
func eventLines(point, run int, w *sim.World) ([]byte, error) {
	type line struct {
		Point int `json:"point"`
		Run   int `json:"run"`
		sim.EventRecord
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, e := range w.Result().Events {
		if err := enc.Encode(line{point, run, e}); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// prepareDir creates dir and its manifest, or checks that an existing
// manifest describes the same plan.
func prepareDir(dir string, m *Manifest, resume bool) error {
	if err := os.MkdirAll(filepath.Join(dir, "parts"), 0o755); err != nil {
		return err
	}
	want, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	want = append(want, '\n')
	path := filepath.Join(dir, "manifest.json")
	have, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return writeFileAtomic(path, want)
	case err != nil:
		return err
	case !bytes.Equal(have, want):
		return fmt.Errorf("%s was written by another run (scenario, runs, seed or sweep differ); use another --out", dir)
	case !resume:
		return fmt.Errorf("%s already holds output of this run; add --resume to finish it, or use another --out", dir)
	}
	return nil
}

func countParts(dir string, all []chunk) (done, total int) {
	for _, ch := range all {
		if _, err := os.Stat(filepath.Join(dir, "parts", ch.name())); err == nil {
			done++
		}
	}
	return done, len(all)
}

// writePart writes a chunk's files into a temporary directory and renames
// it into place: a part directory exists only when complete.
func writePart(dir, name string, files map[string][]byte) error {
	tmp, err := os.MkdirTemp(filepath.Join(dir, "parts"), ".tmp-"+name+"-")
	if err != nil {
		return err
	}
	for _, f := range slices.Sorted(mapsKeys(files)) {
		if err := os.WriteFile(filepath.Join(tmp, f), files[f], 0o644); err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, filepath.Join(dir, "parts", name)); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it: readers see the old file or the whole new one.
func writeFileAtomic(path string, data []byte) error {
	return writeStreamAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeStreamAtomic writes what fill produces to a temporary file beside
// path and renames it into place.
func writeStreamAtomic(path string, fill func(w io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = f.Chmod(0o644) // CreateTemp makes 0600; outputs are for sharing
	if err == nil {
		err = fill(bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

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
// files: alliances.csv, events.jsonl (if recorded), survival.csv,
// summary.json and, for sweeps, points.csv. The bytes depend only on the
// plan, never on the number of workers or shards.
func Assemble(dirs []string, out string) error {
	var m *Manifest
	parts := map[string]string{} // chunk name → directory holding it
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "manifest.json"))
		if err != nil {
			return fmt.Errorf("%s is not an alliancesim output directory: %w", d, err)
		}
		var dm Manifest
		if err := json.Unmarshal(b, &dm); err != nil {
			return fmt.Errorf("%s/manifest.json: %w", d, err)
		}
		if m == nil {
			m = &dm
		} else if mb, _ := json.Marshal(m); !bytes.Equal(mb, mustJSON(dm)) {
			return fmt.Errorf("%s belongs to another run than %s (manifests differ)", d, dirs[0])
		}
		entries, err := os.ReadDir(filepath.Join(d, "parts"))
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".tmp-") {
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
	// out may hold an earlier result: only of this same run, and its
	// summary goes first, so that a failure below cannot leave old and new
	// files side by side looking complete.
	if have, err := os.ReadFile(filepath.Join(out, "manifest.json")); err == nil {
		var hm Manifest
		if json.Unmarshal(have, &hm) != nil || !bytes.Equal(mustJSON(hm), mustJSON(*m)) {
			return fmt.Errorf("%s holds the output of another run; merge into an empty or new directory", out)
		}
	}
	if err := os.Remove(filepath.Join(out, "summary.json")); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if out != dirs[0] || len(dirs) > 1 {
		if err := writeFileAtomic(filepath.Join(out, "manifest.json"), mustJSONIndent(*m)); err != nil {
			return err
		}
	}

	// One pass over the records: alliances.csv and the aggregates.
	cal := func(p int) sim.Calendar {
		y, mo, _ := sim.ParseMonth(m.Points[p].Start)
		return sim.Calendar{StartYear: y, StartMonth: mo, MonthsPerTick: m.Points[p].MonthsPerTick}
	}
	pooledCal := cal(0)
	pooled := NewAggregator(m.Scenario, m.Seed, pooledCal, m.Points[0].HubTicks)
	perPoint := make([]*Aggregator, len(m.Points))
	for p := range m.Points {
		perPoint[p] = NewAggregator(m.Scenario, m.Seed, cal(p), m.Points[p].HubTicks)
	}
	err := writeStreamAtomic(filepath.Join(out, "alliances.csv"), func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(AllianceColumns); err != nil {
			return err
		}
		for _, ch := range chunks {
			err := readRecords(filepath.Join(parts[ch.name()], "runs.jsonl"), func(r *Record) error {
				perPoint[r.Point].Add(r)
				pooled.Add(r)
				return writeAllianceRows(cw, r, cal(r.Point))
			})
			if err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
	if err != nil {
		return err
	}
	if m.Events {
		err := writeStreamAtomic(filepath.Join(out, "events.jsonl"), func(w io.Writer) error {
			for _, ch := range chunks {
				f, err := os.Open(filepath.Join(parts[ch.name()], "events.jsonl"))
				if err != nil {
					return err
				}
				_, err = io.Copy(w, f)
				f.Close()
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	summaries := make([]*Summary, len(perPoint))
	for p, a := range perPoint {
		summaries[p] = a.Summary()
	}
	if err := writeStreamAtomic(filepath.Join(out, "survival.csv"), func(w io.Writer) error {
		return writeSurvival(w, summaries)
	}); err != nil {
		return err
	}
	sweep := len(m.Vary) > 0
	if sweep {
		if err := writeStreamAtomic(filepath.Join(out, "points.csv"), func(w io.Writer) error {
			return writePoints(w, m, summaries)
		}); err != nil {
			return err
		}
	}
	// summary.json last: its presence says the directory is complete.
	var summary any = summaries[0]
	if sweep {
		s := SweepSummary{Summary: pooled.Summary(), Vary: m.Vary}
		for p, ps := range summaries {
			values := map[string]any{}
			for i, path := range m.Vary {
				values[path] = m.Points[p].Values[i]
			}
			s.Points = append(s.Points, PointSummary{Point: p, Values: values, Summary: ps})
		}
		summary = s
	}
	return writeFileAtomic(filepath.Join(out, "summary.json"), mustJSONIndent(summary))
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain data is marshalled here
	}
	return b
}

func mustJSONIndent(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

func readRecords(path string, fn func(*Record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return sc.Err()
}

// AllianceColumns are the columns of alliances.csv (see the README).
var AllianceColumns = []string{"point", "run", "seed", "alliance", "members", "founders", "patron", "kind", "origin",
	"commitment", "formed", "formed_date", "patron_joined", "patron_joined_date", "ended", "ended_date", "end_cause", "duration"}

func writeAllianceRows(cw *csv.Writer, r *Record, cal sim.Calendar) error {
	date := func(t int) string {
		if t < 0 {
			return ""
		}
		return cal.Label(t)
	}
	for _, a := range r.Alliances {
		last := a.History[len(a.History)-1].Members
		end := a.Ended
		if end < 0 {
			end = r.Ticks
		}
		commitment := "weak"
		if a.Strong {
			commitment = "strong"
		}
		row := []string{strconv.Itoa(r.Point), strconv.Itoa(r.Run), strconv.FormatUint(r.Seed, 10), strconv.Itoa(a.ID),
			strings.Join(last, " "), strings.Join(a.History[0].Members, " "), strconv.FormatBool(a.Patron),
			sim.KindOf(len(last)).String(), a.Origin, commitment, strconv.Itoa(a.Formed), date(a.Formed),
			strconv.Itoa(a.PatronJoined), date(a.PatronJoined), strconv.Itoa(a.Ended), date(a.Ended), a.Cause,
			strconv.Itoa(end - a.Formed)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// SurvivalColumns are the columns of survival.csv.
var SurvivalColumns = []string{"point", "group", "t", "at_risk", "events", "censored", "s", "se", "lower", "upper"}

func writeSurvival(w io.Writer, summaries []*Summary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(SurvivalColumns); err != nil {
		return err
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }
	for p, s := range summaries {
		for _, g := range s.Survival {
			for _, pt := range g.Points {
				if err := cw.Write([]string{strconv.Itoa(p), g.Group, f(pt.T), strconv.Itoa(pt.AtRisk), strconv.Itoa(pt.Events),
					strconv.Itoa(pt.Censored), f(pt.S), f(pt.SE), f(pt.Lower), f(pt.Upper)}); err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func writePoints(w io.Writer, m *Manifest, summaries []*Summary) error {
	cw := csv.NewWriter(w)
	head := append(append([]string{"point"}, m.Vary...), ShareKeys...)
	if err := cw.Write(head); err != nil {
		return err
	}
	for p, s := range summaries {
		row := []string{strconv.Itoa(p)}
		for _, v := range m.Points[p].Values {
			row = append(row, fmt.Sprint(v))
		}
		for _, k := range ShareKeys {
			row = append(row, strconv.FormatFloat(s.Shares[k], 'g', 10, 64))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ExperimentPlan compiles every point of an experiment into a plan.
func ExperimentPlan(file string, x *configs.Experiment) (*Plan, error) {
	plan := &Plan{Scenario: x.Scenario, Experiment: file, Runs: x.Runs, Seed: x.Seed,
		ChunkSize: x.Chunk, Events: x.Events, Vary: x.Vary}
	for p := range x.Points {
		sc, err := x.ScenarioAt(p)
		if err != nil {
			return nil, err
		}
		c, err := sim.Compile(sc)
		if err != nil {
			return nil, fmt.Errorf("point %d (%s): %w", p, x.Describe(p), err)
		}
		plan.Points = append(plan.Points, Point{Values: x.Points[p], Compiled: c})
	}
	return plan, nil
}
