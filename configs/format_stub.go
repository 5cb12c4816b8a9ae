package configs

import (
	"encoding/json"

	"github.com/alliancesim/alliancesim/sim"
)

// Format is a temporary stand-in for the canonical TOML writer.
func Format(sc *sim.Scenario) ([]byte, error) {
	c := *sc
	c.Source = ""
	return json.MarshalIndent(c, "", " ")
}

// Canonical is a temporary stand-in.
func (x *Experiment) Canonical() []byte {
	b, _ := json.Marshal(struct {
		S    string
		R    int
		Seed uint64
		D    string
		C    int
		E    bool
		V    []string
		P    [][]any
	}{x.Scenario, x.Runs, x.Seed, x.Design, x.Chunk, x.Events, x.Vary, x.Points})
	return b
}
