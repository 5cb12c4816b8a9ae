package configs

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sensitivity"
	"github.com/alliancesim/alliancesim/sim"
)

// valueKind is the type of value a varied path takes.
type valueKind int

const (
	kindNumber valueKind = iota // float64
	kindWhole                   // float64 holding a whole number
	kindBool
	kindString
)

// words says in a sentence what values of the kind are allowed.
func (k valueKind) words() string {
	return [...]string{"numbers", "whole numbers", "true or false", "strings"}[k]
}

// axis is one [[vary]] resolved: its path, the kind of its values, and
// either a list of values or (under lhs, morris and sobol) a range to draw
// from.
type axis struct {
	path   string
	kind   valueKind
	values []any
	ranged bool // draw from the range rather than from values
	// where the values were written: values (or from, for a range), from
	// and to
	valuesAt, fromAt, toAt Loc
	lo, hi                 float64 // the range; for whole numbers, the whole numbers in it
	marginal               sensitivity.Marginal
}

// place is the index of v in a list axis's values (-1 if absent).
func (ax *axis) place(v any) int {
	return slices.IndexFunc(ax.values, func(w any) bool { return w == v })
}

// at is the value at the unit coordinate u in [0, 1] of a drawn axis: the
// u-quantile of its distribution; for whole numbers, the whole number
// nearest to it (each whole number takes the share of the distribution
// within half a unit of it: the marginal spans [lo − ½, hi + ½]); for a
// list, the value whose equal share of [0, 1] holds u.
func (ax *axis) at(u float64) any {
	switch {
	case ax.ranged && ax.kind == kindWhole:
		return min(max(math.Floor(ax.marginal.Quantile(u)+0.5), ax.lo), ax.hi)
	case ax.ranged:
		return ax.marginal.Quantile(u)
	default:
		n := len(ax.values)
		return ax.values[max(0, min(int(u*float64(n)), n-1))]
	}
}

// pathSpec is what a dotted path takes: the kind of value and, for a
// number, its range as a file's check has it (ranged false for true or
// false, and for names).
type pathSpec struct {
	kind   valueKind
	rng    sim.Range
	ranged bool
}

// stateRanges and generateRanges are the ranges of the state fields and
// generator settings a path may set; sovereign takes true or false.
var (
	stateRanges = map[string]sim.Range{"land": sim.ForceRange(), "naval": sim.ForceRange(), "economy": sim.ForceRange(),
		"revisionism": sim.RevisionismRange(), "ideology": sim.IdeologyRange(), "reference": sim.ReferenceRange()}
	stateFields    = []string{"land", "naval", "economy", "revisionism", "ideology", "sovereign", "reference"}
	generateRanges = map[string]sim.Range{"width": sim.GridSideRange(), "height": sim.GridSideRange(),
		"sea_fraction": sim.SeaFractionRange(), "islands": sim.IslandsRange(), "seed": sim.GenerateSeedRange()}
	generateFields = []string{"width", "height", "sea_fraction", "islands", "seed"}
)

// lookupPath says what a dotted path takes, or what is wrong with it
// (msg != "").
func lookupPath(path string) (spec pathSpec, msg string) {
	if msg := pathSpellingProblem(path); msg != "" {
		return pathSpec{}, msg
	}
	parts := strings.Split(path, ".")
	ranged := func(r sim.Range) pathSpec {
		kind := kindNumber
		if r.Whole {
			kind = kindWhole
		}
		return pathSpec{kind, r, true}
	}
	decision := func(key, prefix string) (pathSpec, string) {
		d, ok := agents.LookupDecision(key)
		switch {
		case !ok:
			return pathSpec{}, "names no decision key" + decisionKeyHint(key, func(k string) string { return "params." + k }) + "; allowed: " + prefix + strings.Join(agents.DecisionNames(), ", "+prefix)
		case d.Kind == agents.DecisionName:
			return pathSpec{kind: kindString}, ""
		}
		return ranged(sim.Range{Min: d.Min, Max: d.Max, Whole: d.Kind == agents.DecisionInteger}), ""
	}
	switch {
	case len(parts) == 2 && parts[0] == "params":
		p, ok := sim.LookupParam(parts[1])
		switch {
		case !ok:
			return pathSpec{}, "names no parameter" + paramHint(parts[1], func(k string) string { return "decision." + k + ", or states.ID.decision." + k + " for one state" }) + "; allowed: params." + strings.Join(sim.ParamNames(), ", params.")
		case p.Kind == sim.ParamBool:
			return pathSpec{kind: kindBool}, ""
		}
		return ranged(sim.Range{Min: p.Min, Max: p.Max, Whole: p.Kind == sim.ParamInteger}), ""
	case len(parts) == 2 && parts[0] == "decision":
		return decision(parts[1], "decision.")
	case len(parts) == 3 && parts[0] == "states":
		if parts[2] == "sovereign" {
			return pathSpec{kind: kindBool}, ""
		}
		if r, ok := stateRanges[parts[2]]; ok {
			return ranged(r), ""
		}
		return pathSpec{}, "names no state field that can be varied; allowed: " + strings.Join(stateFields, ", ")
	case len(parts) == 4 && parts[0] == "states" && parts[2] == "decision":
		return decision(parts[3], "")
	case len(parts) == 4 && parts[0] == "states" && parts[2] == "stakes":
		return ranged(sim.StakeRange()), ""
	case len(parts) == 4 && parts[0] == "states" && parts[2] == "grievance":
		return ranged(sim.GrievanceRange()), ""
	case len(parts) == 3 && parts[0] == "theater" && parts[1] == "generate":
		if r, ok := generateRanges[parts[2]]; ok {
			return ranged(r), ""
		}
		return pathSpec{}, "names no generator setting; allowed: " + strings.Join(generateFields, ", ")
	case path == "scenario.ticks":
		return ranged(sim.TicksRange()), ""
	}
	return pathSpec{}, "is not a path that can be varied; allowed: params.NAME, decision.KEY, states.ID.FIELD, states.ID.decision.KEY, states.ID.stakes.OTHER, states.ID.grievance.OTHER, theater.generate.FIELD, scenario.ticks"
}

// paramHint says, for a key given as a parameter that names none, that
// it is a decision key and how to write it there (where, given the key in
// the case it is spelt), or that it is one of them in lower case (keys are
// case-sensitive); "" when it is neither.
func paramHint(key string, where func(key string) string) string {
	return kindHint(key, isParam, isDecisionKey, "a decision key", where)
}

// decisionKeyHint is paramHint for a key given as a decision key: it may
// be a parameter, or either in another case.
func decisionKeyHint(key string, where func(key string) string) string {
	return kindHint(key, isDecisionKey, isParam, "a parameter, the same for every state", where)
}

// kindHint says, of a key that names nothing of its own kind, that it is
// of the other kind (other, described as otherIs, and written where), or
// that it names one of either kind in lower case; "" when it is neither.
func kindHint(key string, own, other func(string) bool, otherIs string, where func(key string) string) string {
	if other(key) {
		return " (" + key + " is " + otherIs + ": " + where(key) + ")"
	}
	if lower := strings.ToLower(key); lower != key {
		if own(lower) {
			return " (keys are case-sensitive: " + lower + ")"
		}
		if other(lower) {
			return " (keys are case-sensitive, and " + lower + " is " + otherIs + ": " + where(lower) + ")"
		}
	}
	return ""
}

func isParam(key string) bool       { _, ok := sim.LookupParam(key); return ok }
func isDecisionKey(key string) bool { _, ok := agents.LookupDecision(key); return ok }

// varyPath says what type of value a dotted path takes, or what is wrong
// with it (msg != "").
func varyPath(path string) (kind valueKind, msg string) {
	spec, msg := lookupPath(path)
	return spec.kind, msg
}

// varyAxis turns a [[vary]] into its axis: the values listed, or those of
// a range (a grid's steps, or an lhs range to draw from), each of the type
// the path takes.
func varyAxis(v *rawVary, kind valueKind, design string, e *errs) (axis, bool) {
	ax := axis{path: v.Path.V, kind: kind, valuesAt: v.From.Loc, fromAt: v.From.Loc, toAt: v.To.Loc}
	if len(v.Values) > 0 {
		ax.valuesAt = v.ValuesAt // the key: errors about the whole list
	}
	hasRange := v.From.Set || v.To.Set || v.Steps.Set
	if !distributionKeys(v, design, len(v.Values) > 0 && !hasRange, e) {
		return ax, false
	}
	switch {
	case len(v.Values) > 0 && hasRange:
		e.at(v.Loc, "both values and from/to/steps; allowed: one of them")
		return ax, false
	case len(v.Values) > 0:
		// Every value at fault is named, each at its place, not only the
		// first.
		bad := false
		for _, o := range v.Values {
			if !o.ok(e, pathAllowed(ax.path, kind)+" for "+ax.path) {
				bad = true
				continue
			}
			o.V = pathValue(kind, o.V)
			if msg := checkValue(ax.path, kind, o.V); msg != "" {
				e.at(o.Loc, "%s", msg)
				bad = true
				continue
			}
			// Out of the path's own range: named here, with every other
			// [[vary]]'s, rather than one point at a time once the file is
			// otherwise sound.
			if r, ranged := pathRange(ax.path); ranged {
				if f, isNum := o.V.(float64); isNum {
					if err := r.Check(f); err != nil {
						e.at(o.Loc, "%v for %s", err, ax.path)
						bad = true
						continue
					}
				}
			}
			if design == "grid" && slices.Contains(ax.values, o.V) {
				// a grid runs each value as its own points: a repeated
				// one would run them again and count twice when pooled
				e.at(o.Loc, "%v twice for %s; allowed: each value once (a grid's points would repeat, and count twice in the pooled shares)", o.V, ax.path)
				bad = true
				continue
			}
			ax.values = append(ax.values, o.V)
		}
		if bad {
			return ax, false
		}
		return ax, morrisOrder(v, &ax, design, e)
	case hasRange && (kind == kindBool || kind == kindString):
		loc := v.From.Loc
		if !v.From.Set {
			loc = v.Loc
		}
		example := `values = [true, false]`
		if kind == kindString {
			example = `values = ["a", "b"]`
		}
		e.at(loc, "a range is for numbers, and %s takes %s; allowed: %s", ax.path, kind.words(), example)
		return ax, false
	case hasRange && draws(design):
		if v.Steps.Set {
			e.at(v.Steps.Loc, "steps is for grids; allowed: from and to alone under design = %q (samples sets the number of points)", design)
			return ax, false
		}
		if !v.From.Set || !v.To.Set {
			e.at(v.Loc, "a range needs from and to; allowed: from = 0.1, to = 0.9")
			return ax, false
		}
		if !v.From.ok(e, "a number") || !v.To.ok(e, "a number") || !finite(&v.From, e) || !finite(&v.To, e) {
			return ax, false
		}
		if kind == kindWhole && (!wholeSized(&v.From, ax.path, e) || !wholeSized(&v.To, ax.path, e)) {
			return ax, false
		}
		ax.ranged, ax.lo, ax.hi = true, min(v.From.V, v.To.V), max(v.From.V, v.To.V)
		lo, hi := ax.lo, ax.hi
		if kind == kindWhole {
			ax.lo, ax.hi = math.Ceil(ax.lo), math.Floor(ax.hi)
			if ax.lo > ax.hi {
				e.at(v.Loc, "no whole number between from = %v and to = %v, and %s takes whole numbers; allowed: a range with a whole number in it", v.From.V, v.To.V, ax.path)
				return ax, false
			}
			lo, hi = ax.lo-0.5, ax.hi+0.5
		}
		if ax.lo == ax.hi {
			// Every point the same value: an effect of nothing, as a
			// grid's steps from a value to itself are refused.
			e.at(v.To.Loc, "a range from %v to %v draws %v alone; allowed: a range that holds more than one value, or leave %s out of [[vary]] (--set sets one value)", v.From.V, v.To.V, ax.lo, ax.path)
			return ax, false
		}
		m, ok := marginalOf(v, kind, lo, hi, e)
		ax.marginal = m
		return ax, ok
	case hasRange:
		if !v.From.Set || !v.To.Set || !v.Steps.Set {
			e.at(v.Loc, "a range needs from, to and steps; allowed: from = 0.1, to = 0.9, steps = 5")
			return ax, false
		}
		if !v.From.ok(e, "a number") || !v.To.ok(e, "a number") || !v.Steps.ok(e, stepsAllowed) || !finite(&v.From, e) || !finite(&v.To, e) {
			return ax, false
		}
		if v.Steps.V < 1 || v.Steps.V > MaxPoints {
			e.at(v.Steps.Loc, "%d is out of range; allowed: %s", v.Steps.V, stepsAllowed)
			return ax, false
		}
		if v.Steps.V == 1 && v.From.V != v.To.V {
			// One step is from alone: to would be dropped without a word.
			e.at(v.Steps.Loc, "1 step from %v to %v would run %v alone; allowed: steps ≥ 2 to reach to, or values = [%v] for one value", v.From.V, v.To.V, v.From.V, v.From.V)
			return ax, false
		}
		if v.Steps.V > 1 && v.From.V == v.To.V {
			// Every step the same value: the same work run steps times.
			e.at(v.Steps.Loc, "%d steps from %v to %v give %v %d times; allowed: steps = 1, or values = [%v]", v.Steps.V, v.From.V, v.To.V, v.From.V, v.Steps.V, v.From.V)
			return ax, false
		}
		if kind == kindWhole && (!wholeSized(&v.From, ax.path, e) || !wholeSized(&v.To, ax.path, e)) {
			return ax, false
		}
		if kind == kindWhole {
			// whole ends first, as wholeGrid says them, then their range
			var ok bool
			ax.values, ok = wholeGrid(v, e)
			return ax, ok && gridEndsInRange(v, ax.path, e)
		}
		if !gridEndsInRange(v, ax.path, e) {
			return ax, false
		}
		ax.values = gridValues(v.From.V, v.To.V, v.Steps.V)
		for i := 1; i < len(ax.values); i++ {
			if ax.values[i] == ax.values[i-1] {
				e.at(v.Steps.Loc, "from = %v to %v in %d steps gives %v twice (at 12 significant digits, as values are written); allowed: fewer steps, or a wider range", v.From.V, v.To.V, v.Steps.V, ax.values[i])
				return ax, false
			}
		}
		return ax, true
	}
	e.at(v.Loc, "vary without values; allowed: values = [...] or from and to (and steps, for a grid)")
	return ax, false
}

// morrisOrder checks a list of values under design = "morris". An
// elementary effect is the change of an output over a step along a path,
// divided by the step, so a list is read as a scale in the order written.
// Numbers must therefore be written in increasing order, two of them too
// (written the other way, μ would come out with the sign of the effect
// turned round). Names and true/false have no order: two of them are one
// step either way, which only μ's sign reads, and with three or more μ
// and μ* would depend on the order they were listed in. Sobol' indices
// are free of order.
func morrisOrder(v *rawVary, ax *axis, design string, e *errs) bool {
	if design != "morris" {
		return true
	}
	if len(ax.values) == 2 && ax.values[0] == ax.values[1] {
		// one value twice: no step along the path moves it, and its
		// elementary effects cannot be taken
		e.at(v.Values[1].Loc, "%v twice for %s under design = \"morris\", whose steps must move the value; allowed: two different values", ax.values[1], ax.path)
		return false
	}
	if ax.kind == kindNumber || ax.kind == kindWhole {
		for i := 1; i < len(ax.values); i++ {
			if a, b := ax.values[i-1].(float64), ax.values[i].(float64); !(a < b) {
				e.at(v.Values[i].Loc, "%v after %v for %s under design = \"morris\", whose effects step along the values in order; allowed: values in increasing order", b, a, ax.path)
				return false
			}
		}
		return true
	}
	if len(ax.values) < 3 {
		return true
	}
	switch ax.kind {
	case kindString:
		e.at(ax.valuesAt, "%d names for %s under design = \"morris\", whose effects step along the values in order, and names have no order; allowed: two names, or design = \"sobol\" (its indices do not depend on the order)", len(ax.values), ax.path)
		return false
	case kindBool:
		e.at(ax.valuesAt, "%d values for %s under design = \"morris\", which takes true or false; allowed: values = [true, false]", len(ax.values), ax.path)
		return false
	}
	return true
}

// morrisSteps refuses, under design = "morris", a list of values that
// the design's steps do not move along evenly, or whose levels leave a
// value undrawn. Where the levels fall on the values so that one step
// moves two values along and another one (three values on four levels:
// 0→2, then 1→2), the values are not drawn alike (the last twice as
// often) and a curved effect is read over steps of two lengths (a
// straight-line one is not harmed: a value's unit coordinate is its
// place, listPlaces); where a value falls between levels
// (three values on two, five on four), nothing is learnt of it. An even
// number of values n fits on a multiple of n levels; an odd number above
// one fits on none. The levels that do fit are named. A whole-numbered
// range is read through its distribution's quantiles, as a continuous one
// is, and is not checked: its steps are uneven by design where its
// distribution is not uniform, and by rounding by up to one value where it
// is, which matters only when it holds few values (docs/model.md §6.5:
// give those as a list).
func morrisSteps(ax *axis, levels int, e *errs) bool {
	if ax.ranged || len(ax.values) < 3 {
		return true // a range, or two values: every step moves one along
	}
	n := len(ax.values)
	moves := func(p int) []int {
		var out []int
		for l := 0; l < p/2; l++ {
			from, to := float64(l)/float64(p-1), float64(l+p/2)/float64(p-1)
			out = append(out, ax.place(ax.at(to))-ax.place(ax.at(from)))
		}
		return out
	}
	missed := func(p int) []string { // the values no level draws
		drawn := make([]bool, n)
		for l := range p {
			drawn[ax.place(ax.at(float64(l)/float64(p-1)))] = true
		}
		var out []string
		for i, d := range drawn {
			if !d {
				out = append(out, fmt.Sprint(ax.values[i]))
			}
		}
		return out
	}
	even := func(ms []int) bool { return !slices.ContainsFunc(ms, func(m int) bool { return m != ms[0] }) }
	fits := func(p int) bool { return even(moves(p)) && len(missed(p)) == 0 }
	if fits(levels) {
		return true
	}
	var fit []string
	for p := 2; p <= 100 && len(fit) < 4; p += 2 {
		if fits(p) {
			fit = append(fit, strconv.Itoa(p))
		}
	}
	loc := ax.valuesAt
	switch ms := moves(levels); {
	case len(fit) == 0 && n%2 == 1:
		e.at(loc, "%s takes %d values under design = \"morris\": no number of levels steps along an odd number of values the same number each time and draws every one; allowed: an even number of values (levels then a multiple of it), or design = \"lhs\" or \"sobol\"",
			ax.path, n)
	case len(fit) == 0:
		e.at(loc, "%s takes %d values under design = \"morris\", which step evenly and are each drawn only on a multiple of %d levels, above the most allowed, 100; allowed: at most 100 values, or design = \"lhs\" or \"sobol\"",
			ax.path, n, n)
	case !even(ms):
		e.at(loc, "%s takes %d values under design = \"morris\" on %d levels, whose steps move it %v values along, unequally: the values would not be drawn alike, and a curved effect would be read over steps of different lengths; allowed: levels = %s (a step the same number of values each time, every value drawn)",
			ax.path, n, levels, ms, strings.Join(fit, ", "))
	default:
		e.at(loc, "%s takes %d values under design = \"morris\" on %d levels, which never draw %s: the analysis would say nothing of them; allowed: levels = %s (a step the same number of values each time, every value drawn)",
			ax.path, n, levels, strings.Join(missed(levels), ", "), strings.Join(fit, ", "))
	}
	return false
}

func finite(o *opt[float64], e *errs) bool {
	if math.IsNaN(o.V) || math.IsInf(o.V, 0) {
		e.at(o.Loc, "%v is not a finite number; allowed: a number", o.V)
		return false
	}
	return true
}

// maxExactWhole is the largest magnitude of a whole number a path's value
// holds exactly: values are numbers (float64), and past 2^53 − 1 the
// neighbours of a whole number are no longer whole numbers one apart.
const maxExactWhole = 1<<53 - 1

// tooLargeWhole is the message for a whole number v, written x, past
// maxExactWhole: out of the path's range, or (a seed) in it but too large
// to be held exactly.
func tooLargeWhole(x string, v float64, path string) string {
	r, _ := pathRange(path)
	what := "is out of range"
	if r.Contains(v) {
		what = "is too large to be held exactly"
	}
	return fmt.Sprintf("%s %s; allowed: %s for %s", x, what, pathAllowed(path, kindWhole), path)
}

// pathRange is the range of the numbers a path takes, as a file's check
// has it; false for a path of true or false or of names.
func pathRange(path string) (sim.Range, bool) {
	spec, _ := lookupPath(path)
	return spec.rng, spec.ranged
}

// pathAllowed says in words what values a path of the given kind takes,
// as a file's check does: its range ("a number in [0, 1]"), true or false,
// or the names allowed. A whole number is held exactly only to
// ±(2^53 − 1), so a range past that (the seed's) is cut there.
func pathAllowed(path string, kind valueKind) string {
	if r, ok := pathRange(path); ok {
		if r.Whole {
			r.Min, r.Max = max(r.Min, -maxExactWhole), min(r.Max, maxExactWhole)
		}
		return r.Allowed()
	}
	if kind == kindString {
		parts := strings.Split(path, ".")
		if spec, ok := agents.LookupDecision(parts[len(parts)-1]); ok {
			return spec.Allowed()
		}
	}
	return kind.words()
}

// gridEndsInRange reports whether both ends of a grid's range lie in its
// path's own range, naming each end that does not where it was written,
// as a list of values names each value: every step lies between the ends,
// so the ends are the whole check. Without it an end out of range was
// reported only once the rest of the file was sound, as the first point
// it made invalid, and at from whichever end was wrong.
func gridEndsInRange(v *rawVary, path string, e *errs) bool {
	r, ranged := pathRange(path)
	if !ranged {
		return true
	}
	if r.Whole { // said as pathAllowed says it, cut where a whole number is held exactly (wholeSized)
		r.Min, r.Max = max(r.Min, -maxExactWhole), min(r.Max, maxExactWhole)
	}
	ok := true
	for _, end := range []*opt[float64]{&v.From, &v.To} {
		if err := r.Check(end.V); err != nil {
			e.at(end.Loc, "%v for %s", err, path)
			ok = false
		}
	}
	return ok
}

// wholeSized reports whether a range end of a whole-number path is held
// exactly (|x| ≤ 2^53 − 1).
func wholeSized(o *opt[float64], path string, e *errs) bool {
	if math.Abs(o.V) > maxExactWhole {
		written := o.Text
		if written == "" {
			written = sim.FormatNumber(o.V)
		}
		e.at(o.Loc, "%s", tooLargeWhole(written, o.V, path))
		return false
	}
	return true
}

// pathValue turns a number given for a path into the float64 the paths
// hold, whatever its Go type (SetPath(sc, path, 2) from code). An integer
// past ±(2^53 − 1) for a whole-number path, which a float64 cannot hold
// exactly, stays as it is, for checkValue to refuse as written; a number
// path takes it rounded, and its range refuses it.
func pathValue(kind valueKind, v any) any {
	switch v.(type) {
	case float64, bool, string:
		return v
	}
	f, ok := agents.AsNumber(v)
	if !ok || kind == kindWhole && math.Abs(f) > maxExactWhole {
		return v
	}
	return f
}

// between is the point a fraction t of the way from a to b, computed so
// that it stays finite when b − a overflows (a = -1e308, b = 1e308).
func between(a, b, t float64) float64 {
	if d := b - a; !math.IsInf(d, 0) {
		return a + d*t
	}
	return a*(1-t) + b*t
}

// checkValue says what is wrong with one listed value of a path, or "".
func checkValue(path string, kind valueKind, v any) string {
	ok := false
	allowed := func() string { return pathAllowed(path, kind) } // only for an error: a points file checks every cell
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Sprintf("%v is not a finite number; allowed: %s for %s", x, allowed(), path)
		}
		ok = kind == kindNumber || kind == kindWhole && x == math.Trunc(x)
		if kind == kindWhole && !ok {
			return fmt.Sprintf("%s is not a whole number; allowed: %s for %s", sim.FormatNumber(x), allowed(), path)
		}
		if kind == kindWhole && math.Abs(x) > maxExactWhole {
			return tooLargeWhole(sim.FormatNumber(x), x, path)
		}
		// A path whose range a number here cannot span (the generator's
		// seed, which a file holds to 2^63 − 1) is checked against the
		// range as cut, so that both ends are said alike.
		if r, ranged := pathRange(path); kind == kindWhole && ranged && (r.Max > maxExactWhole || r.Min < -maxExactWhole) && r.Check(x) != nil {
			return fmt.Sprintf("%s is out of range; allowed: %s for %s", sim.FormatNumber(x), allowed(), path)
		}
	case bool:
		ok = kind == kindBool
	case string:
		ok = kind == kindString
		if ok {
			return checkName(path, x)
		}
	default: // an integer a whole-number path cannot hold exactly (pathValue)
		if f, ok := agents.AsNumber(x); ok && kind == kindWhole {
			return tooLargeWhole(fmt.Sprint(x), f, path)
		}
	}
	if !ok {
		return fmt.Sprintf("%s is %s; allowed: %s for %s", show(v), typeName(v), allowed(), path)
	}
	return ""
}

// checkName says what is wrong with a name given to a decision key, or "".
func checkName(path, name string) string {
	parts := strings.Split(path, ".")
	spec, ok := agents.LookupDecision(parts[len(parts)-1])
	if !ok {
		return ""
	}
	var d agents.Decision
	if err := spec.Set(&d, name); err != nil {
		return err.Error()
	}
	return ""
}

// gridValues are steps values evenly spaced from from to to, rounded to 12
// significant digits so that they read as a user would write them (0.3,
// not 0.30000000000000004); the ends are exactly from and to.
func gridValues(from, to float64, steps int) []any {
	out := make([]any, steps)
	for i := range out {
		x := from
		switch {
		case i == steps-1 && steps > 1:
			x = to
		case i > 0:
			x = roundDigits(between(from, to, float64(i)/float64(steps-1)))
		}
		out[i] = x
	}
	return out
}

// wholeGrid are the grid's values for a whole-numbered path: steps whole
// numbers evenly spaced from from to to (whole, within ±(2^53 − 1): the
// caller checked their size), computed in integers, since rounding to 12
// digits as gridValues does would hide a step that is not whole, or merge
// two. It reports an end or a step that is not whole.
func wholeGrid(v *rawVary, e *errs) ([]any, bool) {
	for _, end := range []*opt[float64]{&v.From, &v.To} {
		if end.V != math.Trunc(end.V) {
			e.at(end.Loc, "%v is not a whole number; allowed: a whole number, as %s takes whole numbers", end.V, v.Path.V)
			return nil, false
		}
	}
	a, b, steps := int64(v.From.V), int64(v.To.V), v.Steps.V
	if steps == 1 { // from = to (checked by the caller)
		return []any{v.From.V}, true
	}
	n := int64(steps - 1)
	if (b-a)%n != 0 {
		// the first step already falls between whole numbers; shown at 12
		// digits, as values are written, unless that would show it whole
		f := v.From.V + (v.To.V-v.From.V)/float64(n)
		if r := roundDigits(f); r != math.Trunc(r) {
			f = r
		}
		e.at(v.Steps.Loc, "from = %v, to = %v in %d steps gives %v, not a whole number, and %s takes whole numbers; allowed: steps such that (to − from)/(steps − 1) is whole%s",
			sim.FormatNumber(v.From.V), sim.FormatNumber(v.To.V), steps, strconv.FormatFloat(f, 'f', -1, 64), v.Path.V, stepsHint(v.From.V, v.To.V, steps))
		return nil, false
	}
	step := (b - a) / n
	values := make([]any, steps)
	for i := range values {
		values[i] = float64(a + int64(i)*step)
	}
	return values, true
}

// roundDigits rounds x to 12 significant digits.
func roundDigits(x float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// stepsHint suggests the number of steps nearest to steps that gives whole
// numbers from from to to.
func stepsHint(from, to float64, steps int) string {
	span := int64(math.Abs(to - from))
	if from != math.Trunc(from) || to != math.Trunc(to) || span > MaxPoints {
		return ""
	}
	best := int64(-1)
	for n := int64(1); n <= span; n++ { // n = steps − 1
		if span%n == 0 && (best < 0 || abs64(n+1-int64(steps)) < abs64(best+1-int64(steps))) {
			best = n
		}
	}
	if best < 0 {
		return ""
	}
	return fmt.Sprintf(", e.g. steps = %d", best+1)
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// gridSize is the number of points of a grid over axes (a float64, so
// that it cannot overflow).
func gridSize(axes []axis) float64 {
	n := 1.0
	for _, ax := range axes {
		n *= float64(len(ax.values))
	}
	return n
}

// grid is every combination, the last path varying fastest.
func grid(axes []axis) [][]any {
	points := [][]any{{}}
	for _, ax := range axes {
		var next [][]any
		for _, p := range points {
			for _, v := range ax.values {
				next = append(next, append(slices.Clone(p), v))
			}
		}
		points = next
	}
	return points
}
