package theater

import (
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
		{1, 1, true}, {MaxSide, 1, true}, {0, 1, false}, {1, -1, false},
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
