package main

import "testing"

func TestCountWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{count(1, "error", "errors"), "1 error"},
		{count(0, "error", "errors"), "0 errors"},
		{count(12, "run", "runs"), "12 runs"},
		{runsAndSeeds(1, 7), "1 run, seed 7"},
		{runsAndSeeds(500, 1001), "500 runs, seeds 1001–1500"},
		{seedsOf(1, 3), "seed 3"},
		{seedsOf(2, 3), "seeds 3–4"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
