package main

import "fmt"

// Words for counts in what the commands print.

// count writes n with its noun, singular for one: "1 run", "3 runs".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// runsAndSeeds writes runs with the seeds they take from seed: "1 run,
// seed 7", "500 runs, seeds 1–500".
func runsAndSeeds(runs int, seed uint64) string {
	return count(runs, "run", "runs") + ", " + seedsOf(runs, seed)
}

// seedsOf writes the seeds runs take from seed: "seed 7", "seeds 1–500".
func seedsOf(runs int, seed uint64) string {
	if runs == 1 {
		return fmt.Sprintf("seed %d", seed)
	}
	return fmt.Sprintf("seeds %d–%d", seed, seed+uint64(max(runs-1, 0)))
}
