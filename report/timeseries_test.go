package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
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
	series, err := readSeries(in.path("series.csv"), in.Scenario, in.Manifest.Points[0].Ticks, in.Manifest.Points[0].SeriesEvery)
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != len(in.Scenario.States) {
		t.Fatalf("%d states in series.csv, %d in the scenario", len(series), len(in.Scenario.States))
	}
	samples := len(runner.SeriesTicks(12, in.Manifest.Points[0].Ticks))
	for _, s := range series {
		for _, m := range runner.SeriesMeasures() {
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
	rows, alive := series[0].Measures["losses"], series[0].Measures["alive"]
	band := shareBand(rows, alive, 60, in.calendar())
	if len(band) != 1 {
		t.Fatalf("%d stretches of %s's losses, want 1", len(band), series[0].State)
	}
	mean, lo, hi := band[0].Mean, band[0].Lo, band[0].Hi
	for i, r := range rows {
		n := int(alive[i].Mean*60 + 0.5)
		p := runner.NewProportion(int(r.Mean*float64(n)+0.5), n)
		if mean[i].Y != r.Mean || lo[i].Y != p.Low || hi[i].Y != p.High || mean[i].X != yearOf(in.calendar(), r.Tick) {
			t.Fatalf("row %d: drawn %v [%v, %v], want %v [%v, %v]", i, mean[i], lo[i].Y, hi[i].Y, r.Mean, p.Low, p.High)
		}
	}
}

// A row of series.csv at the edges of the run: ticks 0 and 59 of a run of
// 60 are read; −1 and 60 are refused at their line, with the run's ticks.
func TestReadSeriesTicksAtTheirEdges(t *testing.T) {
	const head = "point,tick,date,state,measure,mean,q05,q50,q95\n"
	row := func(tick int) string {
		return fmt.Sprintf("0,%d,1950-01,usa,alive,1,1,1,1\n0,%d,1950-01,usa,losses,0.5,0,0.5,1\n", tick, tick)
	}
	path := filepath.Join(t.TempDir(), "series.csv")
	os.WriteFile(path, []byte(head+row(0)+row(59)), 0o644)
	if s, err := readSeries(path, nil, 60, 0); err != nil || len(s) != 1 || len(s[0].Measures["losses"]) != 2 {
		t.Errorf("ticks 0 and 59 of 60: %v, %+v", err, s)
	}
	for _, tick := range []int{-1, 60} {
		os.WriteFile(path, []byte(head+row(0)+row(tick)), 0o644)
		want := fmt.Sprintf("%s:4: tick %d is outside the run's ticks 0 to 59: the file is damaged or from another run (run the work again with --force)", path, tick)
		if _, err := readSeries(path, nil, 60, 0); err == nil || err.Error() != want {
			t.Errorf("tick %d of 60:\n got %v\nwant %s", tick, err, want)
		}
	}
}

// A row's mean is its mean column, not its median; a panel is titled by
// the state's id, name and role.
func TestSeriesRowAndPanelTitlesByHand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "series.csv")
	os.WriteFile(path, []byte("point,tick,date,state,measure,mean,q05,q50,q95\n1,0,1950-01,usa,losses,0.9,0.9,0.9,0.9\n0,3,1950-04,usa,alive,1,1,1,1\n0,3,1950-04,usa,threat,0.25,0.1,0.5,0.75\n"), 0o644)
	s, err := readSeries(path, nil, 12, 0)
	if want := []seriesRow{{Tick: 3, Mean: 0.25, Q05: 0.1, Q50: 0.5, Q95: 0.75}}; err != nil || len(s) != 1 || len(s[0].Measures) != 2 || !slices.Equal(s[0].Measures["threat"], want) {
		t.Errorf("rows %+v, %v; want point 0's threat %+v", s, err, want)
	}
	sc := &sim.Scenario{States: []sim.State{{ID: "usa", Name: "United States", Role: sim.Patron}, {ID: "kor", Name: "kor", Role: sim.Client}, {ID: "prc", Role: sim.Adversary}}}
	for id, want := range map[string]string{"usa": "usa — United States (patron)", "kor": "kor (client)", "prc": "prc (adversary)", "zzz": "zzz"} {
		if got := stateLabel(sc, id, nil); got != want {
			t.Errorf("%s labelled %q, want %q", id, got, want)
		}
	}
	// A label that does not fit loses letters of the name, not the id or
	// the role; at 30 runes "chn — " (6) and "… (adversary)" (13) leave
	// the name 11, and at 28 the 9 of "People's " lose their trailing
	// space to the ellipsis. A closing parenthetical goes first, whole,
	// so that no parenthesis is left open: "twn — Republic of China
	// (Taiwan) (client)" is 41 runes, without "(Taiwan)" 32.
	sc.States = append(sc.States, sim.State{ID: "chn", Name: "People's Republic of China", Role: sim.Adversary},
		sim.State{ID: "twn", Name: "Republic of China (Taiwan)", Role: sim.Client})
	for _, c := range []struct {
		id    string
		limit int
		want  string
	}{
		{"chn", 44, "chn — People's Republic of China (adversary)"},
		{"chn", 30, "chn — People's Re… (adversary)"},
		{"chn", 28, "chn — People's… (adversary)"},
		{"chn", 5, "chn — P… (adversary)"},
		{"twn", 41, "twn — Republic of China (Taiwan) (client)"},
		{"twn", 40, "twn — Republic of China (client)"},
		{"twn", 32, "twn — Republic of China (client)"},
		{"twn", 31, "twn — Republic of Chi… (client)"},
	} {
		fits := func(label string) bool { return utf8.RuneCountInString(label) <= c.limit }
		if got := stateLabel(sc, c.id, fits); got != c.want {
			t.Errorf("%s within %d runes labelled %q, want %q", c.id, c.limit, got, c.want)
		}
	}
}

// A 0/1 measure's mean is a count of runs over all runs, rounded back:
// 0.29 of 100 runs (28.999… in floating point) is 29 runs.
func TestShareBandRoundsTheCount(t *testing.T) {
	band := shareBand([]seriesRow{{Tick: 12, Mean: 0.29}}, nil, 100, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1})
	p := runner.NewProportion(29, 100)
	if len(band) != 1 || len(band[0].Mean) != 1 || band[0].Mean[0].X != 1951 || band[0].Mean[0].Y != 0.29 || band[0].Lo[0].Y != p.Low || band[0].Hi[0].Y != p.High {
		t.Errorf("band %+v, want 0.29 in [%v, %v] at 1951", band, p.Low, p.High)
	}
	// So is the count of runs in which the state exists: 0.29·100 is
	// 28.999999999999996, 29 runs, of which 17 in losses (17/29).
	band = shareBand([]seriesRow{{Tick: 12, Mean: 17.0 / 29}}, []seriesRow{{Tick: 12, Mean: 0.29}}, 100, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1})
	if p := runner.NewProportion(17, 29); len(band) != 1 || band[0].Lo[0].Y != p.Low || band[0].Hi[0].Y != p.High {
		t.Errorf("band %+v, want [%v, %v], 17 of 29 runs", band, p.Low, p.High)
	}
}

// A share of a state eliminated in some runs is of the runs in which it
// exists: at tick 0 it exists in all 100 runs and is in losses in 30
// (0.3 of 100); at tick 12 in 40 (alive 0.4) and in losses in 10 of those
// (0.25 of 40, not of 100); at tick 24 in none, and that tick has no
// point; at tick 36, revived in 20 runs, in losses in 10 of them (0.5),
// a new stretch: no line is drawn across the gap.
func TestShareBandOverTheRunsInWhichAStateExists(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	alive := []seriesRow{{Tick: 0, Mean: 1}, {Tick: 12, Mean: 0.4}, {Tick: 24, Mean: 0}, {Tick: 36, Mean: 0.2}}
	losses := []seriesRow{{Tick: 0, Mean: 0.3}, {Tick: 12, Mean: 0.25}, {Tick: 24, Mean: math.NaN()}, {Tick: 36, Mean: 0.5}}
	band := shareBand(losses, alive, 100, cal)
	if len(band) != 2 || len(band[0].Mean) != 2 || len(band[1].Mean) != 1 {
		t.Fatalf("stretches %+v, want 2 points, a gap at tick 24, then 1", band)
	}
	if p := runner.NewProportion(10, 20); band[1].Mean[0].Y != 0.5 || band[1].Lo[0].Y != p.Low || band[1].Mean[0].X != 1953 {
		t.Errorf("after the gap: %+v, want 0.5 in [%v, …] at 1953", band[1], p.Low)
	}
	mean, lo, hi := band[0].Mean, band[0].Lo, band[0].Hi
	want := []runner.Proportion{runner.NewProportion(30, 100), runner.NewProportion(10, 40)}
	for i, p := range want {
		if mean[i].Y != losses[i].Mean || lo[i].Y != p.Low || hi[i].Y != p.High {
			t.Errorf("tick %d: drawn %v [%v, %v], want %v [%v, %v]", losses[i].Tick, mean[i].Y, lo[i].Y, hi[i].Y, losses[i].Mean, p.Low, p.High)
		}
	}
	if !everEliminated(alive) || everEliminated(alive[:1]) {
		t.Error("everEliminated: want true for alive 1, 0.4, 0 and false for alive 1")
	}
}

// series.csv has no value (empty cells) for a measure of a state that
// exists in no run at that tick, and only there; alive itself always has
// one, and a file without alive rows is an older alliancesim's, whose
// measures counted an eliminated state as 0.
func TestReadSeriesWithoutAValue(t *testing.T) {
	const head = "point,tick,date,state,measure,mean,q05,q50,q95\n"
	path := filepath.Join(t.TempDir(), "series.csv")
	os.WriteFile(path, []byte(head+"0,0,1950-01,lux,alive,0,0,0,0\n0,0,1950-01,lux,threat,,,,\n"), 0o644)
	s, err := readSeries(path, nil, 12, 0)
	if err != nil || len(s) != 1 || !math.IsNaN(s[0].Measures["threat"][0].Mean) || s[0].Measures["alive"][0].Mean != 0 {
		t.Fatalf("a threat without a value: %v, %+v", err, s)
	}
	for _, c := range []struct{ name, rows, want string }{
		{"alive without a value", "0,0,1950-01,lux,alive,,,,\n", path + `:2: mean "" is not a number`},
		{"no alive rows", "0,0,1950-01,lux,threat,0.5,0.5,0.5,0.5\n", path + ": lux has no alive rows: the file is from an older alliancesim, whose series counted an eliminated state as 0"},
		{"no value where it exists", "0,0,1950-01,lux,alive,0.5,0,0,1\n0,0,1950-01,lux,threat,,,,\n", path + ": lux threat at tick 0 has 0 of its 4 values where the state exists in 0.5 of the runs"},
		{"a value where it exists in none", "0,0,1950-01,lux,alive,0,0,0,0\n0,0,1950-01,lux,threat,0.5,0.5,0.5,0.5\n", path + ": lux threat at tick 0 has 4 of its 4 values where the state exists in 0 of the runs"},
		{"some values", "0,0,1950-01,lux,alive,1,1,1,1\n0,0,1950-01,lux,losses,,0.3,,\n", path + ": lux losses at tick 0 has 1 of its 4 values"},
		{"rows out of step", "0,0,1950-01,lux,alive,1,1,1,1\n0,1,1950-02,lux,alive,1,1,1,1\n0,1,1950-02,lux,threat,0.5,0.5,0.5,0.5\n0,0,1950-01,lux,threat,0.5,0.5,0.5,0.5\n", path + ": lux threat has tick 1 where alive has 0: the file is damaged"},
	} {
		os.WriteFile(path, []byte(head+c.rows), 0o644)
		if _, err := readSeries(path, nil, 12, 0); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant …%s…", c.name, err, c.want)
		}
	}
}

// near3 is the one path of 3 points among paths (others are legend
// swatches).
func near3(t *testing.T, paths [][][2]float64) [][2]float64 {
	t.Helper()
	var out [][][2]float64
	for _, p := range paths {
		if len(p) == 3 {
			out = append(out, p)
		}
	}
	if len(out) != 1 {
		t.Fatalf("paths %v, want one of 3 points", paths)
	}
	return out[0]
}

// The threat panel draws the mean, the band from q05 to q95 and, dashed,
// the reference point: by hand, one state from 1950-01 by months, at
// ticks 0, 12 and 24.
func TestThreatFigureByHand(t *testing.T) {
	s := stateSeries{State: "usa", Measures: map[string][]seriesRow{}}
	for i := range 3 {
		v := 0.2 * float64(i)
		s.Measures["threat"] = append(s.Measures["threat"], seriesRow{Tick: 12 * i, Mean: 0.2 + v, Q05: 0.1 + v, Q50: 0.15 + v, Q95: 0.3 + v})
		s.Measures["reference"] = append(s.Measures["reference"], seriesRow{Tick: 12 * i, Mean: 0.5, Q05: 0.5, Q50: 0.5, Q95: 0.5})
	}
	f, err := threatFigure([]stateSeries{s}, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, 24, 10)
	if err != nil {
		t.Fatal(err)
	}
	mean := near3(t, svgPaths(t, f.SVG, "stroke:#0072B2"))
	py := func(v float64) float64 { return mean[0][1] + (v-0.2)/0.4*(mean[2][1]-mean[0][1]) }
	at := func(vs ...float64) [][2]float64 {
		var out [][2]float64
		for i, v := range vs {
			out = append(out, [2]float64{mean[[]int{0, 1, 2, 2, 1, 0}[i]][0], py(v)})
		}
		return out
	}
	if !(mean[2][1]-mean[0][1] > 10) || math.Abs(mean[1][1]-py(0.4)) > 0.01 {
		t.Fatalf("mean line %v", mean)
	}
	if ref := near3(t, svgPaths(t, f.SVG, "stroke:#777777", "stroke-dasharray")); !samePoints(ref, at(0.5, 0.5, 0.5)) {
		t.Errorf("reference line %v, want %v", ref, at(0.5, 0.5, 0.5))
	}
	band := firstPanel(t, f.SVG, svgPaths(t, f.SVG, "fill:#0071B1")) // bandColor, as the SVG backend writes it
	if want := at(0.3, 0.5, 0.7, 0.5, 0.3, 0.1); len(band) != 1 || len(band[0]) < 6 || !samePoints(band[0][:6], want) {
		t.Errorf("band %v, want %v", band, want)
	}
}

// A state that exists in no run at a sampled tick has no point there,
// and no line across it: eliminated in every run at tick 24 and revived
// by tick 36, threat's mean is a line over ticks 0 and 12 and a lone
// point at 36, not one line of 3 points.
func TestThreatFigureSkipsTicksWithoutAValue(t *testing.T) {
	s := stateSeries{State: "lux", Measures: map[string][]seriesRow{}}
	nan := math.NaN()
	for i, v := range []float64{0.2, 0.3, nan, 0.4} {
		s.Measures["threat"] = append(s.Measures["threat"], seriesRow{Tick: 12 * i, Mean: v, Q05: v, Q50: v, Q95: v})
		s.Measures["reference"] = append(s.Measures["reference"], seriesRow{Tick: 12 * i, Mean: v, Q05: v, Q50: v, Q95: v})
	}
	f, err := threatFigure([]stateSeries{s}, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, 48, 10)
	if err != nil {
		t.Fatal(err)
	}
	var twos int
	for _, p := range firstPanel(t, f.SVG, svgPaths(t, f.SVG, "stroke:#0072B2")) {
		if len(p) == 2 {
			twos++
		}
		if len(p) == 3 {
			t.Errorf("a mean line of 3 points %v: drawn across the tick without a value", p)
		}
	}
	if twos != 1 {
		t.Errorf("%d mean lines of 2 points, want 1", twos)
	}
}

// The domain panel draws the share in losses (solid) and the share
// allied (dashed), each from its own measure, and for a state eliminated
// in some runs the share of runs in which it exists (grey, dotted, with a
// legend entry, in a legend panel of its own): of 8 runs, it exists in
// 8, 4 and 4.
func TestDomainFigureByHand(t *testing.T) {
	s := stateSeries{State: "usa", Measures: map[string][]seriesRow{}}
	for i, a := range []float64{1, 0.5, 0.5} {
		s.Measures["alive"] = append(s.Measures["alive"], seriesRow{Tick: 12 * i, Mean: a})
		s.Measures["losses"] = append(s.Measures["losses"], seriesRow{Tick: 12 * i, Mean: 0.5 * float64(i)})
		s.Measures["allied"] = append(s.Measures["allied"], seriesRow{Tick: 12 * i, Mean: 0.25})
	}
	f, err := domainFigure([]stateSeries{s}, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, 24, 8)
	if err != nil {
		t.Fatal(err)
	}
	losses := near3(t, svgPaths(t, f.SVG, "stroke:#D55E00"))
	py := func(v float64) float64 { return losses[0][1] + v*(losses[2][1]-losses[0][1]) }
	if !(losses[2][1]-losses[0][1] > 10) || math.Abs(losses[1][1]-py(0.5)) > 0.01 {
		t.Fatalf("losses line %v, want 0, 0.5, 1", losses)
	}
	at := func(vs ...float64) [][2]float64 {
		return [][2]float64{{losses[0][0], py(vs[0])}, {losses[1][0], py(vs[1])}, {losses[2][0], py(vs[2])}}
	}
	if allied := near3(t, svgPaths(t, f.SVG, "stroke:#009E73", "stroke-dasharray")); !samePoints(allied, at(0.25, 0.25, 0.25)) {
		t.Errorf("allied line %v, want %v", allied, at(0.25, 0.25, 0.25))
	}
	if exists := near3(t, svgPaths(t, f.SVG, "stroke:#777777", "stroke-dasharray")); !samePoints(exists, at(1, 0.5, 0.5)) {
		t.Errorf("exists line %v, want %v", exists, at(1, 0.5, 0.5))
	}
	if !strings.Contains(string(f.SVG), ">exists<") {
		t.Error("no legend entry for the share that exists")
	}
	// The legend has a panel of its own, right of the state's: in the
	// state's panel it lay over the lines at 0 or 1.
	m := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>in losses</text>`).FindStringSubmatch(string(f.SVG))
	if m == nil {
		t.Fatal("no legend entry for the share in losses")
	}
	if x, _ := strconv.ParseFloat(m[1], 64); x <= losses[2][0] {
		t.Errorf("the legend at x %v is within the state's panel, whose lines end at x %v", x, losses[2][0])
	}
}

// A series.csv cut short at a line boundary leaves its last state and
// measure with fewer rows than the others: refused, naming both.
func TestReadSeriesCutShort(t *testing.T) {
	path := filepath.Join(t.TempDir(), "series.csv")
	rows := "point,tick,date,state,measure,mean,q05,q50,q95\n" +
		"0,0,1950-01,usa,alive,1,1,1,1\n0,0,1950-01,usa,threat,0.5,0.4,0.5,0.6\n0,0,1950-01,usa,losses,0.2,0,0,1\n" +
		"0,1,1950-02,usa,alive,1,1,1,1\n0,1,1950-02,usa,threat,0.5,0.4,0.5,0.6\n"
	os.WriteFile(path, []byte(rows), 0o644)
	want := path + ": usa losses has 1 rows for the first point, usa alive 2: the file is cut short or damaged (run the work again with --force)"
	if _, err := readSeries(path, nil, 12, 0); err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	os.WriteFile(path, []byte(rows+"0,1,1950-02,usa,losses,0.2,0,0,1\n"), 0o644)
	if _, err := readSeries(path, nil, 12, 0); err != nil {
		t.Errorf("the whole file: %v", err)
	}
	// Cut at the end of a tick, every series is alike and short: the run
	// samples every tick of 3 (every 1, horizon 3), and the file stops
	// after tick 1.
	want = path + ": usa alive ends at tick 1, where the run samples to tick 2: the file is cut short or damaged (run the work again with --force)"
	if _, err := readSeries(path, nil, 3, 1); err == nil || err.Error() != want {
		t.Errorf("cut at a tick's end: got %v\nwant %s", err, want)
	}
	if _, err := readSeries(path, nil, 2, 1); err != nil {
		t.Errorf("the whole file, every tick of 2 sampled: %v", err)
	}
}

// Of a single run the figures draw the run's values with no band: the
// quantiles of one value are that value, and a Wilson interval of one run
// says nothing of what it did. Of two runs they draw the bands.
func TestSeriesFiguresOfOneRunHaveNoBands(t *testing.T) {
	s := stateSeries{State: "usa", Measures: map[string][]seriesRow{}}
	for i := range 3 {
		v := float64(i % 2)
		for _, m := range []string{"alive", "threat", "reference", "losses", "allied"} {
			s.Measures[m] = append(s.Measures[m], seriesRow{Tick: 12 * i, Mean: v, Q05: v, Q50: v, Q95: v})
		}
		s.Measures["alive"][i] = seriesRow{Tick: 12 * i, Mean: 1, Q05: 1, Q50: 1, Q95: 1}
	}
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	for _, runs := range []int{1, 2} {
		threat, err := threatFigure([]stateSeries{s}, nil, cal, 24, runs)
		if err != nil {
			t.Fatal(err)
		}
		domain, err := domainFigure([]stateSeries{s}, nil, cal, 24, runs)
		if err != nil {
			t.Fatal(err)
		}
		bands := len(firstPanel(t, threat.SVG, svgPaths(t, threat.SVG, "fill-opacity"))) + len(svgPaths(t, domain.SVG, "fill-opacity")) // a band's fill is translucent
		if want := map[int]int{1: 0, 2: 3}[runs]; bands != want {
			t.Errorf("%d runs: %d bands drawn, want %d", runs, bands, want)
		}
		// The threat figure's legend, in a panel of its own, names the
		// band only where there is one.
		if bandEntry := strings.Contains(string(threat.SVG), ">5% to 95% of runs<"); bandEntry != (runs > 1) {
			t.Errorf("%d runs: legend entry for the band %v", runs, bandEntry)
		}
		if !strings.Contains(string(threat.SVG), ">reference point ρ") {
			t.Errorf("%d runs: no legend entry for the reference point", runs)
		}
		if one := strings.Contains(threat.Caption, "in the run") && strings.Contains(domain.Caption, "in the run"); one != (runs == 1) {
			t.Errorf("%d runs: captions %q and %q", runs, threat.Caption, domain.Caption)
		}
	}
}

// A series sampled once (a run shorter than its recording interval) is
// drawn, not left as bare axes: its mean as a dot of the line's colour
// and its band one tick wide, centred on it.
func TestThreatFigureDrawsALoneSample(t *testing.T) {
	s := stateSeries{State: "lux", Measures: map[string][]seriesRow{
		"threat":    {{Tick: 0, Mean: 0.5, Q05: 0.3, Q50: 0.5, Q95: 0.7}},
		"reference": {{Tick: 0, Mean: 0.4, Q05: 0.4, Q50: 0.4, Q95: 0.4}},
	}}
	f, err := threatFigure([]stateSeries{s}, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 12}, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if dots := svgPaths(t, f.SVG, "fill:#0072B2"); len(dots) != 1 {
		t.Errorf("%d dots of the mean's colour, want 1", len(dots))
	}
	if dots := svgPaths(t, f.SVG, "fill:#777777"); len(dots) != 1 {
		t.Errorf("%d dots of the reference's colour, want 1", len(dots))
	}
	band := firstPanel(t, f.SVG, svgPaths(t, f.SVG, "fill:#0071B1"))
	if len(band) != 1 || len(band[0]) < 4 {
		t.Fatalf("band %v: want one area", band)
	}
	xs, ys := map[float64]bool{}, map[float64]bool{}
	for _, q := range band[0] {
		xs[math.Round(q[0])], ys[math.Round(q[1])] = true, true
	}
	if len(xs) != 2 || len(ys) != 2 {
		t.Errorf("band %v: want a rectangle, two x and two y", band[0])
	}
}

// A state's panel title fits its panel in the title's font: the longest
// name of asia-1950, the People's Republic of China, did not, and the
// next panel's background covered its end. It keeps as much of the name
// as fits: one letter more would not.
func TestStatePanelTitleFits(t *testing.T) {
	const name = "People's Republic of China"
	sc := &sim.Scenario{States: []sim.State{{ID: "chn", Name: name, Role: sim.Adversary}, {ID: "usa", Name: "United States", Role: sim.Patron}}}
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	limit := vg.Points(statePanelW - 16)
	if p := statePanel(sc, "usa", cal, 24); p.Title.Text != "usa — United States (patron)" {
		t.Errorf("usa titled %q, which fits whole", p.Title.Text)
	}
	p := statePanel(sc, "chn", cal, 24)
	width := p.Title.TextStyle.Width
	if width("chn — "+name+" (adversary)") <= limit {
		t.Fatal("the whole title fits: the test shows nothing")
	}
	kept, ok := strings.CutPrefix(p.Title.Text, "chn — ")
	kept, ok2 := strings.CutSuffix(kept, "… (adversary)")
	if !ok || !ok2 || !strings.HasPrefix(name, kept) {
		t.Fatalf("chn titled %q, want the id, the start of the name, an ellipsis and the role", p.Title.Text)
	}
	if w := width(p.Title.Text); w > limit {
		t.Errorf("chn's title %q is %v wide, more than the panel's %v", p.Title.Text, w, limit)
	}
	next := len(kept) + 1
	if name[len(kept)] == ' ' { // the cut drops a trailing space: one letter more is two runes more
		next++
	}
	if longer := "chn — " + name[:next] + "… (adversary)"; width(longer) <= limit {
		t.Errorf("chn titled %q, where %q fits", p.Title.Text, longer)
	}
}
