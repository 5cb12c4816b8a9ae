package sim

import (
	"fmt"
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// A run checks that what it computes is finite. Parameters are bounded so
// that the model's arithmetic stays finite (ParamSpecs, agents.DecisionSpecs),
// but a scenario built in code may bypass a check, and a registered
// valuation is outside the engine: a NaN threat would make every
// comparison false, so no alliance would ever form and every share would
// be a silent 0. The first non-finite value stops the run with an error
// naming the tick, the state and the quantity.

// fail records the first error of the run; Run returns it once the tick
// in progress ends.
func (w *World) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// Err returns the error that stopped the run, or nil.
func (w *World) Err() error { return w.err }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// checkThreats checks every state's threats, reference point and defence
// after perception.
func (w *World) checkThreats() {
	for i := 0; i < w.c.n; i++ {
		for _, q := range [...]struct {
			what string
			v    float64
		}{{"threat", w.threat[i]}, {"adversary threat", w.adv[i]}, {"reference point", w.reference[i]}, {"defence", w.defence[i]}} {
			if !finite(q.v) {
				p := &w.c.p
				w.fail(fmt.Errorf("tick %d (%s): the %s of state %s is %v; the parameters make the threat arithmetic overflow (weight_power %g, weight_proximity %g, weight_offence %g, occupation_steepness %g, sealift %g, rough_bonus %g)",
					w.tick, w.Label(w.tick), q.what, w.c.id[i], q.v, p.WeightPower, p.WeightProximity, p.WeightOffence, p.OccupationSteepness, p.Sealift, p.RoughBonus))
				return
			}
		}
	}
}

// valueOf is state i's valuation of a lottery, given a fresh copy of i's
// decision settings (World.decision).
func (w *World) valueOf(i int, l agents.Lottery) float64 {
	w.decision = w.c.decision[i]
	return w.c.valuation[i].Value(l, &w.decision)
}

// checkValue checks the value state i's valuation model put on an option
// or position, and returns it.
func (w *World) checkValue(i int, v float64, what string) float64 {
	if !finite(v) {
		d := &w.c.decision[i]
		w.fail(fmt.Errorf("tick %d (%s): state %s values %s at %v under valuation %q (lambda %g, alpha %g, beta %g); allowed: finite values: check the costs in [params] and the valuation model",
			w.tick, w.Label(w.tick), w.c.id[i], what, v, d.Valuation, d.Lambda, d.Alpha, d.Beta))
	}
	return v
}
