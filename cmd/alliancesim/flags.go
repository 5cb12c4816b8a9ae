package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Checks of the numeric flags shared by the commands that run
// replications, so that each bad value is refused naming its flag and
// what is allowed (docs/limits.md), before any work starts.

// workersHelp is the help of --workers.
const workersHelp = "parallel replications (default: GOMAXPROCS; capped at 4 per core and at the replications)"

// checkRuns refuses --runs outside [1, runner.MaxRuns].
func checkRuns(runs int) error { return checkRunsAtMost(runs, runner.MaxRuns) }

// checkRunsAtMost refuses --runs outside [1, hi]: a sweep's runs per
// point stop at configs.MaxRuns, an experiment file's bound.
func checkRunsAtMost(runs, hi int) error {
	if runs < 1 || runs > hi {
		return fmt.Errorf("--runs %d: allowed: a whole number in [1, %d]", runs, hi)
	}
	return nil
}

// workersAllowed is what --workers takes.
var workersAllowed = fmt.Sprintf("0 (one per core) or a whole number ≥ 1 (more than %d per core are capped)", runner.WorkersPerCore)

// checkWorkers refuses a negative --workers; large values are capped by
// the runner.
func checkWorkers(workers int) error {
	if workers < 0 {
		return fmt.Errorf("--workers %d: allowed: %s", workers, workersAllowed)
	}
	return nil
}

// checkCounts checks --runs and --workers together.
func checkCounts(runs, workers int) error {
	if err := checkRuns(runs); err != nil {
		return err
	}
	return checkWorkers(workers)
}

// checkOutFile refuses, before any work, an output file (flag names it)
// that could not be written at the end, or whose writing would replace
// what is there: a directory, a symbolic link, a device or a named pipe,
// or a path whose directory is missing, not a directory, or not writable.
func checkOutFile(flag, path string) error {
	// The file is written to a temporary name and renamed over path: a
	// symbolic link, a device or a named pipe would be replaced by a
	// regular file, not written through.
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		what := input.FileKind(fi.Mode()) + ", which writing would replace with a regular file"
		if fi.IsDir() {
			what = "a directory"
		}
		return fmt.Errorf("%s %s is %s; allowed: a regular file (replaced) or a new one, in an existing directory", flag, path, what)
	}
	return checkWritableDir(flag, path, filepath.Dir(path), "a file in an existing directory")
}

// outOnly refuses any of flags given without --out, whose files they
// concern (out is --out's value).
func outOnly(cmd *cobra.Command, out string, flags ...string) error {
	for _, f := range flags {
		if out == "" && cmd.Flags().Changed(f) {
			return fmt.Errorf("--%s applies to the files of --out, and there is no --out; allowed: --%s with --out DIR", f, f)
		}
	}
	return nil
}

// checkOutDir refuses, before any work, an --out directory that could not
// be written at the end: an existing file, a path under a file, under a
// missing directory or under one that is not writable. A missing
// directory is made when the results are written, in its existing parent
// (never a chain of them: a mistyped parent is refused). An existing one
// may hold only ours, the files the command writes (with report.html
// where report can draw one from them): another command's output or
// someone's files are never overwritten.
func checkOutDir(path string, ours ...string) error {
	if err := runner.Busy(path); err != nil {
		return fmt.Errorf("--out %w", err)
	}
	if entries, err := os.ReadDir(path); err == nil {
		for _, e := range entries {
			// a stale lock is taken over when the results are written
			if !slices.Contains(ours, e.Name()) && !runner.IsLockFile(e.Name()) {
				return fmt.Errorf("--out %s holds %s, which this command does not write; allowed: a new or empty directory, or one holding only %s", path, e.Name(), strings.Join(ours, ", "))
			}
		}
	}
	dir := path
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.IsDir():
		return fmt.Errorf("--out %s: %s is %s; allowed: %s", path, path, input.FileKind(fi.Mode()), outAllowed)
	case err != nil:
		if dir, err = outParent(path); err != nil {
			return err
		}
	}
	return checkWritableDir("--out", path, dir, outAllowed)
}

// outAllowed is what --out may name, for every command.
const outAllowed = "a directory (made if missing) in an existing directory"

// outParent is the directory a missing --out is made in, its parent, or
// an error where that is missing or not a directory: the directory is
// made there, never a chain of them, so that a mistyped parent is refused
// rather than made.
func outParent(path string) (string, error) {
	if target, err := os.Readlink(filepath.Clean(path)); err == nil {
		// Stat failed through a link, and making the directory would fail
		// with "file exists": say why it cannot be followed.
		why := "which does not exist"
		if _, err := os.Stat(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			why = "which cannot be followed: " + plainFileError(err).Error()
		}
		return "", fmt.Errorf("--out %s is a symbolic link to %s, %s; allowed: %s", path, target, why, outAllowed)
	}
	parent := filepath.Dir(filepath.Clean(path)) // "a/" is in "."
	fi, err := os.Stat(parent)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("--out %s: %s does not exist; allowed: %s", path, parent, outAllowed)
	case err != nil:
		return "", fmt.Errorf("--out %s: %v; allowed: %s", path, plainFileError(err), outAllowed)
	case !fi.IsDir():
		return "", fmt.Errorf("--out %s: %s is %s; allowed: %s", path, parent, input.FileKind(fi.Mode()), outAllowed)
	}
	return parent, nil
}

// checkWritableDir checks that a file can be made in dir, by making and
// removing one.
func checkWritableDir(flag, path, dir, allowed string) error {
	if err := tryWrite(dir); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%s %s: cannot write in %s (%v); allowed: %s", flag, path, dir, err, allowed)
	}
	return nil
}

// tryWrite makes a file in dir and removes it: nil if this user may
// write there.
func tryWrite(dir string) error {
	f, err := os.CreateTemp(dir, ".tmp-check-*")
	if err != nil {
		return err
	}
	f.Close()
	return os.Remove(f.Name())
}

// notWritable is err, a permission refused or another failure of a file
// operation while writing into dir, in the words every command that
// writes into a directory uses: name (the flag and directory as given:
// "--out d") cannot be written, and what is allowed. Whether dir is to
// blame is found by trying, as checkWritableDir does: making a file in
// it, or, where it does not exist yet, in the parent it is made in — not
// by the path the error names, which may be an input inside dir that
// cannot be read, or dir's parent. A failure elsewhere is err as it was,
// naming its file; so is any error not of a file operation. (A parent
// that refuses new entries without refusing permission, /proc, fails
// with "no such file or directory".)
func notWritable(name, dir string, err error) error {
	var pathErr *fs.PathError
	if !errors.Is(err, fs.ErrPermission) && !errors.As(err, &pathErr) {
		return err
	}
	const allowed = "allowed: a directory this user may write"
	if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) {
		parent := filepath.Dir(filepath.Clean(dir))
		if writable(parent) {
			return err
		}
		return fmt.Errorf("%s: cannot make it in %s (%w); %s, or a new one in a directory this user may write", name, parent, plainFileError(err), allowed)
	}
	if writable(dir) {
		return err
	}
	return fmt.Errorf("%s: cannot write in it (%w); %s", name, plainFileError(err), allowed)
}

// writable reports whether a file can be made in dir (tryWrite).
func writable(dir string) bool {
	return tryWrite(dir) == nil
}

// parseAt reads --at as explain and map take it: a month (YYYY-MM) or a
// tick of sc's run, within its horizon.
func parseAt(sc *sim.Scenario, at string) (int, error) {
	allowed := fmt.Sprintf("a month (YYYY-MM) from %s to %s or a tick from 0 to %d", sc.Calendar.Label(0), sc.Calendar.LastMonth(sc.Ticks-1), sc.Ticks-1)
	tick, err := strconv.Atoi(at) // a tick, -1 included
	if err != nil {
		if !strings.Contains(at, "-") {
			if _, digits := strconv.ParseUint(at, 10, 64); digits == nil || errors.Is(digits, strconv.ErrRange) {
				return 0, fmt.Errorf("--at %s: the tick is past the horizon; allowed: %s", at, allowed)
			}
			return 0, fmt.Errorf("--at %q is neither a month (YYYY-MM) nor a tick; allowed: %s", at, allowed)
		}
		y, m, err := sim.ParseMonth(at)
		if err != nil {
			return 0, fmt.Errorf("--at %q is not a month; allowed: %s", at, allowed)
		}
		tick = sc.Calendar.TickOf(y, m)
	}
	if tick < 0 || tick >= sc.Ticks {
		return 0, fmt.Errorf("--at %s is outside the scenario; allowed: %s", at, allowed)
	}
	return tick, nil
}

// checkOutputDir refuses, before any work, an --out of run, sweep or merge
// that is a file, or a missing one whose parent is missing or not a
// directory (outParent), as checkOutDir does for compare and hypotheses.
// (A directory that cannot be written is found when its lock is taken: a
// finished one on read-only storage is still read.)
func checkOutputDir(path string) error {
	fi, err := os.Stat(path)
	if err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("--out %s is %s; allowed: %s", path, input.FileKind(fi.Mode()), outAllowed)
		}
		return nil
	}
	_, err = outParent(path)
	return err
}
