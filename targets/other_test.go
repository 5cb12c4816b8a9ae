package targets

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

// builtin is a built-in scenario, or the test fails.
func builtin(t *testing.T, name string) *sim.Scenario {
	t.Helper()
	sc, err := configs.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// A counterfactual of a historical scenario with its cast and months is
// scored by its targets; one that lacks a state a target cannot be judged
// without, starts later or ends sooner, or another world, is refused
// with each target that fails and why, not scored as missing them. A
// state a target can be judged without (E1 needs two of the five) is no
// reason to refuse.
func TestCheckOther(t *testing.T) {
	asia, europe, generic := builtin(t, "asia-1950"), builtin(t, "europe-1947"), builtin(t, "generic")
	// text goes before [scenario], scenario its keys.
	counterfactual := func(base, text, scenario string) *sim.Scenario {
		t.Helper()
		sc, err := configs.Parse("cf.toml", []byte("extends = \""+base+"\"\n"+text+"[scenario]\nname = \"cf\"\n"+scenario))
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	if err := CheckOther(For("asia-1950"), counterfactual("asia-1950", "drop_events = [\"korean-war-invasion\"]\n", ""), asia); err != nil {
		t.Errorf("a counterfactual with asia-1950's cast and months: %v", err)
	}
	if err := CheckOther(For("europe-1947"), counterfactual("europe-1947", "drop_states = [\"lux\"]\n", ""), europe); err != nil {
		t.Errorf("europe-1947 without Luxembourg, which every target can be judged without: %v", err)
	}
	later := counterfactual("asia-1950", "", "")
	later.Calendar.StartYear = 1951 // a file cannot: asia-1950's events of 1950 would come before its start
	for _, c := range []struct {
		name string
		sc   *sim.Scenario
		of   string
		own  *sim.Scenario
		says []string
	}{
		{"without Australia", counterfactual("asia-1950", "drop_states = [\"aus\"]\n", ""), "asia-1950", asia,
			[]string{"cf cannot be scored against asia-1950's targets: it lacks what these targets name: A5 (no aus)"}},
		{"ending in 1960", counterfactual("asia-1950", "", "ticks = 132\n"), "asia-1950", asia,
			[]string{"it ends at 1960-12, before the last month these targets read: A7 to 1991-12, A8 to 1991-12"}},
		{"starting in 1951", later, "asia-1950", asia,
			[]string{"it starts at 1951-01, after asia-1950's start 1950-01, from which its targets read"}},
		{"generic", generic, "asia-1950", asia,
			[]string{"A1 (no aus, nzl, phl, jpn)", "A8 (no kor, twn)", "it starts at 2000-01", "allowed: a scenario with the states asia-1950's targets name, starting no later than 1950-01 and reaching 1991-12"}},
		{"asia-1950 by europe-1947's", asia, "europe-1947", europe,
			[]string{"E2 (2 of gbr, fra, bel, nld, lux, where the target needs 4)"}},
	} {
		err := CheckOther(For(c.of), c.sc, c.own)
		if err == nil {
			t.Errorf("%s: scored by %s's targets", c.name, c.of)
			continue
		}
		for _, want := range c.says {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: the refusal does not say %q:\n%v", c.name, want, err)
			}
		}
	}
}
