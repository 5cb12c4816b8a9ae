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
