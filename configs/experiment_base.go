package configs

import (
	"strconv"

	"github.com/alliancesim/alliancesim/sim"
)

// BaseScenario returns the experiment's scenario with no point's values
// laid over it.
func (x *Experiment) BaseScenario() (*sim.Scenario, error) {
	return Parse(x.File+" (scenario)", []byte("extends = "+strconv.Quote(x.Scenario)+"\n"))
}
