package configs

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// A file of many events, each with an unknown key, is reported once per
// event (it used to be once per event per event: 9 million errors, 39 s
// and 3.5 GB for 3,000 events) and the report is capped: the first 100
// errors, sorted by line, then a count of the rest.
func TestUnknownKeysLinearAndCapped(t *testing.T) {
	const n = 300
	var b strings.Builder
	b.WriteString(base)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\n[[events]]\ntick = 1\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\ncolour = %d\n", i)
	}
	_, err := Parse("s.toml", []byte(b.String()))
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("want Errors, got %v", err)
	}
	if len(list) != 101 || list.Total() != n {
		t.Fatalf("want 100 errors and a count of %d more, got %d listed of %d", n-100, len(list), list.Total())
	}
	first := base + "\n[[events]]\ntick = 1\nkind = \"intent\"\nactor = \"a\"\ndelta = 0.1\n"
	if e := list[0]; e.Key != "events[0].colour" || e.Line != strings.Count(first, "\n")+1 || !strings.Contains(e.Msg, "unknown key; allowed: id, at, tick") {
		t.Errorf("first error %v", e)
	}
	if last := list[100]; last.Omitted != n-100 || last.Line != 0 || !strings.Contains(last.Error(), "200 more errors not shown") {
		t.Errorf("last entry %q", last.Error())
	}

	var x strings.Builder
	x.WriteString("scenario = \"generic\"\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&x, "[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\nstride = %d\n", i)
	}
	_, err = ParseExperiment("x.toml", []byte(x.String()))
	if !errors.As(err, &list) || list.Total() < n || len(list) != 101 || list[0].Key != "vary[0].stride" || list[0].Line != 5 ||
		!strings.Contains(list[0].Msg, "allowed: path, values, from, to, steps") {
		t.Fatalf("experiment: want capped errors starting at vary[0].stride, got %d of %d: %v", len(list), list.Total(), list[0])
	}
}

// An error without a line prints none (not ":0"), and one without a key
// no key; a list's Total counts an entry that omits none as one error.
func TestErrorWithoutLineOrKey(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{File: "s.toml", Key: "states", Msg: "no states"}, "s.toml: states: no states"},
		{Error{File: "s.toml", Line: 3, Msg: "bad"}, "s.toml:3: bad"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
	list := Errors{{File: "s.toml", Line: 1, Msg: "a"}, {File: "s.toml", Line: 2, Msg: "b"}}
	if n := list.Total(); n != 2 {
		t.Errorf("Total of two errors: %d", n)
	}
}

// The errors kept are the first MaxErrors by file, line and key, then
// the order found, whatever order they were found in: 200 errors at lines
// 1 to 200 found in a scrambled order (37 is prime to 200) keep lines 1
// to 100, two errors at one line come by key, and two at one key in the
// order found.
func TestErrsKeepTheFirst(t *testing.T) {
	var e errs
	for i := range 200 {
		line := i*37%200 + 1
		e.at(Loc{File: "s.toml", Line: line, Key: "k"}, "line %d", line)
	}
	list := e.err().(Errors)
	if len(list) != MaxErrors+1 || list.Total() != 200 || list[MaxErrors].Omitted != 100 {
		t.Fatalf("%d listed of %d", len(list), list.Total())
	}
	for i, x := range list[:MaxErrors] {
		if x.Line != i+1 || x.Msg != fmt.Sprintf("line %d", i+1) {
			t.Fatalf("entry %d: %v, want line %d", i, x, i+1)
		}
	}
	var f errs
	for _, x := range []struct{ key, msg string }{{"b", "first"}, {"a", "second"}, {"c", "third"}, {"c", "fourth"}, {"c", "fifth"}} {
		f.at(Loc{File: "s.toml", Line: 1, Key: x.key}, "%s", x.msg)
	}
	var got []string
	for _, x := range f.err().(Errors) {
		got = append(got, x.Key+" "+x.Msg)
	}
	if want := "a second, b first, c third, c fourth, c fifth"; strings.Join(got, ", ") != want {
		t.Errorf("order %q, want %q", strings.Join(got, ", "), want)
	}
	// Many at two keys, found alternately: each key's in the order found.
	var g errs
	for i := range 40 {
		g.at(Loc{File: "s.toml", Line: 1, Key: "z"}, "z%02d", i)
		g.at(Loc{File: "s.toml", Line: 1, Key: "k"}, "k%02d", i)
	}
	for i, x := range g.err().(Errors) {
		want := fmt.Sprintf("k%02d", i)
		if i >= 40 {
			want = fmt.Sprintf("z%02d", i-40)
		}
		if x.Msg != want {
			t.Fatalf("entry %d: %q, want %q", i, x.Msg, want)
		}
	}
}

// The list kept is the first MaxErrors whatever the order: errors at
// lines 2, 3, 4, then 101, then 5 to 100 (100 in all), then one at line
// 1, keep lines 1 to 100 and count line 101, the last by line, as left
// out, though it was found early and many after it.
func TestErrsKeepTheFirstFoundLast(t *testing.T) {
	var e errs
	lines := []int{2, 3, 4, MaxErrors + 1}
	for line := 5; line <= MaxErrors; line++ {
		lines = append(lines, line)
	}
	for _, line := range append(lines, 1) {
		e.at(Loc{File: "s.toml", Line: line}, "line %d", line)
	}
	list := e.err().(Errors)
	if len(list) != MaxErrors+1 || list[MaxErrors].Omitted != 1 {
		t.Fatalf("%d listed of %d", len(list), list.Total())
	}
	for i, x := range list[:MaxErrors] {
		if x.Line != i+1 {
			t.Fatalf("entry %d at line %d, want %d", i, x.Line, i+1)
		}
	}
}

// TOML keys are case-sensitive and every key is documented in lower case;
// the decoder would place Ticks in ticks, so that a file writing both had
// one silently dropped (runs = 50 then Runs = 2 ran 2 per point), and an
// error about the value lost its line. A key that matches only in another
// case is unknown, named at its line with the key it differs from.
func TestKeysAreCaseSensitive(t *testing.T) {
	cases := []errorCase{
		{"both cases", strings.Replace(base, "ticks = 24", "ticks = 24\nTicks = 12", 1), 6, "scenario.Ticks", "unknown key; allowed: name, description, start, tick, ticks (keys are case-sensitive: ticks)"},
		{"state key", strings.Replace(base, "land = 2", "LAND = 2", 1), 17, "states[0].LAND", "unknown key; allowed: id, name, role, glyph, land"},
		{"table", strings.Replace(base, "[scenario]", "[Scenario]", 1), 1, "Scenario", "unknown key; allowed: extends, drop_events, drop_states, scenario"},
		{"parameter", base + "[params]\nSEA_COST = 1\n", 24, "params.SEA_COST", "unknown parameter (keys are case-sensitive: sea_cost); allowed: rough_cost"},
		{"decision key", base + "[decision]\nStrategy = \"prospect\"\n", 24, "decision.Strategy", "unknown decision key (keys are case-sensitive: strategy); allowed: valuation"},
		{"decision key as a parameter", base + "[params]\nTemperature = 0.1\n", 24, "params.Temperature", "unknown parameter (keys are case-sensitive, and temperature is a decision key: set it in [decision], or in a state's decision table)"},
		{"parameter as a decision key", base + "[decision]\nSea_cost = 1\n", 24, "decision.Sea_cost", "unknown decision key (keys are case-sensitive, and sea_cost is a parameter, the same for every state: set it in [params])"},
		{"generated theatre", strings.Replace(base, "[theater]\nmap = \"\"\"\n~~AA..BB\n~~AA..BB\n\"\"\"", "[theater.Generate]\nwidth = 10\nheight = 10\nsea_fraction = 0.5\nislands = 1\nseed = 1", 1), 7, "theater.Generate", "(keys are case-sensitive: generate)"},
	}
	expectErrors(t, cases)

	for _, c := range []struct{ src, want string }{
		{"scenario = \"generic\"\nruns = 50\nRuns = 2\n", "x.toml:3: Runs: unknown key; allowed: scenario, runs, seed, design, samples, levels, candidates, base, points, chunk, events, vary (keys are case-sensitive: runs)"},
		{"scenario = \"generic\"\n[[vary]]\nPath = \"params.sea_cost\"\nvalues = [1]\n", "x.toml:3: vary[0].Path: unknown key; allowed: path, values"},
	} {
		_, err := ParseExperiment("x.toml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want …%s…, got %v", c.src, c.want, err)
		}
	}
}
