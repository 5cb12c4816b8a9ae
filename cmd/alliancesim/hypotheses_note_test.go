package main

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/hypotheses"
)

// The note under the table says why ρ is "—" wherever the table prints
// it so: a rate, and a change whose ρ is undefined (an outcome equal at
// every level, or fewer than two levels with one). It said "— for a rate"
// alone, and a change's "—" was left unexplained.
func TestHypothesesNoteSaysWhyRhoIsADash(t *testing.T) {
	zero := 0.0
	for _, c := range []struct {
		name string
		r    hypotheses.Result
		says string
	}{
		{"a rate", hypotheses.Result{Predicted: hypotheses.AtLeast, Threshold: 0.7}, "— for a rate"},
		{"a change of an outcome equal at every level", hypotheses.Result{Predicted: hypotheses.Rises, MinChange: 0.15,
			Change: &zero, ChangeLow: &zero, ChangeHi: &zero}, "the outcome equal at every level"},
	} {
		if _, rho, _ := c.r.Cells(); rho != "—" {
			t.Fatalf("%s: ρ printed %q, want —", c.name, rho)
		}
		if !strings.Contains(strings.Join(strings.Fields(hypothesesNote), " "), c.says) {
			t.Errorf("%s prints ρ —, and the note does not say %q:\n%s", c.name, c.says, hypothesesNote)
		}
	}
}
