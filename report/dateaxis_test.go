package report

import (
	"slices"
	"testing"

	"gonum.org/v1/plot"

	"github.com/alliancesim/alliancesim/sim"
)

// Date axes are ticked at round years over two years or more, at months
// over less, with at most eight marks: by hand, 1947-01 to 1992-01 steps
// by 10 years (by 5 it would take 9 marks), 2000 to 2020 by 5 (by 2, 11),
// 2000 to 2002, exactly two years, by 1; 2000-01 to 2001-12, a month
// short of two years, by 3 months (by 2, 12 marks); 2000-01 to 2000-04 by
// months, 1950-01 to 1951-07 by 3 months (by 1, 19 marks; by 2, 10).
func TestDateTicks(t *testing.T) {
	labels := func(ticks []plot.Tick) []string {
		var out []string
		for _, tk := range ticks {
			out = append(out, tk.Label)
		}
		return out
	}
	for _, c := range []struct {
		lo, hi float64
		want   []string
	}{
		{1947, 1992, []string{"1950", "1960", "1970", "1980", "1990"}},
		{2000, 2020, []string{"2000", "2005", "2010", "2015", "2020"}},
		{2000, 2002, []string{"2000", "2001", "2002"}},
		{2000, 2000 + 23.0/12, []string{"2000-01", "2000-04", "2000-07", "2000-10", "2001-01", "2001-04", "2001-07", "2001-10"}},
		{2000, 2000 + 3.0/12, []string{"2000-01", "2000-02", "2000-03", "2000-04"}},
		{1950, 1951 + 6.0/12, []string{"1950-01", "1950-04", "1950-07", "1950-10", "1951-01", "1951-04", "1951-07"}},
	} {
		ticks := (dateTicks{}).Ticks(c.lo, c.hi)
		if got := labels(ticks); !slices.Equal(got, c.want) {
			t.Errorf("%v to %v: ticks %v, want %v", c.lo, c.hi, got, c.want)
		}
		for _, tk := range ticks {
			if tk.Value < c.lo-1e-9 || tk.Value > c.hi+1e-9 {
				t.Errorf("%v to %v: tick %s at %v, outside the axis", c.lo, c.hi, tk.Label, tk.Value)
			}
		}
	}
	// 1950-04 sits at a quarter of 1950, as yearOf puts its tick.
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	if got := (dateTicks{}).Ticks(1950, 1951+6.0/12)[1].Value; got != yearOf(cal, 3) {
		t.Errorf("1950-04 ticked at %v, want yearOf's %v", got, yearOf(cal, 3))
	}
}

// An axis of a run one tick long is given that tick's length.
func TestDateAxisOfOneTick(t *testing.T) {
	p := plot.New()
	dateAxis(&p.X, sim.Calendar{StartYear: 2000, StartMonth: 1, MonthsPerTick: 3}, 0, 0)
	if p.X.Min != 2000 || p.X.Max != 2000.25 {
		t.Errorf("axis from %v to %v, want 2000 to 2000.25", p.X.Min, p.X.Max)
	}
}
