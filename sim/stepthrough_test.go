package sim

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// StepThrough leaves the world as Step by Step does, with Tick one past
// the tick asked; it refuses a tick outside the run or already played,
// stops on a cancelled context, and returns, named, the error of a run
// that computed a non-finite value, where a loop on Tick alone would
// never end (Step does nothing once the world has stopped).
func TestStepThrough(t *testing.T) {
	c := mustCompile(t, finiteScenario())
	w, byStep := NewWorld(c, 5), NewWorld(c, 5)
	if err := w.StepThrough(context.Background(), 9); err != nil {
		t.Fatal(err)
	}
	for range 10 {
		byStep.Step()
	}
	if w.Tick() != 10 || !reflect.DeepEqual(w.threat, byStep.threat) || !reflect.DeepEqual(w.alliances, byStep.alliances) || !reflect.DeepEqual(w.events, byStep.events) {
		t.Errorf("through tick 9: tick %d, want 10, and the threats, alliances and events of ten Steps", w.Tick())
	}
	if err := w.StepThrough(context.Background(), 9); err != nil {
		t.Errorf("tick 9 again, just played: %v", err)
	}
	for _, c := range []struct {
		tick int
		want string
	}{
		{-1, "finite: tick -1 (1949-12) is outside the run; allowed: 0 (1950-01) to 23 (1951-12)"},
		{24, "finite: tick 24 (1952-01) is outside the run; allowed: 0 (1950-01) to 23 (1951-12)"},
		{8, "finite: tick 8 (1950-09) is already played; allowed: 9 (1950-10) or later, or a new World"},
	} {
		if err := w.StepThrough(context.Background(), c.tick); err == nil || err.Error() != c.want {
			t.Errorf("tick %d: %v, want %q", c.tick, err, c.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := NewWorld(c, 5).StepThrough(ctx, 23); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	c.p.WeightProximity, c.p.WeightOffence = 1.7e308, 1.7e308
	c.invWeights = 1 / (c.p.WeightPower + c.p.WeightProximity + c.p.WeightOffence)
	if err := NewWorld(c, 3).StepThrough(context.Background(), 23); err == nil || !strings.Contains(err.Error(), "is NaN") || !strings.Contains(err.Error(), "seed 3") {
		t.Errorf("a run stopped on a non-finite threat: %v, want its error", err)
	}
}
