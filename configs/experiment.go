package configs

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/alliancesim/alliancesim/sim"
)

// Experiment is a sweep: a scenario, runs per point, a base seed, and the
// values given to dotted paths into the scenario at each point.
//
//	scenario = "generic"      # built-in name or path (relative to this file)
//	runs = 200                # replications per point
//	seed = 1
//	design = "grid"           # grid (every combination) | lhs (Latin hypercube)
//	samples = 20              # lhs: number of points
//	[[vary]]
//	path = "theater.generate.sea_fraction"
//	from = 0.1                # or values = [0.1, 0.5, 0.9]
//	to = 0.9
//	steps = 5                 # grids only
//
// Paths: params.NAME, decision.KEY, states.ID.FIELD (land, naval, economy,
// revisionism, ideology, sovereign, reference), states.ID.decision.KEY,
// theater.generate.FIELD and scenario.ticks.
//
// Values are typed by their path. Most paths take numbers. Whole-number
// paths — parameters marked Integer in sim.ParamSpecs, decision keys of kind
// agents.DecisionInteger (patience), theater.generate.width, height,
// islands and seed, scenario.ticks — take whole numbers: values must be
// whole, a grid's from, to and steps must give whole numbers, and a Latin
// hypercube draws whole numbers from the range, each whole number in it
// equally likely. states.ID.sovereign takes values = [true, false]; the
// names of a decision (strategy, valuation, reference_mode) take strings.
// A range is from, to and steps on a grid, from and to alone under lhs.
// Grid values are rounded to 12 significant digits, so that 0.1 to 0.9 in
// 5 steps is 0.1, 0.3, 0.5, 0.7, 0.9 exactly as written. The seed is in
// [0, MaxSeed].
type Experiment struct {
	File     string
	Scenario string // the reference as written
	Runs     int
	Seed     uint64
	Design   string
	Samples  int // lhs: the number of points; 0 for a grid
	Chunk    int
	Events   bool
	Vary     []string // paths, in file order
	// Points holds, per point, a value per path: a float64 (whole for the
	// paths that take whole numbers), a bool or a string.
	Points [][]any
	kinds  []valueKind // per vary, the type of its values
	lines  []int       // per vary, its line
	paths  []Loc       // per vary, where its path was written
	digest string      // SHA-256 of the base scenario's canonical form
}

// MaxSeed is the largest seed an experiment file may give: 2^53 − 1, the
// largest integer below which every integer is exact as a float64, so that
// every seed survives being read back from a CSV or JSON file as a double.
const MaxSeed = 1<<53 - 1

type rawExperiment struct {
	Scenario opt[string] `toml:"scenario"`
	Runs     opt[int]    `toml:"runs"`
	Seed     opt[int]    `toml:"seed"`
	Design   opt[string] `toml:"design"`
	Samples  opt[int]    `toml:"samples"`
	Chunk    opt[int]    `toml:"chunk"`
	Events   opt[bool]   `toml:"events"`
	Vary     []*rawVary  `toml:"vary"`
	file     string
	idx      lineIndex
}

type rawVary struct {
	Path   opt[string]  `toml:"path"`
	Values []*opt[any]  `toml:"values"`
	From   opt[float64] `toml:"from"`
	To     opt[float64] `toml:"to"`
	Steps  opt[int]     `toml:"steps"`
	Loc    Loc          `toml:"-"`
}

// MaxPoints bounds a sweep so that a typo cannot ask for a billion points:
// each point is resolved, checked and identified before the first
// replication runs.
const MaxPoints = 100_000

// LoadExperiment reads and checks an experiment file, including that every
// point gives a valid scenario.
func LoadExperiment(path string) (*Experiment, error) {
	src, err := ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading experiment: %w", err)
	}
	return ParseExperiment(path, src)
}

// ParseExperiment reads an experiment from src, naming it file in errors.
func ParseExperiment(file string, src []byte) (*Experiment, error) {
	var e errs
	if !checkSource(file, src, &e) {
		return nil, e.err()
	}
	raw := &rawExperiment{file: file, idx: indexLines(string(src))}
	md, err := toml.Decode(string(src), raw)
	if err != nil {
		decodeError(file, err, &e)
		return nil, e.err()
	}
	at := func(p string) Loc { return Loc{File: file, Line: raw.idx[p], Key: p} }
	raw.Scenario.Loc, raw.Runs.Loc, raw.Seed.Loc = at("scenario"), at("runs"), at("seed")
	raw.Design.Loc, raw.Samples.Loc, raw.Chunk.Loc, raw.Events.Loc = at("design"), at("samples"), at("chunk"), at("events")
	for i, v := range raw.Vary {
		p := fmt.Sprintf("vary[%d]", i)
		v.Loc = at(p)
		v.Path.Loc, v.From.Loc, v.To.Loc, v.Steps.Loc = at(p+".path"), at(p+".from"), at(p+".to"), at(p+".steps")
		for _, o := range v.Values {
			o.Loc = at(p + ".values")
		}
	}
	reportUnknown(file, raw.idx, md.Undecoded(), &e, func(k toml.Key) string {
		if k[0] == "vary" {
			return "path, values, from, to, steps"
		}
		return "scenario, runs, seed, design, samples, chunk, events, vary"
	})
	x := &Experiment{File: file, Runs: 100, Seed: 1, Design: "grid", Chunk: 100, Events: true}
	switch {
	case raw.Scenario.ok(&e, "a built-in scenario name or a path"):
		x.Scenario = raw.Scenario.V
	case !raw.Scenario.Set:
		e.at(Loc{File: file, Line: 1, Key: "scenario"}, "missing; allowed: a built-in scenario name (%s) or a path", strings.Join(BuiltinNames(), ", "))
	}
	intIn := func(o *opt[int], dst *int, lo, hi int) {
		if o.ok(&e, fmt.Sprintf("a whole number in [%d, %d]", lo, hi)) {
			if o.V < lo || o.V > hi {
				e.at(o.Loc, "%d is out of range; allowed: a whole number in [%d, %d]", o.V, lo, hi)
				return
			}
			*dst = o.V
		}
	}
	intIn(&raw.Runs, &x.Runs, 1, 100_000_000)
	intIn(&raw.Chunk, &x.Chunk, 1, 1_000_000)
	var seed int
	if raw.Seed.Set {
		intIn(&raw.Seed, &seed, 0, MaxSeed)
		x.Seed = uint64(seed)
	}
	if raw.Events.ok(&e, "true or false") {
		x.Events = raw.Events.V
	}
	if raw.Design.ok(&e, "grid or lhs") {
		if raw.Design.V != "grid" && raw.Design.V != "lhs" {
			e.at(raw.Design.Loc, "%q is not a design; allowed: grid, lhs", raw.Design.V)
		}
		x.Design = raw.Design.V
	}
	switch {
	case x.Design == "lhs" && !raw.Samples.Set:
		e.at(raw.Design.Loc, "a Latin hypercube needs samples; allowed: samples = a whole number ≥ 1")
	case raw.Samples.Set && x.Design != "lhs":
		e.at(raw.Samples.Loc, "samples is for design = \"lhs\"; allowed: leave it out for a grid")
	default:
		intIn(&raw.Samples, &x.Samples, 1, MaxPoints)
	}
	var axes []axis
	for _, v := range raw.Vary {
		if !v.Path.Set {
			e.at(v.Loc, "vary without path; allowed: path = \"params.sea_cost\" and the like")
			continue
		}
		if !v.Path.ok(&e, "a dotted path") {
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
		ax, ok := varyAxis(v, kind, x.Design, &e)
		if !ok {
			continue
		}
		x.Vary = append(x.Vary, v.Path.V)
		x.kinds = append(x.kinds, kind)
		x.lines = append(x.lines, v.Loc.Line)
		x.paths = append(x.paths, v.Path.Loc)
		axes = append(axes, ax)
	}
	if len(raw.Vary) == 0 {
		e.at(Loc{File: file, Line: 1, Key: "vary"}, "no [[vary]]: nothing to sweep; allowed: at least one [[vary]] table (for many runs of one scenario: alliancesim run NAME --runs N --out DIR)")
	}
	if !e.any() {
		switch x.Design {
		case "grid":
			if n := gridSize(axes); n > MaxPoints {
				e.at(Loc{File: file, Line: raw.idx["vary[0]"], Key: "vary"}, "%.6g points; allowed: at most %d", n, MaxPoints)
			} else {
				x.Points = grid(axes)
			}
		case "lhs":
			x.Points = latinHypercube(axes, x.Samples, x.Seed)
		}
	}
	if !e.any() {
		// The scenario itself, and the states the paths name.
		ref, _ := tomlString(x.Scenario) // read from TOML: valid UTF-8
		base, err := Parse(file+" (scenario)", []byte("extends = "+ref+"\n"))
		if err != nil {
			e.at(raw.Scenario.Loc, "%s", pointErrors(err))
		} else {
			x.digest = scenarioDigest(base)
			for i, path := range x.Vary {
				if msg := pathIn(base, x.Scenario, path); msg != "" {
					e.at(x.paths[i], "%s", msg)
				}
			}
		}
	}
	if !e.any() {
		// Every point must give a valid scenario; report a bad value at
		// the [[vary]] entries, with what the scenario checks said.
		for p := range x.Points {
			if _, err := x.ScenarioAt(p); err != nil {
				loc := raw.Scenario.Loc
				if len(x.lines) > 0 {
					loc = Loc{File: file, Line: x.lines[0], Key: "vary"}
				}
				e.at(loc, "point %d (%s) gives an invalid scenario: %s", p, x.Describe(p), pointErrors(err))
				break
			}
		}
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return x, nil
}

func decodeError(file string, err error, e *errs) {
	var pe toml.ParseError
	if ok := asParseError(err, &pe); ok {
		e.add(Error{File: file, Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message})
		return
	}
	msg, line, key := err.Error(), 0, ""
	if m := lineInMessage.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		key, msg = m[2], m[3]
	}
	e.add(Error{File: file, Line: line, Key: key, Msg: msg})
}

// Describe writes a point's values as path=value pairs.
func (x *Experiment) Describe(point int) string {
	var parts []string
	for i, p := range x.Vary {
		parts = append(parts, fmt.Sprintf("%s=%v", p, x.Points[point][i]))
	}
	return strings.Join(parts, ", ")
}

// ScenarioAt returns the scenario of a point: the experiment's scenario
// with the point's values laid over it, exactly as a file extending it
// would (see the package doc).
func (x *Experiment) ScenarioAt(point int) (*sim.Scenario, error) {
	ref := x.Scenario // a relative path resolves beside the experiment, as extends does
	var b strings.Builder
	q, _ := tomlString(ref)
	fmt.Fprintf(&b, "extends = %s\n", q)
	values := make([]string, len(x.Vary))
	for i := range x.Vary {
		values[i] = x.value(point, i)
	}
	overlaySource(&b, x.Vary, values)
	// Named after the experiment so that relative paths resolve beside it
	// and errors say which point.
	return Parse(fmt.Sprintf("%s (point %d)", x.File, point), []byte(b.String()))
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
// lines are in the generated overlay, not in any file the user wrote.
func pointErrors(err error) string {
	var list Errors
	if !errors.As(err, &list) {
		return err.Error()
	}
	var parts []string
	for _, e := range list {
		if strings.HasSuffix(e.File, ")") { // the generated overlay
			parts = append(parts, e.Msg)
			continue
		}
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
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
