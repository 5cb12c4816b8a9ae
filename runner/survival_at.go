package runner

import "math"

// SurvivalAt is a Kaplan–Meier curve read at one time: the share of
// alliances still in force T ticks after they formed, with a 95%
// interval.
type SurvivalAt struct {
	// T is the time read, in ticks since formation; N the alliances
	// behind the curve, AtRisk those whose lifetime reaches T (ended or
	// censored at T or later).
	T         float64
	N, AtRisk int
	// S is the estimate S(T), SE its Greenwood standard error, and [Low,
	// High] the Wilson interval of S at its effective sample size (Dorey
	// and Korn 1987): see At.
	S, SE, Low, High float64
	// Valid is false where the curve says nothing of T: it has no
	// alliance, T is NaN, or none of its lifetimes reaches T while S(T) >
	// 0 (those still at risk were all censored before T). S and SE are
	// then NaN and the interval [0, 1]. Where every alliance ended before
	// T, S(T) is a valid 0; before every lifetime's start (T < 0), 1.
	Valid bool
}

// At reads the curve at time t (ticks since formation): S(t), the
// estimate at the last point at or before t, with its Greenwood standard
// error, and the Wilson interval of S at its effective sample size n* =
// S(1−S)/SE² (Dorey and Korn 1987) where 0 < S < 1. Where no alliance has
// ended by t (S = 1), n* is the alliances still at risk at t; where every
// one has (S = 0), the effective sample size of the curve's last point
// between 0 and 1 (or, where S fell from 1 to 0 at one time, the
// alliances at risk then): S can only fall, and the handful at risk at
// the last end would give it a wider interval than the point before had.
//
// The pointwise band of the curve's points (Lower, Upper) is [1, 1] while
// S = 1, however few alliances stand behind it; a survival read at a
// time, to be compared with another, needs the interval to say how few.
func (c SurvivalCurve) At(t float64) SurvivalAt {
	r := SurvivalAt{T: t, N: c.N, S: 1, Low: 1, High: 1}
	unknown := SurvivalAt{T: t, N: c.N, S: math.NaN(), SE: math.NaN(), High: 1}
	if c.N == 0 || math.IsNaN(t) {
		return unknown
	}
	zeroN := 0.0 // for S = 0: the effective sample size of the last point with 0 < S < 1
	for _, p := range c.Points {
		if p.T >= t {
			// The first point at or after t: every lifetime from here on
			// reaches t, and none between t and p.T exists.
			r.AtRisk = p.AtRisk
			if p.T > t {
				break
			}
		}
		r.S, r.SE = p.S, p.SE
		switch {
		case p.S > 0 && p.S < 1:
			zeroN = p.S * (1 - p.S) / (p.SE * p.SE)
		case p.S == 0 && zeroN == 0:
			zeroN = float64(p.AtRisk)
		}
		if p.T == t {
			break
		}
	}
	if r.AtRisk == 0 && r.S > 0 {
		unknown.AtRisk = 0
		return unknown
	}
	r.Valid = true
	n := float64(r.AtRisk)
	switch {
	case r.S == 0:
		n = zeroN
	case r.S < 1:
		n = r.S * (1 - r.S) / (r.SE * r.SE)
	}
	r.Low, r.High = WilsonShare(r.S, n, z95)
	return r
}
