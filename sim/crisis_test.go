package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
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

// Intent shocks that cancel leave the revisionism as given (docs/model.md
// §7.2: "the opposite shock undoes it"), even where floating point leaves
// a residue of their sum (0.1 + 0.2 − 0.1 − 0.2 = 2.8·10⁻¹⁷): c3, at
// revisionism 0, is read at 0, not lifted to the 0.01 a shock of any size
// starts from. A shock of 0.1 alone moves it to σ(logit 0.01 + 0.1) =
// 0.011095…, for everyone and through the untargeted sum.
func TestCancellingShocksLeaveRevisionismAsGiven(t *testing.T) {
	for _, c := range []struct {
		name   string
		deltas []float64
		want   float64
	}{
		{"cancelling", []float64{0.1, 0.2, -0.1, -0.2}, 0},
		{"one shock", []float64{0.1}, 1 / (1 + 99*math.Exp(-0.1))},
	} {
		sc := testScenario()
		for _, d := range c.deltas {
			sc.Events = append(sc.Events, ScriptedEvent{Tick: 0, Kind: ScriptIntent, Actor: "c3", Delta: d})
		}
		w := NewWorld(mustCompile(t, sc), 1)
		w.applyScripted()
		n := w.c.n
		for _, i := range []int{pat, c1, c2, adv} {
			nearly(t, c.name+": revisionism read into c3", w.shockedRevisionism(i*n+c3, c3), c.want, 1e-15)
		}
		nearly(t, c.name+": revisionism as everyone reads it", w.revisionismOf(c3), c.want, 1e-15)
		if c.want == 0 && (w.shift[c1*n+c3] != 0 || w.actorShift[c3] != 0) {
			t.Errorf("%s: the sums of the shocks are %g and %g, not zero", c.name, w.shift[c1*n+c3], w.actorShift[c3])
		}
	}
}

// The cells a scripted occupation or withdrawal moves are ⌈fraction ·
// count⌉ of the fraction as written (docs/model.md §7.15): 0.07 of 100 is
// 7 (the float product is 7.000000000000001), 0.071 of 100 is 8, 0.6 of
// 13 is 8, 0.15 of 33 is 5, 1 of 33 is 33, 0 of 33 none.
func TestCellsOf(t *testing.T) {
	for _, c := range []struct {
		fraction float64
		count    int
		want     int
	}{{0.07, 100, 7}, {0.071, 100, 8}, {0.6, 13, 8}, {0.15, 33, 5}, {1, 33, 33}, {0, 33, 0}, {0.5, 0, 0}, {1e-10, 9, 1}, {1e-12, 1000, 1}} {
		if got := cellsOf(c.fraction, c.count); got != c.want {
			t.Errorf("cellsOf(%v, %d) = %d, want %d", c.fraction, c.count, got, c.want)
		}
	}
}

// A client that joins on sovereignty in the tick a capability event
// changed its forces perceives the alliance's change at once, and the
// event's at its next reading (docs/model.md §7.2.1): c1, occupied and
// designated in pat–c2's alliance, has its land raised from 1 to 5 and
// then its sovereignty restored at tick 1. What it perceives of adv moves
// by the raw reading with the alliance less the raw reading without it,
// both under its new land — not by the difference from its reading of
// tick 0, under its old land.
func TestJoinOnSovereigntyAfterACapabilityEvent(t *testing.T) {
	world := func(events ...ScriptedEvent) *World {
		sc := testScenario()
		sc.Params.InviteOccupied = true
		sc.States[c1].Sovereign = false
		sc.Events = events
		w := perceived(t, sc)
		if al := w.form(set(pat, c1, c2), true, OriginImposed); al == nil || !al.Designated.Has(c1) {
			t.Fatal("set-up: c1 should be designated in pat–c2's alliance")
		}
		w.tick = 1
		return w
	}
	land := ScriptedEvent{Tick: 1, Kind: ScriptCapability, Actor: "c1", SetLand: true, Land: 5}
	sovereign := ScriptedEvent{Tick: 1, Kind: ScriptSovereignty, Actor: "c1", Sovereign: true}
	k := c1*len(testScenario().States) + adv
	without := world(land)
	without.applyScripted()
	without.refreshForces()
	without.rebaseline()
	w := world(land, sovereign)
	before := w.perceived[k]
	w.applyScripted()
	if !w.ties[c1].allies.Has(pat) {
		t.Fatal("c1 should have joined on sovereignty")
	}
	nearly(t, "c1's perceived threat from adv", w.perceived[k], agents.Clamp01(before+w.raw[k]-without.raw[k]), 1e-15)
}

// An occupation brings the occupier nearer the victim's neighbours: their
// threat from it rises (the domino path behind H6).
func TestOccupationRaisesNeighboursThreat(t *testing.T) {
	sc := testScenario()
	sc.Params.PerceptionLag = 1
	sc.Events = []ScriptedEvent{{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 1}}
	w := perceived(t, sc)
	before2, before3 := w.Perceived(c2, adv), w.Perceived(c3, adv)
	w.tick = 1
	w.applyScripted()
	w.perceive()
	if w.Alive(c1) || w.geo.Cells(c1) != 0 {
		t.Fatal("c1 should be wholly occupied")
	}
	if !(w.Perceived(c2, adv) > before2) || !(w.Perceived(c3, adv) > before3) {
		t.Errorf("threat from adv: c2 %.4f → %.4f, c3 %.4f → %.4f; both should rise", before2, w.Perceived(c2, adv), before3, w.Perceived(c3, adv))
	}
	if w.geo.Distance(adv, c3) >= mustCompile(t, sc).geo.Distance(adv, c3) {
		t.Error("the occupier should be nearer c3")
	}
}

// Occupation: adv occupies when P(adv→c1) > (1 + margin)·Def(c1), Def
// counted with honouring allies only (margin 2). P = 7.609835396005712.
//
//   - c1 alone: 3·1 = 3 < P: it occupies the occupy_cells = 3 cells of c1
//     nearest to it, column 4 (cells 4, 19, 34, one step from adv), then
//     column 5 (5, 20, 35); c1 has no cells left and is eliminated, and
//     its alliance, left with one member, ends (occupied).
//   - c1 allied to pat (strong, cohesion 1) with p_strong = 1, so pat
//     always honours: Def = 1 + 3.292869816564158 = 4.292869816564158,
//     3·Def = 12.88 > P: no occupation.
//   - the same with p_strong = 0: pat never honours, Def counts only c1's
//     own 1 although the alliance stands (its help is in w.defence): it
//     occupies.
func TestOccupation(t *testing.T) {
	for _, c := range []struct {
		name    string
		pStrong float64
		ally    bool
		occupy  bool
	}{{"alone", 0.9, false, true}, {"ally honours", 1, true, false}, {"ally does not honour", 0, true, true}} {
		t.Run(c.name, func(t *testing.T) {
			sc := testScenario()
			sc.Params.PStrong = c.pStrong
			w := perceived(t, sc)
			var al *Alliance
			if c.ally {
				al = w.form(set(pat, c1), true, OriginBilateral)
				withCohesion(w, al, 1)
				nearly(t, "c1's defence with its ally", w.defence[c1], 4.292869816564158, handTol)
			}
			w.challenge(adv, c1)
			if taken := 6 - w.geo.Cells(c1); taken != 0 != c.occupy || (c.occupy && taken != 3) {
				t.Fatalf("%d cells of c1 taken; want occupation %v of 3 cells: %v", taken, c.occupy, describe(w))
			}
			if !c.occupy {
				return
			}
			for _, cell := range []int{4, 19, 34} {
				if w.geo.Owner(cell) != adv {
					t.Errorf("cell %d belongs to %d, want adv: the nearest cells go first", cell, w.geo.Owner(cell))
				}
			}
			w.refreshForces()
			w.challenge(adv, c1)
			if w.geo.Cells(c1) != 0 || w.Alive(c1) {
				t.Fatalf("c1 should be wholly occupied and eliminated: %v", describe(w))
			}
			for _, cell := range []int{5, 20, 35} {
				if w.geo.Owner(cell) != adv {
					t.Errorf("cell %d belongs to %d, want adv", cell, w.geo.Owner(cell))
				}
			}
			if al != nil {
				al = &w.alliances[al.ID]
				if al.Active() || al.Cause != EndOccupied || al.Spells[1].Exit != ExitOccupied {
					t.Errorf("the alliance of an eliminated member should end, occupied: %+v", al)
				}
			}
		})
	}
}

// A wholly occupied patron leaves its alliances, and an alliance it was
// the last patron of ends (occupied) even with two members left: without
// its patron it is not the alliance they signed, as when a patron leaves.
// An alliance of clients alone, and one of two members, end as before;
// c2 and c3's own alliance is untouched.
func TestEliminatedPatron(t *testing.T) {
	w := perceived(t, testScenario())
	imposed := w.form(set(pat, c1, c2), true, OriginImposed)
	bilateral := w.form(set(pat, c3), true, OriginBilateral)
	clients := w.form(set(c2, c3), true, OriginClient)
	w.eliminate(pat)
	for _, c := range []struct {
		name  string
		al    *Alliance
		ended bool
	}{{"imposed {pat, c1, c2}", imposed, true}, {"bilateral {pat, c3}", bilateral, true}, {"clients {c2, c3}", clients, false}} {
		al := &w.alliances[c.al.ID]
		if al.Active() == c.ended || (c.ended && al.Cause != EndOccupied) {
			t.Errorf("%s: active %v, cause %v; want ended %v (occupied)", c.name, al.Active(), al.Cause, c.ended)
		}
	}
	if w.Alive(pat) {
		t.Error("pat should be out of the game")
	}
}

// Challenge probability, challenge_rate·σ(κ_c·(r·Occ − θ_c)) with rate
// 0.02, κ_c 8, θ_c 0.25. A scripted shock of ln 3 on the logit scale
// takes adv's revisionism from 0.8 (odds 4) to odds 12: r = 12/13.
//
// c1 alone: Def = 1, denial = (P+ε)²/((P+ε)² + (1+ε)²) = 0.983024807556994,
// credibility P/(P+1) = 0.883853760959946, Occ = 0.868850173276176;
// 8·(12/13·0.868850173276176 − 0.25) = 4.416124356501,
// p = 0.02·σ(4.416124356501) = 0.0197612648865843. Unshocked (r = 0.8):
// 8·(0.8·Occ − 0.25) = 3.56064110896753, p = 0.0194472962089173.
//
// c1 allied to pat (strong, cohesion ½, weight h = ½): denial counts the ally,
// Def = 1 + ½·3.292869816564158 = 2.646434908282079, denial =
// 0.892107930941338; punishment by the ally's economy against adv's,
// 0.3·(½·10/(10+8)) = 1/12, so Occ = 0.892107930941338 ·
// 0.883853760959946 · 11/12 = 0.722785204115972; 8·(12/13·Occ − 0.25) =
// 3.33749073808718, p = 0.0193138561401762. A weak pledge (p_k 0.6, not
// 0.9) gives the same: an ally that comes brings its force and its
// punishment in full at either commitment, and the commitment is the
// chance that it comes (docs/model.md §8.2 item 22).
func TestChallengeProbability(t *testing.T) {
	sc := testScenario()
	sc.Params.ChallengeRate = 0.02
	sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "adv", Delta: math.Log(3)}}
	w := NewWorld(mustCompile(t, sc), 1)
	nearly(t, "unshocked challenge probability", func() float64 { w.refreshForces(); return w.challengeProbability(adv, c1) }(), 0.0194472962089173, 1e-15)
	w.applyScripted()
	w.perceive()
	nearly(t, "shocked revisionism", w.revisionismOf(adv), 12.0/13, handTol)
	nearly(t, "challenge probability, c1 alone", w.challengeProbability(adv, c1), 0.0197612648865843, 1e-15)
	al := w.form(set(pat, c1), true, OriginBilateral)
	withCohesion(w, al, 0.5)
	nearly(t, "c1's defence", w.defence[c1], 2.646434908282079, handTol)
	nearly(t, "punishment", w.punished(adv, &w.ties[c1]), 1.0/12, handTol)
	nearly(t, "challenge probability, c1 allied", w.challengeProbability(adv, c1), 0.0193138561401762, 1e-15)
	al.Strong = false
	w.refreshAlliances()
	nearly(t, "c1's defence, weak pledge", w.defence[c1], 2.646434908282079, handTol)
	nearly(t, "punishment, weak pledge", w.punished(adv, &w.ties[c1]), 1.0/12, handTol)
	nearly(t, "challenge probability, weak pledge", w.challengeProbability(adv, c1), 0.0193138561401762, 1e-15)
}

// Each parameter is read where its formula is applied, not left at its
// default: TestChallengeProbability runs at the defaults, where a read of
// the default itself gives the same numbers.
//
// The challenge probability at c1 alone, unshocked, as there:
// P(adv→c1) = 7.609835396005739, denial 0.983024807556994, r = 0.8,
// rate 0.02, and Occ = denial·P/(P + F₀).
//
//	F₀ = 2 (occupation_force):    Occ = 0.778437576444673, p = 0.02·σ(8·(0.8·Occ − 0.25)) = 0.019035086257731565
//	κ_c = 4 (challenge_steepness): p = 0.02·σ(4·(0.8·0.868850173276176 − 0.25)) = 0.017114728867613747
//	θ_c = 0.5 (challenge_threshold): p = 0.02·σ(8·(0.8·0.868850173276176 − 0.5)) = 0.016528906573930455
//
// against 0.0194472962089173 at the defaults (F₀ 1, κ_c 8, θ_c 0.25).
func TestChallengeProbabilityReadsItsParameters(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(*Params)
		want float64
	}{
		{"occupation_force 2", func(p *Params) { p.OccupationForce = 2 }, 0.019035086257731565},
		{"challenge_steepness 4", func(p *Params) { p.ChallengeSteepness = 4 }, 0.017114728867613747},
		{"challenge_threshold 0.5", func(p *Params) { p.ChallengeThreshold = 0.5 }, 0.016528906573930455},
	} {
		sc := testScenario()
		sc.Params.ChallengeRate = 0.02
		c.set(&sc.Params)
		w := NewWorld(mustCompile(t, sc), 1)
		w.refreshForces()
		nearly(t, c.name, w.challengeProbability(adv, c1), c.want, 1e-15)
	}
}

// Honouring: in a crisis each ally of the victim is asked once, through
// the alliance in which it is likeliest to come, and honours with
// probability p_k·h of that alliance. c1 is in W = {pat, c1, c2},
// indigenous, weak, cohesion 1 (p = 0.6·1 = 0.6), and S = {pat, c1},
// strong, cohesion ½ (p = 0.9·½ = 0.45). pat is likeliest to come
// through W: it honours with 0.6 — not 0.45 (through S), not
// 1 − 0.4·0.55 = 0.78 (asked through both), not 0.9 (p_k alone). c2 is
// asked through W: 0.6. Over 4000 crises the shares are within 4
// standard errors (0.031 and 0.031) of 0.6, and the two allies decide
// independently (both: 0.36). Had the patron imposed W, c2 would
// never honour: clients of an imposed alliance stand by each other only
// through the patron (TestImposedClientsStandByThePatronOnly).
func TestHonouring(t *testing.T) {
	sc := testScenario()
	sc.Params.OccupyCells = 0 // crises without a change of the map
	w := perceived(t, sc)
	withCohesion(w, w.form(set(pat, c1, c2), false, OriginIndigenous), 1)
	withCohesion(w, w.form(set(pat, c1), true, OriginBilateral), 0.5)
	const crises = 4000
	var byPat, byC2, both int
	for range crises {
		from := len(w.events)
		w.challenge(adv, c1)
		for _, e := range w.events[from:] {
			if e.Type != EventChallenge {
				continue
			}
			if e.Others&^set(pat, c2) != 0 {
				t.Fatalf("honoured by %v: only allies of c1 are asked", e.Others)
			}
			if e.Others.Has(pat) {
				byPat++
			}
			if e.Others.Has(c2) {
				byC2++
			}
			if e.Others == set(pat, c2) {
				both++
			}
		}
	}
	nearly(t, "share of crises pat honours", float64(byPat)/crises, 0.6, 0.031)
	nearly(t, "share of crises c2 honours", float64(byC2)/crises, 0.6, 0.031)
	nearly(t, "share of crises both honour", float64(both)/crises, 0.36, 0.031)
}

// An ally whose alliances with the victim give it no chance of coming
// (p_weak 0, a weak alliance) is not asked, and no number is drawn for it
// (docs/model.md §7.10, §3.3): honouring returns no one, and the world's
// random stream is where a world that never asked is.
func TestHonouringDrawsNothingForNoChance(t *testing.T) {
	sc := testScenario()
	sc.Params.PWeak = 0
	asked, untouched := twins(t, sc, 7, func(w *World) { withCohesion(w, w.form(set(c1, c2), false, OriginClient), 1) })
	if got, help := asked.honouring(c1); got != 0 || help != 0 {
		t.Errorf("honoured by %v with help %v; want no one", got, help)
	}
	sameStream(t, asked, untouched, "a number was drawn for an ally with no chance of coming")
}

// An ally certain to come (p_strong 1, cohesion 1) still draws its one
// number (docs/model.md §3.3): the stream does not depend on whether a
// chance happens to be 1, so that a run's later draws do not shift with
// it. honouring returns the ally, and the world's stream is one number on
// from a world that never asked.
func TestHonouringDrawsForACertainAlly(t *testing.T) {
	sc := testScenario()
	sc.Params.PStrong = 1
	asked, untouched := twins(t, sc, 7, func(w *World) { withCohesion(w, w.form(set(c1, c2), true, OriginClient), 1) })
	if got, _ := asked.honouring(c1); got != set(c2) {
		t.Errorf("honoured by %v; want c2", got)
	}
	untouched.rng.Float64()
	sameStream(t, asked, untouched, "no number, or more than one, was drawn for an ally certain to come")
}

// Restraint: before a provocation, each patron allied with the client has
// one chance to hold it back, with the control probability of the
// tightest alliance they share; the restraint names the foe c1 would have
// provoked. c1 (revisionism 1, provoke_rate 1: it
// provokes every tick) is in M = {pat, c1, c2, c3} (multilateral, control
// 0.2) and T = {pat, c1, c2} (trilateral, 0.4): restrained in 0.4 of the
// ticks — not 0.2 (the loosest), not 1 − 0.8·0.6 = 0.52 (a chance per
// alliance). Over 3000 ticks within 4 standard errors (0.036). With a
// bilateral of control 1 as well, always restrained, by pat; with control
// 0 everywhere, never.
func TestRestraint(t *testing.T) {
	setup := func(bilateral bool, control float64) *World {
		sc := testScenario()
		sc.Params.ProvokeRate = 1
		sc.Params.OccupyCells = 0 // provocations without a change of the map
		sc.States[c1].Revisionism = 1
		if control >= 0 {
			sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = control, control, control
		}
		w := perceived(t, sc)
		w.form(set(pat, c1, c2, c3), false, OriginImposed)
		w.form(set(pat, c1, c2), false, OriginImposed)
		if bilateral {
			w.form(set(pat, c1), false, OriginBilateral)
		}
		return w
	}
	count := func(w *World, ticks int) (restrained, provoked int) {
		for range ticks {
			from := len(w.events)
			w.crises()
			for _, e := range w.events[from:] {
				switch {
				case e.Type == EventRestraint && e.Actor == pat && e.Target == c1 && e.Others == set(adv):
					restrained++
				case e.Type == EventProvocation && e.Actor == c1 && e.Target == adv:
					provoked++
				case e.Type == EventRestraint || e.Type == EventProvocation:
					t.Fatalf("unexpected %+v", w.EventRecord(&e))
				}
			}
		}
		return
	}
	const ticks = 3000
	r, p := count(setup(false, -1), ticks)
	if r+p != ticks {
		t.Fatalf("%d restraints and %d provocations in %d ticks: c1 should provoke every tick", r, p, ticks)
	}
	nearly(t, "share restrained (tightest: trilateral 0.4)", float64(r)/ticks, 0.4, 0.036)
	if r, p := count(setup(true, 1), 100); r != 100 || p != 0 {
		t.Errorf("control 1: %d restrained, %d provoked of 100", r, p)
	}
	if r, p := count(setup(true, 0), 100); r != 0 || p != 100 {
		t.Errorf("control 0: %d restrained, %d provoked of 100", r, p)
	}
}

// Restraint is decided draw by draw, not only in the long run: the
// patron holds c1 back exactly when its one uniform falls below the
// control probability of c1's tightest alliance with it (0.4, a
// trilateral), as a twin of the world's generator, drawn beside it,
// predicts. (TestRestraint's share within ±0.036 of 0.4 lets a draw
// against 0.99 of it, or 1 − u, pass.)
func TestRestraintFollowsItsDraw(t *testing.T) {
	w := perceived(t, testScenario())
	w.form(set(pat, c1, c2, c3), false, OriginImposed)
	w.form(set(pat, c1, c2), false, OriginImposed)
	pcg := rand.NewPCG(1, 2)
	w.rng = rand.New(pcg)
	held := 0
	const draws = 5000
	for k := range draws {
		twin := *pcg
		u := rand.New(&twin).Float64()
		p, ok := w.restrain(c1)
		if p != pat || ok != (u < 0.4) {
			t.Fatalf("draw %d: u = %v, restrain(c1) = %d, %v; want %d, %v", k, u, p, ok, pat, u < 0.4)
		}
		if ok {
			held++
		}
	}
	if held == 0 || held == draws {
		t.Fatalf("held back in %d of %d draws: the draws do not test both outcomes", held, draws)
	}
}

// A provocation is a crisis the client starts with its foe (MODEL.md §7;
// docs/model.md §7.11). c1 (revisionism 1, provoke_rate 1: it provokes
// every tick) holds a strong bilateral with pat (cohesion 1, control 0:
// never restrained). Its ally is asked to come, as in a challenge; every
// other state remembers c1's aggression (memory 0.3, adv's unchanged);
// pat pays the entrapment penalty. The foe's force P(adv→c1) =
// 7.609835396005712 against 3·Def (occupy_margin 2):
//
//   - p_strong 1, pat comes: Def = 1 + 3.292869816564158, 3·Def = 12.88 > P:
//     no cell changes hands;
//   - p_strong 0, pat stays away: Def = 1, 3 < P: adv takes the 3 cells of
//     c1 nearest to it (4, 19, 34).
func TestProvocationIsACrisis(t *testing.T) {
	for _, c := range []struct {
		name    string
		pStrong float64
		came    agents.Set
		taken   int
	}{{"ally comes", 1, set(pat), 0}, {"ally stays away", 0, 0, 3}} {
		t.Run(c.name, func(t *testing.T) {
			sc := testScenario()
			sc.Params.ProvokeRate = 1
			sc.Params.PStrong = c.pStrong
			sc.Params.ControlBilateral = 0
			sc.States[c1].Revisionism = 1
			w := perceived(t, sc)
			al := w.form(set(pat, c1), true, OriginBilateral)
			withCohesion(w, al, 1)
			from := len(w.events)
			w.crises()
			var provoked, occupied []EventRecord
			for i := range w.events[from:] {
				e := &w.events[from+i]
				switch e.Type {
				case EventProvocation:
					provoked = append(provoked, w.EventRecord(e))
					if e.Actor != c1 || e.Target != adv || e.Others != c.came {
						t.Errorf("provocation %+v: want c1 against adv, honoured by %v", w.EventRecord(e), c.came)
					}
				case EventOccupation:
					occupied = append(occupied, w.EventRecord(e))
					if e.Actor != adv || e.Target != c1 || e.Cells != c.taken {
						t.Errorf("occupation %+v: want adv taking %d cells of c1", w.EventRecord(e), c.taken)
					}
				}
			}
			if len(provoked) != 1 || len(occupied) != min(c.taken, 1) {
				t.Fatalf("%d provocations and %d occupations, want 1 and %d: %v", len(provoked), len(occupied), min(c.taken, 1), describe(w))
			}
			if got := 6 - w.geo.Cells(c1); got != c.taken {
				t.Errorf("%d cells of c1 taken, want %d", got, c.taken)
			}
			for _, cell := range []int{4, 19, 34} {
				if (w.geo.Owner(cell) == adv) != (c.taken > 0) {
					t.Errorf("cell %d belongs to %d", cell, w.geo.Owner(cell))
				}
			}
			n := w.c.n
			for i := range n {
				want := 0.3
				if i == c1 {
					want = 0
				}
				nearly(t, w.c.id[i]+"'s memory of c1", w.memory[i*n+c1], want, handTol)
				if i != adv {
					nearly(t, w.c.id[i]+"'s memory of adv", w.memory[i*n+adv], 0, handTol)
				}
			}
			if al.penaltyUntil[pat] != int32(w.tick+sc.Params.EntrapmentMemory) {
				t.Errorf("pat pays the entrapment penalty until %d, want %d", al.penaltyUntil[pat], w.tick+sc.Params.EntrapmentMemory)
			}
		})
	}
}

// A client of revisionism 0 that a scripted shock made revisionist
// provokes: the skip before the draw reads the shocked revisionism, as
// the probability does. (It read the revisionism of the scenario file,
// so a shocked client never provoked.) σ(logit(0.01) + 10) = 0.9955:
// with provoke_rate 1 the client provokes at once.
func TestShockedClientProvokes(t *testing.T) {
	sc := testScenario()
	sc.Params.ProvokeRate = 1
	sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "c1", Delta: MaxShock}}
	w := NewWorld(mustCompile(t, sc), 1)
	w.Step()
	for _, e := range w.events {
		if e.Type == EventProvocation && e.Actor == c1 {
			return
		}
	}
	t.Fatalf("the shocked client did not provoke: %v", describe(w))
}

// A state that hands back the last cells it holds (a withdrawal from the
// land it took, its own lost meanwhile) is eliminated, as one whose last
// cells are taken is: c2 takes a sixth of c3, loses its own land to c1,
// then withdraws from c3, and its alliance with the patron ends with it.
func TestWithdrawingFromItsLastCellsEliminates(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "c2", Target: "c3", Fraction: 1.0 / 6},
		{Tick: 2, Kind: ScriptOccupy, Actor: "c1", Target: "c2", Fraction: 0.9},
		{Tick: 3, Kind: ScriptWithdraw, Actor: "c2", Target: "c3", Fraction: 1},
	}
	w := perceived(t, sc)
	al := w.form(set(pat, c2), true, OriginBilateral)
	for tick := 1; tick <= 3; tick++ {
		w.tick = tick
		w.applyScripted()
		if tick == 2 && (w.geo.Cells(c2) == 0 || !w.alive[c2]) {
			t.Fatalf("tick 2: c2 holds %d cells, alive %v; the test needs it alive on c3's land alone", w.geo.Cells(c2), w.alive[c2])
		}
	}
	if w.geo.Cells(c2) != 0 || w.alive[c2] || al.Active() {
		t.Errorf("c2 after withdrawing from its last cells: %d cells, alive %v, its alliance in force %v", w.geo.Cells(c2), w.alive[c2], al.Active())
	}
}

// A state that had no cell at the start and hands back all it occupied
// is back as it began, alive without a cell, and its alliance stands (it
// was eliminated, "wholly occupied", by nobody: a review, 2026-12-07).
func TestWithdrawingLandlessStateStaysAlive(t *testing.T) {
	sc := testScenario()
	sc.States = append(sc.States, landlessClient("ghost"))
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "ghost", Target: "c3", Fraction: 0.5},
		{Tick: 2, Kind: ScriptWithdraw, Actor: "ghost", Target: "c3", Fraction: 1},
	}
	c := mustCompile(t, sc)
	ghost := c.Index("ghost")
	w := NewWorld(c, 1)
	w.perceive()
	al := w.form(set(pat, ghost), true, OriginBilateral)
	for tick := 1; tick <= 2; tick++ {
		w.tick = tick
		w.applyScripted()
		if tick == 1 && w.geo.Cells(ghost) == 0 {
			t.Fatal("tick 1: ghost holds no cell; the test needs it to have occupied some")
		}
	}
	if w.geo.Cells(ghost) != 0 || !w.alive[ghost] || !al.Active() {
		t.Errorf("ghost after handing back all it took: %d cells, alive %v, its alliance in force %v; want 0, alive, in force", w.geo.Cells(ghost), w.alive[ghost], al.Active())
	}
	for _, e := range w.events {
		if e.Type == EventEliminated && e.Target == ghost {
			t.Error("ghost was eliminated")
		}
	}
}

// A scripted occupation eliminates a state when it takes its last cells,
// and takes nothing when the occupier is out of the game: a state that
// never had a cell (no glyph) stays alive when "occupied", and once c1 is
// wholly occupied and eliminated, its scripted occupation of c2 takes
// nothing (an eliminated state held land before).
func TestScriptedOccupationAndElimination(t *testing.T) {
	sc := testScenario()
	sc.States = append(sc.States, landlessClient("ghost"))
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "ghost", Fraction: 1},
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 1},
		{Tick: 1, Kind: ScriptOccupy, Actor: "c1", Target: "c2", Fraction: 1},
		{Tick: 1, Kind: ScriptOccupy, Actor: "ghost", Target: "c3", Fraction: 0.5},
	}
	c := mustCompile(t, sc)
	w := NewWorld(c, 1)
	ghost := c.Index("ghost")
	w.tick = 1
	w.applyScripted()
	for _, e := range w.events {
		if e.Type == EventEliminated && e.Target == ghost {
			t.Error("a state that never had a cell was eliminated by an occupation that took nothing")
		}
	}
	if !w.Alive(ghost) {
		t.Error("ghost is not alive")
	}
	if w.Alive(c1) || w.geo.Cells(c1) != 0 {
		t.Errorf("c1: alive %v with %d cells; want eliminated with none", w.Alive(c1), w.geo.Cells(c1))
	}
	if got := w.geo.Cells(c2); got != c.geo.Cells(c2) {
		t.Errorf("c2 holds %d cells after eliminated c1's occupation; want its %d", got, c.geo.Cells(c2))
	}
	if got := w.geo.Cells(ghost); got != 3 {
		t.Errorf("ghost, alive, took %d cells of c3; want half of 6", got)
	}
}

// An honouring ally brings h_A·P(j→v), its alliance's cohesion times its
// projection (docs/model.md §7.10). With p_strong = 1 and cohesion 0.4 pat
// comes to c1 with probability 0.4; when it does, the help is
// 0.4·3.292869816564158 = 1.3171479266256634, and 0 when it does not.
func TestHonouringHelpIsCohesionTimesProjection(t *testing.T) {
	sc := testScenario()
	sc.Params.PStrong = 1
	w := pledgedToC1(t, sc, 0.4)
	came, stayed := false, false
	for range 200 {
		honoured, help := w.honouring(c1)
		if honoured.Has(pat) {
			came = true
			nearly(t, "help of pat, honouring", help, 0.4*pPatC1, handTol)
			nearly(t, "help of pat, honouring", help, 1.3171479266256634, handTol)
		} else {
			stayed = true
			if help != 0 {
				t.Errorf("pat did not come, yet help %v", help)
			}
		}
		if came && stayed {
			break
		}
	}
	if !came || !stayed {
		t.Fatalf("in 200 crises at probability 0.4 pat came %v, stayed away %v; want both", came, stayed)
	}
}

// Remembered aggression is capped: m_ia ← min(1, m_ia + aggression_memory)
// (docs/model.md §7.10). Four challenges at 0.3 give 0.3, 0.6, 0.9 and
// then 1, not 1.2; with memory 1 every hostile intent read into the
// aggressor is 1 − (…)·(1 − 1) = 1, and the aggressor remembers nothing of
// itself.
func TestAggressionMemoryCappedAtOne(t *testing.T) {
	w := perceived(t, testScenario())
	n := w.c.n
	for k, want := range []float64{0.3, 0.6, 0.9, 1} {
		w.remember(adv)
		nearly(t, "c1's memory of adv", w.memory[c1*n+adv], want, handTol)
		if k == 3 && w.memory[c1*n+adv] != 1 {
			t.Errorf("after four challenges memory %v, want exactly 1", w.memory[c1*n+adv])
		}
	}
	if w.memory[adv*n+adv] != 0 {
		t.Errorf("adv remembers its own aggression: %v", w.memory[adv*n+adv])
	}
	w.refreshIntents()
	for _, m := range []int{pat, c1, c2, c3} {
		if got := w.hostile[m*n+adv]; got != 1 {
			t.Errorf("hostile intent %s reads into adv = %v, want 1", w.c.id[m], got)
		}
	}
}

// The memory added per crisis is aggression_memory as the scenario sets
// it: at 0.45 every other state remembers 0.45 of adv's aggression after
// one challenge, min(1, 0.45 + 0.45) = 0.9 after two and min(1, 0.9 +
// 0.45) = 1 after three (at the default 0.3: 0.3, 0.6 and 0.9).
func TestAggressionMemoryReadsItsParameter(t *testing.T) {
	sc := testScenario()
	sc.Params.AggressionMemory = 0.45
	w := perceived(t, sc)
	n := w.c.n
	for k, want := range []float64{0.45, 0.9, 1} {
		w.remember(adv)
		nearly(t, fmt.Sprintf("c1's memory of adv after challenge %d", k+1), w.memory[c1*n+adv], want, handTol)
	}
}

// Elimination removes the state from its alliances; one left with two or
// more members goes on, one left with fewer ends, cause occupied
// (docs/model.md §7.10): the client trilateral {c1, c2, c3} losing c3
// continues as {c1, c2}; the bilateral {c1, c2} losing c2 ends.
// The log says what became of the eliminated state's alliances: it drops
// out of one that goes on (a left event with exit occupied, naming the
// members left), and one that ends logs its end, with no left event.
func TestEliminationKeepsAllianceOfTwo(t *testing.T) {
	w := perceived(t, testScenario())
	tri := w.form(set(c1, c2, c3), false, OriginClient).ID
	from := len(w.events)
	w.eliminate(c3)
	if al := &w.alliances[tri]; !al.Active() || al.Members != set(c1, c2) {
		t.Errorf("trilateral after c3's elimination: active %v, members %v; want in force, {c1, c2}", al.Active(), al.Members)
	}
	want := []Event{
		{Tick: w.tick, Type: EventEliminated, Actor: -1, Target: c3, Alliance: -1},
		{Tick: w.tick, Type: EventLeft, Actor: c3, Target: -1, Others: set(c1, c2), Alliance: tri, Exit: ExitOccupied},
	}
	if got := w.events[from:]; !slices.Equal(got, want) {
		t.Errorf("events of c3's elimination:\n got %+v\nwant %+v", got, want)
	} else if rec := w.EventRecord(&got[1]); rec.Exit != "occupied" || rec.Actor != "c3" || !slices.Equal(rec.Others, []string{"c1", "c2"}) {
		t.Errorf("record of c3's drop-out %+v; want exit occupied, actor c3, others c1, c2", rec)
	}

	w = perceived(t, testScenario())
	bi := w.form(set(c1, c2), false, OriginClient).ID
	from = len(w.events)
	w.eliminate(c2)
	if al := &w.alliances[bi]; al.Active() || al.Cause != EndOccupied {
		t.Errorf("bilateral after c2's elimination: active %v, cause %v; want ended, occupied", al.Active(), al.Cause)
	}
	for _, e := range w.events[from:] {
		if e.Type == EventLeft {
			t.Errorf("c2's elimination ended its bilateral, yet logged %+v", e)
		}
	}
	if got := w.events[len(w.events)-1]; got.Type != EventEnded || got.Alliance != bi || got.Cause != EndOccupied {
		t.Errorf("last event of c2's elimination %+v; want the bilateral's end, occupied", got)
	}
}

// Scripted occupation and withdrawal move ⌈fraction·cells⌉ cells
// (docs/model.md §7.15): adv takes ⌈0.5·9⌉ = 5 of c2's 9 cells, leaving
// 4; withdrawing half of those 5 hands back ⌈2.5⌉ = 3, so c2 has 7.
func TestScriptedFractionsRoundUp(t *testing.T) {
	w := NewWorld(mustCompile(t, occupyThenWithdrawHalf()), 1)
	w.perceive()
	if got := w.geo.Cells(c2); got != 9 {
		t.Fatalf("set-up: c2 has %d cells, want 9", got)
	}
	for _, c := range []struct {
		tick, moved, left int
	}{{1, 5, 4}, {2, 3, 7}} {
		w.tick = c.tick
		w.applyScripted()
		e := w.events[len(w.events)-1]
		if e.Type != EventScripted || e.Cells != c.moved || w.geo.Cells(c2) != c.left {
			t.Errorf("tick %d: event %v moved %d cells, c2 has %d; want %d moved, %d left", c.tick, e.Type, e.Cells, w.geo.Cells(c2), c.moved, c.left)
		}
	}
}

// A provoking client's foe is the alive adversary it perceives as most
// threatening, highest T̂_va (docs/model.md §7.11), read by the client,
// not by the adversaries; on a tie, the lower index. A second adversary
// adv2 joins the scenario; c1 (revisionism 1, provoke_rate 1: it provokes
// at once, no alliance to restrain it) perceives T̂(c1←adv) = 0.2 and
// T̂(c1←adv2) = 0.6, while the adversaries read c1 the other way round
// (adv 0.9, adv2 0.1): its foe is adv2. Read alike, 0.4 and 0.4, its foe
// is adv, the lower index.
func TestProvokerFoeIsTheAdversaryItFearsMost(t *testing.T) {
	for _, c := range []struct {
		name           string
		fromAdv, from2 float64
		wantAdv2       bool
	}{
		{"adv2 feared more", 0.2, 0.6, true},
		{"read alike", 0.4, 0.4, false},
	} {
		sc := testScenario()
		sc.Params.ProvokeRate = 1
		sc.States[c1].Revisionism = 1
		sc.States = append(sc.States, State{ID: "adv2", Name: "adv2", Role: Adversary, Sovereign: true, Land: 1, Economy: 1})
		compiled := mustCompile(t, sc)
		adv2 := compiled.Index("adv2")
		w := NewWorld(compiled, 1)
		w.perceive()
		n := w.c.n
		w.perceived[c1*n+adv], w.perceived[c1*n+adv2] = c.fromAdv, c.from2
		w.perceived[adv*n+c1], w.perceived[adv2*n+c1] = 0.9, 0.1
		from := len(w.events)
		w.crises()
		var foes []int
		for i := range w.events[from:] {
			if e := &w.events[from+i]; e.Type == EventProvocation && e.Actor == c1 {
				foes = append(foes, e.Target)
			}
		}
		want := adv
		if c.wantAdv2 {
			want = adv2
		}
		if len(foes) != 1 || foes[0] != want {
			t.Errorf("%s: c1 provoked %v, want once against %s (%d): %v", c.name, foes, w.c.id[want], want, describe(w))
		}
	}
}

// A scripted withdrawal hands back the occupier's cells nearest the
// target's remaining territory first (docs/model.md §7.15; by the target's
// distance field, ties by cell index). adv takes ⌈0.5·9⌉ = 5 of c2's
// cells (columns 6–8, cell = 15·row + column) nearest to it: column 6
// (6, 21, 36; F_adv = 3) and of column 7 (F_adv = 4) the lower-indexed 7
// and 22. c2 keeps 8, 23, 37, 38. Withdrawing half hands back ⌈2.5⌉ = 3
// cells, those at distance 1 from c2's rest — 7 (beside 8), 22 (beside 23
// and 37), 36 (beside 37) — while 6 and 21 (distance 2) stay adv's.
func TestScriptedWithdrawReturnsNearestCellsFirst(t *testing.T) {
	w := NewWorld(mustCompile(t, occupyThenWithdrawHalf()), 1)
	w.perceive()
	owners := func(want int, cells ...int) {
		t.Helper()
		for _, cell := range cells {
			if o := w.geo.Owner(cell); o != want {
				t.Errorf("tick %d: cell %d belongs to %d, want %d", w.tick, cell, o, want)
			}
		}
	}
	w.tick = 1
	w.applyScripted()
	owners(adv, 6, 21, 36, 7, 22)
	owners(c2, 8, 23, 37, 38)
	w.tick = 2
	w.applyScripted()
	owners(c2, 7, 22, 36, 8, 23, 37, 38)
	owners(adv, 6, 21)
}

// Ties of distance go by cell index: withdrawing 0.4 of the same five
// cells hands back ⌈0.4·5⌉ = 2 of the three at distance 1 from c2's rest,
// the lower-indexed 7 and 22; 36 stays adv's, with 6 and 21.
func TestScriptedWithdrawBreaksTiesByCellIndex(t *testing.T) {
	sc := occupyThenWithdrawHalf()
	sc.Events[1].Fraction = 0.4
	w := perceived(t, sc)
	for w.tick = 1; w.tick <= 2; w.tick++ {
		w.applyScripted()
	}
	for cell, want := range map[int]int{7: c2, 22: c2, 36: adv, 6: adv, 21: adv} {
		if o := w.geo.Owner(cell); o != want {
			t.Errorf("cell %d belongs to %d, want %d", cell, o, want)
		}
	}
}

// occupyThenWithdrawHalf is testScenario with adv occupying half of c2 by
// script at tick 1 and withdrawing from half of that at tick 2.
func occupyThenWithdrawHalf() *Scenario {
	sc := testScenario()
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c2", Fraction: 0.5},
		{Tick: 2, Kind: ScriptWithdraw, Actor: "adv", Target: "c2", Fraction: 0.5},
	}
	return sc
}

// A challenge is the challenger's aggression: every state other than the
// challenger remembers it, m_ia ← min(1, 0 + aggression_memory) = 0.3
// (docs/model.md §7.10), and nobody remembers anything of the challenged.
func TestChallengeRemembersTheChallenger(t *testing.T) {
	w := perceived(t, testScenario())
	w.challenge(adv, c1)
	n := w.c.n
	for i := 0; i < n; i++ {
		want := 0.3
		if i == adv {
			want = 0
		}
		nearly(t, w.c.id[i]+"'s memory of adv", w.memory[i*n+adv], want, handTol)
		nearly(t, w.c.id[i]+"'s memory of c1", w.memory[i*n+c1], 0, 0)
	}
}

// Forces are refreshed after every occupation, so that later crises in the
// same tick face the new map (docs/model.md §7.10–§7.11). occupy_margin
// 6.2 asks for a force above 7.2·Def = 7.2 against a lone client: adv
// has P(adv→c1) = 8·e^(−1/20) = 7.6098 > 7.2 but P(adv→c2) = 8·e^(−3/20)
// = 6.8857 < 7.2 on the first map. With occupy_cells 9 the crisis with c1
// takes all 6 of its cells; then c2 borders adv, P(adv→c2) = 7.6098 too,
// and the next crisis takes c2's 9 cells — and then c3's 6. Both crises
// are played: challenges (certain: σ of a threshold of −10) and
// provocations (provoke_rate·r̃ = 1).
func TestLaterCrisesFaceTheNewMap(t *testing.T) {
	for _, c := range []struct {
		name    string
		provoke bool
	}{{"challenges", false}, {"provocations", true}} {
		sc := testScenario()
		sc.Params.OccupyMargin = 6.2
		sc.Params.OccupyCells = 9
		if c.provoke {
			sc.Params.ProvokeRate = 1
			for _, s := range []int{c1, c2, c3} {
				sc.States[s].Revisionism = 1
			}
		}
		cp := mustCompile(t, sc)
		if !c.provoke {
			cp.challenge = agents.ChallengeParams{Rate: 1, Steepness: 100, Threshold: -10}
		}
		w := NewWorld(cp, 1)
		w.perceive()
		nearly(t, "P(adv→c2) on the first map", w.proj[adv*w.c.n+c2], 8*math.Exp(-3.0/20), 1e-9)
		w.crises()
		for _, s := range []int{c1, c2, c3} {
			if w.geo.Cells(s) != 0 || w.Alive(s) {
				t.Errorf("%s: %s keeps %d cells (alive %v); want wholly occupied: %v", c.name, w.c.id[s], w.geo.Cells(s), w.Alive(s), describe(w))
			}
		}
	}
}

// An unrestrained provocation concerns the provoker's strong allies: they
// will weigh whether to stay, and review at the next tick (docs/model.md
// §7.11), even when the crisis takes no cell (occupy_cells 0). Every
// member of S = {pat, c1} and their allies (here c2, c3 through W = {c1,
// c2, c3}) count one more change; the adversary none.
func TestProvocationConcernsTheAllies(t *testing.T) {
	sc := testScenario()
	sc.Params.ProvokeRate = 1
	sc.Params.OccupyCells = 0
	sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 0, 0, 0
	sc.States[c1].Revisionism = 1
	w := perceived(t, sc)
	w.form(set(pat, c1), true, OriginBilateral)
	w.form(set(c1, c2, c3), false, OriginClient)
	checkConcerns(t, w, "a provocation", w.crises, []int{pat: 1, c1: 1, c2: 1, c3: 1, adv: 0})
	if len(w.events) == 0 || w.events[len(w.events)-1].Type != EventProvocation {
		t.Fatalf("c1 should provoke: %v", describe(w))
	}
}

// Restraint (docs/model.md §7.11) is offered only by alliances that hold
// a patron, by the lowest-index patron of the tightest: c1's client
// alliance {c1, c2} (control_bilateral 0.8) restrains nothing, and the
// multilateral {pat, c1, c2, c3} (0.2) still gives pat its chance; in
// {pat, c1, c3} with c3 a second patron, pat (index 0) has it, not c3.
func TestRestrainingPatron(t *testing.T) {
	w := perceived(t, testScenario())
	w.form(set(c1, c2), false, OriginClient)
	w.form(set(pat, c1, c2, c3), false, OriginImposed)
	if p, _ := w.restrain(c1); p != pat {
		t.Errorf("restraining patron %d, want pat (through the multilateral)", p)
	}
	sc := testScenario()
	sc.States[c3].Role = Patron
	w = perceived(t, sc)
	w.form(set(pat, c1, c3), false, OriginBilateral)
	if p, _ := w.restrain(c1); p != pat {
		t.Errorf("restraining patron %d, want pat, the lowest index", p)
	}
}

// A crisis that would take cells but takes none (occupy_cells 0) logs no
// occupation; one that leaves the client a cell does not eliminate it.
// P(adv→c1) = 7.6098 > 3·Def = 3: adv prevails.
func TestConfrontTakesWhatOccupyCellsSays(t *testing.T) {
	for _, c := range []struct{ cells, left int }{{0, 6}, {5, 1}} {
		sc := testScenario()
		sc.Params.OccupyCells = c.cells
		w := perceived(t, sc)
		w.confront(adv, c1, 0)
		occupations := 0
		for _, e := range w.events {
			if e.Type == EventOccupation {
				occupations++
				if e.Cells != c.cells {
					t.Errorf("occupy_cells %d: occupation of %d cells logged", c.cells, e.Cells)
				}
			}
		}
		if want := min(c.cells, 1); occupations != want {
			t.Errorf("occupy_cells %d: %d occupations logged, want %d", c.cells, occupations, want)
		}
		if w.geo.Cells(c1) != c.left || !w.Alive(c1) {
			t.Errorf("occupy_cells %d: c1 keeps %d cells (alive %v), want %d, alive", c.cells, w.geo.Cells(c1), w.Alive(c1), c.left)
		}
	}
}

// A client that has been eliminated does not provoke: it draws nothing
// and starts no crisis, however revisionist. c1 (revisionism 1,
// provoke_rate 1: alive, it would provoke every tick) is eliminated; the
// crises phase then draws only the adversary's two challenge numbers,
// against c2 and c3 (challenge_rate 0: no challenge follows), and none
// for provocations (c2 and c3 are not revisionist): the world's random
// stream is where a twin world's is after two draws.
func TestEliminatedClientDoesNotProvoke(t *testing.T) {
	sc := testScenario()
	sc.Params.ProvokeRate = 1
	sc.States[c1].Revisionism = 1
	w, twin := twins(t, sc, 1, func(x *World) { x.eliminate(c1) })
	from := len(w.events)
	w.crises()
	for _, e := range w.events[from:] {
		if e.Type == EventProvocation {
			t.Fatalf("eliminated c1 provoked: %v", describe(w))
		}
	}
	twin.rng.Float64() // adv challenges c2?
	twin.rng.Float64() // adv challenges c3?
	sameStream(t, w, twin, "the crises phase drew other than the two challenge numbers")
}

// An elimination concerns the eliminated state and its partners (they
// review at the next tick): c1 and its ally pat count one more change,
// the other clients none.
func TestEliminationConcernsThePartners(t *testing.T) {
	w := perceived(t, testScenario())
	w.form(set(pat, c1), true, OriginBilateral)
	checkConcerns(t, w, "eliminating c1", func() { w.eliminate(c1) }, []int{pat: 1, c1: 1, c2: 0, c3: 0, adv: 0})
}

// An elimination that leaves an alliance with the members of another in
// force ends it (occupied), as one left with a single member: eliminating
// c2 leaves {pat, c1, c2} as the bilateral {pat, c1}.
func TestEliminationIntoAnotherAllianceEnds(t *testing.T) {
	w := perceived(t, testScenario())
	imposed := w.form(set(pat, c1, c2), true, OriginImposed).ID
	bilateral := w.form(set(pat, c1), true, OriginBilateral).ID
	w.eliminate(c2)
	if al := &w.alliances[imposed]; al.Active() || al.Cause != EndOccupied {
		t.Errorf("imposed, down to {pat, c1}: active %v, cause %v; want ended, occupied", al.Active(), al.Cause)
	}
	if !w.alliances[bilateral].Active() {
		t.Error("the bilateral should stay in force")
	}
}

// An occupation that takes no cell (the target has none left) concerns
// nobody.
func TestEmptyOccupationConcernsNobody(t *testing.T) {
	w := perceived(t, testScenario())
	checkConcerns(t, w, "occupying no cell", func() {
		if taken := w.occupy(adv, c1, 0); taken != 0 {
			t.Fatalf("took %d cells, want 0", taken)
		}
	}, []int{pat: 0, c1: 0, c2: 0, c3: 0, adv: 0})
}

// A withdrawal hands cells back to an eliminated state, which is alive
// again: adv takes all 6 of c1's cells, then hands back ⌈½·6⌉ = 3.
func TestWithdrawRevivesAnEliminatedState(t *testing.T) {
	w := perceived(t, testScenario())
	w.occupy(adv, c1, 6)
	w.eliminate(c1)
	if got := w.withdraw(adv, c1, 0.5); got != 3 || w.geo.Cells(c1) != 3 {
		t.Fatalf("handed back %d cells, c1 holds %d; want 3, 3", got, w.geo.Cells(c1))
	}
	if !w.Alive(c1) {
		t.Error("c1 holds cells again and should be alive")
	}
}

// The log says when a scripted withdrawal brings back a state wholly
// occupied: adv takes all of c1 at tick 1, hands back half at tick 2
// (c1 revived) and half of the rest at tick 3 (c1 alive already).
func TestScriptedWithdrawLogsTheRevival(t *testing.T) {
	sc := testScenario()
	sc.Params.ChallengeRate, sc.Params.ProvokeRate = 0, 0
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 1},
		{Tick: 2, Kind: ScriptWithdraw, Actor: "adv", Target: "c1", Fraction: 0.5},
		{Tick: 3, Kind: ScriptWithdraw, Actor: "adv", Target: "c1", Fraction: 0.5},
	}
	w := NewWorld(mustCompile(t, sc), 1)
	for w.tick < 4 && w.Step() {
	}
	var got []bool
	for _, e := range w.events {
		if e.Type == EventScripted && w.c.scenario.Events[e.Script].Kind == ScriptWithdraw {
			got = append(got, e.Revived)
			if rec := w.EventRecord(&e); rec.Revived != e.Revived {
				t.Errorf("the record of %+v says revived %v", e, rec.Revived)
			}
		}
	}
	if want := []bool{true, false}; !slices.Equal(got, want) {
		t.Errorf("the withdrawals revived %v; want %v", got, want)
	}
}

// A withdrawal by a state that holds none of the target's cells moves
// nothing and revives no one (docs/model.md §7.15): adv takes all of c1 at
// tick 1; c2, which holds none of c1's cells, withdraws from c1 at tick 2
// and c1 stays eliminated, its event logging no cell and no revival; adv
// withdraws at tick 3 and brings it back.
func TestWithdrawalOfNothingRevivesNoOne(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 1},
		{Tick: 2, Kind: ScriptWithdraw, Actor: "c2", Target: "c1", Fraction: 1},
		{Tick: 3, Kind: ScriptWithdraw, Actor: "adv", Target: "c1", Fraction: 1},
	}
	w := NewWorld(mustCompile(t, sc), 1)
	for w.tick < 3 && w.Step() {
	}
	if w.Alive(c1) || w.geo.Cells(c1) != 0 {
		t.Fatalf("after c2's withdrawal c1 is alive %v with %d cells; want eliminated with none", w.Alive(c1), w.geo.Cells(c1))
	}
	w.Step()
	if !w.Alive(c1) || w.geo.Cells(c1) != 6 {
		t.Errorf("after adv's withdrawal c1 is alive %v with %d cells; want alive with its 6", w.Alive(c1), w.geo.Cells(c1))
	}
	type logged struct {
		cells   int
		revived bool
	}
	var got []logged
	for _, e := range w.events {
		if e.Type == EventScripted && w.c.scenario.Events[e.Script].Kind == ScriptWithdraw {
			got = append(got, logged{e.Cells, e.Revived})
		}
	}
	if want := []logged{{0, false}, {6, true}}; !slices.Equal(got, want) {
		t.Errorf("the withdrawals logged %+v; want %+v", got, want)
	}
}

// A scripted occupation is no crisis: it creates no memory of aggression
// (docs/model.md §7.15), where a challenge raises every other state's
// memory of the challenger by aggression_memory (§7.10).
func TestScriptedOccupationCreatesNoMemory(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 0.5}}
	w := NewWorld(mustCompile(t, sc), 1)
	w.applyScripted()
	if w.geo.Cells(c1) != 3 {
		t.Fatalf("set-up: c1 holds %d cells; want 3 of 6", w.geo.Cells(c1))
	}
	for k, m := range w.memory {
		if m != 0 {
			t.Errorf("%s remembers %s's aggression at %v; want 0", w.c.id[k/w.c.n], w.c.id[k%w.c.n], m)
		}
	}
}

// The log says when a sovereignty event sets what its actor had: c1,
// sovereign from the start, is made so again at tick 1 (unchanged), loses
// its sovereignty at tick 2 (a change), loses it again at tick 3
// (unchanged) and regains it at tick 4 (a change).
func TestSovereigntyEventSaysWhenItChangesNothing(t *testing.T) {
	sc := testScenario()
	sc.Params.ChallengeRate, sc.Params.ProvokeRate = 0, 0
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptSovereignty, Actor: "c1", Sovereign: true},
		{Tick: 2, Kind: ScriptSovereignty, Actor: "c1"},
		{Tick: 3, Kind: ScriptSovereignty, Actor: "c1"},
		{Tick: 4, Kind: ScriptSovereignty, Actor: "c1", Sovereign: true},
	}
	w := NewWorld(mustCompile(t, sc), 1)
	for w.tick < 5 && w.Step() {
	}
	var got []bool
	for _, e := range w.events {
		if e.Type == EventScripted {
			got = append(got, e.Unchanged)
			if rec := w.EventRecord(&e); rec.Script.Unchanged != e.Unchanged {
				t.Errorf("the record of %+v says unchanged %v", e, rec.Script.Unchanged)
			}
		}
	}
	if want := []bool{true, false, true, false}; !slices.Equal(got, want) {
		t.Errorf("the sovereignty events were unchanged %v; want %v", got, want)
	}
	if !w.Sovereign(c1) {
		t.Error("c1 should be sovereign again")
	}
}

// A client's provocation happens with provoke_rate·r̃ per month, converted
// whole over a longer tick (docs/model.md §7.11, §2.7): at 0.5 a month, a
// quarter's chance is 1 − 0.5³ = 0.875. The crises draw once per
// adversary–client pair for challenges (3 draws, challenge_rate 0), then
// once for c1's provocation: on each seed c1 provokes exactly when that
// fourth draw is below 0.875.
func TestProvocationChancePerTick(t *testing.T) {
	sc := testScenario()
	sc.Calendar.MonthsPerTick, sc.Ticks = 3, 40
	sc.Params.ProvokeRate = 0.5
	sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 0, 0, 0
	sc.States[c1].Revisionism = 1
	c := mustCompile(t, sc)
	between := 0
	for seed := uint64(1); seed <= 40; seed++ {
		w := NewWorld(c, seed)
		w.perceive()
		draws := NewRand(seed) // the world's stream
		for range 3 {
			draws.Float64()
		}
		u := draws.Float64()
		if 0.5 <= u && u < 0.875 {
			between++
		}
		w.crises()
		provoked := false
		for _, e := range w.events {
			provoked = provoked || e.Type == EventProvocation
		}
		if provoked != (u < 0.875) {
			t.Errorf("seed %d: draw %v, provoked %v; want a provocation exactly below 0.875", seed, u, provoked)
		}
	}
	if between == 0 {
		t.Fatal("set-up: no seed drew in [0.5, 0.875), where the monthly and quarterly chances differ")
	}
}

// A state that becomes sovereign joins the alliances it was designated to,
// unless that would repeat an alliance in force, and takes effect in the
// treaties signed for it, unless its patron is already its ally (the
// treaty would add nothing): here {pat, c1, c3} is in force when c3
// becomes sovereign, so c3 does not join {pat, c1} (designated), and pat's
// pending bilateral with c3 forms nothing. Both are cleared.
func TestSovereigntyAddsNoDuplicate(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Sovereign = false
	w := perceived(t, sc)
	a := w.form(set(pat, c1, c3), true, OriginImposed).ID
	if al := &w.alliances[a]; al.Members != set(pat, c1) || al.Designated != set(c3) {
		t.Fatalf("set-up: members %v, designated %v", al.Members, al.Designated)
	}
	w.pending = append(w.pending, pendingTreaty{patron: pat, client: c3, strong: true})
	w.sovereign[c3] = true
	b := w.form(set(pat, c1, c3), false, OriginImposed).ID
	w.joinDesignated(c3)
	if al := &w.alliances[a]; al.Members != set(pat, c1) || al.Designated != 0 {
		t.Errorf("designated alliance: members %v, designated %v; want {pat, c1} and none", al.Members, al.Designated)
	}
	if len(w.alliances) != b+1 || len(w.pending) != 0 {
		t.Errorf("%d alliances, %d pending; want no new alliance and none pending: %v", len(w.alliances), len(w.pending), describe(w))
	}
}

// Over a quarterly tick a challenge is the chance of at least one monthly
// challenge (docs/model.md §2.7, §7.10): with the monthly 0.0194472962089173
// of TestChallengeProbability (adv unshocked, c1 alone), 1 − (1 −
// 0.0194472962089173)³ = 0.0572146515527385.
func TestChallengeProbabilityPerTick(t *testing.T) {
	sc := testScenario()
	sc.Calendar.MonthsPerTick, sc.Ticks = 3, 40
	sc.Params.ChallengeRate = 0.02
	w := NewWorld(mustCompile(t, sc), 1)
	w.refreshForces()
	nearly(t, "quarterly challenge probability", w.challengeProbability(adv, c1), 0.0572146515527385, 1e-15)
}

// Remembered aggression fades by memory_decay (0.02) a month, as a share
// of what is left, at the end of the tick (docs/model.md §3.1, §7.10): a
// provocation by c1 in tick 0 leaves every other state remembering
// 0.3·0.98 = 0.294 of it when the tick ends, 0.3·0.98² after the next
// tick if c1 is then kept from provoking; a memory of 0 stays 0.
func TestMemoryDecaysAtTheEndOfTheTick(t *testing.T) {
	sc := provokingScenario()
	w := NewWorld(mustCompile(t, sc), 1)
	w.Step()
	n := w.c.n
	provoked := false
	for _, e := range w.events {
		provoked = provoked || (e.Type == EventProvocation && e.Actor == c1)
	}
	if !provoked {
		t.Fatalf("set-up: c1 should provoke in tick 0: %v", describe(w))
	}
	for i := 0; i < n; i++ {
		want := 0.3 * 0.98
		if i == c1 {
			want = 0 // nobody remembers its own aggression
		}
		nearly(t, w.c.id[i]+"'s memory of c1 after tick 0", w.memory[i*n+c1], want, 1e-15)
		nearly(t, w.c.id[i]+"'s memory of the adversary", w.memory[i*n+adv], 0, 0)
	}
	w.c.p.ProvokeRate = 0
	w.Step()
	nearly(t, "pat's memory of c1 after tick 1", w.memory[pat*n+c1], 0.3*0.98*0.98, 1e-15)
}

// Remembered aggression fades by memory_decay as the scenario sets it:
// at 0.1 a month (monthly ticks, so 0.1 a tick) a memory of 0.3 is
// 0.3·(1 − 0.1) = 0.27 after one tick's decay (at the default 0.02:
// 0.294); a memory of 0 stays 0.
func TestMemoryDecayReadsItsParameter(t *testing.T) {
	sc := testScenario()
	sc.Params.MemoryDecay = 0.1
	w := NewWorld(mustCompile(t, sc), 1)
	n := w.c.n
	w.memory[c1*n+adv] = 0.3
	w.decay()
	nearly(t, "c1's memory of adv after one decay", w.memory[c1*n+adv], 0.27, handTol)
	nearly(t, "c2's memory of adv, 0 before", w.memory[c2*n+adv], 0, 0)
}

// An ally is asked through the alliance in which it is likeliest to come,
// ties to the lower id (docs/model.md §7.10), and brings help weighted by
// that alliance's cohesion: the patron stands by c1 in A = {pat, c1},
// strong, cohesion 0.6, and in B = {pat, c1, c2}, weak, cohesion 0.9 —
// p_strong·0.6 = p_weak·0.9 = 0.54, a tie, so it comes through A with
// help 0.6·P(pat→c1), not 0.9·P(pat→c1). c2, a fellow client of the
// imposed B, is not asked.
func TestHonouringTiesGoToTheLowerID(t *testing.T) {
	came := 0
	for seed := uint64(1); seed <= 20; seed++ {
		w := NewWorld(mustCompile(t, testScenario()), seed)
		w.perceive()
		ida := w.form(set(pat, c1), true, OriginBilateral).ID
		idb := w.form(set(pat, c1, c2), false, OriginImposed).ID
		a, b := &w.alliances[ida], &w.alliances[idb] // forming b may move a
		a.Cohesion, b.Cohesion = 0.6, 0.9
		w.refreshAlliances()
		if pa, pb := w.c.honour(true)*a.Cohesion, w.c.honour(false)*b.Cohesion; pa != pb || a.ID > b.ID {
			t.Fatalf("set-up: honour probabilities %v (alliance %d) and %v (%d) should tie", pa, a.ID, pb, b.ID)
		}
		honoured, help := w.honouring(c1)
		switch honoured {
		case set(pat):
			came++
			nearly(t, "help through the lower id", help, 0.6*w.proj[pat*w.c.n+c1], 1e-15)
		case 0:
			nearly(t, "help when nobody comes", help, 0, 0)
		default:
			t.Errorf("seed %d: %v came; only pat is pledged to c1", seed, honoured)
		}
	}
	if came == 0 || came == 20 {
		t.Errorf("set-up: the patron came in %d of 20 seeds; the test needs both", came)
	}
}

// Event.Script is the scripted event's index in the scenario's events, in
// file order, though they are applied in tick order: with "late" (tick
// 2) written before "early" (tick 1), the event logged at tick 1 is
// Scenario().Events[1].
func TestScriptIndexIsTheFilesOrder(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{
		{ID: "late", Tick: 2, Kind: ScriptIntent, Actor: "adv", Delta: 1},
		{ID: "early", Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: -1},
	}
	w := NewWorld(mustCompile(t, sc), 1)
	for range 3 {
		w.Step()
	}
	var got []string
	for _, e := range w.Events() {
		if e.Type == EventScripted {
			got = append(got, w.Compiled().Scenario().Events[e.Script].ID)
		}
	}
	if want := []string{"early", "late"}; !slices.Equal(got, want) {
		t.Errorf("scripted events by their Script index, in the order applied: %v, want %v", got, want)
	}
	// and the result's records name the event each was
	got = got[:0]
	for _, e := range w.Result().Events {
		if e.Script != nil {
			got = append(got, e.Script.ID)
		}
	}
	if want := []string{"early", "late"}; !slices.Equal(got, want) {
		t.Errorf("scripted events in the result, in the order applied: %v, want %v", got, want)
	}
}

// A targeted intent shock moves only the target's reading of the actor,
// not the revisionism everyone reads into it — which sets its challenges,
// provocations and the entrapment it costs its allies (docs/model.md
// §7.10, §7.15); an untargeted one moves both.
func TestTargetedShockLeavesTheActorsRevisionism(t *testing.T) {
	for _, c := range []struct {
		target string
		public float64 // adv's revisionism as everyone reads it: 0.8, or σ(logit 0.8 + 2)
	}{{"c1", 0.8}, {"", 1 / (1 + 0.25*math.Exp(-2))}} {
		sc := testScenario()
		sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "adv", Target: c.target, Delta: 2}}
		w := NewWorld(mustCompile(t, sc), 1)
		w.applyScripted()
		nearly(t, "adv's revisionism, shock aimed at "+c.target, w.revisionismOf(adv), c.public, 1e-12)
		if got := w.shift[c1*w.c.n+adv]; got != 2 {
			t.Errorf("target %q: c1's shift of adv %v, want 2", c.target, got)
		}
		if got, want := w.shift[c2*w.c.n+adv], map[string]float64{"c1": 0, "": 2}[c.target]; got != want {
			t.Errorf("target %q: c2's shift of adv %v, want %v", c.target, got, want)
		}
	}
}

// A client provokes a crisis only with an adversary still alive (docs/
// model.md §7.11): with the adversary eliminated, c1, which provokes every
// month, draws its chance and then has no foe — no provocation, no
// memory of its aggression, no penalty.
func TestNoProvocationWithoutALiveAdversary(t *testing.T) {
	w := NewWorld(mustCompile(t, provokingScenario()), 1)
	w.perceive()
	al := w.form(set(pat, c1), true, OriginBilateral)
	w.eliminate(adv)
	from := len(w.events)
	w.crises()
	for _, e := range w.events[from:] {
		if e.Type == EventProvocation || e.Type == EventRestraint {
			t.Errorf("with no adversary alive: %v by %s", e.Type, w.c.id[e.Actor])
		}
	}
	if m := w.memory[pat*w.c.n+c1]; m != 0 || al.penaltyUntil[pat] != 0 {
		t.Errorf("with no adversary alive: pat remembers %v of c1, pays until %d; want 0, 0", m, al.penaltyUntil[pat])
	}
}

// An eliminated adversary challenges no one: at a challenge rate of 1 a
// living one would at σ(−κ_c·θ_c) = 0.12 a client and tick at least, even
// with no credible threat, so over 50 ticks of three clients it would
// challenge about 18 times or more.
func TestNoChallengeByAnEliminatedAdversary(t *testing.T) {
	sc := testScenario()
	sc.Params.ChallengeRate = 1
	w := perceived(t, sc)
	w.eliminate(adv)
	from := len(w.events)
	for range 50 {
		w.crises()
	}
	for _, e := range w.events[from:] {
		if e.Type == EventChallenge {
			t.Fatalf("an eliminated adversary challenges %s", w.c.id[e.Target])
		}
	}
}

// Restraint reads an alliance's control at its size now: an imposed
// alliance of four whose fourth member left is a trilateral, and with
// control_trilateral 1 (control_multilateral 0) its patron restrains.
func TestRestraintByCurrentSize(t *testing.T) {
	sc := provokingScenario()
	sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 1, 0
	w := perceived(t, sc)
	al := w.form(set(pat, c1, c2, c3), false, OriginImposed)
	w.leave(al, c3, al.Members)
	if !al.Active() || al.Members.Len() != 3 {
		t.Fatalf("set-up: members %v", al.Members)
	}
	if p, ok := w.restrain(c1); p != pat || !ok {
		t.Errorf("restrain(c1) = %d, %v; want the patron, true (a trilateral now, control 1)", p, ok)
	}
}

// Of two patrons allied to a client with the same control, the one of the
// lower alliance id restrains it: c3, made a patron, allied first.
func TestRestraintTieGoesToTheLowerAllianceID(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Role = Patron
	w := perceived(t, sc)
	w.form(set(c3, c1), false, OriginBilateral)
	w.form(set(pat, c1), false, OriginBilateral)
	if p, _ := w.restrain(c1); p != c3 {
		t.Errorf("restraining patron %d, want c3 (%d), of alliance 0", p, c3)
	}
}

// An ended alliance restrains no one and hides no alliance in force: the
// patron left an imposed alliance (which keeps its members and its
// patron flag when it ends), then allied with c1 alone; with every
// control 1 it restrains c1.
func TestEndedAllianceDoesNotRestrain(t *testing.T) {
	sc := testScenario()
	sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 1, 1, 1
	w := perceived(t, sc)
	a := w.form(set(pat, c1, c2), true, OriginImposed)
	w.leave(a, pat, a.Members)
	if a.Active() {
		t.Fatal("set-up: the imposed alliance is still in force")
	}
	w.form(set(pat, c1), true, OriginBilateral)
	if p, ok := w.restrain(c1); p != pat || !ok {
		t.Errorf("restrain(c1) = %d, %v; want the patron, true", p, ok)
	}
}

// With no adversary alive a provocation has no target: no restraint is
// drawn either, so the stream of a world with a bilateral that could
// restrain (control 0.8) stays that of a world without it.
func TestNoRestraintDrawWithoutALiveAdversary(t *testing.T) {
	sc := provokingScenario()
	sc.Params.ControlBilateral = 0.8
	a, b := twins(t, sc, 3, func(w *World) { w.eliminate(adv) })
	a.form(set(pat, c1), true, OriginBilateral)
	a.crises()
	b.crises()
	sameStream(t, a, b, "a restraint was drawn with no adversary alive")
}

// Only clients provoke: a patron at revisionism 1 (which a scenario may
// give it) with provoke_rate 1 provokes nothing and draws nothing.
func TestARevisionistPatronDoesNotProvoke(t *testing.T) {
	build := func(patronRevisionism float64) *World {
		sc := provokingScenario()
		sc.States[c1].Revisionism = 0
		sc.States[pat].Revisionism = patronRevisionism
		w := perceived(t, sc)
		w.crises()
		return w
	}
	w, u := build(1), build(0)
	for _, e := range w.events {
		if e.Type == EventProvocation {
			t.Errorf("a provocation by %s", w.c.id[e.Actor])
		}
	}
	sameStream(t, w, u, "a number was drawn for the patron's provocation")
}

// An indigenous alliance outlives its patron's elimination (§7.10,
// §7.12): its clients' alliance goes on, without the patron.
func TestIndigenousAllianceOutlivesItsEliminatedPatron(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(c1, c2), true, OriginClient)
	w.join(al, pat, EntryJoined)
	w.eliminate(pat)
	if !al.Active() || al.HasPatron || al.Members != set(c1, c2) {
		t.Errorf("in force %v, patron %v, members %v; want in force, no patron, c1 and c2", al.Active(), al.HasPatron, al.Members)
	}
}

// An eliminated patron's treaties awaiting a client's sovereignty lapse,
// so that a withdrawal reviving it does not bring them back.
func TestAnEliminatedPatronsPendingTreatiesLapse(t *testing.T) {
	w := perceived(t, testScenario())
	w.pending = append(w.pending, pendingTreaty{patron: pat, client: c3, strong: true})
	w.eliminate(pat)
	if len(w.pending) != 0 {
		t.Errorf("pending treaties %v after the patron's elimination; want none", w.pending)
	}
}

// An ended alliance calls no one into a crisis: with p_strong 1 and
// p_weak 0, c1's ended strong bilateral would honour for sure, its weak
// imposed alliance in force never; no ally honours.
func TestAnEndedAllianceDoesNotHonour(t *testing.T) {
	sc := testScenario()
	sc.Params.PStrong, sc.Params.PWeak = 1, 0
	w := perceived(t, sc)
	strong := w.form(set(pat, c1), true, OriginBilateral)
	withCohesion(w, strong, 1)
	id := strong.ID
	weak := w.form(set(pat, c1, c2), false, OriginImposed)
	withCohesion(w, weak, 1)
	w.end(&w.alliances[id], EndMembersLeft, pat, -1)
	w.refreshAlliances()
	if got, help := w.honouring(c1); got != 0 || help != 0 {
		t.Errorf("honoured by %v with help %v; want no one", got, help)
	}
}

// A provocation brings no entrapment penalty through an ended alliance.
func TestAnEndedAllianceCarriesNoEntrapmentPenalty(t *testing.T) {
	sc := provokingScenario()
	sc.Params.OccupyCells = 0
	w := perceived(t, sc)
	e := w.form(set(pat, c1), true, OriginBilateral)
	id := e.ID
	w.end(e, EndMembersLeft, pat, -1)
	w.refreshAlliances()
	w.crises()
	if u := w.alliances[id].penaltyUntil[pat]; u != 0 {
		t.Errorf("a penalty until tick %d on an ended alliance", u)
	}
}

// The crisis test at its edge, counting the defender's land and its
// ally's full help: occupy_margin 1, p_strong 1 and cohesion 1, so the
// patron honours and Def(c1) = 1 + 3.292869816564158 = 4.292869816564158;
// P(adv→c1) = 7.609835396005712 is below (1 + 1)·Def = 8.585739633128316,
// and c1 keeps its 6 cells. Without its land (2·3.2929 = 6.5857) or with
// half the help (2·2.6464 = 5.2929) it would lose cells.
func TestCrisisDefenceAtItsEdge(t *testing.T) {
	sc := testScenario()
	sc.Params.PStrong = 1
	sc.Params.OccupyMargin = 1
	w := pledgedToC1(t, sc, 1)
	nearly(t, "P(adv→c1)", w.proj[adv*w.c.n+c1], 7.609835396005712, 1e-12)
	w.challenge(adv, c1)
	if got := w.geo.Cells(c1); got != 6 {
		t.Errorf("%d cells left, want 6", got)
	}
}

// The other side of the crisis edge: a lone client loses cells when the
// challenger's force exceeds (1 + occupy_margin)·Def. c1 with land 3 and
// no ally has Def(c1) = 3 (no rough), against P(adv→c1) =
// 8·e^(−1/20) = 7.609835396005712: the edge is at a margin of
// 7.6098/3 − 1 = 1.5366. At margin 1 (2·3 = 6) and 1.5 (2.5·3 = 7.5)
// adv takes occupy_cells 3 of c1's 6 cells and c1 keeps 3; at 1.6
// (2.6·3 = 7.8) and at the default 2 (3·3 = 9) c1 holds its 6.
func TestCrisisOccupiesPastTheMargin(t *testing.T) {
	for _, c := range []struct {
		margin float64
		left   int
	}{{1, 3}, {1.5, 3}, {1.6, 6}, {2, 6}} {
		sc := testScenario()
		sc.Params.OccupyMargin = c.margin
		sc.States[c1].Land = 3
		w := perceived(t, sc)
		nearly(t, "P(adv→c1)", w.proj[adv*w.c.n+c1], 7.609835396005712, 1e-12)
		nearly(t, "Def(c1)", w.geo.Defence(c1, w.land[c1], 0), 3, 0)
		w.challenge(adv, c1)
		if got := w.geo.Cells(c1); got != c.left {
			t.Errorf("occupy_margin %v: %d cells left, want %d", c.margin, got, c.left)
		}
	}
}

// Challenges are drawn for each live adversary in index order and, within
// it, for each live client in index order (docs/model.md §7.10): with a
// second adversary (B) beside the first, crises logs, tick after tick,
// the challenges a hand-written loop in that order draws from a twin
// world, and leaves its random stream where the twin's is. The same loop
// with the clients outside draws other challenges in some tick of the 60,
// so the order is what the test checks.
func TestChallengesDrawnForEachAdversaryThenEachClient(t *testing.T) {
	sc := testScenario()
	sc.Map = "AAAA1122233BB~~PP\nAAAA1122233BB~~PP\nAAAA1122233BB~~PP"
	sc.States = append(sc.States, State{ID: "adv2", Name: "adv2", Role: Adversary, Glyph: 'B',
		Land: 8, Naval: 2, Economy: 8, Revisionism: 0.8, Ideology: -1, Sovereign: true})
	sc.Params.ChallengeRate = 0.5
	sc.Params.OccupyCells = 0 // crises without a change of the map
	c := mustCompile(t, sc)
	type pair struct{ a, v int }
	loop := func(w *World, adversariesFirst bool) []pair {
		var drawn []pair
		try := func(a, v int) {
			if w.rng.Float64() < w.challengeProbability(a, v) {
				w.challenge(a, v)
				drawn = append(drawn, pair{a, v})
			}
		}
		if adversariesFirst {
			c.adversaries.Each(func(a int) { c.clients.Each(func(v int) { try(a, v) }) })
		} else {
			c.clients.Each(func(v int) { c.adversaries.Each(func(a int) { try(a, v) }) })
		}
		return drawn
	}
	w, byHand, clientsFirst := NewWorld(c, 5), NewWorld(c, 5), NewWorld(c, 5)
	if c.adversaries.Len() != 2 || c.clients.Len() != 3 {
		t.Fatalf("%d adversaries and %d clients, want 2 and 3", c.adversaries.Len(), c.clients.Len())
	}
	differ, challenges := false, 0
	for tick := 0; tick < 60; tick++ {
		for _, x := range []*World{w, byHand, clientsFirst} {
			x.perceive()
		}
		from := len(w.events)
		w.crises()
		var got []pair
		for _, e := range w.events[from:] {
			if e.Type != EventChallenge {
				t.Fatalf("tick %d: a %v event in crises of a world without provocation", tick, e.Type)
			}
			got = append(got, pair{e.Actor, e.Target})
		}
		want := loop(byHand, true)
		challenges += len(want)
		if !slices.Equal(got, want) {
			t.Fatalf("tick %d: challenges %v, want %v (each adversary, then each client)", tick, got, want)
		}
		sameStream(t, w, byHand, fmt.Sprintf("tick %d's crises", tick))
		if !slices.Equal(loop(clientsFirst, false), want) {
			differ = true
		}
		clientsFirst.rng.Uint64() // as sameStream drew from the others
		for _, x := range []*World{w, byHand, clientsFirst} {
			x.decay()
		}
	}
	if challenges < 60 || challenges > 300 {
		t.Errorf("%d challenges in 60 ticks of 6 pairs: too few or too many for the draws to decide", challenges)
	}
	t.Logf("%d challenges in 60 ticks", challenges)
	if !differ {
		t.Error("the clients-first order drew the same challenges in all 60 ticks: the test cannot tell the orders apart")
	}
}

// landlessClient is a client with no glyph: it owns no cell of the map,
// and stays alive without one (docs/model.md §2.1).
func landlessClient(id string) State {
	return State{ID: id, Name: id, Role: Client, Sovereign: true, Land: 1, Economy: 1}
}

// A scripted capability event sets only the forces it names (SetLand,
// SetNaval, SetEconomy); the others stay as they were. c1 starts with
// land 1, naval 0 and economy 1 (testScenario); setting one of them to 2
// leaves the other two at their start.
func TestCapabilityEventSetsOnlyWhatItNames(t *testing.T) {
	for _, c := range []struct {
		name                 string
		event                ScriptedEvent
		land, naval, economy float64
	}{
		{"land", ScriptedEvent{SetLand: true, Land: 2}, 2, 0, 1},
		{"naval", ScriptedEvent{SetNaval: true, Naval: 2}, 1, 2, 1},
		{"economy", ScriptedEvent{SetEconomy: true, Economy: 2}, 1, 0, 2},
	} {
		sc := testScenario()
		c.event.Tick, c.event.Kind, c.event.Actor = 1, ScriptCapability, "c1"
		sc.Events = []ScriptedEvent{c.event}
		w := perceived(t, sc)
		w.tick = 1
		w.applyScripted()
		if w.land[c1] != c.land || w.naval[c1] != c.naval || w.economy[c1] != c.economy {
			t.Errorf("%s alone: c1's land, naval, economy %v, %v, %v; want %v, %v, %v",
				c.name, w.land[c1], w.naval[c1], w.economy[c1], c.land, c.naval, c.economy)
		}
	}
}

// A sovereignty event that leaves a state without its sovereignty brings
// it into nothing (joinDesignated): c3, occupied and designated in the
// patron's alliance with c1 and c2, is declared not sovereign at tick 2
// and stays designated, outside the alliance, until tick 5, when it is
// sovereign and joins.
func TestNoSovereigntyJoinsNothing(t *testing.T) {
	sc := occupiedC3(t)
	sc.Events = append([]ScriptedEvent{{Tick: 2, Kind: ScriptSovereignty, Actor: "c3", Sovereign: false}}, sc.Events...)
	w := perceived(t, sc)
	al := w.form(set(pat, c1, c2, c3), true, OriginImposed)
	if al == nil || !al.Designated.Has(c3) {
		t.Fatalf("set-up: c3 should be designated: %v", describe(w))
	}
	for _, c := range []struct {
		tick   int
		member bool
	}{{2, false}, {5, true}} {
		w.tick = c.tick
		w.applyScripted()
		if al.Members.Has(c3) != c.member || al.Designated.Has(c3) == c.member {
			t.Errorf("tick %d: c3 a member %v, designated %v; want a member %v", c.tick, al.Members.Has(c3), al.Designated.Has(c3), c.member)
		}
	}
}

// A scripted occupation that takes a state's last cell eliminates it,
// however few cells it took: adv takes ⌈0.8·6⌉ = 5 of c1's 6 cells at
// tick 1, and c1, one cell left, is alive; at tick 2 it takes the last
// one, and c1 is eliminated.
func TestScriptedOccupationOfTheLastCellEliminates(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 0.8},
		{Tick: 2, Kind: ScriptOccupy, Actor: "adv", Target: "c1", Fraction: 1},
	}
	w := perceived(t, sc)
	for _, c := range []struct {
		tick, cells int
		alive       bool
	}{{1, 1, true}, {2, 0, false}} {
		w.tick = c.tick
		w.applyScripted()
		if w.geo.Cells(c1) != c.cells || w.alive[c1] != c.alive {
			t.Errorf("tick %d: c1 has %d cells, alive %v; want %d, %v", c.tick, w.geo.Cells(c1), w.alive[c1], c.cells, c.alive)
		}
	}
}

// A memory at its cap of 1 decays like any other (docs/model.md: by
// memory_decay a tick, multiplicatively): at the default 0.02 it is
// 1·(1 − 0.02) = 0.98 after one tick's decay; a memory of 0 stays 0.
func TestMemoryAtItsCapDecays(t *testing.T) {
	w := perceived(t, testScenario())
	n := w.c.n
	w.memory[pat*n+adv] = 1
	w.decay()
	nearly(t, "pat's memory of adv", w.memory[pat*n+adv], 0.98, 1e-15)
	nearly(t, "c1's memory of adv", w.memory[c1*n+adv], 0, 0)
}

// A client without sovereignty has no alliance policy of its own, but it
// still provokes (docs/model.md §7.11, §7.13), as West Germany does in
// europe-1947 before 1955: c1, not sovereign, of revisionism 1 and
// provoke_rate 1, provokes adv at once, and everyone but c1 remembers its
// aggression.
func TestAClientWithoutSovereigntyProvokes(t *testing.T) {
	sc := provokingScenario()
	sc.States[c1].Sovereign = false
	w := perceived(t, sc)
	from := len(w.events)
	w.crises()
	provoked := 0
	for _, e := range w.events[from:] {
		if e.Type == EventProvocation && e.Actor == c1 && e.Target == adv {
			provoked++
		}
	}
	if provoked != 1 {
		t.Fatalf("c1 without sovereignty provoked %d times, want 1: %v", provoked, describe(w))
	}
	nearly(t, "pat's memory of c1", w.memory[pat*w.c.n+c1], sc.Params.AggressionMemory, handTol)
}
