package sim

import (
	"fmt"
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// The engine's raw threat is agents.RawThreat, the formula tested by
// hand: tau folds w_P·Pw + w_G·G into a per-pair base and divides by the
// weights once, so the two agree to rounding, for every pair of a world
// with an alliance in it and for weights that are not the defaults.
func TestTauIsRawThreat(t *testing.T) {
	for _, weights := range []agents.ThreatWeights{{}, {Power: 1, Proximity: 1, Offence: 1}, {Power: 0.2, Proximity: 3, Offence: 0.5}} {
		sc := testScenario()
		if weights != (agents.ThreatWeights{}) {
			sc.Params.WeightPower, sc.Params.WeightProximity, sc.Params.WeightOffence = weights.Power, weights.Proximity, weights.Offence
		} else {
			weights = agents.ThreatWeights{Power: sc.Params.WeightPower, Proximity: sc.Params.WeightProximity, Offence: sc.Params.WeightOffence}
		}
		w := NewWorld(mustCompile(t, sc), 1)
		w.form(set(pat, c1), true, OriginBilateral)
		w.perceive()
		n, checked := w.c.n, 0
		for m := range n {
			row := &w.ties[m]
			for j := range n {
				if j == m {
					continue
				}
				k := m*n + j
				intent := w.hostile[k]
				if row.allies.Has(j) {
					intent = w.friendly[k]
				}
				occ := agents.Occupation(agents.Denial(w.projK[j*n+m], w.defK[m]), w.cred[j*n+m], w.punished(j, row))
				want := agents.RawThreat(intent, w.economy[j]/w.maxEconomy, w.geo.Proximity(j, m), occ, weights)
				got := w.tau(m, j, w.defK[m], row)
				if !(math.Abs(got-want) <= 1e-12*max(1, math.Abs(want))) {
					t.Errorf("weights %+v: τ(%d→%d) = %.17g, RawThreat %.17g", weights, m, j, got, want)
				}
				if want > 0 {
					checked++
				}
			}
		}
		if checked < n {
			t.Errorf("weights %+v: only %d pairs with a threat", weights, checked)
		}
	}
}

// A client's threat falls when an alliance forms: allies add defence.
func TestAllianceLowersThreat(t *testing.T) {
	w := perceived(t, testScenario())
	before := w.threat[c1]
	w.form(set(pat, c1), true, OriginBilateral)
	if !(w.threat[c1] < before) {
		t.Errorf("c1's threat %v → %v should fall when the patron commits", before, w.threat[c1])
	}
	if w.defence[c1] <= w.geo.Defence(c1, w.land[c1], 0) {
		t.Error("allied help should raise c1's defence")
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
		w := perceived(t, sc)
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
// = 0.563749607307, T_c2 = 0.546031631411, T_c3 = 1 − (1 −
// 0.0242734378358)(1 − 0.508746465628) = 0.520670877756; the patron's direct threat
// (adv I = 1 − ½·0.7 = 0.65: 0.2114 from adv, 0.2243 in all) is below its
// clients' quadratic mean √(Σx²/3) = 0.532908849605; the adversary reads
// no adversary and keeps 0.285330924261889.
//
// Revisionism (adv 0.8), a grievance, perception noise and a scripted
// shock change none of it; a reference the scenario gives is kept.
func TestStatusQuoReference(t *testing.T) {
	for _, tc := range []struct {
		revisionism float64
		given       bool      // c3's reference given as 0.42
		want        []float64 // pat, c1, c2, c3, adv
	}{
		{0.5, false, []float64{0.532908849605189, 0.563749607306574, 0.546031631410600, 0.520670877756196, 0.285330924261889}},
		{0, false, []float64{0.226591164399057, 0.252436670763865, 0.245629019788907, 0.235340065833241, 0.285330924261889}},
		{0.5, true, []float64{0.532908849605189, 0.563749607306574, 0.546031631410600, 0.42, 0.285330924261889}},
	} {
		sc := testScenario()
		if sc.Params.StatusQuoRevisionism != 0.5 {
			t.Fatalf("default status_quo_revisionism %v, want 0.5", sc.Params.StatusQuoRevisionism)
		}
		sc.Params.StatusQuoRevisionism = tc.revisionism
		sc.Params.PerceptionNoise = 0.5
		sc.States[c1].Grievance = map[string]float64{"adv": 0.5}
		sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "adv", Delta: 2}}
		sc.States[c3].HasReference, sc.States[c3].Reference = tc.given, 0.42
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

// Doing without an alliance, a member loses its partners there except
// those it still shares another active alliance with, at that alliance's
// weight (docs/model.md §7.2.1). c1 is in the strong bilateral {pat, c1}
// (cohesion 0.5) and the indigenous {pat, c1, c2} (cohesion 1): without
// the latter, c1 keeps pat at weight 0.5 and loses c2; its help is
// 0.5·3.292869816564158 = 1.646434908282079.
func TestTiesUnderKeepsPartnerSharedElsewhere(t *testing.T) {
	w := perceived(t, testScenario())
	big := w.form(set(c1, c2), true, OriginClient).ID
	w.join(&w.alliances[big], pat, EntryJoined)
	bi := w.form(set(pat, c1), true, OriginBilateral).ID
	withCohesion(w, &w.alliances[big], 1)
	withCohesion(w, &w.alliances[bi], 0.5)
	if o := w.alliances[big].Origin; o != OriginIndigenous {
		t.Fatalf("set-up: origin %v, want indigenous", o)
	}
	row := w.tiesUnder(c1, change{drop: big})
	if row.allies != set(pat) {
		t.Errorf("c1's allies without the indigenous alliance: %v, want {pat}", row.allies)
	}
	if row.weight[pat] != 0.5 || row.weight[c2] != 0 {
		t.Errorf("weights: pat %v, c2 %v; want 0.5, 0", row.weight[pat], row.weight[c2])
	}
	nearly(t, "c1's help without the indigenous alliance", w.helpOf(c1, &row), 0.5*pPatC1, handTol)
	nearly(t, "c1's help without the indigenous alliance", w.helpOf(c1, &row), 1.646434908282079, handTol)
}

// Proximity is read in the direction of the threat: G_mj = G(j→m), the
// decay of the distance from the source j to the perceiver m
// (docs/model.md §7.2), and D is not symmetric once rough terrain is
// involved (§7.1: entering rough costs rough_cost 2, entering land 1).
// With c1's six cells made rough, D(adv→c1) = 2 (adv steps onto rough)
// but D(c1→adv) = 1 (c1 steps onto adv's land). So, with w_P = w_G = 1,
// E_adv = 8, E_c1 = 1 and max E = 10:
//
//	base[c1, adv] = 8/10 + e^(−2/20) = 1.7048374180359596
//	base[adv, c1] = 1/10 + e^(−1/20) = 1.051229424500714
//
// (reading G(c1→adv) for c1 would give 0.8 + e^(−0.05) = 1.7512…).
func TestProximityReadFromSourceToPerceiverOverRough(t *testing.T) {
	sc := testScenario()
	row := "....^^........."
	sc.Rough = row + "\n" + row + "\n" + row
	w := perceived(t, sc)
	if d1, d2 := w.geo.Distance(adv, c1), w.geo.Distance(c1, adv); d1 != 2 || d2 != 1 {
		t.Fatalf("set-up: D(adv→c1) = %v, D(c1→adv) = %v; want 2 and 1", d1, d2)
	}
	n := w.c.n
	nearly(t, "base of c1's reading of adv", w.base[c1*n+adv], 1.7048374180359596, handTol)
	nearly(t, "base of adv's reading of c1", w.base[adv*n+c1], 1.051229424500714, handTol)
}

// A client's assurance A_j is its strongest commitment to *other clients*
// in an alliance they formed themselves (docs/model.md §7.4): an
// indigenous alliance {pat, c1, c2} assures c1 at k_strong = 1, but once
// c2 is eliminated and {pat, c1} goes on as an indigenous alliance of two,
// c1 is committed to no other client there, and its assurance is 0.
func TestAssuranceNeedsAnotherClientInTheAlliance(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(c1, c2), true, OriginClient)
	w.join(al, pat, EntryJoined)
	w.refreshAlliances()
	if got := w.assurance[c1]; got != 1 {
		t.Fatalf("set-up: c1's assurance in {pat, c1, c2} = %v, want 1", got)
	}
	w.eliminate(c2)
	w.refreshAlliances()
	if !al.Active() || al.Members != set(pat, c1) || al.Origin != OriginIndigenous {
		t.Fatalf("set-up: alliance active %v, members %v, origin %v; want {pat, c1} indigenous in force", al.Active(), al.Members, al.Origin)
	}
	if got := w.assurance[c1]; got != 0 {
		t.Errorf("c1's assurance with the patron as its only partner = %v, want 0", got)
	}
}

// Deterrence by punishment of a source j counts m's allies other than j
// (docs/model.md §7.1: the product runs over allies a ≠ j): an ally is not
// its own punisher. c1 is in the indigenous {pat, c1, c2} at cohesion 1;
// of the patron (E = 10) as a source, only c2 (E = 1) can punish:
// Pun = 0.3·(1 − (1 − 1·1/(1 + 10))) = 0.3/11 = 0.027272727272727282.
// (Counting pat itself, 1·10/(10 + 10), would give 0.3·6/11.)
func TestPunishmentOfAnAllyLeavesItOut(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(c1, c2), true, OriginClient)
	w.join(al, pat, EntryJoined)
	withCohesion(w, al, 1)
	if w.ties[c1].allies != set(pat, c2) {
		t.Fatalf("set-up: c1's allies %v, want {pat, c2}", w.ties[c1].allies)
	}
	nearly(t, "punishment of pat by c1's allies", w.punished(pat, &w.ties[c1]), 0.027272727272727282, handTol)
}

// Deterrence by punishment with punishment 0.6: c1 allied to pat
// (strong, cohesion ½), 0.6·(½·10/(10 + 8)) = 1/6, twice the 1/12 of the
// default 0.3 (TestChallengeProbability): punishment, ideology_weight,
// cost_threat and aggression_memory all default to 0.3, so a read of one
// for another would go unseen at the defaults.
func TestPunishmentReadsItsParameter(t *testing.T) {
	sc := testScenario()
	sc.Params.Punishment = 0.6
	w := pledgedToC1(t, sc, 0.5)
	nearly(t, "punishment of adv by c1's ally", w.punished(adv, &w.ties[c1]), 1.0/6, handTol)
}

// Hostile intent with ideology_weight ψ = 0.5: c1 (ideology 0.8) reads
// adv (−1, revisionism 0.8) as 1 − (1 − 0.8)·(1 − 0.5·1.8/2) = 1 − 0.2·0.55
// = 0.89, against 0.854 at the default ψ 0.3.
func TestIntentReadsTheIdeologyWeight(t *testing.T) {
	sc := testScenario()
	sc.Params.IdeologyWeight = 0.5
	w := perceived(t, sc)
	nearly(t, "c1's hostile intent read into adv", w.hostile[c1*w.c.n+adv], 0.89, handTol)
}

// A patron's adversary threat T^adv counts adversaries only, also where
// its clients add nothing to it (docs/model.md §7.2). With every stake 0
// the patron's threats are its own direct readings, and T^adv(pat) is
// its reading of adv alone, τ(pat←adv) = I·(Pw + G + 2·Occ)/4: I = 1 −
// 0.2·(1 − 0.3·2/2) = 0.86, Pw = 8/10, G = e^(−14/20), and adv carries
// min(8, 0.5·2) = 1 over water, P = e^(−0.7) = 0.4965853037914095 against
// pat's defence 6, Occ = (P+ε)²/((P+ε)² + (6+ε)²)·P/(P + 1) =
// 0.0022574309052715907; τ = 0.86·(0.8 + 0.4965853037914095 +
// 0.0045148618105431814)/4 = 0.27973653560441986. Its total threat also
// counts the clients' readings of ideology, and is larger.
func TestPatronAdversaryThreatIsOfAdversariesOnly(t *testing.T) {
	sc := quietScenario()
	sc.States[pat].Stakes = map[string]float64{"c1": 0, "c2": 0, "c3": 0}
	w := quietWorld(t, sc, 1)
	nearly(t, "pat's adversary threat", w.AdversaryThreat(pat), 0.27973653560441986, handTol)
	if w.Threat(pat) <= w.AdversaryThreat(pat) {
		t.Errorf("pat's total threat %v is not above its adversary threat %v: the clients' readings count in it", w.Threat(pat), w.AdversaryThreat(pat))
	}
}

// A dead state perceives nothing (docs/model.md §7.2): its totals are 0,
// a patron's too, though its clients live on and are threatened (the
// patron's fear for them was computed with no check that it lived).
func TestDeadPatronPerceivesNothing(t *testing.T) {
	w := perceived(t, testScenario())
	if w.threat[pat] <= 0 || w.adv[pat] <= 0 || w.picture[pat] <= 0 {
		t.Fatalf("set-up: the living patron's threat %v, adversary threat %v, picture %v; want all > 0", w.threat[pat], w.adv[pat], w.picture[pat])
	}
	w.eliminate(pat)
	w.perceive()
	if w.threat[pat] != 0 || w.adv[pat] != 0 || w.picture[pat] != 0 {
		t.Errorf("the dead patron's threat %v, adversary threat %v, picture %v; want 0", w.threat[pat], w.adv[pat], w.picture[pat])
	}
	if w.threat[c1] <= 0 {
		t.Fatalf("set-up: its client c1 perceives %v; want > 0", w.threat[c1])
	}
}

// Ties take the strongest of the alliances two states share: an ally's
// weight is the largest cohesion h among them, and a client's assurance
// the strongest commitment it made to other clients. c1 is in {pat, c1}
// (h 0.9) and {pat, c1, c2} (h 0.4) with pat, and in the strong client
// alliance {c1, c2} (k 1) before the weak {c1, c3} (k 0.35): weight 0.9,
// assurance 1, whatever the order.
func TestTiesTakeTheStrongestAlliance(t *testing.T) {
	for _, order := range []string{"strong first", "weak first"} {
		w := perceived(t, testScenario())
		a, b := set(pat, c1), set(pat, c1, c2)
		x, y := set(c1, c2), set(c1, c3)
		if order == "weak first" {
			a, b, x, y = b, a, y, x
		}
		for _, s := range []agents.Set{a, b} {
			w.form(s, true, OriginBilateral)
		}
		w.form(x, x == set(c1, c2), OriginClient)
		w.form(y, y == set(c1, c2), OriginClient)
		for i := range w.alliances {
			al := &w.alliances[i]
			switch al.Members {
			case set(pat, c1):
				al.Cohesion = 0.9
			case set(pat, c1, c2):
				al.Cohesion = 0.4
			}
		}
		w.refreshAlliances()
		nearly(t, order+": pat's weight for c1", w.ties[c1].weight[pat], 0.9, 0)
		nearly(t, order+": c1's assurance", w.assurance[c1], 1, 0)
	}
}

// A threat picture is gross of allied help (docs/model.md §7.2): forming
// {pat, c1} raises c1's defence to 1 + h·P(pat→c1), lowers its threat,
// and leaves its picture where it was (up to rounding: the perceived
// threats shift by the change in the raw readings, which the picture
// takes back).
func TestPictureIsGrossOfAlliedHelp(t *testing.T) {
	w := perceived(t, testScenario())
	picture, threat := w.pictureOf(c1), w.threat[c1]
	al := w.form(set(pat, c1), true, OriginBilateral)
	nearly(t, "c1's defence with pat", w.defence[c1], 1+al.Cohesion*pPatC1, handTol)
	if !(w.threat[c1] < threat) {
		t.Fatalf("set-up: c1's threat %v should fall below %v with pat's help", w.threat[c1], threat)
	}
	nearly(t, "c1's picture with pat", w.pictureOf(c1), picture, handTol)
}

// The patron's threat for its clients is over its alive clients only
// (docs/model.md §7.2): with direct readings of the adversary 0.6 (c1) and
// 0.3 (c2), stakes 1, and c3 eliminated, it is √((0.36 + 0.09)/2) =
// 0.474341649025257, above the patron's direct 0.1; counting dead c3 at 0
// would give √(0.45/3) = 0.387298334620742.
func TestPatronThreatOverAliveClients(t *testing.T) {
	w := perceived(t, testScenario())
	w.alive[c3] = false
	for i, x := range map[int]float64{pat: 0.1, c1: 0.6, c2: 0.3, c3: 0} {
		w.direct[i], w.directAdv[i], w.directPicture[i] = x, x, x
	}
	w.patronTotals()
	nearly(t, "the patron's threat", w.threat[pat], 0.474341649025257, 1e-15)
	nearly(t, "the patron's adversary threat", w.adv[pat], 0.474341649025257, 1e-15)
}

// Power is read against the largest economy of the states alive (docs/
// model.md §7.2, §7.10: an eliminated state drops out of it). In
// testScenario the patron's 10 is the largest; with the patron
// eliminated it is the adversary's 8.
func TestLargestEconomyOfTheAlive(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.refreshForces()
	if w.maxEconomy != 10 {
		t.Fatalf("largest economy %v, want the patron's 10", w.maxEconomy)
	}
	w.alive[pat] = false
	w.refreshForces()
	if w.maxEconomy != 8 {
		t.Errorf("largest economy with the patron eliminated %v, want the adversary's 8", w.maxEconomy)
	}
}

// Doing without one alliance, a partner shared in several others keeps
// the largest weight among them, not the last one's (docs/model.md §7.1):
// c1 and c2 share {c1, c2} (dropped), {c1, c2, c3} at cohesion 0.8 and
// the indigenous {pat, c1, c2} at 0.3, a later id.
func TestTiesUnderKeepsTheLargestRemainingWeight(t *testing.T) {
	w := perceived(t, testScenario())
	w.alliances = append(w.alliances,
		Alliance{ID: 0, Members: set(c1, c2), Origin: OriginClient, Ended: -1, Cohesion: 1},
		Alliance{ID: 1, Members: set(c1, c2, c3), Origin: OriginClient, Ended: -1, Cohesion: 0.8},
		Alliance{ID: 2, Members: set(pat, c1, c2), Origin: OriginIndigenous, Ended: -1, Cohesion: 0.3})
	w.refreshAlliances()
	row := w.tiesUnder(c1, change{drop: 0})
	if !row.allies.Has(c2) || row.weight[c2] != 0.8 {
		t.Errorf("c1's tie to c2 without alliance 0: allied %v, weight %v; want 0.8", row.allies.Has(c2), row.weight[c2])
	}
}

// An alliance grown by a newcomer stands by its members with the cohesion
// it would then have, not with the larger of that and its cohesion now
// (docs/model.md §7.2.1): c1 and c2, allied at cohesion 1, weigh admitting
// c3 under which they would stand by each other at h of {c1, c2, c3} —
// here set below 1 by c3's lower picture — and by c3 at the same; as it
// stands (asIs), c1's tie row is its tie row.
func TestGrownAllianceStandsByItsNewCohesion(t *testing.T) {
	w := perceived(t, testScenario())
	w.alliances = append(w.alliances, Alliance{ID: 0, Members: set(c1, c2), Origin: OriginClient, Ended: -1, Cohesion: 1})
	w.refreshAlliances()
	w.picture[c3] = w.picture[c1] / 3 // c3 reads the adversary lower: the grown alliance coheres less
	al := &w.alliances[0]
	ch := w.grown(al, c3, OriginClient)
	h := w.cohesionOf(set(c1, c2, c3))
	if !(h < 1) || ch.h != h || ch.drop != 0 || ch.add != set(c1, c2, c3) {
		t.Fatalf("set-up: the grown change %+v; cohesion of the three %v, want below 1", ch, h)
	}
	row := w.tiesUnder(c1, ch)
	if row.allies != set(c2, c3) || row.weight[c2] != h || row.weight[c3] != h {
		t.Errorf("c1's ties in the grown alliance: allies %b, weights c2 %v, c3 %v; want c2 and c3 at %v", row.allies, row.weight[c2], row.weight[c3], h)
	}
	if got := w.tiesUnder(c1, w.asIs(al)); got != w.ties[c1] {
		t.Errorf("the alliance as it stands changes c1's ties: %+v, want %+v", got, w.ties[c1])
	}
}

// A dead state's reference point waits (§7.3): it does not adapt towards
// the threat of a state with no territory, so a state revived by a
// withdrawal comes back framed as it was when it fell.
func TestDeadReferenceWaits(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.Step()
	w.Step()
	w.eliminate(c3)
	before, live := w.reference[c3], w.reference[c1]
	for range 5 {
		w.Step()
	}
	if w.reference[c1] == live {
		t.Fatalf("set-up: live c1's reference stayed at %.6f; the test needs one that adapts", live)
	}
	if w.reference[c3] != before {
		t.Errorf("dead c3's reference moved %.6f → %.6f", before, w.reference[c3])
	}
}

// Doing without an alliance keeps a partner the state still shares an
// alliance in force with, and only one in force: c2, whose pact with c1
// ended, is no ally of c1 without their trilateral.
func TestTiesUnderCountOnlyAlliancesInForce(t *testing.T) {
	w := perceived(t, testScenario())
	old := w.form(set(c1, c2), true, OriginClient)
	w.end(old, EndMembersLeft, c2, -1)
	tri := w.form(set(c1, c2, c3), true, OriginClient)
	row := w.tiesUnder(c1, change{drop: tri.ID})
	if row.allies.Has(c2) || row.weight[c2] != 0 {
		t.Errorf("c1 without the trilateral: c2 an ally %v at weight %v, through a pact that ended", row.allies.Has(c2), row.weight[c2])
	}
	// With the pact in force, c2 stays.
	w2 := perceived(t, testScenario())
	w2.form(set(c1, c2), true, OriginClient)
	tri2 := w2.form(set(c1, c2, c3), true, OriginClient)
	if row := w2.tiesUnder(c1, change{drop: tri2.ID}); !row.allies.Has(c2) || row.weight[c2] == 0 {
		t.Errorf("c1 without the trilateral: c2 not kept through the pact in force (weight %v)", row.weight[c2])
	}
}

// The domain is framed against the reference point as it has adapted
// (docs/model.md §7.3), not the one of tick 0: with every reference moved
// 0.1 above the state's threat and η 0, no state is in losses, though
// some stand above the status-quo reference they started from.
func TestDomainAgainstTheAdaptedReference(t *testing.T) {
	sc := testScenario()
	sc.Decision.ReferenceAdaptation = 0
	w := perceived(t, sc)
	above := 0
	for i := range w.c.n {
		if w.threat[i] > w.c.reference[i] {
			above++
		}
		w.reference[i] = w.threat[i] + 0.1
	}
	if above == 0 {
		t.Fatal("set-up: no state's threat is above its status-quo reference")
	}
	w.tick = 1
	w.perceive()
	for i := range w.c.n {
		if w.InLosses(i) {
			t.Errorf("%s in losses at threat %.4f against its reference %.4f", w.c.id[i], w.threat[i], w.reference[i])
		}
	}
}

// The domain is read where it is reported: an alliance formed after the
// tick's perception can take a state's threat below its reference point,
// and from then on the state is in gains — in InLosses, in the domain its
// proposals carry and in the time series (docs/model.md §7.3). c1's
// reference is set halfway between its threat alone and its threat with
// the patron's strong pledge.
func TestDomainFollowsTheThreatWithinTheTick(t *testing.T) {
	sc := testScenario()
	sc.Params.RecordEvery = 1
	w := perceived(t, sc)
	alone := w.threat[c1]
	al := w.form(set(pat, c1), true, OriginBilateral)
	withCohesion(w, al, 1)
	allied := w.threat[c1]
	if !(allied < alone) {
		t.Fatalf("set-up: c1's threat %v with the patron's pledge, %v alone: want lower", allied, alone)
	}
	w.reference[c1] = (alone + allied) / 2
	if w.InLosses(c1) {
		t.Errorf("c1 in losses at threat %v against its reference %v", allied, w.reference[c1])
	}
	w.propose(Event{Type: EventProposal, Actor: c1, Target: -1, Others: set(c2), Alliance: -1})
	if o := w.Offers()[len(w.Offers())-1]; o.Losses {
		t.Errorf("c1's proposal carries the domain of losses at threat %v against its reference %v", allied, w.reference[c1])
	}
	w.record()
	if s := w.Series(); len(s) != 1 || s[0].Losses[c1] {
		t.Errorf("series %+v: want one sample with c1 in gains", s)
	}
}

// A fellow client of an imposed alliance is an ally, though it does not
// stand by the others (weight 0): they read its intent as an ally's,
// from grievance and memory only (docs/model.md §7.2, §8.2 item 23), so
// c2's revisionism no longer threatens c1.
func TestFellowClientsOfAnImposedAllianceReadEachOtherAsAllies(t *testing.T) {
	sc := testScenario()
	sc.States[c2].Revisionism = 0.5
	sc.Params.OccupyCells = 0
	w := perceived(t, sc)
	k := c1*w.c.n + c2
	if !(w.raw[k] > 0) {
		t.Fatalf("set-up: c1 reads no threat from revisionist c2 (%v)", w.raw[k])
	}
	w.form(set(pat, c1, c2), true, OriginImposed)
	if row := &w.ties[c1]; !row.allies.Has(c2) || row.weight[c2] != 0 {
		t.Fatalf("set-up: c2 should be c1's ally at weight 0: allies %v, weight %v", row.allies, row.weight[c2])
	}
	if w.raw[k] != 0 {
		t.Errorf("c1 reads %v from its fellow client c2, want 0: no grievance or memory", w.raw[k])
	}
}

// An ally's intent is its grievance and the aggression remembered of it,
// combined as hazards (agents.FriendlyIntent): with grievance 0.2 and
// memory 0.3, 1 − 0.8·0.7 = 0.44.
func TestFriendlyIntentRemembersAggression(t *testing.T) {
	sc := testScenario()
	sc.States[c1].Grievance = map[string]float64{"c2": 0.2}
	w := NewWorld(mustCompile(t, sc), 1)
	k := c1*w.c.n + c2
	w.memory[k] = 0.3
	w.refreshIntents()
	nearly(t, "c1's friendly intent for c2", w.friendly[k], 0.44, 1e-15)
}

// A picture term is clamped to [0, 1] (docs/model.md §7.2): a perceived
// threat at 1 with a raw reading below the gross one would carry the
// picture above 1.
func TestPictureTermClamped(t *testing.T) {
	w := perceived(t, testScenario())
	w.form(set(pat, c1), true, OriginBilateral)
	k := c1*w.c.n + adv
	var none tieRow
	if gross := w.tau(c1, adv, w.powK(w.geo.Defence(c1, w.land[c1], 0)), &none); !(gross > w.raw[k]) {
		t.Fatalf("set-up: c1's gross reading %v should exceed its raw one %v", gross, w.raw[k])
	}
	w.perceived[k] = 1
	if got := w.pictureOf(c1); got != 1 {
		t.Errorf("c1's picture %v, want 1", got)
	}
}

// An eliminated adversary is in no one's picture: its power would
// otherwise linger in the perceived threat, which it no longer refreshes.
func TestPictureLeavesOutADeadAdversary(t *testing.T) {
	w := perceived(t, testScenario())
	if !(w.pictureOf(c1) > 0) {
		t.Fatal("set-up: c1's picture is 0 with the adversary alive")
	}
	w.alive[adv] = false
	if got := w.pictureOf(c1); got != 0 {
		t.Errorf("c1's picture %v with the adversary dead, want 0", got)
	}
}

// A patron appraises joining its clients' alliance with the cohesion the
// grown alliance will have (§7.2.1): 0.604437 in the test world. Once it
// has joined, the alliance keeps the clients' cohesion until step 6 of the
// tick sets the grown one, so its threat reads 0.604482 for the rest of
// the round (docs/model.md §7.2.1 quotes both).
func TestJoinedAllianceKeepsItsCohesionUntilStep6(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(c1, c2), true, OriginClient)
	clients := al.Cohesion
	_, ch := w.grownBy(al, pat)
	nearly(t, "the patron's threat appraised", w.threatUnder(pat, ch), 0.604437, 5e-7)
	w.join(al, pat, EntryJoined)
	nearly(t, "the patron's threat once joined", w.threat[pat], 0.604482, 5e-7)
	if al.Cohesion != clients {
		t.Errorf("cohesion %v once joined, want the clients' %v until step 6", al.Cohesion, clients)
	}
	w.reviewing = 0 // no member weighs leaving: step 6 sets the cohesion only
	w.cohesionAndExit()
	if grown := w.cohesionOf(al.Members); al.Cohesion != grown || grown == clients {
		t.Errorf("cohesion %v after step 6, want the grown alliance's %v (the clients' was %v)", al.Cohesion, grown, clients)
	}
}

// Pictures keep their values until the next perception (docs/model.md
// §3.1), but a patron's is the fold of its alive clients' pictures
// (§7.2): a client eliminated in a crisis leaves it at once, as it leaves
// the patron's threat (so the cohesion of step 6, which reads pictures,
// reads it without that client). The clients' own pictures do not move. With a stake of 1 in each client,
// the patron's picture is max(its direct picture, √(Σ Π_c²/n)) over its
// n alive clients: over c1, c2 and c3, then over c2 and c3.
func TestAPatronsPictureLosesAClientEliminatedMidTick(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Stakes = map[string]float64{"c1": 1, "c2": 1, "c3": 1}
	w := perceived(t, sc)
	p1, p2, p3 := w.picture[c1], w.picture[c2], w.picture[c3]
	before := w.picture[pat]
	if want := max(w.directPicture[pat], math.Sqrt((p1*p1+p2*p2+p3*p3)/3)); math.Abs(before-want) > 1e-15 {
		t.Fatalf("set-up: the patron's picture %v, want the quadratic mean of its clients', %v", before, want)
	}
	w.eliminate(c1) // as a crisis does, then brings the world up to date
	w.refreshForces()
	w.rebaseline()
	if got, want := w.picture[pat], max(w.directPicture[pat], math.Sqrt((p2*p2+p3*p3)/2)); math.Abs(got-want) > 1e-15 || got == before {
		t.Errorf("the patron's picture %v after c1's elimination, want %v (%v before)", got, want, before)
	}
	if w.picture[c2] != p2 || w.picture[c3] != p3 {
		t.Errorf("the clients' pictures moved mid-tick: %v, %v → %v, %v", p2, p3, w.picture[c2], w.picture[c3])
	}
}

// powK adds ε = 1e-6 (theater.Epsilon) before raising to κ, so a state
// with no force has a defined share: at κ = 2, (0+ε)² = 1e-12 and
// (1e-6+ε)² = 4e-12, so a projection of 1e-6 against no defence threatens
// 4/(4+1) = 0.8; at κ = 1, 1e-6+ε = 2e-6; at κ = 3, (1e-6+ε)³ = 8e-18.
func TestPowKAddsEpsilon(t *testing.T) {
	for _, c := range []struct{ k, x, want float64 }{
		{2, 0, 1e-12}, {2, 1e-6, 4e-12}, {1, 0, 1e-6}, {1, 1e-6, 2e-6}, {3, 1e-6, 8e-18}, {2, 3, 9.000006000001},
	} {
		sc := testScenario()
		sc.Params.OccupationSteepness = c.k
		w := NewWorld(mustCompile(t, sc), 1)
		nearly(t, fmt.Sprintf("powK(%v) at κ %v", c.x, c.k), w.powK(c.x), c.want, 1e-12*c.want)
	}
	sc := testScenario()
	w := NewWorld(mustCompile(t, sc), 1)
	nearly(t, "denial of a projection of 1e-6 against no defence", agents.Denial(w.powK(1e-6), w.powK(0)), 0.8, 1e-12)
}

// A dead source's readings are 0 (docs/model.md §7.2: if j is dead,
// T̂_mj = τ_mj = 0), and the rebaseline after an elimination mid-tick
// resets them, as perception does: a fold under changed ties before the
// next perception then starts a revived source from 0, not from a raw
// reading of it taken while it was dead. c3, a revisionist (0.5) that
// every state reads with hostile intent, is eliminated and the world
// rebaselined: no state keeps a reading of it, and none of itself.
func TestRebaselineResetsTheReadingsOfADeadSource(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Revisionism = 0.5
	w := perceived(t, sc)
	n := w.c.n
	if w.raw[pat*n+c3] == 0 {
		t.Fatal("set-up: the patron should read c3 as a threat before its elimination")
	}
	w.eliminate(c3) // as a crisis does, then brings the world up to date
	w.refreshForces()
	w.rebaseline()
	for m := 0; m < n; m++ {
		for _, j := range []int{c3, m} {
			if k := m*n + j; w.raw[k] != 0 || w.perceived[k] != 0 {
				t.Errorf("%s's readings of %s after the rebaseline: raw %v, perceived %v; want 0, 0",
					w.c.id[m], w.c.id[j], w.raw[k], w.perceived[k])
			}
		}
	}
}

// Under a hypothetical change, a patron fears for its alive clients only
// (docs/model.md §7.2.1: threatUnder returns T_i as §7.2 combines it, over
// alive clients), as patronTotals does. In the quiet world (no alliance,
// stakes 1) c3 is eliminated and the world brought up to date as a crisis
// does; the clients' readings of adv stay 0.7448865061198299 (c1) and
// 0.719710675314473 (c2), so the patron's threat, with nothing changed
// and with a change that refolds c1, is their quadratic mean
// √((x₁² + x₂²)/2) = 0.7324067733032724, above its direct threat.
// Counting dead c3 at its threat 0 would give √((x₁² + x₂²)/3) =
// 0.5980076262504301.
func TestThreatUnderCountsAliveClientsOnly(t *testing.T) {
	w := quietWorld(t, quietScenario(), 1)
	w.eliminate(c3)
	w.refreshForces()
	w.rebaseline()
	nearly(t, "the patron's threat", w.threat[pat], 0.7324067733032724, handTol)
	nearly(t, "the patron's threat under no change", w.threatUnder(pat, noChange), 0.7324067733032724, handTol)
	// A change that touches c1 only through c2 (an alliance of the two at
	// cohesion 0) leaves c1's reading of adv where it is: c2 brings no help
	// and no punishment at weight 0, and adv is no ally.
	ch := change{add: set(c1, c2), h: 0, origin: OriginClient, drop: -1}
	if !w.affects(c1, ch) {
		t.Fatal("set-up: the change should touch c1")
	}
	nearly(t, "the patron's threat under a change refolding c1 and c2", w.threatUnder(pat, ch), 0.7324067733032724, handTol)
}
