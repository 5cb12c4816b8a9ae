package sim

import "github.com/alliancesim/alliancesim/agents"

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

// testScenario is the theatre of testMap, on which the hand-computed
// tests of the mechanisms of docs/model.md §7 (and of the reference point
// of §7.3 and the policy review of §7.13) run:
//
//	AAAA1122233~~PP    adv: columns 0-3, c1: 4-5, c2: 6-8, c3: 9-10,
//	AAAA1122233~~PP    sea: 11-12, pat: 13-14; three identical rows
//	AAAA1122233~~PP
//
// Entering land costs 1 and sea 3, so D(adv→c1) = 1, D(adv→c2) = 3,
// D(adv→c3) = 6, D(pat→c1) = 3+3+6 = 12, D(pat→c2) = 9, D(pat→c3) = 7,
// D(adv→pat) = D(pat→adv) = 14. The adversary and the clients share one
// landmass; the patron is across the strait, so it carries min(land,
// sealift·naval) = min(6, 0.5·20) = 6 over water. With range 20:
//
//	P(adv→c1) = 8·e^(−1/20)  = 7.609835396005712
//	P(pat→c1) = 6·e^(−12/20) = 3.292869816564158
//	P(c2→c1)  = 1·e^(−1/20)  = 0.951229424500714
//
// Forces: pat land 6, naval 20, economy 10; each client land 1, economy
// 1; adv land 8, naval 2, economy 8, revisionism 0.8. No rough: Def(c) =
// land_c + allied help. κ = 2, F₀ = 1, ε = 1e-6.
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

// pPatC1 is P(pat→c1) in testScenario, by hand: 6·e^(−0.6).
const pPatC1 = 3.292869816564158
