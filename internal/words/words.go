// Package words writes counts and seed ranges as the commands and the
// report print them: "1 run", "3 runs", "seeds 1–500".
package words

import "fmt"

// Count writes n with its noun, singular for one: "1 run", "3 runs".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Seeds writes the seeds runs replications take from seed: "seed 7",
// "seeds 1–500".
func Seeds(runs int, seed uint64) string {
	if runs == 1 {
		return fmt.Sprintf("seed %d", seed)
	}
	return fmt.Sprintf("seeds %d–%d", seed, seed+uint64(max(runs-1, 0)))
}

// RunsAndSeeds writes runs with the seeds they take from seed: "1 run,
// seed 7", "500 runs, seeds 1–500".
func RunsAndSeeds(runs int, seed uint64) string {
	return Count(runs, "run", "runs") + ", " + Seeds(runs, seed)
}
