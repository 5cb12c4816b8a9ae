package examples_test

import (
	"os/exec"
	"strings"
	"testing"
)

// Each example builds and runs with go run, on few replications.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs six programs")
	}
	cases := []struct {
		dir, want string
		args      []string
	}{
		{"./embed", "a patron bilateral alliance formed in", []string{"-runs", "20"}},
		{"./custom-strategy", "patron multilateral     0.0%", []string{"-runs", "20"}},
		{"./sweep", "point,theater.generate.sea_fraction,client_alliance", []string{"-runs", "4"}},
		{"./sweep-memory", "5 points × 4 runs, seeds 1–4 at every point", []string{"-runs", "4"}},
		{"./sobol", "asia-1950: Sobol indices over 28 points × 2 runs (N = 4)", []string{"-runs", "2", "-samples", "4"}},
		{"./custom-measure", "runs.csv, first rows (run, seed, …, the two measures):\n  run,seed,…,japan_allied,most_in_force", []string{"-runs", "10"}},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			out, err := exec.Command("go", append([]string{"run", c.dir}, c.args...)...).CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !strings.Contains(string(out), c.want) {
				t.Fatalf("output lacks %q:\n%s", c.want, out)
			}
		})
	}
}
