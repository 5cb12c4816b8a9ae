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

// Intent is I_ij of MODEL.md §4: the hostile intent perceiver i reads into
// source j, clamp(revisionism_j + ψ·|ideology_i − ideology_j|/2 + grievance_ij
// + memory_ij + shift_ij), where shift is the sum of scripted intent events.
// An ally's intent counts only grievance and memory.
func Intent(revisionism, ideologyGap, psi, grievance, memory, shift float64, ally bool) float64 {
	if ally {
		return Clamp01(grievance + memory)
	}
	return Clamp01(revisionism + psi*math.Abs(ideologyGap)/2 + grievance + memory + shift)
}

// ThreatWeights are w_P, w_G and w_O of MODEL.md §4.
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

// Perceive is the lagged, noisy update T̂(t) = (1−λ)·T̂(t−1) + λ·clamp(τ + ε).
func Perceive(prev, raw, lag, noise float64) float64 {
	return (1-lag)*prev + lag*Clamp01(raw+noise)
}

// Combine adds threat t to an accumulated total with the noisy-or rule
// T = 1 − Π(1 − T̂_j): start from 0 and fold each source in.
func Combine(total, t float64) float64 { return 1 - (1-total)*(1-t) }

// PatronThreat is T_p = max(direct, Σ stakes_c·T_c^adv / Σ stakes_c): a
// patron fears for what it protects.
func PatronThreat(direct, weightedClientThreat, stakeSum float64) float64 {
	if stakeSum <= 0 {
		return direct
	}
	return max(direct, weightedClientThreat/stakeSum)
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

// OccupationFromPowers is the occupation threat σ(κ(ln a − ln b)) written as
// a/(a+b) with a = (P+ε)^κ and b = (Def+ε)^κ precomputed, which avoids a
// logarithm and an exponential in the hot loop.
func OccupationFromPowers(offenceK, defenceK float64) float64 {
	if s := offenceK + defenceK; s > 0 {
		return offenceK / s
	}
	return 0.5
}
