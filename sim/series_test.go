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
