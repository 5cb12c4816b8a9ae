package configs

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// A state's decision table holds only its overrides, kept as written even
// where a value equals the scenario's: the canonical form writes them, an
// overlay of the scenario's [decision] reaches the states that do not
// override the key, and states.ID.decision.KEY sets one override.
func TestDecisionOverrides(t *testing.T) {
	src := strings.Replace(base, "land = 2", "land = 2\ndecision = { strategy = \"assurance\", patience = 6 }", 1)
	sc, err := Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := (agents.DecisionOverrides{"strategy": "assurance", "patience": 6.0}); !equalOverrides(sc.States[0].Decision, want) || sc.States[1].Decision != nil {
		t.Fatalf("overrides %v and %v", sc.States[0].Decision, sc.States[1].Decision)
	}
	out := roundTrip(t, sc)
	if !bytes.Contains(out, []byte("decision = { strategy = \"assurance\", patience = 6 }\n")) {
		t.Errorf("the override equal to the default is not written:\n%s", out)
	}
	if err := Apply(sc, []Assignment{{"decision.strategy", "prospect"}, {"states.b.decision.temperature", 0.5}}); err != nil {
		t.Fatal(err)
	}
	if a, b := decisionOf(t, sc, "a"), decisionOf(t, sc, "b"); a.Strategy != "assurance" || b.Strategy != "prospect" || b.Temperature != 0.5 || a.Temperature != sc.Decision.Temperature {
		t.Errorf("after the overlay a decides %+v, b %+v", a, b)
	}
	if want := (agents.DecisionOverrides{"temperature": 0.5}); !equalOverrides(sc.States[1].Decision, want) {
		t.Errorf("b's overrides %v, want %v", sc.States[1].Decision, want)
	}
	// Format refuses what no file can say: a key no spec names.
	sc.States[1].Decision["no_such_key"] = 1.0
	if _, err := Format(sc); err == nil || !strings.Contains(err.Error(), "no_such_key") {
		t.Errorf("format of an unknown override: %v", err)
	}
}

func equalOverrides(a, b agents.DecisionOverrides) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
