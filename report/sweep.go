package report

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/runner"
)

// responseLevel is one value of a varied parameter with every share
// pooled over the points that have it (counts and runs added, the
// interval recomputed): the marginal response to that parameter.
type responseLevel struct {
	Label  string
	X      float64 // the value if numeric, else the level's position
	Shares map[string]runner.Proportion
}

// sweepResponse pools a sweep's points by the value of one varied path.
// Numeric values are sorted; others keep the order of the points.
func sweepResponse(s *runner.SweepSummary, path string) (levels []responseLevel, numeric bool) {
	type acc struct {
		label  string
		x      float64
		counts map[string][2]int
	}
	var accs []*acc
	find := map[string]*acc{}
	numeric = true
	for _, p := range s.Points {
		v := p.Values[path]
		label := fmt.Sprint(v)
		if f, ok := v.(float64); ok {
			label = runner.FormatFloat(f)
		} else {
			numeric = false
		}
		a := find[label]
		if a == nil {
			a = &acc{label: label, counts: map[string][2]int{}}
			if f, ok := v.(float64); ok {
				a.x = f
			}
			find[label] = a
			accs = append(accs, a)
		}
		for k, sh := range p.Shares {
			c := a.counts[k]
			a.counts[k] = [2]int{c[0] + sh.Count, c[1] + sh.N}
		}
	}
	if numeric {
		slices.SortStableFunc(accs, func(a, b *acc) int {
			switch {
			case a.x < b.x:
				return -1
			case a.x > b.x:
				return 1
			}
			return 0
		})
	}
	for i, a := range accs {
		l := responseLevel{Label: a.label, X: a.x, Shares: map[string]runner.Proportion{}}
		if !numeric {
			l.X = float64(i)
		}
		for k, c := range a.counts {
			l.Shares[k] = runner.NewProportion(c[0], c[1])
		}
		levels = append(levels, l)
	}
	return levels, numeric
}

// sweepFigure: the response of every share to one varied parameter, one
// panel per share.
func sweepFigure(k int, s *runner.SweepSummary, path string) (Figure, error) {
	levels, numeric := sweepResponse(s, path)
	var plots []*plot.Plot
	for _, key := range runner.ShareKeys() {
		p := newPlot(key, path, "")
		p.Title.TextStyle.Font.Size = vg.Points(9)
		p.X.Label.TextStyle.Font.Size = vg.Points(7)
		p.X.Tick.Label.Font.Size = vg.Points(7)
		p.Y.Tick.Label.Font.Size = vg.Points(7)
		unitRange(&p.Y)
		var pts []interval
		for _, l := range levels {
			sh := l.Shares[key]
			pts = append(pts, interval{At: l.X, Value: sh.Share, Low: sh.Low, High: sh.High})
		}
		p.Add(&whiskers{Points: pts, Color: lineBlue, Join: true})
		if !numeric {
			var names []string
			for _, l := range levels {
				names = append(names, l.Label)
			}
			p.NominalX(names...)
			p.X.Min, p.X.Max = -0.5, float64(len(levels))-0.5
		} else if len(levels) > 0 {
			pad := (levels[len(levels)-1].X - levels[0].X) * 0.05
			if pad == 0 {
				pad = 0.5
			}
			p.X.Min, p.X.Max = levels[0].X-pad, levels[len(levels)-1].X+pad
		}
		plots = append(plots, p)
	}
	return gridFigure(fmt.Sprintf("sweep-%d", k), fmt.Sprintf("Response to %s", path),
		fmt.Sprintf("The share of runs in which each design formed at each value of %s, pooled over the other varied parameters' values (counts of the points added), with 95%% Wilson intervals (summary.json, points).", path),
		plots, 4, vg.Points(170), vg.Points(130))
}
