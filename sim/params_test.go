package sim_test

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/internal/mdtable"
	"github.com/alliancesim/alliancesim/sim"
)

// LookupParam finds a parameter by its file name, and nothing by another.
func TestLookupParam(t *testing.T) {
	s, ok := sim.LookupParam("projection_range")
	if !ok || s.Name != "projection_range" || s.Kind != sim.ParamNumber || s.Default != 20 || s.Min != 0.001 || s.Max != 1e6 {
		t.Errorf("LookupParam(\"projection_range\") = %+v, %v; want a number, default 20, in [0.001, 1000000]", s, ok)
	}
	s, ok = sim.LookupParam("review_interval")
	if !ok || s.Name != "review_interval" || s.Kind != sim.ParamInteger || s.Default != 12 || s.Min != 1 || s.Max != 1_000_000 {
		t.Errorf("LookupParam(\"review_interval\") = %+v, %v; want a whole number, default 12, in [1, 1000000]", s, ok)
	}
	for _, name := range []string{"", "projection", "Projection_Range", "projection-range"} {
		if s, ok := sim.LookupParam(name); ok || s.Name != "" {
			t.Errorf("LookupParam(%q) = %+v, %v; want nothing", name, s, ok)
		}
	}
}

func lookup(t *testing.T, name string) sim.ParamSpec {
	t.Helper()
	s, ok := sim.LookupParam(name)
	if !ok {
		t.Fatalf("no parameter %s", name)
	}
	return s
}

// A real-valued parameter, projection_range in [0.001, 1000000]: Set
// stores a value in range in its field, where Get reads it; a value out
// of range or not finite is refused and the field keeps its value.
func TestParamSpecNumber(t *testing.T) {
	s := lookup(t, "projection_range")
	var p sim.Params
	p.ProjectionRange = 7
	if got := s.Get(&p); got != 7 {
		t.Errorf("Get = %v, want the field's 7", got)
	}
	for _, v := range []float64{12.5, 0.001, 1e6} {
		if err := s.Set(&p, v); err != nil || p.ProjectionRange != v || s.Get(&p) != v {
			t.Errorf("Set(%v) = %v: field %v, Get %v", v, err, p.ProjectionRange, s.Get(&p))
		}
	}
	p.ProjectionRange = 12.5
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.0009, "0.0009 is out of range; allowed: a number in [0.001, 1000000]"},
		{0, "0 is out of range; allowed: a number in [0.001, 1000000]"},
		{-1, "-1 is out of range; allowed: a number in [0.001, 1000000]"},
		{math.NaN(), "NaN is not a finite number; allowed: a number in [0.001, 1000000]"},
		{math.Inf(1), "+Inf is not a finite number; allowed: a number in [0.001, 1000000]"},
	} {
		if err := s.Check(c.v); err == nil || err.Error() != c.want {
			t.Errorf("Check(%v) = %v, want %q", c.v, err, c.want)
		}
		if err := s.Set(&p, c.v); err == nil || err.Error() != c.want || p.ProjectionRange != 12.5 {
			t.Errorf("Set(%v) = %v, field %v; want %q and the field kept at 12.5", c.v, err, p.ProjectionRange, c.want)
		}
	}
	// above the maximum (how the value is written is not checked here)
	if err := s.Set(&p, 1_000_001); err == nil || err.Error() != "1000001 is out of range; allowed: a number in [0.001, 1000000]" || p.ProjectionRange != 12.5 {
		t.Errorf("Set(1000001) = %v, field %v; want out of range and the field kept at 12.5", err, p.ProjectionRange)
	}
	if err := s.Check(0.5); err != nil {
		t.Errorf("Check(0.5) = %v, want nil", err)
	}
}

// A whole-number parameter, review_interval in [1, 1000000]: a fraction
// is refused as not whole, an integer out of range as out of range.
func TestParamSpecWhole(t *testing.T) {
	s := lookup(t, "review_interval")
	var p sim.Params
	p.ReviewInterval = 5
	if got := s.Get(&p); got != 5 {
		t.Errorf("Get = %v, want the field's 5", got)
	}
	for _, c := range []struct {
		v    float64
		want int
	}{{6, 6}, {1, 1}, {1e6, 1_000_000}} {
		if err := s.Set(&p, c.v); err != nil || p.ReviewInterval != c.want || s.Get(&p) != c.v {
			t.Errorf("Set(%v) = %v: field %d, Get %v; want %d", c.v, err, p.ReviewInterval, s.Get(&p), c.want)
		}
	}
	p.ReviewInterval = 6
	for _, c := range []struct {
		v    float64
		want string
	}{
		{2.5, "2.5 is not a whole number; allowed: a whole number in [1, 1000000]"},
		{0, "0 is out of range; allowed: a whole number in [1, 1000000]"},
		{0.5, "0.5 is out of range; allowed: a whole number in [1, 1000000]"},
		{math.NaN(), "NaN is not a finite number; allowed: a whole number in [1, 1000000]"},
	} {
		if err := s.Check(c.v); err == nil || err.Error() != c.want {
			t.Errorf("Check(%v) = %v, want %q", c.v, err, c.want)
		}
		if err := s.Set(&p, c.v); err == nil || err.Error() != c.want || p.ReviewInterval != 6 {
			t.Errorf("Set(%v) = %v, field %d; want %q and the field kept at 6", c.v, err, p.ReviewInterval, c.want)
		}
	}
	if err := s.Set(&p, 1_000_001); err == nil || err.Error() != "1000001 is out of range; allowed: a whole number in [1, 1000000]" || p.ReviewInterval != 6 {
		t.Errorf("Set(1000001) = %v, field %d; want out of range and the field kept at 6", err, p.ReviewInterval)
	}
}

// A switch, invite_occupied: 1 is true, 0 false, anything else refused.
func TestParamSpecFlag(t *testing.T) {
	s := lookup(t, "invite_occupied")
	var p sim.Params
	if err := s.Set(&p, 1); err != nil || !p.InviteOccupied || s.Get(&p) != 1 {
		t.Errorf("Set(1) = %v: field %v, Get %v; want true, 1", err, p.InviteOccupied, s.Get(&p))
	}
	want := "0.5 is not true or false; allowed: true or false"
	if err := s.Set(&p, 0.5); err == nil || err.Error() != want || !p.InviteOccupied {
		t.Errorf("Set(0.5) = %v, field %v; want %q and the field kept true", err, p.InviteOccupied, want)
	}
	if err := s.Set(&p, 0); err != nil || p.InviteOccupied || s.Get(&p) != 0 {
		t.Errorf("Set(0) = %v: field %v, Get %v; want false, 0", err, p.InviteOccupied, s.Get(&p))
	}
	// Whole numbers other than 0 and 1, and the infinities, are refused
	// too, and the field stays false.
	for v, want := range map[float64]string{
		2:            "2 is not true or false; allowed: true or false",
		-1:           "-1 is not true or false; allowed: true or false",
		math.Inf(1):  "+Inf is not a finite number; allowed: true or false",
		math.Inf(-1): "-Inf is not a finite number; allowed: true or false",
	} {
		if err := s.Set(&p, v); err == nil || err.Error() != want || p.InviteOccupied {
			t.Errorf("Set(%v) = %v, field %v; want %q and the field kept false", v, err, p.InviteOccupied, want)
		}
	}
}

// FormatValue writes a value as the parameter's kind reads.
func TestParamSpecFormatValue(t *testing.T) {
	number, integer, flag := lookup(t, "projection_range"), lookup(t, "review_interval"), lookup(t, "invite_occupied")
	for _, c := range []struct {
		s    sim.ParamSpec
		v    float64
		want string
	}{
		{number, 20, "20"},
		{number, 0.25, "0.25"},
		{number, 0.001, "0.001"},
		{number, -1.5, "-1.5"},
		{integer, 12, "12"},
		{integer, 1e6, "1000000"},
		{integer, 0, "0"},
		{flag, 1, "true"},
		{flag, 0, "false"},
	} {
		if got := c.s.FormatValue(c.v); got != c.want {
			t.Errorf("%s: FormatValue(%v) = %q, want %q", c.s.Name, c.v, got, c.want)
		}
	}
}

// docParam is a row of docs/model.md §2.5's table of parameters: the
// parameter's name (the `…` of its name cell) and its default and
// allowed cells.
type docParam struct{ name, def, allowed string }

// docParams reads docs/model.md §2.5's table, found by its header (name,
// default, allowed) wherever it stands in the section, sub-headings
// included, its cells by their column's name whatever columns are added
// (internal/mdtable). It stops the test unless it reads one row per
// parameter of ParamSpecs, so that a row the reading lost, or one the
// table lacks, cannot pass unseen.
func docParams(t *testing.T) []docParam {
	t.Helper()
	b, err := os.ReadFile("../docs/model.md")
	if err != nil {
		t.Fatal(err)
	}
	section, err := mdtable.Section(string(b), "### 2.5 Parameters")
	if err != nil {
		t.Fatalf("docs/model.md: %v", err)
	}
	rows, err := mdtable.Rows(section, "name", "default", "allowed")
	if err != nil {
		t.Fatalf("docs/model.md §2.5: %v", err)
	}
	if len(rows) != len(sim.ParamSpecs()) {
		t.Fatalf("docs/model.md §2.5's table has %d rows, ParamSpecs %d parameters", len(rows), len(sim.ParamSpecs()))
	}
	var params []docParam
	for _, r := range rows {
		quoted := strings.Split(r["name"], "`")
		if len(quoted) < 3 {
			t.Fatalf("docs/model.md §2.5: a row's name %q has no `…`", r["name"])
		}
		params = append(params, docParam{quoted[1], r["default"], r["allowed"]})
	}
	return params
}

// docRange writes a range as docs/model.md does: [0, 1], [0.001, 10⁶],
// "whole, [1, 10⁶]", "bool".
func docRange(min, max float64, whole, flag bool) string {
	if flag {
		return "bool"
	}
	f := func(x float64) string {
		if x == 1e6 {
			return "10⁶"
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	s := "[" + f(min) + ", " + f(max) + "]"
	if whole {
		s = "whole, " + s
	}
	return s
}

// Every parameter's range is the one docs/model.md §2.5 gives it, in the
// order of ParamSpecs: a bound moved in the code, or in the table, shows
// here (occupation_steepness at most 20 keeps (force)^κ finite;
// challenge_steepness at most 100; perception_noise at most 10).
func TestParamSpecsAreTheDocumentedRanges(t *testing.T) {
	doc := docParams(t)
	for i, s := range sim.ParamSpecs() {
		want := docRange(s.Min, s.Max, s.Kind == sim.ParamInteger, s.Kind == sim.ParamBool)
		if doc[i].name != s.Name || doc[i].allowed != want {
			t.Errorf("ParamSpecs[%d] is %s in %s; docs/model.md §2.5 has %s in %s", i, s.Name, want, doc[i].name, doc[i].allowed)
		}
	}
}

// Every parameter's default is the one docs/model.md §2.5 gives it, in
// its "default" column (the number or switch that begins it: "0.12
// (logit scale)" is 0.12, "false" is 0). DefaultParams, which every
// scenario starts from, reads ParamSpecs' defaults; a default changed in
// the code or in the table, say invite_occupied turned on or
// record_every set to 1 (neither of which the engine's own tests
// notice), shows here.
func TestParamSpecsAreTheDocumentedDefaults(t *testing.T) {
	rows := docParams(t)
	def := sim.DefaultParams()
	for i, s := range sim.ParamSpecs() {
		field := strings.Fields(rows[i].def)
		if rows[i].name != s.Name || len(field) == 0 {
			t.Errorf("ParamSpecs[%d] is %s; docs/model.md §2.5 has %s, default %q", i, s.Name, rows[i].name, rows[i].def)
			continue
		}
		var doc float64
		var err error
		switch field[0] {
		case "true":
			doc = 1
		case "false":
			doc = 0
		default:
			doc, err = strconv.ParseFloat(field[0], 64)
		}
		if err != nil || (s.Kind == sim.ParamBool) != (field[0] == "true" || field[0] == "false") {
			t.Errorf("%s: docs/model.md §2.5's default %q is not a %s", s.Name, rows[i].def, s.Allowed())
			continue
		}
		if s.Default != doc || s.Get(&def) != doc {
			t.Errorf("%s: default %s, DefaultParams %s; docs/model.md §2.5 has %q",
				s.Name, s.FormatValue(s.Default), s.FormatValue(s.Get(&def)), rows[i].def)
		}
	}
}
