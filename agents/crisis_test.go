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

// An attacker occupies only beyond (1 + margin) times the defence: at a
// defence of 2 and a margin of 0.2 the bar is 2.4, so 2.3 does not and
// 2.5 does.
func TestOccupiesBeyondTheMargin(t *testing.T) {
	if Occupies(2.3, 2, 0.2) || !Occupies(2.5, 2, 0.2) {
		t.Errorf("Occupies(2.3, 2, 0.2) = %v, Occupies(2.5, 2, 0.2) = %v; want false, true", Occupies(2.3, 2, 0.2), Occupies(2.5, 2, 0.2))
	}
}
