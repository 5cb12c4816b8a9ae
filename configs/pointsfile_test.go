package configs

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDesign writes an experiment naming a points file beside it, and the
// points file, and parses the experiment.
func writeDesign(t *testing.T, csv string) (*Experiment, string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "design.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	exp := filepath.Join(dir, "exp.toml")
	if err := os.WriteFile(exp, []byte("scenario = \"generic\"\ndesign = \"points\"\npoints = \"design.csv\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadExperiment(exp)
	return x, filepath.Join(dir, "design.csv"), err
}

// A CSV design drives the points: paths from the header, values typed by
// path, comments and a spreadsheet's byte-order mark ignored.
func TestPointsFile(t *testing.T) {
	x, _, err := writeDesign(t, "\ufeffparams.sea_cost, decision.strategy ,decision.patience,params.invite_occupied\n# from SALib\n1.5,prospect,12,true\n4,assurance,0,false\n")
	if err != nil {
		t.Fatal(err)
	}
	if x.Design != "points" || x.PointsFile != "design.csv" || len(x.Points) != 2 || x.Unit != nil {
		t.Fatalf("%+v", x)
	}
	if got := x.Describe(0); got != "params.sea_cost=1.5, decision.strategy=prospect, decision.patience=12, params.invite_occupied=true" {
		t.Fatalf("point 0: %s", got)
	}
	sc, err := x.ScenarioAt(1)
	if err != nil || sc.Params.SeaCost != 4 || sc.Decision.Strategy != "assurance" || sc.Decision.Patience != 0 || sc.Params.InviteOccupied {
		t.Fatalf("%v %+v", err, sc.Params)
	}
	if !strings.Contains(string(x.Canonical()), "  [1.5, \"prospect\", 12, true],\n") {
		t.Fatalf("canonical:\n%s", x.Canonical())
	}
}

// A bad file is reported with its name, line and column, and what is
// allowed.
func TestPointsFileErrors(t *testing.T) {
	cases := []struct{ csv, want string }{
		{"", "design.csv:1: empty; allowed: a header of dotted paths"},
		{"params.sea_cost\n", "design.csv:1: no points; allowed: a row per point"},
		{"params.warp\n1\n", "design.csv:1: column 1: \"params.warp\" names no parameter"},
		{"params.sea_cost,params.sea_cost\n1,2\n", "design.csv:1: column 2: \"params.sea_cost\" is also column 1"},
		{"params.sea_cost,decision.strategy\n1,prospect\n2\n", "design.csv:3: 1 cell; allowed: one per column of the header (2)"},
		{"params.sea_cost,decision.patience\n1,2\n1,2.5\n", "design.csv:3: column 2 (decision.patience): 2.5 is not a whole number"},
		{"params.sea_cost\nfast\n", "design.csv:2: column 1 (params.sea_cost): \"fast\" is not a number; allowed: a number in [0, 1000000] for params.sea_cost"},
		// numbers are read as a scenario file, and --set, read them
		{"params.sea_cost\n1e400\n", "design.csv:2: column 1 (params.sea_cost): 1e400 is out of range; allowed: a number in [0, 1000000] for params.sea_cost"},
		{"params.sea_cost\n1e-400\n", "design.csv:2: column 1 (params.sea_cost): 1e-400 is too small for a number to hold, and would be 0; allowed: 0, or a number in [0, 1000000] for params.sea_cost"},
		{"params.sea_cost\n0x1p4\n", "design.csv:2: column 1 (params.sea_cost): \"0x1p4\" is not a number as a scenario file writes one"},
		{"params.sea_cost\n.5\n", "design.csv:2: column 1 (params.sea_cost): \".5\" is not a number as a scenario file writes one (no leading zero"},
		{"decision.strategy\nbold\n", "design.csv:2: column 1 (decision.strategy): "},
		{"params.sea_cost,decision.strategy\n1,\n", "design.csv:2: column 2 (decision.strategy): empty; allowed: assurance, powerplay, prospect for decision.strategy"},
		{"params.sea_cost\n\"1\n", "design.csv:2: extraneous or missing \" in quoted-field"},
		// a number outside its path's range is its cell's error, as a list's value is
		{"params.sea_cost\n1\n-1\n", "design.csv:3: column 1 (params.sea_cost): -1 is out of range; allowed: a number in [0, 1000000] for params.sea_cost"},
		{"scenario.ticks\n1\n0\n", "design.csv:3: column 1 (scenario.ticks): 0 is out of range; allowed: a whole number in [1, 1000000] for scenario.ticks"},
		// a point whose cells are each in range may still be an invalid scenario: 96001 months from 2000-01 end after 9999-12
		{"scenario.ticks\n24\n96001\n", "design.csv:3: point 1 (scenario.ticks=96001) gives an invalid scenario"},
		{"states.zz.land\n1\n", "design.csv:1: column 1: \"states.zz.land\" names no state of generic"},
	}
	for _, c := range cases {
		_, _, err := writeDesign(t, c.csv)
		var list Errors
		if !errors.As(err, &list) {
			t.Errorf("%q: want Errors, got %v", c.csv, err)
			continue
		}
		found := false
		for _, e := range list {
			found = found || strings.HasSuffix(e.File, "design.csv") && strings.Contains("design.csv"+strings.TrimPrefix(e.Error(), e.File), c.want)
		}
		if !found {
			t.Errorf("%q: want …%s…, got\n%v", c.csv, c.want, list)
		}
	}
}

// A bad row does not hide another's: a row of the wrong width and a cell
// that is not a number are reported beside a well-formed row that gives an
// invalid scenario, each at its line, and later points keep their numbers.
func TestPointsFileEveryProblemAtOnce(t *testing.T) {
	_, _, err := writeDesign(t, "params.sea_cost,scenario.ticks\n1,24\n2\nfast,24\n3,96001\n")
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("want Errors, got %v", err)
	}
	want := []string{
		"design.csv:3: 1 cell; allowed: one per column of the header (2)",
		"design.csv:4: column 1 (params.sea_cost): \"fast\" is not a number",
		"design.csv:5: point 3 (params.sea_cost=3, scenario.ticks=96001) gives an invalid scenario",
	}
	if len(list) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(list), len(want), list)
	}
	for i, w := range want {
		if got := "design.csv" + strings.TrimPrefix(list[i].Error(), list[i].File); !strings.HasPrefix(got, w) {
			t.Errorf("error %d: %s\nwant %s…", i, got, w)
		}
	}
}

// The experiment's own mistakes about points files.
func TestPointsKeys(t *testing.T) {
	experimentErr(t, "scenario = \"generic\"\ndesign = \"points\"\n", 2, "design", "a points design needs its points; allowed: points = \"design.csv\"")
	experimentErr(t, "scenario = \"generic\"\npoints = \"d.csv\"\n", 2, "points", `points is for design = "points"; allowed: leave it out for a grid`)
	experimentErr(t, "scenario = \"generic\"\ndesign = \"points\"\npoints = \"nowhere.csv\"\n", 3, "points", "cannot read nowhere.csv: no such file or directory; allowed: a regular CSV file of at most 16 MiB, relative to x.toml")
	// a directory: one reason, and one "allowed"
	experimentErr(t, "scenario = \"generic\"\ndesign = \"points\"\npoints = \".\"\n", 3, "points", "cannot read .: a directory, not a regular file; allowed: a regular CSV file of at most 16 MiB, relative to x.toml")
	experimentErr(t, "scenario = \"generic\"\ndesign = \"points\"\npoints = \"nowhere.csv\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n", 4, "vary[0]",
		"a points design takes its paths from the header of nowhere.csv; allowed: no [[vary]]")
}

// FuzzPointsFile: no points file makes the parser panic; a valid one gives
// points over the paths of its header.
func FuzzPointsFile(f *testing.F) {
	f.Add([]byte("params.sea_cost,decision.strategy\n1,prospect\n2.5,assurance\n"))
	f.Add([]byte("\ufeff# c\nstates.c1.sovereign,theater.generate.islands\ntrue,3\n\"false\",\"2\"\n"))
	f.Add([]byte("params.sea_cost\n\"1\n"))
	f.Add([]byte(",\n,\n"))
	dir := f.TempDir()
	exp := filepath.Join(dir, "exp.toml")
	if err := os.WriteFile(exp, []byte("scenario = \"generic\"\ndesign = \"points\"\npoints = \"d.csv\"\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, csv []byte) {
		if err := os.WriteFile(filepath.Join(dir, "d.csv"), csv, 0o644); err != nil {
			t.Fatal(err)
		}
		x, err := LoadExperiment(exp)
		if (x == nil) == (err == nil) {
			t.Fatalf("want exactly one of experiment and error, got %v and %v", x, err)
		}
		if err == nil && (len(x.Points) == 0 || len(x.Vary) == 0 || len(x.Points[0]) != len(x.Vary)) {
			t.Fatalf("valid design with %d points over %d paths", len(x.Points), len(x.Vary))
		}
	})
}

// A points file of 100000 points (the most a sweep may have) is read
// whole: its only error is the bad cell of its last row; a 100001st row
// is refused at its line. (A bad cell keeps the 100000 points from being
// checked one by one, which takes minutes.)
func TestPointsFileAtItsLimit(t *testing.T) {
	rows := func(n int) string {
		var b strings.Builder
		b.WriteString("params.sea_cost\n")
		for range n - 1 {
			b.WriteString("1\n")
		}
		b.WriteString("fast\n")
		return b.String()
	}
	_, path, err := writeDesign(t, rows(100_000))
	want := path + ":100001: column 1 (params.sea_cost): \"fast\" is not a number; allowed: a number in [0, 1000000] for params.sea_cost"
	if err == nil || err.Error() != want {
		t.Errorf("100000 points:\n got %.300v\nwant %s", err, want)
	}
	_, path, err = writeDesign(t, "params.sea_cost\n"+strings.Repeat("1\n", 100_001))
	want = path + ":100002: more than 100000 points; allowed: at most 100000"
	if err == nil || err.Error() != want {
		t.Errorf("100001 points:\n got %.300v\nwant %s", err, want)
	}
}

// Each of these files has exactly the errors listed: a row of too many
// cells is one error (and the file, though it has no point, is not also
// said to have none); an empty header cell is named as empty; a bad
// header is reported alone.
func TestPointsFileErrorsExactly(t *testing.T) {
	for _, c := range []struct{ csv, want string }{
		{"params.sea_cost,decision.strategy\n1,prospect,x\n", "design.csv:2: 3 cells; allowed: one per column of the header (2)"},
		{"params.sea_cost,\n1,2\n", "design.csv:1: column 2: empty header; allowed: a dotted path such as params.sea_cost"},
		// A bad header stops the reading: the rows are not read as well.
		{"params.sea_cost,params.sea_cost\nfast,1\n", "design.csv:1: column 2: \"params.sea_cost\" is also column 1; allowed: each path once"},
	} {
		_, csvPath, err := writeDesign(t, c.csv)
		var list Errors
		if !errors.As(err, &list) {
			t.Errorf("%q: want Errors, got %v", c.csv, err)
			continue
		}
		var got []string
		for _, e := range list {
			got = append(got, strings.TrimPrefix(e.Error(), filepath.Dir(csvPath)+string(filepath.Separator)))
		}
		if strings.Join(got, "\n") != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.csv, strings.Join(got, "\n     "), c.want)
		}
	}
}

// Cells are read with the spaces around them trimmed, as header cells are.
func TestPointsFileCellsTrimmed(t *testing.T) {
	x, _, err := writeDesign(t, "params.sea_cost,decision.strategy\n 1.5 , prospect \n")
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Points) != 1 || x.Points[0][0] != 1.5 || x.Points[0][1] != "prospect" {
		t.Fatalf("points %v; want [[1.5 prospect]]", x.Points)
	}
}

// An absolute points path is read as it is, not beside the experiment.
func TestPointsFileAbsolute(t *testing.T) {
	csvPath := filepath.Join(t.TempDir(), "abs.csv")
	if err := os.WriteFile(csvPath, []byte("params.sea_cost\n2\n3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exp := filepath.Join(t.TempDir(), "exp.toml")
	src := fmt.Sprintf("scenario = \"generic\"\ndesign = \"points\"\npoints = %q\n", csvPath)
	if err := os.WriteFile(exp, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadExperiment(exp)
	if err != nil || len(x.Points) != 2 || x.Points[1][0] != 3.0 {
		t.Fatalf("%v: points %v", err, x)
	}
}

// Every row of a points file that gives an invalid scenario is reported
// at its line, in one report, naming the key by its path.
func TestPointsFileInvalidRowsAtOnce(t *testing.T) {
	_, file, err := writeDesign(t, "params.sea_cost,scenario.ticks,params.record_every\n1,96001,0\n2,30,0\n3,20000,1\n4,96002,0\n")
	want := strings.Join([]string{
		file + ":2: point 0 (params.sea_cost=1, scenario.ticks=96001, params.record_every=0) gives an invalid scenario: scenario.ticks: 96001 ticks from 2000-01 end in 10000-01; allowed: a run that ends by 9999-12 (at most 96000 ticks from this start)",
		file + ":4: point 2 (params.sea_cost=3, scenario.ticks=20000, params.record_every=1) gives an invalid scenario: params.record_every: 20000 ticks sampled every 1 ticks make 20000 time-series samples; allowed: at most 10000 (record_every ≥ 2)",
		file + ":5: point 3 (params.sea_cost=4, scenario.ticks=96002, params.record_every=0) gives an invalid scenario: scenario.ticks: 96002 ticks from 2000-01 end in 10000-02; allowed: a run that ends by 9999-12 (at most 96000 ticks from this start)",
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// overlayKey names a key of the overlay's n-th [[states]] table by the
// state's id, in the order the paths first name each state.
func TestOverlayKey(t *testing.T) {
	paths := []string{"params.sea_cost", "states.c3.land", "states.c1.stakes.c2", "states.c3.naval"}
	for key, want := range map[string]string{
		"states[0].land":      "states.c3.land",
		"states[1].stakes.c2": "states.c1.stakes.c2",
		"states[2].land":      "states[2].land", // no third state: left as it is
		"params.sea_cost":     "params.sea_cost",
	} {
		if got := overlayKey(key, paths); got != want {
			t.Errorf("overlayKey(%q) = %q, want %q", key, got, want)
		}
	}
}

// A repeated invalid row is reported at each of its lines, each naming
// its own point, also where the scenario's message names the point (a
// horizon set by the point ends before europe-1947's events): the check
// does not reuse one row's message for another.
func TestPointsFileRepeatedInvalidRows(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "design.csv"), []byte("scenario.ticks\n12\n12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exp := filepath.Join(dir, "exp.toml")
	if err := os.WriteFile(exp, []byte("scenario = \"europe-1947\"\ndesign = \"points\"\npoints = \"design.csv\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadExperiment(exp)
	var list Errors
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("want an error for each row, got %v", err)
	}
	for i, e := range list {
		if want := fmt.Sprintf("point %d of", i); e.Line != i+2 || !strings.Contains(e.Msg, fmt.Sprintf("point %d (", i)) || !strings.Contains(e.Msg, want) {
			t.Errorf("row %d: %v; want line %d naming point %d throughout", i, e, i+2, i)
		}
	}
}

// A file refused for its size has no point checked as a scenario: the
// invalid first row is not reported, only the size.
func TestPointsFileTooLargeChecksNoPoint(t *testing.T) {
	_, path, err := writeDesign(t, "scenario.ticks\n96001\n"+strings.Repeat("1\n", 100_000))
	if want := path + ":100002: more than 100000 points; allowed: at most 100000"; err == nil || err.Error() != want {
		t.Errorf("got %.300v\nwant %s", err, want)
	}
}

// A points file that cannot be read is reported whatever else is wrong
// with the experiment, first (its key precedes any [[vary]] table): it
// was not read while the file had another error, so that a [[vary]]
// table, or runs out of range, hid the missing file. A file that can be
// read has its header and rows checked beside the other errors.
func TestPointsFileReportedWithTheRest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("d.csv", "params.sea_cost\nfast\n")
	vary := "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n"
	missing := "cannot read " + filepath.Join(dir, "nowhere.csv") + ": no such file or directory; allowed: a regular CSV file of at most 16 MiB, relative to "
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"missing, with a [[vary]] table", "scenario = \"generic\"\ndesign = \"points\"\npoints = \"nowhere.csv\"\n" + vary, []string{
			"x.toml:3: points: " + missing,
			"x.toml:4: vary[0]: a points design takes its paths from the header of nowhere.csv; allowed: no [[vary]]",
		}},
		{"missing, with runs out of range", "scenario = \"generic\"\nruns = 0\ndesign = \"points\"\npoints = \"nowhere.csv\"\n", []string{
			"x.toml:2: runs: 0 is out of range",
			"x.toml:4: points: " + missing,
		}},
		{"a bad cell, with a [[vary]] table", "scenario = \"generic\"\ndesign = \"points\"\npoints = \"d.csv\"\n" + vary, []string{
			"d.csv:2: column 1 (params.sea_cost): \"fast\" is not a number",
			"x.toml:4: vary[0]: a points design takes its paths from the header of d.csv; allowed: no [[vary]]",
		}},
		{"a bad cell, with runs out of range", "scenario = \"generic\"\nruns = 0\ndesign = \"points\"\npoints = \"d.csv\"\n", []string{
			"d.csv:2: column 1 (params.sea_cost): \"fast\" is not a number",
			"x.toml:2: runs: 0 is out of range",
		}},
	} {
		exp := write("x.toml", c.src)
		_, err := LoadExperiment(exp)
		var list Errors
		if !errors.As(err, &list) || len(list) != len(c.want) {
			t.Errorf("%s: %v, want %d errors", c.name, err, len(c.want))
			continue
		}
		for i, w := range c.want {
			got := strings.TrimPrefix(list[i].Error(), dir+string(filepath.Separator))
			if !strings.HasPrefix(got, w) {
				t.Errorf("%s: error %d: %s\nwant %s…", c.name, i, got, w)
			}
		}
	}
}
