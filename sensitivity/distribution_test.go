package sensitivity

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/samplemv"
)

// Quantiles at known points of each marginal.
func TestMarginals(t *testing.T) {
	must := func(m Marginal, err error) Marginal {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	cases := []struct {
		name string
		m    Marginal
		p    []float64
		want []float64
	}{
		{"uniform", must(Uniform(2, 6)), []float64{0, 0.25, 1}, []float64{2, 3, 6}},
		// A range whose width overflows stays finite.
		{"wide uniform", must(Uniform(-1.7e308, 1.7e308)), []float64{0, 0.5, 1}, []float64{-1.7e308, 0, 1.7e308}},
		// Standard normal truncated to [-1, 1]: symmetric, the median at
		// the mean, the ends at the bounds.
		{"normal", must(Normal(0, 1, -1, 1)), []float64{0, 0.5, 1}, []float64{-1, 0, 1}},
		// Triangle on [0, 2] peaking at 1: half the mass below 1; a
		// quarter below 1/√2.
		{"triangular", must(Triangular(0, 1, 2)), []float64{0, 0.25, 0.5, 1}, []float64{0, math.Sqrt(0.5), 1, 2}},
		// Log-uniform on [0.01, 100]: each decade a quarter.
		{"loguniform", must(LogUniform(0.01, 100)), []float64{0, 0.25, 0.5, 0.75, 1}, []float64{0.01, 0.1, 1, 10, 100}},
	}
	for _, c := range cases {
		for i, p := range c.p {
			if got := c.m.Quantile(p); !(math.Abs(got-c.want[i]) <= 1e-9*max(1, math.Abs(c.want[i]))) {
				t.Errorf("%s: Quantile(%v) = %v; want %v", c.name, p, got, c.want[i])
			}
		}
	}
	// The truncated normal keeps the shape inside: the 0.8-quantile of
	// N(0, 1) truncated to [-1, 1] is Φ⁻¹(Φ(-1) + 0.8(Φ(1) − Φ(-1))).
	n := must(Normal(0, 1, -1, 1))
	if got := n.Quantile(0.8); !(math.Abs(got-0.5383) <= 1e-3) {
		t.Errorf("truncated normal 0.8-quantile %v; want 0.5383 (Φ⁻¹(0.7048))", got)
	}
}

// Bad parameters are errors, never panics (gonum's constructors panic).
func TestMarginalErrors(t *testing.T) {
	for name, f := range map[string]func() (Marginal, error){
		"uniform reversed":     func() (Marginal, error) { return Uniform(2, 1) },
		"uniform infinite":     func() (Marginal, error) { return Uniform(0, math.Inf(1)) },
		"normal sd 0":          func() (Marginal, error) { return Normal(0, 0, -1, 1) },
		"normal far away":      func() (Marginal, error) { return Normal(100, 1, -1, 1) },
		"triangular mode out":  func() (Marginal, error) { return Triangular(0, 3, 2) },
		"loguniform from 0":    func() (Marginal, error) { return LogUniform(0, 1) },
		"loguniform reversed":  func() (Marginal, error) { return LogUniform(2, 1) },
		"triangular mode NaN":  func() (Marginal, error) { return Triangular(0, math.NaN(), 2) },
		"triangular too wide":  func() (Marginal, error) { return Triangular(-1.7e308, 0, 1.7e308) },
		"normal mean infinite": func() (Marginal, error) { return Normal(math.Inf(-1), 1, -1, 1) },
	} {
		if _, err := f(); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

// Product is a distmv.Quantiler: gonum's Latin hypercube draws from it,
// one point per stratum of each marginal.
func TestProductWithGonumSampler(t *testing.T) {
	u, _ := Uniform(0, 10)
	l, _ := LogUniform(1, 1000)
	q := Product{u, l}
	batch := mat.NewDense(100, 2, nil)
	samplemv.LatinHypercube{Q: q, Src: newTestRand(1)}.Sample(batch)
	col0, col1 := mat.Col(nil, 0, batch), mat.Col(nil, 1, batch)
	strata := make([]int, 100)
	for _, v := range col0 {
		strata[int(v*10)]++ // strata of width 0.1
	}
	for s, n := range strata {
		if n != 1 {
			t.Fatalf("stratum %d of the uniform holds %d points", s, n)
		}
	}
	logs := make([]float64, 100)
	for i, v := range col1 {
		logs[i] = math.Log10(v)
	}
	if m := stat.Mean(logs, nil); !(math.Abs(m-1.5) <= 0.05) {
		t.Fatalf("mean log10 of the log-uniform on [1, 1000]: %v; want 1.5", m)
	}
}

// A point with more or fewer coordinates than the product has marginals is
// a mistake in the calling code: Quantile and Map panic, as gonum's
// Quantilers do, with a message that names both lengths, rather than
// filling the extra columns with zeros or failing on an index.
func TestProductLengthMismatch(t *testing.T) {
	u, _ := Uniform(0, 10)
	q := Product{u, u}
	for _, c := range []struct {
		name string
		f    func()
		want string
	}{
		{"Map, a row of 3", func() { q.Map([][]float64{{0.5, 0.5}, {0.1, 0.2, 0.3}}) }, "design row 1 has 3 coordinates for a product of 2 marginals"},
		{"Map, a row of 1", func() { q.Map([][]float64{{0.5}}) }, "design row 0 has 1 coordinates for a product of 2 marginals"},
		{"Quantile, a point of 3", func() { q.Quantile(nil, []float64{0.1, 0.2, 0.3}) }, "a point of 3 coordinates for a product of 2 marginals"},
		{"Quantile, a point of 1", func() { q.Quantile(nil, []float64{0.1}) }, "a point of 1 coordinates for a product of 2 marginals"},
		{"Quantile, a destination of 3", func() { q.Quantile(make([]float64, 3), []float64{0.1, 0.2}) }, "a destination of 3 coordinates for a product of 2 marginals"},
	} {
		if got := panicOf(c.f); !strings.Contains(got, c.want) {
			t.Errorf("%s: panic %q, want one containing %q", c.name, got, c.want)
		}
	}
	if x := q.Map([][]float64{{0.5, 0.25}}); len(x) != 1 || !(math.Abs(x[0][0]-5) <= 1e-12) || !(math.Abs(x[0][1]-2.5) <= 1e-12) {
		t.Errorf("Map of (½, ¼) on [0, 10]²: %v, want [[5 2.5]]", x)
	}
}

// panicOf is the message f panics with, or "" if it returns.
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// The messages of the marginals' rules, and which edge cases each takes:
// a range's ends finite (either end), from ≤ to (a point is a range), a
// normal's mean and sd finite and sd > 0 before anything else, a
// truncation holding more than 10⁻⁹ of the normal (N(0, 1) has
// Φ(6) − Φ(5) ≈ 2.9·10⁻⁷ in [5, 6], but Φ(7) − Φ(6.5) ≈ 3.9·10⁻¹¹ in
// [6.5, 7]), a triangle's mode anywhere in [lo, hi], ends included.
func TestMarginalRules(t *testing.T) {
	for _, c := range []struct {
		name string
		m    func() (Marginal, error)
		want string // "" for accepted
	}{
		{"uniform from -Inf", func() (Marginal, error) { return Uniform(math.Inf(-1), 0) }, "range [-Inf, 0]; allowed: finite numbers with from ≤ to"},
		{"uniform from NaN", func() (Marginal, error) { return Uniform(math.NaN(), 1) }, "range [NaN, 1]; allowed: finite numbers with from ≤ to"},
		{"uniform reversed", func() (Marginal, error) { return Uniform(2, 1) }, "range [2, 1]; allowed: finite numbers with from ≤ to"},
		{"uniform point", func() (Marginal, error) { return Uniform(3, 3) }, ""},
		{"loguniform point", func() (Marginal, error) { return LogUniform(3, 3) }, ""},
		{"triangular point", func() (Marginal, error) { return Triangular(3, 3, 3) }, ""},
		{"normal point", func() (Marginal, error) { return Normal(0, 1, 3, 3) }, ""},
		{"normal point, sd 0", func() (Marginal, error) { return Normal(3, 0, 3, 3) }, "normal: mean 3, sd 0; allowed: a finite mean and a positive sd"},
		{"normal mean -Inf", func() (Marginal, error) { return Normal(math.Inf(-1), 1, -1, 1) }, "normal: mean -Inf, sd 1; allowed: a finite mean and a positive sd"},
		{"normal mean NaN", func() (Marginal, error) { return Normal(math.NaN(), 1, -1, 1) }, "normal: mean NaN, sd 1; allowed: a finite mean and a positive sd"},
		{"normal sd +Inf", func() (Marginal, error) { return Normal(0, math.Inf(1), -1, 1) }, "normal: mean 0, sd +Inf; allowed: a finite mean and a positive sd"},
		{"normal sd NaN", func() (Marginal, error) { return Normal(0, math.NaN(), -1, 1) }, "normal: mean 0, sd NaN; allowed: a finite mean and a positive sd"},
		{"normal tail [5, 6]", func() (Marginal, error) { return Normal(0, 1, 5, 6) }, ""},
		{"normal tail [6.5, 7]", func() (Marginal, error) { return Normal(0, 1, 6.5, 7) },
			"normal: mean 0, sd 1 puts almost nothing in [6.5, 7]; allowed: a range that holds some of the distribution"},
		{"triangular mode at lo", func() (Marginal, error) { return Triangular(0, 0, 2) }, ""},
		{"triangular mode at hi", func() (Marginal, error) { return Triangular(0, 2, 2) }, ""},
		{"triangular mode above", func() (Marginal, error) { return Triangular(0, 3, 2) }, "triangular: mode 3; allowed: a number in [0, 2]"},
		// The range's rule comes first for the normal and the triangle too:
		// an infinite end is not a wide range nor a wide truncation, and a
		// reversed one not a normal holding nothing or a mode outside.
		{"normal from -Inf", func() (Marginal, error) { return Normal(0, 1, math.Inf(-1), 1) }, "range [-Inf, 1]; allowed: finite numbers with from ≤ to"},
		{"normal reversed", func() (Marginal, error) { return Normal(0, 1, 1, -1) }, "range [1, -1]; allowed: finite numbers with from ≤ to"},
		{"triangular from -Inf", func() (Marginal, error) { return Triangular(math.Inf(-1), 0, 1) }, "range [-Inf, 1]; allowed: finite numbers with from ≤ to"},
		{"triangular reversed", func() (Marginal, error) { return Triangular(2, 1.5, 1) }, "range [2, 1]; allowed: finite numbers with from ≤ to"},
	} {
		m, err := c.m()
		switch {
		case c.want == "" && (err != nil || m == nil):
			t.Errorf("%s: %v; want it accepted", c.name, err)
		case c.want != "" && (err == nil || err.Error() != c.want):
			t.Errorf("%s: %v; want %q", c.name, err, c.want)
		}
	}
}

// Quantiles 0 and 1 never step outside the range: the truncated normal's
// and the log-uniform's computed quantiles would by an ulp or more
// (N(0, 1) on [0.1, 0.3] gives 0.09999999999999999 at 0, N(0.5, 1)
// 0.3000000000000001 at 1, exp(log 100) is 100.00000000000004), and are
// clamped. They lie within 10⁻¹² of the ends; the log-uniform's, clamped
// from outside, and the triangle's with its mode at either end, at the
// ends exactly.
func TestMarginalEndsInside(t *testing.T) {
	for _, c := range []struct {
		name   string
		m      func() (Marginal, error)
		lo, hi float64
		exact  bool
	}{
		{"normal(0, 1) on [0.1, 0.3]", func() (Marginal, error) { return Normal(0, 1, 0.1, 0.3) }, 0.1, 0.3, false},
		{"normal(0.5, 1) on [0.1, 0.3]", func() (Marginal, error) { return Normal(0.5, 1, 0.1, 0.3) }, 0.1, 0.3, false},
		{"normal(-2, 1) on [2, 7]", func() (Marginal, error) { return Normal(-2, 1, 2, 7) }, 2, 7, false},
		// p(hi − lo) + lo at p = 1 on [−1, 0.1]: 1.1 + (−1) rounds to
		// 0.10000000000000009, above hi.
		{"uniform on [-1, 0.1]", func() (Marginal, error) { return Uniform(-1, 0.1) }, -1, 0.1, true},
		{"loguniform on [0.01, 100]", func() (Marginal, error) { return LogUniform(0.01, 100) }, 0.01, 100, true},
		{"loguniform on [5, 50]", func() (Marginal, error) { return LogUniform(5, 50) }, 5, 50, true},
		{"triangular(0, 0, 2)", func() (Marginal, error) { return Triangular(0, 0, 2) }, 0, 2, true},
		{"triangular(0, 2, 2)", func() (Marginal, error) { return Triangular(0, 2, 2) }, 0, 2, true},
	} {
		m, err := c.m()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		lo, hi := m.Quantile(0), m.Quantile(1)
		inside := c.lo <= lo && lo-c.lo <= 1e-12 && hi <= c.hi && c.hi-hi <= 1e-12
		if !inside || c.exact && (lo != c.lo || hi != c.hi) {
			t.Errorf("%s: quantiles 0 and 1 are %v and %v; want %v and %v (exactly: %v)", c.name, lo, hi, c.lo, c.hi, c.exact)
		}
	}
}

// A range whose ends are equal is a point under every distribution: each
// quantile is that point (a normal truncated to it holds nothing else,
// whatever its mean).
func TestPointRanges(t *testing.T) {
	for _, c := range []struct {
		name string
		m    func() (Marginal, error)
	}{
		{"uniform", func() (Marginal, error) { return Uniform(3, 3) }},
		{"normal about 0", func() (Marginal, error) { return Normal(0, 1, 3, 3) }},
		{"triangular", func() (Marginal, error) { return Triangular(3, 3, 3) }},
		{"loguniform", func() (Marginal, error) { return LogUniform(3, 3) }},
	} {
		m, err := c.m()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, p := range []float64{0, 0.25, 0.5, 1} {
			if q := m.Quantile(p); q != 3 {
				t.Errorf("%s: quantile %v is %v; want 3", c.name, p, q)
			}
		}
	}
}
