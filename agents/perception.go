package agents

import "math"

// Clamp01 limits x to [0, 1]. (Plain comparisons: the built-in min and
// max handle NaN and signed zeros and cost more in the hot loops.)
func Clamp01(x float64) float64 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}

// Intent is I_ij of docs/model.md §7.2: the hostile intent perceiver i
// reads into source j. Its components combine like independent hazards,
//
//	I = 1 − (1 − r_j)(1 − ψ·|ideology_i − ideology_j|/2)(1 − g_ij)(1 − m_ij),
//
// so intent stays in [0, 1] without a clamp and every component still
// moves it, however high the others are (revisionism r as shocks left it,
// see ShockedRevisionism; grievance g; remembered aggression m).
func Intent(revisionism, ideologyGap, psi, grievance, memory float64) float64 {
	return 1 - (1-revisionism)*(1-psi*math.Abs(ideologyGap)/2)*(1-grievance)*(1-memory)
}

// FriendlyIntent is the intent read into an ally: grievance and memory
// only, combined the same way, 1 − (1 − g)(1 − m).
func FriendlyIntent(grievance, memory float64) float64 {
	return 1 - (1-grievance)*(1-memory)
}

// Bounds of a shocked revisionism: shocks act on the logit scale of a
// revisionism kept inside [MinRevisionism, MaxRevisionism].
const (
	MinRevisionism = 0.01
	MaxRevisionism = 0.99
)

// ShockedRevisionism is revisionism r after scripted intent shocks that
// sum to shift on the logit scale: σ(logit(r̃) + shift), r̃ = r kept inside
// [0.01, 0.99]. A shock registers at any level of revisionism and the
// opposite shock undoes it. Without shocks (shift 0) r is used as given.
func ShockedRevisionism(r, shift float64) float64 {
	if shift == 0 {
		return r
	}
	r = min(max(r, MinRevisionism), MaxRevisionism)
	return Logistic(Logit(r) + shift)
}

// Logit is ln(p/(1−p)).
func Logit(p float64) float64 { return math.Log(p / (1 - p)) }

// Logistic is σ(x) = 1/(1 + e^−x).
func Logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// ThreatWeights are w_P, w_G and w_O of docs/model.md §7.2.
type ThreatWeights struct{ Power, Proximity, Offence float64 }

// RawThreat is τ_ij = I·(w_P·Pw + w_G·G + w_O·O)/(w_P + w_G + w_O): intent
// multiplies, so a strong, near but benign state is no threat.
func RawThreat(intent, power, proximity, offence float64, w ThreatWeights) float64 {
	sum := w.Power + w.Proximity + w.Offence
	if sum == 0 {
		return 0
	}
	return intent * (w.Power*power + w.Proximity*proximity + w.Offence*offence) / sum
}

// readingBound keeps a raw threat away from 0 and 1 before the logit.
const readingBound = 1e-6

// NoisyReading is a noisy reading of raw threat τ, unbiased on the logit
// scale: σ(logit(τ) + ε), τ kept inside [1e-6, 1 − 1e-6], ε the noise
// draw. It stays in (0, 1); a benign source (τ near 0) stays near zero
// and a reading near 0.5 wanders most.
func NoisyReading(raw, eps float64) float64 {
	if eps == 0 {
		return raw
	}
	return NoisyReadingFrom(raw, ReadingLogit(raw), eps)
}

// ReadingLogit is logit(τ), τ kept inside [1e-6, 1 − 1e-6]: where a noisy
// reading of τ starts on the logit scale.
func ReadingLogit(raw float64) float64 {
	return Logit(min(max(raw, readingBound), 1-readingBound))
}

// NoisyReadingFrom is NoisyReading(raw, eps) given logit =
// ReadingLogit(raw), bit for bit: a perceiver that reads the same τ tick
// after tick keeps its logit instead of taking a logarithm each time.
func NoisyReadingFrom(raw, logit, eps float64) float64 {
	if eps == 0 {
		return raw
	}
	return Logistic(logit + eps)
}

// Perceive is the lagged update T̂(t) = (1−λ)·T̂(t−1) + λ·reading.
func Perceive(prev, reading, lag float64) float64 {
	return (1-lag)*prev + lag*reading
}

// Combine adds threat t to an accumulated total with the noisy-or rule
// T = 1 − Π(1 − T̂_j): start from 0 and fold each source in.
func Combine(total, t float64) float64 { return 1 - (1-total)*(1-t) }

// ClientThreats accumulates the threat to what a patron protects: the
// stake-weighted quadratic mean of its clients' threats,
// √(Σ s_c·A_c² / Σ s_c). A danger to one client is a danger to the region
// (the domino reasoning of seeds 000 and 003): the quadratic mean lies
// between the plain mean and the largest threat, so the patron's picture
// follows its most threatened clients rather than dissolving them in an
// average over all of them. And it is monotone: lowering any client's
// threat never raises the patron's, so protecting a client is never worth
// less than nothing to it (docs/model.md §7.2, §8.2).
type ClientThreats struct{ num, den float64 }

// Add folds in one client of the given stake and threat.
func (c *ClientThreats) Add(stake, threat float64) {
	c.num += stake * threat * threat
	c.den += stake
}

// PatronThreat is T_p = max(direct, the clients' threat).
func PatronThreat(direct float64, clients ClientThreats) float64 {
	if clients.den <= 0 {
		return direct
	}
	return max(direct, math.Sqrt(clients.num/clients.den))
}

// AdaptReference moves the reference point ρ ← ρ + η(T − ρ) in adaptive
// mode; an aspiration level stays fixed.
func AdaptReference(rho, threat float64, d *Decision) float64 {
	if d.ReferenceMode == ReferenceAspiration {
		return rho
	}
	return rho + d.ReferenceAdaptation*(threat-rho)
}

// InLosses reports the domain: losses when threat exceeds the reference.
func InLosses(threat, rho float64) bool { return threat > rho }
