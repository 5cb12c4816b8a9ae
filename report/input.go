package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/internal/digest"
	"github.com/alliancesim/alliancesim/internal/input"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Kind is what an output directory holds.
type Kind int

// Kinds of output directory.
const (
	MonteCarlo Kind = iota // run NAME --runs N --out DIR
	SingleRun              // run NAME --seed S --out DIR (one replication)
	Sweep                  // sweep EXPERIMENT --out DIR
	Hypotheses             // hypotheses --out DIR
)

func (k Kind) String() string {
	return [...]string{"Monte Carlo run", "single run", "sweep", "hypotheses"}[k]
}

// Input is what a report is drawn from: the files of an output directory,
// read and checked.
type Input struct {
	Dir  string
	Kind Kind

	// Runs, sweeps and single runs.
	Manifest *runner.Manifest
	Summary  *runner.Summary      // the pooled summary for a sweep
	Sweep    *runner.SweepSummary // sweeps only
	// Scenario is scenario.toml, read back; ScenarioNote says why it
	// could not be, or why it may not replay the runs exactly.
	Scenario     *sim.Scenario
	ScenarioNote string
	// scenarioEdited: scenario.toml is not the file the work wrote, so
	// the states it names are not checked against the recorded files,
	// and only labelled by it.
	scenarioEdited bool

	// Hypotheses output.
	Hypotheses       []hypotheses.Result
	HypothesesSHA256 string
	// Provenance is provenance.json of a hypotheses directory: nil in one
	// written before hypotheses --out wrote it.
	Provenance *hypotheses.Provenance
}

// Read reads an output directory: one written by run or sweep with --out
// (manifest.json, summary.json and the CSV files) or by hypotheses --out
// (hypotheses.json, and provenance.json where it was written).
func Read(dir string) (*Input, error) {
	in := &Input{Dir: dir}
	if err := runner.CheckDir(dir); err != nil {
		return nil, err
	}
	m, err := runner.ReadManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		path := filepath.Join(dir, "hypotheses.json")
		h, herr := input.ReadFile(path)
		if errors.Is(herr, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s holds neither manifest.json (run, sweep) nor hypotheses.json (hypotheses): nothing to report", dir)
		}
		if herr != nil {
			return nil, herr
		}
		in.Kind = Hypotheses
		if err := decode(path, h, &in.Hypotheses); err != nil {
			return nil, err
		}
		if len(in.Hypotheses) == 0 {
			return nil, fmt.Errorf("%s: no results; allowed: the results of one or more hypotheses", path)
		}
		seen := map[string]int{}
		for i := range in.Hypotheses {
			if err := in.Hypotheses[i].Check(); err != nil {
				return nil, fmt.Errorf("%s: result %d: %v", path, i+1, err)
			}
			if first, dup := seen[in.Hypotheses[i].ID]; dup {
				return nil, fmt.Errorf("%s: result %d: %s again (first as result %d); allowed: each hypothesis once", path, i+1, in.Hypotheses[i].ID, first)
			}
			seen[in.Hypotheses[i].ID] = i + 1
		}
		in.HypothesesSHA256 = digest.SHA256Hex(h)
		ppath := filepath.Join(dir, "provenance.json")
		pb, perr := input.ReadFile(ppath)
		switch {
		case errors.Is(perr, fs.ErrNotExist):
		case perr != nil:
			return nil, perr
		default:
			var prov hypotheses.Provenance
			if err := decode(ppath, pb, &prov); err != nil {
				return nil, err
			}
			if err := prov.Check(); err != nil {
				return nil, fmt.Errorf("%s: %v", ppath, err)
			}
			in.Provenance = &prov
		}
		return in, nil
	}
	if err != nil {
		return nil, err
	}
	in.Manifest = m
	path := filepath.Join(dir, "summary.json")
	b, err := readSummary(path)
	if errors.Is(err, fs.ErrNotExist) {
		if shardOf(m) {
			return nil, fmt.Errorf("%s has no summary.json: it holds one shard of the work; combine it with the other shards' directories with alliancesim merge, and report the merged directory (where this shard's own chunks are unfinished, first %s)", dir, finishAdvice(m, dir))
		}
		return nil, fmt.Errorf("%s has no summary.json: the work is incomplete (%s to finish it)", dir, finishAdvice(m, dir))
	}
	if err != nil {
		return nil, err
	}
	switch {
	case len(m.Vary) > 0:
		in.Kind = Sweep
		var s runner.SweepSummary
		if err := decode(path, b, &s); err != nil {
			return nil, err
		}
		in.Sweep, in.Summary = &s, s.Summary
	default:
		in.Kind = MonteCarlo
		if m.Runs == 1 {
			in.Kind = SingleRun
		}
		var s runner.Summary
		if err := decode(path, b, &s); err != nil {
			return nil, err
		}
		in.Summary = &s
	}
	if in.Summary == nil {
		return nil, fmt.Errorf("%s: no summary in summary.json", dir)
	}
	var points []runner.PointSummary
	if in.Sweep != nil {
		points = in.Sweep.Points
	}
	if err := checkSummary(in.Summary, points); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if err := summaryOfManifest(m, in.Summary, in.Sweep); err != nil {
		return nil, fmt.Errorf("%s: %v ("+redoAdvice+")", path, err)
	}
	// Every byte of every result file, against the record summary.json
	// keeps of them; one written before alliancesim kept it is checked
	// by what each file holds alone (as it always is, below).
	if in.Summary.Files != nil {
		if err := runner.CheckResults(dir, m, in.Summary.Files); err != nil {
			return nil, err
		}
	}
	in.readScenario()
	return in, nil
}

// readSummary reads summary.json, a regular file of any size: a sweep's
// holds a summary per point, about 60 KB each at 50 runs, so a plan the
// runner allows can pass input.MaxFileSize.
func readSummary(path string) ([]byte, error) {
	f, err := input.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return b, nil
}

// readScenario reads scenario.toml back and checks that it is the file
// the work wrote (the manifest's scenario_sha256), which names the states
// and their roles, and that it is, in canonical form, the scenario of the
// first point, byte for byte, so that a replayed run is the run that was
// recorded.
func (in *Input) readScenario() {
	path := filepath.Join(in.Dir, "scenario.toml")
	raw, err := input.ReadFile(path)
	var sc *sim.Scenario
	if err == nil {
		sc, err = configs.Parse(path, raw)
	}
	if err != nil {
		in.ScenarioNote = fmt.Sprintf("scenario.toml could not be read back (%v): no maps", err)
		return
	}
	text, err := configs.Format(sc)
	if err != nil {
		in.ScenarioNote = fmt.Sprintf("scenario.toml could not be put in canonical form (%v): no maps", err)
		return
	}
	in.Scenario = sc // for names and roles, whatever the note says
	canonical := digest.SHA256Hex(text)
	// The file the work wrote, or the same scenario in other words (a
	// comment added): this version reads it as the work wrote it.
	if canonical != in.Manifest.ScenarioSHA256 && digest.SHA256Hex(raw) != in.Manifest.ScenarioSHA256 {
		in.scenarioEdited = true
		in.ScenarioNote = "scenario.toml is not the file the work wrote (edited or replaced since; running the same command again writes it again): the states' names are as it has them now"
		if in.Kind != Sweep { // whose report draws no maps
			in.ScenarioNote += ", and no maps"
		}
		return
	}
	if canonical != in.Manifest.Points[0].ScenarioSHA256 {
		if in.Kind == Sweep {
			in.ScenarioNote = "scenario.toml is the sweep's base scenario; the maps of a run need its point's scenario, which the directory does not hold: no maps"
		} else {
			in.ScenarioNote = "scenario.toml is the file the run wrote, but this version of alliancesim reads it as another scenario (it was written by another version, whose report draws the maps): no maps"
		}
	}
}

// replayable reports whether runs of the first point can be replayed from
// scenario.toml.
func (in *Input) replayable() bool { return in.Scenario != nil && in.ScenarioNote == "" }

// calendar is the first point's calendar.
func (in *Input) calendar() sim.Calendar {
	p := in.Manifest.Points[0]
	y, m, _ := sim.ParseMonth(p.Start)
	return sim.Calendar{StartYear: y, StartMonth: m, MonthsPerTick: p.MonthsPerTick}
}

func (in *Input) path(name string) string { return filepath.Join(in.Dir, name) }

// redoAdvice is what a damaged output file asks of the user where what it
// holds gives the damage away: in a directory whose summary.json keeps no
// record of the files (CheckResults finds any change where it does), as
// one written by an older build, which only --force replaces; --force
// assembles every file again from parts/ where they are all there.
const redoAdvice = "run the work again with --force"

// shardOf reports whether the command that began the work ran one
// shard of it (--shard i/n, or --shards n with the index from the
// environment).
func shardOf(m *runner.Manifest) bool {
	return slices.ContainsFunc(m.Command, func(a string) bool {
		return a == "--shard" || a == "--shards" || strings.HasPrefix(a, "--shard=") || strings.HasPrefix(a, "--shards=")
	})
}

// finishAdvice says how to finish the work of an incomplete directory:
// the command that began it, run again (a sweep with --resume; a run
// always goes on where it stopped; a merge, which has no --resume, as it
// was), its arguments quoted where a shell would need them, and its
// output directory dir, the one read: work is known by what it is, not by
// where it lies, so a directory moved or copied since is finished where
// it is now. A file or directory the command reads by a relative path
// (relativePath) is found from where it first ran, which the advice then
// says, with dir made absolute.
func finishAdvice(m *runner.Manifest, dir string) string {
	if len(m.Command) == 0 {
		return "run the command that began it again"
	}
	relative := relativePath(m)
	if abs, err := filepath.Abs(dir); relative != "" && err == nil {
		dir = abs // to be found from there too
	}
	command := withOut(m.Command, dir)
	args := make([]string, len(command))
	for k, a := range command {
		args[k] = a
		if a == "" || strings.ContainsAny(a, " \t\n\"'\\$`*?[]{}()<>|&;#~") {
			args[k] = strconv.Quote(a)
		}
	}
	again := "run `" + strings.Join(args, " ") + "` again"
	if m.Experiment != "" && len(m.Merged) == 0 && !slices.Contains(m.Command, "--resume") {
		again += " with --resume"
	}
	if relative != "" {
		again += fmt.Sprintf(" (from the directory it first ran in, where %s is)", relative)
	}
	return again
}

// relativePath is the first file or directory the command that began m's
// work names by a relative path, found from where it ran: an argument
// (not a flag's value) that ends in .toml or holds a path separator, or
// any directory a merge read. "" if none.
func relativePath(m *runner.Manifest) string {
	for k := 1; k < len(m.Command); k++ {
		a := m.Command[k]
		switch {
		case strings.HasPrefix(a, "-") && !strings.Contains(a, "=") && !booleanFlags[a]:
			k++ // a flag's value (--out's is replaced, --shard's i/n is no path)
			continue
		case strings.HasPrefix(a, "-") || filepath.IsAbs(a):
			continue
		}
		if strings.HasSuffix(strings.ToLower(a), ".toml") || strings.ContainsRune(a, filepath.Separator) || slices.ContainsFunc(m.Merged, func(d runner.MergedDir) bool { return d.Dir == a }) {
			return a
		}
	}
	return ""
}

// booleanFlags are the command line's flags that take no value
// (ValuelessFlags): what follows one is an argument of its own.
var booleanFlags = map[string]bool{"--force": true, "--json": true, "--list": true, "--no-events": true,
	"--no-descriptions": true, "--resume": true, "--source": true, "--terrain": true, "--verbose": true, "-v": true}

// ValuelessFlags are the flags of alliancesim's command line that take no
// value, as the report reads a recorded command (Manifest.Command) to
// tell a flag's value from an argument; sorted. The command line's tests
// check them against its flags.
func ValuelessFlags() []string {
	return slices.Sorted(maps.Keys(booleanFlags))
}

// withOut is command with dir as its output directory (--out), added
// where the command took its default.
func withOut(command []string, dir string) []string {
	out := slices.Clone(command)
	for k, a := range out {
		switch {
		case a == "--out" && k+1 < len(out):
			out[k+1] = dir
			return out
		case strings.HasPrefix(a, "--out="):
			out[k] = "--out=" + dir
			return out
		}
	}
	return append(out, "--out", dir)
}
