package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
)

// withRunsCell is runs.csv of dir with the cell col of its first run set
// to v (or, for v "drop", without the column col), written to a new file.
func withRunsCell(t *testing.T, dir, col, v string) string {
	t.Helper()
	lines := mustReadLines(t, filepath.Join(dir, "runs.csv"))
	at := slices.Index(strings.Split(string(lines[0]), ","), col)
	if at < 0 {
		t.Fatalf("runs.csv has no column %s", col)
	}
	var body []byte
	for i, l := range lines {
		if len(l) == 0 {
			continue
		}
		cells := strings.Split(string(l), ",")
		switch {
		case v == "drop":
			cells = slices.Delete(cells, at, at+1)
		case i == 1:
			cells[at] = v
		}
		body = append(append(body, strings.Join(cells, ",")...), '\n')
	}
	path := filepath.Join(t.TempDir(), "runs.csv")
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A first commitment is empty (none) or a tick of the run: of a run of
// 504 ticks, 0 and 503 are read, −2 and 504 refused at their line; a
// runs.csv without the column is refused, not read as no commitment.
func TestReadRunsFirstCommitmentAtItsEdges(t *testing.T) {
	many, _, _, _ := fixtures(t)
	m := mustManifest(t, many)
	if m.Points[0].Ticks != 504 {
		t.Fatalf("the fixture runs %d ticks, not 504", m.Points[0].Ticks)
	}
	for _, c := range []struct {
		v    string
		want int
	}{{"", -1}, {"0", 0}, {"503", 503}} {
		runs, err := readRuns(withRunsCell(t, many, "first_commitment", c.v), 0, m)
		if err != nil || len(runs) != 60 || runs[0].FirstCommitment != c.want {
			t.Errorf("first_commitment %q: %v, want run 0's first commitment %d", c.v, err, c.want)
		}
	}
	for _, v := range []string{"-2", "504"} {
		path := withRunsCell(t, many, "first_commitment", v)
		want := path + `:2: first_commitment "` + v + `"; allowed: empty (none) or a tick from 0 to 503: the file is damaged or from another run (run the work again with --force)`
		if _, err := readRuns(path, 0, m); err == nil || err.Error() != want {
			t.Errorf("first_commitment %s:\n got %v\nwant %s", v, err, want)
		}
	}
	path := withRunsCell(t, many, "first_commitment", "drop")
	if _, err := readRuns(path, 0, m); err == nil || err.Error() != path+`:2: no column "first_commitment"` {
		t.Errorf("runs.csv without first_commitment: %v", err)
	}
}

// runsAgree holds summary.json to the runs.csv it was counted from. Four
// runs by hand: patron_bilateral in runs 0 and 2; first commitments at
// ticks 3, 8 and 4 (run 3 none): mean 15/3 = 5, median 4. Each edit a
// hand could make to summary.json is refused, naming what disagrees.
func TestRunsAgree(t *testing.T) {
	keys := runner.ShareKeys()
	happened := func(on ...runner.Share) []bool {
		h := make([]bool, len(keys))
		for _, k := range on {
			h[k] = true
		}
		return h
	}
	runs := []runRow{
		{Run: 0, Happened: happened(runner.PatronBilateral), FirstCommitment: 3},
		{Run: 1, Happened: happened(), FirstCommitment: 8},
		{Run: 2, Happened: happened(runner.PatronBilateral), FirstCommitment: 4},
		{Run: 3, Happened: happened(), FirstCommitment: -1},
	}
	ptr := func(x float64) *float64 { return &x }
	valid := func() *runner.Summary {
		s := &runner.Summary{Runs: 4, Shares: map[string]runner.Proportion{},
			FirstCommitment: runner.FirstCommitment{Share: runner.NewProportion(3, 4), Mean: ptr(5), Median: ptr(4)},
			Survival:        []runner.GroupSurvival{{Group: "all"}}}
		for _, k := range keys {
			s.Shares[k] = runner.NewProportion(0, 4)
		}
		s.Shares["patron_bilateral"] = runner.NewProportion(2, 4)
		return s
	}
	if err := runsAgree("runs.csv", runs, valid()); err != nil {
		t.Fatalf("the summary of these runs refused: %v", err)
	}
	for _, c := range []struct {
		edit func(*runner.Summary)
		want string
	}{
		{func(s *runner.Summary) { s.Shares["patron_bilateral"] = runner.NewProportion(3, 4) },
			"runs.csv has patron_bilateral in 2 runs, summary.json's shares.patron_bilateral 3"},
		{func(s *runner.Summary) { s.Shares["client_alliance"] = runner.NewProportion(1, 4) },
			"runs.csv has client_alliance in 0 runs, summary.json's shares.client_alliance 1"},
		{func(s *runner.Summary) { s.FirstCommitment.Median = ptr(-3) },
			"runs.csv gives the first commitments a mean of 5 and a median of 4, summary.json 5 and -3"},
		{func(s *runner.Summary) { s.FirstCommitment.Mean = ptr(5.5) }, "summary.json 5.5 and 4"},
		{func(s *runner.Summary) { s.FirstCommitment = runner.FirstCommitment{Share: runner.NewProportion(0, 4)} },
			"runs.csv has a first commitment in 3 runs, summary.json's first_commitment 0"},
		{func(s *runner.Summary) { s.Survival = nil }, "runs.csv has alliances formed, and summary.json no survival curve"},
	} {
		s := valid()
		c.edit(s)
		if err := runsAgree("runs.csv", runs, s); err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), redoAdvice) {
			t.Errorf("got %v, want …%s…", err, c.want)
		}
	}
	// A client alliance alone is an alliance formed too.
	clientOnly := []runRow{{Run: 0, Happened: happened(runner.ClientAlliance), FirstCommitment: -1}}
	s0 := &runner.Summary{Runs: 1, Shares: map[string]runner.Proportion{}, FirstCommitment: runner.FirstCommitment{Share: runner.NewProportion(0, 1)}}
	for _, k := range keys {
		s0.Shares[k] = runner.NewProportion(0, 1)
	}
	s0.Shares["client_alliance"] = runner.NewProportion(1, 1)
	if err := runsAgree("runs.csv", clientOnly, s0); err == nil || !strings.Contains(err.Error(), "no survival curve") {
		t.Errorf("a client alliance and no survival curve: %v", err)
	}
	// An even count of first commitments: the median is halfway.
	runs[3].FirstCommitment = 9 // 3, 4, 8, 9: median 6, mean 6
	s := valid()
	s.FirstCommitment = runner.FirstCommitment{Share: runner.NewProportion(4, 4), Mean: ptr(6), Median: ptr(6)}
	if err := runsAgree("runs.csv", runs, s); err != nil {
		t.Errorf("an even count: %v", err)
	}
	runs[3].FirstCommitment = 10 // 3, 4, 8, 10: median 6, mean 6.25
	if err := runsAgree("runs.csv", runs, s); err == nil || !strings.Contains(err.Error(), "a mean of 6.25 and a median of 6") {
		t.Errorf("an even count, the mean edited: %v", err)
	}
}

// medianOf, by hand: the middle one of an odd count, the mean of the
// two middles of an even one.
func TestMedianOf(t *testing.T) {
	for _, c := range []struct {
		ticks []int
		want  float64
	}{{[]int{7}, 7}, {[]int{1, 2, 9}, 2}, {[]int{1, 2, 3, 9}, 2.5}} {
		if got := medianOf(c.ticks); got != c.want {
			t.Errorf("median of %v: %v, want %v", c.ticks, got, c.want)
		}
	}
}
