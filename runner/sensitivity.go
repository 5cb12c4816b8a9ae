package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/sensitivity"
	"gonum.org/v1/gonum/stat"
)

// Global sensitivity analysis of a sweep: which varied parameters move an
// output, from a morris design (elementary effects: μ*, μ, σ) or a sobol
// design (first-order and total indices), with bootstrap intervals
// (package sensitivity). The estimators act on one number per point: the
// mean of an output over the point's replications, which share their
// seeds across points (common random numbers).

// Output is what a sensitivity analysis explains, one number per point:
// the mean over the point's runs of a share's indicator (the share) or of
// a custom measure.
type Output struct {
	share   Share
	measure string // "" for a share
}

// ShareOutput is the share s at each point.
func ShareOutput(s Share) Output { return Output{share: s} }

// MeasureOutput is the mean of the custom measure of that name at each
// point.
func MeasureOutput(name string) Output { return Output{share: -1, measure: name} }

func (o Output) String() string {
	if o.measure != "" {
		return o.measure
	}
	return o.share.String()
}

// ParseOutput reads an output by name: a share (ShareKeys) or one of the
// custom measures named.
func ParseOutput(name string, measures []string) (Output, error) {
	if i := slices.Index(shareKeys, name); i >= 0 {
		return ShareOutput(Share(i)), nil
	}
	if slices.Contains(measures, name) {
		return MeasureOutput(name), nil
	}
	allowed := strings.Join(shareKeys, ", ")
	if len(measures) > 0 {
		allowed += ", or a measure: " + strings.Join(measures, ", ")
	}
	return Output{}, fmt.Errorf("%q is not an output; allowed: a share (%s)", name, allowed)
}

// AllOutputs are every share, then every custom measure named.
func AllOutputs(measures []string) []Output {
	var out []Output
	for s := range numShares {
		out = append(out, ShareOutput(s))
	}
	for _, m := range measures {
		out = append(out, MeasureOutput(m))
	}
	return out
}

// value is the output at a point whose summary is s: the mean over its
// runs, and the variance of that mean from replication to replication
// (p(1 − p)/(n − 1) for a share, sd²/n for a measure), NaN where fewer
// than two runs give the output a value and it cannot be measured.
func (o Output) value(s *Summary) (mean, noise float64, err error) {
	noise = math.NaN()
	if o.measure == "" {
		p := s.Share(o.share)
		if p.N >= 2 {
			noise = p.Share * (1 - p.Share) / float64(p.N-1)
		}
		return p.Share, noise, nil
	}
	ms, ok := s.Measure(o.measure)
	switch {
	case !ok:
		return 0, 0, fmt.Errorf("no measure %q", o.measure)
	case ms.Mean == nil:
		return 0, 0, fmt.Errorf("measure %q: %w in any run", o.measure, errNoValue)
	case ms.SD != nil:
		noise = *ms.SD * *ms.SD / float64(ms.Runs)
	}
	return *ms.Mean, noise, nil
}

// errNoValue marks an output that has no value at some point: it has no
// indices, and the other outputs are analysed all the same.
var errNoValue = errors.New("no value")

// Sensitivity is the analysis of the outputs asked for over a sweep's
// points. Bootstrap is the bootstrap that drew the intervals, its defaults
// filled in (sensitivity.Bootstrap.Resolved) and with the seed used;
// WriteCSV writes it as the level, resamples and seed columns.
type Sensitivity struct {
	Design    Design
	Vary      []string
	Points    int
	Runs      int // per point
	Bootstrap sensitivity.Bootstrap
	Outputs   []OutputSensitivity
}

// OutputSensitivity is the analysis of one output: Sobol (sobol design) or
// Morris (morris design), each with an estimate per varied path, in the
// order of Vary.
type OutputSensitivity struct {
	Output string
	// Missing says why the output has no indices, where it has no value
	// at some point (a custom measure undefined in every run there);
	// empty otherwise.
	Missing string
	// Mean and Variance of the points' means (population variance): under
	// a sobol design, of the 2N points of its A and B matrices, the
	// variance the indices share out; under a morris design, of every
	// point.
	Mean, Variance float64
	// Noise is the mean over those points of the variance of a point's mean
	// from replication to replication: the part of Variance that is
	// replication noise rather than the parameters. The estimators read it
	// as parameter effects, so when Noise/Variance is not small the
	// indices are blurred: give the points more runs. Where a point has
	// fewer than two runs that give the output a value (one run per
	// point, say) it cannot be measured and is NaN: the indices may then
	// be noise alone. Every point plays the same seeds (common random
	// numbers), so the noise in the variance across points is mostly
	// smaller than this, not always: a review's two Morris sweeps of
	// generic on seeds 1 and 5001 put it at 2.3%, 5.5% and 2.4% of the
	// variance for three outputs whose Noise/Variance read 6.4%, 7.6% and
	// 1.7%. A rough guide, then, not a bound.
	Noise  float64
	Sobol  *sensitivity.SobolIndices
	Morris *sensitivity.Effects
}

// Analyze estimates the sensitivity of each output over a sweep's points
// (their summaries in order, and their unit coordinates): Sobol' first
// order and total indices under a sobol design, elementary effects under
// a morris design. outputs lists what to analyse: nil analyses none (pass
// AllOutputs for every one, as SensitivityOf and SweepResult.Sensitivity
// take nil). b sets the bootstrap intervals: zero Resamples and Confidence
// take the defaults (sensitivity.Bootstrap.Resolved), and Seed is used as
// given, 0 included. It is an error if d is not a morris or sobol design
// of these points, if unit and points differ in length, or if b is out of
// range.
func Analyze(d *Design, vary []string, unit [][]float64, points []*Summary, outputs []Output, b sensitivity.Bootstrap) (*Sensitivity, error) {
	if d == nil || (d.Kind != "sobol" && d.Kind != "morris") {
		kind := "no design"
		if d != nil {
			kind = "a " + d.Kind + " design"
		}
		return nil, fmt.Errorf("the sweep has %s; allowed: design = \"morris\" or \"sobol\" in the experiment file", kind)
	}
	k := len(vary)
	if err := d.check(k, len(points)); err != nil {
		return nil, err
	}
	if len(unit) != len(points) {
		return nil, fmt.Errorf("%d points but %d with unit coordinates", len(points), len(unit))
	}
	b, err := b.Resolved()
	if err != nil {
		return nil, err
	}
	s := &Sensitivity{Design: *d, Vary: vary, Points: len(points), Bootstrap: b}
	if len(points) > 0 {
		s.Runs = points[0].Runs
	}
	y, noise := make([]float64, len(points)), make([]float64, len(points))
	for _, o := range outputs {
		out := OutputSensitivity{Output: o.String()}
		for p, sum := range points {
			var err error
			if y[p], noise[p], err = o.value(sum); errors.Is(err, errNoValue) {
				out.Missing = fmt.Sprintf("no value in any run at point %d", p)
				break
			} else if err != nil {
				return nil, fmt.Errorf("%s at point %d: %w", o, p, err)
			}
		}
		if out.Missing != "" {
			s.Outputs = append(s.Outputs, out)
			continue
		}
		var err error
		switch d.Kind {
		case "sobol":
			out.Sobol, err = sensitivity.Sobol(y, d.Samples, k, b)
			if err == nil {
				// The variance the indices share out: of the A and B rows.
				out.Mean, out.Variance = out.Sobol.Mean, out.Sobol.Variance
				out.Noise = sobolBaseNoise(noise, d.Samples, k)
			}
		case "morris":
			out.Morris, err = sensitivity.ElementaryEffects(unit, y, k, b)
			out.Mean, out.Variance = populationMoments(y)
			out.Noise = stat.Mean(noise, nil)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o, err)
		}
		s.Outputs = append(s.Outputs, out)
	}
	return s, nil
}

// populationMoments is the mean and population variance of y
// (stat.PopMeanVariance); exactly the common value and 0 when every value
// is equal (a mean of equal values computed as a sum over n may miss them
// by an ulp and leave a variance of 1e-31).
func populationMoments(y []float64) (mean, variance float64) {
	if len(y) == 0 {
		return 0, 0
	}
	if slices.Min(y) == slices.Max(y) {
		return y[0], 0
	}
	return stat.PopMeanVariance(y, nil)
}

// sobolBaseNoise is the mean replication noise over the A and B rows of a
// Saltelli design of n base rows and k parameters, its points in the order
// sensitivity.SaltelliDesign gives them: per base row, A, the k rows AB_i,
// then B.
func sobolBaseNoise(noise []float64, n, k int) float64 {
	var sum float64
	for j := range n {
		r := j * (k + 2)
		sum += noise[r] + noise[r+k+1]
	}
	return sum / float64(2*n)
}

// Sensitivity analyses the outputs of a sweep computed in memory (nil:
// every share and custom measure). A bootstrap seed of 0 is the sweep's
// seed, as SensitivityOf takes it for the same sweep on disk: both give
// the same intervals.
func (r *SweepResult) Sensitivity(outputs []Output, b sensitivity.Bootstrap) (*Sensitivity, error) {
	if outputs == nil {
		outputs = AllOutputs(r.Measures)
	}
	if b.Seed == 0 {
		b.Seed = r.Seed
	}
	points := make([]*Summary, len(r.Points))
	for i := range r.Points {
		points[i] = r.Points[i].Summary
	}
	return Analyze(r.Design, r.Vary, r.Unit, points, outputs, b)
}

// SensitivityOf analyses the outputs of the complete sweep in dir (nil:
// every share and custom measure), from its manifest.json (the design and
// each point's unit coordinates) and summary.json (each point's summary).
// The bootstrap resamples are drawn from the sweep's seed unless b.Seed is
// set.
func SensitivityOf(dir string, outputs []Output, b sensitivity.Bootstrap) (*Sensitivity, error) {
	m, err := readOutput(dir)
	if err != nil {
		return nil, err
	}
	if len(m.Vary) == 0 {
		return nil, fmt.Errorf("%s holds a run of one scenario, not a sweep; allowed: the output of a sweep with design = \"morris\" or \"sobol\"", dir)
	}
	if !m.Design.drawn() || m.Design.Kind == "lhs" {
		return nil, fmt.Errorf("%s holds a sweep with %s design; allowed: design = \"morris\" or \"sobol\" in the experiment file", dir, article(m.Design))
	}
	points, err := readPointSummaries(filepath.Join(dir, "summary.json"), len(m.Points), m.Runs)
	if err != nil {
		return nil, err
	}
	unit := make([][]float64, len(m.Points))
	for p := range m.Points {
		unit[p] = m.Points[p].Unit
	}
	if outputs == nil {
		outputs = AllOutputs(m.Measures)
	}
	if b.Seed == 0 {
		b.Seed = m.Seed
	}
	return Analyze(m.Design, m.Vary, unit, points, outputs, b)
}

func article(d *Design) string {
	if d == nil {
		return "no"
	}
	if d.Kind == "lhs" {
		return "an lhs"
	}
	return "a " + d.Kind
}

// readPointSummaries reads the points of a sweep's summary.json one at a
// time (the file of a large sweep is larger than any input file may be;
// a point is small), checking there are n of them, in order, each with the
// outputs of runs runs (pointOutputsOK).
func readPointSummaries(path string, n, runs int) ([]*Summary, error) {
	f, err := input.OpenRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: missing: the sweep is not complete (resume or merge it first): %w", path, ErrIncomplete)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	bad := func(what string) error { return fmt.Errorf("%s: not the summary of a sweep: %s", path, what) }
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, bad("not an object")
	}
	var out []*Summary
	found := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, bad(err.Error())
		}
		if t != "points" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, bad(err.Error())
			}
			continue
		}
		found = true
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil, bad("points is not an array")
		}
		for dec.More() {
			var ps PointSummary
			if err := dec.Decode(&ps); err != nil {
				return nil, bad(err.Error())
			}
			if ps.Point != len(out) || ps.Summary == nil || len(out) == n {
				return nil, bad(fmt.Sprintf("point %d where point %d of %d belongs", ps.Point, len(out), n))
			}
			if err := pointOutputsOK(ps.Summary, runs); err != nil {
				return nil, bad(fmt.Sprintf("point %d: %v", ps.Point, err))
			}
			out = append(out, &Summary{Runs: ps.Runs, Shares: ps.Shares, Measures: ps.Measures})
		}
		if _, err := dec.Token(); err != nil {
			return nil, bad(err.Error())
		}
	}
	if !found || len(out) != n {
		return nil, bad(fmt.Sprintf("%d points; the manifest has %d", len(out), n))
	}
	return out, nil
}

// pointOutputsOK checks the outputs of a point's summary that the
// analysis reads: its runs, and every share a count of them with its
// share. An edit that leaves a share of 5 or 1e308 would give indices and
// a replication noise that mean nothing. (A custom measure's mean may be
// any number JSON can hold: all are finite.)
func pointOutputsOK(s *Summary, runs int) error {
	if s.Runs != runs {
		return fmt.Errorf("runs %d; the manifest's points have %d", s.Runs, runs)
	}
	for _, k := range shareKeys {
		p, ok := s.Shares[k]
		switch {
		case !ok:
			return fmt.Errorf("shares.%s is missing", k)
		case p.N != runs || p.Count < 0 || p.Count > p.N || p.Share != float64(p.Count)/float64(p.N):
			return fmt.Errorf("shares.%s: count %d of %d runs with share %v; allowed: a count of the %d runs and its share", k, p.Count, p.N, p.Share, runs)
		}
	}
	return nil
}

// sensitivityColumns are the columns of sensitivity.csv: one row per
// output, varied path and index — S1 and ST (Sobol), mu_star, mu and sigma
// (Morris) — with its estimate and bootstrap percentile interval (empty
// when undefined: an output that does not vary has no indices), and the
// bootstrap that drew the interval: its level, resamples and seed, so that
// the file alone says how to compute it again.
var sensitivityColumns = []string{"output", "parameter", "index", "estimate", "low", "high", "level", "resamples", "seed"}

// WriteCSV writes the analysis as sensitivity.csv.
func (s *Sensitivity) WriteCSV(w io.Writer) error {
	t := newTable(w, sensitivityColumns)
	b := s.Bootstrap
	level, resamples, seed := floatCell(b.Confidence), strconv.Itoa(b.Resamples), strconv.FormatUint(b.Seed, 10)
	for _, o := range s.Outputs {
		for i, path := range s.Vary {
			var rows []struct {
				name string
				iv   sensitivity.Interval
			}
			add := func(name string, iv sensitivity.Interval) {
				rows = append(rows, struct {
					name string
					iv   sensitivity.Interval
				}{name, iv})
			}
			undefined := sensitivity.Interval{Estimate: math.NaN(), Low: math.NaN(), High: math.NaN()}
			switch {
			case o.Sobol != nil:
				add("S1", o.Sobol.First[i])
				add("ST", o.Sobol.Total[i])
			case o.Morris != nil:
				add("mu_star", o.Morris.MuStar[i])
				add("mu", o.Morris.Mu[i])
				add("sigma", o.Morris.Sigma[i])
			case o.Missing != "" && s.Design.Kind == "sobol": // every row, empty: not left out
				add("S1", undefined)
				add("ST", undefined)
			case o.Missing != "":
				add("mu_star", undefined)
				add("mu", undefined)
				add("sigma", undefined)
			}
			for _, r := range rows {
				if err := t.row(o.Output, path, r.name, floatCell(r.iv.Estimate), floatCell(r.iv.Low), floatCell(r.iv.High), level, resamples, seed); err != nil {
					return err
				}
			}
		}
	}
	return t.flush()
}

// WriteSensitivity writes dir/sensitivity.csv, atomically, with dir locked
// as every writer of an output directory locks it.
func WriteSensitivity(dir string, s *Sensitivity) error {
	if s == nil {
		return errors.New("runner: WriteSensitivity of nil sensitivity indices; allowed: those of Analyze, SensitivityOf or SweepResult.Sensitivity")
	}
	var b bytes.Buffer
	if err := s.WriteCSV(&b); err != nil {
		return err
	}
	release, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer release()
	return writeFileAtomic(filepath.Join(dir, "sensitivity.csv"), b.Bytes())
}

// Ranked returns the varied paths' indices in order of importance for
// the output: by total index (Sobol) or μ* (Morris), largest first;
// undefined estimates last.
func (o *OutputSensitivity) Ranked() []int {
	var key []sensitivity.Interval
	switch {
	case o.Sobol != nil:
		key = o.Sobol.Total
	case o.Morris != nil:
		key = o.Morris.MuStar
	}
	order := make([]int, len(key))
	for i := range order {
		order[i] = i
	}
	v := func(i int) float64 {
		if math.IsNaN(key[i].Estimate) {
			return math.Inf(-1)
		}
		return key[i].Estimate
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case v(a) > v(b):
			return -1
		case v(a) < v(b):
			return 1
		}
		return 0
	})
	return order
}
