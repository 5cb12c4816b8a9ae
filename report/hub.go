package report

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// hubPoint is the hub-and-spokes index at tick T: its mean over the Runs
// that had a patron alliance in force, with a normal 95% interval of that
// mean, and the share of all runs with an index of 0.6 or more.
type hubPoint struct {
	T               int
	Runs            int
	Mean, Low, High float64 // NaN when no run had a patron alliance
	Share06         runner.Proportion
}

// spell is a row of memberships.csv.
type spell struct {
	Alliance, Joined, Left int
	State                  string
}

// membership reads a row of memberships.csv of a run of horizon ticks,
// refusing one the run could not have written.
func membership(r *row, horizon int) (spell, error) {
	s := spell{Alliance: r.int("alliance"), State: r.get("state"), Joined: r.int("joined"), Left: r.optInt("left")}
	if s.Joined < 0 || s.Joined >= horizon || s.Left != -1 && (s.Left < s.Joined || s.Left > horizon) || s.Alliance < 0 {
		return s, fmt.Errorf("%s:%d: alliance %q, joined %q, left %q; allowed: an alliance id ≥ 0, joined a tick from 0 to %d, left empty (a member at the end) or a tick from joined to %d: the file is damaged ("+redoAdvice+")",
			r.file, r.line, r.get("alliance"), r.get("joined"), r.get("left"), horizon-1, horizon)
	}
	return s, nil
}

// hubIndex is bilateral patron alliances ÷ all patron alliances in force
// at t among a run's memberships (as runner.HubSpokesIndex).
func hubIndex(spells []spell, patrons map[string]bool, t int) (float64, bool) {
	type count struct{ members, patrons int }
	by := map[int]*count{}
	var order []int
	for _, s := range spells {
		if s.Joined > t || (s.Left >= 0 && t >= s.Left) {
			continue
		}
		c := by[s.Alliance]
		if c == nil {
			c = &count{}
			by[s.Alliance] = c
			order = append(order, s.Alliance)
		}
		c.members++
		if patrons[s.State] {
			c.patrons++
		}
	}
	bi, all := 0, 0
	for _, a := range order {
		if c := by[a]; c.members >= 2 && c.patrons > 0 {
			all++
			if c.members == 2 {
				bi++
			}
		}
	}
	if all == 0 {
		return 0, false
	}
	return float64(bi) / float64(all), true
}

// hubSeries streams memberships.csv (point 0) and computes the index at
// each of the ticks for every run; runs is the number of runs of the
// point (runs with no alliance have no rows), horizon its ticks.
func hubSeries(path string, patrons map[string]bool, ticks []int, runs, horizon int) ([]hubPoint, error) {
	n := make([]int, len(ticks))
	sum, sumSq := make([]float64, len(ticks)), make([]float64, len(ticks))
	ge06 := make([]int, len(ticks))
	var spells []spell
	run := -1
	flush := func() {
		for i, t := range ticks {
			if v, ok := hubIndex(spells, patrons, t); ok {
				n[i]++
				sum[i] += v
				sumSq[i] += v * v
				if v >= 0.6 {
					ge06[i]++
				}
			}
		}
		spells = spells[:0]
	}
	err := eachRow(path, func(r *row) error {
		if r.int("point") != 0 {
			return nil
		}
		if rn := r.int("run"); rn != run {
			flush()
			run = rn
		}
		sp, err := membership(r, horizon)
		spells = append(spells, sp)
		return err
	})
	if err != nil {
		return nil, err
	}
	flush()
	out := make([]hubPoint, len(ticks))
	for i, t := range ticks {
		h := hubPoint{T: t, Runs: n[i], Mean: math.NaN(), Low: math.NaN(), High: math.NaN(), Share06: runner.NewProportion(ge06[i], runs)}
		if n[i] > 0 {
			h.Mean = sum[i] / float64(n[i])
			half := 0.0
			if n[i] > 1 {
				variance := math.Max(0, (sumSq[i]-float64(n[i])*h.Mean*h.Mean)/float64(n[i]-1))
				half = runner.Z95() * math.Sqrt(variance/float64(n[i]))
			}
			h.Low, h.High = math.Max(0, h.Mean-half), math.Min(1, h.Mean+half)
		}
		out[i] = h
	}
	return out, nil
}

// yearlyTicks are the ticks that hold a January, and the last tick,
// within the horizon: a tick that starts in month m0 (0 for January) and
// lasts MonthsPerTick months holds one when m0 is 0 or it runs past the
// end of the year (a quarter from November does; one from February does
// not).
func yearlyTicks(cal sim.Calendar, horizon int) []int {
	var out []int
	for t := range horizon {
		m0 := (cal.StartMonth - 1 + t*cal.MonthsPerTick) % 12
		if (12-m0)%12 < cal.MonthsPerTick {
			out = append(out, t)
		}
	}
	if len(out) == 0 || out[len(out)-1] != horizon-1 {
		out = append(out, horizon-1)
	}
	return out
}

// hubFigure: the hub-and-spokes index over time.
func hubFigure(points []hubPoint, checkpoints []runner.HubSpokes, cal sim.Calendar) (Figure, error) {
	p := newPlot("", "date", "index / share of runs")
	unitRangeWithHeadroom(&p.Y) // the legend sits above 1
	var mean, lo, hi, share plotter.XYs
	for _, h := range points {
		x := yearOf(cal, h.T)
		share = append(share, plotter.XY{X: x, Y: h.Share06.Share})
		if math.IsNaN(h.Mean) {
			continue
		}
		mean, lo, hi = append(mean, plotter.XY{X: x, Y: h.Mean}), append(lo, plotter.XY{X: x, Y: h.Low}), append(hi, plotter.XY{X: x, Y: h.High})
	}
	if len(mean) > 0 {
		if len(mean) == 1 { // a lone sample: its band as wide as its tick
			lo, hi = widen(lo[0], halfTick(cal)), widen(hi[0], halfTick(cal))
		}
		p.Add(&band{Lower: lo, Upper: hi, Color: bandColor})
		m := line(mean, lineBlue, 1.6, false)
		p.Add(m)
		addLone(p, mean, lineBlue)
		p.Legend.Add("mean index over runs with a patron alliance (95% interval)", m)
	}
	s := line(share, lineRed, 1.2, true)
	p.Add(s)
	addLone(p, share, lineRed)
	p.Legend.Add("share of all runs with index ≥ 0.6", s)
	var marks []interval
	for _, c := range checkpoints {
		if c.Mean != nil {
			marks = append(marks, interval{At: yearOf(cal, c.Tick), Value: *c.Mean, Low: *c.Mean, High: *c.Mean})
		}
	}
	if len(marks) > 0 {
		w := &whiskers{Points: marks, Color: inkColor, Radius: vg.Points(3)}
		p.Add(w)
		p.Legend.Add("summary.json checkpoints", w)
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(6)
	dateAxis(&p.X, cal, 0, points[len(points)-1].T)
	dots := ""
	if len(marks) > 0 {
		dots = "; the dots are summary.json's checkpoints"
	}
	caption := "The hub-and-spokes index (bilateral patron alliances ÷ all patron alliances in force) once each year's first tick (the one holding January) has been played, and at the run's last tick, averaged over the runs that had a patron alliance then, with a normal 95% interval of the mean; and the share of all runs with an index of at least 0.6 (computed from memberships.csv" + dots + ")."
	if len(mean) == 0 {
		// Nothing but the share is drawn: say so, not what is missing.
		caption = "The share of all runs with a hub-and-spokes index (bilateral patron alliances ÷ all patron alliances in force) of at least 0.6, once each year's first tick (the one holding January) has been played, and at the run's last tick (computed from memberships.csv). No run had a patron alliance at any of those ticks, so the index itself is undefined and not drawn."
	}
	return plotFigure("hub-spokes", "Hub and spokes over time", caption, p, halfWidth, vg.Points(260))
}
