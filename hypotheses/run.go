package hypotheses

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Options control a test of hypotheses.
type Options struct {
	Runs int // replications per world and level (default DefaultRuns)
	// MaxRuns is the most replications per world and level THEORY.md's
	// rule may take (enough replications that the 95% interval of the
	// change excludes zero): a hypothesis still inconclusive at Runs
	// is measured again on twice as many, and so on, until its verdict is
	// holds or fails or MaxRuns is reached. The runs already made are kept:
	// replication r plays seed Seed + r however many are added. 0:
	// DefaultMaxRuns (8 × Runs as far as the seeds reach, and below the
	// held-out seeds from a start below them); Runs: never more
	// than Runs.
	MaxRuns int
	Layouts int // generated layouts of a layout family (default DefaultLayouts)
	// Seed is the base seed: replication r plays seed Seed + r in every
	// cell. 0 is unset and means DefaultSeed, 1: a test of hypotheses
	// never plays seed 0 (NewProvenance and `alliancesim hypotheses
	// --seed` refuse it). Unlike runner.Options.Seed and plans, where 0
	// is seed 0: to play the seeds of runner.Options{Seed: s}, give s ≥ 1.
	Seed    uint64
	Workers int // parallel replications (0: GOMAXPROCS)
	// Set changes every world before its layout and lever are applied
	// (--set path=value): a one-off change of the model or the worlds. A
	// change the scenario refuses is a *configs.SetError; a path the hypothesis
	// sets itself (its layouts, Setup or lever) is an error naming the
	// hypothesis, since the change would do nothing.
	Set []configs.Assignment
	// Progress, if set, is called after each finished replication with
	// the number done and the total.
	Progress func(done, total int)
}

// Defaults of Options; see the package doc for the power they give.
const (
	DefaultRuns    = 100
	DefaultLayouts = 5
	// DefaultEscalation is MaxRuns at its default, as a multiple of Runs:
	// three doublings, which shrink an interval to about a third.
	DefaultEscalation = 8
	// MaxLayouts bounds Layouts: every world of every layout is built
	// before the first run (a typo of a few zeros used to grow memory
	// without bound before anything ran).
	MaxLayouts = 1000
)

// DefaultSeed is the base seed of Options whose Seed is 0: THEORY.md's
// calibration seeds start at it, as `alliancesim hypotheses` does.
const DefaultSeed = 1

// HeldOutSeed is the first of THEORY.md's held-out seeds (1001–1500): a
// measurement that starts below it stays below it by default
// (DefaultMaxRuns).
const HeldOutSeed = 1001

// DefaultMaxRunsReach says in words how far DefaultMaxRuns goes, for
// the messages and help that explain it.
func DefaultMaxRunsReach() string {
	return fmt.Sprintf("as far as the seeds reach and, from a seed below %d, not past seed %d", HeldOutSeed, HeldOutSeed-1)
}

// DefaultMaxRuns is MaxRuns when it is not given: DefaultEscalation ×
// runs, but no more than runner.MaxRuns, no more than the seeds left from
// seed to runner.MaxSeed, no further than seed 1000 from a seed below
// HeldOutSeed (so that more runs on the calibration seeds never play the
// held-out ones), and never fewer than runs. So the default never refuses
// a start that runs alone would allow. A runs below 1 runs nothing and is
// returned as it is, for the check of runs to refuse.
func DefaultMaxRuns(runs int, seed uint64) int {
	if runs < 1 {
		return runs
	}
	m := runs
	if runs <= math.MaxInt/DefaultEscalation {
		m = DefaultEscalation * runs
	}
	m = min(m, runner.MaxRuns)
	last := uint64(runner.MaxSeed)
	if seed < HeldOutSeed {
		last = HeldOutSeed - 1
	}
	if seed <= last {
		if left := last - seed + 1; left < uint64(m) {
			m = int(left)
		}
	}
	return max(m, runs)
}

func (o Options) withDefaults() Options {
	if o.Runs == 0 {
		o.Runs = DefaultRuns
	}
	if o.Layouts == 0 {
		o.Layouts = DefaultLayouts
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.MaxRuns == 0 {
		o.MaxRuns = DefaultMaxRuns(o.Runs, o.Seed)
	}
	return o
}

// cell is one scenario to run: a world at a level. Hypotheses that move
// the same lever over the same worlds share their cells, so each scenario
// is run once. Its runs' records are not kept: each is handed, as it
// arrives, to the tallies of every outcome measured on the cell.
type cell struct {
	key      cellKey
	compiled *sim.Compiled
	runs     int // replications made, or passed over as another version's
	tallies  []*tally
}

// cellKey identifies a cell: its scenario, and the replications it plays —
// every one (stride 1), or for a version of a world (Lever.Variants) those
// r with r mod stride = offset.
type cellKey struct {
	scenario       [32]byte // SHA-256 of the scenario's canonical form
	stride, offset int
}

// plays reports whether the cell plays replication r.
func (k cellKey) plays(r int) bool { return k.stride <= 1 || r%k.stride == k.offset }

// played is how many of replications 0 … runs−1 the cell plays.
func (k cellKey) played(runs int) int {
	switch {
	case k.stride <= 1:
		return runs
	case runs <= k.offset:
		return 0
	}
	return (runs-k.offset-1)/k.stride + 1
}

// plan is a hypothesis with its outcome measured in each of its cells:
// tallies[w][l][v] in world w at level l, version v (Lever.Variants; one
// version but for T2). It is measured on the first runs
// replications of each (all a plan's cells hold exactly that many when it
// is measured, since the plans still open are run further together; the
// tallies keep it so if that changes).
type plan struct {
	h       *Hypothesis
	layouts []int
	levels  []any
	tallies [][][]*tally // [world][level][version]
	runs    int
}

// Run tests the hypotheses: it runs every distinct cell once, with the
// same seeds in every cell (common random numbers, so that differences
// between levels are not blurred by different draws), and measures each
// hypothesis on its cells. A hypothesis left inconclusive is measured
// again on twice the runs, up to Options.MaxRuns (its Result says on how
// many). The results depend only on the hypotheses and the options, never
// on the number of workers. Before it runs anything it checks every
// hypothesis (Check) and that no two share an id. A panic in a
// hypothesis's functions is returned as an error naming it, and so is an
// outcome value that is not a number in [0, 1].
func Run(ctx context.Context, hs []Hypothesis, opts Options) ([]Result, error) {
	opts = opts.withDefaults()
	if opts.Runs < 1 || opts.Layouts < 1 || opts.Layouts > MaxLayouts {
		return nil, fmt.Errorf("hypotheses: %d runs and %d layouts; allowed: runs ≥ 1 and layouts in [1, %d]", opts.Runs, opts.Layouts, MaxLayouts)
	}
	if opts.MaxRuns < opts.Runs {
		return nil, fmt.Errorf("hypotheses: at most %d runs, fewer than the %d to start with; allowed: at least the runs (or 0: %d × the runs, %s)", opts.MaxRuns, opts.Runs, DefaultEscalation, DefaultMaxRunsReach())
	}
	if err := runner.CheckSeeds(opts.Seed, opts.MaxRuns); err != nil {
		return nil, err
	}
	if err := checkAll(hs); err != nil {
		return nil, err
	}
	plans, order, err := planAll(hs, opts)
	if err != nil {
		return nil, err
	}
	x := executor{opts: opts}
	if err := x.extend(ctx, order, opts.Runs); err != nil {
		return nil, err
	}
	return x.measure(ctx, plans)
}

// planAll plans every hypothesis, and returns with the plans every
// distinct cell once, in the order they were first needed.
func planAll(hs []Hypothesis, opts Options) ([]plan, []*cell, error) {
	cells := map[cellKey]*cell{}
	compiled := map[[32]byte]*sim.Compiled{} // one compilation of a scenario, whichever replications its cells play (T2's versions at δ = 0 are one scenario)
	var order []*cell
	var plans []plan
	for i := range hs {
		h := &hs[i]
		p, err := planOf(h, opts, func(sc *sim.Scenario, stride, offset int) (*cell, error) {
			text, err := configs.Format(sc)
			if err != nil {
				return nil, err
			}
			key := cellKey{scenario: sha256.Sum256(text), stride: stride, offset: offset}
			if c, ok := cells[key]; ok {
				return c, nil
			}
			comp, ok := compiled[key.scenario]
			if !ok {
				if comp, err = sim.Compile(sc); err != nil {
					return nil, err
				}
				compiled[key.scenario] = comp
			}
			c := &cell{key: key, compiled: comp}
			cells[key] = c
			order = append(order, c)
			return c, nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("hypothesis %s: %w", h.ID, err)
		}
		plans = append(plans, p)
	}
	return plans, order, nil
}

// checkAll checks every hypothesis and that no two share an id.
func checkAll(hs []Hypothesis) error {
	first := map[string]int{}
	for i := range hs {
		if err := hs[i].Check(); err != nil {
			return err
		}
		if j, ok := first[hs[i].ID]; ok {
			return fmt.Errorf("hypotheses: hypotheses %d and %d of the list both have the id %s; allowed: a different id for each", j+1, i+1, hs[i].ID)
		}
		first[hs[i].ID] = i
	}
	return nil
}

// planOf builds a hypothesis's worlds and levels, asking get for the cell
// of each scenario (and, for a version of a world, of the replications
// it plays: those r with r mod stride = offset).
func planOf(h *Hypothesis, opts Options, get func(sc *sim.Scenario, stride, offset int) (*cell, error)) (plan, error) {
	p := plan{h: h, layouts: []int{0}}
	if h.Layouts {
		p.layouts = p.layouts[:0]
		for k := 1; k <= opts.Layouts; k++ {
			p.layouts = append(p.layouts, k)
		}
	}
	for wi, layout := range p.layouts {
		world := func() (*sim.Scenario, error) {
			sc, err := configs.Builtin(h.Scenario)
			if err != nil {
				return nil, err
			}
			if err := configs.Apply(sc, opts.Set); err != nil {
				return nil, &configs.SetError{Scenario: h.Scenario, Err: err} // the change's fault, not the hypothesis's
			}
			if layout > 0 {
				if sc.Generate == nil {
					return nil, fmt.Errorf("%s has a drawn map; layouts need a generated theatre", h.Scenario)
				}
				sc.Generate.Seed = uint64(layout)
			}
			if h.Setup != nil {
				if err := guard("Setup", func() error { return h.Setup(sc) }); err != nil {
					return nil, err
				}
			}
			return sc, nil
		}
		base, err := world()
		if err != nil {
			return p, err
		}
		levels := h.Lever.Levels
		if h.Lever.LevelsOf != nil {
			if err := guard("Lever.LevelsOf", func() error { levels = h.Lever.LevelsOf(base); return nil }); err != nil {
				return p, err
			}
			if msg := h.levelsProblem(levels); msg != "" {
				return p, fmt.Errorf("layout %d: Lever.LevelsOf gave %s", layout, msg)
			}
		}
		if wi == 0 {
			p.levels = levels
		} else if len(levels) != len(p.levels) {
			return p, fmt.Errorf("layout %d has %d levels, layout 1 has %d", layout, len(levels), len(p.levels))
		}
		versions := 1
		if h.Lever.Variants != nil {
			if err := guard("Lever.Variants", func() error { versions = h.Lever.Variants(base); return nil }); err != nil {
				return p, err
			}
			if versions < 1 || versions > MaxVariants {
				return p, fmt.Errorf("layout %d: Lever.Variants gave %d; allowed: 1 to %d", layout, versions, MaxVariants)
			}
		}
		var row [][]*tally
		for _, level := range levels {
			var ts []*tally
			for v := range versions {
				sc := base
				if !h.Lever.Split {
					if sc, err = world(); err != nil {
						return p, err
					}
					if err := apply(&h.Lever, sc, level, v); err != nil {
						return p, fmt.Errorf("layout %d, level %v: %w", layout, level, err)
					}
				}
				if err := keepsSet(sc, opts.Set); err != nil {
					return p, err
				}
				c, err := get(sc, versions, v)
				if err != nil {
					return p, fmt.Errorf("layout %d, level %v: %w", layout, level, err)
				}
				t := newTally(&h.Outcome, c, Cell{Compiled: c.compiled, Level: level, Layout: layout, Variant: v})
				c.tallies = append(c.tallies, t)
				ts = append(ts, t)
			}
			row = append(row, ts)
		}
		p.tallies = append(p.tallies, row)
	}
	return p, nil
}

// keepsSet refuses a --set that the hypothesis undoes in sc, one of its
// worlds at a level: a path its layouts, its setup or its lever set
// themselves (T4's sea fraction, a layout's seed, T8's client
// revisionism). Such a --set would change nothing and yet be recorded as
// applied. It is found exactly: the assignments, made again on a copy of
// sc, change it. (A path given twice is refused before, by configs.Apply.)
func keepsSet(sc *sim.Scenario, set []configs.Assignment) error {
	if len(set) == 0 {
		return nil
	}
	text, err := configs.Format(sc)
	if err != nil {
		return err
	}
	// The copy is read back from the text, and compared with the text it
	// gives as read back: reading orders what a hypothesis appended (an
	// event before the scenario's own, T3c's), which is no change.
	read := func() (*sim.Scenario, error) { return configs.Parse(sc.Name+" (a hypothesis's world)", text) }
	base, err := read()
	if err != nil {
		return err
	}
	want, err := configs.Format(base)
	if err != nil {
		return err
	}
	changes := func(as []configs.Assignment) (bool, error) {
		cp, err := read()
		if err != nil {
			return false, err
		}
		if err := configs.Apply(cp, as); err != nil {
			return false, err
		}
		again, err := configs.Format(cp)
		return !bytes.Equal(again, want), err
	}
	if changed, err := changes(set); err == nil && !changed {
		return nil
	}
	for _, a := range set {
		changed, err := changes([]configs.Assignment{a})
		switch {
		case err != nil:
			// the world the hypothesis made does not take it (T6's
			// détente after a shorter horizon): the path is its own
			return fmt.Errorf("--set %s=%v does not fit the world the hypothesis makes, which sets %s itself or what depends on it (%v); allowed: a path it leaves as it is (run the other hypotheses by id)", a.Path, a.Value, a.Path, err)
		case changed:
			return fmt.Errorf("--set %s=%v would change nothing: the hypothesis sets %s itself (its layouts, its setup or its lever); allowed: a path it leaves as it is (run the other hypotheses by id)", a.Path, a.Value, a.Path)
		}
	}
	return nil
}

// apply sets the lever to a level in sc, in version v of the world.
func apply(l *Lever, sc *sim.Scenario, level any, v int) error {
	switch {
	case l.ApplyVariant != nil:
		return guard("Lever.ApplyVariant", func() error { return l.ApplyVariant(sc, level, v) })
	case l.Apply != nil:
		return guard("Lever.Apply", func() error { return l.Apply(sc, level) })
	case l.Path != "":
		return configs.SetPath(sc, l.Path, level)
	}
	return nil
}

// measure computes the hypothesis's result from its cells' runs.
func (p *plan) measure() (Result, error) {
	h := p.h
	res := Result{ID: h.ID, Source: h.Source, Claim: h.Claim, Scenario: h.Scenario, Runs: p.runs, Lever: h.Lever.Name,
		Outcome: h.Outcome.Name, Kind: h.Outcome.Kind.String(), Predicted: h.Predicted, MinChange: h.MinChange,
		Threshold: h.Threshold, Layouts: []LayoutRow{}}
	for _, l := range p.levels {
		res.Levels = append(res.Levels, levelLabel(l))
	}
	pooled := make([]Sample, len(p.levels))
	for w, row := range p.tallies {
		lr := LayoutRow{Layout: p.layouts[w]}
		for l, ts := range row {
			var s Sample
			for v, t := range ts {
				sv, err := t.first(p.runs)
				if err != nil {
					return res, fmt.Errorf("layout %d, level %s, %w", p.layouts[w], res.Levels[l], err)
				}
				if v == 0 {
					s = sv
				} else {
					s = s.Merge(sv)
				}
			}
			lr.Estimates = append(lr.Estimates, s.Estimate())
			if w == 0 {
				pooled[l] = s
			} else {
				pooled[l] = pooled[l].Merge(s)
			}
		}
		res.Layouts = append(res.Layouts, lr)
	}
	for _, s := range pooled {
		res.Pooled = append(res.Pooled, s.Estimate())
	}
	res.verdict(h, h.Outcome.Kind)
	return res, nil
}

func levelLabel(v any) string {
	if f, ok := v.(float64); ok {
		return runner.FormatFloat(f)
	}
	return fmt.Sprint(v)
}

// Lookup returns the hypotheses of the registry with the given ids, in
// registry order; no ids means all of them.
func Lookup(ids ...string) ([]Hypothesis, error) {
	all := Registry()
	if len(ids) == 0 {
		return all, nil
	}
	var out []Hypothesis
	var known []string
	for _, h := range all {
		known = append(known, h.ID)
		if slices.Contains(ids, h.ID) {
			out = append(out, h)
		}
	}
	for _, id := range ids {
		if !slices.Contains(known, id) {
			return nil, fmt.Errorf("no hypothesis %q; allowed: %s", id, strings.Join(known, ", "))
		}
	}
	return out, nil
}
