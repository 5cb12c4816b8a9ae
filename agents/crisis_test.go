package agents

import "testing"

func TestCrisisOdds(t *testing.T) {
	c := ChallengeParams{Rate: 0.02, Steepness: 8, Threshold: 0.25}
	// 0.02·σ(8·(0.7·0.5 − 0.25)) = 0.02·σ(0.8)
	near(t, "challenge", ChallengeProbability(0.7, 0.5, c), 0.01379948962255225)
	near(t, "provoke", ProvokeProbability(0.6, 0.01), 0.006)
	if !Occupies(1.3, 1, 0.2) || Occupies(1.2, 1, 0.2) {
		t.Error("occupation needs P > (1+margin)·Def")
	}
}
