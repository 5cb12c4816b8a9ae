package sensitivity

import (
	"fmt"
	"math"
	"testing"
)

// evaluate runs f at every point.
func evaluate(f func([]float64) float64, x [][]float64) []float64 {
	y := make([]float64, len(x))
	for i, p := range x {
		y[i] = f(p)
	}
	return y
}

// missed lists the indices whose analytic value lies outside the
// estimate's interval, or whose interval is wider than width (so that a
// test cannot pass on intervals too wide to mean anything).
func missed(s *SobolIndices, first, total []float64, width float64) []string {
	var out []string
	check := func(name string, i int, iv Interval, want float64) {
		if !iv.Contains(want) || iv.High-iv.Low > width {
			out = append(out, fmt.Sprintf("%s%d = %.4f [%.4f, %.4f], analytic %.4f", name, i+1, iv.Estimate, iv.Low, iv.High, want))
		}
	}
	for i := range first {
		check("S", i, s.First[i], first[i])
		check("ST", i, s.Total[i], total[i])
	}
	return out
}

// sobolOf evaluates f on a Saltelli design and estimates its indices.
func sobolOf(t *testing.T, f func([]float64) float64, n, k int, base Base, seed uint64) (*SobolIndices, []float64) {
	t.Helper()
	x, err := SaltelliDesign(n, k, base, seed)
	if err != nil {
		t.Fatal(err)
	}
	y := evaluate(f, x)
	s, err := Sobol(y, n, k, Bootstrap{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return s, y
}

// The Ishigami function (a = 7, b = 0.1) at N = 8192 on the Halton base:
// every analytic index (S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424,
// 0.2437) lies in the estimator's own 95% bootstrap interval, and the
// intervals are narrower than 0.1.
func TestSobolIshigami(t *testing.T) {
	first, total := IshigamiIndices(7, 0.1)
	for i, want := range []float64{0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437} {
		got := append(first, total...)[i]
		if !(math.Abs(got-want) <= 5e-5) {
			t.Fatalf("analytic index %d = %.5f; the literature has %.4f", i, got, want)
		}
	}
	s, _ := sobolOf(t, Ishigami(7, 0.1), 8192, 3, Halton, 1)
	for _, m := range missed(s, first, total, 0.1) {
		t.Error(m)
	}
}

// Sobol's g-function with a = (0, 1, 4.5, 9, 99, 99, 99, 99) at N = 4096:
// every analytic index lies in its interval, the intervals are narrower
// than 0.1.
func TestSobolGFunction(t *testing.T) {
	a := []float64{0, 1, 4.5, 9, 99, 99, 99, 99}
	first, total := GFunctionIndices(a)
	s, _ := sobolOf(t, GFunction(a), 4096, len(a), Halton, 1)
	for _, m := range missed(s, first, total, 0.1) {
		t.Error(m)
	}
}

// The same checks fail a wrong estimator: the outputs handed over with A
// and B exchanged make Jansen's first-order estimator measure 1 − S_Ti and
// the total one 1 − S_i, and the test above would catch it.
func TestSobolWrongEstimatorIsCaught(t *testing.T) {
	first, total := IshigamiIndices(7, 0.1)
	_, y := sobolOf(t, Ishigami(7, 0.1), 4096, 3, Halton, 1)
	k := 3
	for j := 0; j < len(y); j += k + 2 {
		y[j], y[j+k+1] = y[j+k+1], y[j]
	}
	s, err := Sobol(y, 4096, k, Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if m := missed(s, first, total, 0.1); len(m) < 3 {
		t.Fatalf("a wrong estimator passed the checks: only %v", m)
	}
}

// With independent uniform draws the estimates converge too, and their
// intervals cover the analytic values at N = 8192.
func TestSobolRandomBase(t *testing.T) {
	first, total := IshigamiIndices(7, 0.1)
	s, _ := sobolOf(t, Ishigami(7, 0.1), 8192, 3, Random, 1)
	for _, m := range missed(s, first, total, 0.1) {
		t.Error(m)
	}
}

// The same inputs give the same intervals; another bootstrap seed other
// intervals around the same estimates.
func TestSobolDeterministic(t *testing.T) {
	x, _ := SaltelliDesign(256, 3, Halton, 5)
	y := evaluate(Ishigami(7, 0.1), x)
	a, _ := Sobol(y, 256, 3, Bootstrap{Seed: 9})
	b, _ := Sobol(y, 256, 3, Bootstrap{Seed: 9})
	c, _ := Sobol(y, 256, 3, Bootstrap{Seed: 10})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("same inputs, different results")
	}
	if a.First[0].Estimate != c.First[0].Estimate || a.First[0].Low == c.First[0].Low {
		t.Fatal("another bootstrap seed should change the intervals, not the estimates")
	}
}

// An output that does not vary has no indices; bad inputs are errors.
func TestSobolDegenerate(t *testing.T) {
	y := make([]float64, 10*(3+2))
	s, err := Sobol(y, 10, 3, Bootstrap{Resamples: 50})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(s.First[0].Estimate) || !math.IsNaN(s.Total[2].High) || s.Variance != 0 {
		t.Fatalf("constant output: %+v", s)
	}
	// A constant that is not a sum's exact quotient (2/3 over 32 values
	// averages to 2/3 + 1 ulp) is as constant as 0.
	y = make([]float64, 16*(3+2))
	for i := range y {
		y[i] = 2.0 / 3
	}
	s, err = Sobol(y, 16, 3, Bootstrap{Resamples: 50})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(s.First[0].Estimate) || !math.IsNaN(s.Total[0].Estimate) || s.Variance != 0 || s.Mean != 2.0/3 {
		t.Fatalf("constant output 2/3: first %+v, total %+v, mean %v, variance %v", s.First[0], s.Total[0], s.Mean, s.Variance)
	}
	for _, c := range []struct {
		y    []float64
		n, k int
		b    Bootstrap
	}{
		{make([]float64, 9), 2, 3, Bootstrap{}},
		{[]float64{0, 1, math.NaN(), 2, 3, 4}, 2, 1, Bootstrap{}},
		{make([]float64, 6), 2, 1, Bootstrap{Resamples: -1}},
		{make([]float64, 6), 2, 1, Bootstrap{Confidence: 1}},
	} {
		if _, err := Sobol(c.y, c.n, c.k, c.b); err == nil {
			t.Errorf("Sobol(%v, %d, %d, %+v): want an error", c.y, c.n, c.k, c.b)
		}
	}
}

// Jansen's estimators by hand on N = 2 rows of one parameter, each row
// (f(A), f(A_B), f(B)):
//   - (0, 1, 2) and (4, 3, 6): A and B give 0, 4, 2, 6, mean 3, population
//     variance (9 + 1 + 1 + 9)/4 = 5; Σ(f(B) − f(A_B))² = 1 + 9 = 10, S =
//     1 − 10/(4·5) = 0.5; Σ(f(A) − f(A_B))² = 1 + 1 = 2, S_T = 2/20 = 0.1;
//   - (1, 1, 1) and (1, 2, 3): A is constant but B is not: mean 1.5,
//     variance (0.25·3 + 2.25)/4 = 0.75, S = 1 − 1/3 = 2/3, S_T = 1/3;
//   - (0, 1, 0) and (0, 0, 0): A and B are constant, V = 0, so the indices
//     are NaN, though the mixed rows vary.
func TestSobolByHand(t *testing.T) {
	for _, c := range []struct {
		y                         []float64
		mean, variance, s, sTotal float64
	}{
		{[]float64{0, 1, 2, 4, 3, 6}, 3, 5, 0.5, 0.1},
		{[]float64{1, 1, 1, 1, 2, 3}, 1.5, 0.75, 2.0 / 3, 1.0 / 3},
	} {
		s, err := Sobol(c.y, 2, 1, Bootstrap{Resamples: 10})
		if err != nil {
			t.Fatal(err)
		}
		if s.Mean != c.mean || math.Abs(s.Variance-c.variance) > 1e-12 || math.Abs(s.First[0].Estimate-c.s) > 1e-12 ||
			math.Abs(s.Total[0].Estimate-c.sTotal) > 1e-12 {
			t.Errorf("y %v: mean %v, variance %v, S %v, S_T %v; want %v, %v, %v, %v",
				c.y, s.Mean, s.Variance, s.First[0].Estimate, s.Total[0].Estimate, c.mean, c.variance, c.s, c.sTotal)
		}
	}
	s, err := Sobol([]float64{0, 1, 0, 0, 0, 0}, 2, 1, Bootstrap{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(s.First[0].Estimate) || !math.IsNaN(s.Total[0].Estimate) {
		t.Errorf("constant A and B: S %v, S_T %v; want NaN", s.First[0].Estimate, s.Total[0].Estimate)
	}
	// one base row is too few (n ≥ 2)
	if _, err := Sobol([]float64{0, 1, 2}, 1, 1, Bootstrap{}); err == nil {
		t.Error("Sobol with one base row: want an error")
	}
}

// Inputs Sobol refuses, each with its message: no parameter, an output
// too many, and an infinite output (finite numbers only, not merely not
// NaN).
func TestSobolInputErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		y    []float64
		n, k int
		want string
	}{
		{"k = 0", []float64{0, 1, 2, 3}, 2, 0,
			"sensitivity: 4 outputs for 2 base rows of 0 parameters; allowed: n(k+2) = 4, n ≥ 2, k ≥ 1"},
		{"an output too many", []float64{0, 1, 2, 3, 4, 5, 6}, 2, 1,
			"sensitivity: 7 outputs for 2 base rows of 1 parameters; allowed: n(k+2) = 6, n ≥ 2, k ≥ 1"},
		{"+Inf", []float64{0, 1, math.Inf(1), 3, 4, 5}, 2, 1,
			"sensitivity: output 2 is +Inf; allowed: finite numbers"},
		{"-Inf", []float64{0, 1, 2, 3, 4, math.Inf(-1)}, 2, 1,
			"sensitivity: output 5 is -Inf; allowed: finite numbers"},
	} {
		s, err := Sobol(c.y, c.n, c.k, Bootstrap{Resamples: 10})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v (indices %+v); want %q", c.name, err, s, c.want)
		}
	}
}

// V is 0 only when every output at A and B equals the first: rows
// (f(A), f(A_B), f(B)) of (1, 1.5, 1) and (2, 1.5, 1) vary in A only, and
// (1, 1.5, 2) and (1, 1.5, 1) in B's first row only. Each gives A and B
// the values 1, 1, 1, 2: mean 5/4, variance (3·(1/4)² + (3/4)²)/4 = 3/16;
// 2N·V = 4·3/16 = 3/4; Σ(f(B) − f(A_B))² = 1/4 + 1/4 = 1/2, so S =
// 1 − (1/2)/(3/4) = 1/3; Σ(f(A) − f(A_B))² = 1/2 too, so S_T =
// (1/2)/(3/4) = 2/3.
func TestSobolVarianceOfAOrBAlone(t *testing.T) {
	for _, y := range [][]float64{{1, 1.5, 1, 2, 1.5, 1}, {1, 1.5, 2, 1, 1.5, 1}} {
		s, err := Sobol(y, 2, 1, Bootstrap{Resamples: 10})
		if err != nil {
			t.Fatal(err)
		}
		if s.Mean != 1.25 || s.Variance != 3.0/16 || math.Abs(s.First[0].Estimate-1.0/3) > 1e-12 ||
			math.Abs(s.Total[0].Estimate-2.0/3) > 1e-12 {
			t.Errorf("y %v: mean %v, variance %v, S %v, S_T %v; want 1.25, 0.1875, 1/3, 2/3",
				y, s.Mean, s.Variance, s.First[0].Estimate, s.Total[0].Estimate)
		}
	}
}

// A bootstrap resample whose rows are all constant has no variance, even
// when the design's first row (left out of it) differs: 16 resampled rows
// of 2/3 give 32 outputs of 2/3, whose computed mean is 2/3 + 1 ulp
// (TestSobolDegenerate), and the variance must be exactly 0, the mean the
// value itself.
func TestBaseMomentsOfAResample(t *testing.T) {
	const n, k = 16, 1
	y := make([]float64, n*(k+2))
	for i := k + 2; i < len(y); i++ {
		y[i] = 2.0 / 3
	}
	y[0], y[1], y[2] = 0, 1, 0 // row 0 differs
	idx := make([]int, n)
	for i := range idx {
		idx[i] = 1 + i%(n-1) // rows 1 to 15, never row 0
	}
	if mean, v := baseMoments(y, n, k, idx); mean != 2.0/3 || v != 0 {
		t.Errorf("resample of constant rows: mean %v, variance %v; want 2/3, 0", mean, v)
	}
}

// A resample's indices divide by the resample's own variance: with N = 2
// base rows of one path, outputs A, AB, B of 0, 2, 2 and 0, 1, 1, Jansen's
// total index is Σ(f(A) − f(AB))²/(2N) over the variance of A and B. Both
// rows give (4 + 1)/4 over the variance of 0, 2, 0, 1 (0.6875): 20/11 =
// 1.818; one row twice gives 8/4 over 1, or 2/4 over 0.25: 2. So the
// interval lies within [1.818, 2]; dividing by the whole sample's
// variance would spread it from about 0.7 to 2.9.
func TestSobolResamplesUseTheirOwnVariance(t *testing.T) {
	s, err := Sobol([]float64{0, 2, 2, 0, 1, 1}, 2, 1, Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st := s.Total[0]; !(math.Abs(st.Estimate-20.0/11) <= 1e-12 && st.Low >= 20.0/11-1e-9 && st.High <= 2+1e-9) {
		t.Errorf("ST %+v; want its interval within [1.818, 2]", st)
	}
}

// The variance is 0 only when every output at A and at B is the same: here
// A and the mixed rows A_B are all 0 and B alone varies. Rows (f(A),
// f(A_B), f(B)) of (0, 0, 1) and (0, 0, −1) give A and B the values 0, 0,
// 1, −1: mean 0, variance (1 + 1)/4 = 1/2, 2N·V = 2; Σ(f(B) − f(A_B))² =
// 1 + 1 = 2, so S = 1 − 2/2 = 0; Σ(f(A) − f(A_B))² = 0, so S_T = 0. The
// indices are 0, not NaN: the output varies.
func TestSobolVarianceOfBAloneWithConstantMixedRows(t *testing.T) {
	s, err := Sobol([]float64{0, 0, 1, 0, 0, -1}, 2, 1, Bootstrap{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if s.Mean != 0 || s.Variance != 0.5 || s.First[0].Estimate != 0 || s.Total[0].Estimate != 0 {
		t.Errorf("mean %v, variance %v, S %v, S_T %v; want 0, 0.5, 0, 0",
			s.Mean, s.Variance, s.First[0].Estimate, s.Total[0].Estimate)
	}
}

// Jansen's estimators by hand on N = 2 rows of two parameters, each row
// (f(A), f(A_B^(1)), f(A_B^(2)), f(B)): (0, 1, 0, 2) and (4, 4, 3, 6). A
// and B give 0, 4, 2, 6: mean 3, variance (9 + 1 + 1 + 9)/4 = 5, 2N·V =
// 20. Parameter 1: Σ(f(B) − f(A_B^(1)))² = 1 + 4 = 5, S₁ = 1 − 5/20 =
// 0.75; Σ(f(A) − f(A_B^(1)))² = 1 + 0 = 1, S_T1 = 1/20 = 0.05. Parameter
// 2: Σ(f(B) − f(A_B^(2)))² = 4 + 9 = 13, S₂ = 1 − 13/20 = 0.35;
// Σ(f(A) − f(A_B^(2)))² = 0 + 1 = 1, S_T2 = 0.05. One first-order and one
// total index per parameter, no more.
func TestSobolByHandTwoParameters(t *testing.T) {
	s, err := Sobol([]float64{0, 1, 0, 2, 4, 4, 3, 6}, 2, 2, Bootstrap{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.First) != 2 || len(s.Total) != 2 {
		t.Fatalf("%d first-order and %d total indices; want 2 of each", len(s.First), len(s.Total))
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"S1", s.First[0].Estimate, 0.75}, {"S2", s.First[1].Estimate, 0.35},
		{"ST1", s.Total[0].Estimate, 0.05}, {"ST2", s.Total[1].Estimate, 0.05},
		{"mean", s.Mean, 3}, {"variance", s.Variance, 5},
	} {
		if !(math.Abs(c.got-c.want) <= 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// An index is unresolved when its interval is wider than [0, 1], or when
// it lies below 0 or above 1 with its whole interval; the width is judged
// first. A small index whose interval crosses 0, an undefined one and one
// without an interval are resolved: nothing to say of them.
func TestSobolResolution(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		iv   Interval
		want Resolution
	}{
		{Interval{0.3, 0.1, 0.6}, Resolved},
		{Interval{0.01, -0.05, 0.08}, Resolved},
		{Interval{0, 0, 0}, Resolved},
		{Interval{1, 1, 1}, Resolved},
		{Interval{nan, nan, nan}, Resolved},
		{Interval{0.4, nan, nan}, Resolved},
		{Interval{0.3, -0.8, 0.7}, WiderThanUnit},
		{Interval{-2, -2.2, -1.5}, BelowZero}, // wholly below 0, less than 1 wide
		{Interval{-2, -3.5, -1.2}, WiderThanUnit},
		{Interval{-0.19, -0.29, -0.08}, BelowZero},
		{Interval{1.35, 1.05, 1.7}, AboveOne},
		{Interval{1.35, 1, 1.7}, Resolved}, // touches 1
	} {
		if got := SobolResolution(c.iv); got != c.want {
			t.Errorf("%+v: %d, want %d", c.iv, got, c.want)
		}
	}
}
