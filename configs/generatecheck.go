package configs

import (
	"sync"

	"github.com/alliancesim/alliancesim/theater"
)

// generateChecks remembers whether theater.Generate succeeds for a
// generator setting and a number of states. Resolving a scenario with a
// generated theatre draws the theatre once only to learn that; a sweep
// resolves every point's scenario twice (checked, then planned), mostly
// with the same setting, and the draw was a quarter of the time of each.
// The generator is a function of its arguments, so the remembered error
// is the one a new draw would give: the memo is exact. It holds at most
// maxGenerateChecks settings, forgetting all of them when full.
var generateChecks = struct {
	sync.Mutex
	on   bool // off only in tests that compare against fresh draws
	seen map[generateKey]error
}{on: true}

type generateKey struct {
	spec    theater.GenerateSpec
	nStates int
}

const maxGenerateChecks = 1024

// generateCheck is theater.Generate's error for spec and nStates,
// remembered (generateChecks).
func generateCheck(spec theater.GenerateSpec, nStates int) error {
	k := generateKey{spec, nStates}
	generateChecks.Lock()
	err, ok := generateChecks.seen[k]
	on := generateChecks.on
	generateChecks.Unlock()
	if ok && on {
		return err
	}
	_, err = theater.Generate(spec, nStates)
	if !on {
		return err
	}
	generateChecks.Lock()
	defer generateChecks.Unlock()
	if generateChecks.seen == nil || len(generateChecks.seen) >= maxGenerateChecks {
		generateChecks.seen = make(map[generateKey]error)
	}
	generateChecks.seen[k] = err
	return err
}
