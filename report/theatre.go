package report

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// Theatre is a picture of a theatre: terrain and owners, and for a run at
// a date the cells occupied since the start and the alliances in force,
// each member's territory outlined in its alliance's colour.
type Theatre struct {
	Title  string
	Grid   *theater.Grid // terrain and owners as drawn
	Start  []int16       // owners at the start; nil: no occupation to show
	States []sim.State
	// Alliances are those in force, in id order.
	Alliances []TheatreAlliance
	// ShowAlliances draws the alliance part of the legend even when none
	// is in force (a run at a date, not a bare scenario).
	ShowAlliances bool
}

// TheatreAlliance is an alliance in force: its id, member indices and a
// description for the legend.
type TheatreAlliance struct {
	ID      int
	Members []int
	Label   string
}

// ScenarioTheatre is the theatre of a scenario before any run, titled as
// before its first month is played: WorldTheatre's picture after the
// first tick is dated by that month, and may differ (alliances formed,
// cells taken).
func ScenarioTheatre(sc *sim.Scenario) (*Theatre, error) {
	if sc == nil {
		return nil, errors.New("report: ScenarioTheatre of a nil scenario; allowed: one from configs.Builtin or configs.Load")
	}
	g, err := sc.Grid()
	if err != nil {
		where := cmp.Or(sc.Source, sc.Name, "(a scenario with no name)")
		return nil, fmt.Errorf("%s: building the theatre: %w", where, err)
	}
	return &Theatre{Title: fmt.Sprintf("%s — at the start, before %s is played", sc.Name, sc.Calendar.Label(0)), Grid: g, States: sc.States}, nil
}

// WorldTheatre is the theatre of a run as it stands after its last
// simulated tick: owners, occupations since the start, alliances in force.
// w must not be nil (ReplayTo makes one, or says why it cannot). The title
// names the scenario, w's seed and the month.
func WorldTheatre(w *sim.World) *Theatre {
	c := w.Compiled()
	sc := c.Scenario()
	last := max(w.Tick()-1, 0)
	// Dated by the last month of the tick it stands after, as explain
	// dates an appraisal: with quarterly ticks, the end of the quarter.
	t := &Theatre{Title: fmt.Sprintf("%s, seed %d — %s", sc.Name, w.Seed(), c.Calendar().LastMonth(last)), Grid: w.Geometry().Grid(),
		Start: c.Geometry().Grid().Owner, States: sc.States, ShowAlliances: true}
	for _, a := range w.Alliances() {
		if !a.Active() {
			continue
		}
		ta := TheatreAlliance{ID: a.ID, Members: a.Members.Members(nil)}
		ids := make([]string, len(ta.Members))
		for i, m := range ta.Members {
			ids[i] = c.ID(m)
		}
		commit := "weak"
		if a.Strong {
			commit = "strong"
		}
		// The members now, counted: not a kind, which the tables give at
		// formation (a trilateral that grew reads "5 members" here).
		ta.Label = fmt.Sprintf("A%d %s — %d members, %s, origin %s", a.ID, strings.Join(ids, " "), len(ids), commit, a.Origin)
		t.Alliances = append(t.Alliances, ta)
	}
	return t
}

// ReplayTo plays replication seed of c through tick (the state of the
// world at that date, after its changes) and returns the world; it
// stops with ctx's error if ctx is done first.
func ReplayTo(ctx context.Context, c *sim.Compiled, seed uint64, tick int) (*sim.World, error) {
	if err := sim.Runnable(c); err != nil {
		return nil, fmt.Errorf("report: ReplayTo of %w", err)
	}
	w := sim.NewWorld(c, seed)
	if err := w.StepThrough(ctx, tick); err != nil {
		return nil, err
	}
	return w, nil
}

// Colours of the theatre.
var (
	seaColor   = rgb(0xD4E6F4)
	landColor  = rgb(0xECEAE1)
	roughColor = rgb(0xD2CDBA)
	hatchColor = color.NRGBA{A: 200}
)

// ownerColors: patrons blues, adversaries reds, clients other pastels, in
// the order of the scenario within each role.
var ownerColors = map[sim.Role][]color.NRGBA{
	sim.Patron:    {rgb(0x8FBCE0), rgb(0x5E9BD1), rgb(0xB9D4EC)},
	sim.Adversary: {rgb(0xF29A8A), rgb(0xE5675A), rgb(0xF7C1B5), rgb(0xD9483B)},
	sim.Client: {rgb(0xA6D99B), rgb(0xFDCF9E), rgb(0xCDBEE0), rgb(0xF3E59A), rgb(0xC9A98F), rgb(0x9EDAE5),
		rgb(0xF2B5D4), rgb(0xD5DE8F), rgb(0xB7C9A8), rgb(0xE7C38A), rgb(0xB3B3DD), rgb(0xDDB0A0), rgb(0x92CFB3)},
}

// stateColors gives each state its fill.
func stateColors(states []sim.State) []color.NRGBA {
	used := map[sim.Role]int{}
	out := make([]color.NRGBA, len(states))
	for i, s := range states {
		pal := ownerColors[s.Role]
		out[i] = pal[used[s.Role]%len(pal)]
		used[s.Role]++
	}
	return out
}

// darker is c with its channels scaled by f (rough cells of an owner).
func darker(c color.NRGBA, f float64) color.NRGBA {
	return color.NRGBA{R: uint8(float64(c.R) * f), G: uint8(float64(c.G) * f), B: uint8(float64(c.B) * f), A: c.A}
}

// Layout of the picture, in points.
const (
	theatreMapWidth = 600.0 // the map's width at most
	theatreMaxCell  = 9.0
	// cellOverlap is how far a run of cells reaches under the next, to
	// leave no seam (Draw): a pixel of the PNG, drawn at 144 dpi.
	cellOverlap    = vg.Length(0.5)
	theatreLegendW = 250.0
	theatreTitleH  = 22.0
	theatreLineH   = 11.5
	theatreMargin  = 8.0
)

func (t *Theatre) cell() float64 {
	return min(theatreMaxCell, theatreMapWidth/float64(t.Grid.W))
}

// legendLines counts the legend's lines, for the picture's height.
func (t *Theatre) legendLines() int {
	n := 2 + len(t.States) + 1 + 3
	if t.Start != nil {
		n++
	}
	if t.ShowAlliances || len(t.Alliances) > 0 {
		n += 2 + max(len(t.Alliances), 1)
	}
	return n
}

// Size is the picture's width and height.
func (t *Theatre) Size() (w, h vg.Length) {
	s := t.cell()
	mapW, mapH := s*float64(t.Grid.W), s*float64(t.Grid.H)
	legendH := theatreLineH * float64(t.legendLines())
	return vg.Points(theatreMargin*3+mapW) + t.legendWidth(), vg.Points(theatreTitleH + theatreMargin*2 + max(mapH, legendH))
}

// Text and swatches of the legend.
var (
	legendText = textStyle(8)
	legendHead = textStyle(9)
	legendSw   = vg.Points(9) // a swatch's side
	legendGap  = vg.Points(5) // between a swatch and its text
	allianceHd = "Alliances in force (members outlined)"
)

// legendWidth is theatreLegendW, or more where a line of the legend is
// longer (an alliance of eight members: "A1 usa bel lux ita nor dnk isl
// can — 8 members, weak, origin imposed"), so that none is cut off.
func (t *Theatre) legendWidth() vg.Length {
	w := max(vg.Points(theatreLegendW), legendHead.Width(allianceHd)+vg.Points(theatreMargin))
	entries := t.stateLabels()
	for _, a := range t.Alliances {
		entries = append(entries, a.Label)
	}
	for _, e := range entries {
		w = max(w, legendSw+legendGap+legendText.Width(e)+vg.Points(theatreMargin))
	}
	return w
}

// stateLabels are the legend's lines for the states.
func (t *Theatre) stateLabels() []string {
	cells := t.Grid.CellsPerOwner(len(t.States))
	out := make([]string, len(t.States))
	for i, s := range t.States {
		label := fmt.Sprintf("%s — %s (%s)", s.ID, s.Name, s.Role)
		if s.Name == "" || s.Name == s.ID {
			label = fmt.Sprintf("%s (%s)", s.ID, s.Role)
		}
		if cells[i] == 0 {
			label += ", no land"
		}
		out[i] = label
	}
	return out
}

// occupied reports whether cell i changed hands since the start.
func (t *Theatre) occupied(i int) bool {
	return t.Start != nil && t.Grid.Owner[i] != t.Start[i] && t.Grid.Owner[i] != theater.NoOwner
}

// fill is the colour of cell i.
func (t *Theatre) fill(i int, colors []color.NRGBA) color.NRGBA {
	g := t.Grid
	switch o := g.Owner[i]; {
	case g.Terrain[i] == theater.Sea:
		return seaColor
	case o == theater.NoOwner && g.Terrain[i] == theater.Rough:
		return roughColor
	case o == theater.NoOwner:
		return landColor
	case g.Terrain[i] == theater.Rough:
		return darker(colors[o], 0.86)
	default:
		return colors[o]
	}
}

// Draw draws the picture: title, map, legend.
func (t *Theatre) Draw(c draw.Canvas) {
	g := t.Grid
	colors := stateColors(t.States)
	s := vg.Points(t.cell())
	top := c.Max.Y - vg.Points(theatreTitleH+theatreMargin)
	left := c.Min.X + vg.Points(theatreMargin)
	title := textStyle(11)
	title.YAlign = draw.YTop
	c.FillText(title, vg.Point{X: left, Y: c.Max.Y - vg.Points(theatreMargin/2)}, t.Title)
	rect := func(x0, y0, x1, y1 vg.Length) []vg.Point {
		return []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
	}
	// Cells, one rectangle per run of equal colour along a row. Where a
	// cell is not a whole number of pixels, two rectangles meeting at a
	// fractional edge each cover its pixels in part, and the background
	// shows through as a faint seam; so each run reaches cellOverlap into
	// the run after it and the row below, which are drawn later and cover
	// it (not past the map's edge).
	for y := range g.H {
		y1 := top - vg.Length(y)*s
		below := cellOverlap
		if y == g.H-1 {
			below = 0
		}
		for x := 0; x < g.W; {
			col := t.fill(g.Index(x, y), colors)
			end := x + 1
			for end < g.W && t.fill(g.Index(end, y), colors) == col {
				end++
			}
			right := cellOverlap
			if end == g.W {
				right = 0
			}
			c.FillPolygon(col, rect(left+vg.Length(x)*s, y1-s-below, left+vg.Length(end)*s+right, y1))
			x = end
		}
	}
	// Occupied cells: a diagonal hatch.
	hatch := lineStyle(hatchColor, 0.6, false)
	for i := range g.Owner {
		if t.occupied(i) {
			x, y := g.XY(i)
			x0, y1 := left+vg.Length(x)*s, top-vg.Length(y)*s
			c.StrokeLine2(hatch, x0, y1-s, x0+s, y1)
		}
	}
	// Alliance outlines: each member's territory in its alliance's
	// colour (by its id, as the timeline's bars are: A2 is drawn alike in
	// both), inset by one line width per alliance the member is already
	// outlined for, so that several alliances stay visible.
	width := vg.Points(max(1.2, t.cell()/4))
	slot := make([]int, len(t.States))
	for _, a := range t.Alliances {
		ls := lineStyle(paletteAt(a.ID), float64(width)/float64(vg.Points(1)), false)
		for _, m := range a.Members {
			if m >= len(slot) {
				continue
			}
			inset := width * (0.5 + vg.Length(slot[m]))
			slot[m]++
			t.outline(c, int16(m), ls, left, top, s, inset)
		}
	}
	t.drawLegend(c, colors, left+vg.Length(g.W)*s+vg.Points(theatreMargin*2), top)
}

// outline strokes the border of state m's cells, merged into runs along
// rows and columns, inset into the territory.
func (t *Theatre) outline(c draw.Canvas, m int16, ls draw.LineStyle, left, top, s, inset vg.Length) {
	g := t.Grid
	own := func(x, y int) bool { return x >= 0 && y >= 0 && x < g.W && y < g.H && g.Owner[g.Index(x, y)] == m }
	X := func(x int) vg.Length { return left + vg.Length(x)*s }
	Y := func(y int) vg.Length { return top - vg.Length(y)*s }
	for y := range g.H {
		for _, side := range []int{-1, 1} { // the edge above (−1) or below (+1) the row
			for x := 0; x < g.W; x++ {
				if !own(x, y) || own(x, y+side) {
					continue
				}
				end := x + 1
				for end < g.W && own(end, y) && !own(end, y+side) {
					end++
				}
				yy := Y(y) - inset
				if side == 1 {
					yy = Y(y+1) + inset
				}
				c.StrokeLine2(ls, X(x), yy, X(end), yy)
				x = end - 1
			}
		}
	}
	for x := range g.W {
		for _, side := range []int{-1, 1} { // the edge left (−1) or right (+1) of the column
			for y := 0; y < g.H; y++ {
				if !own(x, y) || own(x+side, y) {
					continue
				}
				end := y + 1
				for end < g.H && own(x, end) && !own(x+side, end) {
					end++
				}
				xx := X(x) + inset
				if side == 1 {
					xx = X(x+1) - inset
				}
				c.StrokeLine2(ls, xx, Y(y), xx, Y(end))
				y = end - 1
			}
		}
	}
}

// drawLegend lists states, terrain, occupation and alliances.
func (t *Theatre) drawLegend(c draw.Canvas, colors []color.NRGBA, x, top vg.Length) {
	txt := legendText
	txt.YAlign = draw.YCenter
	head := legendHead
	head.YAlign = draw.YCenter
	lh := vg.Points(theatreLineH)
	y := top - lh/2
	sw := legendSw
	swatch := func(col color.Color, hatched bool) {
		c.FillPolygon(col, []vg.Point{{X: x, Y: y - sw/2}, {X: x + sw, Y: y - sw/2}, {X: x + sw, Y: y + sw/2}, {X: x, Y: y + sw/2}})
		if hatched {
			c.StrokeLine2(lineStyle(hatchColor, 0.6, false), x, y-sw/2, x+sw, y+sw/2)
		}
	}
	entry := func(label string) {
		c.FillText(txt, vg.Point{X: x + sw + legendGap, Y: y}, label)
		y -= lh
	}
	c.FillText(head, vg.Point{X: x, Y: y}, "States")
	y -= lh
	for i, label := range t.stateLabels() {
		swatch(colors[i], false)
		entry(label)
	}
	y -= lh / 2
	swatch(seaColor, false)
	entry("sea")
	swatch(landColor, false)
	entry("unowned land; darker tones, owned or not: rough")
	if t.Start != nil {
		swatch(landColor, true)
		entry("hatched: occupied since the start")
	}
	if !t.ShowAlliances && len(t.Alliances) == 0 {
		return
	}
	y -= lh / 2
	c.FillText(head, vg.Point{X: x, Y: y}, allianceHd)
	y -= lh
	if len(t.Alliances) == 0 {
		entry("none")
	}
	for _, a := range t.Alliances {
		c.StrokeLine2(lineStyle(paletteAt(a.ID), 2, false), x, y, x+sw, y)
		entry(a.Label)
	}
}

// WritePNG writes the picture as a PNG at 144 dots per inch.
func (t *Theatre) WritePNG(w io.Writer) error {
	width, height := t.Size()
	c := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(144), vgimg.UseBackgroundColor(color.White))
	t.Draw(draw.New(c))
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}

// SVG is the picture as inline SVG.
func (t *Theatre) SVG() (template.HTML, error) {
	w, h := t.Size()
	return svgOf(w, h, func(c draw.Canvas) {
		c.FillPolygon(color.White, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}})
		t.Draw(c)
	})
}
