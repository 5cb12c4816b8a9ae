package report

import (
	"math"
	"testing"
)

// The median run minimises the summed Hamming distance to all runs, as a
// brute-force search over runs.csv confirms; by hand, the run that agrees
// with the majority on every indicator wins.
func TestMedianRunIsTheMedoid(t *testing.T) {
	hand := []runRow{
		{Run: 0, Happened: []bool{true, true, false}, FirstCommitment: 5},
		{Run: 1, Happened: []bool{true, false, false}, FirstCommitment: 9},
		{Run: 2, Happened: []bool{false, false, true}, FirstCommitment: -1},
		{Run: 3, Happened: []bool{true, false, false}, FirstCommitment: 6},
	}
	// Runs 1 and 3 tie on distance (4); the median first commitment is 6.
	if m, ok := medianRun(hand); !ok || m.Run != 3 {
		t.Fatalf("median run %d, want 3", m.Run)
	}
	many, _, _, _ := fixtures(t)
	runs, err := readRuns(many+"/runs.csv", 0)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := medianRun(runs)
	dist := func(a runRow) int {
		d := 0
		for _, b := range runs {
			for k := range a.Happened {
				if a.Happened[k] != b.Happened[k] {
					d++
				}
			}
		}
		return d
	}
	best := math.MaxInt
	for _, r := range runs {
		best = min(best, dist(r))
	}
	if dist(m) != best {
		t.Fatalf("run %d has summed distance %d; the least is %d", m.Run, dist(m), best)
	}
	if _, ok := medianRun(nil); ok {
		t.Fatal("no runs, no median")
	}
}
