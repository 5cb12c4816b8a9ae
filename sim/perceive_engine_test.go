package sim

// Perception as the engine runs it over ticks (docs/model.md §7.2–§7.3):
// lag, noise, targeted shocks, the status-quo and adapting reference
// point, the guards against a zero denominator and a source revived by a
// withdrawal, each checked against numbers worked out by hand (an
// independent recomputation of the theatre's distances, projections and
// readings) rather than against a golden run.

import (
	"fmt"
	"testing"
)

// quietScenario is testScenario with the three clients not sovereign:
// none can sign, so no alliance forms, and every reading stays what it was
// at tick 0 unless a scripted event moves it. Perception, noise-free, is
// then that of the test world with no allies (docs/model.md §7.2):
//
//	τ(c1←pat) = 0.022150388937609018, τ(c1←adv) = 0.7448865061198299
//	τ(c2←adv) = 0.719710675314473,    τ(c3←adv) = 0.684203908103753
//	τ(pat←c3) = 0.006035160672890356, τ(adv←pat) = 0.12592444750617326
//	τ(adv←c3) = 0.05724368889461432
//
// (by hand: τ = I·(Pw + G + 2·Occ)/4 with the distances, projections and
// denial of testdata_test.go, e.g. c1←adv: I = 1 − 0.2·0.73 = 0.854, Pw =
// 0.8, G = e^(−0.05), P = 7.609835396005712, Occ = P²/(P² + 1)·P/(P + 1)
// with ε = 10⁻⁶ in the powers).
func quietScenario() *Scenario {
	sc := testScenario()
	for _, i := range []int{c1, c2, c3} {
		sc.States[i].Sovereign = false
	}
	return sc
}

// quietWorld compiles sc and stops the test if an alliance forms in the
// first tick: the hand values below assume none.
func quietWorld(t *testing.T, sc *Scenario, seed uint64) *World {
	t.Helper()
	w := NewWorld(mustCompile(t, sc), seed)
	w.Step()
	if len(w.alliances) != 0 {
		t.Fatalf("set-up: %d alliances formed at tick 0 with no sovereign client", len(w.alliances))
	}
	return w
}

// Perception lags (docs/model.md §7.2): T̂(0) = τ(0), then T̂(t) = (1 −
// λ_p)·T̂(t−1) + λ_p·τ(t), λ_p = 0.2 a month. A shock at tick 1, aimed at
// adv only, makes the patron's revisionism as adv reads it σ(logit 0.01 +
// 2) = 0.06945315965638049 (a revisionism of 0 is kept at 0.01 before the
// shock), so adv's intent towards pat is 1 − (1 − 0.06945315965638049)·
// (1 − 0.3) = 0.34861721175946647 instead of 0.3, and its raw reading
// τ(adv←pat) goes from 0.12592444750617326 to 0.34861721175946647/0.3 of
// it, 0.1463314326065114. By hand:
//
//	T̂(0) = 0.12592444750617326
//	T̂(1) = 0.8·0.12592444750617326 + 0.2·0.1463314326065114 = 0.1300058445262409
//	T̂(2) = 0.8·0.1300058445262409  + 0.2·0.1463314326065114 = 0.133270962142295
//
// Without the lag perception would jump to 0.1463314326065114 at tick 1.
// The lag is perception_lag as the scenario sets it: at λ_p = 0.5,
//
//	T̂(1) = 0.5·0.12592444750617326 + 0.5·0.1463314326065114 = 0.13612794005634232
//	T̂(2) = 0.5·0.13612794005634232 + 0.5·0.1463314326065114 = 0.14122968633142685
func TestPerceptionLagsOverTicks(t *testing.T) {
	for _, c := range []struct {
		lag  float64
		want []float64
	}{
		{0.2, []float64{0.12592444750617326, 0.1300058445262409, 0.133270962142295}},
		{0.5, []float64{0.12592444750617326, 0.13612794005634232, 0.14122968633142685}},
	} {
		sc := quietScenario()
		sc.Params.PerceptionLag = c.lag
		sc.Events = []ScriptedEvent{{Tick: 1, Kind: ScriptIntent, Actor: "pat", Target: "adv", Delta: 2}}
		w := quietWorld(t, sc, 1)
		for tick, want := range c.want {
			if tick > 0 {
				w.Step()
			}
			nearly(t, fmt.Sprintf("λ_p %v: adv's perceived threat from pat after tick %d", c.lag, tick), w.Perceived(adv, pat), want, handTol)
		}
		// the raw reading moved at once: only perception lags
		nearly(t, "adv's raw reading of pat after tick 2", w.raw[adv*w.c.n+pat], 0.1463314326065114, handTol)
	}
}

// Perception noise is drawn on the logit scale (docs/model.md §7.2): the
// first reading is τ̃ = σ(logit(clamp(τ)) + σ_p·ε), σ_p = 0.12, one
// standard normal draw ε per perceiver and source, drawn in the order
// perceiver by perceiver, source by source (§3.3) from the run's stream,
// nothing having drawn before tick 0's perception. With seed 1 that
// stream's normal draws 6, 8 and 17 (c1 reading c2, c1 reading adv, adv
// reading pat) are ε = −1.1096849759767808, 0.26415194737723913 and
// 1.26966709336509. By hand:
//
//	c1←adv: σ(logit 0.7448865061198299 + 0.12·0.26415194737723913) = 0.7508632457647136
//	adv←pat: σ(logit 0.12592444750617326 + 0.12·1.26966709336509) = 0.14367149502558282
//	c1←c2 (τ = 0, kept at 10⁻⁶): σ(logit 10⁻⁶ − 0.12·1.1096849759767808) = 8.75323214842394e-07
//
// Noise added on the raw scale would give τ + 0.12·ε instead
// (0.7765847398, 0.2782845, and 0 or below for the benign source), and
// no noise the raw readings themselves.
func TestPerceptionNoiseOnTheLogitScale(t *testing.T) {
	r := NewRand(1)
	var draws []float64
	for range 20 {
		draws = append(draws, r.NormFloat64())
	}
	if draws[5] != -1.1096849759767808 || draws[7] != 0.26415194737723913 || draws[16] != 1.26966709336509 {
		t.Fatalf("set-up: seed 1's normal draws 6, 8 and 17 are %v, %v, %v; the hand values assume others", draws[5], draws[7], draws[16])
	}
	sc := quietScenario()
	sc.Params.PerceptionNoise = 0.12
	w := quietWorld(t, sc, 1)
	nearly(t, "c1's noisy reading of adv", w.Perceived(c1, adv), 0.7508632457647136, handTol)
	nearly(t, "adv's noisy reading of pat", w.Perceived(adv, pat), 0.14367149502558282, handTol)
	nearly(t, "c1's noisy reading of the benign c2", w.Perceived(c1, c2), 8.75323214842394e-07, 1e-18)
}

// The reference point adapts towards the state's total threat T_i
// (docs/model.md §7.3), once a tick after tick 0: ρ ← ρ + η·(T − ρ), η =
// 0.01 a month. For the patron T is the larger of its direct threat and
// the quadratic mean of its clients' threats from adv, and here the
// clients' is the larger: their readings of adv are 0.7448865061198299,
// 0.719710675314473 and 0.684203908103753, so T_pat = √(Σx²/3) =
// 0.7166994607284775, against a direct threat of 0.2915084827181216. From
// the status-quo reference ρ(0) = 0.5329088496048981 (TestStatusQuoReference),
// by hand:
//
//	ρ(1) = ρ(0) + 0.01·(0.7166994607284775 − ρ(0)) = 0.534746755716134
//	ρ(2) = ρ(1) + 0.01·(0.7166994607284775 − ρ(1)) = 0.5365662827662574
//
// Adapting towards the direct threat would give ρ(1) = 0.5304948459360304,
// and adapting twice a tick would give ρ(1) = 0.5365662827662574.
func TestReferenceAdaptsToThePatronsTotalThreat(t *testing.T) {
	w := quietWorld(t, quietScenario(), 1)
	nearly(t, "the patron's threat", w.threat[pat], 0.7166994607284775, handTol)
	nearly(t, "the patron's direct threat", w.direct[pat], 0.2915084827181216, handTol)
	for tick, want := range []float64{0.5329088496048981, 0.534746755716134, 0.5365662827662574} {
		if tick > 0 {
			w.Step()
		}
		nearly(t, fmt.Sprintf("the patron's reference point after tick %d", tick), w.Reference(pat), want, handTol)
	}
}

// A targeted intent shock moves the intent its target reads into the
// actor, and no one else's (docs/model.md §7.15): shocking adv by +2 for
// c1 alone, c1 reads adv's revisionism as σ(logit 0.8 + 2) =
// 0.967273443634614 and its intent as 1 − (1 − 0.967273443634614)·(1 −
// 0.27) = 0.9761096138532682, so its reading of adv is
// 0.9761096138532682/0.854 of 0.7448865061198299, 0.8513944728959452;
// c2 still reads 1 − 0.2·0.73 = 0.854 and 0.719710675314473. (Reading the
// shocks every state reads into adv, as its challenges do, would leave
// c1's intent at 0.854: a targeted shock moves none of those.)
func TestTargetedShockMovesTheTargetsIntentOnly(t *testing.T) {
	sc := quietScenario()
	sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "adv", Target: "c1", Delta: 2}}
	w := quietWorld(t, sc, 1)
	n := w.c.n
	nearly(t, "c1's hostile intent towards adv", w.hostile[c1*n+adv], 0.9761096138532682, handTol)
	nearly(t, "c1's reading of adv", w.Perceived(c1, adv), 0.8513944728959452, handTol)
	nearly(t, "c2's hostile intent towards adv", w.hostile[c2*n+adv], 0.854, handTol)
	nearly(t, "c2's reading of adv", w.Perceived(c2, adv), 0.719710675314473, handTol)
}

// The status-quo reference reads every state but the adversaries at no
// revisionism (docs/model.md §7.3), so a revisionist client puts its
// neighbours above their reference. With c2 at revisionism ½ and adv at
// ½ (its status-quo value), every reference is what it is with c2 at 0
// (TestStatusQuoReference): c1, c2 and c3 share an ideology, so without
// revisionism c2 threatens neither, and the patron's reference is its
// clients' quadratic mean, which reads adv only. At tick 0, c1 reads c2
// with intent ½: τ(c1←c2) = ½·(0.1 + e^(−0.05) + 2·Occ)/4 =
// 0.18929715188618798, Occ of P(c2→c1) = 0.951229424500714 against its
// land 1, and its threat is 1 − (1 − 0.022150388937609018)(1 −
// 0.553867601154)(1 − 0.18929715188618798) = 0.646330564152827, above its
// reference 0.5637496073067668: losses, from c2's revisionism alone. (Had
// the status quo kept c2's ½, c1's reference would be that same
// 0.646330564152827, c3's 0.6114065154126573 and adv's
// 0.3531166647667392.)
func TestStatusQuoReferenceReadsClientsAtNoRevisionism(t *testing.T) {
	sc := quietScenario()
	sc.States[c2].Revisionism = 0.5
	sc.States[adv].Revisionism = 0.5
	w := quietWorld(t, sc, 1)
	for i, want := range []float64{0.5329088496048981, 0.5637496073067668, 0.5460316314101186, 0.5206708777557061, 0.285330924261889} {
		nearly(t, w.c.id[i]+"'s status-quo reference", w.c.reference[i], want, handTol)
	}
	nearly(t, "c1's reading of c2", w.Perceived(c1, c2), 0.18929715188618798, handTol)
	nearly(t, "c1's threat at tick 0", w.Threat(c1), 0.646330564152827, handTol)
	if !w.InLosses(c1) {
		t.Errorf("c1 at threat %v against its reference %v: want losses", w.Threat(c1), w.Reference(c1))
	}
}

// Threat weights that sum to 0 are allowed, and give no threat
// (docs/model.md §7.2: τ = 0 if the weights sum to 0), not 0/0: every
// reading, threat and reference point is 0, and the run goes on.
func TestZeroThreatWeightsGiveNoThreat(t *testing.T) {
	sc := quietScenario()
	sc.Params.WeightPower, sc.Params.WeightProximity, sc.Params.WeightOffence = 0, 0, 0
	w := quietWorld(t, sc, 1)
	w.Step()
	if err := w.Err(); err != nil {
		t.Fatalf("with every threat weight 0: %v", err)
	}
	for i := range w.c.n {
		if w.Threat(i) != 0 || w.Reference(i) != 0 || w.c.reference[i] != 0 {
			t.Errorf("%s: threat %v, reference %v (status quo %v); want 0", w.c.id[i], w.Threat(i), w.Reference(i), w.c.reference[i])
		}
		for j := range w.c.n {
			if p := w.Perceived(i, j); p != 0 {
				t.Errorf("%s reads %v from %s, want 0", w.c.id[i], p, w.c.id[j])
			}
		}
	}
}

// Economies that are all 0 are allowed, and give every state the power
// term 0 (docs/model.md §7.2: Pw = 0 if the largest economy is 0), not
// 0/0: τ = I·(G + 2·Occ)/4. By hand, c1 reads adv at 0.854·(e^(−0.05) +
// 2·Occ)/4 = 0.5740865061198298 (0.8·0.854/4 = 0.1708 less than with
// economies) and pat at 0.03·(e^(−0.6) + 2·Occ)/4 = 0.014650388937609012,
// so T_c1 = 1 − (1 − 0.5740865061198298)(1 − 0.014650388937609012) =
// 0.5803263044589503; the patron's threat is the quadratic mean of its
// clients' readings of adv, 0.5740865061198298, 0.5489106753144729 and
// 0.5134039081037528: 0.546034742130105. The status-quo references are
// finite too: c1's is 1 − (1 − 0.014650388937609012)(1 − 0.635/0.854·
// 0.5740865061198298) = 0.4352642137105033.
func TestZeroEconomiesGiveNoPowerTerm(t *testing.T) {
	sc := quietScenario()
	for i := range sc.States {
		sc.States[i].Economy = 0
	}
	w := quietWorld(t, sc, 1)
	if err := w.Err(); err != nil {
		t.Fatalf("with every economy 0: %v", err)
	}
	nearly(t, "c1's reading of adv", w.Perceived(c1, adv), 0.5740865061198298, handTol)
	nearly(t, "c1's reading of pat", w.Perceived(c1, pat), 0.014650388937609012, handTol)
	nearly(t, "c1's threat", w.Threat(c1), 0.5803263044589503, handTol)
	nearly(t, "the patron's threat", w.Threat(pat), 0.546034742130105, handTol)
	nearly(t, "c1's status-quo reference", w.c.reference[c1], 0.4352642137105033, handTol)
}

// A dead source's reading is reset to 0 (docs/model.md §7.2: if j is dead,
// T̂_mj = τ_mj = 0), so a source revived by a withdrawal is perceived
// afresh, its lag starting from 0: adv takes all of c3 at tick 1
// (eliminated) and hands it all back at tick 2 (revived, on the map of
// tick 0), and at tick 2 the patron reads c3 at λ_p·τ = 0.2·
// 0.006035160672890356 = 0.0012070321345780712 and adv reads it at 0.2·
// 0.05724368889461432 = 0.011448737778922864 — not at the readings of
// tick 0, which a kept reading would give back ((1 − λ)·τ + λ·τ = τ).
//
// Perception resets the reading as soon as it reads the source dead; the
// rebaseline that ends every tick (step 6) resets it too. The first world
// stops each tick after perception (scripted events, then perception),
// so that perception's own reset is what is checked; the second plays the
// ticks whole.
func TestARevivedSourceIsReadAfresh(t *testing.T) {
	sc := quietScenario()
	sc.Events = []ScriptedEvent{
		{Tick: 1, Kind: ScriptOccupy, Actor: "adv", Target: "c3", Fraction: 1},
		{Tick: 2, Kind: ScriptWithdraw, Actor: "adv", Target: "c3", Fraction: 1},
	}
	for _, whole := range []bool{false, true} {
		what := map[bool]string{false: "perception alone", true: "whole ticks"}[whole]
		w := quietWorld(t, sc, 1)
		for w.tick <= 2 {
			if whole {
				w.Step()
				continue
			}
			w.applyScripted()
			w.perceive()
			if w.tick == 1 && w.alive[c3] {
				t.Fatalf("set-up: c3 alive after adv took all of it")
			}
			w.tick++
		}
		if !w.alive[c3] {
			t.Fatalf("%s: set-up: c3 not revived by the withdrawal", what)
		}
		nearly(t, what+": the patron's reading of c3", w.Perceived(pat, c3), 0.0012070321345780712, handTol)
		nearly(t, what+": adv's reading of c3", w.Perceived(adv, c3), 0.011448737778922864, handTol)
		nearly(t, what+": the patron's raw reading of c3", w.raw[pat*w.c.n+c3], 0.006035160672890356, handTol)
	}
}

// An appraisal end to end, by hand (docs/model.md §7.4–§7.5, §7.12): c1
// weighs a strong bilateral with the patron at tick 0 of the test world,
// no alliance standing. By hand:
//
//	T = 1 − (1 − 0.022150388937609018)(1 − 0.7448865061198299) = 0.7505373692325079
//	ρ = 1 − (1 − 0.022150388937609018)(1 − 0.635/0.854·0.7448865061198299) = 0.5637496073067668
//	pictures Π_c1 = 0.7448865061198299, Π_pat = 0.7166994607284775 (its clients' quadratic mean)
//	h = mean of 1 − |Π − Π̄|/(Π + Π̄) over the two = 0.9903564801828106
//	T⁺: pat friendly (τ 0), adv against Def 1 + h·P(pat→c1) = 3.261114961232697
//	    and punishment 0.3·h·10/18 = 0.16505941336380178: Occ = 0.5618132034602147,
//	    τ = 0.854·(0.8 + e^(−0.05) + 2·Occ)/4 = 0.6137817200084142
//	g = T − T⁺ = 0.13675564922409367
//	d = |Π_c1 − Π_pat|/(Π_c1 + Π_pat) = 0.019285246321934513, p = 0.9·(1 − d) = 0.8826432783102589
//	c = 1·0.02 (weight min(1, 2·10/11)) + 0 (pat's revisionism 0) + 0.1·d + 0.3·0.022150388937609018
//	  = 0.02857364131347616
//	v = 1 − e^(−0.5) = 0.3934693402873666
//	x⁺ = (ρ − T) + g − c·(1 − v) = −0.06736290221790228
//	x⁻ = (ρ − T) + 0.2·g − c·(1 + v) = −0.1992531251916198
//	V (both losses) = w⁻(1 − p)·u(x⁻) + (1 − w⁻(1 − p))·u(x⁺), u(x) = −2.25·(−x)^0.88,
//	  w⁻(q) = q^0.69/(q^0.69 + (1 − q)^0.69)^(1/0.69): −0.2721595591096676
func TestAppraisalByHand(t *testing.T) {
	w := quietWorld(t, quietScenario(), 1)
	e, err := w.Explain(c1, set(pat), true, OriginBilateral)
	if err != nil {
		t.Fatal(err)
	}
	const tol = 1e-9
	nearly(t, "T", e.Threat, 0.7505373692325079, tol)
	nearly(t, "ρ", e.Reference, 0.5637496073067668, tol)
	nearly(t, "Π_c1", w.picture[c1], 0.7448865061198299, tol)
	nearly(t, "Π_pat", w.picture[pat], 0.7166994607284775, tol)
	nearly(t, "h", w.cohesionOf(set(pat, c1)), 0.9903564801828106, tol)
	nearly(t, "T⁺", e.After, 0.6137817200084142, tol)
	nearly(t, "g", e.Gain, 0.13675564922409367, tol)
	nearly(t, "p", e.Honour, 0.8826432783102589, tol)
	nearly(t, "c", e.Cost.Total, 0.02857364131347616, tol)
	nearly(t, "v", e.Spread, 0.3934693402873666, tol)
	nearly(t, "x⁺", e.Lottery.Good, -0.06736290221790228, tol)
	nearly(t, "x⁻", e.Lottery.Bad, -0.1992531251916198, tol)
	nearly(t, "V", e.Value, -0.2721595591096676, tol)
}
