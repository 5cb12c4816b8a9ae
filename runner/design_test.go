package runner

import "testing"

// A manifest's design is checked as any input: its kind must be one of
// Designs, and a drawn design's point count must follow from its samples
// (lhs: samples; morris: samples·(k + 1); sobol: samples·(k + 2)).
func TestDesignCheck(t *testing.T) {
	for _, c := range []struct {
		d    *Design
		k, n int
		want string // "" for no error
	}{
		{nil, 2, 10, ""},
		{&Design{Kind: "grid"}, 2, 9, ""},
		{&Design{Kind: "lhs", Samples: 8}, 3, 8, ""},
		{&Design{Kind: "morris", Samples: 4}, 3, 16, ""},
		{&Design{Kind: "sobol", Samples: 4}, 3, 20, ""},
		{&Design{Kind: "halton"}, 2, 9, `unknown design "halton"; allowed: grid, lhs, morris, sobol, points`},
		{&Design{Kind: "sobol", Samples: 4}, 3, 16, "a sobol design of 4 samples over 3 paths has 20 points, not 16"},
		{&Design{Kind: "lhs"}, 3, 0, "a lhs design has 0 samples; allowed: at least 1"},
		{&Design{Kind: "morris", Samples: -2}, 3, 0, "a morris design has -2 samples; allowed: at least 1"},
	} {
		err := c.d.check(c.k, c.n)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%+v over %d paths and %d points: %q, want %q", c.d, c.k, c.n, got, c.want)
		}
	}
}
