package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/calibration"
	"github.com/alliancesim/alliancesim/runner"
)

func newCalibrateCmd() *cobra.Command {
	var (
		out     string
		runs    int
		workers int
		sets    []string
	)
	cmd := &cobra.Command{
		Use:   "calibrate [SCENARIO...]",
		Short: "Calibrate the free inputs of the historical scenarios (regenerates docs/calibration.md)",
		Long: `calibrate runs the calibration of the historical scenarios (all, or those
named: europe-1947, asia-1950): every combination of each scenario's free
inputs — facts the record does not pin down, listed with why in package
calibration — that its constraints admit (the orders between them it
states, with their reasons) over the calibration seeds 1–500, the choice
by the stated rule (most targets met, then the smallest total shortfall,
then the first in grid order), and the chosen values over the held-out
seeds 1001–1500, which never enter the choice. With --runs N the seeds
are 1–N and 1001–(1000+N), N at most 1000 so that the two ranges never
meet. It prints the report as Markdown, or writes it to --out
(docs/calibration.md is this command's output with the defaults); with
other runs, or some of the scenarios, it is a probe, and the report's first
line says it is not the calibration of record and which options make it
differ.

With --set it is a probe too: how the calibration would come out under
another model default or another fact, every candidate and the held-out
check run with the changes, and the report says so in its first line. A
calibrated input cannot be set.`,
		Example: `  alliancesim calibrate --out docs/calibration.md
  alliancesim calibrate europe-1947 --runs 50
  alliancesim calibrate --runs 200 --set params.p_weak=0.75 --set params.p_strong=0.75`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := calibration.CheckRuns(runs); err != nil {
				return fmt.Errorf("--runs: %w", err) // its range, before the general one
			}
			if err := checkCounts(runs, workers); err != nil {
				return err
			}
			if out != "" {
				if err := checkOutFile("--out", out); err != nil {
					return err
				}
			}
			as, err := parseSets(sets)
			if err != nil {
				return err
			}
			specs := calibration.Specs()
			var names []string
			for _, s := range specs {
				names = append(names, s.Scenario)
			}
			if len(args) > 0 {
				var chosen []calibration.Spec
				for k, a := range args {
					i := slices.Index(names, a)
					if i < 0 {
						return fmt.Errorf("%q has no calibration; allowed: %s", a, strings.Join(names, ", "))
					}
					if slices.Contains(args[:k], a) {
						return fmt.Errorf("%q is named twice; allowed: each of %s once", a, strings.Join(names, ", "))
					}
					chosen = append(chosen, specs[i])
				}
				specs = chosen
			}
			opts := calibration.Options{Runs: runs, Workers: workers, Set: as}
			for _, s := range specs { // all, before any runs: a --set one refuses must not cost the others' runs
				if err := calibration.Check(s, opts); err != nil {
					return setFault(err)
				}
			}
			var reps []*calibration.Report
			for _, s := range specs {
				update, finish := progress("calibrate " + s.Scenario)
				opts.Progress = update
				rep, err := calibration.Run(cmd.Context(), s, opts)
				finish()
				if err != nil {
					return err
				}
				reps = append(reps, rep)
			}
			var b bytes.Buffer
			if err := calibration.Write(&b, reps); err != nil {
				return err
			}
			if out == "" {
				_, err := cmd.OutOrStdout().Write(b.Bytes())
				return err
			}
			return runner.WriteFileAtomic(out, b.Bytes())
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write the report to this file (atomically) instead of printing it")
	cmd.Flags().IntVar(&runs, "runs", calibration.Runs, "replications per candidate and for the held-out check")
	cmd.Flags().IntVar(&workers, "workers", 0, "parallel replications (default: GOMAXPROCS)")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "a probe: change every candidate, path=value (repeatable), e.g. --set params.p_weak=0.75")
	return cmd
}
