package theater

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// glyphsOf maps the i-th rune of s to state i.
func glyphsOf(s string) map[rune]int {
	m := map[rune]int{}
	for i, r := range []rune(s) {
		m[r] = i
	}
	return m
}

// geoOf parses a map whose states are the runes of states, in order.
func geoOf(t *testing.T, mapText, rough, states string, p Params) *Geometry {
	t.Helper()
	g, err := Parse(mapText, rough, glyphsOf(states))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return NewGeometry(g, len([]rune(states)), p)
}

func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b))
}

// (1) A land bridge vs a strait, (3) an island chain, plus rough in the way.
// Default params: entering land 1, rough 2, sea 3. States A=0, B=1, C=2.
func TestDistanceAndReach(t *testing.T) {
	p := DefaultParams()
	tests := []struct {
		name, m, rough string
		a, c           int
		d              float64
		reach          bool
	}{
		// A touches B: entering B's land cell costs 1.
		{"adjacent", "AB", "", 0, 1, 1, true},
		{"self", "AB", "", 0, 0, 0, true},
		// Land bridge: enter '.' (1) + enter B (1) = 2.
		{"land bridge A→B", "AA.BB", "", 0, 1, 2, true},
		{"land bridge B→A", "AA.BB", "", 1, 0, 2, true},
		// Strait: enter '~' (3) + enter B (1) = 4; no land path.
		{"strait A→B", "AA~BB", "", 0, 1, 4, false},
		{"strait B→A", "AA~BB", "", 1, 0, 4, false},
		// (2) Rough in the way: enter '^' (2) + enter B (1) = 3, still land.
		{"rough pass", "A^B", "", 0, 1, 3, true},
		// Rough owned by the target: entering it costs 2, so D is asymmetric.
		{"into rough A", "AAAB", "..^.", 1, 0, 2, true},   // B enters A's rough cell: 2
		{"out of rough A", "AAAB", "..^.", 0, 1, 1, true}, // A enters B's land cell: 1
		// (3) Island chain: ~ . ~ . ~ B = 3+1+3+1+3+1 = 12; no land path.
		{"island chain", "A~.~.~B", "", 0, 1, 12, false},
		// Chain through C: A→C = 3+1 = 4; A→B = 3+1+3+1 = 8 (C's cell is land to step on).
		{"chain via C: A→C", "A~C~B", "", 0, 2, 4, false},
		{"chain via C: A→B", "A~C~B", "", 0, 1, 8, false},
		{"chain via C: C→B", "A~C~B", "", 2, 1, 4, false},
		// Hopping onto a strip of land beats open sea: row 0 is five sea
		// cells then B = 5·3+1 = 16; down into sea (3), along five land
		// cells (5), sea (3), up into B (1) = 12.
		{"island hopping", "A~~~~~B\n~.....~", "", 0, 1, 12, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			geo := geoOf(t, tt.m, tt.rough, "ABC", p)
			if got := geo.Distance(tt.a, tt.c); got != tt.d {
				t.Errorf("D(%d→%d) = %v, want %v", tt.a, tt.c, got, tt.d)
			}
			if got := geo.Reachable(tt.a, tt.c); got != tt.reach {
				t.Errorf("Reach(%d,%d) = %v, want %v", tt.a, tt.c, got, tt.reach)
			}
			if got := geo.Reachable(tt.c, tt.a); got != tt.reach {
				t.Errorf("Reach(%d,%d) = %v, want %v (symmetric)", tt.c, tt.a, got, tt.reach)
			}
		})
	}
}

func TestEmptyStateIsInfinitelyFar(t *testing.T) {
	// C (state 2) is in the glyph table but owns no cell.
	geo := geoOf(t, "AB", "", "ABC", DefaultParams())
	for _, pair := range [][2]int{{0, 2}, {2, 0}, {2, 2}} {
		if d := geo.Distance(pair[0], pair[1]); !math.IsInf(d, 1) {
			t.Errorf("D(%d→%d) = %v, want +Inf", pair[0], pair[1], d)
		}
		if geo.Reachable(pair[0], pair[1]) {
			t.Errorf("Reach(%d,%d) = true, want false", pair[0], pair[1])
		}
		if p := geo.Projection(pair[0], pair[1], 10, 10); p != 0 {
			t.Errorf("P(%d→%d) = %v, want 0", pair[0], pair[1], p)
		}
	}
	if geo.Cells(2) != 0 || geo.RoughShare(2) != 0 || geo.Field(2) != nil {
		t.Errorf("empty state: cells %d, rough share %v, field %v", geo.Cells(2), geo.RoughShare(2), geo.Field(2))
	}
}

// (1)/(3) P = F·exp(−D/20), F = land over land, min(land, 0.5·naval) over sea.
func TestProjection(t *testing.T) {
	p := DefaultParams()
	tests := []struct {
		name, m     string
		land, naval float64
		want        float64
	}{
		// D = 2, reachable: F = land = 10; P = 10·e^(−2/20) = 10·e^−0.1 ≈ 9.0484.
		{"land bridge", "AA.BB", 10, 4, 10 * math.Exp(-0.1)},
		// Navy is irrelevant over land.
		{"land bridge, no navy", "AA.BB", 10, 0, 10 * math.Exp(-0.1)},
		// D = 4, strait: F = min(10, 0.5·4) = 2; P = 2·e^(−4/20) = 2·e^−0.2 ≈ 1.6375.
		{"strait, small navy", "AA~BB", 10, 4, 2 * math.Exp(-0.2)},
		// F = min(10, 0.5·100) = 10; P = 10·e^−0.2 ≈ 8.1873.
		{"strait, big navy", "AA~BB", 10, 100, 10 * math.Exp(-0.2)},
		// No navy, no crossing: F = min(10, 0) = 0.
		{"strait, no navy", "AA~BB", 10, 0, 0},
		// Island chain D = 12: F = min(10, 0.5·10) = 5; P = 5·e^(−12/20) = 5·e^−0.6 ≈ 2.7441.
		{"island chain", "A~.~.~B", 10, 10, 5 * math.Exp(-0.6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			geo := geoOf(t, tt.m, "", "AB", p)
			if got := geo.Projection(0, 1, tt.land, tt.naval); !near(got, tt.want) {
				t.Errorf("P(A→B) = %v, want %v", got, tt.want)
			}
		})
	}
	// A projects its whole land force on itself: D = 0, e^0 = 1.
	geo := geoOf(t, "AA~BB", "", "AB", p)
	if got := geo.Projection(0, 0, 7, 0); got != 7 {
		t.Errorf("P(A→A) = %v, want 7", got)
	}
	if got, want := geo.Proximity(0, 1), math.Exp(-0.2); !near(got, want) {
		t.Errorf("Proximity(A,B) = %v, want %v", got, want)
	}
	// A longer range projects further: P = 10·e^(−4/40) = 10·e^−0.1.
	p.ProjectionRange = 40
	geo = geoOf(t, "AA~BB", "", "AB", p)
	if got, want := geo.Projection(0, 1, 10, 100), 10*math.Exp(-0.1); !near(got, want) {
		t.Errorf("P with range 40 = %v, want %v", got, want)
	}
}

// (2) Rough terrain: distance (RoughCost) and defence (roughShare, RoughBonus).
func TestRoughTerrain(t *testing.T) {
	p := DefaultParams()
	// "AAAB" with the third cell rough: A owns 3 cells, 1 rough.
	geo := geoOf(t, "AAAB", "..^.", "AB", p)
	if got, want := geo.RoughShare(0), 1.0/3; !near(got, want) {
		t.Errorf("roughShare(A) = %v, want %v", got, want)
	}
	if got := geo.RoughShare(1); got != 0 {
		t.Errorf("roughShare(B) = %v, want 0", got)
	}
	if got := geo.Cells(0); got != 3 {
		t.Errorf("cells(A) = %d, want 3", got)
	}
	tests := []struct {
		name                    string
		bonus, land, help, want float64
	}{
		// 6·(1 + 1·1/3) = 8.
		{"default bonus", 1, 6, 0, 8},
		// 6·(1 + 1/3) + 2 = 10.
		{"with allied help", 1, 6, 2, 10},
		// 6·(1 + 0.5·1/3) = 7.
		{"half bonus", 0.5, 6, 0, 7},
		// No bonus: 6.
		{"no bonus", 0, 6, 0, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := p
			q.RoughBonus = tt.bonus
			if got := Defence(q, tt.land, geo.RoughShare(0), tt.help); !near(got, tt.want) {
				t.Errorf("Def = %v, want %v", got, tt.want)
			}
		})
	}
	// The method uses the geometry's own params and rough share: 6·(4/3)+1 = 9.
	if got := geo.Defence(0, 6, 1); !near(got, 9) {
		t.Errorf("geo.Defence(A) = %v, want 9", got)
	}

	// Rough raises distance: "A.B" D = 1+1 = 2; "A^B" D = 2+1 = 3; with
	// RoughCost 5, D = 5+1 = 6.
	for _, tt := range []struct {
		m, rough  string
		roughCost float64
		want      float64
	}{
		{"A.B", "", 2, 2},
		{"A^B", "", 2, 3},
		{"A.B", ".^.", 2, 3},
		{"A^B", "", 5, 6},
	} {
		q := p
		q.RoughCost = tt.roughCost
		geo := geoOf(t, tt.m, tt.rough, "AB", q)
		if got := geo.Distance(0, 1); got != tt.want {
			t.Errorf("%q/%q RoughCost %v: D = %v, want %v", tt.m, tt.rough, tt.roughCost, got, tt.want)
		}
	}
}

// (5) Occupation shortens the occupier's distance to the victim's neighbour
// and raises its projection there.
func TestOccupationShortensDistance(t *testing.T) {
	p := DefaultParams()
	tests := []struct {
		name              string
		m                 string
		k                 int
		wantCells         []int
		dBefore, dAfter   float64
		reachBefore       bool
		pBefore, pAfter   float64 // P(A→C) with land 10, naval 2
		dABAfter, dCAfter float64 // D(A→B), D(C→A) after
	}{
		{
			// Cells: A 0,1; sea 2; B 3,4,5; C 6,7.
			// Before: D(A→C) = 3 (sea) + 1+1+1 (B) + 1 (C) = 7, no land path:
			//   P = min(10, 0.5·2)·e^(−7/20) = e^−0.35 ≈ 0.7047.
			// A's field at B's cells: 4, 5, 6, so A takes cells 3 and 4.
			// After: A owns 0,1,3,4; D(A→C) = enter 5 (1) + enter 6 (1) = 2,
			//   C now reachable over land: P = 10·e^(−2/20) ≈ 9.0484.
			// D(A→B) = 1 (cell 5 borders A's 4); D(C→A) = enter 5, enter 4 = 2.
			name: "across a strait", m: "AA~BBBCC", k: 2, wantCells: []int{3, 4},
			dBefore: 7, dAfter: 2, reachBefore: false,
			pBefore: 1 * math.Exp(-7.0/20), pAfter: 10 * math.Exp(-2.0/20),
			dABAfter: 1, dCAfter: 2,
		},
		{
			// Cells: A 0,1; B 2,3,4; C 5,6. All land.
			// Before: D(A→C) = 1+1+1 (B) + 1 (C) = 4: P = 10·e^(−4/20) ≈ 8.1873.
			// A takes 2 and 3; after: D(A→C) = enter 4, enter 5 = 2: P = 10·e^−0.1.
			name: "over land", m: "AABBBCC", k: 2, wantCells: []int{2, 3},
			dBefore: 4, dAfter: 2, reachBefore: true,
			pBefore: 10 * math.Exp(-4.0/20), pAfter: 10 * math.Exp(-2.0/20),
			dABAfter: 1, dCAfter: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const A, B, C = 0, 1, 2
			before := geoOf(t, tt.m, "", "ABC", p)
			snap := snapshot(before)
			if got := before.NearestCells(A, B, tt.k); !slices.Equal(got, tt.wantCells) {
				t.Fatalf("NearestCells = %v, want %v", got, tt.wantCells)
			}
			after, taken := before.Occupy(A, B, tt.k)
			if taken != tt.k {
				t.Fatalf("taken = %d, want %d", taken, tt.k)
			}
			for _, c := range tt.wantCells {
				if after.Owner(c) != A {
					t.Errorf("cell %d owned by %d, want A", c, after.Owner(c))
				}
			}
			if got := before.Distance(A, C); got != tt.dBefore {
				t.Errorf("before: D(A→C) = %v, want %v", got, tt.dBefore)
			}
			if got := after.Distance(A, C); got != tt.dAfter {
				t.Errorf("after: D(A→C) = %v, want %v", got, tt.dAfter)
			}
			if got := before.Reachable(A, C); got != tt.reachBefore {
				t.Errorf("before: Reach(A,C) = %v, want %v", got, tt.reachBefore)
			}
			if !after.Reachable(A, C) {
				t.Errorf("after: Reach(A,C) = false, want true")
			}
			pb, pa := before.Projection(A, C, 10, 2), after.Projection(A, C, 10, 2)
			if !near(pb, tt.pBefore) || !near(pa, tt.pAfter) {
				t.Errorf("P(A→C) before %v after %v, want %v and %v", pb, pa, tt.pBefore, tt.pAfter)
			}
			if pa <= pb {
				t.Errorf("occupation did not raise P(A→C): %v → %v", pb, pa)
			}
			if got := after.Distance(A, B); got != tt.dABAfter {
				t.Errorf("after: D(A→B) = %v, want %v", got, tt.dABAfter)
			}
			if got := after.Distance(C, A); got != tt.dCAfter {
				t.Errorf("after: D(C→A) = %v, want %v", got, tt.dCAfter)
			}
			if after.Cells(A) != 4 || after.Cells(B) != 1 || after.Cells(C) != 2 {
				t.Errorf("after: cells %d %d %d, want 4 1 2", after.Cells(A), after.Cells(B), after.Cells(C))
			}
			geoEqual(t, "old geometry after Occupy", before, snap)
			geoEqual(t, "incremental vs fresh", after, NewGeometry(after.Grid(), 3, p))

			// Withdrawing hands the cells back: the original geometry again.
			back := after.Transfer(A, B, tt.wantCells)
			geoEqual(t, "after withdraw", back, snap)
		})
	}
}

func TestOccupyToElimination(t *testing.T) {
	geo := geoOf(t, "AABBB", "", "AB", DefaultParams())
	after, taken := geo.Occupy(0, 1, 10)
	if taken != 3 {
		t.Fatalf("taken = %d, want 3 (all of B)", taken)
	}
	if after.Cells(1) != 0 || !math.IsInf(after.Distance(0, 1), 1) || after.Reachable(0, 1) ||
		after.Projection(0, 1, 10, 10) != 0 || after.Field(1) != nil {
		t.Errorf("eliminated B: cells %d, D %v, reach %v, P %v",
			after.Cells(1), after.Distance(0, 1), after.Reachable(0, 1), after.Projection(0, 1, 10, 10))
	}
	// Nothing left to take; no-ops return the receiver.
	if again, n := after.Occupy(0, 1, 3); n != 0 || again != after {
		t.Errorf("Occupy of an empty state: %d cells, new geometry %v", n, again != after)
	}
	if same, n := geo.Occupy(0, 0, 3); n != 0 || same != geo {
		t.Errorf("self-occupation changed the geometry")
	}
	if same, n := geo.Occupy(0, 1, 0); n != 0 || same != geo {
		t.Errorf("Occupy with k = 0 changed the geometry")
	}
	// An eliminated state can get land back (its field is rebuilt from +Inf).
	back := after.Transfer(0, 1, []int{4})
	geoEqual(t, "re-entry", back, NewGeometry(back.Grid(), 2, DefaultParams()))
	if back.Distance(0, 1) != 1 {
		t.Errorf("re-entry: D(A→B) = %v, want 1", back.Distance(0, 1))
	}
}

func TestNearestCellsTies(t *testing.T) {
	// A at the centre (cell 4). A's field: the edge cells 1, 3, 5, 7 are at
	// 1, the corners 0, 2, 6 at 1+1 = 2, and the rough corner 8 at 1+2 = 3.
	// Ties go to the lower cell index.
	geo := geoOf(t, "BBB\nBAB\nBBB", "...\n...\n..^", "AB", DefaultParams())
	for _, tt := range []struct {
		k    int
		want []int
	}{
		{0, nil},
		{2, []int{1, 3}},
		{5, []int{1, 3, 5, 7, 0}},
		{100, []int{1, 3, 5, 7, 0, 2, 6, 8}},
	} {
		if got := geo.NearestCells(0, 1, tt.k); !slices.Equal(got, tt.want) {
			t.Errorf("NearestCells(A, B, %d) = %v, want %v", tt.k, got, tt.want)
		}
	}
	// Ties stay in index order among many cells too (past the dozen a
	// sort may handle by insertion): A holds column 0 of a 3×20 map, B
	// columns 1 and 2. Every cell (1, y), index 3y+1, is at 1 from A and
	// every cell (2, y), index 3y+2, at 2: first 1, 4, …, 58, then 2, 5, …, 59.
	var rows []string
	var want []int
	for y := range 20 {
		rows = append(rows, "ABB")
		want = append(want, 3*y+1)
	}
	for y := range 20 {
		want = append(want, 3*y+2)
	}
	wide := geoOf(t, strings.Join(rows, "\n"), "", "AB", DefaultParams())
	if got := wide.NearestCells(0, 1, 40); !slices.Equal(got, want) {
		t.Errorf("NearestCells(A, B, 40) = %v, want %v", got, want)
	}
}

// Transfer between a state and itself, or of no cells, returns the
// receiver; a cell listed twice moves once: B's 3 cells less one is 2,
// A's 2 plus one is 3.
func TestTransferNoOpsAndDuplicates(t *testing.T) {
	geo := geoOf(t, "AABBB", "", "AB", DefaultParams())
	if got := geo.Transfer(0, 0, []int{0}); got != geo {
		t.Error("Transfer(A, A) returned a new geometry")
	}
	if got := geo.Transfer(1, 0, nil); got != geo {
		t.Error("Transfer of no cells returned a new geometry")
	}
	after := geo.Transfer(1, 0, []int{2, 2})
	if after.Cells(0) != 3 || after.Cells(1) != 2 {
		t.Errorf("duplicate cell: cells %d %d, want 3 2", after.Cells(0), after.Cells(1))
	}
	geoEqual(t, "duplicate cell", after, NewGeometry(after.Grid(), 2, DefaultParams()))
}

// A state index past the last is refused by name, before any slice is
// indexed: with 2 states, state 2 is out of range [0,2).
func TestStateOutOfRangePanics(t *testing.T) {
	geo := geoOf(t, "AB", "", "AB", DefaultParams())
	for _, c := range []struct {
		name string
		f    func()
		want string
	}{
		{"NearestCells actor", func() { geo.NearestCells(2, 1, 1) }, "theater: actor state 2 out of range [0,2)"},
		{"NearestCells target", func() { geo.NearestCells(0, 2, 1) }, "theater: target state 2 out of range [0,2)"},
		{"Transfer to", func() { geo.Transfer(0, 2, []int{0}) }, "theater: to state 2 out of range [0,2)"},
		{"Transfer from", func() { geo.Transfer(2, 0, []int{0}) }, "theater: from state 2 out of range [0,2)"},
		{"Transfer a cell past the last", func() { geo.Transfer(0, 1, []int{2}) }, "theater: Transfer(0, 1): cell 2 is not owned by state 0"},
		{"Transfer another's cell", func() { geo.Transfer(0, 1, []int{1}) }, "theater: Transfer(0, 1): cell 1 is not owned by state 0"},
	} {
		func() {
			defer func() {
				if got := recover(); got != c.want {
					t.Errorf("%s panicked with %v, want %q", c.name, got, c.want)
				}
			}()
			c.f()
		}()
	}
}

// NewGeometry panics on a grid that fails Validate: "AB" names two
// states, and one is given.
func TestNewGeometryPanicsOnAnInvalidGrid(t *testing.T) {
	g, err := Parse("AB", "", glyphsOf("AB"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("NewGeometry of a grid with an owner past its states did not panic")
		}
	}()
	NewGeometry(g, 1, DefaultParams())
}

// NearestCells by hand at the edges: no cells — nil — for k ≤ 0, k = 0
// included, and of B's one cell on "AAB", that cell; Occupy of it takes
// it.
func TestNearestCellsEdges(t *testing.T) {
	for _, k := range []int{-1, 0} {
		if got := geoOf(t, "AABB", "", "AB", DefaultParams()).NearestCells(0, 1, k); got != nil {
			t.Errorf("NearestCells(k = %d) = %#v, want nil", k, got)
		}
	}
	geo := geoOf(t, "AAB", "", "AB", DefaultParams())
	if got := geo.NearestCells(0, 1, 1); !slices.Equal(got, []int{2}) {
		t.Errorf("NearestCells(0, 1, 1) on AAB = %v, want [2]", got)
	}
	after, n := geo.Occupy(0, 1, 1)
	if n != 1 || after.Owner(2) != 0 || after.Cells(0) != 3 || after.Cells(1) != 0 {
		t.Errorf("Occupy(0, 1, 1) on AAB took %d, cell 2 owned by %d, cells %d and %d; want 1, 0, 3 and 0", n, after.Owner(2), after.Cells(0), after.Cells(1))
	}
}

// A duplicate is skipped wherever it stands in the list, not only last:
// on "AABBB" handing B's cells 2, 2, 3 to A leaves A 4 and B 1.
func TestTransferSkipsAnEarlyDuplicate(t *testing.T) {
	after := geoOf(t, "AABBB", "", "AB", DefaultParams()).Transfer(1, 0, []int{2, 2, 3})
	if after.Cells(0) != 4 || after.Cells(1) != 1 || after.Owner(4) != 1 {
		t.Errorf("cells %d and %d, cell 4 owned by %d; want 4, 1 and 1", after.Cells(0), after.Cells(1), after.Owner(4))
	}
}
