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

// lifetimesByBin counts alliances of the given cohesions, each lasting
// 10 ticks and ending.
func lifetimesByBin(hs ...float64) map[int]*Lifetimes {
	byBin := map[int]*Lifetimes{}
	for _, h := range hs {
		b := cohesionBin(h)
		if byBin[b] == nil {
			byBin[b] = &Lifetimes{}
		}
		byBin[b].Add(Observation{Duration: 10, Event: true})
	}
	return byBin
}

// The median is the (⌊n/2⌋+1)-th alliance from the least convergent; the
// halves divide at the lower edge of its bin.
func TestCohesionSplitAtTheUpperMedian(t *testing.T) {
	for _, c := range []struct {
		name      string
		hs        []float64
		low, high int
		m         float64
	}{
		// 2nd of 2 is 0.95: one each side
		{"two", []float64{0.90, 0.95}, 1, 1, 0.95},
		// 3rd of 4 is 0.95: two each side, ties within a bin kept together
		{"two pairs", []float64{0.90, 0.90, 0.95, 0.95}, 2, 2, 0.95},
		// 3rd of 4 is 0.9509, in the bin [0.950, 0.951) with 0.95
		{"a shared bin", []float64{0.9001, 0.95, 0.9509, 0.99}, 1, 3, 0.95},
		// 2nd of 3 is 0.95
		{"three", []float64{0.90, 0.95, 0.99}, 1, 2, 0.95},
		// all in one bin: no low half
		{"one bin", []float64{0.9721, 0.9725}, 0, 2, 0.972},
	} {
		got := cohesionSplit(lifetimesByBin(c.hs...))
		low, high := 0, 0
		for _, g := range got {
			if g.Split == nil || !(math.Abs(*g.Split-c.m) <= 1e-12) {
				t.Errorf("%s: %s split at %v, want %v", c.name, g.Group, g.Split, c.m)
			}
			switch g.Group {
			case "cohesion=low":
				low = g.N
			case "cohesion=high":
				high = g.N
			default:
				t.Errorf("%s: group %q", c.name, g.Group)
			}
		}
		if low != c.low || high != c.high {
			t.Errorf("%s: %d low, %d high; want %d and %d", c.name, low, high, c.low, c.high)
		}
		if c.low == 0 && len(got) != 1 {
			t.Errorf("%s: %d groups, want only the high half", c.name, len(got))
		}
	}
	if got := cohesionSplit(map[int]*Lifetimes{}); got != nil {
		t.Errorf("no alliances: %+v, want no groups", got)
	}
}

// Each half's curve is the Kaplan–Meier estimate of its own alliances:
// in the high half of {0.90 ends at 10; 0.95 ends at 20; 0.99 censored at
// 40}, two at risk and one ending at 20 give S(20) = 1/2.
func TestCohesionSplitCurves(t *testing.T) {
	byBin := map[int]*Lifetimes{}
	add := func(h, duration float64, ended bool) {
		b := cohesionBin(h)
		if byBin[b] == nil {
			byBin[b] = &Lifetimes{}
		}
		byBin[b].Add(Observation{Duration: duration, Event: ended})
	}
	add(0.90, 10, true)
	add(0.95, 20, true)
	add(0.99, 40, false)
	got := cohesionSplit(byBin)
	if len(got) != 2 {
		t.Fatalf("%d groups, want 2", len(got))
	}
	low, high := got[0], got[1]
	if low.N != 1 || low.Events != 1 || low.Points[0].T != 10 || low.Points[0].S != 0 {
		t.Errorf("low half %+v, want the one alliance ending at 10", low)
	}
	if high.N != 2 || high.Events != 1 || high.Points[0].T != 20 || high.Points[0].S != 0.5 {
		t.Errorf("high half %+v, want S(20) = 1/2 of 2", high)
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
	if b.n != 2 || *b.counts[3] != [2]int{0, 1} || *b.counts[4] != [2]int{1, 0} {
		t.Errorf("merging changed its source: n %d, counts at 3 %v, at 4 %v", b.n, *b.counts[3], *b.counts[4])
	}
}
