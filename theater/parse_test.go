package theater

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	// The TOML way: one leading and one trailing newline, stripped.
	m := "\n~AAB\n.^B~\n"
	rough := "\n.^..\n....\n"
	g, err := Parse(m, rough, glyphsOf("AB"))
	if err != nil {
		t.Fatal(err)
	}
	if g.W != 4 || g.H != 2 {
		t.Fatalf("size %d×%d, want 4×2", g.W, g.H)
	}
	wantT := []Terrain{Sea, Rough, Land, Land, Land, Rough, Land, Sea}
	wantO := []int16{-1, 0, 0, 1, -1, -1, 1, -1}
	if !slices.Equal(g.Terrain, wantT) || !slices.Equal(g.Owner, wantO) {
		t.Errorf("terrain %v owner %v, want %v %v", g.Terrain, g.Owner, wantT, wantO)
	}
	// Owned rough shows the owner's glyph, unowned rough '^'.
	if got, want := g.Render([]rune("AB")), []string{"~AAB", ".^B~"}; !slices.Equal(got, want) {
		t.Errorf("Render = %q, want %q", got, want)
	}
	// A state without a glyph renders as '?'.
	if got := g.Render([]rune("A")); got[0] != "~AA?" {
		t.Errorf("Render without B's glyph = %q", got)
	}
	if err := g.Validate(2); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestParseRunesAndCRLF(t *testing.T) {
	// Positions count runes: 'Å' is 2 bytes, so the unknown 'ж' is at col 1
	// (byte 2).
	_, err := Parse("ÅÅß\r\nÅжß\r\n", "", map[rune]int{'Å': 0, 'ß': 1})
	var me *MapError
	if !errors.As(err, &me) || me.Row != 1 || me.Col != 1 || !strings.Contains(me.Msg, "'ж'") {
		t.Fatalf("err = %v, want unknown glyph 'ж' at row 1 col 1", err)
	}
	g, err := Parse("ÅÅß\r\nÅÅß\r\n", "", map[rune]int{'Å': 0, 'ß': 1})
	if err != nil || g.W != 3 || g.H != 2 || g.Owner[2] != 1 {
		t.Fatalf("CRLF map: %v, %+v", err, g)
	}
	// Empty lines at either end are not rows, whatever their number
	// and line ends; an empty line between rows is a row of no cells.
	for _, m := range []string{"AB\n\n", "\n\nAB\nBA\n", "\r\n\nAB\r\nBA\r\n\r\n\n", "AB\nBA\n\r\n"} {
		g, err := Parse(m, "", glyphsOf("AB"))
		if err != nil || g.W != 2 || g.H != strings.Count(strings.TrimSpace(m), "\n")+1 {
			t.Errorf("Parse(%q) = %+v, %v; want its rows and no empty one", m, g, err)
		}
	}
	_, err = Parse("\nAB\n\nBA\n", "", glyphsOf("AB"))
	if !errors.As(err, &me) || me.Row != 1 || !strings.Contains(me.Msg, "row has 0 cells") {
		t.Errorf("an empty row between rows: %v; want row 1 of 0 cells", err)
	}
}

// (7) Every problem is reported at once.
func TestParseErrors(t *testing.T) {
	m := "AB~\nA\nAXB"
	rough := "..\n."
	_, err := Parse(m, rough, glyphsOf("AB"))
	var es MapErrors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v (%T), want MapErrors", err, err)
	}
	want := []struct {
		which    string
		row, col int
		msg      string
	}{
		// Row 1 has 1 cell; the first row fixed the width at 3.
		{"map", 1, 1, "row has 1 cell; allowed: 3 cells in every row, the first row's width"},
		{"map", 2, 1, "unknown glyph 'X'"},
		// Overlay row 0 has 2 cells, the map 3; row 1 has 1, as the
		// map's ragged row has, which is the map's error.
		{"rough", 0, 2, "overlay row has 2 cells; allowed: 3 cells, the map's width"},
		{"rough", 1, 1, "overlay row has 1 cell; allowed: 3 cells, the map's width"},
		// Overlay has 2 rows, the map 3.
		{"rough", 2, 0, "overlay has 2 rows; allowed: 3 rows, as many as the map"},
	}
	slices.SortFunc(es, func(a, b *MapError) int {
		if a.Which != b.Which {
			return strings.Compare(a.Which, b.Which)
		}
		return a.Row - b.Row
	})
	if len(es) != len(want) {
		t.Fatalf("%d errors, want %d: %v", len(es), len(want), err)
	}
	for i, w := range want {
		e := es[i]
		if e.Which != w.which || e.Row != w.row || e.Col != w.col || !strings.Contains(e.Text(), w.msg) {
			t.Errorf("error %d = %+v, want %s row %d col %d containing %q", i, *e, w.which, w.row, w.col, w.msg)
		}
	}
	if !strings.Contains(err.Error(), "unknown glyph 'X'") || !strings.Contains(err.Error(), "allowed: 3 cells in every row") {
		t.Errorf("joined message %q lacks a problem", err)
	}

	for _, tt := range []struct {
		name, m, rough string
		glyphs         map[rune]int
		which, msg     string
		row, col       int
	}{
		{"empty", "", "", nil, "map", "empty map", 0, 0},
		{"only newlines", "\n\n", "", nil, "map", "empty map", 0, 0},
		{"rough on sea", "A~", ".^", glyphsOf("A"), "rough", "rough on sea", 0, 1},
		// a typo in the overlay is not "not rough": only '^', '.', '~' and
		// the map's glyphs (a copy of the map with '^' marked in) are read
		{"unknown glyph in the overlay", "AB", "^X", glyphsOf("AB"), "rough", "unknown glyph 'X' (U+0058) in the overlay; allowed: '^' (rough), or '.', '~' or a state's glyph", 0, 1},
		{"a space in the overlay", "A.", " ^", glyphsOf("A"), "rough", "unknown glyph ' '", 0, 0},
		{"negative index", "AQ", "", map[rune]int{'A': 0, 'Q': -2}, "map", "invalid state index", 0, 1},
		{"ragged reported once", "AAA\nA\nA\nAAA", "", glyphsOf("A"), "map", "row has 1 cell; allowed: 3 cells in every row", 1, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.m, tt.rough, tt.glyphs)
			var es MapErrors
			if !errors.As(err, &es) || len(es) != 1 {
				t.Fatalf("err = %v, want exactly one problem", err)
			}
			if e := es[0]; e.Which != tt.which || e.Row != tt.row || e.Col != tt.col || !strings.Contains(e.Text(), tt.msg) {
				t.Errorf("got %+v, want %s row %d col %d containing %q", *e, tt.which, tt.row, tt.col, tt.msg)
			}
		})
	}
}

// A drawn map is capped like a generated one, at MaxSide rows of MaxSide
// cells, before anything is allocated for it: a 100 MB map used to take
// 6.5 GB per replication. 1000×1000 itself is allowed.
func TestParseSizeCapped(t *testing.T) {
	row := strings.Repeat(".", 1000)
	square := "\r\n" + strings.Repeat(row+"\r\n", 1000)
	if g, err := Parse(square, "", nil); err != nil || g.W != 1000 || g.H != 1000 {
		t.Fatalf("1000×1000 must parse: %v", err)
	}
	cases := []struct {
		name, mapText, rough string
		which, msg           string
		row                  int
	}{
		{"wide", row + "\n" + row + ".\n", "", "map", "row has 1001 cells; allowed: at most 1000", 1},
		{"tall", strings.Repeat(".\n", 1001), "", "map", "1001 rows or more; allowed: at most 1000 rows", 1000},
		{"one huge row", strings.Repeat("~", 10_000_000), "", "map", "row has 10000000 cells", 0},
		{"rough", "..\n..", strings.Repeat("^", 1001), "rough", "row has 1001 cells", 0},
	}
	for _, c := range cases {
		_, err := Parse(c.mapText, c.rough, nil)
		var me MapErrors
		if !errors.As(err, &me) || len(me) != 1 || me[0].Which != c.which || me[0].Row != c.row || !strings.Contains(me[0].Text(), c.msg) {
			t.Errorf("%s: want one %s error at row %d: %s, got %v", c.name, c.which, c.row, c.msg, err)
		}
	}
	if _, err := Generate(GenerateSpec{Width: 1001, Height: 2}, 1); err == nil {
		t.Error("a generated theatre over 1000 cells wide must be refused")
	}
}

// Grouped keeps each message once, at its first cell, counts the rest,
// keeps the map's and the overlay's apart, and leaves the list alone.
func TestMapErrorsGrouped(t *testing.T) {
	es := MapErrors{
		{Which: "map", Row: 0, Col: 2, Msg: `unknown glyph "?"`},
		{Which: "map", Row: 1, Col: 0, Msg: "row 2 is 3 wide, row 1 is 4"},
		{Which: "map", Row: 1, Col: 1, Msg: `unknown glyph "?"`},
		{Which: "rough", Row: 0, Col: 0, Msg: `unknown glyph "?"`},
		{Which: "map", Row: 2, Col: 3, Msg: `unknown glyph "?"`},
		{Which: "map", Row: 3, Col: 0, Msg: `unknown glyph "!"`, Allowed: `"."`},
		{Which: "map", Row: 3, Col: 1, Msg: `unknown glyph "!"`, Allowed: `"."`},
	}
	got := es.Grouped()
	want := []string{
		`map row 0 col 2: unknown glyph "?" (and 2 more cells)`,
		"map row 1 col 0: row 2 is 3 wide, row 1 is 4",
		`rough row 0 col 0: unknown glyph "?"`,
		// One more is one more cell, counted before what is allowed.
		`map row 3 col 0: unknown glyph "!" (and 1 more cell); allowed: "."`,
	}
	if len(got) != len(want) {
		t.Fatalf("Grouped() = %v, want %q", got, want)
	}
	for i := range want {
		if got[i].Error() != want[i] {
			t.Errorf("Grouped()[%d] = %q, want %q", i, got[i].Error(), want[i])
		}
	}
	if es[0].Msg != `unknown glyph "?"` {
		t.Errorf("Grouped changed its receiver: %q", es[0].Msg)
	}
}

// Every problem in a map says what is allowed, and counts in the singular
// when there is one: the message of each, whole.
func TestParseErrorsSayAllowed(t *testing.T) {
	for _, c := range []struct {
		name, m, rough string
		glyphs         map[rune]int
		want           string
	}{
		{"empty", "", "", glyphsOf("A"), "map row 0 col 0: empty map; allowed: at least one row of at least one cell"},
		{"only empty lines", "\n\r\n\n", "", glyphsOf("A"), "map row 0 col 0: empty map; allowed: at least one row of at least one cell"},
		{"ragged, one cell", "AAA\nA", "", glyphsOf("A"),
			"map row 1 col 1: row has 1 cell; allowed: 3 cells in every row, the first row's width"},
		{"ragged, width one", "A\nAAAA", "", glyphsOf("A"),
			"map row 1 col 1: row has 4 cells; allowed: 1 cell in every row, the first row's width"},
		{"unknown glyph", "A B", "", map[rune]int{'B': 1, 'A': 0, '.': 2, 'Q': -1},
			`map row 0 col 1: unknown glyph ' ' (U+0020); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A', 'B'`},
		{"unknown glyph, no state glyphs", "~X", "", nil,
			`map row 0 col 1: unknown glyph 'X' (U+0058); allowed: '~' sea, '.' land or '^' rough (no state has a glyph)`},
		{"invalid index", "AQ", "", map[rune]int{'A': 0, 'Q': -2},
			"map row 0 col 1: glyph 'Q' maps to invalid state index -2; allowed: 0 to 32767"},
		{"overlay one row", "AA\nAA", "^.", glyphsOf("A"),
			"rough row 1 col 0: overlay has 1 row; allowed: 2 rows, as many as the map"},
		{"overlay rows, map one row", "AA", "..\n..", glyphsOf("A"),
			"rough row 1 col 0: overlay has 2 rows; allowed: 1 row, as many as the map"},
		{"overlay row one cell", "AA", "^", glyphsOf("A"),
			"rough row 0 col 1: overlay row has 1 cell; allowed: 2 cells, the map's width"},
		{"overlay row, map row one cell", "A", "..", glyphsOf("A"),
			"rough row 0 col 1: overlay row has 2 cells; allowed: 1 cell, the map's width"},
		// state glyphs are listed by state, then by rune; a reserved rune
		// and a glyph of an invalid index are not state glyphs
		{"state glyphs in order", "BZ", "", map[rune]int{'B': 0, 'F': 1, 'C': 1, 'E': 1, 'A': 1, 'D': 1, '^': 2, 'Q': 40000},
			`map row 0 col 1: unknown glyph 'Z' (U+005A); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'B', 'A', 'C', 'D', 'E', 'F'`},
		// two problems are joined by "; "
		{"two problems", "ZZ", "", glyphsOf("A"),
			`map row 0 col 0: unknown glyph 'Z' (U+005A); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A'; ` +
				`map row 0 col 1: unknown glyph 'Z' (U+005A); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A'`},
		// an overlay row as wide as the map is right beside a short map
		// row: the map's row is the error, and mending it mends all
		{"overlay past a short row", "AAA\nA", "...\n..^", glyphsOf("A"),
			"map row 1 col 1: row has 1 cell; allowed: 3 cells in every row, the first row's width"},
		// an overlay row as long as a long map row is wrong too: rough on a
		// cell past the map's width is not applied
		{"overlay on a long row", "A\nAA", ".\n.^", glyphsOf("A"),
			"map row 1 col 1: row has 2 cells; allowed: 1 cell in every row, the first row's width; " +
				"rough row 1 col 1: overlay row has 2 cells; allowed: 1 cell, the map's width"},
		// an unknown glyph under rough is reported once, not as rough on sea
		{"rough on an unknown glyph", "Z", "^", glyphsOf("A"),
			`map row 0 col 0: unknown glyph 'Z' (U+005A); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A'`},
		{"rough on sea", "A~", ".^", glyphsOf("A"),
			`rough row 0 col 1: rough on sea (the map has '~' here); allowed: '^' where the map has land ('.', '^' or a state's glyph)`},
	} {
		_, err := Parse(c.m, c.rough, c.glyphs)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
	// The largest state index, 32767, is a valid glyph.
	if g, err := Parse("A", "", map[rune]int{'A': math.MaxInt16}); err != nil || g.Owner[0] != math.MaxInt16 {
		t.Errorf("glyph of state 32767: %v", err)
	}
	// Grouped counts the other cells of an unknown glyph before what is
	// allowed, in the singular for one.
	_, err := Parse("AZZ", "", glyphsOf("A"))
	var es MapErrors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v, want MapErrors", err)
	}
	want := `map row 0 col 1: unknown glyph 'Z' (U+005A) (and 1 more cell); allowed: '~' sea, '.' land, '^' rough or a state's glyph: 'A'`
	if g := es.Grouped(); len(g) != 1 || g[0].Error() != want {
		t.Errorf("Grouped() = %v, want %s", g, want)
	}
	// An overlay's rows of the wrong width are counted as rows: one
	// message a row, not a cell.
	_, err = Parse("AAAA\nBBBB\nBBBB\nAAAA", "^^^\n^^^\n^^^\n^^^", glyphsOf("AB"))
	if !errors.As(err, &es) {
		t.Fatalf("err = %v, want MapErrors", err)
	}
	want = "rough row 0 col 3: overlay row has 3 cells (and 3 more rows); allowed: 4 cells, the map's width"
	if g := es.Grouped(); len(g) != 1 || g[0].Error() != want {
		t.Errorf("Grouped() = %v, want %s", g, want)
	}
}

// A rough overlay may be a copy of the map with '^' marked in: the map's
// own runes leave their cells as the map has them.
func TestRoughOverlayCopiedFromTheMap(t *testing.T) {
	g, err := Parse("~AAB\n..B~", "~A^B\n.^B~", glyphsOf("AB"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Terrain{Sea, Land, Rough, Land, Land, Rough, Land, Sea}
	if !slices.Equal(g.Terrain, want) {
		t.Errorf("terrain %v, want %v", g.Terrain, want)
	}
}

// Every problem of an overlay row is reported, not only its first: two
// unknown glyphs are two errors, as is rough on two cells of sea.
func TestOverlayReportsEveryCell(t *testing.T) {
	for _, c := range []struct{ mapText, rough string }{{"..", "ZZ"}, {"~~", "^^"}} {
		_, err := Parse(c.mapText, c.rough, nil)
		var es MapErrors
		if !errors.As(err, &es) || len(es) != 2 {
			t.Errorf("Parse(%q, %q): %v, want 2 errors", c.mapText, c.rough, err)
		}
	}
}

// Rough past the end of a short map row is no cell: a ragged map with
// rough beyond its short row gives the one error of the map's row, and no
// panic.
func TestOverlayBeyondAShortMapRow(t *testing.T) {
	_, err := Parse("..\n.", "..\n.^", nil)
	var es MapErrors
	if !errors.As(err, &es) || len(es) != 1 || es[0].Which != "map" || es[0].Row != 1 {
		t.Errorf("Parse: %v, want one error, of map row 1", err)
	}
}

// An overlay row of the wrong width is counted in rows, once or more.
func TestOverlayRowWidthGrouped(t *testing.T) {
	for _, c := range []struct{ mapText, rough, want string }{
		{"..", ".", "overlay row has 1 cell"},
		{"..\n..", ".\n.", "overlay row has 1 cell (and 1 more row)"},
	} {
		_, err := Parse(c.mapText, c.rough, nil)
		var es MapErrors
		if !errors.As(err, &es) {
			t.Fatalf("Parse(%q, %q): %v, want map errors", c.mapText, c.rough, err)
		}
		if g := es.Grouped(); len(g) != 1 || g[0].Msg != c.want {
			t.Errorf("Parse(%q, %q) grouped: %v, want one error %q", c.mapText, c.rough, g, c.want)
		}
	}
}

// The largest state index, 32767, is a state glyph the error names as
// allowed.
func TestUnknownGlyphNamesTheLargestState(t *testing.T) {
	_, err := Parse("Z", "", map[rune]int{'A': math.MaxInt16})
	if err == nil || !strings.HasSuffix(err.Error(), "or a state's glyph: 'A'") {
		t.Errorf("Parse(Z): %v, want 'A' among the allowed glyphs", err)
	}
}
