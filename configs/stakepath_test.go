package configs

import (
	"maps"
	"strings"
	"testing"
)

// states.ID.stakes.OTHER and states.ID.grievance.OTHER set one entry of a
// state's table and keep the others, as a file extending the scenario
// and naming that entry would.
func TestSetStakeAndGrievance(t *testing.T) {
	sc, err := Builtin("asia-1950")
	if err != nil {
		t.Fatal(err)
	}
	usa, aus := sc.Index("usa"), sc.Index("aus")
	stakes, grievance := maps.Clone(sc.States[usa].Stakes), maps.Clone(sc.States[aus].Grievance)
	if err := Apply(sc, []Assignment{{"states.usa.stakes.aus", 1.0}, {"states.aus.grievance.jpn", 0.9}}); err != nil {
		t.Fatal(err)
	}
	stakes["aus"], grievance["jpn"] = 1, 0.9
	if got := sc.States[usa].Stakes; !maps.Equal(got, stakes) {
		t.Errorf("the patron's stakes: %v, want %v", got, stakes)
	}
	if got := sc.States[aus].Grievance; !maps.Equal(got, grievance) {
		t.Errorf("Australia's grievance: %v, want %v", got, grievance)
	}
	// A new entry is added.
	if err := SetPath(sc, "states.aus.grievance.chn", 0.2); err != nil {
		t.Fatal(err)
	}
	if g := sc.States[aus].Grievance; g["chn"] != 0.2 || g["jpn"] != 0.9 {
		t.Errorf("Australia's grievance after adding chn: %v", g)
	}
	for _, c := range []struct {
		path  string
		value any
		want  string
	}{
		{"states.usa.stakes.zzz", 1.0, `states.usa.stakes.zzz: "zzz" is not another state's id; allowed: aus, fra, gbr, jpn, kor, nzl, pak, phl, tha, twn, vnm`},
		{"states.usa.stakes.usa", 1.0, `states.usa.stakes.usa: "usa" is not another state's id; allowed: aus, fra, gbr, jpn, kor, nzl, pak, phl, tha, twn, vnm`},
		{"states.jpn.stakes.aus", 1.0, `states.jpn.stakes.aus: only patrons have stakes; "jpn" has role client; allowed: no stakes, or role = "patron"`},
		{"states.usa.stakes.aus", -1.0, "states.usa.stakes.aus: -1 is out of range; allowed: a number in [0, 1000000]"},
		{"states.aus.grievance.jpn", 2.0, "states.aus.grievance.jpn: 2 is out of range; allowed: a number in [0, 1]"},
		{"states.xyz.stakes.aus", 1.0, `"states.xyz.stakes.aus" names no state of asia-1950`},
		{"states.usa.friends.aus", 1.0, `"states.usa.friends.aus" is not a path that can be varied; allowed: params.NAME, decision.KEY, states.ID.FIELD, states.ID.decision.KEY, states.ID.stakes.OTHER, states.ID.grievance.OTHER, theater.generate.FIELD, scenario.ticks`},
	} {
		before, _ := Format(sc)
		err := SetPath(sc, c.path, c.value)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s = %v: %v, want %s…", c.path, c.value, err, c.want)
		}
		if after, _ := Format(sc); string(after) != string(before) {
			t.Errorf("%s = %v: a refused path changed the scenario", c.path, c.value)
		}
	}
	a, err := ParseAssignment("states.usa.stakes.nzl=0.8")
	if err != nil || a.Path != "states.usa.stakes.nzl" || a.Value != 0.8 {
		t.Errorf("--set states.usa.stakes.nzl=0.8: %+v, %v", a, err)
	}
}

// A sweep varies a patron's stake like any other number.
func TestExperimentVariesAStake(t *testing.T) {
	x, err := ParseExperiment("x.toml", []byte(`scenario = "generic"
runs = 5
[[vary]]
path = "states.patron.stakes.c1"
values = [0.5, 2]
`))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.5, 2} {
		sc, err := x.ScenarioAt(i)
		if err != nil {
			t.Fatal(err)
		}
		s := sc.States[sc.Index("patron")].Stakes
		if s["c1"] != want || s["c2"] != 1 {
			t.Errorf("point %d: stakes %v, want c1 %v and c2 as built (1)", i, s, want)
		}
	}
}
