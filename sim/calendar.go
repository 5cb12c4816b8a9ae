package sim

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/internal/words"
)

// Calendar labels ticks with dates: tick 0 is the start month, each tick
// lasts MonthsPerTick months (1, 3 or 12).
type Calendar struct {
	StartYear, StartMonth int
	MonthsPerTick         int
}

// tickUnits is the table TickUnits returns a copy of.
var tickUnits = map[string]int{"month": 1, "quarter": 3, "year": 12}

// TickUnits returns, for each tick name of a scenario, its length in
// months, as a copy: changing it changes nothing the engine reads.
func TickUnits() map[string]int {
	return maps.Clone(tickUnits)
}

// tickUnitNames is the table TickUnitNames returns a copy of.
var tickUnitNames = []string{"month", "quarter", "year"}

// TickUnitNames returns the allowed tick names in order, as a copy:
// changing it changes nothing the engine reads.
func TickUnitNames() []string {
	return slices.Clone(tickUnitNames)
}

// TickUnit is the name of a tick of c's length, as a scenario's tick key
// writes it: "month", "quarter" or "year"; false for a length that has no
// name (c.Check refuses it).
func (c Calendar) TickUnit() (string, bool) {
	for _, name := range tickUnitNames {
		if tickUnits[name] == c.MonthsPerTick {
			return name, true
		}
	}
	return "", false
}

// LabelNote says how Label dates a tick of more than one month, for a text
// that lists such dates: "each dated by its first month" (a quarter's
// event of June 1950 reads 1950-04); "" for monthly ticks, each dated by
// its own month.
func (c Calendar) LabelNote() string {
	if c.monthsPerTick() > 1 {
		return "each dated by its first month"
	}
	return ""
}

// ParseMonth reads "YYYY-MM".
func ParseMonth(s string) (year, month int, err error) {
	y, m, ok := strings.Cut(s, "-")
	if ok && len(y) == 4 && len(m) == 2 && digits(y) && digits(m) {
		year, err1 := strconv.Atoi(y)
		month, err2 := strconv.Atoi(m)
		if err1 == nil && err2 == nil && month >= 1 && month <= 12 && year >= 0 {
			return year, month, nil
		}
	}
	return 0, 0, fmt.Errorf("%q is not a month; allowed: YYYY-MM, e.g. 1950-06", s)
}

// digits reports whether s is made of ASCII digits only (strconv.Atoi
// would also take a sign: "+950-06").
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Label returns the date of a tick as "YYYY-MM".
func (c Calendar) Label(tick int) string {
	return monthLabel(c.StartYear*12 + c.StartMonth - 1 + tick*c.monthsPerTick())
}

// LastMonth returns the last month a tick covers, "YYYY-MM" (the tick's
// own month for monthly ticks, two months later for quarters).
func (c Calendar) LastMonth(tick int) string {
	return monthLabel(c.StartYear*12 + c.StartMonth - 1 + (tick+1)*c.monthsPerTick() - 1)
}

// monthLabel writes the month m months after January of year 0 as
// "YYYY-MM"; a month before year 0 (a tick before a start in year 0) as
// ISO 8601 writes it, "-0001-12", not "0000-00".
func monthLabel(m int) string {
	year, month := m/12, m%12
	if month < 0 {
		year, month = year-1, month+12
	}
	if year < 0 {
		return fmt.Sprintf("-%04d-%02d", -year, month+1)
	}
	return fmt.Sprintf("%04d-%02d", year, month+1)
}

// Check says whether c is a calendar a scenario may have: a start month
// of the years 0000 to MaxYear, and 1, 3 or 12 months a tick. The zero
// Calendar is not one.
func (c Calendar) Check() error {
	start, unit := c.checkStart(), c.checkUnit()
	switch {
	case start != nil && unit != nil:
		return fmt.Errorf("%v; %v", start, unit)
	case start != nil:
		return start
	}
	return unit
}

func (c Calendar) checkStart() error {
	if c.StartYear >= 0 && c.StartYear <= MaxYear && c.StartMonth >= 1 && c.StartMonth <= 12 {
		return nil
	}
	return fmt.Errorf("year %d, month %d is not a month; allowed: a month of the years 0000 to %04d", c.StartYear, c.StartMonth, MaxYear)
}

func (c Calendar) checkUnit() error {
	if _, ok := c.TickUnit(); ok {
		return nil
	}
	return fmt.Errorf("%d months per tick; allowed: %s (1, 3 or 12 months)", c.MonthsPerTick, strings.Join(tickUnitNames, ", "))
}

// TickOf returns the tick in which the given month falls (months before
// the start give negative ticks). The month is counted from January of
// year, so 13 is January of the next year and 0 December of the one
// before; ParseMonth is the check of a month a user writes.
func (c Calendar) TickOf(year, month int) int {
	d := (year*12 + month - 1) - (c.StartYear*12 + c.StartMonth - 1)
	n := c.monthsPerTick()
	if d < 0 {
		return -((-d + n - 1) / n)
	}
	return d / n
}

func (c Calendar) monthsPerTick() int {
	if c.MonthsPerTick <= 0 {
		return 1
	}
	return c.MonthsPerTick
}

// CheckHorizon says what is wrong with a run of ticks from the calendar's
// start, or returns nil: every month of the run must be one a date can
// name, YYYY-MM, so the run must end by MaxYear-12. The calendar itself
// must be valid (a start month of a year in [0, MaxYear], a known tick
// length) and ticks positive.
func (c Calendar) CheckHorizon(ticks int) error {
	mpt := c.monthsPerTick()
	start := c.StartYear*12 + c.StartMonth - 1
	end := "end after 9999-12" // ticks so many that ticks·mpt could overflow
	if ticks <= 12*(MaxYear+1) {
		last := start + ticks*mpt - 1
		if last <= MaxYear*12+11 {
			return nil
		}
		end = fmt.Sprintf("end in %d-%02d", last/12, last%12+1)
	}
	most := "at most " + words.Count((MaxYear*12+12-start)/mpt, "tick", "ticks") + " from this start"
	if latest := MaxYear*12 + 12 - mpt; start > latest {
		most = fmt.Sprintf("a start by %04d-%02d for ticks of %d months", latest/12, latest%12+1, mpt)
	}
	return fmt.Errorf("%s from %04d-%02d %s; allowed: a run that ends by %04d-12 (%s)",
		words.Count(ticks, "tick", "ticks"), c.StartYear, c.StartMonth, end, MaxYear, most)
}
