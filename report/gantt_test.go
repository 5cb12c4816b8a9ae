package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// The timeline has one bar per row of memberships.csv, open spells drawn
// to the horizon; the event list is events.jsonl less the challenges
// that came to nothing.
func TestTimelineIsTheMemberships(t *testing.T) {
	_, single, _, _ := fixtures(t)
	in, err := Read(single)
	if err != nil {
		t.Fatal(err)
	}
	if in.Kind != SingleRun {
		t.Fatalf("a one-run directory read as %v", in.Kind)
	}
	horizon := in.Manifest.Points[0].Ticks
	bs, err := readBars(in.path("memberships.csv"), 0, horizon)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = eachRow(in.path("memberships.csv"), func(r *row) error {
		b := bs[n]
		left := r.int("left")
		if left < 0 {
			left = horizon
		}
		if b.Alliance != r.int("alliance") || b.State != r.get("state") || b.From != r.int("joined") || b.To != left {
			t.Errorf("bar %d %+v, row %v", n, b, r.cells)
		}
		n++
		return nil
	})
	if err != nil || n != len(bs) || n == 0 {
		t.Fatalf("%d bars, %d rows: %v", len(bs), n, err)
	}
	ev, hidden, err := readEvents(in.path("events.jsonl"), in.calendar(), horizon, bs)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, b := range mustReadLines(t, in.path("events.jsonl")) {
		if len(b) > 0 {
			lines++
		}
	}
	if len(ev)+hidden != lines || len(ev) == 0 {
		t.Fatalf("%d events shown and %d left out of %d", len(ev), hidden, lines)
	}
	for _, e := range ev {
		if e.Type == "challenge" {
			// shown only when an occupation follows
			continue
		}
		if e.Answer != (e.Type == "acceptance" || e.Type == "rejection") {
			t.Fatalf("%+v", e)
		}
	}
}

// checkEvents takes a single run's events only: run 0 of point 0, ticks
// of the run in order with their dates, one formation for each alliance
// of the memberships at its first member's tick.
func TestCheckEvents(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 11, MonthsPerTick: 3}
	// Alliance 4 formed at tick 2 (its members joined at 2 and 5),
	// alliance 7 at tick 3.
	bs := []bar{{Alliance: 4, State: "a", From: 2}, {Alliance: 4, State: "b", From: 2}, {Alliance: 4, State: "c", From: 5}, {Alliance: 7, State: "d", From: 3}, {Alliance: 7, State: "e", From: 3}}
	good := func() []eventLine {
		return []eventLine{
			{line: 1, Tick: 0, Date: "1950-11", Type: "proposal", Alliance: -1},
			{line: 2, Tick: 2, Date: "1951-05", Type: "formed", Alliance: 4},
			{line: 3, Tick: 3, Date: "1951-08", Type: "formed", Alliance: 7},
			{line: 4, Tick: 5, Date: "1952-02", Type: "joined", Alliance: 4},
		}
	}
	if err := checkEvents(good(), cal, 6, bs); err != nil {
		t.Fatalf("the run's own events: %v", err)
	}
	for _, c := range []struct {
		change func([]eventLine) []eventLine
		want   string
	}{
		{func(ls []eventLine) []eventLine { ls[2].Run = 1; return ls }, ":3: point 0, run 1; allowed: point 0, run 0"},
		{func(ls []eventLine) []eventLine { ls[0].Point = 2; return ls }, ":1: point 2, run 0;"},
		{func(ls []eventLine) []eventLine { ls[3].Tick, ls[3].Date = 1, "1951-02"; return ls }, ":4: tick 1; allowed: a tick from 3 (the line before's) to 5"},
		{func(ls []eventLine) []eventLine { ls[3].Tick, ls[3].Date = 6, "1952-05"; return ls }, ":4: tick 6; allowed: a tick from 3 (the line before's) to 5, the run's last"},
		{func(ls []eventLine) []eventLine { ls[0].Tick, ls[0].Date = -1, "1950-08"; return ls }, ":1: tick -1; allowed: a tick from 0 (the run's first) to 5, the run's last"},
		{func(ls []eventLine) []eventLine { ls[1].Date = "1951-04"; return ls }, `:2: tick 2 dated "1951-04"; allowed: 1951-05, its date`},
		{func(ls []eventLine) []eventLine { ls[2].Alliance = 9; return ls }, ":3: alliance 9 formed at tick 3; memberships.csv has no such alliance"},
		{func(ls []eventLine) []eventLine { ls[1].Tick, ls[1].Date = 3, "1951-08"; return ls }, ":2: alliance 4 formed at tick 3; memberships.csv has it formed at tick 2, once"},
		{func(ls []eventLine) []eventLine {
			return append(ls, eventLine{line: 5, Tick: 5, Date: "1952-02", Type: "formed", Alliance: 7})
		}, ":5: alliance 7 formed at tick 5; memberships.csv has it formed at tick 3, once"},
		{func(ls []eventLine) []eventLine { return append(ls[:2], ls[3:]...) }, ": no formation of alliance 7; memberships.csv has it formed at tick 3, once"},
		{func(ls []eventLine) []eventLine { // a second formation at the tick of the first
			return append(ls[:3], append([]eventLine{{line: 4, Tick: 3, Date: "1951-08", Type: "formed", Alliance: 7}}, ls[3:]...)...)
		}, ":4: alliance 7 formed at tick 3; memberships.csv has it formed at tick 3, once"},
	} {
		err := checkEvents(c.change(good()), cal, 6, bs)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got %v, want %q…", err, c.want)
		}
	}
}

// A single run's report refuses the events of another seed's run: the
// event list would tell another story than the timeline beside it.
func TestReportRefusesAnotherRunsEvents(t *testing.T) {
	_, single, _, _ := fixtures(t)
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := plans.Scenario(sc, 1, 8)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other")
	if err := runner.Execute(context.Background(), plan, other, runner.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	dir := copyFiles(t, single, "events.jsonl")
	body, err := os.ReadFile(filepath.Join(other, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "events.jsonl"), body, 0o644)
	if _, err := Build(context.Background(), dir); err == nil || !strings.Contains(err.Error(), "events.jsonl:") || !strings.Contains(err.Error(), "the file is damaged or from another run") {
		t.Fatalf("the events of seed 8 beside the run of seed 7: %v", err)
	}
}
