package sim

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// grievance_fear adds φ·grievance to the fear of a partner:
// c_T·(T̂ + φ·g), so the fear term of a partner one holds a grievance
// against grows by c_T·φ·g.
func TestGrievanceFear(t *testing.T) {
	amount := map[float64]float64{}
	for _, phi := range []float64{0, 1} {
		sc := testScenario()
		sc.Params.GrievanceFear = phi
		sc.States[c1].Grievance = map[string]float64{"c3": 0.3}
		w := perceived(t, sc)
		a := w.appraise(c1, set(pat, c3), true, OriginImposed)
		want := w.c.p.CostThreat * (w.perceived[c1*w.c.n+c3] + phi*0.3)
		if a.cost.Largest != agents.CostFear || a.reason != c3 || !(math.Abs(a.cost.Amount-want) <= 1e-12) {
			t.Errorf("φ=%v: largest term %v of %d (%.4f), want fear of c3 (%.4f)", phi, a.cost.Largest, a.reason, a.cost.Amount, want)
		}
		amount[phi] = a.cost.Amount
	}
	// c_T·φ·g = 0.3·1·0.3
	if d := amount[1] - amount[0]; !(math.Abs(d-0.09) <= 1e-12) {
		t.Errorf("φ=1 adds %.4f to the fear term, want 0.09", d)
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

// Control and assurance discount only the entrapment a patron fears from a
// client (docs/model.md §7.4: "only if i is a patron and j a client, else
// 0"). c2 has revisionism 0.5; at k = 1 its entrapment term is c_E·r̃·(1 −
// μ·A)·(1 − ctl): judged by its fellow client c1, 0.15·0.5 = 0.075 with no
// control; judged by the patron in a bilateral, 0.15·0.5·(1 − 0.8) = 0.015.
func TestControlOnlyForAPatronJudgingAClient(t *testing.T) {
	sc := testScenario()
	sc.States[c2].Revisionism = 0.5
	w := perceived(t, sc)
	for _, c := range []struct {
		name                string
		judge               int
		origin              Origin
		control, entrapment float64
	}{
		{"client c1 judging client c2", c1, OriginClient, 0, 0.075},
		{"patron judging client c2", pat, OriginBilateral, 0.8, 0.015},
	} {
		pt := w.partnerTerms(c.judge, set(c2), c.origin, nil)[0]
		if pt.Control != c.control || pt.Assurance != 0 {
			t.Errorf("%s: control %v, assurance %v; want %v, 0", c.name, pt.Control, pt.Assurance, c.control)
		}
		nearly(t, c.name+": entrapment at k = 1", pt.Costs(1, w.c.costs).Entrapment, c.entrapment, handTol)
	}
}

// A patron's control of a client is the control probability of the
// alliance's size |M| = |S| + 1, the patron included (docs/model.md §7.4,
// §7.11): control_bilateral 0.8 for one client, control_trilateral 0.4 for
// two, control_multilateral 0.2 for three.
func TestControlByAllianceSize(t *testing.T) {
	w := perceived(t, testScenario())
	for _, c := range []struct {
		partners []int
		want     float64
	}{
		{[]int{c1}, 0.8},
		{[]int{c1, c2}, 0.4},
		{[]int{c1, c2, c3}, 0.2},
	} {
		for k, pt := range w.partnerTerms(pat, set(c.partners...), OriginBilateral, nil) {
			if pt.Control != c.want {
				t.Errorf("alliance of pat and %d clients: control of partner %d = %v, want %v", len(c.partners), k, pt.Control, c.want)
			}
		}
	}
}

// A client's assurance A_j is the largest k of the commitments it made to
// other clients before any patron joined them (docs/model.md §7.4): a
// client alliance the patron joined (indigenous) still assures its
// founders and those who applied before the patron, not a client that
// applied after (or left and applied again after); an imposed one assures
// nobody. c2 (revisionism 0.5) in a strong indigenous alliance: A = 1,
// and the patron's entrapment term for it in a bilateral is
// 0.15·0.5·(1 − 0.8·1)·(1 − 0.8) = 0.003; at weak commitment A = 0.35;
// with A = 0, 0.15·0.5·0.2 = 0.015.
func TestAssuranceFromIndigenousAlliance(t *testing.T) {
	for _, c := range []struct {
		name       string
		build      func(w *World)
		assurance  float64
		entrapment float64
	}{
		{"strong client alliance", func(w *World) { w.form(set(c1, c2), true, OriginClient) }, 1, 0.003},
		{"strong indigenous alliance", func(w *World) {
			w.join(w.form(set(c1, c2), true, OriginClient), pat, EntryJoined)
		}, 1, 0.003},
		// 0.15·0.5·(1 − 0.8·0.35)·0.2 = 0.0108
		{"weak indigenous alliance", func(w *World) {
			w.join(w.form(set(c1, c2), false, OriginClient), pat, EntryJoined)
		}, 0.35, 0.0108},
		{"strong imposed alliance", func(w *World) { w.form(set(pat, c1, c2), true, OriginImposed) }, 0, 0.015},
		{"applied before the patron joined", func(w *World) {
			al := w.form(set(c1, c3), true, OriginClient)
			w.join(al, c2, EntryApplied)
			w.join(al, pat, EntryJoined)
		}, 1, 0.003},
		{"applied after the patron joined", func(w *World) {
			al := w.form(set(c1, c3), true, OriginClient)
			w.join(al, pat, EntryJoined)
			w.join(al, c2, EntryApplied)
		}, 0, 0.015},
		{"applied while the alliance went on without the patron", func(w *World) {
			al := w.form(set(c1, c3), true, OriginClient)
			w.join(al, pat, EntryJoined)
			w.leave(al, pat, al.Members)
			w.join(&w.alliances[al.ID], c2, EntryApplied)
		}, 0, 0.015},
		{"left and applied again after the patron joined", func(w *World) {
			al := w.form(set(c1, c2, c3), true, OriginClient)
			w.leave(al, c2, al.Members)
			w.join(al, pat, EntryJoined)
			w.join(al, c2, EntryApplied)
		}, 0, 0.015},
	} {
		sc := testScenario()
		sc.States[c2].Revisionism = 0.5
		w := perceived(t, sc)
		c.build(w)
		if got := w.assurance[c2]; got != c.assurance {
			t.Errorf("%s: assurance of c2 %v, want %v", c.name, got, c.assurance)
		}
		pt := w.partnerTerms(pat, set(c2), OriginBilateral, nil)[0]
		if pt.Assurance != c.assurance {
			t.Errorf("%s: the patron reads c2's assurance as %v, want %v", c.name, pt.Assurance, c.assurance)
		}
		nearly(t, c.name+": the patron's entrapment term", pt.Costs(1, w.c.costs).Entrapment, c.entrapment, handTol)
	}
}

// The position ρ − T (less arms_cost 0.05 with no ally; expected utility)
// follows the state's threat, reference point and allies, however often
// it is asked (positionMemo): with ρ and T set by hand, c1's position is
// ρ − T − 0.05 alone and ρ − T allied.
func TestPositionFollowsItsInputs(t *testing.T) {
	sc := bareStayScenario()
	sc.Params.ArmsCost = 0.05
	w := perceived(t, sc)
	for _, c := range []struct {
		threat, reference float64
		allied            bool
		want              float64
	}{
		{0.5, 0.7, false, 0.15}, // 0.7 − 0.5 − 0.05
		{0.4, 0.7, false, 0.25}, // 0.7 − 0.4 − 0.05
		{0.4, 0.45, false, 0.0}, // 0.45 − 0.4 − 0.05
		{0.4, 0.45, true, 0.05}, // 0.45 − 0.4
		{0.4, 0.45, false, 0.0}, // alone again
	} {
		w.threat[c1], w.reference[c1] = c.threat, c.reference
		w.ties[c1].allies = 0
		if c.allied {
			w.ties[c1].allies = set(c2)
		}
		nearly(t, fmt.Sprintf("position at T %v, ρ %v, allied %v", c.threat, c.reference, c.allied), w.position(c1), c.want, handTol)
	}
}

// The gain of an option is g = max(0, T − T⁺) (docs/model.md §7.4): an
// alliance after which the threat would be higher than now gains nothing,
// and is valued as one after which it stays the same.
func TestGainIsNeverNegative(t *testing.T) {
	w := perceived(t, testScenario())
	up := w.appraiseFrom(c1, set(c2), true, OriginClient, 0.3, 0.5, 0)
	same := w.appraiseFrom(c1, set(c2), true, OriginClient, 0.3, 0.3, 0)
	if up.terms.Gain != 0 || up.value != same.value {
		t.Errorf("T 0.3, T⁺ 0.5: gain %v, value %v; want 0 and the value at T⁺ = T, %v", up.terms.Gain, up.value, same.value)
	}
}

// A patron weighs a client's assurance and its own control over it
// (docs/model.md §7.4), not another patron's: with c3 made a patron, pat's
// terms for c3 carry neither, its terms for c1 both (control_trilateral
// 0.4 in {pat, c1, c3}).
func TestPatronWeighsAssuranceAndControlOfClientsOnly(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Role = Patron
	w := perceived(t, sc)
	w.assurance[c1], w.assurance[c3] = 0.35, 0.35
	terms := w.partnerTerms(pat, set(c1, c3), OriginImposed, nil)
	if p := terms[0]; p.Assurance != 0.35 || p.Control != 0.4 {
		t.Errorf("pat's terms for c1: assurance %v, control %v; want 0.35, 0.4", p.Assurance, p.Control)
	}
	if p := terms[1]; p.Assurance != 0 || p.Control != 0 {
		t.Errorf("pat's terms for patron c3: assurance %v, control %v; want 0, 0", p.Assurance, p.Control)
	}
}

// A state takes the strong commitment only if it is strictly better
// (docs/model.md §7.4): with the two commitments alike (k and p_k equal),
// the appraisals are equal and the weak one is taken.
func TestStrongOnlyIfStrictlyBetter(t *testing.T) {
	sc := testScenario()
	sc.Params.CommitmentWeak, sc.Params.CommitmentStrong = 0.5, 0.5
	sc.Params.PWeak, sc.Params.PStrong = 0.8, 0.8
	w := perceived(t, sc)
	a, strong := w.bestCommitment(c1, set(c2), OriginClient)
	weak := w.appraise(c1, set(c2), false, OriginClient)
	if strong || a.value != weak.value {
		t.Errorf("commitments alike: strong %v, value %v; want weak, %v", strong, a.value, weak.value)
	}
}

// A hypothetical alliance stands with the cohesion of all its members,
// the appraiser included (§7.2.1), not of its partners alone.
func TestHypotheticalCohesionCountsTheAppraiser(t *testing.T) {
	w := perceived(t, testScenario())
	for _, S := range []agents.Set{set(c1, c2, c3), set(c1)} {
		ch := w.hypothetical(pat, S, OriginImposed)
		if want := w.cohesionOf(S.With(pat)); ch.h != want {
			t.Errorf("pat with %v: h %v, want %v, of the members with pat", S, ch.h, want)
		}
		if w.cohesionOf(S.With(pat)) == w.cohesionOf(S) {
			t.Errorf("set-up: pat's picture moves no cohesion of %v", S)
		}
	}
}

// The gain's floor at 0 (docs/model.md §8.2 item 27) hides a newcomer's
// harm: c3, with land 0.2 and a tenth of c1's threat picture, applying
// to {c1, c2} at cohesion 1, lowers the grown alliance's cohesion to
// 0.6339 and raises c1's threat from 0.7221 to 0.7246 (as measured); c1
// values the alliance with c3 at a gain of 0, as it does the alliance as
// it stands.
func TestGainFloorHidesANewcomersHarm(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Land = 0.2
	w := perceived(t, sc)
	al := w.form(set(c1, c2), true, OriginClient)
	withCohesion(w, al, 1)
	w.picture[c3] = w.picture[c1] / 10
	ch := w.grown(al, c3, al.Origin)
	nearly(t, "the grown cohesion", ch.h, 0.6339, 5e-5)
	nearly(t, "c1's threat", w.threat[c1], 0.7221, 5e-5)
	nearly(t, "c1's threat with c3", w.threatUnder(c1, ch), 0.7246, 5e-5)
	if g := w.appraiseUnder(c1, set(c2, c3), true, al.Origin, ch).terms.Gain; g != 0 {
		t.Errorf("c1's gain of the alliance with c3: %v, want 0", g)
	}
}
