package sim

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The spread table gives agents.Spread bit for bit, at both commitments
// and every number of partners, for the defaults and for spread and
// commitment parameters that are not.
func TestSpreadTableIsSpread(t *testing.T) {
	for _, set := range []func(*Params){
		func(*Params) {},
		func(p *Params) { p.SpreadBase, p.SpreadMembers = 0.37, 0.91 },
		func(p *Params) { p.CommitmentWeak, p.CommitmentStrong = 0.2, 0.7 },
		func(p *Params) { p.SpreadBase = 0 },
	} {
		sc := testScenario()
		set(&sc.Params)
		c := mustCompile(t, sc)
		for _, strong := range []bool{false, true} {
			for partners := 0; partners < MaxStates; partners++ {
				want := agents.Spread(c.commitment(strong), partners, c.costs)
				if got := c.spreadOf(strong, partners); math.Float64bits(got) != math.Float64bits(want) {
					t.Errorf("spread at strong=%v with %d partners (params %+v): %v, Spread gives %v", strong, partners, c.costs, got, want)
				}
			}
		}
	}
}
