package sim

import (
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// An ideology event moves its actor's ideology at its tick, and with it the
// intent read across every pair it belongs to (docs/model.md §7.2):
// intent = 1 − (1 − r)(1 − ψ·|Δideology|/2)(1 − g)(1 − m), ψ 0.3, no
// grievance or memory here (challenges are off).
//
// Before, adv at −1: c1 (0.8) reads 1 − 0.2·(1 − 0.3·1.8/2) = 0.854 into
// adv; pat (1) reads 1 − 0.2·(1 − 0.3) = 0.86; adv reads into c1 (r = 0)
// 0.3·1.8/2 = 0.27. After adv moves to 0.6: 1 − 0.2·(1 − 0.03) = 0.806,
// 1 − 0.2·(1 − 0.06) = 0.812, and 0.03.
func TestIdeologyEvent(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{{Tick: 2, Kind: ScriptIdeology, Actor: "adv", Ideology: 0.6}}
	c := mustCompile(t, sc)
	w := NewWorld(c, 1)
	n := c.n
	check := func(when string, c1adv, patadv, advc1 float64) {
		t.Helper()
		nearly(t, when+": c1's intent read into adv", w.hostile[c1*n+adv], c1adv, 1e-12)
		nearly(t, when+": pat's intent read into adv", w.hostile[pat*n+adv], patadv, 1e-12)
		nearly(t, when+": adv's intent read into c1", w.hostile[adv*n+c1], advc1, 1e-12)
	}
	w.Step()
	w.Step()
	check("ticks 0–1", 0.854, 0.86, 0.27)
	w.Step()
	check("tick 2", 0.806, 0.812, 0.03)
	if got := w.EventRecord(&w.events[len(w.events)-1]); got.Type != EventScripted || got.Actor != "adv" ||
		got.Script == nil || got.Script.Kind != "ideology" || got.Script.Ideology != 0.6 {
		t.Errorf("event recorded as %+v", got)
	}
	if c.ideology[adv] != -1 {
		t.Errorf("the event changed the compiled scenario: ideology %v", c.ideology[adv])
	}
}

// Clients of an imposed alliance hold only the commitment the patron asked
// of them (docs/model.md §7.9): each is the other's ally (friendly intent)
// but stands by it with weight 0, so neither its help nor its punishment
// counts, it never honours in a crisis, and in c1's appraisal it costs
// only its fear term and is not in the honour probability; the patron
// stands by both with h. In an alliance the clients built (indigenous)
// they stand by each other with h.
//
// W = {pat, c1, c2}, strong, cohesion 1. Help to c1 is
// Σ weight·P(j→c1): imposed, pat's only, 3.292869816564158; indigenous,
// plus c2's P(c2→c1) = 0.951229424500714, 4.244099241064872.
func TestImposedClientsStandByThePatronOnly(t *testing.T) {
	for _, tc := range []struct {
		origin   Origin
		c2, help float64
	}{
		{OriginImposed, 0, 3.292869816564158},
		{OriginIndigenous, 1, 4.244099241064872},
	} {
		sc := testScenario()
		sc.Params.OccupyCells = 0
		w := NewWorld(mustCompile(t, sc), 1)
		w.perceive()
		withCohesion(w, w.form(set(pat, c1, c2), true, tc.origin), 1)
		row := &w.ties[c1]
		if !row.allies.Has(c2) || !row.allies.Has(pat) {
			t.Errorf("%v: c1's allies %v, want pat and c2", tc.origin, row.allies)
		}
		nearly(t, tc.origin.String()+": c2's weight for c1", row.weight[c2], tc.c2, 0)
		nearly(t, tc.origin.String()+": pat's weight for c1", row.weight[pat], 1, 0)
		nearly(t, tc.origin.String()+": help to c1", w.help[c1], tc.help, 1e-12)
		// the hypothetical of the same alliance gives the same ties
		hyp := w.tiesUnder(c3, change{add: set(pat, c3, c2), h: 1, origin: tc.origin, drop: -1})
		nearly(t, tc.origin.String()+": hypothetical weight of c2 for c3", hyp.weight[c2], tc.c2, 0)
		honoured := 0
		for range 200 {
			from := len(w.events)
			w.challenge(adv, c1)
			for _, e := range w.events[from:] {
				if e.Type == EventChallenge && e.Others.Has(c2) {
					honoured++
				}
			}
		}
		if (honoured > 0) != (tc.c2 > 0) {
			t.Errorf("%v: c2 honoured %d of 200 crises of c1", tc.origin, honoured)
		}
		// what c1 weighs: c2 pledges nothing in an imposed alliance, so it
		// costs only its fear term and its coming is not in the honour
		// probability (docs/model.md §8.2 item 23)
		k, c := w.c.commitment(true), w.c.costs
		terms := w.partnerTerms(c1, set(pat, c2), tc.origin, nil)
		if terms[1].Unpledged != (tc.c2 == 0) || terms[0].Unpledged {
			t.Errorf("%v: unpledged pat %v, c2 %v", tc.origin, terms[0].Unpledged, terms[1].Unpledged)
		}
		patCost, c2Cost := terms[0].Costs(k, c).Total(), c.Threat*terms[1].Fear
		honour := w.c.honour(true) * (1 - terms[0].Divergence)
		if tc.c2 > 0 {
			p := terms[1]
			p.Unpledged = false
			c2Cost = p.Costs(k, c).Total()
			honour = w.c.honour(true) * (2 - terms[0].Divergence - terms[1].Divergence) / 2
		}
		a := w.appraise(c1, set(pat, c2), true, tc.origin)
		nearly(t, tc.origin.String()+": c1's cost", a.terms.Cost, patCost+c2Cost, 1e-15)
		nearly(t, tc.origin.String()+": c1's honour probability", a.terms.Honour, honour, 1e-15)
	}
}

// A powerplay patron reads a client's revisionism as the scripted shocks
// left it, as entrapment, challenges and provocation do (docs/model.md
// §7.8): c1 at 0.2 is below control_threshold (0.3) until a shock of +2
// on the logit scale at tick 1 moves it to σ(logit 0.2 + 2) =
// 1/(1 + 4·e^(−2)) = 0.648764…; from then a multilateral with c1 is not
// admitted, a bilateral still is.
func TestPowerplayReadsShockedRevisionism(t *testing.T) {
	sc := testScenario()
	sc.States[c1].Revisionism = 0.2
	sc.Decision.Strategy = "powerplay"
	sc.Events = []ScriptedEvent{{Tick: 1, Kind: ScriptIntent, Actor: "c1", Delta: 2}}
	w := NewWorld(mustCompile(t, sc), 1)
	v := &patronView{w: w, p: pat}
	multi := agents.Option{Kind: agents.OptionMultilateral, Partners: set(c1, c2, c3), Alliance: -1}
	bi := agents.Option{Kind: agents.OptionBilateral, Partners: set(c1), Alliance: -1}
	strategy := agents.PowerplayStrategy{}
	w.Step()
	nearly(t, "c1's revisionism at tick 0", v.Revisionism(c1), 0.2, 1e-12)
	if !strategy.Admit(v, multi) {
		t.Error("tick 0: the multilateral with c1 at 0.2 should be admitted")
	}
	w.Step()
	nearly(t, "c1's revisionism after the shock", v.Revisionism(c1), 1/(1+4*math.Exp(-2)), 1e-12)
	if strategy.Admit(v, multi) {
		t.Error("tick 1: the multilateral with c1 at 0.65 should not be admitted")
	}
	if !strategy.Admit(v, bi) {
		t.Error("tick 1: the bilateral with c1 should be admitted")
	}
}
