package configs

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// overlayBase has three states (c is an adversary drawn on the map, with a
// rough cell), a stake in b and grievances that name c, and events with
// and without ids.
const overlayBase = `[scenario]
name = "base"
start = "1950-01"
ticks = 24

[theater]
map = """
~~AA..BBCC
~~AA..BBCC
"""
rough = """
.......^^.
..........
"""

[[states]]
id = "a"
role = "patron"
glyph = "A"
stakes = { b = 1.0 }

[[states]]
id = "b"
role = "client"
glyph = "B"
grievance = { c = 0.2, a = 0.1 }

[[states]]
id = "c"
role = "adversary"
glyph = "C"
revisionism = 0.5

[[events]]
id = "war"
tick = 2
kind = "occupy"
actor = "c"
target = "b"
fraction = 0.5

[[events]]
id = "scare"
tick = 1
kind = "intent"
actor = "a"
target = "b"
delta = 0.3
note = "scare"

[[events]]
tick = 4
kind = "sovereignty"
actor = "b"
sovereign = false
`

// overlay writes overlayBase as base.toml and src as child.toml beside it,
// and parses the child.
func overlay(t *testing.T, src string) (*sim.Scenario, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "base.toml"), []byte(overlayBase), 0o644); err != nil {
		t.Fatal(err)
	}
	child := filepath.Join(dir, "child.toml")
	if err := os.WriteFile(child, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return LoadFile(child)
}

// overlayErr parses an overlay that must fail with a message naming the
// child, the line and the key.
func overlayErr(t *testing.T, src string, line int, key, message string) {
	t.Helper()
	_, err := overlay(t, src)
	if err == nil {
		t.Fatalf("overlay accepted:\n%s", src)
	}
	for _, e := range err.(Errors) {
		if strings.HasSuffix(e.File, "child.toml") && e.Line == line && e.Key == key && strings.Contains(e.Msg, message) {
			return
		}
	}
	t.Fatalf("want child.toml:%d: %s: …%s…; got\n%v", line, key, message, err)
}

func eventIDs(sc *sim.Scenario) []string {
	var ids []string
	for _, e := range sc.Events {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestDropEvents(t *testing.T) {
	sc, err := overlay(t, "extends = \"base.toml\"\ndrop_events = [\"war\", \"scare\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Events) != 1 || sc.Events[0].Kind != sim.ScriptSovereignty {
		t.Fatalf("events %+v", sc.Events)
	}
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"peace\"]\n", 2, "drop_events", `"peace" names no event of the base; allowed: war, scare`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"war\", \"war\"]\n", 2, "drop_events", `"war" is listed twice`)
	// An id of a list written one per line is pointed at on its own line.
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\n  \"war\",\n  \"peace\",  # not in the base\n]\n", 4, "drop_events", `"peace" names no event of the base`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\n  \"war\",\n  \"war\",\n]\n", 4, "drop_events", `"war" is listed twice`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = \"war\"\n", 2, "drop_events", `"war" is a string; allowed: an array of event ids`)
	// An element that is not a string does not hide the others' problems.
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"peace\", 3]\n", 2, "drop_events", `3 is an integer; allowed: an array of event ids`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"peace\", 3]\n", 2, "drop_events", `"peace" names no event of the base`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"war\"]\n[[events]]\nid = \"war\"\ntick = 3\nkind = \"intent\"\nactor = \"c\"\ndelta = 0.1\n",
		4, "events[0].id", `event "war" is dropped by drop_events (line 2)`)
}

// An event with a base event's id replaces it wholesale, not key by key;
// a new id, or none, appends.
func TestReplaceEvent(t *testing.T) {
	sc, err := overlay(t, `extends = "base.toml"
[[events]]
id = "scare"
tick = 1
kind = "intent"
actor = "c"
delta = 0.1

[[events]]
id = "later"
tick = 1
kind = "intent"
actor = "a"
delta = -0.1

[[events]]
tick = 3
kind = "capability"
actor = "b"
land = 2
`)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := eventIDs(sc), []string{"scare", "later", "war", "", ""}; !reflect.DeepEqual(got, want) {
		t.Fatalf("event order %q, want %q", got, want)
	}
	want := sim.ScriptedEvent{ID: "scare", Tick: 1, Kind: sim.ScriptIntent, Actor: "c", Delta: 0.1, Fraction: 1}
	if sc.Events[0] != want {
		t.Errorf("replaced event %+v, want %+v (no target, no note: not a patch)", sc.Events[0], want)
	}
	overlayErr(t, "extends = \"base.toml\"\n[[events]]\nid = \"war\"\ntick = 3\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n[[events]]\nid = \"war\"\ntick = 5\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n",
		9, "events[1].id", `duplicate event id "war" (first at line 3)`)

	// An event written to patch the base's, as a state would be, lacks
	// the keys it meant to keep: the message says they are not kept, and
	// names the base's event. An event of a new id says nothing of it.
	overlayErr(t, "extends = \"base.toml\"\n[[events]]\nid = \"war\"\ndelta = 0.5\n", 2, "events[0]",
		"event without actor; allowed: actor = a state id (an event with the id of a base event replaces it wholesale: the keys it leaves out are not taken from ")
	_, err = overlay(t, "extends = \"base.toml\"\n[[events]]\nid = \"new\"\ndelta = 0.5\n")
	if err == nil || !strings.Contains(err.Error(), "event without actor; allowed: actor = a state id") || strings.Contains(err.Error(), "wholesale") {
		t.Errorf("a new event without actor: %v", err)
	}
}

func TestDropStates(t *testing.T) {
	sc, err := overlay(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\ndrop_events = [\"war\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	// An id of a list written one per line is pointed at on its own line,
	// and so is a dropped state an event of the base still names.
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"war\"]\ndrop_states = [\n  \"z\",\n  \"c\",\n  \"z\",\n]\n", 4, "drop_states", `"z" names no state of the base`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"war\"]\ndrop_states = [\n  \"c\",\n  \"c\",\n]\n", 5, "drop_states", `"c" is listed twice`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\n  \"b\",\n  \"c\",\n]\n", 4, "drop_states", `"c" is dropped but event "war"`)
	// Every state dropped is said at drop_states, not as a file with no
	// states at no line.
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"war\", \"scare\", \"peace\"]\ndrop_states = [\"a\", \"b\", \"c\"]\n", 3, "drop_states",
		"drops every state of the base; allowed: at least one state kept, or [[states]] tables of the file's own")
	if len(sc.States) != 2 || sc.Index("c") >= 0 {
		t.Fatalf("states %+v", sc.States)
	}
	if !reflect.DeepEqual(sc.States[0].Stakes, map[string]float64{"b": 1}) || !reflect.DeepEqual(sc.States[1].Grievance, map[string]float64{"a": 0.1}) {
		t.Errorf("stakes %v, grievance %v: entries naming c must go", sc.States[0].Stakes, sc.States[1].Grievance)
	}
	// A rough overlay drawn as a copy of the map loses the dropped
	// state's glyph too, as the map does.
	dir := t.TempDir()
	copied := strings.Replace(overlayBase, ".......^^.\n..........", "~~AA...^^C\n~~AA..BBCC", 1)
	os.WriteFile(filepath.Join(dir, "base.toml"), []byte(copied), 0o644)
	os.WriteFile(filepath.Join(dir, "child.toml"), []byte("extends = \"base.toml\"\ndrop_states = [\"c\"]\ndrop_events = [\"war\"]\n"), 0o644)
	if _, err := LoadFile(filepath.Join(dir, "child.toml")); err != nil {
		t.Errorf("dropping c under a rough overlay copied from the map: %v", err)
	}
	// A dropped client takes the patron's stake in it with it.
	dir = t.TempDir()
	withD := strings.Replace(strings.Replace(overlayBase, "~~AA..BBCC\n~~AA..BBCC", "~~AA.DBBCC\n~~AA..BBCC", 1),
		"stakes = { b = 1.0 }", "stakes = { b = 1.0, d = 0.5 }\n\n[[states]]\nid = \"d\"\nrole = \"client\"\nglyph = \"D\"", 1)
	os.WriteFile(filepath.Join(dir, "base.toml"), []byte(withD), 0o644)
	os.WriteFile(filepath.Join(dir, "child.toml"), []byte("extends = \"base.toml\"\ndrop_states = [\"d\"]\n"), 0o644)
	if sc, err := Load(filepath.Join(dir, "child.toml")); err != nil || !reflect.DeepEqual(sc.States[0].Stakes, map[string]float64{"b": 1}) {
		t.Errorf("dropping client d: %v, stakes %v", err, sc.States[0].Stakes)
	}
	if want := "~~AA..BB..\n~~AA..BB..\n"; sc.Map != want {
		t.Errorf("map %q, want %q", sc.Map, want)
	}
	g, err := sc.Grid()
	if err != nil {
		t.Fatal(err)
	}
	if g.Terrain[8] != theater.Rough || g.Terrain[9] != theater.Land || g.Owner[8] != theater.NoOwner || g.Owner[9] != theater.NoOwner {
		t.Errorf("c's rough cell must stay rough and unowned: terrain %v owner %v", g.Terrain[:10], g.Owner[:10])
	}
	if len(sc.Events) != 2 {
		t.Errorf("events %+v", sc.Events)
	}

	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"zz\", true]\n", 2, "drop_states", `"zz" names no state of the base`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"zz\", true]\n", 2, "drop_states", `true is a boolean; allowed: an array of state ids`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\n", 2, "drop_states", `"c" is dropped but event "war" (`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\n", 2, "drop_states", `allowed: drop that event too, drop_events = ["war"]`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"b\"]\ndrop_events = [\"war\", \"scare\"]\n", 2, "drop_states",
		`"b" is dropped but events[2] (`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"b\"]\ndrop_events = [\"war\", \"scare\"]\n", 2, "drop_states",
		"has no id; allowed: give that event an id and drop it too")
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"z\"]\n", 2, "drop_states", `"z" names no state of the base; allowed: a, b, c`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\ndrop_events = [\"war\"]\n[[states]]\nid = \"c\"\nland = 1\n", 5, "states[0].id",
		`state "c" is dropped by drop_states (line 2); allowed: drop a state or patch it, not both`)
	// A replacement that no longer names the dropped state is fine.
	sc, err = overlay(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\n[[events]]\nid = \"war\"\ntick = 2\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n")
	if err != nil || len(sc.Events) != 3 {
		t.Fatalf("replacement of an event naming a dropped state: %v", err)
	}
}

func TestDropNeedsExtends(t *testing.T) {
	list := parseErrors(t, "drop_events = [\"x\"]\ndrop_states = [\"a\"]\n"+base)
	var keys []string
	for _, e := range list {
		if strings.Contains(e.Msg, "needs extends") {
			keys = append(keys, e.Key)
		}
	}
	if !reflect.DeepEqual(keys, []string{"drop_events", "drop_states"}) || !strings.Contains(list.Error(), "s.toml:1: drop_events: drop_events needs extends") {
		t.Errorf("errors %v", list)
	}
}

// A file without states or extends whose drop_states drops from no base
// is told it has no states, not that it dropped a base's every state.
func TestDropStatesWithoutABase(t *testing.T) {
	list := parseErrors(t, "drop_states = [\"a\"]\n[scenario]\nname = \"x\"\n")
	if got := list.Error(); !strings.Contains(got, "s.toml: states: no states; allowed: at least one [[states]] table") ||
		!strings.Contains(got, "drop_states needs extends") || strings.Contains(got, "drops every state") {
		t.Errorf("errors:\n%v", got)
	}
}

// The Korean War can be taken out of asia-1950 by its event ids.
func TestDropKoreanWar(t *testing.T) {
	src := `extends = "asia-1950"
drop_events = ["korean-war-invasion", "korean-war-prc-backer", "korean-war-seoul-falls", "korean-war-inchon",
  "korean-war-prc-intervention", "korean-war-armistice-prc", "korean-war-armistice-dprk"]
`
	sc, err := Parse("cf.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := Builtin("asia-1950")
	if len(sc.Events) != len(orig.Events)-7 {
		t.Fatalf("%d events left of %d", len(sc.Events), len(orig.Events))
	}
	for _, e := range sc.Events {
		if strings.HasPrefix(e.ID, "korean-war") {
			t.Errorf("%s left", e.ID)
		}
	}
}

// An overlay that shortens the run puts a base event out of it: the error
// stands at the base's event and names the overlay's key that moved the
// horizon.
func TestOverlayNamesTheKeyThatMovedTheCalendar(t *testing.T) {
	_, err := overlay(t, "extends = \"base.toml\"\n[scenario]\nticks = 3\n")
	list, ok := err.(Errors)
	if !ok || len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	e := list[0]
	if !strings.HasSuffix(e.File, "base.toml") || e.Line != 52 || e.Key != "events[2].tick" ||
		!strings.HasPrefix(e.Msg, "tick 4 is after the horizon (the horizon is set at ") || !strings.Contains(e.Msg, "child.toml:3); allowed: 0 to 2") {
		t.Errorf("got %s:%d: %s: %s", e.File, e.Line, e.Key, e.Msg)
	}
}

func TestSetElsewhere(t *testing.T) {
	at := Loc{File: "base.toml", Line: 40}
	for _, c := range []struct {
		set  Loc
		want string
	}{
		{Loc{File: "base.toml", Line: 4}, ""},
		{Loc{}, ""},
		{Loc{File: "child.toml", Line: 3}, " (the start is set at child.toml:3)"},
		{Loc{File: "(set scenario.start)", Line: 2}, " (the start is set by scenario.start)"},
		{Loc{File: "(set scenario.start, params.sea_cost)", Line: 2, Key: "scenario.start"}, " (the start is set by scenario.start)"},
		{Loc{File: "sweep.toml (point 4)", Line: 3}, " (the start is set by point 4 of sweep.toml)"},
	} {
		if got := setElsewhere("the start", c.set, at); got != c.want {
			t.Errorf("%+v: %q, want %q", c.set, got, c.want)
		}
	}
}

// A state an overlay adds with a glyph the base's map never draws is
// reported at the overlay's glyph, where it can be fixed; a glyph that
// is another state's is reported once, as a duplicate.
func TestOverlayGlyphNotDrawn(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"d\"\nrole = \"client\"\nglyph = \"D\"\n", 5, "states[0].glyph",
		`no cell of the map has "d"'s glyph "D"; allowed: a glyph drawn on at least one cell of the map`)
	_, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"d\"\nrole = \"client\"\nglyph = \"B\"\n")
	if list, ok := err.(Errors); !ok || len(list) != 1 || !strings.Contains(list[0].Msg, "is already the glyph of") {
		t.Errorf("a duplicate glyph: want one error, got %v", err)
	}
}

// A relative extends that cannot be read says which file was tried: the
// path is read from the directory of the file that gives it, not the
// working directory; an absolute one is read as given.
func TestExtendsNamesTheFileTried(t *testing.T) {
	dir := t.TempDir()
	child := filepath.Join(dir, "sub", "child.toml")
	os.MkdirAll(filepath.Dir(child), 0o755)
	for _, c := range []struct{ ref, want string }{
		{"base.toml", `cannot read "base.toml" (read as ` + filepath.Join(dir, "sub", "base.toml") + `: a relative path is read from the directory of the file that gives it): no such file or directory`},
		{filepath.Join(dir, "base.toml"), `cannot read "` + filepath.Join(dir, "base.toml") + `": no such file or directory`},
	} {
		os.WriteFile(child, []byte("extends = \""+c.ref+"\"\n"), 0o644)
		if _, err := LoadFile(child); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("extends %s: %v\nwant …%s…", c.ref, err, c.want)
		}
	}
}

// An overlay that changes a state's glyph leaves the base's map with
// cells of the old glyph: the error names the glyph the overlay set, at
// its line, as well as the map's first unknown cell.
func TestOverlayGlyphChanged(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nglyph = \"9\"\n", 4, "states[0].glyph",
		`no cell of the map has "b"'s glyph "9"; allowed: a glyph drawn on at least one cell of the map`)
}

// An overlay giving both a map and a generated theatre is refused, as a
// file without extends is: the merge would keep one and drop the other.
func TestOverlayMapAndGenerate(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\n[theater]\nmap = \"\"\"\nAABBCC\n\"\"\"\n[theater.generate]\nwidth = 10\nheight = 10\n", 6, "theater.generate",
		"both map and generate given; allowed: one of them")
}

// A key only a patron's strategy reads is refused on a client at the key
// that sets it; a patron made a client by an overlay leaves such keys
// behind, as it does its stakes, and keeps the rest of its table.
func TestPatronDecisionKeys(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\ndecision = { strategy = \"powerplay\" }\n", 4, "states[0].decision.strategy",
		`strategy is a patron's decision; "b" has role client; allowed: leave it out (the scenario's [decision] sets it for every patron), or role = "patron"`)
	base := strings.Replace(overlayBase, "stakes = { b = 1.0 }", "stakes = { b = 1.0 }\ndecision = { strategy = \"powerplay\", patience = 6, lambda = 3 }", 1)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "base.toml"), []byte(base), 0o644)
	child := filepath.Join(dir, "child.toml")
	os.WriteFile(child, []byte("extends = \"base.toml\"\n[[states]]\nid = \"a\"\nrole = \"client\"\n[[states]]\nid = \"b\"\nrole = \"patron\"\n"), 0o644)
	sc, err := LoadFile(child)
	if err != nil {
		t.Fatal(err)
	}
	if got := sc.States[0].Decision; len(got) != 1 || got["lambda"] != 3.0 {
		t.Errorf("the former patron's decision %v, want lambda 3 alone", got)
	}
}

// A patron that an overlay makes a client leaves its stakes behind (only
// patrons have stakes, and tables merge key by key, so nothing else could
// clear them); stakes the overlay gives it are still refused.
func TestOverlayPatronMadeClient(t *testing.T) {
	sc, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"a\"\nrole = \"client\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if a := sc.States[sc.Index("a")]; a.Role != sim.Client || len(a.Stakes) != 0 {
		t.Fatalf("a: role %v, stakes %v", a.Role, a.Stakes)
	}
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"a\"\nrole = \"client\"\nstakes = { b = 1 }\n", 5, "states[0].stakes.b", "only patrons have stakes")
	// A patron that stays one keeps its stakes.
	sc, err = overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"a\"\nrole = \"patron\"\n")
	if err != nil || len(sc.States[sc.Index("a")].Stakes) != 1 {
		t.Fatalf("%v", err)
	}
}

// A client made an adversary (or a patron) by an overlay leaves the
// stakes the base put in it behind: a patron's stakes are in clients only,
// and tables merge key by key, so nothing else could clear them. A stake
// the overlay itself puts in it is refused.
func TestOverlayClientMadeAdversary(t *testing.T) {
	sc, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nrole = \"adversary\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if a := sc.States[sc.Index("a")]; len(a.Stakes) != 0 {
		t.Fatalf("a's stakes %v: the stake in b, now an adversary, must go", a.Stakes)
	}
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"a\"\nstakes = { b = 2 }\n[[states]]\nid = \"b\"\nrole = \"adversary\"\n", 4, "states[0].stakes.b",
		`"b" is an adversary, and a patron's stakes are in clients; allowed: none (no client)`)
}

// A client made an adversary by an overlay leaves the base's sovereignty
// events of it behind, as its decision settings: nothing reads an
// adversary's sovereignty, and no event of the base could otherwise go
// with it (the base's event has no id to drop). Its other events stay, and
// a sovereignty event the overlay itself gives it is refused at its actor.
func TestOverlayClientMadeAdversaryLeavesItsSovereigntyEvents(t *testing.T) {
	sc, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nrole = \"adversary\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Events) != 2 || slices.ContainsFunc(sc.Events, func(e sim.ScriptedEvent) bool { return e.Kind == sim.ScriptSovereignty }) {
		t.Errorf("events %+v: want the base's occupation and scare, without b's sovereignty", sc.Events)
	}
	if sc, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nsovereign = false\n"); err != nil || len(sc.Events) != 3 {
		t.Errorf("b kept a client: %v, %d events; want the base's 3", err, len(sc.Events))
	}
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nrole = \"adversary\"\n[[events]]\ntick = 2\nkind = \"sovereignty\"\nactor = \"b\"\nsovereign = true\n", 8, "events[0].actor",
		`"b" is an adversary, whose sovereignty nothing reads (it signs nothing), so the event would change nothing; allowed: a client or a patron as actor`)
}

// An event of the overlay whose id names a base sovereignty event of the
// state it makes an adversary replaces that event in its place, as any
// event with a base event's id does: the base's event is left behind
// after the overlay's events are laid over, not before, where the
// overlay's event was appended after the base's of the same tick.
func TestOverlayMadeAdversaryReplacesItsSovereigntyEventInPlace(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"base.toml": overlayBase,
		"mid.toml": "extends = \"base.toml\"\n" +
			"[[events]]\nid = \"free\"\ntick = 2\nkind = \"sovereignty\"\nactor = \"b\"\nsovereign = true\n" +
			"[[events]]\nid = \"later\"\ntick = 2\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n",
		"child.toml": "extends = \"mid.toml\"\n[[states]]\nid = \"b\"\nrole = \"adversary\"\n" +
			"[[events]]\nid = \"free\"\ntick = 2\nkind = \"ideology\"\nactor = \"b\"\nideology = 0.5\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sc, err := LoadFile(filepath.Join(dir, "child.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := eventIDs(sc), []string{"scare", "war", "free", "later"}; !slices.Equal(got, want) {
		t.Errorf("events %q; want %q (free in its place, before later)", got, want)
	}
}

// A patron made an adversary leaves its stakes behind too (any role but
// patron has none).
func TestOverlayPatronMadeAdversary(t *testing.T) {
	sc, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"a\"\nrole = \"adversary\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if a := sc.States[sc.Index("a")]; a.Role != sim.Adversary || len(a.Stakes) != 0 {
		t.Fatalf("a: role %v, stakes %v", a.Role, a.Stakes)
	}
}

// drop_states lists each id once; an event the overlay itself writes that
// names a dropped state is checked as any event is (an unknown state at
// its actor), not reported as a base event left behind; drop_events over
// a base without event ids says there are none.
func TestDropRulesAndMessages(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"c\", \"c\"]\ndrop_events = [\"war\"]\n", 2, "drop_states",
		`"c" is listed twice; allowed: each state id once`)
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\ndrop_events = [\"war\"]\n[[events]]\ntick = 3\nkind = \"intent\"\nactor = \"c\"\ndelta = 0.1\n",
		7, "events[0].actor", `"c" is not a state in this scenario; allowed: a, b`)
	overlayErr(t, "extends = \"generic\"\ndrop_events = [\"x\"]\n", 2, "drop_events",
		`"x" names no event of the base; allowed: none (the base has no events with an id)`)
}

// In a chain of three files, a state added in the middle file whose glyph
// the base's map never draws is reported at the map, not at that glyph:
// the file being read (the last) set neither.
func TestGlyphNotDrawnInTheMiddleOfAChain(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"base.toml":   overlayBase,
		"middle.toml": "extends = \"base.toml\"\n[[states]]\nid = \"d\"\nrole = \"client\"\nglyph = \"D\"\n",
		"child.toml":  "extends = \"middle.toml\"\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := LoadFile(filepath.Join(dir, "child.toml"))
	list, ok := err.(Errors)
	if !ok || len(list) != 1 || filepath.Base(list[0].File) != "base.toml" || list[0].Line != 7 || list[0].Key != "theater.map" ||
		list[0].Msg != `no cell of the map has "d"'s glyph "D"; allowed: a glyph drawn on at least one cell of the map` {
		t.Fatalf("want one error at base.toml:7 theater.map naming d, got %v", err)
	}
}

// A state an overlay adds without a role is most likely a mistyped id of
// the base: the message names the base's ids as well as the roles.
func TestOverlayNewStateWithoutRole(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"bb\"\nland = 1\n", 2, "states[0]",
		`state "bb" is not a state of the base, and a new state needs a role; allowed: an id of the base to patch that state (a, b, c), or role = patron | client | adversary for a new one`)
}

// An adversary weighs no alliance, so decision settings given to one
// would change nothing and are refused where they are written; a client
// an overlay makes an adversary leaves behind those the base gave it
// (else no overlay could make it one), but not those the overlay gives.
func TestAdversaryHasNoDecisionSettings(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\n[[states]]\nid = \"c\"\ndecision = { lambda = 3 }\n", 4, "states[0].decision.lambda",
		`"c" is an adversary, which weighs no alliance, so its decision settings would change nothing; allowed: leave them out`)
	base, err := overlay(t, "extends = \"base.toml\"\n[[states]]\nid = \"b\"\nsovereign = false\ndecision = { lambda = 3 }\n")
	if err != nil {
		t.Fatal(err)
	}
	if b := base.States[base.Index("b")]; b.Sovereign || len(b.Decision) != 1 {
		t.Fatalf("the client b: sovereign %v, decision %v", b.Sovereign, b.Decision)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "base.toml"), []byte(overlayBase), 0o644)
	os.WriteFile(filepath.Join(dir, "mid.toml"), []byte("extends = \"base.toml\"\n[[states]]\nid = \"b\"\nsovereign = false\ndecision = { lambda = 3 }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "adv.toml"), []byte("extends = \"mid.toml\"\n[[states]]\nid = \"b\"\nrole = \"adversary\"\n"), 0o644)
	sc, err := LoadFile(filepath.Join(dir, "adv.toml"))
	if err != nil {
		t.Fatalf("a client made an adversary over its own settings: %v", err)
	}
	if b := sc.States[sc.Index("b")]; b.Role != sim.Adversary || len(b.Decision) != 0 {
		t.Errorf("b made an adversary: role %v, decision %v; want its settings left behind", b.Role, b.Decision)
	}
	os.WriteFile(filepath.Join(dir, "adv2.toml"), []byte("extends = \"mid.toml\"\n[[states]]\nid = \"b\"\nrole = \"adversary\"\ndecision = { gamma = 0.5 }\n"), 0o644)
	if _, err := LoadFile(filepath.Join(dir, "adv2.toml")); err == nil || !strings.Contains(err.Error(), `adv2.toml:5: states[0].decision.gamma: "b" is an adversary`) {
		t.Errorf("an overlay's own decision settings for the adversary it makes: %v", err)
	}
}

// An id of drop_states that the line index does not place (it follows a
// multi-line string, after which the indexer follows nothing) is named
// at the line of drop_states, not at line 0.
func TestDropStatesUnindexedElementAtKeyLine(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\ndrop_states = [\"\"\"\nzz\"\"\", \"yy\"]\n", 2, "drop_states", `"yy" names no state of the base`)
}

// An event that the overlay both drops and replaces by its id is refused
// at the replacement's id, with what is allowed in full.
func TestDropAndReplaceEventMessage(t *testing.T) {
	overlayErr(t, "extends = \"base.toml\"\ndrop_events = [\"scare\"]\n[[events]]\nid = \"scare\"\ntick = 1\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n",
		4, "events[0].id", `event "scare" is dropped by drop_events (line 2); allowed: drop it, or replace it by an event with its id, not both`)
}

// A base event that names a dropped state is reported once, at
// drop_states, and left out: its actor, no longer a state, is not
// reported again as unknown. Dropping c leaves "war" (actor c) behind:
// one error.
func TestDroppedStateEventReportedOnce(t *testing.T) {
	_, err := overlay(t, "extends = \"base.toml\"\ndrop_states = [\"c\"]\n")
	list, ok := err.(Errors)
	if !ok || len(list) != 1 || list[0].Key != "drop_states" || !strings.Contains(list[0].Msg, `"c" is dropped but event "war"`) {
		t.Fatalf("want one error at drop_states for event war; got\n%v", err)
	}
}
