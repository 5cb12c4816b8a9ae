package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/alliancesim/alliancesim/runner"
)

// The shares drawn are summary.json's, and their counts are the 1s of
// runs.csv; the shapes are the most frequent first, at most maxShapes.
func TestSharesAreTheRunsIndicators(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, runs := readRunsOf(t, many)
	rows := shareRows(in.Summary)
	if len(rows) != len(runner.ShareKeys()) || len(runs) != 60 {
		t.Fatalf("%d shares, %d runs", len(rows), len(runs))
	}
	for k, r := range rows {
		count := 0
		for _, run := range runs {
			if run.Happened[k] {
				count++
			}
		}
		if r.Label != runner.ShareKeys()[k] || r.Count != count || r.N != 60 || r.Proportion != runner.NewProportion(count, 60) {
			t.Errorf("%s drawn as %+v; runs.csv has %d of 60", runner.ShareKeys()[k], r, count)
		}
	}
	shapes := shapeRows(in.Summary)
	if len(shapes) == 0 || len(shapes) > maxShapes {
		t.Fatalf("%d shapes", len(shapes))
	}
	for i := 1; i < len(shapes); i++ {
		if shapes[i].Count > shapes[i-1].Count {
			t.Fatalf("shapes out of order: %v", shapes)
		}
	}
}

// Each row of a proportions plot is labelled with its own share: drawn,
// the whisker of a row (its interval, from low to high) is level with
// its label, the first row at the top.
func TestProportionsPlotLabelsItsRows(t *testing.T) {
	rows := []labelled{
		{Label: "first", Proportion: runner.Proportion{Share: 0.1, Low: 0.05, High: 0.2}},
		{Label: "second", Proportion: runner.Proportion{Share: 0.5, Low: 0.4, High: 0.6}},
		{Label: "third", Proportion: runner.Proportion{Share: 0.9, Low: 0.5, High: 0.95}},
	}
	rec := &recorder.Canvas{}
	proportionsPlot("", rows).Draw(draw.NewCanvas(rec, vg.Points(400), vg.Points(150)))
	labelY := map[string]vg.Length{}
	type seg struct{ y, length vg.Length }
	var segs []seg
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.FillString:
			labelY[a.String] = a.Point.Y
		case *recorder.Stroke:
			if p := a.Path; len(p) == 2 && p[0].Pos.Y == p[1].Pos.Y {
				segs = append(segs, seg{p[0].Pos.Y, vg.Length(math.Abs(float64(p[1].Pos.X - p[0].Pos.X)))})
			}
		}
	}
	axis := slices.MaxFunc(segs, func(a, b seg) int { return cmp.Compare(a.length, b.length) }) // the x axis: 0 to 1
	for _, r := range rows {
		k := slices.IndexFunc(segs, func(s seg) bool { return math.Abs(float64(s.length/axis.length)-(r.High-r.Low)) < 1e-3 })
		y, ok := labelY[r.Label]
		if k < 0 || !ok {
			t.Fatalf("%s: no whisker of width %v or no label", r.Label, r.High-r.Low)
		}
		for _, o := range rows { // the label nearest the whisker is its row's
			if oy := labelY[o.Label]; o.Label != r.Label && math.Abs(float64(oy-segs[k].y)) <= math.Abs(float64(y-segs[k].y)) {
				t.Errorf("the whisker of %s is drawn at %v, nearer the label %s (%v) than its own (%v)", r.Label, segs[k].y, o.Label, oy, y)
			}
		}
	}
	if !(labelY["first"] > labelY["second"] && labelY["second"] > labelY["third"]) {
		t.Errorf("labels from the top: %v", labelY)
	}
}

// The shapes figure draws the 15 most frequent and says how many rarer
// ones summary.json holds: none said for 15, one for 16.
func TestShapesCaptionCountsTheRarer(t *testing.T) {
	s := &runner.Summary{Runs: 20}
	for i := range 16 {
		s.Shapes = append(s.Shapes, runner.ShapeShare{Members: []string{"a", fmt.Sprint(i)}, Share: runner.NewProportion(16-i, 20)})
	}
	const rarer = "(summary.json, shapes); 1 more shape, in as many runs as the last drawn or fewer, is in summary.json."
	f, ok, err := shapesFigure(s)
	if err != nil || !ok || !strings.HasSuffix(f.Caption, rarer) {
		t.Errorf("16 shapes: %v, caption %q", err, f.Caption)
	}
	s.Shapes = s.Shapes[:15]
	if f, _, _ := shapesFigure(s); !strings.HasSuffix(f.Caption, "(summary.json, shapes).") {
		t.Errorf("15 shapes: caption %q", f.Caption)
	}
}

// The shares caption counts the runs of the summary, not its rows.
func TestSharesCaptionCountsTheRuns(t *testing.T) {
	f, err := sharesFigure(&runner.Summary{Runs: 60})
	if want := "The share of the 60 runs in which each kind of alliance ever formed"; err != nil || !strings.HasPrefix(f.Caption, want) {
		t.Errorf("%v, caption %q, want %q…", err, f.Caption, want)
	}
}

// The shapes caption, as the shares caption, says how many runs the
// shares are of: it said "the share of runs" and left n to the header.
func TestShapesCaptionCountsTheRuns(t *testing.T) {
	s := &runner.Summary{Runs: 30, Shapes: []runner.ShapeShare{{Members: []string{"a", "b"}, Share: runner.NewProportion(12, 30)}}}
	f, _, err := shapesFigure(s)
	if want := "The member sets an alliance had at some time, by the share of the 30 runs in which one was in force, with 95% Wilson intervals"; err != nil || !strings.HasPrefix(f.Caption, want) {
		t.Errorf("%v, caption %q, want %q…", err, f.Caption, want)
	}
}
