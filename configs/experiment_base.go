package configs

import (
	"strings"

	"github.com/alliancesim/alliancesim/sim"
)

// BaseScenario returns the experiment's scenario with no point's values
// laid over it (but its --set assignments, if any).
func (x *Experiment) BaseScenario() (*sim.Scenario, error) {
	var b strings.Builder
	q, _ := tomlString(x.Scenario)
	b.WriteString("extends = " + q + "\n")
	paths, values := x.setSource()
	overlaySource(&b, paths, values)
	return Parse(baseSourceName(x.File), []byte(b.String()))
}
