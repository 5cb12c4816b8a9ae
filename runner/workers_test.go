package runner

import (
	"context"
	"math"
	"runtime"
	"strings"
	"testing"
)

// Workers are capped at WorkersPerCore per core and at the number of
// replications; a huge request is capped, not a panic (2^61 workers used
// to panic in makechan, 2^62 to exhaust memory), and a negative one is an
// error.
func TestWorkerCount(t *testing.T) {
	cores := runtime.GOMAXPROCS(0)
	for _, c := range []struct{ requested, jobs, want int }{
		{0, 1000, cores}, {1, 1000, 1}, {1 << 61, 1000, WorkersPerCore * cores}, {1 << 62, 1000, WorkersPerCore * cores},
		{math.MaxInt, 1000, WorkersPerCore * cores}, {8, 3, 3}, {0, 0, 1},
	} {
		if got, err := workerCount(c.requested, c.jobs); err != nil || got != c.want {
			t.Errorf("workerCount(%d, %d) = %d, %v; want %d", c.requested, c.jobs, got, err, c.want)
		}
	}
	if _, err := workerCount(-1, 10); err == nil || !strings.Contains(err.Error(), "allowed: 0 (one per core) or a whole number ≥ 1") {
		t.Errorf("negative workers: %v", err)
	}
	c := compile(t, "generic", short)
	if s, err := MonteCarlo(context.Background(), c, Options{Runs: 3, Workers: 1 << 62}); err != nil || s.Runs != 3 {
		t.Errorf("MonteCarlo with 2^62 workers: %v", err)
	}
	if _, err := MonteCarlo(context.Background(), c, Options{Runs: 3, Workers: -2}); err == nil {
		t.Error("MonteCarlo with -2 workers must fail")
	}
}
