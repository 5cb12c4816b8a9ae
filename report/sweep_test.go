package report

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// A response pools the points with the same value of the parameter:
// counts and runs add; numeric values come sorted. With one varied path
// each level is one point, equal to points.csv's shares.
func TestSweepResponsePoolsPoints(t *testing.T) {
	_, _, sweep, _ := fixtures(t)
	in, err := Read(sweep)
	if err != nil {
		t.Fatal(err)
	}
	path := in.Sweep.Vary[0]
	levels, numeric := sweepResponse(in.Sweep, path)
	if !numeric || len(levels) != len(in.Sweep.Points) {
		t.Fatalf("%d levels (numeric %v) for %d points", len(levels), numeric, len(in.Sweep.Points))
	}
	for i, l := range levels {
		pt := in.Sweep.Points[i]
		if l.X != pt.Values[path].(float64) {
			t.Fatalf("level %d at %v, point at %v", i, l.X, pt.Values[path])
		}
		for _, k := range runner.ShareKeys() {
			if l.Shares[k] != pt.Shares[k] {
				t.Fatalf("level %d %s: %+v, point %+v", i, k, l.Shares[k], pt.Shares[k])
			}
		}
	}
	// Two paths: pooling over the second adds counts.
	s := &runner.SweepSummary{Vary: []string{"a", "b"}, Points: []runner.PointSummary{
		{Values: map[string]any{"a": 2.0, "b": "x"}, Summary: &runner.Summary{Shares: map[string]runner.Proportion{"k": runner.NewProportion(1, 10)}}},
		{Values: map[string]any{"a": 1.0, "b": "y"}, Summary: &runner.Summary{Shares: map[string]runner.Proportion{"k": runner.NewProportion(2, 10)}}},
		{Values: map[string]any{"a": 2.0, "b": "y"}, Summary: &runner.Summary{Shares: map[string]runner.Proportion{"k": runner.NewProportion(5, 10)}}},
	}}
	a, numeric := sweepResponse(s, "a")
	if !numeric || len(a) != 2 || a[0].X != 1 || a[1].Shares["k"] != runner.NewProportion(6, 20) {
		t.Fatalf("pooled over b: %+v", a)
	}
	b, numeric := sweepResponse(s, "b")
	if numeric || len(b) != 2 || b[0].Label != "x" || b[1].X != 1 || b[1].Shares["k"] != runner.NewProportion(7, 20) {
		t.Fatalf("pooled over a: %+v", b)
	}
}

// A sweep's report names only the per-point files its directory holds:
// series.csv is written only with params.record_every, and the generic
// scenario of the fixture records none (the note used to name it anyway).
func TestSweepNoteNamesTheFilesThere(t *testing.T) {
	_, _, sweep, _ := fixtures(t)
	p, err := Build(context.Background(), sweep)
	if err != nil {
		t.Fatal(err)
	}
	note := strings.Join(p.Notes, "\n")
	for _, name := range []string{"series.csv", "survival.csv", "runs.csv"} {
		_, err := os.Stat(filepath.Join(sweep, name))
		if named := strings.Contains(note, "("+name+")"); named != (err == nil) {
			t.Errorf("%s: named %v, in the directory %v:\n%s", name, named, err == nil, note)
		}
	}
	if _, err := os.Stat(filepath.Join(sweep, "series.csv")); err == nil {
		t.Fatal("the fixture sweep should have no series.csv")
	}
}

// A sweep's report has a response figure for every varied path, in the
// order of vary, each pooled over the others.
func TestSweepRespondsToEveryVariedPath(t *testing.T) {
	_, _, sweep, _ := fixtures(t)
	in, err := Read(sweep)
	if err != nil {
		t.Fatal(err)
	}
	first := in.Sweep.Vary[0]
	in.Sweep.Vary = append(in.Sweep.Vary, "params.other")
	for i := range in.Sweep.Points {
		in.Sweep.Points[i].Values["params.other"] = []string{"x", "y"}[i%2]
	}
	p := &Page{}
	if err := p.sweep(in); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range p.Sections[0].Figures {
		got = append(got, f.ID+": "+f.Title)
	}
	if want := []string{"sweep-0: Response to " + first, "sweep-1: Response to params.other"}; !slices.Equal(got, want) {
		t.Errorf("responses %q, want %q", got, want)
	}
}

// The note names the per-point files there as a list: one alone, two
// with "and", three with a comma before the last "and".
func TestPointFilesAsAList(t *testing.T) {
	dir := t.TempDir()
	in := &Input{Dir: dir}
	for _, c := range []struct{ add, want string }{
		{"", ""},
		{"survival.csv", "survival (survival.csv)"},
		{"runs.csv", "survival (survival.csv) and runs (runs.csv)"},
		{"series.csv", "time series (series.csv), survival (survival.csv) and runs (runs.csv)"},
	} {
		if c.add != "" {
			os.WriteFile(filepath.Join(dir, c.add), nil, 0o644)
		}
		if got := pointFiles(in); got != c.want {
			t.Errorf("with %s: %q, want %q", c.add, got, c.want)
		}
	}
}

// Each response panel names the varied path on its horizontal axis and
// pads the axis by 5% of the values' span either side: values 1, 2 and
// 5 on an axis from 0.8 to 5.2, so the first at 1/22 of its length and
// the last at 21/22.
func TestSweepFigureAxisByHand(t *testing.T) {
	s := &runner.SweepSummary{Vary: []string{"params.x"}}
	for _, v := range []float64{1, 2, 5} {
		s.Points = append(s.Points, runner.PointSummary{Values: map[string]any{"params.x": v}, Summary: &runner.Summary{Shares: map[string]runner.Proportion{}}})
	}
	f, err := sweepFigure(0, s, "params.x")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(f.SVG), ">params.x</text>"); n != len(runner.ShareKeys()) {
		t.Errorf("%d axes named params.x, want %d", n, len(runner.ShareKeys()))
	}
	var join [][2]float64
	for _, p := range svgPaths(t, f.SVG, "stroke:#0072B2") {
		if len(p) == 3 {
			join = p // one panel's response curve
			break
		}
	}
	if join == nil {
		t.Fatal("no response curve of 3 points")
	}
	// Its panel's horizontal axis: the longest level black line under it.
	var ax [2]float64
	for _, p := range svgPaths(t, f.SVG, "stroke:#000000") {
		if len(p) == 2 && p[0][1] == p[1][1] && p[0][0] <= join[0][0] && p[1][0] >= join[2][0] && p[1][0]-p[0][0] > ax[1]-ax[0] {
			ax = [2]float64{p[0][0], p[1][0]}
		}
	}
	at := func(x float64) float64 { return (x - ax[0]) / (ax[1] - ax[0]) }
	if math.Abs(at(join[0][0])-1.0/22) > 1e-3 || math.Abs(at(join[2][0])-21.0/22) > 1e-3 {
		t.Errorf("values 1 and 5 at %.4f and %.4f of the axis, want 1/22 and 21/22", at(join[0][0]), at(join[2][0]))
	}
}
