package theater

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The denial ratio over a map, as the engine forms it (agents.Denial of
// (P+ε)^κ and (Def+ε)^κ, κ = 2): A (land 10) against B across a strait and
// over land.
func TestDenialOnMap(t *testing.T) {
	p := DefaultParams()
	denial := func(proj, def float64) float64 {
		return agents.Denial(math.Pow(proj+Epsilon, 2), math.Pow(def+Epsilon, 2))
	}
	// Over land, D = 2: P = 10·e^−0.1 ≈ 9.048; B's land 9.048 balances it.
	geo := geoOf(t, "AA.BB", "", "AB", p)
	proj := geo.Projection(0, 1, 10, 0)
	if want := 10 * math.Exp(-0.1); math.Abs(proj-want) > 1e-12 {
		t.Errorf("projection over land %v, want %v", proj, want)
	}
	if got := denial(proj, geo.Defence(1, 10*math.Exp(-0.1), 0)); !(math.Abs(got-0.5) <= 1e-12) {
		t.Errorf("balanced denial = %v, want 0.5", got)
	}
	// Across a strait with navy 4, D = 4: P = 2·e^−0.2 ≈ 1.6375. Against a
	// defence of P/2 the threat is 4/(4 + 1) = 0.8.
	geo = geoOf(t, "AA~BB", "", "AB", p)
	proj = geo.Projection(0, 1, 10, 4)
	if want := 2 * math.Exp(-0.2); math.Abs(proj-want) > 1e-12 {
		t.Errorf("projection across the strait %v, want %v", proj, want)
	}
	if got := denial(proj, proj/2); !(math.Abs(got-0.8) <= 1e-6) {
		t.Errorf("denial(P, P/2) = %v, want 0.8", got)
	}
	// Water stops: the same defence against the same army is far less
	// threatened across the strait than over land.
	land := geoOf(t, "AA.BB", "", "AB", p).Projection(0, 1, 10, 4)
	if denial(proj, 5) >= denial(land, 5) {
		t.Errorf("strait threat %v not below land threat %v", denial(proj, 5), denial(land, 5))
	}
}
