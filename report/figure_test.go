package report

import (
	"fmt"
	"math"
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
