package report

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// commitmentPoint is the share of all runs in which a patron had made its
// first commitment by tick T, with its 95% Wilson interval.
type commitmentPoint struct {
	T int
	runner.Proportion
}

// commitmentCurve is the cumulative share of runs with a patron
// commitment, one point per tick at which some run's first one came.
func commitmentCurve(runs []runRow) []commitmentPoint {
	var ticks []int
	for _, r := range runs {
		if r.FirstCommitment >= 0 {
			ticks = append(ticks, r.FirstCommitment)
		}
	}
	slices.Sort(ticks)
	var out []commitmentPoint
	for i, t := range ticks {
		if i+1 < len(ticks) && ticks[i+1] == t {
			continue
		}
		out = append(out, commitmentPoint{T: t, Proportion: runner.NewProportion(i+1, len(runs))})
	}
	return out
}

// commitmentFigure: time to the first patron commitment.
func commitmentFigure(runs []runRow, fc runner.FirstCommitment, cal sim.Calendar, horizon int) (Figure, error) {
	curve := commitmentCurve(runs)
	p := newPlot("", "date", "share of runs with a patron commitment")
	unitRange(&p.Y)
	x0, x1 := yearOf(cal, 0), yearOf(cal, horizon)
	// Before any run's first commitment the share is 0 of every run, whose
	// interval still reaches up (to 0.28 of 10 runs), not a band of no width.
	none := runner.NewProportion(0, max(len(runs), 1))
	s, lo, hi := plotter.XYs{{X: x0, Y: 0}}, plotter.XYs{{X: x0, Y: none.Low}}, plotter.XYs{{X: x0, Y: none.High}}
	for _, c := range curve {
		x := yearOf(cal, c.T)
		s, lo, hi = append(s, plotter.XY{X: x, Y: c.Share}), append(lo, plotter.XY{X: x, Y: c.Low}), append(hi, plotter.XY{X: x, Y: c.High})
	}
	last := s[len(s)-1].Y
	s, lo, hi = append(s, plotter.XY{X: x1, Y: last}), append(lo, plotter.XY{X: x1, Y: lo[len(lo)-1].Y}), append(hi, plotter.XY{X: x1, Y: hi[len(hi)-1].Y})
	p.Add(&band{Lower: steps(lo), Upper: steps(hi), Color: bandColor})
	p.Add(line(steps(s), lineBlue, 1.6, false))
	dateAxis(&p.X, cal, 0, horizon)
	median := "no patron committed in any run"
	if fc.Median != nil {
		m := *fc.Median // a whole tick, or halfway between two (an even count)
		when := cal.Label(int(m))
		if lo := math.Floor(m); m != lo {
			when = "between " + cal.Label(int(lo)) + " and " + cal.Label(int(lo)+1)
		}
		unit := "ticks" // of a month; a longer tick is named, as the CLI names it
		if cal.MonthsPerTick > 1 {
			unit = fmt.Sprintf("ticks of %d months", cal.MonthsPerTick)
		}
		median = fmt.Sprintf("median %s %s after the start (%s), mean %.1f %s, over the runs with one (summary.json, first_commitment; dashed)", trimFloat(m), unit, when, *fc.Mean, unit)
		x := yearAt(cal, m)
		p.Add(line(plotter.XYs{{X: x, Y: 0}, {X: x, Y: 1}}, lineGrey, 0.8, true))
	}
	return plotFigure("first-commitment", "Time to the first patron commitment",
		fmt.Sprintf("The share of the %s in which a patron had joined its first alliance by each date, with 95%% Wilson intervals (runs.csv, first_commitment); %s.", words.Count(len(runs), "run", "runs"), median),
		p, halfWidth, vg.Points(240))
}

// yearOf is the date of a tick as a fractional year, for time axes: the
// start of the month (or months) the tick stands for, the date its events
// carry. A sample of the state at the tick's end (series.csv, a hub
// checkpoint) is drawn there too, as the month's outcome: an alliance
// formed in tick t is in the sample drawn at t, where the Gantt chart
// starts its bar, not one tick later.
func yearOf(cal sim.Calendar, tick int) float64 { return yearAt(cal, float64(tick)) }

// halfTick is half a tick in years: how far either side of a lone
// sample its band is drawn.
func halfTick(cal sim.Calendar) float64 { return yearAt(cal, 0.5) - yearAt(cal, 0) }

// yearAt is yearOf at a fractional tick (a median between two ticks).
func yearAt(cal sim.Calendar, tick float64) float64 {
	return float64(cal.StartYear) + (float64(cal.StartMonth-1)+tick*float64(cal.MonthsPerTick))/12
}

// trimFloat writes a number without trailing zeros.
func trimFloat(x float64) string { return runner.FormatFloat(x) }
