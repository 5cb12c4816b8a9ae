package sim_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// Why the patron of asia-1950 does not propose SEATO in 1954-09: step a
// replication to the end of that month and read its appraisal of the
// weak pact term by term. The largest cost is New Zealand's divergent
// threat picture.
func ExampleWorld_Explain() {
	sc, _ := configs.Builtin("asia-1950")
	c, _ := sim.Compile(sc)
	w := sim.NewWorld(c, 3)
	at := c.Calendar().TickOf(1954, 9)
	if err := w.StepThrough(context.Background(), at); err != nil { // to the end of 1954-09
		panic(err)
	}
	seato, err := c.SetOf("phl", "aus", "nzl", "tha", "pak", "gbr", "fra")
	if err != nil {
		panic(err) // a mistyped id
	}
	e, _ := w.Explain(c.Index("usa"), seato, false, sim.OriginImposed)
	fmt.Printf("%s: gain %.3f, cost %.3f (largest: %s)\n", w.Label(at), e.Gain, e.Cost.Total, e.Cost.Largest)
	for _, pc := range e.Costs {
		if c.ID(pc.Partner) == "nzl" {
			fmt.Printf("New Zealand: divergence %.2f costs %.3f\n", pc.Terms.Divergence, pc.CostParts.Divergence)
		}
	}
	fmt.Printf("value %+.3f against its position %+.3f\n", e.Value, e.Position)
	// Output:
	// 1954-09: gain 0.015, cost 0.069 (largest: divergence)
	// New Zealand: divergence 0.54 costs 0.019
	// value -0.130 against its position +0.026
}

// The main path: compile a scenario once, run one replication per seed,
// read its record. Here europe-1947, seed 2: France and the Netherlands
// ally first, and the patron later joins them (so the alliance's origin
// is indigenous), and the patron imposes a multilateral on the rest.
// (Seed 1 is one of the
// runs that miss E3, about one in four: there the patron joins the
// clients' pact only in 1951.)
func ExampleRun() {
	sc, _ := configs.Builtin("europe-1947")
	c, err := sim.Compile(sc)
	if err != nil {
		panic(err)
	}
	r, err := sim.Run(context.Background(), c, 2)
	if err != nil {
		panic(err)
	}
	for _, a := range r.Alliances {
		fmt.Printf("%s %s: %s, strong %v", r.Date(a.Formed), strings.Join(a.Founders, " "), a.Origin, a.Strong)
		if a.PatronJoined > a.Formed {
			fmt.Printf(", the patron joined in %s", r.Date(a.PatronJoined))
		}
		fmt.Println()
	}
	// Output:
	// 1947-01 fra nld: indigenous, strong true, the patron joined in 1948-06
	// 1950-06 bel dnk ita lux nor usa: imposed, strong false
}
