package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// An interruption is said in words, whatever command it stopped, not as
// Go's "context canceled"; anything else follows the tool's name.
func TestPrintError(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("running T4: %w", context.Canceled), "alliancesim: interrupted before the results were complete; nothing was written\n"},
		{executeError(context.Canceled, "d", ""), "alliancesim: interrupted; d keeps whatever chunks were finished: run the same command again to finish\n"},
		{errors.New("out: no such directory"), "alliancesim: out: no such directory\n"},
	} {
		var b bytes.Buffer
		printError(&b, c.err)
		if b.String() != c.want {
			t.Errorf("%v: %q, want %q", c.err, b.String(), c.want)
		}
	}
}

// An interrupted command exits with 130, as a shell reports a process
// ended by SIGINT, whether or not it kept work; any other failure with 1.
func TestExitStatus(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{fmt.Errorf("running T4: %w", context.Canceled), 130},
		{executeError(fmt.Errorf("chunk 3: %w", context.Canceled), "d", "--resume"), 130},
		{errors.New("out: no such directory"), 1},
		{executeError(runner.ErrOtherWork, "d", ""), 1},
	} {
		if got := exitStatus(c.err); got != c.want {
			t.Errorf("%v: exit status %d, want %d", c.err, got, c.want)
		}
	}
}

// After runner.Execute fails, the command says what to do in its own
// flags: run again (with --resume for a sweep) after an interruption,
// --force for a directory of other work, --resume for an interrupted run
// of the same work; other errors pass as they are.
func TestExecuteError(t *testing.T) {
	other := fmt.Errorf("d holds the output of %w: seed (1 here, 2 there)", runner.ErrOtherWork)
	stopped := fmt.Errorf("d holds an %w run of this same work", runner.ErrInterrupted)
	plain := errors.New("disk full")
	for _, c := range []struct {
		err          error
		resume, want string
	}{
		{context.Canceled, "", "interrupted; d keeps whatever chunks were finished: run the same command again to finish"},
		{context.Canceled, "--resume", "interrupted; d keeps whatever chunks were finished: run the same command again with --resume to finish"},
		{other, "", "d holds the output of other work: seed (1 here, 2 there); use --force to replace it (its runs are played again), another directory, or 'alliancesim report d' to draw what it holds"},
		{stopped, "--resume", "d holds an interrupted run of this same work; add --resume to go on in it, or use another directory"},
		{plain, "", "disk full"},
	} {
		if got := executeError(c.err, "d", c.resume).Error(); got != c.want {
			t.Errorf("%v: %q, want %q", c.err, got, c.want)
		}
	}
}
