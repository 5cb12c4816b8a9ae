package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
