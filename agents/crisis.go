package agents

// ChallengeParams are the constants of adversary challenges (docs/model.md
// §7.10).
type ChallengeParams struct {
	Rate, Steepness, Threshold float64 // challenge_rate, κ_c, θ_c
}

// ChallengeProbability is the chance per month (sim turns it into the
// tick's, Calendar.PerTick) that an adversary of the given
// revisionism challenges a client it threatens with occupation threat occ
// (allies' deterrence included): rate·σ(κ_c·(r·Occ − θ_c)).
func ChallengeProbability(revisionism, occ float64, c ChallengeParams) float64 {
	return c.Rate * Logistic(c.Steepness*(revisionism*occ-c.Threshold))
}

// ProvokeProbability is the chance per month (sim turns it into the
// tick's) that a client of revisionism r provokes a crisis with its
// adversary: provoke_rate·r.
func ProvokeProbability(revisionism, rate float64) float64 { return rate * revisionism }

// Occupies reports whether an attacker's projected force beats the defence
// counted from honouring allies only by the margin: P > (1 + margin)·Def.
func Occupies(projection, defence, margin float64) bool {
	return projection > (1+margin)*defence
}
