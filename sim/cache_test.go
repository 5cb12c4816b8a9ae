package sim_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// Every cache is exact: each built-in scenario, at its own review rule and
// at the every-tick rule, with a time series of every state's threat,
// reference point and domain at every tick, gives the same bytes with
// every cache turned off (sim.NoCache) as with them on, for several seeds.
func TestCachesOff(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	if testing.Short() {
		seeds = seeds[:1]
	}
	eachBuiltinAtBothRules(t, func(sc *sim.Scenario) { sc.Params.RecordEvery = 1 }, func(name string, everyTick bool, c *sim.Compiled) {
		for _, seed := range seeds {
			t.Run(fmt.Sprintf("%s/every-tick=%v/seed=%d", name, everyTick, seed), func(t *testing.T) {
				cached := resultJSON(t, sim.NewWorld(c, seed))
				w := sim.NewWorld(c, seed)
				sim.NoCache(w)
				fresh := resultJSON(t, w)
				if !bytes.Equal(cached, fresh) {
					t.Errorf("caches off changed the run:\n%s", firstDifference(cached, fresh))
				}
			})
		}
	})
}

// eachBuiltinAtBothRules compiles every built-in scenario, changed by
// edit (nil: as built), at its review rule and at the every-tick rule
// (review_threshold 0, review_interval 1), and calls f with each.
func eachBuiltinAtBothRules(t *testing.T, edit func(*sim.Scenario), f func(name string, everyTick bool, c *sim.Compiled)) {
	t.Helper()
	for _, name := range configs.BuiltinNames() {
		for _, everyTick := range []bool{false, true} {
			sc, err := configs.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			if edit != nil {
				edit(sc)
			}
			if everyTick {
				sc.Params.ReviewThreshold, sc.Params.ReviewInterval = 0, 1
			}
			c, err := sim.Compile(sc)
			if err != nil {
				t.Fatal(err)
			}
			f(name, everyTick, c)
		}
	}
}

func resultJSON(t *testing.T, w *sim.World) []byte {
	t.Helper()
	res, err := w.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// firstDifference shows where two byte strings first differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return fmt.Sprintf("at byte %d:\n  on:  …%s…\n  off: …%s…", i, a[lo:min(len(a), i+100)], b[lo:min(len(b), i+100)])
}

// Every row of raw readings rebaseline skips as current (cache.go) is the
// row reading it again gives, bit for bit, in every built-in at its review
// rule and at the every-tick rule: at the end of every tick and at every
// event, wherever in a tick it comes. TestCachesOff compares whole runs;
// this names the row and the moment a skipped row went stale, as a
// writer of an input of the readings that forgets to say so would make
// one.
func TestRawCurrentIsExactInTheBuiltins(t *testing.T) {
	seeds := []uint64{1, 2}
	if testing.Short() {
		seeds = seeds[:1]
	}
	eachBuiltinAtBothRules(t, nil, func(name string, everyTick bool, c *sim.Compiled) {
		current := 0
		for _, seed := range seeds {
			var failed error
			check := func(w *sim.World, when string) {
				cur, _, err := sim.RawRowsExact(w)
				current += cur
				if err != nil && failed == nil {
					failed = fmt.Errorf("%s, every-tick %v, seed %d, tick %d, %s: %w", name, everyTick, seed, w.Tick(), when, err)
				}
			}
			w := sim.NewWorld(c, seed, sim.ObserverFuncs{Event: func(w *sim.World, e *sim.Event) { check(w, e.Type.String()) }})
			for w.Step() {
				check(w, "end of tick")
			}
			if failed != nil {
				t.Fatal(failed)
			}
		}
		if current == 0 {
			t.Errorf("%s, every-tick %v: no row was taken as current, so nothing was checked", name, everyTick)
		}
	})
}
