package report

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The few plotters gonum/plot lacks: a shaded band between two curves,
// and points with interval whiskers.

// band fills the area between Lower and Upper, which share their x.
type band struct {
	Lower, Upper plotter.XYs
	Color        color.Color
}

// Plot implements plot.Plotter.
func (b *band) Plot(c draw.Canvas, p *plot.Plot) {
	if len(b.Lower) == 0 {
		return
	}
	tx, ty := p.Transforms(&c)
	pts := make([]vg.Point, 0, 2*len(b.Lower))
	for _, q := range b.Upper {
		pts = append(pts, vg.Point{X: tx(q.X), Y: ty(q.Y)})
	}
	for i := len(b.Lower) - 1; i >= 0; i-- {
		pts = append(pts, vg.Point{X: tx(b.Lower[i].X), Y: ty(b.Lower[i].Y)})
	}
	c.FillPolygon(b.Color, c.ClipPolygonXY(pts))
}

// DataRange implements plot.DataRanger.
func (b *band) DataRange() (xmin, xmax, ymin, ymax float64) {
	x0, x1, y0, y1 := plotter.XYRange(b.Lower)
	x2, x3, y2, y3 := plotter.XYRange(b.Upper)
	return math.Min(x0, x2), math.Max(x1, x3), math.Min(y0, y2), math.Max(y1, y3)
}

// Thumbnail implements plot.Thumbnailer: a swatch of the band's colour.
func (b *band) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}}
	c.FillPolygon(b.Color, c.ClipPolygonY(pts))
}

// interval is a point estimate with its interval, at position At on the
// category axis (horizontal: the y axis) or the value axis.
type interval struct {
	At, Value, Low, High float64
}

// whiskers draws intervals as a dot with a line from Low to High; Across
// puts the values on the x axis (one row per category).
type whiskers struct {
	Points []interval
	Color  color.Color
	Across bool
	Radius vg.Length
	Join   bool // draw a line through the dots (a response curve)
}

// Plot implements plot.Plotter.
func (w *whiskers) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	pos := func(at, v float64) vg.Point {
		if w.Across {
			return vg.Point{X: tx(v), Y: ty(at)}
		}
		return vg.Point{X: tx(at), Y: ty(v)}
	}
	ls := lineStyle(w.Color, 1.2, false)
	var path []vg.Point
	for _, q := range w.Points {
		if math.IsNaN(q.Value) {
			continue
		}
		c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{pos(q.At, q.Low), pos(q.At, q.High)})...)
		path = append(path, pos(q.At, q.Value))
	}
	if w.Join && len(path) > 1 {
		c.StrokeLines(lineStyle(w.Color, 1, false), c.ClipLinesXY(path)...)
	}
	r := w.Radius
	if r == 0 {
		r = vg.Points(2.5)
	}
	for _, pt := range path {
		if c.Contains(pt) {
			c.DrawGlyph(draw.GlyphStyle{Color: w.Color, Radius: r, Shape: draw.CircleGlyph{}}, pt)
		}
	}
}

// DataRange implements plot.DataRanger.
func (w *whiskers) DataRange() (xmin, xmax, ymin, ymax float64) {
	amin, amax, vmin, vmax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, q := range w.Points {
		if math.IsNaN(q.Value) {
			continue
		}
		amin, amax = math.Min(amin, q.At), math.Max(amax, q.At)
		vmin, vmax = math.Min(vmin, q.Low), math.Max(vmax, q.High)
	}
	if w.Across {
		return vmin, vmax, amin, amax
	}
	return amin, amax, vmin, vmax
}

// Thumbnail implements plot.Thumbnailer.
func (w *whiskers) Thumbnail(c *draw.Canvas) {
	mid := vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: (c.Min.Y + c.Max.Y) / 2}
	c.DrawGlyph(draw.GlyphStyle{Color: w.Color, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}, mid)
}

// line is a polyline in data coordinates.
func line(xys plotter.XYs, c color.Color, width float64, dashed bool) *plotter.Line {
	l := &plotter.Line{XYs: xys, LineStyle: lineStyle(c, width, dashed)}
	return l
}

// widen is a point drawn half a width w either side of its x: a lone
// sample's band.
func widen(q plotter.XY, w float64) plotter.XYs {
	return plotter.XYs{{X: q.X - w, Y: q.Y}, {X: q.X + w, Y: q.Y}}
}

// addLone marks a curve of one point, which a line cannot draw, with a
// dot of colour c; a curve of more points is left to its line.
func addLone(p *plot.Plot, xys plotter.XYs, c color.Color) {
	if len(xys) != 1 {
		return
	}
	dot, err := plotter.NewScatter(xys)
	if err != nil { // a value that is not finite: nothing to mark
		return
	}
	dot.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
	p.Add(dot)
}

// steps turns the points of a right-continuous step function into the
// corners of its drawing: from (x0, y0) level to each next x, then down
// or up to its y.
func steps(xys plotter.XYs) plotter.XYs {
	if len(xys) == 0 {
		return nil
	}
	out := plotter.XYs{xys[0]}
	for i := 1; i < len(xys); i++ {
		out = append(out, plotter.XY{X: xys[i].X, Y: xys[i-1].Y}, xys[i])
	}
	return out
}

// unitRange fixes an axis to [0, 1].
func unitRange(a *plot.Axis) { a.Min, a.Max = 0, 1 }

// unitRangeWithHeadroom is unitRange with room above 1 for a legend at
// the top of the plot, where lines near 1 would otherwise run through it:
// the axis reaches 1.3 and is marked from 0 to 1 only.
func unitRangeWithHeadroom(a *plot.Axis) {
	a.Min, a.Max = 0, 1.3
	var ticks []plot.Tick
	for i := 0; i <= 10; i++ {
		t := plot.Tick{Value: float64(i) / 10}
		if i%5 == 0 {
			t.Label = fmt.Sprintf("%.1f", t.Value)
		}
		ticks = append(ticks, t)
	}
	a.Tick.Marker = plot.ConstantTicks(ticks)
}
