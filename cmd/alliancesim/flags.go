package main

import (
	"fmt"

	"github.com/alliancesim/alliancesim/runner"
)

// Checks of the numeric flags shared by the commands that run
// replications, so that each bad value is refused naming its flag and
// what is allowed (docs/limits.md), before any work starts.

// workersHelp is the help of --workers.
const workersHelp = "parallel replications (default: GOMAXPROCS; capped at 4 per core and at the replications)"

// checkRuns refuses --runs outside [1, runner.MaxRuns].
func checkRuns(runs int) error {
	if runs < 1 || runs > runner.MaxRuns {
		return fmt.Errorf("--runs %d: allowed: a whole number in [1, %d]", runs, runner.MaxRuns)
	}
	return nil
}

// checkWorkers refuses a negative --workers; large values are capped by
// the runner.
func checkWorkers(workers int) error {
	if workers < 0 {
		return fmt.Errorf("--workers %d: allowed: 0 (one per core) or a whole number ≥ 1 (more than %d per core are capped)", workers, runner.WorkersPerCore)
	}
	return nil
}

// checkCounts checks --runs and --workers together.
func checkCounts(runs, workers int) error {
	if err := checkRuns(runs); err != nil {
		return err
	}
	return checkWorkers(workers)
}
