package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"text/tabwriter"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/plans"
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
		if bar == nil {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(os.Stderr),
				progressbar.OptionSetDescription(what), progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true), progressbar.OptionShowElapsedTimeOnFinish(),
				progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())
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
		plan.Events, plan.Command = o.events, os.Args
		err = runner.Execute(ctx, plan, o.out, runner.ExecOptions{Workers: o.workers, Resume: true, Force: o.force, Progress: update})
		finish()
		if errors.Is(err, runner.ErrComplete) {
			fmt.Fprintf(errw, "%s already holds the complete output of this run; nothing to do (the summary below is the one there)\n", o.out)
			wrote = false
		} else if err != nil {
			return interrupted(err, o.out)
		}
		b, err := os.ReadFile(filepath.Join(o.out, "summary.json"))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &summary); err != nil {
			return err
		}
	}
	if o.asJSON {
		return printJSON(w, summary)
	}
	printSummary(w, summary, sc.Calendar.MonthsPerTick)
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

func interrupted(err error, out string) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted; %s keeps whatever chunks were finished: run the same command again (with --resume for sweeps) to finish", out)
	}
	return err
}

// percent writes a proportion as "12.3% [10.1, 14.8]": the share and its
// 95% interval, or "—" when no run counted.
func percent(p runner.Proportion) string {
	if p.N == 0 {
		return "— (no runs)"
	}
	return fmt.Sprintf("%5.1f%% [%4.1f, %4.1f]", 100*p.Share, 100*p.Low, 100*p.High)
}

// printSummary writes s as text; durations are in ticks, which last
// monthsPerTick months (0 counts as 1).
func printSummary(w io.Writer, s *runner.Summary, monthsPerTick int) {
	unit := "ticks"
	if monthsPerTick > 1 {
		unit = fmt.Sprintf("ticks of %d months", monthsPerTick)
	}
	fmt.Fprintf(w, "%s: %s\n\n", s.Scenario, words.RunsAndSeeds(s.Runs, s.Seed))
	fmt.Fprintln(w, "Share of runs in which it ever happened (95% interval)")
	for _, k := range runner.ShareKeys {
		fmt.Fprintf(w, "  %-32s %s\n", k, percent(s.Shares[k]))
	}
	fmt.Fprintln(w, "\nMost frequent alliance shapes (share of runs)")
	for i, sh := range s.Shapes {
		if i == 10 {
			fmt.Fprintf(w, "  … %d more in summary.json / --json\n", len(s.Shapes)-10)
			break
		}
		fmt.Fprintf(w, "  %s  %s\n", percent(sh.Share), strings.Join(sh.Members, " "))
	}
	fmt.Fprintf(w, "\nSurvival of alliances (Kaplan–Meier, %s; 95%% band)\n", unit)
	fmt.Fprintf(w, "  %-20s %7s %7s %10s %s\n", "group", "n", "ended", "median", "band")
	var split *float64
	for _, g := range s.Survival {
		fmt.Fprintf(w, "  %-20s %7d %7d %10s [%s, %s]\n", g.Group, g.N, g.Events, orDash(g.Median), orDash(g.MedianLower), orDash(g.MedianUpper))
		if g.Split != nil {
			split = g.Split
		}
	}
	if split != nil {
		fmt.Fprintf(w, "  (cohesion: how far the founders' threat pictures converged when they signed;\n   low below its median %.3f, high at or above it)\n", *split)
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
	fc := s.FirstCommitment
	fmt.Fprintf(w, "\nFirst patron commitment: in %s of runs", percent(fc.Share))
	if fc.Median != nil {
		fmt.Fprintf(w, "; median after %s %s, mean %.1f", orDash(fc.Median), unit, *fc.Mean)
	}
	fmt.Fprintln(w)
}

func orDash(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%g", *v)
}

// sweepFlags are the sweep command's flags.
type sweepFlags struct {
	out, shard    string
	shards        int
	workers, runs int
	seed          uint64
	resume, force bool
	noEvents      bool
	sets          []string
	samples       int
}

func newSweepCmd() *cobra.Command {
	var f sweepFlags
	cmd := &cobra.Command{
		Use:   "sweep EXPERIMENT.toml",
		Short: "Run a parameter sweep",
		Long: `sweep runs the replications of every point of an experiment file (a scenario,
runs per point, a seed, and [[vary]] paths on a grid, a Latin hypercube, a
Morris or a Sobol design, or the points of a CSV file) into --out:
alliances.csv, events.jsonl, survival.csv, summary.json and points.csv (one
row per point). Every point plays the same seeds (common random numbers).
A Morris or Sobol sweep is then analysed by 'alliancesim sensitivity DIR'.

--set path=value (repeatable) changes the scenario at every point, as a
file extending it would (a path the experiment varies is an error);
--samples N draws the design again with N samples (lhs points, morris
trajectories, sobol base rows); --runs and --seed replace the file's (a
drawn design keeps the points the file's seed drew; --seed changes the
replications' seeds).

Scale out with --shard i/n: each of n processes runs a disjoint slice and
'alliancesim merge' combines their directories into the same bytes a single
process writes. Under a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with
--shards set to the completions) or a Slurm array (SLURM_ARRAY_TASK_ID and
SLURM_ARRAY_TASK_COUNT) the shard is read from the environment.

An interrupted sweep keeps its finished chunks; run it again with --resume.`,
		Args: oneArg("one experiment file"),
		RunE: func(cmd *cobra.Command, args []string) error { return f.sweep(cmd, args[0]) },
	}
	cmd.Flags().StringVar(&f.out, "out", "", "output directory (default: EXPERIMENT.out)")
	cmd.Flags().StringVar(&f.shard, "shard", "", "run only slice i of n (e.g. 2/4)")
	cmd.Flags().IntVar(&f.shards, "shards", 0, "number of shards when the index comes from JOB_COMPLETION_INDEX")
	cmd.Flags().IntVar(&f.workers, "workers", 0, workersHelp)
	cmd.Flags().BoolVar(&f.resume, "resume", false, "finish an interrupted sweep in --out, keeping its finished chunks")
	cmd.Flags().BoolVar(&f.force, "force", false, "replace the output of a different run or sweep in --out")
	cmd.Flags().IntVar(&f.runs, "runs", 0, "replications per point (default: the experiment's runs)")
	cmd.Flags().Uint64Var(&f.seed, "seed", 0, "base seed: replication r plays seed + r (default: the experiment's seed)")
	cmd.Flags().BoolVar(&f.noEvents, "no-events", false, "do not write events.jsonl")
	cmd.Flags().StringArrayVar(&f.sets, "set", nil, "change the scenario at every point: path=value (repeatable)")
	cmd.Flags().IntVar(&f.samples, "samples", 0, "samples of the design: lhs points, morris trajectories, sobol base rows (default: the experiment's)")
	return cmd
}

// sweep runs the experiment in file into --out and prints its points.
func (f *sweepFlags) sweep(cmd *cobra.Command, file string) error {
	x, err := f.experiment(cmd, file)
	if err != nil {
		return err
	}
	sh, err := f.shardToRun()
	if err != nil {
		return err
	}
	out := f.out
	if out == "" {
		out = strings.TrimSuffix(filepath.Base(file), ".toml") + ".out"
	}
	plan, err := untilInterrupted(cmd.Context(), "resolving the points of "+file, func() (*runner.Plan, error) {
		return plans.Experiment(x)
	})
	if err != nil {
		return err
	}
	plan.Experiment, plan.Command = file, os.Args
	update, finish := progress(filepath.Base(file))
	err = runner.Execute(cmd.Context(), plan, out, runner.ExecOptions{Workers: f.workers, Shard: sh, Resume: f.resume, Force: f.force, Progress: update})
	finish()
	wrote := err == nil
	switch {
	case errors.Is(err, runner.ErrIncomplete) && sh.Count > 1:
		fmt.Fprintf(cmd.OutOrStdout(), "shard %d/%d done in %s; combine all shards with: alliancesim merge DIR... --out DIR\n", sh.Index+1, sh.Count, out)
		return nil
	case errors.Is(err, runner.ErrComplete):
		fmt.Fprintf(cmd.ErrOrStderr(), "%s already holds the complete output of this sweep; nothing to do (the table below is the one there)\n", out)
	case err != nil:
		return interrupted(err, out)
	}
	if err := printPoints(cmd.OutOrStdout(), out, x.Events, wrote); err != nil {
		return err
	}
	if x.Design == "morris" || x.Design == "sobol" {
		fmt.Fprintf(cmd.OutOrStdout(), "Sensitivity indices: alliancesim sensitivity %s\n", out)
	}
	return nil
}

// experiment reads the experiment in file and applies the flags that
// change it: --runs, --seed, --no-events, --set and --samples.
func (f *sweepFlags) experiment(cmd *cobra.Command, file string) (*configs.Experiment, error) {
	x, err := untilInterrupted(cmd.Context(), "reading "+file, func() (*configs.Experiment, error) {
		return configs.LoadExperiment(file)
	})
	if err != nil {
		return nil, err
	}
	flags := cmd.Flags()
	if flags.Changed("runs") {
		if err := checkRuns(f.runs); err != nil {
			return nil, err
		}
		x.Runs = f.runs
	}
	if err := checkWorkers(f.workers); err != nil {
		return nil, err
	}
	if flags.Changed("seed") {
		x.Seed = f.seed
	}
	if f.noEvents {
		x.Events = false
	}
	as, err := parseSets(f.sets)
	if err != nil {
		return nil, err
	}
	// --set and --samples check every point again.
	if _, err := untilInterrupted(cmd.Context(), "checking the points of "+file, func() (struct{}, error) {
		if err := x.SetBase(as); err != nil {
			return struct{}{}, fmt.Errorf("--set: %w", err)
		}
		if flags.Changed("samples") {
			if err := x.Resample(f.samples); err != nil {
				return struct{}{}, fmt.Errorf("--samples %d: %w", f.samples, err)
			}
		}
		return struct{}{}, nil
	}); err != nil {
		return nil, err
	}
	if err := runner.CheckSeeds(x.Seed, x.Runs); err != nil {
		// Name the flags that gave the seed and runs, or the file.
		seedFrom, runsFrom := fmt.Sprintf("seed %d", x.Seed), fmt.Sprintf("runs %d", x.Runs)
		if flags.Changed("seed") {
			seedFrom = fmt.Sprintf("--seed %d", x.Seed)
		}
		if flags.Changed("runs") {
			runsFrom = fmt.Sprintf("--runs %d", x.Runs)
		}
		return nil, fmt.Errorf("%s, %s (%s): %w", seedFrom, runsFrom, file, err)
	}
	return x, nil
}

// shardToRun is the slice of the sweep this process runs: --shard, or
// the one a Kubernetes Indexed Job or a Slurm array gives, or all of it.
func (f *sweepFlags) shardToRun() (runner.Shard, error) {
	switch {
	case f.shard != "" && f.shards != 0:
		return runner.Shard{}, fmt.Errorf("--shard %s and --shards %d: allowed: one of them (--shards only with a Kubernetes Indexed Job's JOB_COMPLETION_INDEX)", f.shard, f.shards)
	case f.shard != "":
		return runner.ParseShard(f.shard)
	}
	s, ok, err := runner.ShardFromEnv(f.shards)
	if err != nil || !ok {
		return runner.Shard{Count: 1}, err
	}
	return s, nil
}

// printPoints shows each point's values and shares with their intervals,
// from points.csv (the first maxShownPoints of them: a Sobol design has
// thousands), and, when this sweep wrote them, the files written.
func printPoints(w io.Writer, out string, events, wrote bool) error {
	f, err := os.Open(filepath.Join(out, "points.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return fmt.Errorf("%s/points.csv is empty", out)
	}
	head := rows[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	vary := head[1:col[runner.ShareKeys[0]]]
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "point")
	for _, v := range vary {
		fmt.Fprintf(tw, "\t%s", v)
	}
	for _, k := range runner.ShareKeys {
		fmt.Fprintf(tw, "\t%s", k)
	}
	fmt.Fprintln(tw)
	for n, r := range rows[1:] {
		if n == maxShownPoints {
			break
		}
		fmt.Fprint(tw, r[0])
		for i := range vary {
			cell := r[1+i]
			if _, err := strconv.ParseInt(cell, 10, 64); err != nil { // whole numbers as written: a seed of 12345, not 1.234e+04
				if x, err := strconv.ParseFloat(cell, 64); err == nil {
					cell = strconv.FormatFloat(x, 'g', 4, 64) // a drawn design's values have 17 digits
				}
			}
			fmt.Fprintf(tw, "\t%s", cell)
		}
		for _, k := range runner.ShareKeys {
			fmt.Fprintf(tw, "\t%s", percentCells(r[col[k]], r[col[k+"_low"]], r[col[k+"_high"]]))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	if n := len(rows) - 1; n > maxShownPoints {
		fmt.Fprintf(w, "… %d more points in %s\n", n-maxShownPoints, filepath.Join(out, "points.csv"))
	}
	if wrote {
		fmt.Fprintf(w, "\nWritten to %s: %s.\n", out, writtenFiles(out, events, true))
	}
	return nil
}

// maxShownPoints is the most points sweep prints.
const maxShownPoints = 40

// percentCells writes a share and its interval as percent does, from the
// cells of points.csv.
func percentCells(share, low, high string) string {
	var p, l, h float64
	if _, err := fmt.Sscan(share, &p); err != nil {
		return share
	}
	fmt.Sscan(low, &l)
	fmt.Sscan(high, &h)
	return fmt.Sprintf("%5.1f%% [%4.1f, %4.1f]", 100*p, 100*l, 100*h)
}

func newMergeCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "merge DIR... --out DIR",
		Short: "Combine the output directories of sweep shards",
		Long: `merge reads the output directories written by the shards of one sweep (or one
Monte Carlo run) and writes the final files into --out, byte for byte what a
single process would have written. It fails, naming the first missing chunk,
if the shards do not cover the whole work.`,
		Args: someArgs("at least one directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("--out is required: the directory to write the merged files to")
			}
			if err := runner.Assemble(args, out); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "merged %d directories into %s\n", len(args), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "directory for the merged files")
	return cmd
}
