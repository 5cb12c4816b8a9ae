package report

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// sans is the typeface of every figure. gonum/plot measures text with the
// Liberation fonts it carries; the page asks the browser for the same
// family, with generic sans-serif as the fallback.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// textStyle is a plain text style of the given size.
func textStyle(size vg.Length) text.Style {
	return text.Style{Color: color.Black, Font: font.From(sans, size), Handler: plot.DefaultTextHandler}
}

// newPlot is a plot with the report's fonts and a light grid-free look:
// title, axis labels and tick labels in Liberation Sans.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(sans, 11)
	p.Title.Padding = vg.Points(4)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, 9)
		a.Tick.Label.Font = font.From(sans, 8)
		a.Padding = vg.Points(2)
	}
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.Legend.TextStyle.Font = font.From(sans, 8)
	p.Legend.ThumbnailWidth = vg.Points(14)
	p.Legend.Padding = vg.Points(1.5) // rows of 8-pt text otherwise touch
	return p
}

// rgb is an opaque colour from a hex triple.
func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 255}
}

// withAlpha is c at the given opacity.
func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// categorical is the Okabe–Ito palette, distinguishable with the common
// colour-vision deficiencies, then darker and lighter tones for more.
var categorical = []color.NRGBA{
	rgb(0x0072B2), rgb(0xD55E00), rgb(0x009E73), rgb(0xCC79A7), rgb(0xE69F00), rgb(0x56B4E9), rgb(0x000000),
	rgb(0xF0E442), rgb(0x8C564B), rgb(0x7F7F7F), rgb(0x17BECF), rgb(0xBCBD22), rgb(0x9467BD), rgb(0x1F3A93),
}

// paletteAt is the i-th categorical colour, cycling.
func paletteAt(i int) color.NRGBA { return categorical[i%len(categorical)] }

var (
	inkColor  = rgb(0x222222)
	bandColor = withAlpha(rgb(0x0072B2), 70)
	lineBlue  = rgb(0x0072B2)
	lineRed   = rgb(0xD55E00)
	lineGreen = rgb(0x009E73)
	lineGrey  = rgb(0x777777)
)

// lineStyle is a solid or dashed line.
func lineStyle(c color.Color, width float64, dashed bool) draw.LineStyle {
	s := draw.LineStyle{Color: c, Width: vg.Points(width)}
	if dashed {
		s.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
	}
	return s
}

// wrapText breaks txt at spaces into lines no wider than width in style
// s (a word wider than width keeps a line of its own): an axis label
// longer than its axis is otherwise cut off at both ends.
func wrapText(txt string, s text.Style, width vg.Length) string {
	var lines []string
	for _, w := range strings.Fields(txt) {
		if n := len(lines); n > 0 && s.Width(lines[n-1]+" "+w) <= width {
			lines[n-1] += " " + w
			continue
		}
		lines = append(lines, w)
	}
	return strings.Join(lines, "\n")
}
