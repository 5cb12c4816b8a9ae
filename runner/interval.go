package runner

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/alliancesim/alliancesim/internal/words"
)

// Confidence is the level of every interval the runner reports.
const Confidence = 0.95

// z95 is the two-sided standard normal quantile of Confidence, z(0.975),
// from gonum's distribution: 1.9599639845400536, three ulps below the
// correctly rounded 1.9599639845400543 (z = 1.95996398454005423…), a
// relative 3·10⁻¹⁶ that moves no printed digit. The Wilson and Kaplan–Meier intervals use it.
var z95 = distuv.UnitNormal.Quantile(1 - (1-Confidence)/2)

// Z95 is z(0.975), the two-sided standard normal quantile of Confidence,
// by which every normal interval of the tool is drawn.
func Z95() float64 { return z95 }

// Proportion is a share of runs with its 95% Wilson score interval: Count
// of N runs, Share = Count/N, and [Low, High]. With N = 0 nothing is known:
// Share is 0 and the interval is [0, 1].
type Proportion struct {
	Count int     `json:"count"`
	N     int     `json:"runs"`
	Share float64 `json:"share"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
}

// String is the share with its interval and counts, as "0.990 [0.946,
// 0.998] (99 of 100 runs)"; of no runs, "no runs".
func (p Proportion) String() string {
	if p.N == 0 {
		return "no runs"
	}
	return fmt.Sprintf("%.3f [%.3f, %.3f] (%d of %s)", p.Share, p.Low, p.High, p.Count, words.Count(p.N, "run", "runs"))
}

// NewProportion returns count of n with its Wilson interval. With n = 0
// the share is 0 and the interval [0, 1]; a count outside [0, n] is no
// proportion, and its share and interval are NaN.
func NewProportion(count, n int) Proportion {
	if count < 0 || count > n {
		nan := math.NaN()
		return Proportion{Count: count, N: n, Share: nan, Low: nan, High: nan}
	}
	p := Proportion{Count: count, N: n, High: 1}
	if n > 0 {
		p.Share = float64(count) / float64(n)
		p.Low, p.High = Wilson(count, n, z95)
	}
	return p
}

// Wilson is the score interval of Wilson (1927) for count successes in n
// trials at the normal quantile z:
//
//	(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)
//
// Unlike the Wald interval p̂ ± z·√(p̂(1−p̂)/n) it stays inside [0, 1] and
// keeps close to its nominal coverage for shares near 0 or 1 and for
// small n, which is where alliance shares often are. n must be positive
// and count in [0, n]; otherwise both ends are NaN.
func Wilson(count, n int, z float64) (low, high float64) {
	if n <= 0 || count < 0 || count > n {
		return math.NaN(), math.NaN()
	}
	return WilsonShare(float64(count)/float64(n), float64(n), z)
}

// WilsonShare is the Wilson score interval of a share p in [0, 1] at a
// sample size n > 0 that need not be whole: for an estimate that is not a
// plain count, such as a Kaplan–Meier survival, at its effective sample
// size (Dorey and Korn 1987). Wilson(count, n, z) is WilsonShare(count/n,
// n, z). Out of range, both ends are NaN.
func WilsonShare(p, n, z float64) (low, high float64) {
	if !(n > 0) || !(p >= 0 && p <= 1) || math.IsInf(n, 1) {
		return math.NaN(), math.NaN()
	}
	z2 := z * z
	den := 1 + z2/n
	center := (p + z2/(2*n)) / den
	half := z / den * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	// Exact at the edges: a share of 0 has low 0, of 1 high 1.
	low, high = max(0, center-half), min(1, center+half)
	if p == 0 {
		low = 0
	}
	if p == 1 {
		high = 1
	}
	return low, high
}

// DifferenceInterval is the 95% interval of the difference p2 − p1 of two
// independent proportions by Newcombe's (1998) hybrid score method
// (his method 10), built from each proportion's Wilson interval: it keeps
// the good coverage of the Wilson interval where the Wald interval of a
// difference fails (shares near 0 or 1, small samples).
func DifferenceInterval(p1, p2 Proportion) (low, high float64) {
	if p1.N == 0 || p2.N == 0 {
		return -1, 1
	}
	return MOVERDifference(p1.Share, p1.Low, p1.High, p2.Share, p2.Low, p2.High)
}

// MOVERDifference is the 95% interval of the difference v2 − v1 of two
// independent estimates, built from each one's own interval [low, high]
// by the method of variance estimates recovery (Zou and Donner 2008):
//
//	d − √((v2 − low2)² + (high1 − v1)²)  to  d + √((high2 − v2)² + (v1 − low1)²)
//
// With Wilson intervals of two shares it is Newcombe's hybrid score
// interval (DifferenceInterval); it serves as well for estimates whose
// intervals are not symmetric, such as a survival near 1.
func MOVERDifference(v1, low1, high1, v2, low2, high2 float64) (low, high float64) {
	d := v2 - v1
	low = d - math.Sqrt(sq(v2-low2)+sq(high1-v1))
	high = d + math.Sqrt(sq(high2-v2)+sq(v1-low1))
	return low, high
}

func sq(x float64) float64 { return x * x }
