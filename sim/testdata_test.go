package sim

import (
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The states of testScenario, by index.
const (
	pat = iota
	c1
	c2
	c3
	adv
)

// A small theatre for mechanism tests: an adversary (A) on the left shares
// a land border with three clients (1, 2, 3) in a row; the patron (P) sits
// across a two-cell strait on the right.
//
//	AAAA1122233~~PP
//	AAAA1122233~~PP
//	AAAA1122233~~PP
const testMap = "AAAA1122233~~PP\nAAAA1122233~~PP\nAAAA1122233~~PP"

func testScenario() *Scenario {
	d := agents.DefaultDecision()
	d.Temperature = 0
	p := DefaultParams()
	p.PerceptionNoise = 0
	p.ChallengeRate = 0
	p.ProvokeRate = 0
	state := func(id string, role Role, glyph rune, land, naval, econ, rev, ideo float64) State {
		return State{ID: id, Name: id, Role: role, Glyph: glyph, Land: land, Naval: naval, Economy: econ,
			Revisionism: rev, Ideology: ideo, Sovereign: true}
	}
	return &Scenario{
		Name: "test", Calendar: Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, Ticks: 120,
		Map: testMap, Params: p, Decision: d,
		States: []State{
			state("pat", Patron, 'P', 6, 20, 10, 0, 1),
			state("c1", Client, '1', 1, 0, 1, 0, 0.8),
			state("c2", Client, '2', 1, 0, 1, 0, 0.8),
			state("c3", Client, '3', 1, 0, 1, 0, 0.8),
			state("adv", Adversary, 'A', 8, 2, 8, 0.8, -1),
		},
	}
}

// twinWorlds returns two worlds of testScenario with the same seed, each
// stepped once and holding a strong bilateral of the patron and c1: one to
// probe, one to compare its random stream with.
func twinWorlds(t testing.TB) (w, twin *World) {
	t.Helper()
	c := mustCompile(t, testScenario())
	w, twin = NewWorld(c, 7), NewWorld(c, 7)
	for _, x := range []*World{w, twin} {
		x.Step()
		x.form(set(pat, c1), true, OriginBilateral)
	}
	return w, twin
}

func mustCompile(t testing.TB, sc *Scenario) *Compiled {
	t.Helper()
	c, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func set(ids ...int) agents.Set {
	var s agents.Set
	for _, i := range ids {
		s = s.With(i)
	}
	return s
}
