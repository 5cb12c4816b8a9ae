package report

import (
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// The series drawn are series.csv's rows: every state, every measure at
// every sampled tick (yearly for asia-1950), and the share bands of the
// 0/1 measures are the Wilson intervals of their means.
func TestSeriesFiguresReadSeriesCSV(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	series, err := readSeries(in.path("series.csv"), in.Scenario, in.Manifest.Points[0].Ticks)
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != len(in.Scenario.States) {
		t.Fatalf("%d states in series.csv, %d in the scenario", len(series), len(in.Scenario.States))
	}
	samples := len(runner.SeriesTicks(12, in.Manifest.Points[0].Ticks))
	for _, s := range series {
		for _, m := range runner.SeriesMeasures {
			rows := s.Measures[m.Name]
			if len(rows) != samples || rows[1].Tick != 12 {
				t.Fatalf("%s %s: %d rows", s.State, m.Name, len(rows))
			}
			for _, r := range rows {
				if r.Q05 > r.Q50 || r.Q50 > r.Q95 {
					t.Fatalf("%s %s tick %d: quantiles %v %v %v", s.State, m.Name, r.Tick, r.Q05, r.Q50, r.Q95)
				}
			}
		}
	}
	rows := series[0].Measures["losses"]
	mean, lo, hi := shareBand(rows, 60, in.calendar())
	for i, r := range rows {
		p := runner.NewProportion(int(r.Mean*60+0.5), 60)
		if mean[i].Y != r.Mean || lo[i].Y != p.Low || hi[i].Y != p.High || mean[i].X != yearOf(in.calendar(), r.Tick) {
			t.Fatalf("row %d: drawn %v [%v, %v], want %v [%v, %v]", i, mean[i], lo[i].Y, hi[i].Y, r.Mean, p.Low, p.High)
		}
	}
}
