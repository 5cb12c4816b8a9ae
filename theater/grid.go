package theater

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/internal/words"
)

// Terrain is the kind of a cell.
type Terrain uint8

// Terrain kinds. The zero value is Sea.
const (
	Sea Terrain = iota
	Land
	Rough
)

func (t Terrain) String() string {
	switch t {
	case Sea:
		return "sea"
	case Land:
		return "land"
	case Rough:
		return "rough"
	}
	return fmt.Sprintf("Terrain(%d)", uint8(t))
}

// NoOwner is the owner of sea and of unowned land.
const NoOwner = -1

// Map glyphs with a fixed meaning; they cannot be state glyphs.
const (
	GlyphSea   = '~'
	GlyphLand  = '.'
	GlyphRough = '^'
)

// Grid is a theatre as plain data: W×H cells in row-major order (cell index
// y*W + x), each with a terrain and an owner (a state index, or NoOwner).
type Grid struct {
	W, H    int
	Terrain []Terrain
	Owner   []int16
}

// Index returns the cell index of (x, y).
func (g *Grid) Index(x, y int) int { return y*g.W + x }

// CellsPerOwner counts the cells each of n states owns (index = state);
// owners at n or above are not counted.
func (g *Grid) CellsPerOwner(n int) []int {
	cells := make([]int, n)
	for _, o := range g.Owner {
		if o >= 0 && int(o) < n {
			cells[o]++
		}
	}
	return cells
}

// XY returns the coordinates of cell i.
func (g *Grid) XY(i int) (x, y int) { return i % g.W, i / g.W }

// Clone returns a deep copy of g.
func (g *Grid) Clone() *Grid {
	return &Grid{
		W:       g.W,
		H:       g.H,
		Terrain: append([]Terrain(nil), g.Terrain...),
		Owner:   append([]int16(nil), g.Owner...),
	}
}

// Validate checks that g is well formed for nStates states: sides of 1 to
// MaxSide cells, slices of length W*H, known terrain, owners in [NoOwner, nStates) and no
// owned sea.
func (g *Grid) Validate(nStates int) error {
	if g == nil {
		return errors.New("theater: nil grid")
	}
	if g.W <= 0 || g.H <= 0 || g.W > MaxSide || g.H > MaxSide {
		return fmt.Errorf("theater: grid size %d×%d; allowed: 1 to %d cells a side", g.W, g.H, MaxSide)
	}
	n := g.W * g.H // at most MaxSide², no overflow
	if len(g.Terrain) != n || len(g.Owner) != n {
		return fmt.Errorf("theater: grid %d×%d has %d terrain and %d owner entries, want %d",
			g.W, g.H, len(g.Terrain), len(g.Owner), n)
	}
	if nStates < 0 || nStates > math.MaxInt16+1 {
		return fmt.Errorf("theater: %d states out of range", nStates)
	}
	for i, t := range g.Terrain {
		o := int(g.Owner[i])
		x, y := g.XY(i)
		switch {
		case t > Rough:
			return fmt.Errorf("theater: cell (%d,%d): unknown terrain %d", x, y, t)
		case o < NoOwner || o >= nStates:
			return fmt.Errorf("theater: cell (%d,%d): owner %d out of range [-1,%d)", x, y, o, nStates)
		case t == Sea && o != NoOwner:
			return fmt.Errorf("theater: cell (%d,%d): sea owned by state %d", x, y, o)
		}
	}
	return nil
}

// Components labels the 4-connected components of non-sea cells: comp[i] is
// the component of cell i (0..count-1), or -1 for sea. Components are
// numbered in order of their lowest cell index.
func (g *Grid) Components() (comp []int32, count int) {
	comp = make([]int32, len(g.Terrain))
	for i := range comp {
		comp[i] = -1
	}
	var stack []int32
	for s, t := range g.Terrain {
		if t == Sea || comp[s] >= 0 {
			continue
		}
		id := int32(count)
		count++
		comp[s] = id
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			u := int(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
			var nb [4]int
			for _, v := range neighbours(g.W, g.H, u, &nb) {
				if g.Terrain[v] != Sea && comp[v] < 0 {
					comp[v] = id
					stack = append(stack, int32(v))
				}
			}
		}
	}
	return comp, count
}

// neighbours writes the 4-neighbours of cell u inside the grid into buf and
// returns them (no allocation).
func neighbours(w, h, u int, buf *[4]int) []int {
	x, y := u%w, u/w
	k := 0
	if x > 0 {
		buf[k] = u - 1
		k++
	}
	if x < w-1 {
		buf[k] = u + 1
		k++
	}
	if y > 0 {
		buf[k] = u - w
		k++
	}
	if y < h-1 {
		buf[k] = u + w
		k++
	}
	return buf[:k]
}

// Render draws the grid as one string per row: sea '~', unowned land '.',
// unowned rough '^', an owned cell (land or rough) as glyphs[owner], or '?'
// when the owner has no glyph.
func (g *Grid) Render(glyphs []rune) []string {
	rows := make([]string, g.H)
	var b strings.Builder
	for y := range g.H {
		b.Reset()
		for x := range g.W {
			i := g.Index(x, y)
			o := int(g.Owner[i])
			switch {
			case g.Terrain[i] == Sea:
				b.WriteRune(GlyphSea)
			case o == NoOwner && g.Terrain[i] == Rough:
				b.WriteRune(GlyphRough)
			case o == NoOwner:
				b.WriteRune(GlyphLand)
			case o >= 0 && o < len(glyphs):
				b.WriteRune(glyphs[o])
			default:
				b.WriteRune('?')
			}
		}
		rows[y] = b.String()
	}
	return rows
}

// MapError is one problem in an ASCII map or its rough overlay. Row and Col
// are 0-based and count runes, not bytes.
type MapError struct {
	Which    string // "map" or "rough"
	Row, Col int
	Msg      string // what is wrong
	Allowed  string // what is allowed there

	wholeRow bool // the problem is a row's, and Grouped counts its repeats as rows
}

func (e *MapError) Error() string {
	return fmt.Sprintf("%s row %d col %d: %s", e.Which, e.Row, e.Col, e.Text())
}

// Text is the problem and what is allowed, without the place: "unknown
// glyph 'Z' (U+005A); allowed: …".
func (e *MapError) Text() string {
	if e.Allowed == "" {
		return e.Msg
	}
	return e.Msg + "; allowed: " + e.Allowed
}

// MapErrors is every problem Parse found, in reading order (map first, then
// the overlay).
type MapErrors []*MapError

func (es MapErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Grouped reports each problem once, at its first cell, in reading order:
// a message repeated on several cells (an unknown glyph, say) keeps its
// first cell and says how many more there are ("… (and 4 more cells)",
// "… (and 1 more cell)"; an overlay row of the wrong width counts rows,
// "… (and 3 more rows)"). The receiver is left as it was.
func (es MapErrors) Grouped() MapErrors {
	count := map[string]int{}
	for _, e := range es {
		count[e.Which+"\x00"+e.Msg]++
	}
	var out MapErrors
	for _, e := range es {
		key := e.Which + "\x00" + e.Msg
		n := count[key]
		if n == 0 {
			continue
		}
		count[key] = 0
		g := *e
		switch {
		case n > 1 && e.wholeRow:
			g.Msg += " (and " + words.Count(n-1, "more row", "more rows") + ")"
		case n > 1:
			g.Msg += " (and " + words.Count(n-1, "more cell", "more cells") + ")"
		}
		out = append(out, &g)
	}
	return out
}

// Unwrap lets errors.As find the individual *MapError values.
func (es MapErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// MaxSide is the most rows, and the most cells in a row, of a theatre,
// drawn or generated: a million cells. Each state's distance field holds a
// float64 per cell and is recomputed when territory changes hands, so the
// grid's size sets the memory and time of every replication.
const MaxSide = 1000

// checkSides reports a map or overlay text with more than MaxSide rows or
// a row of more than MaxSide cells, before anything is allocated for it.
func checkSides(which, text string) *MapError {
	text = trimEnds(text)
	for row := 0; ; row++ {
		line, rest, more := strings.Cut(text, "\n")
		if row == MaxSide {
			return &MapError{Which: which, Row: row, Msg: fmt.Sprintf("%d rows or more", row+1), Allowed: fmt.Sprintf("at most %d rows", MaxSide)}
		}
		if n := utf8.RuneCountInString(strings.TrimSuffix(line, "\r")); n > MaxSide {
			return &MapError{Which: which, Row: row, Col: MaxSide, Msg: fmt.Sprintf("row has %d cells", n), Allowed: fmt.Sprintf("at most %d", MaxSide)}
		}
		if !more {
			return nil
		}
		text = rest
	}
}

// trimEnds strips the empty lines before the first row and after the
// last. A TOML multi-line string keeps the newline before its closing
// quotes, and every blank line that sets the map off from its key or its
// closing quotes; none of them is a row (a row of no cells has no width),
// at either end alike. A blank line between rows stays, and is an error.
func trimEnds(text string) string {
	for strings.HasPrefix(text, "\n") || strings.HasPrefix(text, "\r\n") {
		text = text[strings.IndexByte(text, '\n')+1:]
	}
	for strings.HasSuffix(text, "\n") {
		text = strings.TrimSuffix(text[:len(text)-1], "\r")
	}
	return text
}

// splitRows strips the empty lines at both ends (trimEnds), splits into
// lines, drops a trailing '\r' per line and converts each line to runes.
func splitRows(text string) [][]rune {
	text = trimEnds(text)
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	rows := make([][]rune, len(lines))
	for i, l := range lines {
		rows[i] = []rune(strings.TrimSuffix(l, "\r"))
	}
	return rows
}

// knownGlyphs writes the glyphs a map may use: the reserved ones, then the
// state glyphs of glyphs in the order of their states (a reserved rune or a
// glyph of an invalid index is not a state glyph).
func knownGlyphs(glyphs map[rune]int) string {
	var state []rune
	for r, s := range glyphs {
		if r != GlyphSea && r != GlyphLand && r != GlyphRough && s >= 0 && s <= math.MaxInt16 {
			state = append(state, r)
		}
	}
	slices.SortFunc(state, func(a, b rune) int {
		return cmp.Or(cmp.Compare(glyphs[a], glyphs[b]), cmp.Compare(a, b))
	})
	if len(state) == 0 {
		return fmt.Sprintf("%q sea, %q land or %q rough (no state has a glyph)", GlyphSea, GlyphLand, GlyphRough)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q sea, %q land, %q rough or a state's glyph: ", GlyphSea, GlyphLand, GlyphRough)
	for i, r := range state {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", r)
	}
	return b.String()
}

// Parse builds a grid from an ASCII map: '~' sea, '.' unowned land, '^'
// unowned rough; any other rune must be a key of glyphs and makes a land cell
// owned by that state index. roughText, if not empty, is an overlay of the
// same size in which '^' makes the cell rough (an error on sea); '.', '~'
// and a state's glyph leave the cell as the map has it (so that a copy of
// the map with '^' marked in is an overlay), and any other rune is an
// error, as in the map: a typo would otherwise pass as "not rough". The
// reserved runes '~', '.' and '^' keep their meaning even if glyphs lists
// them.
//
// The first row fixes the width. Parse reports every problem it finds as a
// MapErrors: the first row of a different width (once), every unknown glyph,
// an overlay of another size (rows, and every row of another width than the
// map's, its first row's) and rough on sea.
func Parse(mapText, roughText string, glyphs map[rune]int) (*Grid, error) {
	var errs MapErrors
	add := func(which string, row, col int, msg, allowed string) {
		errs = append(errs, &MapError{Which: which, Row: row, Col: col, Msg: msg, Allowed: allowed})
	}

	if e := checkSides("map", mapText); e != nil {
		return nil, MapErrors{e}
	}
	if e := checkSides("rough", roughText); e != nil {
		return nil, MapErrors{e}
	}
	rows := splitRows(mapText)
	width := 0
	if len(rows) > 0 {
		width = len(rows[0])
	}
	if width == 0 { // no rows: empty lines at the ends are not rows
		add("map", 0, 0, "empty map", "at least one row of at least one cell")
		return nil, errs
	}
	h := len(rows)
	g := &Grid{W: width, H: h, Terrain: make([]Terrain, width*h), Owner: make([]int16, width*h)}
	ragged := false
	known := "" // the glyphs allowed, written once for every unknown one
	for y, row := range rows {
		if len(row) != width && !ragged {
			ragged = true
			add("map", y, min(len(row), width), "row has "+words.Count(len(row), "cell", "cells"),
				words.Count(width, "cell", "cells")+" in every row, the first row's width")
		}
		for x, r := range row {
			t, owner := Land, NoOwner
			switch r {
			case GlyphSea:
				t = Sea
			case GlyphLand:
			case GlyphRough:
				t = Rough
			default:
				s, ok := glyphs[r]
				switch {
				case !ok:
					if known == "" {
						known = knownGlyphs(glyphs)
					}
					add("map", y, x, fmt.Sprintf("unknown glyph %q (U+%04X)", r, r), known)
					continue
				case s < 0 || s > math.MaxInt16:
					add("map", y, x, fmt.Sprintf("glyph %q maps to invalid state index %d", r, s), fmt.Sprintf("0 to %d", math.MaxInt16))
					continue
				}
				owner = s
			}
			if x < width {
				g.Terrain[y*width+x] = t
				g.Owner[y*width+x] = int16(owner)
			}
		}
	}

	if roughText != "" {
		over := splitRows(roughText)
		if len(over) != h {
			add("rough", min(len(over), h), 0, "overlay has "+words.Count(len(over), "row", "rows"),
				words.Count(h, "row", "rows")+", as many as the map")
		}
		for y := range min(len(over), h) {
			row := over[y]
			// against the map's width, not its row: a ragged row of the
			// map is the map's error, and mending it leaves the overlay
			// right
			if len(row) != width {
				add("rough", y, min(len(row), width), "overlay row has "+words.Count(len(row), "cell", "cells"),
					words.Count(width, "cell", "cells")+", the map's width")
				errs[len(errs)-1].wholeRow = true
			}
			for x, r := range row {
				if _, state := glyphs[r]; r != GlyphRough && r != GlyphLand && r != GlyphSea && !state {
					add("rough", y, x, fmt.Sprintf("unknown glyph %q (U+%04X) in the overlay", r, r),
						fmt.Sprintf("%q (rough), or %q, %q or a state's glyph (the cell as the map has it)", GlyphRough, GlyphLand, GlyphSea))
					continue
				}
				if r != GlyphRough || x >= len(rows[y]) || x >= width {
					continue
				}
				i := y*width + x
				if rows[y][x] == GlyphSea {
					add("rough", y, x, fmt.Sprintf("rough on sea (the map has %q here)", GlyphSea),
						fmt.Sprintf("%q where the map has land (%q, %q or a state's glyph)", GlyphRough, GlyphLand, GlyphRough))
					continue
				}
				g.Terrain[i] = Rough
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return g, nil
}
