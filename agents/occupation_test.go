package agents

import "testing"

// The credible occupation threat by hand: denial (P=2, Def=1, κ=2)
// 4/(4+1) = 0.8; credibility of P = 1 at F₀ = 1 is ½, of 9 is 0.9; an ally
// of weight 1 and economy 3 against a foe of 1 keeps 1 − 3/4 = ¼ of the
// threat undeterred; Occ = 0.8 · 0.5 · (1 − 0.2) = 0.32.
func TestOccupation(t *testing.T) {
	p, d := 2.0, 1.0
	near(t, "denial", Denial(p*p, d*d), 0.8)
	near(t, "balanced", Denial(3, 3), 0.5)
	near(t, "degenerate", Denial(0, 0), 0.5)
	near(t, "credibility", Credibility(1, 1), 0.5)
	near(t, "large force", Credibility(9, 1), 0.9)
	near(t, "token force", Credibility(0, 1), 0)
	near(t, "punishment keep", PunishmentKeep(1, 3, 1), 0.25)
	near(t, "no economies", PunishmentKeep(1, 0, 0), 1)
	near(t, "occupation", Occupation(0.8, 0.5, 0.2), 0.32)
}

// Credibility P/(P + F₀) by hand, and the degenerate case of no force
// and no scale, where the formula would be 0/0.
func TestCredibilityByHand(t *testing.T) {
	for _, c := range []struct {
		name        string
		p, f0, want float64
	}{
		{"force at three times the scale", 3, 1, 0.75},       // 3/(3 + 1)
		{"force at a third of the scale", 1, 3, 0.25},        // 1/(1 + 3)
		{"force of half the scale", 0.5, 1, 1.0 / 3},         // 0.5/1.5
		{"no force", 0, 2, 0},                                // 0/(0 + 2)
		{"a scale of 0 makes any force credible", 0.5, 0, 1}, // 0.5/0.5
		{"no force and no scale: no threat, not 0/0", 0, 0, 0},
	} {
		nearRel(t, c.name, Credibility(c.p, c.f0), c.want)
	}
}

// An ally deters by punishment in proportion to the weight ω with which it
// stands by the target (docs/model.md §7.1, deterrence by punishment):
// its factor is 1 − ω·E_a/(E_a + E_j).
func TestPunishmentKeepScalesWithWeight(t *testing.T) {
	for _, c := range []struct {
		name              string
		weight, ally, foe float64
		want              float64
	}{
		{"half weight, economy 3 against 1", 0.5, 3, 1, 0.625}, // 1 − 0.5·3/4
		{"weight 0.4, equal economies", 0.4, 2, 2, 0.8},        // 1 − 0.4·2/4
		{"weight 0: no deterrence", 0, 3, 1, 1},                // 1 − 0
		{"full weight, economy 1 against 3", 1, 1, 3, 0.75},    // 1 − 1/4
	} {
		near(t, c.name, PunishmentKeep(c.weight, c.ally, c.foe), c.want)
	}
}

// Below a total of 1 the ratios are still ratios: Denial(0.3, 0.1) is
// 0.3/0.4 = 0.75, and an ally of economy 0.3 with weight 1 against a foe
// of 0.1 keeps 1 − 0.3/0.4 = 0.25 of the threat.
func TestOccupationRatiosOfSmallTotals(t *testing.T) {
	near := func(a, b float64) bool { d := a - b; return d < 1e-15 && d > -1e-15 }
	if got := Denial(0.3, 0.1); !near(got, 0.75) {
		t.Errorf("Denial(0.3, 0.1) = %v, want 0.75", got)
	}
	if got := PunishmentKeep(1, 0.3, 0.1); !near(got, 0.25) {
		t.Errorf("PunishmentKeep(1, 0.3, 0.1) = %v, want 0.25", got)
	}
}
