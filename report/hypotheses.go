package report

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/alliancesim/alliancesim/hypotheses"
)

// HypothesisRow is one row of the hypotheses table.
type HypothesisRow struct {
	ID, Claim, Test, Predicted, Rho, Change, Layouts, Verdict, Reason string
	Runs                                                              int // per world and level
}

// hypothesisRows is the table of hypotheses.json, as the hypotheses
// command prints it.
func hypothesisRows(rs []hypotheses.Result) []HypothesisRow {
	var out []HypothesisRow
	for _, r := range rs {
		row := HypothesisRow{ID: r.ID, Claim: r.Claim, Test: fmt.Sprintf("%s → %s (%s)", r.Lever, r.Outcome, r.Scenario),
			Layouts: fmt.Sprintf("%d/%d", r.Agree, len(r.Layouts)), Verdict: string(r.Verdict), Reason: r.Reason, Runs: r.Runs}
		row.Predicted, row.Rho, row.Change = r.Cells()
		out = append(out, row)
	}
	return out
}

// hypothesisFigure: a hypothesis's outcome at each level of its lever,
// pooled with its interval, and each layout's on its own (grey).
func hypothesisFigure(r hypotheses.Result) (Figure, error) {
	p, err := hypothesisPlot(r)
	if err != nil {
		return Figure{}, err
	}
	what := fmt.Sprintf("predicted: %s", r.Predicted)
	switch {
	case r.Predicted.Rate():
		what += fmt.Sprintf(" %.2f (dashed)", r.Threshold)
	case r.MinChange > 0: // a curve that moves the right way may still fall short
		what += fmt.Sprintf(" by at least %.2f from the lowest level to the highest", r.MinChange)
	}
	if r.Reason != "" {
		what += "; " + string(r.Verdict) + ": " + r.Reason
	}
	return plotFigure("hypothesis-"+strings.ToLower(r.ID), fmt.Sprintf("%s: %s → %s — %s", r.ID, r.Lever, r.Outcome, r.Verdict),
		fmt.Sprintf("%s (%s). The pooled outcome at each level with its 95%% interval (blue) and %s (grey); %s (hypotheses.json).", r.Claim, r.Source, layoutsInGrey(len(r.Layouts)), what),
		p, hypothesisW, hypothesisH)
}

// The size of a response plot.
const hypothesisW, hypothesisH = vg.Length(380), vg.Length(250)

// hypothesisPlot draws hypothesisFigure's plot.
func hypothesisPlot(r hypotheses.Result) (*plot.Plot, error) {
	p := newPlot("", r.Lever, r.Outcome)
	for _, l := range r.Layouts {
		var xys plotter.XYs
		for i, e := range l.Estimates {
			if e.Valid {
				xys = append(xys, plotter.XY{X: float64(i), Y: e.Value})
			}
		}
		switch {
		case len(xys) > 1:
			p.Add(line(xys, withAlpha(lineGrey, 120), 0.8, false))
		case len(xys) == 1: // a rate of one level (T5, T7): each layout a grey dot
			dots, err := plotter.NewScatter(xys)
			if err != nil {
				return nil, err
			}
			dots.GlyphStyle = draw.GlyphStyle{Color: withAlpha(lineGrey, 160), Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
			p.Add(dots)
		}
	}
	var pts []interval
	for i, e := range r.Pooled {
		if e.Valid {
			pts = append(pts, interval{At: float64(i), Value: e.Value, Low: e.Low, High: e.High})
		}
	}
	p.Add(&whiskers{Points: pts, Color: lineBlue, Join: true})
	if r.Predicted.Rate() {
		p.Add(line(plotter.XYs{{X: -0.5, Y: r.Threshold}, {X: float64(len(r.Levels)) - 0.5, Y: r.Threshold}}, lineRed, 1, true))
	} else {
		// A change is read off the curve's height: drawn on an axis
		// fitted to the data, a rise of 0.17 would fill the plot as one
		// of 0.7 does. Every outcome lies in [0, 1] (a share, a survival,
		// the hub index); the axis spans it whole (and more, should a
		// value fall outside).
		p.Y.Min, p.Y.Max = math.Min(p.Y.Min, 0), math.Max(p.Y.Max, 1)
	}
	p.NominalX(r.Levels...)
	p.X.Min, p.X.Max = -0.5, float64(len(r.Levels))-0.5
	// Outcomes such as NC1's run longer than the plot is high.
	p.Y.Label.Text = wrapText(r.Outcome, p.Y.Label.TextStyle, hypothesisH*0.75)
	p.X.Label.Text = wrapText(r.Lever, p.X.Label.TextStyle, hypothesisW*0.8)
	return p, nil
}

// anyValid reports whether some level has an estimate.
func anyValid(es []hypotheses.Estimate) bool {
	for _, e := range es {
		if e.Valid {
			return true
		}
	}
	return false
}

// layoutsInGrey names the grey lines of a response plot: "each of 5
// layouts", "its one layout".
func layoutsInGrey(n int) string {
	if n == 1 {
		return "its one layout"
	}
	return fmt.Sprintf("each of %d layouts", n)
}
