package configs

import (
	"os"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// A file of the other kind is named for what it is, in one error, not
// refused key by key.
func TestFileOfTheOtherKind(t *testing.T) {
	experiment, err := os.ReadFile("../examples/sweep/sea-fraction.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse("x.toml", experiment)
	want := "x.toml: an experiment file (it has runs, seed, vary), not a scenario; allowed: a scenario file"
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") > 1 {
		t.Errorf("an experiment read as a scenario: %v; want one error starting %q", err, want)
	}
	scenario, err := Format(mustLoad(t, "generic"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseExperiment("s.toml", scenario)
	want = "s.toml: a scenario file (it has decision, params, states, theater), not an experiment; allowed: an experiment file"
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") > 1 {
		t.Errorf("a scenario read as an experiment: %v; want one error starting %q", err, want)
	}
	// A file with keys of both kinds is judged key by key, as before: the
	// experiment's keys are unknown in a scenario.
	_, err = Parse("b.toml", append([]byte("runs = 3\n"), scenario...))
	if err == nil || strings.Contains(err.Error(), "an experiment file") || !strings.Contains(err.Error(), "b.toml:1: runs: unknown key") {
		t.Errorf("a scenario with a runs key: %v; want runs refused as an unknown key", err)
	}
}

func mustLoad(t *testing.T, name string) *sim.Scenario {
	t.Helper()
	sc, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}
