package runner_test

import (
	"context"
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// A sweep in memory, like Agents.jl's paramscan: every point's summary as
// Go values, shares read by their typed names. Execute of the same plan
// writes these numbers to disk.
func ExampleSweep() {
	x, err := configs.ParseExperiment("water.toml", []byte(`scenario = "generic"
runs = 40
[[vary]]
path = "theater.generate.sea_fraction"
values = [0.0, 0.8]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := plans.Experiment(x)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := runner.Sweep(context.Background(), plan, runner.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Points {
		fmt.Printf("sea fraction %.1f: clients ally alone in %3.0f%% of runs, a patron multilateral in %3.0f%%\n",
			p.Values["theater.generate.sea_fraction"],
			100*p.Share(runner.ClientAlliance).Share, 100*p.Share(runner.PatronMultilateral).Share)
	}
	// Output:
	// sea fraction 0.0: clients ally alone in 100% of runs, a patron multilateral in  52%
	// sea fraction 0.8: clients ally alone in   0% of runs, a patron multilateral in   0%
}

// A custom measure without forking the runner: one computed from each
// run's result, one from what an observer watched, made fresh for each
// replication. Both are averaged with 95% intervals in the summary (and
// become columns of runs.csv and points.csv with Execute).
func ExampleMeasure() {
	sc, _ := configs.Builtin("asia-1950")
	c, _ := sim.Compile(sc)
	largest := runner.Measure{Name: "largest_alliance", Of: func(r *runner.Replication) float64 {
		n := 0
		for _, a := range r.Result.Alliances {
			for _, members := range a.Phases() {
				n = max(n, len(members))
			}
		}
		return float64(n)
	}}
	peak := runner.Measure{Name: "most_in_force", Of: func(r *runner.Replication) float64 {
		return float64(*r.Observers[0].(*mostInForce))
	}}
	s, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 30, Seed: 1,
		Measures: []runner.Measure{largest, peak},
		Observe:  func(point, run int) []sim.Observer { return []sim.Observer{new(mostInForce)} }})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range s.Measures {
		fmt.Printf("%-16s mean %.1f [%.1f, %.1f] over %d runs\n", m.Name, *m.Mean, *m.Low, *m.High, m.Runs)
	}
	// Output:
	// largest_alliance mean 2.7 [2.5, 3.0] over 30 runs
	// most_in_force    mean 2.8 [2.5, 3.1] over 30 runs
}

// mostInForce is the most alliances in force at once, watched tick by
// tick.
type mostInForce int

func (m *mostInForce) OnEvent(*sim.World, *sim.Event) {}

func (m *mostInForce) OnTick(w *sim.World) {
	n := 0
	for _, a := range w.Alliances() {
		if a.Active() {
			n++
		}
	}
	*m = max(*m, mostInForce(n))
}

// Replications of a built-in scenario in memory, and the shares of runs
// in which each design formed, with their 95% intervals: the shares
// `alliancesim run europe-1947 --runs 20` prints as percentages.
func ExampleMonteCarlo() {
	sc, err := configs.Builtin("europe-1947")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := sim.Compile(sc)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 20, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range []runner.Share{runner.ClientAlliance3Plus, runner.PatronMultilateral, runner.PatronBilateral} {
		fmt.Printf("%-22s %v\n", k, s.Share(k))
	}
	// Output:
	// client_alliance_3plus  0.150 [0.052, 0.360] (3 of 20 runs)
	// patron_multilateral    1.000 [0.839, 1.000] (20 of 20 runs)
	// patron_bilateral       0.150 [0.052, 0.360] (3 of 20 runs)
}

// Each run's record, as MonteCarlo finishes it, and whether it counts
// for a share: the seeds of asia-1950 in which a client-only alliance of
// three or more formed, against the summary's count of the same runs.
func ExampleShare_In() {
	sc, _ := configs.Builtin("asia-1950")
	c, _ := sim.Compile(sc)
	var three []uint64
	s, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 20, Seed: 1,
		OnRecord: func(r *runner.Record) {
			if runner.ClientAlliance3Plus.In(r) {
				three = append(three, r.Seed)
			}
		}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("seeds with a client alliance of three or more:", three)
	fmt.Println("summary:", s.Share(runner.ClientAlliance3Plus).Count, "of", s.Runs)
	// Output:
	// seeds with a client alliance of three or more: [2 5 6 7 10 11 12 13 14 16 17 19]
	// summary: 12 of 20
}

// The survival of alliances over many runs: Summary.Survival holds a
// Kaplan–Meier curve for each group (all, each kind at formation, each
// origin, each half by cohesion at formation), found by its name
// (SurvivalOf), and a
// curve is read at a time since formation with At. Times are ticks
// (months in generic). Alliances still in force at the horizon are
// censored, so a group more than half of which outlives it has no
// median. An alliance whose origin changed counts in each origin for the
// ticks it had it (OriginLifetimes), so the origins' counts need not sum
// to all's.
func ExampleMonteCarlo_survival() {
	sc, _ := configs.Builtin("generic")
	c, _ := sim.Compile(sc)
	s, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 20, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, group := range []string{"all", "origin=indigenous", "origin=bilateral", "origin=imposed"} {
		g, ok := s.SurvivalOf(group)
		if !ok {
			fmt.Printf("%-17s no alliance\n", group)
			continue
		}
		at := g.At(120) // ten years after formation
		median := "none"
		if g.Median != nil {
			median = fmt.Sprint(*g.Median)
		}
		fmt.Printf("%-17s %2d alliances, %d ended; S(120) = %.2f [%.2f, %.2f]; median %s\n",
			g.Group, g.N, g.Events, at.S, at.Low, at.High, median)
	}
	// Output:
	// all               59 alliances, 6 ended; S(120) = 0.92 [0.82, 0.96]; median none
	// origin=indigenous 32 alliances, 0 ended; S(120) = 1.00 [0.88, 1.00]; median none
	// origin=bilateral  12 alliances, 6 ended; S(120) = 0.58 [0.32, 0.81]; median 136
	// origin=imposed     7 alliances, 0 ended; S(120) = 1.00 [0.65, 1.00]; median none
}

// A share of runs prints with its 95% Wilson interval and its counts.
func ExampleProportion() {
	fmt.Println(runner.NewProportion(99, 100))
	fmt.Println(runner.NewProportion(1, 1))
	fmt.Println(runner.NewProportion(0, 0))
	// Output:
	// 0.990 [0.946, 0.998] (99 of 100 runs)
	// 1.000 [0.207, 1.000] (1 of 1 run)
	// no runs
}

// The survival of alliances 20 years (240 monthly ticks) after they
// formed: of four lifetimes, one ended at 100 ticks and three were still
// in force at the horizon, two of them past 240.
func ExampleSurvivalCurve_At() {
	curve := runner.KaplanMeier([]runner.Observation{
		{Duration: 100, Event: true},
		{Duration: 180}, // censored: in force at the horizon
		{Duration: 300},
		{Duration: 420},
	})
	s := curve.At(240)
	fmt.Printf("S(240) = %.2f [%.2f, %.2f], %d of %d alliances reaching it\n", s.S, s.Low, s.High, s.AtRisk, s.N)
	fmt.Println("S(500) known:", curve.At(500).Valid)
	// Output:
	// S(240) = 0.75 [0.30, 0.95], 2 of 4 alliances reaching it
	// S(500) known: false
}
