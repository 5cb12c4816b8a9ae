package sim

import "github.com/alliancesim/alliancesim/agents"

// spreadTable is agents.Spread at each commitment (weak, strong) and each
// number of partners an alliance can have, computed once when a scenario
// is compiled. Spread is a pure function of the commitment k, the number
// of partners and the cost parameters, and a Compiled fixes k and the
// costs, so the table holds what Spread would return, bit for bit; but
// appraiseFrom values many options a tick and would take an exponential
// for each.
type spreadTable [2][MaxStates]float64

// newSpreadTable is the table of c's commitments and costs.
func newSpreadTable(c *Compiled) spreadTable {
	var t spreadTable
	for s, strong := range [2]bool{false, true} {
		for partners := range t[s] {
			t[s][partners] = agents.Spread(c.commitment(strong), partners, c.costs)
		}
	}
	return t
}

// spreadOf is agents.Spread(c.commitment(strong), partners, c.costs).
func (c *Compiled) spreadOf(strong bool, partners int) float64 {
	if strong {
		return c.spread[1][partners]
	}
	return c.spread[0][partners]
}
