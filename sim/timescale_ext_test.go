package sim_test

import (
	"context"
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// TestCompileOnTheTicksTimeScale: a quarterly scenario runs on the
// monthly rates and durations converted to its tick; a monthly one on
// them as written.
func TestCompileOnTheTicksTimeScale(t *testing.T) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	monthly, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	if sim.TickParams(monthly) != sc.Params {
		t.Errorf("a monthly scenario's parameters changed in Compile:\n got %+v\nwant %+v", sim.TickParams(monthly), sc.Params)
	}
	sc.Calendar.MonthsPerTick, sc.Ticks = 3, sc.Ticks/3
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	if c.Params() != sc.Params {
		t.Errorf("Params() = %+v, want the scenario's as written, %+v", c.Params(), sc.Params)
	}
	p := sim.TickParams(c)
	within(t, "memory_decay per quarter, 1 − 0.98³", p.MemoryDecay, 0.058808, 1e-13)
	within(t, "perception_lag per quarter, 1 − 0.8³", p.PerceptionLag, 0.488, 1e-13)
	for _, d := range []struct {
		name      string
		got, want int
	}{
		{"diplomacy_interval (1 month)", p.DiplomacyInterval, 1},
		{"retry_interval (12 months)", p.RetryInterval, 4},
		{"review_interval (12 months)", p.ReviewInterval, 4},
		{"entrapment_memory (24 months)", p.EntrapmentMemory, 8},
	} {
		if d.got != d.want {
			t.Errorf("%s = %d quarters, want %d", d.name, d.got, d.want)
		}
	}
	if p.ChallengeRate != sc.Params.ChallengeRate || p.ProvokeRate != sc.Params.ProvokeRate {
		t.Errorf("challenge and provoke rates converted in Compile (%v, %v); the crisis converts each whole chance", p.ChallengeRate, p.ProvokeRate)
	}
	for i := range sc.States {
		d := c.Decision(i)
		if d.Patience != 8 {
			t.Errorf("%s: patience = %v quarters, want 8 (24 months)", c.ID(i), d.Patience)
		}
		within(t, c.ID(i)+": reference adaptation per quarter, 1 − 0.99³", d.ReferenceAdaptation, 0.029701, 1e-13)
	}
}

// TestTickLengthKeepsThePace: the same twenty years of generic played
// monthly, quarterly and yearly see about as many challenges and
// alliances. Before rates and durations were converted to the tick, a
// yearly run saw a ninth of the monthly challenges (391 against 3,578
// over 200 runs) and two thirds of its alliances (407 against 593).
func TestTickLengthKeepsThePace(t *testing.T) {
	if testing.Short() {
		t.Skip("plays 3 × 60 runs")
	}
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	const runs = 60
	count := func(monthsPerTick int) (challenges, formed int) {
		sc := *sc
		sc.Calendar.MonthsPerTick, sc.Ticks = monthsPerTick, 240/monthsPerTick
		c, err := sim.Compile(&sc)
		if err != nil {
			t.Fatal(err)
		}
		obs := sim.ObserverFuncs{Event: func(_ *sim.World, e *sim.Event) {
			switch e.Type {
			case sim.EventChallenge:
				challenges++
			case sim.EventFormed:
				formed++
			}
		}}
		for seed := uint64(1); seed <= runs; seed++ {
			if _, err := sim.Run(context.Background(), c, seed, obs); err != nil {
				t.Fatal(err)
			}
		}
		return challenges, formed
	}
	mc, mf := count(1)
	for _, m := range []int{3, 12} {
		c, f := count(m)
		t.Logf("%2d months a tick: %d challenges, %d alliances formed (monthly: %d, %d)", m, c, f, mc, mf)
		for _, r := range []struct {
			what      string
			got, want int
		}{{"challenges", c, mc}, {"alliances formed", f, mf}} {
			if ratio := float64(r.got) / float64(r.want); ratio < 0.8 || ratio > 1.25 {
				t.Errorf("%d months a tick: %d %s against %d monthly (ratio %.2f); the pace should not depend on the tick by more than a fifth", m, r.got, r.what, r.want, ratio)
			}
		}
	}
}

func within(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) { // NaN fails too
		t.Errorf("%s = %.16g, want %.16g", what, got, want)
	}
}
