package hypotheses

import (
	"fmt"
	"math"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Hypothesis is one comparative static: in a family of worlds, move one
// lever over its levels, hold the rest, and the outcome must move the
// predicted way by at least MinChange — or, for a rate, reach a threshold.
type Hypothesis struct {
	ID     string // T1a, T3b, …
	Source string // the theory and seed it comes from
	Claim  string // what it says, in words

	// Scenario is the built-in scenario the worlds start from. With
	// Layouts, each world is one of the generated layouts
	// (theater.generate.seed = 1 … K); otherwise there is one world.
	Scenario string
	Layouts  bool
	// Setup, if set, states facts of the experiment before the lever is
	// applied (a longer horizon to observe 20-year survival, say).
	Setup func(sc *sim.Scenario) error

	Lever   Lever
	Outcome Outcome

	// Predicted is how the outcome must respond; MinChange the smallest
	// change from the lowest to the highest level that counts (Rises,
	// Falls) and Threshold the rate to reach (AtLeast, Below).
	Predicted Direction
	MinChange float64
	Threshold float64
}

// Direction is a predicted response.
type Direction int

// Directions.
const (
	Rises   Direction = iota // the outcome rises with the lever
	Falls                    // the outcome falls with the lever
	AtLeast                  // the outcome reaches Threshold (a rate; one level)
	Below                    // the outcome stays below Threshold (a rate; one level)
)

var directionNames = [...]string{"rises", "falls", "at least", "below"}

// known reports whether d is one of the four directions.
func (d Direction) known() bool { return d >= Rises && d <= Below }

// String is the direction's name, or Direction(n) for an unknown one.
func (d Direction) String() string {
	if !d.known() {
		return fmt.Sprintf("Direction(%d)", int(d))
	}
	return directionNames[d]
}

// MarshalText writes the direction's name; an unknown direction is an
// error.
func (d Direction) MarshalText() ([]byte, error) {
	if !d.known() {
		return nil, fmt.Errorf("direction %d; allowed: %s", int(d), strings.Join(directionNames[:], ", "))
	}
	return []byte(d.String()), nil
}

// sign is +1 for Rises, −1 for Falls.
func (d Direction) sign() float64 {
	if d == Falls {
		return -1
	}
	return 1
}

// Lever is what a hypothesis moves. A scenario lever sets Path (a dotted
// path, as in experiment files) or calls Apply at each level, or
// ApplyVariant with Variants; a split lever (Split) runs the world once
// and divides its alliances by level (origin: indigenous against imposed).
type Lever struct {
	Name   string
	Path   string
	Apply  func(sc *sim.Scenario, level any) error
	Split  bool
	Levels []any
	// LevelsOf, if set, derives the levels from the world's base scenario
	// by a stated rule (the adversary's land force from half the
	// strongest client's to the clients' combined force).
	LevelsOf func(sc *sim.Scenario) []any
	// Variants and ApplyVariant set a level that can be realised in
	// several versions of the world, none of them the lever: which half
	// of the clients reads the adversary higher, at a given dispersion
	// (T2). Variants gives their number from the world's base scenario,
	// ApplyVariant sets level and version v (0 … Variants−1). Replication
	// r of the world plays version r mod Variants at every level, so the
	// outcome averages over the versions, no run is spent twice, the
	// seeds are those of any other hypothesis, and each replication keeps
	// its version across the levels (common random numbers).
	Variants     func(sc *sim.Scenario) int
	ApplyVariant func(sc *sim.Scenario, level any, variant int) error
}

// MaxVariants bounds Lever.Variants: every version of every world at
// every level is a scenario built and compiled.
const MaxVariants = 1000

// Outcome is what a hypothesis measures in the runs of one cell, always
// from the runs' records (alliances with their memberships, proposals),
// never from snapshots of membership. Its functions are given each run of
// a cell in replication order, but may be called for different cells at
// once (the versions of Lever.Variants run side by side): they must not
// write to anything they share.
type Outcome struct {
	Name string
	Kind Kind
	// Run gives, for shares and means over runs, a run's value and
	// whether the run counts (a conditional outcome counts only the runs
	// where its condition held).
	Run func(c *Cell, r *runner.Record) (value float64, counted bool)
	// Alliance gives, for shares of alliances and survival, an alliance's
	// value (a 0/1 property) and whether it counts.
	Alliance func(c *Cell, r *runner.Record, a *sim.AllianceRecord) (value float64, counted bool)
	// At is the survival time, in ticks.
	At float64
	// Since is, for survival, the tick an alliance's lifetime is counted
	// from; nil counts from its formation. An outcome that selects
	// alliances by something settled after they formed — T6's origin,
	// settled when a patron joins the clients' alliance — counts from
	// then: the ticks before, in which an alliance could not have ended
	// and still be selected, would add lifetime it was never at risk of
	// losing (immortal-time bias).
	Since func(a *sim.AllianceRecord) int
}

// Cell is a world at a level: what an outcome is measured on.
type Cell struct {
	Compiled *sim.Compiled
	// Level is the lever's level in this world: with Lever.LevelsOf each
	// layout has its own (results label the levels by layout 1's).
	Level   any
	Layout  int // theater.generate.seed, or 0
	Variant int // the version of the world (Lever.Variants), or 0
}

// add adds to s what the outcome measures in one run. A value that counts
// must be a number in [0, 1] (a survival outcome's value is not used); the
// error names the replication.
func (o *Outcome) add(s *Sample, c *Cell, r *runner.Record) error {
	where := fmt.Sprintf("replication %d (seed %d)", r.Run, r.Seed)
	if o.Run != nil {
		var v float64
		var ok bool
		if err := guard(where+": Outcome.Run", func() error { v, ok = o.Run(c, r); return nil }); err != nil {
			return err
		}
		if ok && !(v >= 0 && v <= 1) {
			return fmt.Errorf("%s: Outcome.Run gave %v; allowed: a number in [0, 1]", where, v)
		}
		if ok && o.Kind == RunShare && v != 0 && v != 1 {
			return fmt.Errorf("%s: Outcome.Run gave %v; allowed: 0 or 1, whether it happened (Kind is a share of runs: a value between counts as nothing; RunMean averages one)", where, v)
		}
		if ok {
			s.Values = append(s.Values, v)
		}
		return nil
	}
	for j := range r.Alliances {
		a := &r.Alliances[j]
		var v float64
		var ok bool
		if err := guard(where+": Outcome.Alliance", func() error { v, ok = o.Alliance(c, r, a); return nil }); err != nil {
			return err
		}
		switch {
		case !ok:
		case o.Kind == Survival:
			from := a.Formed
			if o.Since != nil {
				from = o.Since(a)
			}
			end := a.End(r.Ticks)
			if from < a.Formed || from > end {
				return fmt.Errorf("%s, alliance %d: Outcome.Since gave tick %d; allowed: a tick of the alliance's life, %d to %d", where, j, from, a.Formed, end)
			}
			s.Lifetimes = append(s.Lifetimes, runner.Observation{Duration: float64(end - from), Event: a.Ended >= 0})
		case !(v >= 0 && v <= 1):
			return fmt.Errorf("%s, alliance %d: Outcome.Alliance gave %v; allowed: a number in [0, 1]", where, j, v)
		case o.Kind == AllianceShare && v != 0 && v != 1:
			return fmt.Errorf("%s, alliance %d: Outcome.Alliance gave %v; allowed: 0 or 1, whether the alliance has the property (Kind is a share of alliances)", where, j, v)
		default:
			s.Values = append(s.Values, v)
		}
	}
	return nil
}

// Check reports a hypothesis that cannot be tested: the error names its
// id and the field at fault and says what is allowed. Run checks every
// hypothesis before it runs any world.
func (h *Hypothesis) Check() error {
	if h.ID == "" {
		return fmt.Errorf("hypotheses: a hypothesis has no ID; allowed: an id such as T1a")
	}
	if msg := h.problem(); msg != "" {
		return fmt.Errorf("hypothesis %s: %s", h.ID, msg)
	}
	return nil
}

// problem says what is wrong with a hypothesis, or "".
func (h *Hypothesis) problem() string {
	o, l := &h.Outcome, &h.Lever
	onRuns := o.Kind == RunShare || o.Kind == RunMean
	switch {
	case h.Scenario == "":
		return "Scenario is empty; allowed: the name of a built-in scenario, such as generic"
	case !h.Predicted.known():
		return fmt.Sprintf("Predicted is %d; allowed: Rises, Falls, AtLeast or Below", int(h.Predicted))
	case !(h.MinChange >= 0 && h.MinChange <= 1):
		return fmt.Sprintf("MinChange is %v; allowed: a number in [0, 1]", h.MinChange)
	case !(h.Threshold >= 0 && h.Threshold <= 1):
		return fmt.Sprintf("Threshold is %v; allowed: a number in [0, 1]", h.Threshold)
	case !o.Kind.known():
		return fmt.Sprintf("Outcome.Kind is %d; allowed: RunShare, RunMean, AllianceShare or Survival", int(o.Kind))
	case (o.Run == nil) == (o.Alliance == nil):
		return "the outcome needs exactly one of Outcome.Run and Outcome.Alliance"
	case onRuns && o.Run == nil:
		return fmt.Sprintf("Outcome.Kind %s is measured on runs; allowed: an outcome with Run, not Alliance", o.Kind)
	case !onRuns && o.Alliance == nil:
		return fmt.Sprintf("Outcome.Kind %s is measured on alliances; allowed: an outcome with Alliance, not Run", o.Kind)
	case o.Kind == Survival && !(o.At >= 0 && !math.IsInf(o.At, 1)):
		return fmt.Sprintf("Outcome.At is %v; allowed: a number of ticks ≥ 0", o.At)
	case o.Kind != Survival && o.Since != nil:
		return fmt.Sprintf("Outcome.Since is set for an outcome of kind %s; allowed: Since for Survival only", o.Kind)
	case l.Split && o.Alliance == nil:
		return "the lever is split, which divides alliances by level; allowed: an outcome with Alliance"
	case l.Split && (l.Path != "" || l.Apply != nil):
		return "the lever is split and has a Path or an Apply function; allowed: a split lever, which changes no scenario, or a Path or Apply"
	case (l.Variants == nil) != (l.ApplyVariant == nil):
		return "the lever has one of Variants and ApplyVariant; allowed: both, or neither"
	case l.ApplyVariant != nil && (l.Split || l.Path != "" || l.Apply != nil):
		return "the lever has ApplyVariant and a Path, an Apply function or Split; allowed: ApplyVariant alone, which sets the level in each version"
	case l.Path != "" && l.Apply != nil:
		return "the lever has both a Path and an Apply function; allowed: one of them"
	case len(l.Levels) > 0 && l.LevelsOf != nil:
		return "the lever has both Levels and LevelsOf; allowed: one of them"
	case !h.rate() && !l.Split && l.Path == "" && l.Apply == nil && l.ApplyVariant == nil:
		return "the lever moves nothing; allowed: a lever with a Path, an Apply or ApplyVariant function, or Split"
	case l.LevelsOf == nil:
		return h.levelsProblem(l.Levels)
	}
	return ""
}

// rate says whether the hypothesis predicts a rate at one level, rather
// than a comparative static.
func (h *Hypothesis) rate() bool { return h.Predicted.Rate() }

// Rate says whether d bounds a rate (AtLeast, Below), rather than
// directing a change (Rises, Falls).
func (d Direction) Rate() bool { return d == AtLeast || d == Below }

// levelsProblem says what is wrong with the levels for the hypothesis,
// or "".
func (h *Hypothesis) levelsProblem(levels []any) string {
	n := len(levels)
	switch {
	case h.rate() && n != 1:
		return words.Count(n, "level", "levels") + "; allowed: one, a rate is measured at one level"
	case !h.rate() && n < 2:
		return words.Count(n, "level", "levels") + "; allowed: at least two, for a comparative static"
	}
	for i := range levels {
		for j := range i {
			if reflect.DeepEqual(levels[i], levels[j]) {
				return fmt.Sprintf("levels %d and %d are both %v; allowed: distinct levels, for a comparative static", j+1, i+1, levels[i])
			}
		}
	}
	return ""
}

// guard calls f, one of a hypothesis's functions (Setup, the lever's
// Apply or LevelsOf, the outcome's Run or Alliance), and turns an error
// it returns or a panic in it into an error that names it, as runner does
// with a panic in a replication.
func guard(what string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: panic: %v\n%s", what, p, debug.Stack())
		}
	}()
	if err := f(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Verdict is the outcome of a test.
type Verdict string

// Verdicts.
const (
	Holds        Verdict = "holds"
	Fails        Verdict = "fails"
	Inconclusive Verdict = "inconclusive"
)

// Result is a hypothesis tested: each level's pooled estimate, each
// layout's, Spearman's ρ of level rank against pooled outcome, the change
// from the lowest to the highest level with its interval, how many layouts
// moved the predicted way, and the verdict with its reason.
type Result struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`   // the theory and seed it tests
	Claim     string    `json:"claim"`    // the hypothesis in a sentence
	Scenario  string    `json:"scenario"` // the world it runs in
	Runs      int       `json:"runs"`     // replications per world and level it was measured on
	Lever     string    `json:"lever"`
	Outcome   string    `json:"outcome"`
	Kind      string    `json:"kind"` // the outcome's Kind, by name ("share of runs", …)
	Predicted Direction `json:"predicted"`
	MinChange float64   `json:"min_change,omitempty"` // statics: the change asked for
	Threshold float64   `json:"threshold,omitempty"`  // rates: the share asked for
	// Levels name the lever's levels; Pooled has each level's estimate over
	// every layout, Layouts each layout's.
	Levels  []string    `json:"levels"`
	Pooled  []Estimate  `json:"pooled"`
	Layouts []LayoutRow `json:"layouts"`
	// Rho is Spearman's ρ over the levels with an estimate (nil when it is
	// undefined: fewer than two, or no spread); Change, with its 95%
	// interval ChangeLow–ChangeHi, is the highest level's estimate less the
	// lowest's. All are nil for a hypothesis with a threshold instead of
	// levels.
	Rho       *float64 `json:"rho,omitempty"`
	Change    *float64 `json:"change,omitempty"`
	ChangeLow *float64 `json:"change_low,omitempty"`
	ChangeHi  *float64 `json:"change_high,omitempty"`
	Agree     int      `json:"layouts_agreeing"` // layouts that moved the predicted way on their own
	Verdict   Verdict  `json:"verdict"`
	Reason    string   `json:"reason"` // why the verdict, in a sentence
}

// LayoutRow is one world's estimates, level by level.
type LayoutRow struct {
	Layout    int        `json:"layout"`
	Estimates []Estimate `json:"estimates"`
}

// rateText is a rate's estimate and interval as its verdict compares them
// with its threshold and the table prints them: the estimate to three
// decimals rounded down, so that a rate short of its threshold never
// prints as reaching it (1400 of 2001 is 0.699, where rounding to the
// nearest gives 0.700, which "misses 0.70"), nor one under an upper bound
// as at it (0.04996 is 0.049, "below 0.05"), as check prints the targets'
// shares; the interval's ends to the nearest, but an upper end short of
// an "at least" threshold rounded down too, so that an interval wholly
// short of it never prints as reaching it, and a lower end under a
// "below" bound likewise, so that an interval that reaches under it
// never prints as starting at it (0.0496 is 0.049, not 0.050 "below
// 0.05"). (A value within 10⁻¹² of the
// next thousandth, 10⁻⁹ of a thousandth, is taken as it: a mean summed
// with rounding error can fall just short of it, 0.001 + 0.009 being
// 0.009999999999999998 and its product with 1000 9.999999999999998. A
// count's share c/n times 1000 never does: 29/100·1000 is exactly 290.)
func rateText(e Estimate, pred Direction, threshold float64) (value, low, high string) {
	down := func(x float64) string { return fmt.Sprintf("%.3f", math.Floor(x*1000+1e-9)/1000) }
	value, low, high = down(e.Value), fmt.Sprintf("%.3f", e.Low), fmt.Sprintf("%.3f", e.High)
	if pred == AtLeast && e.High < threshold {
		high = down(e.High)
	}
	if pred == Below && e.Low < threshold {
		low = down(e.Low)
	}
	return value, low, high
}

// rateInterval is rateText as "value [low, high]".
func rateInterval(e Estimate, pred Direction, threshold float64) string {
	value, low, high := rateText(e, pred, threshold)
	return fmt.Sprintf("%s [%s, %s]", value, low, high)
}

// verdict fills in the statistics and the verdict of THEORY.md: a
// comparative static holds when (a) Spearman's ρ between level and pooled
// outcome has the predicted sign with |ρ| ≥ 0.8, (b) the change from the
// lowest to the highest level is at least MinChange the predicted way with
// its 95% interval on that side of zero, and (c) at least 80% of the
// layouts (four of five) move the predicted way on their own, from the
// lowest to the highest level at which the outcome exists in that layout. It is
// inconclusive when a level has no estimate, fails when the whole interval
// of the change is short of MinChange the predicted way (no number of runs
// can make (b) hold), is otherwise inconclusive when that interval includes
// zero, and fails otherwise. A rate holds when the pooled estimate reaches its threshold,
// fails when its whole interval misses it, and is otherwise inconclusive;
// an upper bound (Below: no churn) must also hold in every world: it fails
// where a world's whole interval misses it, and is otherwise inconclusive
// while a world's estimate does.
func (r *Result) verdict(h *Hypothesis, kind Kind) {
	need := int(math.Ceil(0.8 * float64(len(r.Layouts))))
	switch h.Predicted {
	case AtLeast, Below:
		e := r.Pooled[0]
		meets := func(e Estimate) bool {
			if h.Predicted == AtLeast {
				return e.Value >= h.Threshold
			}
			return e.Value < h.Threshold
		}
		for _, l := range r.Layouts {
			if l.Estimates[0].Valid && meets(l.Estimates[0]) {
				r.Agree++
			}
		}
		value, low, high := rateText(e, h.Predicted, h.Threshold)
		missAll := (h.Predicted == AtLeast && e.High < h.Threshold) || (h.Predicted == Below && e.Low >= h.Threshold)
		// An upper bound (no churn) is asked "for every scenario, built-in
		// or generated" (THEORY.md): it holds in every world, not only
		// pooled, where one world's churn could hide among the others'.
		var over []string
		var overAll bool
		if h.Predicted == Below {
			for _, l := range r.Layouts {
				if le := l.Estimates[0]; le.Valid && !meets(le) {
					over = append(over, fmt.Sprintf("layout %d %s", l.Layout, rateInterval(le, h.Predicted, h.Threshold)))
					overAll = overAll || le.Low >= h.Threshold
				}
			}
		}
		switch {
		case !e.Valid:
			r.Verdict, r.Reason = Inconclusive, "no run or alliance counted"
		case meets(e) && len(over) == 0:
			r.Verdict, r.Reason = Holds, fmt.Sprintf("%s %s %.2f", value, h.Predicted, h.Threshold)
		case meets(e) && overAll:
			r.Verdict, r.Reason = Fails, fmt.Sprintf("%s %s %.2f pooled, but not in every world: %s", value, h.Predicted, h.Threshold, strings.Join(over, ", "))
		case overAll:
			// one world's whole interval on the wrong side settles it,
			// whatever the pooled interval still reaches
			r.Verdict, r.Reason = Fails, fmt.Sprintf("%s, not %s %.2f pooled nor in every world: %s", value, h.Predicted, h.Threshold, strings.Join(over, ", "))
		case meets(e):
			r.Verdict, r.Reason = Inconclusive, fmt.Sprintf("%s %s %.2f pooled, but not yet in every world: %s", value, h.Predicted, h.Threshold, strings.Join(over, ", "))
		case missAll:
			r.Verdict, r.Reason = Fails, fmt.Sprintf("%s, its interval [%s, %s] entirely on the wrong side of %.2f", value, low, high, h.Threshold)
		default:
			r.Verdict, r.Reason = Inconclusive, fmt.Sprintf("%s misses %.2f but its interval reaches it", value, h.Threshold)
		}
		return
	}
	first, last := r.Pooled[0], r.Pooled[len(r.Pooled)-1]
	// ρ over the levels that have an estimate, as far as it can be shown:
	// a level at which no run was counted has no outcome, not an outcome
	// of 0. No verdict is given without every level (below): ρ over the
	// two end levels alone would be ±1 by construction.
	var x, y []float64
	var missing []string
	for i, e := range r.Pooled {
		if e.Valid {
			x, y = append(x, float64(i)), append(y, e.Value)
		} else {
			missing = append(missing, r.levelName(i))
		}
	}
	rho := math.NaN()
	if len(x) >= 2 {
		rho = Spearman(x, y)
	}
	d, lo, hi := Difference(kind, first, last)
	if !math.IsNaN(rho) { // no spread in the outcome: ρ is undefined
		r.Rho = &rho
	}
	r.Change, r.ChangeLow, r.ChangeHi = &d, &lo, &hi
	sign := h.Predicted.sign()
	for _, l := range r.Layouts {
		// a layout moves the predicted way when its outcome at the highest
		// level where it exists differs from that at the lowest such level
		// the predicted way (a patron that never allies with the most
		// revisionist clients has no hub index there), by more than
		// changeTolerance: two means of the same outcomes summed in another
		// order may differ in the last bit, and that is not a move
		var valid []Estimate
		for _, e := range l.Estimates {
			if e.Valid {
				valid = append(valid, e)
			}
		}
		if len(valid) >= 2 && sign*(valid[len(valid)-1].Value-valid[0].Value) > changeTolerance {
			r.Agree++
		}
	}
	okRho := !math.IsNaN(rho) && sign*rho >= 0.8
	okChange := sign*d >= h.MinChange-changeTolerance && sign*lo > 0 && sign*hi > 0
	okLayouts := r.Agree >= need
	switch {
	case len(missing) > 0:
		r.Verdict, r.Reason = Inconclusive, "no run or alliance counted at "+levelList(missing)
	case lo <= 0 && hi >= 0 && max(sign*lo, sign*hi) >= h.MinChange-changeTolerance:
		// more runs may yet show the change; where even the end of its
		// interval the predicted way is short of the minimum, (b) cannot
		// hold however many are added, and it fails below, as a rate
		// whose whole interval misses its threshold fails
		r.Verdict, r.Reason = Inconclusive, fmt.Sprintf("the interval of the change [%s, %s] includes zero", signed(lo), signed(hi))
	case okRho && okChange && okLayouts:
		r.Verdict, r.Reason = Holds, fmt.Sprintf("ρ %+.2f, change %s ≥ %.2f the predicted way, %d of %d layouts", rho, signed(d), h.MinChange, r.Agree, len(r.Layouts))
	default:
		var why []string
		if !okRho {
			need := map[bool]string{true: "≥ +", false: "≤ −"}[sign > 0]
			if math.IsNaN(rho) {
				// Spearman's ρ of outcomes that tie at every level
				why = append(why, fmt.Sprintf("ρ undefined, the outcome the same at every level (need %s0.8)", need))
			} else {
				why = append(why, fmt.Sprintf("ρ %+.2f (need %s0.8)", rho, need))
			}
		}
		if !okChange {
			why = append(why, fmt.Sprintf("change %s [%s, %s] (need %s%.2f)", signed(d), signed(lo), signed(hi), map[bool]string{true: "+", false: "−"}[sign > 0], h.MinChange))
		}
		if !okLayouts {
			why = append(why, fmt.Sprintf("%d of %d layouts the predicted way (need %d)", r.Agree, len(r.Layouts), need))
		}
		r.Verdict, r.Reason = Fails, joinWords(why)
	}
}

// levelName is level i's label, or its rank from 1 where the result
// names no levels (a result built by hand).
func (r *Result) levelName(i int) string {
	if i < len(r.Levels) {
		return r.Levels[i]
	}
	return strconv.Itoa(i + 1)
}

// levelList names levels in prose: "level 0.3", "levels 0.3, 0.5 and 0.7".
func levelList(names []string) string {
	if len(names) == 1 {
		return "level " + names[0]
	}
	return "levels " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// changeTolerance lets a change equal to the minimum reach it although
// the difference of two estimates is rounded: 175/500 − 100/500 is
// 0.14999999999999997 in floating point, and the rule is "at least 0.15".
// A change short of the minimum by less than 10⁻⁹ counts as reaching it:
// a billionth of the [0, 1] scale every outcome is on, far below what any
// number of runs could resolve and far above the rounding error of a
// difference of two numbers in [0, 1] (about 10⁻¹⁶).
const changeTolerance = 1e-9

func joinWords(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += "; "
		}
		out += p
	}
	return out
}

// UnmarshalText reads a direction's name, so that hypotheses.json reads
// back (the report draws it).
func (d *Direction) UnmarshalText(b []byte) error {
	for i, n := range directionNames {
		if n == string(b) {
			*d = Direction(i)
			return nil
		}
	}
	return fmt.Errorf("direction %q; allowed: %s", b, strings.Join(directionNames[:], ", "))
}
