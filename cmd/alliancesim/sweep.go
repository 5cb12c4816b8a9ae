package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
)

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
Morris or a Sobol design, or the points of a CSV file) into --out: the files
of 'run --out' (summary.json, runs.csv, alliances.csv, memberships.csv,
survival.csv, events.jsonl, series.csv where the scenario records a series,
manifest.json, scenario.toml), the tables and events.jsonl with a point
column, and points.csv, one row per point. Every point plays the same seeds
(common random numbers).
A Morris or Sobol sweep is then analysed by 'alliancesim sensitivity DIR'.

--set path=value (repeatable) changes the scenario at every point, as a
file extending it would (a path the experiment varies is an error);
--samples N draws the design again with N samples (lhs points, morris
trajectories, sobol base rows), or gives them to a file that sets none; --runs and --seed replace the file's (a
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
	cmd.Flags().StringVar(&f.out, "out", "", "output directory (default: NAME.out in the current directory, for the experiment file NAME.toml)")
	cmd.Flags().StringVar(&f.shard, "shard", "", "run only slice i of n (e.g. 2/4)")
	cmd.Flags().IntVar(&f.shards, "shards", 0, "number of shards when the index comes from JOB_COMPLETION_INDEX")
	cmd.Flags().IntVar(&f.workers, "workers", 0, workersHelp)
	cmd.Flags().BoolVar(&f.resume, "resume", false, "finish an interrupted sweep in --out, keeping its finished chunks")
	cmd.Flags().BoolVar(&f.force, "force", false, "replace the output of a different run or sweep in --out, or assemble this sweep's files again from parts/")
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
	if f.shard == "" && sh.Count > 1 {
		// A Slurm array shards every sweep it runs without being asked
		// (an array of one experiment per task would run a slice of
		// each): say so before the work.
		fmt.Fprintf(cmd.ErrOrStderr(), "running shard %d/%d of %s, from the scheduler's environment (%s); --shard 1/1 runs the whole sweep\n",
			sh.Index+1, sh.Count, file, runner.ShardEnvSource())
	}
	out := f.out
	if out == "" {
		out = configs.TrimTOML(filepath.Base(file)) + ".out"
	}
	if err := checkOutputDir(out); err != nil {
		return err
	}
	plan, err := untilInterrupted(cmd.Context(), "resolving the points of "+file, func() (*runner.Plan, error) {
		return plans.Experiment(x)
	})
	if err != nil {
		return err
	}
	plan.Experiment, plan.Command = file, commandLine()
	update, finish := progress(filepath.Base(file))
	err = runner.Execute(cmd.Context(), plan, out, runner.ExecOptions{Workers: f.workers, Shard: sh, Resume: f.resume, Force: f.force, Progress: update,
		Notice: func(msg string) { fmt.Fprintln(cmd.ErrOrStderr(), msg) }})
	finish()
	complete := errors.Is(err, runner.ErrComplete)
	switch {
	case errors.Is(err, runner.ErrIncomplete) && sh.Count > 1:
		fmt.Fprintf(cmd.OutOrStdout(), "shard %d/%d done in %s; combine all shards with: alliancesim merge DIR... --out DIR\n", sh.Index+1, sh.Count, out)
		return nil
	case err != nil && !complete:
		return executeError(err, out, "--resume")
	}
	// The table is points.csv checked against the manifest, and every
	// result file against summary.json's record of it: one that is
	// damaged, or not this sweep's, is not printed. (Not summary.json
	// itself, which a large sweep's is too large to read whole.)
	m, err := runner.ReadManifest(out)
	var table pointsTable
	if err == nil {
		err = runner.VerifyResults(out, m)
	}
	if err == nil {
		table, err = readPointsTable(out, m)
	}
	switch {
	case err != nil && complete:
		return lookedComplete(err, out, "sweep", "remove summary.json and run again with --resume to assemble its files anew from parts/")
	case err != nil:
		return err
	case complete:
		fmt.Fprintln(cmd.ErrOrStderr(), completeNote(out, "sweep", "the table below", f.force))
	}
	printPoints(cmd.OutOrStdout(), out, m, table, x.Events, !complete)
	if x.Design == "morris" || x.Design == "sobol" {
		fmt.Fprintf(cmd.OutOrStdout(), "Sensitivity indices: alliancesim sensitivity %s\n", out)
	}
	return nil
}

// experiment reads the experiment in file and applies the flags that
// change it: --runs, --seed, --no-events, --set and --samples.
func (f *sweepFlags) experiment(cmd *cobra.Command, file string) (*configs.Experiment, error) {
	flags := cmd.Flags()
	samples := 0 // a file without samples takes --samples
	if flags.Changed("samples") {
		if f.samples < 1 || f.samples > configs.MaxPoints {
			return nil, fmt.Errorf("--samples %d: allowed: a whole number in [1, %d] (at least 2 for morris and sobol)", f.samples, configs.MaxPoints)
		}
		samples = f.samples
	}
	x, err := untilInterrupted(cmd.Context(), "reading "+file, func() (*configs.Experiment, error) {
		// --runs or --seed replace the file's: the file's seed with its
		// own runs is not refused for reaching past the largest seed,
		// and the seeds played are checked below, naming the flags.
		return configs.LoadExperimentWith(file, configs.Overrides{Samples: samples, ReplacesSeeds: flags.Changed("runs") || flags.Changed("seed")})
	})
	if err != nil {
		return nil, err
	}
	if flags.Changed("runs") {
		if err := checkRunsAtMost(f.runs, configs.MaxRuns); err != nil {
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
		// A file without samples was drawn with --samples already
		// (LoadExperimentWith); one with the same number drew the same
		// points: drawing again would double the time for nothing.
		if flags.Changed("samples") && x.Samples != f.samples {
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
		s, err := runner.ParseShard(f.shard)
		if err != nil {
			return s, fmt.Errorf("--%w", err) // "--shard "0/2": allowed: …", by its flag
		}
		return s, nil
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
func printPoints(w io.Writer, out string, m *runner.Manifest, table pointsTable, events, wrote bool) {
	rows, col := table.rows, table.col
	vary := m.Vary
	// What ran and what the cells are, as run --runs heads its summary.
	fmt.Fprintf(w, "%s: %s of %s at every point\n", m.Scenario, words.Count(len(rows)-1, "point", "points"), words.RunsAndSeeds(m.Runs, m.Seed))
	fmt.Fprintln(w, "Share of each point's runs in which it ever happened (95% interval; README, \"Many runs: outputs\", says what each share counts)")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "point")
	for _, v := range vary {
		fmt.Fprintf(tw, "\t%s", v)
	}
	shareKeys := runner.ShareKeys()
	for _, k := range shareKeys {
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
		for _, k := range shareKeys {
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
}

// pointsTable is points.csv of a sweep: its rows, the header first, and
// the column of each header name.
type pointsTable struct {
	rows [][]string
	col  map[string]int
}

// readPointsTable reads points.csv of a sweep's output directory, checked
// against the manifest (checkPointsTable).
func readPointsTable(out string, m *runner.Manifest) (pointsTable, error) {
	path := filepath.Join(out, "points.csv")
	f, err := input.OpenRegular(path) // a FIFO would block for ever
	if err != nil {
		return pointsTable{}, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return pointsTable{}, fmt.Errorf("%s: %v", path, err)
	}
	table := pointsTable{rows: rows, col: map[string]int{}}
	if len(rows) > 0 {
		for i, h := range rows[0] {
			table.col[h] = i
		}
	}
	if err := checkPointsTable(path, table, m); err != nil {
		return pointsTable{}, err
	}
	return table, nil
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
		Long: `merge reads the output directories written by the shards of one sweep
(sweep --shard i/n) and writes the final files into --out, byte for byte what
a single process would have written; only manifest.json differs, naming the
merge's command and each directory merged with the commands that wrote it. It fails, naming the first
missing chunk, if the shards do not cover the whole work.`,
		Args: someArgs("at least one directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New("--out is required: the directory to write the merged files to")
			}
			if err := checkOutputDir(out); err != nil {
				return err
			}
			if err := runner.MergeContext(cmd.Context(), args, out, commandLine()); err != nil {
				if errors.Is(err, context.Canceled) {
					return interruption(fmt.Sprintf("interrupted; nothing was merged: %s and the directories merged are as they were; merge again to finish", out))
				}
				return notWritable("--out "+out, out, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "merged %s into %s\n", words.Count(len(args), "directory", "directories"), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "directory for the merged files")
	return cmd
}

// checkPointsTable checks that points.csv is this sweep's table: a row
// per point of the manifest, in order, with its paths and every share.
func checkPointsTable(path string, table pointsTable, m *runner.Manifest) error {
	damaged := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s: the file is damaged or from another sweep", path, fmt.Sprintf(format, args...))
	}
	rows, col := table.rows, table.col
	if len(rows) == 0 {
		return damaged("no header")
	}
	head := rows[0]
	if len(head) < 1+len(m.Vary) || head[0] != "point" || !slices.Equal(head[1:1+len(m.Vary)], m.Vary) {
		return damaged("the header begins %q; allowed: point, then the paths %s", strings.Join(head[:min(len(head), 1+len(m.Vary))], ","), strings.Join(m.Vary, ", "))
	}
	for _, k := range runner.ShareKeys() {
		for _, c := range []string{k, k + "_low", k + "_high"} {
			if _, ok := col[c]; !ok {
				return damaged("no column %s", c)
			}
		}
	}
	if n := len(rows) - 1; n != len(m.Points) {
		return damaged("%s; the manifest has %d", words.Count(n, "point", "points"), len(m.Points))
	}
	for i, r := range rows[1:] {
		if r[0] != strconv.Itoa(i) {
			return damaged("line %d is point %q; allowed: %d, the points in order", i+2, r[0], i)
		}
	}
	return nil
}
