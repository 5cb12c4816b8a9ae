package configs

import (
	"errors"
	"testing"
)

// A value where a table belongs, or one table where an array of tables
// does, is an error in our words at its line, saying what shape is
// allowed: not dropped without a word (a table of values met by a number)
// and not the decoder's words (a table of fixed keys met by anything else).
func TestWrongShapes(t *testing.T) {
	const (
		params   = "one table, [params], of parameter = value, e.g. sea_cost = 3"
		decision = `one table, [decision], of key = value, e.g. valuation = "prospect"`
		states   = `[[states]] tables, one per state, each with id = "…"`
	)
	for _, c := range []struct {
		src      string
		line     int
		key, msg string
	}{
		// tables of values, which the decoder dropped
		{"params = 3\n", 2, "params", "3 is an integer; allowed: " + params},
		{`decision = "prospect"` + "\n", 2, "decision", `"prospect" is a string; allowed: ` + decision},
		{"[[states]]\nid = \"patron\"\nstakes = [1, 2]\n", 4, "states[0].stakes", "an array; allowed: a table of state id = a number in [0, 1000000], e.g. stakes = { kor = 1 }"},
		{"[[states]]\nid = \"c1\"\ngrievance = 0.3\n", 4, "states[0].grievance", "0.3 is a number; allowed: a table of state id = a number in [0, 1], e.g. grievance = { kor = 0.3 }"},
		{"[[states]]\nid = \"c1\"\ndecision = \"expected_utility\"\n", 4, "states[0].decision", `"expected_utility" is a string; allowed: a table of decision key = value, e.g. decision = { valuation = "expected_utility" }`},
		{"[[states]]\nid = \"patron\"\nstakes = 5\n", 4, "states[0].stakes", "5 is an integer; allowed: a table of state id = a number in [0, 1000000], e.g. stakes = { kor = 1 }"},
		// [[params]] is an array of tables, whose keys used to be unknown
		// with an empty list of those allowed
		{"[[params]]\nsea_cost = 3\n", 2, "params", "an array of tables, [[params]]; allowed: " + params},
		{"[[decision]]\npatience = 3\n", 2, "decision", "an array of tables, [[decision]]; allowed: " + decision},
		// … and an inline array of tables, whose keys were unknown too
		{"params = [{ sea_cost = 1 }]\n", 2, "params", "an array; allowed: " + params},
		{"[[states]]\nid = \"patron\"\nstakes = [{ c1 = 1 }]\n", 4, "states[0].stakes", "an array; allowed: a table of state id = a number in [0, 1000000], e.g. stakes = { kor = 1 }"},
		// tables of fixed keys, where the decoder stopped in its own words
		{"[[scenario]]\nticks = 3\n", 2, "scenario", "an array of tables, [[scenario]]; allowed: one table, [scenario]"},
		{"theater = 5\n", 2, "theater", `5 is an integer; allowed: one table, [theater], with map = """…""" or a [theater.generate] table`},
		{"[theater]\ngenerate = 5\n", 3, "theater.generate", "5 is an integer; allowed: one table, [theater.generate], of width, height, sea_fraction, islands and seed"},
		{"[events]\ntick = 3\n", 2, "events", "a single table; allowed: [[events]] tables, one per event"},
		{"states = 5\n", 2, "states", "5 is an integer; allowed: " + states},
		{"[states.x]\nland = 3\n", 2, "states", "a single table; allowed: " + states},
		{"states = [1]\n", 2, "states[0]", "1 is an integer; allowed: " + states},
	} {
		_, err := Parse("s.toml", []byte("extends = \"generic\"\n"+c.src))
		var list Errors
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("%q: want one error, got\n%v", c.src, err)
			continue
		}
		if e := list[0]; e.File != "s.toml" || e.Line != c.line || e.Key != c.key || e.Msg != c.msg {
			t.Errorf("%q:\n got %v\nwant s.toml:%d: %s: %s", c.src, e, c.line, c.key, c.msg)
		}
	}
	// Every value of the wrong shape is named at once.
	list := parseErrors(t, "extends = \"generic\"\ntheater = 5\nstates = 5\n[[scenario]]\n")
	if len(list) != 3 || list[0].Key != "theater" || list[1].Key != "states" || list[2].Key != "scenario" {
		t.Errorf("want theater, states and scenario, got\n%v", list)
	}
	// An experiment's [[vary]] likewise.
	_, err := ParseExperiment("x.toml", []byte("scenario = \"generic\"\n[vary]\npath = \"params.sea_cost\"\n"))
	if err == nil || err.Error() != "x.toml:2: vary: a single table; allowed: [[vary]] tables, one per path" {
		t.Errorf("[vary]: %v", err)
	}
}

// Where the decoder stops at a table of the wrong shape ([scenario]
// written as a number), every other value of the wrong shape is named
// too, a table of values (params) among them.
func TestShapeErrorsNameTablesOfValues(t *testing.T) {
	list := parseErrors(t, "scenario = 3\nparams = 3\n")
	wantError(t, list, 1, "scenario", "3 is an integer; allowed: one table, [scenario]")
	wantError(t, list, 2, "params", "3 is an integer; allowed: one table, [params], of parameter = value, e.g. sea_cost = 3")
}
