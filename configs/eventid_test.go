package configs

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

const twoEvents = `
[[events]]
id = "first-shock"
tick = 3
kind = "intent"
actor = "a"
delta = 0.2

[[events]]
id = "second_shock-2"
tick = 1
kind = "sovereignty"
actor = "b"
sovereign = false
`

// An event's id is carried into the scenario, whatever the order by tick.
func TestEventIDCarried(t *testing.T) {
	sc, err := Parse("s.toml", []byte(base+twoEvents))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Events) != 2 || sc.Events[0].ID != "second_shock-2" || sc.Events[1].ID != "first-shock" {
		t.Fatalf("events %+v", sc.Events)
	}
}

func TestEventIDErrors(t *testing.T) {
	cases := []errorCase{
		{"duplicate", base + twoEvents + "\n[[events]]\nid = \"first-shock\"\ntick = 2\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n",
			39, "events[2].id", `duplicate event id "first-shock" (first at line 25)`},
		{"capital", strings.Replace(base+twoEvents, `"first-shock"`, `"First"`, 1), 25, "events[0].id",
			`"First" is not a valid event id; allowed: lowercase letters, digits, - and _, starting with a letter`},
		{"leading digit", strings.Replace(base+twoEvents, `"first-shock"`, `"1st"`, 1), 25, "events[0].id", "starting with a letter"},
		{"not a string", strings.Replace(base+twoEvents, `"first-shock"`, `7`, 1), 25, "events[0].id", "7 is an integer; allowed: an event id"},
		{"listed among allowed keys", base + twoEvents + "speed = 1\n", 37, "events[1].speed", "allowed: id, at, tick"},
	}
	expectErrors(t, cases)
}

// Every event of a built-in scenario has a stable id, so that overlays can
// drop or replace it.
func TestBuiltinEventIDs(t *testing.T) {
	want := map[string][]string{
		"asia-1950":   {"korean-war-invasion", "korean-war-inchon", "korean-war-armistice-dprk", "geneva-settlement", "japan-sovereignty"},
		"europe-1947": {"czech-coup", "berlin-blockade", "paris-agreements-sovereignty"},
	}
	for _, name := range BuiltinNames() {
		sc, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for i, ev := range sc.Events {
			if sim.CheckEventID(ev.ID) != nil {
				t.Errorf("%s: event %d (%s) has id %q", name, i, ev.Note, ev.ID)
			}
			have[ev.ID] = true
		}
		for _, id := range want[name] {
			if !have[id] {
				t.Errorf("%s lacks event %s", name, id)
			}
		}
	}
}
