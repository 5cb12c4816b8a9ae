package runner

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
)

// panicky is a patron strategy that panics in one replication's world:
// the embedding program must get an error naming the replication and its
// seed, not die (a panic in a worker goroutine used to kill the process).
type panicky struct{ agents.AssuranceStrategy }

func (panicky) Admit(v agents.PatronView, o agents.Option) bool {
	if v.Tick() == 3 {
		panic("strategy bug")
	}
	return agents.AssuranceStrategy{}.Admit(v, o)
}

func TestWorkerPanicIsAnError(t *testing.T) {
	agents.RegisterStrategy("test-panicky", panicky{})
	c := compile(t, "generic", func(sc *sim.Scenario) {
		short(sc)
		sc.Decision.Strategy = "test-panicky"
		for i := range sc.States {
			delete(sc.States[i].Decision, "strategy")
		}
	})
	_, err := MonteCarlo(context.Background(), c, Options{Runs: 20, Seed: 7, Workers: 4})
	if err == nil || !strings.Contains(err.Error(), "replication ") || !strings.Contains(err.Error(), "(seed ") || !strings.Contains(err.Error(), "panic: strategy bug") {
		t.Fatalf("want an error naming the replication, got %v", err)
	}
	first := err.Error()[:strings.Index(err.Error(), ": panic")]
	p := newPlan(t, c.Scenario(), 20, 7)
	err = Execute(context.Background(), p, filepath.Join(t.TempDir(), "d"), ExecOptions{Workers: 4})
	if err == nil || !strings.Contains(err.Error(), "panic: strategy bug") || !strings.HasPrefix(err.Error(), "point 0, replication ") {
		t.Fatalf("Execute: want an error naming the replication, got %v (MonteCarlo said %s)", err, first)
	}
}

// A replication reports what each caller runs it for: every run's record
// in run order and its progress, with MonteCarlo; a cancellation as the
// context's own error, not one of a replication; a measure of −Inf
// refused as +Inf is.
func TestReplicationsReported(t *testing.T) {
	c := compile(t, "generic", short)
	var records, progress []string
	_, err := MonteCarlo(context.Background(), c, Options{Runs: 3, Seed: 7, Point: 2, Workers: 2,
		OnRecord: func(r *Record) { records = append(records, fmt.Sprintf("%d/%d/%d", r.Point, r.Run, r.Seed)) },
		Progress: func(done, total int) { progress = append(progress, fmt.Sprintf("%d/%d", done, total)) }})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(records, " "); got != "2/0/7 2/1/8 2/2/9" {
		t.Errorf("records (point/run/seed) %s, want 2/0/7 2/1/8 2/2/9", got)
	}
	if got := strings.Join(progress, " "); got != "1/3 2/3 3/3" {
		t.Errorf("progress %s, want 1/3 2/3 3/3", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := (probes{}).replicate(ctx, c, 0, 0, 1); err != context.Canceled {
		t.Errorf("a cancelled replication: %v, want context.Canceled itself", err)
	}
	down := Measure{Name: "down", Of: func(*Replication) float64 { return math.Inf(-1) }}
	_, _, err = (probes{measures: []Measure{down}}).replicate(context.Background(), c, 0, 4, 5)
	if want := `point 0, replication 4 (seed 5): measure "down" gave -Inf; allowed: a finite number, or NaN for no value`; err == nil || err.Error() != want {
		t.Errorf("a measure of -Inf:\n got %v\nwant %s", err, want)
	}
}
