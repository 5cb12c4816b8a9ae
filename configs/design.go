package configs

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/sensitivity"
)

// The designs of an experiment and the keys that set them up: samples
// (lhs, morris, sobol), levels and candidates (morris), base (sobol) and
// points (points). A key given to a design that does not take it is an
// error, so that a file says what it does.

// designWords names a design in a sentence.
var designWords = map[string]string{"grid": "a grid", "lhs": "a Latin hypercube", "morris": "a Morris design",
	"sobol": "a Sobol design", "points": "a points design"}

// draws reports whether a design draws its points from distributions.
func draws(design string) bool { return design == "lhs" || design == "morris" || design == "sobol" }

// defaultCandidates is the number of candidate trajectories of a Morris
// design of r trajectories when the file gives none: ten times r, at most
// 1000 (but never fewer than r).
func defaultCandidates(r int) int { return max(r, min(10*r, 1000)) }

// minSamples is the fewest samples a drawn design takes: one point of a
// Latin hypercube, two Morris trajectories or Sobol' base rows.
func minSamples(design string) int {
	if design == "lhs" {
		return 1
	}
	return 2
}

// designKeys reads samples, levels, candidates, base and points for the
// design x names.
func designKeys(raw *rawExperiment, x *Experiment, e *errs) {
	d := x.Design
	switch {
	case draws(d) && !raw.Samples.Set && raw.flagSamples != 0:
		// the command line's (sweep --samples)
		if lo, n := minSamples(d), raw.flagSamples; n < lo || n > MaxPoints {
			e.at(raw.Design.Loc, "--samples %d for %s; allowed: a whole number in [%d, %d]", n, designWords[d], lo, MaxPoints)
		} else {
			x.Samples = n
		}
	case draws(d) && !raw.Samples.Set:
		what := map[string]string{
			"lhs":    "samples = a whole number ≥ 1, its number of points",
			"morris": "samples = a whole number ≥ 2, its number of trajectories (10 to 50 is usual)",
			"sobol":  "samples = a whole number ≥ 2, its number of base rows N (e.g. 256; points = N × (paths + 2))",
		}[d]
		e.at(raw.Design.Loc, "%s needs samples; allowed: %s (or sweep --samples N)", designWords[d], what)
	case raw.Samples.Set && !draws(d):
		e.at(raw.Samples.Loc, "samples is for design = \"lhs\", \"morris\" or \"sobol\"; allowed: leave it out for %s", designWords[d])
	case raw.Samples.Set:
		intIn(e, &raw.Samples, &x.Samples, minSamples(d), MaxPoints)
	}
	only := func(key string, set bool, loc Loc, design string) bool {
		if set && d != design {
			e.at(loc, "%s is for design = %q; allowed: leave it out for %s", key, design, designWords[d])
			return false
		}
		return set
	}
	if d == "morris" {
		x.Levels = 4
	}
	if only("levels", raw.Levels.Set, raw.Levels.Loc, "morris") {
		// refused levels leave no grid to check the values' steps on
		// (experiment.go skips morrisSteps), where the default 4 would
		// give a second error that reasons from it
		x.Levels = 0
		if raw.Levels.ok(e, levelsAllowed) {
			if v := raw.Levels.V; v < 2 || v > 100 || v%2 != 0 {
				e.at(raw.Levels.Loc, "%s; allowed: %s (4 is usual)", words.Count(v, "level", "levels"), levelsAllowed)
			} else {
				x.Levels = v
			}
		}
	}
	if d == "morris" {
		x.Candidates = defaultCandidates(x.Samples)
	}
	if only("candidates", raw.Candidates.Set, raw.Candidates.Loc, "morris") {
		x.candidates = true
		if intIn(e, &raw.Candidates, &x.Candidates, max(x.Samples, 2), sensitivity.MaxCandidates) {
			x.Candidates = raw.Candidates.V
		}
	}
	if d == "sobol" {
		x.Base = "halton"
	}
	if only("base", raw.Base.Set, raw.Base.Loc, "sobol") && raw.Base.ok(e, "halton or random") {
		if _, err := sensitivity.ParseBase(raw.Base.V); err != nil {
			e.at(raw.Base.Loc, "%q is not a base; allowed: halton (Owen-scrambled Halton sequence), random (independent uniform draws)", raw.Base.V)
		} else {
			x.Base = raw.Base.V
		}
	}
	switch {
	case d == "points" && !raw.Points.Set:
		e.at(raw.Design.Loc, "a points design needs its points; allowed: points = \"design.csv\" (relative to this file)")
	case only("points", raw.Points.Set, raw.Points.Loc, "points"):
		if raw.Points.ok(e, "the path of a CSV file") && raw.Points.V == "" {
			e.at(raw.Points.Loc, "empty; allowed: the path of a CSV file, relative to this file")
		}
	}
}

// drawError is what keeps a design from being drawn, and the key to
// blame: vary, design, samples or candidates.
type drawError struct{ key, msg string }

// draw makes the design's points, and their unit coordinates, from its
// axes.
func (x *Experiment) draw() *drawError {
	k := len(x.axes)
	var unit [][]float64
	switch x.Design {
	case "grid":
		if n := gridSize(x.axes); n > MaxPoints {
			return &drawError{"vary", fmt.Sprintf("%.6g points; allowed: at most %d", n, MaxPoints)}
		}
		x.Points, x.Unit = grid(x.axes), nil
		return nil
	case "lhs":
		unit = latinHypercube(x.Samples, k, x.designSeed)
	case "morris", "sobol":
		if k == 0 {
			return &drawError{"design", fmt.Sprintf("%s needs at least one [[vary]]; allowed: [[vary]] with path and a range (from, to) or values", designWords[x.Design])}
		}
		per, what := k+1, "trajectories"
		if x.Design == "sobol" {
			per, what = k+2, "base rows"
		}
		if x.Samples > MaxPoints/per {
			return &drawError{"samples", fmt.Sprintf("%d %s of %d paths give %d points; allowed: at most %d points (samples ≤ %d)",
				x.Samples, what, k, x.Samples*per, MaxPoints, MaxPoints/per)}
		}
		var err error
		if x.Design == "morris" {
			unit, err = sensitivity.MorrisDesign(x.Samples, k, x.Levels, x.Candidates, x.designSeed)
		} else {
			base, _ := sensitivity.ParseBase(x.Base) // checked
			unit, err = sensitivity.SaltelliDesign(x.Samples, k, base, x.designSeed)
		}
		if err != nil {
			key := "samples"
			if strings.Contains(err.Error(), "candidate") {
				key = "candidates"
			}
			return &drawError{key, strings.TrimPrefix(err.Error(), "sensitivity: ")}
		}
	default:
		return &drawError{"design", fmt.Sprintf("%q is not a design; allowed: %s", x.Design, strings.Join(designNames, ", "))}
	}
	points := make([][]any, len(unit))
	for p, u := range unit {
		points[p] = make([]any, k)
		for d := range x.axes {
			points[p][d] = x.axes[d].at(u[d])
		}
	}
	if x.Design == "morris" {
		listPlaces(x.axes, points, unit)
	}
	x.Points, x.Unit = points, unit
	return nil
}

// latinHypercube is the unit coordinates of samples points in k dimensions
// such that each dimension is cut into samples strata, each used once
// (gonum samplemv.LatinHypercube), drawn from a PCG seeded with the
// experiment's seed.
func latinHypercube(samples, k int, seed uint64) [][]float64 {
	unit := make([][]float64, samples)
	if k == 0 {
		for i := range unit {
			unit[i] = []float64{}
		}
		return unit
	}
	batch := mat.NewDense(samples, k, nil)
	samplemv.LatinHypercube{Q: distmv.NewUnitUniform(k, nil), Src: rand.NewPCG(seed, 0x6c6873)}.Sample(batch) // "lhs"
	for i := range unit {
		unit[i] = append([]float64(nil), batch.RawRowView(i)...)
	}
	return unit
}

// Resample draws the design again with n samples (lhs points, morris
// trajectories, sobol base rows), as if the file had said samples = n, and
// checks every point; on error the experiment is unchanged. It is
// `sweep --samples`.
func (x *Experiment) Resample(n int) error {
	if !draws(x.Design) {
		return fmt.Errorf("%s has no samples; allowed: with design = \"lhs\", \"morris\" or \"sobol\"", designWords[x.Design])
	}
	if lo := minSamples(x.Design); n < lo || n > MaxPoints {
		return fmt.Errorf("%d is out of range; allowed: a whole number in [%d, %d]", n, lo, MaxPoints)
	}
	old := *x
	x.Samples = n
	if x.Design == "morris" {
		switch {
		case !x.candidates:
			x.Candidates = defaultCandidates(n)
		case x.Candidates < n:
			*x = old
			return fmt.Errorf("%d trajectories but candidates = %d in %s; allowed: at most as many trajectories as candidates", n, old.Candidates, x.File)
		}
	}
	if de := x.draw(); de != nil {
		*x = old
		return errors.New(de.msg)
	}
	if p, err := x.checkPoints(); err != nil {
		desc := x.Describe(p)
		*x = old
		return fmt.Errorf("point %d (%s) gives an invalid scenario: %s", p, desc, pointErrors(err, x.overlayPaths(true)))
	}
	return nil
}

// SetBase lays the assignments over the experiment's scenario, at every
// point and in its base scenario, as a file extending it would (`sweep
// --set`). A path the experiment varies is an error, and so is a point
// the assignments make invalid; on error the experiment is unchanged. A
// path set again replaces its earlier value.
func (x *Experiment) SetBase(as []Assignment) error {
	if len(as) == 0 {
		return nil // nothing changes: the points were checked when loaded
	}
	prior, err := x.BaseScenario()
	if err != nil {
		return err
	}
	sets := slices.Clone(x.sets)
	var paths []string
	for _, a := range as {
		if _, err := a.check(); err != nil {
			return err
		}
		if slices.Contains(x.Vary, a.Path) {
			return fmt.Errorf("%s is varied by %s; allowed: a path the experiment does not vary (it varies %s)", a.Path, x.File, strings.Join(x.Vary, ", "))
		}
		if msg := pathIn(prior, prior.Name, a.Path); msg != "" { // as Apply checks it
			return fmt.Errorf("%s", msg)
		}
		sets = slices.DeleteFunc(sets, func(b Assignment) bool { return b.Path == a.Path })
		sets = append(sets, a)
		paths = append(paths, a.Path)
	}
	old := *x
	x.sets = sets
	base, err := x.BaseScenario()
	if err != nil {
		all := x.overlayPaths(false)
		*x = old
		return errors.New(setBaseErrors(err, paths, all))
	}
	x.digest = scenarioDigest(base)
	if p, err := x.checkPoints(); err != nil {
		desc, paths := x.Describe(p), x.overlayPaths(true)
		*x = old
		return fmt.Errorf("point %d (%s) becomes an invalid scenario: %s", p, desc, pointErrors(err, paths))
	}
	return nil
}

// setBaseErrors says what is wrong with the base scenario the assignments
// of paths gave (all: every path its overlay sets): with one path set, after
// it; with several, each fault of the overlay after the path it is at (a
// single one after that path alone), as Apply says them, where the faults
// were said after every path together ("a, b: -1 is out of range": of
// which?).
func setBaseErrors(err error, paths, all []string) string {
	if len(all) < 2 {
		return strings.Join(paths, ", ") + ": " + pointErrors(err, nil)
	}
	var list Errors
	if errors.As(err, &list) && len(list) == 1 && strings.HasSuffix(list[0].File, ")") && slices.Contains(all, overlayKey(list[0].Key, all)) {
		return pointErrors(err, all)
	}
	return strings.Join(paths, ", ") + ": " + pointErrors(err, all)
}

// setSource writes the assignments' paths and values as TOML.
func (x *Experiment) setSource() (paths, values []string) {
	for _, a := range x.sets {
		kind, _ := varyPath(a.Path)
		v, err := valueTOML(kind, a.Value)
		if err != nil {
			v = fmt.Sprint(a.Value) // checked by SetBase; the parser would report it
		}
		paths = append(paths, a.Path)
		values = append(values, v)
	}
	return paths, values
}

// listPlaces gives, under design = "morris", each value drawn from a list
// of n values its place in the list, i/(n − 1), as its unit coordinate,
// in place of the level it was drawn at: an elementary effect divides the
// change of the output by the change of the coordinate, so that it is the
// effect per the list's whole span (first value to last) as a range's is
// per its whole range. On p levels a step of Δ = p/(2(p−1)) moves two
// values from first to last, so that the level's coordinate gave 1.5
// times the effect at p = 4 (morrisSteps keeps every step a move of
// the same number of values, so that every place changes with its step).
func listPlaces(axes []axis, points [][]any, unit [][]float64) {
	for d := range axes {
		ax := &axes[d]
		if ax.ranged || len(ax.values) < 2 {
			continue
		}
		last := float64(len(ax.values) - 1)
		for p := range points {
			unit[p][d] = float64(ax.place(points[p][d])) / last
		}
	}
}
