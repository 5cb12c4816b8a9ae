package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
)

// readmeCommands returns every alliancesim command of the README's sh
// blocks, as argument lists, in order: "go run ./cmd/alliancesim ARGS",
// comments cut, "&&" chains split.
func readmeCommands(t *testing.T, readme string) [][]string {
	t.Helper()
	f, err := os.Open(readme)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	inSh := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		case !inSh:
			continue
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		for _, part := range strings.Split(line, "&&") {
			fields := strings.Fields(part)
			if len(fields) >= 3 && fields[0] == "go" && fields[1] == "run" && fields[2] == "./cmd/alliancesim" {
				out = append(out, fields[3:])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// quick caps the work of a command so that the whole tour runs in
// seconds: --runs at most 8 (added where a command runs many replications
// by default; 2 for calibrate, which plays them for every candidate of
// its grids), one layout and no escalation past --runs for hypotheses,
// and a sweep of a drawn design (lhs, morris, sobol) its fewest samples.
// Everything else is run as written.
func quick(args []string) []string {
	out := append([]string(nil), args...)
	if len(out) == 0 {
		return out
	}
	most := 8
	if out[0] == "calibrate" {
		most = 2
	}
	hasRuns := false
	for i := 0; i+1 < len(out); i++ {
		if out[i] == "--runs" {
			hasRuns = true
			if n, err := strconv.Atoi(out[i+1]); err == nil && n > most {
				out[i+1] = strconv.Itoa(most)
			}
		}
	}
	switch out[0] {
	case "calibrate", "check", "compare", "hypotheses", "sweep":
		if !hasRuns {
			out = append(out, "--runs", strconv.Itoa(min(4, most)))
		}
	}
	if out[0] == "sweep" && len(out) > 1 && !slices.Contains(out, "--samples") {
		// A drawn design (lhs, morris, sobol) gets its fewest samples.
		if x, err := configs.LoadExperiment(out[1]); err == nil {
			switch x.Design {
			case "lhs":
				out = append(out, "--samples", "2")
			case "morris":
				out = append(out, "--samples", "3")
			case "sobol":
				out = append(out, "--samples", "4")
			}
		}
	}
	if out[0] == "hypotheses" {
		out = append(out, "--layouts", "1")
		// An inconclusive verdict is not run again on more.
		runs := out[slices.Index(out, "--runs")+1]
		if i := slices.Index(out, "--max-runs"); i >= 0 && i+1 < len(out) {
			out[i+1] = runs
		} else {
			out = append(out, "--max-runs", runs)
		}
	}
	return out
}

// quick caps what costs runs and leaves the rest of a command as written.
func TestQuickCapsTheRuns(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"calibrate --runs 20", "calibrate --runs 2"},
		{"calibrate", "calibrate --runs 2"},
		{"check asia-1950 --runs 500 --seed 1001", "check asia-1950 --runs 8 --seed 1001"},
		{"compare", "compare --runs 4"},
		{"hypotheses", "hypotheses --runs 4 --layouts 1 --max-runs 4"},
		{"hypotheses T6 --runs 8", "hypotheses T6 --runs 8 --layouts 1 --max-runs 8"},
		{"hypotheses T6 --max-runs 16", "hypotheses T6 --max-runs 4 --runs 4 --layouts 1"},
		{"run asia-1950 --seed 7", "run asia-1950 --seed 7"},
	} {
		if got := strings.Join(quick(strings.Fields(c.in)), " "); got != c.want {
			t.Errorf("quick(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// Every alliancesim command the README shows runs as written (with its run
// counts capped), from a directory holding the shipped examples/, and the
// README's pandas script recomputes the shares of a run it made.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command of the README")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(t, filepath.Join(root, "README.md"))
	if len(cmds) < 20 {
		t.Fatalf("found %d commands in the README; the parser lost some", len(cmds))
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "examples"), filepath.Join(dir, "examples")); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	for _, args := range cmds {
		args = quick(args)
		root := newRoot()
		root.SetOut(io.Discard)
		root.SetErr(io.Discard)
		root.SetArgs(args)
		if err := root.ExecuteContext(context.Background()); err != nil {
			t.Errorf("alliancesim %s: %v", strings.Join(args, " "), err)
		}
	}
	checkPandasScript(t, filepath.Join(root, "README.md"), dir)
}

var pythonBlock = regexp.MustCompile("(?s)```python\n(.*?)```")

// checkPandasScript runs the README's pandas script on the asia.out the
// tour wrote, where a Python with pandas is found, and checks that every
// share it recomputes equals summary.json's.
func checkPandasScript(t *testing.T, readme, dir string) {
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	m := pythonBlock.FindSubmatch(b)
	if m == nil {
		t.Fatal("the README has no pandas script")
	}
	if lines := strings.Count(strings.TrimSpace(string(m[1])), "\n") + 1; lines > 10 {
		t.Errorf("the pandas script has %d lines; keep it to ten, a script a reader takes in at a glance", lines)
	}
	python := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import pandas").Run() == nil {
			python = path
			break
		}
	}
	if python == "" {
		t.Skip("no Python with pandas here (apt-get install python3-pandas): the README's pandas script was not run")
	}
	cmd := exec.Command(python, "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(string(m[1]))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the pandas script failed: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 8 {
		t.Fatalf("the pandas script printed %d lines:\n%s", len(lines), out)
	}
	for _, l := range lines {
		mine, theirs, ok := strings.Cut(l, "summary.json:")
		fields := strings.Fields(mine)
		if !ok || len(fields) < 2 || strings.Join(fields[1:], " ") != strings.TrimSpace(theirs) {
			t.Errorf("recomputed share differs from summary.json: %s", l)
		}
	}
}
