package mdtable

import (
	"slices"
	"strings"
	"testing"
)

// doc is a document shaped as docs/model.md: a section with text, a
// sub-heading, the table after it, a code block with a "#" line, a
// sub-section's own table, then the next section.
const doc = "# Title\n\n## 2. Entities\n\n" +
	"### 2.5 Parameters\n\nIn order:\n\n" +
	"#### 2.5.1 The table\n\n" +
	"| name | symbol | default | allowed |\n" +
	"|---|---|:---:|---|\n" +
	"| `a` | α | 1 | [0, 1] |\n" +
	"| `b` | | 0.5 (half) | whole, [0, 10⁶] |\n" +
	"| `c\\|d` | | false | bool |\n" +
	"\n```\n# not a heading\n```\n\n" +
	"#### 2.5.2 Another table\n\n| key | meaning |\n|---|---|\n| x | y |\n\n" +
	"### 2.6 Decision keys\n\n| name | default | allowed |\n|---|---|---|\n| `z` | 0 | [0, 1] |\n"

// A section runs to the next heading of its level or higher, its
// sub-headings and a "#" line in a code block inside it; the table is
// the one with the columns asked for, read by name, wherever the column
// stands.
func TestRowsOfASectionWithSubHeadings(t *testing.T) {
	section, err := Section(doc, "### 2.5 Parameters")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(section, "| x | y |") || strings.Contains(section, "`z`") {
		t.Errorf("§2.5 does not run to §2.6:\n%s", section)
	}
	rows, err := Rows(section, "name", "default", "allowed")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r["name"]+" "+r["default"]+" "+r["allowed"]+" "+r["symbol"])
	}
	want := []string{"`a` 1 [0, 1] α", "`b` 0.5 (half) whole, [0, 10⁶] ", "`c|d` false bool "}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	// the last section runs to the end
	if last, err := Section(doc, "### 2.6"); err != nil || !strings.HasSuffix(last, "| `z` | 0 | [0, 1] |\n") {
		t.Errorf("§2.6: %q, %v", last, err)
	}
}

// A column added anywhere leaves the others where their names are.
func TestRowsWithAColumnAdded(t *testing.T) {
	text := "| unit | name | default |\n|---|---|---|\n| s | `a` | 1 |\n"
	rows, err := Rows(text, "name", "default")
	if err != nil || len(rows) != 1 || rows[0]["name"] != "`a`" || rows[0]["default"] != "1" || rows[0]["unit"] != "s" {
		t.Errorf("rows %v, %v", rows, err)
	}
}

// A table ends at its first line that is not a row: rows after a blank
// line are no longer the table's (Markdown shows them as text), so they
// are not read as its rows.
func TestTableEndsAtABlankLine(t *testing.T) {
	rows, err := Rows("| name | default |\n|---|---|\n| `a` | 1 |\n\n| `b` | 2 |\n", "name", "default")
	if err != nil || len(rows) != 1 || rows[0]["name"] != "`a`" {
		t.Errorf("rows %v, %v; want `a` alone", rows, err)
	}
}

// What cannot be read as one table of the columns asked for is an
// error, never fewer rows: a row with a cell lost or added, no such
// table, two of them, a column named twice, a heading not found.
func TestRowsRefusesWhatItCannotRead(t *testing.T) {
	table := func(rows ...string) string {
		return "| name | default |\n|---|---|\n" + strings.Join(rows, "\n") + "\n"
	}
	for _, c := range []struct {
		text string
		want string
	}{
		{table("| `a` | 1 |", "| `b` |"), "row \"| `b` |\" has 1 cells, the header 2 (name, default)"},
		{table("| `a` | 1 | 2 |"), "row \"| `a` | 1 | 2 |\" has 3 cells, the header 2 (name, default)"},
		{"| key | default |\n|---|---|\n| `a` | 1 |\n", "no table with the columns name, default"},
		{"| name | default |\n| `a` | 1 |\n", "no table with the columns name, default"}, // no delimiter row: no table
		{table("| `a` | 1 |") + "\n" + table("| `b` | 2 |"), "2 tables with the columns name, default; allowed: one"},
		{"| name | default | name |\n|---|---|---|\n| `a` | 1 | 2 |\n", `the table with the columns name, default names "name" twice`},
	} {
		if rows, err := Rows(c.text, "name", "default"); err == nil || err.Error() != c.want {
			t.Errorf("%q: rows %v, error %v; want %s", c.text, rows, err, c.want)
		}
	}
	for heading, want := range map[string]string{
		"### 2.7 Scales":    `no heading "### 2.7 Scales"`,
		"2.5 Parameters":    `"2.5 Parameters" is not a Markdown heading; allowed: one to six # and a space, then the title`,
		"## 2.5 Parameters": `no heading "## 2.5 Parameters"`, // §2.5 is of level 3
	} {
		if _, err := Section(doc, heading); err == nil || err.Error() != want {
			t.Errorf("Section(%q): %v, want %s", heading, err, want)
		}
	}
}

// Cells are split at "|" but for "\|", and trimmed.
func TestCells(t *testing.T) {
	for line, want := range map[string][]string{
		"| a | b |":       {"a", "b"},
		"|a|b":            {"a", "b"},
		"  | a \\| b | |": {"a | b", ""},
		"| a \\|":         {"a |"},
	} {
		if got := cells(line); !slices.Equal(got, want) {
			t.Errorf("cells(%q) = %q, want %q", line, got, want)
		}
	}
}
