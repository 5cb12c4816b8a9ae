package main

import (
	"os"
	"slices"
	"testing"
)

// The program is recorded by its name: the path `go run` builds into is
// dropped, the arguments are kept as given.
func TestCommandLine(t *testing.T) {
	saved := os.Args
	defer func() { os.Args = saved }()
	for _, c := range []struct{ args, want []string }{
		{[]string{"/root/.cache/go-build/e0/e0b9-d/alliancesim", "run", "asia-1950", "--out", "/tmp/a b"}, []string{"alliancesim", "run", "asia-1950", "--out", "/tmp/a b"}},
		{[]string{"./alliancesim", "hypotheses"}, []string{"alliancesim", "hypotheses"}},
		{[]string{"alliancesim"}, []string{"alliancesim"}},
		{nil, []string{}},
	} {
		os.Args = c.args
		if got := commandLine(); !slices.Equal(got, c.want) {
			t.Errorf("%q recorded as %q, want %q", c.args, got, c.want)
		}
	}
}
