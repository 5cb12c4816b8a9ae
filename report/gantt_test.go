package report

import (
	"testing"
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
	ev, hidden, err := readEvents(in.path("events.jsonl"), 0)
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
