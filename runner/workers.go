package runner

import (
	"fmt"
	"runtime"
)

// WorkersPerCore caps the number of workers: at most this many per core
// (GOMAXPROCS). Replications are CPU-bound, so more workers than cores
// only add memory — each holds one replication — and a huge --workers
// would allocate channels and goroutines beyond any use (2^61 used to
// panic with "makechan: size out of range", 2^62 to exhaust memory).
const WorkersPerCore = 4

// MaxWorkers is the most workers a run uses: WorkersPerCore × GOMAXPROCS.
func MaxWorkers() int { return WorkersPerCore * runtime.GOMAXPROCS(0) }

// workerCount is the number of workers for a run of jobs replications
// when requested were asked for: 0 means GOMAXPROCS; more than MaxWorkers,
// or than the replications to run, are capped (the results do not depend
// on the number of workers); a negative number is an error.
func workerCount(requested, jobs int) (int, error) {
	if requested < 0 {
		return 0, fmt.Errorf("runner: %d workers; allowed: 0 (one per core) or a whole number ≥ 1", requested)
	}
	n := requested
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return max(1, min(n, MaxWorkers(), jobs)), nil
}
