package sim_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// ParseMonth reads exactly "YYYY-MM": four digits, a hyphen, two digits,
// the month in 01…12. Anything else is refused with 0, 0 and an error
// that quotes the input and says what is allowed.
func TestParseMonth(t *testing.T) {
	for _, c := range []struct {
		in          string
		year, month int
	}{
		{"1950-06", 1950, 6},
		{"1950-01", 1950, 1},
		{"1950-12", 1950, 12},
		{"0950-10", 950, 10}, // a year before 1000 is written with its leading zero
		{"0000-01", 0, 1},
		{"9999-12", 9999, 12},
	} {
		y, m, err := sim.ParseMonth(c.in)
		if err != nil || y != c.year || m != c.month {
			t.Errorf("ParseMonth(%q) = %d, %d, %v; want %d, %d, nil", c.in, y, m, err, c.year, c.month)
		}
	}
	for _, in := range []string{
		"1950-00", "1950-13", "1950-99", // no month 0 or 13
		"1950-6", "950-06", "19500-06", // not four and two digits
		"1950/06", "195006", "1950-06-01", "1950-", "-06", "",
		"195a-06", "1950-0x", " 1950-06", "1950-06 ", "-950-06",
		"+950-06", "1950-+6", // Atoi would take the sign
	} {
		y, m, err := sim.ParseMonth(in)
		if err == nil || y != 0 || m != 0 {
			t.Errorf("ParseMonth(%q) = %d, %d, %v; want 0, 0 and an error", in, y, m, err)
		}
	}
	_, _, err := sim.ParseMonth("1950-13")
	if want := `"1950-13" is not a month; allowed: YYYY-MM, e.g. 1950-06`; err == nil || err.Error() != want {
		t.Errorf("ParseMonth(\"1950-13\") error %v, want %s", err, want)
	}
}

// Calendars starting in June 1950, a tick lasting 1, 3 or 12 months. A
// tick's label is its first month, start + tick·length; its last month is
// length − 1 months later; TickOf is the tick whose months hold the date,
// rounding down (towards earlier ticks) before the start. Months are
// counted from January of year 0: June 1950 is 1950·12 + 5 = 23405.
var (
	monthly   = sim.Calendar{StartYear: 1950, StartMonth: 6, MonthsPerTick: 1}
	quarterly = sim.Calendar{StartYear: 1950, StartMonth: 6, MonthsPerTick: 3}
	yearly    = sim.Calendar{StartYear: 1950, StartMonth: 6, MonthsPerTick: 12}
)

func TestCalendarLabel(t *testing.T) {
	for _, c := range []struct {
		name string
		cal  sim.Calendar
		tick int
		want string
	}{
		{"monthly", monthly, 0, "1950-06"},
		{"monthly", monthly, 6, "1950-12"},  // 23411 = 1950·12 + 11
		{"monthly", monthly, 7, "1951-01"},  // 23412 = 1951·12 + 0
		{"monthly", monthly, -5, "1950-01"}, // 23400 = 1950·12 + 0
		{"monthly", monthly, -6, "1949-12"}, // 23399 = 1949·12 + 11
		{"quarterly", quarterly, 0, "1950-06"},
		{"quarterly", quarterly, 1, "1950-09"},  // 23405 + 3 = 23408 = 1950·12 + 8
		{"quarterly", quarterly, 3, "1951-03"},  // 23405 + 9 = 23414 = 1951·12 + 2
		{"quarterly", quarterly, -1, "1950-03"}, // 23405 − 3 = 23402 = 1950·12 + 2
		{"quarterly", quarterly, -3, "1949-09"}, // 23405 − 9 = 23396 = 1949·12 + 8
		{"yearly", yearly, 0, "1950-06"},
		{"yearly", yearly, 1, "1951-06"},
		{"yearly", yearly, 50, "2000-06"},
		{"yearly", yearly, -2, "1948-06"},
		// MonthsPerTick 0 (unset) counts as monthly.
		{"unset", sim.Calendar{StartYear: 1950, StartMonth: 6}, 7, "1951-01"},
		// a year before 1000 keeps four digits
		{"early", sim.Calendar{StartYear: 950, StartMonth: 12, MonthsPerTick: 1}, 1, "0951-01"},
		// before year 0, as ISO 8601 writes it: −1 = −1·12 + 11
		{"year 0", sim.Calendar{StartYear: 0, StartMonth: 1, MonthsPerTick: 1}, -1, "-0001-12"},
		{"year 0", sim.Calendar{StartYear: 0, StartMonth: 1, MonthsPerTick: 1}, -13, "-0002-12"}, // −13 = −2·12 + 11
		{"year 0", sim.Calendar{StartYear: 0, StartMonth: 3, MonthsPerTick: 12}, -1, "-0001-03"}, // 2 − 12 = −10 = −1·12 + 2
		{"year 0", sim.Calendar{StartYear: 0, StartMonth: 1, MonthsPerTick: 1}, 0, "0000-01"},
	} {
		if got := c.cal.Label(c.tick); got != c.want {
			t.Errorf("%s: Label(%d) = %q, want %q", c.name, c.tick, got, c.want)
		}
	}
}

func TestCalendarLastMonth(t *testing.T) {
	for _, c := range []struct {
		name string
		cal  sim.Calendar
		tick int
		want string
	}{
		// monthly: the tick's own month
		{"monthly", monthly, 0, "1950-06"},
		{"monthly", monthly, 7, "1951-01"},
		{"monthly", monthly, -6, "1949-12"},
		// quarterly: two months after the label
		{"quarterly", quarterly, 0, "1950-08"},  // 23405 + 3 − 1 = 23407 = 1950·12 + 7
		{"quarterly", quarterly, 2, "1951-02"},  // 23405 + 9 − 1 = 23413 = 1951·12 + 1
		{"quarterly", quarterly, -1, "1950-05"}, // 23405 + 0 − 1 = 23404 = 1950·12 + 4
		{"quarterly", quarterly, -2, "1950-02"}, // 23405 − 3 − 1 = 23401 = 1950·12 + 1
		// yearly: eleven months after the label
		{"yearly", yearly, 0, "1951-05"},  // 23405 + 12 − 1 = 23416 = 1951·12 + 4
		{"yearly", yearly, 1, "1952-05"},  // 23405 + 24 − 1 = 23428 = 1952·12 + 4
		{"yearly", yearly, -1, "1950-05"}, // 23405 − 1 = 23404
		{"yearly", yearly, -2, "1949-05"}, // 23405 − 12 − 1 = 23392 = 1949·12 + 4
	} {
		if got := c.cal.LastMonth(c.tick); got != c.want {
			t.Errorf("%s: LastMonth(%d) = %q, want %q", c.name, c.tick, got, c.want)
		}
	}
}

func TestCalendarTickOf(t *testing.T) {
	for _, c := range []struct {
		name        string
		cal         sim.Calendar
		year, month int
		want        int
	}{
		// monthly: the months since the start, d
		{"monthly", monthly, 1950, 6, 0},
		{"monthly", monthly, 1951, 1, 7},
		{"monthly", monthly, 1950, 5, -1},
		{"monthly", monthly, 1949, 12, -6},
		// quarterly: ⌊d/3⌋
		{"quarterly", quarterly, 1950, 6, 0},
		{"quarterly", quarterly, 1950, 8, 0},   // d = 2
		{"quarterly", quarterly, 1950, 9, 1},   // d = 3
		{"quarterly", quarterly, 1951, 2, 2},   // d = 8
		{"quarterly", quarterly, 1950, 5, -1},  // d = −1: March–May 1950
		{"quarterly", quarterly, 1950, 3, -1},  // d = −3
		{"quarterly", quarterly, 1950, 2, -2},  // d = −4: Dec 1949–Feb 1950
		{"quarterly", quarterly, 1949, 12, -2}, // d = −6
		{"quarterly", quarterly, 1949, 11, -3}, // d = −7
		// yearly: ⌊d/12⌋
		{"yearly", yearly, 1950, 6, 0},
		{"yearly", yearly, 1951, 5, 0},   // d = 11
		{"yearly", yearly, 1951, 6, 1},   // d = 12
		{"yearly", yearly, 1950, 5, -1},  // d = −1
		{"yearly", yearly, 1949, 6, -1},  // d = −12
		{"yearly", yearly, 1949, 5, -2},  // d = −13
		{"yearly", yearly, 1900, 6, -50}, // d = −600
	} {
		if got := c.cal.TickOf(c.year, c.month); got != c.want {
			t.Errorf("%s: TickOf(%d, %d) = %d, want %d", c.name, c.year, c.month, got, c.want)
		}
	}
}

// A run must end by 9999-12: the last month a date can name. So many ticks
// that months would overflow are refused without the arithmetic.
func TestCheckHorizon(t *testing.T) {
	c := sim.Calendar{StartYear: 9999, StartMonth: 1, MonthsPerTick: 3}
	if err := c.CheckHorizon(4); err != nil {
		t.Fatalf("9999-01 + 4 quarters ends in 9999-12: %v", err)
	}
	for ticks, want := range map[int]string{
		5:               "5 ticks from 9999-01 end in 10000-03; allowed: a run that ends by 9999-12 (at most 4 ticks from this start)",
		math.MaxInt / 2: fmt.Sprintf("%d ticks from 9999-01 end after 9999-12; allowed: a run that ends by 9999-12 (at most 4 ticks from this start)", math.MaxInt/2),
	} {
		if err := c.CheckHorizon(ticks); err == nil || err.Error() != want {
			t.Errorf("%d ticks: got %v\nwant %s", ticks, err, want)
		}
	}
	dec := sim.Calendar{StartYear: 9999, StartMonth: 12, MonthsPerTick: 1}
	if err := dec.CheckHorizon(2); err == nil || err.Error() != "2 ticks from 9999-12 end in 10000-01; allowed: a run that ends by 9999-12 (at most 1 tick from this start)" {
		t.Errorf("one tick left: %v", err)
	}
}

// The longest run a date can name: from 0000-01, 120000 months end in
// 9999-12, the last tick that many ticks can reach without the arithmetic
// being skipped; one more is refused, with the most from that start.
func TestCheckHorizonFromYearZero(t *testing.T) {
	c := sim.Calendar{StartYear: 0, StartMonth: 1, MonthsPerTick: 1}
	if err := c.CheckHorizon(120_000); err != nil {
		t.Fatalf("0000-01 + 120000 months ends in 9999-12: %v", err)
	}
	want := "120001 ticks from 0000-01 end after 9999-12; allowed: a run that ends by 9999-12 (at most 120000 ticks from this start)"
	if err := c.CheckHorizon(120_001); err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// Check accepts a scenario's calendars and names what is wrong with any
// other, the zero Calendar included.
func TestCalendarCheck(t *testing.T) {
	for _, c := range []struct {
		cal  sim.Calendar
		want string
	}{
		{sim.Calendar{StartYear: 1947, StartMonth: 1, MonthsPerTick: 1}, ""},
		{sim.Calendar{StartYear: 1950, StartMonth: 12, MonthsPerTick: 3}, ""},
		{sim.Calendar{StartYear: 9999, StartMonth: 6, MonthsPerTick: 12}, ""},
		{sim.Calendar{StartYear: 1950, StartMonth: 13, MonthsPerTick: 1}, "year 1950, month 13 is not a month; allowed: a month of the years 0000 to 9999"},
		{sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 2}, "2 months per tick; allowed: month, quarter, year (1, 3 or 12 months)"},
		{sim.Calendar{}, "year 0, month 0 is not a month; allowed: a month of the years 0000 to 9999; 0 months per tick; allowed: month, quarter, year (1, 3 or 12 months)"},
	} {
		err := c.cal.Check()
		if got := fmt.Sprint(err); (err == nil) != (c.want == "") || err != nil && got != c.want {
			t.Errorf("%+v: %v, want %q", c.cal, err, c.want)
		}
	}
}

// TickUnit names each tick length by its unit, the inverse of TickUnits
// (what configs writes as tick and the command line as "quarterly"), and
// no other length; LabelNote says how a tick longer than a month is dated,
// and nothing of a month's (or of the zero calendar's, taken as monthly).
func TestCalendarTickUnitAndLabelNote(t *testing.T) {
	for name, months := range sim.TickUnits() {
		if got, ok := (sim.Calendar{MonthsPerTick: months}).TickUnit(); !ok || got != name {
			t.Errorf("%d months: TickUnit %q, %v; want %q", months, got, ok, name)
		}
	}
	for _, months := range []int{0, 2, 6, -3} {
		if got, ok := (sim.Calendar{MonthsPerTick: months}).TickUnit(); ok {
			t.Errorf("%d months: TickUnit %q, want none", months, got)
		}
	}
	for months, want := range map[int]string{0: "", 1: "", 3: "each dated by its first month", 12: "each dated by its first month"} {
		if got := (sim.Calendar{MonthsPerTick: months}).LabelNote(); got != want {
			t.Errorf("%d months: LabelNote %q, want %q", months, got, want)
		}
	}
}
