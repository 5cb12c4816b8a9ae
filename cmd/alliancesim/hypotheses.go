package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

func newHypothesesCmd() *cobra.Command {
	var (
		runs, maxRuns, layouts, workers int
		seed                            uint64
		out                             string
		asJSON, list, force             bool
		sets                            []string
	)
	cmd := &cobra.Command{
		Use:   "hypotheses [ID...]",
		Short: "Test the theories' comparative statics (listed in docs/model.md §1.2.2) in worlds nobody calibrated on",
		Long: `hypotheses runs every hypothesis of the specification (listed in
docs/model.md §1.2.2), or those named, as the sweep it describes — the
generic scenario on --layouts generated layouts, and counterfactual
overlays of the historical scenarios — and prints a row per
hypothesis: what it predicts, Spearman's ρ between the lever and the pooled
outcome, the change from the lowest to the highest level with its 95%
interval, how many layouts moved the predicted way (for a rate, met its
threshold), the runs per world and level it rests on, and the verdict
(holds, fails, or inconclusive when the interval of the change includes
zero and still reaches the minimum, when a rate misses its threshold but
its interval reaches it, when an upper bound holds pooled but not yet in
every layout, or when a level has no run or alliance to count); a world
other than generic is named before the lever. Under each row, the pooled
outcome at every level with its interval and n, the runs it is over (the
alliances, for a survival or a share of alliances such as NC1–NC3); a rate is
printed to three decimals rounded down, so that one short of its threshold
never prints as reaching it. Every level is run
with the same seeds (--seed + r for replication r). The specification
asks for enough runs that the interval of the change excludes zero
(docs/model.md §1.2.2, "Runs and seeds"; a change whose
whole interval falls short of the minimum fails at once: no number of runs
could make it hold): a hypothesis still inconclusive at --runs is run
again on twice as many, the runs made kept, until it holds or fails or
reaches --max-runs (8 × --runs unless given, and from a seed below 1001
never past seed 1000, so that the calibration seeds' runs never reach
the held-out ones). --out DIR writes hypotheses.csv (one row per
hypothesis, layout and level), provenance.json (the build, the command line, seeds, run counts and
--set changes) and, last, hypotheses.json; a directory holding the results of
other work (other hypotheses, another build of the tool, seed, run counts,
layouts or --set) is refused unless --force replaces them. It reports; it exits 0 unless it could not run.

The verdicts and the power of the default run counts are explained in
'go doc github.com/alliancesim/alliancesim/hypotheses'.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			hs, err := hypotheses.Lookup(args...)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if list {
				// --list runs nothing: a flag beside it would be ignored.
				var others []string
				cmd.Flags().Visit(func(f *pflag.Flag) {
					if f.Name != "list" {
						others = append(others, "--"+f.Name)
					}
				})
				if len(others) > 0 {
					return fmt.Errorf("%s: --list lists the hypotheses and runs none; allowed: --list alone, with ids or without", strings.Join(others, ", "))
				}
				// What each predicts as the table prints it, with its
				// minimum change or threshold ("at least 0.70", not "at
				// least"), in columns however long a source is.
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				seeds := false
				for _, h := range hs {
					fmt.Fprintf(tw, "%s\t%s\t%s%s → %s, %s\n", h.ID, h.Source, hypotheses.WorldPrefix(h.Scenario), h.Lever.Name, h.Outcome.Name,
						hypotheses.Prediction(h.Predicted, h.MinChange, h.Threshold))
					seeds = seeds || strings.Contains(h.Source, "(seed")
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				if seeds {
					// The run's header says "seeds 1–100" of random seeds.
					_, err := fmt.Fprintln(w, "(seed 000 … 004: the specification's source papers, listed in docs/model.md §9; not random seeds)")
					return err
				}
				return nil
			}
			if err := checkCounts(runs, workers); err != nil {
				return err
			}
			if layouts < 1 || layouts > hypotheses.MaxLayouts {
				return fmt.Errorf("--layouts %d: allowed: a whole number in [1, %d]", layouts, hypotheses.MaxLayouts)
			}
			if err := outOnly(cmd, out, "force"); err != nil {
				return err
			}
			if out != "" {
				if err := checkOutDir(out, "hypotheses.csv", "hypotheses.json", "provenance.json", "report.html"); err != nil {
					return err
				}
			}
			as, err := parseSets(sets)
			if err != nil {
				return err
			}
			if seed == 0 || seed > runner.MaxSeed {
				// said alone: past the last seed, the runs a default
				// --max-runs would add are not the fault
				return fmt.Errorf("--seed %d: allowed: %s", seed, hypothesesSeeds)
			}
			if maxRuns == 0 {
				maxRuns = hypotheses.DefaultMaxRuns(runs, seed)
			}
			if maxRuns < runs || maxRuns > runner.MaxRuns {
				return fmt.Errorf("--max-runs %d: allowed: 0 (%d × --runs, %s) or a whole number in [%d (--runs), %d]", maxRuns, hypotheses.DefaultEscalation, hypotheses.DefaultMaxRunsReach(), runs, runner.MaxRuns)
			}
			if err := runner.CheckSeeds(seed, maxRuns); err != nil {
				if !cmd.Flags().Changed("max-runs") {
					// The default reaches no further than the seeds left, and never
					// below --runs: it is --runs that reaches past them.
					return fmt.Errorf("--seed %d --runs %d: %w", seed, runs, err)
				}
				return fmt.Errorf("--seed %d --max-runs %d: %w", seed, maxRuns, err)
			}
			opts := hypotheses.Options{Runs: runs, MaxRuns: maxRuns, Layouts: layouts, Seed: seed,
				Workers: workers, Set: as}
			prov := hypotheses.NewProvenance(opts, commandLine())
			if out != "" && !force {
				if err := sameHypothesesWork(out, hs, prov); err != nil {
					return err
				}
			}
			update, finish := progress("hypotheses")
			opts.Progress = update
			res, err := hypotheses.Run(cmd.Context(), hs, opts)
			finish()
			if err != nil {
				return setFault(err)
			}
			if out != "" {
				if err := writeHypotheses(out, res, prov, force, hs); err != nil {
					return err
				}
			}
			// Exploratory: fewer layouts than THEORY.md judges over, for a
			// hypothesis that has layouts (NC2 and NC3 run on a drawn map).
			exploratory := layouts < hypotheses.DefaultLayouts && slices.ContainsFunc(hs, func(h hypotheses.Hypothesis) bool { return h.Layouts })
			if asJSON {
				return printJSON(w, struct {
					Runs    int    `json:"runs"`
					MaxRuns int    `json:"max_runs"`
					Layouts int    `json:"layouts"`
					Seed    uint64 `json:"seed"`
					// Set: the --set changes, a probe of the registered
					// hypotheses rather than their test; Exploratory: fewer
					// layouts than THEORY.md judges over.
					Set         []string            `json:"set,omitempty"`
					Exploratory bool                `json:"exploratory,omitempty"`
					Hypotheses  []hypotheses.Result `json:"hypotheses"`
				}{runs, maxRuns, layouts, seed, sets, exploratory, res})
			}
			fmt.Fprintf(w, "Hypotheses (docs/model.md §1.2.2): %s per world and level, %s, %s", words.Count(runs, "run", "runs"), words.Count(layouts, "layout", "layouts"), words.Seeds(runs, seed))
			if most := hypotheses.MostRuns(res); most > runs {
				fmt.Fprintf(w, "; up to %s (%s) where a verdict was inconclusive at fewer", words.Count(most, "run", "runs"), words.Seeds(most, seed))
			}
			fmt.Fprint(w, "\n")
			if last := seed + uint64(max(hypotheses.MostRuns(res), runs)) - 1; seed < hypotheses.HeldOutSeed && last >= hypotheses.HeldOutSeed {
				fmt.Fprintf(w, "note: these runs reach seed %d, into the held-out seeds (from %d; docs/model.md §1.2.1), which the verdicts on the calibration seeds are checked on\n", last, hypotheses.HeldOutSeed)
			}
			if len(sets) > 0 {
				fmt.Fprintf(w, "a probe: every world changed by --set %s, so these are not the registered hypotheses' verdicts\n", strings.Join(sets, ", --set "))
			}
			if exploratory {
				fmt.Fprintf(w, "exploratory: the specification judges a hypothesis over at least %d generated layouts (docs/model.md §1.2.2), so that no result is one map's accident; these verdicts rest on %s\n",
					hypotheses.DefaultLayouts, words.Count(layouts, "layout", "layouts"))
			}
			fmt.Fprint(w, "\n")
			if err := hypotheses.WriteTable(w, res); err != nil {
				return err
			}
			held := 0
			for _, r := range res {
				if r.Verdict == hypotheses.Holds {
					held++
				}
			}
			fmt.Fprint(w, hypothesesNote)
			fmt.Fprintf(w, "\n%d of %d hold\n", held, len(res))
			return nil
		},
	}
	cmd.Flags().IntVar(&runs, "runs", hypotheses.DefaultRuns, "replications per world and level to start with")
	cmd.Flags().IntVar(&maxRuns, "max-runs", 0, "the most replications per world and level for a hypothesis still inconclusive, its runs doubled until it is conclusive "+
		fmt.Sprintf("(0: %d × --runs, %s)", hypotheses.DefaultEscalation, hypotheses.DefaultMaxRunsReach()))
	cmd.Flags().IntVar(&layouts, "layouts", hypotheses.DefaultLayouts, "generated layouts of the generic scenario")
	cmd.Flags().Uint64Var(&seed, "seed", hypotheses.DefaultSeed, "base seed: replication r plays seed + r in every world and level")
	// A --seed that does not read as a whole number ("-1") is told this
	// range too, not the [0, 2^53 − 1] of the other commands' seeds.
	_ = cmd.Flags().SetAnnotation("seed", allowedAnnotation, []string{hypothesesSeeds})
	cmd.Flags().IntVar(&workers, "workers", 0, workersHelp)
	cmd.Flags().StringVar(&out, "out", "", "write hypotheses.csv, hypotheses.json and provenance.json (what ran) to this directory")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the results as JSON")
	cmd.Flags().BoolVar(&list, "list", false, "list the hypotheses without running them")
	cmd.Flags().BoolVar(&force, "force", false, "replace the results of other work (other hypotheses, build, seed, run counts, layouts or --set) in --out")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change every world: path=value (repeatable), e.g. --set params.cost_base=0.01; a path a hypothesis sets itself (its lever, setup or layouts) is refused")
	return cmd
}

// hypothesesSeeds is what hypotheses --seed takes: not 0, which
// hypotheses.Options reads as unset (hypotheses.DefaultSeed).
var hypothesesSeeds = fmt.Sprintf("a whole number in [1, %d] (2^53 − 1)", uint64(runner.MaxSeed))

// sameHypothesesWork refuses an --out directory that holds the results
// of other work than this: other hypotheses, as its hypotheses.json
// records them, or what its provenance.json records differing
// (Provenance.DifferencesIn: build, seed, run counts, layouts, --set);
// the same work by the same build gives the same results, and is written
// again. Results it cannot read count as other work, as do results
// without a provenance; a directory without hypotheses.json, which is
// written last, holds no results to keep. Like run and sweep, it
// replaces other work only with --force.
func sameHypothesesWork(dir string, hs []hypotheses.Hypothesis, p hypotheses.Provenance) error {
	var diff []string
	provPath, resPath := filepath.Join(dir, "provenance.json"), filepath.Join(dir, "hypotheses.json")
	provBody, provErr := input.ReadFile(provPath)
	resBody, resErr := input.ReadFile(resPath)
	switch {
	case errors.Is(resErr, fs.ErrNotExist):
		return nil // no results there (hypotheses.json is written last)
	case resErr != nil:
		diff = append(diff, fmt.Sprintf("results that cannot be read (%v)", plainFileError(resErr)))
	case provErr != nil:
		diff = append(diff, fmt.Sprintf("results with no provenance.json to say what ran (%v)", plainFileError(provErr)))
	}
	var old hypotheses.Provenance
	var results []struct {
		ID string `json:"id"`
	}
	if len(diff) == 0 {
		if err := json.Unmarshal(provBody, &old); err != nil {
			diff = append(diff, fmt.Sprintf("%s cannot be read (%v)", provPath, err))
		}
		if err := json.Unmarshal(resBody, &results); err != nil {
			diff = append(diff, fmt.Sprintf("%s cannot be read (%v)", resPath, err))
		}
	}
	if len(diff) == 0 {
		var ids, oldIDs []string
		for _, h := range hs {
			ids = append(ids, h.ID)
		}
		for _, r := range results {
			oldIDs = append(oldIDs, r.ID)
		}
		if a, b := strings.Join(ids, " "), strings.Join(oldIDs, " "); a != b {
			diff = append(diff, fmt.Sprintf("hypotheses (%s now, %s in its hypotheses.json)", a, b))
		}
		diff = append(diff, p.DifferencesIn(&old, "now", "in its provenance.json")...)
	}
	if len(diff) == 0 {
		return nil
	}
	return fmt.Errorf("--out %s holds the results of other work: %s; use --force to replace them, or another directory", dir, strings.Join(diff, "; "))
}

// writeHypotheses writes the tidy CSV, the provenance and the JSON of the
// results, each atomically, hypotheses.json last: the file a report reads
// first, so that until it is there the directory holds no results to
// report, rather than old results beside new provenance. Without force
// it refuses, under the directory's lock, results of other work than hs
// and prov describe (sameHypothesesWork), which another command may have
// written there while these ran.
func writeHypotheses(dir string, res []hypotheses.Result, prov hypotheses.Provenance, force bool, hs []hypotheses.Hypothesis) error {
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	// A report drawn from the files this run replaces would describe
	// them, not it: they go, under the directory's lock, which
	// report.Write takes too, so that none is drawn from them meanwhile.
	release, err := runner.Lock(dir)
	if err != nil {
		return fmt.Errorf("--out %w", err)
	}
	defer release()
	// Checked again under the lock: another command may have written
	// other work there while these ran.
	if !force {
		if err := sameHypothesesWork(dir, hs, prov); err != nil {
			return err
		}
	}
	for _, old := range []string{"report.html", "hypotheses.json"} {
		if err := os.Remove(filepath.Join(dir, old)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	var csvb, provb, jsonb bytes.Buffer
	if err := hypotheses.WriteCSV(&csvb, res); err != nil {
		return err
	}
	if err := printJSON(&provb, prov); err != nil {
		return err
	}
	if err := printJSON(&jsonb, res); err != nil {
		return err
	}
	if err := runner.WriteFileAtomic(filepath.Join(dir, "hypotheses.csv"), csvb.Bytes()); err != nil {
		return err
	}
	if err := runner.WriteFileAtomic(filepath.Join(dir, "provenance.json"), provb.Bytes()); err != nil {
		return err
	}
	return runner.WriteFileAtomic(filepath.Join(dir, "hypotheses.json"), jsonb.Bytes())
}

// setFault is err, or, where it is a change of the --set flags that a
// scenario refused (configs.SetError), that fault said after the flag,
// not blamed on a hypothesis or a calibration, with the scenario where the
// message does not name it (an event a shorter horizon leaves out is in
// one scenario of several).
func setFault(err error) error {
	var se *configs.SetError
	switch {
	case !errors.As(err, &se):
		return err
	case !strings.Contains(se.Err.Error(), se.Scenario):
		return fmt.Errorf("--set, in %s: %w", se.Scenario, se.Err)
	}
	return fmt.Errorf("--set %w", se.Err)
}

// loadWithSets reads a built-in scenario or a scenario file and applies
// the --set flags to it, as a file extending it would.
func loadWithSets(ref string, sets []string) (*sim.Scenario, error) {
	sc, err := configs.Load(ref)
	if err != nil {
		return nil, err
	}
	as, err := parseSets(sets)
	if err != nil {
		return nil, err
	}
	if err := configs.Apply(sc, as); err != nil {
		return nil, fmt.Errorf("--set %w", err)
	}
	return sc, nil
}

// loadCompiled is loadWithSets followed by sim.Compile.
func loadCompiled(ref string, sets []string) (*sim.Scenario, *sim.Compiled, error) {
	sc, err := loadWithSets(ref, sets)
	if err != nil {
		return nil, nil, err
	}
	c, err := sim.Compile(sc)
	if err != nil {
		return nil, nil, err
	}
	return sc, c, nil
}

// parseSets reads the --set flags, refusing them with every one that
// does not read. A path given twice is the reader's to judge: configs.Apply
// refuses it, an experiment's SetBase takes the last.
func parseSets(sets []string) ([]configs.Assignment, error) {
	var out []configs.Assignment
	var problems []string
	for _, s := range sets {
		a, err := configs.ParseAssignment(s)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		out = append(out, a)
	}
	switch len(problems) {
	case 0:
		return out, nil
	case 1:
		return nil, fmt.Errorf("--set %s", problems[0])
	}
	return nil, fmt.Errorf("--set %s: %d problems:\n  - %s", strings.Join(sets, ", "), len(problems), strings.Join(problems, "\n  - "))
}

// hypothesesNote says under the table what its columns are, as the
// command's help does at more length.
const hypothesesNote = `
(ρ: Spearman's rank correlation of the lever's levels with the pooled outcome, — for a rate of the
 world as built, or where it is undefined: the outcome equal at every level, or fewer than two levels
 with one; change: the outcome at the highest level less the lowest, or the rate, with its 95%
 interval; layouts: how many generated maps moved the predicted way, or met the rate's threshold;
 runs: per world and level)
`
