package runner

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// The quantiles of a histogram: linear within the bin for a continuous
// measure, the whole value for a discrete one; the mean from the sums.
func TestSeriesQuantiles(t *testing.T) {
	a := newSeriesAggregate(1, 1, []string{"x"})
	// Threats 0.1 (×2), 0.5 (×1), 0.9 (×1); 0, 1 or 3 alliances.
	for i, th := range []float64{0.1, 0.1, 0.5, 0.9} {
		al := [][]int{nil, {1}, {1, 2, 3}, nil}[i]
		if err := a.AddRun([]sim.Sample{{Tick: 0, Alive: []bool{true}, Threat: []float64{th}, Reference: []float64{0.3},
			Losses: []bool{th > 0.3}, Alliances: [][]int{al}}}); err != nil {
			t.Fatal(err)
		}
	}
	threat := a.Stat(0, 0, measure(t, "threat"))
	if !(math.Abs(threat.Mean-0.4) <= 1e-15) {
		t.Errorf("mean threat %v, want 0.4", threat.Mean)
	}
	// q05: target 0.2 runs, in bin [0.1, 0.105) holding 2: 0.1 + 0.005·0.1.
	// q50: target 2, reached at the end of that bin: 0.105.
	// q95: target 3.8, in bin [0.9, 0.905) holding 1: 0.9 + 0.005·0.8.
	for _, c := range []struct{ got, want float64 }{{threat.Q05, 0.1005}, {threat.Q50, 0.105}, {threat.Q95, 0.904}} {
		if !(math.Abs(c.got-c.want) <= 1e-12) {
			t.Errorf("threat quantiles %+v: got %v, want %v", threat, c.got, c.want)
		}
	}
	losses := a.Stat(0, 0, measure(t, "losses"))
	if losses.Mean != 0.5 || losses.Q05 != 0 || losses.Q50 != 0 || losses.Q95 != 1 {
		t.Errorf("losses %+v", losses)
	}
	allied, count := a.Stat(0, 0, measure(t, "allied")), a.Stat(0, 0, measure(t, "alliances"))
	if allied.Mean != 0.5 || count.Mean != 1 || count.Q50 != 0 || count.Q95 != 3 {
		t.Errorf("allied %+v, alliances %+v", allied, count)
	}
}

// measure is the index of the named measure in SeriesMeasures.
func measure(t *testing.T, name string) int {
	t.Helper()
	m := slices.IndexFunc(seriesMeasures, func(m SeriesMeasure) bool { return m.Name == name })
	if m < 0 {
		t.Fatalf("no series measure %q", name)
	}
	return m
}

// A state eliminated in a run counts in alive's share and in no other
// measure: of four runs, x is eliminated in the fourth (where a run's
// sample gives it threat 0, as the engine does) and alive in three with
// threats 0.2, 0.4 and 0.6, all in losses. Alive's mean is 3/4; threat's
// is (0.2 + 0.4 + 0.6)/3 = 0.4, not 1.2/4 = 0.3, its median 0.4 + 0.005·0.5
// (target 1.5 of 3 runs, in bin [0.4, 0.405) holding 1), and the share in
// losses 1. State y, eliminated in every run, has alive 0 and no other
// value.
func TestSeriesCountsOnlyTheRunsInWhichAStateIsAlive(t *testing.T) {
	a := newSeriesAggregate(1, 1, []string{"x", "y"})
	for i, th := range []float64{0.2, 0.4, 0.6, 0} {
		alive := i < 3
		if err := a.AddRun([]sim.Sample{{Tick: 0, Alive: []bool{alive, false}, Threat: []float64{th, 0}, Reference: []float64{0.1, 0.1},
			Losses: []bool{alive, false}, Alliances: [][]int{nil, nil}}}); err != nil {
			t.Fatal(err)
		}
	}
	if st := a.Stat(0, 0, measure(t, "alive")); st.Mean != 0.75 || st.Q05 != 0 || st.Q50 != 1 || st.Q95 != 1 {
		t.Errorf("x alive %+v; want mean 0.75, quantiles 0, 1, 1", st)
	}
	threat := a.Stat(0, 0, measure(t, "threat"))
	if !(math.Abs(threat.Mean-0.4) <= 1e-15) || !(math.Abs(threat.Q50-0.4025) <= 1e-12) {
		t.Errorf("x threat %+v; want mean 0.4 and median 0.4025 over the 3 runs in which it is alive", threat)
	}
	if st := a.Stat(0, 0, measure(t, "losses")); st.Mean != 1 || st.Q05 != 1 {
		t.Errorf("x losses %+v; want 1 in every run in which it is alive", st)
	}
	if n := a.Counted(0, 0, measure(t, "threat")); n != 3 {
		t.Errorf("x's threat counts %d runs, want 3", n)
	}
	if st := a.Stat(0, 1, measure(t, "alive")); st.Mean != 0 || st.Q95 != 0 {
		t.Errorf("y alive %+v; want 0", st)
	}
	for m := 1; m < len(seriesMeasures); m++ {
		if st := a.Stat(0, 1, m); !math.IsNaN(st.Mean) || !math.IsNaN(st.Q50) {
			t.Errorf("y %s %+v, eliminated in every run; want no value (NaN)", seriesMeasures[m].Name, st)
		}
	}
	var back seriesAggregate
	if err := json.Unmarshal(mustJSON(a), &back); err != nil {
		t.Fatalf("an aggregate with an eliminated state does not read back: %v", err)
	}
	if !slices.Equal(back.counts, a.counts) || !slices.Equal(back.sums, a.sums) {
		t.Error("an aggregate with an eliminated state reads back otherwise")
	}
}

// Values at the top edge of a histogram fall in its last bin, not the
// next measure's or state's: a threat of exactly 1 is in [0.995, 1), so
// its quantiles are 0.995 + 0.005·(0.05, 0.5, 0.95) = 0.99525, 0.9975,
// 0.99975; 17 alliances count in the last bin, "16 or more" (quantiles
// 16, mean 17); and the next state, alive, reads alive in its run. The
// aggregate reads back from its JSON (a sum of 17 past the last bin's 16
// is allowed).
func TestSeriesTopEdges(t *testing.T) {
	a := newSeriesAggregate(1, 1, []string{"x", "y"})
	al := make([]int, 17)
	if err := a.AddRun([]sim.Sample{{Tick: 0, Alive: []bool{true, true}, Threat: []float64{1, 0}, Reference: []float64{0.3, 0},
		Losses: []bool{true, false}, Alliances: [][]int{al, nil}}}); err != nil {
		t.Fatal(err)
	}
	if st := a.Stat(0, 0, measure(t, "threat")); !(math.Abs(st.Q05-0.99525) <= 1e-12) || !(math.Abs(st.Q50-0.9975) <= 1e-12) || !(math.Abs(st.Q95-0.99975) <= 1e-12) {
		t.Errorf("threat 1: quantiles %+v, want 0.99525, 0.9975, 0.99975", st)
	}
	if st := a.Stat(0, 0, measure(t, "alliances")); st.Mean != 17 || st.Q05 != 16 || st.Q95 != 16 {
		t.Errorf("17 alliances: %+v, want mean 17, quantiles 16", st)
	}
	if st := a.Stat(0, 1, measure(t, "alive")); st.Mean != 1 || st.Q05 != 1 {
		t.Errorf("the next state's alive %+v, want 1", st)
	}
	var back seriesAggregate
	if err := json.Unmarshal(mustJSON(a), &back); err != nil || !slices.Equal(back.counts, a.counts) {
		t.Errorf("read back: %v", err)
	}
}

// A threat quantile read off the histogram is within a bin (0.005) of
// the data's own, ⌈p·n⌉-th smallest, and no better: interpolated within
// the bin that holds it. 100 runs all at threat 0 give a q95 of
// 0 + 0.005·95/100 = 0.00475.
func TestSeriesQuantilesWithinABin(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		n := 1 + rng.IntN(300)
		a := newSeriesAggregate(1, 1, []string{"x"})
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = rng.Float64()
			if trial == 0 {
				xs[i] = 0
			}
			if err := a.AddRun([]sim.Sample{{Tick: 0, Alive: []bool{true}, Threat: []float64{xs[i]}, Reference: []float64{0.3},
				Losses: []bool{false}, Alliances: [][]int{nil}}}); err != nil {
				t.Fatal(err)
			}
		}
		slices.Sort(xs)
		st := a.Stat(0, 0, measure(t, "threat"))
		for j, p := range []float64{0.05, 0.5, 0.95} {
			got := []float64{st.Q05, st.Q50, st.Q95}[j]
			want := xs[max(0, int(math.Ceil(p*float64(n)))-1)]
			if !(math.Abs(got-want) <= 0.005+1e-12) {
				t.Fatalf("%d runs: q%02.0f %v, the data's %v: more than a bin apart", n, 100*p, got, want)
			}
		}
		if trial == 0 && !(math.Abs(st.Q95-0.00475) <= 1e-15) {
			t.Errorf("%d runs at 0: q95 %v, want 0.00475", n, st.Q95)
		}
	}
}

// An aggregate survives its JSON form, and merging two halves gives the
// histograms of the whole.
func TestSeriesMergeAndJSON(t *testing.T) {
	c := compile(t, "generic", func(sc *sim.Scenario) { short(sc); sc.Params.RecordEvery = 6 })
	ids := []string{}
	for i := range c.N() {
		ids = append(ids, c.ID(i))
	}
	whole := newSeriesAggregate(6, c.Scenario().Ticks, ids)
	halves := [2]*seriesAggregate{newSeriesAggregate(6, c.Scenario().Ticks, ids), newSeriesAggregate(6, c.Scenario().Ticks, ids)}
	for r := range 6 {
		w := sim.NewWorld(c, uint64(r+1))
		if _, err := w.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := whole.AddRun(w.Series()); err != nil {
			t.Fatal(err)
		}
		if err := halves[r/3].AddRun(w.Series()); err != nil {
			t.Fatal(err)
		}
	}
	var back [2]seriesAggregate
	for i, h := range halves {
		b, err := json.Marshal(h)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &back[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := back[0].Merge(&back[1]); err != nil {
		t.Fatal(err)
	}
	if back[0].Runs != 6 || !slices.Equal(back[0].counts, whole.counts) {
		t.Fatal("merged halves differ from the whole")
	}
	for i := range whole.sums {
		if !(math.Abs(back[0].sums[i]-whole.sums[i]) <= 1e-12) {
			t.Fatalf("sum %d: %v merged, %v whole", i, back[0].sums[i], whole.sums[i])
		}
	}
	w := sim.NewWorld(c, 1)
	if _, err := w.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	shifted := w.Series()
	shifted[1].Tick++
	if err := whole.AddRun(shifted); err == nil || !strings.HasPrefix(err.Error(), "runner: time-series sample 1 (tick 7) does not fit ticks [0 6 12") {
		t.Errorf("a run sampled at tick 7 for 6: %v", err)
	}
	bad := newSeriesAggregate(12, c.Scenario().Ticks, ids)
	if err := whole.Merge(bad); err == nil {
		t.Fatal("merging series of other sampling must fail")
	}
	var damaged seriesAggregate
	b, _ := json.Marshal(halves[0])
	b = bytes.Replace(b, []byte(`"runs":3`), []byte(`"runs":4`), 1)
	if err := json.Unmarshal(b, &damaged); err == nil {
		t.Fatal("histograms that do not add up to the runs must be refused")
	}
	// Sizes are bounded before they allocate (a last tick of 2·10⁹, or a
	// million states, took gigabytes), and sums must be possible ones.
	var f map[string]any
	if err := json.Unmarshal(mustJSON(halves[0]), &f); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		change func(map[string]any)
		want   string
	}{
		{"a huge last tick", func(f map[string]any) { f["every"], f["ticks"] = 1, []int{0, 2_000_000_000} }, "2 sampled ticks to tick 2000000000; allowed: at most 10000 samples, within 1000000 ticks"},
		{"too many states", func(f map[string]any) { f["states"] = make([]string, 1_000_000) }, "1000000 states; allowed: 1 to 64"},
		{"a threat sum past the runs", func(f map[string]any) { f["sums"].([]any)[1] = 1e308 }, "sum 1 (threat) is 1e+308 over 3 runs; allowed: 0 to 1 a run"},
		{"a negative count", func(f map[string]any) { f["sums"].([]any)[5] = -1.0 }, "sum 5 (alliances) is -1 over 3 runs; allowed: 0 to any number a run"},
		{"an odd histogram", func(f map[string]any) { f["counts"].([]any)[0] = []any{1} }, "histogram 0: an odd number of entries"},
		{"a bin past the last", func(f map[string]any) { f["counts"].([]any)[1] = []any{200, 3} }, "histogram 1: bin 200 of 200"},
		{"threats of more runs than alive", func(f map[string]any) { f["counts"].([]any)[0] = []any{0, 1, 1, 2} }, "histogram 1 (threat) counts 3 runs; its cell has 2 (of 3 runs)"},
		{"alive in more runs than run", func(f map[string]any) { f["counts"].([]any)[0] = []any{1, 4} }, "histogram 0 (alive) counts 4 runs; its cell has 3 (of 3 runs)"},
		{"losses over more runs than alive", func(f map[string]any) {
			c := f["counts"].([]any)
			c[0], c[1], c[2], c[3], c[4], c[5] = []any{0, 2, 1, 1}, []any{0, 1}, []any{0, 1}, []any{1, 1}, []any{1, 1}, []any{0, 1}
			sums := f["sums"].([]any)
			sums[0], sums[1], sums[2], sums[3], sums[4], sums[5] = 1.0, 0.001, 0.001, 2.0, 1.0, 0.0
		}, "sum 3 (losses) is 2 over 1 runs; allowed: 0 to 1 a run"},
		{"an alive sum its histogram does not hold", func(f map[string]any) { f["sums"].([]any)[0] = 2.0 }, "sum 0 (alive) is 2 where its histogram holds 3"},
		{"a losses sum above its histogram's", func(f map[string]any) {
			f["counts"].([]any)[3] = []any{0, 2, 1, 1}
			f["sums"].([]any)[3] = 2.0
		}, "sum 3 (losses) is 2 where its histogram holds 1"},
		{"alliances short of the last bin", func(f map[string]any) {
			f["counts"].([]any)[5] = []any{0, 2, 16, 1}
			f["sums"].([]any)[5] = 15.0 // at least 16: that bin holds 16 or more
		}, "sum 5 (alliances) is 15 where its histogram holds 16"},
		{"an allied sum its histogram does not hold", func(f map[string]any) {
			f["counts"].([]any)[4] = []any{0, 3}
			f["sums"].([]any)[4] = 1.0
		}, "sum 4 (allied) is 1 where its histogram holds 0"},
		{"no states", func(f map[string]any) { f["states"] = []any{} }, "0 states; allowed: 1 to 64"},
		{"negative runs", func(f map[string]any) { f["runs"] = -1 }, "do not follow every 6"},
		{"a histogram short", func(f map[string]any) { f["counts"] = f["counts"].([]any)[1:] }, "480 sums and 479 histograms for 10 ticks × 8 states × 6 measures"},
		{"other bins", func(f map[string]any) { f["bins"] = []any{2, 200, 200, 2, 2, 16} }, "with bins [2 200 200 2 2 16]; this version writes [alive threat reference losses allied alliances] with [2 200 200 2 2 17]"},
	} {
		g := map[string]any{}
		if err := json.Unmarshal(mustJSON(f), &g); err != nil {
			t.Fatal(err)
		}
		c.change(g)
		var got seriesAggregate
		if err := json.Unmarshal(mustJSON(g), &got); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want …%s…", c.name, err, c.want)
		}
	}
}

// With record_every set, an output directory gets series.csv: the same
// bytes for any worker count, merged shards and a resumed run, and means
// equal to those of the runs played directly.
func TestExecuteSeries(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	series := func(sc *sim.Scenario) { sc.Params.RecordEvery = 6 }
	one := filepath.Join(base, "one")
	if err := Execute(ctx, plan(t, series), one, ExecOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(one, "series.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for i := range 3 {
		d := filepath.Join(base, "shard"+strconv.Itoa(i))
		if err := Execute(ctx, plan(t, series), d, ExecOptions{Workers: 2, Shard: Shard{Index: i, Count: 3}}); !errors.Is(err, ErrIncomplete) {
			t.Fatalf("shard %d: %v", i, err)
		}
		dirs = append(dirs, d)
	}
	merged := filepath.Join(base, "merged")
	if err := Assemble(dirs, merged); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(merged, "series.csv")); !bytes.Equal(got, want) {
		t.Fatal("series.csv of merged shards differs from a single process's")
	}
	// The rows: 2 points × 10 sampled ticks (60 ticks every 6) × 8 states
	// × 6 measures, and the mean threat of point 1 at tick 12 is the mean
	// over those of its 12 runs in which the state is alive then, and
	// alive's mean their share.
	rows, err := csv.NewReader(bytes.NewReader(want)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2*10*8*len(seriesMeasures) || !slices.Equal(rows[0], seriesColumns) {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	p := plan(t, series)
	c := p.Points[1].Compiled
	sum, alive := 0.0, 0
	for r := range p.Runs {
		w := sim.NewWorld(c, ReplicationSeed(p.Seed, r))
		if _, err := w.Run(ctx); err != nil {
			t.Fatal(err)
		}
		if s := w.Series()[2]; s.Alive[3] {
			sum += s.Threat[3]
			alive++
		}
	}
	found := 0
	for _, row := range rows[1:] {
		if row[0] == "1" && row[1] == "12" && row[3] == c.ID(3) && row[4] == "alive" {
			found++
			if got, _ := strconv.ParseFloat(row[5], 64); got != float64(alive)/float64(p.Runs) {
				t.Errorf("alive %v, want %d of %d runs", got, alive, p.Runs)
			}
		}
		if row[0] == "1" && row[1] == "12" && row[3] == c.ID(3) && row[4] == "threat" {
			found++
			if got, _ := strconv.ParseFloat(row[5], 64); !(math.Abs(got-sum/float64(alive)) <= 1e-12) {
				t.Errorf("mean threat %v, want %v", got, sum/float64(alive))
			}
			if row[2] != c.Scenario().Calendar.Label(12) {
				t.Errorf("date %s", row[2])
			}
		}
	}
	if found != 2 {
		t.Fatal("no rows for point 1, tick 12, alive and threat")
	}
	// A part whose series.json was damaged is refused.
	part := filepath.Join(dirs[0], "parts", "p00000-r0000000-0000005", seriesPart)
	b, _ := os.ReadFile(part)
	if err := os.WriteFile(part, bytes.Replace(b, []byte(`"runs":5`), []byte(`"runs":6`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Assemble(dirs, filepath.Join(base, "damaged")); err == nil {
		t.Fatal("a damaged series.json was merged")
	}
	// A part of another shape, with done.json brought in line (so that
	// only the shapes disagree), is refused naming both parts: either may
	// be the damaged one.
	os.WriteFile(part, b, 0o644)
	first := filepath.Join(dirs[0], "parts", "p00000-r0000000-0000005")
	var other string
	for _, d := range dirs {
		if m, _ := filepath.Glob(filepath.Join(d, "parts", "p00000-r0000005-*")); len(m) == 1 {
			other = m[0]
		}
	}
	if other == "" {
		t.Fatal("no second part of point 0")
	}
	ob, _ := os.ReadFile(filepath.Join(other, seriesPart))
	renamed := bytes.Replace(ob, []byte(`"`+c.ID(7)+`"`), []byte(`"someone"`), 1)
	os.WriteFile(filepath.Join(other, seriesPart), renamed, 0o644)
	var done partDoneRecord
	db, _ := os.ReadFile(filepath.Join(other, doneFile))
	if err := json.Unmarshal(db, &done); err != nil {
		t.Fatal(err)
	}
	sha := sha256.Sum256(renamed)
	done.Files[seriesPart] = FileSum{Bytes: int64(len(renamed)), SHA256: hex.EncodeToString(sha[:])}
	os.WriteFile(filepath.Join(other, doneFile), mustJSON(done), 0o644)
	err = Assemble(dirs, filepath.Join(base, "reshaped"))
	if err == nil || !strings.Contains(err.Error(), "part "+other+" does not match the point's parts from "+first+" on: runner: time series of different shapes") {
		t.Fatalf("a part of another shape: %v", err)
	}
	// Without record_every there is no series.csv.
	off := filepath.Join(base, "off")
	if err := Execute(ctx, plan(t), off, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(off, "series.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("series.csv without record_every: %v", err)
	}
}

// A sweep whose points differ in record_every writes the series.csv rows
// of the points that record one; a part's series.json from another chunk
// of its point (its checksums brought in line) is refused naming both run
// counts, not merged into the point's means.
func TestSeriesOfSomePoints(t *testing.T) {
	p := plan(t, func(sc *sim.Scenario) { sc.Params.RecordEvery = 6 })
	p.Points[1] = plan(t).Points[1]
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(context.Background(), p, dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(dir, "series.csv"))
	points := map[string]int{}
	for _, r := range rows {
		points[r["point"]]++
	}
	if len(points) != 1 || points["0"] != 10*8*len(seriesMeasures) {
		t.Errorf("series.csv rows by point %v; want point 0's %d only", points, 10*8*len(seriesMeasures))
	}
	parts := filepath.Join(dir, "parts")
	two, err := os.ReadFile(filepath.Join(parts, "p00000-r0000010-0000012", seriesPart))
	if err != nil {
		t.Fatal(err)
	}
	part := filepath.Join(parts, "p00000-r0000000-0000005")
	setPartFile(t, part, seriesPart, two)
	err = Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
	if want := "part " + part + ": series.json holds 2 runs sampled every 6 ticks; its chunk has 5 runs, every 6 ticks to 60"; err == nil || err.Error() != want {
		t.Errorf("another chunk's series.json:\n got %v\nwant %s", err, want)
	}
}

// A point's only part, its series.json cut short by its last sample (its
// checksums brought in line), is refused: with no other part to merge
// with, only the check against the point's horizon can tell.
func TestSeriesOfTooFewTicks(t *testing.T) {
	p := plan(t, func(sc *sim.Scenario) { sc.Params.RecordEvery = 6 })
	p.ChunkSize = 100 // one chunk a point
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(context.Background(), p, dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	part := filepath.Join(dir, "parts", "p00000-r0000000-0000012")
	b, err := os.ReadFile(filepath.Join(part, seriesPart))
	if err != nil {
		t.Fatal(err)
	}
	var a map[string]any
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	ticks, states, measures := a["ticks"].([]any), a["states"].([]any), a["measures"].([]any)
	perTick := len(states) * len(measures)
	a["ticks"] = ticks[:len(ticks)-1]
	for _, k := range []string{"sums", "counts"} {
		v := a[k].([]any)
		if len(v) != len(ticks)*perTick {
			t.Fatalf("%s has %d entries, want %d ticks × %d", k, len(v), len(ticks), perTick)
		}
		a[k] = v[:len(v)-perTick]
	}
	cut, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	setPartFile(t, part, seriesPart, append(cut, '\n'))
	err = Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
	if want := "part " + part + ": series.json holds 12 runs sampled every 6 ticks; its chunk has 12 runs, every 6 ticks to 60"; err == nil || err.Error() != want {
		t.Errorf("a series.json one sample short:\n got %v\nwant %s", err, want)
	}
}

// A part whose sums and histograms do not fill the shape it claims is
// refused before the histograms are allocated: claiming the largest
// shape, 64 states × 10,000 samples, it would take about a gigabyte
// (423 counts of 4 bytes a cell, 640,000 cells); it takes far less than
// 64 MiB.
func TestSeriesPartRefusedBeforeAllocating(t *testing.T) {
	ticks, states := make([]int, sim.MaxSamples), make([]string, sim.MaxStates)
	for i := range ticks {
		ticks[i] = i
	}
	for i := range states {
		states[i] = "s" + strconv.Itoa(i)
	}
	var names []string
	var bins []int
	for _, m := range seriesMeasures {
		names, bins = append(names, m.Name), append(bins, m.Bins)
	}
	b := mustJSON(map[string]any{"every": 1, "ticks": ticks, "states": states, "measures": names, "bins": bins, "runs": 1, "sums": []float64{}, "counts": [][]uint32{}})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var a seriesAggregate
	err := json.Unmarshal(b, &a)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "0 sums and 0 histograms for 10000 ticks × 64 states") {
		t.Errorf("an empty part of the largest shape: %v", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("refusing it allocated %d bytes", got)
	}
}

// FuzzSeriesPart decodes a chunk's series.json: nothing panics or
// allocates by sizes it has not bounded, and a decoded aggregate merges
// with itself and gives quantiles within the histograms' ranges.
func FuzzSeriesPart(f *testing.F) {
	// a state alive at tick 0 and eliminated by tick 12
	f.Add([]byte(`{"every":12,"ticks":[0,12],"states":["a"],"measures":["alive","threat","reference","losses","allied","alliances"],"bins":[2,200,200,2,2,17],"runs":1,"sums":[1,0.5,0.4,1,1,2,0,0,0,0,0,0],"counts":[[1,1],[100,1],[80,1],[1,1],[1,1],[2,1],[0,1],[],[],[],[],[]]}`))
	f.Add([]byte(`{"every":1,"ticks":[0],"states":[],"measures":["alive","threat","reference","losses","allied","alliances"],"bins":[2,200,200,2,2,17],"runs":0,"sums":[],"counts":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var a seriesAggregate
		if err := json.Unmarshal(b, &a); err != nil {
			return
		}
		c := a
		c.sums = append([]float64(nil), a.sums...)
		c.counts = append([]uint32(nil), a.counts...)
		if err := c.Merge(&a); err != nil {
			t.Fatalf("an aggregate does not merge with itself: %v", err)
		}
		for k := range a.Ticks {
			for i := range a.States {
				for m, meas := range seriesMeasures {
					st := a.Stat(k, i, m)
					hi := meas.Lo + meas.Width*float64(meas.Bins)
					for _, q := range []float64{st.Q05, st.Q50, st.Q95} {
						if a.Runs > 0 && (q < meas.Lo || q > hi) {
							t.Fatalf("quantile %g outside [%g, %g]", q, meas.Lo, hi)
						}
					}
				}
			}
		}
	})
}
