package configs

import (
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/sensitivity"
)

// Distributions of a drawn range (lhs, morris, sobol): [[vary]] keys
// distribution, mean, sd and mode. A range without them is uniform.

// distributionNames is the table Distributions returns a copy of.
var distributionNames = []string{"uniform", "normal", "triangular", "loguniform"}

// Distributions returns the names distribution = takes, as a copy: changing
// it changes nothing the engine reads.
func Distributions() []string {
	return slices.Clone(distributionNames)
}

// distributionKeys checks that distribution, mean, sd and mode are given
// only where they mean something: under a design that draws, on a range,
// each with its distribution.
func distributionKeys(v *rawVary, design string, list bool, e *errs) bool {
	type key struct {
		name string
		set  bool
		loc  Loc
	}
	keys := []key{{"distribution", v.Distribution.Set, v.Distribution.Loc}, {"mean", v.Mean.Set, v.Mean.Loc},
		{"sd", v.SD.Set, v.SD.Loc}, {"mode", v.Mode.Set, v.Mode.Loc}}
	for _, k := range keys {
		switch {
		case !k.set:
			continue
		case !draws(design):
			e.at(k.loc, "%s is for designs that draw (lhs, morris, sobol); allowed: leave it out for %s", k.name, designWords[design])
			return false
		case list:
			e.at(k.loc, "%s is for a range (from and to); allowed: leave it out with values (each takes an equal share of the unit interval; morris steps along them)", k.name)
			return false
		}
	}
	name := "uniform"
	if v.Distribution.Set {
		if !v.Distribution.ok(e, strings.Join(distributionNames, ", ")) {
			return false
		}
		name = v.Distribution.V
		found := false
		for _, d := range distributionNames {
			found = found || d == name
		}
		if !found {
			e.at(v.Distribution.Loc, "%q is not a distribution; allowed: %s", name, strings.Join(distributionNames, ", "))
			return false
		}
	}
	for _, k := range []struct {
		key
		for_ string
	}{{keys[1], "normal"}, {keys[2], "normal"}, {keys[3], "triangular"}} {
		if k.set && name != k.for_ {
			e.at(k.loc, "%s is for distribution = %q; allowed: leave it out for %s", k.name, k.for_, name)
			return false
		}
	}
	return v.Mean.ok(e, "a number") == v.Mean.Set && v.SD.ok(e, "a positive number") == v.SD.Set && v.Mode.ok(e, "a number") == v.Mode.Set
}

// marginalOf builds the distribution of a drawn range over [lo, hi] (for
// whole numbers, the range widened by half a unit each side).
func marginalOf(v *rawVary, kind valueKind, lo, hi float64, e *errs) (sensitivity.Marginal, bool) {
	name := "uniform"
	if v.Distribution.Set {
		name = v.Distribution.V
	}
	loc := v.Distribution.Loc
	var m sensitivity.Marginal
	var err error
	switch name {
	case "uniform":
		m, err = sensitivity.Uniform(lo, hi)
	case "normal":
		if !v.SD.Set {
			e.at(v.Loc, "a normal distribution needs sd; allowed: sd = a positive number (and mean, by default the middle of the range; it is truncated to from, to)")
			return nil, false
		}
		mean := (lo + hi) / 2
		if v.Mean.Set {
			mean = v.Mean.V
		}
		if !(v.SD.V > 0) {
			e.at(v.SD.Loc, "%v is not positive; allowed: a positive number", v.SD.V)
			return nil, false
		}
		m, err = sensitivity.Normal(mean, v.SD.V, lo, hi)
	case "triangular":
		mode := (lo + hi) / 2
		if v.Mode.Set {
			mode = v.Mode.V
			loc = v.Mode.Loc
		}
		switch {
		case !v.Mode.Set:
		case kind == kindWhole && (mode < lo || mode > hi):
			// the draws cover the whole numbers of the range, each widened
			// by half a unit: that is where a mode can be
			e.at(v.Mode.Loc, "%v is outside the range the draws cover; allowed: a number from %v to %v (the whole numbers %v to %v that from and to hold, each widened by ½)", mode, lo, hi, lo+0.5, hi-0.5)
			return nil, false
		case mode < min(v.From.V, v.To.V) || mode > max(v.From.V, v.To.V):
			e.at(v.Mode.Loc, "%v is outside the range; allowed: a number from %v to %v", mode, min(v.From.V, v.To.V), max(v.From.V, v.To.V))
			return nil, false
		}
		m, err = sensitivity.Triangular(lo, mode, hi)
	case "loguniform":
		if lo <= 0 {
			what := "from > 0"
			if kind == kindWhole {
				what = "from ≥ 1 (whole numbers: each takes the share within half a unit of it)"
			}
			e.at(v.Loc, "a log-uniform range must be positive; allowed: %s", what)
			return nil, false
		}
		m, err = sensitivity.LogUniform(lo, hi)
	}
	if err != nil {
		if !v.Distribution.Set {
			loc = v.Loc
		}
		e.at(loc, "%v", err)
		return nil, false
	}
	return m, true
}
