package calibration

import (
	"bytes"
	"context"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/mdtable"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

func TestGrid(t *testing.T) {
	g := Grid([]Input{{Values: []float64{1, 2}}, {Values: []float64{10, 20, 30}}})
	want := [][]float64{{1, 10}, {1, 20}, {1, 30}, {2, 10}, {2, 20}, {2, 30}}
	if len(g) != len(want) {
		t.Fatalf("grid %v", g)
	}
	for i := range want {
		if !slices.Equal(g[i], want[i]) {
			t.Errorf("grid[%d] = %v, want %v (the first input varies slowest)", i, g[i], want[i])
		}
	}
}

// Each combination is its own slice: with four inputs a combination of
// three has room for a fourth value, and appending to it in place would
// write every extension over its siblings.
func TestGridCombinationsDoNotShare(t *testing.T) {
	two := Input{Values: []float64{0, 1}}
	g := Grid([]Input{two, two, two, two})
	if len(g) != 16 {
		t.Fatalf("%d combinations, want 16", len(g))
	}
	for i, c := range g {
		want := []float64{float64(i >> 3 & 1), float64(i >> 2 & 1), float64(i >> 1 & 1), float64(i & 1)}
		if !slices.Equal(c, want) {
			t.Errorf("grid[%d] = %v, want %v", i, c, want)
		}
	}
}

// A constraint keeps out the combinations it rules out, in grid order,
// and leaves the scenario it reads as it was.
func TestSpecGridConstraint(t *testing.T) {
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	chn, sov := revisionism("chn", "why", 0.2, 0.3, 0.4), revisionism("sov", "why", 0.1, 0.2, 0.3)
	before := []float64{chn.Get(sc), sov.Get(sc)}
	spec := Spec{Scenario: "asia-1950", Inputs: []Input{chn, sov}, Constraints: []Constraint{{
		Why:   "the PRC above the USSR",
		Admit: func(sc *sim.Scenario) bool { return chn.Get(sc) > sov.Get(sc) },
	}}}
	g, excluded := spec.Grid(sc)
	want := [][]float64{{0.2, 0.1}, {0.3, 0.1}, {0.3, 0.2}, {0.4, 0.1}, {0.4, 0.2}, {0.4, 0.3}}
	if excluded != 3 || len(g) != len(want) {
		t.Fatalf("grid %v, %d kept out; want %v and 3", g, excluded, want)
	}
	for i := range want {
		if !slices.Equal(g[i], want[i]) {
			t.Errorf("grid[%d] = %v, want %v", i, g[i], want[i])
		}
	}
	if after := []float64{chn.Get(sc), sov.Get(sc)}; !slices.Equal(after, before) {
		t.Errorf("the scenario holds %v after the grid, %v before", after, before)
	}
	// The built-in's (0.4, 0.3) is also the grid's last combination, so
	// the grid is run again from one that is not: it must come back.
	chn.Set(sc, 0.2)
	spec.Grid(sc)
	if after := []float64{chn.Get(sc), sov.Get(sc)}; !slices.Equal(after, []float64{0.2, before[1]}) {
		t.Errorf("the scenario holds %v after the grid, %v before", after, []float64{0.2, before[1]})
	}
}

// The rule, by hand: most targets met; then the smallest shortfall; then
// the first.
func TestChoose(t *testing.T) {
	res := func(shares ...float64) []targets.Result {
		var out []targets.Result
		for _, s := range shares {
			out = append(out, targets.Result{Share: runner.Proportion{Share: s, N: 10}, Threshold: 0.7, Met: s >= 0.7})
		}
		return out
	}
	cs := []Candidate{
		score([]float64{0}, res(0.8, 0.1, 0.1)), // 1 met, shortfall 1.2
		score([]float64{1}, res(0.7, 0.6, 0.5)), // 1 met, shortfall 0.3
		score([]float64{2}, res(0.9, 0.5, 0.6)), // 1 met, shortfall 0.3 (later)
		score([]float64{3}, res(0.1, 0.1, 0.1)), // 0 met
	}
	if cs[1].Met != 1 || cs[1].Shortfall < 0.3-1e-12 || cs[1].Shortfall > 0.3+1e-12 {
		t.Fatalf("score: %+v", cs[1])
	}
	if got := Choose(cs); got != 1 {
		t.Errorf("chose %d, want 1 (the smallest shortfall, the first of a tie)", got)
	}
	cs = append(cs, score([]float64{4}, res(0.7, 0.7, 0.1)))
	if got := Choose(cs); got != 4 {
		t.Errorf("chose %d, want 4 (two targets met beat any shortfall)", got)
	}
	if got := Choose(nil); got != -1 {
		t.Errorf("chose %d of no candidates, want -1", got)
	}
	// Equal shortfalls whose sums round apart: thresholds 0.8 and 0.7 over
	// 500 runs, 300 and 282 runs met (0.2 + 0.136) against 301 and 281
	// (0.198 + 0.138): 42/125 each, 0.33600000000000008 and
	// 0.33599999999999997 in floating point. A tie: the first wins.
	over500 := func(k1, k2 int) []targets.Result {
		var out []targets.Result
		for i, k := range []int{k1, k2} {
			p := runner.NewProportion(k, 500)
			th := []float64{0.8, 0.7}[i]
			out = append(out, targets.Result{Share: p, Threshold: th, Met: p.Share >= th})
		}
		return out
	}
	cs = []Candidate{score([]float64{0}, over500(300, 282)), score([]float64{1}, over500(301, 281))}
	if cs[0].Shortfall == cs[1].Shortfall {
		t.Fatalf("set-up: the sums %.17g and %.17g no longer round apart", cs[0].Shortfall, cs[1].Shortfall)
	}
	if got := Choose(cs); got != 0 {
		t.Errorf("chose %d of two candidates 42/125 short each (%.17g and %.17g); want 0, the first of a tie", got, cs[0].Shortfall, cs[1].Shortfall)
	}
	// A real difference of one run in 500 still decides.
	cs = []Candidate{score([]float64{0}, over500(300, 282)), score([]float64{1}, over500(301, 282))}
	if got := Choose(cs); got != 1 {
		t.Errorf("chose %d; want 1, a run closer", got)
	}
	// The report counts the candidates the rule could not tell apart: the
	// two 42/125 short, not the one a run further.
	cs = []Candidate{score([]float64{0}, over500(300, 282)), score([]float64{1}, over500(301, 281)), score([]float64{2}, over500(299, 282))}
	if got := tiedBest(cs); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("tiedBest: %v, want [0 1]", got)
	}
	// Ties are within the tolerance of the smallest shortfall, not of a
	// running best: three a little over half the tolerance apart in
	// turn, the first is not within it of the third, which is the
	// smallest, and the second is.
	chain := func(short ...float64) []Candidate {
		var out []Candidate
		for i, f := range short {
			out = append(out, Candidate{Values: []float64{float64(i)}, Met: 1, Shortfall: f})
		}
		return out
	}
	x := 0.5
	if got := Choose(chain(x, x-0.6e-9, x-1.2e-9)); got != 1 {
		t.Errorf("chose %d; want 1, the first within 10⁻⁹ of the smallest", got)
	}
	// A NaN shortfall is never the smallest, first or last.
	nan := math.NaN()
	if got := Choose(chain(nan, 0.1)); got != 1 {
		t.Errorf("NaN first: chose %d, want 1", got)
	}
	if got := Choose(chain(0.1, nan)); got != 0 {
		t.Errorf("NaN last: chose %d, want 0", got)
	}
	if got := Choose(chain(nan, nan)); got != 0 {
		t.Errorf("all NaN: chose %d, want 0, the first", got)
	}
}

// Every free input names a state of its scenario, reads the built-in's
// value, tries its values in ascending order, and every value it tries
// gives a valid scenario.
func TestSpecsNameTheirScenarios(t *testing.T) {
	for _, spec := range Specs() {
		sc, err := configs.Builtin(spec.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		if len(targets.For(spec.Scenario)) == 0 {
			t.Errorf("%s has no targets", spec.Scenario)
		}
		if !spec.admits(sc, currentValues(spec, sc)) {
			t.Errorf("%s: the built-in scenario breaks a constraint of its calibration", spec.Scenario)
		}
		for _, c := range spec.Constraints {
			if c.Why == "" || c.Admit == nil {
				t.Errorf("%s: a constraint must say why and what it admits", spec.Scenario)
			}
		}
		for _, in := range spec.Inputs {
			if in.Why == "" || len(in.Values) < 2 {
				t.Errorf("%s %s: say why it is free and try at least two values", spec.Scenario, in.Name)
			}
			// The rule's last step gives a tie to the first in grid
			// order, which the report reads as the smaller value of the
			// first input that differs.
			if !slices.IsSorted(in.Values) || len(slices.Compact(slices.Clone(in.Values))) != len(in.Values) {
				t.Errorf("%s %s: the values %v do not ascend; the report's tie rule says they do", spec.Scenario, in.Name, in.Values)
			}
			cur := in.Get(sc)
			if !slices.Contains(in.Values, cur) {
				t.Errorf("%s %s: the scenario holds %v, not among the values tried %v", spec.Scenario, in.Name, cur, in.Values)
			}
			for _, v := range in.Values {
				in.Set(sc, v)
				if in.Get(sc) != v {
					t.Errorf("%s %s: set %v, read %v", spec.Scenario, in.Name, v, in.Get(sc))
				}
				if _, err := sim.Compile(sc); err != nil {
					t.Errorf("%s %s = %v: %v", spec.Scenario, in.Name, v, err)
				}
			}
		}
	}
}

// docs/calibration.md's table of free inputs says what the harness and
// the built-ins say: the values each input tries, the reason it is free,
// and a chosen value that the built-in scenario holds; it has a row for
// each input the harness calibrates and none for another. It reads only
// the document, each cell by its column's name (internal/mdtable), so a
// scenario or a grid changed without the calibration run again fails here
// at once; TestCalibrationIsCurrent, which runs the whole calibration,
// checks the rest of the document.
func TestCalibrationDocumentNamesTheBuiltinsValues(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "calibration.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, spec := range Specs() {
		sc, err := configs.Builtin(spec.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		section, err := mdtable.Section(string(doc), "## "+spec.Scenario)
		if err != nil {
			t.Fatalf("docs/calibration.md: %v", err)
		}
		table, err := mdtable.Rows(section, "input", "values tried", "chosen", "the scenario holds", "why it is free")
		if err != nil {
			t.Fatalf("docs/calibration.md, %s: %v", spec.Scenario, err)
		}
		rows := map[string]map[string]string{}
		for _, r := range table {
			rows[r["input"]] = r
		}
		inputs := map[string]bool{}
		for _, in := range spec.Inputs {
			name := "`" + in.Name + "`"
			inputs[name] = true
			r, ok := rows[name]
			if !ok {
				t.Errorf("%s: no row for %s in the free inputs", spec.Scenario, in.Name)
				continue
			}
			holds := num(in.Get(sc))
			for _, c := range []struct{ column, want string }{
				{"values tried", in.valuesText()},
				{"chosen", holds},
				{"the scenario holds", holds},
				{"why it is free", in.Why},
			} {
				if r[c.column] != c.want {
					t.Errorf("%s %s: docs/calibration.md says %s %q; the harness and the built-in say %q (regenerate with go run ./cmd/alliancesim calibrate --out docs/calibration.md)",
						spec.Scenario, in.Name, c.column, r[c.column], c.want)
				}
			}
		}
		for _, r := range table {
			if !inputs[r["input"]] {
				t.Errorf("%s: docs/calibration.md's free inputs have a row for %s, which the harness does not calibrate", spec.Scenario, r["input"])
			}
		}
	}
}

// No calibration takes so many runs per candidate that its seeds reach
// the held-out ones.
func TestRunsStayBelowTheHeldOutSeeds(t *testing.T) {
	for runs, ok := range map[int]bool{1: true, 1000: true, 1001: false, -1: false} {
		if err := CheckRuns(runs); (err == nil) != ok {
			t.Errorf("%d runs: %v", runs, err)
		}
	}
	if _, err := Run(context.Background(), Specs()[0], Options{Runs: 1001}); err == nil || !strings.Contains(err.Error(), "allowed: 1 to 1000") {
		t.Errorf("Run with 1001 runs: %v", err)
	}
}

// The sensitivity of a target to an input whose combination with the
// others' chosen values a constraint keeps out reads the admitted
// candidate nearest it: chosen (0.3, 0.2) under A > B, input A at 0.2
// reads (0.2, 0.1), one step of B away; at 0.1 nothing is admitted.
func TestNearestAdmitted(t *testing.T) {
	spec := Spec{Inputs: []Input{{Name: "A", Values: []float64{0.1, 0.2, 0.3}}, {Name: "B", Values: []float64{0.1, 0.2, 0.3}}}}
	cands := []Candidate{{Values: []float64{0.2, 0.1}}, {Values: []float64{0.3, 0.1}}, {Values: []float64{0.3, 0.2}}}
	for _, c := range []struct {
		v    float64
		want int
	}{{0.2, 0}, {0.3, 2}, {0.1, -1}} {
		if got := nearestAdmitted(spec, cands, 0, c.v, []float64{0.3, 0.2}); got != c.want {
			t.Errorf("A at %v: candidate %d, want %d", c.v, got, c.want)
		}
	}
	// Two admitted candidates one step from the chosen B of 0.2, at 0.1
	// and at 0.3: the first in grid order is read.
	cands = []Candidate{{Values: []float64{0.2, 0.1}}, {Values: []float64{0.2, 0.3}}, {Values: []float64{0.3, 0.2}}}
	if got := nearestAdmitted(spec, cands, 0, 0.2, []float64{0.3, 0.2}); got != 0 {
		t.Errorf("A at 0.2 between two candidates one step away: candidate %d, want 0, the first in grid order", got)
	}
}

// The choice sees only the calibration seeds: every candidate plays seeds
// 1 to Runs, and the chosen one alone, after the choice, plays as many
// from 1001. The progress rises to a total that counts all of them. The
// replications are not played: the test sees what Run asks of them.
func TestRunPlaysTheCalibrationSeedsThenTheHeldOut(t *testing.T) {
	type play struct {
		seed uint64
		runs int
	}
	var plays []play
	saved := monteCarlo
	t.Cleanup(func() { monteCarlo = saved })
	monteCarlo = func(_ context.Context, _ *sim.Compiled, o runner.Options) (*runner.Summary, error) {
		plays = append(plays, play{o.Seed, o.Runs})
		for d := 1; d <= o.Runs; d++ {
			o.Progress(d, o.Runs)
		}
		return nil, nil
	}
	var asia Spec
	for _, s := range Specs() {
		if s.Scenario == "asia-1950" {
			asia = s
		}
	}
	last, total := 0, 0
	rep, err := Run(context.Background(), asia, Options{Runs: 3, Progress: func(done, n int) {
		if done < last || (total != 0 && n != total) {
			t.Errorf("progress %d of %d after %d of %d", done, n, last, total)
		}
		last, total = done, n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(plays) != len(rep.Candidates)+1 || len(rep.Candidates) != 27 {
		t.Fatalf("%d plays for %d candidates; want one for each of the 27 the constraint admits, and one held out", len(plays), len(rep.Candidates))
	}
	for i, p := range plays[:len(plays)-1] {
		if p != (play{CalibrationSeed, 3}) {
			t.Errorf("candidate %d played %d runs from seed %d; want 3 from %d", i+1, p.runs, p.seed, CalibrationSeed)
		}
	}
	if p := plays[len(plays)-1]; p != (play{HeldOutSeed, 3}) {
		t.Errorf("the held-out check played %d runs from seed %d; want 3 from %d", p.runs, p.seed, HeldOutSeed)
	}
	if last != 84 || total != 84 {
		t.Errorf("the progress ended at %d of %d; want 84 of 84 (28 plays of 3)", last, total)
	}
}

func currentValues(spec Spec, sc *sim.Scenario) []float64 {
	var v []float64
	for _, in := range spec.Inputs {
		v = append(v, in.Get(sc))
	}
	return v
}

// docs/calibration.md is the output of the harness as committed, byte for
// byte, and the built-in scenarios hold the values it chose. It plays
// every candidate of both grids on 500 seeds, about 31,000 runs and eight
// minutes on two cores, and runs where ALLIANCESIM_FULL_CALIBRATION=1 is
// set; the test suite checks the runs of the values the built-ins hold
// against the file (TestCurrentValuesAreTheDocuments).
func TestCalibrationIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("the whole calibration: every candidate over 500 runs")
	}
	if os.Getenv(fullCalibration) != "1" {
		t.Skipf("the whole calibration, every candidate over 500 runs (about eight minutes on two cores): set %s=1 to run it", fullCalibration)
	}
	path := filepath.Join("..", "docs", "calibration.md")
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	reps, err := calibrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, rep := range reps {
		if chosen := rep.Candidates[rep.Chosen].Values; !slices.Equal(rep.Current, chosen) {
			t.Errorf("%s holds %v for %d inputs; the calibration chose %v", rep.Spec.Scenario, rep.Current, len(rep.Spec.Inputs), chosen)
		}
	}
	var got bytes.Buffer
	if err := Write(&got, reps); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%s is stale: regenerate it with go run ./cmd/alliancesim calibrate --out docs/calibration.md", path)
	}
}

// fullCalibration is the environment variable that runs
// TestCalibrationIsCurrent.
const fullCalibration = "ALLIANCESIM_FULL_CALIBRATION"

// The values the built-ins hold, played on both seed ranges (RunCurrent),
// are the calibration's chosen values and their runs are those
// docs/calibration.md reports. The file's header, each scenario's free
// inputs (values tried, chosen, why, constraints) and the head of its
// table of what was tried are what Write makes of the specs; its row of
// the chosen values and their section are what their runs give now, and
// on the target the digests were made for (digestTarget) so are the
// digests of the runs' records. A change of the engine that moves any
// alliance, membership or proposal of those 1,000 runs per scenario, of a
// spec, or of how those parts are written fails it; the file is then
// regenerated with calibrate --out. The rows of the candidates not chosen
// and the sensitivity tables are TestCalibrationIsCurrent's.
func TestCurrentValuesAreTheDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("the values the built-ins hold over 500 runs on each seed range")
	}
	raw, err := os.ReadFile(filepath.Join("..", "docs", "calibration.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	reps, err := currentCalibrations()
	if err != nil {
		t.Fatal(err)
	}
	const regenerate = "regenerate it with go run ./cmd/alliancesim calibrate --out docs/calibration.md"
	var all strings.Builder
	if err := Write(&all, reps); err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(all.String(), "\n## ")
	if got, _, _ := strings.Cut(doc, "\n## "); got != header {
		t.Errorf("docs/calibration.md's header is not what Write writes: %s", regenerate)
	}
	digests := runner.ToolInfo().Target == digestTarget
	if !digests {
		t.Logf("the digests of docs/calibration.md are of %s, this build is for %s: they are not compared", digestTarget, runner.ToolInfo().Target)
	}
	for _, rep := range reps {
		base, err := configs.Builtin(rep.Spec.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		grid, _ := rep.Spec.Grid(base)
		var head, tried, chosen strings.Builder
		writeHead(&head, rep, len(grid))
		at := strings.Index(doc, head.String())
		if at < 0 {
			t.Errorf("%s: docs/calibration.md has no heading, free inputs and head of what was tried as Write writes them now:\n%s%s", rep.Spec.Scenario, head.String(), regenerate)
			continue
		}
		section := doc[at+len(head.String()):]
		if end := strings.Index(section, "\n## "); end >= 0 {
			section = section[:end+1]
		}
		row(&tried, triedCells(rep.Candidates[0], true)...)
		if !strings.Contains(section, tried.String()) {
			t.Errorf("%s: docs/calibration.md has no row of what was tried\n%s(the values the built-in holds, as chosen, over seeds 1–500): it is stale, or the built-in does not hold its choice; %s",
				rep.Spec.Scenario, tried.String(), regenerate)
		}
		writeChosen(&chosen, rep)
		want, have := chosen.String(), section
		if !digests {
			want, have = withoutDigests(want), withoutDigests(have)
		}
		if !strings.Contains(have, want) {
			t.Errorf("%s: docs/calibration.md's section of the chosen values is not what their runs give now:\n%s\n%s", rep.Spec.Scenario, want, regenerate)
		}
	}
}

// digestTarget is the target docs/calibration.md's digests of records
// were made on (runner.Tool.Target): the compiler fuses x·y + z on some
// targets (GOAMD64=v3, arm64), which moves the last bits of the floats a
// record holds (an alliance's cohesion) and so its digest, but not the
// shares the file reports.
const digestTarget = "linux/amd64 GOAMD64=v1"

// digestSentence is the sentence of the digests of records in a
// scenario's section of the chosen values.
var digestSentence = regexp.MustCompile("\nThe runs of the chosen values, [^\n]*\n")

// withoutDigests is text without its sentence of the digests of records.
func withoutDigests(text string) string { return digestSentence.ReplaceAllString(text, "\n") }

// currentCalibrations are the runs of the values every built-in
// historical scenario holds on both seed ranges (RunCurrent), run once for
// the tests that read them.
var currentCalibrations = sync.OnceValues(func() ([]*Report, error) { return everySpec(RunCurrent) })

// calibrations is the calibration of record of every built-in historical
// scenario, run once for TestCalibrationIsCurrent.
var calibrations = sync.OnceValues(func() ([]*Report, error) { return everySpec(Run) })

// everySpec is run's report of every built-in historical scenario, in
// Specs' order, at the default options.
func everySpec(run func(context.Context, Spec, Options) (*Report, error)) ([]*Report, error) {
	var reps []*Report
	for _, spec := range Specs() {
		rep, err := run(context.Background(), spec, Options{})
		if err != nil {
			return nil, err
		}
		reps = append(reps, rep)
	}
	return reps, nil
}

// Reports Run could not have made are errors, not panics.
func TestWriteRefusesBrokenReports(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, []*Report{nil}); err == nil || err.Error() != "calibration: report 1 of 1 is nil; allowed: reports made by Run" {
		t.Errorf("a nil report: %v", err)
	}
	r := &Report{Spec: Spec{Scenario: "europe-1947"}, Chosen: 2, Candidates: make([]Candidate, 2)}
	want := "calibration: report 1 of 1 (europe-1947) has Chosen 2; allowed: an index into its 2 candidates, as Run makes it"
	if err := Write(&b, []*Report{r}); err == nil || err.Error() != want {
		t.Errorf("a choice past the candidates: %v, want %s", err, want)
	}
	// Parts that do not fit together: errors, where they panicked.
	res := []targets.Result{{ID: "E1"}, {ID: "E2"}}
	spec := Spec{Scenario: "europe-1947", Inputs: []Input{{Name: "x"}}}
	for _, c := range []struct {
		r    *Report
		want string
	}{
		{&Report{Spec: spec, Candidates: []Candidate{{Values: []float64{1}, Results: res}}, HeldOut: res},
			"0 current values for 1 inputs"},
		{&Report{Spec: spec, Current: []float64{1}, Candidates: []Candidate{{Values: []float64{1}, Results: res}}},
			"0 held-out results for 2 targets"},
		{&Report{Spec: spec, Current: []float64{1}, Candidates: []Candidate{{Values: []float64{1}, Results: res}, {Values: []float64{2}}}, HeldOut: res},
			"candidate 2 has 1 values and 0 results, want 1 and 2"},
	} {
		want := "calibration: report 1 of 1 (europe-1947): " + c.want + "; allowed: a report as Run makes it"
		if err := Write(&b, []*Report{c.r}); err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}

// A grievance input sets one entry of the state's grievance map, making
// the map where the state has none, and leaves the other entries; an
// absent entry reads as 0.
func TestGrievanceInput(t *testing.T) {
	sc := &sim.Scenario{Name: "w", States: []sim.State{{ID: "a"}, {ID: "b", Grievance: map[string]float64{"c": 0.3}}}}
	in := grievance("a", "b", "why", 0.1, 0.2)
	if got := in.Get(sc); got != 0 {
		t.Errorf("no grievance reads %v, want 0", got)
	}
	in.Set(sc, 0.2)
	if got := sc.States[0].Grievance; !maps.Equal(got, map[string]float64{"b": 0.2}) {
		t.Errorf("after Set: %v", got)
	}
	other := grievance("b", "d", "why", 0.1, 0.2)
	other.Set(sc, 0.1)
	if got := sc.States[1].Grievance; !maps.Equal(got, map[string]float64{"c": 0.3, "d": 0.1}) {
		t.Errorf("the other entries: %v", got)
	}
	if in.Name != "states.a.grievance.b" || !slices.Equal(in.Paths, []string{"states.a.grievance.b"}) {
		t.Errorf("name %q, paths %v", in.Name, in.Paths)
	}
}

// Europe's constraint keeps France's grievance into Italy strictly
// between Britain's into Italy and France's into Germany.
func TestEuropeGrievanceOrder(t *testing.T) {
	spec := Specs()[0]
	sc, err := configs.Builtin(spec.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	if spec.Scenario != "europe-1947" || len(spec.Constraints) != 1 {
		t.Fatalf("spec %s with %d constraints", spec.Scenario, len(spec.Constraints))
	}
	gbr, fra := state(sc, "gbr"), state(sc, "fra")
	gbr.Grievance["ita"], fra.Grievance["deu"] = 0.1, 0.3
	for _, c := range []struct {
		ita   float64
		admit bool
	}{{0.05, false}, {0.1, false}, {0.15, true}, {0.25, true}, {0.3, false}, {0.35, false}} {
		fra.Grievance["ita"] = c.ita
		if got := spec.Constraints[0].Admit(sc); got != c.admit {
			t.Errorf("France into Italy %v: admitted %v, want %v", c.ita, got, c.admit)
		}
	}
}

// A reason that quotes anything quotes it as the scenario file does (the
// file is where the scenario cites its sources; the seeds are paraphrased,
// not quoted), and the PRC's reason names the threat its source names:
// He & Feng's Mabon speaks of the Russian threat to the region, where the
// reason once said the communist threat.
func TestWhyQuotesAsTheScenarioDoes(t *testing.T) {
	quoted := regexp.MustCompile(`"([^"]+)"`)
	for _, spec := range Specs() {
		raw, err := os.ReadFile(filepath.Join("..", "configs", "scenarios", spec.Scenario+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		file := strings.Join(strings.Fields(strings.ReplaceAll(string(raw), "\n#", " ")), " ")
		whys := []string{}
		for _, in := range spec.Inputs {
			whys = append(whys, in.Why)
		}
		for _, c := range spec.Constraints {
			whys = append(whys, c.Why)
		}
		for _, why := range whys {
			for _, m := range quoted.FindAllStringSubmatch(why, -1) {
				if !strings.Contains(file, m[1]) {
					t.Errorf("%s: a reason quotes %q, which %s.toml does not", spec.Scenario, m[1], spec.Scenario)
				}
			}
		}
		for _, in := range spec.Inputs {
			if in.Name == "states.chn.revisionism" && (!strings.Contains(in.Why, "Russian threat") || !strings.Contains(file, "Russian threat")) {
				t.Errorf("%s: the PRC's reason and the scenario file should name the Russian threat, as He & Feng's Mabon does: %q", spec.Scenario, in.Why)
			}
		}
	}
}
