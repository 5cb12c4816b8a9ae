package runner

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// alliancesFormed counts a run's alliances (from its result); evenRuns is
// the last alliance's formation tick, in even runs only (NaN, no value, in
// odd ones);
// ticksWithAlliance counts the ticks with an alliance in force, watched by
// an observer made for each replication.
var (
	alliancesFormed = Measure{Name: "alliances", Of: func(r *Replication) float64 { return float64(len(r.Result.Alliances)) }}
	evenRuns        = Measure{Name: "even_last", Of: func(r *Replication) float64 {
		if r.Run%2 == 1 || len(r.Result.Alliances) == 0 {
			return math.NaN()
		}
		return float64(r.Result.Alliances[len(r.Result.Alliances)-1].Formed)
	}}
	ticksWithAlliance = Measure{Name: "ticks_allied", Of: func(r *Replication) float64 {
		return float64(r.Observers[0].(*tickCounter).n)
	}}
)

type tickCounter struct {
	sim.ObserverFuncs
	n int
}

func (c *tickCounter) OnTick(w *sim.World) {
	for _, a := range w.Alliances() {
		if a.Active() {
			c.n++
			return
		}
	}
}

func observeTicks(point, run int) []sim.Observer { return []sim.Observer{&tickCounter{}} }

var measures = []Measure{alliancesFormed, evenRuns, ticksWithAlliance}

// Custom measures are columns of runs.csv, means with intervals in
// summary.json and points.csv, and the manifest names them; the files are
// the same bytes for 1 and 8 workers.
func TestMeasuresInFiles(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	one, eight := filepath.Join(base, "one"), filepath.Join(base, "eight")
	for dir, w := range map[string]int{one: 1, eight: 8} {
		if err := Execute(ctx, plan(t), dir, ExecOptions{Workers: w, Measures: measures, Observe: observeTicks}); err != nil {
			t.Fatal(err)
		}
	}
	files := append(slicesClone(finalFiles), "manifest.json")
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(one, f))
		b, _ := os.ReadFile(filepath.Join(eight, f))
		if f != "manifest.json" && !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 8 workers", f)
		}
	}
	head := csvHeader(t, filepath.Join(one, "runs.csv"))
	if got := strings.Join(head[len(head)-3:], ","); got != "alliances,even_last,ticks_allied" {
		t.Fatalf("runs.csv ends with %s", got)
	}
	var sum, n float64
	for _, row := range readCSV(t, filepath.Join(one, "runs.csv")) {
		if row["point"] != "0" || row["even_last"] == "" { // empty: no alliance, no value
			continue
		}
		v, err := strconv.ParseFloat(row["even_last"], 64)
		if err != nil {
			t.Fatal(err)
		}
		sum += v
		n++
	}
	var s SweepSummary
	b, _ := os.ReadFile(filepath.Join(one, "summary.json"))
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	ft, ok := s.Points[0].Measure("even_last")
	if !ok || ft.Runs != int(n) || n > 6 || !(math.Abs(*ft.Mean-sum/n) <= 1e-9) || *ft.Low > *ft.Mean || *ft.High < *ft.Mean {
		t.Fatalf("even_last of point 0: %+v; runs.csv gives %v over %v runs", ft, sum/n, n)
	}
	if al, _ := s.Points[0].Measure("alliances"); al.Runs != 12 {
		t.Fatalf("alliances over %d runs; want all 12", al.Runs)
	}
	if ta, _ := s.Points[1].Measure("ticks_allied"); ta.Mean == nil || *ta.Mean <= 0 {
		t.Fatalf("the observer's measure: %+v", ta)
	}
	ph := csvHeader(t, filepath.Join(one, "points.csv"))
	if got := strings.Join(ph[len(ph)-3:], ","); got != "ticks_allied,ticks_allied_low,ticks_allied_high" {
		t.Fatalf("points.csv ends with %s", got)
	}
	m, _ := ReadManifest(one)
	if strings.Join(m.Measures, ",") != "alliances,even_last,ticks_allied" {
		t.Fatalf("manifest measures %v", m.Measures)
	}
}

// A directory is resumed and merged only with the same measures: other
// measures are other work, and the message says so.
func TestMeasuresMustMatch(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	shard := func(name string, ms []Measure, i int) string {
		d := filepath.Join(base, name)
		err := Execute(ctx, plan(t), d, ExecOptions{Shard: Shard{Index: i, Count: 2}, Measures: ms, Observe: observeTicks})
		if !errors.Is(err, ErrIncomplete) {
			t.Fatalf("%s: want ErrIncomplete, got %v", name, err)
		}
		return d
	}
	a := shard("a", measures, 0)
	b := shard("b", measures[:1], 1)
	// each value named by the directory that holds it
	if err := Assemble([]string{a, b}, filepath.Join(base, "m")); err == nil || !strings.Contains(err.Error(), b+" holds other work than "+a+": custom measures (alliances in "+b+", alliances, even_last, ticks_allied in "+a+")") {
		t.Fatalf("merging shards of other measures: %v", err)
	}
	err := Execute(ctx, plan(t), a, ExecOptions{Resume: true})
	if err == nil || !strings.Contains(err.Error(), "custom measures (none now, alliances, even_last, ticks_allied in "+a+")") {
		t.Fatalf("resuming without the measures: %v", err)
	}
	c := shard("c", measures, 1)
	if err := Assemble([]string{a, c}, filepath.Join(base, "ok")); err != nil {
		t.Fatal(err)
	}
}

// Bad measures are errors before anything runs; an infinite value stops
// the run naming the replication.
func TestMeasureErrors(t *testing.T) {
	c := compile(t, "generic", short)
	for _, ms := range [][]Measure{
		{{Name: "Alliances", Of: alliancesFormed.Of}},
		{{Name: "client_alliance", Of: alliancesFormed.Of}},
		{{Name: "client", Of: alliancesFormed.Of}, {Name: "client", Of: alliancesFormed.Of}},
		{{Name: "x", Of: alliancesFormed.Of}, {Name: "x_low", Of: alliancesFormed.Of}},
		{{Name: "hub_1960", Of: alliancesFormed.Of}},
		{{Name: "nothing"}},
	} {
		if _, err := MonteCarlo(context.Background(), c, Options{Runs: 2, Measures: ms}); err == nil {
			t.Errorf("%s: want an error", ms[len(ms)-1].Name)
		}
	}
	var calls atomic.Int32
	inf := Measure{Name: "boom", Of: func(r *Replication) float64 {
		calls.Add(1)
		if r.Run == 3 {
			return math.Inf(1)
		}
		return 1
	}}
	_, err := MonteCarlo(context.Background(), c, Options{Runs: 6, Seed: 10, Measures: []Measure{inf}})
	if err == nil || !strings.Contains(err.Error(), `replication 3 (seed 13): measure "boom" gave +Inf`) {
		t.Fatalf("infinite measure: %v", err)
	}
}

// Values survive their JSON form, NaN as null.
func TestValuesJSON(t *testing.T) {
	b, err := json.Marshal(Values{1.5, math.NaN(), -2})
	if err != nil || string(b) != "[1.5,null,-2]" {
		t.Fatalf("%s %v", b, err)
	}
	var v Values
	if err := json.Unmarshal(b, &v); err != nil || v[0] != 1.5 || !math.IsNaN(v[1]) || v[2] != -2 {
		t.Fatalf("%v %v", v, err)
	}
	if _, err := json.Marshal(Values{math.Inf(1)}); err == nil {
		t.Fatal("an infinite value must not be written")
	}
}

// csvHeader is the first row of a CSV file.
func csvHeader(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head, err := csv.NewReader(f).Read()
	if err != nil {
		t.Fatal(err)
	}
	return head
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// A measure's summary by hand: 2, 4, 4, 4, 5, 5, 7, 9 (and a NaN, left
// out) have mean 5 and Σ(x − 5)² = 32, so sd = √(32/7) = 2.1380899; with
// t(0.975, 7) = 2.3646243 the half-width is 2.3646243·2.1380899/√8 =
// 1.7874879, the interval [3.2125121, 6.7874879]. One value has a mean
// and nothing else; none, not even a mean.
func TestMeasureSummaryByHand(t *testing.T) {
	var st measureStat
	for _, x := range []float64{2, 4, 4, math.NaN(), 4, 5, 5, 7, 9} {
		st.add(x)
	}
	s := st.summary("m")
	for _, c := range []struct {
		name      string
		got       *float64
		want, tol float64
	}{
		{"mean", s.Mean, 5, 1e-12},
		{"sd", s.SD, 2.1380899, 1e-7},
		{"low", s.Low, 3.2125121, 1e-7},
		{"high", s.High, 6.7874879, 1e-7},
	} {
		if c.got == nil || !(math.Abs(*c.got-c.want) <= c.tol) {
			t.Errorf("%s = %v, want %v", c.name, deref(c.got), c.want)
		}
	}
	if s.Runs != 8 {
		t.Errorf("runs = %d, want 8 (the NaN left out)", s.Runs)
	}
	var one measureStat
	one.add(0.25)
	if s := one.summary("m"); s.Mean == nil || *s.Mean != 0.25 || s.SD != nil || s.Low != nil || s.High != nil {
		t.Errorf("one value: %+v; want mean 0.25 only", s)
	}
	if s := (&measureStat{}).summary("m"); s.Mean != nil || s.Runs != 0 {
		t.Errorf("no value: %+v; want no mean", s)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// The hub-and-spokes index exists only within the run: the record knows
// nothing of the ticks before 0 or from its horizon on (MembersAt would
// give an alliance in force at the horizon its last members for ever).
func TestHubSpokesIndexWithinTheRun(t *testing.T) {
	r := &Record{Record: sim.Record{Ticks: 10, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
		{ID: 0, Founders: []string{"a", "p"}, Patron: true, Formed: 2, Ended: -1, PatronJoined: 2, PatronSize: 2,
			Members: []sim.MembershipRecord{{State: "a", Joined: 2, Left: -1}, {State: "p", Joined: 2, Left: -1}}},
		{ID: 1, Founders: []string{"b", "c", "p"}, Patron: true, Formed: 5, Ended: -1, PatronJoined: 5, PatronSize: 3,
			Members: []sim.MembershipRecord{{State: "b", Joined: 5, Left: -1}, {State: "c", Joined: 5, Left: -1}, {State: "p", Joined: 5, Left: -1}}},
	}}}
	for _, c := range []struct {
		t     int
		index float64
		ok    bool
	}{{-1, 0, false}, {1, 0, false}, {2, 1, true}, {5, 0.5, true}, {9, 0.5, true}, {10, 0, false}, {400, 0, false}} {
		if index, ok := HubSpokesIndex(r, c.t); index != c.index || ok != c.ok {
			t.Errorf("tick %d: %v, %v; want %v, %v", c.t, index, ok, c.index, c.ok)
		}
	}
}

// Two values are enough for a spread: 1 and 3 have mean 2, sd √((1 + 1)/1)
// = 1.414214, and with t(0.975, 1) = 12.706205 the half-width
// 12.706205·1.414214/√2 = 12.706205, the interval [−10.706205, 14.706205].
// A sum of squares below 1 (0.125) is used as it is, not raised to 1:
// 0.25 and 0.75 have mean 0.5, sd
// √(0.0625 + 0.0625) = 0.353553, half-width 12.706205·0.353553/√2 =
// 3.176551, the interval [−2.676551, 3.676551].
func TestMeasureSummaryOfTwo(t *testing.T) {
	for _, c := range []struct{ x1, x2, mean, sd, low, high float64 }{
		{1, 3, 2, 1.414214, -10.706205, 14.706205},
		{0.25, 0.75, 0.5, 0.353553, -2.676551, 3.676551},
	} {
		var st measureStat
		st.add(c.x1)
		st.add(c.x2)
		s := st.summary("m")
		if s.Mean == nil || *s.Mean != c.mean || s.SD == nil || !(math.Abs(*s.SD-c.sd) <= 1e-6) ||
			s.Low == nil || !(math.Abs(*s.Low-c.low) <= 1e-6) || s.High == nil || !(math.Abs(*s.High-c.high) <= 1e-6) {
			t.Errorf("%v and %v: mean %v sd %v [%v, %v]; want %v, %v, [%v, %v]", c.x1, c.x2, deref(s.Mean), deref(s.SD), deref(s.Low), deref(s.High),
				c.mean, c.sd, c.low, c.high)
		}
	}
}

// Values too large for float64 to hold their spread leave the spread and
// the interval null, not infinite (JSON has none): ±10²⁰⁰ have mean 0 and
// a variance of 10⁴⁰⁰, which overflows. The summary encodes as JSON.
func TestMeasureSummaryThatOverflows(t *testing.T) {
	var st measureStat
	for _, x := range []float64{1e200, -1e200, 1e200, -1e200} {
		st.add(x)
	}
	s := st.summary("m")
	if s.Mean == nil || *s.Mean != 0 || s.SD != nil || s.Low != nil || s.High != nil {
		t.Errorf("±1e200: mean %v sd %v [%v, %v]; want 0 and nulls", deref(s.Mean), deref(s.SD), deref(s.Low), deref(s.High))
	}
	if b, err := json.Marshal(s); err != nil || !strings.Contains(string(b), `"sd":null`) {
		t.Errorf("as JSON: %s, %v", b, err)
	}
}

// Names at their limits, and the messages: 64 characters is allowed, 65
// is not; a measure's NAME_low column may not be another's name, in either
// order; a measure needs a function.
func TestMeasureNamesAtTheirLimits(t *testing.T) {
	if err := checkMeasureNames([]string{"m" + strings.Repeat("x", 63)}); err != nil {
		t.Errorf("64 characters: %v", err)
	}
	if err := checkMeasureNames([]string{"m" + strings.Repeat("x", 64)}); err == nil {
		t.Error("65 characters: no error")
	}
	if err := checkMeasureNames([]string{"x_low", "x"}); err == nil || err.Error() != `measure "x": x_low is a measure; allowed: another name` {
		t.Errorf("x_low then x: %v", err)
	}
	if err := checkMeasures([]Measure{{Name: "nothing"}}); err == nil || err.Error() != `measure "nothing" has no function (Of)` {
		t.Errorf("no function: %v", err)
	}
}

// Values are written to the last bit (1/3 is 0.3333333333333333, sixteen
// digits, and reads back equal), and −∞ is no more a value than +∞ (the
// values refuse it themselves, not only the JSON encoder after them).
func TestValuesJSONExactAndFinite(t *testing.T) {
	b, err := json.Marshal(Values{1.0 / 3})
	if err != nil || string(b) != "[0.3333333333333333]" {
		t.Errorf("1/3: %s %v, want [0.3333333333333333]", b, err)
	}
	var v Values
	if err := json.Unmarshal(b, &v); err != nil || len(v) != 1 || v[0] != 1.0/3 {
		t.Errorf("1/3 read back: %v %v", v, err)
	}
	if _, err := (Values{1, math.Inf(-1)}).MarshalJSON(); err == nil || err.Error() != "runner: measure value -Inf is not finite" {
		t.Errorf("−Inf: %v, want it refused as not finite", err)
	}
}

// Nil arguments are errors or no value, not panics.
func TestNilArguments(t *testing.T) {
	if v, ok := HubSpokesIndex(nil, 0); ok || v != 0 {
		t.Errorf("HubSpokesIndex(nil, 0) = %v, %v; want 0, false", v, ok)
	}
	dir := t.TempDir()
	if err := WriteSensitivity(dir, nil); err == nil || !strings.Contains(err.Error(), "nil sensitivity") {
		t.Errorf("WriteSensitivity(dir, nil): %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("WriteSensitivity(dir, nil) left %d files", len(entries))
	}
}
