package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/timeline"
)

func newRunCmd() *cobra.Command {
	var (
		seed     uint64
		asJSON   bool
		verbose  bool
		runs     int
		workers  int
		out      string
		noEvents bool
		force    bool
		sets     []string
	)
	cmd := &cobra.Command{
		Use:   "run NAME|FILE",
		Short: "Run a scenario: one story, or many replications and their statistics",
		Long: `run simulates a built-in scenario or a scenario file.

With --runs 1 (the default) and no --out it plays one replication with the
given seed and prints a dated timeline — proposals, acceptances, rejections
with their reasons, alliances formed and ended, crises and occupations —
then a table of the alliances; --json prints the run's full record instead.
With --out, one run is written and summarised as many are (below).

With --runs N it plays N replications on all cores — replication i plays seed
--seed + i — and prints a summary: the share of runs in which each design
formed with its 95% interval, the most frequent alliance shapes, Kaplan–Meier
survival of alliances by kind, origin and convergence, the hub-and-spokes
index (at January of every year ending in 0, or the middle of a run that
spans none) and the time to the first patron commitment; --json prints the
summary as JSON, and --out DIR writes summary.json, runs.csv,
alliances.csv, memberships.csv, survival.csv and events.jsonl there — and
series.csv, whether each state still exists and its threat, reference point, domain and alliances over
time across the runs, when the scenario sets params.record_every — with manifest.json and scenario.toml
saying exactly what ran ('alliancesim report DIR' draws them). Running the
same command into a complete directory does nothing; into a directory it left
unfinished (interrupted), it keeps the chunks already finished under parts/
and runs only the rest; into the output of a different run it is an error
(--force replaces it). --force into a complete directory of the same run
assembles its files again from parts/.

The same seed gives the same bytes, whatever the number of workers, and
--out never changes which runs you get: 'run X --seed 7' and
'run X --seed 7 --out d' play the same replication.

--set path=value (repeatable) changes the scenario first, as a file
extending it would: params.NAME, decision.KEY, states.ID.FIELD,
states.ID.decision.KEY, states.ID.stakes.OTHER, states.ID.grievance.OTHER,
theater.generate.FIELD, scenario.ticks; the changed
scenario is checked like a file, and is what scenario.toml records.`,
		Args:              oneArg(oneScenario),
		ValidArgsFunction: scenarioArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, compiled, err := loadCompiled(args[0], sets)
			if err != nil {
				return err
			}
			if err := checkCounts(runs, workers); err != nil {
				return err
			}
			if err := outOnly(cmd, out, "no-events", "force"); err != nil {
				return err
			}
			if cmd.Flags().Changed("verbose") && (runs > 1 || out != "" || asJSON) {
				return fmt.Errorf("--verbose applies to the timeline of one run, and this command prints %s; allowed: --verbose with --runs 1, no --out and no --json", map[bool]string{true: "a summary", false: "the run's record as JSON"}[runs > 1 || out != ""])
			}
			if runs > 1 || out != "" {
				return monteCarlo(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), sc, compiled, manyOptions{runs: runs, seed: seed,
					workers: workers, out: out, events: !noEvents, asJSON: asJSON, force: force})
			}
			if err := runner.CheckSeeds(seed, 1); err != nil {
				return fmt.Errorf("--seed: %w", err)
			}
			w := sim.NewWorld(compiled, seed)
			res, err := w.Run(cmd.Context())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return printJSON(out, withSentences(res))
			}
			printTimeline(out, res, sc.Calendar, verbose)
			printAlliances(out, res)
			printRunLegend(out, res)
			return nil
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed (of the replication, or base seed of many)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the run's record (or the summary of many) as JSON")
	cmd.Flags().IntVar(&runs, "runs", 1, "number of replications")
	cmd.Flags().IntVar(&workers, "workers", 0, workersHelp)
	cmd.Flags().StringVar(&out, "out", "", "write the files of the runs to this directory: summary.json, alliances.csv, memberships.csv, runs.csv, survival.csv, events.jsonl and, with a time series, series.csv (README, \"Many runs: outputs\")")
	cmd.Flags().BoolVar(&noEvents, "no-events", false, "with --out, do not write events.jsonl")
	cmd.Flags().BoolVar(&force, "force", false, "with --out, replace the output of a different run there, or assemble this run's files again from parts/")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also show challenges that came to nothing (an occupation's challenge is always shown)")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change the scenario: path=value (repeatable)")
	return cmd
}

// printTimeline writes the events as dated lines. Proposals are followed by
// their answers on indented lines. The heading says how long a tick of
// cal is: a quarter's or a year's events are all dated by its first month
// (cal.LabelNote), and the Korean War of June 1950 reads
// 1950-04 in quarters, 1950-01 in years.
func printTimeline(w io.Writer, r *sim.Result, cal sim.Calendar, verbose bool) {
	dated := cal.LabelNote()
	if dated != "" {
		dated = ", " + dated
	}
	unit := tickLength(cal)
	fmt.Fprintf(w, "%s, seed %d: %s from %s%s\n\n", r.Scenario, r.Seed, words.Count(r.Ticks, unit+" tick", unit+" ticks"), r.Start, dated)
	for i, e := range r.Events {
		indent := ""
		switch e.Type {
		case sim.EventAcceptance, sim.EventRejection:
			indent = "    "
		case sim.EventChallenge:
			if !verbose && !followedBy(r.Events, i, sim.EventOccupation) {
				continue
			}
		}
		fmt.Fprintf(w, "%s  %s%s\n", e.Date, indent, timeline.Describe(&e))
	}
}

// describedResult is a run's record as --json prints it: the Result, each
// event with its sentence.
type describedResult struct {
	sim.Record
	Scenario string           `json:"scenario"`
	Start    string           `json:"start"`
	States   []string         `json:"states"`
	Events   []describedEvent `json:"events"`
	Series   []sim.Sample     `json:"series,omitempty"`
}

type describedEvent struct {
	sim.EventRecord
	Text string `json:"text"`
}

func withSentences(r *sim.Result) *describedResult {
	d := &describedResult{Record: r.Record, Scenario: r.Scenario, Start: r.Start, States: r.States,
		Events: make([]describedEvent, 0, len(r.Events)), Series: r.Series}
	for i := range r.Events {
		d.Events = append(d.Events, describedEvent{r.Events[i], timeline.Describe(&r.Events[i])})
	}
	return d
}

func followedBy(events []sim.EventRecord, i int, t sim.EventType) bool {
	return i+1 < len(events) && events[i+1].Type == t && events[i+1].Tick == events[i].Tick
}

func printAlliances(w io.Writer, r *sim.Result) {
	fmt.Fprintf(w, "\nAlliances (%d)\n", len(r.Alliances))
	if len(r.Alliances) == 0 {
		return
	}
	fmt.Fprintf(w, "%-3s %-12s %-10s %-6s %-8s %-8s %-8s %-12s %s\n", "id", "formed as", "origin", "commit", "formed", "patron", "ended", "cause", "members")
	for i := range r.Alliances {
		a := &r.Alliances[i]
		joined, ended, commitment := "-", "-", "weak"
		if a.PatronJoined >= 0 {
			joined = r.Date(a.PatronJoined)
		}
		if a.Ended >= 0 {
			ended = r.Date(a.Ended)
		}
		if a.Strong {
			commitment = "strong"
		}
		final := a.FinalMembers()
		var members []string // in the scenario's order of states
		for _, s := range r.States {
			if slices.Contains(final, s) {
				members = append(members, s)
			}
		}
		fmt.Fprintf(w, "%-3d %-12s %-10s %-6s %-8s %-8s %-8s %-12s %s\n", a.ID, a.Kind(), a.Origin, commitment,
			r.Date(a.Formed), joined, ended, a.Cause, strings.Join(members, " "))
	}
}
