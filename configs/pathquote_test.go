package configs

import (
	"strings"
	"testing"
)

// A path with a quoted part, or spaces, as a TOML dotted key may be
// written, is refused naming the bare path it spells (it was taken as a
// state "\"c1\"" the scenario lacks, or as no path at all), by --set, an
// experiment's [[vary]] path and a points file's header alike; a path
// that spells no bare path says what one is. The bare paths are read.
func TestSpelledPathsAreRefusedNamingTheBarePath(t *testing.T) {
	for _, c := range []struct{ set, want string }{
		{`states."c1".land=3`, `"states.\"c1\".land" has a quoted part; allowed: states.c1.land, its parts written bare (ids and keys are bare words)`},
		{`states.'c1'.land=3`, `"states.'c1'.land" has a quoted part; allowed: states.c1.land, its parts written bare (ids and keys are bare words)`},
		{`"params".sea_cost=3`, `"\"params\".sea_cost" has a quoted part; allowed: params.sea_cost, its parts written bare (ids and keys are bare words)`},
		{`states.usa.stakes."aus"=0.5`, `"states.usa.stakes.\"aus\"" has a quoted part; allowed: states.usa.stakes.aus, its parts written bare (ids and keys are bare words)`},
		{`states . c1 . land=3`, `"states . c1 . land" has spaces; allowed: states.c1.land, its parts written bare (ids and keys are bare words)`},
		{`params."nope"=3`, `"params.\"nope\"" has a quoted part, and written bare, params.nope names no parameter; allowed: params.`},
		{`states."c.1".land=3`, `"states.\"c.1\".land" has a quoted part; allowed: a path of bare words joined by dots alone (ids and keys are bare words), e.g. params.sea_cost or states.ID.land`},
		{`states."c1.land=3`, `"states.\"c1.land" has a quoted part; allowed: a path of bare words joined by dots alone`},
		{`states."c1"=3`, `"states.\"c1\"" has a quoted part, and written bare, states.c1 is not a path that can be varied`},
	} {
		_, err := ParseAssignment(c.set)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("--set %s: %v\nwant %s…", c.set, err, c.want)
		}
	}
	for _, set := range []string{"states.c1.land=3", "params.sea_cost=3", "states.usa.stakes.aus=0.5"} {
		if _, err := ParseAssignment(set); err != nil {
			t.Errorf("--set %s: %v", set, err)
		}
	}
	experimentErr(t, "scenario = \"generic\"\n[[vary]]\npath = 'states.\"c1\".land'\nvalues = [1, 2]\n", 3, "vary[0].path",
		`"states.\"c1\".land" has a quoted part; allowed: states.c1.land`)
	x, _, err := writeDesign(t, "\"states.\"\"c1\"\".land\"\n1\n")
	if err == nil || !strings.Contains(err.Error(), `column 1: "states.\"c1\".land" has a quoted part; allowed: states.c1.land`) {
		t.Errorf("a points file's header with a quoted part: %v, %v", x, err)
	}
}
