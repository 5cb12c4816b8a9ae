package report

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"

	"github.com/alliancesim/alliancesim/runner"
)

// The drawn Kaplan–Meier curves are survival.csv: after the start at
// (0, 1), every point is a row of the file — its time (in years), S and
// band — in order, and steps() puts each drop at its row's time.
func TestKaplanMeierPointsAreSurvivalCSV(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	type km struct{ t, s, lo, hi float64 }
	rows := map[string][]km{}
	err = eachRow(in.path("survival.csv"), func(r *row) error {
		if r.int("point") == 0 {
			g := r.get("group")
			rows[g] = append(rows[g], km{r.float("t"), r.float("s"), r.float("lower"), r.float("upper")})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ypt := 1.0 / 12
	drawn := 0
	for _, prefix := range []string{"kind=", "origin=", "cohesion="} {
		curves := survivalGroups(in.Summary, prefix, ypt)
		if len(curves) == 0 {
			t.Errorf("no %s survival curve in 60 runs of asia-1950", prefix)
		}
		for _, c := range curves {
			want := rows[c.Group]
			if !strings.HasPrefix(c.Group, prefix) || len(c.S) != len(want)+1 || c.S[0].X != 0 || c.S[0].Y != 1 {
				t.Fatalf("%s: %d points drawn for %d rows", c.Group, len(c.S), len(want))
			}
			for i, w := range want {
				if c.S[i+1].X != w.t*ypt || c.S[i+1].Y != w.s || c.Lower[i+1].Y != w.lo || c.Upper[i+1].Y != w.hi {
					t.Fatalf("%s point %d: drawn (%v, %v [%v, %v]), survival.csv (%v, %v [%v, %v])", c.Group, i,
						c.S[i+1].X, c.S[i+1].Y, c.Lower[i+1].Y, c.Upper[i+1].Y, w.t*ypt, w.s, w.lo, w.hi)
				}
			}
			corners := steps(c.S)
			for i := 1; i < len(c.S); i++ {
				if corners[2*i-1].X != c.S[i].X || corners[2*i-1].Y != c.S[i-1].Y || corners[2*i] != c.S[i] {
					t.Fatalf("%s: step %d drawn at %v, %v", c.Group, i, corners[2*i-1], corners[2*i])
				}
			}
			drawn++
		}
	}
	if drawn < 3 {
		t.Fatalf("only %d survival curves in 60 runs of asia-1950", drawn)
	}
}

// The legends of the survival figures name each group as the reader
// knows it — the kind or origin without its prefix, the halves of
// convergence by their split — with its alliances and its median in
// years: a median of 30 ticks of one month is 2.5 years, for runs and
// for a sweep's pooled summary alike. (No group of the fixtures reaches
// a median: summary.json is edited to give every group one.)
func TestSurvivalLegendsInYears(t *testing.T) {
	many, _, sweep, _ := fixtures(t)
	for _, from := range []string{many, sweep} {
		dir := copyFiles(t, from, "scenario.toml") // no maps to replay
		editSummary(t, dir, func(doc map[string]any) {
			for _, g := range doc["survival"].([]any) {
				g.(map[string]any)["median"] = json.Number("30")
			}
		})
		in, err := Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		if in.Manifest.Points[0].MonthsPerTick != 1 {
			t.Fatalf("%s: %d months a tick", from, in.Manifest.Points[0].MonthsPerTick)
		}
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		svg := map[string]string{}
		for _, f := range p.Figures() {
			svg[f.ID] = string(f.SVG)
		}
		drawn := 0
		for _, g := range in.Summary.Survival {
			prefix, name, _ := strings.Cut(g.Group, "=")
			switch {
			case prefix == "all":
				continue
			case name == "low":
				name = fmt.Sprintf("below %.3f", *g.Split)
			case name == "high":
				name = fmt.Sprintf("%.3f and above", *g.Split)
			}
			id := "survival-" + prefix
			if want := fmt.Sprintf(">%s (n %d, median 2.5 years)<", name, g.N); !strings.Contains(svg[id], want) {
				t.Errorf("%s: figure %s lacks the legend %s", filepath.Base(from), id, want)
			}
			drawn++
		}
		if drawn < 6 {
			t.Errorf("%s: %d groups", filepath.Base(from), drawn)
		}
	}
}

// A group of no alliances draws no curve; a group's curve starts at (0, 1)
// and its legend gives its alliances (not its events) and median in years.
func TestSurvivalGroupsByHand(t *testing.T) {
	med := 6.0
	s := &runner.Summary{Survival: []runner.GroupSurvival{
		{Group: "kind=bilateral", SurvivalCurve: runner.SurvivalCurve{N: 4, Events: 3, Median: &med, Points: []runner.SurvivalPoint{{T: 6, S: 0.5, Lower: 0.2, Upper: 0.8}}}},
		{Group: "kind=trilateral"},
		{Group: "origin=client", SurvivalCurve: runner.SurvivalCurve{N: 2}},
	}}
	curves := survivalGroups(s, "kind=", 1.0/12)
	if len(curves) != 1 || curves[0].Group != "kind=bilateral" || !slices.Equal(curves[0].S, plotter.XYs{{X: 0, Y: 1}, {X: 0.5, Y: 0.5}}) ||
		!slices.Equal(curves[0].Lower, plotter.XYs{{X: 0, Y: 1}, {X: 0.5, Y: 0.2}}) || !slices.Equal(curves[0].Upper, plotter.XYs{{X: 0, Y: 1}, {X: 0.5, Y: 0.8}}) {
		t.Fatalf("curves %+v", curves)
	}
	f, ok, err := survivalFigure("k", "K", "by kind", "formation", "", s, "kind=", 1.0/12)
	if err != nil || !ok || !strings.Contains(string(f.SVG), ">bilateral (n 4, median 0.5 years)<") || strings.Contains(string(f.SVG), "trilateral") ||
		!strings.Contains(string(f.SVG), ">years since formation<") {
		t.Errorf("legend: %v %v", ok, err)
	}
	// A curve that stays above one half says how far it was followed,
	// its last time (a censoring at 141 ticks, 11.75 years), not that its
	// median lies beyond the horizon.
	s.Survival[1].SurvivalCurve = runner.SurvivalCurve{N: 2, Points: []runner.SurvivalPoint{{T: 12, S: 1, Lower: 1, Upper: 1}, {T: 141, S: 1, Lower: 1, Upper: 1}}}
	f, _, err = survivalFigure("k", "K", "by kind", "formation", "", s, "kind=", 1.0/12)
	if want := ">trilateral (n 2, median not reached in 11.8 years)<"; err != nil || !strings.Contains(string(f.SVG), want) {
		t.Errorf("legend of a curve above one half: %v; want %s", err, want)
	}
}

// The report's origin figure says how its lifetimes are counted: from
// the tick its origin began (origin_since), which is the patron's entry
// for an indigenous alliance and the entry on sovereignty for an imposed
// one that was a bilateral first, a clients' phase censored there, and
// n counting such an alliance in both curves (runner.OriginLifetimes).
// The axis said "formation (indigenous: the patron's entry)", which the
// imposed alliances counted from their change of origin belied.
func TestOriginSurvivalFigureSaysHowItCounts(t *testing.T) {
	s := &runner.Summary{Runs: 1, Survival: []runner.GroupSurvival{
		{Group: "origin=client", SurvivalCurve: runner.SurvivalCurve{N: 2}},
		{Group: "origin=indigenous", SurvivalCurve: runner.SurvivalCurve{N: 1}},
	}}
	p := &Page{}
	if err := p.survival(s, 1.0/12); err != nil {
		t.Fatal(err)
	}
	var origin *Figure
	for i := range p.Sections {
		for j := range p.Sections[i].Figures {
			if f := &p.Sections[i].Figures[j]; f.ID == "survival-origin" {
				origin = f
			}
		}
	}
	if origin == nil {
		t.Fatal("no origin figure")
	}
	if !strings.Contains(string(origin.SVG), ">years since its origin began (origin_since)<") {
		t.Errorf("the origin figure's axis does not say when time starts:\n%s", origin.SVG)
	}
	if !strings.Contains(origin.Caption, "censored there") || !strings.Contains(origin.Caption, "n counts it in both (one the patron joined in the tick it formed has no client phase, and counts as indigenous only)") ||
		!strings.Contains(origin.Caption, "Time in years, from the ticks of a month that summary.json (survival) and survival.csv count") ||
		!strings.Contains(origin.Caption, "bilateral until that client joins on sovereignty, which makes it imposed, and its imposed time counts from that entry") {
		t.Errorf("caption: %s", origin.Caption)
	}
}

// A tick's length in the survival captions: a month, or so many months.
func TestTickLength(t *testing.T) {
	for years, want := range map[float64]string{1.0 / 12: "a month", 0.25: "3 months", 1: "12 months"} {
		if got := tickLength(years); got != want {
			t.Errorf("tickLength(%v) = %q, want %q", years, got, want)
		}
	}
}
