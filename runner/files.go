package runner

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/sim"
)

// The CSV files of an output directory. Every cell is plain: integers,
// floats in the shortest form that reads back to the same double, member
// lists as space-separated ids sorted alphabetically, dates as YYYY-MM,
// and an empty cell where a value does not exist (an alliance that never
// ended, a run in which no patron committed) — never a sentinel such as -1.

// allianceColumns are the columns of alliances.csv: one row per alliance
// per run (see the README).
var allianceColumns = []string{"point", "run", "seed", "alliance", "kind", "size_formed", "size_final",
	"founders", "members", "patron", "origin", "origin_since", "origin_since_date", "commitment", "cohesion", "formed", "formed_date",
	"patron_joined", "patron_joined_date", "patron_size", "client_peak",
	"ended", "ended_date", "end_cause", "absorbed_into", "duration"}

// membershipColumns are the columns of memberships.csv: one row per
// membership of a state in an alliance.
var membershipColumns = []string{"point", "run", "alliance", "state", "joined", "joined_date", "left", "left_date", "entry", "exit"}

// runColumns are the columns of runs.csv: one row per replication, with
// every share's indicator (0 or 1), the first patron commitment and the
// hub-and-spokes index at each checkpoint date.
//
// Then a column per custom measure (Measure), named after it.
func runColumns(hubDates, measures []string) []string {
	cols := []string{"point", "run", "seed"}
	cols = append(cols, shareKeys...)
	cols = append(cols, "first_commitment", "first_commitment_date")
	for _, d := range hubDates {
		cols = append(cols, "hub_"+d)
	}
	return append(cols, measures...)
}

// hubColumns are the checkpoint dates of every point, in order.
func hubColumns(m *Manifest) []string {
	var dates []string
	seen := map[string]bool{}
	for p := range m.Points {
		cal := m.calendar(p)
		for _, t := range m.Points[p].HubTicks {
			if d := cal.Label(t); !seen[d] {
				seen[d] = true
				dates = append(dates, d)
			}
		}
	}
	slices.Sort(dates)
	return dates
}

func itoa(i int) string { return strconv.Itoa(i) }

// tickCell writes a tick, or an empty cell for a negative (absent) one.
func tickCell(t int) string {
	if t < 0 {
		return ""
	}
	return itoa(t)
}

func dateCell(cal sim.Calendar, t int) string {
	if t < 0 {
		return ""
	}
	return cal.Label(t)
}

// positive writes n, or an empty cell for 0 (a size that does not exist).
func positive(n int) string {
	if n <= 0 {
		return ""
	}
	return itoa(n)
}

// optionalInt writes *p, or an empty cell where p is nil.
func optionalInt(p *int) string {
	if p == nil {
		return ""
	}
	return itoa(*p)
}

// FormatFloat writes x in the shortest form that parses back to x.
func FormatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func writeAllianceRows(t *table, r *Record, cal sim.Calendar) error {
	for i := range r.Alliances {
		a := &r.Alliances[i]
		final := a.FinalMembers()
		commitment := "weak"
		if a.Strong {
			commitment = "strong"
		}
		err := t.row(itoa(r.Point), itoa(r.Run), strconv.FormatUint(r.Seed, 10), itoa(a.ID),
			a.Kind().String(), itoa(len(a.Founders)), itoa(len(final)),
			strings.Join(a.Founders, " "), strings.Join(final, " "), strconv.FormatBool(a.Patron), a.Origin,
			itoa(OriginSince(a)), cal.Label(OriginSince(a)), commitment,
			FormatFloat(a.Cohesion), itoa(a.Formed), cal.Label(a.Formed), tickCell(a.PatronJoined), dateCell(cal, a.PatronJoined),
			positive(a.PatronSize), positive(a.ClientPeak),
			tickCell(a.Ended), dateCell(cal, a.Ended), a.Cause, optionalInt(a.AbsorbedInto), itoa(a.End(r.Ticks)-a.Formed))
		if err != nil {
			return err
		}
	}
	return nil
}

func writeMembershipRows(t *table, r *Record, cal sim.Calendar) error {
	for i := range r.Alliances {
		a := &r.Alliances[i]
		for _, m := range a.Members {
			err := t.row(itoa(r.Point), itoa(r.Run), itoa(a.ID), m.State, itoa(m.Joined), cal.Label(m.Joined),
				tickCell(m.Left), dateCell(cal, m.Left), m.Entry, m.Exit)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func writeRunRow(t *table, r *Record, m *runMeasures, cal sim.Calendar, hubTicks []int, hubDates []string) error {
	cells := []string{itoa(r.Point), itoa(r.Run), strconv.FormatUint(r.Seed, 10)}
	for _, ok := range m.Happened {
		cells = append(cells, map[bool]string{false: "0", true: "1"}[ok])
	}
	cells = append(cells, tickCell(m.FirstCommitment), dateCell(cal, m.FirstCommitment))
	byDate := map[string]string{}
	for i, tick := range hubTicks {
		if m.Hub[i].OK {
			byDate[cal.Label(tick)] = FormatFloat(m.Hub[i].Index)
		}
	}
	for _, d := range hubDates {
		cells = append(cells, byDate[d])
	}
	for _, v := range r.Measures {
		cells = append(cells, floatCell(v))
	}
	return t.row(cells...)
}

// floatCell writes x, or an empty cell for NaN (no value).
func floatCell(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return FormatFloat(x)
}

// optCell writes *x, or an empty cell for nil.
func optCell(x *float64) string {
	if x == nil {
		return ""
	}
	return FormatFloat(*x)
}

// survivalColumns are the columns of survival.csv.
var survivalColumns = []string{"point", "group", "t", "at_risk", "events", "censored", "s", "se", "lower", "upper"}

// writeSurvival writes the survival.csv rows of point p.
func writeSurvival(t *table, p int, s *Summary) error {
	for _, g := range s.Survival {
		for _, pt := range g.Points {
			if err := t.row(itoa(p), g.Group, FormatFloat(pt.T), itoa(pt.AtRisk), itoa(pt.Events),
				itoa(pt.Censored), FormatFloat(pt.S), FormatFloat(pt.SE), FormatFloat(pt.Lower), FormatFloat(pt.Upper)); err != nil {
				return err
			}
		}
	}
	return nil
}

// pointColumns are the columns of points.csv: the point, each varied path,
// then each share with its interval, then each custom measure's mean with
// its interval (empty where no run gave it a value).
func pointColumns(vary, measures []string) []string {
	head := append([]string{"point"}, vary...)
	for _, k := range shareKeys {
		head = append(head, k, k+"_low", k+"_high")
	}
	for _, k := range measures {
		head = append(head, k, k+"_low", k+"_high")
	}
	return head
}

// writePointRow writes the points.csv row of point p.
func writePointRow(t *table, m *Manifest, p int, s *Summary) error {
	row := []string{itoa(p)}
	for _, v := range m.Points[p].Values {
		row = append(row, valueCell(v))
	}
	for _, k := range shareKeys {
		sh := s.Shares[k]
		row = append(row, FormatFloat(sh.Share), FormatFloat(sh.Low), FormatFloat(sh.High))
	}
	for _, ms := range s.Measures {
		row = append(row, optCell(ms.Mean), optCell(ms.Low), optCell(ms.High))
	}
	return t.row(row...)
}

// valueCell writes a point's value of a varied path: whole numbers in
// full (a seed of 9007199254740991, not 9.007199254740991e+15).
func valueCell(v any) string {
	if f, ok := v.(float64); ok {
		return sim.FormatNumber(f)
	}
	return fmt.Sprint(v)
}
