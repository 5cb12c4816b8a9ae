package configs

import (
	"github.com/alliancesim/alliancesim/sim"
)

// BaseScenario returns the experiment's scenario with no point's values
// laid over it.
func (x *Experiment) BaseScenario() (*sim.Scenario, error) {
	q, _ := tomlString(x.Scenario)
	return Parse(x.File+" (scenario)", []byte("extends = "+q+"\n"))
}
