package configs

import (
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// The top-level keys only one kind of file has. Both kinds have a
// `scenario` key (a table in a scenario, a name in an experiment) and an
// `events` key (tables of shocks; whether to write events.jsonl).
var (
	scenarioOnlyKeys   = []string{"extends", "drop_events", "drop_states", "theater", "params", "decision", "states"}
	experimentOnlyKeys = []string{"runs", "seed", "design", "samples", "levels", "candidates", "base", "points", "chunk", "vary"}
)

// otherKind reports whether src is a file of the other kind — an
// experiment read as a scenario, or a scenario read as an experiment —
// and with which of that kind's keys: it has some and none of its own
// kind's. Every other error of such a file would only restate that it is
// the wrong kind. Text that is not TOML is not judged (its syntax error
// says more).
func otherKind(src []byte, own, other []string) (keys []string, ok bool) {
	var top map[string]any
	if _, err := toml.Decode(string(src), &top); err != nil {
		return nil, false
	}
	for k := range top {
		switch {
		case slices.Contains(own, k):
			return nil, false
		case slices.Contains(other, k):
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys, len(keys) > 0
}

// refuseExperimentAsScenario reports an experiment file read as a scenario.
func refuseExperimentAsScenario(file string, src []byte, e *errs) bool {
	keys, ok := otherKind(src, scenarioOnlyKeys, experimentOnlyKeys)
	if ok {
		e.at(Loc{File: file}, "an experiment file (it has %s), not a scenario; allowed: a scenario file, with [scenario], [theater] and [[states]] or extends = NAME (an experiment runs with `alliancesim sweep`)", strings.Join(keys, ", "))
	}
	return ok
}

// refuseScenarioAsExperiment reports a scenario file read as an experiment.
func refuseScenarioAsExperiment(file string, src []byte, e *errs) bool {
	keys, ok := otherKind(src, experimentOnlyKeys, scenarioOnlyKeys)
	if ok {
		e.at(Loc{File: file}, "a scenario file (it has %s), not an experiment; allowed: an experiment file, with scenario = NAME, runs and [[vary]] tables (a scenario runs with `alliancesim run`)", strings.Join(keys, ", "))
	}
	return ok
}
