package report

import (
	"fmt"
	"html/template"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// checkAxes refuses axes that are not finite or too far out, and widens
// one a single float step wide at 2⁵³, on which gonum's tick search
// would never end, to a billionth of its magnitude either side.
func TestCheckAxes(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max = 1<<53-1, 1<<53 // one step apart
	p.Y.Min, p.Y.Max = 0, 1
	if err := checkAxes("x", p); err != nil {
		t.Fatal(err)
	}
	if want := 1e-9 * (1 << 53); !(math.Abs(p.X.Max-p.X.Min-2*want) <= 2) {
		t.Errorf("widened to [%v, %v], want a span of %v", p.X.Min, p.X.Max, 2*want)
	}
	if p.Y.Min != 0 || p.Y.Max != 1 {
		t.Errorf("an ordinary axis changed: [%v, %v]", p.Y.Min, p.Y.Max)
	}
	if n := len(plot.DefaultTicks{}.Ticks(p.X.Min, p.X.Max)); n == 0 {
		t.Error("no ticks on the widened axis")
	}
	for _, c := range [][2]float64{{math.NaN(), 1}, {0, math.Inf(1)}, {-2e17, 0}} {
		p.X.Min, p.X.Max = c[0], c[1]
		if err := checkAxes("x", p); err == nil || !strings.Contains(err.Error(), "figure x: the horizontal axis runs from") {
			t.Errorf("[%v, %v]: %v", c[0], c[1], err)
		}
	}
}

// Small multiples draw every panel: five panels four to a row make two
// rows.
func TestGridFigureDrawsEveryPanel(t *testing.T) {
	var plots []*plot.Plot
	for i := range 5 {
		p := newPlot(fmt.Sprintf("panel %d", i+1), "", "")
		unitRange(&p.X)
		unitRange(&p.Y)
		plots = append(plots, p)
	}
	f, err := gridFigure("g", "G", "", plots, 4, vg.Points(100), vg.Points(80))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if !strings.Contains(string(f.SVG), fmt.Sprintf(">panel %d<", i+1)) {
			t.Errorf("panel %d not drawn", i+1)
		}
	}
}

var svgPathRE = regexp.MustCompile(`<path d="([^"]*)" style="([^"]*)"`)
var svgPointRE = regexp.MustCompile(`[ML](-?[0-9.e+-]+),(-?[0-9.e+-]+)`)

// svgPaths are the points (in SVG points, y up) of each path of a figure
// whose style holds all of the given fragments, such as "stroke:#0072B2".
func svgPaths(t *testing.T, svg template.HTML, style ...string) [][][2]float64 {
	t.Helper()
	var out [][][2]float64
next:
	for _, m := range svgPathRE.FindAllStringSubmatch(string(svg), -1) {
		for _, f := range style {
			if !strings.Contains(m[2], f) {
				continue next
			}
		}
		var pts [][2]float64
		for _, q := range svgPointRE.FindAllStringSubmatch(m[1], -1) {
			x, err1 := strconv.ParseFloat(q[1], 64)
			y, err2 := strconv.ParseFloat(q[2], 64)
			if err1 != nil || err2 != nil {
				t.Fatalf("path %q: %v %v", m[1], err1, err2)
			}
			pts = append(pts, [2]float64{x, y})
		}
		out = append(out, pts)
	}
	return out
}

// firstPanel keeps the paths that lie within the first panel of a grid
// figure, the box of the first panel's white background: a figure whose
// legend has a panel of its own draws thumbnails of its lines and bands
// there, in the same styles.
func firstPanel(t *testing.T, svg template.HTML, paths [][][2]float64) [][][2]float64 {
	t.Helper()
	panels := svgPaths(t, svg, "fill:#FFFFFF")
	if len(panels) == 0 {
		t.Fatal("no panel background in the figure")
	}
	return within(panels[0], paths)
}

// within keeps the paths whose every point lies in the bounding box of
// box's points.
func within(box [][2]float64, paths [][][2]float64) [][][2]float64 {
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, q := range box {
		for d := range 2 {
			lo[d], hi[d] = min(lo[d], q[d]), max(hi[d], q[d])
		}
	}
	outside := func(q [2]float64) bool { return q[0] < lo[0] || q[0] > hi[0] || q[1] < lo[1] || q[1] > hi[1] }
	var out [][][2]float64
	for _, p := range paths {
		if !slices.ContainsFunc(p, outside) {
			out = append(out, p)
		}
	}
	return out
}

// samePoints says whether got are want to within 0.01 points (the SVG
// backend writes coordinates to a few digits).
func samePoints(got, want [][2]float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if math.Abs(got[i][0]-want[i][0]) > 0.01 || math.Abs(got[i][1]-want[i][1]) > 0.01 {
			return false
		}
	}
	return true
}

// A figure's SVG is marked for the page's style and for screen readers,
// and small multiples refuse a panel whose axis is not finite, as one
// plot does.
func TestFigureSVGClassAndGridAxes(t *testing.T) {
	p := newPlot("", "", "")
	unitRange(&p.X)
	unitRange(&p.Y)
	f, err := plotFigure("one", "One", "", p, vg.Points(100), vg.Points(80))
	if err != nil || !strings.HasPrefix(string(f.SVG), `<svg class="plot" role="img" `) {
		t.Errorf("%v: SVG begins %.60q", err, f.SVG)
	}
	bad := newPlot("", "", "")
	bad.X.Min, bad.X.Max = 0, math.Inf(1)
	unitRange(&bad.Y)
	if _, err := gridFigure("g", "G", "", []*plot.Plot{p, nil, bad}, 2, vg.Points(100), vg.Points(80)); err == nil || !strings.HasPrefix(err.Error(), "figure g: the horizontal axis runs from 0 to +Inf") {
		t.Errorf("a panel with an infinite axis: %v", err)
	}
}
