package targets

import (
	"fmt"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

func TestEvaluate(t *testing.T) {
	tg := Target{ID: "X", Threshold: 0.5, Test: func(r *runner.Record, _ sim.Calendar) (bool, bool) {
		return r.Run%2 == 0, r.Run%4 == 0
	}}
	var rs []runner.Record
	for i := range 8 {
		rs = append(rs, runner.Record{Run: i})
	}
	res := Evaluate([]Target{tg}, rs, europeCal)[0]
	// counted: runs 0, 2, 4, 6; met: 0, 4
	if res.Share.Count != 2 || res.Share.N != 4 || res.Share.Share != 0.5 || !res.Met {
		t.Errorf("evaluated %+v", res)
	}
	if res := Evaluate([]Target{tg}, nil, europeCal)[0]; res.Met {
		t.Error("a target that counted no run is not met")
	}
	if got := Scenarios(); !slices.Equal(got, []string{"europe-1947", "asia-1950"}) {
		t.Errorf("scenarios %v", got)
	}
	if n := len(For("europe-1947")) + len(For("asia-1950")); n != 14 || len(All) != 14 {
		t.Errorf("%d targets", n)
	}
}

// A target with an Extra requirement is met only if that holds too, over
// all the runs, and carries its note.
func TestEvaluateExtra(t *testing.T) {
	always := func(*runner.Record, sim.Calendar) (bool, bool) { return true, true }
	rs := make([]runner.Record, 3)
	for _, c := range []struct {
		extraOK, met bool
	}{{true, true}, {false, false}} {
		tg := Target{ID: "X", Threshold: 1, Test: always, Extra: func(got []runner.Record, _ sim.Calendar) (bool, string) {
			return c.extraOK, fmt.Sprintf("%d runs", len(got))
		}}
		res := Evaluate([]Target{tg}, rs, asiaCal)[0]
		if res.Met != c.met || res.Note != "3 runs" || res.Share.Share != 1 {
			t.Errorf("extra %v: met %v, note %q, share %v; want met %v, note \"3 runs\", share 1", c.extraOK, res.Met, res.Note, res.Share.Share, c.met)
		}
	}
}

// A target that counted no run is not met, even with a threshold of 0.
func TestEvaluateNothingCounted(t *testing.T) {
	never := Target{ID: "X", Threshold: 0, Test: func(*runner.Record, sim.Calendar) (bool, bool) { return false, false }}
	if res := Evaluate([]Target{never}, make([]runner.Record, 3), europeCal)[0]; res.Met || res.Share.N != 0 {
		t.Errorf("nothing counted: %+v, want not met over 0 runs", res)
	}
}
