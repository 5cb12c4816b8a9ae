package report

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/words"
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
		left := r.optInt("left")
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
		// Cut after the last formation: c's join at tick 5 is missing.
		{func(ls []eventLine) []eventLine { return ls[:3] }, ": no event at tick 5, where memberships.csv has c join alliance 4"},
	} {
		err := checkEvents(c.change(good()), cal, 6, bs)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got %v, want %q…", err, c.want)
		}
	}
}

// A single run's report refuses the events of another seed's run: the
// event list would tell another story than the timeline beside it. The
// record of summary.json finds them; without it, what they hold does.
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
	if _, err := Build(context.Background(), dir); err == nil || !strings.HasPrefix(err.Error(), dir+": events.jsonl has ") {
		t.Fatalf("the events of seed 8 beside the run of seed 7: %v", err)
	}
	if _, err := Build(context.Background(), unrecorded(t, dir)); err == nil || !strings.Contains(err.Error(), "events.jsonl:") || !strings.Contains(err.Error(), "events.jsonl is damaged, cut short or of another run than memberships.csv (run the work again with --force)") {
		t.Fatalf("the events of seed 8 beside the run of seed 7, without the record: %v", err)
	}
}

// writeEvents writes events.jsonl lines of run 0 of point 0, one a line:
// tick, date and type.
func writeEvents(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The event list leaves out a challenge unless an occupation follows it
// at the same tick, and indents acceptances and rejections; a line that
// is not JSON is named by its number.
func TestEventListByHand(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	ev := func(tick int, typ string) string {
		return fmt.Sprintf(`{"point":0,"run":0,"tick":%d,"date":"%s","type":"%s","alliance":-1,"text":"%s at %d"}`, tick, cal.Label(tick), typ, typ, tick)
	}
	path := writeEvents(t,
		ev(0, "challenge"), ev(0, "occupation"), // shown: an occupation follows at its tick
		ev(1, "challenge"), ev(2, "occupation"), // left out: the occupation is a tick later
		ev(2, "challenge"), ev(2, "proposal"), // left out: no occupation follows
		ev(2, "acceptance"), ev(3, "rejection"),
		ev(3, "challenge")) // left out: the last line
	rows, hidden, err := readEvents(path, cal, 6, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []EventRow{
		{Date: "1950-01", Type: "challenge", Text: "challenge at 0"},
		{Date: "1950-01", Type: "occupation", Text: "occupation at 0"},
		{Date: "1950-03", Type: "occupation", Text: "occupation at 2"},
		{Date: "1950-03", Type: "proposal", Text: "proposal at 2"},
		{Date: "1950-03", Type: "acceptance", Text: "acceptance at 2", Answer: true},
		{Date: "1950-04", Type: "rejection", Text: "rejection at 3", Answer: true},
	}
	if hidden != 3 || !slices.Equal(rows, want) {
		t.Errorf("%d left out (want 3), rows:\n%+v\nwant\n%+v", hidden, rows, want)
	}
	path = writeEvents(t, ev(0, "proposal"), ev(1, "proposal"), `{"point":0,`)
	if _, _, err := readEvents(path, cal, 6, nil); err == nil || err.Error() != path+":3: unexpected end of JSON input" {
		t.Errorf("a cut third line: %v", err)
	}
}

// readBars reads the one run asked for: rows of another run are not its
// bars. A spell left at the tick it began is drawn so, not to the horizon.
func TestReadBarsReadsOneRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memberships.csv")
	os.WriteFile(path, []byte("point,run,alliance,state,joined,left\n0,0,2,usa,3,\n0,0,2,jpn,3,7\n0,1,0,gbr,1,2\n0,0,5,kor,0,0\n"), 0o644)
	bs, err := readBars(path, 0, 10)
	want := []bar{{Alliance: 2, State: "usa", From: 3, To: 10, Label: "A2 usa"}, {Alliance: 2, State: "jpn", From: 3, To: 7, Label: "A2 jpn"}, {Alliance: 5, State: "kor", From: 0, To: 0, Label: "A5 kor"}}
	if err != nil || !slices.Equal(bs, want) {
		t.Errorf("run 0: %v\n%+v\nwant %+v", err, bs, want)
	}
}

// A single run's timeline section: a note for the challenges left out of
// the event list, and none when there were none; with no alliance and no
// event, notes say so rather than an empty figure and list.
func TestSingleRunTimelineNotes(t *testing.T) {
	_, single, _, _ := fixtures(t)
	timeline := func(dir string) Section {
		t.Helper()
		p, err := Build(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(p.Sections, func(s Section) bool { return s.ID == "timeline" })
		if i < 0 {
			t.Fatal("no timeline section")
		}
		return p.Sections[i]
	}
	in, horizon, bs := singleRunOf(t, single)
	_, hidden, err := readEvents(in.path("events.jsonl"), in.calendar(), horizon, bs)
	if err != nil || hidden == 0 {
		t.Fatalf("the fixture's events: %v, %d challenges left out", err, hidden)
	}
	dir := unrecorded(t, copyFiles(t, single, "scenario.toml")) // its files are changed below
	if got, want := timeline(dir).EventsNote, words.Count(hidden, "challenge", "challenges")+" that came to nothing left out; events.jsonl has them"; got != want {
		t.Errorf("events note %q, want %q", got, want)
	}
	var kept []byte
	for _, l := range mustReadLines(t, filepath.Join(dir, "events.jsonl")) {
		if len(l) > 0 && !bytes.Contains(l, []byte(`"type":"challenge"`)) {
			kept = append(append(kept, l...), '\n')
		}
	}
	os.WriteFile(filepath.Join(dir, "events.jsonl"), kept, 0o644)
	if sec := timeline(dir); sec.EventsNote != "" {
		t.Errorf("no challenge, yet the note %q", sec.EventsNote)
	}
	os.WriteFile(filepath.Join(dir, "events.jsonl"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "memberships.csv"), []byte("point,run,alliance,state,joined,left\n"), 0o644)
	sec := timeline(dir)
	if !slices.Equal(sec.Notes, []string{"No alliance formed in this run."}) || len(sec.Figures) != 0 || !slices.Equal(sec.Events, []EventRow{{Text: "no events"}}) {
		t.Errorf("a run without alliances or events: notes %q, %d figures, events %+v", sec.Notes, len(sec.Figures), sec.Events)
	}
}

// The timeline draws each bar from its first month to the month it left
// (the horizon while in force), the first membership on top, coloured by
// its alliance's id: by hand, from 1950-01 by months over 24 ticks, A0
// usa from 0 to 12 and A2 chn from 12 in force, so two bars of a year
// each, the second starting where the first ends.
func TestTimelineBarsByHand(t *testing.T) {
	bs := []bar{{Alliance: 0, State: "usa", From: 0, To: 12, Label: "A0 usa"}, {Alliance: 2, State: "chn", From: 12, To: 24, Label: "A2 chn"}}
	f, err := ganttFigure(bs, sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, 24)
	if err != nil {
		t.Fatal(err)
	}
	box := func(fill string) (x0, x1, y0, y1 float64) {
		ps := svgPaths(t, f.SVG, "fill:"+fill)
		if len(ps) != 1 || len(ps[0]) < 4 {
			t.Fatalf("bars filled %s: %v, want one", fill, ps)
		}
		x0, x1, y0, y1 = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, q := range ps[0] {
			x0, x1, y0, y1 = min(x0, q[0]), max(x1, q[0]), min(y0, q[1]), max(y1, q[1])
		}
		return
	}
	ax0, ax1, ay0, _ := box("#0072B2") // paletteAt(0)
	bx0, bx1, _, by1 := box("#009E73") // paletteAt(2)
	if math.Abs(ax1-bx0) > 0.01 || math.Abs((ax1-ax0)-(bx1-bx0)) > 0.01 || !(ax1 > ax0) {
		t.Errorf("bars from %.2f to %.2f and from %.2f to %.2f; want two of a year, end to end", ax0, ax1, bx0, bx1)
	}
	if !(ay0 > by1) {
		t.Errorf("A0 usa (y %.2f up) is not above A2 chn (y up to %.2f)", ay0, by1)
	}
}

// An alliance forms at its earliest member's tick even when a later
// member comes first among its memberships.
func TestCheckEventsFormationAtTheEarliestMember(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	bs := []bar{{Alliance: 0, State: "usa", From: 5, To: 10}, {Alliance: 0, State: "jpn", From: 3, To: 10}}
	ev := []eventLine{{line: 1, Tick: 3, Date: cal.Label(3), Type: "formed", Alliance: 0}, {line: 2, Tick: 5, Date: cal.Label(5), Type: "joined", Alliance: 0}}
	if err := checkEvents(ev, cal, 10, bs); err != nil {
		t.Errorf("formed at 3, members from 5 and 3: %v", err)
	}
}

// Every membership's end before the horizon has an event at its tick: a
// file cut after its last formation lacks them.
func TestCheckEventsSeesTheEnds(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	bs := []bar{{Alliance: 0, State: "a", From: 1, To: 4}, {Alliance: 0, State: "b", From: 1, To: 10}}
	ev := []eventLine{{line: 1, Tick: 1, Date: "1950-02", Type: "formed", Alliance: 0}}
	want := ": no event at tick 4, where memberships.csv has a leave alliance 0"
	if err := checkEvents(ev, cal, 10, bs); err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	ev = append(ev, eventLine{line: 2, Tick: 4, Date: "1950-05", Type: "left", Alliance: 0})
	if err := checkEvents(ev, cal, 10, bs); err != nil {
		t.Errorf("with the leaving: %v", err)
	}
	// An end at the last tick played (9 of 10) is an end too; at the
	// horizon (10) a membership is only still in force.
	bs[1].To = 9
	want = ": no event at tick 9, where memberships.csv has b leave alliance 0"
	if err := checkEvents(ev, cal, 10, bs); err == nil || err.Error() != want {
		t.Errorf("an end at the last tick: got %v\nwant %s", err, want)
	}
}

// A single run's events.jsonl cut short after a line, where the checks
// of the file alone do not notice (the cut falls after the run's last
// change of membership), is found against summary.json's record, and no
// page is drawn; so is one line changed at its size. The run is seed 1
// of asia-1950, whose last event is a refused offer in 1990-11, long
// after its last change of membership.
func TestReportChecksTheEventsAgainstTheRecord(t *testing.T) {
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := plans.Scenario(sc, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "one")
	if err := runner.Execute(context.Background(), plan, dir, runner.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), dir); err != nil {
		t.Fatalf("the whole run: %v", err)
	}
	path := filepath.Join(dir, "events.jsonl")
	body := mustRead(t, path)
	last := bytes.LastIndexByte(body[:len(body)-1], '\n') + 1 // where the last line begins
	if err := os.WriteFile(path, body[:last], 0o644); err != nil {
		t.Fatal(err)
	}
	in, horizon, bs := singleRunOf(t, unrecorded(t, copyFiles(t, dir, "")))
	if _, _, err := readEvents(path, in.calendar(), horizon, bs); err != nil {
		t.Fatalf("set-up: the file alone is refused without its last line: %v", err)
	}
	const mend = "; run the same command again, which assembles the result files again from parts/"
	_, err = Build(context.Background(), dir)
	if want := fmt.Sprintf("%s: events.jsonl has %d bytes, where summary.json records %d (cut short or changed since it was written)%s", dir, last, len(body), mend); err == nil || err.Error() != want {
		t.Fatalf("events.jsonl without its last line: %v\nwant %s", err, want)
	}
	// A byte of the last line one bit off, at the same size: found before
	// anything reads the line.
	changed := bytes.Clone(body)
	changed[last+len(body[last:])/2] ^= 1
	if err := os.WriteFile(path, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err = Build(context.Background(), dir); err == nil || !strings.HasPrefix(err.Error(), path+" does not match its SHA-256 in summary.json") {
		t.Fatalf("events.jsonl changed at its size: %v", err)
	}
	// Without the file the message says what to do too.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, err = Build(context.Background(), dir); err == nil || err.Error() != dir+": events.jsonl is missing"+mend {
		t.Fatalf("without events.jsonl: %v", err)
	}
}

// singleRunOf reads the single run of dir: its input, its horizon and the
// bars of its memberships.
func singleRunOf(t *testing.T, dir string) (*Input, int, []bar) {
	t.Helper()
	in, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	horizon := in.Manifest.Points[0].Ticks
	bs, err := readBars(in.path("memberships.csv"), 0, horizon)
	if err != nil {
		t.Fatal(err)
	}
	return in, horizon, bs
}
