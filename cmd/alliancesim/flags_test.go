package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/alliancesim/alliancesim/report"
)

// Every command that runs replications refuses --runs 0 and negative
// counts, naming the flag, before any work (check and compare used to
// accept them); calibrate refuses a --set of a calibrated input or of no
// parameter; an --out that could not be written at the end is refused
// at the start (calibrate and hypotheses used to lose every run to it);
// a huge --workers is capped, not a panic.
func TestFlagsChecked(t *testing.T) {
	tmp := t.TempDir()
	missing := filepath.Join(tmp, "missing")
	file := filepath.Join(tmp, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	links := t.TempDir()
	dangling, loop := filepath.Join(links, "dangling.out"), filepath.Join(links, "loop")
	if err := os.Symlink("nowhere", dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop", loop); err != nil {
		t.Fatal(err)
	}
	sweep := filepath.Join(tmp, "x.toml")
	if err := os.WriteFile(sweep, []byte("scenario = \"generic\"\nruns = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "europe-1947", "--runs", "0"}, "--runs 0: allowed: a whole number in [1, 1000000000]"},
		// A --runs that does not parse says the command's range.
		{[]string{"run", "generic", "--runs", "1e3"}, "--runs 1e3: allowed: a whole number in [1, 1000000000]"},
		{[]string{"calibrate", "--runs", "x"}, "--runs x: allowed: a whole number in [1, 1000]"},
		// A sweep's --runs has an experiment file's range, and is blamed
		// on the flag, not the file.
		{[]string{"sweep", sweep, "--runs", "500000000"}, "--runs 500000000: allowed: a whole number in [1, 100000000]"},
		{[]string{"sweep", sweep, "--runs", "x"}, "--runs x: allowed: a whole number in [1, 100000000]"},
		{[]string{"sweep", sweep, "--samples", "0"}, "--samples 0: allowed: a whole number in [1, 100000] (at least 2 for morris and sobol)"},
		// Whole numbers are read in base 10 only: not as octal, hex or
		// binary, nor with Go's underscores.
		{[]string{"run", "generic", "--seed", "0x10"}, "--seed 0x10: allowed: a whole number in [0, 9007199254740991] (2^53 − 1)"},
		{[]string{"run", "generic", "--seed", "0b11"}, "--seed 0b11: allowed: a whole number in [0, 9007199254740991]"},
		{[]string{"check", "europe-1947", "--seed", "0o7"}, "--seed 0o7: allowed: a whole number in [0, 9007199254740991]"},
		{[]string{"run", "generic", "--runs", "1_000"}, "--runs 1_000: allowed: a whole number in [1, 1000000000]"},
		// A flag of one value given twice with another is refused, not
		// the last kept (a gathering flag, --set, takes each).
		{[]string{"explain", "asia-1950", "--at", "1954-09", "--state", "usa", "--with", "phl", "--with", "aus"}, "--with given twice (phl, then aus); allowed: once"},
		{[]string{"run", "generic", "--runs", "2", "--runs", "3"}, "--runs given twice (2, then 3); allowed: once"},
		{[]string{"run", "generic", "--no-events=false", "--no-events=true"}, "--no-events given twice (false, then true); allowed: once"},
		{[]string{"calibrate", "europe-1947", "europe-1947", "--runs", "1"}, `"europe-1947" is named twice; allowed: each of europe-1947, asia-1950 once`},
		{[]string{"calibrate", "--runs", "1001"}, "--runs: calibration: 1001 runs per candidate; allowed: 1 to 1000"},
		{[]string{"check", "europe-1947", "--runs", "-3"}, "--runs -3: allowed"},
		{[]string{"compare", "--runs", "0"}, "--runs 0: allowed"},
		{[]string{"compare", "--runs", "-3"}, "--runs -3: allowed"},
		{[]string{"hypotheses", "--runs", "0"}, "--runs 0: allowed"},
		{[]string{"hypotheses", "--runs", "-3"}, "--runs -3: allowed"},
		{[]string{"hypotheses", "--layouts", "0"}, "--layouts 0: allowed: a whole number in [1, 1000]"},
		{[]string{"hypotheses", "--layouts", "1000000000"}, "--layouts 1000000000: allowed: a whole number in [1, 1000]"},
		{[]string{"hypotheses", "--runs", "20", "--max-runs", "10"}, "--max-runs 10: allowed: 0 (8 × --runs, as far as the seeds reach and, from a seed below 1001, not past seed 1000) or a whole number in [20 (--runs), 1000000000]"},
		{[]string{"hypotheses", "--max-runs", "2000000000"}, "--max-runs 2000000000: allowed: 0 (8 × --runs, as far as the seeds reach and, from a seed below 1001, not past seed 1000) or a whole number in [100 (--runs), 1000000000]"},
		{[]string{"hypotheses", "--seed", "0"}, "--seed 0: allowed: a whole number in [1, 9007199254740991]"},
		// Every refusal of hypotheses --seed gives its range: one that
		// does not parse was told [0, …], and one past the last seed was
		// blamed on the runs a default --max-runs adds ("with 8 runs").
		{[]string{"hypotheses", "--seed", "-1"}, "--seed -1: allowed: a whole number in [1, 9007199254740991] (2^53 − 1)"},
		{[]string{"hypotheses", "T7", "--seed", "9007199254740992", "--runs", "1"}, "--seed 9007199254740992: allowed: a whole number in [1, 9007199254740991] (2^53 − 1)"},
		// Past the last seed: the flag given is named, not the default
		// --max-runs derived from --runs.
		{[]string{"hypotheses", "T7", "--seed", "9007199254740989", "--runs", "5"}, "--seed 9007199254740989 --runs 5: seed 9007199254740989 with 5 runs reaches past 9007199254740991"},
		{[]string{"hypotheses", "T7", "--seed", "9007199254740980", "--runs", "5", "--max-runs", "40"}, "--seed 9007199254740980 --max-runs 40: seed 9007199254740980 with 40 runs reaches past 9007199254740991"},
		// --list runs nothing: a flag beside it would be ignored.
		{[]string{"hypotheses", "--list", "--json", "--out", tmp}, "--json, --out: --list lists the hypotheses and runs none; allowed: --list alone, with ids or without"},
		{[]string{"hypotheses", "T4", "--list", "--seed", "0"}, "--seed: --list lists the hypotheses and runs none"},
		// A --set the hypothesis undoes would change nothing.
		{[]string{"hypotheses", "T4", "--runs", "2", "--set", "theater.generate.sea_fraction=0.3"}, "hypothesis T4: --set theater.generate.sea_fraction=0.3 would change nothing: the hypothesis sets theater.generate.sea_fraction itself"},
		{[]string{"hypotheses", "T8b", "--runs", "2", "--set", "decision.strategy=powerplay"}, "hypothesis T8b: --set decision.strategy=powerplay would change nothing"},
		{[]string{"run", "generic", "--runs", "0"}, "--runs 0: allowed"},
		{[]string{"run", "generic", "--runs", "2000000000"}, "--runs 2000000000: allowed: a whole number in [1, 1000000000]"},
		{[]string{"run", "generic", "--runs", "5", "--workers", "-1"}, "--workers -1: allowed: 0 (one per core)"},
		{[]string{"check", "europe-1947", "--workers", "-1"}, "--workers -1: allowed"},
		{[]string{"calibrate", "--runs", "0"}, "--runs: calibration: 0 runs per candidate; allowed: 1 to 1000"},
		{[]string{"calibrate", "--runs", "2000000000"}, "--runs: calibration: 2000000000 runs per candidate; allowed: 1 to 1000"},
		// a --set fault is the flag's, not the calibration's or a
		// hypothesis's, in the world that refused it unless the message
		// names it
		{[]string{"calibrate", "--set", "states.sov.revisionism=0.2"}, "--set states.sov.revisionism: a calibrated input of europe-1947, which the calibration tries at each of 0, 0.05,"},
		{[]string{"calibrate", "--set", "params.cost_base=1", "--set", "params.cost_base=2"}, "--set, in europe-1947: params.cost_base given twice (1, then 2); allowed: each path once"},
		{[]string{"calibrate", "--set", "params.cost_base=-1"}, "--set, in europe-1947: params.cost_base: -1 is out of range; allowed: a number in [0, 1000000]"},
		{[]string{"hypotheses", "T4", "--runs", "2", "--set", "params.cost_base=1", "--set", "params.cost_base=2"}, "--set, in generic: params.cost_base given twice (1, then 2); allowed: each path once"},
		{[]string{"hypotheses", "--runs", "2", "--set", "states.fra.revisionism=0.3"}, `--set "states.fra.revisionism" names no state of generic; allowed ids: patron,`},
		{[]string{"calibrate", "--runs", "1", "--set", "scenario.ticks=12"}, "--set, in europe-1947: scenario.ticks: 5 problems:\n  - event \"czech-coup\" (intent sov): 1948-02 is after the horizon"},
		{[]string{"calibrate", "--set", "params.nope=1"}, `"params.nope" names no parameter; allowed: params.rough_cost`},
		{[]string{"calibrate", "--set", "params.p_weak"}, "allowed: path=value"},
		// --out is checked before the runs, not after them.
		{[]string{"calibrate", "--out", filepath.Join(missing, "cal.md")}, "cannot write in " + missing + " (no such file or directory); allowed: a file in an existing directory"},
		{[]string{"calibrate", "--out", tmp}, "--out " + tmp + " is a directory; allowed: a regular file (replaced) or a new one, in an existing directory"},
		{[]string{"hypotheses", "T4", "--out", file}, "--out " + file + ": " + file + " is a file; allowed: a directory (made if missing)"},
		{[]string{"hypotheses", "T4", "--out", filepath.Join(file, "d")}, ": " + file + " is a file; allowed: a directory"},
		{[]string{"compare", "--out", file}, "--out " + file + ": " + file + " is a file"},
		// The directory is made, but not a missing parent (compare used
		// to make the whole chain).
		{[]string{"compare", "--out", filepath.Join(missing, "x")}, "--out " + filepath.Join(missing, "x") + ": " + missing + " does not exist; allowed: a directory (made if missing) in an existing directory"},
		{[]string{"hypotheses", "T4", "--out", filepath.Join(missing, "x")}, ": " + missing + " does not exist"},
		{[]string{"hypotheses", "T4", "--out", tmp}, "--out " + tmp + " holds a-file, which this command does not write; allowed: a new or empty directory, or one holding only hypotheses.csv, hypotheses.json, provenance.json, report.html"},
		{[]string{"compare", "--out", tmp}, "holds a-file, which this command does not write; allowed: a new or empty directory, or one holding only scorecard.csv"},
		// A symbolic link that points nowhere is said to (making the
		// directory failed with "file exists").
		{[]string{"run", "generic", "--runs", "2", "--out", dangling}, "--out " + dangling + " is a symbolic link to nowhere, which does not exist; allowed: a directory (made if missing) in an existing directory"},
		{[]string{"compare", "--runs", "2", "--out", dangling}, "--out " + dangling + " is a symbolic link to nowhere, which does not exist"},
		{[]string{"run", "generic", "--runs", "2", "--out", loop}, "--out " + loop + " is a symbolic link to loop, which cannot be followed: " + loop + ": too many levels of symbolic links; allowed: "},
		// A value its type cannot take, in our words, not strconv's.
		{[]string{"run", "generic", "--seed", "-1"}, "--seed -1: allowed: a whole number in [0, 9007199254740991] (2^53 − 1)"},
		{[]string{"run", "generic", "--seed", "18446744073709551616"}, "--seed 18446744073709551616 is out of range: allowed: a whole number in [0, 9007199254740991] (2^53 − 1)"},
		{[]string{"run", "generic", "--workers", "x"}, "--workers x: allowed: 0 (one per core) or a whole number ≥ 1 (more than 4 per core are capped)"},
		{[]string{"sensitivity", tmp, "--resamples", "1.5"}, "--resamples 1.5: allowed: a whole number in [100, 100000]"},
		{[]string{"hypotheses", "--layouts", "two"}, "--layouts two: allowed: a whole number in [1, 1000]"},
		// A text flag given empty is refused, not taken for no flag.
		{[]string{"run", "generic", "--runs", "2", "--out", ""}, "--out is empty; allowed: a value, or no --out at all (--out: write the files of the runs"},
		{[]string{"explain", "asia-1950", "--at", "1954-09", "--state", "usa", "--with", ""}, "--with is empty; allowed: a value, or no --with at all"},
		{[]string{"map", "asia-1950", "--png", ""}, "--png is empty"},
		// An output that is not what it must be is named with its flag.
		{[]string{"map", "asia-1950", "--png", tmp}, "--png " + tmp + " is a directory; allowed: a regular file (replaced) or a new one, in an existing directory"},
		{[]string{"map", "asia-1950", "--png", filepath.Join(tmp, "m.svg")}, "--png " + filepath.Join(tmp, "m.svg") + ": the picture is written as PNG; allowed: a file name ending in .png"},
		{[]string{"run", "generic", "--runs", "2", "--out", file}, "--out " + file + " is a file; allowed: a directory (made if missing)"},
		{[]string{"merge", tmp, "--out", file}, "--out " + file + " is a file; allowed: a directory (made if missing)"},
		// As for compare, the directory is made, not a missing parent
		// (run, sweep and merge used to make the whole chain).
		{[]string{"run", "generic", "--runs", "2", "--out", filepath.Join(missing, "x")}, "--out " + filepath.Join(missing, "x") + ": " + missing + " does not exist; allowed: a directory (made if missing) in an existing directory"},
		{[]string{"sweep", "../../examples/sweep/sea-fraction.toml", "--out", filepath.Join(missing, "x")}, ": " + missing + " does not exist"},
		{[]string{"merge", tmp, "--out", filepath.Join(missing, "x")}, ": " + missing + " does not exist"},
		{[]string{"run", "generic", "--runs", "2", "--out", filepath.Join(file, "x")}, "--out " + filepath.Join(file, "x") + ": " + file + " is a file"},
		{[]string{"run", "generic", "--json=maybe"}, "--json maybe: allowed: true or false"},
		{[]string{"run", "generic", "--nope"}, "unknown flag: --nope; see alliancesim run --help"},
		// Flags that would do nothing are refused, not ignored.
		{[]string{"sweep", "../../examples/sweep/sea-fraction.toml", "--shard", "1/2", "--shards", "5"}, "--shard 1/2 and --shards 5: allowed: one of them"},
		{[]string{"sweep", "../../examples/sweep/sea-fraction.toml", "--shard", "0/2", "--out", filepath.Join(tmp, "s0")}, `--shard "0/2": allowed: i/n with 1 ≤ i ≤ n, e.g. 2/4`},
		{[]string{"run", "generic", "--runs", "3", "--no-events"}, "--no-events applies to the files of --out, and there is no --out"},
		{[]string{"run", "generic", "--force"}, "--force applies to the files of --out"},
		{[]string{"hypotheses", "T7", "--runs", "2", "--force"}, "--force applies to the files of --out, and there is no --out; allowed: --force with --out DIR"},
		{[]string{"run", "generic", "--runs", "3", "--verbose"}, "--verbose applies to the timeline of one run, and this command prints a summary; allowed: --verbose with --runs 1, no --out and no --json"},
		{[]string{"run", "generic", "--json", "-v"}, "--verbose applies to the timeline of one run, and this command prints the run's record as JSON"},
		{[]string{"map", "asia-1950", "--seed", "5"}, "--seed picks the replication that --at replays, and there is no --at"},
		{[]string{"map", "asia-1950", "--terrain", "--png", filepath.Join(tmp, "m.png")}, "--terrain draws the text map without owners, and the picture always shows terrain and owners; allowed: --terrain or --png FILE, not both"},
		{[]string{"explain", "generic", "--at", "5", "--state", "c1", "--commitment", "weak"}, "--commitment applies to the alliance option of --with, and there is no --with; allowed: --commitment with --with IDS"},
		{[]string{"explain", "generic", "--at", "5", "--state", "c1", "--origin", "imposed"}, "--origin applies to the alliance option of --with, and there is no --with; allowed: --origin with --with IDS"},
		// explain weighs alliances: an adversary is named as the flag's fault
		{[]string{"explain", "asia-1950", "--at", "1954-09", "--state", "usa", "--with", "chn"}, "--with chn: an adversary never allies, and explain weighs alliances; allowed: a patron or client, usa, jpn, phl, aus, nzl, kor, twn, tha, pak, vnm, gbr, fra"},
		{[]string{"explain", "asia-1950", "--at", "1954-09", "--state", "sov"}, "--state sov: an adversary never allies"},
		{[]string{"explain", "asia-1950", "--at", "1954-09"}, "--state is required: a state id of asia-1950; allowed: usa, jpn, phl, aus, nzl, kor, twn, tha, pak, vnm, gbr, fra"},
		{[]string{"completion", "tcsh"}, "completion tcsh: no such shell; allowed: bash, fish, powershell, zsh"},
	} {
		_, err := execute(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: want …%s…, got %v", c.args, c.want, err)
		}
	}
	if out, err := execute(t, "run", "generic", "--runs", "3", "--workers", "4611686018427387904"); err != nil || !strings.Contains(out, "generic: 3 runs") {
		t.Errorf("--workers 2^62 should be capped: %v", err)
	}
}

// Every whole-number flag that does not read as one says its range, as
// one out of range does.
func TestEveryWholeNumberFlagSaysItsRange(t *testing.T) {
	for _, c := range newRoot().Commands() {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if f.Value.Type() != "int" {
				return
			}
			err := flagError(c, fmt.Errorf("invalid argument %q for %q flag: strconv.ParseInt: parsing %q: invalid syntax", "x", "--"+f.Name, "x"))
			if strings.Contains(err.Error(), "the command checks its range") {
				t.Errorf("%s --%s: %v: no range", c.Name(), f.Name, err)
			}
		})
	}
}

// Weights at 1e308 are refused when the scenario is read, naming the key
// (run --json used to fail with "json: unsupported value: NaN").
func TestRunRefusesOverflowingWeights(t *testing.T) {
	f := filepath.Join(t.TempDir(), "w.toml")
	os.WriteFile(f, []byte("extends = \"generic\"\n[params]\nweight_proximity = 1e308\nweight_offence = 1e308\n"), 0o644)
	_, err := execute(t, "run", f, "--json")
	if err == nil || !strings.Contains(err.Error(), "w.toml:3: params.weight_proximity: 1e+308 is out of range; allowed: a number in [0, 1000000]") {
		t.Errorf("want the weight refused, got %v", err)
	}
}

// --out never overwrites someone's files: a directory with files but no
// manifest of ours is refused by run and by merge, even with --force.
func TestOutRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	n := filepath.Join(dir, "N")
	os.MkdirAll(n, 0o755)
	os.WriteFile(filepath.Join(n, "summary.json"), []byte("precious\n"), 0o644)
	for _, args := range [][]string{{"run", "generic", "--runs", "3", "--out", n}, {"run", "generic", "--runs", "3", "--out", n, "--force"}} {
		if _, err := execute(t, args...); err == nil || !strings.Contains(err.Error(), "but no manifest.json of alliancesim") {
			t.Errorf("%v: want a refusal, got %v", args, err)
		}
	}
	src := filepath.Join(dir, "src")
	if _, err := execute(t, "run", "generic", "--runs", "3", "--out", src); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, "merge", src, "--out", n); err == nil || !strings.Contains(err.Error(), "but no manifest.json of alliancesim") {
		t.Errorf("merge into a foreign directory: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(n, "summary.json")); string(b) != "precious\n" {
		t.Error("the user's file was overwritten")
	}
	// report draws no report.html from a scorecard, so compare's --out
	// holding one holds someone else's.
	c := filepath.Join(dir, "C")
	os.MkdirAll(c, 0o755)
	os.WriteFile(filepath.Join(c, "report.html"), []byte("precious\n"), 0o644)
	if _, err := execute(t, "compare", "--runs", "1", "--out", c); err == nil || !strings.Contains(err.Error(), "holds report.html, which this command does not write; allowed: a new or empty directory, or one holding only scorecard.csv") {
		t.Errorf("compare --out holding a report.html: %v", err)
	}
}

// Files and directories that are not there are named in plain words, not
// in Go's ("stat nope.toml: no such file or directory"); a directory that
// does not exist is not said to lack a manifest; a wrong number of
// arguments is said in our words, not Cobra's ("requires at least 1
// arg(s), only received 0").
func TestMissingPlacesInPlainWords(t *testing.T) {
	dir := t.TempDir()
	nope := filepath.Join(dir, "nope")
	shard := filepath.Join(dir, "shard.out")
	os.WriteFile(filepath.Join(dir, "g.toml"), []byte("scenario = \"generic\"\nruns = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1, 2]\n"), 0o644)
	if _, err := execute(t, "sweep", filepath.Join(dir, "g.toml"), "--set", "scenario.ticks=24", "--shard", "1/2", "--out", shard); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", nope + ".toml"}, "reading experiment: " + nope + ".toml: no such file or directory"},
		// A built-in scenario's name where an experiment file belongs is
		// told what sweep takes.
		{[]string{"sweep", "generic", "--out", filepath.Join(dir, "g.out")}, `reading experiment: generic: no such file or directory; allowed: an experiment file ("generic" names a built-in scenario: `},
		{[]string{"run", nope + ".toml"}, nope + ".toml: no such file or directory"},
		{[]string{"report", shard}, shard + " has no summary.json: the work is incomplete (run `"},
		{[]string{"report", nope}, nope + ": no such directory"},
		{[]string{"sensitivity", nope}, nope + ": no such directory"},
		{[]string{"merge", shard, nope, "--out", filepath.Join(dir, "m")}, nope + ": no such directory"},
		{[]string{"merge"}, "merge needs at least one directory: merge DIR... --out DIR"},
		{[]string{"run"}, "run needs one scenario (a built-in name or a .toml file): run NAME|FILE"},
		{[]string{"report", "a", "b"}, "report takes only one output directory, got 2 arguments (a b): report DIR"},
		{[]string{"compare", "x"}, "compare takes no arguments, got 1 argument (x); see alliancesim compare --help"},
	} {
		_, err := execute(t, c.args...)
		if err == nil || !strings.HasSuffix(err.Error(), c.want) && !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "stat ") {
			t.Errorf("%v: want …%s, got %v", c.args, c.want, err)
		}
	}
	// No command is left with one of Cobra's texts.
	for _, c := range newRoot().Commands() {
		if c.Args == nil {
			continue
		}
		for _, args := range [][]string{nil, {"a", "b", "c"}} {
			if err := c.Args(c, args); err != nil && !strings.HasPrefix(err.Error(), c.Name()+" ") {
				t.Errorf("%s %v: %v", c.Name(), args, err)
			}
		}
	}
}

// A sweep's seed range past 2^53 − 1 names where the seed and the runs came
// from: --seed here, the file's runs.
func TestSweepSeedRangeNamesTheFlag(t *testing.T) {
	dir := writeFiles(t, map[string]string{"exp.toml": "scenario = \"generic\"\nruns = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n"})
	exp := filepath.Join(dir, "exp.toml")
	_, err := execute(t, "sweep", exp, "--seed", "9007199254740991", "--out", filepath.Join(dir, "out"))
	if want := "--seed 9007199254740991, runs 2 (" + exp + "): "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v\nwant %s…", err, want)
	}
}

// A whole number with leading zeros is read in base 10, the zeros only
// padding: --seed 010 is seed 10 (pflag alone read it as octal 8), --seed
// 009 is seed 9 (pflag refused it), --runs 003 is 3 runs.
func TestWholeNumberFlagsAreDecimal(t *testing.T) {
	for _, c := range []struct{ seed, runs, want string }{
		{"010", "002", "seeds 10–11"},
		{"009", "002", "seeds 9–10"},
		{"+7", "02", "seeds 7–8"},
		{"00", "1", "generic, seed 0:"},
	} {
		out, err := execute(t, "run", "generic", "--seed", c.seed, "--runs", c.runs)
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("--seed %s --runs %s: %v\n%s\nwant …%s…", c.seed, c.runs, err, out, c.want)
		}
	}
}

// The same value given twice says nothing new and is taken; a flag that
// gathers takes each of its values.
func TestFlagRepeatedWithTheSameValue(t *testing.T) {
	out := filepath.Join(t.TempDir(), "o")
	if _, err := execute(t, "run", "generic", "--runs", "2", "--runs", "2", "--no-events", "--no-events", "--out", out); err != nil {
		t.Errorf("--runs 2 twice: %v", err)
	}
	if _, err := execute(t, "run", "generic", "--runs", "2", "--runs", "02", "--seed", "3", "--seed", "+3"); err != nil {
		t.Errorf("--runs 2 then 02, --seed 3 then +3: %v", err)
	}
	if _, err := execute(t, "run", "generic", "--runs", "1", "--seed", "0", "--seed", "-0"); err != nil {
		t.Errorf("--seed 0 then -0: %v", err)
	}
	if _, err := execute(t, "validate", "generic", "--set", "params.sea_cost=2", "--set", "params.rough_cost=3"); err != nil {
		t.Errorf("--set twice: %v", err)
	}
}

// A relative --out with a trailing slash is a directory in the working
// one: made, not refused for a parent "a" that is the directory itself.
func TestOutWithATrailingSlash(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, err := execute(t, "run", "generic", "--runs", "2", "--out", "./a/"); err != nil {
		t.Errorf("run --out ./a/: %v", err)
	}
	if _, err := execute(t, "hypotheses", "T7", "--runs", "2", "--max-runs", "2", "--out", "h/"); err != nil {
		t.Errorf("hypotheses --out h/: %v", err)
	}
	for _, d := range []string{"a", "h"} {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			t.Errorf("%s not made: %v", d, err)
		}
	}
}

// Run again into complete output, the same command says nothing is to be
// done and points to --force; with --force it assembles the files again
// from parts/, and where there are none (a merged directory, or parts
// removed) it leaves the directory as it is and says what to do instead,
// without pointing to the --force it was given.
func TestForceOnCompleteOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "o")
	if _, err := execute(t, "run", "generic", "--runs", "2", "--out", out); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "nothing to do (the summary below is the one there; --force assembles its files again from parts/)"},
		{[]string{"--force"}, "--force asks for its results again; its result files are assembled again from parts/"},
	} {
		got, err := execute(t, append([]string{"run", "generic", "--runs", "2", "--out", out}, c.args...)...)
		if err != nil || !strings.Contains(got, c.want) {
			t.Errorf("again %v: %v\n%s\nwant …%s…", c.args, err, got, c.want)
		}
	}
	if err := os.RemoveAll(filepath.Join(out, "parts")); err != nil {
		t.Fatal(err)
	}
	got, err := execute(t, "run", "generic", "--runs", "2", "--out", out, "--force")
	if err != nil || !strings.Contains(got, "no parts/ to assemble its files from again (merged, or its parts removed); nothing to do (the summary below is the one there; merge again, or remove the directory to run the work again)") {
		t.Errorf("--force without parts: %v\n%s", err, got)
	}
	if _, err := os.Stat(filepath.Join(out, "summary.json")); err != nil {
		t.Errorf("--force without parts removed the complete output: %v", err)
	}
}

// calibrate checks every scenario before it runs any: a --set only
// asia-1950 refuses (Germany is a state of europe-1947 alone) is refused
// at the start. The context is cancelled before the command starts, so a
// calibration that ran europe-1947 first would say it was interrupted.
func TestCalibrateChecksEveryScenarioFirst(t *testing.T) {
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs([]string{"calibrate", "--runs", "1", "--set", "states.deu.revisionism=0.1"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := root.ExecuteContext(ctx); err == nil || !strings.Contains(err.Error(), "names no state of asia-1950") {
		t.Errorf("got %v", err)
	}
}

// The report tells a recorded command's flag values from its arguments by
// the flags that take none (report.ValuelessFlags): they are exactly the
// command line's boolean flags, but cobra's --help, which no recorded
// command holds.
func TestReportKnowsTheValuelessFlags(t *testing.T) {
	var bools []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Value.Type() != "bool" || f.Name == "help" {
				return
			}
			bools = append(bools, "--"+f.Name)
			if f.Shorthand != "" {
				bools = append(bools, "-"+f.Shorthand)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRoot())
	slices.Sort(bools)
	if bools = slices.Compact(bools); !slices.Equal(bools, report.ValuelessFlags()) {
		t.Errorf("boolean flags %q; report.ValuelessFlags %q", bools, report.ValuelessFlags())
	}
}

// Shell completion offers the built-in scenarios, each with its
// description, as the first argument of every command that takes one
// (check only those with historical targets),
// with files as well (directive 0, for a scenario file); after it, nothing
// (directive 4, no file completion).
func TestScenarioCompletion(t *testing.T) {
	// complete is what a shell reads: cobra's note of the directive, on
	// the error stream, which execute merges, dropped.
	complete := func(args ...string) ([]string, error) {
		out, err := execute(t, append([]string{"__complete"}, args...)...)
		var lines []string
		for l := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
			if !strings.HasPrefix(l, "Completion ended with directive:") {
				lines = append(lines, l)
			}
		}
		return lines, err
	}
	for _, cmd := range []string{"run", "check", "explain", "validate", "map", "show"} {
		lines, err := complete(cmd, "")
		if err != nil || len(lines) == 0 {
			t.Fatalf("%s: %q, %v", cmd, lines, err)
		}
		var names []string
		for _, l := range lines[:len(lines)-1] {
			name, desc, ok := strings.Cut(l, "\t")
			if !ok || desc == "" {
				t.Errorf("%s: completion %q has no description", cmd, l)
			}
			names = append(names, name)
		}
		want := []string{"asia-1950", "europe-1947", "generic"}
		if cmd == "check" { // the scenarios with historical targets
			want = want[:2]
		}
		if !slices.Equal(names, want) || lines[len(lines)-1] != ":0" {
			t.Errorf("%s: completes %v, directive %q; want %v and :0", cmd, names, lines[len(lines)-1], want)
		}
		if lines, err := complete(cmd, "generic", ""); err != nil || !slices.Equal(lines, []string{":4"}) {
			t.Errorf("%s generic: %q, %v; want directive :4 alone", cmd, lines, err)
		}
	}
}
