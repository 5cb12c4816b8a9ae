package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"

	"github.com/alliancesim/alliancesim/internal/input"
)

// row is one record of a CSV file with a header, read by column name.
type row struct {
	cols   map[string]int
	cells  []string
	file   string
	line   int
	errors []error
}

// get is the cell of column name ("" and an error if there is none).
func (r *row) get(name string) string {
	i, ok := r.cols[name]
	if !ok || i >= len(r.cells) {
		r.errors = append(r.errors, fmt.Errorf("%s:%d: no column %q", r.file, r.line, name))
		return ""
	}
	return r.cells[i]
}

// optInt is a whole-number cell that may be empty (-1): when a
// membership ended, when a run first committed.
func (r *row) optInt(name string) int {
	if r.get(name) == "" {
		return -1
	}
	return r.int(name)
}

// int is a whole-number cell. An empty one is an error: a row with no
// point or run would otherwise be taken for another point's or run's and
// skipped without a word.
func (r *row) int(name string) int {
	s := r.get(name)
	v, err := strconv.Atoi(s)
	if err != nil {
		r.errors = append(r.errors, fmt.Errorf("%s:%d: %s %q is not a whole number", r.file, r.line, name, s))
	}
	return v
}

// uint is an unsigned whole-number cell (a seed).
func (r *row) uint(name string) uint64 {
	s := r.get(name)
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		r.errors = append(r.errors, fmt.Errorf("%s:%d: %s %q is not a whole number ≥ 0", r.file, r.line, name, s))
	}
	return v
}

// float is a number cell.
func (r *row) float(name string) float64 {
	s := r.get(name)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		r.errors = append(r.errors, fmt.Errorf("%s:%d: %s %q is not a number", r.file, r.line, name, s))
	}
	return v
}

// finite is a number cell that must be finite: a mean or a quantile.
func (r *row) finite(name string) float64 {
	v := r.float(name)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		r.errors = append(r.errors, fmt.Errorf("%s:%d: %s is %v; allowed: a finite number", r.file, r.line, name, v))
	}
	return v
}

// optFinite is a number cell that may be empty (NaN: no value), else
// must be finite: the mean of a state over the runs in which it exists,
// where it exists in none.
func (r *row) optFinite(name string) float64 {
	if r.get(name) == "" {
		return math.NaN()
	}
	return r.finite(name)
}

// eachRow streams the rows of a CSV file with a header to fn.
func eachRow(path string, fn func(r *row) error) error {
	f, err := input.OpenRegular(path) // a FIFO would block for ever
	if errors.Is(err, fs.ErrNotExist) {
		// of output whose summary.json is there: finished, then damaged
		return fmt.Errorf("%s is missing: the output is damaged; allowed: whole output (run the same command again, which assembles the result files from parts/, or merge the shards again)", path)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s is empty, without even its header: the output is damaged (%s, or merge the shards again)", path, redoAdvice)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	r := &row{cols: map[string]int{}, file: path, line: 1}
	for i, h := range head {
		r.cols[h] = i
	}
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		r.line++
		r.cells = cells
		if err := fn(r); err != nil {
			return err
		}
		if len(r.errors) > 0 {
			return r.errors[0]
		}
	}
}
