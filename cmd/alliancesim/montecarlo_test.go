package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// monthly is a calendar of monthly ticks from 1950-01.
var monthly = sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}

// The summary says what its numbers are in: the length of the runs and of
// a tick, what each share and a shape count, what a median of "—" and the hub index
// mean, and the month of the median first commitment.
func TestPrintSummarySaysWhatItsNumbersMean(t *testing.T) {
	curve := runner.KaplanMeier([]runner.Observation{{Duration: 30}, {Duration: 50}})
	mean, median := 0.98, 35.5
	s := &runner.Summary{Scenario: "asia-1950", Runs: 2, Seed: 1,
		Shares:          map[string]runner.Proportion{},
		Survival:        []runner.GroupSurvival{{Group: "all", SurvivalCurve: curve}},
		HubSpokes:       []runner.HubSpokes{{Date: "1960-01", Runs: 2, Mean: &mean}},
		FirstCommitment: runner.FirstCommitment{Median: &median, Mean: &median}}
	for _, k := range runner.ShareKeys() {
		s.Shares[k] = runner.NewProportion(1, 2)
	}
	var b strings.Builder
	printSummary(&b, s, monthly, 504, false)
	text := b.String()
	for _, want := range []string{
		"asia-1950: 2 runs, seeds 1–2\neach run 504 ticks of 1 month, 1950-01 to 1991-12\n",
		"Most frequent alliance shapes (the members an alliance had at some time; share of runs in which one was in force)",
		"(Kaplan–Meier, ticks of 1 month; 95% band)",
		"median:\n   ticks of 1 month from forming until half had ended",
		"more than half still in force when last seen",
		"(1: every patron alliance in force is bilateral, a hub and spokes; 0: none is, as NATO;",
		"median after 35.5 ticks of 1 month (between 1952-12 and 1953-01), mean 35.5",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
	for _, k := range runner.ShareKeys() {
		if !regexp.MustCompile(`(?m)^  ` + k + ` +.*\]  \S.*$`).MatchString(text) {
			t.Errorf("no words beside the share %s:\n%s", k, text)
		}
	}
}

// The survival table's median and 10 and 20 years count from forming,
// but an origin group's from the tick the alliance took that origin
// (runner.OriginLifetimes): where the table has origin groups, a note
// says so, as the report's axis does ("years since its origin began").
// The note said "from forming" alone.
func TestPrintSummarySaysOriginGroupsCountFromTheirOrigin(t *testing.T) {
	curve := runner.KaplanMeier([]runner.Observation{{Duration: 30}})
	for _, c := range []struct {
		groups []string
		want   bool
	}{{[]string{"all", "origin=client", "origin=indigenous"}, true}, {[]string{"all", "kind=bilateral"}, false}} {
		s := &runner.Summary{Scenario: "generic", Runs: 1, Seed: 1}
		for _, g := range c.groups {
			s.Survival = append(s.Survival, runner.GroupSurvival{Group: g, SurvivalCurve: curve})
		}
		var b strings.Builder
		printSummary(&b, s, monthly, 0, false)
		text := strings.Join(strings.Fields(b.String()), " ")
		note := "(origin=…: an alliance counts while it had that origin, from the tick it took it (alliances.csv's origin_since), not from forming"
		if strings.Contains(text, note) != c.want {
			t.Errorf("groups %v: the note of origin groups printed %v, want %v:\n%s", c.groups, !c.want, c.want, b.String())
		}
	}
}

// A summary with no alliance says so under its shapes and its survival,
// rather than leaving a heading with nothing under it.
func TestPrintSummaryWithoutAlliances(t *testing.T) {
	var b strings.Builder
	printSummary(&b, &runner.Summary{Scenario: "generic", Runs: 3, Seed: 1}, monthly, 0, false)
	if got := strings.Count(b.String(), "none: no alliance formed in any run"); got != 2 {
		t.Errorf("printed %d notes of no alliance, want 2:\n%s", got, b.String())
	}
	if strings.Contains(b.String(), "ended     median") {
		t.Errorf("a survival table's header with no rows:\n%s", b.String())
	}
}

// The survival table reads each group's curve at 10 and 20 years, in
// ticks of the scenario's length: at 3 months a tick, 40 and 80 ticks. Of
// lifetimes 30 (ended), 50 (ended) and 60 (censored), 10 years reads S(40)
// = 2/3 (Greenwood SE² = (4/9)·(1/6), n* = 3: Wilson [0.207660,
// 0.938508]); 20 years lies past every lifetime, a dash.
func TestPrintSummaryReadsSurvivalAtTenAndTwentyYears(t *testing.T) {
	curve := runner.KaplanMeier([]runner.Observation{{Duration: 30, Event: true}, {Duration: 50, Event: true}, {Duration: 60}})
	s := &runner.Summary{Scenario: "generic", Runs: 3, Seed: 1, Survival: []runner.GroupSurvival{{Group: "all", SurvivalCurve: curve}}}
	var b strings.Builder
	printSummary(&b, s, sim.Calendar{StartYear: 2000, StartMonth: 1, MonthsPerTick: 3}, 0, false)
	row := regexp.MustCompile(`(?m)^  all +3 +2 +50 +\[[^]]*\] +0\.667 \[0\.208, 0\.939\] +—$`)
	if !row.MatchString(b.String()) {
		t.Errorf("no row of all reading 0.667 [0.208, 0.939] at 10 years and a dash at 20:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "(10 and 20 years: the share still in force") {
		t.Errorf("no note of what the 10 and 20 years are:\n%s", b.String())
	}
}

// The halves by convergence are explained under the table with the median
// cohesion they split at, as summary.json's split gives it.
func TestPrintSummaryExplainsTheCohesionSplit(t *testing.T) {
	curve := runner.KaplanMeier([]runner.Observation{{Duration: 30, Event: true}})
	m := 0.989
	s := &runner.Summary{Scenario: "generic", Runs: 1, Seed: 1, Survival: []runner.GroupSurvival{
		{Group: "cohesion=high", Split: &m, SurvivalCurve: curve},
	}}
	var b strings.Builder
	printSummary(&b, s, monthly, 0, false)
	if want := "low below 0.989, the median alliance's cohesion (the upper of two) rounded down to a multiple\n   of 0.001, high at or above it)"; !strings.Contains(b.String(), want) {
		t.Errorf("no note of the split %q:\n%s", want, b.String())
	}
}

// On a terminal, many replications draw a progress bar on the error
// stream, with a count of the runs done, and clear it when they finish;
// the summary follows. The terminal is util-linux's script(1), so the test
// runs where it is installed and can open a pseudo-terminal.
func TestProgressBarOnATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("needs util-linux's script(1) for a terminal")
	}
	if v, err := exec.Command(script, "--version").Output(); err != nil || !strings.Contains(string(v), "util-linux") {
		t.Skip("needs util-linux's script(1) for a terminal (script --version: " + strings.TrimSpace(string(v)) + ")")
	}
	bin := filepath.Join(t.TempDir(), "alliancesim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	onTerminal := func(args string) string {
		out, err := exec.Command(script, "-qec", bin+" "+args, "/dev/null").CombinedOutput()
		if strings.Contains(string(out), "pseudo-terminal") {
			t.Skipf("script(1) could not open a terminal: %s", out)
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s", args, err, out)
		}
		return string(out)
	}
	text := onTerminal("run generic --runs 40 --workers 1")
	if !regexp.MustCompile(`generic +\d+% \|[^|]*\| \(\d+/40\)`).MatchString(text) {
		t.Errorf("no progress bar counting to 40 runs on the terminal:\n%q", text)
	}
	// The last bar drawn, then blanked (a carriage return, spaces, a
	// carriage return), then the summary on a clean line.
	if !regexp.MustCompile(`/40\) \[[^\]]*\]\r +\rgeneric: 40 runs, seeds 1–40\r?\n`).MatchString(text) {
		t.Errorf("the bar should be cleared before the summary:\n%q", text)
	}
	// hypotheses draws a longer bar when an inconclusive hypothesis is
	// run again on more runs, after the first reached its end. T6 is
	// inconclusive at 5 runs per world and level (seeds 1–5) and run again
	// on 10: a model under which it is not would need another hypothesis
	// here.
	text = onTerminal("hypotheses T6 --runs 5 --max-runs 10 --workers 1")
	if !regexp.MustCompile(`T6 .* \d/5 +10 +(holds|fails|inconclusive) `).MatchString(text) {
		t.Fatalf("hypotheses T6 was not run again on 10 runs (a model under which it is conclusive at 5 needs another hypothesis here):\n%s", text)
	}
	var totals []int
	for _, m := range regexp.MustCompile(`hypotheses +\d+% \|[^|]*\| \(\d+/(\d+)\)`).FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		totals = append(totals, n)
	}
	if len(totals) == 0 || slices.Max(totals) <= totals[0] {
		t.Errorf("hypotheses: bars of %v runs; want a longer one after the first round:\n%q", totals, text)
	}
	if !regexp.MustCompile(`\]\r +\rHypotheses \(docs/model\.md §1\.2\.2\): 5 runs`).MatchString(text) {
		t.Errorf("hypotheses: the bar not cleared before the table:\n%q", text)
	}
}
