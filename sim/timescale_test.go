package sim

import "testing"

func TestPerTick(t *testing.T) {
	month, quarter, year := Calendar{MonthsPerTick: 1}, Calendar{MonthsPerTick: 3}, Calendar{MonthsPerTick: 12}
	for _, p := range []float64{0, 0.01, 0.02, 0.2, 0.3, 1} {
		if got := month.PerTick(p); got != p {
			t.Errorf("monthly PerTick(%v) = %v, want %v to the bit", p, got, p)
		}
		if got := (Calendar{}).PerTick(p); got != p {
			t.Errorf("PerTick(%v) of an unset calendar = %v, want the month's %v", p, got, p)
		}
	}
	for _, c := range []struct {
		cal       Calendar
		p, want   float64
		statement string
	}{
		{quarter, 0.02, 0.058808, "1 − 0.98³"},
		{quarter, 0.2, 0.488, "1 − 0.8³"},
		{quarter, 0.01, 0.029701, "1 − 0.99³"},
		{year, 0.02, 0.21528327626520, "1 − 0.98¹²"},
		{quarter, 0, 0, "never"},
		{year, 1, 1, "surely"},
	} {
		nearly(t, c.statement, c.cal.PerTick(c.p), c.want, 1e-13)
	}
}

func TestTicksFor(t *testing.T) {
	for _, c := range []struct{ perTick, months, want int }{
		{1, 24, 24}, {1, 1, 1}, {1, 0, 0},
		{3, 24, 8}, {3, 12, 4}, {3, 13, 5}, {3, 1, 1}, {3, 0, 0},
		{12, 24, 2}, {12, 12, 1}, {12, 11, 1}, {12, 25, 3}, {12, 0, 0},
	} {
		if got := (Calendar{MonthsPerTick: c.perTick}).TicksFor(c.months); got != c.want {
			t.Errorf("TicksFor(%d months) at %d months a tick = %d, want %d", c.months, c.perTick, got, c.want)
		}
	}
}
