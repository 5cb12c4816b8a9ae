package report

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// A run's theatre at a date holds the world of that date: its owners, the
// cells taken since the start, and exactly the alliances then in force;
// the pictures are the same bytes every time.
func TestTheatreOfARunAtADate(t *testing.T) {
	sc, c := compiledAsia(t)
	tick := sc.Calendar.TickOf(1954, 9)
	w, err := ReplayTo(context.Background(), c, 7, tick)
	if err != nil {
		t.Fatal(err)
	}
	if w.Tick() != tick+1 {
		t.Fatalf("replayed to tick %d, want through %d", w.Tick(), tick)
	}
	th := WorldTheatre(w)
	var active []int
	for _, a := range w.Alliances() {
		if a.Active() {
			active = append(active, a.ID)
		}
	}
	if len(th.Alliances) != len(active) || len(active) == 0 {
		t.Fatalf("%d alliances drawn, %d in force", len(th.Alliances), len(active))
	}
	for i, a := range th.Alliances {
		if a.ID != active[i] || len(a.Members) < 2 {
			t.Fatalf("alliance %d drawn as %+v", active[i], a)
		}
	}
	// The Korean War's occupation of 1950-06 was handed back at Inchon;
	// whatever stands in 1954-09, the hatched cells are those whose owner
	// differs from the start.
	start := c.Geometry().Grid().Owner
	for i, o := range th.Grid.Owner {
		if th.occupied(i) != (o != start[i] && o != theater.NoOwner) {
			t.Fatalf("cell %d: occupied %v, owner %d, at the start %d", i, th.occupied(i), o, start[i])
		}
	}
	var a, b bytes.Buffer
	if err := th.WritePNG(&a); err != nil {
		t.Fatal(err)
	}
	if err := th.WritePNG(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a.Bytes()))
	if err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("PNG: %v; same bytes twice: %v", err, bytes.Equal(a.Bytes(), b.Bytes()))
	}
	// 144 dots per inch: two pixels a point.
	wpt, hpt := th.Size()
	if dx, dy := img.Bounds().Dx(), img.Bounds().Dy(); !(math.Abs(float64(dx)-2*wpt.Points()) <= 1) || !(math.Abs(float64(dy)-2*hpt.Points()) <= 1) {
		t.Fatalf("PNG %d×%d px for %v×%v pt", dx, dy, wpt.Points(), hpt.Points())
	}
	s1, err := th.SVG()
	if err != nil {
		t.Fatal(err)
	}
	s2, _ := WorldTheatre(w).SVG()
	if s1 != s2 || !bytes.Contains([]byte(s1), []byte("A"+strconv.Itoa(active[0]))) {
		t.Fatal("the SVG differs between two drawings, or lacks the legend")
	}
	if _, err := ReplayTo(context.Background(), c, 7, sc.Ticks); err == nil {
		t.Fatal("a date past the horizon must be an error")
	}
}

// A run's theatre is titled with the date it shows, the last tick
// simulated; each alliance's legend line gives its members, kind,
// commitment and origin; a date before the run is refused like one after.
func TestTheatreTitleAndAllianceLabels(t *testing.T) {
	_, c := compiledAsia(t)
	w, err := ReplayTo(context.Background(), c, 7, 56) // 56 months after 1950-01
	if err != nil {
		t.Fatal(err)
	}
	th := WorldTheatre(w)
	if th.Title != "asia-1950, seed 7 — 1954-09" {
		t.Errorf("title %q", th.Title)
	}
	strong := map[int]bool{}
	for _, a := range w.Alliances() {
		strong[a.ID] = a.Strong
	}
	for _, a := range th.Alliances {
		ids := make([]string, len(a.Members))
		for i, m := range a.Members {
			ids[i] = c.ID(m)
		}
		commit := map[bool]string{true: "strong", false: "weak"}[strong[a.ID]]
		if want := fmt.Sprintf("A%d %s — %d members, %s, origin ", a.ID, strings.Join(ids, " "), len(ids), commit); !strings.HasPrefix(a.Label, want) {
			t.Errorf("alliance %d labelled %q: want %q…, %s", a.ID, a.Label, want, commit)
		}
	}
	if _, err := ReplayTo(context.Background(), c, 7, -1); err == nil || err.Error() != "asia-1950: tick -1 (1949-12) is outside the run; allowed: 0 (1950-01) to 503 (1991-12)" {
		t.Errorf("tick -1: %v", err)
	}
}

// Each state is filled with the next colour of its role's palette, so
// that two clients differ; the legend marks a state without land.
func TestTheatreStateColoursAndLegend(t *testing.T) {
	states := []sim.State{{ID: "p1", Role: sim.Patron}, {ID: "c1", Role: sim.Client}, {ID: "a1", Role: sim.Adversary}, {ID: "c2", Role: sim.Client}, {ID: "p2", Role: sim.Patron}}
	want := []color.NRGBA{rgb(0x8FBCE0), rgb(0xA6D99B), rgb(0xF29A8A), rgb(0xFDCF9E), rgb(0x5E9BD1)}
	if got := stateColors(states); !slices.Equal(got, want) {
		t.Errorf("colours %v, want %v", got, want)
	}
	th := asiaTheatre(t)
	th.States = append(slices.Clone(th.States), sim.State{ID: "zzz", Role: sim.Client})
	svg, err := th.SVG()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(svg), ", no land<"); n != 1 || !strings.Contains(string(svg), ">zzz (client), no land<") {
		t.Errorf("%d states marked without land; want zzz alone", n)
	}
}

// A state's rough cells are drawn in a darker tone of its colour, so the
// legend's rough entry speaks of every darker tone, not of unowned land
// alone (it read "unowned land (darker: rough)", leaving the two tones
// within a state, Japan's or Australia's, unexplained).
func TestTheatreLegendExplainsAStatesDarkerTone(t *testing.T) {
	th := asiaTheatre(t)
	g := th.Grid
	colors := stateColors(th.States)
	owned := false
	for i := range g.Owner {
		if o := g.Owner[i]; o != theater.NoOwner && g.Terrain[i] == theater.Rough {
			if th.fill(i, colors) == colors[o] {
				t.Fatalf("cell %d: a state's rough cell in its plain colour", i)
			}
			owned = true
			break
		}
	}
	if !owned {
		t.Fatal("asia-1950 has no rough cell a state owns")
	}
	svg, err := th.SVG()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), ">unowned land; darker tones, owned or not: rough<") {
		t.Error("the legend does not say that a darker tone of a state's colour is rough")
	}
}

// A cell is occupied when it changed owner since the start to another
// owner: one left without an owner is not hatched.
func TestTheatreOccupiedCells(t *testing.T) {
	th := &Theatre{Grid: &theater.Grid{Owner: []int16{0, theater.NoOwner, 1}}, Start: []int16{0, 0, 0}}
	for i, want := range []bool{false, false, true} {
		if got := th.occupied(i); got != want {
			t.Errorf("cell %d occupied %v, want %v", i, got, want)
		}
	}
	if th.Start = nil; th.occupied(2) {
		t.Error("cell 2 occupied with no start to compare")
	}
}

// The legend has a line for the hatch only when there is a start to
// compare with: 2 states make 2 + 2 + 1 + 3 lines, one more with it.
func TestTheatreLegendLines(t *testing.T) {
	th := &Theatre{States: make([]sim.State, 2)}
	if n := th.legendLines(); n != 8 {
		t.Errorf("without a start: %d lines, want 8", n)
	}
	th.Start = []int16{}
	if n := th.legendLines(); n != 9 {
		t.Errorf("with a start: %d lines, want 9", n)
	}
}

// A run's legend says "none" when no alliance is in force, and lists
// alliances given even when ShowAlliances is off.
func TestTheatreLegendOfAlliances(t *testing.T) {
	th := asiaTheatre(t)
	th.ShowAlliances = true
	svg, err := th.SVG()
	if err != nil || !strings.Contains(string(svg), ">Alliances in force (members outlined)<") || !strings.Contains(string(svg), ">none<") {
		t.Errorf("no alliance in force: %v; the legend does not say none", err)
	}
	th.ShowAlliances = false
	th.Alliances = []TheatreAlliance{{ID: 3, Members: []int{0}, Label: "A3 by hand"}}
	svg, err = th.SVG()
	if err != nil || !strings.Contains(string(svg), ">A3 by hand<") || strings.Contains(string(svg), ">none<") {
		t.Errorf("one alliance given: %v; the legend does not list it alone", err)
	}
}

// A replay stops at once, even to the first tick, when its context is
// already done.
func TestReplayToTickZeroCancelled(t *testing.T) {
	_, c := compiledAsia(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if w, err := ReplayTo(ctx, c, 7, 0); err != context.Canceled || w != nil {
		t.Errorf("replay to tick 0, cancelled: %v, %v", w, err)
	}
}

// asiaTheatre is the theatre of the built-in asia-1950 at its start.
func asiaTheatre(t *testing.T) *Theatre {
	t.Helper()
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	th, err := ScenarioTheatre(sc)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// A nil scenario is an error, not a panic; a scenario that names no
// source is named by its name, or said to have none.
func TestReplayToNil(t *testing.T) {
	if _, err := ReplayTo(context.Background(), nil, 1, 0); err == nil || !strings.Contains(err.Error(), "nil scenario") {
		t.Errorf("ReplayTo(nil): %v", err)
	}
	if _, err := ReplayTo(context.Background(), new(sim.Compiled), 1, 0); err == nil || err.Error() != "report: ReplayTo of a Compiled not made by sim.Compile (a zero value); allowed: one made by sim.Compile" {
		t.Errorf("ReplayTo of a zero Compiled: %v", err)
	}
	if _, err := ScenarioTheatre(nil); err == nil || !strings.Contains(err.Error(), "nil scenario") {
		t.Errorf("ScenarioTheatre(nil): %v", err)
	}
	if _, err := ScenarioTheatre(&sim.Scenario{}); err == nil || !strings.HasPrefix(err.Error(), "(a scenario with no name): building the theatre: ") {
		t.Errorf("ScenarioTheatre of an empty scenario: %v", err)
	}
	if _, err := ScenarioTheatre(&sim.Scenario{Name: "mine"}); err == nil || !strings.HasPrefix(err.Error(), "mine: building the theatre: ") {
		t.Errorf("ScenarioTheatre of a scenario with only a name: %v", err)
	}
}

// An alliance is outlined, and listed in the legend, in the colour of its
// id, as the timeline draws its bars (ganttFigure): A3 alone in force is
// in the fourth colour, not the first.
func TestTheatreAllianceColourIsItsID(t *testing.T) {
	th := asiaTheatre(t)
	count := func(id int) int {
		th.Alliances = []TheatreAlliance{{ID: id, Members: []int{0}, Label: fmt.Sprintf("A%d by hand", id)}}
		svg, err := th.SVG()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(strings.ToUpper(string(svg)), "#CC79A7")
	}
	if fourth := paletteAt(3); fourth != rgb(0xCC79A7) {
		t.Fatalf("paletteAt(3) = %v, want #CC79A7", fourth)
	}
	as0, as3 := count(0), count(3)
	if as3 <= as0 {
		t.Errorf("#CC79A7 drawn %d times for A3, %d for A0: A3 is not in its id's colour", as3, as0)
	}
}

// Where a cell is not a whole number of pixels (europe-1947's 34×… grid:
// 17.6 pixels a cell), rows of one colour meet without a seam: no pixel
// of the map differs from the three pixels above it and the three below,
// or the three left and right of it, while those six are alike (a
// boundary between two colours blends them, and so does a corner where
// they meet; between one colour and itself nothing must show). Each run
// drawn edge to edge left a lighter line at every row boundary: 44,705
// such pixels in this picture.
func TestTheatreCellsLeaveNoSeam(t *testing.T) {
	sc, err := configs.Builtin("europe-1947")
	if err != nil {
		t.Fatal(err)
	}
	th, err := ScenarioTheatre(sc)
	if err != nil {
		t.Fatal(err)
	}
	if px := 2 * th.cell(); px == math.Trunc(px) {
		t.Fatalf("a cell of %v pixels: the test needs one that is not whole", px)
	}
	var b bytes.Buffer
	if err := th.WritePNG(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	// The map, in pixels at 144 dpi (2 a point), less a pixel at each edge.
	const px = 2
	x0, y0 := px*theatreMargin+1, px*(theatreTitleH+theatreMargin)+1
	x1, y1 := x0+px*th.cell()*float64(th.Grid.W)-2, y0+px*th.cell()*float64(th.Grid.H)-2
	seams := 0
	for y := int(y0) + 1; y < int(y1)-1; y++ {
		for x := int(x0) + 1; x < int(x1)-1; x++ {
			at := img.At(x, y)
			if c := img.At(x, y-1); at != c && alike(c, img.At(x-1, y-1), img.At(x+1, y-1), img.At(x-1, y+1), img.At(x, y+1), img.At(x+1, y+1)) {
				seams++
			}
			if c := img.At(x-1, y); at != c && alike(c, img.At(x-1, y-1), img.At(x-1, y+1), img.At(x+1, y-1), img.At(x+1, y), img.At(x+1, y+1)) {
				seams++
			}
		}
	}
	if seams > 0 {
		t.Errorf("%d pixels of the map differ from the like pixels on both sides of them: seams between runs of cells", seams)
	}
}

// alike reports whether every colour is c.
func alike(c color.Color, others ...color.Color) bool {
	for _, o := range others {
		if o != c {
			return false
		}
	}
	return true
}

// No line of the legend runs past the picture's right edge: an alliance
// of eight members ("A1 usa bel lux ita nor dnk isl can — 8 members,
// weak, origin imposed", europe-1947 seed 73 in 1991-12) was cut off at
// "origin impos"; the legend is as wide as its longest line.
func TestTheatreLegendFitsItsLines(t *testing.T) {
	th := asiaTheatre(t)
	th.ShowAlliances = true
	th.Alliances = []TheatreAlliance{
		{ID: 1, Members: []int{0, 1}, Label: "A1 usa jpn — 2 members, strong, origin bilateral"},
		{ID: 12, Members: []int{0, 1, 2, 3, 4, 5, 6, 7, 8}, Label: "A12 usa jpn phl aus nzl kor twn tha pak — 9 members, strong, origin indigenous"},
	}
	w, h := th.Size()
	rec := &recorder.Canvas{}
	th.Draw(draw.NewCanvas(rec, w, h))
	found := false
	for _, a := range rec.Actions {
		if s, ok := a.(*recorder.FillString); ok {
			found = found || s.String == th.Alliances[1].Label
			if end := s.Point.X + textStyle(s.Font.Size).Width(s.String); end > w {
				t.Errorf("%q ends at %.0f pt, past the picture's width of %.0f pt", s.String, end, w)
			}
		}
	}
	if !found {
		t.Error("the long alliance is not in the legend")
	}
	// A legend of short lines keeps its width.
	th.Alliances = th.Alliances[:1]
	if w, _ := th.Size(); w != vg.Points(theatreMargin*3+th.cell()*float64(th.Grid.W)+theatreLegendW) {
		t.Errorf("width %.1f pt with short legend lines; want the map and a legend of %v pt", w, theatreLegendW)
	}
}
