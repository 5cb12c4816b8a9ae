package hypotheses

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// A tally gives the sample of the first n runs exactly: replications 0, 1
// and 2 value 1, 0 and 1 (the third refused: 2 is not a share), and each
// has one alliance, formed at 3 and ended at 10, 4 … 100 (the horizon)
// and 5 … 8.
func TestTallyFirstRuns(t *testing.T) {
	byRun := []float64{1, 0, 2}
	share := newTally(&Outcome{Kind: RunShare, Run: func(_ *Cell, r *runner.Record) (float64, bool) { return byRun[r.Run], true }}, nil, Cell{})
	life := newTally(&Outcome{Kind: Survival, At: 6, Alliance: func(*Cell, *runner.Record, *sim.AllianceRecord) (float64, bool) { return 0, true }}, nil, Cell{})
	spans := [][2]int{{3, 10}, {4, -1}, {5, 8}}
	for i, sp := range spans {
		r := &runner.Record{Run: i, Record: sim.Record{Seed: uint64(i + 1), Ticks: 100, Alliances: []sim.AllianceRecord{{Formed: sp[0], Ended: sp[1]}}}}
		share.add(r)
		life.add(r)
	}
	for n, want := range [][]float64{{}, {1}, {1, 0}} {
		s, err := share.first(n)
		if err != nil || len(s.Values) != len(want) || s.Kind != RunShare {
			t.Fatalf("first %d: %+v, %v; want the values %v", n, s, err, want)
		}
		for i := range want {
			if s.Values[i] != want[i] {
				t.Errorf("first %d: %v, want %v", n, s.Values, want)
			}
		}
	}
	if _, err := share.first(3); err == nil || !strings.Contains(err.Error(), "replication 2 (seed 3): Outcome.Run gave 2") {
		t.Errorf("first 3: %v, want replication 2's refusal", err)
	}
	s, err := life.first(3)
	want := []runner.Observation{{Duration: 7, Event: true}, {Duration: 96}, {Duration: 3, Event: true}}
	if err != nil || s.At != 6 || len(s.Lifetimes) != 3 {
		t.Fatalf("lifetimes: %+v, %v", s, err)
	}
	for i := range want {
		if s.Lifetimes[i] != want[i] {
			t.Errorf("lifetimes %v, want %v", s.Lifetimes, want)
		}
	}
	// a merged sample does not write into the tally
	two, _ := life.first(2)
	merged := two.Merge(Sample{Kind: Survival, Lifetimes: []runner.Observation{{Duration: 1}}})
	if s, _ := life.first(3); s.Lifetimes[2] != want[2] || len(merged.Lifetimes) != 3 {
		t.Errorf("after a merge the tally's third lifetime is %v, want %v", s.Lifetimes[2], want[2])
	}
	// nor does appending to a sample it gave: the first run's values [1]
	// grown by one leave the second run's 0 as it was, and the first two
	// runs' lifetimes grown by one the third run's {3, ended}
	vs, _ := share.first(1)
	_ = append(vs.Values, 7)
	if s, _ := share.first(2); s.Values[1] != 0 {
		t.Errorf("after an append to the first value the second is %v, want 0", s.Values[1])
	}
	_ = append(two.Lifetimes, runner.Observation{Duration: 99})
	if s, _ := life.first(3); s.Lifetimes[2] != want[2] {
		t.Errorf("after an append to the first two lifetimes the third is %v, want %v", s.Lifetimes[2], want[2])
	}
}

// A hypothesis conclusive at Runs never sees the runs made after them for
// another that shares its cells, even one its outcome would refuse.
func TestEscalationIgnoresRunsPastAConclusiveVerdict(t *testing.T) {
	refuseLate := func(_ *Cell, r *runner.Record) (float64, bool) {
		if r.Run >= 4 {
			return 2, true
		}
		return b2f(r.Ticks >= 24), true
	}
	hs := []Hypothesis{small("step", refuseLate), small("quarter", quarterRise)}
	res, err := Run(t.Context(), hs, Options{Runs: 4, MaxRuns: 256, Layouts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Runs != 4 || res[1].Runs != 32 {
		t.Errorf("runs %d and %d, want 4 and 32", res[0].Runs, res[1].Runs)
	}
}
