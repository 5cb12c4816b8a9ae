// Command alliancesim runs the alliance-formation model: it lists, checks
// and draws scenarios, runs one or many replications, sweeps parameters and
// compares theories against the historical record.
//
// Its commands, by what they are for ('alliancesim help COMMAND' for each):
//
//   - scenarios: list, validate, show, map, params;
//   - runs: run (one story, or many replications and their statistics),
//     sweep (a parameter sweep, sharded if asked) and merge (its shards),
//     explain (why a state values an alliance as it does, term by term);
//   - analysis: report (an output directory as an HTML page of figures),
//     sensitivity (Morris or Sobol indices of a sweep);
//   - the model's acceptance: check (a historical scenario against
//     HISTORY.md's targets), compare (every theory against every target),
//     calibrate (the historical scenarios' free inputs, regenerating
//     docs/calibration.md) and hypotheses (THEORY.md's comparative statics).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
)

func main() {
	// The first interrupt or SIGTERM cancels the command's context: runs
	// stop at the next replication and leave a directory that resumes.
	// Then the default behaviour is back, so a second one ends the
	// process at once, whatever it is doing.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	if err := runRoot(ctx, newRoot(), os.Stdout); err != nil {
		printError(os.Stderr, err)
		os.Exit(exitStatus(err))
	}
}

// runRoot runs the command line root with its output to stdout, and fails
// if any of that output could not be written (a full disk, a closed
// file), even where the command printed it without looking: a table cut
// short must not end with status 0.
func runRoot(ctx context.Context, root *cobra.Command, stdout io.Writer) error {
	out := &keptErrorWriter{w: stdout}
	root.SetOut(out)
	err := root.ExecuteContext(ctx)
	if err == nil && out.err != nil {
		err = fmt.Errorf("cannot write the output: %w", out.err)
	}
	return err
}

// keptErrorWriter writes to w until a write fails, and keeps that error:
// every later write returns it without writing.
type keptErrorWriter struct {
	w   io.Writer
	err error
}

func (k *keptErrorWriter) Write(p []byte) (int, error) {
	if k.err != nil {
		return 0, k.err
	}
	n, err := k.w.Write(p)
	k.err = err
	return n, err
}

// interruption is the error of an interrupted command that says in words
// what it kept, if anything, and how to go on (a run keeps its finished
// chunks; a sweep interrupted while it reads its experiment, nothing). It
// is an interruption (errors.Is context.Canceled) for the exit status.
type interruption string

func (e interruption) Error() string { return string(e) }
func (e interruption) Unwrap() error { return context.Canceled }

// exitStatus is the process's status after a command's error: 130, the
// shell's status for a process ended by an interrupt (128 + SIGINT), when
// the error is the interruption, so that a script can tell an interrupted
// run from a failed one; 1 otherwise.
func exitStatus(err error) int {
	if errors.Is(err, context.Canceled) {
		return 130
	}
	return 1
}

// printError writes a command's error for the terminal: each problem of
// an input on its line and their count; an interruption in words (run and
// sweep say what they kept; every other command writes its files only
// once it has its results); anything else after the tool's name.
func printError(w io.Writer, err error) {
	var list configs.Errors
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			fmt.Fprintln(w, e.Error())
		}
		fmt.Fprintln(w, words.Count(list.Total(), "error", "errors"))
	case errors.As(err, new(interruption)):
		fmt.Fprintln(w, "alliancesim:", err)
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(w, "alliancesim: interrupted before the results were complete; nothing was written")
	default:
		fmt.Fprintln(w, "alliancesim:", err)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "alliancesim",
		Short: "Agent-based simulation of military alliance formation",
		Long: `alliancesim simulates patrons, clients and adversaries who perceive threat,
frame it as gains or losses, and negotiate bilateral or multilateral alliances
on a land and sea theatre. Scenarios are built-in names (see 'alliancesim list')
or TOML files.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// --version: the module version and the revision the binary was
		// built from, its toolchain, target and SHA-256, as output
		// manifests record them. Written by the template, so that only
		// --version hashes the binary, not every command's start.
		Version: "see the template",
	}
	cobra.AddTemplateFunc("tool", func() string { return runner.ToolInfo().String() })
	root.SetVersionTemplate("alliancesim {{tool}}\n")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newListCmd(), newParamsCmd(), newValidateCmd(), newShowCmd(), newMapCmd(), newRunCmd(), newSweepCmd(), newMergeCmd(), newCheckCmd(), newCompareCmd(), newHypothesesCmd(), newExplainCmd(), newCalibrateCmd(), newReportCmd(), newSensitivityCmd())
	// Cobra's completion command prints its help for a shell it does not
	// know and exits 0; here it names the shells it knows.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if len(args) == 0 {
					return cmd.Help()
				}
				shells := make([]string, 0, len(cmd.Commands()))
				for _, s := range cmd.Commands() {
					if s.IsAvailableCommand() {
						shells = append(shells, s.Name())
					}
				}
				return fmt.Errorf("completion %s: no such shell; allowed: %s", args[0], strings.Join(shells, ", "))
			}
		}
	}
	// Every command refuses a text flag given empty (--out '' would
	// otherwise mean no --out at all, silently), and names the files it
	// cannot read in plain words.
	for _, c := range root.Commands() {
		onceFlags(c)
		wholeAllowed(c)
		if run := c.RunE; run != nil {
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if err := noEmptyFlags(cmd); err != nil {
					return err
				}
				return plainFileError(run(cmd, args))
			}
		}
	}
	return root
}

func newListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in scenarios",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			for _, b := range configs.Builtins() {
				fmt.Fprintf(w, "%-14s %s\n", b.Name, b.Description)
			}
			return nil
		},
	}
}

// scenarioArg completes built-in names and .toml files.
func scenarioArg(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return builtinArg(args, func(string) bool { return true })
}

// historicalArg is scenarioArg for check: the built-ins with historical
// targets only.
func historicalArg(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	return builtinArg(args, func(name string) bool { return slices.Contains(historical(), name) })
}

// builtinArg completes a first argument with the built-in scenarios keep
// keeps, each with its description, and files; after it, nothing.
func builtinArg(args []string, keep func(name string) bool) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, b := range configs.Builtins() {
		if keep(b.Name) {
			out = append(out, b.Name+"\t"+b.Description)
		}
	}
	return out, cobra.ShellCompDirectiveDefault
}
