package sensitivity

import (
	"math"
	"testing"
)

// The test functions and their analytic indices, against values worked
// by hand or published.
func TestTestFunctionsByHand(t *testing.T) {
	// At u = ¾ every x is π/2: sin = 1, so f = 1 + 7 + 0.1·(π/2)⁴.
	if got, want := Ishigami(7, 0.1)([]float64{0.75, 0.75, 0.75}), 8+0.1*6.088068189625279; !(math.Abs(got-want) <= 1e-12) {
		t.Errorf("Ishigami(7, 0.1) at ¾ = %.15g, want %.15g", got, want)
	}
	// a = (0, 1) at u = (0, ½): (|−2| + 0)/1 · (|0| + 1)/2 = 1.
	if got := GFunction([]float64{0, 1})([]float64{0, 0.5}); got != 1 {
		t.Errorf("g at (0, ½) = %v, want 1", got)
	}
	// The indices usually published for a = 7, b = 0.1, to their four
	// digits.
	first, total := IshigamiIndices(7, 0.1)
	for i, want := range []float64{0.3139, 0.4424, 0} {
		if !(math.Abs(first[i]-want) <= 5e-5) {
			t.Errorf("Ishigami S%d = %.5f, want %.4f", i+1, first[i], want)
		}
	}
	for i, want := range []float64{0.5576, 0.4424, 0.2437} {
		if !(math.Abs(total[i]-want) <= 5e-5) {
			t.Errorf("Ishigami S_T%d = %.5f, want %.4f", i+1, total[i], want)
		}
	}
	// g with a = (0, 1): V₁ = 1/3, V₂ = 1/12, V = (4/3)(13/12) − 1 = 4/9;
	// S = (3/4, 3/16); S_T1 = (1/3)(13/12)/(4/9) = 13/16, S_T2 =
	// (1/12)(4/3)/(4/9) = 1/4.
	first, total = GFunctionIndices([]float64{0, 1})
	for i, want := range [][2]float64{{0.75, 13.0 / 16}, {3.0 / 16, 0.25}} {
		if !(math.Abs(first[i]-want[0]) <= 1e-15) || !(math.Abs(total[i]-want[1]) <= 1e-15) {
			t.Errorf("g: S%d = %.17g, S_T%d = %.17g, want %v and %v", i+1, first[i], i+1, total[i], want[0], want[1])
		}
	}
}
