package configs

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// varyValues turns a [[vary]] into its list of values.
func varyValues(v *rawVary, e *errs) ([]any, bool, bool) {
	hasRange := v.From.Set || v.To.Set || v.Steps.Set
	switch {
	case len(v.Values) > 0 && hasRange:
		e.at(v.Loc, "both values and from/to/steps; allowed: one of them")
		return nil, false, false
	case len(v.Values) > 0:
		var out []any
		for _, o := range v.Values {
			if !o.ok(e, "numbers, strings or booleans") {
				return nil, false, false
			}
			out = append(out, o.V)
		}
		return out, false, true
	case hasRange:
		if !v.From.Set || !v.To.Set || !v.Steps.Set {
			e.at(v.Loc, "a range needs from, to and steps; allowed: from = 0.1, to = 0.9, steps = 5")
			return nil, false, false
		}
		if !v.From.ok(e, "a number") || !v.To.ok(e, "a number") || !v.Steps.ok(e, "a whole number ≥ 1") {
			return nil, false, false
		}
		if v.Steps.V < 1 || v.Steps.V > maxPoints {
			e.at(v.Steps.Loc, "%d is out of range; allowed: a whole number in [1, %d]", v.Steps.V, maxPoints)
			return nil, false, false
		}
		out := make([]any, v.Steps.V)
		for i := range out {
			f := v.From.V
			if v.Steps.V > 1 {
				f += (v.To.V - v.From.V) * float64(i) / float64(v.Steps.V-1)
			}
			out[i] = f
		}
		return out, true, true
	}
	e.at(v.Loc, "vary without values; allowed: values = [...] or from, to and steps")
	return nil, false, false
}

// grid is every combination, the last path varying fastest.
func grid(axes [][]any) [][]any {
	points := [][]any{{}}
	for _, axis := range axes {
		var next [][]any
		for _, p := range points {
			for _, v := range axis {
				next = append(next, append(slices.Clone(p), v))
			}
		}
		points = next
	}
	return points
}

// latinHypercube draws samples points so that each path's range (or list
// of values) is cut into samples strata, each used once; the pairing of
// strata across paths is a random permutation per path, seeded from the
// experiment's seed. A range gives a uniform draw within its stratum; a
// list gives the value the stratum falls on.
func latinHypercube(vary []*rawVary, axes [][]any, ranges []bool, samples int, seed uint64) [][]any {
	rng := rand.New(rand.NewPCG(seed, 0x6c6873)) // "lhs"
	points := make([][]any, samples)
	for i := range points {
		points[i] = make([]any, len(axes))
	}
	for d, axis := range axes {
		perm := rng.Perm(samples)
		for i := range points {
			u := (float64(perm[i]) + rng.Float64()) / float64(samples)
			if ranges[d] {
				lo, hi := axis[0].(float64), axis[len(axis)-1].(float64)
				points[i][d] = lo + u*(hi-lo)
			} else {
				points[i][d] = axis[min(int(u*float64(len(axis))), len(axis)-1)]
			}
		}
	}
	return points
}

// checkPath says what is wrong with a dotted path, or "" if it can be
// varied.
func checkPath(path string) string {
	parts := strings.Split(path, ".")
	stateFields := []string{"land", "naval", "economy", "revisionism", "ideology", "sovereign", "reference"}
	generate := []string{"width", "height", "sea_fraction", "islands", "seed"}
	allowed := "is not a path that can be varied; allowed: params.NAME, decision.KEY, states.ID.FIELD, states.ID.decision.KEY, theater.generate.FIELD, scenario.ticks"
	switch {
	case len(parts) == 2 && parts[0] == "params":
		if _, ok := sim.LookupParam(parts[1]); !ok {
			return "names no parameter; allowed: params." + strings.Join(sim.ParamNames(), ", params.")
		}
	case len(parts) == 2 && parts[0] == "decision":
		if _, ok := agents.LookupDecision(parts[1]); !ok {
			return "names no decision key; allowed: decision." + strings.Join(agents.DecisionNames(), ", decision.")
		}
	case len(parts) == 3 && parts[0] == "states":
		if !slices.Contains(stateFields, parts[2]) {
			return "names no state field that can be varied; allowed: " + strings.Join(stateFields, ", ")
		}
	case len(parts) == 4 && parts[0] == "states" && parts[2] == "decision":
		if _, ok := agents.LookupDecision(parts[3]); !ok {
			return "names no decision key; allowed: " + strings.Join(agents.DecisionNames(), ", ")
		}
	case len(parts) == 3 && parts[0] == "theater" && parts[1] == "generate":
		if !slices.Contains(generate, parts[2]) {
			return "names no generator setting; allowed: " + strings.Join(generate, ", ")
		}
	case path == "scenario.ticks":
	default:
		return allowed
	}
	return ""
}
