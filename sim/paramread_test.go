package sim

import "testing"

// Each parameter below is read where its formula is applied, from the
// scenario, not left at its default: the tests of the formulas run at
// the defaults, where a read of the default itself, or of another
// parameter with the same default (punishment, ideology_weight,
// cost_threat and aggression_memory are all 0.3), gives the same
// numbers. So each is set here to a value of its own and checked against
// a hand computation in testScenario's world (testdata_test.go).

// Challenge probability at c1 alone, unshocked (TestChallengeProbability):
// P(adv→c1) = 7.609835396005739, denial 0.983024807556994, r = 0.8,
// rate 0.02, and Occ = denial·P/(P + F₀).
//
//	F₀ = 2 (occupation_force):    Occ = 0.778437576444673, p = 0.02·σ(8·(0.8·Occ − 0.25)) = 0.019035086257731565
//	κ_c = 4 (challenge_steepness): p = 0.02·σ(4·(0.8·0.868850173276176 − 0.25)) = 0.017114728867613747
//	θ_c = 0.5 (challenge_threshold): p = 0.02·σ(8·(0.8·0.868850173276176 − 0.5)) = 0.016528906573930455
//
// against 0.0194472962089173 at the defaults (F₀ 1, κ_c 8, θ_c 0.25).
func TestChallengeProbabilityReadsItsParameters(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(*Params)
		want float64
	}{
		{"occupation_force 2", func(p *Params) { p.OccupationForce = 2 }, 0.019035086257731565},
		{"challenge_steepness 4", func(p *Params) { p.ChallengeSteepness = 4 }, 0.017114728867613747},
		{"challenge_threshold 0.5", func(p *Params) { p.ChallengeThreshold = 0.5 }, 0.016528906573930455},
	} {
		sc := testScenario()
		sc.Params.ChallengeRate = 0.02
		c.set(&sc.Params)
		w := NewWorld(mustCompile(t, sc), 1)
		w.refreshForces()
		nearly(t, c.name, w.challengeProbability(adv, c1), c.want, 1e-15)
	}
}

// Deterrence by punishment with punishment 0.6: c1 allied to pat
// (strong, cohesion ½), 0.6·(½·10/(10 + 8)) = 1/6, twice the 1/12 of the
// default 0.3 (TestChallengeProbability).
func TestPunishmentReadsItsParameter(t *testing.T) {
	sc := testScenario()
	sc.Params.Punishment = 0.6
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	al := w.form(set(pat, c1), true, OriginBilateral)
	withCohesion(w, al, 0.5)
	nearly(t, "punishment of adv by c1's ally", w.punished(adv, &w.ties[c1]), 1.0/6, handTol)
}

// Hostile intent with ideology_weight ψ = 0.5: c1 (ideology 0.8) reads
// adv (−1, revisionism 0.8) as 1 − (1 − 0.8)·(1 − 0.5·1.8/2) = 1 − 0.2·0.55
// = 0.89, against 0.854 at the default ψ 0.3.
func TestIntentReadsTheIdeologyWeight(t *testing.T) {
	sc := testScenario()
	sc.Params.IdeologyWeight = 0.5
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	nearly(t, "c1's hostile intent read into adv", w.hostile[c1*w.c.n+adv], 0.89, handTol)
}

// A patron's adversary threat T^adv counts adversaries only, also where
// its clients add nothing to it (docs/model.md §7.2). With every stake 0
// the patron's threats are its own direct readings, and T^adv(pat) is
// its reading of adv alone, τ(pat←adv) = I·(Pw + G + 2·Occ)/4: I = 1 −
// 0.2·(1 − 0.3·2/2) = 0.86, Pw = 8/10, G = e^(−14/20), and adv carries
// min(8, 0.5·2) = 1 over water, P = e^(−0.7) = 0.4965853037914095 against
// pat's defence 6, Occ = (P+ε)²/((P+ε)² + (6+ε)²)·P/(P + 1) =
// 0.0022574309052715907; τ = 0.86·(0.8 + 0.4965853037914095 +
// 0.0045148618105431814)/4 = 0.27973653560441986. Its total threat also
// counts the clients' readings of ideology, and is larger.
func TestPatronAdversaryThreatIsOfAdversariesOnly(t *testing.T) {
	sc := quietScenario()
	sc.States[pat].Stakes = map[string]float64{"c1": 0, "c2": 0, "c3": 0}
	w := quietWorld(t, sc, 1)
	nearly(t, "pat's adversary threat", w.AdversaryThreat(pat), 0.27973653560441986, handTol)
	if w.Threat(pat) <= w.AdversaryThreat(pat) {
		t.Errorf("pat's total threat %v is not above its adversary threat %v: the clients' readings count in it", w.Threat(pat), w.AdversaryThreat(pat))
	}
}
