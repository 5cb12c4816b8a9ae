package sensitivity

import (
	"testing"
)

// The design's rows are in SALib's order: A_j, A_j with column i from B_j
// for each i, B_j; every coordinate in [0, 1).
func TestSaltelliLayout(t *testing.T) {
	const n, k = 16, 3
	for _, base := range []Base{Halton, Random} {
		x, err := SaltelliDesign(n, k, base, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(x) != n*(k+2) {
			t.Fatalf("%v: %d points; want %d", base, len(x), n*(k+2))
		}
		for j := range n {
			a, b := x[j*(k+2)], x[j*(k+2)+k+1]
			for i := range k {
				ab := x[j*(k+2)+1+i]
				for z := range k {
					want := a[z]
					if z == i {
						want = b[z]
					}
					if ab[z] != want {
						t.Fatalf("%v: row %d, A_B^(%d)[%d] = %v; want %v", base, j, i, z, ab[z], want)
					}
				}
			}
			for _, p := range []([]float64){a, b} {
				for _, v := range p {
					if v < 0 || v >= 1 {
						t.Fatalf("%v: coordinate %v outside [0, 1)", base, v)
					}
				}
			}
		}
	}
}

// The Halton base fills the square more evenly than independent draws:
// 256 points of A's two columns leave fewer of the 256 cells of a 16×16
// grid empty.
func TestHaltonBaseIsEven(t *testing.T) {
	empty := func(base Base) int {
		x, _ := SaltelliDesign(256, 2, base, 3)
		var cells [16][16]int
		for j := 0; j < len(x); j += 4 {
			cells[int(x[j][0]*16)][int(x[j][1]*16)]++
		}
		n := 0
		for _, row := range cells {
			for _, c := range row {
				if c == 0 {
					n++
				}
			}
		}
		return n
	}
	if h, r := empty(Halton), empty(Random); h >= r {
		t.Fatalf("empty cells: %d with Halton, %d with random draws", h, r)
	}
}

// A seed gives one design; bad sizes are errors.
func TestSaltelliDesignErrors(t *testing.T) {
	a, _ := SaltelliDesign(8, 2, Halton, 1)
	b, _ := SaltelliDesign(8, 2, Halton, 1)
	c, _ := SaltelliDesign(8, 2, Halton, 2)
	if a[5][0] != b[5][0] || a[5][0] == c[5][0] {
		t.Fatal("the design should be a function of its seed")
	}
	for _, nk := range [][2]int{{1, 2}, {8, 0}, {8, MaxFactors + 1}} {
		if _, err := SaltelliDesign(nk[0], nk[1], Halton, 1); err == nil {
			t.Errorf("SaltelliDesign(%d, %d): want an error", nk[0], nk[1])
		}
	}
	if _, err := SaltelliDesign(8, 2, Base(7), 1); err == nil {
		t.Error("unknown base: want an error")
	}
	if _, err := ParseBase("sobol"); err == nil {
		t.Error(`ParseBase("sobol"): want an error`)
	}
}

// The bounds of SaltelliDesign at their edges: 1 parameter and 500 (the
// 1000 dimensions of gonum's Halton sequence) are accepted and 501 refused; a
// design of more than 10⁷ points is refused, here 3333334 rows of
// 1 + 2 points (10⁷/3 = 3333333 is the most).
func TestSaltelliDesignBounds(t *testing.T) {
	if x, err := SaltelliDesign(2, 1, Halton, 1); err != nil || len(x) != 2*(1+2) || len(x[0]) != 1 {
		t.Errorf("SaltelliDesign(2, 1): %d points, %v; want 6 of 1 coordinate", len(x), err)
	}
	x, err := SaltelliDesign(2, MaxFactors, Halton, 1)
	if err != nil || len(x) != 2*(MaxFactors+2) || len(x[0]) != MaxFactors {
		t.Errorf("SaltelliDesign(2, 500): %d points, %v; want 1004 of 500 coordinates", len(x), err)
	}
	for _, c := range []struct {
		n, k int
		want string
	}{
		{2, MaxFactors + 1, "sensitivity: 501 parameters; allowed: 1 to 500"},
		{3333334, 1, "sensitivity: 3333334 base rows of 1 parameters give more than 10000000 points; allowed: at most 3333333 base rows of 1 parameters"},
		{1, 1, "sensitivity: 1 base rows; allowed: at least 2"},
	} {
		if _, err := SaltelliDesign(c.n, c.k, Halton, 1); err == nil || err.Error() != c.want {
			t.Errorf("SaltelliDesign(%d, %d): %v; want %q", c.n, c.k, err, c.want)
		}
	}
}

// The largest designs are accepted: n(k+2) up to maxRows points, checked
// without building them (the largest of 1 parameter is 9,999,999 points).
func TestSaltelliLargestDesigns(t *testing.T) {
	for _, k := range []int{1, 8, MaxFactors} {
		n := maxRows / (k + 2) // the most base rows within maxRows points
		if err := checkSaltelli(n, k); err != nil {
			t.Errorf("%d base rows of %d parameters (%d points): %v; want accepted", n, k, n*(k+2), err)
		}
		if err := checkSaltelli(n+1, k); err == nil {
			t.Errorf("%d base rows of %d parameters (%d points) accepted; want refused", n+1, k, (n+1)*(k+2))
		}
	}
}

// A base writes its name, or Base(n) out of range on either side.
func TestBaseString(t *testing.T) {
	for b, want := range map[Base]string{Halton: "halton", Random: "random", Base(-1): "Base(-1)", Base(2): "Base(2)"} {
		if got := b.String(); got != want {
			t.Errorf("Base(%d).String() = %q, want %q", int(b), got, want)
		}
	}
}
