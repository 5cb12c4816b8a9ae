package runner

import (
	"fmt"
	"math"
	"slices"
)

// This file measures how durable alliances are. A run ends at a fixed
// horizon, so an alliance still standing at the last tick has an unknown
// lifetime: we only know it lasted at least that long (it is right-censored).
// Dropping those alliances, or treating the horizon as their end, would bias
// lifetimes downwards; the Kaplan–Meier product-limit estimator uses them
// correctly, counting each censored alliance as at risk up to its censoring
// time and no further.

// Observation is one alliance's lifetime: Duration in ticks (>= 0) and whether
// it ended (Event true) or was right-censored at the horizon (Event false).
type Observation struct {
	Duration float64
	Event    bool
}

// SurvivalPoint is the curve just after time T: survival S, its Greenwood
// standard error, and a 95% pointwise confidence band [Lower, Upper].
//
// AtRisk is the number of alliances still alive just before T (including
// those censored at T), Events the number that ended at T and Censored the
// number censored at T.
type SurvivalPoint struct {
	T        float64 `json:"t"`
	AtRisk   int     `json:"at_risk"`
	Events   int     `json:"events"`
	Censored int     `json:"censored"`
	S        float64 `json:"s"`
	SE       float64 `json:"se"`
	Lower    float64 `json:"lower"`
	Upper    float64 `json:"upper"`
}

// SurvivalCurve is the Kaplan–Meier estimate of the alliance survival
// function, with enough detail (risk sets, band, median and its interval)
// to plot it or compare runs.
type SurvivalCurve struct {
	// N is the number of observations and Events how many of them ended
	// before the horizon (the rest are censored).
	N      int `json:"n"`
	Events int `json:"events"`
	// Points has one entry per distinct time with at least one event or
	// censoring, in ascending order of time.
	Points []SurvivalPoint `json:"points"`
	// Median is the smallest t with S(t) <= 0.5; nil if the curve never gets
	// there (more than half the alliances outlived the horizon).
	Median *float64 `json:"median"`
	// MedianLower and MedianUpper are the 95% confidence interval of the
	// median read off the pointwise band (Brookmeyer–Crowley style
	// inversion): the smallest t where Lower <= 0.5 and the smallest t where
	// Upper <= 0.5, each nil if that never happens.
	MedianLower *float64 `json:"median_lower"`
	MedianUpper *float64 `json:"median_upper"`
}

// kmHalfTol absorbs floating-point rounding when comparing survival values
// against 0.5: a product such as 23/24 · 22/23 · ... · 12/13 is exactly 0.5
// mathematically but 0.5000000000000001 in float64, and the median must not
// then slip to a later time (or vanish).
const kmHalfTol = 1e-12

// KaplanMeier computes the Kaplan–Meier (product-limit) estimate of the
// survival function of alliance lifetimes, which may be right-censored at
// the simulation horizon.
//
// At each distinct time t with d events among n alliances at risk, S is
// multiplied by (n-d)/n. Alliances censored at t are still counted as at
// risk at t (events are processed before censorings at tied times, the
// standard convention). The standard error uses Greenwood's formula,
// Var(S) = S² Σ d/(n(n-d)), and the 95% band uses the log-log
// (Kalbfleisch–Prentice) transform, S^exp(±z·√v) with v = Σ d/(n(n-d)) /
// (ln S)², which unlike the plain S ± z·SE band always stays inside [0, 1].
// While S = 1 the band is [1, 1]; once every alliance at risk has ended
// (n = d) S is 0, the Greenwood sum is undefined, and SE is 0 and the band
// [0, 0] from then on.
//
// The input is not modified and its order does not matter. Empty input
// yields N = 0, an empty (non-nil) Points and nil medians. KaplanMeier
// panics if a duration is negative, NaN or infinite, since such a value can
// only come from a bug in the caller and would silently corrupt the curve.
func KaplanMeier(obs []Observation) SurvivalCurve {
	var l Lifetimes
	for _, o := range obs {
		checkDuration("KaplanMeier", o.Duration)
		l.add(o.Duration, o.Event)
	}
	return l.KaplanMeier()
}

// checkDuration panics, naming the caller fn, on a duration that is
// negative, NaN or infinite.
func checkDuration(fn string, d float64) {
	if math.IsNaN(d) || math.IsInf(d, 0) || d < 0 {
		panic(fmt.Sprintf("runner: %s: invalid duration %v (must be finite and >= 0)", fn, d))
	}
}

// Lifetimes counts observations by duration: for each distinct duration,
// how many ended then and how many were censored then. It is all the
// Kaplan–Meier estimator needs, and its size grows with the number of
// distinct durations (at most the horizon), not with the number of
// alliances, so that an aggregate of millions of runs stays small.
type Lifetimes struct {
	counts map[float64]*[2]int // duration → events, censored
	n      int
}

// Add counts one alliance's lifetime. Like the function KaplanMeier, it
// panics if the duration is negative, NaN or infinite.
func (l *Lifetimes) Add(o Observation) {
	checkDuration("Lifetimes.Add", o.Duration)
	l.add(o.Duration, o.Event)
}

func (l *Lifetimes) add(duration float64, event bool) {
	if l.counts == nil {
		l.counts = map[float64]*[2]int{}
	}
	c := l.counts[duration]
	if c == nil {
		c = new([2]int)
		l.counts[duration] = c
	}
	if event {
		c[0]++
	} else {
		c[1]++
	}
	l.n++
}

// merge adds the lifetimes counted in o.
func (l *Lifetimes) merge(o *Lifetimes) {
	if l.counts == nil {
		l.counts = map[float64]*[2]int{}
	}
	for d, c := range o.counts {
		sum := l.counts[d]
		if sum == nil {
			sum = new([2]int)
			l.counts[d] = sum
		}
		sum[0] += c[0]
		sum[1] += c[1]
	}
	l.n += o.n
}

// KaplanMeier is the estimate over the lifetimes counted (see the
// function KaplanMeier).
func (l *Lifetimes) KaplanMeier() SurvivalCurve {
	times := make([]float64, 0, len(l.counts))
	for t := range l.counts {
		times = append(times, t)
	}
	slices.Sort(times)

	// Points is never nil so that an empty curve encodes as [] in JSON.
	curve := SurvivalCurve{N: l.n, Points: []SurvivalPoint{}}
	s := 1.0         // product-limit estimate just after the current time
	greenwood := 0.0 // Σ d/(n(n-d)) over event times so far
	dead := false    // S has reached 0: Greenwood sum undefined from here on
	atRisk := l.n

	for _, t := range times {
		events, censored := l.counts[t][0], l.counts[t][1]
		curve.Events += events

		if events > 0 && !dead {
			if events == atRisk {
				s, dead = 0, true
			} else {
				n, d := float64(atRisk), float64(events)
				s *= (n - d) / n
				greenwood += d / (n * (n - d))
			}
		}

		p := SurvivalPoint{T: t, AtRisk: atRisk, Events: events, Censored: censored, S: s}
		switch {
		case dead:
			// S = 0: SE 0 and band [0, 0] (zero values).
		case greenwood == 0:
			// No event yet, S = 1: no uncertainty, band [1, 1].
			p.Lower, p.Upper = 1, 1
		default:
			p.SE = s * math.Sqrt(greenwood)
			logS := math.Log(s)
			w := z95 * math.Sqrt(greenwood/(logS*logS))
			p.Lower = math.Pow(s, math.Exp(w))
			p.Upper = math.Pow(s, math.Exp(-w))
		}
		curve.Points = append(curve.Points, p)

		if curve.Median == nil && p.S <= 0.5+kmHalfTol {
			curve.Median = kmPtr(t)
		}
		if curve.MedianLower == nil && p.Lower <= 0.5+kmHalfTol {
			curve.MedianLower = kmPtr(t)
		}
		if curve.MedianUpper == nil && p.Upper <= 0.5+kmHalfTol {
			curve.MedianUpper = kmPtr(t)
		}

		atRisk -= events + censored
	}
	return curve
}

// kmPtr returns a pointer to a copy of v, for the optional median fields.
func kmPtr(v float64) *float64 { return &v }
