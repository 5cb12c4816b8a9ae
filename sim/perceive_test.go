package sim

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The engine's raw threat is agents.RawThreat, the formula tested by
// hand: tau folds w_P·Pw + w_G·G into a per-pair base and divides by the
// weights once, so the two agree to rounding, for every pair of a world
// with an alliance in it and for weights that are not the defaults.
func TestTauIsRawThreat(t *testing.T) {
	for _, weights := range []agents.ThreatWeights{{}, {Power: 1, Proximity: 1, Offence: 1}, {Power: 0.2, Proximity: 3, Offence: 0.5}} {
		sc := testScenario()
		if weights != (agents.ThreatWeights{}) {
			sc.Params.WeightPower, sc.Params.WeightProximity, sc.Params.WeightOffence = weights.Power, weights.Proximity, weights.Offence
		} else {
			weights = agents.ThreatWeights{Power: sc.Params.WeightPower, Proximity: sc.Params.WeightProximity, Offence: sc.Params.WeightOffence}
		}
		w := NewWorld(mustCompile(t, sc), 1)
		w.form(set(pat, c1), true, OriginBilateral)
		w.perceive()
		n, checked := w.c.n, 0
		for m := range n {
			row := &w.ties[m]
			for j := range n {
				if j == m {
					continue
				}
				k := m*n + j
				intent := w.hostile[k]
				if row.allies.Has(j) {
					intent = w.friendly[k]
				}
				occ := agents.Occupation(agents.Denial(w.projK[j*n+m], w.defK[m]), w.cred[j*n+m], w.punished(j, row))
				want := agents.RawThreat(intent, w.economy[j]/w.maxEconomy, w.geo.Proximity(j, m), occ, weights)
				got := w.tau(m, j, w.defK[m], row)
				if !(math.Abs(got-want) <= 1e-12*max(1, math.Abs(want))) {
					t.Errorf("weights %+v: τ(%d→%d) = %.17g, RawThreat %.17g", weights, m, j, got, want)
				}
				if want > 0 {
					checked++
				}
			}
		}
		if checked < n {
			t.Errorf("weights %+v: only %d pairs with a threat", weights, checked)
		}
	}
}
