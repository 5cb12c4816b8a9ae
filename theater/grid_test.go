package theater

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestCellsPerOwner(t *testing.T) {
	// ~AA.B / ~A.BB: state 0 (A) owns 3 cells, state 1 (B) 3, state 2 none.
	g, err := Parse("~AA.B\n~A.BB", "", map[rune]int{'A': 0, 'B': 1, 'C': 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := g.CellsPerOwner(3); !slices.Equal(got, []int{3, 3, 0}) {
		t.Errorf("CellsPerOwner(3) = %v, want [3 3 0]", got)
	}
	if got := g.CellsPerOwner(1); !slices.Equal(got, []int{3}) {
		t.Errorf("CellsPerOwner(1) = %v, want [3]: owners past n are not counted", got)
	}
}

// A grid's sides are checked before its cells are counted: W·H of sides
// past MaxSide can wrap around, and a grid of 2^62 + 1 by 4 cells whose
// slices held 4 entries passed the length check and made Compile index
// past them.
func TestValidateSize(t *testing.T) {
	for _, c := range []struct {
		w, h int
		ok   bool
	}{
		{1, 1, true}, {MaxSide, 1, true}, {1, MaxSide, true}, {0, 1, false}, {1, -1, false}, {1, MaxSide + 1, false},
		{MaxSide + 1, 1, false}, {1<<62 + 1, 4, false}, {1 << 32, 1 << 32, false},
	} {
		n := 4
		if c.ok {
			n = c.w * c.h
		}
		g := &Grid{W: c.w, H: c.h, Terrain: make([]Terrain, n), Owner: make([]int16, n)} // all sea
		for i := range g.Owner {
			g.Owner[i] = NoOwner
		}
		err := g.Validate(1)
		if (err == nil) != c.ok {
			t.Errorf("%d×%d: %v, want allowed %v", c.w, c.h, err, c.ok)
		}
		if _, cerr := Compile(g, 1, DefaultParams()); (cerr == nil) != c.ok {
			t.Errorf("Compile %d×%d: %v, want allowed %v", c.w, c.h, cerr, c.ok)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "allowed: 1 to 1000 cells a side")) {
			t.Errorf("%d×%d: %v", c.w, c.h, err)
		}
	}
}

// Cell i of a grid W wide is (i mod W, i div W): on a 3×4 grid cell 7 is
// (1, 2), and Index takes it back.
func TestXY(t *testing.T) {
	g := &Grid{W: 3, H: 4}
	if x, y := g.XY(7); x != 1 || y != 2 {
		t.Errorf("XY(7) = (%d, %d), want (1, 2)", x, y)
	}
	if i := g.Index(1, 2); i != 7 {
		t.Errorf("Index(1, 2) = %d, want 7", i)
	}
}

// Validate checks both slices' lengths and allows states up to 32768
// (owner indices 0 … 32767 fit an int16), not 32769.
func TestValidateLengthsAndStates(t *testing.T) {
	g := &Grid{W: 2, H: 1, Terrain: []Terrain{Land, Land}, Owner: []int16{0}}
	if err := g.Validate(1); err == nil {
		t.Error("an owner slice of 1 entry for 2 cells accepted")
	}
	g.Owner = []int16{0, NoOwner}
	if err := g.Validate(math.MaxInt16 + 1); err != nil {
		t.Errorf("32768 states: %v", err)
	}
	if err := g.Validate(math.MaxInt16 + 2); err == nil {
		t.Error("32769 states accepted")
	}
}

// A terrain's name, as messages print it; a value out of range is shown
// as a number.
func TestTerrainString(t *testing.T) {
	for tr, want := range map[Terrain]string{Sea: "sea", Land: "land", Rough: "rough", Terrain(7): "Terrain(7)"} {
		if got := tr.String(); got != want {
			t.Errorf("Terrain(%d).String() = %q, want %q", uint8(tr), got, want)
		}
	}
}

// Validate at the edges: a grid of no states' land is valid with 0
// states, a grid of no rows is not; Components labels sea −1 and counts
// only land.
func TestGridEdges(t *testing.T) {
	g, err := Parse("..", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(0); err != nil {
		t.Errorf("Validate(0) of unowned land: %v", err)
	}
	if err := (&Grid{W: 2, H: 0}).Validate(0); err == nil {
		t.Error("Validate of a grid 2×0: nil, want an error")
	}
	comp, n := (&Grid{W: 2, H: 1, Terrain: []Terrain{Sea, Land}, Owner: []int16{NoOwner, NoOwner}}).Components()
	if !slices.Equal(comp, []int32{-1, 0}) || n != 1 {
		t.Errorf("Components of sea, land = %v, %d; want [-1 0], 1", comp, n)
	}
}
