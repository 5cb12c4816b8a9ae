package sim

import (
	"slices"
	"testing"
)

// Taking a sample allocates nothing once the first has reserved the run's
// room, and every sample holds the values of its own tick, untouched by
// later ones.
func TestRecordAllocatesOnlyAtTheFirstSample(t *testing.T) {
	sc := testScenario()
	sc.Params.RecordEvery = 1
	c, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorld(c, 1)
	var threats [][]float64
	var members [][][]int
	for w.Step() {
		threats = append(threats, slices.Clone(w.threat))
		var ms [][]int
		for i := range c.n {
			var ids []int
			for a := range w.alliances {
				if al := &w.alliances[a]; al.Active() && al.Members.Has(i) {
					ids = append(ids, al.ID)
				}
			}
			ms = append(ms, ids)
		}
		members = append(members, ms)
		if w.tick == 10 {
			break
		}
	}
	series := w.Series()
	if len(series) != 10 {
		t.Fatalf("%d samples after 10 ticks", len(series))
	}
	for k, s := range series {
		if s.Tick != k || !slices.Equal(s.Threat, threats[k]) || len(s.Reference) != c.n || len(s.Losses) != c.n {
			t.Fatalf("sample %d = %+v; threat then %v", k, s, threats[k])
		}
		for i := range c.n {
			if !slices.Equal(s.Alliances[i], members[k][i]) {
				t.Fatalf("sample %d state %d in alliances %v, want %v", k, i, s.Alliances[i], members[k][i])
			}
		}
	}
	// Within the reserved room (the run has 120 ticks) a sample allocates
	// nothing; record is called at the same tick here, which only repeats
	// the sample.
	if allocs := testing.AllocsPerRun(50, w.record); allocs != 0 {
		t.Fatalf("record allocates %.1f times per sample in steady state", allocs)
	}
}

// A sample marks each state alive or eliminated (Sample.Alive): c1 is
// eliminated after tick 3's sample, so it is alive in samples 0 … 3 and
// not from sample 4 on, where its threat is 0 and it is in no alliance;
// every other state stays alive. Alive and Losses share a backing array
// and must not overlap.
func TestSampleMarksAnEliminatedState(t *testing.T) {
	sc := testScenario()
	sc.Params.RecordEvery = 1
	w := NewWorld(mustCompile(t, sc), 1)
	for w.Step() && w.tick < 8 {
		if w.tick == 4 {
			w.eliminate(c1)
		}
	}
	series := w.Series()
	if len(series) != 8 {
		t.Fatalf("%d samples after 8 ticks", len(series))
	}
	for k, s := range series {
		if len(s.Alive) != w.c.n {
			t.Fatalf("sample %d: %d alive flags for %d states", k, len(s.Alive), w.c.n)
		}
		for i, alive := range s.Alive {
			if want := i != c1 || k < 4; alive != want {
				t.Errorf("sample %d: state %d alive %v, want %v", k, i, alive, want)
			}
		}
		if k >= 4 && (s.Threat[c1] != 0 || len(s.Alliances[c1]) != 0) {
			t.Errorf("sample %d: eliminated c1 has threat %v and alliances %v; want 0 and none", k, s.Threat[c1], s.Alliances[c1])
		}
		if k > 0 && &s.Alive[0] == &series[k-1].Alive[0] || &s.Alive[0] == &s.Losses[0] {
			t.Fatalf("sample %d: alive flags share memory with another sample's or its losses", k)
		}
	}
}
