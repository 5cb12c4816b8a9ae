package calibration

import (
	"math"
	"strconv"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// Each historical scenario's challenge_rate follows the rule its file and
// docs/model.md §6.4 state, recomputed here from the scenario itself: the
// largest rate at full intent at which the record's zero armed
// challenges to the clients' drawn territory would still have a 5%
// chance, every adversary at full
// intent against every client in every month of the run,
// −ln(0.05) / (clients × months × adversaries), to two significant
// figures. By hand: europe-1947 2.996 / (12 × 540 × 1) = 4.62·10⁻⁴,
// asia-1950 2.996 / (11 × 504 × 3) = 1.80·10⁻⁴.
func TestChallengeRateIsTheRecordsBound(t *testing.T) {
	for _, c := range []struct {
		scenario                     string
		clients, months, adversaries int
		want                         float64
	}{
		{"europe-1947", 12, 540, 1, 0.00046},
		{"asia-1950", 11, 504, 3, 0.00018},
	} {
		sc, err := configs.Builtin(c.scenario)
		if err != nil {
			t.Fatal(err)
		}
		count := map[sim.Role]int{}
		for _, s := range sc.States {
			count[s.Role]++
		}
		months := sc.Ticks * sc.Calendar.MonthsPerTick
		if count[sim.Client] != c.clients || months != c.months || count[sim.Adversary] != c.adversaries {
			t.Errorf("%s: %d clients, %d months, %d adversaries; the rule was worked by hand for %d, %d and %d",
				c.scenario, count[sim.Client], months, count[sim.Adversary], c.clients, c.months, c.adversaries)
		}
		bound := -math.Log(0.05) / float64(count[sim.Client]*months*count[sim.Adversary])
		rule, _ := strconv.ParseFloat(strconv.FormatFloat(bound, 'g', 2, 64), 64)
		if rule != c.want || sc.Params.ChallengeRate != rule {
			t.Errorf("%s: challenge_rate %v; the rule gives %v (%.4g to two figures), worked by hand %v",
				c.scenario, sc.Params.ChallengeRate, rule, bound, c.want)
		}
	}
}
