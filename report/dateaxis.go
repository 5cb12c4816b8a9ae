package report

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"

	"github.com/alliancesim/alliancesim/sim"
)

// dateAxis makes axis a show dates from tick from to tick to (yearOf's
// fractional years), ticked at whole years or, over less than two years,
// at months (dateTicks). An axis of one tick is widened to that tick's
// length, so that it has a width to draw.
func dateAxis(a *plot.Axis, cal sim.Calendar, from, to int) {
	a.Min, a.Max = yearOf(cal, from), yearOf(cal, to)
	if a.Max <= a.Min {
		a.Max = a.Min + float64(cal.MonthsPerTick)/12
	}
	a.Tick.Marker = dateTicks{}
}

// dateTicks marks an axis of fractional years (January 1950 is 1950, each
// month a twelfth) at round dates: years stepped by 1, 2, 5, 10, 20, 50 or
// 100, labelled 1950, over two years or more; months stepped by 1, 2, 3, 6
// or 12, labelled 1950-04, over less. It takes the smallest step that leaves
// at most maxDateTicks marks. gonum's default ticks read the years as
// plain numbers (2e+03 over a short run, 2001, 2010, 2019 over a long one).
type dateTicks struct{}

// maxDateTicks is the most labelled marks a date axis gets.
const maxDateTicks = 8

// Ticks implements plot.Ticker. An axis no round step fits, or past
// any calendar (a damaged file's dates), gets gonum's default ticks.
func (dateTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(math.Abs(lo) < 1e8 && math.Abs(hi) < 1e8 && lo <= hi) { // months fit an int of 32 bits
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	// Months counted from year 0: January 1950 is 1950·12.
	first, last := int(math.Ceil(lo*12-1e-9)), int(math.Floor(hi*12+1e-9))
	if hi-lo >= 2 {
		for _, years := range []int{1, 2, 5, 10, 20, 50, 100} {
			if ticks := dateMarks(first, last, 12*years, func(m int) string { return fmt.Sprintf("%04d", m/12) }); ticks != nil {
				return ticks
			}
		}
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	for _, months := range []int{1, 2, 3, 6, 12} {
		if ticks := dateMarks(first, last, months, func(m int) string { return fmt.Sprintf("%04d-%02d", m/12, m%12+1) }); ticks != nil {
			return ticks
		}
	}
	return plot.DefaultTicks{}.Ticks(lo, hi)
}

// dateMarks are the months from first to last that are multiples of step
// (counted from year 0), each labelled; nil if there are more than
// maxDateTicks.
func dateMarks(first, last, step int, label func(month int) string) []plot.Tick {
	start := (first + step - 1) / step * step
	if start <= last && (last-start)/step+1 > maxDateTicks {
		return nil
	}
	var ticks []plot.Tick
	for m := start; m <= last; m += step {
		ticks = append(ticks, plot.Tick{Value: float64(m) / 12, Label: label(m)})
	}
	return ticks
}
