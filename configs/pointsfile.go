package configs

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/internal/words"
)

// A points file is a design made elsewhere — by hand, by SALib, by the EMA
// Workbench — given to a sweep as CSV: a header of dotted paths, one column
// each, then a row per point. Values are typed by their path as in
// [[vary]]. Lines starting with # are comments; a UTF-8 byte-order mark
// (spreadsheets write one) is ignored. Errors name the file, line and
// column.

// pointRows holds what a points file's rows got wrong, apart from the
// file's other errors: a bad row does not stop the well-formed rows from
// being checked as scenarios (checkEveryPoint), so every problem is
// reported at once.
type pointRows struct {
	errs errs
	bad  []bool // per point: a cell or the row's width was wrong
}

// readPoints reads the points of a points design from the file o names,
// relative to the experiment's directory. A fault of the file or its
// header goes to e; a fault of a row to rows, and the row is kept as a
// point marked bad, so that later points keep their numbers.
func readPoints(x *Experiment, o opt[string], e *errs, rows *pointRows) {
	x.PointsFile = o.V
	path := o.V
	if !filepath.IsAbs(path) {
		path = filepath.Join(filepath.Dir(x.File), path)
	}
	src, err := ReadFile(path) // at most MaxFileSize, regular files only
	if err != nil {
		e.at(o.Loc, "cannot read %s: %s; allowed: a regular CSV file of at most 16 MiB, relative to %s", path, readErr(err), x.File)
		return
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(src))
	r.Comment = '#'
	r.FieldsPerRecord = -1 // checked below, with a better message
	badIn := func(to *errs) func(line int, key, format string, args ...any) {
		return func(line int, key, format string, args ...any) {
			to.add(Error{File: path, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
		}
	}
	bad, badRow := badIn(e), badIn(&rows.errs)
	column := func(c int) string { return fmt.Sprintf("column %d (%s)", c+1, x.Vary[c]) }
	parseErr := func(err error, bad func(int, string, string, ...any)) {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			bad(pe.Line, "", "%v at character %d; allowed: cells separated by commas, quoted with \" when they hold a comma, a quote or a line break", pe.Err, pe.Column)
			return
		}
		bad(0, "", "%v", err)
	}
	header, err := r.Read()
	if err == io.EOF {
		bad(1, "", "empty; allowed: a header of dotted paths (params.sea_cost, decision.strategy, …), then a row per point")
		return
	}
	if err != nil {
		parseErr(err, bad)
		return
	}
	headerLine, _ := r.FieldPos(0)
	found := e.seq // the experiment's own errors do not stop the rows being read
	for c, h := range header {
		h = strings.TrimSpace(h)
		line, _ := r.FieldPos(c)
		key := fmt.Sprintf("column %d", c+1)
		kind, msg := varyPath(h)
		switch {
		case h == "":
			bad(line, key, "empty header; allowed: a dotted path such as params.sea_cost")
		case msg != "":
			bad(line, key, "%q %s", h, msg)
		case indexOf(x.Vary, h) >= 0:
			bad(line, key, "%q is also column %d; allowed: each path once", h, indexOf(x.Vary, h)+1)
		}
		x.Vary = append(x.Vary, h)
		x.kinds = append(x.kinds, kind)
		x.lines = append(x.lines, headerLine)
		x.paths = append(x.paths, Loc{File: path, Line: line, Key: key})
	}
	if e.seq != found { // a bad header: which path each cell is for is unknown
		return
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			parseErr(err, badRow) // the rows after it cannot be read
			return
		}
		line, _ := r.FieldPos(0)
		if len(x.Points) == MaxPoints {
			// With the file's errors, not its rows': no point is checked
			// as a scenario in a file refused for its size.
			bad(line, "", "more than %d points; allowed: at most %d", MaxPoints, MaxPoints)
			return
		}
		point, ok := make([]any, len(header)), true
		if len(rec) != len(header) {
			badRow(line, "", "%s; allowed: one per column of the header (%d)", words.Count(len(rec), "cell", "cells"), len(header))
			ok = false
			rec = nil // its cells are not read: which column each belongs to is unknown
		}
		for c, cell := range rec {
			cl, _ := r.FieldPos(c)
			v, msg := parseValue(x.Vary[c], x.kinds[c], strings.TrimSpace(cell))
			if msg != "" {
				badRow(cl, column(c), "%s", msg)
				ok = false
			}
			point[c] = v
		}
		x.Points = append(x.Points, point)
		x.pointLocs = append(x.pointLocs, Loc{File: path, Line: line})
		rows.bad = append(rows.bad, !ok)
	}
	if len(x.Points) == 0 {
		bad(headerLine, "", "no points; allowed: a row per point under the header")
	}
}

// parseValue reads a value for a path of the given kind from a points
// file's cell; msg says what is wrong. A boolean may be written as
// strconv.ParseBool reads it (1 and 0, as samplers write them, t, f, true,
// false); --set takes only true and false, as a scenario file does.
func parseValue(path string, kind valueKind, text string) (v any, msg string) {
	switch {
	case text == "":
		return nil, fmt.Sprintf("empty; allowed: %s for %s", pathAllowed(path, kind), path)
	case kind == kindString:
		v = text
	case kind == kindBool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return nil, fmt.Sprintf("%q is not true or false; allowed: true or false (or 1 or 0) for %s", text, path)
		}
		v = b
	default:
		f, msg := parseNumber(text, pathAllowed(path, kind)+" for "+path)
		if msg != "" {
			return nil, msg
		}
		v = f
	}
	if msg := checkValue(path, kind, v); msg != "" {
		return v, msg
	}
	// A number outside its path's own range is its cell's error, as a
	// list's value is (it was the whole point's, once the point was built
	// into a scenario and checked).
	if f, ok := v.(float64); ok {
		if r, ranged := pathRange(path); ranged {
			if err := r.Check(f); err != nil {
				return v, fmt.Sprintf("%v for %s", err, path)
			}
		}
	}
	return v, ""
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
