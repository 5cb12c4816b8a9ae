package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/alliancesim/alliancesim/hypotheses"
)

// A hypotheses directory reads back; its table has a row per hypothesis,
// and each has a response figure over its levels.
func TestHypothesesReport(t *testing.T) {
	_, _, _, dir := fixtures(t)
	p, err := Build(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := fakeHypotheses()
	rows := hypothesisRows(want)
	if len(rows) != 2 || rows[0].Change != "+0.400 [+0.300, +0.500]" || rows[0].Rho != "+1.00" || rows[1].Predicted != "below 0.05" ||
		rows[0].Runs != 50 || rows[1].Runs != 200 {
		t.Fatalf("rows %+v", rows)
	}
	var html strings.Builder
	if err := p.Render(&html); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), "<th>runs</th>") || !strings.Contains(html.String(), "<td>2/2</td><td>50</td>") {
		t.Error("the page's table does not give each hypothesis's runs")
	}
	figs := p.Figures()
	if len(figs) != len(want) {
		t.Fatalf("%d figures for %d hypotheses", len(figs), len(want))
	}
	for i, f := range figs {
		if !strings.HasPrefix(f.Title, want[i].ID+":") || !strings.Contains(string(f.SVG), "<svg") {
			t.Fatalf("figure %d: %q", i, f.Title)
		}
	}
}

// The subtitle counts the hypotheses that hold; one with no estimate at
// any level is named in a note, not drawn as an empty plot.
func TestHypothesesSubtitleAndEmptyResponses(t *testing.T) {
	rs := fakeHypotheses()
	none := rs[1]
	none.ID, none.Verdict, none.Reason = "NC2", hypotheses.Inconclusive, "too few runs"
	none.Pooled = []hypotheses.Estimate{{N: 0}}
	none.Layouts = []hypotheses.LayoutRow{{Layout: 1, Estimates: []hypotheses.Estimate{{N: 0}}}}
	dir := t.TempDir()
	b, err := json.Marshal(append(rs, none))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "hypotheses.json"), b, 0o644)
	p, err := Build(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if p.Subtitle != "3 hypotheses, 1 hold." {
		t.Errorf("subtitle %q", p.Subtitle)
	}
	// The title says where a reader of a clone finds the hypotheses: not
	// THEORY.md, which is kept outside the repository.
	if p.Title != "Hypotheses (docs/model.md §1.2.2)" {
		t.Errorf("title %q", p.Title)
	}
	var ids []string
	for _, f := range p.Figures() {
		ids = append(ids, f.ID)
	}
	if !slices.Equal(ids, []string{"hypothesis-t9", "hypothesis-nc1"}) {
		t.Errorf("figures %v", ids)
	}
	for i, want := range [][2]string{
		{"T9: adversary revisionism → share of clients ever allied — holds",
			"clients balance against a more hostile adversary (Walt). The pooled outcome at each level with its 95% interval (blue) and each of 2 layouts (grey); predicted: rises by at least 0.15 from the lowest level to the highest; holds: ρ +1.00 (hypotheses.json)."},
		{"NC1: the world as built → alliances ending within 12 ticks — fails",
			"treaties are not signed and abandoned within a year (record). The pooled outcome at each level with its 95% interval (blue) and its one layout (grey); predicted: below 0.05 (dashed); fails: 0.220 above 0.05 (hypotheses.json)."},
	} {
		if f := p.Figures()[i]; f.Title != want[0] || f.Caption != want[1] {
			t.Errorf("figure %d: %q, %q\nwant %q, %q", i, f.Title, f.Caption, want[0], want[1])
		}
	}
	if notes := p.Sections[1].Notes; !slices.Equal(notes, []string{"NC2: no estimate at any level (too few runs), nothing to draw."}) {
		t.Errorf("notes %q", notes)
	}
}

// The table's cells by hand: the test, the prediction with its minimum
// change, the layouts agreeing of all, and a rate's pooled estimate with
// its interval.
func TestHypothesisRowsByHand(t *testing.T) {
	rs := fakeHypotheses()
	rs[0].Agree = 1
	rows := hypothesisRows(rs)
	want := []HypothesisRow{
		{ID: "T9", Claim: rs[0].Claim, Test: "adversary revisionism → share of clients ever allied (generic)", Predicted: "rises ≥ 0.15",
			Rho: "+1.00", Change: "+0.400 [+0.300, +0.500]", Layouts: "1/2", Verdict: "holds", Reason: "ρ +1.00", Runs: 50},
		{ID: "NC1", Claim: rs[1].Claim, Test: "the world as built → alliances ending within 12 ticks (generic)", Predicted: "below 0.05",
			Rho: "—", Change: "0.220 [0.170, 0.270]", Layouts: "0/1", Verdict: "fails", Reason: "0.220 above 0.05", Runs: 200},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", rows, want)
	}
}

// The change's cells read as the hypotheses command prints them: an end
// that is not zero but would print as ±0.000 gets two significant digits
// (hypotheses.Result.Cells), so that an interval that excludes zero never
// reads as one that touches it.
func TestHypothesisRowAsTheCommandPrintsIt(t *testing.T) {
	rs := fakeHypotheses()[:1]
	hi := -0.0003
	rs[0].ChangeHi = &hi
	var table bytes.Buffer
	if err := hypotheses.WriteTable(&table, rs); err != nil {
		t.Fatal(err)
	}
	row := hypothesisRows(rs)[0]
	if row.Change != "+0.400 [+0.300, -0.0003]" || !strings.Contains(table.String(), row.Change) || !strings.Contains(table.String(), row.Predicted) {
		t.Errorf("report cells %q and %q, table\n%s", row.Predicted, row.Change, table.String())
	}
}

// A rate of one level (T5, T7) draws each layout's estimate as a grey
// dot, as its caption says: a line of one point would be nothing.
func TestHypothesisFigureOfOneLevel(t *testing.T) {
	r := fakeHypotheses()[1]
	f, err := hypothesisFigure(r)
	if err != nil {
		t.Fatal(err)
	}
	// a dot of radius 2 is a path of two arcs "A2,2 …" (the pooled
	// estimate's is 2.5)
	if dots := strings.Count(string(f.SVG), "A2,2 0 1 1") / 2; dots != len(r.Layouts) || !strings.Contains(f.Caption, "(grey)") {
		t.Errorf("%d grey dots for %d layouts; caption %q", dots, len(r.Layouts), f.Caption)
	}
}

// A change without its upper end is no interval: the cell stays empty.
func TestHypothesisRowWithoutTheChangesUpperEnd(t *testing.T) {
	rs := fakeHypotheses()[:1]
	rs[0].ChangeHi = nil
	if rows := hypothesisRows(rs); rows[0].Change != "—" || rows[0].Rho != "+1.00" {
		t.Errorf("change %q, rho %q; want —, +1.00", rows[0].Change, rows[0].Rho)
	}
}

// The pooled curve and a layout's grey line join only the levels with an
// estimate: with none at the middle level, 2 whiskers and a curve of 2
// points, and a grey line of 2 points.
func TestHypothesisFigureSkipsInvalidEstimates(t *testing.T) {
	r := fakeHypotheses()[0]
	r.Layouts = r.Layouts[:1]
	r.Layouts[0].Estimates[1] = hypotheses.Estimate{}
	r.Pooled[1] = hypotheses.Estimate{}
	f, err := hypothesisFigure(r)
	if err != nil {
		t.Fatal(err)
	}
	grey := svgPaths(t, f.SVG, "stroke:#777777")
	if len(grey) != 1 || len(grey[0]) != 2 {
		t.Errorf("layout lines %v, want one of 2 points", grey)
	}
	blue := svgPaths(t, f.SVG, "stroke:#0072B2")
	if len(blue) != 3 || len(blue[0]) != 2 || len(blue[1]) != 2 || len(blue[2]) != 2 {
		t.Errorf("pooled whiskers and curve %v, want 2 whiskers and a curve of 2 points", blue)
	}
}

// A hypotheses directory's provenance.json is shown as provenance: the
// build, the command, the counts and seed, and the worlds changed, with a
// note when they were; a directory without one says what is not recorded;
// an impossible one is refused, naming the file and the field.
func TestHypothesesProvenance(t *testing.T) {
	b, err := json.Marshal(fakeHypotheses())
	if err != nil {
		t.Fatal(err)
	}
	write := func(prov string) string {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "hypotheses.json"), b, 0o644)
		if prov != "" {
			os.WriteFile(filepath.Join(dir, "provenance.json"), []byte(prov), 0o644)
		}
		return dir
	}
	value := func(p *Page, key string) string {
		for _, kv := range p.Provenance {
			if kv.Key == key {
				return kv.Value
			}
		}
		return "(none)"
	}
	dir := write(`{"tool": {"version": "v1.2.0", "revision": "abc123", "modified": true}, "command": ["alliancesim", "hypotheses", "--set", "params.cost_base=0.01"],
		"seed": 1001, "runs": 20, "max_runs": 800, "layouts": 1, "set": ["params.cost_base=0.01"]}`)
	p, err := Build(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"alliancesim version":    "v1.2.0",
		"revision":               "abc123 (modified)",
		"command":                "alliancesim hypotheses --set params.cost_base=0.01",
		"runs, seed":             "20 per world and level, up to 200 where a verdict was inconclusive at fewer; at most 800 allowed; 1 layout; base seed 1001 (replication r plays seed + r)",
		"worlds changed (--set)": "params.cost_base=0.01",
		"directory":              filepath.Base(dir),
	} {
		if got := value(p, key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	if want := []string{"Every world was changed with --set params.cost_base=0.01: these are not the verdicts of the hypotheses as registered.",
		"Exploratory: the specification judges a hypothesis over at least 5 generated layouts (docs/model.md §1.2.2), so that no result is one map's accident; these verdicts rest on 1 layout."}; !slices.Equal(p.Notes, want) {
		t.Errorf("notes %q", p.Notes)
	}

	// No verdict was run past the runs it started with (the fixture's
	// most is NC1's 200): the cap is said as a cap, not as runs made
	// ("up to 1600 where a verdict was inconclusive").
	p, err = Build(context.Background(), write(`{"tool": {"version": "v1.2.0", "revision": "abc123"}, "command": ["alliancesim"], "seed": 1, "runs": 200, "max_runs": 1600, "layouts": 5, "set": []}`))
	if err != nil || value(p, "worlds changed (--set)") != "none: the worlds as registered" || len(p.Notes) != 0 {
		t.Errorf("no --set: %v, %q, notes %q", err, value(p, "worlds changed (--set)"), p.Notes)
	}
	if got, want := value(p, "runs, seed"), "200 per world and level; at most 1600 allowed where a verdict was inconclusive; 5 layouts; base seed 1 (replication r plays seed + r)"; got != want {
		t.Errorf("runs, seed: %q, want %q", got, want)
	}

	// Hypotheses on a drawn map only (layout 0: NC2, NC3, T3c) are not
	// exploratory at one layout, as the command does not call them.
	drawn := fakeHypotheses()[1:]
	drawn[0].ID, drawn[0].Scenario, drawn[0].Layouts[0].Layout = "NC2", "europe-1947", 0
	if b, err = json.Marshal(drawn); err != nil {
		t.Fatal(err)
	}
	p, err = Build(context.Background(), write(`{"tool": {"version": "v1.2.0", "revision": "abc123"}, "command": ["alliancesim"], "seed": 1, "runs": 200, "max_runs": 1600, "layouts": 1, "set": []}`))
	if err != nil || len(p.Notes) != 0 {
		t.Errorf("NC2 alone at one layout: %v, notes %q", err, p.Notes)
	}
	if b, err = json.Marshal(fakeHypotheses()); err != nil {
		t.Fatal(err)
	}

	p, err = Build(context.Background(), write(""))
	if err != nil || len(p.Notes) != 1 || !strings.HasPrefix(p.Notes[0], "This directory has no provenance.json") || value(p, "command") != "(none)" {
		t.Errorf("no provenance.json: %v, notes %q", err, p.Notes)
	}

	bad := write(`{"tool": {}, "command": ["alliancesim"], "seed": 0, "runs": 1, "max_runs": 8, "layouts": 1, "set": []}`)
	if _, err := Build(context.Background(), bad); err == nil || err.Error() != filepath.Join(bad, "provenance.json")+": seed 0; allowed: a whole number in [1, 9007199254740991]" {
		t.Errorf("seed 0: %v", err)
	}
	if _, err := Build(context.Background(), write(`{"seed": "one"}`)); err == nil || !strings.Contains(err.Error(), "provenance.json") {
		t.Errorf("a string seed: %v", err)
	}
}

// A response plot of a change spans the outcome's whole range, 0 to 1,
// so that a curve's rise is drawn to scale: fitted to the data, a rise
// from 0.80 to 0.97 filled the plot as one from 0.1 to 0.8 does. A rate
// against its threshold (one level) keeps the axis its data and
// threshold give.
func TestHypothesisResponseAxisSpansZeroToOne(t *testing.T) {
	r := fakeHypotheses()[0]
	for i, v := range []float64{0.80, 0.85, 0.97} {
		r.Pooled[i] = hypotheses.Estimate{Value: v, Low: v - 0.03, High: min(1, v+0.03), N: 100, Valid: true}
		for _, l := range r.Layouts {
			l.Estimates[i] = r.Pooled[i]
		}
	}
	for _, d := range []hypotheses.Direction{hypotheses.Rises, hypotheses.Falls} {
		r.Predicted = d
		p, err := hypothesisPlot(r)
		if err != nil {
			t.Fatal(err)
		}
		if p.Y.Min != 0 || p.Y.Max != 1 {
			t.Errorf("%s: the vertical axis runs from %g to %g; want 0 to 1", d, p.Y.Min, p.Y.Max)
		}
	}
	rate := fakeHypotheses()[1] // 0.22 [0.17, 0.27], below 0.05
	p, err := hypothesisPlot(rate)
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min != 0.05 || p.Y.Max != 0.27 {
		t.Errorf("a rate: the vertical axis runs from %g to %g; want its threshold 0.05 to its interval's 0.27", p.Y.Min, p.Y.Max)
	}
}

// A response plot's axis labels fit beside their axes: the outcome of
// T7 or NC1 ran longer than the plot is high and was cut off at both ends
// ("l with an acceptor within 12 ticks (runs with a refused proposa");
// it is broken into lines, every word kept.
func TestHypothesisAxisLabelsFitTheirAxes(t *testing.T) {
	r := fakeHypotheses()[1]
	r.Outcome = "bilateral or trilateral with an acceptor within 12 ticks (runs with a refused proposal)"
	r.Lever = "dispersion of the clients' intent reading of the adversary (±δ, half each, every half in turn), and more words than fit"
	p, err := hypothesisPlot(r)
	if err != nil {
		t.Fatal(err)
	}
	data := p.DataCanvas(draw.NewCanvas(&recorder.Canvas{}, hypothesisW, hypothesisH))
	for _, a := range []struct {
		name, label, want string
		width, room       vg.Length
	}{
		{"vertical", p.Y.Label.Text, r.Outcome, p.Y.Label.TextStyle.Width(p.Y.Label.Text), data.Max.Y - data.Min.Y},
		{"horizontal", p.X.Label.Text, r.Lever, p.X.Label.TextStyle.Width(p.X.Label.Text), data.Max.X - data.Min.X},
	} {
		if a.width > a.room || strings.Join(strings.Fields(a.label), " ") != a.want {
			t.Errorf("the %s axis's label %q is %.0f pt long beside an axis of %.0f pt; want it no longer, saying %q", a.name, a.label, a.width, a.room, a.want)
		}
	}
}
