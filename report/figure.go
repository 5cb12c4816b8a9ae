package report

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is one picture of the report: a title, the inline SVG and a
// caption saying what is drawn and from which file.
type Figure struct {
	ID      string
	Title   string
	Caption string
	SVG     template.HTML
	Class   string // layout: "" (half width), "small" or "wide"
}

// halfWidth is the width of a figure that shares a row with another (the
// survival curves, the first commitment, hub and spokes): 440 pt is
// 587 px, about what half the page gives it on a 1280-px screen, so that
// it is shown near its natural size and its 8-pt labels stay legible
// (drawn at 620 pt and shrunk into the same space they were 7 px).
const halfWidth = vg.Length(440)

// drawer draws a figure onto a canvas.
type drawer func(c draw.Canvas)

// svgOf renders a drawing to SVG for inline use: the XML declaration and
// the generator comment of gonum/plot's SVG backend are dropped (they do
// not belong inside HTML). The backend writes no time stamps and no
// random identifiers, so the same drawing gives the same bytes.
func svgOf(w, h vg.Length, d drawer) (template.HTML, error) {
	c := vgsvg.New(w, h)
	d(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return "", err
	}
	s := buf.String()
	if i := strings.Index(s, "<svg"); i >= 0 {
		s = s[i:]
	}
	if !strings.HasPrefix(s, "<svg") {
		return "", fmt.Errorf("report: the SVG backend wrote no <svg> element")
	}
	// Scale with the page: keep the aspect ratio from the viewBox.
	s = strings.Replace(s, "<svg ", `<svg class="plot" role="img" `, 1)
	return template.HTML(s), nil // the backend escapes all text it writes
}

// plotFigure renders one plot as a figure.
func plotFigure(id, title, caption string, p *plot.Plot, w, h vg.Length) (Figure, error) {
	if err := checkAxes(id, p); err != nil {
		return Figure{}, err
	}
	svg, err := svgOf(w, h, p.Draw)
	return Figure{ID: id, Title: title, Caption: caption, SVG: svg}, err
}

// gridFigure renders plots as small multiples, cols to a row; missing
// cells (nil) stay blank.
func gridFigure(id, title, caption string, plots []*plot.Plot, cols int, cellW, cellH vg.Length) (Figure, error) {
	if len(plots) == 0 {
		// A canvas of no cells has no size, and the SVG canvas panics.
		return Figure{}, fmt.Errorf("figure %s: no panels to draw", id)
	}
	for _, p := range plots {
		if p == nil {
			continue // a blank cell
		}
		if err := checkAxes(id, p); err != nil {
			return Figure{}, err
		}
	}
	rows := (len(plots) + cols - 1) / cols
	grid := make([][]*plot.Plot, rows)
	for r := range grid {
		grid[r] = make([]*plot.Plot, cols)
		for c := range cols {
			if k := r*cols + c; k < len(plots) {
				grid[r][c] = plots[k]
			}
		}
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: vg.Points(6), PadY: vg.Points(6),
		PadTop: vg.Points(4), PadBottom: vg.Points(4), PadLeft: vg.Points(4), PadRight: vg.Points(4)}
	svg, err := svgOf(vg.Length(cols)*cellW, vg.Length(rows)*cellH, func(dc draw.Canvas) {
		canvases := plot.Align(grid, tiles, dc)
		for r := range grid {
			for c, p := range grid[r] {
				if p != nil {
					p.Draw(canvases[r][c])
				}
			}
		}
	})
	return Figure{ID: id, Title: title, Caption: caption, SVG: svg}, err
}

// maxAxis bounds the ends of an axis: every quantity the report draws
// (shares, ticks, years, parameter values up to a generated seed of
// 2⁵³ − 1, with the axis's padding) is inside it.
const maxAxis = 1e17

// checkAxes refuses a plot whose axes, as its data set them, are not
// finite or reach past ±maxAxis, and widens an axis whose span is below
// a billionth of its magnitude. gonum/plot's tick search never ends on a
// NaN range, nor on one a single float step wide near 2⁵³ (a sweep of
// the generated seeds 2⁵³ − 2 and 2⁵³ − 1 makes one), and one past ±1e300
// overflows.
func checkAxes(id string, p *plot.Plot) error {
	for _, a := range []struct {
		name string
		axis *plot.Axis
	}{{"horizontal", &p.X}, {"vertical", &p.Y}} {
		lo, hi := a.axis.Min, a.axis.Max
		if !(math.Abs(lo) <= maxAxis && math.Abs(hi) <= maxAxis) {
			return fmt.Errorf("figure %s: the %s axis runs from %g to %g; allowed: finite ends within ±%g (the files read back hold a number no run writes)", id, a.name, lo, hi, float64(maxAxis))
		}
		if scale := max(math.Abs(lo), math.Abs(hi)); scale > 0 && hi-lo < 1e-9*scale {
			mid, half := lo/2+hi/2, 1e-9*scale
			a.axis.Min, a.axis.Max = mid-half, mid+half
		}
	}
	return nil
}
