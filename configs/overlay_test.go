package configs

import (
	"strings"
	"testing"
)

// SetPath changes exactly the path it names, through the checks of a file.
func TestSetPath(t *testing.T) {
	sc, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := Format(sc)
	for _, c := range []struct {
		path  string
		value any
		check func() bool
	}{
		{"params.sea_cost", 5.5, func() bool { return sc.Params.SeaCost == 5.5 }},
		{"states.c1.revisionism", 0.4, func() bool { return sc.States[sc.Index("c1")].Revisionism == 0.4 }},
		{"decision.strategy", "powerplay", func() bool { return decisionOf(t, sc, "patron").Strategy == "powerplay" }},
		{"theater.generate.seed", 3.0, func() bool { return sc.Generate.Seed == 3 }},
		{"scenario.ticks", 480.0, func() bool { return sc.Ticks == 480 }},
	} {
		if err := SetPath(sc, c.path, c.value); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if !c.check() {
			t.Errorf("%s = %v did not take", c.path, c.value)
		}
	}
	after, _ := Format(sc)
	changed := 0
	b, a := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	for i := range b {
		if i < len(a) && a[i] != b[i] {
			changed++
		}
	}
	if len(a) != len(b) || changed != 5 { // one line per path: the states inherit the strategy
		t.Errorf("%d lines changed, want 5:\n%s", changed, after)
	}
	for _, bad := range []struct {
		path  string
		value any
		want  string
	}{
		{"params.sea_cost", -1.0, "params.sea_cost"},
		{"params.no_such", 1.0, "names no parameter"},
		{"states.c1.revisionism", "high", "allowed"},
		{"states.nobody.land", 1.0, "nobody"},
		{"scenario.ticks", 2.5, "whole"},
	} {
		err := SetPath(sc, bad.path, bad.value)
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s = %v: want an error mentioning %q, got %v", bad.path, bad.value, bad.want, err)
		}
	}
	if again, _ := Format(sc); string(again) != string(after) {
		t.Error("a refused SetPath changed the scenario")
	}
}
