package alliancesim_test

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/hypotheses"
)

// theoryVerdicts are the verdicts of every hypothesis of THEORY.md at the
// default run counts (100 replications per world and level, 5 layouts; a
// hypothesis inconclusive there is run on twice as many, up to 800, as
// THEORY.md's "enough replications" asks), as the README reports them: on
// seeds 1–100 (to 1–800), and on seeds 1001–1100 (to 1001–1800), the start
// of HISTORY.md's held-out range (THEORY.md counts a hypothesis as met
// only if it also holds there). What the model does, the failures
// included: a change of the model that moves a verdict either way must
// update this table and the README together. The same hypotheses hold on
// both seed ranges.
var theoryVerdicts = map[string][2]hypotheses.Verdict{
	"T1a": {holds, holds}, "T1b": {holds, holds}, "T1c": {holds, holds},
	"T1d": {holds, holds}, "T2": {fails, fails}, "T3a": {holds, holds},
	"T3b": {holds, holds}, "T3c": {fails, fails}, "T4": {holds, holds},
	"T5": {holds, holds}, "T6": {fails, fails}, "T7": {holds, holds},
	"T8a": {holds, holds}, "T8b": {fails, fails}, "T9": {holds, holds},
	"NC1": {holds, holds}, "NC2": {holds, holds}, "NC3": {holds, holds},
}

const (
	holds        = hypotheses.Holds
	fails        = hypotheses.Fails
	inconclusive = hypotheses.Inconclusive
)

// The comparative statics of THEORY.md, run as `alliancesim hypotheses`
// runs them by default, give the verdicts the README reports.
func TestTheoryVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("every hypothesis at 100 replications per world and level, up to 800")
	}
	checkVerdicts(t, hypotheses.Options{}, 0)
}

// On the held-out seeds (`alliancesim hypotheses --seed 1001`) they give
// the verdicts the README reports in its held-out column.
func TestTheoryVerdictsHeldOut(t *testing.T) {
	if testing.Short() {
		t.Skip("every hypothesis at 100 replications per world and level, up to 800")
	}
	checkVerdicts(t, hypotheses.Options{Seed: 1001}, 1)
}

// checkVerdicts runs every hypothesis of the registry with opts and
// compares each verdict with column col of theoryVerdicts (0: seeds 1–100,
// 1: held out).
func checkVerdicts(t *testing.T, opts hypotheses.Options, col int) {
	t.Helper()
	res, err := hypotheses.Run(context.Background(), hypotheses.Registry(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(theoryVerdicts) {
		t.Errorf("%d hypotheses run, %d verdicts expected: update theoryVerdicts and the README", len(res), len(theoryVerdicts))
	}
	holds := 0
	for _, r := range res {
		v, ok := theoryVerdicts[r.ID]
		w := v[col]
		switch {
		case !ok:
			t.Errorf("%s: no expected verdict; it %s (%s)", r.ID, r.Verdict, r.Reason)
		case r.Verdict != w:
			t.Errorf("%s %s, expected %s: %s", r.ID, r.Verdict, w, r.Reason)
		default:
			t.Logf("%s %s at %d runs: %s", r.ID, r.Verdict, r.Runs, r.Reason)
		}
		if r.Verdict == hypotheses.Holds {
			holds++
		}
	}
	t.Logf("%d of %d hold", holds, len(res))
	checkReadmeFigures(t, res, col)
}

var (
	// signedFigure is the first signed number of a README cell: the
	// change it reports ("**holds**: +0.52, …", "fails at 200 runs:
	// −0.05 [−0.09, −0.02] …").
	signedFigure = regexp.MustCompile(`[+−-]\d+\.\d+`)
	// percentFigure is the first percentage of a cell: a rate ("99% of 500
	// runs").
	percentFigure = regexp.MustCompile(`(\d+)%`)
	// runsFigure is the run count a cell names ("fails at 200 runs",
	// "fails at 400:"); a cell that names none rests on the default. Not
	// "at 0.3", a level.
	runsFigure = regexp.MustCompile(`\bat (\d+)(?: runs\b|[:,;)]|$)`)
	// intervalFigure is the first interval of a cell, of its change
	// ("−0.05 [−0.09, −0.02]").
	intervalFigure = regexp.MustCompile(`\[([+−-]?\d+\.\d+), ([+−-]?\d+\.\d+)\]`)
)

// near reports whether v, printed as text, is x to the digits printed:
// within half a unit of its last decimal.
func near(text string, v, x float64) bool {
	decimals := len(text) - strings.IndexByte(text, '.') - 1
	return math.Abs(v-x) <= 0.5*math.Pow(10, -float64(decimals))+1e-9
}

// checkReadmeFigures compares the figures of the README's table of
// hypotheses, column col (0: seeds 1–100, 1: held out), with the results
// just measured (readmeFigureErrors).
func checkReadmeFigures(t *testing.T, res []hypotheses.Result, col int) {
	t.Helper()
	for _, e := range readmeFigureErrors(readmeHypotheses(t), res, col) {
		t.Error(e)
	}
}

// readmeFigureErrors compares the figures of rows, the README's table of
// hypotheses by id (readmeHypotheses), in hypothesisColumns[col], with
// the results res: each change, and the interval after it where one is
// given, to the digits it is printed with (half a unit of its last digit),
// each rate as a whole percentage, and the run count a cell names (none:
// the default 100), so that the README's numbers, not only its verdicts,
// are those the model gives. It returns what differs, one sentence each.
func readmeFigureErrors(rows map[string]map[string]string, res []hypotheses.Result, col int) []string {
	var errs []string
	errorf := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	column := hypothesisColumns[col]
	for _, r := range res {
		row, ok := rows[r.ID]
		if !ok {
			errorf("README: no row for %s", r.ID)
			continue
		}
		cell := row[column]
		runs := hypotheses.DefaultRuns
		if m := runsFigure.FindStringSubmatch(cell); m != nil {
			runs, _ = strconv.Atoi(m[1])
		}
		if runs != r.Runs {
			errorf("README %s (%s) rests on %d runs; measured at %d: %q", r.ID, column, runs, r.Runs, cell)
		}
		if r.Change != nil {
			f := signedFigure.FindString(cell)
			if f == "" {
				errorf("README %s (%s): no change in %q; measured %+.3f", r.ID, column, cell, *r.Change)
				continue
			}
			v, err := strconv.ParseFloat(strings.Replace(f, "−", "-", 1), 64)
			if err != nil {
				errorf("README %s (%s): change %q: %v", r.ID, column, f, err)
				continue
			}
			if !near(f, v, *r.Change) {
				errorf("README %s (%s) says %s; measured %+.3f", r.ID, column, f, *r.Change)
			}
			if m := intervalFigure.FindStringSubmatch(cell); m != nil {
				lo, _ := strconv.ParseFloat(strings.Replace(m[1], "−", "-", 1), 64)
				hi, _ := strconv.ParseFloat(strings.Replace(m[2], "−", "-", 1), 64)
				if !near(m[1], lo, *r.ChangeLow) || !near(m[2], hi, *r.ChangeHi) {
					errorf("README %s (%s) gives the interval %s; measured [%+.3f, %+.3f]", r.ID, column, m[0], *r.ChangeLow, *r.ChangeHi)
				}
			}
			continue
		}
		m := percentFigure.FindStringSubmatch(cell)
		if m == nil || len(r.Pooled) != 1 {
			errorf("README %s (%s): no rate in %q", r.ID, column, cell)
			continue
		}
		if pct, _ := strconv.Atoi(m[1]); math.Abs(float64(pct)-100*r.Pooled[0].Value) > 0.5+1e-9 {
			errorf("README %s (%s) says %d%%; measured %.1f%%", r.ID, column, pct, 100*r.Pooled[0].Value)
		}
	}
	return errs
}

// readmeFigureErrors reads each hypothesis's figures from the README's
// column it is given, by the column's name, and tells every figure the
// results do not give, without running a hypothesis: results made by
// hand from the README's own figures, a change with its interval and
// rates among them, pass on their own column and fail on the other
// (T1a's change is +0.52 on seeds 1–100, +0.50 held out), and a change, a
// rate or a run count the README does not print is named.
func TestReadmeFiguresAreReadByColumn(t *testing.T) {
	change := func(id string, v, lo, hi float64) hypotheses.Result {
		return hypotheses.Result{ID: id, Runs: hypotheses.DefaultRuns, Change: &v, ChangeLow: &lo, ChangeHi: &hi}
	}
	rate := func(id string, v float64) hypotheses.Result {
		return hypotheses.Result{ID: id, Runs: hypotheses.DefaultRuns, Pooled: []hypotheses.Estimate{{Value: v}}}
	}
	// the README's figures, column by column: T2's interval is printed
	// on seeds 1–100 alone, NC2's rate in NC1–3's row
	measured := [2][]hypotheses.Result{
		{change("T1a", 0.52, 0.4, 0.6), change("T2", 0.10, 0.04, 0.15), rate("T5", 0.99), rate("NC2", 0)},
		{change("T1a", 0.50, 0.4, 0.6), change("T2", 0.07, 0.02, 0.12), rate("T5", 0.99), rate("NC2", 0)},
	}
	rows := readmeHypotheses(t)
	for col := range measured {
		if errs := readmeFigureErrors(rows, measured[col], col); len(errs) > 0 {
			t.Errorf("the README's own figures on %s:\n%s", hypothesisColumns[col], strings.Join(errs, "\n"))
		}
	}
	wrong := append(measured[1][:2:2],
		hypotheses.Result{ID: "T5", Runs: 200, Pooled: []hypotheses.Estimate{{Value: 0.97}}},
		rate("T10", 0.5))
	want := []string{
		"README T1a (seeds 1–100) says +0.52; measured +0.500",
		"README T2 (seeds 1–100) says +0.10; measured +0.070",
		"README T2 (seeds 1–100) gives the interval [+0.04, +0.15]; measured [+0.020, +0.120]",
		`README T5 (seeds 1–100) rests on 100 runs; measured at 200: "**holds**: 99% of 500 runs"`,
		"README T5 (seeds 1–100) says 99%; measured 97.0%",
		"README: no row for T10",
	}
	if got := readmeFigureErrors(rows, wrong, 0); !slices.Equal(got, want) {
		t.Errorf("held-out figures and wrong ones read on seeds 1–100:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
