package report

import (
	"context"
	"strings"
	"testing"
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
