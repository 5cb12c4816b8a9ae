package runner

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Sweep takes runs, seed, point and checkpoints from the plan, and refuses
// Options that set any; it reports progress over all points' runs, and a
// grid's points have no unit coordinates.
func TestSweepOptionsAndProgress(t *testing.T) {
	ctx := context.Background()
	const want = "runner: Sweep takes runs, seed and points from the plan; allowed: Options without Runs, Seed, Point and HubTicks (set the experiment's Runs and Seed instead)"
	for _, o := range []Options{{Runs: 3}, {Seed: 2}, {Point: 1}, {HubTicks: []int{0}}} {
		if _, err := Sweep(ctx, plan(t), o); err == nil || err.Error() != want {
			t.Errorf("%+v: %v", o, err)
		}
	}
	var progress []string
	res, err := Sweep(ctx, plan(t), Options{Workers: 2, Progress: func(done, total int) { progress = append(progress, fmt.Sprintf("%d/%d", done, total)) }})
	if err != nil {
		t.Fatal(err)
	}
	var wantProgress []string
	for i := 1; i <= 24; i++ {
		wantProgress = append(wantProgress, fmt.Sprintf("%d/24", i))
	}
	if got := strings.Join(progress, " "); got != strings.Join(wantProgress, " ") {
		t.Errorf("progress %s", got)
	}
	if res.Unit != nil || res.Runs != 12 || res.Seed != 5 || len(res.Points) != 2 {
		t.Errorf("a sweep without a drawn design: unit %v, %d runs from seed %d, %d points", res.Unit, res.Runs, res.Seed, len(res.Points))
	}
}
