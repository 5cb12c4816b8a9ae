package sim

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// Hand-computed tests of the mechanisms of docs/model.md §7 (and the
// reference point of §7.3 and the policy review of §7.13) on the small
// theatre of
// testdata_test.go:
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

const handTol = 1e-12

func nearly(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) { // NaN fails too
		t.Errorf("%s = %.15g, want %.15g (by hand)", what, got, want)
	}
}

// withCohesion sets an alliance's cohesion and brings ties and allied help
// up to date, as cohesionAndExit would.
func withCohesion(w *World, al *Alliance, h float64) {
	al.Cohesion = h
	w.refreshAlliances()
	w.rebaseline()
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
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
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
			w := NewWorld(mustCompile(t, sc), 1)
			w.perceive()
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
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.perceive()
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

// Restraint: before a provocation, each patron allied with the client has
// one chance to hold it back, with the control probability of the
// tightest alliance they share. c1 (revisionism 1, provoke_rate 1: it
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
		w := NewWorld(mustCompile(t, sc), 1)
		w.perceive()
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
				case e.Type == EventRestraint && e.Actor == pat && e.Target == c1:
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
			w := NewWorld(mustCompile(t, sc), 1)
			w.perceive()
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

// Entrapment: after c1's provocation at tick 5, its strong allies — pat in
// S = {pat, c1} — pay entrapment_cost (0.1) against their stay value for
// entrapment_memory (24) ticks: through tick 28, not at 29. Its weak
// allies (c2, c3 in W = {c1, c2, c3}) pay nothing, nor does c1 itself.
//
// The penalty is an autonomy cost: the good outcome falls by 0.1·(1 − v),
// the bad by 0.1·(1 + v). pat values by expected utility, so its stay
// value falls by 0.1·(p(1 − v) + (1 − p)(1 + v)) = 0.1·(1 + v − 2pv),
// v = 1 − e^(−0.5) = 0.393469340287367 (strong, one partner) and p =
// p_strong·(1 − d) with d the divergence of pat's and c1's pictures. With
// an exit cost halfway between its margins without and with the penalty,
// pat stays before the provocation and leaves after it.
func TestEntrapmentPenalty(t *testing.T) {
	build := func(exitCost float64) (*World, *Alliance) {
		sc := testScenario()
		sc.Params.ProvokeRate = 1
		sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 0, 0, 0
		sc.Params.ExitCost = exitCost
		sc.States[c1].Revisionism = 1
		sc.States[pat].Decision = agents.DecisionOverrides{"valuation": "expected_utility"}
		w := NewWorld(mustCompile(t, sc), 1)
		w.perceive()
		w.tick = 5
		s := w.form(set(pat, c1), true, OriginBilateral).ID
		w.form(set(c1, c2, c3), false, OriginClient)
		return w, &w.alliances[s]
	}
	w, s := build(0.05)
	stayAlone := func(penalty float64) (stay, alone float64) {
		without := w.threatUnder(pat, change{drop: s.ID})
		stay = w.appraiseFrom(pat, set(c1), true, OriginBilateral, without, w.threat[pat], penalty).value
		alone = w.c.valuation[pat].Value(agents.SelfHelp(without, w.reference[pat], w.c.costs), &w.c.decision[pat])
		return
	}
	stay0, alone := stayAlone(0)
	stayP, _ := stayAlone(0.1)
	v := 1 - math.Exp(-0.5)
	p := 0.9 * (1 - agents.Divergence(w.picture[pat], w.picture[c1]))
	nearly(t, "stay value lost to the penalty", stay0-stayP, 0.1*(1+v-2*p*v), handTol)

	w.crises()
	if len(w.events) == 0 || w.events[len(w.events)-1].Type != EventProvocation {
		t.Fatalf("c1 should provoke: %v", describe(w))
	}
	for _, al := range w.alliances {
		for m := 0; m < w.c.n; m++ {
			want := int32(0)
			if al.ID == s.ID && m == pat {
				want = 5 + 24
			}
			if al.penaltyUntil[m] != want {
				t.Errorf("alliance %d: %s pays until %d, want %d", al.ID, w.c.id[m], al.penaltyUntil[m], want)
			}
		}
	}

	// The exit decision: an exit cost halfway between the margins
	// alone − stay without and with the penalty.
	exitCost := (alone - stay0 + alone - stayP) / 2
	if !(alone-stay0 < exitCost && exitCost < alone-stayP && exitCost > 0) {
		t.Fatalf("set-up: margins %v and %v should bracket a positive exit cost", alone-stay0, alone-stayP)
	}
	w2, s2 := build(exitCost)
	for _, c := range []struct {
		tick  int
		leave float64
	}{{5, 0}, {6, 1}, {28, 1}, {29, 0}} {
		w2.tick = c.tick
		if c.tick == 6 {
			w2.tick = 5
			w2.crises() // the provocation, at tick 5
			w2.tick = 6
		}
		if got := w2.leaveProbability(s2, pat); got != c.leave {
			t.Errorf("tick %d: pat leaves with probability %v, want %v", c.tick, got, c.leave)
		}
	}
}

// Cohesion h = agents.Cohesion of the members' threat pictures. A patron's
// picture is the stake-weighted quadratic mean of its clients' pictures,
// √(Σ s·x²/Σ s), if that exceeds its own: with pictures pat 0.1, c1 0.6,
// c2 0.2, c3 0.4 and stakes 1, x_pat = √((0.36 + 0.04 + 0.16)/3) =
// √(0.56/3) = 0.432049379893857. For S = {pat, c1}: mean m = (x_pat +
// 0.6)/2 = 0.516024689946929; divergences |x − m|/(x + m) =
// 0.0885746301100436 and 0.0752450289043916; h = 1 − their mean =
// 0.918090170492782. cohesionAndExit sets it, and pat's help to c1 is
// h·P(pat→c1) = 0.918090170492782·3.292869816564158 = 3.02315141129993.
func TestCohesion(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.perceive()
	al := w.form(set(pat, c1), true, OriginBilateral)
	w.directPicture[pat], w.directPicture[c1], w.directPicture[c2], w.directPicture[c3] = 0.1, 0.6, 0.2, 0.4
	w.patronTotals()
	nearly(t, "pat's picture", w.picture[pat], math.Sqrt(0.56/3), handTol)
	nearly(t, "cohesionOf", w.cohesionOf(set(pat, c1)), 0.918090170492782, handTol)
	w.reviewing = 0 // no exit decisions
	w.cohesionAndExit()
	nearly(t, "the alliance's cohesion", al.Cohesion, 0.918090170492782, handTol)
	nearly(t, "pat's help to c1", w.help[c1], 3.02315141129993, handTol)
}

// Exit: a member leaves when staying is worse than its position without
// the alliance by more than the exit cost, with the softmax noise of its
// temperature (0 here: certainly). Clients of an imposed alliance hold
// only the commitment the patron asked of them: their exit cost is
// exit_cost·(1 − μ) = 0.05·0.2 = 0.01; a client of an indigenous alliance
// and the patron pay the full 0.05. c1 fears c2 (grievance 0.9, feared as
// a revival, grievance_fear 1), so staying in A = {pat, c1, c2} is worse
// than leaving by some margin m > 0; with exit_cost 2m the imposed
// client's exit cost is 0.4m < m: it leaves; in the same alliance of
// indigenous origin 2m > m: it stays.
func TestExit(t *testing.T) {
	build := func(exitCost float64) (*World, *Alliance) {
		sc := testScenario()
		sc.Params.GrievanceFear = 1
		sc.Params.ExitCost = exitCost
		sc.States[c1].Grievance = map[string]float64{"c2": 0.9}
		w := NewWorld(mustCompile(t, sc), 1)
		w.perceive()
		return w, w.form(set(pat, c1, c2), true, OriginImposed)
	}
	w, al := build(0.05)
	nearly(t, "exit cost of an imposed alliance's client", w.exitCost(al, c1), 0.01, handTol)
	nearly(t, "exit cost of its patron", w.exitCost(al, pat), 0.05, handTol)
	al.Origin = OriginIndigenous
	nearly(t, "exit cost of an indigenous alliance's client", w.exitCost(al, c1), 0.05, handTol)
	al.Origin = OriginImposed

	// the margin: c1's value alone (no ally left: self-help) less its
	// value of staying, from the baseline of its threat without A
	without := w.threatUnder(c1, change{drop: al.ID})
	stay := w.appraiseFrom(c1, set(pat, c2), true, OriginImposed, without, w.threat[c1], 0).value
	alone := w.c.valuation[c1].Value(agents.SelfHelp(without, w.reference[c1], w.c.costs), &w.c.decision[c1])
	margin := alone - stay
	if margin <= 0 {
		t.Fatalf("set-up: c1 should prefer leaving A (margin %v)", margin)
	}
	if got := w.leaveProbability(al, c1); got != 1 {
		t.Errorf("at exit cost 0.05 (0.01 for c1) c1 leaves with %v, want 1", got)
	}
	w, al = build(2 * margin)
	if got := w.leaveProbability(al, c1); got != 1 {
		t.Errorf("imposed, exit cost 2m: c1 leaves with %v, want 1 (it pays 0.4m < m)", got)
	}
	al.Origin = OriginIndigenous
	if got := w.leaveProbability(al, c1); got != 0 {
		t.Errorf("indigenous, exit cost 2m: c1 leaves with %v, want 0 (it pays 2m > m)", got)
	}
	// with noise: temperature 0.1 errs with σ(−1/0.1) = σ(−10)
	w.c.decision[c1].Temperature = 0.1
	nearly(t, "indigenous, at temperature 0.1", w.leaveProbability(al, c1), 1/(1+math.Exp(10)), handTol)
}

// The status-quo reference point (docs/model.md §7.3): Compile's reference
// is the noise-free total threat at tick 0 with no grievance or memory,
// every adversary at status_quo_revisionism (½ by default) and every other
// state at revisionism zero — what power, geography, ideology and an
// adversary of undecided intent give. Intent from ideology is
// ψ·|Δideology|/2 = 0.15·|Δideology|; τ = I·(Pw + G + 2·Occ)/4, Pw =
// economy/10, Occ = denial·credibility with no allies (Def = own land),
// T = 1 − Π(1 − τ).
//
// With the adversary's status-quo revisionism at 0, intent is ideology's
// alone:
//
//	c1: pat I 0.03, Pw 1, G 0.548812, P 3.29287, Occ 0.702287: τ 0.0221503889376
//	    adv I 0.27, Pw 0.8, G 0.951229, P 7.60984, Occ 0.86885: τ 0.235502759546
//	    (c2, c3: same ideology, no intent) T = 0.252436670763865
//	c2: pat τ 0.0234133892746, adv τ 0.227543187746: T = 0.245629019788907
//	c3: pat τ 0.0242734378358, adv τ 0.216317394834: T = 0.235340065833241
//	adv: pat τ 0.125924447506, c1 0.0718754838589, c2 0.0655623599875,
//	    c3 0.0572436888946: T = 0.285330924261889
//	pat: direct (clients 0.0048661, 0.0055322, 0.0060352; adv 0.0975825)
//	    0.112331575038759; its clients' threats from adv, x = 0.235502759546,
//	    0.227543187746, 0.216317394834, stakes 1, quadratic mean
//	    √(Σx²/3) = 0.226591164399057, the larger: T = 0.226591164399057
//
// At ½ each client reads adv with I = 1 − (1 − ½)(1 − 0.27) = 0.635, so
// its τ from adv is 0.635/0.27 of the above — 0.553867601154, 0.535147867477,
// 0.508746465628 — and T_c1 = 1 − (1 − 0.0221503889376)(1 − 0.553867601154)
// = 0.563749607307, T_c2 = 0.546031631411; the patron's direct threat
// (adv I = 1 − ½·0.7 = 0.65: 0.2114 from adv, 0.2243 in all) is below its
// clients' quadratic mean √(Σx²/3) = 0.532908849605; the adversary reads
// no adversary and keeps 0.285330924261889.
//
// Revisionism (adv 0.8), a grievance, perception noise and a scripted
// shock change none of it; a reference the scenario gives is kept.
func TestStatusQuoReference(t *testing.T) {
	for _, tc := range []struct {
		revisionism float64
		want        []float64 // pat, c1, c2, c3 (given), adv
	}{
		{0.5, []float64{0.532908849605189, 0.563749607306574, 0.546031631410600, 0.42, 0.285330924261889}},
		{0, []float64{0.226591164399057, 0.252436670763865, 0.245629019788907, 0.42, 0.285330924261889}},
	} {
		sc := testScenario()
		if sc.Params.StatusQuoRevisionism != 0.5 {
			t.Fatalf("default status_quo_revisionism %v, want 0.5", sc.Params.StatusQuoRevisionism)
		}
		sc.Params.StatusQuoRevisionism = tc.revisionism
		sc.Params.PerceptionNoise = 0.5
		sc.States[c1].Grievance = map[string]float64{"adv": 0.5}
		sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "adv", Delta: 2}}
		sc.States[c3].HasReference, sc.States[c3].Reference = true, 0.42
		c := mustCompile(t, sc)
		for i, r := range tc.want {
			nearly(t, fmt.Sprintf("at %v, %s's reference", tc.revisionism, c.id[i]), c.reference[i], r, 1e-12)
		}
		w := NewWorld(c, 1)
		w.Step()
		for i, r := range tc.want {
			nearly(t, fmt.Sprintf("at %v, %s's reference point at tick 0", tc.revisionism, c.id[i]), w.Reference(i), r, 1e-12)
		}
		if !w.InLosses(c1) {
			t.Errorf("at %v: adv's revisionism (0.8, and a shock) puts c1's threat above the status quo: losses", tc.revisionism)
		}
	}
}

// Policy review (docs/model.md §7.13): a state reviews when its threat
// moved by at least review_threshold (0.05) since its last review, when
// review_interval (12) ticks passed, when something that concerns it
// changed, or (a patron) when its strategy admits other options; every
// state at its first tick; never an adversary.
func TestPolicyReview(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 3, "impose_threshold": 1}
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	w.startReviews()
	if w.reviewing != set(pat, c1, c2, c3) {
		t.Fatalf("tick 0: reviewing %b, want every state but the adversary", w.reviewing)
	}
	// Reviewing, for observers, reads the same set.
	for i, want := range []bool{pat: true, c1: true, c2: true, c3: true, adv: false} {
		if w.Reviewing(i) != want {
			t.Errorf("tick 0: Reviewing(%d) = %v, want %v", i, !want, want)
		}
	}
	// Freeze threats at their tick-0 values and move time and threats by
	// hand.
	base := append([]float64(nil), w.threat...)
	review := func(tick int, threat map[int]float64) agents.Set {
		w.tick = tick
		copy(w.threat, base)
		for i, x := range threat {
			w.threat[i] = x
		}
		w.startReviews()
		return w.reviewing
	}
	if got := review(1, map[int]float64{c1: base[c1] + 0.049}); got != 0 {
		t.Errorf("threat moved by 0.049 < 0.05: reviewing %b, want none", got)
	}
	if got := review(2, map[int]float64{c1: base[c1] - 0.05}); got != set(c1) {
		t.Errorf("threat moved by 0.05: reviewing %b, want c1", got)
	}
	base[c1] -= 0.05 // c1's threat stays where it moved
	// c1's mark is now at tick 2, the others' at tick 0; the patron's
	// patience (3) runs out at tick 3 (it wanted an ally since tick 0),
	// so its strategy then admits a multilateral: a review.
	w.wantedSince[pat] = 0
	if got := review(3, nil); got != set(pat) {
		t.Errorf("tick 3, the patron's patience out: reviewing %b, want pat", got)
	}
	if got := review(11, nil); got != 0 {
		t.Errorf("tick 11: reviewing %b, want none", got)
	}
	if got := review(12, nil); got != set(c2, c3) {
		t.Errorf("tick 12, 12 ticks after their review: reviewing %b, want c2, c3", got)
	}
	// A change concerning c3 — its alliance with c2 — concerns c3, its
	// ally c2 and the patron, who holds stakes in them; not c1.
	w.alliances = append(w.alliances, Alliance{ID: len(w.alliances), Members: set(c2, c3), Ended: -1, Cohesion: 1})
	w.refreshAlliances()
	w.concerns(set(c3))
	if got := review(13, nil); got != set(pat, c2, c3) {
		t.Errorf("a change concerning c3: reviewing %b, want pat, c2, c3", got)
	}
	// A change concerning the adversary concerns every patron and client.
	w.concerns(set(adv))
	if got := review(14, nil); got != set(pat, c1, c2, c3) {
		t.Errorf("a change concerning adv: reviewing %b, want all but adv", got)
	}
	// Every tick with threshold 0 and interval 1.
	sc.Params.ReviewThreshold, sc.Params.ReviewInterval = 0, 1
	w = NewWorld(mustCompile(t, sc), 1)
	for range 5 {
		w.Step()
		if w.reviewing != set(pat, c1, c2, c3) {
			t.Fatalf("every-tick rule, tick %d: reviewing %b", w.tick-1, w.reviewing)
		}
	}
}

// Offers are always answered: a client that does not review its policy
// this tick still accepts a patron's proposal that beats its position.
func TestOffersAnsweredWithoutReview(t *testing.T) {
	sc := testScenario()
	sc.Decision.Strategy = "prospect"
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	w.reviewing = set(pat)
	w.patronRound(pat)
	if len(w.alliances) == 0 || w.alliances[0].Members.Len() < 2 {
		t.Fatalf("clients who do not review should still accept: %v", describe(w))
	}
}

// noChange is the world as it is.
var noChange = change{drop: -1}

// A hypothetical alliance is passed as a value: valuing options, the
// threat without an alliance, or nothing changed at all leaves the world
// exactly as it was — every matrix and vector, the alliances, the random
// stream (the next draw equals a twin world's) — and the threat under no
// change is the threat.
func TestHypotheticalLeavesWorldUnchanged(t *testing.T) {
	w, twin := twinWorlds(t)
	c := w.c
	before := snapshotWorld(w)
	for i := 0; i < c.n; i++ {
		if got := w.threatUnder(i, noChange); got != w.threat[i] {
			t.Errorf("%s: threat under no change %v, threat %v", c.id[i], got, w.threat[i])
		}
	}
	w.appraise(c2, set(pat, c3), true, OriginImposed)
	w.appraise(pat, set(c1, c2, c3), false, OriginImposed)
	w.bestCommitment(c3, set(c1, c2), OriginClient)
	w.threatUnder(pat, change{drop: 0})
	w.leaveProbability(&w.alliances[0], c1)
	if after := snapshotWorld(w); !reflect.DeepEqual(before, after) {
		for k := range before {
			if !reflect.DeepEqual(before[k], after[k]) {
				t.Errorf("valuing hypothetical alliances changed %s", k)
			}
		}
	}
	if a, b := w.rng.Float64(), twin.rng.Float64(); a != b {
		t.Errorf("valuing hypothetical alliances drew random numbers: %v vs the twin's %v", a, b)
	}
}

// snapshotWorld copies the World's state (not its scratch buffers and
// memo) for comparison.
func snapshotWorld(w *World) map[string]any {
	clone := func(x []float64) []float64 { return append([]float64(nil), x...) }
	al := make([]Alliance, len(w.alliances))
	for i, a := range w.alliances {
		al[i] = a
		al[i].Spells = append([]Spell(nil), a.Spells...)
	}
	return map[string]any{
		"perceived": clone(w.perceived), "raw": clone(w.raw), "hostile": clone(w.hostile), "friendly": clone(w.friendly),
		"base": clone(w.base), "proj": clone(w.proj), "projK": clone(w.projK), "cred": clone(w.cred), "memory": clone(w.memory),
		"threat": clone(w.threat), "adv": clone(w.adv), "picture": clone(w.picture), "directPicture": clone(w.directPicture),
		"direct": clone(w.direct), "directAdv": clone(w.directAdv), "reference": clone(w.reference), "help": clone(w.help),
		"defence": clone(w.defence), "defK": clone(w.defK), "assurance": clone(w.assurance), "land": clone(w.land),
		"ties": append([]tieRow(nil), w.ties...), "alliances": al, "events": append([]Event(nil), w.events...),
		"concern": append([]int(nil), w.concern...), "reviews": append([]reviewMark(nil), w.reviews...),
		"refused": append([]refusal(nil), w.refused...), "tick": w.tick, "geo": w.geo,
	}
}

// A commitment is the chance that the allies come (docs/model.md §8.2
// item 22): for every state and every set of partners, of every origin,
// the weak and the strong option have the same gain (the allies bring
// the same help and punishment if they come); the honour probability
// scales by p_strong/p_weak (0.9/0.6), and the cost differs only by the
// fights, (k_strong − k_weak)·Σ_j (entrapment + divergence at k = 1):
// the base autonomy and fear terms are the same at either commitment.
func TestCommitmentIsTheChanceOfComing(t *testing.T) {
	w, _ := twinWorlds(t)
	c := w.c
	kWeak, kStrong := c.commitment(false), c.commitment(true)
	others := set(pat, c1, c2, c3)
	for i := 0; i < c.n; i++ {
		if !others.Has(i) {
			continue
		}
		for S := agents.Set(1); S < 1<<c.n; S++ {
			if S&^others.Without(i) != 0 {
				continue
			}
			for _, origin := range []Origin{OriginClient, OriginImposed, OriginBilateral, OriginIndigenous} {
				if origin == OriginImposed && !S.With(i).Has(pat) {
					continue // a patron imposes an alliance on its clients
				}
				fights := 0.0
				for _, p := range w.partnerTerms(i, S, origin, nil) {
					one := p.Costs(1, c.costs)
					fights += one.Entrapment + one.Divergence
				}
				weak := w.appraise(i, S, false, origin)
				strong := w.appraise(i, S, true, origin)
				name := fmt.Sprintf("%s with %v (%v)", c.id[i], S, origin)
				if weak.terms.Gain != strong.terms.Gain {
					t.Errorf("%s: gain %v weak, %v strong", name, weak.terms.Gain, strong.terms.Gain)
				}
				nearly(t, name+": honour ratio", strong.terms.Honour/weak.terms.Honour, c.honour(true)/c.honour(false), 1e-12)
				nearly(t, name+": strong cost − weak cost", strong.terms.Cost-weak.terms.Cost, (kStrong-kWeak)*fights, 1e-15)
			}
		}
	}
}
