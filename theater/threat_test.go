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

// The projection range R divides the distance in the proximity
// exp(−D/R) of docs/model.md §7.1, so it must be positive: at R = 0 a
// state's proximity to itself would be exp(−0/0) = NaN. Compile refuses a
// range of 0, a negative one and NaN, and accepts a small positive one
// (0.001, the least projection_range allows, §2.5), with which B, at
// D = 2 from A across one empty land cell, has proximity e^(−2/0.001) =
// e^(−2000) = 0 in float64, and A to itself e^0 = 1.
func TestProjectionRangeMustBePositive(t *testing.T) {
	g, err := Parse("A.B", "", glyphsOf("AB"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for _, c := range []struct {
		name   string
		r      float64
		refuse bool
	}{
		{"zero", 0, true},
		{"negative", -1, true},
		{"NaN", math.NaN(), true},
		{"small positive", 1e-3, false},
	} {
		p := DefaultParams()
		p.ProjectionRange = c.r
		if err := p.Validate(); (err != nil) != c.refuse {
			t.Errorf("%s: Validate() = %v, want refused %v", c.name, err, c.refuse)
		}
		geo, err := Compile(g, 2, p)
		if (err != nil) != c.refuse {
			t.Errorf("%s: Compile error %v, want refused %v", c.name, err, c.refuse)
		}
		if err == nil {
			if got := geo.Proximity(0, 0); got != 1 {
				t.Errorf("%s: proximity of A to itself %v, want 1", c.name, got)
			}
			if got := geo.Proximity(0, 1); got != 0 {
				t.Errorf("%s: proximity of A to B %v, want e^(−D/0.001) = 0", c.name, got)
			}
		}
	}
}

// An infinite projection range is allowed: force does not decay with
// distance, so proximity is 1 to every state in reach of a path and 0 to
// a state without a cell (e^(−Inf/Inf) would be NaN), as is the force
// projected on it.
func TestInfiniteProjectionRange(t *testing.T) {
	p := DefaultParams()
	p.ProjectionRange = math.Inf(1)
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	geo := geoOf(t, "AA~BB", "", "ABC", p) // C owns no cell
	if got := geo.Proximity(0, 1); got != 1 {
		t.Errorf("proximity of A to B across the strait %v, want 1", got)
	}
	if got := geo.Projection(0, 1, 10, 4); got != 2 {
		t.Errorf("P(A→B) %v, want min(10, 0.5·4) = 2, undecayed", got)
	}
	for _, pair := range [][2]int{{0, 2}, {2, 0}} {
		if got := geo.Proximity(pair[0], pair[1]); got != 0 {
			t.Errorf("proximity %d→%d %v, want 0", pair[0], pair[1], got)
		}
		if got := geo.Projection(pair[0], pair[1], 10, 4); got != 0 {
			t.Errorf("P(%d→%d) %v, want 0", pair[0], pair[1], got)
		}
	}
}

// Params.Validate refuses what the geometry cannot work with and no more
// (docs/model.md §7.1): free terrain (cost 0) and no sealift (0) are
// allowed; a NaN or infinite rough bonus or sealift is not.
func TestParamsValidate(t *testing.T) {
	for _, c := range []struct {
		name   string
		set    func(*Params)
		refuse bool
	}{
		{"defaults", func(*Params) {}, false},
		{"free rough", func(p *Params) { p.RoughCost = 0 }, false},
		{"free sea", func(p *Params) { p.SeaCost = 0 }, false},
		{"no sealift", func(p *Params) { p.Sealift = 0 }, false},
		{"negative rough bonus", func(p *Params) { p.RoughBonus = -0.5 }, false},
		{"rough bonus -1: rough land defends nothing", func(p *Params) { p.RoughBonus = -1 }, false},
		{"rough bonus below -1: negative defence", func(p *Params) { p.RoughBonus = -1.5 }, true},
		{"negative rough cost", func(p *Params) { p.RoughCost = -1 }, true},
		{"negative sealift", func(p *Params) { p.Sealift = -0.1 }, true},
		// min(land, Inf·0) over sea is NaN for a state with no navy.
		{"infinite sealift", func(p *Params) { p.Sealift = math.Inf(1) }, true},
		{"NaN sealift", func(p *Params) { p.Sealift = math.NaN() }, true},
		{"NaN rough cost", func(p *Params) { p.RoughCost = math.NaN() }, true},
		{"NaN rough bonus", func(p *Params) { p.RoughBonus = math.NaN() }, true},
		{"infinite rough bonus", func(p *Params) { p.RoughBonus = math.Inf(1) }, true},
		{"minus infinite rough bonus", func(p *Params) { p.RoughBonus = math.Inf(-1) }, true},
	} {
		p := DefaultParams()
		c.set(&p)
		if err := p.Validate(); (err != nil) != c.refuse {
			t.Errorf("%s: Validate() = %v, want refused %v", c.name, err, c.refuse)
		}
	}
}
