package report

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// The hub-and-spokes curve, computed from memberships.csv, agrees with
// summary.json at its checkpoints: the same runs with a patron alliance,
// the same mean index and the same share of runs at 0.6 or more.
func TestHubCurveMatchesSummaryCheckpoints(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	patrons := map[string]bool{}
	for _, s := range in.Scenario.States {
		if s.Role == sim.Patron {
			patrons[s.ID] = true
		}
	}
	var ticks []int
	for _, h := range in.Summary.HubSpokes {
		ticks = append(ticks, h.Tick)
	}
	points, err := hubSeries(in.path("memberships.csv"), patrons, ticks, in.Manifest.Runs, in.Manifest.Points[0].Ticks)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range in.Summary.HubSpokes {
		p := points[i]
		if p.Runs != h.Runs || p.Share06 != h.Share06 {
			t.Errorf("%s: %d runs, ≥0.6 %+v; summary %d runs, %+v", h.Date, p.Runs, p.Share06, h.Runs, h.Share06)
		}
		if (h.Mean == nil) != math.IsNaN(p.Mean) || h.Mean != nil && !(math.Abs(*h.Mean-p.Mean) <= 1e-12) {
			t.Errorf("%s: mean %v, summary %v", h.Date, p.Mean, h.Mean)
		}
	}
	// By hand: a bilateral and a trilateral with the patron "p", and a
	// client pair: 1 of 2 patron alliances is bilateral.
	spells := []spell{{0, 0, -1, "p"}, {0, 0, -1, "a"}, {1, 2, -1, "p"}, {1, 2, -1, "b"}, {1, 2, 9, "c"}, {2, 0, -1, "a"}, {2, 0, -1, "b"}}
	if v, ok := hubIndex(spells, map[string]bool{"p": true}, 5); !ok || v != 0.5 {
		t.Fatalf("index %v %v, want 0.5", v, ok)
	}
	if v, ok := hubIndex(spells, map[string]bool{"p": true}, 9); !ok || v != 1 {
		t.Fatalf("after c left: index %v %v, want 1", v, ok)
	}
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	if y := yearlyTicks(cal, 30); len(y) != 4 || y[1] != 12 || y[3] != 29 {
		t.Fatalf("yearly ticks %v", y)
	}
}

// An alliance id in memberships.csv is 0 or more: 0 is read, -1 refused
// at its line by both readers, with what is allowed.
func TestMembershipAllianceID(t *testing.T) {
	for _, c := range []struct{ alliance, want string }{
		{"0", ""},
		{"-1", `:2: alliance "-1", joined "5", left ""; allowed: an alliance id ≥ 0, joined a tick from 0 to 503, left empty (a member at the end) or a tick from joined to 504: the file is damaged (run the work again)`},
	} {
		path := filepath.Join(t.TempDir(), "memberships.csv")
		os.WriteFile(path, []byte("point,run,alliance,state,joined,left\n0,0,"+c.alliance+",usa,5,\n"), 0o644)
		_, herr := hubSeries(path, map[string]bool{"usa": true}, []int{0}, 1, 504)
		_, gerr := readBars(path, 0, 504)
		for _, err := range []error{herr, gerr} {
			if c.want == "" && err != nil || c.want != "" && (err == nil || err.Error() != path+c.want) {
				t.Errorf("alliance %s: got %v, want %q", c.alliance, err, path+c.want)
			}
		}
	}
}
