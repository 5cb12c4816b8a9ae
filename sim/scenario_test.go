package sim_test

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// ParseRole reads the three role names of a scenario file, and only them.
func TestParseRole(t *testing.T) {
	for _, c := range []struct {
		name string
		want sim.Role
	}{{"patron", sim.Patron}, {"client", sim.Client}, {"adversary", sim.Adversary}} {
		if got, ok := sim.ParseRole(c.name); !ok || got != c.want {
			t.Errorf("ParseRole(%q) = %v, %v; want %v, true", c.name, got, ok, c.want)
		}
	}
	for _, name := range []string{"", "Patron", "ally", "client "} {
		if got, ok := sim.ParseRole(name); ok {
			t.Errorf("ParseRole(%q) = %v, true; want false", name, got)
		}
	}
}

// ParseScriptKind reads the six kinds of scripted event, and only them.
func TestParseScriptKind(t *testing.T) {
	for _, c := range []struct {
		name string
		want sim.ScriptKind
	}{
		{"intent", sim.ScriptIntent}, {"occupy", sim.ScriptOccupy}, {"withdraw", sim.ScriptWithdraw},
		{"capability", sim.ScriptCapability}, {"sovereignty", sim.ScriptSovereignty}, {"ideology", sim.ScriptIdeology},
	} {
		if got, ok := sim.ParseScriptKind(c.name); !ok || got != c.want {
			t.Errorf("ParseScriptKind(%q) = %v, %v; want %v, true", c.name, got, ok, c.want)
		}
	}
	for _, name := range []string{"", "shock", "Occupy", "treaty"} {
		if got, ok := sim.ParseScriptKind(name); ok {
			t.Errorf("ParseScriptKind(%q) = %v, true; want false", name, got)
		}
	}
}

// Glyphs lists each state's glyph in the order of States, 0 for a state
// without land.
func TestScenarioGlyphs(t *testing.T) {
	sc := &sim.Scenario{States: []sim.State{{ID: "pat", Glyph: 'P'}, {ID: "exile"}, {ID: "c1", Glyph: '1'}, {ID: "e", Glyph: 'é'}}}
	if got, want := sc.Glyphs(), []rune{'P', 0, '1', 'é'}; !slices.Equal(got, want) {
		t.Errorf("Glyphs() = %q, want %q", got, want)
	}
	if got := (&sim.Scenario{}).Glyphs(); len(got) != 0 {
		t.Errorf("Glyphs() of no states = %q, want none", got)
	}
}
