package theater

import (
	"slices"
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
