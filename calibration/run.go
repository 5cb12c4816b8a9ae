package calibration

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// The seeds of HISTORY.md.
const (
	CalibrationSeed = 1    // calibrate on seeds 1–500
	HeldOutSeed     = 1001 // hold out seeds 1001–1500
	Runs            = 500
)

// Options are the run counts and workers of a calibration.
type Options struct {
	Runs     int // replications per candidate and for the held-out check (default Runs)
	Workers  int // parallel replications (0: GOMAXPROCS)
	Progress func(done, total int)
	// Set changes the scenario before each candidate's inputs are set: a
	// probe of how the calibration would come out under another model
	// default or another fact (--set). It may not name a calibrated
	// input, which the grid sets. The report says it was run with them,
	// so that it is never taken for the calibration of record.
	Set []configs.Assignment
}

// Candidate is one point of the grid: a value for each input and the
// targets over the calibration seeds.
type Candidate struct {
	Values    []float64
	Results   []targets.Result
	Met       int     // targets met
	Shortfall float64 // Σ max(0, threshold − share)
	// Digest is the SHA-256 of its runs' records (RecordsDigest): what
	// the runs were, beyond the shares the targets read of them.
	Digest string
}

// Report is a scenario's calibration.
type Report struct {
	Spec       Spec
	Runs       int
	Candidates []Candidate // in grid order: the first input varies slowest
	Chosen     int         // index into Candidates
	HeldOut    []targets.Result
	// HeldOutDigest is the SHA-256 of the held-out runs' records
	// (RecordsDigest).
	HeldOutDigest string
	Current       []float64 // the values the built-in scenario holds
	Excluded      int       // combinations the constraints kept out of the grid
	// Set are the changes it ran with (Options.Set), as path=value; none
	// for the calibration of record.
	Set []string
}

// Run calibrates one scenario: every candidate of the grid over seeds 1 to
// Options.Runs (500 by default), the choice by the rule, the chosen
// candidate over as many held-out seeds from HeldOutSeed (1001).
func Run(ctx context.Context, spec Spec, opts Options) (*Report, error) {
	rep, grid, err := prepare(spec, &opts)
	if err != nil {
		return nil, err
	}
	total := (len(grid) + 1) * opts.Runs
	done := 0
	progress := func(d, _ int) {
		if opts.Progress != nil {
			opts.Progress(done+d, total)
		}
	}
	for _, values := range grid {
		res, digest, err := evaluate(ctx, spec, values, CalibrationSeed, opts, progress)
		if err != nil {
			return nil, err
		}
		done += opts.Runs
		c := score(values, res)
		c.Digest = digest
		rep.Candidates = append(rep.Candidates, c)
	}
	rep.Chosen = Choose(rep.Candidates)
	if rep.HeldOut, rep.HeldOutDigest, err = evaluate(ctx, spec, rep.Candidates[rep.Chosen].Values, HeldOutSeed, opts, progress); err != nil {
		return nil, err
	}
	return rep, nil
}

// RunCurrent plays only the values the built-in scenario holds, on the
// calibration seeds and on the held-out seeds, as Run plays its chosen
// candidate: a report with that one candidate, chosen. When the built-in
// holds the calibration's choice, its runs are the calibration's own, to
// the bit (the same scenario, seeds, code and build target: a target
// that fuses x·y + z moves the last bits of floats in the records), and
// so are their records' digests and every row of docs/calibration.md that reports them; a test
// checks those against the document at about a fifteenth of the whole
// calibration's cost (2,000 runs of some 31,000) (docs/model.md §6.6).
func RunCurrent(ctx context.Context, spec Spec, opts Options) (*Report, error) {
	rep, _, err := prepare(spec, &opts)
	if err != nil {
		return nil, err
	}
	res, digest, err := evaluate(ctx, spec, rep.Current, CalibrationSeed, opts, nil)
	if err != nil {
		return nil, err
	}
	c := score(rep.Current, res)
	c.Digest = digest
	rep.Candidates = []Candidate{c}
	if rep.HeldOut, rep.HeldOutDigest, err = evaluate(ctx, spec, rep.Current, HeldOutSeed, opts, nil); err != nil {
		return nil, err
	}
	return rep, nil
}

// Check says why Run would refuse the spec with these options, or nil. It
// runs nothing: a caller calibrating several scenarios checks them all
// first, so that an input one of them refuses (a --set naming a state of
// another) is not found after the others have run.
func Check(spec Spec, opts Options) error {
	_, _, err := prepare(spec, &opts)
	return err
}

// prepare fills in the default run count, checks the options against the
// spec and lists the grid the constraints admit, with the report's
// description of the run (Current, Excluded, Set) filled in.
func prepare(spec Spec, opts *Options) (*Report, [][]float64, error) {
	if opts.Runs == 0 {
		opts.Runs = Runs
	}
	if err := CheckRuns(opts.Runs); err != nil {
		return nil, nil, err
	}
	base, err := configs.Builtin(spec.Scenario)
	if err != nil {
		return nil, nil, err
	}
	if err := spec.checkSet(opts.Set); err != nil {
		return nil, nil, &configs.SetError{Scenario: spec.Scenario, Err: err}
	}
	if err := configs.Apply(base, opts.Set); err != nil { // the constraints read the changed scenario
		return nil, nil, &configs.SetError{Scenario: spec.Scenario, Err: err}
	}
	rep := &Report{Spec: spec, Runs: opts.Runs}
	for _, a := range opts.Set {
		rep.Set = append(rep.Set, fmt.Sprintf("%s=%v", a.Path, a.Value))
	}
	for _, in := range spec.Inputs {
		rep.Current = append(rep.Current, in.Get(base))
	}
	grid, excluded := spec.Grid(base)
	rep.Excluded = excluded
	if len(grid) == 0 {
		why := make([]string, len(spec.Constraints))
		for i, c := range spec.Constraints {
			why[i] = c.Why
		}
		return nil, nil, fmt.Errorf("calibration of %s: the constraints exclude all %d combinations of the inputs%s; allowed: a --set that leaves some admitted (%s)",
			spec.Scenario, excluded, orEmpty(rep.Set, " with "), strings.Join(why, " "))
	}
	return rep, grid, nil
}

// MaxRuns is the most replications a calibration takes per candidate:
// its seeds, from CalibrationSeed, must stay below HeldOutSeed, so that no
// held-out seed enters the choice.
const MaxRuns = HeldOutSeed - CalibrationSeed

// CheckRuns says why a number of replications per candidate cannot be
// used, or nil.
func CheckRuns(runs int) error {
	if runs < 1 || runs > MaxRuns {
		return fmt.Errorf("calibration: %d runs per candidate; allowed: 1 to %d, so that the calibration seeds (from %d) stay below the held-out seeds (from %d), which must never enter the choice",
			runs, MaxRuns, CalibrationSeed, HeldOutSeed)
	}
	return nil
}

// Grid lists every combination of the inputs' values, the first input
// varying slowest.
func Grid(inputs []Input) [][]float64 {
	grid := [][]float64{{}}
	for _, in := range inputs {
		var next [][]float64
		for _, g := range grid {
			for _, v := range in.Values {
				next = append(next, append(append([]float64(nil), g...), v))
			}
		}
		grid = next
	}
	return grid
}

// Grid lists the combinations of the inputs' values that every
// constraint admits, the first input varying slowest, and counts those
// kept out. base is the built-in scenario; it is left as it was.
func (s Spec) Grid(base *sim.Scenario) (grid [][]float64, excluded int) {
	saved := make([]float64, len(s.Inputs))
	for i, in := range s.Inputs {
		saved[i] = in.Get(base)
	}
	defer func() {
		for i, in := range s.Inputs {
			in.Set(base, saved[i])
		}
	}()
	for _, values := range Grid(s.Inputs) {
		if s.admits(base, values) {
			grid = append(grid, values)
		} else {
			excluded++
		}
	}
	return grid, excluded
}

// admits reports whether every constraint admits the values, set on sc.
func (s Spec) admits(sc *sim.Scenario, values []float64) bool {
	for i, in := range s.Inputs {
		in.Set(sc, values[i])
	}
	for _, c := range s.Constraints {
		if !c.Admit(sc) {
			return false
		}
	}
	return true
}

// monteCarlo runs the replications; a test replaces it to see which seeds
// a calibration plays without playing them.
var monteCarlo = runner.MonteCarlo

// keepRecords, if set, is given the scenario each evaluation ran (its
// inputs set to the candidate's values) and its records, slimmed
// (targets.Slim): a test counts from the calibration's own runs what the
// README says of the calibrated scenarios, instead of running them again.
var keepRecords func(spec Spec, sc *sim.Scenario, seed uint64, opts Options, records []runner.Record)

// evaluate runs the scenario with the values set, from the seed: the
// targets' results and the digest of the runs' records.
func evaluate(ctx context.Context, spec Spec, values []float64, seed uint64, opts Options, progress func(int, int)) ([]targets.Result, string, error) {
	sc, err := configs.Builtin(spec.Scenario)
	if err != nil {
		return nil, "", err
	}
	return evaluateScenario(ctx, spec, sc, values, seed, opts, progress)
}

// evaluateScenario is evaluate of the scenario sc, spec's built-in as
// given or as a test changed it; it changes sc.
func evaluateScenario(ctx context.Context, spec Spec, sc *sim.Scenario, values []float64, seed uint64, opts Options, progress func(int, int)) ([]targets.Result, string, error) {
	if err := configs.Apply(sc, opts.Set); err != nil {
		return nil, "", &configs.SetError{Scenario: spec.Scenario, Err: err}
	}
	for i, in := range spec.Inputs {
		in.Set(sc, values[i])
	}
	c, err := sim.Compile(sc)
	if err != nil {
		return nil, "", fmt.Errorf("calibration of %s at %v: %w", spec.Scenario, values, err)
	}
	var records []runner.Record
	digest := newRecordsDigest()
	_, err = monteCarlo(ctx, c, runner.Options{Runs: opts.Runs, Seed: seed, Workers: opts.Workers, Progress: progress,
		OnRecord: func(r *runner.Record) {
			digest.add(r)
			records = append(records, targets.Slim(r))
		}})
	if err != nil {
		return nil, "", err
	}
	if digest.err != nil {
		return nil, "", fmt.Errorf("calibration of %s at %v: %w", spec.Scenario, values, digest.err)
	}
	if keepRecords != nil {
		keepRecords(spec, sc, seed, opts, records)
	}
	return targets.EvaluateScenario(targets.For(spec.Scenario), records, sc), digest.sum(), nil
}

// recordsDigest is RecordsDigest, fed one record at a time.
type recordsDigest struct {
	h   hash.Hash
	err error
}

func newRecordsDigest() *recordsDigest { return &recordsDigest{h: sha256.New()} }

func (d *recordsDigest) add(r *runner.Record) {
	if d.err != nil {
		return
	}
	b, err := json.Marshal(r)
	if err != nil {
		d.err = err
		return
	}
	d.h.Write(b)
	d.h.Write([]byte{'\n'})
}

func (d *recordsDigest) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// RecordsDigest is the SHA-256, in hex, of the records of a sequence of
// runs in run order, each as its JSON encoding followed by a newline:
// two sets of runs with the same digest have the same records, every
// alliance with its memberships and every proposal, which equal shares
// alone do not say.
func RecordsDigest(records []runner.Record) (string, error) {
	d := newRecordsDigest()
	for i := range records {
		d.add(&records[i])
	}
	return d.sum(), d.err
}

// checkSet refuses a change of a calibrated input: the grid would
// overwrite it.
func (s Spec) checkSet(set []configs.Assignment) error {
	for _, a := range set {
		for _, in := range s.Inputs {
			if slices.Contains(in.Paths, a.Path) {
				return fmt.Errorf("%s: a calibrated input of %s, which the calibration tries at each of %s; allowed: a path it does not scan",
					a.Path, s.Scenario, in.valuesText())
			}
		}
	}
	return nil
}

// score counts a candidate's targets met and its total shortfall.
func score(values []float64, res []targets.Result) Candidate {
	c := Candidate{Values: values, Results: res}
	for _, r := range res {
		if r.Met {
			c.Met++
		}
		c.Shortfall += max(0, r.Threshold-r.Share.Share)
	}
	return c
}

// Choose applies the rule: most targets met, then the smallest total
// shortfall, then the first in grid order. It returns the index of the
// chosen candidate, or -1 if there is none. A shortfall within 10⁻⁹ of
// the smallest ties with it; a NaN shortfall is
// never the smallest (if every one is NaN, the first of those with the
// most targets met is chosen).
func Choose(cs []Candidate) int {
	if tied := tiedBest(cs); len(tied) > 0 {
		return tied[0]
	}
	return -1
}

// tiedBest lists, in grid order, the candidates the rule cannot tell
// apart and would choose among: the most targets met, and a shortfall
// within shortfallTolerance of the smallest of theirs.
func tiedBest(cs []Candidate) []int {
	if len(cs) == 0 {
		return nil
	}
	most := cs[0].Met
	for _, c := range cs {
		most = max(most, c.Met)
	}
	least := math.Inf(1)
	for _, c := range cs {
		if c.Met == most && c.Shortfall < least { // false for NaN
			least = c.Shortfall
		}
	}
	var tied []int
	for i, c := range cs {
		if c.Met == most && (c.Shortfall <= least+shortfallTolerance || math.IsInf(least, 1)) {
			tied = append(tied, i)
		}
	}
	return tied
}

// shortfallTolerance makes equal shortfalls equal although their sums are
// rounded: with thresholds 0.8 and 0.7 over 500 runs, shares of 300 and
// 282 and of 301 and 281 fall short by 42/125 each, summed in floating
// point to 0.33600000000000008 and 0.33599999999999997, and the later
// candidate won a tie the rule gives to the first. A billionth is far
// below what any number of runs can resolve (a share moves in steps of
// 1/n) and far above the rounding of a sum of a few numbers in [0, 1].
const shortfallTolerance = 1e-9

// orEmpty is prefix and the list joined, or nothing for an empty list.
func orEmpty(list []string, prefix string) string {
	if len(list) == 0 {
		return ""
	}
	return prefix + strings.Join(list, ", ")
}
