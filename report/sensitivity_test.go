package report

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sensitivity"
)

// commandIndices are the indices alliancesim sensitivity DIR prints: its
// default resamples, the bootstrap seeded with the sweep's seed.
func commandIndices(t *testing.T, dir string) *runner.Sensitivity {
	t.Helper()
	s, err := runner.SensitivityOf(dir, nil, sensitivity.Bootstrap{Resamples: sensitivity.DefaultResamples})
	if err != nil {
		t.Fatal(err)
	}
	if s.Bootstrap.Resamples != 1000 || s.Bootstrap.Seed != 1 {
		t.Fatalf("the command's bootstrap is %+v; the tests expect 1000 resamples from the sweep's seed 1", s.Bootstrap)
	}
	return s
}

// sectionOf is the page's section of that ID, or nil.
func sectionOf(p *Page, id string) *Section {
	for i := range p.Sections {
		if p.Sections[i].ID == id {
			return &p.Sections[i]
		}
	}
	return nil
}

// figureOf is the section's figure of that ID.
func figureOf(t *testing.T, sec *Section, id string) Figure {
	t.Helper()
	for _, f := range sec.Figures {
		if f.ID == id {
			return f
		}
	}
	t.Fatalf("no figure %s in section %s", id, sec.ID)
	return Figure{}
}

// drawnShares are the shares the command finds varying over the design:
// the panels of the report's figures, in order.
func drawnShares(t *testing.T, s *runner.Sensitivity) []runner.OutputSensitivity {
	t.Helper()
	var out []runner.OutputSensitivity
	for _, o := range s.Outputs[:len(runner.ShareKeys())] {
		if o.Variance > 0 {
			out = append(out, o)
		}
	}
	if len(out) < 2 {
		t.Fatalf("%d shares vary over the fixture's design; the tests want a few", len(out))
	}
	return out
}

// inPanel keeps the paths that lie within the n-th panel of a grid
// figure (from 0), the box of its white background (a path of four
// corners or more: a hollow dot's white disc is one point here).
func inPanel(t *testing.T, svg template.HTML, n int, paths [][][2]float64) [][][2]float64 {
	t.Helper()
	var boxes [][][2]float64
	for _, p := range svgPaths(t, svg, "fill:#FFFFFF") {
		if len(p) >= 4 {
			boxes = append(boxes, p)
		}
	}
	if n >= len(boxes) {
		t.Fatalf("no panel %d: %d panel backgrounds", n, len(boxes))
	}
	return within(boxes[n], paths)
}

var svgDotRE = regexp.MustCompile(`<path d="M(-?[0-9.e+-]+),(-?[0-9.e+-]+)A([0-9.e+-]+),[^"]*" style="([^"]*)"`)

// mark is a dot of a figure: its centre (SVG points, y up) and whether
// it is hollow (a ring).
type mark struct {
	X, Y   float64
	Hollow bool
}

// svgDots are the dots of colour col (#RRGGBB) in a figure's n-th
// panel, from the top down.
func svgDots(t *testing.T, svg template.HTML, n int, col string) []mark {
	t.Helper()
	var out []mark
	var asPaths [][][2]float64
	for _, m := range svgDotRE.FindAllStringSubmatch(string(svg), -1) {
		style := m[4]
		filled, ring := style == "fill:"+col, strings.Contains(style, "stroke:"+col) && strings.Contains(style, "fill:none")
		if !filled && !ring {
			continue
		}
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		r, _ := strconv.ParseFloat(m[3], 64)
		out = append(out, mark{X: x - r, Y: y, Hollow: ring})
		asPaths = append(asPaths, [][2]float64{{x - r, y}})
	}
	kept := inPanel(t, svg, n, asPaths)
	var in []mark
	for _, d := range out {
		if slices.ContainsFunc(kept, func(p [][2]float64) bool { return p[0] == [2]float64{d.X, d.Y} }) {
			in = append(in, d)
		}
	}
	slices.SortStableFunc(in, func(a, b mark) int { return cmpDesc(a.Y, b.Y) })
	return in
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// svgWhiskers are the level lines of colour col in a figure's n-th
// panel, from the top down: an interval's [left, right] and its height.
func svgWhiskers(t *testing.T, svg template.HTML, n int, col string) [][3]float64 {
	t.Helper()
	var out [][3]float64
	for _, p := range inPanel(t, svg, n, svgPaths(t, svg, "stroke:"+col, "fill:none")) {
		if len(p) == 2 && p[0][1] == p[1][1] {
			out = append(out, [3]float64{p[0][0], p[1][0], p[0][1]})
		}
	}
	slices.SortStableFunc(out, func(a, b [3]float64) int { return cmpDesc(a[2], b[2]) })
	return out
}

// panelAxes are the ends of the n-th panel's horizontal axis line and
// of its vertical one (SVG points): the longest level and upright black
// lines in it.
func panelAxes(t *testing.T, svg template.HTML, n int) (x, y [2]float64) {
	t.Helper()
	for _, p := range inPanel(t, svg, n, svgPaths(t, svg, "stroke:#000000")) {
		if len(p) != 2 {
			continue
		}
		if p[0][1] == p[1][1] && p[1][0]-p[0][0] > x[1]-x[0] {
			x = [2]float64{p[0][0], p[1][0]}
		}
		if p[0][0] == p[1][0] && math.Abs(p[1][1]-p[0][1]) > y[1]-y[0] {
			y = [2]float64{min(p[0][1], p[1][1]), max(p[0][1], p[1][1])}
		}
	}
	if x[1] == x[0] || y[1] == y[0] {
		t.Fatalf("no axis lines in panel %d", n)
	}
	return x, y
}

// paletteHex is a colour as the SVG backend writes it.
func paletteHex(i int) string {
	c := paletteAt(i)
	return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)
}

// near says whether a drawn value is the computed one, to within the
// SVG's three decimals of a point.
func near(got, want float64) bool { return math.Abs(got-want) < 2e-3 }

// The report of a Sobol sweep draws, for each share that varies, S1 and ST of
// every parameter, in the order the command prints them, at the
// estimates and interval ends runner.SensitivityOf gives at the
// command's default resamples, hollow where the command's sampling-error
// line names them; its caption says what was computed, and which command
// prints the same numbers.
func TestSobolFigureIsTheCommandsIndices(t *testing.T) {
	_, sobol := sensitivityFixtures(t)
	want := commandIndices(t, sobol)
	p, err := Build(context.Background(), sobol)
	if err != nil {
		t.Fatal(err)
	}
	sec := sectionOf(p, "sensitivity")
	if sec == nil {
		t.Fatal("no sensitivity section in the report of a Sobol sweep")
	}
	f := figureOf(t, sec, "sensitivity-sobol")
	panels, _, _ := sensitivityPanels(want)
	lo, hi := sobolAxis(panels)
	clamp := func(v float64) float64 { return min(max(v, lo), hi) }
	hollows := 0
	for n, o := range drawnShares(t, want) {
		if title := fmt.Sprintf(">%s · noise %.0f%%</text>", o.Output, 100*o.Noise/o.Variance); !strings.Contains(string(f.SVG), title) {
			t.Errorf("no panel titled %q", title)
		}
		ax, _ := panelAxes(t, f.SVG, n)
		value := func(x float64) float64 { return lo + (x-ax[0])/(ax[1]-ax[0])*(hi-lo) }
		order := o.Ranked()
		for _, c := range []struct {
			name string
			col  string
			ivs  []sensitivity.Interval
		}{{"S1", "#0072B2", o.Sobol.First}, {"ST", "#D55E00", o.Sobol.Total}} {
			ws, dots := svgWhiskers(t, f.SVG, n, c.col), svgDots(t, f.SVG, n, c.col)
			if len(ws) != len(order) || len(dots) != len(order) {
				t.Fatalf("%s, %s: %d intervals and %d dots in panel %d, want %d of each", o.Output, c.name, len(ws), len(dots), n, len(order))
			}
			for row, i := range order {
				iv := c.ivs[i]
				if !near(value(ws[row][0]), clamp(iv.Low)) || !near(value(ws[row][1]), clamp(iv.High)) {
					t.Errorf("%s, %s of %s (row %d): interval drawn [%.4f, %.4f], computed [%.4f, %.4f]", o.Output, c.name, want.Vary[i], row, value(ws[row][0]), value(ws[row][1]), iv.Low, iv.High)
				}
				if iv.Estimate >= lo && iv.Estimate <= hi && !near(value(dots[row].X), iv.Estimate) {
					t.Errorf("%s, %s of %s: drawn at %.4f, computed %.4f", o.Output, c.name, want.Vary[i], value(dots[row].X), iv.Estimate)
				}
				hollow := sensitivity.SobolResolution(iv) != sensitivity.Resolved
				if dots[row].Hollow != hollow {
					t.Errorf("%s, %s of %s %+v: hollow %v, want %v", o.Output, c.name, want.Vary[i], iv, dots[row].Hollow, hollow)
				}
				if hollow {
					hollows++
				}
			}
		}
	}
	if hollows == 0 {
		t.Error("the fixture has no unresolved index: the hollow marks are checked only as absent")
	}
	for _, w := range []string{"Jansen's estimators over the 8 base rows", "1000 resamples of the base rows drawn from seed 1", "[0, 1]", "sampling error", "alliancesim sensitivity sobol."} {
		if !strings.Contains(f.Caption, w) {
			t.Errorf("the caption lacks %q:\n%s", w, f.Caption)
		}
	}
	if !strings.Contains(sec.Intro, "alliancesim sensitivity sobol computes them at its default 1000 resamples: it prints the same numbers and") {
		t.Errorf("the section's introduction: %q", sec.Intro)
	}
}

// The report of a Morris sweep draws μ* of every parameter for each
// share that varies, in the order the command prints them, at the estimates
// and interval ends runner.SensitivityOf gives, each in its parameter's
// colour, and the Morris plane: each parameter's dot at its μ* and σ.
func TestMorrisFiguresAreTheCommandsIndices(t *testing.T) {
	morris, _ := sensitivityFixtures(t)
	want := commandIndices(t, morris)
	p, err := Build(context.Background(), morris)
	if err != nil {
		t.Fatal(err)
	}
	sec := sectionOf(p, "sensitivity")
	if sec == nil {
		t.Fatal("no sensitivity section in the report of a Morris sweep")
	}
	panels, _, _ := sensitivityPanels(want)
	var hi, top float64
	for _, pn := range panels {
		for _, r := range pn.Rows {
			hi = max(hi, r.A.High, r.A.Estimate)
			top = max(top, r.A.Estimate, r.B.Estimate)
		}
	}
	mu := figureOf(t, sec, "sensitivity-mustar")
	plane := figureOf(t, sec, "sensitivity-morris-plane")
	signs := false // an output whose μ is not its μ*: the two told apart
	for n, o := range drawnShares(t, want) {
		lo, hi := -0.03*hi, 1.04*hi
		ax, _ := panelAxes(t, mu.SVG, n)
		value := func(x float64) float64 { return lo + (x-ax[0])/(ax[1]-ax[0])*(hi-lo) }
		order := o.Ranked()
		for row, i := range order {
			iv := o.Morris.MuStar[i]
			signs = signs || !near(o.Morris.Mu[i].Estimate, iv.Estimate)
			ws, dots := svgWhiskers(t, mu.SVG, n, paletteHex(i)), svgDots(t, mu.SVG, n, paletteHex(i))
			if len(ws) != 1 || len(dots) != 1 {
				t.Fatalf("%s, μ* of %s: %d intervals and %d dots in its colour %s, want 1", o.Output, want.Vary[i], len(ws), len(dots), paletteHex(i))
			}
			if !near(value(ws[0][0]), iv.Low) || !near(value(ws[0][1]), iv.High) || !near(value(dots[0].X), iv.Estimate) {
				t.Errorf("%s, μ* of %s: drawn %.4f [%.4f, %.4f], computed %+v", o.Output, want.Vary[i], value(dots[0].X), value(ws[0][0]), value(ws[0][1]), iv)
			}
			if row > 0 {
				above := order[row-1]
				if prev := svgDots(t, mu.SVG, n, paletteHex(above)); prev[0].Y <= dots[0].Y {
					t.Errorf("%s, μ* of %s drawn above %s's; the command ranks it below", o.Output, want.Vary[i], want.Vary[above])
				}
			}
		}
		px, py := panelAxes(t, plane.SVG, n)
		lo, hi = -0.03*1.06*top, 1.06*top
		at := func(v float64, a [2]float64) float64 { return lo + (v-a[0])/(a[1]-a[0])*(hi-lo) }
		for _, i := range order {
			dots := svgDots(t, plane.SVG, n, paletteHex(i))
			if len(dots) != 1 {
				t.Fatalf("%s, %s: %d dots in the plane's panel, want 1", o.Output, want.Vary[i], len(dots))
			}
			if x, y := at(dots[0].X, px), at(dots[0].Y, py); !near(x, o.Morris.MuStar[i].Estimate) || !near(y, o.Morris.Sigma[i].Estimate) {
				t.Errorf("%s, %s in the plane at μ* %.4f, σ %.4f; computed %.4f, %.4f", o.Output, want.Vary[i], x, y, o.Morris.MuStar[i].Estimate, o.Morris.Sigma[i].Estimate)
			}
		}
	}
	if !signs {
		t.Error("in the fixture μ is μ* everywhere: a figure of μ would pass")
	}
	for _, w := range []string{"Campolongo", "4 trajectories on 4 levels", "1000 resamples of the trajectories drawn from seed 1", "alliancesim sensitivity morris."} {
		if !strings.Contains(mu.Caption, w) {
			t.Errorf("the μ* caption lacks %q:\n%s", w, mu.Caption)
		}
	}
}

// What is not drawn is said: the shares that do not vary over the
// design, and the custom measures, which the command prints.
func TestSensitivitySectionSaysWhatIsLeftOut(t *testing.T) {
	morris, sobol := sensitivityFixtures(t)
	for _, dir := range []string{morris, sobol} {
		s := commandIndices(t, dir)
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		sec := sectionOf(p, "sensitivity")
		notes := strings.Join(sec.Notes, "\n")
		drawn := 0
		for k, o := range s.Outputs {
			switch {
			case k >= len(runner.ShareKeys()):
				if !strings.Contains(notes, "custom measure "+o.Output+" are printed by alliancesim sensitivity "+filepath.Base(dir)+" --output "+o.Output+".") {
					t.Errorf("%s: the measure %s is not named as left out:\n%s", dir, o.Output, notes)
				}
			case o.Variance > 0:
				drawn++
				if strings.Contains(notes, o.Output+" (") || strings.Contains(notes, o.Output+", ") {
					t.Errorf("%s: %s varies, and is named as not drawn:\n%s", dir, o.Output, notes)
				}
			default:
				if !strings.Contains(notes, "Not drawn: ") || !strings.Contains(notes, o.Output) {
					t.Errorf("%s: %s does not vary, and is not named as left out:\n%s", dir, o.Output, notes)
				}
			}
		}
		if got := strings.Count(string(sec.Figures[0].SVG), " · noise "); got != drawn {
			t.Errorf("%s: %d panels, %d shares vary", dir, got, drawn)
		}
		if dir == sobol && strings.Contains(notes, "measure") {
			t.Errorf("the Sobol fixture has no custom measure:\n%s", notes)
		}
	}
}

// The section is the same bytes every time: the bootstrap is seeded.
func TestSensitivitySectionIsTheSameEveryTime(t *testing.T) {
	_, sobol := sensitivityFixtures(t)
	var pages [2]bytes.Buffer
	for i := range pages {
		p, err := Build(context.Background(), sobol)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Render(&pages[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(pages[0].Bytes(), pages[1].Bytes()) {
		t.Error("two reports of the same Sobol sweep differ")
	}
}

// A sweep of another design (the grid fixture) has no sensitivity
// section, figure or note; a Morris or Sobol sweep's page says in its
// note that it draws the indices.
func TestOnlyMorrisAndSobolSweepsHaveIndices(t *testing.T) {
	_, _, grid, _ := fixtures(t)
	morris, sobol := sensitivityFixtures(t)
	for _, c := range []struct {
		dir  string
		want bool
	}{{grid, false}, {morris, true}, {sobol, true}} {
		p, err := Build(context.Background(), c.dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := sectionOf(p, "sensitivity") != nil; got != c.want {
			t.Errorf("%s: a sensitivity section %v, want %v", filepath.Base(c.dir), got, c.want)
		}
		figs := slices.ContainsFunc(p.Figures(), func(f Figure) bool { return strings.HasPrefix(f.ID, "sensitivity") })
		note := slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "sensitivity indices") })
		if figs != c.want || note != c.want {
			t.Errorf("%s: sensitivity figures %v, a note of them %v; want %v", filepath.Base(c.dir), figs, note, c.want)
		}
	}
}

// A manifest that says sobol over a directory the command refuses (here
// the grid fixture's, its design changed in memory) leaves a note saying
// why there are no indices, and the rest of the report drawn.
func TestSensitivitySectionSaysWhyNoIndices(t *testing.T) {
	_, _, grid, _ := fixtures(t)
	in, err := Read(grid)
	if err != nil {
		t.Fatal(err)
	}
	in.Manifest.Design = &runner.Design{Kind: "sobol", Samples: 2}
	p := &Page{}
	if err := p.sweep(in); err != nil {
		t.Fatal(err)
	}
	sec := sectionOf(p, "sensitivity")
	if sec == nil || len(sec.Figures) != 0 || len(sec.Notes) != 1 || !strings.HasPrefix(sec.Notes[0], "No indices: alliancesim sensitivity sweep would refuse this directory too: ") {
		t.Fatalf("section %+v", sec)
	}
	if sectionOf(p, "shares") == nil {
		t.Error("the pooled shares are not drawn")
	}
	// The directory is named by its base name, as the page names it, not
	// by the path it was given; and no note says indices are drawn.
	if strings.Contains(sec.Notes[0], grid) {
		t.Errorf("the note names the path given: %s", sec.Notes[0])
	}
	for _, n := range p.Notes {
		if strings.Contains(n, "sensitivity indices") || strings.Contains(n, "computes them afresh") {
			t.Errorf("a note speaks of indices not drawn: %s", n)
		}
	}
	// A sensitivity.csv there (in a copy of the fixture) is named as of
	// earlier work, which the command would refuse now.
	dir := filepath.Join(t.TempDir(), "sweep")
	if err := os.CopyFS(dir, os.DirFS(grid)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sensitivity.csv"), []byte("output\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in.Dir = dir
	p = &Page{}
	if err := p.sweep(in); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(p.Notes, func(n string) bool {
		return strings.HasPrefix(n, "sensitivity.csv holds indices alliancesim sensitivity wrote earlier, but the command would refuse this directory now")
	}) {
		t.Errorf("notes %q", p.Notes)
	}
}

// sensitivity.csv beside the sweep is named as what the command last
// wrote, at its own resamples: the report computes its indices afresh.
func TestSensitivityCSVIsNamedAsTheCommands(t *testing.T) {
	_, sobol := sensitivityFixtures(t)
	dir := filepath.Join(t.TempDir(), "sobol")
	if err := os.CopyFS(dir, os.DirFS(sobol)); err != nil {
		t.Fatal(err)
	}
	const note = "sensitivity.csv holds the indices as alliancesim sensitivity last wrote them, at the resamples its resamples column gives; this report computes them afresh at 1000."
	for _, written := range []bool{false, true} {
		if written {
			s, err := runner.SensitivityOf(dir, nil, sensitivity.Bootstrap{Resamples: 200})
			if err != nil {
				t.Fatal(err)
			}
			if err := runner.WriteSensitivity(dir, s); err != nil {
				t.Fatal(err)
			}
		}
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(p.Notes, note); got != written {
			t.Errorf("sensitivity.csv written %v: the note %v (notes %q)", written, got, p.Notes)
		}
		if sectionOf(p, "sensitivity") == nil {
			t.Errorf("sensitivity.csv written %v: no section", written)
		}
	}
}

// A refusal names the directory by the page's name of it, as a path
// only: not inside another path or a word, and never "." (every full
// stop of the message would have become the name).
func TestRenamedDir(t *testing.T) {
	for _, c := range []struct{ msg, dir, want string }{
		{"/tmp/x/sw holds a grid design.", "/tmp/x/sw", "sw holds a grid design."},
		{"reading /tmp/x/sw/manifest.json: bad; /tmp/x/sw2 too", "/tmp/x/sw", "reading sw/manifest.json: bad; /tmp/x/sw2 too"},
		{"sw holds a grid design.", ".", "sw holds a grid design."},
		{"a/sw/b and sw: x", "sw/", "a/sw/b and sw: x"},
	} {
		if got := renamedDir(c.msg, c.dir, "sw"); got != c.want {
			t.Errorf("renamedDir(%q, %q) = %q; want %q", c.msg, c.dir, got, c.want)
		}
	}
}
