package configs

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/sim"
)

// Experiment is a sweep: a scenario, runs per point, a base seed, and the
// values given to dotted paths into the scenario at each point.
//
//	scenario = "generic"      # built-in name or path (relative to this file)
//	runs = 200                # replications per point
//	seed = 1
//	design = "grid"           # grid | lhs | morris | sobol | points
//	samples = 20              # lhs: points; morris: trajectories; sobol: base rows N
//	chunk = 100               # replications per unit of output, resumption and sharding
//	events = true             # write events.jsonl (false: leave it out of big sweeps)
//	[[vary]]
//	path = "theater.generate.sea_fraction"
//	from = 0.1                # or values = [0.1, 0.5, 0.9]
//	to = 0.9
//	steps = 5                 # grids only
//	distribution = "normal"   # lhs, morris, sobol: uniform (default) | normal | triangular | loguniform
//	mean = 0.5                # normal (default: the middle of the range)
//	sd = 0.2                  # normal
//	mode = 0.3                # triangular (default: the middle of the range)
//
// Designs:
//
//   - grid: every combination of the values (the last path fastest);
//   - lhs: a Latin hypercube of samples points (gonum samplemv): each
//     path's distribution is cut into samples strata of equal probability,
//     each used once;
//   - morris: samples trajectories of elementary effects, each moving
//     every path once, on levels levels (default 4, even), kept of
//     candidates candidate trajectories (default 10 × samples, at most
//     1000, at least samples) for the largest spread (package
//     sensitivity): samples × (paths + 1) points;
//   - sobol: Saltelli's design for first-order and total Sobol' indices
//     with samples base rows N, its base matrices drawn from base = "halton"
//     (Owen-scrambled Halton, the default) or "random": N × (paths + 2)
//     points, in SALib's order;
//   - points: the points of a CSV file, points = "file.csv" (relative to
//     this file): a header of dotted paths, one column each, and a row per
//     point, written by hand or by SALib, EMA Workbench or any other
//     sampler. No [[vary]].
//
// Under lhs, morris and sobol a range is from and to, drawn uniformly or
// from its distribution (a normal is truncated to the range); a list of
// values is drawn from with equal probability; under morris, whose effects
// step along a list in the order written, numbers must be listed in
// increasing order and a list of names or of true/false may hold two. Their
// draws are a function of the file's seed. Each point records its coordinates in the design's
// unit hypercube (Unit): the quantile of each value in its distribution.
//
// Paths: params.NAME, decision.KEY, states.ID.FIELD (land, naval, economy,
// revisionism, ideology, sovereign, reference), states.ID.decision.KEY,
// states.ID.stakes.OTHER (a patron's stake in another state),
// states.ID.grievance.OTHER, theater.generate.FIELD and scenario.ticks.
//
// Values are typed by their path. Most paths take numbers. Whole-number
// paths — parameters marked Integer in sim.ParamSpecs, decision keys of kind
// agents.DecisionInteger (patience), theater.generate.width, height,
// islands and seed, scenario.ticks — take whole numbers: values must be
// whole, a grid's from, to and steps must give whole numbers, and a drawn
// range gives whole numbers, each whole number in it taking the share of
// the distribution within half a unit of it. states.ID.sovereign takes
// values = [true, false]; the names of a decision (strategy, valuation,
// reference_mode) take strings. Grid values are rounded to 12 significant
// digits, so that 0.1 to 0.9 in 5 steps is 0.1, 0.3, 0.5, 0.7, 0.9
// exactly as written. The seed is in [0, MaxSeed], and so is the last
// replication's, seed + runs − 1.
type Experiment struct {
	File       string
	Scenario   string   // the reference as written
	Runs       int      // replications per point (default 100)
	Seed       uint64   // base seed, which also draws the design (default 1)
	Design     string   // grid (the default), lhs, morris, sobol or points
	Samples    int      // lhs: points; morris: trajectories; sobol: base rows; else 0
	Levels     int      // morris: grid levels; else 0
	Candidates int      // morris: candidate trajectories; else 0
	Base       string   // sobol: halton or random; else ""
	PointsFile string   // points: the CSV file as written; else ""
	Chunk      int      // replications per chunk: the unit of output, resumption and sharding (default 100)
	Events     bool     // write each run's events (events.jsonl; default true)
	Vary       []string // paths, in file order (points: in the CSV's order)
	// Points holds, per point, a value per path: a float64 (whole for the
	// paths that take whole numbers), a bool or a string.
	Points [][]any
	// Unit holds, per point of an lhs, morris or sobol design, its
	// coordinates in the design's unit hypercube, a value per path: the
	// quantile of the point's value in the path's distribution (or range,
	// or list; under morris, a list value's place in the list, i/(n − 1),
	// listPlaces). The sensitivity estimators work on these. nil for grid
	// and points designs.
	Unit       [][]float64
	kinds      []valueKind // per vary, the type of its values
	lines      []int       // per vary, its line
	paths      []Loc       // per vary, where its path was written
	pointLocs  []Loc       // points: where each point was written
	axes       []axis      // per vary, to draw the design again (Resample)
	designSeed uint64      // the file's seed, from which the design was drawn
	sets       []Assignment
	candidates bool // candidates was written in the file
	digest     string
}

// MaxSeed is the largest seed an experiment file may give: 2^53 − 1, the
// largest integer below which every integer is exact as a float64, so that
// every seed survives being read back from a CSV or JSON file as a double.
const MaxSeed = 1<<53 - 1

// designNames is the table Designs returns a copy of.
var designNames = []string{"grid", "lhs", "morris", "sobol", "points"}

// Designs returns the designs an experiment file may name, as a copy:
// changing it changes nothing the engine reads.
func Designs() []string {
	return slices.Clone(designNames)
}

type rawExperiment struct {
	// flagSamples are the samples a command line gives (sweep --samples)
	// where the file sets none; 0 if none.
	flagSamples int
	// seedsReplaced: a command line replaces the runs or the seed and
	// checks the seeds itself (Overrides.ReplacesSeeds).
	seedsReplaced bool

	Scenario   opt[string] `toml:"scenario"`
	Runs       opt[int]    `toml:"runs"`
	Seed       opt[int]    `toml:"seed"`
	Design     opt[string] `toml:"design"`
	Samples    opt[int]    `toml:"samples"`
	Levels     opt[int]    `toml:"levels"`
	Candidates opt[int]    `toml:"candidates"`
	Base       opt[string] `toml:"base"`
	Points     opt[string] `toml:"points"`
	Chunk      opt[int]    `toml:"chunk"`
	Events     opt[bool]   `toml:"events"`
	Vary       []*rawVary  `toml:"vary"`
	file       string
	idx        lineIndex
	rows       pointRows // a points design: its rows' own errors, reported with the rest
}

type rawVary struct {
	Path         opt[string]  `toml:"path"`
	Values       []*opt[any]  `toml:"values"`
	From         opt[float64] `toml:"from"`
	To           opt[float64] `toml:"to"`
	Steps        opt[int]     `toml:"steps"`
	Distribution opt[string]  `toml:"distribution"`
	Mean         opt[float64] `toml:"mean"`
	SD           opt[float64] `toml:"sd"`
	Mode         opt[float64] `toml:"mode"`
	Loc          Loc          `toml:"-"`
	ValuesAt     Loc          `toml:"-"` // the values key; each value's Loc is its own line
}

// MaxRuns bounds an experiment's runs per point, and so a sweep's --runs.
const MaxRuns = 100_000_000

// maxChunk bounds an experiment's replications per chunk.
const maxChunk = 1_000_000

// MaxPoints bounds a sweep so that a typo cannot ask for a billion points:
// each point is resolved, checked and identified before the first
// replication runs.
const MaxPoints = 100_000

// LoadExperiment reads and checks an experiment file, including that every
// point gives a valid scenario.
func LoadExperiment(path string) (*Experiment, error) {
	return LoadExperimentSamples(path, 0)
}

// LoadExperimentSamples is LoadExperiment for a command line that gives
// the design's samples itself (sweep --samples): a design that draws its
// points and whose file sets no samples takes these (0: none given), so
// that the file need not name a number the command replaces. A file that
// sets samples keeps them; Resample draws the design again with others.
func LoadExperimentSamples(path string, samples int) (*Experiment, error) {
	return LoadExperimentWith(path, Overrides{Samples: samples})
}

// Overrides are what a command line gives in place of an experiment
// file's own keys (LoadExperimentWith), so that the file is not refused
// for a value the command replaces.
type Overrides struct {
	// Samples are a drawn design's samples where the file sets none
	// (sweep --samples; 0: none given), as LoadExperimentSamples takes.
	Samples int
	// ReplacesSeeds: the caller replaces the file's runs or seed (sweep
	// --runs, --seed) and checks the seeds it will play itself
	// (Experiment.Check, runner.CheckSeeds). The file's seed with its
	// runs reaching past MaxSeed is then not refused here: with the
	// command's runs or seed it may not. Each is still checked alone.
	ReplacesSeeds bool
}

// LoadExperimentWith is LoadExperiment with what a command line gives in
// place of the file's keys. With o.ReplacesSeeds the experiment returned
// may fail Check until the caller has set its runs or seed.
func LoadExperimentWith(path string, o Overrides) (*Experiment, error) {
	src, err := ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && slices.Contains(BuiltinNames(), path) {
			return nil, fmt.Errorf("reading experiment: %w; allowed: an experiment file (%q names a built-in scenario: an experiment file names it as scenario = %q and varies its paths in [[vary]] tables, as examples/sweep/*.toml do)", err, path, path)
		}
		return nil, fmt.Errorf("reading experiment: %w", err)
	}
	return parseExperiment(path, src, o)
}

// ParseExperiment reads an experiment from src, naming it file in errors.
// A points file is read relative to file's directory.
func ParseExperiment(file string, src []byte) (*Experiment, error) {
	return parseExperiment(file, src, Overrides{})
}

// parseExperiment is ParseExperiment with what a command line gives in
// place of the file's keys.
func parseExperiment(file string, src []byte, o Overrides) (*Experiment, error) {
	var e errs
	raw, ok := decodeExperiment(file, src, &e)
	if !ok {
		return nil, e.err()
	}
	raw.flagSamples, raw.seedsReplaced = o.Samples, o.ReplacesSeeds
	x := raw.settings(&e)
	x.axes = raw.vary(x, &e)
	if e.any() {
		raw.checkPathsEarly(x, &e)
	}
	// Each check needs the ones before it to have passed: the design is
	// drawn from valid [[vary]] tables, the base scenario read once the
	// file is sound, the ranges' ends and then every point set on it.
	for _, check := range []func(*Experiment, *errs){raw.drawDesign, raw.checkBase, raw.checkRanges, raw.checkEveryPoint} {
		if e.any() {
			break
		}
		check(x, &e)
	}
	e.merge(&raw.rows.errs)
	if err := e.err(); err != nil {
		return nil, err
	}
	return x, nil
}

// decodeExperiment decodes an experiment file, places each key at its
// line and reports the keys it does not know.
func decodeExperiment(file string, src []byte, e *errs) (*rawExperiment, bool) {
	if !checkSource(file, src, e) {
		return nil, false
	}
	// As decodeFile: judged a scenario only when decoding finds errors.
	var own errs
	raw, ok := decodeExperimentFile(file, src, &own)
	if own.any() && refuseScenarioAsExperiment(file, src, e) {
		return nil, false
	}
	e.merge(&own)
	return raw, ok
}

// decodeExperimentFile is decodeExperiment once the source is checked.
func decodeExperimentFile(file string, src []byte, e *errs) (*rawExperiment, bool) {
	raw := &rawExperiment{file: file, idx: indexLines(string(src))}
	md, ok := decodeInto(file, src, raw, raw.idx, e)
	if !ok {
		return nil, false
	}
	at := raw.at
	raw.Scenario.Loc, raw.Runs.Loc, raw.Seed.Loc = at("scenario"), at("runs"), at("seed")
	raw.Design.Loc, raw.Samples.Loc, raw.Chunk.Loc, raw.Events.Loc = at("design"), at("samples"), at("chunk"), at("events")
	raw.Levels.Loc, raw.Candidates.Loc, raw.Base.Loc, raw.Points.Loc = at("levels"), at("candidates"), at("base"), at("points")
	for i, v := range raw.Vary {
		p := fmt.Sprintf("vary[%d]", i)
		v.Loc = at(p)
		v.Path.Loc, v.From.Loc, v.To.Loc, v.Steps.Loc = at(p+".path"), at(p+".from"), at(p+".to"), at(p+".steps")
		v.Distribution.Loc, v.Mean.Loc, v.SD.Loc, v.Mode.Loc = at(p+".distribution"), at(p+".mean"), at(p+".sd"), at(p+".mode")
		v.ValuesAt = at(p + ".values")
		for j, o := range v.Values {
			o.Loc = v.ValuesAt // named by the key, at the value's own line where indexed
			if line := raw.idx[fmt.Sprintf("%s.values[%d]", p, j)]; line > 0 {
				o.Loc.Line = line
			}
		}
	}
	reportUnknown(file, raw.idx, append(md.Undecoded(), foldedKeys(reflect.TypeFor[rawExperiment](), md.Keys())...), e, func(k toml.Key) string {
		if k[0] == "vary" {
			return "path, values, from, to, steps, distribution, mean, sd, mode"
		}
		return "scenario, runs, seed, design, samples, levels, candidates, base, points, chunk, events, vary"
	})
	return raw, true
}

// at is where key p was written.
func (raw *rawExperiment) at(p string) Loc { return Loc{File: raw.file, Line: raw.idx[p], Key: p} }

// settings reads the experiment's top-level keys: the scenario, runs,
// chunk, seed, events, and the design with its keys.
func (raw *rawExperiment) settings(e *errs) *Experiment {
	file := raw.file
	x := &Experiment{File: file, Runs: 100, Seed: 1, Design: "grid", Chunk: 100, Events: true}
	switch {
	case raw.Scenario.ok(e, "a built-in scenario name or a path"):
		x.Scenario = raw.Scenario.V
	case !raw.Scenario.Set:
		e.at(Loc{File: file, Line: 1, Key: "scenario"}, "missing; allowed: a built-in scenario name (%s) or a path", strings.Join(BuiltinNames(), ", "))
	}
	runsOK := !raw.Runs.Set || intIn(e, &raw.Runs, &x.Runs, 1, MaxRuns)
	intIn(e, &raw.Chunk, &x.Chunk, 1, maxChunk)
	var seed int
	if raw.Seed.Set && intIn(e, &raw.Seed, &seed, 0, MaxSeed) {
		x.Seed = uint64(seed)
		if runsOK && !raw.seedsReplaced {
			raw.checkLastSeed(x, e)
		}
	}
	x.designSeed = x.Seed
	if raw.Events.ok(e, "true or false") {
		x.Events = raw.Events.V
	}
	if raw.Design.ok(e, strings.Join(designNames, ", ")) {
		if !slices.Contains(designNames, raw.Design.V) {
			e.at(raw.Design.Loc, "%q is not a design; allowed: %s", raw.Design.V, strings.Join(designNames, ", "))
		}
		x.Design = raw.Design.V
	}
	designKeys(raw, x, e)
	return x
}

// checkLastSeed checks that the last replication's seed, seed + runs − 1
// (replication r plays seed + r), is within MaxSeed, as Check requires; it
// is reported at the seed, which alone can reach so far (runs are at most
// MaxRuns).
func (raw *rawExperiment) checkLastSeed(x *Experiment, e *errs) {
	if last := MaxSeed - uint64(x.Runs-1); x.Seed > last {
		runs := words.Count(x.Runs, "run", "runs")
		if raw.Runs.Set {
			runs += fmt.Sprintf(" (line %d)", raw.Runs.Loc.Line)
		} else {
			runs += " (the default)"
		}
		e.at(raw.Seed.Loc, "%d with %s reaches seed %d, past %d (2^53 − 1, the largest held exactly as a number); allowed: a seed of at most %d with these runs",
			x.Seed, runs, x.Seed+uint64(x.Runs-1), uint64(MaxSeed), last)
	}
}

// vary reads the [[vary]] tables into x's paths and returns their axes;
// a points design reads its points file instead, whatever else is wrong
// with the experiment: a file missing, or its header wrong, is reported
// beside the rest (above a [[vary]] table, which a points key precedes),
// rather than heard of only once the rest is mended.
func (raw *rawExperiment) vary(x *Experiment, e *errs) []axis {
	if x.Design == "points" {
		if raw.Points.Set && raw.Points.Bad == nil {
			readPoints(x, raw.Points, e, &raw.rows)
		}
		if len(raw.Vary) > 0 {
			e.at(raw.Vary[0].Loc, "a points design takes its paths from the header of %s; allowed: no [[vary]]", orWord(raw.Points.V, "its points file"))
		}
		return nil
	}
	if len(raw.Vary) == 0 {
		e.at(Loc{File: raw.file, Line: 1, Key: "vary"}, "no [[vary]]: nothing to sweep; allowed: at least one [[vary]] table (for many runs of one scenario: alliancesim run NAME --runs N --out DIR)")
	}
	var axes []axis
	for _, v := range raw.Vary {
		if !v.Path.Set {
			e.at(v.Loc, "vary without path; allowed: path = \"params.sea_cost\" and the like")
			continue
		}
		if !v.Path.ok(e, "a dotted path") {
			continue
		}
		kind, msg := varyPath(v.Path.V)
		if msg != "" {
			e.at(v.Path.Loc, "%q %s", v.Path.V, msg)
			continue
		}
		if slices.Contains(x.Vary, v.Path.V) {
			e.at(v.Path.Loc, "%q is varied twice; allowed: each path once", v.Path.V)
			continue
		}
		ax, ok := varyAxis(v, kind, x.Design, e)
		if !ok || x.Design == "morris" && x.Levels > 0 && !morrisSteps(&ax, x.Levels, e) {
			continue
		}
		x.Vary = append(x.Vary, v.Path.V)
		x.kinds = append(x.kinds, kind)
		x.lines = append(x.lines, v.Loc.Line)
		x.paths = append(x.paths, v.Path.Loc)
		axes = append(axes, ax)
	}
	return axes
}

// drawDesign draws a grid's or a sampled design's points.
func (raw *rawExperiment) drawDesign(x *Experiment, e *errs) {
	if x.Design == "points" {
		return
	}
	if de := x.draw(); de != nil {
		loc := map[string]Loc{"vary": {File: raw.file, Line: raw.idx["vary[0]"], Key: "vary"}, "design": raw.Design.Loc,
			"samples": raw.Samples.Loc, "candidates": raw.Candidates.Loc}[de.key]
		if de.key == "candidates" && !raw.Candidates.Set {
			loc = raw.Samples.Loc
		}
		e.at(loc, "%s", de.msg)
	}
}

// checkPathsEarly names the paths that name no state of the scenario (or
// the generator of a drawn map) beside the file's other errors, where the
// scenario can be read: otherwise a mistyped state id would be reported
// only once every other [[vary]] table is sound (checkBase).
func (raw *rawExperiment) checkPathsEarly(x *Experiment, e *errs) {
	base, err := x.BaseScenario()
	if err != nil {
		return // checkBase reports it once the rest is sound
	}
	for _, v := range raw.Vary {
		if !v.Path.Set || v.Path.Bad != nil {
			continue
		}
		if _, msg := varyPath(v.Path.V); msg != "" {
			continue // reported already
		}
		if msg := pathIn(base, x.Scenario, v.Path.V); msg != "" {
			e.at(v.Path.Loc, "%s", msg)
		}
	}
}

// checkBase reads the scenario itself, and checks the states the paths
// name.
func (raw *rawExperiment) checkBase(x *Experiment, e *errs) {
	base, err := x.BaseScenario()
	if err != nil {
		e.at(raw.Scenario.Loc, "%s", pointErrors(err, x.overlayPaths(false)))
		return
	}
	x.digest = scenarioDigest(base)
	for i, path := range x.Vary {
		if msg := pathIn(base, x.Scenario, path); msg != "" {
			e.at(x.paths[i], "%s", msg)
		}
	}
}

// checkRanges checks that a drawn design's range is valid from end to
// end, whatever the draw: both ends are checked, each alone over the
// scenario.
func (raw *rawExperiment) checkRanges(x *Experiment, e *errs) {
	for i, ax := range x.axes {
		if !ax.ranged {
			continue
		}
		lowAt, highAt := ax.fromAt, ax.toAt // lo is the smaller end, hi the larger
		if raw.Vary[i].From.V > raw.Vary[i].To.V {
			lowAt, highAt = highAt, lowAt
		}
		for _, end := range []struct {
			v  float64
			at Loc
		}{{ax.lo, lowAt}, {ax.hi, highAt}} {
			if err := x.alone(i, end.v); err != nil {
				e.at(end.at, "the range reaches %s=%s, an invalid scenario: %s", ax.path, sim.FormatNumber(end.v), pointErrors(err, nil))
				break
			}
		}
	}
}

// checkEveryPoint checks that every point gives a valid scenario, and
// reports a bad value where it was written (the [[vary]] entry's values,
// or the points file's row), with what the scenario checks said. Every
// invalid row of a points file is reported (up to MaxErrors, as every
// error is); of another design, the first invalid point, whose values
// come from [[vary]] tables already checked against their paths' ranges.
func (raw *rawExperiment) checkEveryPoint(x *Experiment, e *errs) {
	if x.pointLocs != nil {
		valid := map[string]bool{} // a valid point repeated is checked once
		for p := range x.Points {
			if raw.rows.bad[p] {
				continue // its cells were reported already
			}
			key := fmt.Sprintf("%#v", x.Points[p]) // exact: shortest round-trip floats, quoted strings
			if valid[key] {
				continue
			}
			// An invalid one is checked again: its errors name their point.
			_, err := x.ScenarioAt(p)
			if err != nil {
				e.at(x.pointLocs[p], "point %d (%s) gives an invalid scenario: %s", p, x.Describe(p), pointErrors(err, x.overlayPaths(true)))
				continue
			}
			valid[key] = true
		}
		return
	}
	p, err := x.checkPoints()
	if err == nil {
		return
	}
	loc := raw.Scenario.Loc
	switch {
	case len(x.lines) > 0:
		loc = Loc{File: raw.file, Line: x.lines[0], Key: "vary"}
		for i := range x.Vary {
			if x.alone(i, x.Points[p][i]) != nil && i < len(x.axes) {
				loc = x.axes[i].valuesAt
				break
			}
		}
	}
	e.at(loc, "point %d (%s) gives an invalid scenario: %s", p, x.Describe(p), pointErrors(err, x.overlayPaths(true)))
}

// wholeIn says in words that a key takes a whole number in [lo, hi].
func wholeIn(lo, hi int) string { return fmt.Sprintf("a whole number in [%d, %d]", lo, hi) }

// stepsAllowed is what a grid's steps may be; levelsAllowed what a Morris
// design's levels may be.
var stepsAllowed = fmt.Sprintf("a whole number in [2, %d] (or 1 when from = to)", MaxPoints)

const levelsAllowed = "an even whole number from 2 to 100"

// intIn reads a whole number in [lo, hi] into dst.
func intIn(e *errs, o *opt[int], dst *int, lo, hi int) bool {
	if o.ok(e, wholeIn(lo, hi)) {
		if o.V < lo || o.V > hi {
			e.at(o.Loc, "%d is out of range; allowed: %s", o.V, wholeIn(lo, hi))
			return false
		}
		*dst = o.V
		return true
	}
	return false
}

// alone says why the value v of the i-th varied path, set alone over the
// experiment's scenario, gives an invalid scenario, or returns nil.
func (x *Experiment) alone(i int, v any) error {
	sc, err := x.BaseScenario()
	if err != nil {
		return err
	}
	return SetPath(sc, x.Vary[i], v)
}

// checkPoints checks that every point gives a valid scenario; it returns
// the first point that does not, and why.
func (x *Experiment) checkPoints() (int, error) {
	for p := range x.Points {
		if _, err := x.ScenarioAt(p); err != nil {
			return p, err
		}
	}
	return 0, nil
}

func orWord(s, instead string) string {
	if s == "" {
		return instead
	}
	return s
}

// Describe writes a point's values as path=value pairs ("no point N" for
// an index out of range).
func (x *Experiment) Describe(point int) string {
	if point < 0 || point >= len(x.Points) {
		return fmt.Sprintf("no point %d", point)
	}
	var parts []string
	for i, p := range x.Vary {
		if i >= len(x.Points[point]) {
			parts = append(parts, p+"=(no value)")
			continue
		}
		parts = append(parts, p+"="+describeValue(x.Points[point][i]))
	}
	return strings.Join(parts, ", ")
}

// describeValue writes a point's value as points.csv does: whole numbers
// in full (a seed of 1000000, not 1e+06).
func describeValue(v any) string {
	if f, ok := v.(float64); ok {
		return sim.FormatNumber(f)
	}
	return fmt.Sprint(v)
}

// ScenarioAt returns the scenario of a point: the experiment's scenario
// with the point's values laid over it, exactly as a file extending it
// would (see the package doc).
func (x *Experiment) ScenarioAt(point int) (*sim.Scenario, error) {
	if point < 0 || point >= len(x.Points) {
		return nil, fmt.Errorf("%s: point %d; allowed: 0 to %d", orWord(x.File, "experiment"), point, len(x.Points)-1)
	}
	if n := len(x.Points[point]); n != len(x.Vary) {
		return nil, fmt.Errorf("%s: point %d has %d values; allowed: one per varied path, %d (%s)", orWord(x.File, "experiment"), point, n, len(x.Vary), strings.Join(x.Vary, ", "))
	}
	ref := x.Scenario // a relative path resolves beside the experiment, as extends does
	var b strings.Builder
	q, _ := tomlString(ref)
	fmt.Fprintf(&b, "extends = %s\n", q)
	paths, values := x.setSource()
	for i := range x.Vary {
		paths = append(paths, x.Vary[i])
		values = append(values, x.value(point, i))
	}
	overlaySource(&b, paths, values)
	// Named after the experiment so that relative paths resolve beside it
	// and errors say which point.
	return Parse(pointSourceName(x.File, point), []byte(b.String()))
}

// value writes the value of path i at a point as TOML, typed by its path:
// whole numbers as integers, other numbers as floats.
func (x *Experiment) value(point, i int) string {
	kind := kindNumber
	if i < len(x.kinds) {
		kind = x.kinds[i]
	}
	s, err := valueTOML(kind, x.Points[point][i])
	if err != nil {
		return fmt.Sprint(x.Points[point][i]) // not TOML: the point's scenario reports it
	}
	return s
}

// pointErrors writes the errors of a point's scenario by key alone: their
// lines are in the generated overlay, not in any file the user wrote. paths
// are the overlay's paths in the order it was written from, so that a key
// of its n-th [[states]] table names that state by its id, as the paths do;
// with no paths (the caller names them), keys are left out.
func pointErrors(err error, paths []string) string {
	var list Errors
	if !errors.As(err, &list) {
		return err.Error()
	}
	var parts []string
	for _, e := range list {
		if strings.HasSuffix(e.File, ")") { // the generated overlay
			if e.Key != "" && paths != nil {
				parts = append(parts, overlayKey(e.Key, paths)+": "+e.Msg)
			} else {
				parts = append(parts, e.Msg)
			}
			continue
		}
		parts = append(parts, e.Error())
	}
	return problemList(parts)
}

// problemList writes the problems of one scenario: one as it is, several
// each on its own line with their count, not run together on one line.
func problemList(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return fmt.Sprintf("%d problems:\n  - %s", len(parts), strings.Join(parts, "\n  - "))
}

// pathIn says what is wrong with a path for the scenario (named name),
// or "": a state it names must exist, and the generator it sets must be
// the scenario's theatre.
func pathIn(sc *sim.Scenario, name, path string) string {
	parts := strings.Split(path, ".")
	switch {
	case parts[0] == "states" && sc.Index(parts[1]) < 0:
		return fmt.Sprintf("%q names no state of %s; allowed ids: %s", path, name, stateIDs(sc))
	case parts[0] == "theater" && sc.Generate == nil:
		return fmt.Sprintf("%q sets the theatre generator, but %s has a drawn map (theater.map); allowed: theater.generate.* only for a scenario with [theater.generate]", path, name)
	}
	return ""
}

func stateIDs(sc *sim.Scenario) string {
	ids := make([]string, len(sc.States))
	for i, s := range sc.States {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

// overlayPaths are the paths of the overlay ScenarioAt writes (withVary)
// or BaseScenario writes, in order.
func (x *Experiment) overlayPaths(withVary bool) []string {
	paths, _ := x.setSource()
	if withVary {
		paths = append(paths, x.Vary...)
	}
	return paths
}

// overlayKey writes a key of an overlay written from paths (overlaySource)
// as the paths name it: states[n].rest, of the overlay's n-th [[states]]
// table, as states.ID.rest.
func overlayKey(key string, paths []string) string {
	var n int
	if k, _ := fmt.Sscanf(key, "states[%d]", &n); k != 1 {
		return key
	}
	_, rest, _ := strings.Cut(key, "]")
	var ids []string
	for _, p := range paths {
		parts := strings.Split(p, ".")
		if parts[0] == "states" && len(parts) > 2 && !slices.Contains(ids, parts[1]) {
			ids = append(ids, parts[1])
		}
	}
	if n < 0 || n >= len(ids) {
		return key
	}
	return "states." + ids[n] + rest
}
