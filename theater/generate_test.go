package theater

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// (8) Generation.
func TestGenerateDeterministic(t *testing.T) {
	spec := GenerateSpec{Width: 40, Height: 25, SeaFraction: 0.5, Islands: 3, Seed: 11}
	a, err := Generate(spec, 5)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(spec, 5)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed, different grids")
	}
	spec.Seed = 12
	c, _ := Generate(spec, 5)
	if reflect.DeepEqual(a, c) {
		t.Error("different seeds, same grid")
	}
}

func TestGenerateContinent(t *testing.T) {
	for seed := range uint64(5) {
		g, err := Generate(GenerateSpec{Width: 30, Height: 20, SeaFraction: 0, Islands: 4, Seed: seed}, 6)
		if err != nil {
			t.Fatal(err)
		}
		for i, tr := range g.Terrain {
			if tr == Sea {
				t.Fatalf("seed %d: sea at cell %d with SeaFraction 0", seed, i)
			}
		}
		if _, n := g.Components(); n != 1 {
			t.Errorf("seed %d: %d landmasses, want 1", seed, n)
		}
	}
}

func TestGenerateArchipelago(t *testing.T) {
	for seed := range uint64(10) {
		g, err := Generate(GenerateSpec{Width: 60, Height: 40, SeaFraction: 0.85, Islands: 6, Seed: seed}, 6)
		if err != nil {
			t.Fatal(err)
		}
		_, n := g.Components()
		if n < 3 {
			t.Errorf("seed %d: %d landmasses, want ≥ 3", seed, n)
		}
		if s := seaShare(g); !(math.Abs(s-0.85) <= 0.02) {
			t.Errorf("seed %d: sea share %.3f, want ≈ 0.85", seed, s)
		}
	}
}

func seaShare(g *Grid) float64 {
	sea := 0
	for _, tr := range g.Terrain {
		if tr == Sea {
			sea++
		}
	}
	return float64(sea) / float64(len(g.Terrain))
}

// Property: every state's territory is non-empty and 4-connected, the grid
// is valid, the sea share is close to the target and about 10% of the land
// is rough.
func TestGenerateTerritories(t *testing.T) {
	for seed := range uint64(30) {
		for _, sf := range []float64{0, 0.3, 0.6, 0.9} {
			spec := GenerateSpec{Width: 20 + int(seed%7)*5, Height: 15 + int(seed%3)*5, SeaFraction: sf, Islands: 1 + int(seed%5), Seed: seed}
			n := 2 + int(seed%9)
			name := fmt.Sprintf("%+v n=%d", spec, n)
			g, err := Generate(spec, n)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if err := g.Validate(n); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if s := seaShare(g); !(math.Abs(s-sf) <= 0.05) {
				t.Errorf("%s: sea share %.3f", name, s)
			}
			land, rough := landAndRough(g)
			if r := float64(rough) / float64(land); !(math.Abs(r-roughFraction) <= 0.02) {
				t.Errorf("%s: rough share of land %.3f", name, r)
			}
			for s := range n {
				cells, comps := territory(g, s)
				if cells == 0 || comps != 1 {
					t.Errorf("%s: state %d has %d cells in %d pieces", name, s, cells, comps)
				}
			}
		}
	}
}

// territory counts the cells of state s and their 4-connected pieces.
func territory(g *Grid, s int) (cells, pieces int) {
	seen := make([]bool, len(g.Owner))
	var nb [4]int
	for i, o := range g.Owner {
		if int(o) != s {
			continue
		}
		cells++
		if seen[i] {
			continue
		}
		pieces++
		stack := []int{i}
		seen[i] = true
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, v := range neighbours(g.W, g.H, u, &nb) {
				if int(g.Owner[v]) == s && !seen[v] {
					seen[v] = true
					stack = append(stack, v)
				}
			}
		}
	}
	return cells, pieces
}

func TestGenerateErrors(t *testing.T) {
	// Each error says what is wrong and what is allowed, in the singular
	// for one.
	for _, tt := range []struct {
		spec GenerateSpec
		n    int
		want string
	}{
		// 3×3 at 0.9 sea: 9 − round(8.1) = 1 land cell for 2 states.
		{GenerateSpec{Width: 3, Height: 3, SeaFraction: 0.9, Seed: 1}, 2,
			"theater: generate: 1 land cell for 2 states; allowed: a land cell or more for each state: " +
				"a lower sea fraction, a larger grid or fewer states"},
		// 2×2 at 0.5 sea: 2 land cells for 3 states.
		{GenerateSpec{Width: 2, Height: 2, SeaFraction: 0.5, Seed: 1}, 3,
			"theater: generate: 2 land cells for 3 states; allowed: a land cell or more for each state: " +
				"a lower sea fraction, a larger grid or fewer states"},
		// 3×4 at 0.001 sea is 12 land cells, but the sea that keeps
		// islands apart takes five of them: fewer islands mends it, a
		// lower sea fraction cannot (short of 0).
		{GenerateSpec{Width: 3, Height: 4, SeaFraction: 0.001, Islands: 1000, Seed: 1}, 8,
			"theater: generate: 7 land cells for 8 states; allowed: a land cell or more for each state: " +
				"a lower sea fraction, fewer islands (the sea between them takes land), a larger grid or fewer states"},
		{GenerateSpec{Width: 0, Height: 3}, 1, "theater: generate: size 0×3; allowed: 1 to 1000 cells a side"},
		{GenerateSpec{Width: 3, Height: 1001}, 1, "theater: generate: size 3×1001; allowed: 1 to 1000 cells a side"},
		{GenerateSpec{Width: 3, Height: 0}, 0, "theater: generate: size 3×0; allowed: 1 to 1000 cells a side"},
		// 32768 states is a count the grid allows; 9 land cells are too few
		{GenerateSpec{Width: 3, Height: 3}, 32768,
			"theater: generate: 9 land cells for 32768 states; allowed: a land cell or more for each state: " +
				"a lower sea fraction, a larger grid or fewer states"},
		{GenerateSpec{Width: 3, Height: 3, SeaFraction: 1}, 1, "theater: generate: sea fraction 1; allowed: at least 0 and below 1"},
		{GenerateSpec{Width: 3, Height: 3, SeaFraction: -0.1}, 1, "theater: generate: sea fraction -0.1; allowed: at least 0 and below 1"},
		{GenerateSpec{Width: 3, Height: 3, SeaFraction: math.NaN()}, 1, "theater: generate: sea fraction NaN; allowed: at least 0 and below 1"},
		{GenerateSpec{Width: 3, Height: 3}, -1, "theater: generate: -1 states; allowed: 0 to 32768"},
		// Owners are int16: one state more would wrap, land or no land.
		{GenerateSpec{Width: 3, Height: 3}, 32769, "theater: generate: 32769 states; allowed: 0 to 32768"},
	} {
		if _, err := Generate(tt.spec, tt.n); err == nil || err.Error() != tt.want {
			t.Errorf("Generate(%+v, %d):\n got %v\nwant %s", tt.spec, tt.n, err, tt.want)
		}
	}
	// The largest side is allowed.
	if _, err := Generate(GenerateSpec{Width: MaxSide, Height: 1, Seed: 1}, 1); err != nil {
		t.Errorf("%d×1: %v", MaxSide, err)
	}
	// As many states as land cells: each gets exactly one.
	g, err := Generate(GenerateSpec{Width: 2, Height: 2, Seed: 5}, 4)
	if err != nil {
		t.Fatal(err)
	}
	for s := range 4 {
		if c, _ := territory(g, s); c != 1 {
			t.Errorf("state %d has %d cells, want 1", s, c)
		}
	}
}

// The land share hits its target and the rough share is 10% of the land
// (docs/model.md §7.16, steps 1–2): W·H − round(sea_fraction·W·H) land
// cells — growth that stalls under the 8-neighbour rule goes on under the
// 4-neighbour rule — of which round(0.10·land) are rough, over ten seeds
// each. By hand: 40×30 at 0.15 sea is 1200 − 180 = 1020 land, 102 rough;
// 30×20 at 0.1 is 600 − 60 = 540 land, 54 rough; 30×20 at 0.15 is
// 600 − 90 = 510, 51; 20×15 at 0.2 is 300 − 60 = 240, 24; a 30×20
// continent is 600, 60.
func TestGenerateLandAndRoughCountsHitTheirTargets(t *testing.T) {
	for _, c := range []struct {
		w, h        int
		sea         float64
		islands     int
		land, rough int
	}{
		{40, 30, 0.15, 10, 1020, 102},
		{30, 20, 0.1, 3, 540, 54},
		{30, 20, 0.15, 6, 510, 51},
		{20, 15, 0.2, 5, 240, 24},
		{30, 20, 0, 1, 600, 60},
		// 23×13 at 0.2: 299 − round(59.8) = 239 land (not 299 − 59), round(23.9) = 24 rough
		{23, 13, 0.2, 4, 239, 24},
		// a sea fraction however small makes sea: 400 − round(2) = 398, round(39.8) = 40
		{20, 20, 0.005, 1, 398, 40},
	} {
		for seed := range uint64(10) {
			spec := GenerateSpec{Width: c.w, Height: c.h, SeaFraction: c.sea, Islands: c.islands, Seed: seed}
			g, err := Generate(spec, 3)
			if err != nil {
				t.Fatalf("%+v: %v", spec, err)
			}
			land, rough := landAndRough(g)
			if land != c.land || rough != c.rough {
				t.Errorf("%+v: %d land cells, %d rough; want %d and %d", spec, land, rough, c.land, c.rough)
			}
		}
	}
}

// Landmasses stay separate (docs/model.md §7.16, step 1): islands never
// grow onto a cell touching another island, island 0 included, so on a
// grid large enough that every seed is placed, the 4-connected
// landmasses are exactly the islands asked for, over ten seeds each.
func TestGenerateIslandsStaySeparate(t *testing.T) {
	for _, c := range []struct {
		w, h    int
		sea     float64
		islands int
	}{{40, 30, 0.5, 4}, {40, 30, 0.3, 6}, {30, 20, 0.2, 6}, {60, 40, 0.6, 5}} {
		for seed := range uint64(10) {
			spec := GenerateSpec{Width: c.w, Height: c.h, SeaFraction: c.sea, Islands: c.islands, Seed: seed}
			g, err := Generate(spec, 3)
			if err != nil {
				t.Fatalf("%+v: %v", spec, err)
			}
			comp, n := g.Components()
			if n != c.islands {
				t.Errorf("%+v: %d landmasses, want %d", spec, n, c.islands)
			}
			// growth does not stall on these grids, so islands do not
			// even touch diagonally
			for i, k := range comp {
				x, y := g.XY(i)
				if k < 0 || y+1 == g.H {
					continue
				}
				for _, dx := range []int{-1, 1} {
					if x+dx < 0 || x+dx == g.W {
						continue
					}
					if j := comp[g.Index(x+dx, y+1)]; j >= 0 && j != k {
						t.Errorf("%+v: landmasses %d and %d touch diagonally at (%d,%d)", spec, k, j, x, y)
					}
				}
			}
		}
	}
}

// landAndRough counts a grid's land cells and, among them, the rough ones.
func landAndRough(g *Grid) (land, rough int) {
	for _, tr := range g.Terrain {
		if tr != Sea {
			land++
		}
		if tr == Rough {
			rough++
		}
	}
	return land, rough
}

// At least one land cell, however high the sea fraction, and no more
// islands than land: 10×10 at 0.996 sea is 100 − round(99.6) = 0 land,
// raised to 1, and the 4 islands asked for are 1.
func TestGenerateOneLandCell(t *testing.T) {
	for seed := range uint64(5) {
		g, err := Generate(GenerateSpec{Width: 10, Height: 10, SeaFraction: 0.996, Islands: 4, Seed: seed}, 1)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if land, _ := landAndRough(g); land != 1 {
			t.Errorf("seed %d: %d land cells, want 1", seed, land)
		}
	}
}

// With no states every cell stays unowned.
func TestGenerateNoStates(t *testing.T) {
	g, err := Generate(GenerateSpec{Width: 8, Height: 6, SeaFraction: 0.3, Islands: 2, Seed: 3}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range g.Owner {
		if o != NoOwner {
			t.Fatalf("cell %d owned by %d with no states", i, o)
		}
	}
}

// A seed means one map (genStream is fixed): these theatres are pinned
// cell for cell. 16×8 at 0.45 sea, 2 islands, 3 states, seed 7 has
// 128 − round(57.6) = 70 land cells, round(7.0) = 7 of them rough, and A
// and C share the western landmass; 6×4 at 0.5 sea, 5 islands, 2 states,
// seed 0 has 24 − 12 = 12 land cells, round(1.2) = 1 rough, in four
// landmasses of which two have no state. A change to any step of the
// algorithm (island seeds, growth, rough clusters, state seeds) shows here.
func TestGenerateGolden(t *testing.T) {
	for _, c := range []struct {
		spec            GenerateSpec
		n               int
		owners, terrain []string
	}{
		{GenerateSpec{Width: 16, Height: 8, SeaFraction: 0.45, Islands: 2, Seed: 7}, 3,
			[]string{
				"AAAA~~~~~~~~B~~B",
				"AAAAA~~~~~~BB~BB",
				"AAAAAA~~~~~~BBB~",
				"AAAAAA~~~~~~BBB~",
				"AACC~~~~~~~BBBBB",
				"ACCC~~~~~~BBBBBB",
				"CCC~~~~~~~BBBBBB",
				"CCCC~~~~~~~BBBBB",
			},
			[]string{
				"^^..~~~~~~~~.~~.",
				".^...~~~~~~..~..",
				"......~~~~~~.^^~",
				"......~~~~~~...~",
				"....~~~~~~~.....",
				"....~~~~~~.....^",
				"...~~~~~~~......",
				"....~~~~~~~...^.",
			}},
		{GenerateSpec{Width: 6, Height: 4, SeaFraction: 0.5, Islands: 5, Seed: 0}, 2,
			[]string{
				"BB~^..",
				"~~~~~~",
				"...~AA",
				"~~~~AA",
			},
			[]string{
				"..~^..",
				"~~~~~~",
				"...~..",
				"~~~~..",
			}},
	} {
		g, err := Generate(c.spec, c.n)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Render([]rune("ABC")); !slices.Equal(got, c.owners) {
			t.Errorf("%+v owners:\n%s\nwant\n%s", c.spec, strings.Join(got, "\n"), strings.Join(c.owners, "\n"))
		}
		var got []string
		for y := range g.H {
			var b strings.Builder
			for x := range g.W {
				b.WriteByte("~.^"[g.Terrain[g.Index(x, y)]])
			}
			got = append(got, b.String())
		}
		if !slices.Equal(got, c.terrain) {
			t.Errorf("%+v terrain:\n%s\nwant\n%s", c.spec, strings.Join(got, "\n"), strings.Join(c.terrain, "\n"))
		}
	}
}

// An island seed drawn on a cell that is already an island's seed is
// dropped, not planted again (and counted as land twice): on a 2×1 grid
// at 0.1 sea (2 − round(0.2) = 2 land cells) with 2 islands, seed 2008
// draws the first island's cell for all 12 samples of the second, and
// the grid still ends with its 2 land cells. (The seed was found by
// search; a change to the generator's stream, which TestGenerateGolden
// shows, may need another.)
func TestGenerateSeedOnSeedIsDropped(t *testing.T) {
	g, err := Generate(GenerateSpec{Width: 2, Height: 1, SeaFraction: 0.1, Islands: 2, Seed: 2008}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if land, _ := landAndRough(g); land != 2 {
		t.Errorf("%d land cells, want 2", land)
	}
}

// Rough terrain comes in clusters of 1 to 6 cells, grown from random
// land cells (docs/model.md §7.16), and the golden maps are too small to
// show their size: on a 200×200 continent, 4,000 cells rough, the
// 4-connected rough patches of seeds 0 … 4 are pinned here, as the golden
// maps pin theirs. Their mean size, about 4.5, is at least the mean
// cluster drawn, 3.5 (neighbouring clusters merge into one patch, which
// only raises it; a cluster cut short by rough all round is rare on open
// land). Clusters of 1 to 3 cells gave 1,520 to 1,590 patches, of 1 to
// 12 460 to 499, single cells 3,169 to 3,243; of 0 to 5 cells (an
// off-by-one) 1,020 to 1,050.
func TestGenerateRoughClusterSizes(t *testing.T) {
	for seed, want := range []int{893, 878, 893, 880, 895} {
		g, err := Generate(GenerateSpec{Width: 200, Height: 200, Seed: uint64(seed)}, 3)
		if err != nil {
			t.Fatal(err)
		}
		seen := make([]bool, len(g.Terrain))
		var nb [4]int
		patches, cells := 0, 0
		for s, tr := range g.Terrain {
			if tr != Rough || seen[s] {
				continue
			}
			patches++
			seen[s] = true
			for stack := []int{s}; len(stack) > 0; {
				c := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				cells++
				for _, v := range neighbours(g.W, g.H, c, &nb) {
					if g.Terrain[v] == Rough && !seen[v] {
						seen[v] = true
						stack = append(stack, v)
					}
				}
			}
		}
		if cells != 4000 || patches != want || float64(cells)/float64(patches) < 3.5 {
			t.Errorf("seed %d: %d rough cells in %d patches; want 4000 in %d, at least 3.5 a patch", seed, cells, patches, want)
		}
	}
}

// The smallest and largest sides Generate takes: a 1 × 1000 strip, all
// land (sea fraction 0), all one state's (its seed spreads over the
// strip), 100 of its 1000 cells rough (a tenth, rounded).
func TestGenerateAStrip(t *testing.T) {
	g, err := Generate(GenerateSpec{Width: 1, Height: 1000, Seed: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	rough := 0
	for i, tr := range g.Terrain {
		if tr == Sea || g.Owner[i] != 0 {
			t.Fatalf("cell %d: terrain %d, owner %d; want land of state 0", i, tr, g.Owner[i])
		}
		if tr == Rough {
			rough++
		}
	}
	if rough != 100 {
		t.Errorf("%d rough cells, want 100", rough)
	}
}
