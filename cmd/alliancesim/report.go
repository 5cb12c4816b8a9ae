package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/report"
)

func newReportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "report DIR",
		Short: "Write DIR/report.html: the results of a run, sweep or hypotheses directory as pictures",
		Long: `report reads an output directory — of 'run --runs N --out DIR', 'run --seed S
--out DIR' (one replication), 'sweep' or 'hypotheses --out DIR' — and writes
DIR/report.html: one self-contained page (figures inline as SVG, nothing
loaded from elsewhere, no script) with the provenance of the results
(version, revision, scenario hash, command) and

  many runs     the shares with their intervals, Kaplan–Meier survival by kind,
                by origin and by convergence with 95% bands, the time to the
                first patron commitment, hub and spokes over time, threat and
                domain over time per state (with params.record_every), the
                most frequent alliance shapes, and the theatre after the first
                tick and at the end of the median run;
  one run       its alliances as a timeline beside its events, its series and
                its theatre after the first tick and at the end;
  a sweep       the response of each share to each varied parameter, and the
                pooled shares, survival and shapes; of a Morris or Sobol
                design, each share's sensitivity indices with their 95%
                intervals (S1 and ST; μ*, and σ against μ*), as
                'alliancesim sensitivity DIR' computes them at its default
                resamples;
  hypotheses    the table of verdicts and a response plot per hypothesis.

The same directory gives the same bytes.`,
		Args: oneArg("one output directory"),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			path, err := report.Write(cmd.Context(), dir)
			if err != nil {
				// Only report.html's own error is the directory's to blame
				// (report.Write gives it as a *fs.PathError of it): an input
				// it could not read stopped it before it wrote anything,
				// and is named as itself, whether or not dir is writable.
				var pe *fs.PathError
				if errors.As(err, &pe) && pe.Path == filepath.Join(dir, "report.html") {
					return notWritable(dir, dir, err) // as run and merge refuse an --out they cannot write
				}
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return nil
		},
	}
}
