package runner

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// seriesCells are a series' rows as the cells of series.csv, point given.
func seriesCells(point int, s *Series) [][]string {
	var out [][]string
	for _, r := range s.Rows() {
		out = append(out, []string{strconv.Itoa(point), strconv.Itoa(r.Tick), r.Date, r.State, r.Measure,
			floatCell(r.Mean), floatCell(r.Q05), floatCell(r.Q50), floatCell(r.Q95)})
	}
	return out
}

// csvCells are the rows of series.csv in dir, header left out.
func csvCells(t *testing.T, dir string) [][]string {
	t.Helper()
	var out [][]string
	for _, r := range readCSV(t, filepath.Join(dir, "series.csv")) {
		row := make([]string, len(seriesColumns))
		for i, c := range seriesColumns {
			row[i] = r[c]
		}
		out = append(out, row)
	}
	return out
}

// The time series in memory is series.csv to the last bit: of a sweep
// (two points of 12 runs in chunks of 5), each point's; of MonteCarlo,
// 150 runs folded in MonteCarlo's chunks of 100 against Execute's at its
// default chunk size. Without record_every there is none.
func TestSeriesInMemoryIsSeriesCSV(t *testing.T) {
	ctx := context.Background()
	every6 := func(sc *sim.Scenario) { sc.Params.RecordEvery = 6 }
	p := plan(t, every6)
	dir := filepath.Join(t.TempDir(), "sweep")
	if err := Execute(ctx, p, dir, ExecOptions{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	res, err := Sweep(ctx, plan(t, every6), Options{Workers: 2, Series: true})
	if err != nil {
		t.Fatal(err)
	}
	var mem [][]string
	for _, pt := range res.Points {
		if pt.Series == nil || pt.Series.Runs() != 12 {
			t.Fatalf("point %d: series %v", pt.Point, pt.Series)
		}
		mem = append(mem, seriesCells(pt.Point, pt.Series)...)
	}
	if disk := csvCells(t, dir); !slices.EqualFunc(mem, disk, slices.Equal) {
		t.Errorf("a sweep's series in memory differs from series.csv (%d rows against %d)", len(mem), len(disk))
	}
	if res.Series != nil {
		t.Error("the pooled summary of a sweep has a time series; series.csv has none")
	}

	sc := compile(t, "generic", func(sc *sim.Scenario) { short(sc); every6(sc) }).Scenario()
	one := newPlan(t, sc, 150, 5)
	dir = filepath.Join(t.TempDir(), "run")
	if err := Execute(ctx, one, dir, ExecOptions{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	sum, err := MonteCarlo(ctx, one.Points[0].Compiled, Options{Runs: 150, Seed: 5, Workers: 2, Series: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Series == nil {
		t.Fatal("MonteCarlo of a scenario with record_every gave no series")
	}
	if mem, disk := seriesCells(0, sum.Series), csvCells(t, dir); !slices.EqualFunc(mem, disk, slices.Equal) {
		t.Errorf("MonteCarlo's series differs from series.csv (%d rows against %d)", len(mem), len(disk))
	}
	if off, err := MonteCarlo(ctx, compile(t, "generic", short), Options{Runs: 2, Series: true}); err != nil || off.Series != nil {
		t.Errorf("without record_every: %v, series %v", err, off.Series)
	}
	// Not asked for, it is not kept: a sweep's points would each hold a
	// histogram of every state at every sampled tick.
	if off, err := MonteCarlo(ctx, one.Points[0].Compiled, Options{Runs: 2}); err != nil || off.Series != nil {
		t.Errorf("without Options.Series: %v, series %v", err, off.Series)
	}
	if off, err := Sweep(ctx, plan(t, every6), Options{}); err != nil || off.Points[0].Series != nil {
		t.Errorf("a sweep without Options.Series: %v, series %v", err, off.Points[0].Series)
	}
}

// A row is found by sample, state id and measure name; anything else is
// refused saying what is allowed.
func TestSeriesRow(t *testing.T) {
	c := compile(t, "generic", func(sc *sim.Scenario) { short(sc); sc.Params.RecordEvery = 6 })
	sum, err := MonteCarlo(context.Background(), c, Options{Runs: 3, Seed: 1, Series: true})
	if err != nil {
		t.Fatal(err)
	}
	s := sum.Series
	if !slices.Equal(s.Ticks(), []int{0, 6, 12, 18, 24, 30, 36, 42, 48, 54}) || len(s.States()) != c.N() || s.Runs() != 3 {
		t.Fatalf("ticks %v, states %v, runs %d", s.Ticks(), s.States(), s.Runs())
	}
	r, err := s.Row(2, c.ID(0), "alive")
	if err != nil || r.Tick != 12 || r.State != c.ID(0) || r.Measure != "alive" || r.Runs != 3 || r.Date != c.Calendar().Label(12) {
		t.Errorf("Row(2, %s, alive) = %+v, %v", c.ID(0), r, err)
	}
	if all := s.Rows(); len(all) != 10*c.N()*len(seriesMeasures) || all[2*c.N()*len(seriesMeasures)] != r {
		t.Errorf("Rows: %d rows, or the row of sample 2's first state and measure differs", len(all))
	}
	for _, bad := range []struct {
		k              int
		state, measure string
		want           string
	}{
		{10, c.ID(0), "alive", "sample 10 out of range [0, 10)"},
		{-1, c.ID(0), "alive", "sample -1 out of range"},
		{0, "nobody", "alive", `no state "nobody" in the series; allowed: [`},
		{0, c.ID(0), "fear", `no series measure "fear"; allowed: [alive threat reference losses allied alliances]`},
	} {
		if _, err := s.Row(bad.k, bad.state, bad.measure); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("Row(%d, %q, %q): %v, want …%s…", bad.k, bad.state, bad.measure, err, bad.want)
		}
	}
	// A summary without a series has a nil one, which reads as empty.
	var none *Series
	if _, err := none.Row(0, c.ID(0), "alive"); err == nil || err.Error() != "runner: no time series (Options.Series, and params.record_every > 0)" {
		t.Errorf("Row of a nil series: %v", err)
	}
	if none.Rows() != nil || none.Ticks() != nil || none.States() != nil || none.Runs() != 0 {
		t.Error("a nil series is not empty")
	}
}
