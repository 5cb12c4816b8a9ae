package runner_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
)

// experiment writes an experiment over generic at 60 ticks and loads it.
func experiment(t testing.TB, src string) *configs.Experiment {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "short.toml"), []byte("extends = \"generic\"\n[scenario]\nticks = 60\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "exp.toml")
	if err := os.WriteFile(path, []byte("scenario = \"short.toml\"\n"+src), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := configs.LoadExperiment(path)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

const sobolExperiment = `runs = 6
seed = 3
chunk = 4
design = "sobol"
samples = 4
[[vary]]
path = "params.sea_cost"
from = 0.5
to = 6
[[vary]]
path = "decision.patience"
from = 0
to = 36
`

// Sweep in memory gives the numbers Execute writes: summary.json is the
// SweepSummary as JSON, byte for byte, whatever the workers, with the
// record of the files written.
func TestSweepMatchesExecute(t *testing.T) {
	ctx := context.Background()
	x := experiment(t, sobolExperiment)
	plan, err := plans.Experiment(x)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := runner.Execute(ctx, plan, dir, runner.ExecOptions{Workers: 2, Measures: runner.TestMeasures, Observe: runner.ObserveTicks}); err != nil {
		t.Fatal(err)
	}
	onDisk, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	// summary.json is Sweep's summary with its record of the files
	// written (Summary.Files), which an in-memory sweep has not.
	var written runner.SweepSummary
	if err := json.Unmarshal(onDisk, &written); err != nil {
		t.Fatal(err)
	}
	if len(written.Files) != 6 { // alliances, memberships, runs, survival, events, points
		t.Fatalf("summary.json records %d files: %v", len(written.Files), written.Files)
	}
	for _, workers := range []int{1, 3} {
		records := 0
		res, err := runner.Sweep(ctx, plan, runner.Options{Workers: workers, Measures: runner.TestMeasures, Observe: runner.ObserveTicks,
			OnRecord: func(*runner.Record) { records++ }})
		if err != nil {
			t.Fatal(err)
		}
		res.SweepSummary.Files = written.Files
		if got := runner.MustJSONIndent(res.SweepSummary); !bytes.Equal(got, onDisk) {
			t.Fatalf("workers %d: Sweep's summary differs from summary.json", workers)
		}
		if records != 16*6 || len(res.Points) != 16 || len(res.Unit) != 16 || res.Design.Kind != "sobol" {
			t.Fatalf("%d records, %d points, %d unit rows, design %+v", records, len(res.Points), len(res.Unit), res.Design)
		}
		// Typed access: a share by its enum, a measure by its name.
		p := res.Points[5]
		if p.Share(runner.PatronBilateral).N != 6 {
			t.Fatalf("point 5: %+v", p.Share(runner.PatronBilateral))
		}
		if m, ok := p.Measure("alliances"); !ok || m.Runs != 6 {
			t.Fatalf("point 5 alliances: %+v", m)
		}
	}
	if _, err := runner.Sweep(ctx, plan, runner.Options{Runs: 3}); err == nil || !strings.Contains(err.Error(), "set the experiment's Runs and Seed instead") {
		t.Fatalf("Sweep with Options.Runs: %v", err)
	}
}

// The analysis of a sweep's directory is the analysis of the same sweep
// in memory; sensitivity.csv holds every output, path and index.
func TestSensitivityOfDirectory(t *testing.T) {
	ctx := context.Background()
	for _, design := range []string{"sobol", "morris"} {
		src := sobolExperiment
		if design == "morris" {
			src = strings.Replace(src, "design = \"sobol\"", "design = \"morris\"\ncandidates = 20", 1)
		}
		x := experiment(t, src)
		plan, err := plans.Experiment(x)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), design)
		if err := runner.Execute(ctx, plan, dir, runner.ExecOptions{Measures: runner.TestMeasures[:1]}); err != nil {
			t.Fatal(err)
		}
		b := sensitivity.Bootstrap{Resamples: 200}
		fromDir, err := runner.SensitivityOf(dir, nil, b)
		if err != nil {
			t.Fatal(err)
		}
		res, err := runner.Sweep(ctx, plan, runner.Options{Measures: runner.TestMeasures[:1]})
		if err != nil {
			t.Fatal(err)
		}
		b.Seed = x.Seed
		inMemory, err := res.Sensitivity(nil, b)
		if err != nil {
			t.Fatal(err)
		}
		var want, got bytes.Buffer
		if err := inMemory.WriteCSV(&want); err != nil {
			t.Fatal(err)
		}
		if err := runner.WriteSensitivity(dir, fromDir); err != nil {
			t.Fatal(err)
		}
		file, _ := os.ReadFile(filepath.Join(dir, "sensitivity.csv"))
		got.Write(file)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s: sensitivity.csv differs from the analysis in memory:\n%s\n%s", design, got.String(), want.String())
		}
		perPath := map[string]int{"sobol": 2, "morris": 3}[design]
		lines := strings.Split(strings.TrimSpace(got.String()), "\n")
		if lines[0] != "output,parameter,index,estimate,low,high,level,resamples,seed" || len(lines) != 1+(len(runner.ShareKeys())+1)*2*perPath {
			t.Fatalf("%s: %d lines:\n%s", design, len(lines), got.String())
		}
		// Every row says how its interval was drawn: the default level,
		// the resamples asked for and the sweep's seed, which SensitivityOf
		// took for the seed left at 0.
		drawn := fmt.Sprintf(",0.95,200,%d", x.Seed)
		for _, l := range lines[1:] {
			if !strings.HasSuffix(l, drawn) {
				t.Fatalf("%s: row %q does not end %q", design, l, drawn)
			}
		}
		if !strings.Contains(got.String(), "\nalliances,decision.patience,") {
			t.Fatalf("%s: the custom measure is not analysed:\n%s", design, got.String())
		}
		if design != "sobol" {
			continue
		}
		// A summary.json edited to a share of 5, a count past the runs or
		// no runs is refused, naming the point.
		summary := filepath.Join(dir, "summary.json")
		orig, _ := os.ReadFile(summary)
		for _, c := range []struct {
			name   string
			change func(point map[string]any)
			want   string
		}{
			{"a share of 5", func(p map[string]any) { p["shares"].(map[string]any)["patron_bilateral"].(map[string]any)["share"] = 5 }, "shares.patron_bilateral: count"},
			{"a count past the runs", func(p map[string]any) { p["shares"].(map[string]any)["client_alliance"].(map[string]any)["count"] = 99 }, "shares.client_alliance: count 99 of 6 runs"},
			{"no runs", func(p map[string]any) { p["runs"] = 0 }, "runs 0; the manifest's points have 6"},
		} {
			var doc map[string]any
			if err := json.Unmarshal(orig, &doc); err != nil {
				t.Fatal(err)
			}
			c.change(doc["points"].([]any)[1].(map[string]any))
			edited, _ := json.Marshal(doc)
			os.WriteFile(summary, edited, 0o644)
			if _, err := runner.SensitivityOf(dir, nil, b); err == nil || !strings.Contains(err.Error(), "not the summary of a sweep: point 1: ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("summary.json with %s: %v, want …%s…", c.name, err, c.want)
			}
		}
		os.WriteFile(summary, orig, 0o644)
	}
}
