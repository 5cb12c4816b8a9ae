package report

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
)

// labelled is a share of runs with its label.
type labelled struct {
	Label string
	runner.Proportion
}

// shareRows are the summary's shares in the order of runner.ShareKeys.
func shareRows(s *runner.Summary) []labelled {
	var out []labelled
	for _, k := range runner.ShareKeys() {
		out = append(out, labelled{Label: k, Proportion: s.Shares[k]})
	}
	return out
}

// proportionsPlot draws shares as dots with their 95% intervals, one row
// per label, the first at the top.
func proportionsPlot(title string, rows []labelled) *plot.Plot {
	p := newPlot(title, "share of runs (95% interval)", "")
	pts := make([]interval, len(rows))
	names := make([]string, len(rows))
	for i, r := range rows {
		at := float64(len(rows) - 1 - i)
		pts[i] = interval{At: at, Value: r.Share, Low: r.Low, High: r.High}
		names[len(rows)-1-i] = r.Label
	}
	p.Add(&whiskers{Points: pts, Color: lineBlue, Across: true})
	p.NominalY(names...)
	unitRange(&p.X)
	p.Y.Min, p.Y.Max = -0.7, float64(len(rows))-0.3
	return p
}

// sharesFigure: the share of runs in which each design formed.
func sharesFigure(s *runner.Summary) (Figure, error) {
	rows := shareRows(s)
	p := proportionsPlot("", rows)
	return plotFigure("shares", "Shares of runs in which each design formed",
		fmt.Sprintf("The share of the %s in which each kind of alliance ever formed, with its 95%% Wilson interval (summary.json, shares).", words.Count(s.Runs, "run", "runs")),
		p, vg.Points(620), vg.Points(40+22*float64(len(rows))))
}

// maxShapes is how many alliance shapes the report draws.
const maxShapes = 15

// shapeRows are the most frequent member sets, at most maxShapes.
func shapeRows(s *runner.Summary) []labelled {
	var out []labelled
	for i, sh := range s.Shapes {
		if i == maxShapes {
			break
		}
		out = append(out, labelled{Label: strings.Join(sh.Members, " "), Proportion: sh.Share})
	}
	return out
}

// shapesFigure: the most frequent alliance shapes.
func shapesFigure(s *runner.Summary) (Figure, bool, error) {
	rows := shapeRows(s)
	if len(rows) == 0 {
		return Figure{}, false, nil
	}
	p := proportionsPlot("", rows)
	more := ""
	if n := len(s.Shapes) - len(rows); n > 0 {
		verb := "are"
		if n == 1 {
			verb = "is"
		}
		more = fmt.Sprintf("; %s, in as many runs as the last drawn or fewer, %s in summary.json", words.Count(n, "more shape", "more shapes"), verb)
	}
	f, err := plotFigure("shapes", "Most frequent alliance shapes",
		fmt.Sprintf("The member sets an alliance had at some time, by the share of the %s in which one was in force, with 95%% Wilson intervals (summary.json, shapes)%s.", words.Count(s.Runs, "run", "runs"), more),
		p, vg.Points(620), vg.Points(40+20*float64(len(rows))))
	return f, true, err
}
