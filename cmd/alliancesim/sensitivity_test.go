package main

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
)

// writeFiles writes name → content into a new directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const shortGeneric = "extends = \"generic\"\n[scenario]\nticks = 60\n"

// A Sobol sweep, then its indices: the table ranks the parameters with
// intervals, sensitivity.csv holds every output; a grid sweep, an unknown
// output and bad resamples are refused with what is allowed.
func TestSensitivityCommand(t *testing.T) {
	dir := writeFiles(t, map[string]string{"short.toml": shortGeneric, "exp.toml": `scenario = "short.toml"
runs = 4
design = "sobol"
samples = 8
[[vary]]
path = "params.sea_cost"
from = 0.5
to = 6
[[vary]]
path = "theater.generate.sea_fraction"
from = 0.0
to = 0.8
distribution = "triangular"
mode = 0.2
`})
	out := filepath.Join(dir, "s.out")
	text, err := execute(t, "sweep", filepath.Join(dir, "exp.toml"), "--out", out)
	if err != nil || !strings.Contains(text, "Sensitivity indices: alliancesim sensitivity "+out) {
		t.Fatalf("%v\n%s", err, text)
	}
	text, err = execute(t, "sensitivity", out, "--output", "client_alliance", "--resamples", "100")
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	for _, want := range []string{"Sobol indices (Jansen), N = 8 base rows (halton base), 2 paths: 32 points × 4 runs", "95% bootstrap intervals, 100 resamples, seed",
		"client_alliance  (mean over the A and B rows", "parameter", "S1 [95%]", "ST [95%]", "params.sea_cost", "theater.generate.sea_fraction"} {
		if !strings.Contains(text, want) {
			t.Fatalf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "patron_bilateral") {
		t.Fatalf("--output shows one output:\n%s", text)
	}
	csv, err := os.ReadFile(filepath.Join(out, "sensitivity.csv"))
	if err != nil || !strings.HasPrefix(string(csv), "output,parameter,index,estimate,low,high,level,resamples,seed\n") || !strings.Contains(string(csv), ",0.95,100,") || strings.Count(string(csv), "\n") != 1+8*2*2 {
		t.Fatalf("%v\n%s", err, csv)
	}
	again, _ := execute(t, "sensitivity", out, "--output", "client_alliance", "--resamples", "100")
	if again != text {
		t.Fatal("the same directory must give the same indices")
	}
	if _, err := execute(t, "sensitivity", out, "--output", "alliances"); err == nil || !strings.Contains(err.Error(), `--output "alliances" is not an output; allowed: a share (client_alliance,`) {
		t.Fatalf("unknown output: %v", err)
	}
	if _, err := execute(t, "sensitivity", out, "--resamples", "0"); err == nil || !strings.Contains(err.Error(), "--resamples 0: allowed") {
		t.Fatalf("no resamples: %v", err)
	}
	// Too few resamples for a 95% interval (one gave intervals of width
	// zero) are refused before sensitivity.csv is touched.
	if _, err := execute(t, "sensitivity", out, "--resamples", "99"); err == nil || !strings.Contains(err.Error(), "--resamples 99: allowed: a whole number in [100, 100000]") {
		t.Fatalf("99 resamples: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "sensitivity.csv")); !bytes.Equal(b, csv) {
		t.Fatal("a refused --resamples changed sensitivity.csv")
	}
	grid := filepath.Join(dir, "grid.out")
	os.WriteFile(filepath.Join(dir, "grid.toml"), []byte("scenario = \"short.toml\"\nruns = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n"), 0o644)
	if _, err := execute(t, "sweep", filepath.Join(dir, "grid.toml"), "--out", grid); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "sensitivity", grid); err == nil || !strings.Contains(err.Error(), `holds a sweep with a grid design; allowed: design = "morris" or "sobol"`) {
		t.Fatalf("grid sweep: %v", err)
	}
}

// --set on run and sweep is checked like a file, and its errors name the
// flag; --samples draws the design again.
func TestSetAndSamplesFlags(t *testing.T) {
	a, err := execute(t, "run", "generic", "--runs", "5", "--json", "--set", "scenario.ticks=30")
	if err != nil || !strings.Contains(a, `"runs": 5`) {
		t.Fatalf("%v\n%s", err, a)
	}
	b, _ := execute(t, "run", "generic", "--runs", "5", "--json")
	if a == b {
		t.Fatal("--set scenario.ticks=30 changed nothing")
	}
	for _, c := range []struct{ args, want []string }{
		{[]string{"run", "generic", "--set", "params.warp=1"}, []string{`--set "params.warp" names no parameter`}},
		{[]string{"run", "generic", "--set", "params.sea_cost=-1"}, []string{"--set params.sea_cost:", "allowed"}},
		{[]string{"run", "generic", "--set", "sea_cost"}, []string{`--set "sea_cost": the value is missing; allowed: path=value`}},
		// Every --set that does not read is named at once; once they read,
		// a path given twice is named too.
		{[]string{"run", "generic", "--set", "params.warp=1", "--set", "sea_cost"}, []string{
			"--set params.warp=1, sea_cost: 2 problems:\n", `  - "params.warp" names no parameter`, "\n  - \"sea_cost\": the value is missing; allowed: path=value"}},
		{[]string{"run", "generic", "--set", "params.sea_cost=1", "--set", "params.sea_cost=2"}, []string{
			"--set params.sea_cost given twice (1, then 2); allowed: each path once"}},
	} {
		if _, err := execute(t, c.args...); err == nil || !containsAll(err.Error(), c.want) {
			t.Errorf("%v: want %v, got %v", c.args, c.want, err)
		}
	}
	dir := writeFiles(t, map[string]string{"short.toml": shortGeneric, "exp.toml": "scenario = \"short.toml\"\nruns = 2\ndesign = \"lhs\"\nsamples = 3\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 2\n"})
	exp := filepath.Join(dir, "exp.toml")
	if _, err := execute(t, "sweep", exp, "--set", "params.sea_cost=3", "--out", filepath.Join(dir, "a")); err == nil || !strings.Contains(err.Error(), "--set: params.sea_cost is varied by") {
		t.Fatalf("--set of a varied path: %v", err)
	}
	if _, err := execute(t, "sweep", exp, "--set", "scenario.ticks=0", "--out", filepath.Join(dir, "a")); err == nil || !strings.Contains(err.Error(), "--set: ") {
		t.Fatalf("--set of an invalid value: %v", err)
	}
	text, err := execute(t, "sweep", exp, "--set", "params.rough_cost=4", "--samples", "5", "--out", filepath.Join(dir, "b"))
	if err != nil || strings.Count(text, "\n4  ") != 1 {
		t.Fatalf("%v\n%s", err, text)
	}
	if _, err := execute(t, "sweep", exp, "--samples", "0", "--out", filepath.Join(dir, "c")); err == nil || !strings.Contains(err.Error(), "--samples 0: allowed: a whole number in [1, 100000]") {
		t.Fatalf("--samples 0: %v", err)
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// A design written by another program drives a sweep: a short Python
// script (the standard library only) writes the CSV, the sweep runs its
// points, and points.csv gives them back.
func TestPythonDesignDrivesASweep(t *testing.T) {
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("no /usr/bin/python3 here: the design a Python script writes was not tried")
	}
	dir := writeFiles(t, map[string]string{"short.toml": shortGeneric,
		"exp.toml": "scenario = \"short.toml\"\nruns = 3\ndesign = \"points\"\npoints = \"design.csv\"\n"})
	script := `import csv, random
random.seed(4)
with open("design.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["params.sea_cost", "decision.patience", "decision.strategy"])
    for i in range(5):
        w.writerow([round(random.uniform(0.5, 6), 3), random.randint(0, 36), random.choice(["assurance", "prospect"])])
`
	cmd := exec.Command(python, "-c", script)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	design, _ := os.ReadFile(filepath.Join(dir, "design.csv"))
	out := filepath.Join(dir, "p.out")
	if text, err := execute(t, "sweep", filepath.Join(dir, "exp.toml"), "--out", out); err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	points, _ := os.ReadFile(filepath.Join(out, "points.csv"))
	rows := strings.Split(strings.TrimSpace(string(points)), "\n")
	want := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(design), "\r\n", "\n")), "\n")
	if len(rows) != len(want) || !strings.HasPrefix(rows[0], "point,"+want[0]+",") {
		t.Fatalf("points.csv:\n%s\ndesign.csv:\n%s", points, design)
	}
	for i := 1; i < len(want); i++ {
		if !strings.HasPrefix(rows[i], strings.Split(rows[i], ",")[0]+","+want[i]+",") {
			t.Errorf("point %d: %s; the design says %s", i-1, rows[i], want[i])
		}
	}
}

// The Morris table prints σ to three decimals with its interval, like μ*
// and μ: a σ that is zero but for rounding reads 0.000, not 1.57e-16.
func TestPrintSensitivityMorrisSigma(t *testing.T) {
	iv := func(x float64) sensitivity.Interval { return sensitivity.Interval{Estimate: x, Low: x, High: x} }
	s := &runner.Sensitivity{
		Design:    runner.Design{Kind: "morris", Samples: 2, Levels: 4},
		Vary:      []string{"params.sea_cost"},
		Points:    4,
		Runs:      1,
		Bootstrap: sensitivity.Bootstrap{Resamples: 100, Seed: 1},
		Outputs: []runner.OutputSensitivity{{
			Output: "client_alliance", Mean: 0.5, Variance: 0.01,
			Morris: &sensitivity.Effects{R: 2, K: 1,
				MuStar: []sensitivity.Interval{iv(0.25)},
				Mu:     []sensitivity.Interval{iv(0.25)},
				Sigma:  []sensitivity.Interval{{Estimate: 1.5700924586837752e-16, Low: 0, High: 0.125}},
			},
		}},
	}
	var b strings.Builder
	printSensitivity(&b, "DIR", s, s.Outputs)
	line := b.String()[strings.Index(b.String(), "  params.sea_cost"):]
	if want := "  params.sea_cost   0.250 [ 0.250,  0.250]   0.250 [ 0.250,  0.250]   0.000 [ 0.000,  0.125]\n"; line != want {
		t.Fatalf("got %q\nwant %q", line, want)
	}
	// One run a point: "1 run", and a noise that could not be measured
	// is called unknown, not 0%.
	s.Outputs[0].Noise = math.NaN()
	b.Reset()
	printSensitivity(&b, "DIR", s, s.Outputs)
	for _, want := range []string{"4 points × 1 run\n", "variance 0.01; replication noise unknown: a point has fewer than two runs that give it a value"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("one run a point: no %q in\n%s", want, b.String())
		}
	}
	// A noise estimated above the variance of the point means is printed
	// as estimated (103%), not capped at 100%, and called what it means.
	s.Outputs[0].Noise = 0.0103
	b.Reset()
	printSensitivity(&b, "DIR", s, s.Outputs)
	if want := "variance 0.01, of which replication noise ≈ 103%: more than all of it, so the indices are noise; give the points more runs)\n"; !strings.Contains(b.String(), want) {
		t.Errorf("noise above the variance: no %q in\n%s", want, b.String())
	}
	// An output without a value at some point says where, and that it has
	// no indices.
	b.Reset()
	printSensitivity(&b, "DIR", s, []runner.OutputSensitivity{{Output: "m", Missing: "no value in any run at point 2"}})
	if want := "\nm  (no value in any run at point 2: no indices; sensitivity.csv has its rows empty)\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("got %q\nwant …%q", b.String(), want)
	}
	// An output that does not vary: under Morris every effect is 0 (as
	// sensitivity.csv writes them), under Sobol no index is defined (0/0,
	// its rows empty).
	flat := runner.OutputSensitivity{Output: "client_alliance", Mean: 1, Morris: &sensitivity.Effects{R: 2, K: 1}}
	b.Reset()
	printSensitivity(&b, "DIR", s, []runner.OutputSensitivity{flat})
	if want := "(mean over the points 1.000, variance 0)\n  does not vary over the design: every effect is 0\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("morris, an output that does not vary: got %q\nwant …%q", b.String(), want)
	}
	// Under Sobol it is the A and B rows that do not vary: a rare outcome
	// can be 0 at every one of them and not at a mixed row (asia-1950, N =
	// 4, seed 1: patron_multilateral 0.25 at one AB row), and that output
	// does vary over the design.
	flat.Morris, flat.Sobol = nil, &sensitivity.SobolIndices{}
	b.Reset()
	printSensitivity(&b, "DIR", s, []runner.OutputSensitivity{flat})
	if want := "(mean over the A and B rows 1.000, variance 0)\n  does not vary over the A and B rows: no indices (each is a fraction of their variance, 0; sensitivity.csv has its rows empty)\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("sobol, an output that does not vary: got %q\nwant …%q", b.String(), want)
	}
}

// Sobol indices the design does not resolve are named under the table:
// an interval wider than [0, 1] (all an index can be), or an index below
// 0 or above 1 with its whole interval. A small index whose interval
// crosses 0 is what a small index looks like, and is not named.
func TestPrintSensitivitySobolUnresolved(t *testing.T) {
	iv := func(e, lo, hi float64) sensitivity.Interval {
		return sensitivity.Interval{Estimate: e, Low: lo, High: hi}
	}
	s := &runner.Sensitivity{
		Design:    runner.Design{Kind: "sobol", Samples: 8, Base: "halton"},
		Vary:      []string{"params.sea_cost", "params.punishment", "params.grievance_fear"},
		Points:    40,
		Runs:      10,
		Bootstrap: sensitivity.Bootstrap{Resamples: 100, Seed: 1},
		Outputs: []runner.OutputSensitivity{{
			Output: "client_alliance", Mean: 0.5, Variance: 0.1, Noise: 0.01,
			Sobol: &sensitivity.SobolIndices{N: 8, K: 3,
				First: []sensitivity.Interval{iv(0.3, -0.8, 0.7), iv(0.6, 0.4, 0.8), iv(-0.19, -0.29, -0.08)},
				Total: []sensitivity.Interval{iv(0.4, 0.1, 0.6), iv(1.35, 1.05, 1.7), iv(0, 0, 0)},
			},
		}, {
			Output: "patron_bilateral", Mean: 0.5, Variance: 0.1, Noise: 0.01,
			Sobol: &sensitivity.SobolIndices{N: 8, K: 3,
				First: []sensitivity.Interval{iv(0.5, 0.4, 0.6), iv(0.3, 0.2, 0.4), iv(-0.01, -0.05, 0.03)},
				Total: []sensitivity.Interval{iv(0.6, 0.5, 0.7), iv(0.4, 0.3, 0.5), iv(0.01, 0, 0.02)},
			},
		}},
	}
	var b strings.Builder
	printSensitivity(&b, "DIR", s, s.Outputs)
	text := b.String()
	want := "  sampling error at 8 base rows, give the design more samples: intervals wider than [0, 1] (S1 of params.sea_cost); below 0, interval and all (S1 of params.grievance_fear); above 1, interval and all (ST of params.punishment)\n"
	if !strings.Contains(text, want) {
		t.Fatalf("no %q in\n%s", want, text)
	}
	if strings.Count(text, "sampling error") != 1 {
		t.Fatalf("a resolved output is flagged:\n%s", text)
	}
}

// The help names the files the command reads and the one it writes.
func TestSensitivityHelpNamesItsFiles(t *testing.T) {
	text, err := execute(t, "sensitivity", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"manifest.json", "summary.json", "DIR/sensitivity.csv"} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, text)
		}
	}
}
