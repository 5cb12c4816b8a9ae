package report

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
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
	// Summed distances, by hand: run 0 1+3+1 = 5, run 1 1+2+0 = 3, run 2
	// 3+2+2 = 7, run 3 1+0+2 = 3. Runs 1 and 3 tie on distance (3); the
	// median first commitment (of 5, 9 and 6) is 6, run 3's.
	for run, want := range []int{5, 3, 7, 3} {
		if got := summedDistance(hand, hand[run]); got != want {
			t.Errorf("run %d: summed distance %d, want %d", run, got, want)
		}
	}
	if m, ok := medianRun(hand); !ok || m.Run != 3 {
		t.Fatalf("median run %d, want 3", m.Run)
	}
	// The distance decides before the first commitment does: run 2 is
	// at the median commitment (15 of 10, 15 and 20) but differs from
	// both others on both indicators (distance 4, against 2 for runs 0
	// and 1, which tie on their gap, 5: the lower run).
	apart := []runRow{
		{Run: 0, Happened: []bool{true, true}, FirstCommitment: 10},
		{Run: 1, Happened: []bool{true, true}, FirstCommitment: 20},
		{Run: 2, Happened: []bool{false, false}, FirstCommitment: 15},
	}
	if m, _ := medianRun(apart); m.Run != 0 {
		t.Errorf("median run %d, want 0: the nearest to the others, not to the median commitment", m.Run)
	}
	many, _, _, _ := fixtures(t)
	runs, err := readRuns(many+"/runs.csv", 0, mustManifest(t, many))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := medianRun(runs)
	dist := func(a runRow) int { return summedDistance(runs, a) }
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

// The tie-break reads the median first commitment as summary.json gives
// it, the mean of the two middle ones for an even count: with 4, 10, 11
// and 30 it is 10.5, so of the two runs equal on their indicators the one
// at 11 is nearer than the one at 4 (the lower middle, 10, picked run 2).
func TestMedianRunTieBreakUsesTheMedian(t *testing.T) {
	same := []bool{true, false}
	hand := []runRow{
		{Run: 0, Happened: same, FirstCommitment: 4},
		{Run: 1, Happened: same, FirstCommitment: 11},
		{Run: 2, Happened: []bool{false, true}, FirstCommitment: 10},
		{Run: 3, Happened: []bool{false, true}, FirstCommitment: 30},
	}
	// Distances: every run differs from the two of the other pattern on
	// both indicators, 4 each: a four-way tie, broken by |first − 10.5|:
	// run 2 (0.5) and run 1 (0.5) tie, then the lowest run, 1.
	if m, ok := medianRun(hand); !ok || m.Run != 1 {
		t.Fatalf("median run %d, want 1", m.Run)
	}
}

// summedDistance is the summed Hamming distance of a's indicators to
// those of every run of runs.
func summedDistance(runs []runRow, a runRow) int {
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

func mustManifest(t *testing.T, dir string) *runner.Manifest {
	t.Helper()
	m, err := runner.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A run without a patron commitment is farthest from the median one, and
// a commitment at tick 0 is one: of runs tied on their indicators, run 3
// (at 6, the median of 5, 6 and 20) beats run 0 (none); with 0, 3, 4 and
// 9 the median is 3.5, and run 1 (at 3) is nearest, not run 0 (at 0,
// before it) nor run 2 (at 4, nearest 4 were tick 0 no commitment).
func TestMedianRunTieBreakAtItsEdges(t *testing.T) {
	a, b := []bool{true, false}, []bool{false, true}
	for _, c := range []struct {
		firsts []int
		want   int
	}{{[]int{-1, 20, 5, 6}, 3}, {[]int{0, 3, 4, 9}, 1}} {
		runs := []runRow{{Run: 0, Happened: a}, {Run: 1, Happened: a}, {Run: 2, Happened: b}, {Run: 3, Happened: b}}
		for i := range runs {
			runs[i].FirstCommitment = c.firsts[i]
		}
		if m, ok := medianRun(runs); !ok || m.Run != c.want {
			t.Errorf("first commitments %v: median run %d, want %d", c.firsts, m.Run, c.want)
		}
	}
}
