package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// badFlagValue is pflag's message for a value its type cannot parse.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag: `)

// allowedByType says what a flag of a pflag type takes.
var allowedByType = map[string]string{
	"uint64":  "a whole number in [0, 18446744073709551615]",
	"int":     "a whole number in [-9223372036854775808, 9223372036854775807]",
	"float64": "a number",
	"bool":    "true or false",
	"string":  "text",
}

// flagError rewrites pflag's parse errors in our words: the flag, the
// value and what is allowed by the flag's type, without Go's strconv text
// ("--seed -1: allowed: a whole number in [0, 18446744073709551615]";
// the command then checks its own, narrower range). Other flag errors
// (an unknown flag)
// pass as they are, with a pointer to --help.
func flagError(cmd *cobra.Command, err error) error {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("%w; see %s --help", err, cmd.CommandPath())
	}
	allowed := "see " + cmd.CommandPath() + " --help"
	if f := cmd.Flags().Lookup(m[2]); f != nil {
		if a, ok := allowedByType[f.Value.Type()]; ok {
			allowed = a
		}
	}
	what := ""
	if strings.Contains(err.Error(), "value out of range") {
		what = " is out of range"
	}
	return fmt.Errorf("--%s %s%s: allowed: %s", m[2], strings.TrimSpace(m[1]), what, allowed)
}
