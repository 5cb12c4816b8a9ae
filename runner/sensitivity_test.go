package runner

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sensitivity"
)

// Only morris and sobol sweeps have indices; the message says what is
// allowed.
func TestSensitivityNeedsADesign(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "grid")
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := SensitivityOf(dir, nil, sensitivity.Bootstrap{}); err == nil || !strings.Contains(err.Error(), `allowed: design = "morris" or "sobol"`) {
		t.Fatalf("grid sweep: %v", err)
	}
	if _, err := ParseOutput("patron_bilateral", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseOutput("bilateral", []string{"alliances"}); err == nil || !strings.Contains(err.Error(), "or a measure: alliances") {
		t.Fatalf("unknown output: %v", err)
	}
}

// Analyze by hand: a morris design of two trajectories over two paths,
// with one share and one measure at each of its six points. The share's
// counts of 10 runs, 0, 2, 4, 6, 4, 8, are the means 0, 0.2, 0.4, 0.6,
// 0.4, 0.8; on the trajectories of TestElementaryEffectsByHand (steps of
// ½) its effects are 0.4, 0.4 (first) and 0.4, −0.8 (second, stepping
// down), so μ*1 = 0.6, μ1 = −0.2, μ*2 = μ2 = 0.4. Its mean over the
// points is 2.4/6 = 0.4, its population variance (0.16 + 0.04 + 0 +
// 0.04 + 0 + 0.16)/6 = 0.4/6, and its noise the mean of p(1 − p)/9:
// (0 + 0.16 + 0.24 + 0.24 + 0.24 + 0.16)/6/9 = 1.04/54. The measure's
// noise is sd²/runs: 0.5²/10 = 0.025 at every point.
func TestAnalyzeByHand(t *testing.T) {
	unit := [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0}, {0, 0}}
	var points []*Summary
	for i, count := range []int{0, 2, 4, 6, 4, 8} {
		mean, sd := float64(i), 0.5
		points = append(points, &Summary{Runs: 10,
			Shares:   map[string]Proportion{shareKeys[0]: NewProportion(count, 10)},
			Measures: []MeasureSummary{{Name: "m", Runs: 10, Mean: &mean, SD: &sd}}})
	}
	outputs := []Output{ShareOutput(Share(0)), MeasureOutput("m")}
	s, err := Analyze(&Design{Kind: "morris", Samples: 2, Levels: 4}, []string{"a", "b"}, unit, points, outputs, sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	share := s.Outputs[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"mean", share.Mean, 0.4}, {"variance", share.Variance, 0.4 / 6}, {"noise", share.Noise, 1.04 / 54},
		{"μ*a", share.Morris.MuStar[0].Estimate, 0.6}, {"μa", share.Morris.Mu[0].Estimate, -0.2},
		{"μ*b", share.Morris.MuStar[1].Estimate, 0.4}, {"μb", share.Morris.Mu[1].Estimate, 0.4},
		{"measure noise", s.Outputs[1].Noise, 0.025}, {"measure mean", s.Outputs[1].Mean, 2.5},
	} {
		if !(math.Abs(c.got-c.want) <= 1e-12) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if s.Runs != 10 || s.Points != 6 || share.Output != shareKeys[0] || s.Outputs[1].Output != "m" {
		t.Errorf("runs %d, points %d, outputs %q %q", s.Runs, s.Points, share.Output, s.Outputs[1].Output)
	}
	// An output equal at every point (a share of 2/3) has a variance of
	// exactly 0, not the 1e-31 its mean summed as v/n would leave.
	var flat []*Summary
	for range 6 {
		flat = append(flat, &Summary{Runs: 3, Shares: map[string]Proportion{shareKeys[0]: NewProportion(2, 3)}})
	}
	f, err := Analyze(&Design{Kind: "morris", Samples: 2, Levels: 4}, []string{"a", "b"}, unit, flat, outputs[:1], sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if o := f.Outputs[0]; o.Variance != 0 || o.Mean != 2.0/3 {
		t.Errorf("a constant output: mean %v, variance %v; want 2/3 and 0", o.Mean, o.Variance)
	}
	// With one run a point the replication noise cannot be measured: it
	// is NaN, not the 0 a share's variance over one run would give.
	var single []*Summary
	for _, count := range []int{0, 1, 1, 0, 1, 1} {
		single = append(single, &Summary{Runs: 1, Shares: map[string]Proportion{shareKeys[0]: NewProportion(count, 1)}})
	}
	one, err := Analyze(&Design{Kind: "morris", Samples: 2, Levels: 4}, []string{"a", "b"}, unit, single, outputs[:1], sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if o := one.Outputs[0]; !math.IsNaN(o.Noise) || math.Abs(o.Variance-2.0/9) > 1e-12 {
		t.Errorf("one run a point: noise %v, variance %v; want NaN and 2/9", o.Noise, o.Variance)
	}
	// So with a measure that one run alone gave a value at some point
	// (no SD there), though every point had ten runs.
	sparse := slices.Clone(points)
	lone := 7.0
	sparse[3] = &Summary{Runs: 10, Shares: points[3].Shares, Measures: []MeasureSummary{{Name: "m", Runs: 1, Mean: &lone}}}
	m, err := Analyze(&Design{Kind: "morris", Samples: 2, Levels: 4}, []string{"a", "b"}, unit, sparse, outputs[1:], sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if o := m.Outputs[0]; !math.IsNaN(o.Noise) {
		t.Errorf("a measure with one valued run at a point: noise %v, want NaN", o.Noise)
	}
	if _, err := Analyze(&Design{Kind: "morris", Samples: 2}, []string{"a", "b"}, unit, points, []Output{MeasureOutput("x")}, sensitivity.Bootstrap{}); err == nil || !strings.Contains(err.Error(), `no measure "x"`) {
		t.Errorf("an unknown measure: %v", err)
	}
	// A measure with no value in any run at a point has no indices, says
	// where, and its rows in sensitivity.csv are empty; the other outputs
	// are analysed all the same (the whole analysis used to fail).
	undefined := slices.Clone(points)
	undefined[2] = &Summary{Runs: 10, Shares: points[2].Shares, Measures: []MeasureSummary{{Name: "m", Runs: 0}}}
	u, err := Analyze(&Design{Kind: "morris", Samples: 2, Levels: 4}, []string{"a", "b"}, unit, undefined, outputs, sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if o := u.Outputs[1]; o.Missing != "no value in any run at point 2" || o.Morris != nil || u.Outputs[0].Morris == nil {
		t.Errorf("outputs %+v; want the share analysed and m missing at point 2", u.Outputs)
	}
	// The analysis records the bootstrap it drew: zero values are the
	// defaults they stand for, and one out of range is refused though no
	// output is analysed to draw it.
	if u.Bootstrap != (sensitivity.Bootstrap{Resamples: sensitivity.DefaultResamples, Confidence: 0.95, Seed: 1}) {
		t.Errorf("bootstrap %+v; want the defaults and seed 1", u.Bootstrap)
	}
	if _, err := Analyze(&Design{Kind: "morris", Samples: 2, Levels: 4}, []string{"a", "b"}, unit, undefined, outputs[1:], sensitivity.Bootstrap{Confidence: 1.5}); err == nil || !strings.Contains(err.Error(), "confidence 1.5") {
		t.Errorf("confidence 1.5 with every output missing: %v", err)
	}
	var csv strings.Builder
	if err := u.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), "m,a,mu_star,,,,0.95,1000,1\n") || !strings.Contains(csv.String(), "m,b,sigma,,,,0.95,1000,1\n") {
		t.Errorf("sensitivity.csv lacks m's empty rows:\n%s", csv.String())
	}
}

// Under a sobol design the variance reported, and the noise set against
// it, are of the A and B rows: the variance the indices share out, not
// that of every point. N = 2 base rows of k = 1 path: the points are A,
// AB, B for each row, with means 1, 5, 3 and 2, 9, 4 and noises sd²/10 of
// 0.1, 0.9, 0.4 (sd 1, 3, 2). Over A and B (1, 3, 2, 4) the mean is 2.5,
// the population variance (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, the noise
// (0.1 + 0.4 + 0.1 + 0.4)/4 = 0.25; over every point the variance would
// be 40/6.
func TestAnalyzeSobolVarianceOfTheBaseRows(t *testing.T) {
	var points []*Summary
	unit := make([][]float64, 6)
	for i, m := range []float64{1, 5, 3, 2, 9, 4} {
		mean, sd := m, []float64{1, 3, 2}[i%3]
		points = append(points, &Summary{Runs: 10, Measures: []MeasureSummary{{Name: "m", Runs: 10, Mean: &mean, SD: &sd}}})
		unit[i] = []float64{0.5}
	}
	s, err := Analyze(&Design{Kind: "sobol", Samples: 2, Base: "random"}, []string{"a"}, unit, points, []Output{MeasureOutput("m")}, sensitivity.Bootstrap{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	o := s.Outputs[0]
	if math.Abs(o.Mean-2.5) > 1e-12 || math.Abs(o.Variance-1.25) > 1e-12 || math.Abs(o.Noise-0.25) > 1e-12 {
		t.Errorf("mean %v, variance %v, noise %v; want 2.5, 1.25, 0.25 (the A and B rows)", o.Mean, o.Variance, o.Noise)
	}
	if o.Variance != o.Sobol.Variance {
		t.Errorf("variance %v, the indices' %v", o.Variance, o.Sobol.Variance)
	}
}

// A directory that is missing, or a file, is called so, not "not an
// alliancesim output directory", nor is one that another command wrote.
func TestNotAnOutputDirectory(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// The directories of hypotheses --out and compare --out are named by
	// what wrote them.
	hyp, card := filepath.Join(dir, "hyp"), filepath.Join(dir, "card")
	for d, f := range map[string]string{hyp: "hypotheses.json", card: "scorecard.csv"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ dir, want string }{
		{filepath.Join(dir, "nope"), filepath.Join(dir, "nope") + ": no such directory"},
		{file, file + " is a file, not a directory"},
		{dir, dir + " is not an alliancesim output directory (no manifest.json)"},
		{hyp, hyp + " holds the output of alliancesim hypotheses (hypotheses.json), not of run or sweep (no manifest.json)"},
		{card, card + " holds the output of alliancesim compare (scorecard.csv), not of run or sweep (no manifest.json)"},
	} {
		if _, err := SensitivityOf(c.dir, nil, sensitivity.Bootstrap{}); err == nil || err.Error() != c.want {
			t.Errorf("SensitivityOf(%s): %v; want %q", c.dir, err, c.want)
		}
		if err := Assemble([]string{c.dir}, filepath.Join(dir, "merged")); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Assemble(%s): %v; want %q", c.dir, err, c.want)
		}
	}
}

// Ranked orders the varied paths by total index (Sobol) or μ* (Morris),
// largest first, ties in path order, undefined estimates last; with no
// indices it ranks nothing.
func TestRanked(t *testing.T) {
	nan := math.NaN()
	iv := func(xs ...float64) []sensitivity.Interval {
		out := make([]sensitivity.Interval, len(xs))
		for i, x := range xs {
			out[i] = sensitivity.Interval{Estimate: x, Low: x, High: x}
		}
		return out
	}
	for _, c := range []struct {
		name string
		o    OutputSensitivity
		want []int
	}{
		// First indices are not what ranks a Sobol output: the totals are.
		{"sobol", OutputSensitivity{Sobol: &sensitivity.SobolIndices{First: iv(0.9, 0, 0, 0), Total: iv(0.2, nan, 0.5, 0.2)}}, []int{2, 0, 3, 1}},
		{"morris", OutputSensitivity{Morris: &sensitivity.Effects{MuStar: iv(nan, 0.01, 0.3), Mu: iv(0, -0.3, 0.3)}}, []int{2, 1, 0}},
		{"none", OutputSensitivity{}, []int{}},
	} {
		if got := c.o.Ranked(); !slices.Equal(got, c.want) {
			t.Errorf("%s: ranked %v, want %v", c.name, got, c.want)
		}
	}
}
