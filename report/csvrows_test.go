package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A cell that is not what its column holds is refused, naming the file,
// the line, the column and the cell: a whole number, a seed, a number, a
// finite number; of several, the first; an empty file has no header and
// is refused, not read as no rows.
func TestRowCellsAreCheckedByKind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.csv")
	for _, c := range []struct {
		body string
		read func(r *row)
		want string
	}{
		{"a,b\n1,five\n", func(r *row) { r.int("a"); r.int("b") }, `:2: b "five" is not a whole number`},
		{"a\n1\n-3\n", func(r *row) { r.uint("a") }, `:3: a "-3" is not a whole number ≥ 0`},
		{"a\n18446744073709551616\n", func(r *row) { r.uint("a") }, `:2: a "18446744073709551616" is not a whole number ≥ 0`},
		{"a\n0.5e\n", func(r *row) { r.float("a") }, `:2: a "0.5e" is not a number`},
		{"a\n+Inf\n", func(r *row) { r.finite("a") }, `:2: a is +Inf; allowed: a finite number`},
		{"a\n-Inf\n", func(r *row) { r.finite("a") }, `:2: a is -Inf; allowed: a finite number`},
		{"a,b\nx,y\n", func(r *row) { r.float("a"); r.float("b") }, `:2: a "x" is not a number`},
		{"a\n1\n", func(r *row) { r.float("c") }, `:2: no column "c"`},
		{"a,b\n1,\n", func(r *row) { r.optInt("b"); r.int("b") }, `:2: b "" is not a whole number`},
	} {
		if err := os.WriteFile(path, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		err := eachRow(path, func(r *row) error { c.read(r); return nil })
		if err == nil || err.Error() != path+c.want {
			t.Errorf("%q: got %v, want %q", c.body, err, path+c.want)
		}
	}
	os.WriteFile(path, nil, 0o644)
	if err := eachRow(path, func(*row) error { return nil }); err == nil || !strings.HasPrefix(err.Error(), path+" is empty, without even its header: the output is damaged") {
		t.Errorf("an empty file: %v", err)
	}
}

// Only the cells that may be empty read as -1 (a membership still in
// force, a run with no commitment). An empty point or run is refused: as
// -1 it was taken for another point's or run's row, and the row was
// skipped without a word (a Gantt chart lost a bar).
func TestEmptyCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(path, []byte("a,b\n,7\n"), 0o644)
	if err := eachRow(path, func(r *row) error {
		if a, b := r.optInt("a"), r.optInt("b"); a != -1 || b != 7 {
			t.Errorf("optInt: %d and %d, want -1 and 7", a, b)
		}
		return nil
	}); err != nil {
		t.Errorf("optInt of an empty cell: %v", err)
	}
	mem := filepath.Join(t.TempDir(), "memberships.csv")
	for _, c := range []struct{ body, want string }{
		{"point,run,alliance,state,joined,left\n0,0,2,usa,3,\n,0,2,jpn,3,7\n", `memberships.csv:3: point "" is not a whole number`},
		{"point,run,alliance,state,joined,left\n0,0,2,usa,3,\n0,,2,kor,3,7\n", `memberships.csv:3: run "" is not a whole number`},
	} {
		os.WriteFile(mem, []byte(c.body), 0o644)
		bars, err := readBars(mem, 0, 504)
		if err == nil || err.Error() != filepath.Join(filepath.Dir(mem), c.want) {
			t.Errorf("%q: %d bars, %v; want %s", c.body, len(bars), err, c.want)
		}
	}
}
