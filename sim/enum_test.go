package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// A run's record decodes from the JSON it encodes to: every named
// enumeration is read back by name — each event its type and, for an
// ending, its cause — and re-encoding gives the same bytes. The runs of
// contestedScenario have endings (for occupation and for a patron's
// leaving), departures and eliminations; the test fails if they lack
// them, for then a cause or type read back wrong could go unseen.
func TestResultJSONRoundTrip(t *testing.T) {
	c := mustCompile(t, contestedScenario())
	types, causes := map[EventType]bool{}, map[EndCause]bool{}
	for seed := uint64(1); seed <= 6; seed++ {
		res, err := Run(context.Background(), c, seed)
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		var back Result
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("seed %d: decoding a run's JSON: %v", seed, err)
		}
		if len(back.Events) != len(res.Events) {
			t.Fatalf("seed %d: %d events read back, %d written", seed, len(back.Events), len(res.Events))
		}
		for i, e := range res.Events {
			if b := back.Events[i]; !reflect.DeepEqual(b, e) {
				t.Errorf("seed %d: event %d read back as %+v, written %+v", seed, i, b, e)
			}
			types[e.Type] = true
			if e.Type == EventEnded {
				causes[e.Cause] = true
			}
		}
		again, err := json.Marshal(&back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("seed %d: a run's JSON, decoded and encoded again, changed", seed)
		}
	}
	for _, want := range []EventType{EventEnded, EventLeft, EventEliminated} {
		if !types[want] {
			t.Errorf("the test runs have no %s event (types: %v): too few to test the decoding", want, types)
		}
	}
	for _, want := range []EndCause{EndOccupied, EndPatronLeft} {
		if !causes[want] {
			t.Errorf("no alliance of the test runs ends for %s (causes: %v): too few to test the decoding", want, causes)
		}
	}
}

// Each enumeration names its values, prints a value out of range as
// Type(n) without panicking, refuses to marshal it, and reads back only
// the names it writes.
func TestEnumNames(t *testing.T) {
	for _, c := range []struct {
		v    interface{ String() string }
		want string
	}{
		{EventOccupation, "occupation"}, {EventLapsed, "lapsed"}, {EventType(99), "EventType(99)"},
		{ProposeSigned, "signed-for-occupied"}, {Proposal(-1), "Proposal(-1)"},
		{Trilateral, "trilateral"}, {Kind(3), "Kind(3)"},
		{OriginImposed, "imposed"}, {Origin(4), "Origin(4)"},
		{EndPatronLeft, "patron_left"}, {EndCause(5), "EndCause(5)"},
		{EntrySovereignty, "sovereignty"}, {Entry(4), "Entry(4)"},
		{ExitOccupied, "occupied"}, {Exit(4), "Exit(4)"},
	} {
		if got := c.v.String(); got != c.want {
			t.Errorf("%#v: %q, want %q", c.v, got, c.want)
		}
	}
	if _, err := json.Marshal(EventRecord{Type: EventType(99)}); err == nil || !strings.Contains(err.Error(), "EventType(99) has no name; allowed: 0 to 13") {
		t.Errorf("marshalling an unknown event type: %v", err)
	}
	var k Kind
	if err := json.Unmarshal([]byte(`"multilateral"`), &k); err != nil || k != Multilateral {
		t.Errorf("reading multilateral: %v, %v", k, err)
	}
	if err := json.Unmarshal([]byte(`"quadrilateral"`), &k); err == nil || !strings.Contains(err.Error(), `"quadrilateral" is not a Kind; allowed: "bilateral", "trilateral", "multilateral"`) {
		t.Errorf("reading an unknown kind: %v", err)
	}
	var e EndCause
	if err := e.UnmarshalText(nil); err != nil || e != EndNone {
		t.Errorf("an empty cause is EndNone: %v, %v", e, err)
	}
}

// A value just past either end of an enumeration has no name: MarshalText
// refuses Kind(3), one past multilateral (2), and Kind(-1), naming the
// values allowed.
func TestEnumTextBounds(t *testing.T) {
	for v, want := range map[Kind]string{
		3:  "sim: Kind(3) has no name; allowed: 0 to 2",
		-1: "sim: Kind(-1) has no name; allowed: 0 to 2",
	} {
		if b, err := v.MarshalText(); err == nil || err.Error() != want || b != nil {
			t.Errorf("Kind(%d).MarshalText() = %q, %v; want nil, %s", int(v), b, err, want)
		}
	}
	if b, err := Multilateral.MarshalText(); err != nil || string(b) != "multilateral" {
		t.Errorf("Multilateral.MarshalText() = %q, %v", b, err)
	}
}

// A name is read back only as written: the case matters.
func TestEnumParseIsExact(t *testing.T) {
	k := Trilateral
	want := `sim: "Bilateral" is not a Kind; allowed: "bilateral", "trilateral", "multilateral"`
	if err := k.UnmarshalText([]byte("Bilateral")); err == nil || err.Error() != want || k != Trilateral {
		t.Errorf("reading Bilateral: %v, kind %v; want %s and the kind kept trilateral", err, k, want)
	}
}

// A name that is none says so with the article of the enumeration's name:
// "an Origin", as "a Kind".
func TestEnumParseErrorArticle(t *testing.T) {
	o := OriginClient
	want := `sim: "founded" is not an Origin; allowed: "client", "indigenous", "imposed", "bilateral"`
	if err := o.UnmarshalText([]byte("founded")); err == nil || err.Error() != want || o != OriginClient {
		t.Errorf("reading founded as an origin: %v, origin %v; want %s and the origin kept client", err, o, want)
	}
}

// roundTrip checks that each of an enumeration's n values is read back as
// itself from the name it writes.
func roundTrip[T interface {
	~int
	MarshalText() ([]byte, error)
}, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, name string, n int) {
	t.Helper()
	for i := range n {
		v := T(i)
		b, err := v.MarshalText()
		if err != nil {
			t.Errorf("%s %d: %v", name, i, err)
			continue
		}
		var back T
		if err := P(&back).UnmarshalText(b); err != nil || back != v {
			t.Errorf("%s %d written as %q, read back as %d, %v", name, i, b, int(back), err)
		}
	}
}

// Every value of every enumeration is read back as itself from the name it
// writes, each by its own table: an enumeration reading another's names
// (an origin read as an entry, say) fails here.
func TestEnumRoundTrip(t *testing.T) {
	roundTrip[EventType](t, "EventType", len(eventTypeNames))
	roundTrip[Proposal](t, "Proposal", len(proposalNames))
	roundTrip[Kind](t, "Kind", len(kindNames))
	roundTrip[Origin](t, "Origin", len(originNames))
	roundTrip[EndCause](t, "EndCause", len(endCauseNames))
	roundTrip[Entry](t, "Entry", len(entryNames))
	roundTrip[Exit](t, "Exit", len(exitNames))
}
