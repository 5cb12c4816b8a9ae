package sim

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// TestIndigenousAllianceOutlivesItsPatron: an alliance the clients made
// before the patron joined stays in force among them when the patron
// leaves (Cohen H2), and the patron may join it again; one the patron
// founded ends with its leaving (H3), and so does an indigenous one with
// fewer than two clients left or with the members of another alliance.
func TestIndigenousAllianceOutlivesItsPatron(t *testing.T) {
	fresh := func() *World {
		w := perceived(t, testScenario())
		return w
	}

	w := fresh()
	al := w.form(set(c1, c2), true, OriginClient)
	w.tick = 5
	w.join(al, pat, EntryJoined)
	w.tick = 9
	w.leave(al, pat, al.Members)
	if !al.Active() || al.HasPatron || al.Members != set(c1, c2) || al.Origin != OriginIndigenous {
		t.Fatalf("after the patron left: active %v, patron %v, members %v, origin %v; want the clients' alliance in force, indigenous",
			al.Active(), al.HasPatron, al.Members, al.Origin)
	}
	if al.PatronJoined != 5 || al.PatronSize != 3 || al.ClientPeak != 2 {
		t.Errorf("patron joined %d, patron size %d, client peak %d; want 5, 3, 2 (the first entry; no client peak after it)",
			al.PatronJoined, al.PatronSize, al.ClientPeak)
	}
	if !w.inClientAlliance(c1) || !w.clientAllianceFor(pat) {
		t.Error("the clients' alliance without its patron should count as their own (collective security)")
	}
	if rec := w.Record().Alliances[al.ID]; !rec.Patron || rec.Cause != EndHorizon.String() || rec.Ended != -1 {
		t.Errorf("record: patron %v, cause %s, ended %d; want a patron once, in force", rec.Patron, rec.Cause, rec.Ended)
	}
	if w.ties[pat].allies.Has(c1) || !w.ties[c1].allies.Has(c2) {
		t.Error("the patron should no longer be allied with c1, and c1 still with c2")
	}
	w.tick = 20
	w.join(al, pat, EntryJoined)
	if !al.HasPatron || al.PatronJoined != 5 || al.Origin != OriginIndigenous {
		t.Errorf("rejoined: patron %v since %d, origin %v; want a patron again, first joined at 5, indigenous", al.HasPatron, al.PatronJoined, al.Origin)
	}

	for _, c := range []struct {
		name   string
		build  func(w *World) *Alliance
		leaver int
	}{
		{"imposed", func(w *World) *Alliance { return w.form(set(pat, c1, c2), true, OriginImposed) }, pat},
		{"bilateral", func(w *World) *Alliance { return w.form(set(pat, c1), true, OriginBilateral) }, pat},
		{"indigenous, one client left", func(w *World) *Alliance {
			al := w.form(set(c1, c2), true, OriginClient)
			w.join(al, pat, EntryJoined)
			w.leave(al, c2, al.Members)
			return al
		}, pat},
		{"indigenous, the clients also allied alone", func(w *World) *Alliance {
			al := w.form(set(c1, c2), true, OriginClient)
			w.join(al, pat, EntryJoined)
			id := al.ID
			w.form(set(c1, c2), false, OriginClient) // may move the alliances: al is read again
			return &w.alliances[id]
		}, pat},
	} {
		w := fresh()
		al := c.build(w)
		w.leave(al, c.leaver, al.Members)
		if al.Active() || al.Cause != EndPatronLeft {
			t.Errorf("%s: the patron left; active %v, cause %v, want ended, patron_left", c.name, al.Active(), al.Cause)
		}
	}
}

// TestCohesionAtFormationRecorded: the record keeps h_A of the founders'
// pictures when they signed, while the alliance's cohesion follows its
// members' pictures tick by tick (docs/model.md §7.12). Pictures 0.3 and
// 0.5, mean 0.4: divergences 0.1/0.7 and 0.1/0.9, h = 1 − (1/7 + 1/9)/2 =
// 110/126.
func TestCohesionAtFormationRecorded(t *testing.T) {
	w := perceived(t, testScenario())
	w.picture[c1], w.picture[c2] = 0.3, 0.5
	al := w.form(set(c1, c2), true, OriginClient)
	nearly(t, "cohesion at formation", al.CohesionFormed, 110.0/126, handTol)
	for range 3 {
		w.Step()
	}
	al = &w.alliances[al.ID]
	rec := w.Record().Alliances[al.ID]
	if rec.Cohesion != al.CohesionFormed {
		t.Errorf("record cohesion %v, want the formed %v", rec.Cohesion, al.CohesionFormed)
	}
	if !al.Active() {
		t.Fatal("set-up: the alliance should still be in force after three ticks")
	}
	if al.Cohesion == al.CohesionFormed {
		t.Errorf("cohesion %v did not follow the pictures (%v, %v) since formation", al.Cohesion, w.picture[c1], w.picture[c2])
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
	w := perceived(t, testScenario())
	al := w.form(set(pat, c1), true, OriginBilateral)
	w.directPicture[pat], w.directPicture[c1], w.directPicture[c2], w.directPicture[c3] = 0.1, 0.6, 0.2, 0.4
	w.patronTotals()
	nearly(t, "pat's picture", w.picture[pat], math.Sqrt(0.56/3), handTol)
	nearly(t, "cohesionOf", w.cohesionOf(set(pat, c1)), 0.918090170492782, handTol)
	w.reviewing = 0 // no exit decisions
	w.cohesionAndExit()
	nearly(t, "the alliance's cohesion", al.Cohesion, 0.918090170492782, handTol)
	nearly(t, "pat's help to c1", w.help[c1], 3.02315141129993, handTol)
	// the raw readings are rebased on the new ties at once (rebaseline):
	// c1 reads adv with its defence 1 + 3.02315141129993
	n := w.c.n
	nearly(t, "c1's defence", w.defence[c1], 4.02315141129993, handTol)
	for m := 0; m < n; m++ {
		for j := 0; j < n; j++ {
			if j != m {
				if got, want := w.raw[m*n+j], w.tau(m, j, w.defK[m], &w.ties[m]); got != want {
					t.Errorf("raw reading of %s by %s = %v, want %v under the ties with h", w.c.id[j], w.c.id[m], got, want)
				}
			}
		}
	}
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
		w := perceived(t, sc)
		return w, w.form(set(pat, c1, c2), true, OriginImposed)
	}
	w, al := build(0.05)
	nearly(t, "exit cost of an imposed alliance's client", w.exitCost(al, c1), 0.01, handTol)
	nearly(t, "exit cost of its patron", w.exitCost(al, pat), 0.05, handTol)
	// a commitment the client made itself costs the whole exit cost
	for _, o := range []Origin{OriginIndigenous, OriginClient, OriginBilateral} {
		al.Origin = o
		nearly(t, "exit cost of a client of an alliance of origin "+o.String(), w.exitCost(al, c1), 0.05, handTol)
	}
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

// The exit cost reads exit_cost and μ = assurance_weight as the scenario
// sets them (docs/model.md §7.12): at exit_cost 0.2 and μ 0.8 a client of
// an imposed alliance pays 0.2·(1 − 0.8) = 0.04 and its patron 0.2; at μ
// 0.5 the client pays 0.2·(1 − 0.5) = 0.1, the patron still 0.2. (At the
// default exit_cost 0.05 the client would pay 0.01; at the default μ 0.8,
// 0.04 in both.)
func TestExitCostReadsItsParameters(t *testing.T) {
	for _, c := range []struct{ mu, client float64 }{{0.8, 0.04}, {0.5, 0.1}} {
		sc := testScenario()
		sc.Params.ExitCost = 0.2
		sc.Params.AssuranceWeight = c.mu
		w := perceived(t, sc)
		al := w.form(set(pat, c1, c2), true, OriginImposed)
		nearly(t, fmt.Sprintf("μ %v: exit cost of an imposed alliance's client", c.mu), w.exitCost(al, c1), c.client, handTol)
		nearly(t, fmt.Sprintf("μ %v: exit cost of its patron", c.mu), w.exitCost(al, pat), 0.2, handTol)
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
		w := perceived(t, sc)
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

// On a quarterly calendar the entrapment penalty lasts its 24 months as 8
// ticks, end to end: a provocation at tick 5 makes the patron pay through
// tick 12, in force from its crisis (penaltyUntil 13), where a monthly
// calendar has it pay to tick 28.
func TestEntrapmentPenaltyOnAQuarterlyCalendar(t *testing.T) {
	sc := testScenario()
	sc.Calendar.MonthsPerTick = 3
	sc.Ticks = 40
	sc.Params.ProvokeRate = 1
	sc.Params.ControlBilateral, sc.Params.ControlTrilateral, sc.Params.ControlMultilateral = 0, 0, 0
	sc.States[c1].Revisionism = 1
	w := perceived(t, sc)
	w.tick = 5
	s := w.form(set(pat, c1), true, OriginBilateral)
	w.crises()
	if len(w.events) == 0 || w.events[len(w.events)-1].Type != EventProvocation {
		t.Fatalf("c1 should provoke: %v", describe(w))
	}
	if got := s.penaltyUntil[pat]; got != 5+8 {
		t.Errorf("pat pays until %d, want %d (8 quarterly ticks from tick 5)", got, 5+8)
	}
}

// Only the allies pledged to come for a provoker are dragged into its
// fight (§7.11, §8.2 item 23): after c1's provocation at tick 5, in a
// strong alliance {pat, c1, c2} the patron pays the entrapment penalty
// whatever the origin, and c2 only where the clients pledged to each
// other (indigenous), not where the patron imposed the alliance and c2 is
// never asked to come (honouring). A penalised client's stay value then
// carries the penalty, as the patron's does (TestEntrapmentPenalty): the
// penalty entrapment_cost, here 0.25 (not the default 0.1), is what its
// stay value is reckoned with.
func TestEntrapmentPenaltyOnlyForThePledged(t *testing.T) {
	for _, origin := range []Origin{OriginImposed, OriginIndigenous} {
		w, al := provokedAt5(t, func(w *World) *Alliance { return w.form(set(pat, c1, c2), true, origin) })
		w.c.p.EntrapmentCost = 0.25 // read only when a stay value is weighed (stayTerms)
		want := map[int]int32{pat: 29, c1: 0, c2: 29}
		if origin == OriginImposed {
			want[c2] = 0
		}
		for m, until := range want {
			if got := al.penaltyUntil[m]; got != until {
				t.Errorf("%v: %s pays until %d, want %d", origin, w.c.id[m], got, until)
			}
		}
		st := w.stayTerms(al, c2, w.tick)
		unpenalised := w.appraiseFrom(c2, set(pat, c1), true, origin, st.without, w.threat[c2], 0).value
		penalised := w.appraiseFrom(c2, set(pat, c1), true, origin, st.without, w.threat[c2], 0.25).value
		wantStay := unpenalised
		if origin == OriginIndigenous {
			wantStay = penalised
		}
		if !(penalised < unpenalised) || st.value() != wantStay {
			t.Errorf("%v: c2 values staying at %v; %v unpenalised, %v penalised", origin, st.value(), unpenalised, penalised)
		}
	}
}

// An entrapment penalty ends with the membership it weighs on (§7.11): the
// patron of an indigenous alliance {pat, c1, c2}, penalised through tick
// 28 by c1's provocation at tick 5, leaves at tick 9 (the clients' alliance
// goes on) and rejoins at tick 10; from then it values staying without the
// penalty, as a member that was never dragged in would.
func TestEntrapmentPenaltyEndsWithTheMembership(t *testing.T) {
	w, al := provokedAt5(t, func(w *World) *Alliance {
		al := w.form(set(c1, c2), true, OriginClient)
		w.join(al, pat, EntryJoined)
		return al
	})
	if got := al.penaltyUntil[pat]; got != 29 {
		t.Fatalf("set-up: pat pays until %d, want 29", got)
	}
	w.tick = 9
	w.leave(al, pat, al.Members)
	if !al.Active() || al.penaltyUntil[pat] != 0 {
		t.Fatalf("pat left: alliance in force %v, pat pays until %d; want in force, 0", al.Active(), al.penaltyUntil[pat])
	}
	w.tick = 10
	w.join(al, pat, EntryJoined)
	st := w.stayTerms(al, pat, w.tick)
	unpenalised := w.appraiseFrom(pat, set(c1, c2), true, OriginIndigenous, st.without, w.threat[pat], 0).value
	penalised := w.appraiseFrom(pat, set(c1, c2), true, OriginIndigenous, st.without, w.threat[pat], provokingScenario().Params.EntrapmentCost).value
	if !(penalised < unpenalised) || st.value() != unpenalised {
		t.Errorf("rejoined at tick 10: pat values staying at %v; unpenalised %v, penalised %v", st.value(), unpenalised, penalised)
	}
}

// The stay value of docs/model.md §7.12 takes T⁻_m, the threat without the
// alliance, as its baseline and the current T_m as the threat with it. With
// p_strong = 0 only the bad outcome counts; with residual_help 0 it carries
// no gain, and with c_D = c_T = 0 the cost of pat to c1 is its base term
// w·c₀ = 1·0.02 (RelativeWeight(1, 10) = min(1, 20/11) = 1). By expected
// utility V_stay = (ρ − T⁻) − c₀·(1 + v), v = 1 − e^(−0.5) (strong, one
// partner), and V_out = ρ − T⁻ (arms_cost 0), so
//
//	V_stay − V_out = −0.02·(2 − e^(−0.5)) = −0.027869386805747.
//
// Read from the current threat instead, V_stay would gain T⁻ − T > 0.
func TestStayValueBaselineIsThreatWithout(t *testing.T) {
	w := NewWorld(mustCompile(t, bareStayScenario()), 1)
	w.perceive()
	al := w.form(set(pat, c1), true, OriginBilateral)
	st := w.stayTerms(al, c1, w.tick)
	if !(st.without > w.threat[c1]) {
		t.Fatalf("set-up: c1's threat without the alliance %v should exceed its threat with it %v", st.without, w.threat[c1])
	}
	nearly(t, "V_stay − V_out", st.value()-st.out, -0.027869386805747, handTol)
}

// When its last patron leaves, an alliance the patron founded ends
// (patron_left) whatever its size; only an indigenous one goes on among
// its clients (docs/model.md §7.12). A bilateral grown by applications to
// {pat, c1, c2}, or founded with both clients, ends although two clients
// remain.
func TestNonIndigenousAllianceEndsWithItsPatron(t *testing.T) {
	for _, c := range []struct {
		name  string
		build func(w *World) int
	}{
		{"bilateral founded by three", func(w *World) int { return w.form(set(pat, c1, c2), true, OriginBilateral).ID }},
		{"bilateral grown by an application", func(w *World) int {
			id := w.form(set(pat, c1), true, OriginBilateral).ID
			w.join(&w.alliances[id], c2, EntryApplied)
			return id
		}},
	} {
		w := perceived(t, testScenario())
		al := &w.alliances[c.build(w)]
		if al.Origin != OriginBilateral || al.Members != set(pat, c1, c2) {
			t.Fatalf("%s: set-up: origin %v, members %v", c.name, al.Origin, al.Members)
		}
		w.leave(al, pat, al.Members)
		if al.Active() || al.Cause != EndPatronLeft {
			t.Errorf("%s: the patron left; active %v, cause %v; want ended, patron_left", c.name, al.Active(), al.Cause)
		}
	}
}

// An alliance ends with its patron only if it was the last one: a patron's
// departure or elimination leaves an alliance with another patron in
// force (docs/model.md §7.12, §7.10: "if it was A's last patron"). Here c3
// is made a second patron; {pat, c3, c1} (bilateral origin) loses pat.
func TestAllianceWithAnotherPatronGoesOn(t *testing.T) {
	for _, c := range []struct {
		name string
		lose func(w *World, al *Alliance)
	}{
		{"pat leaves", func(w *World, al *Alliance) { w.leave(al, pat, al.Members) }},
		{"pat is eliminated", func(w *World, al *Alliance) { w.eliminate(pat) }},
	} {
		sc := testScenario()
		sc.States[c3].Role = Patron
		w := perceived(t, sc)
		al := &w.alliances[w.form(set(pat, c3, c1), true, OriginBilateral).ID]
		c.lose(w, al)
		if !al.Active() || !al.HasPatron || al.Members != set(c3, c1) {
			t.Errorf("%s: active %v (cause %v), patron %v, members %v; want in force with patron c3 and c1",
				c.name, al.Active(), al.Cause, al.HasPatron, al.Members)
		}
	}
}

// arms_cost is charged only to a state with no ally (docs/model.md §7.4,
// current position; §7.12 step 3, value without). At arms_cost 0.05 and
// expected utility, c1's position is ρ − T − 0.05 alone and ρ − T once
// allied. In the stay set-up of TestStayValueBaselineIsThreatWithout,
// V_stay − V_out = −0.02·(2 − e^(−0.5)) + 0.05 = 0.022130613194253 when
// c1 would have no ally left without {pat, c1}, and −0.027869386805747
// when it keeps c2 through a client alliance.
func TestArmsCostOnlyWithoutAlly(t *testing.T) {
	build := func() *World {
		sc := bareStayScenario()
		sc.Params.ArmsCost = 0.05
		w := perceived(t, sc)
		return w
	}
	w := build()
	nearly(t, "c1's position alone", w.position(c1)-(w.reference[c1]-w.threat[c1]), -0.05, handTol)
	w.form(set(c1, c2), false, OriginClient)
	nearly(t, "c1's position allied", w.position(c1)-(w.reference[c1]-w.threat[c1]), 0, handTol)

	stayCost := -0.02 * (2 - math.Exp(-0.5))
	for _, c := range []struct {
		name   string
		others bool // c1 also allied with c2
		want   float64
	}{
		{"no ally left without the alliance", false, 0.022130613194253},
		{"c2 left as an ally", true, -0.027869386805747},
	} {
		w := build()
		al := w.form(set(pat, c1), true, OriginBilateral).ID
		if c.others {
			w.form(set(c1, c2), false, OriginClient)
		}
		st := w.stayTerms(&w.alliances[al], c1, w.tick)
		want := stayCost
		if !c.others {
			want += 0.05
		}
		nearly(t, c.name+": V_stay − V_out (formula)", st.value()-st.out, want, handTol)
		nearly(t, c.name+": V_stay − V_out", st.value()-st.out, c.want, handTol)
	}
}

// bareStayScenario is testScenario with the stay value reduced to its
// threat and base cost, for hand computation: no honour at p_strong 0, no
// residual help, no divergence or threat costs, expected utility.
func bareStayScenario() *Scenario {
	sc := testScenario()
	sc.Params.PStrong = 0
	sc.Params.ResidualHelp = 0
	sc.Params.CostDivergence = 0
	sc.Params.CostThreat = 0
	sc.Decision.Valuation = "expected_utility"
	return sc
}

// A member that leaves leaves an alliance whose remaining members are
// those of another alliance in force: it dissolves into that one
// (members_left, docs/model.md §7.12), as does an alliance left with one
// member. c2 leaves the imposed {pat, c1, c2} while the bilateral {pat,
// c1} stands: the imposed one ends although two members remain, the
// bilateral stays. c1 then leaves the bilateral: one member left, it ends,
// members_left (not patron_left: the leaver is a client).
func TestLeaveIntoAnotherAllianceEnds(t *testing.T) {
	w := perceived(t, testScenario())
	imposed := w.form(set(pat, c1, c2), true, OriginImposed).ID
	bilateral := w.form(set(pat, c1), true, OriginBilateral).ID
	w.leave(&w.alliances[imposed], c2, w.alliances[imposed].Members)
	if al := &w.alliances[imposed]; al.Active() || al.Cause != EndMembersLeft {
		t.Errorf("imposed, down to {pat, c1} beside the bilateral: active %v, cause %v; want ended, members_left", al.Active(), al.Cause)
	}
	if !w.alliances[bilateral].Active() {
		t.Fatal("the bilateral should stay in force")
	}
	w.leave(&w.alliances[bilateral], c1, w.alliances[bilateral].Members)
	if al := &w.alliances[bilateral]; al.Active() || al.Cause != EndMembersLeft {
		t.Errorf("bilateral, c1 left: active %v, cause %v; want ended, members_left", al.Active(), al.Cause)
	}
}

// An alliance that ends as its members leave it records the alliance in
// force into which it was absorbed: one that holds every member it had as
// the tick's departures began. The patron's imposed {pat, c1, c2} ends as
// c1 and c2 leave it for their own alliance with the patron, {pat, c1,
// c2, c3} (members_left), or as the patron leaves it (patron_left):
// absorbed either way. One whose leaver goes nowhere parted (c2 leaves
// {pat, c1, c2} beside the bilateral {pat, c1}: TestLeaveIntoAnother-
// AllianceEnds's case), as did one occupied.
func TestAbsorbedInto(t *testing.T) {
	for _, c := range []struct {
		name    string
		leavers []int
		cause   EndCause
	}{
		{"the clients leave", []int{c1, c2}, EndMembersLeft},
		{"the patron leaves", []int{pat}, EndPatronLeft},
	} {
		w := perceived(t, testScenario())
		imposed := w.form(set(pat, c1, c2), true, OriginImposed).ID
		own := w.form(set(c1, c2, c3), true, OriginClient).ID
		w.join(&w.alliances[own], pat, EntryJoined)
		al := &w.alliances[imposed]
		before := al.Members
		for _, m := range c.leavers {
			w.leave(al, m, before)
		}
		if al.Active() || al.Cause != c.cause || al.AbsorbedInto != own {
			t.Errorf("%s: active %v, cause %v, absorbed into %d; want ended, %v, into %d", c.name, al.Active(), al.Cause, al.AbsorbedInto, c.cause, own)
		}
		rec := w.Record().Alliances[imposed]
		if rec.AbsorbedInto == nil || *rec.AbsorbedInto != own {
			t.Errorf("%s: the record's absorbed_into %v, want %d", c.name, rec.AbsorbedInto, own)
		}
		if other := w.Record().Alliances[own]; other.AbsorbedInto != nil {
			t.Errorf("%s: the alliance in force records absorbed_into %d", c.name, *other.AbsorbedInto)
		}
		ended := 0
		for i := range w.events {
			if e := &w.events[i]; e.Type == EventEnded && e.Alliance == imposed {
				ended++
				if r := w.EventRecord(e); r.Into == nil || *r.Into != own {
					t.Errorf("%s: the ended event's into %v, want %d", c.name, r.Into, own)
				}
			}
		}
		if ended != 1 {
			t.Errorf("%s: %d ended events of the imposed alliance, want 1", c.name, ended)
		}
	}
	// Only an alliance in force absorbs: one that has ended does not,
	// though it held them all.
	w := perceived(t, testScenario())
	imposed := w.form(set(pat, c1, c2), true, OriginImposed).ID
	own := w.form(set(c1, c2, c3), true, OriginClient).ID
	w.join(&w.alliances[own], pat, EntryJoined)
	w.end(&w.alliances[own], EndMembersLeft, c3, -1)
	w.leave(&w.alliances[imposed], pat, w.alliances[imposed].Members)
	if al := &w.alliances[imposed]; al.Active() || al.AbsorbedInto != -1 {
		t.Errorf("the patron left {pat, c1, c2}, whose members' other alliance has ended: active %v, absorbed into %d; want ended, into none", al.Active(), al.AbsorbedInto)
	}
	w = perceived(t, testScenario())
	imposed = w.form(set(pat, c1, c2), true, OriginImposed).ID
	w.form(set(pat, c1), true, OriginBilateral)
	w.leave(&w.alliances[imposed], c2, w.alliances[imposed].Members)
	if al := &w.alliances[imposed]; al.Active() || al.AbsorbedInto != -1 || w.Record().Alliances[imposed].AbsorbedInto != nil {
		t.Errorf("c2 parted from {pat, c1, c2}: active %v, absorbed into %d; want ended, into none", al.Active(), al.AbsorbedInto)
	}
	w = perceived(t, testScenario())
	pair := w.form(set(c1, c2), true, OriginClient).ID
	w.form(set(pat, c1, c2), true, OriginImposed)
	w.eliminate(c1)
	if al := &w.alliances[pair]; al.Active() || al.Cause != EndOccupied || al.AbsorbedInto != -1 {
		t.Errorf("{c1, c2}, c1 eliminated: active %v, cause %v, absorbed into %d; want ended, occupied, into none", al.Active(), al.Cause, al.AbsorbedInto)
	}
}

// A state that leaves rereads its own threats at once, without the
// alliance: its threat after leaving is the T⁻ it weighed when it chose to
// leave (stayTerms), bit for bit, and above its threat while allied.
func TestLeaverRereadsItsThreat(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(pat, c1, c2), true, OriginImposed)
	allied := w.threat[c1]
	without := w.stayTerms(al, c1, w.tick).without
	if !(without > allied) {
		t.Fatalf("set-up: c1's threat without the alliance %v should exceed its threat in it %v", without, allied)
	}
	w.leave(al, c1, al.Members)
	if e := w.events[len(w.events)-1]; e.Type != EventLeft || e.Actor != c1 || e.Others != set(pat, c2) || e.Exit != ExitLeft {
		t.Errorf("logged %+v; want c1 left by choice, the members left behind {pat, c2}", w.EventRecord(&e))
	} else if rec := w.EventRecord(&e); rec.Exit != "left" {
		t.Errorf("the left event's record has exit %q, want left", rec.Exit)
	}
	if w.threat[c1] != without {
		t.Errorf("c1's threat after leaving = %.17g, want T⁻ = %.17g (allied it was %.17g)", w.threat[c1], without, allied)
	}
}

// Once a member's departure ends the alliance, the members still to review
// it this tick do not: they draw nothing and log no departure of their
// own; their memberships close with the end (ExitEnded). With exit_cost
// −10 both members of the bilateral {pat, c1} would leave; pat reviews
// first (index order), and its leaving ends the alliance (patron_left).
func TestNoExitFromAnEndedAlliance(t *testing.T) {
	c := mustCompile(t, testScenario())
	c.p.ExitCost = -10 // leaving is always better
	w, twin := NewWorld(c, 1), NewWorld(c, 1)
	var al *Alliance
	for _, x := range []*World{w, twin} {
		x.perceive() // no noise: no draws
		al = x.form(set(pat, c1), true, OriginBilateral)
	}
	al = &w.alliances[al.ID]
	w.reviewing = set(pat, c1)
	w.cohesionAndExit()
	left := 0
	for _, e := range w.events {
		if e.Type == EventLeft {
			left++
		}
	}
	if left != 1 || al.Active() || al.Cause != EndPatronLeft {
		t.Fatalf("%d departures, active %v, cause %v; want one (pat's), ended, patron_left: %v", left, al.Active(), al.Cause, describe(w))
	}
	for _, sp := range al.Spells {
		want := ExitEnded
		if sp.State == pat {
			want = ExitLeft
		}
		if sp.Exit != want {
			t.Errorf("%s's spell exit %v, want %v", w.c.id[sp.State], sp.Exit, want)
		}
	}
	// one draw, pat's: the stream goes on from the twin's second draw
	twin.rng.Float64()
	if got, want := w.rng.Float64(), twin.rng.Float64(); got != want {
		t.Errorf("next draw %v, want %v: c1 drew after the alliance ended", got, want)
	}
}

// ClientPeak is the largest number of members before a patron joined, not
// the last: an alliance of four members with no patron, down to two by
// departures (which note no size), then joined by a third, peaked at 4.
func TestClientPeakIsTheLargest(t *testing.T) {
	al := Alliance{PatronJoined: -1, Members: set(c1, c2, c3, adv)}
	al.noteSize()
	al.Members = set(c1, c2) // departures do not note the size
	al.Members = al.Members.With(c3)
	al.noteSize()
	if al.ClientPeak != 4 || al.PatronSize != 0 {
		t.Errorf("client peak %d, patron size %d; want 4, 0", al.ClientPeak, al.PatronSize)
	}
}

// An alliance two members leave in one tick ends with the second's
// leaving: its record names that member as the one that ended it, and its
// final members are the member left and the one whose leaving ended it,
// not the one that left before, which it outlived (docs/model.md §7.14).
// c1 leaves {c1, c2, c3} at tick 5, then c2, which ends it.
func TestFinalMembersOfAnAllianceTwoLeaveInATick(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(c1, c2, c3), true, OriginClient)
	w.tick = 5
	before := al.Members
	w.leave(al, c1, before)
	if !al.Active() {
		t.Fatal("set-up: c2 and c3 should hold the alliance after c1 leaves")
	}
	w.leave(al, c2, before)
	if al.Active() || al.EndedBy != c2 {
		t.Fatalf("c2's leaving should end it: active %v, ended by %d", al.Active(), al.EndedBy)
	}
	rec := w.Record().Alliances[al.ID]
	if rec.EndedBy != "c2" || rec.Cause != "members_left" {
		t.Errorf("recorded as ended by %q (%s), want c2 (members_left)", rec.EndedBy, rec.Cause)
	}
	if got, want := rec.FinalMembers(), []string{"c2", "c3"}; !slices.Equal(got, want) {
		t.Errorf("final members %v, want %v", got, want)
	}
}

// A patron weighs leaving against what its leaving leaves: an indigenous
// alliance of three clients stays in force among them (§7.12), so its
// threat without the alliance is its threat with the clients still
// standing by each other, at the cohesion of the three, 0.65155 — the
// threat it rereads once it has left and the clients' alliance holds that
// cohesion, bit for bit (at the cohesion with the patron still in it,
// 0.98874 against 0.98504, it would be 0.65127) — not its threat with the
// alliance gone for all of them, 0.71726. A client's threat without it is
// unchanged by the rule.
func TestPatronWeighsLeavingWhatItLeaves(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(c1, c2, c3), true, OriginClient)
	w.join(al, pat, EntryJoined)
	withCohesion(w, al, w.cohesionOf(al.Members))
	st := w.stayTerms(al, pat, w.tick)
	goneForAll := w.threatUnder(pat, change{drop: al.ID})
	if !(st.without < goneForAll) {
		t.Errorf("set-up: the patron's threat with its clients allied %v should be below its threat with the alliance gone %v", st.without, goneForAll)
	}
	clientWithout := w.threatUnder(c1, change{drop: al.ID})
	if got := w.stayTerms(al, c1, w.tick).without; got != clientWithout {
		t.Errorf("c1's threat without the alliance %v, want %v", got, clientWithout)
	}
	w.leave(al, pat, al.Members)
	if !al.Active() || al.Members != set(c1, c2, c3) {
		t.Fatalf("the clients' alliance should go on: active %v, members %v", al.Active(), al.Members)
	}
	al.Cohesion = w.cohesionOf(al.Members)
	w.refreshThreats(set(pat, c1, c2, c3))
	if after := w.threat[pat]; after != st.without || goneForAll-after < 0.05 {
		t.Errorf("the patron's threat once it has left %v: weighed at %v, against %v with the alliance gone for all", after, st.without, goneForAll)
	}
}

// What goes on without a patron, as leave decides: an indigenous alliance
// among its clients, one with another patron in it; not one the patron
// imposed, nor one whose clients hold another alliance of the same
// members already.
func TestGoesOnWithout(t *testing.T) {
	w := perceived(t, testScenario())
	imposed := w.form(set(pat, c1, c2, c3), true, OriginImposed)
	if w.goesOnWithout(imposed, set(c1, c2, c3)) {
		t.Error("an imposed alliance goes on without its patron")
	}
	w = perceived(t, testScenario())
	al := w.form(set(c1, c2, c3), true, OriginClient)
	w.join(al, pat, EntryJoined)
	if !w.goesOnWithout(al, set(c1, c2, c3)) {
		t.Error("an indigenous alliance of three clients does not go on")
	}
	id := al.ID
	w.form(set(c1, c2, c3), false, OriginClient) // may move the alliances: al is read again
	al = &w.alliances[id]
	if w.goesOnWithout(al, set(c1, c2, c3)) {
		t.Error("an indigenous alliance goes on as a duplicate of its clients' other alliance")
	}
	sc := testScenario()
	sc.States[c3].Role = Patron
	w = perceived(t, sc)
	two := w.form(set(pat, c3, c1), true, OriginBilateral)
	if !w.goesOnWithout(two, set(c3, c1)) {
		t.Error("an alliance with another patron does not go on")
	}
}

// Only a member that reviews its policy this tick weighs leaving
// (docs/model.md §7.12, §7.13): c1, which leaves TestExit's imposed
// alliance with probability 1 when it weighs it, stays when it is not
// reviewing, and the tick draws no random number for it; reviewing, it
// leaves, for one draw.
func TestOnlyReviewingMembersWeighLeaving(t *testing.T) {
	build := func() (*World, *Alliance) {
		sc := testScenario()
		sc.Params.GrievanceFear = 1
		sc.States[c1].Grievance = map[string]float64{"c2": 0.9}
		w := perceived(t, sc)
		return w, w.form(set(pat, c1, c2), true, OriginImposed)
	}
	w, al := build()
	if p := w.leaveProbability(al, c1); p != 1 {
		t.Fatalf("set-up: c1 leaves with probability %v, want 1", p)
	}
	for _, c := range []struct {
		reviewing agents.Set
		members   agents.Set
		draws     int // the draws exit takes
	}{{0, set(pat, c1, c2), 0}, {set(c1), set(pat, c2), 1}} {
		w, al := build()
		twin, _ := build()
		w.reviewing = c.reviewing
		w.cohesionAndExit()
		if al.Members != c.members {
			t.Errorf("reviewing %v: members %v after exit, want %v", c.reviewing, al.Members, c.members)
		}
		for range c.draws {
			twin.rng.Float64()
		}
		if got, want := w.rng.Float64(), twin.rng.Float64(); got != want {
			t.Errorf("reviewing %v: next draw %v, want the twin's after %d draws, %v", c.reviewing, got, c.draws, want)
		}
	}
}

// A bilateral that a client applied to join is still the patron's: it
// does not go on without the patron, and the patron's leaving ends it
// (patron_left). Only an indigenous alliance goes on.
func TestABilateralWithAnApplicantDoesNotGoOnWithoutItsPatron(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(pat, c1), true, OriginBilateral)
	w.join(al, c2, EntryJoined)
	if w.goesOnWithout(al, set(c1, c2)) {
		t.Error("a bilateral with an applicant goes on without its patron")
	}
	w.leave(al, pat, al.Members)
	if al.Active() || al.Cause != EndPatronLeft {
		t.Errorf("the patron left: in force %v, cause %v; want ended, patron_left", al.Active(), al.Cause)
	}
}

// Members weigh leaving alliance by alliance in id order (§3.3), each
// leaver with the next uniform: an imposed alliance 0 whose client c3
// resents its fellow c2 (grievance 0.9, grievance_fear 1, temperature 5:
// a leave probability near 0.55) and a client alliance 1 of c1 and c2,
// with c1 and c3 reviewing. c3 leaves exactly when the first uniform of
// the exit falls below its probability, on each of 20 seeds. Taken state
// by state, or in the reverse order of alliances, c1's draw would come
// first.
func TestExitDrawsGoInAllianceOrder(t *testing.T) {
	build := func(seed uint64) *World {
		sc := testScenario()
		sc.Params.GrievanceFear = 1
		sc.States[c3].Grievance = map[string]float64{"c2": 0.9}
		w := NewWorld(mustCompile(t, sc), seed)
		w.c.decision[c3].Temperature = 5
		w.perceive()
		w.form(set(pat, c2, c3), true, OriginImposed)
		w.form(set(c1, c2), true, OriginClient)
		w.reviewing = set(c1, c3)
		return w
	}
	differ := 0
	for seed := uint64(1); seed <= 20; seed++ {
		w, twin := build(seed), build(seed)
		w.cohesionAndExit()
		twin.refreshCohesion()
		p := twin.leaveProbability(&twin.alliances[0], c3)
		if p <= 0.5 || p >= 0.6 {
			t.Fatalf("seed %d: c3's leave probability %v; the test needs one near 0.55", seed, p)
		}
		u, next := twin.rng.Float64(), twin.rng.Float64()
		if left := !w.alliances[0].Members.Has(c3); left != (u < p) {
			t.Errorf("seed %d: c3 left %v, with the first uniform %v against %v", seed, left, u, p)
		}
		if (u < p) != (next < p) {
			differ++
		}
	}
	if differ == 0 {
		t.Error("set-up: on no seed would the second uniform decide otherwise; the test could not tell the orders apart")
	}
}

// The alliance an ending alliance is absorbed into is the first by id of
// those in force that hold every member it had as the tick's departures
// began (docs/model.md §7.12, World.absorber). {c1, c2} (id 0) ends as c1
// leaves it; {c1, c2, c3} (1) and {pat, c1, c2} (2) both hold c1 and c2:
// it was absorbed into 1. And the members are those at the start of the
// departures, not those left before the last one: with exit_cost −10 and
// c1 and c2 reviewing, both leave {c1, c2, c3} (id 0) in one exit step,
// which ends with c2's leaving; {pat, c2, c3} (1) holds c2 and c3, the
// members left before c2's departure, but not c1, so the alliance parted
// (-1), where reading its members at c2's departure would say 1.
func TestAbsorberIsTheFirstHoldingTheMembersAsTheDeparturesBegan(t *testing.T) {
	w := perceived(t, testScenario())
	pair := w.form(set(c1, c2), true, OriginClient).ID
	w.form(set(c1, c2, c3), false, OriginClient)
	w.form(set(pat, c1, c2), true, OriginImposed)
	w.leave(&w.alliances[pair], c1, w.alliances[pair].Members)
	if al := &w.alliances[pair]; al.Active() || al.AbsorbedInto != 1 {
		t.Errorf("{c1, c2} left by c1 beside alliances 1 and 2 that hold both: active %v, absorbed into %d; want ended, into 1", al.Active(), al.AbsorbedInto)
	}

	c := mustCompile(t, testScenario())
	c.p.ExitCost = -10 // leaving is always better
	w = NewWorld(c, 1)
	w.perceive()
	tri := w.form(set(c1, c2, c3), true, OriginClient).ID
	other := w.form(set(pat, c2, c3), true, OriginImposed).ID
	w.refreshCohesion()
	w.reviewing = set(c1, c2)
	w.cohesionAndExit()
	al := &w.alliances[tri]
	if al.Active() || al.Cause != EndMembersLeft || al.EndedBy != c2 {
		t.Fatalf("set-up: c1 and c2 should both leave {c1, c2, c3}, c2's leaving ending it: active %v, cause %v, ended by %d: %v", al.Active(), al.Cause, al.EndedBy, describe(w))
	}
	if !w.alliances[other].Active() || w.alliances[other].Members != set(pat, c3) {
		t.Fatalf("set-up: {pat, c2, c3} should go on as {pat, c3} after c2 leaves it too: %v", describe(w))
	}
	if al.AbsorbedInto != -1 {
		t.Errorf("{c1, c2, c3}, left by c1 and c2 in one tick: absorbed into %d; want none, as no alliance in force holds c1", al.AbsorbedInto)
	}
}

// Exit decisions read the cohesion step 6 has just refreshed, not the one
// the alliance carried into it (docs/model.md §3.1 step 6, §7.12): c1's
// threat without {c1, c2} is read against raw readings at the alliance's
// cohesion, so a stale h (0.3 here, against the ≈ 0.99 of c1's and c2's
// pictures) moves T⁻ and with it the margin Δ = V_out − V_stay. With the
// exit cost halfway between the margins at the two cohesions, c1 leaves
// at one and stays at the other; cohesionAndExit must decide as at the
// refreshed one.
func TestExitWeighsTheRefreshedCohesion(t *testing.T) {
	const stale = 0.3
	build := func(exitCost float64) (*World, *Alliance) {
		c := mustCompile(t, testScenario())
		c.p.ExitCost = exitCost
		w := NewWorld(c, 1)
		w.perceive()
		al := w.form(set(c1, c2), true, OriginClient)
		withCohesion(w, al, stale)
		return w, al
	}
	margin := func(w *World, al *Alliance) float64 {
		st := w.stayTerms(al, c1, w.tick)
		return st.out - st.value()
	}
	w, al := build(0)
	atStale := margin(w, al)
	w.refreshCohesion()
	if h := al.Cohesion; math.Abs(h-stale) < 0.5 {
		t.Fatalf("set-up: the refreshed cohesion %v should be far from the stale %v", h, stale)
	}
	atFresh := margin(w, al)
	if math.Abs(atStale-atFresh) < 1e-6 {
		t.Fatalf("set-up: the margins at the stale (%v) and refreshed (%v) cohesion should differ", atStale, atFresh)
	}
	exitCost := (atStale + atFresh) / 2
	w, al = build(exitCost)
	w.reviewing = set(c1)
	w.cohesionAndExit()
	if left, want := !al.Members.Has(c1), atFresh > exitCost; left != want {
		t.Errorf("c1 left %v, want %v: margin %v at the refreshed cohesion, %v at the stale one, exit cost %v", left, want, atFresh, atStale, exitCost)
	}
}
