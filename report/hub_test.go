package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
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
	// An alliance down to its patron alone (a left at 4) is no patron
	// alliance: of the rest, 1 of 1 is bilateral.
	alone := []spell{{0, 0, -1, "p"}, {0, 0, 4, "a"}, {1, 0, -1, "p"}, {1, 0, -1, "b"}}
	if v, ok := hubIndex(alone, map[string]bool{"p": true}, 5); !ok || v != 1 {
		t.Fatalf("with a patron alone: index %v %v, want 1", v, ok)
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
		{"-1", `:2: alliance "-1", joined "5", left ""; allowed: an alliance id ≥ 0, joined a tick from 0 to 503, left empty (a member at the end) or a tick from joined to 504: the file is damaged (run the work again with --force)`},
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

// hubMemberships writes memberships.csv for the hub tests: six runs of a
// patron p, by hand.
//
//	run 0: A0 p a (in force); A1 p b c, all left at 9
//	runs 1 and 2: A0 p a and A1 p b c, all left at 4
//	run 3: A0 p a, left at 3; A1 p x y from 6
//	run 4: bilateral A0–A2 (p with a, b, c), trilateral A3 p a b and A4 p c d, all left at 5
//	run 5: no alliance
func hubMemberships(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("point,run,alliance,state,joined,left\n")
	spell := func(run, alliance int, joined int, left string, states ...string) {
		for _, s := range states {
			fmt.Fprintf(&b, "0,%d,%d,%s,%d,%s\n", run, alliance, s, joined, left)
		}
	}
	spell(0, 0, 0, "", "p", "a")
	spell(0, 1, 0, "9", "p", "b", "c")
	for _, run := range []int{1, 2} {
		spell(run, 0, 0, "4", "p", "a")
		spell(run, 1, 0, "4", "p", "b", "c")
	}
	spell(3, 0, 0, "3", "p", "a")
	spell(3, 1, 6, "", "p", "x", "y")
	spell(4, 0, 0, "5", "p", "a")
	spell(4, 1, 0, "5", "p", "b")
	spell(4, 2, 0, "5", "p", "c")
	spell(4, 3, 0, "5", "p", "a", "b")
	spell(4, 4, 0, "5", "p", "c", "d")
	path := filepath.Join(t.TempDir(), "memberships.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The hub index at a tick, by hand: its mean over the runs with a patron
// alliance, the normal 95% interval of that mean (sample variance, 1.96
// standard errors, clipped to [0, 1], none for one run), and the share of
// all runs at 0.6 or more (3 of 5 counts).
func TestHubSeriesByHand(t *testing.T) {
	points, err := hubSeries(hubMemberships(t), map[string]bool{"p": true}, []int{0, 5, 9}, 6, 24)
	if err != nil {
		t.Fatal(err)
	}
	// Tick 0: 0.5, 0.5, 0.5, 1 and 0.6: mean 0.62, variance 0.188/4 = 0.047.
	half := 1.959963984540054 * math.Sqrt(0.047/5)
	want := []hubPoint{
		{T: 0, Runs: 5, Mean: 0.62, Low: 0.62 - half, High: 0.62 + half, Share06: runner.NewProportion(2, 6)},
		{T: 5, Runs: 1, Mean: 0.5, Low: 0.5, High: 0.5, Share06: runner.NewProportion(0, 6)},
		{T: 9, Runs: 2, Mean: 0.5, Low: 0, High: 1, Share06: runner.NewProportion(1, 6)}, // 0.5 ± 0.98, clipped
	}
	if len(points) != len(want) {
		t.Fatalf("%d points, want %d", len(points), len(want))
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
	for i, w := range want {
		p := points[i]
		if p.T != w.T || p.Runs != w.Runs || p.Share06 != w.Share06 || !near(p.Mean, w.Mean) || !near(p.Low, w.Low) || !near(p.High, w.High) {
			t.Errorf("tick %d: got %+v\nwant %+v", w.T, p, w)
		}
	}
}

// The curve is checked against every checkpoint of summary.json, one at
// tick 0 too when it is not the start of a year (here the run starts in
// June): the runs with a patron alliance, the mean to 1e-9, and a mean
// of null only with no such run.
func TestHubCurveRefusesACheckpointItDisagreesWith(t *testing.T) {
	path := hubMemberships(t)
	f := func(x float64) *float64 { return &x }
	in := &Input{Dir: filepath.Dir(path), Kind: MonteCarlo,
		Manifest: &runner.Manifest{Runs: 6},
		Scenario: &sim.Scenario{States: []sim.State{{ID: "p", Role: sim.Patron}, {ID: "a", Role: sim.Client}}},
		Summary:  &runner.Summary{}}
	cal := sim.Calendar{StartYear: 1950, StartMonth: 6, MonthsPerTick: 1}
	for _, c := range []struct {
		tick, runs int
		mean       *float64
		want       string // "" for agreement
	}{
		{0, 5, f(0.62), ""},
		{9, 2, f(0.5), ""},
		{0, 5, f(0.7), "1950-06: 5 runs with a patron alliance and a mean hub index of 0.6200, against 5 runs and 0.7000"},
		{9, 2, f(0.505), "1951-03: 2 runs with a patron alliance and a mean hub index of 0.5000, against 2 runs and 0.5050"},
		{0, 4, f(0.62), "1950-06: 5 runs with a patron alliance and a mean hub index of 0.6200, against 4 runs and 0.6200"},
		{9, 2, nil, "1951-03: 2 runs with a patron alliance and a mean hub index of 0.5000, against 2 runs and none"},
	} {
		in.Summary.HubSpokes = []runner.HubSpokes{{Tick: c.tick, Date: cal.Label(c.tick), Runs: c.runs, Mean: c.mean}}
		_, err := hubOverTime(in, cal, 24)
		want := ""
		if c.want != "" {
			want = path + " disagrees with summary.json at " + c.want + ": the file is damaged or from another run (run the work again with --force)"
		}
		if got := fmt.Sprint(err); (err == nil) != (want == "") || err != nil && got != want {
			t.Errorf("checkpoint at %d of %d runs, mean %v:\n got %v\nwant %q", c.tick, c.runs, c.mean, err, want)
		}
	}
}

// With quarters from 1950-11, the tick of each year's start is the one
// that holds its January, as the hub-and-spokes checkpoints take it
// (Calendar.TickOf): 1950-11 (to 1951-01), 1951-11, 1952-11, and the
// last; with quarters from 1950-02, 1950-11 and 1951-11, not the
// quarters from February, which hold none.
func TestYearlyTicksOfQuarters(t *testing.T) {
	for _, c := range []struct {
		start int
		want  []int
		years []int // the Januaries the ticks before the last hold
	}{{11, []int{0, 4, 8, 10}, []int{1951, 1952, 1953}}, {2, []int{3, 7, 10}, []int{1951, 1952}}} {
		cal := sim.Calendar{StartYear: 1950, StartMonth: c.start, MonthsPerTick: 3}
		if y := yearlyTicks(cal, 11); !slices.Equal(y, c.want) {
			t.Errorf("quarters from month %d: yearly ticks %v, want %v", c.start, y, c.want)
		}
		for i, year := range c.years {
			if tk := cal.TickOf(year, 1); tk != c.want[i] {
				t.Errorf("quarters from month %d: January %d is in tick %d, not %d", c.start, year, tk, c.want[i])
			}
		}
	}
}

// hubSeries reads point 0 only: the rows of another point's run 0 (a
// trilateral) are not run 0's.
func TestHubSeriesReadsPointZero(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memberships.csv")
	os.WriteFile(path, []byte("point,run,alliance,state,joined,left\n0,0,0,p,0,\n0,0,0,a,0,\n1,0,1,p,0,\n1,0,1,b,0,\n1,0,1,c,0,\n"), 0o644)
	points, err := hubSeries(path, map[string]bool{"p": true}, []int{0}, 1, 10)
	if err != nil || len(points) != 1 || points[0].Runs != 1 || points[0].Mean != 1 || points[0].Share06 != runner.NewProportion(1, 1) {
		t.Fatalf("%v %+v, want 1 run with index 1", err, points)
	}
}

// The figure draws the mean index and, dashed, the share of runs at 0.6
// or more (not its interval's upper end): by hand, from 1950-01 by
// months, means 0, 0.5 and 1 at ticks 0, 12 and 24, shares 1, 2 and 3 of
// 4.
func TestHubFigureDrawsTheShare(t *testing.T) {
	var points []hubPoint
	for i, m := range []float64{0, 0.5, 1} {
		points = append(points, hubPoint{T: 12 * i, Runs: 4, Mean: m, Low: m, High: m, Share06: runner.NewProportion(i+1, 4)})
	}
	f, err := hubFigure(points, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1})
	if err != nil {
		t.Fatal(err)
	}
	three := func(style ...string) [][2]float64 {
		var out [][][2]float64
		for _, p := range svgPaths(t, f.SVG, style...) {
			if len(p) == 3 { // not the legend's swatch
				out = append(out, p)
			}
		}
		if len(out) != 1 {
			t.Fatalf("lines %v: %v, want one of 3 points", style, out)
		}
		return out[0]
	}
	mean := three("stroke:#0072B2")
	share := three("stroke:#D55E00", "stroke-dasharray")
	py := func(v float64) float64 { return mean[0][1] + v*(mean[2][1]-mean[0][1]) }
	want := [][2]float64{{mean[0][0], py(0.25)}, {mean[1][0], py(0.5)}, {mean[2][0], py(0.75)}}
	if !samePoints(share, want) || math.Abs(mean[1][1]-py(0.5)) > 0.01 {
		t.Errorf("share line %v, want %v (mean %v)", share, want, mean)
	}
}

// With no patron alliance at any point only the share is drawn, and the
// caption says so rather than describing a mean and checkpoints that are
// not there.
func TestHubFigureCaptionWithoutAPatronAlliance(t *testing.T) {
	nan := math.NaN()
	points := []hubPoint{{T: 0, Mean: nan, Low: nan, High: nan, Share06: runner.NewProportion(0, 4)},
		{T: 12, Mean: nan, Low: nan, High: nan, Share06: runner.NewProportion(0, 4)}}
	f, err := hubFigure(points, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f.Caption, "No run had a patron alliance") || strings.Contains(f.Caption, "checkpoints") || strings.Contains(f.Caption, "interval of the mean") {
		t.Errorf("caption %q", f.Caption)
	}
}

// The mean hub index from memberships.csv must be summary.json's up to
// the rounding of a sum taken in another order (10⁻⁹), no more: an
// index off by 10⁻⁶ is another run's or an edit.
func TestAgreesWithCheckpointsTolerance(t *testing.T) {
	at := map[int]hubPoint{120: {T: 120, Runs: 200, Mean: 0.7350595238095233}}
	for _, c := range []struct {
		mean float64
		ok   bool
	}{{0.7350595238095233, true}, {0.7350595238095233 + 1e-12, true}, {0.7350595238095233 + 1e-6, false}, {0.7350595238095233 - 1e-6, false}} {
		m := c.mean
		err := agreesWithCheckpoints("memberships.csv", at, []runner.HubSpokes{{Tick: 120, Date: "1960-01", Runs: 200, Mean: &m}})
		if (err == nil) != c.ok {
			t.Errorf("summary's mean %v against 0.7350595238095233: %v, want agreeing %v", c.mean, err, c.ok)
		}
	}
}

// An index defined at one sampled tick only, and a share sampled once,
// are drawn, as dots of their lines' colours with the mean's band one
// tick wide, not left as a legend over bare axes.
func TestHubFigureDrawsALoneSample(t *testing.T) {
	nan := math.NaN()
	points := []hubPoint{{T: 0, Runs: 4, Mean: 0.5, Low: 0.25, High: 0.75, Share06: runner.NewProportion(1, 4)},
		{T: 12, Runs: 4, Mean: nan, Low: nan, High: nan, Share06: runner.NewProportion(0, 4)}}
	f, err := hubFigure(points, nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1})
	if err != nil {
		t.Fatal(err)
	}
	if dots := svgPaths(t, f.SVG, "fill:#0072B2"); len(dots) != 1 {
		t.Errorf("%d dots of the mean's colour, want 1", len(dots))
	}
	if band := svgPaths(t, f.SVG, "fill:#0071B1"); len(band) < 1 || len(band[0]) < 4 {
		t.Errorf("band %v: want an area", band)
	}
	one, err := hubFigure(points[:1], nil, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 12})
	if err != nil {
		t.Fatal(err)
	}
	if dots := svgPaths(t, one.SVG, "fill:#D55E00"); len(dots) != 1 {
		t.Errorf("%d dots of the share's colour, want 1", len(dots))
	}
}
