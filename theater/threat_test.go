package theater

import (
	"math"
	"testing"
)

// (4) the denial ratio σ(κ·(ln(P+ε) − ln(Def+ε))), ε = 1e-6.
func TestDenial(t *testing.T) {
	p := DefaultParams() // κ = 2
	tests := []struct {
		name         string
		kappa        float64
		proj, def    float64
		want, within float64
	}{
		// P = Def: the logarithms cancel exactly, σ(0) = 0.5.
		{"balance", 2, 1, 1, 0.5, 0},
		{"balance at 0", 2, 0, 0, 0.5, 0},
		{"balance, steep", 10, 7.5, 7.5, 0.5, 0},
		// σ(2·ln 2) = σ(ln 4) = 1/(1 + 1/4) = 0.8 (ε shifts it by ~1e-7).
		{"P=2 Def=1", 2, 2, 1, 0.8, 1e-6},
		// σ(2·ln ½) = 1/(1 + 4) = 0.2.
		{"P=1 Def=2", 2, 1, 2, 0.2, 1e-6},
		// κ = 1: σ(ln 3) = 1/(1 + 1/3) = 0.75.
		{"P=3 Def=1 κ=1", 1, 3, 1, 0.75, 1e-6},
		// No offence: σ(2·(ln 1e-6 − ln 1)) = 1/(1 + 1e12) ≈ 1e-12.
		{"no offence", 2, 0, 1, 1e-12, 1e-15},
		// No defence: σ(2·(ln 1 − ln 1e-6)) = 1/(1 + 1e-12) ≈ 1.
		{"no defence", 2, 1, 0, 1, 1e-11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := p
			q.Steepness = tt.kappa
			got := Denial(q, tt.proj, tt.def)
			if !(math.Abs(got-tt.want) <= tt.within) {
				t.Errorf("denial(P=%v, Def=%v, κ=%v) = %v, want %v ± %v", tt.proj, tt.def, tt.kappa, got, tt.want, tt.within)
			}
		})
	}
}

// The denial ratio over a map: A (land 10) against B across a strait and over land.
func TestDenialOnMap(t *testing.T) {
	p := DefaultParams()
	// Over land, D = 2: P = 10·e^−0.1 ≈ 9.048; B's land 9.048 balances it.
	geo := geoOf(t, "AA.BB", "", "AB", p)
	proj := geo.Projection(0, 1, 10, 0)
	if got := Denial(p, proj, geo.Defence(1, 10*math.Exp(-0.1), 0)); !(math.Abs(got-0.5) <= 1e-12) {
		t.Errorf("balanced denial = %v, want 0.5", got)
	}
	// Across a strait with navy 4, D = 4: P = 2·e^−0.2 ≈ 1.6375. Against a
	// defence of P/2 the threat is σ(2 ln 2) = 0.8.
	geo = geoOf(t, "AA~BB", "", "AB", p)
	proj = geo.Projection(0, 1, 10, 4)
	if got := Denial(p, proj, proj/2); !(math.Abs(got-0.8) <= 1e-6) {
		t.Errorf("denial(P, P/2) = %v, want 0.8", got)
	}
	// Water stops: the same defence against the same army is far less
	// threatened across the strait than over land.
	land := geoOf(t, "AA.BB", "", "AB", p).Projection(0, 1, 10, 4)
	if Denial(p, proj, 5) >= Denial(p, land, 5) {
		t.Errorf("strait threat %v not below land threat %v",
			Denial(p, proj, 5), Denial(p, land, 5))
	}
}
