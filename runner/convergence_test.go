package runner

import (
	"math"
	"testing"
)

func TestCohesionBin(t *testing.T) {
	for _, c := range []struct {
		h    float64
		want int
	}{
		{0.9724, 972}, {0.972, 972}, {0.9999, 999}, {1, 1000}, {0, 0},
		{-0.1, 0}, {math.NaN(), 0}, {1.5, 1000},
	} {
		if got := cohesionBin(c.h); got != c.want {
			t.Errorf("cohesionBin(%v) = %d, want %d", c.h, got, c.want)
		}
	}
}

// Four alliances with cohesion 0.9001, 0.95, 0.9509 and 0.99: the median,
// the second from the least convergent, is in the bin [0.950, 0.951), so
// the split is at 0.950: one alliance below it, three at or above.
func TestCohesionSplitByHand(t *testing.T) {
	byBin := map[int]*Lifetimes{}
	add := func(h, duration float64, ended bool) {
		b := cohesionBin(h)
		if byBin[b] == nil {
			byBin[b] = &Lifetimes{}
		}
		byBin[b].Add(Observation{Duration: duration, Event: ended})
	}
	add(0.9001, 10, true)
	add(0.95, 20, true)
	add(0.9509, 30, false)
	add(0.99, 40, false)
	got := CohesionSplit(byBin)
	if len(got) != 2 {
		t.Fatalf("%d groups, want 2: %+v", len(got), got)
	}
	lower, upper := got[0], got[1]
	if lower.Group != "cohesion<0.950" || upper.Group != "cohesion>=0.950" {
		t.Fatalf("groups %q and %q, want cohesion<0.950 and cohesion>=0.950", lower.Group, upper.Group)
	}
	if lower.N != 1 || lower.Events != 1 || upper.N != 3 || upper.Events != 1 {
		t.Errorf("lower n %d ended %d, upper n %d ended %d; want 1 1 and 3 1", lower.N, lower.Events, upper.N, upper.Events)
	}
	// the upper half: 3 at risk, one ends at 20: S = 2/3 from then on
	if s := upper.Points[0].S; upper.Points[0].T != 20 || math.Abs(s-2.0/3) > 1e-15 {
		t.Errorf("upper half's first point %+v, want S(20) = 2/3", upper.Points[0])
	}
}

// Alliances that all signed with the same convergence have no lower
// half; without alliances there is no split at all.
func TestCohesionSplitDegenerate(t *testing.T) {
	one := &Lifetimes{}
	one.Add(Observation{Duration: 5, Event: false})
	one.Add(Observation{Duration: 7, Event: true})
	got := CohesionSplit(map[int]*Lifetimes{972: one})
	if len(got) != 1 || got[0].Group != "cohesion>=0.972" || got[0].N != 2 {
		t.Errorf("one bin: %+v, want only cohesion>=0.972 with 2 alliances", got)
	}
	if got := CohesionSplit(map[int]*Lifetimes{}); got != nil {
		t.Errorf("no alliances: %+v, want no groups", got)
	}
}

func TestLifetimesMerge(t *testing.T) {
	var a, b Lifetimes
	a.Add(Observation{Duration: 3, Event: true})
	b.Add(Observation{Duration: 3, Event: false})
	b.Add(Observation{Duration: 4, Event: true})
	a.merge(&b)
	if a.n != 3 || *a.counts[3] != [2]int{1, 1} || *a.counts[4] != [2]int{1, 0} {
		t.Errorf("merged: n %d, counts at 3 %v, at 4 %v", a.n, *a.counts[3], *a.counts[4])
	}
}
