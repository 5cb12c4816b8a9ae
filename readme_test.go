package alliancesim_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/hypotheses"
)

// The README's tables of what the model does are typed from the commands'
// output; these tests tie them to the sources the suite checks, so that a
// change of the model cannot leave them stale: the targets' shares to
// docs/calibration.md (which TestCalibrationIsCurrent regenerates
// byte for byte) and the hypotheses' verdicts to theory_test.go.

// tableRows returns the cells of every row of the Markdown tables in path
// whose header's first cell is head, trimmed, the header and separator
// left out.
func tableRows(t *testing.T, path, head string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			in = false
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case cells[0] == head:
			in = true
		case in && !strings.HasPrefix(cells[0], "---"):
			rows = append(rows, cells)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no table headed %q", path, head)
	}
	return rows
}

// share reads a share as the README or the calibration report prints it
// ("83.2", "100", "83.2 [79.7, 86.2] n 500, yes"); ok is false for "—",
// a target with no qualifying run.
func share(t *testing.T, cell string) (v float64, ok bool) {
	t.Helper()
	field := strings.Fields(cell)[0]
	if field == "—" {
		return 0, false
	}
	v, err := strconv.ParseFloat(field, 64)
	if err != nil {
		t.Fatalf("share %q: %v", cell, err)
	}
	return v, true
}

// The README's table of targets gives the shares, the status and the
// threshold of docs/calibration.md for the calibrated inputs, on both
// seed ranges, and its scorecard's default column the shares on the
// calibration seeds.
func TestReadmeTargetsAreTheCalibrations(t *testing.T) {
	type result struct {
		cells     [2]string
		met       bool
		threshold string // "80%"
	}
	report := map[string]result{}
	for _, r := range tableRows(t, "docs/calibration.md", "target") {
		// target | threshold | seeds 1–500 | seeds 1001–1500 | met on both | what
		report[r[0]] = result{cells: [2]string{r[2], r[3]}, met: r[4] == "yes", threshold: r[1]}
	}
	rows := tableRows(t, "README.md", "target")
	seen := 0
	for _, r := range rows {
		id := strings.Fields(r[0])[0]
		want, ok := report[id]
		if !ok {
			continue // the scorecard's rows, and its "missed" line
		}
		if len(r) != 5 {
			// The scorecard, one column per combination: its first, the
			// default, is the calibration seeds' share.
			got, gotOK := share(t, strings.TrimRight(r[1], "*"))
			w, wOK := share(t, want.cells[0])
			if gotOK != wOK || (gotOK && (got < w-0.05 || got > w+0.05)) {
				t.Errorf("README scorecard %s, default: %q, docs/calibration.md %q", id, r[1], want.cells[0])
			}
			continue
		}
		seen++
		for i := range want.cells {
			got, gotOK := share(t, r[1+i])
			w, wOK := share(t, want.cells[i])
			if gotOK != wOK || (gotOK && (got < w-0.05 || got > w+0.05)) {
				t.Errorf("README %s, seed range %d: %q, docs/calibration.md %q", id, i+1, r[1+i], want.cells[i])
			}
		}
		if met := strings.Trim(r[3], "*") == "yes"; met != want.met {
			t.Errorf("README %s met %q, docs/calibration.md %v", id, r[3], want.met)
		}
		// target | seeds 1–500 | seeds 1001–1500 | met | needs (percent)
		if r[4]+"%" != want.threshold {
			t.Errorf("README %s needs %q, docs/calibration.md's threshold %q", id, r[4], want.threshold)
		}
	}
	if seen != len(report) {
		t.Errorf("the README's table of targets has %d of the %d targets of docs/calibration.md", seen, len(report))
	}
}

// The README's table of hypotheses gives the verdicts theory_test.go
// asserts, on seeds 1–100 and on the held-out seeds.
func TestReadmeVerdictsAreTheTheorys(t *testing.T) {
	word := func(cell string) hypotheses.Verdict {
		w := strings.Trim(strings.Fields(cell)[0], "*:")
		switch w {
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
	seen := 0
	for _, r := range tableRows(t, "README.md", "id") {
		if len(r) != 5 {
			continue
		}
		ids := []string{r[0]}
		if r[0] == "NC1–3" {
			ids = []string{"NC1", "NC2", "NC3"}
		}
		for _, id := range ids {
			want, ok := theoryVerdicts[id]
			if !ok {
				t.Errorf("README hypothesis %s: not in theoryVerdicts", id)
				continue
			}
			seen++
			if got := word(r[2]); got != want[0] {
				t.Errorf("README %s, seeds 1–100: %s, theory_test.go %s", id, got, want[0])
			}
			if got := word(r[3]); got != want[1] {
				t.Errorf("README %s, held out: %s, theory_test.go %s", id, got, want[1])
			}
		}
	}
	if seen != len(theoryVerdicts) {
		t.Errorf("the README's table of hypotheses has %d of the %d hypotheses", seen, len(theoryVerdicts))
	}
}
