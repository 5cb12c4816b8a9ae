package examples_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Each example builds and runs with go run, on few replications.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs six programs")
	}
	cases := []struct {
		dir, want string
		args      []string
	}{
		{"./embed", "a patron bilateral alliance formed in", []string{"-runs", "20"}},
		{"./custom-strategy", "patron multilateral     0.0%", []string{"-runs", "20"}},
		{"./sweep", "point,theater.generate.sea_fraction,client_alliance", []string{"-runs", "4"}},
		{"./sweep-memory", "5 points × 4 runs, seeds 1–4 at every point", []string{"-runs", "4"}},
		{"./sobol", "asia-1950: Sobol indices over 28 points × 2 runs (N = 4)", []string{"-runs", "2", "-samples", "4"}},
		{"./custom-measure", "runs.csv, first rows (run, seed, …, the two measures):\n  run,seed,…,japan_allied,most_in_force", []string{"-runs", "10"}},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			out, err := exec.Command("go", append([]string{"run", c.dir}, c.args...)...).CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !strings.Contains(string(out), c.want) {
				t.Fatalf("output lacks %q:\n%s", c.want, out)
			}
		})
	}
}

// An example that writes its results into a temporary directory removes it
// when interrupted, as when it fails: Ctrl-C in the middle of the runs
// leaves nothing behind in the temporary directory.
func TestInterruptedExamplesLeaveNoTempDir(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs two programs")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no os.Interrupt to send to a process on Windows")
	}
	for _, c := range []struct{ dir, prefix, runs string }{
		{"./sweep", "sweep-", "100000"},
		{"./custom-measure", "custom-measure-", "100000"},
	} {
		t.Run(c.dir, func(t *testing.T) {
			bin := filepath.Join(t.TempDir(), "example")
			if out, err := exec.Command("go", "build", "-o", bin, c.dir).CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			tmp := t.TempDir()
			cmd := exec.Command(bin, "-runs", c.runs)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			// Interrupt once the example has made its directory.
			for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
				if m, _ := filepath.Glob(filepath.Join(tmp, c.prefix+"*")); len(m) > 0 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					<-done // the output is complete, and no longer written to
					t.Fatalf("no %s* directory in TMPDIR after a minute:\n%s", c.prefix, out.String())
				}
			}
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			select {
			case <-done:
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running a minute after the interrupt:\n%s", out.String())
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("left behind in TMPDIR after an interrupt: %s\n%s", left[0].Name(), out.String())
			}
		})
	}
}

// A flag out of range is refused, naming the flag and what it allows,
// rather than ignored in favour of the experiment file's value.
func TestExamplesRefuseBadFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs three programs")
	}
	for _, c := range []struct {
		dir  string
		args []string
		want string
	}{
		{"./sweep", []string{"-runs", "-1"}, "-runs -1: allowed: a whole number ≥ 1, or 0 for the experiment's runs"},
		{"./sweep-memory", []string{"-runs", "-1"}, "-runs -1: allowed: a whole number ≥ 1, or 0 for the experiment's runs"},
		{"./sobol", []string{"-runs", "-1"}, "-runs -1: allowed: a whole number ≥ 1, or 0 for the experiment's runs"},
		{"./sobol", []string{"-samples", "-1"}, "-samples: -1 is out of range; allowed: a whole number in [2, "},
	} {
		t.Run(c.dir+" "+strings.Join(c.args, " "), func(t *testing.T) {
			out, err := exec.Command("go", append([]string{"run", c.dir}, c.args...)...).CombinedOutput()
			if err == nil {
				t.Fatalf("ran:\n%s", out)
			}
			if !strings.Contains(string(out), c.want) {
				t.Fatalf("output lacks %q:\n%s", c.want, out)
			}
		})
	}
}
