package main

import (
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
