package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// checkTargets runs a scenario and evaluates the HISTORY.md targets ts
// on it (scoringTargets gives them).
func checkTargets(ctx context.Context, sc *sim.Scenario, ts []targets.Target, runs int, seed uint64, workers int, what string) ([]targets.Result, error) {
	c, err := sim.Compile(sc)
	if err != nil {
		return nil, err
	}
	var records []runner.Record
	update, finish := progress(what)
	if err := runner.CheckSeeds(seed, runs); err != nil {
		return nil, fmt.Errorf("--seed %d --runs %d: %w", seed, runs, err)
	}
	_, err = runner.MonteCarlo(ctx, c, runner.Options{Runs: runs, Seed: seed, Workers: workers, Progress: update,
		OnRecord: func(r *runner.Record) { records = append(records, targets.Slim(r)) }})
	finish()
	if err != nil {
		return nil, err
	}
	return targets.EvaluateScenario(ts, records, sc), nil
}

func historical() []string { return targets.Scenarios() }

// scoringTargets are the targets check scores sc (read from ref) against:
// with --targets (of, a historical scenario: the caller has checked it),
// of's, where they can score it (targets.CheckOther: it holds the states
// they name and their months); without, sc's own, found by its name
// (targets.For). A scenario without targets of its own is refused with
// the flag to give, and the built-in with targets that its chain of
// extends reaches, if any, as the one to give it.
func scoringTargets(ref string, sc *sim.Scenario, of string) ([]targets.Target, error) {
	if of != "" {
		own, err := configs.Builtin(of)
		if err != nil {
			return nil, err
		}
		ts := targets.For(of)
		if err := targets.CheckOther(ts, sc, own); err != nil {
			if ref != sc.Name { // a file (a built-in's ref is its name: --set cannot rename it)
				return nil, fmt.Errorf("--targets %s: %s: %w", of, ref, err)
			}
			return nil, fmt.Errorf("--targets %s: %w", of, err)
		}
		return ts, nil
	}
	if ts := targets.For(sc.Name); ts != nil {
		return ts, nil
	}
	hint := ""
	for _, base := range configs.Bases(ref) {
		if slices.Contains(historical(), base) {
			hint = fmt.Sprintf("; it extends %s: to score it against %s's targets, give --targets %s", base, base, base)
			break
		}
	}
	return nil, fmt.Errorf("%s has no historical targets of its own (they are found by the scenario's name); allowed: %s, a file that extends one and keeps its name, or any scenario with --targets NAME (NAME one of %s) to score it against NAME's%s",
		sc.Name, strings.Join(historical(), ", "), strings.Join(historical(), ", "), hint)
}

// targetsNote says, for check --targets of, that the scenario named name
// is not of itself where it is not ("" where it is, or without --targets).
func targetsNote(name, of string) string {
	if of == "" || name == of {
		return ""
	}
	return fmt.Sprintf("%s is not %s itself: it is scored against the targets of %s's historical record.", name, of, of)
}

// checkName refuses a name that is no built-in scenario with the names
// check takes, where the loader would offer every built-in, generic
// among them, which check then refuses for having no targets. A path, or
// a built-in, is left to the loader and to checkTargets.
func checkName(ref string) error {
	if !configs.IsBuiltinRef(ref) || slices.Contains(configs.BuiltinNames(), ref) {
		return nil
	}
	return fmt.Errorf("%q is not a historical scenario; allowed: %s, a path to a .toml file that extends one and keeps its name, or any scenario with --targets NAME%s",
		ref, strings.Join(historical(), ", "), configs.FileHint(ref))
}

func newCheckCmd() *cobra.Command {
	var (
		runs    int
		seed    uint64
		workers int
		asJSON  bool
		sets    []string
		of      string
	)
	cmd := &cobra.Command{
		Use:   "check NAME|FILE",
		Short: "Check a historical scenario against the historical record's targets (listed in docs/model.md §1.2.1)",
		Long: `check runs a historical scenario (europe-1947 or asia-1950, or a file that
extends one and keeps its name: the targets are found by the scenario's
name) and evaluates every statistical target of the
historical record: a row per target with its id, what it says, the share of
runs meeting it with its 95% interval, the runs it is over, the threshold and
whether it is met. A target is judged on the states it names that the
scenario has (a file may drop some), as long as it has as many as the
target needs (E1, E3 and E4 two of the five Brussels powers, E2 four, A1
three of its four, A8 Korea or the ROC, every other target all it names),
and its row says which it was judged without. A target with fewer, or that
reads a patron's alliances where there is no patron, is not evaluated: it
says what is missing and is not met. Replication i plays
seed --seed + i (the one seeding rule
of every command), so the defaults are the specification's calibration
seeds 1–500 and --seed 1001 gives its held-out seeds 1001–1500
(docs/model.md §1.2.1). Shares are printed in
percent to one decimal rounded down, so that one short of its threshold
never prints as reaching it (2 of 3 runs is 66.6%; run rounds its shares to
the nearest). It reports; it exits 0 unless it could not run.

With --targets NAME (europe-1947 or asia-1950) it scores any scenario
against NAME's targets: a counterfactual of NAME under a name of its own,
such as examples/scenarios/asia-no-korean-war.toml with --targets asia-1950,
to see which of the record's targets it loses. The output (and the JSON's
targets_of and targets_note) says whose targets they are, and that the
scenario is not NAME where it is not. The targets read states by id and
months by date, so a scenario that lacks a state a target cannot be judged
without (or a patron), starts after NAME or ends before a month a target
reads is refused, with each target and what it lacks.`,
		Example: `  alliancesim check asia-1950 --runs 100
  alliancesim check examples/scenarios/asia-no-korean-war.toml --targets asia-1950 --runs 100`,
		Args:              oneArg(oneScenario),
		ValidArgsFunction: historicalArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkCounts(runs, workers); err != nil {
				return err
			}
			if of == "" { // with --targets any scenario may be scored: the loader names them
				if err := checkName(args[0]); err != nil {
					return err
				}
			} else if !slices.Contains(historical(), of) { // before the scenario is read
				return fmt.Errorf("--targets %q: no historical targets; allowed: %s", of, strings.Join(historical(), ", "))
			}
			sc, err := loadWithSets(args[0], sets)
			if err != nil {
				return err
			}
			ts, err := scoringTargets(args[0], sc, of)
			if err != nil {
				return err
			}
			res, err := checkTargets(cmd.Context(), sc, ts, runs, seed, workers, sc.Name)
			if err != nil {
				return err
			}
			// What ran, if not the built-in as it is: a file, changes.
			var file string
			if args[0] != sc.Name {
				file = args[0]
			}
			note := targetsNote(sc.Name, of)
			w := cmd.OutOrStdout()
			if asJSON {
				return printJSON(w, struct {
					Scenario    string           `json:"scenario"`
					File        string           `json:"file,omitempty"`
					Set         []string         `json:"set,omitempty"`
					TargetsOf   string           `json:"targets_of,omitempty"`
					TargetsNote string           `json:"targets_note,omitempty"`
					Runs        int              `json:"runs"`
					Seed        uint64           `json:"seed"`
					Targets     []targets.Result `json:"targets"`
				}{sc.Name, file, sets, of, note, runs, seed, res})
			}
			name := sc.Name
			if file != "" {
				name += " (from " + file + ")"
			}
			if len(sets) > 0 {
				name += " with --set " + strings.Join(sets, ", --set ")
			}
			printTargets(w, name, of, note, runs, seed, res)
			return nil
		},
	}
	cmd.Flags().IntVar(&runs, "runs", 500, "replications (each run's record is held until its targets are scored, a few KB a run: docs/limits.md)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "base seed")
	cmd.Flags().IntVar(&workers, "workers", 0, workersHelp)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the results as JSON")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change the scenario: path=value (repeatable)")
	cmd.Flags().StringVar(&of, "targets", "", "score the scenario against the targets of this historical scenario ("+strings.Join(historical(), " or ")+"), e.g. a counterfactual of it")
	cmd.RegisterFlagCompletionFunc("targets", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return historical(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// printTargets prints check's table of the targets' results for the
// scenario described by name, after, with --targets, whose targets they
// are (of) and note (targetsNote).
func printTargets(w io.Writer, name, of, note string, runs int, seed uint64, res []targets.Result) {
	fmt.Fprintf(w, "%s: %s\n\n", name, words.RunsAndSeeds(runs, seed))
	if of != "" {
		fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(fmt.Sprintf("Targets: %s's (--targets %s). %s", of, of, note)))
	}
	// "of" is the number of runs a target is measured over: for a
	// conditional target (A3, A7, E4) the runs where its condition held,
	// for the others every run that reaches the target's month.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "id\tshare\t95% interval\tof\tthreshold\tmet\t\ttarget")
	met := 0
	for _, r := range res {
		mark := "no"
		if r.Met {
			mark, met = "yes", met+1
		}
		share, interval := "—", "—" // a conditional target whose condition never held: no share
		if r.Share.N > 0 {
			share = r.Percent() + "%"
			interval = fmt.Sprintf("[%.1f, %.1f]", 100*r.Share.Low, 100*r.Share.High)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.0f%%\t%s\t\t%s\n", r.ID, share, interval, r.Share.N, 100*r.Threshold, mark, r.Description)
		if r.Note != "" {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\t%s\n", r.Note)
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d of %d targets met\n", met, len(res))
}

// theory is a combination of patron strategy and valuation.
type theory struct{ strategy, valuation string }

// column is the theory's column of the scorecard: strategy/valuation.
func (th theory) column() string { return th.strategy + "/" + th.valuation }

// Theories are the combinations of patron strategy and valuation compared,
// the default first.
var theories = []theory{
	{"assurance", "prospect"}, {"assurance", "expected_utility"},
	{"prospect", "prospect"}, {"prospect", "expected_utility"},
	{"powerplay", "prospect"}, {"powerplay", "expected_utility"},
}

// scores is compare's scorecard: each theory's (strategy/valuation)
// result for each target of both historical scenarios.
type scores struct {
	ids, descs []string
	cols       []string // strategy/valuation, the default first
	table      map[string]map[string]targets.Result
	seed       uint64 // replication r played seed + r
}

// scorecard runs both historical scenarios under every theory.
func scorecard(ctx context.Context, runs int, seed uint64, workers int) (*scores, error) {
	s := &scores{table: map[string]map[string]targets.Result{}, seed: seed}
	for _, th := range theories {
		if err := s.add(ctx, th, runs, seed, workers); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// add runs both historical scenarios under the theory and adds its
// column; the first column added gives the targets' order.
func (s *scores) add(ctx context.Context, th theory, runs int, seed uint64, workers int) error {
	col := th.column()
	first := len(s.cols) == 0
	s.cols = append(s.cols, col)
	s.table[col] = map[string]targets.Result{}
	for _, name := range historical() {
		sc, err := configs.Builtin(name)
		if err != nil {
			return err
		}
		// The scenario's [decision]: every state that does not
		// set its own follows it.
		sc.Decision.Strategy, sc.Decision.Valuation = th.strategy, th.valuation
		res, err := checkTargets(ctx, sc, targets.For(name), runs, seed, workers, name+" "+col)
		if err != nil {
			return err
		}
		for _, r := range res {
			if first {
				s.ids, s.descs = append(s.ids, r.ID), append(s.descs, r.Description)
			}
			s.table[col][r.ID] = r
		}
	}
	return nil
}

func newCompareCmd() *cobra.Command {
	var (
		runs    int
		seed    uint64
		workers int
		out     string
		force   bool
	)
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Score every theory against every historical target",
		Long: `compare runs both historical scenarios under every combination of patron
strategy (assurance, prospect, powerplay) and valuation (prospect,
expected_utility), set as each scenario's [decision] (a state that sets
its own keeps it), and prints the scorecard: each
target, each combination, the share of runs meeting it (* where the target is
met), and, for a target that counted fewer runs than were played (E4, A3
and A7 count only the runs where their condition held), the runs each
combination counted. With --out DIR it also writes DIR/scorecard.csv: a row per target and
combination, with the runs counted, the share, its interval, whether it is
met, the base seed and the build. Shares are printed rounded down, as
check prints them. A scorecard.csv of other work there
(another seed, build or run count) is replaced only with --force.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkCounts(runs, workers); err != nil {
				return err
			}
			if err := outOnly(cmd, out, "force"); err != nil {
				return err
			}
			if out != "" {
				if err := checkOutDir(out, "scorecard.csv"); err != nil {
					return err
				}
				if !force {
					if err := sameScorecardWork(out, seed, runs); err != nil {
						return err
					}
				}
			}
			sc, err := scorecard(cmd.Context(), runs, seed, workers)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			sc.print(w, runs)
			if out == "" {
				return nil
			}
			path, err := writeScorecard(out, sc, runs, force)
			if err != nil {
				return fmt.Errorf("the scorecard is above, but %s was not written: %w", filepath.Join(out, "scorecard.csv"), err)
			}
			fmt.Fprintf(w, "\nWritten to %s.\n", path)
			return nil
		},
	}
	cmd.Flags().IntVar(&runs, "runs", 200, "replications per scenario and theory (each run's record is held until its targets are scored, a few KB a run: docs/limits.md)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "base seed")
	cmd.Flags().IntVar(&workers, "workers", 0, workersHelp)
	cmd.Flags().StringVar(&out, "out", "", "also write DIR/scorecard.csv")
	cmd.Flags().BoolVar(&force, "force", false, "replace a scorecard.csv of other work (another seed, build or run count) in --out")
	return cmd
}

// print writes the scorecard as compare prints it: a row per target with
// each theory's share, its interval and * where met, the targets each
// theory misses, what the columns and that count are, and, for a target that counted fewer runs than the runs
// played in some theory (a conditional target: E4 where E3 happened, A3
// where A2 did, A7 where A6 did), the runs it counted in each, so that no
// share is read as one of all the runs.
func (s *scores) print(w io.Writer, runs int) {
	ids, cols, table := s.ids, s.cols, s.table
	fmt.Fprintf(w, "Scorecard: share of runs meeting each target, %% with its 95%% interval (* met), %s\n\n", words.Seeds(runs, s.seed))
	// Each column as wide as its name or its widest cell (19,
	// with the mark), so that a long name stays over its column.
	width := make([]int, len(cols))
	for c, col := range cols {
		width[c] = max(19, utf8.RuneCountInString(col))
	}
	fmt.Fprintf(w, "%-4s", "")
	for c, col := range cols {
		fmt.Fprintf(w, " %*s", width[c], col)
	}
	fmt.Fprintln(w)
	missed := map[string]int{}
	var fewer []string // targets that counted fewer runs than were played
	for _, id := range ids {
		fmt.Fprintf(w, "%-4s", id)
		short := false
		for c, col := range cols {
			r := table[col][id]
			mark := " "
			if r.Met {
				mark = "*"
			} else {
				missed[col]++
			}
			cell := fmt.Sprintf("%s (%.0f–%.0f)", r.Percent(), 100*r.Share.Low, 100*r.Share.High)
			if r.Share.N == 0 {
				cell = "— (no run)" // a conditional target whose condition never held
			}
			fmt.Fprintf(w, " %*s%s", width[c]-1, cell, mark)
			short = short || r.Share.N < runs
		}
		fmt.Fprintln(w)
		if short {
			fewer = append(fewer, id)
		}
	}
	fmt.Fprintf(w, "%-4s", "miss")
	for c, col := range cols {
		fmt.Fprintf(w, " %*d", width[c], missed[col])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\n(columns: the patron's strategy / the valuation model, set as both scenarios' [decision];\n"+
		" miss: how many targets each misses; what each target asks: alliancesim check europe-1947, or asia-1950)")
	if len(fewer) == 0 {
		return
	}
	fmt.Fprintf(w, "\nRuns counted, of the %d played (a conditional target counts only the runs where its condition held):\n", runs)
	for _, id := range fewer {
		fmt.Fprintf(w, "%-4s", id)
		for c, col := range cols {
			fmt.Fprintf(w, " %*d", width[c], table[col][id].Share.N)
		}
		fmt.Fprintln(w)
	}
}

// sameScorecardWork refuses, before any run, a dir/scorecard.csv of other
// work than a compare of runs runs from seed by this build: another seed
// or build in its rows, another run count, or a file that is not a
// scorecard. The file records the runs each target counted; the runs made
// are the most any target counted, since a target with no condition (E1,
// A1) counts every run.
func sameScorecardWork(dir string, seed uint64, runs int) error {
	path := filepath.Join(dir, "scorecard.csv")
	body, err := input.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	other := func(what string) error {
		return fmt.Errorf("--out %s holds the scorecard of other work: %s; use --force to replace it, or another directory", dir, what)
	}
	if err != nil {
		return other(fmt.Sprintf("a scorecard.csv that cannot be read (%v)", plainFileError(err)))
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) < 2 || !slices.Equal(rows[0], scorecardColumns) {
		return other("a scorecard.csv this command did not write")
	}
	build, want := runner.ToolInfo().String(), strconv.FormatUint(seed, 10)
	made := 0 // the runs made: the most any target counted
	for _, r := range rows[1:] {
		if len(r) != len(scorecardColumns) {
			return other("a scorecard.csv this command did not write")
		}
		n, err := strconv.Atoi(r[5])
		switch {
		case err != nil || n < 0:
			return other("a scorecard.csv this command did not write")
		case r[10] != want:
			return other(fmt.Sprintf("seed %s there, %s now", r[10], want))
		case r[11] != build:
			return other(fmt.Sprintf("build %s there, %s now", r[11], build))
		}
		made = max(made, n)
	}
	if made != runs {
		return other(fmt.Sprintf("%s there, %s now", words.Count(made, "run", "runs"), words.Count(runs, "run", "runs")))
	}
	return nil
}

// scorecardColumns are the columns of scorecard.csv.
var scorecardColumns = []string{"target", "description", "threshold", "strategy", "valuation", "runs", "share", "low", "high", "met", "seed", "build"}

// writeScorecard writes dir/scorecard.csv, a row per target and theory,
// each with the base seed and the build that measured it, and returns its
// path. A target no run counted (a conditional target
// whose condition never held) has no share: its share and interval cells
// are empty. Without force it refuses, under the directory's lock, a
// scorecard.csv of other work (sameScorecardWork, again, since another
// compare may have written one during the runs), and one that differs from
// the new: of the same seed, build and run count, it can differ only if
// the runs did.
func writeScorecard(dir string, s *scores, runs int, force bool) (string, error) {
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	release, err := runner.Lock(dir)
	if err != nil {
		return "", fmt.Errorf("--out %w", err)
	}
	defer release()
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(scorecardColumns)
	build := runner.ToolInfo().String()
	for i, id := range s.ids {
		for _, th := range theories {
			r := s.table[th.column()][id]
			share, low, high := "", "", ""
			if r.Share.N > 0 {
				share, low, high = runner.FormatFloat(r.Share.Share), runner.FormatFloat(r.Share.Low), runner.FormatFloat(r.Share.High)
			}
			cw.Write([]string{id, s.descs[i], strconv.FormatFloat(r.Threshold, 'g', -1, 64), th.strategy, th.valuation,
				strconv.Itoa(r.Share.N), share, low, high, strconv.FormatBool(r.Met), strconv.FormatUint(s.seed, 10), build})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "scorecard.csv")
	if !force {
		if err := sameScorecardWork(dir, s.seed, runs); err != nil {
			return "", err
		}
		if old, err := input.ReadFile(path); err == nil && !bytes.Equal(old, buf.Bytes()) {
			return "", fmt.Errorf("--out %s holds a scorecard.csv of the same seed, build and run count with other shares; use --force to replace it, or another directory", dir)
		}
	}
	return path, runner.WriteFileAtomic(path, buf.Bytes())
}
