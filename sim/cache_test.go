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
	for _, name := range configs.BuiltinNames() {
		for _, everyTick := range []bool{false, true} {
			sc, err := configs.Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			sc.Params.RecordEvery = 1
			if everyTick {
				sc.Params.ReviewThreshold, sc.Params.ReviewInterval = 0, 1
			}
			c, err := sim.Compile(sc)
			if err != nil {
				t.Fatal(err)
			}
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
