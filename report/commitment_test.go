package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// The curve of first commitments counts, at each tick, the runs of
// runs.csv whose first patron commitment came by then, of all runs; it
// ends at summary.json's share.
func TestCommitmentCurveCountsRuns(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, runs := readRunsOf(t, many)
	curve := commitmentCurve(runs)
	if len(curve) == 0 {
		t.Fatal("no patron committed in 60 runs of asia-1950")
	}
	for i, c := range curve {
		n := 0
		for _, r := range runs {
			if r.FirstCommitment >= 0 && r.FirstCommitment <= c.T {
				n++
			}
		}
		if c.Proportion != runner.NewProportion(n, len(runs)) || (i > 0 && c.T <= curve[i-1].T) {
			t.Fatalf("tick %d: %+v, runs.csv has %d of %d", c.T, c.Proportion, n, len(runs))
		}
	}
	if last := curve[len(curve)-1]; last.Proportion != in.Summary.FirstCommitment.Share {
		t.Fatalf("curve ends at %+v, summary says %+v", last.Proportion, in.Summary.FirstCommitment.Share)
	}
	// By hand: 4 runs, first commitments at 3, none, 3, 7.
	hand := commitmentCurve([]runRow{{FirstCommitment: 3}, {FirstCommitment: -1}, {FirstCommitment: 3}, {FirstCommitment: 7}})
	if len(hand) != 2 || hand[0].T != 3 || hand[0].Count != 2 || hand[1].T != 7 || hand[1].Count != 3 || hand[1].N != 4 {
		t.Fatalf("by hand: %+v", hand)
	}
}

// A median is named by its own month on a tick, and halfway between two
// ticks as between their months, not truncated to the first.
func TestCommitmentMedianCaption(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	for _, c := range []struct {
		runs         []runRow
		mean, median float64
		want         string
	}{
		{[]runRow{{FirstCommitment: 10}, {FirstCommitment: 11}}, 11, 10.5, "median 10.5 ticks after the start (between 1950-11 and 1950-12), mean 11.0"},
		{[]runRow{{FirstCommitment: 10}, {FirstCommitment: 10}}, 10, 10, "median 10 ticks after the start (1950-11), mean 10.0"},
	} {
		fc := runner.FirstCommitment{Share: runner.NewProportion(2, 2), Mean: &c.mean, Median: &c.median}
		f, err := commitmentFigure(c.runs, fc, cal, 24)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(f.Caption, c.want) {
			t.Errorf("caption %q lacks %q", f.Caption, c.want)
		}
	}
	// No commitment: no median, and no dashed line to point to.
	if f, err := commitmentFigure([]runRow{{FirstCommitment: -1}}, runner.FirstCommitment{Share: runner.NewProportion(0, 1)}, cal, 24); err != nil ||
		!strings.HasSuffix(f.Caption, "; no patron committed in any run.") {
		t.Errorf("caption without a commitment %q (%v)", f.Caption, err)
	}
	// Quarterly ticks are named as such.
	median, mean := 2.0, 2.5
	fc := runner.FirstCommitment{Share: runner.NewProportion(2, 2), Mean: &mean, Median: &median}
	f, err := commitmentFigure([]runRow{{FirstCommitment: 2}, {FirstCommitment: 3}}, fc, sim.Calendar{StartYear: 2000, StartMonth: 1, MonthsPerTick: 3}, 24)
	if want := "median 2 ticks of 3 months after the start (2000-07), mean 2.5 ticks of 3 months"; err != nil || !strings.Contains(f.Caption, want) {
		t.Errorf("quarterly caption %q lacks %q (%v)", f.Caption, want, err)
	}
}

// A first commitment at tick 0 counts from tick 0; the time axis puts a
// tick at its month's share of its year.
func TestCommitmentAtTickZeroAndDates(t *testing.T) {
	got := commitmentCurve([]runRow{{FirstCommitment: 0}, {FirstCommitment: -1}, {FirstCommitment: 2}})
	want := []commitmentPoint{{0, runner.NewProportion(1, 3)}, {2, runner.NewProportion(2, 3)}}
	if !slices.Equal(got, want) {
		t.Errorf("curve %+v, want %+v", got, want)
	}
	cal := sim.Calendar{StartYear: 1950, StartMonth: 11, MonthsPerTick: 3}
	for _, c := range []struct {
		tick float64
		year float64
	}{{0, 1950 + 10.0/12}, {1, 1951 + 1.0/12}, {2.5, 1951 + 5.5/12}} {
		if y := yearAt(cal, c.tick); math.Abs(y-c.year) > 1e-12 {
			t.Errorf("tick %v of quarters from 1950-11: %v, want %v", c.tick, y, c.year)
		}
	}
}

// The curve is drawn as steps from the start (share 0) through each first
// commitment to the horizon at its last share, and the median is a
// dashed line at its (fractional) date: by hand, 4 runs from 1950-01 by
// months, first commitments at ticks 6 and 18, a median of 10.5, a
// horizon of 24 (1952.0).
func TestCommitmentFigureDrawsTheSteps(t *testing.T) {
	mean, median := 12.0, 10.5
	fc := runner.FirstCommitment{Share: runner.NewProportion(2, 4), Mean: &mean, Median: &median}
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	f, err := commitmentFigure([]runRow{{FirstCommitment: 6}, {FirstCommitment: -1}, {FirstCommitment: 18}, {FirstCommitment: -1}}, fc, cal, 24)
	if err != nil {
		t.Fatal(err)
	}
	blue := svgPaths(t, f.SVG, "stroke:#0072B2")
	if len(blue) != 1 || len(blue[0]) != 7 {
		t.Fatalf("curve paths %v, want one of 7 points", blue)
	}
	c := blue[0]
	// Years 1950 and 1952 at the curve's ends, shares 0 and 0.5.
	px := func(year float64) float64 { return c[0][0] + (year-1950)/2*(c[6][0]-c[0][0]) }
	py := func(share float64) float64 { return c[0][1] + share/0.5*(c[6][1]-c[0][1]) }
	var want [][2]float64
	for _, q := range [][2]float64{{1950, 0}, {1950.5, 0}, {1950.5, 0.25}, {1951.5, 0.25}, {1951.5, 0.5}, {1952, 0.5}} {
		want = append(want, [2]float64{px(q[0]), py(q[1])})
	}
	if !samePoints(c[:6], want) || c[6][1] == c[0][1] {
		t.Errorf("curve %v, want %v then (1952, 0.5)", c, want)
	}
	dashed := svgPaths(t, f.SVG, "stroke:#777777", "stroke-dasharray")
	if x := px(1950 + 10.5/12); len(dashed) != 1 || len(dashed[0]) != 2 || math.Abs(dashed[0][0][0]-x) > 0.01 || math.Abs(dashed[0][1][0]-x) > 0.01 {
		t.Errorf("median line %v, want one at x %.3f", dashed, x)
	}
}

// Before any run's first commitment, and where none commits at all, the
// band is the Wilson interval of 0 runs of n, which reaches up (to 0.49
// of 4), not a band of no width at 0.
func TestCommitmentBandBeforeTheFirst(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	none := []runRow{{FirstCommitment: -1}, {FirstCommitment: -1}, {FirstCommitment: -1}, {FirstCommitment: -1}}
	f, err := commitmentFigure(none, runner.FirstCommitment{Share: runner.NewProportion(0, 4)}, cal, 24)
	if err != nil {
		t.Fatal(err)
	}
	band := svgPaths(t, f.SVG, "fill:#0071B1")
	curve := svgPaths(t, f.SVG, "stroke:#0072B2")
	if len(band) != 1 || len(curve) != 1 || len(curve[0]) < 2 {
		t.Fatalf("band %v, curve %v", band, curve)
	}
	// The band's top is the interval's high, above the curve at 0.
	top := math.Inf(-1)
	for _, q := range band[0] {
		top = math.Max(top, q[1]) // the backend's y grows upwards
	}
	if base := curve[0][0][1]; !(top > base+1) {
		t.Errorf("band %v has no height above the curve at y %.2f", band[0], base)
	}
	if high := runner.NewProportion(0, 4).High; math.Abs(high-0.490) > 0.001 {
		t.Errorf("Wilson high of 0 of 4 = %.4f, want 0.490", high)
	}
}
