package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/configs"
)

func newShowCmd() *cobra.Command {
	var (
		source bool
		sets   []string
	)
	cmd := &cobra.Command{
		Use:   "show NAME|FILE",
		Short: "Print a scenario fully resolved, as a scenario file",
		Long: `show reads a built-in scenario or a scenario file (with everything it
extends, drops and replaces) and prints it in canonical form: one TOML file
without extends, with every parameter, every decision key and every field of
every state and event written out — except two defaults that are rules, not
numbers: stakes are written as given (a client a patron leaves out is worth
1 to it), and a reference point only where one was given (otherwise it is
the state's status-quo threat, computed when the scenario is compiled). The
output is itself a valid scenario file that gives the same scenario; use it
to see what an overlay resolves to, or to start a new scenario from a
built-in.

With --source it prints a built-in scenario's own file instead, comments and
sources included: the file whose lines an error naming builtin/NAME.toml:LINE
counts.

With --set it prints the scenario with those changes, as a file extending
it would give it.`,
		Args:              oneArg(oneScenario),
		ValidArgsFunction: scenarioArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			if source && len(sets) > 0 {
				return fmt.Errorf("--source prints a built-in's own file, which --set does not change; allowed: one of them")
			}
			if source {
				src, err := configs.BuiltinSource(args[0])
				if err != nil {
					return fmt.Errorf("--source: %q is not a built-in scenario; allowed: %s (a file is its own source)", args[0], strings.Join(configs.BuiltinNames(), ", "))
				}
				_, err = cmd.OutOrStdout().Write(src)
				return err
			}
			sc, err := loadWithSets(args[0], sets)
			if err != nil {
				return err
			}
			out, err := configs.Format(sc)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			ref := args[0]
			for _, s := range sets {
				ref += " --set " + s
			}
			return show(cmd.OutOrStdout(), ref, out)
		},
	}
	cmd.Flags().BoolVar(&source, "source", false, "print a built-in scenario's own file, as error messages count its lines")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change the scenario: path=value (repeatable)")
	return cmd
}

// show writes a one-line header comment and the canonical form.
func show(w io.Writer, ref string, canonical []byte) error {
	ref = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, ref)
	if _, err := fmt.Fprintf(w, "# alliancesim show %s: the fully resolved scenario\n\n", ref); err != nil {
		return err
	}
	_, err := w.Write(canonical)
	return err
}
