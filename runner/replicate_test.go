package runner

import (
	"context"
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
