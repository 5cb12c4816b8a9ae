package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

func TestCheckSummary(t *testing.T) {
	valid := func() *runner.Summary {
		return &runner.Summary{Runs: 10,
			Shares:   map[string]runner.Proportion{"bilateral": runner.NewProportion(3, 10)},
			Survival: []runner.GroupSurvival{{Group: "all", SurvivalCurve: runner.SurvivalCurve{Points: []runner.SurvivalPoint{{T: 12, AtRisk: 5, Events: 1, S: 0.8, Lower: 0.5, Upper: 0.95}}}}}}
	}
	if err := checkSummary(valid(), nil); err != nil {
		t.Fatalf("a valid summary refused: %v", err)
	}
	for _, c := range []struct {
		mutate func(*runner.Summary)
		want   string
	}{
		{func(s *runner.Summary) { s.Runs = 0 }, "runs is 0; allowed: at least 1"},
		{func(s *runner.Summary) { s.Shares["bilateral"] = runner.Proportion{Count: -1, N: 10} }, "shares.bilateral: count -1 of 10 runs"},
		{func(s *runner.Summary) {
			s.Shares["bilateral"] = runner.Proportion{Count: 11, N: 10, Share: 1, High: 1}
		}, "count 11 of 10 runs"},
		{func(s *runner.Summary) {
			s.Shares["bilateral"] = runner.Proportion{Count: 3, N: 10, Share: 1.3, High: 1}
		}, "share 1.3 in [0, 1]"},
		{func(s *runner.Summary) { s.Survival[0].Points[0].S = -0.1 }, "survival[0].points[0]: s -0.1"},
		{func(s *runner.Summary) { s.Survival[0].Points[0].T = -1 }, "survival[0].points[0].t is -1"},
	} {
		s := valid()
		c.mutate(s)
		if err := checkSummary(s, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want …%s…", err, c.want)
		}
	}
	bad := valid()
	bad.Runs = -2
	if err := checkSummary(valid(), []runner.PointSummary{{Point: 0, Summary: valid()}, {Point: 1, Summary: bad}}); err == nil || !strings.HasPrefix(err.Error(), "points[1].runs is -2") {
		t.Errorf("a sweep's point: %v", err)
	}
}

// summary.json must be the summary of the manifest's work: one copied
// from another run or sweep, or cut to a smaller valid document, is
// refused, as is a first commitment with a median but no mean (the
// report dereferenced the mean).
func TestSummaryOfManifest(t *testing.T) {
	many, _, sweep, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	m := in.Manifest
	fresh := func() *runner.Summary {
		again, err := Read(many)
		if err != nil {
			t.Fatal(err)
		}
		return again.Summary
	}
	for _, c := range []struct {
		name   string
		mutate func(*runner.Summary)
		want   string
	}{
		{"another seed", func(s *runner.Summary) { s.Seed = 50 }, "from seed 50; the manifest's work is 60 from seed 1"},
		{"fewer runs", func(s *runner.Summary) { s.Runs = 40 }, "runs 40 from seed 1; the manifest's work is 60"},
		{"another scenario", func(s *runner.Summary) { s.Scenario = "generic" }, `scenario is "generic", the manifest's "asia-1950"`},
		{"a share missing", func(s *runner.Summary) { delete(s.Shares, "patron_trilateral") }, "shares.patron_trilateral is missing"},
		{"a share over other runs", func(s *runner.Summary) { s.Shares["client_alliance"] = runner.NewProportion(1, 3) }, "shares.client_alliance is over 3 runs, the summary's 60"},
		{"median without mean", func(s *runner.Summary) { s.FirstCommitment.Mean = nil }, "first_commitment has a mean, a median and a count"},
		{"checkpoints moved", func(s *runner.Summary) { s.HubSpokes = s.HubSpokes[1:] }, "hub_spokes are at ticks"},
		{"a custom measure", func(s *runner.Summary) { s.Measures = []runner.MeasureSummary{{Name: "x"}} }, "measures are [x], the manifest's []"},
	} {
		s := fresh()
		c.mutate(s)
		if err := summaryOfManifest(m, s, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want …%s…", c.name, err, c.want)
		}
	}
	if err := summaryOfManifest(m, fresh(), nil); err != nil {
		t.Fatalf("the fixture's own summary: %v", err)
	}
	sw, err := Read(sweep)
	if err != nil {
		t.Fatal(err)
	}
	one := *sw.Sweep
	one.Points = one.Points[:1]
	if err := summaryOfManifest(sw.Manifest, sw.Summary, &one); err == nil || !strings.Contains(err.Error(), "1 point, the manifest's") {
		t.Errorf("a sweep's summary with one point of %d: %v", len(sw.Manifest.Points), err)
	}
	other := *sw.Sweep
	other.Vary = []string{"params.x"}
	if err := summaryOfManifest(sw.Manifest, sw.Summary, &other); err == nil || !strings.Contains(err.Error(), "vary is [params.x]") {
		t.Errorf("a sweep's summary of other paths: %v", err)
	}
	if err := summaryOfManifest(in.Manifest, sw.Summary, nil); err == nil {
		t.Error("a sweep's pooled summary accepted as a run's")
	}
	// The pooled summary's checkpoints are point 0's.
	if err := summaryOfManifest(sw.Manifest, sw.Summary, sw.Sweep); err != nil {
		t.Fatalf("the sweep fixture's own summary: %v", err)
	}
	pooled := *sw.Summary
	pooled.HubSpokes = pooled.HubSpokes[1:]
	if err := summaryOfManifest(sw.Manifest, &pooled, sw.Sweep); err == nil || !strings.Contains(err.Error(), "hub_spokes are at ticks") {
		t.Errorf("a sweep's pooled summary with a checkpoint missing: %v", err)
	}
}

// The counts of a survival point and the mean hub index at their edges:
// counts of 0 and a mean of 0 or 1 are accepted; a count of −1 (at risk,
// events or censored) and a mean past [0, 1] are refused, naming them.
func TestCheckSummaryAtItsEdges(t *testing.T) {
	mean := func(x float64) *float64 { return &x }
	valid := func() *runner.Summary {
		return &runner.Summary{Runs: 10,
			HubSpokes: []runner.HubSpokes{{Tick: 12, Mean: mean(0.5)}},
			Survival:  []runner.GroupSurvival{{Group: "all", SurvivalCurve: runner.SurvivalCurve{Points: []runner.SurvivalPoint{{T: 12, AtRisk: 5, Events: 1, S: 0.8, Lower: 0.5, Upper: 0.95}}}}}}
	}
	point := func(s *runner.Summary) *runner.SurvivalPoint { return &s.Survival[0].Points[0] }
	for _, ok := range []func(*runner.Summary){
		func(s *runner.Summary) { point(s).AtRisk, point(s).Events, point(s).Censored = 0, 0, 0 },
		func(s *runner.Summary) { s.HubSpokes[0].Mean = mean(0) },
		func(s *runner.Summary) { s.HubSpokes[0].Mean = mean(1) },
	} {
		s := valid()
		ok(s)
		if err := checkSummary(s, nil); err != nil {
			t.Errorf("an edge refused: %v", err)
		}
	}
	for _, c := range []struct {
		mutate func(*runner.Summary)
		want   string
	}{
		{func(s *runner.Summary) { point(s).AtRisk = -1 }, "survival[0].points[0]: at_risk -1, events 1, censored 0; allowed: counts ≥ 0"},
		{func(s *runner.Summary) { point(s).Events = -1 }, "survival[0].points[0]: at_risk 5, events -1, censored 0; allowed: counts ≥ 0"},
		{func(s *runner.Summary) { point(s).Censored = -1 }, "survival[0].points[0]: at_risk 5, events 1, censored -1; allowed: counts ≥ 0"},
		{func(s *runner.Summary) { s.HubSpokes[0].Mean = mean(1.5) }, "hub_spokes[0].mean is 1.5; allowed: a number in [0, 1]"},
		{func(s *runner.Summary) { s.HubSpokes[0].Mean = mean(-0.5) }, "hub_spokes[0].mean is -0.5; allowed: a number in [0, 1]"},
	} {
		s := valid()
		c.mutate(s)
		if err := checkSummary(s, nil); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}

// With several bad shares the error names the first in key order, the
// same one every time (it named one in a map's order before).
func TestCheckSummaryNamesTheFirstBadShareInKeyOrder(t *testing.T) {
	bad := runner.Proportion{Count: -1, N: 10}
	s := &runner.Summary{Runs: 10, Shares: map[string]runner.Proportion{"c": bad, "a": bad, "d": bad, "b": bad, "e": bad}}
	want := "shares.a: count -1 of 10 runs; allowed: 0 ≤ count ≤ runs"
	for range 20 {
		if err := checkSummary(s, nil); err == nil || err.Error() != want {
			t.Fatalf("got %v, want %q", err, want)
		}
	}
}

// Every proportion of summary.json is checked, and named: a shape's, the
// hub-and-spokes shares at a checkpoint, the first commitment's; each of
// share, low and high must be in [0, 1], and so must a survival point's
// s, lower and upper. A point of a sweep without a summary is refused,
// not dereferenced.
func TestCheckSummaryNamesEveryProportion(t *testing.T) {
	p := func(count, n int, share, low, high float64) runner.Proportion {
		return runner.Proportion{Count: count, N: n, Share: share, Low: low, High: high}
	}
	ok := p(2, 10, 0.2, 0.1, 0.5)
	valid := func() *runner.Summary {
		return &runner.Summary{Runs: 10,
			Shares:          map[string]runner.Proportion{"bilateral": ok},
			Shapes:          []runner.ShapeShare{{Members: []string{"a", "b"}, Share: ok}, {Members: []string{"a", "c"}, Share: ok}},
			HubSpokes:       []runner.HubSpokes{{Tick: 12, Share03: ok, Share06: ok}},
			FirstCommitment: runner.FirstCommitment{Share: ok},
			Survival:        []runner.GroupSurvival{{Group: "all", SurvivalCurve: runner.SurvivalCurve{Points: []runner.SurvivalPoint{{T: 12, AtRisk: 5, Events: 1, S: 0.8, Lower: 0.5, Upper: 0.95}}}}}}
	}
	if err := checkSummary(valid(), nil); err != nil {
		t.Fatalf("a valid summary refused: %v", err)
	}
	// A share of 0 in [0, x] and of 1 in [x, 1] are at the edges, not past them.
	edges := valid()
	edges.Shares["none"], edges.Shares["all"] = p(0, 10, 0, 0, 0.28), p(10, 10, 1, 0.72, 1)
	if err := checkSummary(edges, nil); err != nil {
		t.Errorf("shares of 0 and 1 refused: %v", err)
	}
	point := func(s *runner.Summary) *runner.SurvivalPoint { return &s.Survival[0].Points[0] }
	for _, c := range []struct {
		mutate func(*runner.Summary)
		want   string
	}{
		{func(s *runner.Summary) { s.Shapes[1].Share = p(11, 10, 1, 0.7, 1) }, "shapes[1].share: count 11 of 10 runs; allowed: 0 ≤ count ≤ runs"},
		{func(s *runner.Summary) { s.HubSpokes[0].Share03 = p(-1, 10, 0, 0, 0.3) }, "hub_spokes[0].share_le_0_3: count -1 of 10 runs; allowed: 0 ≤ count ≤ runs"},
		{func(s *runner.Summary) { s.HubSpokes[0].Share06 = p(2, 10, 0.2, 0.1, 1.5) }, "hub_spokes[0].share_ge_0_6: share 0.2 in [0.1, 1.5]; allowed: numbers in [0, 1]"},
		{func(s *runner.Summary) { s.FirstCommitment.Share = p(2, 10, 0.2, -0.1, 0.5) }, "first_commitment.share: share 0.2 in [-0.1, 0.5]; allowed: numbers in [0, 1]"},
		{func(s *runner.Summary) { s.Shares["bilateral"] = p(2, 10, 0.2, 0.1, 1.2) }, "shares.bilateral: share 0.2 in [0.1, 1.2]; allowed: numbers in [0, 1]"},
		{func(s *runner.Summary) { point(s).Lower = -0.2 }, "survival[0].points[0]: s 0.8, lower -0.2, upper 0.95; allowed: numbers in [0, 1]"},
		{func(s *runner.Summary) { point(s).Upper = 1.25 }, "survival[0].points[0]: s 0.8, lower 0.5, upper 1.25; allowed: numbers in [0, 1]"},
	} {
		s := valid()
		c.mutate(s)
		if err := checkSummary(s, nil); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
	if err := checkSummary(valid(), []runner.PointSummary{{Point: 0, Summary: valid()}, {Point: 1}}); err == nil || err.Error() != "points[1] has no summary" {
		t.Errorf("a sweep's point without a summary: %v", err)
	}
}

// The first commitment's mean and median are both numbers when some run
// had one (a count above 0) and both null when none did; any other mix is
// refused. A sweep's points are checked in order, each against its own
// checkpoints in the manifest.
func TestSummaryOfManifestFirstCommitmentAndPoints(t *testing.T) {
	many, _, sweep, _ := fixtures(t)
	x := 3.0
	for _, c := range []struct {
		name         string
		mean, median *float64
		count        int
	}{
		{"a mean without a median", &x, nil, 60},
		{"both null with a count", nil, nil, 60},
		{"both numbers with a count of 0", &x, &x, 0},
	} {
		in, err := Read(many)
		if err != nil {
			t.Fatal(err)
		}
		fc := &in.Summary.FirstCommitment
		fc.Mean, fc.Median, fc.Share = c.mean, c.median, runner.NewProportion(c.count, 60)
		want := fmt.Sprintf("first_commitment has a mean, a median and a count of %d that do not go together; allowed: both null with a count of 0, or both numbers", c.count)
		if err := summaryOfManifest(in.Manifest, in.Summary, nil); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", c.name, err, want)
		}
	}
	sw, err := Read(sweep)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Sweep.Points) < 2 {
		t.Fatalf("the sweep fixture has %d points", len(sw.Sweep.Points))
	}
	swapped := *sw.Sweep
	swapped.Points = slices.Clone(sw.Sweep.Points)
	swapped.Points[0], swapped.Points[1] = swapped.Points[1], swapped.Points[0]
	if err := summaryOfManifest(sw.Manifest, sw.Summary, &swapped); err == nil || err.Error() != "points[0].point is 1; allowed: 0, the points in order" {
		t.Errorf("points out of order: %v", err)
	}
	// Point 1's checkpoints are point 1's: the manifest gives it one, at 0.
	sw.Manifest.Points[1].HubTicks = []int{0}
	want := fmt.Sprintf("points[1].hub_spokes are at ticks %v, the manifest's [0]: not the summary of this work", sw.Manifest.Points[0].HubTicks)
	if err := summaryOfManifest(sw.Manifest, sw.Summary, sw.Sweep); err == nil || err.Error() != want {
		t.Errorf("a point with its own checkpoints: %v, want %q", err, want)
	}
}
