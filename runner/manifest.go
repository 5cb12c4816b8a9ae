package runner

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/sim"
)

// ManifestFormat is the version of manifest.json this package writes.
// 3: the design of a sweep, each point's unit coordinates and the custom
// measures; 4: events.jsonl carries every field of sim.EventRecord; 5:
// each alliance record carries its cohesion at formation; 6: the commands
// that resumed the work, and a merged directory's own merge command; 7:
// an alliance record, and the event of its end, carry the alliance it
// was absorbed into (alliances.csv's absorbed_into); 8: a member wholly
// occupied drops out of an alliance that goes on with a left event of
// exit occupied, every left event carries its exit, and a scripted
// withdrawal that brings back a state wholly occupied says so (revived),
// and a treaty signed for a non-sovereign state that lapses (on an
// elimination, or on the sovereignty) logs a lapsed event; 9: a
// sovereignty event that sets the sovereignty its actor had says so
// (its script's unchanged); 10: each alliance record carries the tick
// from which it has had its origin (origin_since, alliances.csv's
// origin_since and origin_since_date).
const ManifestFormat = 10

// Manifest describes an output directory: what was run (the scenario by
// the SHA-256 of its canonical form, the experiment by the SHA-256 of its
// content, seeds, run counts, chunking) and by which build and command.
// Resumed runs and merged shards must agree on everything but the
// command lines and what was merged (Differences).
type Manifest struct {
	Format int  `json:"format"`
	Tool   Tool `json:"tool"`
	// Command is the command line that began the work in this directory;
	// of a merged directory, the merge's (none when merged by Assemble,
	// which is not told it).
	Command []string `json:"command,omitempty"`
	// Resumed are the command lines that went on with the work here after
	// the one that began it (a resumed run or shard, even one that found
	// its chunks done; results assembled again from parts), in order; not
	// a command that found the work complete. Not part of the work's
	// identity.
	Resumed          [][]string `json:"resumed,omitempty"`
	Scenario         string     `json:"scenario"`
	ScenarioSHA256   string     `json:"scenario_sha256"`
	Experiment       string     `json:"experiment,omitempty"`
	ExperimentSHA256 string     `json:"experiment_sha256,omitempty"`
	Runs             int        `json:"runs"`
	Seed             uint64     `json:"seed"`
	ChunkSize        int        `json:"chunk_size"`
	Events           bool       `json:"events"`
	Vary             []string   `json:"vary,omitempty"`
	// Design is how a sweep's points were chosen; nil for one scenario.
	Design *Design `json:"design,omitempty"`
	// Measures are the names of the custom measures (ExecOptions.Measures)
	// every record holds, in order.
	Measures []string        `json:"measures,omitempty"`
	Points   []ManifestPoint `json:"points"`
	// Merged are the directories Assemble or Merge (alliancesim merge)
	// combined into this one, in the order given, each with the commands
	// that wrote it. Empty for a directory written where its work ran,
	// whose Command and Resumed are the whole story. Not part of the
	// work's identity (Differences ignores it).
	Merged []MergedDir `json:"merged,omitempty"`
}

// MergedDir is one directory a merge combined: its path as given to
// merge, the command line that began its work (of a merged directory, its
// merge) and those that resumed it, and the directories it had merged.
type MergedDir struct {
	Dir     string     `json:"dir"`
	Command []string   `json:"command,omitempty"`
	Resumed [][]string `json:"resumed,omitempty"`
	// Tool is the build that wrote the directory where it is not the
	// merged manifest's own Tool (that of the first directory): merge
	// takes a part of the same revision built otherwise (Tool.Same), and
	// its executable would go unrecorded. Nil where it is the same.
	Tool   *Tool       `json:"tool,omitempty"`
	Merged []MergedDir `json:"merged,omitempty"`
}

// ManifestPoint is what the assembly needs of a point.
type ManifestPoint struct {
	Values         []any  `json:"values,omitempty"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	Start          string `json:"start"`
	MonthsPerTick  int    `json:"months_per_tick"`
	Ticks          int    `json:"ticks"`
	HubTicks       []int  `json:"hub_ticks"`
	// SeriesEvery is the point's record_every: its parts hold a time
	// series (series.json) when it is positive.
	SeriesEvery int `json:"series_every,omitempty"`
	// Unit is the point's coordinates in the unit hypercube of a drawn
	// design (lhs, morris, sobol), a value per varied path: what the
	// sensitivity estimators work on.
	Unit []float64 `json:"unit,omitempty"`
}

// Manifest returns the plan's manifest.
func (p *Plan) Manifest() Manifest {
	m := Manifest{Format: ManifestFormat, Tool: ToolInfo(), Command: p.Command, Scenario: p.Scenario,
		ScenarioSHA256: digest.SHA256Hex(p.ScenarioTOML), Experiment: p.Experiment, Runs: p.Runs, Seed: p.Seed,
		ChunkSize: p.chunkSize(), Events: p.Events, Vary: p.Vary, Design: p.Design, Points: []ManifestPoint{}}
	if len(p.ExperimentText) > 0 {
		m.ExperimentSHA256 = digest.SHA256Hex(p.ExperimentText)
	}
	for _, pt := range p.Points {
		cal, ticks, every := pt.Calendar, pt.Ticks, pt.RecordEvery
		if pt.Compiled != nil {
			c := pt.Compiled
			cal, ticks, every = c.Calendar(), c.Ticks(), int(c.Params().RecordEvery)
		}
		m.Points = append(m.Points, ManifestPoint{Values: pt.Values, ScenarioSHA256: pt.SHA256, Start: cal.Label(0),
			MonthsPerTick: cal.MonthsPerTick, Ticks: ticks, HubTicks: defaultHubTicks(cal, ticks), SeriesEvery: every, Unit: pt.Unit})
	}
	return m
}

// Differences lists, in words, what makes two manifests describe different
// work: scenario, experiment, seed, runs, chunking, events, design, custom
// measures, varied paths, points or the build of the tool. The command
// line and the experiment's file name (and a points design's) do not
// count. No differences means the same work: its chunks can be resumed and
// merged.
func (m *Manifest) Differences(o *Manifest) []string { return m.DifferencesIn(o, "here", "there") }

// DifferencesIn is Differences with each value labelled, m's by this and
// o's by that ("in DIR", say): "runs (100 in a, 200 in b)".
func (m *Manifest) DifferencesIn(o *Manifest, this, that string) []string {
	var d []string
	add := func(what string, a, b any) { d = append(d, fmt.Sprintf("%s (%v %s, %v %s)", what, a, this, b, that)) }
	if m.Format != o.Format {
		add("manifest format", m.Format, o.Format)
	}
	if !m.Tool.Same(o.Tool) {
		add("tool build", m.Tool, o.Tool)
	}
	if m.Scenario != o.Scenario {
		add("scenario name", m.Scenario, o.Scenario)
	}
	if m.ScenarioSHA256 != o.ScenarioSHA256 {
		add("scenario content (sha256)", shortHash(m.ScenarioSHA256), shortHash(o.ScenarioSHA256))
	}
	if m.Runs != o.Runs {
		add("runs", m.Runs, o.Runs)
	}
	if m.Seed != o.Seed {
		add("seed", m.Seed, o.Seed)
	}
	if m.ChunkSize != o.ChunkSize {
		add("chunk size", m.ChunkSize, o.ChunkSize)
	}
	if m.Events != o.Events {
		add("events recorded", m.Events, o.Events)
	}
	if a, b := m.Design.compared(), o.Design.compared(); a != b {
		add("design", a, b)
	}
	if !slices.Equal(m.Measures, o.Measures) {
		add("custom measures", orNone(strings.Join(m.Measures, ", ")), orNone(strings.Join(o.Measures, ", ")))
	}
	if !slices.Equal(m.Vary, o.Vary) {
		add("varied paths", orNone(strings.Join(m.Vary, ", ")), orNone(strings.Join(o.Vary, ", ")))
	}
	if len(m.Points) != len(o.Points) {
		add("points", len(m.Points), len(o.Points))
	} else {
		for i := range m.Points {
			if what := m.Points[i].difference(&o.Points[i], this, that); what != "" {
				d = append(d, fmt.Sprintf("point %d: %s", i, what))
				break
			}
		}
	}
	// The experiment's canonical form holds its runs, seed, settings and
	// events as given, so it differs whenever one of them does: said last,
	// and as a consequence when something above explains it.
	if m.ExperimentSHA256 != o.ExperimentSHA256 {
		what := "experiment content (sha256)"
		if len(d) > 0 {
			what = "and so the experiment as run (sha256)"
		}
		add(what, orNone(shortHash(m.ExperimentSHA256)), orNone(shortHash(o.ExperimentSHA256)))
	}
	return d
}

// difference names, in words, the first field in which two points of a
// plan differ, or "" if they do not; p's values labelled this, o's that.
func (p *ManifestPoint) difference(o *ManifestPoint, this, that string) string {
	diff := func(what string, a, b any) string { return fmt.Sprintf("%s (%v %s, %v %s)", what, a, this, b, that) }
	switch {
	case fmt.Sprint(p.Values) != fmt.Sprint(o.Values):
		return diff("values", p.Values, o.Values)
	case p.ScenarioSHA256 != o.ScenarioSHA256:
		return diff("scenario content (sha256)", shortHash(p.ScenarioSHA256), shortHash(o.ScenarioSHA256))
	case p.Start != o.Start:
		return diff("start", p.Start, o.Start)
	case p.MonthsPerTick != o.MonthsPerTick:
		return diff("months per tick", p.MonthsPerTick, o.MonthsPerTick)
	case p.Ticks != o.Ticks:
		return diff("ticks", p.Ticks, o.Ticks)
	case !slices.Equal(p.HubTicks, o.HubTicks):
		return diff("hub ticks", p.HubTicks, o.HubTicks)
	case p.SeriesEvery != o.SeriesEvery:
		return diff("series every", p.SeriesEvery, o.SeriesEvery)
	case !slices.Equal(p.Unit, o.Unit):
		return diff("unit coordinates", p.Unit, o.Unit)
	}
	if a, b := mustJSON(p), mustJSON(o); string(a) != string(b) {
		// A field added later and not named above.
		return diff("record", string(a), string(b))
	}
	return ""
}

// validate checks a manifest read from disk as any input is checked, so
// that a damaged or hand-edited one is refused with a reason rather than
// trusted: every count within the limits of a plan, every date a month,
// every tick within its horizon, every hash a SHA-256.
func (m *Manifest) validate() error {
	switch {
	case m.Format < 1:
		return fmt.Errorf("no manifest format (format %d): not a manifest alliancesim wrote, or one damaged; allowed: format %d", m.Format, ManifestFormat)
	case m.Format != ManifestFormat:
		return fmt.Errorf("manifest format %d; allowed: %d (written by another version of alliancesim)", m.Format, ManifestFormat)
	case m.Runs < 1 || m.Runs > MaxRuns:
		return fmt.Errorf("runs %d; allowed: 1 to %d", m.Runs, MaxRuns)
	case m.ChunkSize < 1 || m.ChunkSize > MaxChunkSize:
		return fmt.Errorf("chunk_size %d; allowed: 1 to %d", m.ChunkSize, MaxChunkSize)
	case len(m.Points) == 0:
		return fmt.Errorf("no points; allowed: at least one")
	case len(m.Points) > MaxPoints:
		return fmt.Errorf("%d points; allowed: at most %d", len(m.Points), MaxPoints)
	case len(m.Points) > 1 && len(m.Vary) == 0:
		return fmt.Errorf("%d points but no vary; allowed: one point, or the paths the points vary", len(m.Points))
	case !isSHA256(m.ScenarioSHA256):
		return fmt.Errorf("scenario_sha256 %q is not a SHA-256", m.ScenarioSHA256)
	case m.ExperimentSHA256 != "" && !isSHA256(m.ExperimentSHA256):
		return fmt.Errorf("experiment_sha256 %q is not a SHA-256", m.ExperimentSHA256)
	}
	if err := CheckSeeds(m.Seed, m.Runs); err != nil {
		return err
	}
	if err := checkMeasureNames(m.Measures); err != nil {
		return err
	}
	if err := m.Design.check(len(m.Vary), len(m.Points)); err != nil {
		return err
	}
	for i, p := range m.Points {
		if len(p.Values) != len(m.Vary) {
			return fmt.Errorf("point %d has %d values for %d varied paths", i, len(p.Values), len(m.Vary))
		}
		for _, v := range p.Values {
			switch v.(type) {
			case float64, string, bool:
			default:
				return fmt.Errorf("point %d: value %v is not a number, a string or a boolean", i, v)
			}
		}
		if !isSHA256(p.ScenarioSHA256) {
			return fmt.Errorf("point %d: scenario_sha256 %q is not a SHA-256", i, p.ScenarioSHA256)
		}
		if _, _, err := sim.ParseMonth(p.Start); err != nil {
			return fmt.Errorf("point %d: start: %v", i, err)
		}
		if p.Ticks < 1 || p.Ticks > sim.MaxTicks {
			return fmt.Errorf("point %d: ticks %d; allowed: 1 to %d", i, p.Ticks, sim.MaxTicks)
		}
		if !slices.Contains([]int{1, 3, 12}, p.MonthsPerTick) {
			return fmt.Errorf("point %d: months_per_tick %d; allowed: 1, 3 or 12", i, p.MonthsPerTick)
		}
		if p.Unit != nil && (len(p.Unit) != len(m.Vary) || !inUnit(p.Unit)) {
			return fmt.Errorf("point %d: unit %v; allowed: a coordinate in [0, 1] per varied path", i, p.Unit)
		}
		if m.Design != nil && m.Design.drawn() && p.Unit == nil {
			return fmt.Errorf("point %d of a %s design has no unit coordinates", i, m.Design.Kind)
		}
		if p.SeriesEvery < 0 {
			return fmt.Errorf("point %d: series_every %d; allowed: ≥ 0", i, p.SeriesEvery)
		}
		if err := checkHubTicks(p.HubTicks, p.Ticks); err != nil {
			return fmt.Errorf("point %d: %w", i, err)
		}
	}
	return nil
}

// isSHA256 reports whether s is a SHA-256 in lowercase hex.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// calendar returns a point's calendar.
func (m *Manifest) calendar(p int) sim.Calendar {
	y, mo, _ := sim.ParseMonth(m.Points[p].Start)
	return sim.Calendar{StartYear: y, StartMonth: mo, MonthsPerTick: m.Points[p].MonthsPerTick}
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
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

// CheckDir says that dir is "", does not exist or is a file, or returns
// nil for an existing directory, empty or not: what an output directory
// must be before it can hold a manifest.json (merge, sensitivity and
// report read one).
func CheckDir(dir string) error {
	if dir == "" {
		return errNoDir
	}
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		// ENOTDIR: a part of the path is a file (file/sub), so no
		// directory is there either
		return fmt.Errorf("%s: no such directory", dir)
	case err == nil && !fi.IsDir():
		return fmt.Errorf("%s is a file, not a directory", dir)
	}
	return nil
}

// errNoDir is the error of an output directory given as "".
var errNoDir = errors.New(`an output directory named ""; allowed: a path (".", for the current directory)`)

// readOutput reads the manifest of a directory given as an output
// directory (to merge or sensitivity), saying what dir is when it is not
// one.
func readOutput(dir string) (*Manifest, error) {
	if err := CheckDir(dir); err != nil {
		return nil, err
	}
	m, err := ReadManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		for _, o := range []struct{ file, command string }{{"hypotheses.json", "hypotheses"}, {"scorecard.csv", "compare"}} {
			if _, serr := os.Stat(filepath.Join(dir, o.file)); serr == nil {
				return nil, fmt.Errorf("%s holds the output of alliancesim %s (%s), not of run or sweep (no manifest.json)", dir, o.command, o.file)
			}
		}
		return nil, fmt.Errorf("%s is not an alliancesim output directory (no manifest.json)", dir)
	}
	return m, err
}

// ReadManifest reads dir/manifest.json and checks it as every command
// that reads an output directory back does: format, runs, seeds, points,
// calendars and hub ticks, each within its limits (docs/limits.md). A
// missing file gives an error that wraps fs.ErrNotExist.
func ReadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, "manifest.json")
	b, err := input.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: not a manifest of alliancesim: %v", path, err)
	}
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &m, nil
}
