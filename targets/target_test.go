package targets

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

func TestEvaluate(t *testing.T) {
	tg := Target{ID: "X", Threshold: 0.5, Test: func(r *runner.Record, _ sim.Calendar) (bool, bool) {
		return r.Run%2 == 0, r.Run%4 == 0
	}}
	var rs []runner.Record
	for i := range 8 {
		rs = append(rs, runner.Record{Run: i})
	}
	res := Evaluate([]Target{tg}, rs, europeCal)[0]
	// counted: runs 0, 2, 4, 6; met: 0, 4
	if res.Share.Count != 2 || res.Share.N != 4 || res.Share.Share != 0.5 || !res.Met {
		t.Errorf("evaluated %+v", res)
	}
	if res := Evaluate([]Target{tg}, nil, europeCal)[0]; res.Met {
		t.Error("a target that counted no run is not met")
	}
	if got := Scenarios(); !slices.Equal(got, []string{"europe-1947", "asia-1950"}) {
		t.Errorf("scenarios %v", got)
	}
	if n := len(For("europe-1947")) + len(For("asia-1950")); n != 14 || len(allTargets) != 14 {
		t.Errorf("%d targets", n)
	}
}

// A target with an Extra requirement is met only if that holds too, over
// all the runs, and carries its note.
func TestEvaluateExtra(t *testing.T) {
	always := func(*runner.Record, sim.Calendar) (bool, bool) { return true, true }
	rs := make([]runner.Record, 3)
	for _, c := range []struct {
		extraOK, met bool
	}{{true, true}, {false, false}} {
		tg := Target{ID: "X", Threshold: 1, Test: always, Extra: func(got []runner.Record, _ sim.Calendar) (bool, string) {
			return c.extraOK, fmt.Sprintf("%d runs", len(got))
		}}
		res := Evaluate([]Target{tg}, rs, asiaCal)[0]
		if res.Met != c.met || res.Note != "3 runs" || res.Share.Share != 1 {
			t.Errorf("extra %v: met %v, note %q, share %v; want met %v, note \"3 runs\", share 1", c.extraOK, res.Met, res.Note, res.Share.Share, c.met)
		}
	}
}

// A target that counted no run is not met, even with a threshold of 0.
func TestEvaluateNothingCounted(t *testing.T) {
	never := Target{ID: "X", Threshold: 0, Test: func(*runner.Record, sim.Calendar) (bool, bool) { return false, false }}
	if res := Evaluate([]Target{never}, make([]runner.Record, 3), europeCal)[0]; res.Met || res.Share.N != 0 {
		t.Errorf("nothing counted: %+v, want not met over 0 runs", res)
	}
	// The zero Calendar is no calendar: it counts no run, and says so,
	// rather than report every dated target's runs as too short.
	always := Target{ID: "Y", Threshold: 0, Test: func(*runner.Record, sim.Calendar) (bool, bool) { return true, true }}
	for _, res := range Evaluate([]Target{always, {ID: "Z", Until: "1950-12", Test: always.Test}}, make([]runner.Record, 3), sim.Calendar{}) {
		if res.Met || res.Share.N != 0 || res.Note != "calendar: year 0, month 0 is not a month; allowed: a month of the years 0000 to 9999; 0 months per tick; allowed: month, quarter, year (1, 3 or 12 months): no run counted" {
			t.Errorf("%s with no calendar: %+v", res.ID, res)
		}
	}
}

// A run that ends before the last month a target reads, or starts after
// it, is not counted, and the result says so: a europe-1947 run of 120
// ticks (1947-01 to 1956-12) reaches 1950-12 (E3) but neither 1960-01 (E5)
// nor 1991-12 (E4), where an alliance it ended with in force would have
// counted as "still in force". Every target's month is a month.
func TestTargetsReadOnlyRunsThatReachTheirDate(t *testing.T) {
	always := func(*runner.Record, sim.Calendar) (bool, bool) { return true, true }
	short := []runner.Record{{Record: sim.Record{Ticks: 120}}, {Record: sim.Record{Ticks: 540}}}
	for _, c := range []struct {
		until string
		n     int
		note  string
	}{
		{"", 2, ""},
		{"1947-01", 2, ""}, // tick 0, the first month of both
		{"1950-12", 2, ""}, // tick 47
		{"1956-12", 2, ""}, // tick 119, the short run's last
		{"1957-01", 1, "1 run not counted: the run does not reach 1957-01, the last month the target reads"}, // tick 120
		{"1991-12", 1, "1 run not counted: the run does not reach 1991-12, the last month the target reads"},
		{"1946-12", 0, "2 runs not counted: the run begins after 1946-12, the last month the target reads"}, // before the start
	} {
		res := Evaluate([]Target{{ID: "X", Threshold: 0.5, Until: c.until, Test: always}}, short, europeCal)[0]
		if res.Share.N != c.n || res.Note != c.note || res.Met != (c.n > 0) {
			t.Errorf("until %q: %d runs counted, met %v, note %q; want %d and %q", c.until, res.Share.N, res.Met, res.Note, c.n, c.note)
		}
	}
	// A run of no tick reaches no month, not even the first (tick 0): it
	// does not reach 1947-01, rather than begin after it.
	if res := Evaluate([]Target{{ID: "X", Threshold: 0.5, Until: "1947-01", Test: always}}, []runner.Record{{}}, europeCal)[0]; res.Share.N != 0 ||
		res.Note != "1 run not counted: the run does not reach 1947-01, the last month the target reads" {
		t.Errorf("a run of 0 ticks, until 1947-01: %d runs counted, note %q", res.Share.N, res.Note)
	}
	// A target's Extra requirement reads the same runs as its Test: A3's
	// most frequent reason is not drawn from a run cut short of 1951-12.
	var extraSaw []int
	extra := func(rs []runner.Record, _ sim.Calendar) (bool, string) {
		for _, r := range rs {
			extraSaw = append(extraSaw, r.Ticks)
		}
		return true, ""
	}
	Evaluate([]Target{{ID: "Z", Threshold: 0.5, Until: "1957-01", Test: always, Extra: extra}}, short, europeCal)
	if !slices.Equal(extraSaw, []int{540}) {
		t.Errorf("Extra read runs of %v ticks; want only the run that reaches 1957-01, of 540", extraSaw)
	}
	// A caller's target with a malformed month counts no run and says so
	// (its share 0 of 0), and the target after it is still evaluated.
	both := Evaluate([]Target{{ID: "Y", Threshold: 0.5, Until: "1991-13", Test: always}, {ID: "X", Threshold: 0.5, Test: always}}, short, europeCal)
	res := both[0]
	if res.Share != runner.NewProportion(0, 0) || res.Met || res.Note != `until "1991-13" is not a month; allowed: YYYY-MM, e.g. 1950-06: no run counted` {
		t.Errorf("a malformed Until: %+v", res)
	}
	if len(both) != 2 || both[1].ID != "X" || both[1].Share.N != 2 {
		t.Errorf("after a malformed Until: %+v, want X evaluated over 2 runs", both[1:])
	}
	// So does a target without a Test, where it used to stop the
	// evaluation with a nil call.
	res = Evaluate([]Target{{ID: "X", Threshold: 0.5}}, short, europeCal)[0]
	if res.Share.N != 0 || res.Met || res.Note != "the target has no Test: no run counted" {
		t.Errorf("a target without a Test: %+v", res)
	}
	for _, tg := range allTargets {
		if _, _, err := sim.ParseMonth(tg.Until); tg.Until != "" && err != nil {
			t.Errorf("%s: Until %v", tg.ID, err)
		}
		if (tg.Until == "") != (tg.ID == "E1" || tg.ID == "E2") {
			t.Errorf("%s: Until %q; only E1 and E2 read no date", tg.ID, tg.Until)
		}
	}
}

// For gives a scenario's own targets, in HISTORY.md's order, and nil for
// a scenario without targets.
func TestForGivesTheScenariosOwnTargets(t *testing.T) {
	ids := func(ts []Target) []string {
		var out []string
		for _, tg := range ts {
			out = append(out, tg.ID)
		}
		return out
	}
	if got := ids(For("europe-1947")); !slices.Equal(got, []string{"E1", "E2", "E3", "E4", "E5"}) {
		t.Errorf("europe-1947: %v, want E1…E5", got)
	}
	if got := ids(For("asia-1950")); !slices.Equal(got, []string{"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"}) {
		t.Errorf("asia-1950: %v, want A1…A9", got)
	}
	if got := For("generic"); got != nil {
		t.Errorf("generic: %v, want nil", ids(got))
	}
	// The targets are the caller's to change: All is not.
	For("europe-1947")[0].States[0] = "zzz"
	if For("europe-1947")[0].States[0] == "zzz" || allTargets[0].States[0] == "zzz" {
		t.Error("a change to For's targets reached All")
	}
	// Nor are All's.
	All()[0].States[0] = "zzz"
	if All()[0].States[0] == "zzz" || allTargets[0].States[0] == "zzz" {
		t.Error("a change to All's targets reached the table")
	}
}

// The thresholds and last months of HISTORY.md's targets, copied from it
// (E1 ≥ 80% of runs, E3 by 1950-12, E5 at 1960-01, A5 by 1952-12, …).
func TestTargetThresholdsAndMonths(t *testing.T) {
	want := map[string]struct {
		threshold float64
		until     string
	}{
		"E1": {0.8, ""}, "E2": {0.6, ""}, "E3": {0.7, "1950-12"}, "E4": {0.75, "1991-12"}, "E5": {0.7, "1960-01"},
		"A1": {0.8, "1951-12"}, "A2": {0.6, "1951-12"}, "A3": {0.7, "1951-12"}, "A4": {0.6, "1955-12"}, "A5": {0.5, "1952-12"},
		"A6": {0.5, "1955-12"}, "A7": {0.6, "1991-12"}, "A8": {0.8, "1991-12"}, "A9": {0.7, "1960-01"},
	}
	for _, tg := range allTargets {
		if w, ok := want[tg.ID]; !ok || tg.Threshold != w.threshold || tg.Until != w.until {
			t.Errorf("%s: threshold %v until %q, want %v %q", tg.ID, tg.Threshold, tg.Until, w.threshold, w.until)
		}
	}
}

// A run the target does not count says nothing of it, whatever its met
// says: of 4 runs, runs 0 and 1 counted (run 0 met), runs 2 and 3 not
// counted but "met", the share is 1 of 2 = 0.5, not 3 of 4.
func TestEvaluateIgnoresMetOfUncountedRuns(t *testing.T) {
	tg := Target{ID: "X", Threshold: 0.6, Test: func(r *runner.Record, _ sim.Calendar) (bool, bool) {
		return r.Run < 2, r.Run != 1
	}}
	rs := []runner.Record{{Run: 0}, {Run: 1}, {Run: 2}, {Run: 3}}
	if res := Evaluate([]Target{tg}, rs, europeCal)[0]; res.Share.Count != 1 || res.Share.N != 2 || res.Met {
		t.Errorf("evaluated %+v, want 1 of 2 (0.5 < 0.6, not met)", res.Share)
	}
}

// A target naming states the scenario lacks, fewer than it needs, or a
// patron where it has none, is not evaluated: it counts no run, is not
// met, and says what is missing; the others are evaluated as Evaluate
// does, in their order. Every target of the built-ins can be judged on
// them; dropping one Brussels power leaves E1–E4 to judge (E1, E3 and E4
// need two, E2 four), dropping only Japan leaves A1 (three of its four),
// dropping only the ROC leaves A8 (Korea or the ROC).
func TestEvaluateScenarioWithoutTheStatesNamed(t *testing.T) {
	always := func(*runner.Record, sim.Calendar) (bool, bool) { return true, true }
	sc := &sim.Scenario{Calendar: europeCal, States: []sim.State{{ID: "aus", Role: sim.Client}, {ID: "usa", Role: sim.Patron}}}
	ts := []Target{
		{ID: "X", Threshold: 0.5, Test: always, States: []string{"aus"}, Patron: true},
		{ID: "Y", Threshold: 0.5, Test: always, States: []string{"kor", "aus", "twn"}},
		{ID: "Z", Threshold: 0.5, Test: always},
		{ID: "W", Threshold: 0.5, Test: always, States: []string{"kor", "aus", "twn"}, Need: 1},
		{ID: "V", Threshold: 0.5, Test: always, States: []string{"kor", "aus", "twn"}, Need: 2},
	}
	res := EvaluateScenario(ts, make([]runner.Record, 4), sc)
	for i, id := range []string{"X", "Z", "W"} {
		if r := res[[]int{0, 2, 3}[i]]; r.ID != id || !r.Met || r.Share.N != 4 {
			t.Errorf("%s, which can be judged: %+v", id, r)
		}
	}
	if w, want := res[3].Note, "judged without kor, twn: the scenario has 1 of kor, aus, twn, and the target needs 1"; w != want {
		t.Errorf("W, judged on aus alone: the note %q, want %q", w, want)
	}
	for _, i := range []int{0, 2} {
		if res[i].Note != "" {
			t.Errorf("%s, which lacks none of its states: the note %q", res[i].ID, res[i].Note)
		}
	}
	for i, want := range []string{"not applicable: the scenario has no kor, twn", "not applicable: the scenario has 1 of kor, aus, twn, where the target needs 2"} {
		if r := res[[]int{1, 4}[i]]; r.Met || r.Share != runner.NewProportion(0, 0) || r.Note != want {
			t.Errorf("%s: %+v; want the note %q", r.ID, r, want)
		}
	}
	sc.States = sc.States[:1]
	if x := EvaluateScenario(ts[:1], nil, sc)[0]; x.Met || x.Note != "not applicable: the scenario has no patron" {
		t.Errorf("a target reading a patron's alliances, without one: %+v", x)
	}
	// No scenario at all: nothing is counted, and each result says why.
	for _, r := range EvaluateScenario([]Target{ts[0], ts[2]}, make([]runner.Record, 4), nil) {
		if r.Met || r.Share != runner.NewProportion(0, 0) || r.Note != "no scenario (nil): no run counted" {
			t.Errorf("%s of a nil scenario: %+v; want the note that there is none", r.ID, r)
		}
	}
	for _, name := range Scenarios() {
		b, err := configs.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tg := range For(name) {
			if miss := tg.Missing(b); miss != "" {
				t.Errorf("%s: %s has %s", tg.ID, name, miss)
			}
		}
	}
	drop := func(name string, ids ...string) *sim.Scenario {
		b, err := configs.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		b.States = slices.DeleteFunc(b.States, func(s sim.State) bool { return slices.Contains(ids, s.ID) })
		return b
	}
	for _, c := range []struct {
		sc   *sim.Scenario
		id   string
		want string
	}{
		{drop("europe-1947", "lux"), "E2", ""},
		{drop("europe-1947", "lux", "bel"), "E2", "3 of gbr, fra, bel, nld, lux, where the target needs 4"},
		{drop("europe-1947", "lux", "bel"), "E1", ""},
		{drop("europe-1947", "lux", "bel", "nld"), "E1", ""},
		{drop("europe-1947", "lux", "bel", "nld"), "E3", ""},
		{drop("europe-1947", "lux", "bel", "nld"), "E4", ""},
		{drop("europe-1947", "lux", "bel", "nld", "fra"), "E1", "1 of gbr, fra, bel, nld, lux, where the target needs 2"},
		{drop("asia-1950", "jpn"), "A1", ""},
		{drop("asia-1950", "jpn", "phl"), "A1", "2 of aus, nzl, phl, jpn, where the target needs 3"},
		{drop("asia-1950", "twn"), "A8", ""},
		{drop("asia-1950", "twn", "kor"), "A8", "no kor, twn"},
		{drop("asia-1950", "usa"), "A9", "no patron"},
		// A5 needs both of its states; E5 names none, but reads the
		// patron's alliances.
		{drop("asia-1950", "nzl"), "A5", "no nzl"},
		{drop("europe-1947", "usa"), "E5", "no patron"},
	} {
		var tg Target
		for _, x := range allTargets {
			if x.ID == c.id {
				tg = x
			}
		}
		if got := tg.Missing(c.sc); (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s without some states: %q, want %q", c.id, got, c.want)
		}
		if w := tg.Without(c.sc); (c.want == "") == (w == "") {
			t.Errorf("%s without some states: Without %q, where Missing is %q", c.id, w, c.want)
		}
	}
	// A target that reads no patron is judged without one: A1 counts the
	// Pacific clients' own alliances.
	i := slices.IndexFunc(allTargets, func(x Target) bool { return x.ID == "A1" })
	if i < 0 {
		t.Fatal("no target A1")
	}
	if got := allTargets[i].Missing(drop("asia-1950", "usa")); got != "" {
		t.Errorf("A1 without the patron: Missing %q, want nothing (A1 reads no patron)", got)
	}
	// A judged target's note says which states it was judged without,
	// before what Evaluate itself notes (here that some runs end before
	// the month it reads).
	e2 := For("europe-1947")[1]
	if e2.ID != "E2" {
		t.Fatalf("For(europe-1947)[1] is %s, want E2", e2.ID)
	}
	e2.Until = "1960-12"
	short := func(*runner.Record, sim.Calendar) (bool, bool) { return true, true }
	e2.Test = short
	noLux := drop("europe-1947", "lux")
	noLux.Ticks = 12
	r := EvaluateScenario([]Target{e2}, make([]runner.Record, 2), noLux)[0]
	if want := "judged without lux: the scenario has 4 of gbr, fra, bel, nld, lux, and the target needs 4; 2 runs not counted"; !strings.HasPrefix(r.Note, want) {
		t.Errorf("E2 without Luxembourg, in runs shorter than it reads: the note %q, want it to begin %q", r.Note, want)
	}
}

// Evaluate over slimmed records (Slim) gives the results it gives over the
// whole records, in both historical scenarios, and the slimmed record
// keeps only patrons' proposals, while the runner's record is untouched.
func TestSlimKeepsWhatTargetsRead(t *testing.T) {
	for _, name := range Scenarios() {
		sc, err := configs.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := sim.Compile(sc)
		if err != nil {
			t.Fatal(err)
		}
		var whole, slim []runner.Record
		dropped, kept := 0, 0
		_, err = runner.MonteCarlo(context.Background(), c, runner.Options{Runs: 40, Seed: 1, OnRecord: func(r *runner.Record) {
			n, patrons := len(r.Proposals), 0
			for _, p := range r.Proposals {
				if p.Patron {
					patrons++
				}
			}
			s := Slim(r)
			if len(r.Proposals) != n {
				t.Fatalf("%s: Slim changed the runner's record", name)
			}
			for _, p := range s.Proposals {
				if !p.Patron {
					t.Fatalf("%s: a client's proposal kept", name)
				}
			}
			if len(s.Proposals) != patrons {
				t.Fatalf("%s: %d proposals kept of the patrons' %d", name, len(s.Proposals), patrons)
			}
			dropped, kept = dropped+n-len(s.Proposals), kept+len(s.Proposals)
			whole, slim = append(whole, *r), append(slim, s)
		}})
		if err != nil {
			t.Fatal(err)
		}
		if dropped == 0 || kept == 0 {
			t.Fatalf("%s: %d proposals dropped and %d kept; nothing tested without both", name, dropped, kept)
		}
		a, b := EvaluateScenario(For(name), whole, sc), EvaluateScenario(For(name), slim, sc)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: whole records give %+v\nslimmed %+v", name, a, b)
		}
	}
}
