package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// A summary with no alliance says so under its shapes and its survival,
// rather than leaving a heading with nothing under it.
func TestPrintSummaryWithoutAlliances(t *testing.T) {
	var b strings.Builder
	printSummary(&b, &runner.Summary{Scenario: "generic", Runs: 3, Seed: 1}, 1, false)
	if got := strings.Count(b.String(), "none: no alliance formed in any run"); got != 2 {
		t.Errorf("printed %d notes of no alliance, want 2:\n%s", got, b.String())
	}
	if strings.Contains(b.String(), "ended     median") {
		t.Errorf("a survival table's header with no rows:\n%s", b.String())
	}
}

// On a terminal, many replications draw a progress bar on the error
// stream, with a count of the runs done, and clear it when they finish;
// the summary follows. The terminal is util-linux's script(1), so the test
// runs on Linux where it is installed.
func TestProgressBarOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	script, err := exec.LookPath("script")
	if runtime.GOOS != "linux" || err != nil {
		t.Skip("needs util-linux's script(1) for a terminal")
	}
	bin := filepath.Join(t.TempDir(), "alliancesim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(script, "-qec", bin+" run generic --runs 40 --workers 1", "/dev/null").CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	text := string(out)
	if !regexp.MustCompile(`generic +\d+% \|[^|]*\| \(\d+/40\)`).MatchString(text) {
		t.Errorf("no progress bar counting to 40 runs on the terminal:\n%q", text)
	}
	// The last bar drawn, then blanked (a carriage return, spaces, a
	// carriage return), then the summary on a clean line.
	if !regexp.MustCompile(`/40\) \[[^\]]*\]\r +\rgeneric: 40 runs, seeds 1–40\r?\n`).MatchString(text) {
		t.Errorf("the bar should be cleared before the summary:\n%q", text)
	}
	// hypotheses lengthens the bar when an inconclusive hypothesis is run
	// again on more runs (T6 at 5 runs per world and level is, and is run
	// on 10).
	out, err = exec.Command(script, "-qec", bin+" hypotheses T6 --runs 5 --max-runs 10 --workers 1", "/dev/null").CombinedOutput()
	text = string(out)
	if err != nil || !regexp.MustCompile(`T6 .* \d/5 +10 +(holds|fails|inconclusive) `).MatchString(text) {
		t.Fatalf("hypotheses T6 should be run again on 10 runs: %v\n%s", err, text)
	}
	if !regexp.MustCompile(`hypotheses +\d+% \|[^|]*\| \(\d+/\d+\)`).MatchString(text) ||
		!regexp.MustCompile(`\]\r +\rHypotheses of THEORY.md: 5 runs`).MatchString(text) {
		t.Errorf("hypotheses: no bar, or not cleared before the table:\n%q", text)
	}
}
