package sim

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// Offers are always answered: a client that does not review its policy
// this tick still accepts a patron's proposal that beats its position.
func TestOffersAnsweredWithoutReview(t *testing.T) {
	sc := testScenario()
	sc.Decision.Strategy = "prospect"
	w := perceived(t, sc)
	w.reviewing = set(pat)
	w.patronRound(pat)
	if len(w.alliances) == 0 || w.alliances[0].Members.Len() < 2 {
		t.Fatalf("clients who do not review should still accept: %v", describe(w))
	}
}

// The scenario-level strategy changes what happens: an assurance patron
// (the default) that will not impose waits for its clients at tick 0;
// with the scenario's strategy set to prospect, and no override, the
// patron proposes at once.
func TestScenarioStrategyActs(t *testing.T) {
	for _, strategy := range []string{"assurance", "prospect"} {
		sc := testScenario()
		sc.Decision.Strategy = strategy
		sc.Decision.ImposeThreshold = 1
		w := perceived(t, sc)
		w.startReviews()
		w.patronRound(pat)
		if proposed := len(w.events) > 0; proposed != (strategy == "prospect") {
			t.Errorf("strategy %s: patron proposed %v; events %v", strategy, proposed, describe(w))
		}
	}
}

// A client that fears a fellow invitee refuses, and the log says whom it
// fears. (Version 2: the status-quo reference point puts the clients in
// losses, where they accept much; the grievance is also feared as a
// revival, grievance_fear 1.)
func TestClientRejectsOverFearOfInvitee(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}})
	offer := w.propose(Event{Type: EventProposal, Actor: pat, Target: -1, Others: set(c1, c2, c3), Alliance: -1, Proposal: ProposeMultilateral, Strong: true})
	acc := w.canvass(pat, set(c1, c2, c3), true, OriginImposed, offer)
	if acc.Has(c1) {
		t.Fatalf("c1 should refuse an alliance with the state it fears: %v", describe(w))
	}
	// the engine's record of the offer names the refusal and its reason
	o := w.Offers()[offer-1]
	if o.Proposer != pat || o.Accepted() || len(o.Refusals) == 0 ||
		!slices.Contains(o.Refusals, Refusal{State: c1, Reason: agents.CostFear, Partner: c3}) {
		t.Errorf("offer record %+v", o)
	}
	var rej *Event
	for i := range w.events {
		if w.events[i].Type == EventRejection && w.events[i].Actor == c1 {
			rej = &w.events[i]
		}
	}
	if rej == nil || rej.Reason != agents.CostFear || rej.Target != c3 {
		t.Fatalf("want c1's rejection for fear of c3, got %v", describe(w))
	}
	if got := w.EventRecord(rej); got.Actor != "c1" || got.Reason != "fear" || got.Target != "c3" {
		t.Errorf("recorded as %+v", got)
	}
	// Without c3 it accepts the rest.
	if acc := w.canvass(pat, set(c1, c2), true, OriginImposed, 0); !acc.Has(c1) {
		t.Errorf("c1 should accept an alliance without c3: %v", describe(w))
	}
}

// The fallback after a refused multilateral drops the feared invitee,
// forms the subset that accepts each other and offers the rest a bilateral
// (H4).
func TestFallbackAfterRefusal(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}, c2: {"c3": 0.9}})
	w.fallback(pat, set(c1, c2, c3), true)
	var shapes []agents.Set
	for _, a := range w.alliances {
		shapes = append(shapes, a.Members)
	}
	if len(shapes) != 2 || shapes[0] != set(pat, c1, c2) || shapes[1] != set(pat, c3) {
		t.Fatalf("want trilateral pat–c1–c2 and bilateral pat–c3; got %v", describe(w))
	}
	if w.alliances[0].Origin != OriginImposed || w.alliances[1].Origin != OriginBilateral {
		t.Errorf("origins %v %v", w.alliances[0].Origin, w.alliances[1].Origin)
	}
}

// occupiedC3 is the test scenario with c3 occupied and its patron free to
// sign for it (invite_occupied), c3 sovereign again at tick 5.
func occupiedC3(t *testing.T) *Scenario {
	t.Helper()
	sc := testScenario()
	sc.Params.InviteOccupied = true
	sc.States[c3].Sovereign = false
	sc.Events = []ScriptedEvent{{Tick: 5, Kind: ScriptSovereignty, Actor: "c3", Sovereign: true}}
	return sc
}

// With invite_occupied a patron's multilateral may include a non-sovereign
// client: it does not answer, is designated, and joins on sovereignty.
func TestOccupiedClientJoinsOnSovereignty(t *testing.T) {
	sc := occupiedC3(t)
	w := perceived(t, sc)
	acc := w.canvass(pat, set(c1, c2, c3), true, OriginImposed, 0)
	if !acc.Has(c3) {
		t.Fatal("an occupied invitee neither answers nor refuses")
	}
	al := w.form(set(pat, c1, c2, c3), true, OriginImposed)
	if al.Members.Has(c3) || !al.Designated.Has(c3) {
		t.Fatalf("c3 should be designated, not a member: %+v", al)
	}
	// The formation's record names the members and, apart, c3, and still
	// does once c3 has joined (below).
	formedAt := len(w.events) - 1
	formation := func(when string) {
		if rec := w.EventRecord(&w.events[formedAt]); rec.Type != EventFormed || !slices.Equal(rec.Others, []string{"pat", "c1", "c2"}) || !slices.Equal(rec.Designated, []string{"c3"}) {
			t.Errorf("the formation's record %s: %+v; want members pat, c1, c2 and c3 designated", when, rec)
		}
	}
	formation("at once")
	// The same offer again, or the alliance without c3, would repeat the
	// alliance in force: its signing members are the same.
	if !w.exists(set(pat, c1, c2, c3)) || !w.exists(set(pat, c1, c2)) {
		t.Fatal("a proposal differing only by a designated client should count as existing")
	}
	// Designated, c3 is signed for: a fallback signs it no treaty besides
	// (a review found one signed, never to take effect while it stood).
	if !w.signedFor(pat, c3) {
		t.Error("the patron should count as having signed for c3, designated in its alliance")
	}
	before := len(w.events)
	w.fallback(pat, set(c3), true)
	if len(w.pending) != 0 || len(w.events) != before {
		t.Fatalf("a treaty was signed for c3, designated in alliance %d: pending %+v, %d new events", al.ID, w.pending, len(w.events)-before)
	}
	w.tick = 5
	w.applyScripted()
	if !al.Members.Has(c3) || al.Designated.Has(c3) || len(al.Spells) != 4 {
		t.Fatalf("c3 should join on sovereignty: %+v", al)
	}
	if sp := al.Spells[3]; sp.State != c3 || sp.Joined != 5 || sp.Entry != EntrySovereignty || sp.Left != -1 {
		t.Fatalf("c3's membership should open at tick 5 by sovereignty: %+v", sp)
	}
	formation("after c3 joined")
	// A fallback bilateral for an occupied client takes effect on
	// sovereignty.
	sc.Events[0].Tick = 3
	w = perceived(t, sc)
	w.fallback(pat, set(c3), true)
	if len(w.alliances) != 0 || len(w.pending) != 1 {
		t.Fatalf("the treaty with occupied c3 should wait: %v", describe(w))
	}
	// One signed treaty stands: a second fallback signs nothing more.
	signed := len(w.events)
	w.fallback(pat, set(c3), false)
	if len(w.pending) != 1 || !w.pending[0].strong || len(w.events) != signed {
		t.Fatalf("a second treaty was signed for c3: pending %+v, %d new events", w.pending, len(w.events)-signed)
	}
	w.tick = 3
	w.applyScripted()
	if len(w.alliances) != 1 || w.alliances[0].Members != set(pat, c3) || w.alliances[0].Formed != 3 {
		t.Fatalf("want pat–c3 formed at sovereignty: %v", describe(w))
	}
}

// A treaty signed for an occupied client before the patron designated it
// in an alliance still stands (form does not read it); on the client's
// sovereignty the alliance takes effect first, as it is joined before the
// treaties, and the treaty, whose ties are then in force, lapses, and the
// log says so. A designation whose alliance would repeat one in force
// lapses likewise.
func TestTreatyLapsedOnSovereigntyIsLogged(t *testing.T) {
	w := NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	w.fallback(pat, set(c3), false)
	al := w.form(set(pat, c1, c3), true, OriginImposed)
	if len(w.pending) != 1 || !al.Designated.Has(c3) {
		t.Fatalf("set-up: %d treaties pending, c3 designated %v", len(w.pending), al.Designated.Has(c3))
	}
	from := len(w.events)
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	var got []Event
	for _, e := range w.events[from:] {
		if e.Type == EventLapsed {
			got = append(got, e)
		}
	}
	want := []Event{{Tick: w.tick, Type: EventLapsed, Actor: pat, Target: c3, Alliance: -1}}
	if !slices.Equal(got, want) || !al.Members.Has(c3) || len(w.pending) != 0 {
		t.Errorf("on c3's sovereignty: lapsed %+v (want %+v), c3 a member %v, %d pending; %v", got, want, al.Members.Has(c3), len(w.pending), describe(w))
	}

	// Two alliances signed c3 up, {pat, c1, c2} and {pat, c1}, and c2 has
	// since lost its sovereignty (a scripted sovereign = false), so that
	// the first's signing members are the second's: once c3 joins the
	// first, the second would repeat it, and c3's place in it lapses.
	w = NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	w.form(set(pat, c1, c2, c3), false, OriginImposed)
	w.sovereign[c2] = false
	w.form(set(pat, c1, c3), true, OriginImposed)
	first, second := &w.alliances[0], &w.alliances[1] // form may move the first as it appends the second
	if !first.Designated.Has(c3) || !second.Designated.Has(c3) || second.Members != set(pat, c1) {
		t.Fatalf("set-up: %v", describe(w))
	}
	from = len(w.events)
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	got = got[:0]
	for _, e := range w.events[from:] {
		if e.Type == EventLapsed {
			got = append(got, e)
		}
	}
	want = []Event{{Tick: w.tick, Type: EventLapsed, Actor: -1, Target: c3, Alliance: second.ID, Strong: true}}
	if !slices.Equal(got, want) || second.Members.Has(c3) || !first.Members.Has(c3) {
		t.Errorf("on c3's sovereignty: lapsed %+v (want %+v); %v", got, want, describe(w))
	}
}

// A fallback subset that only occupied clients would join forms nothing
// (form signs for none of them), so it is treated as empty (docs/model.md
// §7.9): the patron signs a treaty for each occupied invitee instead of
// logging an accepted offer that formed no alliance. c1 refuses for fear
// of the patron itself, not of an invitee, so it is the one dropped, and
// c2 and c3, occupied, do not answer.
func TestFallbackSubsetOfOccupiedClients(t *testing.T) {
	sc := testScenario()
	sc.Params.InviteOccupied, sc.Params.GrievanceFear = true, 1
	sc.States[c1].Grievance = map[string]float64{"pat": 1}
	sc.States[c2].Sovereign, sc.States[c3].Sovereign = false, false
	w := perceived(t, sc)
	if got := w.acceptingSubset(pat, set(c1, c2, c3), true, OriginImposed, 2); got != set(c2, c3) {
		t.Fatalf("set-up: the accepting subset is %b, want c2, c3", got)
	}
	if v, pos := w.appraise(pat, set(c2, c3), true, OriginImposed).value, w.position(pat); v <= pos {
		t.Fatalf("set-up: the patron values the subset at %v, not above its position %v", v, pos)
	}
	w.fallback(pat, set(c1, c2, c3), true)
	for _, e := range w.events {
		if e.Proposal == ProposeSubset {
			t.Errorf("a subset that signs nothing was proposed: %v", describe(w))
			break
		}
	}
	var signedFor agents.Set
	for _, p := range w.pending {
		signedFor = signedFor.With(p.client)
	}
	if signedFor != set(c2, c3) {
		t.Errorf("treaties signed for %b, want c2 and c3: %v", signedFor, describe(w))
	}
}

// A patron offers no multilateral that only occupied clients would join
// (docs/model.md §7.8): nobody but the patron could sign it, so it would
// form nothing, be remembered as refused by no one, and be offered again
// at every review. With all three clients occupied the prospect patron,
// which values the multilateral above its position, offers none (and no
// bilateral: a patron signs for an occupied client only in the fallback
// after a refused multilateral, §7.9).
func TestNoMultilateralOfOccupiedClientsOnly(t *testing.T) {
	sc := testScenario()
	sc.Params.InviteOccupied = true
	sc.Decision.Strategy = "prospect"
	for _, c := range []int{c1, c2, c3} {
		sc.States[c].Sovereign = false
	}
	w := NewWorld(mustCompile(t, sc), 1)
	patronRounds(w, 3)
	for _, o := range w.Offers() {
		if o.Kind == ProposeMultilateral {
			t.Fatalf("a multilateral of occupied clients only was offered: %v", describe(w))
		}
	}
	if v := w.appraise(pat, set(c1, c2, c3), true, OriginImposed).value; !(v > w.position(pat)) {
		t.Errorf("set-up: the patron values the multilateral at %v, not above its position %v", v, w.position(pat))
	}
}

// An eliminated client regains no membership (docs/model.md §7.10): the
// alliances it was designated to join and the treaties signed for it
// lapse, and the sovereignty it later gains brings it into none. An
// alliance that designated it and has ended since has nothing to lapse.
func TestEliminatedClientJoinsNothingOnSovereignty(t *testing.T) {
	w := NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	w.fallback(pat, set(c3), true) // a treaty signed for c3 waits
	gone := w.form(set(pat, c2, c3), false, OriginImposed).ID
	w.leave(&w.alliances[gone], c2, w.alliances[gone].Members) // ends, c3 still designated in it
	al := w.form(set(pat, c1, c2, c3), true, OriginImposed)
	if !al.Designated.Has(c3) || len(w.pending) != 1 || w.alliances[gone].Active() {
		t.Fatalf("set-up: c3 designated %v, %d treaties pending, %v", al.Designated.Has(c3), len(w.pending), describe(w))
	}
	from := len(w.events)
	w.eliminate(c3)
	if al.Designated.Has(c3) || len(w.pending) != 0 {
		t.Fatalf("an eliminated client's designation and signed treaty should lapse: designated %v, pending %+v", al.Designated.Has(c3), w.pending)
	}
	// The log says so: the strong bilateral signed for c3, and c3's place
	// in the strong imposed alliance; nothing of the one that ended.
	want := []Event{
		{Tick: w.tick, Type: EventEliminated, Actor: -1, Target: c3, Alliance: -1},
		{Tick: w.tick, Type: EventLapsed, Actor: pat, Target: c3, Alliance: -1, Strong: true},
		{Tick: w.tick, Type: EventLapsed, Actor: -1, Target: c3, Alliance: al.ID, Strong: true},
	}
	if got := w.events[from:]; !slices.Equal(got, want) {
		t.Errorf("events of c3's elimination:\n got %+v\nwant %+v", got, want)
	} else if rec := w.EventRecord(&got[1]); rec.Commitment != "strong" || rec.Actor != "pat" || rec.Target != "c3" {
		t.Errorf("record of the lapsed treaty %+v; want pat's strong treaty for c3", rec)
	}
	w.alive[c3] = true // as a withdrawal revives it
	formed := len(w.alliances)
	w.tick = 5
	w.applyScripted()
	if al.Members.Has(c3) || len(w.alliances) != formed {
		t.Errorf("c3, eliminated, joined on sovereignty: %v", describe(w))
	}
}

// A patron's multilateral that only the patron and one client can sign,
// the other invitee occupied, forms as a bilateral (form); once the
// designated client joins on sovereignty it is the three-member alliance
// the patron proposed and the invitees accepted, imposed (§7.9): its
// clients stand by each other only through the patron (§8.2 item 23), as
// they valued it, not pledged to each other as a bilateral's members are.
func TestDesignatedJoinMakesTheImposedAllianceItWasProposedAs(t *testing.T) {
	w := NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	id := w.form(set(pat, c1, c3), true, OriginImposed).ID
	if al := &w.alliances[id]; al.Origin != OriginBilateral || al.Designated != set(c3) {
		t.Fatalf("set-up: origin %v, designated %v; want bilateral, c3", al.Origin, al.Designated)
	}
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	al := &w.alliances[id]
	if al.Members != set(pat, c1, c3) || al.Origin != OriginImposed {
		t.Fatalf("after c3's sovereignty: members %v, origin %v; want pat, c1, c3, imposed", al.Members, al.Origin)
	}
	if w.ties[c1].weight[c3] != 0 || w.ties[c3].weight[c1] != 0 || !(w.ties[c1].weight[pat] > 0) {
		t.Errorf("c3 stands by c1 with %v, c1 by c3 with %v, pat by c1 with %v; want 0, 0 and the cohesion",
			w.ties[c1].weight[c3], w.ties[c3].weight[c1], w.ties[c1].weight[pat])
	}
	if e := w.events[len(w.events)-1]; e.Type != EventJoined || e.Origin != OriginImposed {
		t.Errorf("last event %v (%v); want c3's joining of the imposed alliance", e.Type, e.Origin)
	}

	// Where a client applied to the bilateral before the designated one
	// joined, it was voted in on a bilateral's pledges: they stand.
	w = NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	id = w.form(set(pat, c1, c3), true, OriginImposed).ID
	w.join(&w.alliances[id], c2, EntryApplied)
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	al = &w.alliances[id]
	if al.Members != set(pat, c1, c2, c3) || al.Origin != OriginBilateral || !(w.ties[c1].weight[c2] > 0) {
		t.Errorf("after an application and c3's sovereignty: members %v, origin %v, c2 stands by c1 with %v; want all four, bilateral, the cohesion",
			al.Members, al.Origin, w.ties[c1].weight[c2])
	}
}

// An alliance keeps the tick from which it has had its origin, and its
// record says it (AllianceRecord.OriginSince): its formation, unless a
// patron's entry made a clients' alliance indigenous, or an entry on
// sovereignty made a patron's bilateral imposed, in a later tick. The
// memberships alone do not always tell that tick (docs/model.md §8.4
// item 25).
func TestOriginSinceIsTheTickTheOriginBegan(t *testing.T) {
	since := func(w *World, id int) (int, int) {
		t.Helper()
		rec := w.Record().Alliances[id]
		if rec.OriginSince != w.alliances[id].OriginSince {
			t.Errorf("alliance %d: the record's origin_since %d, the alliance's %d", id, rec.OriginSince, w.alliances[id].OriginSince)
		}
		return w.alliances[id].OriginSince, rec.Formed
	}
	w := NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	w.tick = 1
	clients := w.form(set(c1, c2), true, OriginClient).ID
	designated := w.form(set(pat, c1, c3), true, OriginImposed).ID
	w.tick = 3
	w.join(&w.alliances[clients], pat, EntryJoined)
	if got, formed := since(w, clients); w.alliances[clients].Origin != OriginIndigenous || got != 3 || formed != 1 {
		t.Errorf("clients' alliance formed at %d, the patron in at 3: %v since %d; want indigenous since 3", formed, w.alliances[clients].Origin, got)
	}
	if got, _ := since(w, designated); w.alliances[designated].Origin != OriginBilateral || got != 1 {
		t.Errorf("bilateral signed for c3 at 1: %v since %d; want bilateral since 1", w.alliances[designated].Origin, got)
	}
	w.tick = 5
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	if got, _ := since(w, designated); w.alliances[designated].Origin != OriginImposed || got != 5 {
		t.Errorf("c3 in on sovereignty at 5: %v since %d; want imposed since 5", w.alliances[designated].Origin, got)
	}
	// A client that applied before the designated one joined keeps it
	// bilateral, since its formation.
	w = NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	w.tick = 1
	id := w.form(set(pat, c1, c3), true, OriginImposed).ID
	w.tick = 2
	w.join(&w.alliances[id], c2, EntryApplied)
	w.tick = 5
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	if got, _ := since(w, id); w.alliances[id].Origin != OriginBilateral || got != 1 {
		t.Errorf("with an applicant in: %v since %d; want bilateral since 1", w.alliances[id].Origin, got)
	}
}

// With the assurance strategy a patron joins an existing client alliance,
// takes the commitment the clients made to each other (H5) and marks it
// indigenous.
func TestAssurancePatronJoinsClientAlliance(t *testing.T) {
	sc := testScenario()
	// A reference point far above its threat keeps the patron from
	// imposing (T − ρ < impose_threshold): joining is what it can do.
	sc.States[pat].HasReference, sc.States[pat].Reference = true, 0.7
	for _, strong := range []bool{false, true} {
		w := perceived(t, sc)
		al := w.form(set(c1, c2, c3), strong, OriginClient)
		w.perceive()
		w.startReviews()
		w.patronRound(pat)
		if !al.Members.Has(pat) {
			t.Fatalf("strong=%v: patron did not join; events %v", strong, describe(w))
		}
		if al.Strong != strong || al.Origin != OriginIndigenous || al.PatronJoined != w.tick || !al.HasPatron {
			t.Errorf("joined alliance %+v: want commitment %v, origin indigenous", al, strong)
		}
	}
}

// Without a client alliance an assurance patron offers nothing while it is
// patient and its threat is near its reference point; past patience it
// imposes its best multilateral set, marked imposed.
func TestAssurancePatronImposesOnlyPastPatience(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 6}
	sc.States[pat].HasReference, sc.States[pat].Reference = true, 0.7
	w := NewWorld(mustCompile(t, sc), 1)
	for w.tick = 0; w.tick < 6; w.tick++ {
		w.perceive()
		if w.threat[pat]-w.reference[pat] > w.c.decision[pat].ImposeThreshold {
			t.Fatal("test set-up: the threat should stay under the impose threshold")
		}
		w.reviewing = set(pat)
		w.patronRound(pat)
		if len(w.alliances) != 0 || len(w.events) != 0 {
			t.Fatalf("tick %d: a patient assurance patron acted: %v", w.tick, describe(w))
		}
	}
	if w.waited(pat) != 6 || w.wantedSince[pat] != 0 {
		t.Fatalf("waited %d since %d; the patron should have wanted allies from tick 0", w.waited(pat), w.wantedSince[pat])
	}
	w.perceive()
	w.reviewing = set(pat)
	w.patronRound(pat)
	if len(w.alliances) != 1 {
		t.Fatalf("past patience the patron should impose a multilateral: %v", describe(w))
	}
	al := w.alliances[0]
	if al.Origin != OriginImposed || !al.Members.Has(pat) || al.Members.Len() < 4 || al.PatronJoined != w.tick {
		t.Errorf("imposed alliance %+v", al)
	}
	if e := w.events[0]; e.Type != EventProposal || e.Proposal != ProposeMultilateral || e.Actor != pat {
		t.Errorf("first event %+v, want the patron's multilateral proposal", w.EventRecord(&e))
	}
}

// An assurance patron imposes when it is in losses by more than
// impose_threshold (MODEL.md §6). With adv read as less revisionist (0.1)
// than the status quo's ½ the patron starts in gains and waits for its
// clients; a shock to adv's intent at tick 1 that puts its threat more
// than the threshold above its reference point makes it impose; so does
// being that far in losses from the start.
func TestAssurancePatronImposesPastThreshold(t *testing.T) {
	sc := testScenario()
	sc.States[adv].Revisionism = 0.1
	sc.Events = []ScriptedEvent{{Tick: 1, Kind: ScriptIntent, Actor: "adv", Delta: 6}}
	w := perceived(t, sc)
	if w.threat[pat] >= w.reference[pat] {
		t.Fatalf("test set-up: the patron should start in gains: threat %v, reference %v", w.threat[pat], w.reference[pat])
	}
	w.reviewing = set(pat)
	w.patronRound(pat)
	if len(w.alliances) != 0 {
		t.Fatalf("in gains the patron waits for its clients: %v", describe(w))
	}
	w.tick++
	w.applyScripted()
	for range 30 { // perception lags: let the reading settle
		w.perceive()
	}
	if loss := w.threat[pat] - w.reference[pat]; loss <= sc.Decision.ImposeThreshold {
		t.Fatalf("test set-up: the shock should put the patron in losses by more than the threshold, by %v", loss)
	}
	w.reviewing = set(pat)
	w.patronRound(pat)
	if len(w.alliances) != 1 || w.alliances[0].Origin != OriginImposed {
		t.Fatalf("want an imposed alliance once in losses past the threshold: %v", describe(w))
	}

	// A patron in losses past the threshold from its first tick, with no
	// rise while waiting (adv read at 0.95 from the start), imposes at once
	// (the rule version 2 had, a rise while waiting, made it wait).
	sc = testScenario()
	sc.States[adv].Revisionism = 0.95
	w = perceived(t, sc)
	if loss := w.threat[pat] - w.reference[pat]; loss <= sc.Decision.ImposeThreshold {
		t.Fatalf("test set-up: the patron should start in losses past the threshold, by %v", loss)
	}
	w.reviewing = set(pat)
	w.patronRound(pat)
	if len(w.alliances) != 1 || w.alliances[0].Origin != OriginImposed {
		t.Fatalf("in losses past the threshold from the start the patron imposes at once: %v", describe(w))
	}
}

// A patron whose alliances have all ended waits for its clients again, as
// it did before its first commitment: its patience runs anew from the next
// tick it wants an ally (docs/model.md §7.8; before, it stayed impatient
// for good).
func TestPatronWaitsAgainOnceItsAlliancesEnd(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 6}
	sc.States[pat].HasReference, sc.States[pat].Reference = true, 0.7
	w := NewWorld(mustCompile(t, sc), 1)
	round := func() {
		w.perceive()
		w.startReviews() // restarts the wait
		w.reviewing = set(pat)
		w.patronRound(pat)
	}
	for w.tick = 0; w.tick <= 6; w.tick++ {
		round()
	}
	if len(w.alliances) != 1 || !w.committed[pat] {
		t.Fatalf("set-up: past its patience the patron should have imposed at tick 6: %v", describe(w))
	}
	al := &w.alliances[0]
	w.leave(al, pat, al.Members)
	if al.Active() {
		t.Fatal("set-up: the imposed alliance should end with its patron")
	}
	for ; w.tick <= 12; w.tick++ {
		round()
		if len(w.alliances) != 1 {
			t.Fatalf("tick %d: the patron acted %d ticks into its new wait: %v", w.tick, w.waited(pat), describe(w))
		}
	}
	if w.wantedSince[pat] != 7 || w.committed[pat] {
		t.Fatalf("wanted since %d (committed %v); the new wait should run from tick 7", w.wantedSince[pat], w.committed[pat])
	}
	round()
	if len(w.alliances) != 2 {
		t.Errorf("tick 13: past its renewed patience the patron should commit again: %v", describe(w))
	}
}

// Rise, which a registered strategy may read, is how far the patron's
// threat rose since it began to wait: 0 before it wants an ally, 0 in the
// tick it starts to, then its threat less the threat it had then.
func TestRiseIsTheThreatSinceTheWaitBegan(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 100}
	sc.States[pat].HasReference, sc.States[pat].Reference = true, 0.7 // waits: no imposing
	w := perceived(t, sc)
	v := &patronView{w: w, p: pat}
	if v.Rise() != 0 {
		t.Errorf("before it waits: rise %v, want 0", v.Rise())
	}
	w.reviewing = set(pat)
	w.patronRound(pat)
	if w.wantedSince[pat] != 0 || len(w.alliances) != 0 || v.Rise() != 0 {
		t.Fatalf("set-up: the patron should start to wait at tick 0 and act on nothing: wanted since %d, rise %v: %v", w.wantedSince[pat], v.Rise(), describe(w))
	}
	at := w.threat[pat]
	w.threat[pat] = at + 0.05
	nearly(t, "rise", v.Rise(), at+0.05-at, 0)
}

// A strategy's view of the patron reads the world as it stands: the tick,
// the patron's threat and its reference point (the scenario's 0.7 at the
// start, adapted since, §7.3).
func TestPatronViewReadsTheWorld(t *testing.T) {
	sc := testScenario()
	sc.States[pat].HasReference, sc.States[pat].Reference = true, 0.7
	w := NewWorld(mustCompile(t, sc), 1)
	w.Step()
	w.Step()
	v := &patronView{w: w, p: pat}
	if v.Tick() != 2 || v.Tick() != w.Tick() {
		t.Errorf("tick %d after two steps, want 2", v.Tick())
	}
	if v.Threat() != w.threat[pat] || v.Threat() <= 0 {
		t.Errorf("threat %v, want the patron's %v (> 0)", v.Threat(), w.threat[pat])
	}
	if v.Reference() != w.reference[pat] || math.Abs(v.Reference()-0.7) > 0.01 {
		t.Errorf("reference %v, want the patron's %v, near the scenario's 0.7", v.Reference(), w.reference[pat])
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

// Two clients share a threat when both perceive at least shared_threat
// (0.05) from a common adversary: exactly 0.05 each is shared; 0.05 and
// 0.0499 is not, whichever of the two reads less.
func TestShareThreatAtTheThreshold(t *testing.T) {
	w := perceived(t, testScenario())
	n := w.c.n
	for _, c := range []struct {
		t1, t2 float64
		want   bool
	}{{0.05, 0.05, true}, {0.05, 0.0499, false}, {0.0499, 0.05, false}, {0.9, 0.9, true}} {
		w.perceived[c1*n+adv], w.perceived[c2*n+adv] = c.t1, c.t2
		if got := w.shareThreat(c1, c2); got != c.want {
			t.Errorf("threats %v and %v: shared %v, want %v", c.t1, c.t2, got, c.want)
		}
	}
}

// The threshold is shared_threat as the scenario sets it: at 0.3, two
// clients that each perceive 0.2 from the adversary share no threat
// (0.2 < 0.3), and at 0.3 each they do (0.3 ≥ 0.3); at the default 0.05
// both would share it.
func TestShareThreatReadsItsParameter(t *testing.T) {
	sc := testScenario()
	sc.Params.SharedThreat = 0.3
	w := perceived(t, sc)
	n := w.c.n
	for _, c := range []struct {
		threat float64
		want   bool
	}{{0.2, false}, {0.3, true}} {
		w.perceived[c1*n+adv], w.perceived[c2*n+adv] = c.threat, c.threat
		if got := w.shareThreat(c1, c2); got != c.want {
			t.Errorf("shared_threat 0.3, threats %v each: shared %v, want %v", c.threat, got, c.want)
		}
	}
}

// A refused client coalition falls back to the largest subset of its
// invitees who accept each other, down to a single partner (H6): c2's
// offer to {c1, c3} is refused by c1, who fears c3 (grievance 0.9); c1
// names c3, who is dropped, and c1 alone accepts. c2 values {c1}
// (−0.4732 against its position −0.4981), so the client alliance {c1, c2}
// forms — unless c2 had that very offer (strong) refused within
// retry_interval; a refusal of the weak one does not bar it.
func TestClientFallbackToOnePartner(t *testing.T) {
	for _, c := range []struct {
		name    string
		refused []bool // c2's earlier refused offers to {c1}, by commitment
		form    bool
	}{{"no refusal", nil, true}, {"weak refused", []bool{false}, true}, {"strong refused", []bool{true}, false}} {
		w := grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}})
		for _, strong := range c.refused {
			w.refuse(c2, set(c1), strong)
		}
		w.clientFallback(c2, set(c1, c3), true)
		formed := len(w.alliances) == 1 && w.alliances[0].Members == set(c1, c2) && w.alliances[0].Origin == OriginClient && w.alliances[0].Strong
		if formed != c.form || len(w.alliances) > 1 {
			t.Errorf("%s: formed {c1, c2} %v, want %v: %v", c.name, formed, c.form, describe(w))
		}
	}
}

// On a tie among the reasons named, acceptingSubset drops the invitee of
// the lower index: c2 offers {c1, c3}, and c1 and c3 hold a grievance of
// 0.9 against each other. Each refuses and names the other (c1 values the
// three at −1.1712 against its position −0.6845, c3 at −1.1497 against
// −0.6875, as appraised), one naming each; c1 is dropped, and c3 alone
// accepts (−0.6392 with c2 alone), so the subset is {c3}.
func TestAcceptingSubsetTieDropsTheLowerIndex(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}, c3: {"c1": 0.9}})
	for _, c := range []struct{ who, names int }{{c1, c3}, {c3, c1}} {
		a := w.appraise(c.who, set(c1, c2, c3).Without(c.who), true, OriginClient)
		if a.value > w.position(c.who) || a.reason != c.names {
			t.Fatalf("%s values {c1, c2, c3} at %.4f (position %.4f) naming %d; want a refusal naming %s",
				w.c.id[c.who], a.value, w.position(c.who), a.reason, w.c.id[c.names])
		}
	}
	if got := w.acceptingSubset(c2, set(c1, c3), true, OriginClient, 1); got != set(c3) {
		t.Errorf("subset %v, want {c3}: the tie drops c1, the lower index", got)
	}
}

// Where no refuser names an invitee, acceptingSubset drops the first
// refuser (docs/model.md §7.9): the patron offers {c1, c2, c3}; c1 (a
// grievance of 0.5 against the patron) and c2 (0.3 against the patron,
// 0.2 against c1) each refuse naming the patron, outside the subset (c1
// values it at −0.8704 against its position −0.7297, c2 at −0.7439
// against −0.6872, as appraised); c3 accepts. c1, the first, is dropped,
// and then c2, rid of its cost of c1, accepts {c2, c3} with the patron
// (−0.6658). Dropping c2 instead would leave c1, which refuses {c1, c3}
// too (−0.9159), and so nothing.
func TestAcceptingSubsetDropsTheFirstRefuserNamingNoInvitee(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"pat": 0.5}, c2: {"pat": 0.3, "c1": 0.2}})
	for _, c := range []struct {
		who      int
		partners agents.Set
		accepts  bool
	}{
		{c1, set(c2, c3, pat), false}, {c2, set(c1, c3, pat), false}, {c3, set(c1, c2, pat), true},
		{c2, set(c3, pat), true}, {c3, set(c2, pat), true}, {c1, set(c3, pat), false},
	} {
		a := w.appraise(c.who, c.partners, true, OriginImposed)
		if accepts := a.value > w.position(c.who); accepts != c.accepts || (!accepts && a.reason != pat) {
			t.Fatalf("set-up: %s values %b at %.4f (position %.4f), naming %d; want it to accept: %v, or refuse naming the patron",
				w.c.id[c.who], c.partners, a.value, w.position(c.who), a.reason, c.accepts)
		}
	}
	if got := w.acceptingSubset(pat, set(c1, c2, c3), true, OriginImposed, 2); got != set(c2, c3) {
		t.Errorf("subset %b, want {c2, c3}: c1, the first refuser naming no invitee, dropped", got)
	}
}

// A patron's alliance is imposed only if three or more sign it; of two it
// is bilateral (docs/model.md §7.9).
func TestImposedOfTwoIsBilateral(t *testing.T) {
	w := perceived(t, testScenario())
	if al := w.form(set(pat, c1), true, OriginImposed); al.Origin != OriginBilateral {
		t.Errorf("two members: origin %v, want bilateral", al.Origin)
	}
	if al := w.form(set(pat, c1, c2), true, OriginImposed); al.Origin != OriginImposed {
		t.Errorf("three members: origin %v, want imposed", al.Origin)
	}
}

// A refused offer is not repeated for retry_interval (12) ticks: refused
// at tick 5, it is barred at ticks 5 … 16 and may be made again at 17;
// the same partners at the other commitment are not barred.
func TestRefusalBarsForRetryInterval(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.tick = 5
	w.refuse(pat, set(c1, c2), true)
	for _, c := range []struct {
		tick   int
		strong bool
		barred bool
	}{{5, true, true}, {16, true, true}, {17, true, false}, {5, false, false}} {
		w.tick = c.tick
		if got := w.refusedRecently(pat, set(c1, c2), c.strong); got != c.barred {
			t.Errorf("tick %d, strong %v: barred %v, want %v", c.tick, c.strong, got, c.barred)
		}
	}
}

// A formation concerns the clients designated to it as well as its
// members: c3, occupied and signed up to {pat, c1, c2, c3}, reviews at the
// next tick.
func TestFormationConcernsTheDesignated(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Sovereign = false
	w := perceived(t, sc)
	before := w.concern[c3]
	if al := w.form(set(pat, c1, c2, c3), true, OriginImposed); al.Designated != set(c3) {
		t.Fatalf("set-up: designated %v", al.Designated)
	}
	if got := w.concern[c3] - before; got != 1 {
		t.Errorf("c3: %d new concerns, want 1", got)
	}
}

// choose draws an option by softmax (temperature 0: the best), and draws
// nothing when the best is an offer the chooser had refused within
// retry_interval (docs/model.md §7.13).
func TestChooseSkipsARefusedOffer(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	bilateral := agents.Option{Kind: agents.OptionBilateral, Partners: set(c1), Alliance: -1, Strong: true}
	for _, refused := range []bool{false, true} {
		if refused {
			w.refuse(pat, set(c1), true)
		}
		w.options = append(w.options[:0], agents.Option{Kind: agents.OptionNone, Alliance: -1}, bilateral)
		w.values = append(w.values[:0], 0, 1)
		o, ok := w.choose(pat)
		if ok == refused || (ok && o != bilateral) {
			t.Errorf("refused %v: chose %+v, ok %v; want the bilateral unless refused", refused, o, ok)
		}
	}
}

// A patron's multilateral options are valued from its threat if that
// alliance stood — each set its own, though the round keeps them
// (imposedAfter): every multilateral value equals a fresh appraisal.
// Under the prospect strategy, which admits every option.
func TestPatronMultilateralValuedOnItsOwnSet(t *testing.T) {
	w := prospectWorld(t)
	w.patronOptions(pat)
	multilaterals := 0
	for k, o := range w.options {
		if o.Kind != agents.OptionMultilateral {
			continue
		}
		multilaterals++
		if want := w.appraise(pat, o.Partners, o.Strong, OriginImposed).value; w.values[k] != want {
			t.Errorf("multilateral %v (strong %v) valued %v, want %v", o.Partners, o.Strong, w.values[k], want)
		}
	}
	if multilaterals == 0 {
		t.Fatal("set-up: no multilateral option")
	}
}

// A patron is offered a join only to alliances of clients alone: with c3
// made a second patron, its bilateral {c3, c1} is no alliance for pat to
// join (under prospect, which admits every option).
func TestPatronJoinsOnlyClientAlliances(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Role = Patron
	sc.States[pat].Decision = agents.DecisionOverrides{"strategy": "prospect"}
	w := perceived(t, sc)
	w.form(set(c3, c1), true, OriginBilateral)
	client := w.form(set(c1, c2), true, OriginClient).ID
	w.patronOptions(pat)
	joins := 0
	for _, o := range w.options {
		if o.Kind == agents.OptionJoin {
			joins++
			if o.Alliance != client {
				t.Errorf("pat may join alliance %d (%v), want only the client alliance %d", o.Alliance, o.Partners, client)
			}
		}
	}
	if joins != 1 {
		t.Errorf("%d join options, want 1", joins)
	}
}

// A member that has lost its sovereignty signs nothing, in an alliance in
// force as in a proposal: exists compares the members that can sign on
// both sides. {pat, c1, c2} with c2 no longer sovereign is {pat, c1} to
// a proposal, and a proposal of {pat, c1, c2, c3} is {pat, c1, c3}, which
// it is not.
func TestExistsComparesTheMembersThatCanSign(t *testing.T) {
	w := perceived(t, testScenario())
	w.form(set(pat, c1, c2), true, OriginImposed)
	w.sovereign[c2] = false // as a scripted sovereignty event would
	for _, c := range []struct {
		members agents.Set
		want    bool
	}{{set(pat, c1), true}, {set(pat, c1, c2), true}, {set(pat, c1, c2, c3), false}, {set(pat, c1, c3), false}, {set(pat, c2), false}} {
		if got := w.exists(c.members); got != c.want {
			t.Errorf("exists(%b) = %v, want %v", c.members, got, c.want)
		}
	}
}

// A treaty signed for an occupied client is one patron's: another patron
// has signed none for it.
func TestSignedForIsPerPatron(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Role = Patron
	w := NewWorld(mustCompile(t, sc), 1)
	w.pending = append(w.pending, pendingTreaty{patron: c3, client: c2, strong: true})
	if !w.signedFor(c3, c2) || w.signedFor(pat, c2) || w.signedFor(c3, c1) {
		t.Errorf("signed for: c3→c2 %v, pat→c2 %v, c3→c1 %v; want true, false, false", w.signedFor(c3, c2), w.signedFor(pat, c2), w.signedFor(c3, c1))
	}
}

// indifferentWorld is testScenario with nothing to fear and nothing to
// pay: every revisionism 0 and every ideology alike (so every threat is 0
// and no alliance lowers one), and every cost 0 but the cost of arming
// alone, armsCost. Every alliance is then worth exactly the position of a
// state that has an ally already, ρ − 0 for sure, and armsCost more than
// the position of one that has none: the world in which docs/model.md's
// "strictly greater" rules decide.
func indifferentWorld(t *testing.T, armsCost float64) *World {
	t.Helper()
	sc := testScenario()
	for i := range sc.States {
		sc.States[i].Revisionism, sc.States[i].Ideology = 0, 0.5
	}
	sc.Params.CostBase, sc.Params.CostEntrapment, sc.Params.CostDivergence, sc.Params.CostThreat = 0, 0, 0, 0
	sc.Params.ArmsCost = armsCost
	w := perceived(t, sc)
	for i := range sc.States {
		if w.threat[i] != 0 {
			t.Fatalf("set-up: %s's threat %v, want 0", sc.States[i].ID, w.threat[i])
		}
	}
	return w
}

// A client offers the subset of a refused coalition only if it values it
// strictly above its position (docs/model.md §7.7, H6). With nothing to
// fear and only the cost of arming alone (0.01), c3, allied to c2
// already, offers {c1, c2}: c2, allied too, gains nothing and refuses;
// c1, alone, gains the 0.01 it saves and accepts. The subset {c1} is
// worth exactly c3's position, so c3 offers it nothing. Where c3 has no
// ally either, {c1} saves it 0.01 too: it offers, and {c1, c3} forms.
func TestClientFallbackOnlyIfStrictlyBetter(t *testing.T) {
	for _, c := range []struct {
		name         string
		proposerAlly bool
		form         bool
	}{{"worth exactly the position", true, false}, {"worth the cost of arming", false, true}} {
		w := indifferentWorld(t, 0.01)
		w.form(set(c2, pat), false, OriginBilateral)
		if c.proposerAlly {
			w.form(set(c2, c3), false, OriginClient)
		}
		if got := w.acceptingSubset(c3, set(c1, c2), false, OriginClient, 1); got != set(c1) {
			t.Fatalf("%s: set-up: accepting subset %v, want {c1}", c.name, got)
		}
		before := len(w.alliances)
		w.clientFallback(c3, set(c1, c2), false)
		formed := len(w.alliances) == before+1 && w.alliances[before].Members == set(c1, c3)
		if formed != c.form || len(w.alliances) > before+1 {
			t.Errorf("%s: formed {c1, c3} %v, want %v: %v", c.name, formed, c.form, describe(w))
		}
	}
}

// The patron proposes the accepting subset of a refused multilateral only
// if it values it strictly above its position (docs/model.md §7.9, §8.2
// item 17), as a client does its coalition's. With nothing to fear and only
// the cost of arming alone (0.01), the patron, allied to c3 already,
// falls back from {c1, c2, c3}: c3, allied, gains nothing and refuses, so
// the accepting subset is {c1, c2}, worth exactly the patron's position.
// It proposes no trilateral; it offers c1 and c2 bilaterals instead,
// whatever they are worth to it, and each accepts the 0.01 it saves.
func TestPatronFallbackSubsetOnlyIfStrictlyBetter(t *testing.T) {
	w := indifferentWorld(t, 0.01)
	w.form(set(pat, c3), false, OriginBilateral)
	if got := w.acceptingSubset(pat, set(c1, c2, c3), false, OriginImposed, 2); got != set(c1, c2) {
		t.Fatalf("set-up: accepting subset %v, want {c1, c2}", got)
	}
	if v, p := w.appraise(pat, set(c1, c2), false, OriginImposed).value, w.position(pat); v != p {
		t.Fatalf("set-up: the patron values {c1, c2} at %v, its position at %v; want them equal", v, p)
	}
	w.fallback(pat, set(c1, c2, c3), false)
	var formed []agents.Set
	for _, al := range w.alliances[1:] {
		formed = append(formed, al.Members)
	}
	if want := []agents.Set{set(pat, c1), set(pat, c2)}; !slices.Equal(formed, want) {
		t.Errorf("formed %v, want the bilaterals %v: %v", formed, want, describe(w))
	}
}

// An invitee accepts only an alliance worth strictly more than its
// position (docs/model.md §7.9), and a member admits a newcomer only if
// the alliance is worth strictly more with it: where they are worth
// exactly the same, the offer is refused and the newcomer too.
func TestAcceptOnlyIfStrictlyBetter(t *testing.T) {
	w := indifferentWorld(t, 0)
	a := w.appraise(c2, set(c1), false, OriginClient)
	if a.value != w.position(c2) {
		t.Fatalf("set-up: c2 values the alliance at %v, its position at %v; want them equal", a.value, w.position(c2))
	}
	if acc := w.canvass(c1, set(c2), false, OriginClient, 0); acc != 0 {
		t.Errorf("an alliance worth exactly the position: accepted by %v, want no one", acc)
	}
	al := w.form(set(c1, c2), false, OriginClient)
	if w.vote(al, c3, 0) {
		t.Error("a newcomer that changes nothing: admitted, want refused")
	}
}

// A patron wants an ally, and starts to wait for its clients, only if
// some option is worth strictly more than doing nothing (docs/model.md
// §7.8): where every option is worth exactly its position, it wants none.
func TestPatronWantsOnlyIfStrictlyBetter(t *testing.T) {
	w := indifferentWorld(t, 0)
	if w.patronOptions(pat) {
		t.Error("every option worth exactly the patron's position: it wants an ally, want not")
	}
}

// A patron wants an ally when a multilateral beats its position although
// its strategy does not admit one yet (docs/model.md §7.8): in
// testScenario with c2 and c3 occupied (invite_occupied) and a grievance
// of 0.2 of the patron against c1, its bilateral with c1 is worth less
// than its position at either commitment, while the set {c1, c2, c3} is
// worth more (strong −0.30, weak −0.44, position −0.51). The assurance
// patron, which has not waited and does not impose on its losses
// (impose_threshold 1), admits no multilateral: it is offered nothing but
// its position, and it wants an ally and starts to wait.
func TestPatronWantsAMultilateralItsStrategyDoesNotAdmitYet(t *testing.T) {
	sc := testScenario()
	sc.Decision.ImposeThreshold = 1
	sc.Params.InviteOccupied = true
	sc.Params.GrievanceFear = 1
	sc.States[pat].Grievance = map[string]float64{"c1": 0.2}
	sc.States[c2].Sovereign, sc.States[c3].Sovereign = false, false
	build := func(strategy string) *World {
		sc.Decision.Strategy = strategy
		w := perceived(t, sc)
		w.reviewing = w.reviewing.With(pat)
		return w
	}

	prospect := build("prospect")
	prospect.patronOptions(pat)
	none, best := prospect.values[0], map[agents.OptionKind]float64{}
	for k, o := range prospect.options[1:] {
		if v, ok := best[o.Kind]; !ok || prospect.values[k+1] > v {
			best[o.Kind] = prospect.values[k+1]
		}
	}
	if !(best[agents.OptionBilateral] < none && best[agents.OptionMultilateral] > none) || len(best) != 2 {
		t.Fatalf("set-up: best options %v against a position of %v; want a bilateral below it and a multilateral above", best, none)
	}

	w := build("assurance")
	if !w.patronOptions(pat) {
		t.Error("the multilateral beats the patron's position: it wants no ally, want one")
	}
	if len(w.options) != 1 || w.options[0].Kind != agents.OptionNone {
		t.Errorf("options %v; want only its position (no multilateral admitted before its patience)", w.options)
	}
	w.tick = 3
	w.patronRound(pat)
	if w.wantedSince[pat] != 3 {
		t.Errorf("the patron waits since tick %d, want 3", w.wantedSince[pat])
	}
}

// An acceptance names the invitees that answered: an occupied invitee,
// signed up by its patron, is left out, and an acceptance by occupied
// invitees alone is not logged.
func TestAcceptanceNamesTheInviteesThatAnswered(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 7)
	w.Step()
	w.sovereign[c3] = false
	offer := w.propose(Event{Type: EventProposal, Actor: pat, Target: -1, Others: set(c2, c3), Alliance: -1, Proposal: ProposeMultilateral})
	n := len(w.events)
	w.accepted(offer, Event{Actor: pat, Target: -1, Others: set(c2, c3), Alliance: -1, Proposal: ProposeMultilateral})
	if len(w.events) != n+1 || w.events[n].Type != EventAcceptance || w.events[n].Others != set(c2) || w.events[n].Offer != offer {
		t.Errorf("acceptance of c2 and occupied c3: events %+v; want one acceptance by c2 of offer %d", w.events[n:], offer)
	}
	w.accepted(offer, Event{Actor: pat, Target: -1, Others: set(c3), Alliance: -1, Proposal: ProposeMultilateral})
	if len(w.events) != n+1 {
		t.Errorf("acceptance by occupied c3 alone was logged: %+v", w.events[n+1:])
	}
}

// Offers' refusals are kept end to end in one slice of the world's, each
// offer's a slice of it: an offer refused again after another was keeps
// its own refusals and leaves the other's as they were.
func TestRefusalsOfTwoOffers(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 7)
	w.Step()
	// room to spare, so that no append below moves the slice: an offer's
	// refusals must be capped at their length, or a's third would be
	// written over b's
	w.refusals = make([]Refusal, len(w.refusals), len(w.refusals)+16)
	a := w.propose(Event{Type: EventProposal, Actor: pat, Target: -1, Others: set(c1, c2), Alliance: -1, Proposal: ProposeMultilateral})
	w.refusal(a, Event{Actor: c1, Target: c2, Reason: agents.CostFear})
	w.refusal(a, Event{Actor: c2, Target: -1, Reason: agents.CostAutonomy})
	b := w.propose(Event{Type: EventProposal, Actor: pat, Target: -1, Others: set(c3), Alliance: -1, Proposal: ProposeBilateral})
	w.refusal(b, Event{Actor: c3, Target: -1, Reason: agents.CostAutonomy})
	w.refusal(a, Event{Actor: c3, Target: c1, Reason: agents.CostDivergence}) // a again, after b
	want := map[int][]Refusal{
		a: {{State: c1, Reason: agents.CostFear, Partner: c2}, {State: c2, Reason: agents.CostAutonomy, Partner: -1}, {State: c3, Reason: agents.CostDivergence, Partner: c1}},
		b: {{State: c3, Reason: agents.CostAutonomy, Partner: -1}},
	}
	for offer, rs := range want {
		if got := w.offers[offer-1].Refusals; !slices.Equal(got, rs) {
			t.Errorf("offer %d: refusals %+v, want %+v", offer, got, rs)
		}
	}
}

// The patron values joining a client alliance at the alliance's own
// commitment (H5: it matches what the clients committed to each other),
// as the alliance grown by it: a weak alliance is offered weak, a strong
// one strong.
func TestPatronJoinValuedAtTheAlliancesCommitment(t *testing.T) {
	for _, strong := range []bool{false, true} {
		sc := testScenario()
		sc.States[pat].Decision = agents.DecisionOverrides{"strategy": "prospect"}
		w := perceived(t, sc)
		al := w.form(set(c1, c2), strong, OriginClient)
		w.patronOptions(pat)
		grown := w.grown(al, pat, OriginIndigenous)
		at := w.appraiseUnder(pat, al.Members, strong, OriginIndigenous, grown).value
		other := w.appraiseUnder(pat, al.Members, !strong, OriginIndigenous, grown).value
		if at == other {
			t.Fatalf("set-up: the join is worth %v at either commitment", at)
		}
		joins := 0
		for k, o := range w.options {
			if o.Kind != agents.OptionJoin {
				continue
			}
			joins++
			if o.Strong != strong || w.values[k] != at {
				t.Errorf("join of alliance %d (strong %v): offered strong %v, valued %v; want %v (at the other commitment %v)", o.Alliance, strong, o.Strong, w.values[k], at, other)
			}
		}
		if joins != 1 {
			t.Errorf("strong %v: %d join options, want 1", strong, joins)
		}
	}
}

// The patron offers no bilateral to a client it is already allied to (a
// second pledge to it is the fallback's alone, §7.8), and no join of an
// alliance none of whose members it has a stake in.
func TestPatronOffersNothingNewToWhomItHoldsOrIgnores(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"strategy": "prospect"}
	sc.States[pat].Stakes = map[string]float64{"c2": 0, "c3": 0}
	w := perceived(t, sc)
	w.form(set(c2, c3), true, OriginClient)
	w.patronOptions(pat)
	bilaterals := 0
	for _, o := range w.options {
		switch o.Kind {
		case agents.OptionJoin:
			t.Errorf("pat may join %v, in none of whose members it has a stake", o.Partners)
		case agents.OptionBilateral:
			bilaterals++
		}
	}
	if bilaterals != 2 { // c1, weak and strong: the one staked client
		t.Fatalf("set-up: %d bilateral options before c1 is allied, want 2", bilaterals)
	}
	w.form(set(pat, c1), true, OriginBilateral)
	w.patronOptions(pat)
	for _, o := range w.options {
		if o.Kind == agents.OptionBilateral {
			t.Errorf("pat may propose a bilateral to %v, to which it is allied already", o.Partners)
		}
	}
}

// An occupied client enters the patron's multilateral search only with
// invite_occupied, and only if the patron has a stake in it: with it the
// patron's best multilateral here takes c3 in; without it, or with a
// stake of 0 in c3, no option names c3.
func TestOccupiedClientOnlyWithInviteOccupied(t *testing.T) {
	for _, c := range []struct {
		invite bool
		stake  float64
		named  bool
	}{{true, 1, true}, {false, 1, false}, {true, 0, false}} {
		sc := testScenario()
		sc.States[pat].Decision = agents.DecisionOverrides{"strategy": "prospect"}
		sc.States[pat].Stakes = map[string]float64{"c3": c.stake}
		sc.States[c3].Sovereign = false
		sc.Params.InviteOccupied = c.invite
		w := perceived(t, sc)
		w.patronOptions(pat)
		named := false
		for _, o := range w.options {
			named = named || o.Partners.Has(c3)
		}
		if named != c.named {
			t.Errorf("invite_occupied %v, stake %v: an option names occupied c3: %v, want %v", c.invite, c.stake, named, c.named)
		}
	}
}

// Clients seek coalitions among the sovereign clients only: occupied c3
// is invited to none, though the others seek partners all along.
func TestClientsInviteNoOccupiedClient(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Sovereign = false
	w := NewWorld(mustCompile(t, sc), 1)
	for range 24 {
		w.Step()
	}
	proposals := 0
	for _, e := range w.Events() {
		if e.Type != EventProposal || e.Proposal != ProposeCoalition || !w.c.clients.Has(e.Actor) {
			continue
		}
		proposals++
		if e.Others.Has(c3) {
			t.Errorf("tick %d: %s invites occupied c3 (%v)", e.Tick, w.c.ID(e.Actor), e.Others)
		}
	}
	if proposals == 0 {
		t.Fatal("set-up: no client proposed anything in 24 ticks")
	}
}

// A client does not apply to an alliance when an alliance in force
// already has that alliance's members and itself: c2, in the patron's
// trilateral with c1, is not offered a place in the patron's bilateral
// with c1, which would repeat the trilateral. The bilateral is the only
// alliance it could apply to; with the trilateral gone, it may.
func TestClientDoesNotApplyToRepeatAnAllianceInForce(t *testing.T) {
	for _, repeat := range []bool{true, false} {
		w := perceived(t, testScenario())
		bilateral := w.form(set(pat, c1), true, OriginBilateral).ID
		if repeat {
			w.form(set(pat, c1, c2), true, OriginImposed)
		}
		w.reviewing = set(c2)
		w.clientRound()
		applied := slices.ContainsFunc(w.options, func(o agents.Option) bool {
			return o.Kind == agents.OptionJoin && o.Alliance == bilateral
		})
		if applied == repeat {
			t.Errorf("trilateral in force %v: c2's options include joining the bilateral: %v (%v)", repeat, applied, describe(w))
		}
	}
}

// A client committed to other clients — in a client alliance, or an
// indigenous one its patron joined (§8.2 item 25) — seeks no other
// coalition and is no one's candidate for one (docs/model.md §7.7 step
// 1): with c1 and c2 in such an alliance and every client reviewing, no
// coalition is proposed by them or to them; c3, uncommitted, still acts.
func TestCommittedClientsSeekNoOtherCoalition(t *testing.T) {
	for _, origin := range []Origin{OriginClient, OriginIndigenous} {
		w := perceived(t, testScenario())
		al := w.form(set(c1, c2), true, OriginClient)
		if origin == OriginIndigenous {
			w.join(al, pat, EntryJoined)
		}
		from := len(w.events)
		w.reviewing = w.c.clients
		w.clientRound()
		c3Acted := false
		for _, e := range w.events[from:] {
			if e.Type != EventProposal {
				continue
			}
			c3Acted = c3Acted || e.Actor == c3
			if e.Actor == c1 || e.Actor == c2 {
				t.Errorf("%v: %s, committed, proposed %v", origin, w.c.id[e.Actor], e.Others)
			}
			if e.Proposal == ProposeCoalition && e.Others&set(c1, c2) != 0 {
				t.Errorf("%v: %s offered a coalition to %v, committed clients among them", origin, w.c.id[e.Actor], e.Others)
			}
		}
		if !c3Acted {
			t.Errorf("set-up: %v: c3 proposed nothing: %v", origin, describe(w))
		}
	}
}

// An occupied invitee does not answer: it counts as accepting an offer and
// is never dropped from an accepting subset for a refusal of its own,
// though, asked, it would refuse (docs/model.md §7.9). c3, occupied, holds
// a grievance of 0.9 against c1.
func TestOccupiedInviteeCountsAsAccepting(t *testing.T) {
	sc := occupiedC3(t)
	sc.Params.GrievanceFear = 1
	sc.States[c3].Grievance = map[string]float64{"c1": 0.9}
	w := perceived(t, sc)
	S := set(c1, c2, c3)
	if a := w.appraise(c3, S.Without(c3).With(pat), true, OriginImposed); a.value > w.position(c3) {
		t.Fatalf("set-up: c3 would accept (%v against %v)", a.value, w.position(c3))
	}
	if acc := w.canvass(pat, S, true, OriginImposed, 0); !acc.Has(c3) {
		t.Errorf("the offer: %v accept, want c3 among them", acc)
	}
	if got := w.acceptingSubset(pat, S, true, OriginImposed, 2); got != S {
		t.Errorf("accepting subset %v, want all of %v", got, S)
	}
}

// A member that loses its sovereignty (a scripted sovereignty event) takes
// no decision until it regains it: it does not vote on a newcomer, and
// counts as accepting, as a non-sovereign invitee does (canvass); it
// reviews no policy, so it neither seeks, applies nor weighs leaving; and
// explain refuses to show the vote or the exit it does not weigh.
func TestMemberThatLostSovereigntyTakesNoDecision(t *testing.T) {
	sc := testScenario()
	sc.Params.GrievanceFear = 1
	sc.States[c1].Grievance = map[string]float64{"c3": 0.9}
	sc.Events = []ScriptedEvent{{Tick: 1, Kind: ScriptSovereignty, Actor: "c1", Sovereign: false}}
	w := perceived(t, sc)
	al := w.form(set(c1, c2), true, OriginClient)
	if w.vote(al, c3, 0) {
		t.Fatal("set-up: c1, sovereign, should vote c3 down for the grievance it holds")
	}
	w.tick = 1
	w.applyScripted()
	if w.sovereign[c1] || !al.Members.Has(c1) {
		t.Fatalf("set-up: c1 should be a member that has lost its sovereignty: %v", describe(w))
	}
	if !w.vote(al, c3, 0) {
		t.Error("c1, not sovereign, voted c3 down; it should not answer")
	}
	w.startReviews()
	if w.Reviewing(c1) || !w.Reviewing(c2) {
		t.Errorf("reviewing c1 %v, c2 %v; want c2 only: c1 has no policy to review", w.Reviewing(c1), w.Reviewing(c2))
	}
	if _, err := w.ExplainVote(al.ID, c1, c3); err == nil || !strings.Contains(err.Error(), "not sovereign") {
		t.Errorf("ExplainVote of c1: %v, want an error saying it is not sovereign", err)
	}
	if _, err := w.ExplainStay(al.ID, c1); err == nil || !strings.Contains(err.Error(), "not sovereign") {
		t.Errorf("ExplainStay of c1: %v, want an error saying it is not sovereign", err)
	}
	if _, err := w.ExplainVote(al.ID, c2, c3); err != nil {
		t.Errorf("ExplainVote of c2: %v", err)
	}
}

// The record of a proposal says whether a patron made it, and names the
// partner behind a refusal whatever its index (the patron is state 0 of
// the test world).
func TestProposalRecordNamesThePatron(t *testing.T) {
	sc := testScenario()
	sc.States[c1].Grievance = map[string]float64{"pat": 0.9}
	w := perceived(t, sc)
	if pat != 0 {
		t.Fatalf("set-up: the patron is state %d, want 0", pat)
	}
	offer := w.propose(Event{Type: EventProposal, Actor: pat, Target: -1, Others: set(c1), Alliance: -1, Proposal: ProposeFallback, Strong: true})
	w.canvass(pat, set(c1), true, OriginBilateral, offer)
	w.propose(Event{Type: EventProposal, Actor: c2, Target: -1, Others: set(c3), Alliance: -1, Proposal: ProposeCoalition, Strong: true})
	ps := w.Record().Proposals
	if len(ps) != 2 || !ps[0].Patron || ps[1].Patron {
		t.Fatalf("proposals %+v: want the patron's first, marked, and c2's", ps)
	}
	if len(ps[0].Refusals) != 1 || ps[0].Refusals[0] != (RefusalRecord{State: "c1", Reason: "fear", Partner: "pat"}) {
		t.Errorf("refusals of the patron's offer %+v, want c1's for fear of pat", ps[0].Refusals)
	}
}

// CommittedClients, which a registered strategy may read, are the
// members of the alliances in force that the clients hold without a
// patron (docs/model.md §7.8): {c1, c2} while they stand alone; none
// once the patron has joined theirs (indigenous now, the patron's
// alliance); c3 and c2 of a pact of their own beside it.
func TestCommittedClientsAreThoseWithoutAPatron(t *testing.T) {
	w := perceived(t, testScenario())
	v := &patronView{w: w, p: pat}
	al := w.form(set(c1, c2), true, OriginClient)
	if got := v.CommittedClients(); got != set(c1, c2) {
		t.Fatalf("the clients' own pact: committed %v, want c1 and c2", got)
	}
	w.join(al, pat, EntryJoined)
	al = &w.alliances[0]
	if al.Origin != OriginIndigenous || !al.HasPatron {
		t.Fatalf("set-up: after the patron joined, origin %v, patron %v; want indigenous, with the patron", al.Origin, al.HasPatron)
	}
	if got := v.CommittedClients(); got != 0 {
		t.Errorf("the patron joined the clients' pact: committed %v, want none", got)
	}
	w.form(set(c2, c3), false, OriginClient)
	if got := v.CommittedClients(); got != set(c2, c3) {
		t.Errorf("with a pact of c2 and c3 beside it: committed %v, want c2 and c3", got)
	}
}

// After a refused multilateral the patron offers bilaterals to the
// invitees its subset left out (docs/model.md §7.9), but none to a client
// already its ally: with c1 holding its bilateral pledge, the patron's
// fallback from c1, c2 and c3 forms the subset {c2, c3} and leaves c1
// out, and offers c1 nothing.
func TestFallbackOffersNoBilateralToAnAlly(t *testing.T) {
	w := perceived(t, testScenario())
	w.form(set(pat, c1), true, OriginBilateral)
	w.fallback(pat, set(c1, c2, c3), true)
	var subset, offered agents.Set
	for _, o := range w.Offers() {
		switch o.Kind {
		case ProposeSubset:
			subset = o.Invitees
		case ProposeFallback:
			offered |= o.Invitees
		}
	}
	if subset != set(c2, c3) {
		t.Fatalf("set-up: subset %v, want c2 and c3, leaving c1 to the bilaterals: %v", subset, describe(w))
	}
	if offered != 0 {
		t.Errorf("fallback bilaterals offered to %v; c1 is the patron's ally already", offered)
	}
}

// A patron that has left the clients' alliance it joined waits anew,
// though that alliance goes on among its clients: it has no ally left
// (docs/model.md §7.8). It had joined {c1, c2, c3} after waiting since
// tick 0.
func TestPatronWaitsAgainAfterLeavingAnAllianceThatGoesOn(t *testing.T) {
	w := perceived(t, testScenario())
	w.wantedSince[pat] = 0
	al := w.form(set(c1, c2, c3), true, OriginClient)
	w.join(al, pat, EntryJoined)
	if !w.committed[pat] {
		t.Fatal("set-up: joining the clients' alliance should commit the patron")
	}
	w.restartWait(pat)
	if w.wantedSince[pat] != 0 {
		t.Fatalf("an allied patron waits anew: wanted since %d", w.wantedSince[pat])
	}
	al = &w.alliances[0]
	w.leave(al, pat, al.Members)
	if al = &w.alliances[0]; !al.Active() || al.Members != set(c1, c2, c3) {
		t.Fatalf("set-up: the clients' alliance should go on without the patron: in force %v, members %v", al.Active(), al.Members)
	}
	w.restartWait(pat)
	if w.wantedSince[pat] != -1 || w.committed[pat] {
		t.Errorf("after leaving: wanted since %d, committed %v; want -1 and false", w.wantedSince[pat], w.committed[pat])
	}
}

// grievingWorld is testScenario with the grievances given (by state,
// against states by id), feared as a revival (grievance_fear 1), its
// threats perceived.
func grievingWorld(t *testing.T, grievances map[int]map[string]float64) *World {
	t.Helper()
	sc := testScenario()
	sc.Params.GrievanceFear = 1
	for i, g := range grievances {
		sc.States[i].Grievance = g
	}
	w := perceived(t, sc)
	return w
}

// prospectWorld is testScenario, its threats perceived, with the patron
// under the prospect strategy, which admits every option.
func prospectWorld(t *testing.T) *World {
	t.Helper()
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"strategy": "prospect"}
	w := perceived(t, sc)
	return w
}

// fearfulC1 is grievingWorld with c1 holding a grievance of 0.9 against
// c3: c1 refuses any alliance with c3 in it.
func fearfulC1(t *testing.T) *World {
	t.Helper()
	return grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}})
}

// A client whose coalition is refused falls back in the same round
// (docs/model.md §7.7, H6), and both proposals are on the record: c2,
// the only client reviewing, values {c1, c3} most (−0.4299 against its
// position −0.4981, as appraised) and offers it, strong (offer 1); c1
// refuses for fear of c3; c2 then offers {c1} (offer 2), c1 accepts, the
// acceptance is logged and {c1, c2} forms. The refused coalition is
// barred for retry_interval.
func TestClientRoundFallsBackAfterARefusedCoalition(t *testing.T) {
	w := fearfulC1(t)
	w.reviewing = set(c2)
	w.clientRound()
	offers := w.Offers()
	if len(offers) != 2 {
		t.Fatalf("%d offers, want the coalition and its fallback: %v", len(offers), describe(w))
	}
	if o := offers[0]; o.Proposer != c2 || o.Kind != ProposeCoalition || o.Invitees != set(c1, c3) || !o.Strong || o.Accepted() ||
		!slices.Equal(o.Refusals, []Refusal{{State: c1, Reason: agents.CostFear, Partner: c3}}) {
		t.Errorf("offer 1 %+v, want c2's strong coalition to c1 and c3, refused by c1 for fear of c3", o)
	}
	if o := offers[1]; o.Proposer != c2 || o.Kind != ProposeCoalition || o.Invitees != set(c1) || !o.Strong || o.Alliance != 0 || len(o.Refusals) != 0 {
		t.Errorf("offer 2 %+v, want c2's strong coalition to c1, accepted, forming alliance 0", o)
	}
	if len(w.alliances) != 1 || w.alliances[0].Members != set(c1, c2) || w.alliances[0].Origin != OriginClient || !w.alliances[0].Strong {
		t.Errorf("alliances %v, want the strong client alliance {c1, c2}", describe(w))
	}
	acceptances := 0
	for _, e := range w.events {
		if e.Type == EventAcceptance {
			acceptances++
			if e.Offer != 2 || e.Actor != c2 || e.Others != set(c1) {
				t.Errorf("acceptance %+v, want offer 2's, c2's to c1, c1 answering", e)
			}
		}
	}
	if acceptances != 1 {
		t.Errorf("%d acceptances logged, want 1: %v", acceptances, describe(w))
	}
	if !w.refusedRecently(c2, set(c1, c3), true) {
		t.Error("the refused coalition is not barred for retry_interval")
	}
}

// A client's fallback proposes nothing when the subset left is empty or
// is the very set refused. With nothing to fear and only the cost of
// arming alone (0.01), c1 and c2, each allied to the patron already, gain
// nothing from c3's coalition and refuse it, down to no one; c3, alone,
// would value even an alliance with nobody at the 0.01 it saves, but it
// offers none. And a set every invitee accepts is no fallback: called
// with {c1}, which accepts, c2 proposes nothing again.
func TestClientFallbackProposesNothingToNobodyOrTheSameSet(t *testing.T) {
	w := indifferentWorld(t, 0.01)
	w.form(set(pat, c1), false, OriginBilateral)
	w.form(set(pat, c2), false, OriginBilateral)
	if got := w.acceptingSubset(c3, set(c1, c2), false, OriginClient, 1); got != 0 {
		t.Fatalf("set-up: accepting subset %v, want none", got)
	}
	if v, p := w.appraise(c3, 0, false, OriginClient).value, w.position(c3); v <= p {
		t.Fatalf("set-up: c3 values an alliance with nobody at %v, its position at %v; want it above", v, p)
	}
	w.clientFallback(c3, set(c1, c2), false)
	if n := len(w.Offers()); n != 0 {
		t.Errorf("no one accepts: %d offers made, want none: %v", n, describe(w))
	}

	w = fearfulC1(t)
	if got := w.acceptingSubset(c2, set(c1), true, OriginClient, 1); got != set(c1) {
		t.Fatalf("set-up: accepting subset %v, want {c1}", got)
	}
	w.clientFallback(c2, set(c1), true)
	if n := len(w.Offers()); n != 0 {
		t.Errorf("the refused set itself: %d offers made, want none: %v", n, describe(w))
	}
}

// A client applying to an alliance values it as the alliance is: an
// imposed {pat, c1, c2}, in which the clients are not pledged to each
// other, is worth less to c3 than a client alliance of the same members
// would be, and c3's option is valued as imposed.
func TestClientApplicationValuedAtTheAlliancesOrigin(t *testing.T) {
	w := perceived(t, testScenario())
	al := w.form(set(pat, c1, c2), true, OriginImposed)
	imposed := w.appraiseUnder(c3, al.Members, true, OriginImposed, w.grown(al, c3, OriginImposed)).value
	client := w.appraiseUnder(c3, al.Members, true, OriginClient, w.grown(al, c3, OriginClient)).value
	if imposed == client {
		t.Fatalf("set-up: c3 values the alliance at %v as imposed and as the clients'; want them to differ", imposed)
	}
	w.reviewing = set(c3)
	w.clientRound()
	found := false
	for k, o := range w.options {
		if o.Kind == agents.OptionJoin && o.Alliance == al.ID {
			found = true
			if w.values[k] != imposed {
				t.Errorf("c3's application valued %v, want %v as imposed (%v as the clients' own)", w.values[k], imposed, client)
			}
		}
	}
	if !found {
		t.Fatalf("c3 has no option to apply: %v", w.options)
	}
}

// Every refused proposal bars its proposer from the same offer for
// retry_interval (docs/model.md §7.13): a client's application (c3's to
// {c1, c2}, whose c1 fears c3), the patron's request to join (c1 holds a
// grievance of 0.9 against it), its multilateral (c1 fears c3) and its
// bilateral (c1 again). A refused bilateral is one offer: the fallback
// follows only a multilateral.
func TestEveryRefusedProposalIsBarred(t *testing.T) {
	w := fearfulC1(t)
	w.form(set(c1, c2), true, OriginClient)
	w.reviewing = set(c3)
	w.clientRound()
	if o := w.Offers(); len(o) != 1 || o[0].Kind != ProposeApply || o[0].Accepted() {
		t.Fatalf("set-up: want c3's refused application, got %v", describe(w))
	}
	if !w.refusedRecently(c3, set(c1, c2), true) {
		t.Error("c3's refused application is not barred")
	}

	grudges := map[int]map[string]float64{c1: {"pat": 0.9, "c3": 0.9}}
	w = grievingWorld(t, grudges)
	al := w.form(set(c1, c2), true, OriginClient)
	w.carryOut(pat, agents.Option{Kind: agents.OptionJoin, Partners: al.Members, Alliance: al.ID, Strong: true})
	if al.Members.Has(pat) || !w.refusedRecently(pat, set(c1, c2), true) {
		t.Errorf("the patron's refused join: member %v, barred %v; want false, true", al.Members.Has(pat), w.refusedRecently(pat, set(c1, c2), true))
	}

	w = grievingWorld(t, grudges)
	w.carryOut(pat, agents.Option{Kind: agents.OptionMultilateral, Partners: set(c1, c2, c3), Alliance: -1, Strong: true})
	if o := w.Offers(); len(o) == 0 || o[0].Kind != ProposeMultilateral || o[0].Accepted() {
		t.Fatalf("set-up: want the patron's refused multilateral first, got %v", describe(w))
	}
	if !w.refusedRecently(pat, set(c1, c2, c3), true) {
		t.Error("the patron's refused multilateral is not barred")
	}

	w = grievingWorld(t, grudges)
	w.carryOut(pat, agents.Option{Kind: agents.OptionBilateral, Partners: set(c1), Alliance: -1, Strong: true})
	if o := w.Offers(); len(o) != 1 || o[0].Kind != ProposeBilateral || o[0].Accepted() {
		t.Errorf("a refused bilateral: offers %v, want the one refused bilateral", describe(w))
	}
	if !w.refusedRecently(pat, set(c1), true) {
		t.Error("the patron's refused bilateral is not barred")
	}
}

// A patron proposes no multilateral that repeats an alliance in force:
// once {pat, c1, c2, c3} stands, its options are none but doing nothing
// (under prospect, which admits every option; before, it had the
// multilateral to all three at both commitments).
func TestPatronOffersNoMultilateralRepeatingAnAllianceInForce(t *testing.T) {
	w := prospectWorld(t)
	w.patronOptions(pat)
	if !slices.ContainsFunc(w.options, func(o agents.Option) bool {
		return o.Kind == agents.OptionMultilateral && o.Partners == set(c1, c2, c3)
	}) {
		t.Fatalf("set-up: no multilateral to c1, c2 and c3 before the alliance: %v", w.options)
	}
	w.form(set(pat, c1, c2, c3), true, OriginImposed)
	w.patronOptions(pat)
	if len(w.options) != 1 {
		t.Errorf("with {pat, c1, c2, c3} in force: options %v, want only none", w.options)
	}
}

// The options are listed in a fixed order, which the softmax draw reads
// (docs/model.md §7.6): none, then the joins, the multilateral weak
// before strong, and each client's bilateral, weak before strong, by
// index.
func TestPatronOptionsInOrder(t *testing.T) {
	w := prospectWorld(t)
	w.patronOptions(pat)
	want := []agents.Option{
		{Kind: agents.OptionNone, Alliance: -1},
		{Kind: agents.OptionMultilateral, Partners: set(c1, c2, c3), Alliance: -1},
		{Kind: agents.OptionMultilateral, Partners: set(c1, c2, c3), Alliance: -1, Strong: true},
		{Kind: agents.OptionBilateral, Partners: set(c1), Alliance: -1},
		{Kind: agents.OptionBilateral, Partners: set(c1), Alliance: -1, Strong: true},
		{Kind: agents.OptionBilateral, Partners: set(c2), Alliance: -1},
		{Kind: agents.OptionBilateral, Partners: set(c2), Alliance: -1, Strong: true},
		{Kind: agents.OptionBilateral, Partners: set(c3), Alliance: -1},
		{Kind: agents.OptionBilateral, Partners: set(c3), Alliance: -1, Strong: true},
	}
	if !slices.Equal(w.options, want) {
		t.Errorf("options %v\nwant %v", w.options, want)
	}
}

// The patron's fallback seeks the subset that accepts each other as an
// imposed alliance, the one it will propose: with c2 holding a grievance
// of 0.45 against c1, c2 would accept {pat, c1} as a bilateral-style
// pact of mutual pledges (−0.5978 against its position −0.6099, as
// appraised) but not as imposed (−0.6136), so no subset of {c1, c2, c3}
// accepts as imposed, the patron proposes none, and offers each client a
// bilateral.
func TestFallbackSubsetValuedAsImposed(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}, c2: {"c1": 0.45}})
	pos := w.position(c2)
	if imp, bil := w.appraise(c2, set(pat, c1), true, OriginImposed).value, w.appraise(c2, set(pat, c1), true, OriginBilateral).value; imp > pos || bil <= pos {
		t.Fatalf("set-up: c2 values {pat, c1} at %.4f imposed and %.4f bilateral, its position %.4f; want the imposed below, the other above", imp, bil, pos)
	}
	w.fallback(pat, set(c1, c2, c3), true)
	var kinds []Proposal
	for _, o := range w.Offers() {
		kinds = append(kinds, o.Kind)
	}
	if want := []Proposal{ProposeFallback, ProposeFallback, ProposeFallback}; !slices.Equal(kinds, want) {
		t.Errorf("offers %v, want a bilateral to each client and no subset: %v", kinds, describe(w))
	}
}

// An alliance's cohesion is that of the members who sign it: a designated
// member, occupied, is left out until it joins. With every picture 0.4
// but c3's 0, {pat, c1, c2} have cohesion 1; with c3 counted it would be
// (3·(1 − 0.1/0.7) + 0)/4 = 0.6429.
func TestCohesionOfTheSigningMembers(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Sovereign = false
	w := perceived(t, sc)
	w.picture[pat], w.picture[c1], w.picture[c2], w.picture[c3] = 0.4, 0.4, 0.4, 0
	nearly(t, "cohesion with c3", w.cohesionOf(set(pat, c1, c2, c3)), (3*(1-0.1/0.7))/4, handTol)
	al := w.form(set(pat, c1, c2, c3), true, OriginImposed)
	if al.Designated != set(c3) {
		t.Fatalf("set-up: designated %v, want c3", al.Designated)
	}
	nearly(t, "cohesion", al.Cohesion, 1, handTol)
	nearly(t, "cohesion at formation", al.CohesionFormed, 1, handTol)
}

// A client's coalition partners share a threat with it (H6,
// shared_threat): with c1's perceived threat from the adversary set just
// below shared_threat, c2 weighs a coalition without c1.
func TestClientCoalitionOnlyWithThoseWhoShareTheThreat(t *testing.T) {
	w := fearfulC1(t)
	n := w.c.n
	w.perceived[c1*n+adv] = w.c.p.SharedThreat * 0.99
	w.reviewing = set(c2)
	w.clientRound()
	multilaterals := 0
	for _, o := range w.options {
		if o.Kind == agents.OptionMultilateral {
			multilaterals++
			if o.Partners.Has(c1) {
				t.Errorf("c2 weighs a coalition with %v, c1 among them, who does not share the threat", o.Partners)
			}
		}
	}
	if multilaterals != 1 {
		t.Errorf("%d coalitions weighed, want one (with c3): %v", multilaterals, w.options)
	}
}

// ClientAllianceExists, which a registered strategy may read, holds when
// clients the patron has a stake in have an alliance of their own in
// force (docs/model.md §7.8): of clients alone, or one they formed and
// this patron joined. Not an alliance of clients it has no stake in, not
// one it imposed, not one another patron joined.
func TestClientAllianceExistsForThePatron(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Stakes = map[string]float64{"c2": 0, "c3": 0}
	for _, c := range []struct {
		name  string
		build func(w *World)
		want  bool
	}{
		{"no alliance", func(w *World) {}, false},
		{"clients it has no stake in", func(w *World) { w.form(set(c2, c3), true, OriginClient) }, false},
		{"clients alone", func(w *World) { w.form(set(c1, c2), true, OriginClient) }, true},
		{"imposed by the patron", func(w *World) { w.form(set(pat, c1, c2), true, OriginImposed) }, false},
		{"the clients' own, the patron joined", func(w *World) { w.join(w.form(set(c1, c2), true, OriginClient), pat, EntryJoined) }, true},
	} {
		w := perceived(t, sc)
		c.build(w)
		v := &patronView{w: w, p: pat}
		if got := v.ClientAllianceExists(); got != c.want {
			t.Errorf("%s: %v, want %v: %v", c.name, got, c.want, describe(w))
		}
	}
	sc = testScenario()
	sc.States[c3].Role = Patron
	w := perceived(t, sc)
	w.join(w.form(set(c1, c2), true, OriginClient), c3, EntryJoined)
	if v := (&patronView{w: w, p: pat}); v.ClientAllianceExists() {
		t.Errorf("the clients' own, another patron joined: true, want false: %v", describe(w))
	}
}

// A member weighs a newcomer against the alliance as it is, of its own
// origin: in the imposed {pat, c1, c2}, c1's fellow client c2 pledges
// nothing, so c1's cost of the alliance as it stands is the patron's
// part alone, c_0·w + k·c_D·d + c_T·T̂ (0.02·1 + 0.1·d + 0.3·T̂, at
// k = 1, the patron's weight 1 for a small state, its revisionism 0),
// plus c2's fear term c_T·T̂ — 0.021929 here, where c2 is not feared.
// Valued as the clients' own alliance, c2 would cost c_0 and c_D·d too.
func TestStandingIsTheAllianceAsItIs(t *testing.T) {
	w := perceived(t, testScenario())
	n := w.c.n
	al := w.form(set(pat, c1, c2), true, OriginImposed)
	got := w.standing(al, c1)
	d := agents.Divergence(w.picture[c1], w.picture[pat])
	want := 0.02 + 0.1*d + 0.3*(w.perceived[c1*n+pat]+w.perceived[c1*n+c2])
	nearly(t, "c1's cost of the imposed alliance as it stands", got.cost.Total, want, handTol)
	nearly(t, "the same, as measured", got.cost.Total, 0.021929, 5e-7)
	if client := w.appraiseUnder(c1, set(pat, c2), true, OriginClient, w.asIs(al)); client.cost.Total <= got.cost.Total {
		t.Errorf("set-up: as the clients' own, c1's cost %v, want above the imposed %v", client.cost.Total, got.cost.Total)
	}
}

// A treaty signed for an occupied client whose patron has since lost its
// sovereignty forms nothing on the client's sovereignty (only the client
// can sign): it lapses, strong as it was signed, and the log says so (it
// was dropped unseen).
func TestTreatyLapsesWherePatronCannotSign(t *testing.T) {
	w := NewWorld(mustCompile(t, occupiedC3(t)), 1)
	w.perceive()
	w.fallback(pat, set(c3), true)
	if len(w.pending) != 1 {
		t.Fatalf("set-up: %d treaties pending", len(w.pending))
	}
	w.sovereign[pat] = false
	from, formed := len(w.events), len(w.alliances)
	w.sovereign[c3] = true
	w.joinDesignated(c3)
	want := []Event{{Tick: w.tick, Type: EventLapsed, Actor: pat, Target: c3, Alliance: -1, Strong: true}}
	if got := w.events[from:]; !slices.Equal(got, want) || len(w.pending) != 0 || len(w.alliances) != formed {
		t.Errorf("on c3's sovereignty, pat not sovereign: events %+v (want %+v), %d pending, %d alliances formed", got, want, len(w.pending), len(w.alliances)-formed)
	} else if rec := w.EventRecord(&got[0]); rec.Commitment != "strong" {
		t.Errorf("record of the lapsed treaty %+v; want pat's strong treaty for c3", rec)
	}
}

// An accepted fallback bilateral is logged as accepted, as every accepted
// offer is: its acceptance names the offer, the patron that made it and
// the client that accepted (docs/model.md §7.9). In TestFallbackAfterRefusal's
// world the patron's bilateral to c3, left out of the subset, is accepted.
func TestFallbackBilateralAcceptanceIsLogged(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"c3": 0.9}, c2: {"c3": 0.9}})
	w.fallback(pat, set(c1, c2, c3), true)
	offer := 0
	for i, o := range w.Offers() {
		if o.Kind == ProposeFallback {
			offer = i + 1
		}
	}
	if offer == 0 || w.Offers()[offer-1].Invitees != set(c3) || !w.Offers()[offer-1].Accepted() {
		t.Fatalf("set-up: want the fallback bilateral to c3 accepted: %v", describe(w))
	}
	var got []Event
	for _, e := range w.events {
		if e.Type == EventAcceptance && e.Offer == offer {
			got = append(got, e)
		}
	}
	want := []Event{{Tick: w.tick, Type: EventAcceptance, Actor: pat, Target: -1, Others: set(c3), Alliance: -1,
		Proposal: ProposeFallback, Strong: true, Offer: offer}}
	if !slices.Equal(got, want) {
		t.Errorf("acceptances of the fallback bilateral: got %+v, want %+v", got, want)
	}
}

// The fallback offers a bilateral to every invitee its subset left out,
// whatever its index: here the scenario lists c1 first, so it is state 0
// (the empty subset is the empty set, not the set of state 0). Alone, c1
// can form no subset of two, so the patron offers it a bilateral.
func TestFallbackOffersABilateralToStateZero(t *testing.T) {
	sc := testScenario()
	sc.States[0], sc.States[1] = sc.States[1], sc.States[0]
	const client, patron = 0, 1
	w := perceived(t, sc)
	if w.c.role[client] != Client || w.c.role[patron] != Patron {
		t.Fatalf("set-up: roles %v, %v", w.c.role[client], w.c.role[patron])
	}
	w.fallback(patron, set(client), true)
	offered := agents.Set(0)
	for _, o := range w.Offers() {
		if o.Kind == ProposeFallback && o.Proposer == patron {
			offered |= o.Invitees
		}
	}
	if offered != set(client) {
		t.Errorf("fallback bilaterals offered to %v, want c1 (state 0): %v", offered, describe(w))
	}
}

// A refusal takes the slot of one that has expired, and is remembered
// there for retry_interval (12) ticks: refused at tick 0, pat's offer to
// c1 and c2 has expired at tick 12, when pat's offer to c3 is refused; the
// new refusal bars pat's offer to c3 at ticks 12 … 23, and the one list
// holds it alone.
func TestRefusalInAnExpiredSlotIsRemembered(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.refuse(pat, set(c1, c2), true)
	w.tick = 12
	w.refuse(pat, set(c3), false)
	if len(w.refused) != 1 {
		t.Fatalf("%d refusals kept, want 1 (the expired slot reused)", len(w.refused))
	}
	for _, c := range []struct {
		tick   int
		set    agents.Set
		strong bool
		barred bool
	}{{12, set(c3), false, true}, {23, set(c3), false, true}, {24, set(c3), false, false}, {12, set(c1, c2), true, false}} {
		w.tick = c.tick
		if got := w.refusedRecently(pat, c.set, c.strong); got != c.barred {
			t.Errorf("tick %d, offer to %b (strong %v): barred %v, want %v", c.tick, c.set, c.strong, got, c.barred)
		}
	}
}

// An accepted offer of a patron's own choosing is logged as accepted (as
// every accepted offer is): its acceptance names the offer, the patron
// and the client that accepted. The patron carries out a strong bilateral
// with c3, which c3 accepts.
func TestPatronBilateralAcceptanceIsLogged(t *testing.T) {
	w := perceived(t, testScenario())
	w.carryOut(pat, agents.Option{Kind: agents.OptionBilateral, Partners: set(c3), Alliance: -1, Strong: true})
	if len(w.Offers()) != 1 || !w.Offers()[0].Accepted() {
		t.Fatalf("set-up: want the bilateral to c3 accepted: %v", describe(w))
	}
	var got []Event
	for _, e := range w.events {
		if e.Type == EventAcceptance {
			got = append(got, e)
		}
	}
	want := []Event{{Tick: w.tick, Type: EventAcceptance, Actor: pat, Target: -1, Others: set(c3), Alliance: -1,
		Proposal: ProposeBilateral, Strong: true, Offer: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("acceptances: got %+v, want %+v", got, want)
	}
}

// A patron that has not begun to wait has waited 0 ticks, whatever the
// tick (docs/model.md §7.8: patience runs from the tick it first wants an
// ally): with patience 1, the assurance patron at tick 5 that has wanted
// no ally admits no bilateral, its patience not run out; having wanted one
// since tick 4, it has waited 1 tick and admits it.
func TestWaitedIsZeroBeforeTheWaitBegins(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 1}
	w := perceived(t, sc)
	w.tick = 5
	view := &w.view
	view.w, view.p = w, pat
	bilateral := agents.Option{Kind: agents.OptionBilateral, Partners: set(c1), Alliance: -1}
	for _, c := range []struct {
		since, waited int
		admits        bool
	}{{-1, 0, false}, {4, 1, true}} {
		w.wantedSince[pat] = c.since
		if got := view.Waited(); got != c.waited {
			t.Errorf("wanted since %d: waited %d at tick 5, want %d", c.since, got, c.waited)
		}
		if got := w.c.strategy[pat].Admit(view, bilateral); got != c.admits {
			t.Errorf("wanted since %d: the bilateral admitted %v, want %v", c.since, got, c.admits)
		}
	}
}

// A client's coalition proposal names no target (Target −1: its invitees
// are Others), so its record names no state: c2's proposal to c1 and c3
// is not recorded as one aimed at the patron, state 0.
func TestCoalitionProposalNamesNoTarget(t *testing.T) {
	w := perceived(t, testScenario())
	from := len(w.events)
	w.proposeCoalition(c2, set(c1, c3), true)
	var proposals []Event
	for _, e := range w.events[from:] {
		if e.Type == EventProposal {
			proposals = append(proposals, e)
		}
	}
	if len(proposals) != 1 || proposals[0].Proposal != ProposeCoalition || proposals[0].Target != -1 || proposals[0].Alliance != -1 {
		t.Errorf("c2's coalition proposal logged as %+v; want one, with target and alliance -1", proposals)
	} else if rec := w.EventRecord(&proposals[0]); rec.Target != "" {
		t.Errorf("c2's coalition proposal recorded with target %q, want none", rec.Target)
	}
}

// A client's options are listed in a fixed order, which the softmax draw
// reads (docs/model.md §7.6, §7.7): its position, its coalition, then an
// application to each alliance it could join, in id order. c3, with the
// patron allied to c1 (alliance 0) and to c2 (alliance 1), shares the
// adversary's threat with both: its options are none, its coalition and
// the applications to alliances 0 and 1, each valued as §7.4 and §7.7
// say — the position; the coalition at its better commitment as a client
// alliance; each application at the alliance's commitment and origin,
// with the alliance grown by c3 (§7.2.1).
func TestClientOptionsInOrder(t *testing.T) {
	build := func() *World {
		w := perceived(t, testScenario())
		w.form(set(pat, c1), true, OriginBilateral)
		w.form(set(pat, c2), false, OriginBilateral)
		w.reviewing = set(c3)
		return w
	}
	before := build()
	if !before.shareThreat(c3, c1) || !before.shareThreat(c3, c2) {
		t.Fatal("set-up: c3 shares no threat with c1 or c2")
	}
	w := build()
	w.clientRound()
	kinds := []agents.OptionKind{agents.OptionNone, agents.OptionMultilateral, agents.OptionJoin, agents.OptionJoin}
	if len(w.options) != len(kinds) {
		t.Fatalf("c3's options %v, want none, its coalition and two applications", w.options)
	}
	for k, o := range w.options {
		if o.Kind != kinds[k] {
			t.Fatalf("c3's options %v, want none, its coalition, then the applications", w.options)
		}
	}
	if w.values[0] != before.position(c3) {
		t.Errorf("none valued %v, want c3's position %v", w.values[0], before.position(c3))
	}
	coalition, strong := before.bestCommitment(c3, w.options[1].Partners, OriginClient)
	if w.values[1] != coalition.value || w.options[1].Strong != strong {
		t.Errorf("coalition %v valued %v (strong %v), want %v (strong %v)", w.options[1].Partners, w.values[1], w.options[1].Strong, coalition.value, strong)
	}
	for k, id := range []int{0, 1} {
		o, al := w.options[2+k], &before.alliances[id]
		want := before.appraiseUnder(c3, al.Members, al.Strong, al.Origin, before.grown(al, c3, al.Origin)).value
		if o.Alliance != id || o.Partners != al.Members || o.Strong != al.Strong || w.values[2+k] != want {
			t.Errorf("application %d: %+v valued %v, want alliance %d (%v, strong %v) valued %v", k, o, w.values[2+k], id, al.Members, al.Strong, want)
		}
	}
}

// A refusal bars only the proposer whose offer was refused (docs/model.md
// §7.13: the same proposer, member set and commitment): c1's coalition
// to {c3}, refused, does not bar c2 from offering c3 the same, nor c1
// from offering it at the other commitment.
func TestRefusalBarsOnlyItsProposer(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.refuse(c1, set(c3), true)
	coalition := agents.Option{Kind: agents.OptionMultilateral, Partners: set(c3), Alliance: -1, Strong: true}
	for _, c := range []struct {
		chooser int
		strong  bool
		barred  bool
	}{{c1, true, true}, {c2, true, false}, {c1, false, false}} {
		o := coalition
		o.Strong = c.strong
		w.options = append(w.options[:0], agents.Option{Kind: agents.OptionNone, Alliance: -1}, o)
		w.values = append(w.values[:0], 0, 1)
		if got, ok := w.choose(c.chooser); ok == c.barred || (ok && got != o) {
			t.Errorf("state %d, strong %v: chose %+v, ok %v; want it barred %v", c.chooser, c.strong, got, ok, c.barred)
		}
	}
}

// A patron does not begin to wait for a multilateral it could not offer
// (docs/model.md §7.8): with its three clients occupied (invite_occupied)
// the only set, {c1, c2, c3}, could be signed by nobody but the patron.
// The assurance patron (not waited, impose_threshold 1) admits no
// multilateral, so its second search, over every set, finds that set,
// which it values above its position — and wants no ally for it.
func TestPatronWantsNoMultilateralItCouldNotOffer(t *testing.T) {
	sc := testScenario()
	sc.Params.InviteOccupied = true
	sc.Decision.ImposeThreshold = 1
	for _, c := range []int{c1, c2, c3} {
		sc.States[c].Sovereign = false
	}
	w := perceived(t, sc)
	w.reviewing = set(pat)
	weak := w.appraise(pat, set(c1, c2, c3), false, OriginImposed).value
	strong := w.appraise(pat, set(c1, c2, c3), true, OriginImposed).value
	if none := w.position(pat); !(max(weak, strong) > none) {
		t.Fatalf("set-up: the patron values the multilateral at %v (weak) and %v (strong), not above its position %v", weak, strong, none)
	}
	if w.patronOptions(pat) {
		t.Error("the patron wants an ally for a multilateral nobody else could sign")
	}
	if len(w.options) != 1 {
		t.Errorf("options %v, want only none", w.options)
	}
	w.tick = 3
	w.patronRound(pat)
	if w.wantedSince[pat] >= 0 {
		t.Errorf("the patron waits since tick %d, want it not waiting", w.wantedSince[pat])
	}
}

// A patron values joining a client alliance with the alliance grown by
// it (docs/model.md §7.8, §7.2.1): the alliance as it stands done
// without, and its members and the patron standing by each other at the
// cohesion of all of them — not a new alliance beside the old one, in
// which the clients would keep standing by each other at the larger of
// the two cohesions. With the patron's picture a third of c1's, joining
// lowers the cohesion of {c1, c2} from 0.9914 to 0.7862, and the
// patron's threat after the join is 0.625625 grown against 0.621503
// beside: the option's value is the grown one's.
func TestPatronJoinValuedWithTheAllianceGrown(t *testing.T) {
	w := prospectWorld(t)
	al := w.form(set(c1, c2), true, OriginClient)
	w.picture[pat] = w.picture[c1] / 3
	grown, beside := w.grown(al, pat, OriginIndigenous), w.hypothetical(pat, al.Members, OriginIndigenous)
	nearly(t, "cohesion of the grown alliance", grown.h, 0.7862413961998299, 1e-9)
	nearly(t, "threat with the alliance grown", w.threatUnder(pat, grown), 0.6256251847859123, 1e-9)
	nearly(t, "threat with a new alliance beside it", w.threatUnder(pat, beside), 0.621502962616908, 1e-9)
	want := w.appraiseUnder(pat, al.Members, true, OriginIndigenous, grown).value
	if other := w.appraiseUnder(pat, al.Members, true, OriginIndigenous, beside).value; other == want {
		t.Fatalf("set-up: the join is worth %v either way", want)
	}
	w.patronOptions(pat)
	joins := 0
	for k, o := range w.options {
		if o.Kind == agents.OptionJoin {
			joins++
			if w.values[k] != want {
				t.Errorf("join of alliance %d valued %v, want %v (grown)", o.Alliance, w.values[k], want)
			}
		}
	}
	if joins != 1 {
		t.Errorf("%d join options, want 1: %v", joins, w.options)
	}
}

// A patron invites only the living (docs/model.md §7.8): with
// invite_occupied, an occupied client is a candidate for its multilateral
// sets while alive, and no longer once eliminated. The prospect patron's
// multilateral sets take in c3, occupied, beside c1 and c2; once c3 is
// eliminated, only c1 and c2 are left, too few for a multilateral, and
// the patron's options are its position and its bilaterals with them.
func TestPatronInvitesNoEliminatedOccupiedClient(t *testing.T) {
	sc := occupiedC3(t)
	sc.Decision.Strategy = "prospect"
	w := perceived(t, sc)
	multilaterals := func() (n int) {
		w.patronOptions(pat)
		for _, o := range w.options {
			if o.Kind == agents.OptionMultilateral {
				n++
				if o.Partners != set(c1, c2, c3) {
					t.Errorf("multilateral to %v, want c1, c2 and c3", o.Partners)
				}
			}
		}
		return n
	}
	if n := multilaterals(); n != 2 {
		t.Fatalf("set-up: %d multilaterals with c3 occupied and alive, want weak and strong: %v", n, w.options)
	}
	w.eliminate(c3)
	if n := multilaterals(); n != 0 {
		t.Errorf("%d multilaterals with c3 eliminated, want none: %v", n, w.options)
	}
}

// A patron offers no multilateral whose only signing invitee is already
// its ally, the others occupied (docs/model.md §7.8): what would be
// signed now is a second pledge to that ally, which its bilaterals never
// offer, and the occupied invitees would be designated to it. Before this
// rule (§8.4 item 22) such a set was offered where the ally's alliance
// with the patron had other members (here c4), and accepted it formed a
// second alliance of the patron with its ally.
func TestNoMultilateralSignedByAnAllyAlone(t *testing.T) {
	sc := testScenario()
	sc.Map = "AAAA1122233~~PP\nAAAA1122233~~PP\nAAAA1122244~~PP"
	sc.States = append(sc.States, sc.States[c3])
	sc.States[len(sc.States)-1].ID, sc.States[len(sc.States)-1].Name, sc.States[len(sc.States)-1].Glyph = "c4", "c4", '4'
	c4 := len(sc.States) - 1
	sc.Params.InviteOccupied = true
	sc.Decision.Strategy = "prospect"
	sc.States[c2].Sovereign, sc.States[c3].Sovereign = false, false
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	w.form(set(pat, c1, c4), false, OriginImposed)
	w.rebaseline()
	if !w.ties[pat].allies.Has(c1) || !w.ties[pat].allies.Has(c4) {
		t.Fatalf("set-up: c1 and c4 are not the patron's allies: %v", describe(w))
	}
	if v, pos := w.appraise(pat, set(c1, c2, c3), true, OriginImposed).value, w.position(pat); !(v > pos) {
		t.Fatalf("set-up: the patron values the multilateral at %v, not above its position %v", v, pos)
	}
	patronRounds(w, 3)
	for _, o := range w.Offers() {
		if o.Kind == ProposeMultilateral || o.Kind == ProposeSubset {
			t.Fatalf("a multilateral signed by the patron's ally alone was offered: %v", describe(w))
		}
	}
}

// offerable, the one test of what a patron may propose as a multilateral
// or as the fallback's subset (§7.8, §7.9), case by case: c4 and c5 hold
// the patron's pledge, c2 and c3 are occupied.
func TestOfferable(t *testing.T) {
	sc := testScenario()
	sc.Map = "AAAA1122233~~PP\nAAAA1122255~~PP\nAAAA1122244~~PP"
	for _, id := range []string{"c4", "c5"} {
		st := sc.States[c3]
		st.ID, st.Name, st.Glyph = id, id, rune(id[1])
		sc.States = append(sc.States, st)
	}
	c4, c5 := len(sc.States)-2, len(sc.States)-1
	sc.Params.InviteOccupied = true
	sc.States[c2].Sovereign, sc.States[c3].Sovereign = false, false
	w := NewWorld(mustCompile(t, sc), 1)
	w.perceive()
	w.form(set(pat, c4, c5), false, OriginImposed)
	for _, tc := range []struct {
		what string
		s    agents.Set
		want bool
	}{
		{"nobody", 0, false},
		{"occupied clients only", set(c2, c3), false},
		{"one ally and occupied clients", set(c2, c3, c4), false},
		{"one client not allied and occupied clients", set(c1, c2, c3), true},
		{"an ally, a client not allied and an occupied client", set(c1, c2, c4), true},
		{"the signers of an alliance in force and an occupied client", set(c2, c4, c5), false},
		{"an ally and a client not allied", set(c1, c4), true},
	} {
		if got := w.offerable(pat, tc.s); got != tc.want {
			t.Errorf("%s (%b): offerable %v, want %v", tc.what, tc.s, got, tc.want)
		}
	}
}

// patronRounds plays the patron's perception, review and round alone, at
// ticks 0 to n−1, the patron reviewing at each.
func patronRounds(w *World, n int) {
	for w.tick = 0; w.tick < n; w.tick++ {
		w.perceive()
		w.startReviews()
		w.reviewing = set(pat)
		w.patronRound(pat)
	}
}
