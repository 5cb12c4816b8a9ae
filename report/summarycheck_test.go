package report

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

func TestCheckSummary(t *testing.T) {
	valid := func() *runner.Summary {
		return &runner.Summary{Runs: 10,
			Shares:   map[string]runner.Proportion{"bilateral": runner.NewProportion(3, 10)},
			Survival: []runner.GroupSurvival{{Group: "all", SurvivalCurve: runner.SurvivalCurve{Points: []runner.SurvivalPoint{{T: 12, AtRisk: 5, Events: 1, S: 0.8, Lower: 0.5, Upper: 0.95}}}}}}
	}
	if err := checkSummary(valid(), nil); err != nil {
		t.Fatalf("a valid summary refused: %v", err)
	}
	for _, c := range []struct {
		mutate func(*runner.Summary)
		want   string
	}{
		{func(s *runner.Summary) { s.Runs = 0 }, "runs is 0; allowed: at least 1"},
		{func(s *runner.Summary) { s.Shares["bilateral"] = runner.Proportion{Count: -1, N: 10} }, "shares.bilateral: count -1 of 10 runs"},
		{func(s *runner.Summary) {
			s.Shares["bilateral"] = runner.Proportion{Count: 11, N: 10, Share: 1, High: 1}
		}, "count 11 of 10 runs"},
		{func(s *runner.Summary) {
			s.Shares["bilateral"] = runner.Proportion{Count: 3, N: 10, Share: 1.3, High: 1}
		}, "share 1.3 in [0, 1]"},
		{func(s *runner.Summary) { s.Survival[0].Points[0].S = -0.1 }, "survival[0].points[0]: s -0.1"},
		{func(s *runner.Summary) { s.Survival[0].Points[0].T = -1 }, "survival[0].points[0].t is -1"},
	} {
		s := valid()
		c.mutate(s)
		if err := checkSummary(s, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want …%s…", err, c.want)
		}
	}
	bad := valid()
	bad.Runs = -2
	if err := checkSummary(valid(), []runner.PointSummary{{Point: 0, Summary: valid()}, {Point: 1, Summary: bad}}); err == nil || !strings.HasPrefix(err.Error(), "points[1].runs is -2") {
		t.Errorf("a sweep's point: %v", err)
	}
}
