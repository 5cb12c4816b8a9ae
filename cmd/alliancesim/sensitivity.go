package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
)

func newSensitivityCmd() *cobra.Command {
	var (
		output    string
		resamples int
	)
	cmd := &cobra.Command{
		Use:   "sensitivity DIR",
		Short: "Global sensitivity indices of a Morris or Sobol sweep",
		Long: `sensitivity reads the output directory of a complete sweep whose experiment
file says design = "morris" or design = "sobol" (its manifest.json: the
design and each point's unit coordinates; summary.json: each point's
outputs) and estimates, for every output — each share, and each custom
measure of an embedding program — how much each varied parameter moves
it, from the mean of the output at each point:

  sobol   first-order S1 (the share of the output's variance a parameter
          explains alone) and total ST (alone and through interactions),
          Jansen's estimators (Saltelli et al. 2010);
  morris  μ* (the mean absolute elementary effect, Campolongo et al. 2007;
          it ranks the parameters), μ and σ (interactions, non-linearity);

each with a 95% bootstrap percentile interval (--resamples resamples drawn
from the sweep's seed: the same directory gives the same numbers). It
prints the parameters by importance (ST or μ*) for --output, or for every
output, and writes all of them to DIR/sensitivity.csv (output, parameter,
index, estimate, low, high, and the interval's level, resamples and
bootstrap seed), replacing any it held. The replication noise
of the point means is reported beside each output: the mean over the points
(under sobol, its A and B rows) of the variance of a point's mean from
replication to replication (a share p over n runs: p(1−p)/(n−1)), as a part
of the variance of those point means; when it is a large part, give the
points more runs. An index outside [0, 1] (an S1 below 0, an ST above 1)
or an interval reaching past it is sampling error: give the design more
samples. Under each output's Sobol table, a line names the indices the
design does not resolve: an interval wider than [0, 1], or an index
outside [0, 1] with its whole interval.`,
		Args: oneArg("one output directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if resamples < minResamples || resamples > 100_000 {
				return fmt.Errorf("--resamples %d: allowed: a whole number in [%d, 100000] (fewer leave too few resamples in each 2.5%% tail of a 95%% interval: at 40 or fewer its lower end is the smallest resample and its upper end lies between the two largest)", resamples, minResamples)
			}
			s, err := runner.SensitivityOf(dir, nil, sensitivity.Bootstrap{Resamples: resamples})
			if err != nil {
				return err
			}
			show := s.Outputs
			if output != "" {
				measures := []string{}
				for _, o := range s.Outputs[len(runner.ShareKeys()):] {
					measures = append(measures, o.Output)
				}
				o, err := runner.ParseOutput(output, measures)
				if err != nil {
					return fmt.Errorf("--output %w", err)
				}
				for i := range s.Outputs {
					if s.Outputs[i].Output == o.String() {
						show = s.Outputs[i : i+1]
					}
				}
			}
			// Printed first: indices of a directory that cannot be
			// written (read-only storage) are still shown.
			w := cmd.OutOrStdout()
			printSensitivity(w, dir, s, show)
			if err := runner.WriteSensitivity(dir, s); err != nil {
				return fmt.Errorf("the indices are above, but %s was not written: %w", filepath.Join(dir, "sensitivity.csv"), err)
			}
			fmt.Fprintf(w, "\nWritten to %s (every output).\n", filepath.Join(dir, "sensitivity.csv"))
			return nil
		},
	}
	cmd.Flags().StringVar(&output, "output", "", "the output to show: a share (e.g. patron_multilateral) or a custom measure (default: every one)")
	cmd.Flags().IntVar(&resamples, "resamples", sensitivity.DefaultResamples, fmt.Sprintf("bootstrap resamples of each interval, at least %d", minResamples))
	return cmd
}

// minResamples is the fewest bootstrap resamples of a 95% percentile
// interval. Each 2.5% tail needs resamples beyond the interval's end: at
// 1/0.025 = 40 or fewer the lower end is the smallest resample and the
// upper end lies between the two largest (gonum's stat.Quantile, linear
// interpolation), whatever their values; at 100 each tail holds 2.5 of
// them.
const minResamples = 100

// printSensitivity writes the indices of the outputs, each output's
// parameters by importance.
func printSensitivity(w io.Writer, dir string, s *runner.Sensitivity, outputs []runner.OutputSensitivity) {
	d := s.Design
	switch d.Kind {
	case "sobol":
		fmt.Fprintf(w, "%s: Sobol indices (Jansen), N = %d base rows (%s base), %d paths: %d points × %s\n", dir, d.Samples, d.Base, len(s.Vary), s.Points, words.Count(s.Runs, "run", "runs"))
		fmt.Fprintln(w, "S1: share of the variance of the point means a parameter explains alone; ST: alone and with others")
	case "morris":
		fmt.Fprintf(w, "%s: elementary effects (Morris), %d trajectories on %d levels, %d paths: %d points × %s\n", dir, d.Samples, d.Levels, len(s.Vary), s.Points, words.Count(s.Runs, "run", "runs"))
		fmt.Fprintln(w, "μ*: mean absolute effect over the whole range of a parameter (ranks them); μ: mean effect; σ: its spread")
	}
	fmt.Fprintf(w, "95%% bootstrap intervals, %s, seed %d\n", words.Count(s.Bootstrap.Resamples, "resample", "resamples"), s.Bootstrap.Seed)
	for _, o := range outputs {
		if o.Missing != "" {
			fmt.Fprintf(w, "\n%s  (%s: no indices; sensitivity.csv has its rows empty)\n", o.Output, o.Missing)
			continue
		}
		over := "the points"
		if o.Sobol != nil {
			over = "the A and B rows" // the variance the indices share out
		}
		fmt.Fprintf(w, "\n%s  (mean over %s %.3f, variance %.4g", o.Output, over, o.Mean, o.Variance)
		switch {
		case o.Variance > 0 && math.IsNaN(o.Noise):
			fmt.Fprintln(w, "; replication noise unknown: a point has fewer than two runs that give it a value, so the indices may be noise alone; give the points more runs)")
		case o.Variance > 0 && o.Noise > o.Variance:
			// The noise is estimated: it can come out above the variance it is
			// a part of, and then the indices are noise alone.
			fmt.Fprintf(w, ", of which replication noise ≈ %.0f%%: more than all of it, so the indices are noise; give the points more runs)\n", 100*o.Noise/o.Variance)
		case o.Variance > 0:
			fmt.Fprintf(w, ", of which replication noise ≈ %.0f%%)\n", 100*o.Noise/o.Variance)
		case o.Morris != nil:
			fmt.Fprintln(w, ")")
			fmt.Fprintln(w, "  does not vary over the design: every effect is 0")
			continue
		default:
			fmt.Fprintln(w, ")")
			fmt.Fprintln(w, "  does not vary over the A and B rows: no indices (each is a fraction of their variance, 0; sensitivity.csv has its rows empty)")
			continue
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		switch {
		case o.Sobol != nil:
			fmt.Fprintln(tw, "  parameter\tS1 [95%]\tST [95%]")
			for _, i := range o.Ranked() {
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", s.Vary[i], interval(o.Sobol.First[i]), interval(o.Sobol.Total[i]))
			}
		case o.Morris != nil:
			fmt.Fprintln(tw, "  parameter\tμ* [95%]\tμ [95%]\tσ [95%]")
			for _, i := range o.Ranked() {
				// σ to three decimals, as μ* and μ: with %g, effects equal but for
				// rounding printed a σ of 1.57e-16 beside a μ of 0.250.
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.Vary[i], interval(o.Morris.MuStar[i]), interval(o.Morris.Mu[i]), interval(o.Morris.Sigma[i]))
			}
		}
		tw.Flush()
		if o.Sobol != nil {
			if note := unresolved(o.Sobol, s.Vary); note != "" {
				fmt.Fprintf(w, "  sampling error at %d base rows, give the design more samples: %s\n", d.Samples, note)
			}
		}
	}
}

// unresolved names the Sobol indices of an output that its design does
// not resolve (sensitivity.SobolResolution), or "": those whose interval
// is wider than [0, 1], the whole range an index can take, and those that
// lie outside [0, 1] with their whole interval (an S1 below 0, an ST
// above 1), where the sampling error is larger than the interval shows.
// An index near 0 whose interval crosses 0 is not named: that is what a
// small index looks like. The report marks the same indices.
func unresolved(si *sensitivity.SobolIndices, vary []string) string {
	kinds := [...]string{"intervals wider than [0, 1]", "below 0, interval and all", "above 1, interval and all"}
	var items [len(kinds)][]string // per kind: "S1 of a, b", "ST of c"
	for _, ix := range []struct {
		name string
		ivs  []sensitivity.Interval
	}{{"S1", si.First}, {"ST", si.Total}} {
		var paths [len(kinds)][]string
		for i, iv := range ix.ivs {
			if r := sensitivity.SobolResolution(iv); r != sensitivity.Resolved {
				paths[r-1] = append(paths[r-1], vary[i]) // kinds in the order of the resolutions
			}
		}
		for k, p := range paths {
			if len(p) > 0 {
				items[k] = append(items[k], ix.name+" of "+strings.Join(p, ", "))
			}
		}
	}
	var parts []string
	for k, it := range items {
		if len(it) > 0 {
			parts = append(parts, kinds[k]+" ("+strings.Join(it, "; ")+")")
		}
	}
	return strings.Join(parts, "; ")
}

// interval writes an estimate with its interval, or — when undefined.
func interval(iv sensitivity.Interval) string {
	if math.IsNaN(iv.Estimate) {
		return "—"
	}
	if math.IsNaN(iv.Low) {
		return fmt.Sprintf("%6.3f", iv.Estimate)
	}
	return fmt.Sprintf("%6.3f [%6.3f, %6.3f]", iv.Estimate, iv.Low, iv.High)
}
