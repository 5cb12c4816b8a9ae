package sim_test

import (
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// Explain refuses an alliance the engine never weighs: one with an
// adversary in it, or an origin its members cannot have, naming the
// origins they can.
func TestExplainRefusesWhatNeverForms(t *testing.T) {
	c := compileBuiltin(t, "generic")
	w := sim.NewWorld(c, 1)
	w.Step()
	set := func(ids ...string) agents.Set {
		s, err := c.SetOf(ids...)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, tc := range []struct {
		state    string
		partners agents.Set
		origin   sim.Origin
		want     string
	}{
		{"c1", set("adversary"), sim.OriginClient, "adversary: an adversary never allies; allowed: patrons and clients"},
		{"adversary", set("c1", "c2"), sim.OriginClient, "adversary: an adversary never allies; allowed: patrons and clients"},
		{"c1", set("patron"), sim.OriginClient, "origin client is an alliance of clients alone, and this one has 1 patron; allowed: bilateral, imposed, indigenous"},
		{"c1", set("c2"), sim.OriginImposed, "origin imposed is a patron's alliance, and this one has no patron; allowed: client, indigenous"},
		{"c1", set("c2", "c3"), sim.OriginBilateral, "origin bilateral is a patron's alliance, and this one has no patron; allowed: client, indigenous"},
	} {
		if _, err := w.Explain(c.Index(tc.state), tc.partners, true, tc.origin); err == nil || err.Error() != tc.want {
			t.Errorf("%s with %b as %v: got %v, want %s", tc.state, tc.partners, tc.origin, err, tc.want)
		}
	}
	for _, ok := range []struct {
		state    string
		partners agents.Set
		origin   sim.Origin
	}{
		{"c1", set("c2", "c3"), sim.OriginClient}, {"patron", set("c1"), sim.OriginBilateral}, {"patron", set("c1", "c2"), sim.OriginImposed}, {"c1", set("patron", "c2"), sim.OriginIndigenous},
		// What the engine also weighs: a client applying to a patron's
		// bilateral alliance, which keeps its origin (§7.7); an imposed or
		// indigenous alliance gone down to a patron and one client; an
		// indigenous one its patron left (§7.12).
		{"c2", set("patron", "c1"), sim.OriginBilateral}, {"patron", set("c1"), sim.OriginImposed}, {"patron", set("c1"), sim.OriginIndigenous}, {"c1", set("c2"), sim.OriginIndigenous},
	} {
		if _, err := w.Explain(c.Index(ok.state), ok.partners, false, ok.origin); err != nil {
			t.Errorf("%s with %b as %v: %v", ok.state, ok.partners, ok.origin, err)
		}
	}
}
