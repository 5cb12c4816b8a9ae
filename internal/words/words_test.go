package words

import "testing"

func TestWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(1, "error", "errors"), "1 error"},
		{Count(0, "error", "errors"), "0 errors"},
		{Count(12, "landmass", "landmasses"), "12 landmasses"},
		{RunsAndSeeds(1, 7), "1 run, seed 7"},
		{RunsAndSeeds(500, 1001), "500 runs, seeds 1001–1500"},
		{Seeds(1, 3), "seed 3"},
		{Seeds(2, 3), "seeds 3–4"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
