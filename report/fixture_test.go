package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// The output directories the tests report on, made once per test binary:
// asia-1950 with 60 runs (it records a yearly series), one run of it with
// seed 7, a small sweep of the generic scenario, and a hypotheses
// directory.
var (
	fixtureOnce sync.Once
	fixtureDirs struct{ many, single, sweep, hyps string }
	fixtureErr  error
	fixtureBase string
)

// TestMain removes the fixtures after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, base := range []string{fixtureBase, sensitivityBase} {
		if base != "" {
			os.RemoveAll(base)
		}
	}
	os.Exit(code)
}

func fixtures(t testing.TB) (many, single, sweep, hyps string) {
	t.Helper()
	fixtureOnce.Do(func() { fixtureErr = makeFixtures() })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureDirs.many, fixtureDirs.single, fixtureDirs.sweep, fixtureDirs.hyps
}

func makeFixtures() error {
	base, err := os.MkdirTemp("", "alliancesim-report-test-")
	if err != nil {
		return err
	}
	fixtureBase = base
	ctx := context.Background()
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		return err
	}
	for _, c := range []struct {
		dir        *string
		name       string
		runs       int
		seed       uint64
		chunkSize  int
		commandArg string
	}{{&fixtureDirs.many, "many", 60, 1, 25, "--runs 60"}, {&fixtureDirs.single, "single", 1, 7, 0, "--seed 7"}} {
		plan, err := plans.Scenario(sc, c.runs, c.seed)
		if err != nil {
			return err
		}
		plan.ChunkSize = c.chunkSize
		plan.Command = []string{"alliancesim", "run", "asia-1950", c.commandArg, "--out", c.name}
		*c.dir = filepath.Join(base, c.name)
		if err := runner.Execute(ctx, plan, *c.dir, runner.ExecOptions{}); err != nil {
			return err
		}
	}
	x, err := configs.LoadExperiment(filepath.Join("..", "examples", "sweep", "sea-fraction.toml"))
	if err != nil {
		return err
	}
	x.Runs = 6
	plan, err := plans.Experiment(x)
	if err != nil {
		return err
	}
	plan.Experiment = "sea-fraction.toml"
	fixtureDirs.sweep = filepath.Join(base, "sweep")
	if err := runner.Execute(ctx, plan, fixtureDirs.sweep, runner.ExecOptions{}); err != nil {
		return err
	}
	fixtureDirs.hyps = filepath.Join(base, "hypotheses")
	if err := os.MkdirAll(fixtureDirs.hyps, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(fakeHypotheses(), "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(fixtureDirs.hyps, "hypotheses.json"), b, 0o644)
}

// fakeHypotheses are two results in the shape hypotheses --out writes:
// a comparative static over three levels and two layouts, and a rate.
func fakeHypotheses() []hypotheses.Result {
	f := func(x float64) *float64 { return &x }
	est := func(v float64) hypotheses.Estimate {
		return hypotheses.Estimate{Value: v, Low: v - 0.05, High: v + 0.05, N: 100, Valid: true}
	}
	return []hypotheses.Result{
		{ID: "T9", Source: "Walt", Claim: "clients balance against a more hostile adversary", Scenario: "generic", Runs: 50,
			Lever: "adversary revisionism", Outcome: "share of clients ever allied", Kind: "share", Predicted: hypotheses.Rises,
			MinChange: 0.15, Levels: []string{"0.2", "0.5", "0.8"}, Pooled: []hypotheses.Estimate{est(0.2), est(0.4), est(0.6)},
			Layouts: []hypotheses.LayoutRow{{Layout: 1, Estimates: []hypotheses.Estimate{est(0.1), est(0.5), est(0.7)}},
				{Layout: 2, Estimates: []hypotheses.Estimate{est(0.3), est(0.3), est(0.5)}}},
			Rho: f(1), Change: f(0.4), ChangeLow: f(0.3), ChangeHi: f(0.5), Agree: 2, Verdict: hypotheses.Holds, Reason: "ρ +1.00"},
		{ID: "NC1", Source: "record", Claim: "treaties are not signed and abandoned within a year", Scenario: "generic", Runs: 200,
			Lever: "the world as built", Outcome: "alliances ending within 12 ticks", Kind: "share", Predicted: hypotheses.Below,
			Threshold: 0.05, Levels: []string{"as built"}, Pooled: []hypotheses.Estimate{est(0.22)},
			Layouts: []hypotheses.LayoutRow{{Layout: 1, Estimates: []hypotheses.Estimate{est(0.22)}}},
			Verdict: hypotheses.Fails, Reason: "0.220 above 0.05"},
	}
}

// compiledAsia is the built-in asia-1950, resolved and compiled.
func compiledAsia(t *testing.T) (*sim.Scenario, *sim.Compiled) {
	t.Helper()
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return sc, c
}

// readRunsOf reads the output directory dir and the rows of its runs.csv.
func readRunsOf(t *testing.T, dir string) (*Input, []runRow) {
	t.Helper()
	in, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := readRuns(in.path("runs.csv"), 0, in.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	return in, runs
}

// mustRead reads a file.
func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mustReadLines splits a file into lines.
func mustReadLines(t testing.TB, path string) [][]byte {
	return bytes.Split(mustRead(t, path), []byte("\n"))
}

// The Morris and Sobol sweeps the sensitivity tests report on, made once
// per test binary apart from the others, which most tests need without
// these: the generic scenario over three parameters, a Morris design of 4
// trajectories (16 points) with a custom measure, and a Sobol design of 8
// base rows (40 points), 3 runs a point.
var (
	sensitivityOnce sync.Once
	sensitivityDirs struct{ morris, sobol string }
	sensitivityErr  error
	sensitivityBase string
)

func sensitivityFixtures(t testing.TB) (morris, sobol string) {
	t.Helper()
	sensitivityOnce.Do(func() { sensitivityErr = makeSensitivityFixtures() })
	if sensitivityErr != nil {
		t.Fatal(sensitivityErr)
	}
	return sensitivityDirs.morris, sensitivityDirs.sobol
}

// fixtureLargest is a custom measure: the largest number of members an
// alliance had in the run.
var fixtureLargest = runner.Measure{Name: "largest_alliance", Of: func(r *runner.Replication) float64 {
	n := 0
	for _, a := range r.Result.Alliances {
		for _, members := range a.Phases() {
			n = max(n, len(members))
		}
	}
	return float64(n)
}}

func makeSensitivityFixtures() error {
	base, err := os.MkdirTemp("", "alliancesim-report-sensitivity-")
	if err != nil {
		return err
	}
	sensitivityBase = base
	const vary = `
[[vary]]
path = "params.sea_cost"
from = 1.0
to = 5.0

[[vary]]
path = "params.punishment"
from = 0.0
to = 0.6

[[vary]]
path = "params.shared_threat"
from = 0.0
to = 0.2
`
	for _, c := range []struct {
		dir      *string
		name     string
		design   string
		measures []runner.Measure
	}{
		{&sensitivityDirs.morris, "morris", "design = \"morris\"\nsamples = 4\n", []runner.Measure{fixtureLargest}},
		{&sensitivityDirs.sobol, "sobol", "design = \"sobol\"\nsamples = 8\n", nil},
	} {
		file := filepath.Join(base, c.name+".toml")
		text := "scenario = \"generic\"\nruns = 3\nseed = 1\nevents = false\n" + c.design + vary
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			return err
		}
		x, err := configs.LoadExperiment(file)
		if err != nil {
			return err
		}
		plan, err := plans.Experiment(x)
		if err != nil {
			return err
		}
		plan.Experiment = c.name + ".toml"
		*c.dir = filepath.Join(base, c.name)
		if err := runner.Execute(context.Background(), plan, *c.dir, runner.ExecOptions{Measures: c.measures}); err != nil {
			return err
		}
	}
	return nil
}
