package main

import (
	"os"
	"path/filepath"
	"slices"
)

// commandLine is the command line as provenance records it (a run's
// manifest, the hypotheses' provenance, a report's header): the program
// by its name, not by its path. `go run` builds into a temporary
// directory whose path means nothing once the run ends, and a path says
// only where one machine kept the binary; the binary's SHA-256, recorded
// beside it, says which build ran.
func commandLine() []string {
	args := slices.Clone(os.Args)
	if len(args) > 0 {
		args[0] = filepath.Base(args[0])
	}
	return args
}
