package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/report"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// progress returns a progress callback drawing a bar with ETA on stderr
// when stderr is a terminal, and nil (silence) otherwise.
func progress(what string) (func(done, total int), func()) {
	if !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	update := func(done, total int) {
		// A new bar at the start, and when more work follows a bar that
		// reached its end (hypotheses add runs to the inconclusive once a
		// round is done): a finished bar draws nothing more.
		if bar == nil || (bar.IsFinished() && total > bar.GetMax()) {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(os.Stderr),
				progressbar.OptionSetDescription(what), progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true), progressbar.OptionShowElapsedTimeOnFinish(),
				progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())
		}
		if total != bar.GetMax() { // more work added while the bar runs
			bar.ChangeMax(total)
		}
		_ = bar.Set(done)
	}
	return update, func() {
		if bar != nil {
			_ = bar.Finish()
		}
	}
}

// manyOptions are the flags of the many-replication form of `run`.
type manyOptions struct {
	runs, workers  int
	seed           uint64
	out            string
	events, asJSON bool
	force          bool
}

// monteCarlo runs the many-replication form of `run`: in memory, or into
// an output directory whose manifest identifies the work.
func monteCarlo(ctx context.Context, w, errw io.Writer, sc *sim.Scenario, c *sim.Compiled, o manyOptions) error {
	if err := runner.CheckSeeds(o.seed, o.runs); err != nil {
		return fmt.Errorf("--seed %d --runs %d: %w", o.seed, o.runs, err)
	}
	update, finish := progress(sc.Name)
	var summary *runner.Summary
	wrote := o.out != ""
	if wrote {
		if err := checkOutputDir(o.out); err != nil {
			return err
		}
	}
	if o.out == "" {
		s, err := runner.MonteCarlo(ctx, c, runner.Options{Runs: o.runs, Seed: o.seed, Workers: o.workers, Progress: update})
		finish()
		if err != nil {
			return err
		}
		summary = s
	} else {
		plan, err := plans.Scenario(sc, o.runs, o.seed)
		if err != nil {
			return err
		}
		plan.Events, plan.Command = o.events, commandLine()
		err = runner.Execute(ctx, plan, o.out, runner.ExecOptions{Workers: o.workers, Resume: true, Force: o.force, Progress: update,
			Notice: func(msg string) { fmt.Fprintln(errw, msg) }})
		finish()
		complete := errors.Is(err, runner.ErrComplete)
		if err != nil && !complete {
			return executeError(err, o.out, "")
		}
		// Read back through the report's checks: a summary.json that is
		// damaged, or not this run's, is not printed as its summary, nor
		// one beside a file changed since it was written.
		in, err := report.Read(o.out)
		switch {
		case err != nil && complete:
			return lookedComplete(err, o.out, "run", "remove its summary.json and run again to assemble its files anew from parts/")
		case err != nil:
			return err
		case complete:
			fmt.Fprintln(errw, completeNote(o.out, "run", "the summary below", o.force))
			wrote = false
		}
		summary = in.Summary
	}
	if o.asJSON {
		// The runs' summary, the same bytes with --out or without: the
		// record of the files written is summary.json's own.
		s := *summary
		s.Files = nil
		return printJSON(w, &s)
	}
	printSummary(w, summary, sc.Calendar, sc.Ticks, o.out != "")
	if wrote {
		fmt.Fprintf(w, "\nWritten to %s: %s.\n", o.out, writtenFiles(o.out, o.events, false))
	}
	return nil
}

// writtenFiles lists the result files of an output directory.
func writtenFiles(dir string, events, sweep bool) string {
	files := []string{"summary.json"}
	if sweep {
		files = append(files, "points.csv")
	}
	files = append(files, "runs.csv", "alliances.csv", "memberships.csv", "survival.csv")
	if _, err := os.Stat(filepath.Join(dir, "series.csv")); err == nil {
		files = append(files, "series.csv")
	}
	if events {
		files = append(files, "events.jsonl")
	}
	return strings.Join(files, ", ") + " (manifest.json and scenario.toml say what ran)"
}

// executeError says what to do after runner.Execute failed, in flags:
// after an interruption, run the same command again (resume, the flag a
// sweep needs to go on: run always resumes); for a directory of other
// work, --force, which plays its runs again, or report, which reads what
// is there (a tool rebuilt since it ran finds every directory other
// work); for an interrupted run of this work, --resume.
func executeError(err error, out, resume string) error {
	again := "run the same command again"
	if resume != "" {
		again += " with " + resume
	}
	switch {
	case errors.Is(err, context.Canceled):
		return interruption(fmt.Sprintf("interrupted; %s keeps whatever chunks were finished: %s to finish", out, again))
	case errors.Is(err, runner.ErrOtherWork):
		return fmt.Errorf("%w; use --force to replace it (its runs are played again), another directory, or 'alliancesim report %s' to draw what it holds", err, out)
	case errors.Is(err, runner.ErrInterrupted):
		return fmt.Errorf("%w; add --resume to go on in it, or use another directory", err)
	}
	return notWritable("--out "+out, out, err)
}

// percent writes a proportion as "12.3% [10.1, 14.8]": the share and its
// 95% interval, or "—" when no run counted.
func percent(p runner.Proportion) string {
	if p.N == 0 {
		return "— (no runs)"
	}
	return fmt.Sprintf("%5.1f%% [%4.1f, %4.1f]", 100*p.Share, 100*p.Low, 100*p.High)
}

// printSummary writes s as text; durations are in ticks of cal, each
// named with its length in months, and the runs last ticks ticks. inFile
// says whether summary.json was written, so that the text points there
// for what it leaves out.
func printSummary(w io.Writer, s *runner.Summary, cal sim.Calendar, ticks int, inFile bool) {
	monthsPerTick := max(cal.MonthsPerTick, 1)
	length := " of " + words.Count(monthsPerTick, "month", "months")
	unit := "ticks" + length
	fmt.Fprintf(w, "%s: %s\n", s.Scenario, words.RunsAndSeeds(s.Runs, s.Seed))
	if ticks > 0 {
		fmt.Fprintf(w, "each run %s%s, %s to %s\n", words.Count(ticks, "tick", "ticks"), length, cal.Label(0), cal.LastMonth(ticks-1))
	}
	fmt.Fprintln(w, "\nShare of runs in which it ever happened (95% interval)")
	for _, k := range runner.ShareKeys() {
		fmt.Fprintf(w, "  %-32s %s  %s\n", k, percent(s.Shares[k]), shareMeaning[k])
	}
	fmt.Fprintln(w, "\nMost frequent alliance shapes (the members an alliance had at some time; share of runs in which one was in force)")
	if len(s.Shapes) == 0 {
		fmt.Fprintln(w, "  none: no alliance formed in any run")
	}
	for i, sh := range s.Shapes {
		if i == 10 {
			where := "--json"
			if inFile {
				where = "summary.json / --json"
			}
			fmt.Fprintf(w, "  … %d more in %s\n", len(s.Shapes)-10, where)
			break
		}
		fmt.Fprintf(w, "  %s  %s\n", percent(sh.Share), strings.Join(sh.Members, " "))
	}
	fmt.Fprintf(w, "\nSurvival of alliances (Kaplan–Meier, %s; 95%% band)\n", unit)
	if len(s.Survival) == 0 {
		fmt.Fprintln(w, "  none: no alliance formed in any run")
	} else {
		fmt.Fprintf(w, "  %-20s %7s %7s %10s %-14s %-21s %s\n", "group", "n", "ended", "median", "band", "10 years", "20 years")
	}
	var split *float64
	for _, g := range s.Survival {
		band := fmt.Sprintf("[%s, %s]", orDash(g.MedianLower), orDash(g.MedianUpper))
		fmt.Fprintf(w, "  %-20s %7d %7d %10s %-14s %-21s %s\n", g.Group, g.N, g.Events, orDash(g.Median), band,
			survivalAt(g.SurvivalCurve, 120/float64(monthsPerTick)), survivalAt(g.SurvivalCurve, 240/float64(monthsPerTick)))
		if g.Split != nil {
			split = g.Split
		}
	}
	if len(s.Survival) > 0 {
		fmt.Fprintf(w, "  (n: alliances in the group; ended: how many of them ended, the others censored; median:\n"+
			"   %s from forming until half had ended, with its 95%% band, — where the curve,\n"+
			"   or the band's edge, never falls to one half: more than half still in force when last seen)\n", unit)
		fmt.Fprintln(w, "  (10 and 20 years: the share still in force that long after forming, with a 95% Wilson interval\n"+
			"   at the curve's effective sample size — not survival.csv's band, which is [1, 1] where none ended;\n"+
			"   — where those still in force were all observed for less)")
		if slices.ContainsFunc(s.Survival, func(g runner.GroupSurvival) bool { return strings.HasPrefix(g.Group, "origin=") }) {
			fmt.Fprintln(w, "  (origin=…: an alliance counts while it had that origin, from the tick it took it (alliances.csv's\n"+
				"   origin_since), not from forming: a clients' alliance a patron joined later is client until the\n"+
				"   entry and indigenous from it, in both groups' n)")
		}
	}
	if split != nil {
		fmt.Fprintf(w, "  (cohesion: how far the founders' threat pictures converged when they signed;\n   low below %.3f, the median alliance's cohesion (the upper of two) rounded down to a multiple\n   of 0.001, high at or above it)\n", *split)
	}
	fmt.Fprintln(w, "\nHub-and-spokes index of the patron (bilateral ÷ all patron alliances)")
	for _, h := range s.HubSpokes {
		if h.Mean == nil {
			fmt.Fprintf(w, "  %s  no run had a patron alliance\n", h.Date)
			continue
		}
		fmt.Fprintf(w, "  %s  mean %.2f over %s with a patron alliance; ≤ 0.3 in %s, ≥ 0.6 in %s of all runs\n",
			h.Date, *h.Mean, words.Count(h.Runs, "run", "runs"), percent(h.Share03), percent(h.Share06))
	}
	if len(s.HubSpokes) > 0 {
		fmt.Fprintln(w, "  (1: every patron alliance in force is bilateral, a hub and spokes; 0: none is, as NATO;\n"+
			"   ≤ 0.3 and ≥ 0.6 are the historical targets' cut-offs, E5 for Europe and A9 for Asia)")
	}
	fc := s.FirstCommitment
	fmt.Fprintf(w, "\nFirst patron commitment (a patron's first alliance): in %s of runs", percent(fc.Share))
	if fc.Median != nil {
		fmt.Fprintf(w, "; median after %s %s (%s), mean %.1f", orDash(fc.Median), unit, tickDate(cal, *fc.Median), *fc.Mean)
	}
	fmt.Fprintln(w)
}

// shareMeaning says in words what each share of runner.ShareKeys counts
// (README, "Many runs: outputs"), beside its name in the summary.
var shareMeaning = map[string]string{
	"client_alliance":                "clients allied without a patron (one may join later)",
	"client_alliance_3plus":          "…three or more of them, before any patron joined",
	"patron_bilateral":               "a patron entered an alliance of 2",
	"patron_trilateral":              "a patron entered an alliance of 3",
	"patron_multilateral":            "a patron entered an alliance of 4 or more",
	"patron_multilateral_indigenous": "…one the clients had formed",
	"patron_multilateral_imposed":    "…one the patron initiated",
	"patron_multilateral_strong":     "…with strong commitment",
}

// tickDate is the month a tick, or a median halfway between two, names:
// "1952-12", or "between 1952-12 and 1953-01".
func tickDate(cal sim.Calendar, t float64) string {
	lo := math.Floor(t)
	if t != lo {
		return "between " + cal.Label(int(lo)) + " and " + cal.Label(int(lo)+1)
	}
	return cal.Label(int(t))
}

// survivalAt is the share of a group's alliances in force t ticks after
// they formed, with its 95% interval, or a dash where the curve says
// nothing of t: the alliances still in force were all observed for less
// (0 where every one ended before t).
func survivalAt(c runner.SurvivalCurve, t float64) string {
	s := c.At(t)
	if !s.Valid {
		return "—"
	}
	return fmt.Sprintf("%.3f [%.3f, %.3f]", s.S, s.Low, s.High)
}

func orDash(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%g", *v)
}

// lookedComplete is the error for out, a directory that looked complete
// but whose files do not read back as the work's (err): a damaged result
// file's error already says what to do, and is returned as it is (one
// instruction, not two); otherwise it adds what to do: reassemble, how
// the command does it (reassemble), where its parts/ can assemble them;
// where it cannot (merged, or its parts removed), merge its shards again
// or run the work again, since reassembling would run every chunk anew.
func lookedComplete(err error, out, work, reassemble string) error {
	var damaged *runner.DamagedResultsError
	if errors.As(err, &damaged) {
		return err // it says what to do
	}
	advice := "its parts/ cannot assemble its files anew (merged, or its parts removed): merge the shards again into it, or remove it and run the work again"
	if runner.Reassemblable(out) {
		advice = reassemble
	}
	return fmt.Errorf("%w\n%s looked complete, but does not read back as this %s's output: %s", err, out, work, advice)
}

// completeNote says that out already held the complete output of the
// work (a run or a sweep), whose result below (what) is the one there:
// without --force, that --force would assemble its files again from
// parts/; with it, that there were none to assemble them from (a merged
// directory keeps none), and what to do instead.
func completeNote(out, work, what string, force bool) string {
	if force {
		return fmt.Sprintf("%s already holds the complete output of this %s and no parts/ to assemble its files from again (merged, or its parts removed); nothing to do (%s is the one there; merge again, or remove the directory to run the work again)", out, work, what)
	}
	return fmt.Sprintf("%s already holds the complete output of this %s; nothing to do (%s is the one there; --force assembles its files again from parts/)", out, work, what)
}
