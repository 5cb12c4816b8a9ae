package report

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/runner"
)

// kmCurve is a Kaplan–Meier curve ready to draw: the step function's
// points and its band, with time in years.
type kmCurve struct {
	Group           string
	Split           *float64 // the median alliance's cohesion (the upper of two) rounded down to a multiple of 0.001 (runner.cohesionSplit), for the halves by convergence
	N, Events       int
	Median          *float64 // ticks
	S, Lower, Upper plotter.XYs
}

// kmCurveOf starts the curve at (0, 1) and puts a point at every time of
// survival.csv with its S and band; steps() turns them into corners.
func kmCurveOf(g runner.GroupSurvival, yearsPerTick float64) kmCurve {
	c := kmCurve{Group: g.Group, Split: g.Split, N: g.N, Events: g.Events, Median: g.Median,
		S: plotter.XYs{{X: 0, Y: 1}}, Lower: plotter.XYs{{X: 0, Y: 1}}, Upper: plotter.XYs{{X: 0, Y: 1}}}
	for _, pt := range g.Points {
		x := pt.T * yearsPerTick
		c.S = append(c.S, plotter.XY{X: x, Y: pt.S})
		c.Lower = append(c.Lower, plotter.XY{X: x, Y: pt.Lower})
		c.Upper = append(c.Upper, plotter.XY{X: x, Y: pt.Upper})
	}
	return c
}

// survivalGroups are the curves of the groups with the given prefix
// ("kind=", "origin=" or "cohesion="), in the summary's order.
func survivalGroups(s *runner.Summary, prefix string, yearsPerTick float64) []kmCurve {
	var out []kmCurve
	for _, g := range s.Survival {
		if strings.HasPrefix(g.Group, prefix) && g.N > 0 {
			out = append(out, kmCurveOf(g, yearsPerTick))
		}
	}
	return out
}

// survivalFigure draws the Kaplan–Meier curves of one family of groups
// with their 95% bands, time on the x axis counted from since ("formation"
// unless a family counts some lifetimes from a later start), and note
// added to the caption.
func survivalFigure(id, title, by, since, note string, s *runner.Summary, prefix string, yearsPerTick float64) (Figure, bool, error) {
	curves := survivalGroups(s, prefix, yearsPerTick)
	if len(curves) == 0 {
		return Figure{}, false, nil
	}
	p := newPlot("", "years since "+since, "share of alliances still in force")
	unitRange(&p.Y)
	for i, c := range curves {
		col := paletteAt(i)
		p.Add(&band{Lower: steps(c.Lower), Upper: steps(c.Upper), Color: withAlpha(col, 45)})
		l := line(steps(c.S), col, 1.6, false)
		p.Add(l)
		// Not "beyond the horizon": the curve says only that half were
		// still in force at its last time, which may be well before it.
		med := fmt.Sprintf("median not reached in %.1f years", c.S[len(c.S)-1].X)
		if c.Median != nil {
			med = fmt.Sprintf("median %.1f years", *c.Median*yearsPerTick)
		}
		name := strings.TrimPrefix(c.Group, prefix) // "kind=bilateral": "bilateral"
		switch {
		case c.Split != nil && name == "low":
			name = fmt.Sprintf("below %.3f", *c.Split)
		case c.Split != nil && name == "high":
			name = fmt.Sprintf("%.3f and above", *c.Split)
		}
		p.Legend.Add(fmt.Sprintf("%s (n %d, %s)", name, c.N, med), l)
	}
	p.Legend.Top = false
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(6)
	p.Legend.YOffs = vg.Points(6)
	f, err := plotFigure(id, title,
		fmt.Sprintf("Kaplan–Meier survival of alliances %s, with the Greenwood log–log 95%% band; alliances in force at the horizon are right-censored%s. Time in years, from the ticks of %s that summary.json (survival) and survival.csv count (survival.csv has each point's curves).", by, note, tickLength(yearsPerTick)),
		p, halfWidth, vg.Points(280))
	return f, true, err
}

// tickLength says how long a tick of yearsPerTick years is, in months:
// "a month", "3 months".
func tickLength(yearsPerTick float64) string {
	if months := yearsPerTick * 12; months != 1 {
		return fmt.Sprintf("%g months", months)
	}
	return "a month"
}
