package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// A sweep's summary.json is streamed point by point (so that a sweep of
// many points is never held whole), with exactly the bytes that
// json.MarshalIndent gives the whole SweepSummary.
func TestSweepSummaryStreamedAsMarshalled(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s SweepSummary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Points) != 2 || s.Points[1].Point != 1 || s.Points[1].Summary == nil || s.Points[1].Values["params.sea_cost"] != 6.0 {
		t.Fatalf("points %+v", s.Points)
	}
	if want := mustJSONIndent(s); !bytes.Equal(b, want) {
		t.Errorf("summary.json is not MarshalIndent's layout:\n%s", b[len(b)-200:])
	}
}

// A sweep's pooled summary takes the hub-and-spokes index at point 0's
// checkpoint dates, each point's runs at the tick of that date in their
// own calendar, and counts only the runs that reach the date: a run says
// nothing of a month past its horizon or before its start. (The pooled
// summary used to read point 0's ticks in every run, and a record gives an
// alliance in force at the horizon its last members for any later tick:
// a 60-tick point's runs were counted in 2010.)
func TestPooledHubCountsTheRunsThatReachTheDate(t *testing.T) {
	// the plan of generic over ticks from start, its point valued ticks
	generic := func(ticks int, start string) *Plan {
		sc, err := configs.Builtin("generic")
		if err != nil {
			t.Fatal(err)
		}
		sc.Ticks = ticks
		if sc.Calendar.StartYear, sc.Calendar.StartMonth, err = sim.ParseMonth(start); err != nil {
			t.Fatal(err)
		}
		p := newPlan(t, sc, 6, 1)
		p.Points[0].Values = []any{float64(ticks)}
		return p
	}
	point := func(ticks int, start string) Point { return generic(ticks, start).Points[0] }
	base := generic(240, "2000-01")
	for _, c := range []struct {
		what  string
		p1    Point
		dates map[string][2]bool // pooled date → which points reach it
	}{
		// generic starts in 2000-01: the checkpoints of 240 ticks are
		// 2000-01 and 2010-01 (ticks 0 and 120); 60 ticks reach 2000-01 only.
		{"a shorter horizon", point(60, "2000-01"), map[string][2]bool{"2000-01": {true, true}, "2010-01": {true, false}}},
		// A point that starts in 2005-01 (a hand-built plan: a sweep cannot
		// vary the start) is read at its tick 60 in 2010-01, and not at all
		// in 2000-01.
		{"a later start", point(240, "2005-01"), map[string][2]bool{"2000-01": {true, false}, "2010-01": {true, true}}},
	} {
		p := &Plan{Scenario: "generic", ScenarioTOML: base.ScenarioTOML,
			Runs: 6, Seed: 1, Vary: []string{"scenario.ticks"}, Points: []Point{base.Points[0], c.p1}}
		res, err := Sweep(context.Background(), p, Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		at := func(pt int, date string) (HubSpokes, bool) {
			for _, h := range res.Points[pt].Summary.HubSpokes {
				if h.Date == date {
					return h, true
				}
			}
			return HubSpokes{}, false
		}
		if len(res.Summary.HubSpokes) != len(c.dates) {
			t.Fatalf("%s: pooled checkpoints %+v; want %d", c.what, res.Summary.HubSpokes, len(c.dates))
		}
		for _, h := range res.Summary.HubSpokes {
			reach, ok := c.dates[h.Date]
			if !ok {
				t.Fatalf("%s: a pooled checkpoint at %s", c.what, h.Date)
			}
			var runs, le03, ge06, n int
			var sum float64
			for pt := range 2 {
				ph, ok := at(pt, h.Date)
				if ok != reach[pt] {
					t.Fatalf("%s: point %d has a checkpoint at %s: %v; want %v", c.what, pt, h.Date, ok, reach[pt])
				}
				if !ok {
					continue
				}
				runs, le03, ge06, n = runs+ph.Runs, le03+ph.Share03.Count, ge06+ph.Share06.Count, n+ph.Share03.N
				if ph.Mean != nil {
					sum += *ph.Mean * float64(ph.Runs)
				}
			}
			if runs == 0 {
				t.Fatalf("%s: no run with a patron alliance at %s; the test needs some", c.what, h.Date)
			}
			if h.Runs != runs || h.Share03.Count != le03 || h.Share06.Count != ge06 || h.Share03.N != n || h.Share06.N != n ||
				h.Mean == nil || math.Abs(*h.Mean-sum/float64(runs)) > 1e-12 {
				mean := "none"
				if h.Mean != nil {
					mean = fmt.Sprint(*h.Mean)
				}
				t.Errorf("%s: pooled at %s: %d runs with a patron alliance, mean %s, ≤ 0.3 %d of %d, ≥ 0.6 %d of %d; the points that reach it give %d, %v, %d and %d of %d",
					c.what, h.Date, h.Runs, mean, h.Share03.Count, h.Share03.N, h.Share06.Count, h.Share06.N, runs, sum/float64(runs), le03, ge06, n)
			}
		}
	}
}

// The pooled checkpoints of a sweep are point 0's dates at each point's
// own tick of them: from 2005-01, 2000-01 is tick −60 and 2010-01 tick
// 60; by quarters from 2000-01, 2010-01 is tick 40.
func TestPooledHubTicksByDate(t *testing.T) {
	m := &Manifest{Points: []ManifestPoint{
		{Start: "2000-01", MonthsPerTick: 1, Ticks: 240, HubTicks: []int{0, 120}},
		{Start: "2005-01", MonthsPerTick: 1, Ticks: 240},
		{Start: "2000-01", MonthsPerTick: 3, Ticks: 80},
	}}
	for p, want := range [][]int{{0, 120}, {-60, 60}, {0, 40}} {
		if got := m.pooledHubTicks(p); !slices.Equal(got, want) {
			t.Errorf("point %d: %v, want %v", p, got, want)
		}
	}
}
