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

// Step a replication tick by tick and read the world between ticks: a
// state's threat, reference point and domain, and the alliances in force
// with their members' ids (an Alliance holds state indices; Compiled.IDs
// names them). An observer counts what the run logs as it happens. Step
// reports whether ticks remain, and false too when the run stopped on a
// non-finite value: check Err after the loop.
func ExampleWorld_Step() {
	sc, _ := configs.Builtin("asia-1950")
	c, err := sim.Compile(sc)
	if err != nil {
		panic(err)
	}
	usa := c.Index("usa")
	proposals := 0
	w := sim.NewWorld(c, 3, sim.ObserverFuncs{Event: func(_ *sim.World, e *sim.Event) {
		if e.Type == sim.EventProposal {
			proposals++
		}
	}})
	for w.Step() {
		t := w.Tick() - 1 // the tick just played
		if t > c.Calendar().TickOf(1956, 1) {
			break
		}
		if t%24 != 0 {
			continue
		}
		fmt.Printf("%s: usa threat %.3f, reference %.3f, in losses %v; %d proposals so far\n",
			w.Label(t), w.Threat(usa), w.Reference(usa), w.InLosses(usa), proposals)
		for _, a := range w.Alliances() {
			if !a.Active() {
				continue // an ended alliance keeps its last members
			}
			fmt.Printf("  %s: %s\n", a.String(), strings.Join(c.IDs(a.Members), " "))
		}
	}
	if err := w.Err(); err != nil {
		panic(err)
	}
	// Output:
	// 1950-01: usa threat 0.509, reference 0.577, in losses false; 2 proposals so far
	// 1952-01: usa threat 0.611, reference 0.574, in losses true; 10 proposals so far
	//   alliance 0 (bilateral, client, strong): vnm fra
	// 1954-01: usa threat 0.570, reference 0.579, in losses false; 16 proposals so far
	//   alliance 0 (bilateral, client, strong): vnm fra
	//   alliance 1 (bilateral, bilateral, weak): usa phl
	// 1956-01: usa threat 0.536, reference 0.574, in losses false; 22 proposals so far
	//   alliance 0 (bilateral, client, strong): vnm fra
	//   alliance 1 (bilateral, bilateral, weak): usa phl
}

// What a member weighs when it reviews an alliance (ExplainStay), and its
// vote on a newcomer (ExplainVote): europe-1947, seed 1, the patron in
// 1952-06, as `alliancesim explain europe-1947 --at 1952-06 --state usa`
// prints it. LargestCostPartner is the state behind the largest term of
// the cost (-1: the largest term is autonomy, which names no partner).
func ExampleWorld_ExplainStay() {
	sc, _ := configs.Builtin("europe-1947")
	c, _ := sim.Compile(sc)
	w := sim.NewWorld(c, 1)
	if err := w.StepThrough(context.Background(), c.Calendar().TickOf(1952, 6)); err != nil {
		panic(err)
	}
	usa, gbr := c.Index("usa"), c.Index("gbr")
	for _, a := range w.Alliances() {
		if !a.Active() || !a.Members.Has(usa) {
			continue
		}
		s, err := w.ExplainStay(a.ID, usa)
		if err != nil {
			panic(err)
		}
		largest := "no partner"
		if j := s.Staying.LargestCostPartner(); j >= 0 {
			largest = c.ID(j)
		}
		fmt.Printf("alliance %d: staying %+.4f, out %+.4f, exit cost %.2f, stays %v; largest cost %s, %s\n",
			a.ID, s.Stay, s.Out, s.ExitCost, s.Out <= s.Stay+s.ExitCost, s.Staying.Cost.Largest, largest)
		if a.Members.Has(gbr) {
			continue
		}
		v, err := w.ExplainVote(a.ID, usa, gbr)
		if err != nil {
			panic(err)
		}
		fmt.Printf("  gbr joining: %+.4f against %+.4f as it stands, accepts %v (reason %s)\n",
			v.With.Value, v.Without, v.Accepts(), v.Reason)
	}
	// Output:
	// alliance 0: staying -0.2692, out -0.2693, exit cost 0.05, stays true; largest cost divergence, bel
	//   gbr joining: -0.3037 against -0.2598 as it stands, accepts false (reason divergence)
	// alliance 1: staying -0.2247, out -0.2252, exit cost 0.05, stays true; largest cost divergence, prt
	//   gbr joining: -0.2747 against -0.2211 as it stands, accepts false (reason divergence)
	// alliance 2: staying -0.2772, out -0.2866, exit cost 0.05, stays true; largest cost divergence, nor
	//   gbr joining: -0.3100 against -0.2532 as it stands, accepts false (reason divergence)
}
