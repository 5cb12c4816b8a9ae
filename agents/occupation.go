package agents

import "math"

// The credible occupation threat (docs/model.md §7.1): an adversary can
// occupy a state when the force it can bring there beats the state's
// defence (denial), when that force is large enough to occupy at all
// (credibility: a token force is no occupation threat however weak the
// target), and when the state's allies cannot make it pay elsewhere
// (deterrence by punishment, which works even where denial is hopeless).
//
//	Occ = P^κ/(P^κ + Def^κ) · P/(P + F₀) · (1 − punishment)

// Denial is P^κ/(P^κ + Def^κ) written with the powers a = (P+ε)^κ and
// b = (Def+ε)^κ precomputed: σ(κ·(ln P − ln Def)), 0.5 when offence and
// defence balance.
func Denial(offenceK, defenceK float64) float64 {
	if s := offenceK + defenceK; s > 0 || math.IsNaN(s) {
		return offenceK / s
	}
	return 0.5
}

// Credibility is P/(P + F₀): how far a projected force P is a credible
// occupying force, half at the scale F₀ (occupation_force).
func Credibility(projection, force0 float64) float64 {
	if s := projection + force0; s > 0 || math.IsNaN(s) {
		return projection / s
	}
	return 0
}

// PunishmentKeep is one ally's factor in deterrence by punishment: the
// chance 1 − h·E_a/(E_a + E_j) that ally a, standing by the target with
// weight h (its alliance's cohesion) and economic weight E_a against the
// adversary's E_j, does not make the adversary think again. The weight
// does not depend on the commitment: an ally that comes punishes in full;
// how likely it is to come is the honour probability's. Deterrence by
// punishment is punishment·(1 − Π over allies of PunishmentKeep).
func PunishmentKeep(weight, allyEconomy, foeEconomy float64) float64 {
	if s := allyEconomy + foeEconomy; s > 0 || math.IsNaN(s) {
		return 1 - weight*allyEconomy/s
	}
	return 1
}

// Occupation is the credible occupation threat from the denial ratio, the
// credibility of the force and the deterrence by punishment in [0, 1].
func Occupation(denial, credibility, deterrence float64) float64 {
	return denial * credibility * (1 - deterrence)
}
