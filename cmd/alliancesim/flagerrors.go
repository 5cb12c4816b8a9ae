package main

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/alliancesim/alliancesim/calibration"
	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
)

// badFlagValue is pflag's message for a value its type cannot parse.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag: `)

// allowedAnnotation is a flag's annotation that says what it takes, where
// its type says too little (--runs: its range, not only "a whole number").
const allowedAnnotation = "alliancesim_allowed"

// wholeAllowed annotates cmd's whole-number flags with what the command
// takes, so that a value that does not read as a whole number ("2.5") is
// told the same range as one out of it. --runs: that of every command but
// calibrate, whose runs per candidate stop short of the held-out seeds,
// and sweep, whose runs per point stop at an experiment file's bound.
func wholeAllowed(cmd *cobra.Command) {
	runs := runner.MaxRuns
	switch cmd.Name() {
	case "calibrate":
		runs = calibration.MaxRuns
	case "sweep":
		runs = configs.MaxRuns
	}
	for name, allowed := range map[string]string{
		"runs":      fmt.Sprintf("a whole number in [1, %d]", runs),
		"workers":   workersAllowed,
		"layouts":   fmt.Sprintf("a whole number in [1, %d]", hypotheses.MaxLayouts),
		"max-runs":  fmt.Sprintf("0 (%d × --runs) or a whole number in [--runs, %d]", hypotheses.DefaultEscalation, runner.MaxRuns),
		"resamples": fmt.Sprintf("a whole number in [%d, 100000]", minResamples),
		"samples":   fmt.Sprintf("a whole number in [1, %d] (at least 2 for morris and sobol)", configs.MaxPoints),
		"shards":    "a whole number ≥ 1, the Job's completions",
	} {
		if f := cmd.Flags().Lookup(name); f != nil && f.Value.Type() == "int" {
			_ = cmd.Flags().SetAnnotation(name, allowedAnnotation, []string{allowed})
		}
	}
}

// allowedByType says what a flag of a pflag type takes.
var allowedByType = map[string]string{
	// every uint64 flag is a seed, and seeds stop at 2^53 − 1
	// (runner.MaxSeed): what a CSV reader that reads doubles keeps exact
	"uint64":  "a whole number in [0, 9007199254740991] (2^53 − 1)",
	"int":     "a whole number (the command checks its range)",
	"float64": "a number",
	"bool":    "true or false",
	"string":  "text",
}

// flagError rewrites pflag's parse errors in our words: the flag, the
// value and what is allowed by the flag's type, without Go's strconv text
// ("--seed -1: allowed: a whole number in [0, 9007199254740991] (2^53 − 1)";
// the command then checks its own, narrower range). Other flag errors
// (an unknown flag)
// pass as they are, with a pointer to --help.
func flagError(cmd *cobra.Command, err error) error {
	var twice *givenTwice
	if m := badFlagValue.FindStringSubmatch(err.Error()); m != nil && errors.As(err, &twice) {
		return fmt.Errorf("--%s given twice (%s, then %s); allowed: once", m[2], twice.first, twice.second)
	}
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("%w; see %s --help", err, cmd.CommandPath())
	}
	allowed := "see " + cmd.CommandPath() + " --help"
	if f := cmd.Flags().Lookup(m[2]); f != nil {
		if a, ok := allowedByType[f.Value.Type()]; ok {
			allowed = a
		}
		if a := f.Annotations[allowedAnnotation]; len(a) == 1 {
			allowed = a[0]
		}
	}
	what := ""
	if strings.Contains(err.Error(), "value out of range") {
		what = " is out of range"
	}
	return fmt.Errorf("--%s %s%s: allowed: %s", m[2], strings.TrimSpace(m[1]), what, allowed)
}

// Argument counts are checked in our words, naming the command and what
// it takes, with its usage line, instead of Cobra's "accepts 1 arg(s),
// received 0" or "unknown command".

// oneScenario is what the commands that take a scenario take.
const oneScenario = "one scenario (a built-in name or a .toml file)"

// oneArg takes exactly one argument, what: "one directory".
func oneArg(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch len(args) {
		case 0:
			return fmt.Errorf("%s needs %s: %s", cmd.Name(), what, cmd.Use)
		case 1:
			return nil
		}
		return fmt.Errorf("%s takes only %s, got %s: %s", cmd.Name(), what, gotArgs(args), cmd.Use)
	}
}

// someArgs takes one argument or more, what: "at least one directory".
func someArgs(what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return nil
		}
		return fmt.Errorf("%s needs %s: %s", cmd.Name(), what, cmd.Use)
	}
}

// noArgs takes no argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return fmt.Errorf("%s takes no arguments, got %s; see %s --help", cmd.Name(), gotArgs(args), cmd.CommandPath())
}

// gotArgs writes the arguments given: "2 arguments (a b)".
func gotArgs(args []string) string {
	return fmt.Sprintf("%s (%s)", words.Count(len(args), "argument", "arguments"), strings.Join(args, " "))
}

// plainFileError writes a file system error in plain words: the path and
// what is wrong with it, without Go's operation ("reading scenario: stat
// nope.toml: no such file or directory" becomes "reading scenario:
// nope.toml: no such file or directory"). Other errors pass as they are.
func plainFileError(err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	return plainError{strings.Replace(err.Error(), pe.Error(), pe.Path+": "+pe.Err.Error(), 1), err}
}

// plainError is an error with its message rewritten; errors.Is and
// errors.As still see the original.
type plainError struct {
	msg string
	err error
}

func (e plainError) Error() string { return e.msg }
func (e plainError) Unwrap() error { return e.err }

// noEmptyFlags refuses a text flag set to "": every one names a file, a
// directory, a state, a date or a choice, and an empty one would be taken
// for the flag not given at all.
func noEmptyFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if err == nil && f.Value.Type() == "string" && f.Value.String() == "" {
			err = fmt.Errorf("--%s is empty; allowed: a value, or no --%s at all (--%s: %s)", f.Name, f.Name, f.Name, f.Usage)
		}
	})
	return err
}

// A flag that takes one value is refused when given twice with another
// value: pflag keeps the last silently, so --with phl --with aus
// appraised aus alone and --runs 2 --runs 3 ran 3. The flags that gather
// (--set, …) keep taking one value each time.

// onceValue is a flag's value that refuses a second Set.
type onceValue struct {
	pflag.Value
	first string
	set   bool
}

func (v *onceValue) Set(s string) error {
	switch {
	case v.set && v.same(s, v.first):
		return nil // the same value again says nothing new
	case v.set:
		return &givenTwice{first: v.first, second: s}
	}
	v.set, v.first = true, s
	return v.Value.Set(s)
}

// same reports whether a and b are the same value: the same text, or the
// same whole number written two ways (--runs 2 --runs 02).
func (v *onceValue) same(a, b string) bool {
	if _, whole := v.Value.(decimalValue); whole {
		na, oka := decimal(a)
		nb, okb := decimal(b)
		return oka && okb && na == nb
	}
	return a == b
}

// onceBool is a onceValue of a switch, which pflag lets stand without a
// value.
type onceBool struct{ *onceValue }

func (onceBool) IsBoolFlag() bool { return true }

// givenTwice is the error of a flag given a second time.
type givenTwice struct{ first, second string }

func (e *givenTwice) Error() string { return "given twice" }

// decimalValue is a whole-number flag read in base 10 only. pflag reads
// "010" as octal 8, "0x10" as 16 and "0b11" as 3, so that a seed padded
// with zeros (printf %03d) would silently name another replication;
// here leading zeros are only padding, and any other form is refused
// (with the flag's allowed values, flagError).
type decimalValue struct{ pflag.Value }

// decimalWhole is a whole number written in base 10, with an optional
// sign.
var decimalWhole = regexp.MustCompile(`^[+-]?[0-9]+$`)

func (v decimalValue) Set(s string) error {
	n, ok := decimal(s)
	if !ok {
		return fmt.Errorf("not a whole number in base 10")
	}
	return v.Value.Set(n)
}

// decimal is s, a whole number in base 10, without a plus sign or
// leading zeros ("-007" is "-7", "+010" is "10"); ok is false if s is
// not one.
func decimal(s string) (n string, ok bool) {
	if !decimalWhole.MatchString(s) {
		return "", false
	}
	sign, digits := "", s
	switch s[0] {
	case '+':
		digits = s[1:]
	case '-':
		sign, digits = "-", s[1:]
	}
	if digits = strings.TrimLeft(digits, "0"); digits == "" {
		sign, digits = "", "0" // -0 is 0
	}
	return sign + digits, true
}

// wholeTypes are the pflag types of the whole-number flags.
var wholeTypes = map[string]bool{"int": true, "uint64": true}

// onceFlags makes every flag of cmd that takes one value refuse a second,
// and every whole-number flag read in base 10 (decimalValue).
func onceFlags(cmd *cobra.Command) {
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if t := f.Value.Type(); strings.HasSuffix(t, "Array") || strings.HasSuffix(t, "Slice") {
			return
		}
		if wholeTypes[f.Value.Type()] {
			f.Value = decimalValue{f.Value}
		}
		v := &onceValue{Value: f.Value}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			f.Value = onceBool{v}
			return
		}
		f.Value = v
	})
}
