package report

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"regexp"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
)

// The sensitivity indices of a Morris or Sobol sweep, computed when the
// report is drawn exactly as alliancesim sensitivity computes them at its
// default resamples (runner.SensitivityOf, the bootstrap seeded with the
// sweep's seed), so that they are always those of the results beside
// them: sensitivity.csv may be older, or written at other --resamples.

// reportBootstrap is the bootstrap of the report's intervals: the
// command's default.
var reportBootstrap = sensitivity.Bootstrap{Resamples: sensitivity.DefaultResamples}

// indexRow is one parameter's indices for one output: S1 and ST (sobol)
// or μ* and σ (morris), and whether the design resolves each (sobol only,
// sensitivity.SobolResolution).
type indexRow struct {
	Path       string
	Vary       int // its place in the sweep's vary: its colour
	A, B       sensitivity.Interval
	Unresolved [2]bool
}

// indexPanel is one output's indices, its parameters in the order the
// command prints them (runner.OutputSensitivity.Ranked).
type indexPanel struct {
	Output string
	Noise  string // the replication noise, as a part of the variance
	Rows   []indexRow
}

// sensitivityPanels are the panels of the shares that vary over the
// design, and what is left out and why: each share that does not vary,
// and the custom measures.
func sensitivityPanels(s *runner.Sensitivity) (panels []indexPanel, flat, measures []string) {
	shares := len(runner.ShareKeys()) // AllOutputs: the shares, then the measures
	for k, o := range s.Outputs {
		switch {
		case k >= shares:
			measures = append(measures, o.Output)
			continue
		case o.Missing != "" || !(o.Variance > 0):
			flat = append(flat, o.Output)
			continue
		}
		pn := indexPanel{Output: o.Output, Noise: noiseLabel(o)}
		for _, i := range o.Ranked() {
			r := indexRow{Path: s.Vary[i], Vary: i}
			switch {
			case o.Sobol != nil:
				r.A, r.B = o.Sobol.First[i], o.Sobol.Total[i]
				r.Unresolved = [2]bool{sensitivity.SobolResolution(r.A) != sensitivity.Resolved, sensitivity.SobolResolution(r.B) != sensitivity.Resolved}
			case o.Morris != nil:
				r.A, r.B = o.Morris.MuStar[i], o.Morris.Sigma[i]
			}
			pn.Rows = append(pn.Rows, r)
		}
		panels = append(panels, pn)
	}
	return panels, flat, measures
}

// noiseLabel is the replication noise of an output as the command prints
// it: a percentage of the variance of the point means.
func noiseLabel(o runner.OutputSensitivity) string {
	if math.IsNaN(o.Noise) {
		return "noise unknown"
	}
	return fmt.Sprintf("noise %.0f%%", 100*o.Noise/o.Variance)
}

// sensitivitySection adds the indices of a Morris or Sobol sweep, and
// reports whether it computed them; a sweep of another design has none.
// Where the command would refuse the directory, the section says why, the
// directory named as the page names it (its base name, not the path given),
// so that the same directory gives the same bytes however it was named.
func (p *Page) sensitivitySection(in *Input) bool {
	d := in.Manifest.Design
	if d == nil || (d.Kind != "morris" && d.Kind != "sobol") {
		return false
	}
	sec := Section{ID: "sensitivity", Title: "Sensitivity indices of the varied parameters"}
	name := dirName(in.Dir)
	s, err := runner.SensitivityOf(in.Dir, nil, reportBootstrap)
	if err != nil {
		why := renamedDir(err.Error(), in.Dir, name)
		sec.Notes = append(sec.Notes, fmt.Sprintf("No indices: alliancesim sensitivity %s would refuse this directory too: %s.", name, why))
		p.Sections = append(p.Sections, sec)
		return false
	}
	panels, flat, measures := sensitivityPanels(s)
	var figs []Figure
	switch {
	case len(panels) == 0:
	case d.Kind == "sobol":
		f, err := sobolFigure(s, panels, name)
		if err != nil {
			sec.Notes = append(sec.Notes, fmt.Sprintf("No figure of the indices: %v.", err))
		} else {
			figs = append(figs, f)
		}
	default:
		mu, err1 := muStarFigure(s, panels, name)
		plane, err2 := morrisPlaneFigure(s, panels, name)
		if err := errors.Join(err1, err2); err != nil {
			sec.Notes = append(sec.Notes, fmt.Sprintf("No figure of the indices: %v.", err))
		} else {
			figs = append(figs, mu, plane)
		}
	}
	for i := range figs {
		figs[i].Class = "wide"
	}
	sec.Figures = figs
	also := ""
	if d.Kind == "morris" {
		also = ", μ besides,"
	}
	sec.Intro = fmt.Sprintf("Computed from this sweep's manifest.json and summary.json when the report was drawn, as alliancesim sensitivity %s computes them at its default %s: it prints the same numbers%s and writes them to sensitivity.csv.",
		name, words.Count(s.Bootstrap.Resamples, "resample", "resamples"), also)
	if len(flat) > 0 {
		why := "it does not vary over the A and B rows of the design, so it has no variance to share out"
		if d.Kind == "morris" {
			why = "it does not vary over the design, so every effect is 0"
		}
		if len(flat) > 1 {
			why = strings.Replace(strings.Replace(why, "it does", "they do", 1), "it has", "they have", 1)
		}
		sec.Notes = append(sec.Notes, fmt.Sprintf("Not drawn: %s (%s).", strings.Join(flat, ", "), why))
	}
	if len(measures) > 0 {
		what, flag := "measure", measures[0]
		if len(measures) > 1 {
			what, flag = "measures", "NAME"
		}
		sec.Notes = append(sec.Notes, fmt.Sprintf("The shares only are drawn; the indices of the custom %s %s are printed by alliancesim sensitivity %s --output %s.",
			what, strings.Join(measures, ", "), name, flag))
	}
	p.Sections = append(p.Sections, sec)
	return true
}

// renamedDir is msg with the directory dir, and the files it names in
// it, called name: dir as given only where it stands as a path (not inside
// a word or another path), and never ".", so that a message's full stops
// are left alone.
func renamedDir(msg, dir, name string) string {
	dir = filepath.Clean(dir)
	if dir == "." {
		return msg
	}
	asPath := regexp.MustCompile(`(^|[\s"'(])` + regexp.QuoteMeta(dir) + `($|[\s"':;,)]|` + regexp.QuoteMeta(string(filepath.Separator)) + `)`)
	return asPath.ReplaceAllString(msg, "${1}"+strings.ReplaceAll(name, "$", "$$")+"${2}")
}

// sobolAxis is the horizontal axis of the Sobol panels, common to all:
// [0, 1], the range of an index, widened to the estimates and intervals
// beyond it as far as −1 and 2, and padded.
func sobolAxis(panels []indexPanel) (lo, hi float64) {
	lo, hi = 0, 1
	for _, pn := range panels {
		for _, r := range pn.Rows {
			for _, iv := range []sensitivity.Interval{r.A, r.B} {
				for _, v := range []float64{iv.Estimate, iv.Low, iv.High} {
					if !math.IsNaN(v) {
						lo, hi = min(lo, v), max(hi, v)
					}
				}
			}
		}
	}
	lo, hi = max(lo, -1), min(hi, 2)
	pad := 0.04 * (hi - lo)
	return lo - pad, hi + pad
}

// Colours of the two indices of a Sobol panel.
var (
	firstColor = lineBlue
	totalColor = lineRed
)

// indexPlot is one output's panel: a row per parameter, the most
// important at the top, names on the vertical axis.
func indexPlot(pn indexPanel, xLabel string) *plot.Plot {
	p := newPlot(pn.Output+" · "+pn.Noise, xLabel, "")
	p.Title.TextStyle.Font.Size = vg.Points(9)
	p.X.Label.TextStyle.Font.Size = vg.Points(7)
	p.X.Tick.Label.Font.Size = vg.Points(7)
	p.Y.Tick.Label.Font.Size = vg.Points(7)
	n := len(pn.Rows)
	names := make([]string, n)
	for i, r := range pn.Rows {
		names[n-1-i] = r.Path
	}
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	return p
}

// rowAt is the place on the vertical axis of the i-th row of n, the
// first at the top.
func rowAt(i, n int) float64 { return float64(n - 1 - i) }

// sobolFigure: S1 and ST of every parameter for each share.
func sobolFigure(s *runner.Sensitivity, panels []indexPanel, dir string) (Figure, error) {
	lo, hi := sobolAxis(panels)
	var plots []*plot.Plot
	for _, pn := range panels {
		p := indexPlot(pn, "S1, ST (95% interval)")
		n := len(pn.Rows)
		for _, ref := range []float64{0, 1} {
			p.Add(line(plotter.XYs{{X: ref, Y: -0.6}, {X: ref, Y: float64(n) - 0.4}}, lineGrey, 0.7, true))
		}
		s1 := &indexMarks{Color: firstColor}
		st := &indexMarks{Color: totalColor}
		for i, r := range pn.Rows {
			at := rowAt(i, n)
			s1.Points = append(s1.Points, interval{At: at + 0.17, Value: r.A.Estimate, Low: r.A.Low, High: r.A.High})
			st.Points = append(st.Points, interval{At: at - 0.17, Value: r.B.Estimate, Low: r.B.Low, High: r.B.High})
			s1.Hollow = append(s1.Hollow, r.Unresolved[0])
			st.Hollow = append(st.Hollow, r.Unresolved[1])
		}
		p.Add(s1, st)
		p.X.Min, p.X.Max = lo, hi
		plots = append(plots, p)
	}
	legend := legendPanel()
	legend.Legend.Add("S1, first order", dotThumb(firstColor, false))
	legend.Legend.Add("ST, total", dotThumb(totalColor, false))
	legend.Legend.Add("hollow: not resolved by the design", dotThumb(lineGrey, true))
	legend.Legend.Add("0 and 1, the range of an index", line(nil, lineGrey, 0.7, true))
	plots = append(plots, legend)
	d := s.Design
	caption := fmt.Sprintf("For each share that varies over the design, the first-order index S1 of each varied parameter (the part of the variance of the point means it explains alone) and its total index ST (alone and through its interactions with the others), the parameters by ST, largest first, as the command ranks them: Jansen's estimators over the %d base rows of the Saltelli design (%s base; %d points × %s), each with a 95%% bootstrap percentile interval of %s of the base rows drawn from seed %d, the sweep's. "+
		"Every index lies in [0, 1] (dashed lines): an S1 below 0, an ST above 1 or an interval reaching past them is sampling error, not a property of the model, and more samples narrow it. "+
		"Hollow: an index the design does not resolve, which the command names in its sampling-error line — an interval wider than [0, 1], or an index outside [0, 1] with its whole interval; an arrowhead at the end of the axis (which reaches at most from −1 to 2): an estimate beyond it. "+
		"Beside each share: the replication noise, the mean variance of a point's mean from run to run as a part of the variance of the point means (A and B rows); above 100%% the indices are noise alone: give the points more runs. "+
		"The same numbers: alliancesim sensitivity %s.",
		d.Samples, d.Base, s.Points, words.Count(s.Runs, "run", "runs"), words.Count(s.Bootstrap.Resamples, "resample", "resamples"), s.Bootstrap.Seed, dir)
	return gridFigure("sensitivity-sobol", "Sobol indices of each share, S1 and ST", caption, plots, 3, vg.Points(300), indexCellHeight(len(s.Vary)))
}

// largest is the largest of the two values of every row of the panels
// that pick reads (NaN ignored), the end of an axis from 0; 1 where there
// is none above 0.
func largest(panels []indexPanel, pick func(indexRow) [2]float64) float64 {
	hi := 0.0
	for _, pn := range panels {
		for _, r := range pn.Rows {
			for _, v := range pick(r) {
				if !math.IsNaN(v) {
					hi = max(hi, v)
				}
			}
		}
	}
	if hi == 0 {
		return 1
	}
	return hi
}

// indexCellHeight is the height of a panel of k parameters' rows.
func indexCellHeight(k int) vg.Length { return vg.Points(50 + 22*float64(k)) }

// muStarFigure: μ* of every parameter for each share, on an axis common
// to all, from 0.
func muStarFigure(s *runner.Sensitivity, panels []indexPanel, dir string) (Figure, error) {
	hi := largest(panels, func(r indexRow) [2]float64 { return [2]float64{r.A.Estimate, r.A.High} })
	var plots []*plot.Plot
	for _, pn := range panels {
		p := indexPlot(pn, "μ* (95% interval)")
		m := &indexMarks{}
		for i, r := range pn.Rows {
			m.Points = append(m.Points, interval{At: rowAt(i, len(pn.Rows)), Value: r.A.Estimate, Low: r.A.Low, High: r.A.High})
			m.Colors = append(m.Colors, paletteAt(r.Vary))
		}
		p.Add(m)
		p.X.Min, p.X.Max = -0.03*hi, hi*1.04 // a dot at 0 whole
		plots = append(plots, p)
	}
	d := s.Design
	caption := fmt.Sprintf("For each share that varies over the design, μ* of each varied parameter, the mean absolute elementary effect (Campolongo et al. 2007): the change of the share over one step of the parameter, divided by the step on the design's unit scale (the parameter's whole range, or, drawn from a distribution, its quantiles from 0 to 1), averaged without sign over the %d trajectories on %d levels (%d points × %s); the parameters by μ*, largest first, as the command ranks them, each coloured as in the plane below. "+
		"Each has a 95%% bootstrap percentile interval of %s of the trajectories drawn from seed %d, the sweep's. "+
		"μ* is not bounded by 1 as a Sobol index is: a share that moves by 0.5 over a third of a parameter's range has an effect of 1.5; it ranks the parameters, and one whose interval reaches 0 may not move the share at all. "+
		"Beside each share: the replication noise, the mean variance of a point's mean from run to run as a part of the variance of the point means; above 100%% the effects are noise alone: give the points more runs. "+
		"The same numbers: alliancesim sensitivity %s.",
		d.Samples, d.Levels, s.Points, words.Count(s.Runs, "run", "runs"), words.Count(s.Bootstrap.Resamples, "resample", "resamples"), s.Bootstrap.Seed, dir)
	return gridFigure("sensitivity-mustar", "Elementary effects of each share, μ*", caption, plots, 3, vg.Points(300), indexCellHeight(len(s.Vary)))
}

// morrisPlaneFigure: σ against μ* for each share, one dot per parameter
// in its colour, the line σ = μ* dashed.
func morrisPlaneFigure(s *runner.Sensitivity, panels []indexPanel, dir string) (Figure, error) {
	hi := 1.06 * largest(panels, func(r indexRow) [2]float64 { return [2]float64{r.A.Estimate, r.B.Estimate} })
	var plots []*plot.Plot
	for _, pn := range panels {
		p := newPlot(pn.Output+" · "+pn.Noise, "μ*", "σ")
		p.Title.TextStyle.Font.Size = vg.Points(9)
		for _, a := range []*plot.Axis{&p.X, &p.Y} {
			a.Label.TextStyle.Font.Size = vg.Points(7)
			a.Tick.Label.Font.Size = vg.Points(7)
			a.Min, a.Max = -0.03*hi, hi // a dot at 0 whole
		}
		p.Add(line(plotter.XYs{{X: 0, Y: 0}, {X: hi, Y: hi}}, lineGrey, 0.7, true))
		// The least important first, so that the most important is on top.
		for i := len(pn.Rows) - 1; i >= 0; i-- {
			r := pn.Rows[i]
			if math.IsNaN(r.A.Estimate) || math.IsNaN(r.B.Estimate) {
				continue
			}
			p.Add(&indexMarks{Points: []interval{{At: r.B.Estimate, Value: r.A.Estimate, Low: math.NaN(), High: math.NaN()}}, Color: paletteAt(r.Vary)})
		}
		plots = append(plots, p)
	}
	legend := legendPanel()
	for i, path := range s.Vary {
		legend.Legend.Add(path, dotThumb(paletteAt(i), false))
	}
	legend.Legend.Add("σ = μ*", line(nil, lineGrey, 0.7, true))
	plots = append(plots, legend)
	caption := fmt.Sprintf("For each share that varies over the design, σ, the standard deviation of a parameter's elementary effects over the trajectories, against μ*, the estimates alone (the figure above and the command give their intervals), both axes the same: a parameter near the origin hardly moves the share; one far to the right moves it much; one high above its μ*, near or above the dashed line σ = μ*, has effects that change with where the other parameters stand (interactions) or along its own range (a non-linear response), where one low below it moves the share about alike everywhere. Dots that coincide (at the origin, say) hide one another: the figure above has a row for each parameter. The same numbers: alliancesim sensitivity %s.", dir)
	return gridFigure("sensitivity-morris-plane", "The Morris plane of each share, σ against μ*", caption, plots, 3, vg.Points(300), vg.Points(210))
}

// indexMarks draws estimates with their intervals across a plot, one row
// per point (At on the vertical axis): a line from Low to High and a dot,
// hollow where Hollow says so; an estimate beyond the horizontal axis is
// an arrowhead at the axis's end, pointing out, its interval drawn as far
// as the axis goes. Colors, where given, colour each point; else Color.
type indexMarks struct {
	Points []interval
	Hollow []bool
	Colors []color.Color
	Color  color.Color
}

// Plot implements plot.Plotter.
func (m *indexMarks) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	r := vg.Points(2.6)
	for i, q := range m.Points {
		if math.IsNaN(q.Value) {
			continue
		}
		col := m.Color
		if i < len(m.Colors) {
			col = m.Colors[i]
		}
		y := ty(q.At)
		if !math.IsNaN(q.Low) && !math.IsNaN(q.High) {
			lo, hi := max(q.Low, p.X.Min), min(q.High, p.X.Max)
			if lo <= hi {
				c.StrokeLines(lineStyle(col, 1.2, false), c.ClipLinesX([]vg.Point{{X: tx(lo), Y: y}, {X: tx(hi), Y: y}})...)
			}
		}
		switch {
		case q.Value < p.X.Min || q.Value > p.X.Max:
			x, dir := tx(p.X.Min), vg.Length(-1)
			if q.Value > p.X.Max {
				x, dir = tx(p.X.Max), 1
			}
			// an arrowhead whose tip is at the axis's end
			c.FillPolygon(col, []vg.Point{{X: x, Y: y}, {X: x - dir*2*r, Y: y + 1.3*r}, {X: x - dir*2*r, Y: y - 1.3*r}})
		case i < len(m.Hollow) && m.Hollow[i]:
			pt := vg.Point{X: tx(q.Value), Y: y}
			c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: r, Shape: draw.CircleGlyph{}}, pt)
			c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: r, Shape: draw.RingGlyph{}}, pt)
		default:
			c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: r, Shape: draw.CircleGlyph{}}, vg.Point{X: tx(q.Value), Y: y})
		}
	}
}

// dotThumb is a legend entry's dot, filled or hollow.
func dotThumb(c color.Color, hollow bool) plot.Thumbnailer {
	shape := draw.GlyphDrawer(draw.CircleGlyph{})
	if hollow {
		shape = draw.RingGlyph{}
	}
	return &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: c, Radius: vg.Points(2.6), Shape: shape}}
}
