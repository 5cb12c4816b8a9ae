// Package mdtable reads a table of a Markdown document by its header row,
// for the tests that hold the docs to the code (docs/model.md §2.5's
// parameters against sim.ParamSpecs, §2.6's decision keys against
// agents.DecisionSpecs). Read by position, such a table breaks when a
// column is added before the one read, and read up to the next "#", it
// loses every row after a sub-heading: here a section runs to the next
// heading of its own level or higher, the table is the one whose header
// holds the columns asked for, a cell is found by its column's name, and
// a row that does not have the header's cells is an error, not skipped.
package mdtable

import (
	"fmt"
	"slices"
	"strings"
)

// Section is the text of doc under its first heading line that begins
// with heading ("### 2.5 Parameters"), up to the next heading of the same
// level or a higher one: its sub-headings, and the text under them, stay
// in it. Lines in fenced code blocks are never headings.
func Section(doc, heading string) (string, error) {
	level := headingLevel(heading)
	if level == 0 {
		return "", fmt.Errorf("%q is not a Markdown heading; allowed: one to six # and a space, then the title", heading)
	}
	lines := strings.Split(doc, "\n")
	start, fenced := -1, false
	for i, line := range lines {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		switch l := headingLevel(line); {
		case start < 0 && l == level && strings.HasPrefix(line, heading):
			start = i + 1
		case start >= 0 && l > 0 && l <= level:
			return strings.Join(lines[start:i], "\n"), nil
		}
	}
	if start < 0 {
		return "", fmt.Errorf("no heading %q", heading)
	}
	return strings.Join(lines[start:], "\n"), nil
}

// headingLevel is the number of #s that begin an ATX heading line, 0 for
// a line that is not one.
func headingLevel(line string) int {
	n := len(line) - len(strings.TrimLeft(line, "#"))
	if n == 0 || n > 6 || !strings.HasPrefix(line[n:], " ") {
		return 0
	}
	return n
}

// Rows reads the one table of text whose header row has every one of
// columns among its own, in any order and with any others beside them:
// each row as a map from every column's name (its header cell, trimmed)
// to the row's cell there, trimmed. It is an error if no table has them
// all, if more than one has, if the header names a column twice, or if a
// row has another number of cells than the header (a "|" inside a cell
// must be written "\|", as GitHub's Markdown asks; it is read as "|").
func Rows(text string, columns ...string) ([]map[string]string, error) {
	var found [][]string
	lines := strings.Split(text, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !isRow(lines[i]) || !isDelimiter(lines[i+1]) {
			continue
		}
		table := []string{lines[i]}
		j := i + 2
		for ; j < len(lines) && isRow(lines[j]); j++ {
			table = append(table, lines[j])
		}
		if header := cells(lines[i]); hasAll(header, columns) {
			found = append(found, table)
		}
		i = j - 1
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no table with the columns %s", strings.Join(columns, ", "))
	case 1:
	default:
		return nil, fmt.Errorf("%d tables with the columns %s; allowed: one", len(found), strings.Join(columns, ", "))
	}
	header := cells(found[0][0])
	for k, name := range header {
		if slices.Contains(header[:k], name) {
			return nil, fmt.Errorf("the table with the columns %s names %q twice", strings.Join(columns, ", "), name)
		}
	}
	var rows []map[string]string
	for _, line := range found[0][1:] {
		c := cells(line)
		if len(c) != len(header) {
			return nil, fmt.Errorf("row %q has %d cells, the header %d (%s)", line, len(c), len(header), strings.Join(header, ", "))
		}
		row := make(map[string]string, len(header))
		for k, name := range header {
			row[name] = c[k]
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// isRow reports whether line is a row of a table: it begins with "|".
func isRow(line string) bool { return strings.HasPrefix(strings.TrimSpace(line), "|") }

// isDelimiter reports whether line is the row under a table's header:
// cells of dashes, with colons for the alignment.
func isDelimiter(line string) bool {
	if !isRow(line) {
		return false
	}
	for _, c := range cells(line) {
		if strings.Trim(c, ":") == "" || strings.Trim(c, "-:") != "" {
			return false
		}
	}
	return true
}

// cells splits a table row into its trimmed cells, without the leading
// and trailing "|"; "\|" is a "|" within a cell.
func cells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var out []string
	var cell strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cell.WriteByte('|')
			i++
		case line[i] == '|':
			out = append(out, strings.TrimSpace(cell.String()))
			cell.Reset()
		default:
			cell.WriteByte(line[i])
		}
	}
	return append(out, strings.TrimSpace(cell.String()))
}

// hasAll reports whether header holds every one of columns.
func hasAll(header, columns []string) bool {
	for _, c := range columns {
		if !slices.Contains(header, c) {
			return false
		}
	}
	return true
}
