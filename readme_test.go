package alliancesim_test

import (
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/calibration"
	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/internal/mdtable"
)

// The README's tables of what the model does are typed from the commands'
// output; these tests tie them to the sources the suite checks, so that a
// change of the model cannot leave them stale: the targets' shares to
// docs/calibration.md (which TestCalibrationIsCurrent regenerates
// byte for byte) and the hypotheses' verdicts to theory_test.go.

// The columns the tests read, by the names their headers give them.
const (
	calibrationSeeds = "seeds 1–500"     // docs/calibration.md, the README's targets
	heldOutSeeds     = "seeds 1001–1500" // the same
	// scorecardDefault is the README scorecard's column of the default
	// combination, which the calibration runs.
	scorecardDefault = "assurance / prospect (default)"
)

// hypothesisColumns are the README's columns of the hypotheses' results:
// 0 on seeds 1–100, 1 held out (theoryVerdicts' order).
var hypothesisColumns = [2]string{"seeds 1–100", "held out, seeds 1001–1100"}

// table reads the one table of the file at path whose header has every
// one of columns (within the section under heading, unless it is ""):
// each row as a map from its columns' names to its cells (internal/mdtable),
// so that a column added or moved cannot make a test read another one. A
// table that cannot be read so, or has no rows, stops the test.
func table(t *testing.T, path, heading string, columns ...string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if heading != "" {
		if text, err = mdtable.Section(text, heading); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	rows, err := mdtable.Rows(text, columns...)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: the table with the columns %s has no rows", path, strings.Join(columns, ", "))
	}
	return rows
}

// share reads a share as the README or the calibration report prints it
// ("83.2", "100", "83.2 [79.7, 86.2] n 500, yes"); ok is false for "—",
// a target with no qualifying run.
func share(t *testing.T, cell string) (v float64, ok bool) {
	t.Helper()
	fields := strings.Fields(cell)
	if len(fields) == 0 {
		t.Fatalf("share %q: empty", cell)
	}
	if fields[0] == "—" {
		return 0, false
	}
	v, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		t.Fatalf("share %q: %v", cell, err)
	}
	return v, true
}

// sameShare reports whether the README's share got is the calibration
// report's want as it prints it, to the README's one decimal: both a
// share within 0.05 of each other, or both none ("—").
func sameShare(t *testing.T, got, want string) bool {
	t.Helper()
	g, gOK := share(t, got)
	w, wOK := share(t, want)
	return gOK == wOK && (!gOK || (g >= w-0.05 && g <= w+0.05))
}

// calibrated is a target's row of docs/calibration.md's table of the
// chosen values.
type calibrated struct {
	shares    [2]string // calibration seeds, held out: "98.6 [97.1, 99.3] n 500, yes"
	metBoth   bool      // "met on both"
	threshold string    // "80%"
}

// metOn reads whether a target is met on one seed range from its share
// cell in docs/calibration.md, which ends in ", yes" or ", no".
func metOn(t *testing.T, cell string) bool {
	t.Helper()
	if i := strings.LastIndex(cell, ", "); i >= 0 {
		switch cell[i+2:] {
		case "yes":
			return true
		case "no":
			return false
		}
	}
	t.Fatalf("docs/calibration.md share %q: want it to end in \", yes\" or \", no\"", cell)
	return false
}

// calibrationReport reads each target's row of docs/calibration.md, in the
// table of the chosen values of each calibrated scenario's section.
func calibrationReport(t *testing.T) map[string]calibrated {
	t.Helper()
	report := map[string]calibrated{}
	for _, spec := range calibration.Specs() {
		for _, r := range table(t, "docs/calibration.md", "## "+spec.Scenario,
			"target", "threshold", calibrationSeeds, heldOutSeeds, "met on both") {
			if _, dup := report[r["target"]]; dup {
				t.Fatalf("docs/calibration.md gives target %s twice", r["target"])
			}
			report[r["target"]] = calibrated{
				shares:    [2]string{r[calibrationSeeds], r[heldOutSeeds]},
				metBoth:   r["met on both"] == "yes",
				threshold: r["threshold"],
			}
		}
	}
	return report
}

// The README's table of targets gives the shares, the status and the
// threshold of docs/calibration.md for the calibrated inputs, on both
// seed ranges, and its scorecard's default column the shares on the
// calibration seeds, each target's (a row may name several: "A5, A6"),
// with "*" where it is met there, and the count of those missed.
func TestReadmeTargetsAreTheCalibrations(t *testing.T) {
	report := calibrationReport(t)
	listed := map[string]bool{}
	for _, r := range table(t, "README.md", "", "target", calibrationSeeds, heldOutSeeds, "met", "needs") {
		fields := strings.Fields(r["target"]) // "E1 Brussels before …"
		if len(fields) == 0 {
			t.Errorf("README's table of targets: a row without a target: %v", r)
			continue
		}
		id := fields[0]
		want, ok := report[id]
		switch {
		case !ok:
			t.Errorf("README's table of targets: %s is no target of docs/calibration.md", id)
			continue
		case listed[id]:
			t.Errorf("README's table of targets gives %s twice", id)
		}
		listed[id] = true
		for i, column := range []string{calibrationSeeds, heldOutSeeds} {
			if !sameShare(t, r[column], want.shares[i]) {
				t.Errorf("README %s, %s: %q, docs/calibration.md %q", id, column, r[column], want.shares[i])
			}
		}
		if met := strings.Trim(r["met"], "*") == "yes"; met != want.metBoth {
			t.Errorf("README %s met %q, docs/calibration.md %v", id, r["met"], want.metBoth)
		}
		if r["needs"]+"%" != want.threshold { // needs: percent
			t.Errorf("README %s needs %q, docs/calibration.md's threshold %q", id, r["needs"], want.threshold)
		}
	}
	if len(listed) != len(report) {
		t.Errorf("the README's table of targets has %d of the %d targets of docs/calibration.md", len(listed), len(report))
	}

	// The scorecard, a column per combination: the default's is the
	// calibration seeds' share, "*" where met.
	scored, missed := map[string]bool{}, 0
	for _, want := range report {
		if !metOn(t, want.shares[0]) {
			missed++
		}
	}
	for _, r := range table(t, "README.md", "", "target", scorecardDefault) {
		cell := r[scorecardDefault]
		if r["target"] == "**missed**" {
			if got, err := strconv.Atoi(strings.Trim(cell, "*")); err != nil || got != missed {
				t.Errorf("README scorecard, missed by the default: %q; docs/calibration.md misses %d on %s", cell, missed, calibrationSeeds)
			}
			continue
		}
		for _, id := range strings.Split(r["target"], ",") {
			id = strings.TrimSpace(id)
			want, ok := report[id]
			switch {
			case !ok:
				t.Errorf("README scorecard row %q: %q is no target of docs/calibration.md", r["target"], id)
				continue
			case scored[id]:
				t.Errorf("README scorecard gives %s twice", id)
			}
			scored[id] = true
			if !sameShare(t, strings.TrimRight(cell, "*"), want.shares[0]) {
				t.Errorf("README scorecard %s, default: %q, docs/calibration.md %q", id, cell, want.shares[0])
			}
			if starred, met := strings.HasSuffix(cell, "*"), metOn(t, want.shares[0]); starred != met {
				t.Errorf("README scorecard %s, default: %q marks it met: %v; docs/calibration.md %q", id, cell, starred, want.shares[0])
			}
		}
	}
	if len(scored) != len(report) {
		t.Errorf("the README's scorecard has %d of the %d targets of docs/calibration.md", len(scored), len(report))
	}
}

// readmeHypotheses reads the README's table of hypotheses: each
// hypothesis's cells by column name, under its id ("NC1–3" gives NC1, NC2
// and NC3 the same row).
func readmeHypotheses(t *testing.T) map[string]map[string]string {
	t.Helper()
	rows := map[string]map[string]string{}
	for _, r := range table(t, "README.md", "", "id", hypothesisColumns[0], hypothesisColumns[1]) {
		ids := []string{r["id"]}
		if r["id"] == "NC1–3" {
			ids = []string{"NC1", "NC2", "NC3"}
		}
		for _, id := range ids {
			if _, dup := rows[id]; dup {
				t.Errorf("README's table of hypotheses gives %s twice", id)
			}
			rows[id] = r
		}
	}
	return rows
}

// The README's table of hypotheses gives the verdicts theory_test.go
// asserts, on seeds 1–100 and on the held-out seeds.
func TestReadmeVerdictsAreTheTheorys(t *testing.T) {
	word := func(cell string) hypotheses.Verdict {
		fields := strings.Fields(cell)
		if len(fields) == 0 {
			t.Fatalf("README verdict %q: want holds, fails or inconclusive", cell)
		}
		switch strings.Trim(fields[0], "*:") {
		case "holds", "hold":
			return hypotheses.Holds
		case "fails":
			return hypotheses.Fails
		case "inconclusive":
			return hypotheses.Inconclusive
		}
		t.Fatalf("README verdict %q: want holds, fails or inconclusive", cell)
		return ""
	}
	rows, seen := readmeHypotheses(t), 0
	for _, id := range slices.Sorted(maps.Keys(rows)) {
		r := rows[id]
		want, ok := theoryVerdicts[id]
		if !ok {
			t.Errorf("README hypothesis %s: not in theoryVerdicts", id)
			continue
		}
		seen++
		for col, column := range hypothesisColumns {
			if got := word(r[column]); got != want[col] {
				t.Errorf("README %s, %s: %s, theory_test.go %s", id, column, got, want[col])
			}
		}
	}
	if seen != len(theoryVerdicts) {
		t.Errorf("the README's table of hypotheses has %d of the %d hypotheses", seen, len(theoryVerdicts))
	}
}
