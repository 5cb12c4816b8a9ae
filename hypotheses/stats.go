package hypotheses

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/alliancesim/alliancesim/runner"
)

// Kind says what an outcome estimates, which fixes its interval.
type Kind int

// Kinds of outcome.
const (
	// RunShare is the share of counted runs in which something happened
	// (one 0/1 value per run): Wilson interval.
	RunShare Kind = iota
	// RunMean is the mean over counted runs of a value in [0, 1] (one
	// value per run): Student's t interval of a mean.
	RunMean
	// AllianceShare is the share of counted alliances with a property
	// (one 0/1 value per alliance): Wilson interval.
	AllianceShare
	// Survival is the Kaplan–Meier survival of the counted alliances at a
	// time: Greenwood standard error, Wilson interval at the effective
	// sample size.
	Survival
)

var kindNames = [...]string{"share of runs", "mean over runs", "share of alliances", "Kaplan–Meier survival"}

// known reports whether k is one of the four kinds.
func (k Kind) known() bool { return k >= RunShare && k <= Survival }

// String is the kind's name, or Kind(n) for an unknown one.
func (k Kind) String() string {
	if !k.known() {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Sample is the raw data of an outcome in one cell (a world at a level):
// values for shares and means, lifetimes for survival. Samples of several
// layouts merge into a pooled sample.
type Sample struct {
	Kind      Kind
	Values    []float64            `json:"-"`
	Lifetimes []runner.Observation `json:"-"`
	At        float64              `json:"-"` // Survival: the time at which S is read
}

// Merge pools two samples of the same outcome.
func (s Sample) Merge(o Sample) Sample {
	return Sample{Kind: s.Kind, At: s.At, Values: append(slices.Clip(s.Values), o.Values...),
		Lifetimes: append(slices.Clip(s.Lifetimes), o.Lifetimes...)}
}

// Estimate is an outcome's value with its 95% interval and standard error,
// over N runs or alliances (Count of them positive, for shares). Valid is
// false when the sample says nothing (no run counted; no alliance reached
// the survival time).
type Estimate struct {
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	SE    float64 `json:"se"`
	N     int     `json:"n"`
	Count int     `json:"count,omitempty"`
	Valid bool    `json:"valid"`
}

// z95 is z(0.975), the quantile of every normal and Wilson interval.
var z95 = runner.Z95()

// Estimate computes the sample's estimate.
func (s Sample) Estimate() Estimate {
	switch s.Kind {
	case RunShare, AllianceShare:
		k := 0
		for _, v := range s.Values {
			if v != 0 {
				k++
			}
		}
		p := runner.NewProportion(k, len(s.Values))
		e := Estimate{Value: p.Share, Low: p.Low, High: p.High, N: p.N, Count: k, Valid: p.N > 0}
		if p.N > 0 {
			e.SE = math.Sqrt(p.Share * (1 - p.Share) / float64(p.N))
		}
		return e
	case RunMean:
		return meanEstimate(s.Values)
	case Survival:
		return survivalAt(s.Lifetimes, s.At)
	}
	return Estimate{}
}

// meanEstimate is the mean of values in [0, 1] with Student's t interval
// mean ± t(n−1)·sd/√n, clipped to [0, 1]. Two cases have no spread to
// estimate, and neither is a certainty. One value takes the largest
// standard error any value in [0, 1] can have, ½. Several values all
// alike (every run's hub index 1) take the Wilson interval of their mean
// as a share of n: the widest interval any n values in [0, 1] with that
// mean can call for, since a variable in [0, 1] with mean μ has variance
// at most μ(1 − μ) (Bhatia and Davis 2000), the variance of 0/1 values;
// the normal interval would be [μ, μ]. The rule is for exact ties: a
// level whose runs differ, however little, keeps the t interval of its
// spread, so the interval is not continuous in the data (324 runs of 1
// and one of 0 give [0.991, 1], 325 of 1 give [0.988, 1]). The outcomes
// measured as means (hub index, share of ticks allied) take few values,
// and a level near a tie is rare; an estimator continuous there, such as
// pseudo-runs at 0 and 1, was not adopted.
func meanEstimate(values []float64) Estimate {
	n := len(values)
	if n == 0 {
		return Estimate{High: 1}
	}
	mean := stat.Mean(values, nil)
	e := Estimate{Value: mean, N: n, Valid: true}
	switch {
	case n == 1:
		e.SE = 0.5
		e.Low, e.High = max(0, mean-z95*e.SE), min(1, mean+z95*e.SE)
	case allEqual(values):
		e.Value = values[0] // the mean of equal values, without rounding
		e.SE = math.Sqrt(e.Value * (1 - e.Value) / float64(n))
		e.Low, e.High = runner.WilsonShare(e.Value, float64(n), z95)
	default:
		e.SE = stat.StdDev(values, nil) / math.Sqrt(float64(n))
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
		e.Low, e.High = max(0, mean-t*e.SE), min(1, mean+t*e.SE)
	}
	return e
}

// allEqual reports whether every value equals the first.
func allEqual(values []float64) bool {
	for _, v := range values[1:] {
		if v != values[0] {
			return false
		}
	}
	return true
}

// survivalAt reads the Kaplan–Meier curve of the lifetimes at time t:
// S(t) with its Greenwood standard error and the Wilson interval of S at
// its effective sample size (runner.SurvivalCurve.At). A normal interval
// S ± z·SE would be [1, 1] at S = 1, whatever the number of alliances
// behind it: a level with five alliances, none ended, would count as
// certain. It is not valid when no lifetime reaches t while S > 0 (the
// curve is unknown there).
func survivalAt(obs []runner.Observation, t float64) Estimate {
	s := runner.KaplanMeier(obs).At(t)
	if !s.Valid {
		return Estimate{N: s.N, High: 1}
	}
	return Estimate{N: s.N, Value: s.S, SE: s.SE, Low: s.Low, High: s.High, Valid: true}
}

// Difference is the change from estimate a (the lowest level) to b (the
// highest) with its 95% interval. For shares it is Newcombe's hybrid
// score interval (runner.DifferenceInterval); for Kaplan–Meier estimates
// the same construction from each level's interval, the Wilson interval
// at its effective sample size (runner.SurvivalCurve.At): the method of variance
// estimates recovery (runner.MOVERDifference), of which Newcombe's is the
// case of shares. For means it is the same construction from each level's
// interval (Student's t, or Wilson where the level has no spread); with
// two symmetric intervals it is d ± √(h_a² + h_b²), the half-widths h
// combined as Welch's standard errors are. Where either estimate is not
// Valid, the interval is [−1, 1]: nothing is known.
func Difference(kind Kind, a, b Estimate) (d, low, high float64) {
	d = b.Value - a.Value
	if !a.Valid || !b.Valid {
		return d, -1, 1
	}
	switch kind {
	case RunShare, AllianceShare:
		low, high = runner.DifferenceInterval(runner.NewProportion(a.Count, a.N), runner.NewProportion(b.Count, b.N))
		return d, low, high
	}
	// means and survivals: from the two estimates' own intervals, which
	// need not be symmetric (Wilson where a level has no spread or nothing
	// ended)
	low, high = runner.MOVERDifference(a.Value, a.Low, a.High, b.Value, b.Low, b.High)
	return d, low, high
}

// Spearman is Spearman's rank correlation of x and y: the Pearson
// correlation of their ranks, ties (values within 10⁻⁹) taking the mean of
// the ranks they span.
// It is NaN when either has no spread, when they differ in length, and
// when either holds a NaN.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) || slices.ContainsFunc(x, math.IsNaN) || slices.ContainsFunc(y, math.IsNaN) {
		return math.NaN()
	}
	rx, ry := ranks(x), ranks(y)
	return stat.Correlation(rx, ry, nil)
}

// ranks gives each value its rank from 1, tied values their mean rank.
// Values within changeTolerance of the least of them tie: two means of the
// same outcomes summed in another order differ in their last bits
// (mean(0.1, 0.2, 0.3) is 0.20000000000000004, mean(0.3, 0.2, 0.1)
// 0.19999999999999998), and ranking them apart would let that rounding
// decide |ρ|.
func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]]-x[idx[i]] <= changeTolerance {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mean
		}
		i = j + 1
	}
	return r
}
