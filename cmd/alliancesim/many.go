package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/alliancesim/alliancesim/configs"
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

// monteCarlo runs the many-replication form of `run`.
func monteCarlo(ctx context.Context, w io.Writer, sc *sim.Scenario, c *sim.Compiled, runs int, seed uint64, workers int, out string, events, asJSON bool) error {
	update, finish := progress(sc.Name)
	var summary *runner.Summary
	if out == "" {
		s, err := runner.MonteCarlo(ctx, c, runner.Options{Runs: runs, Seed: seed, Workers: workers, Progress: update})
		finish()
		if err != nil {
			return err
		}
		summary = s
	} else {
		plan := &runner.Plan{Scenario: sc.Name, Runs: runs, Seed: seed, Events: events,
			Points: []runner.Point{{Compiled: c}}}
		err := runner.Execute(ctx, plan, out, runner.ExecOptions{Workers: workers, Resume: true, Progress: update})
		finish()
		if err != nil {
			return interrupted(err, out)
		}
		b, err := os.ReadFile(filepath.Join(out, "summary.json"))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &summary); err != nil {
			return err
		}
	}
	if asJSON {
		return printJSON(w, summary)
	}
	printSummary(w, summary)
	if out != "" {
		fmt.Fprintf(w, "\nWritten to %s: summary.json, alliances.csv, survival.csv%s.\n", out, map[bool]string{true: ", events.jsonl"}[events])
	}
	return nil
}

func interrupted(err error, out string) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted; the finished chunks are in %s: run the same command again (with --resume for sweeps) to finish", out)
	}
	return err
}

func printSummary(w io.Writer, s *runner.Summary) {
	fmt.Fprintf(w, "%s: %d runs from seed %d\n\n", s.Scenario, s.Runs, s.Seed)
	fmt.Fprintln(w, "Share of runs in which it ever happened")
	for _, k := range runner.ShareKeys {
		fmt.Fprintf(w, "  %-32s %6.1f%%\n", k, 100*s.Shares[k])
	}
	fmt.Fprintln(w, "\nMost frequent alliance shapes (share of runs)")
	for i, sh := range s.Shapes {
		if i == 10 {
			fmt.Fprintf(w, "  … %d more in summary.json / --json\n", len(s.Shapes)-10)
			break
		}
		fmt.Fprintf(w, "  %6.1f%%  %s\n", 100*sh.Share, strings.Join(sh.Members, " "))
	}
	fmt.Fprintln(w, "\nSurvival of alliances (Kaplan–Meier, ticks; 95% band)")
	fmt.Fprintf(w, "  %-20s %7s %7s %10s %s\n", "group", "n", "ended", "median", "band")
	for _, g := range s.Survival {
		fmt.Fprintf(w, "  %-20s %7d %7d %10s [%s, %s]\n", g.Group, g.N, g.Events, orDash(g.Median), orDash(g.MedianLower), orDash(g.MedianUpper))
	}
	fmt.Fprintln(w, "\nHub-and-spokes index of the patron (bilateral ÷ all patron alliances)")
	for _, h := range s.HubSpokes {
		fmt.Fprintf(w, "  %s  mean %.2f over %d runs with a patron alliance; ≤ 0.3 in %.1f%%, ≥ 0.6 in %.1f%% of all runs\n",
			h.Date, h.Mean, h.Runs, 100*h.Share03, 100*h.Share06)
	}
	fc := s.FirstCommitment
	fmt.Fprintf(w, "\nFirst patron commitment: in %.1f%% of runs", 100*fc.Share)
	if fc.Median != nil {
		fmt.Fprintf(w, "; median after %s ticks, mean %.1f", orDash(fc.Median), *fc.Mean)
	}
	fmt.Fprintln(w)
}

func orDash(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%g", *v)
}

func newSweepCmd() *cobra.Command {
	var (
		out, shard string
		shards     int
		workers    int
		resume     bool
	)
	cmd := &cobra.Command{
		Use:   "sweep EXPERIMENT.toml",
		Short: "Run a parameter sweep",
		Long: `sweep runs the replications of every point of an experiment file (a scenario,
runs per point, a seed, and [[vary]] paths on a grid or a Latin hypercube)
into --out: alliances.csv, events.jsonl, survival.csv, summary.json and
points.csv (one row per point).

Scale out with --shard i/n: each of n processes runs a disjoint slice and
'alliancesim merge' combines their directories into the same bytes a single
process writes. Under a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with
--shards set to the completions) or a Slurm array (SLURM_ARRAY_TASK_ID and
SLURM_ARRAY_TASK_COUNT) the shard is read from the environment.

An interrupted sweep keeps its finished chunks; run it again with --resume.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := configs.LoadExperiment(args[0])
			if err != nil {
				return err
			}
			sh := runner.Shard{Count: 1}
			switch {
			case shard != "":
				if sh, err = runner.ParseShard(shard); err != nil {
					return err
				}
			default:
				s, ok, err := runner.ShardFromEnv(shards)
				if err != nil {
					return err
				}
				if ok {
					sh = s
				}
			}
			if out == "" {
				out = strings.TrimSuffix(filepath.Base(args[0]), ".toml") + ".out"
			}
			plan, err := runner.ExperimentPlan(args[0], x)
			if err != nil {
				return err
			}
			update, finish := progress(filepath.Base(args[0]))
			err = runner.Execute(cmd.Context(), plan, out, runner.ExecOptions{Workers: workers, Shard: sh, Resume: resume, Progress: update})
			finish()
			if errors.Is(err, runner.ErrIncomplete) && sh.Count > 1 {
				fmt.Fprintf(cmd.OutOrStdout(), "shard %d/%d done in %s; combine all shards with: alliancesim merge DIR... --out DIR\n", sh.Index+1, sh.Count, out)
				return nil
			}
			if err != nil {
				return interrupted(err, out)
			}
			return printPoints(cmd.OutOrStdout(), out)
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "output directory (default: EXPERIMENT.out)")
	cmd.Flags().StringVar(&shard, "shard", "", "run only slice i of n (e.g. 2/4)")
	cmd.Flags().IntVar(&shards, "shards", 0, "number of shards when the index comes from JOB_COMPLETION_INDEX")
	cmd.Flags().IntVar(&workers, "workers", 0, "parallel replications (default: GOMAXPROCS)")
	cmd.Flags().BoolVar(&resume, "resume", false, "finish an interrupted sweep in --out, keeping its finished chunks")
	return cmd
}

func printPoints(w io.Writer, out string) error {
	b, err := os.ReadFile(filepath.Join(out, "points.csv"))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s", b)
	fmt.Fprintf(w, "\nWritten to %s: summary.json, points.csv, alliances.csv, survival.csv and events.jsonl.\n", out)
	return nil
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
		Args: cobra.MinimumNArgs(1),
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
