package hypotheses

import (
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// T5's outcome on hand-built records: which runs qualify (a client
// alliance there when the patron first committed) and which join.
func TestPatronJoinsClients(t *testing.T) {
	clients := func(formed, joined int) sim.AllianceRecord {
		origin := "client"
		if joined >= 0 {
			origin = "indigenous"
		}
		return sim.AllianceRecord{Origin: origin, Formed: formed, PatronJoined: joined, Ended: -1}
	}
	patrons := func(origin string, formed int) sim.AllianceRecord {
		return sim.AllianceRecord{Origin: origin, Formed: formed, PatronJoined: formed, Ended: -1}
	}
	ended := func(a sim.AllianceRecord, tick int) sim.AllianceRecord {
		a.Ended = tick
		return a
	}
	for _, c := range []struct {
		name      string
		alliances []sim.AllianceRecord
		want      float64
		qualifies bool
	}{
		{"no patron alliance", []sim.AllianceRecord{clients(3, -1)}, 0, false},
		{"imposed with no client alliance before", []sim.AllianceRecord{patrons("imposed", 5), clients(9, -1)}, 0, false},
		{"joins a pact formed earlier", []sim.AllianceRecord{clients(3, 8)}, 1, true},
		{"joins a pact in the tick it formed", []sim.AllianceRecord{clients(8, 8)}, 1, true},
		{"imposes while a client pact exists", []sim.AllianceRecord{clients(2, -1), patrons("imposed", 6)}, 0, true},
		{"a bilateral in the tick a client pact formed", []sim.AllianceRecord{clients(6, -1), patrons("bilateral", 6)}, 0, true},
		{"its first commitment decides, not a later join", []sim.AllianceRecord{patrons("bilateral", 4), clients(2, 9)}, 0, true},
		{"a client pact that ended before the patron committed", []sim.AllianceRecord{ended(clients(2, -1), 5), patrons("bilateral", 6)}, 0, false},
		{"a client pact that ended in the tick the patron committed", []sim.AllianceRecord{ended(clients(2, -1), 6), patrons("bilateral", 6)}, 0, true},
	} {
		got, ok := patronJoinsClients(nil, &runner.Record{Record: sim.Record{Alliances: c.alliances}})
		if ok != c.qualifies || (ok && got != c.want) {
			t.Errorf("%s: got %v (qualifies %v), want %v (qualifies %v)", c.name, got, ok, c.want, c.qualifies)
		}
	}
}

// members lists the founders of an alliance formed at tick formed as its
// membership records, none of them left.
func members(formed int, ids ...string) []sim.MembershipRecord {
	var out []sim.MembershipRecord
	for _, id := range ids {
		out = append(out, sim.MembershipRecord{State: id, Joined: formed, Left: -1})
	}
	return out
}

// patronAlliance is an alliance the patron p founded at tick formed with
// the clients, weak or strong.
func patronAlliance(formed int, strong bool, clients ...string) sim.AllianceRecord {
	ids := append([]string{"p"}, clients...)
	return sim.AllianceRecord{Founders: ids, Patron: true, Origin: "imposed", Strong: strong, Formed: formed, PatronJoined: formed,
		PatronSize: len(ids), Ended: -1, Members: members(formed, ids...)}
}

func runOf(as ...sim.AllianceRecord) *runner.Record {
	return &runner.Record{Record: sim.Record{Ticks: 100, Patrons: []string{"p"}, Alliances: as}}
}

// The run outcomes of the patron's alliances, by hand: a first alliance of
// four when the patron entered is multilateral (T1); one strong of three
// patron alliances is a share of 1/3 (the clients' own alliance does not
// count); bilaterals 2 of the 4 the patron entered (sizes 2, 3, 2, 4)
// give a hub index of 1/2 (T8); a client alliance that peaked at three
// members counts as "three or more" (T3).
func TestPatronOutcomesByHand(t *testing.T) {
	if v, ok := patronFirstMultilateral(nil, runOf(patronAlliance(3, false, "a", "b", "c"), patronAlliance(9, false, "d"))); !ok || v != 1 {
		t.Errorf("first alliance of four: %v (counted %v), want 1", v, ok)
	}
	clients := sim.AllianceRecord{Founders: []string{"x", "y"}, Origin: "client", Formed: 1, PatronJoined: -1, ClientPeak: 3, Ended: -1}
	r := runOf(clients, patronAlliance(2, true, "a"), patronAlliance(4, false, "b", "c"), patronAlliance(6, false, "d"))
	if v, ok := patronStrongShare(nil, r); !ok || !near(v, 1.0/3, 1e-15) {
		t.Errorf("strong share: %v (counted %v), want 1/3", v, ok)
	}
	r.Alliances = append(r.Alliances, patronAlliance(8, false, "e", "f", "g"))
	if v, ok := patronHubIndex(nil, r); !ok || v != 0.5 {
		t.Errorf("hub index: %v (counted %v), want 2/4", v, ok)
	}
	if v, ok := clientAlliance3Plus(nil, r); !ok || v != 1 {
		t.Errorf("client alliance that peaked at three: %v, want 1", v)
	}
}

// The edges of the patron's alliance outcomes: a first alliance of three
// is not multilateral (T1); an alliance the patron entered at tick 0
// counts (T1, T8); a run in which no patron entered any alliance gives no
// value.
func TestPatronOutcomesAtTheirEdges(t *testing.T) {
	if v, ok := patronFirstMultilateral(nil, runOf(patronAlliance(3, false, "a", "b"), patronAlliance(9, false, "c", "d", "e"))); !ok || v != 0 {
		t.Errorf("first alliance of three: %v (counted %v), want 0", v, ok)
	}
	r := runOf(patronAlliance(0, true, "a"), patronAlliance(5, false, "b", "c"))
	if v, ok := patronStrongShare(nil, r); !ok || v != 0.5 {
		t.Errorf("strong share with a strong alliance at tick 0: %v (counted %v), want 1/2", v, ok)
	}
	if v, ok := patronHubIndex(nil, r); !ok || v != 0.5 {
		t.Errorf("hub index with a bilateral at tick 0: %v (counted %v), want 1/2", v, ok)
	}
	clients := sim.AllianceRecord{Founders: []string{"x", "y"}, Origin: "client", Formed: 1, PatronJoined: -1, ClientPeak: 2, Ended: -1}
	none := runOf(clients)
	for name, f := range map[string]func(*Cell, *runner.Record) (float64, bool){
		"first multilateral": patronFirstMultilateral, "strong share": patronStrongShare, "hub index": patronHubIndex,
	} {
		if v, ok := f(nil, none); ok {
			t.Errorf("%s with no patron alliance: %v, want no value", name, v)
		}
	}
}

// T3's and T4's outcomes count an alliance the clients founded whether or
// not a patron joined it later (origin client or indigenous), never one a
// patron founded; T3 asks that it peaked at three clients or more.
func TestClientAllianceOutcomes(t *testing.T) {
	clients := func(origin string, peak int) sim.AllianceRecord {
		return sim.AllianceRecord{Founders: []string{"x", "y"}, Origin: origin, Formed: 1, PatronJoined: -1, ClientPeak: peak, Ended: -1}
	}
	imposed := patronAlliance(2, false, "a", "b", "c")
	imposed.ClientPeak = 3
	for _, c := range []struct {
		name        string
		alliances   []sim.AllianceRecord
		three, some float64
	}{
		{"none", nil, 0, 0},
		{"a pair of clients", []sim.AllianceRecord{clients("client", 2)}, 0, 1},
		{"three clients", []sim.AllianceRecord{clients("client", 3)}, 1, 1},
		{"three clients the patron joined", []sim.AllianceRecord{clients("indigenous", 3)}, 1, 1},
		{"a pair the patron joined", []sim.AllianceRecord{clients("indigenous", 2)}, 0, 1},
		{"the patron's alliance of three clients", []sim.AllianceRecord{imposed}, 0, 0},
	} {
		r := runOf(c.alliances...)
		if v, ok := clientAlliance3Plus(nil, r); !ok || v != c.three {
			t.Errorf("%s: three or more: %v (counted %v), want %v", c.name, v, ok, c.three)
		}
		if v, ok := clientAlliance(nil, r); !ok || v != c.some {
			t.Errorf("%s: any: %v (counted %v), want %v", c.name, v, ok, c.some)
		}
	}
}

// T6 compares the patron's alliances by origin: a level selects its own
// origin, never the clients' alliances the patron did not join.
func TestOriginIs(t *testing.T) {
	for _, c := range []struct {
		level, origin string
		want          bool
	}{
		{"indigenous", "indigenous", true}, {"imposed", "imposed", true},
		{"indigenous", "imposed", false}, {"imposed", "indigenous", false},
		{"indigenous", "client", false}, {"imposed", "client", false}, {"imposed", "bilateral", false},
	} {
		a := sim.AllianceRecord{Origin: c.origin}
		if _, ok := originIs(&Cell{Level: c.level}, nil, &a); ok != c.want {
			t.Errorf("level %s, origin %s: selected %v, want %v", c.level, c.origin, ok, c.want)
		}
	}
}

// T6 counts a lifetime from the patron's entry, when the origin is
// settled: the clients' alliance formed at tick 0 that the patron joined
// at tick 10 and that ended at tick 245 lived 235 ticks as an indigenous
// alliance, and ended before the 240 at which T6 reads survival; counted
// from its formation it would have outlived them. The imposed one, formed
// with its patron at tick 3 and censored at the horizon of 480, lived
// 477. An end by occupation is an end (hypotheses' doc): the bilateral
// formed at 20 and occupied at 50 lived 30 ticks and ended. A Since
// outside the alliance's life is an error naming it.
func TestSurvivalSincePatronEntry(t *testing.T) {
	r := &runner.Record{Record: sim.Record{Ticks: 480, Seed: 1, Alliances: []sim.AllianceRecord{
		{ID: 0, Origin: "indigenous", Formed: 0, OriginSince: 10, PatronJoined: 10, Ended: 245, Cause: "members_left"},
		{ID: 1, Origin: "imposed", Formed: 3, OriginSince: 3, PatronJoined: 3, Ended: -1, Cause: "horizon"},
		{ID: 2, Origin: "bilateral", Formed: 20, OriginSince: 20, PatronJoined: 20, Ended: 50, Cause: sim.EndOccupied.String()},
	}}}
	o := Outcome{Kind: Survival, Alliance: func(*Cell, *runner.Record, *sim.AllianceRecord) (float64, bool) { return 0, true }, At: 240, Since: runner.OriginSince}
	var s Sample
	if err := o.add(&s, &Cell{}, r); err != nil {
		t.Fatal(err)
	}
	want := []runner.Observation{{Duration: 235, Event: true}, {Duration: 477, Event: false}, {Duration: 30, Event: true}}
	if !slices.Equal(s.Lifetimes, want) {
		t.Errorf("lifetimes %v, want %v", s.Lifetimes, want)
	}
	o.Since = func(a *sim.AllianceRecord) int { return a.Formed - 1 }
	if err := o.add(&Sample{}, &Cell{}, r); err == nil || !strings.Contains(err.Error(), "alliance 0: Outcome.Since gave tick -1; allowed: a tick of the alliance's life, 0 to 245") {
		t.Errorf("a Since before formation: %v", err)
	}
}

// T2 and T7 on hand-built proposals. A patron's multilateral proposal to
// exactly three clients counts (T2). After one refused at tick 10 (a
// refused; b and c accepted), the patron's fallback counts when it
// enters a bilateral or trilateral with b or c within 12 ticks, from tick
// 10 to tick 21 inclusive, as churn counts 12 ticks (T7).
func TestProposalOutcomesByHand(t *testing.T) {
	offer := sim.ProposalRecord{Tick: 10, Proposer: "p", Patron: true, Kind: sim.ProposeMultilateral.String(), Invitees: []string{"a", "b", "c"}, Alliance: -1}
	accepted := offer
	accepted.Accepted, accepted.Alliance = true, 0
	if v, ok := multilateralAccepted(nil, &runner.Record{Record: sim.Record{Proposals: []sim.ProposalRecord{accepted}}}); !ok || v != 1 {
		t.Errorf("an accepted offer to three clients: %v (counted %v), want 1", v, ok)
	}
	// Neither a client's multilateral proposal nor a patron's to two
	// clients is a patron multilateral: a run with only those has none.
	byClient := accepted
	byClient.Proposer, byClient.Patron = "a", false
	toTwo := accepted
	toTwo.Invitees = []string{"a", "b"}
	for name, ps := range map[string][]sim.ProposalRecord{"none": nil, "a client's": {byClient}, "to two clients": {toTwo}} {
		if v, ok := multilateralAccepted(nil, &runner.Record{Record: sim.Record{Proposals: ps}}); ok {
			t.Errorf("proposals %s: %v, want no value", name, v)
		}
		r := runOf(patronAlliance(12, false, "b"))
		r.Proposals = ps
		if v, ok := fallbackAfterRefusal(nil, r); ok {
			t.Errorf("T7 with proposals %s: %v, want no value", name, v)
		}
	}
	// An accepted proposal is no refusal: a bilateral after it does not
	// make the run one of T7's.
	r := runOf(patronAlliance(10, false, "a", "b", "c"), patronAlliance(15, false, "b"))
	r.Proposals = []sim.ProposalRecord{accepted}
	if v, ok := fallbackAfterRefusal(nil, r); ok {
		t.Errorf("T7 after an accepted proposal: %v, want no value", v)
	}
	refused := offer
	refused.Refusals = []sim.RefusalRecord{{State: "a", Reason: "fear", Partner: "b"}}
	for _, c := range []struct {
		name string
		a    sim.AllianceRecord
		want float64
	}{
		{"bilateral with b in the tick of the refusal", patronAlliance(10, false, "b"), 1},
		{"bilateral with c eleven ticks later", patronAlliance(21, false, "c"), 1},
		{"trilateral with b and d", patronAlliance(15, false, "b", "d"), 1},
		{"bilateral with c twelve ticks later", patronAlliance(22, false, "c"), 0},
		{"bilateral with a, who refused", patronAlliance(15, false, "a"), 0},
		{"multilateral with b, d, e", patronAlliance(15, false, "b", "d", "e"), 0},
		{"a client pact b had left when the patron joined it", joinedLater(), 0},
		{"bilateral with b the tick before the refusal", patronAlliance(9, false, "b"), 0},
	} {
		r := runOf(c.a)
		r.Proposals = []sim.ProposalRecord{refused}
		if v, ok := fallbackAfterRefusal(nil, r); !ok || v != c.want {
			t.Errorf("%s: %v (counted %v), want %v", c.name, v, ok, c.want)
		}
	}
	// A proposal refused with no answer — every invitee occupied, which
	// does not answer — has no invitee that refused it: a bilateral with
	// any of them follows it.
	unanswered := offer
	r = runOf(patronAlliance(15, false, "a"))
	r.Proposals = []sim.ProposalRecord{unanswered}
	if v, ok := fallbackAfterRefusal(nil, r); !ok || v != 1 {
		t.Errorf("a bilateral with an invitee after a proposal no invitee answered: %v (counted %v), want 1", v, ok)
	}
	// Refused at tick 10 of a run of 21 ticks (0 to 20), it has no
	// fallback in the ticks there are, and the eleventh tick after, 21,
	// is not one: the run says nothing. One of 22 ticks says no.
	for _, c := range []struct {
		ticks   int
		counted bool
	}{{21, false}, {22, true}} {
		r := runOf(patronAlliance(15, false, "a"))
		r.Ticks, r.Proposals = c.ticks, []sim.ProposalRecord{refused}
		if v, ok := fallbackAfterRefusal(nil, r); ok != c.counted || v != 0 {
			t.Errorf("a refusal at tick 10 of %d ticks: %v (counted %v), want 0 (counted %v)", c.ticks, v, ok, c.counted)
		}
	}
}

// joinedLater is a pact founded at tick 3 by the clients b and d, which
// b left at tick 12; the patron joined d and e in it at tick 15.
func joinedLater() sim.AllianceRecord {
	return sim.AllianceRecord{Founders: []string{"b", "d"}, Origin: "indigenous", Formed: 3, PatronJoined: 15, PatronSize: 3, Ended: -1,
		Members: []sim.MembershipRecord{{State: "b", Joined: 3, Left: 12}, {State: "d", Joined: 3, Left: -1}, {State: "p", Joined: 15, Left: -1}, {State: "e", Joined: 15, Left: -1}}}
}

// Churn is an end within 12 ticks of forming, except by occupation; an
// alliance in force at the horizon has not churned if its first 12 ticks
// were played (formed at 5 in a run of 17 ticks: ticks 5 … 16), and an
// alliance whose 12 ticks were not all played (formed at 6, 11 played)
// is not counted, in force or ended.
func TestChurnedByHand(t *testing.T) {
	left := sim.EndMembersLeft.String()
	r := &runner.Record{Record: sim.Record{Ticks: 17}}
	for _, c := range []struct {
		name          string
		formed, ended int
		cause         string
		want          float64
		counted       bool
	}{
		{"left after 11 ticks", 5, 16, left, 1, true},
		{"left after 12 ticks", 5, 17, left, 0, true},
		{"occupied after 3 ticks", 5, 8, sim.EndOccupied.String(), 0, true},
		{"in force at the horizon, 12 ticks played", 5, -1, sim.EndHorizon.String(), 0, true},
		{"in force at the horizon, 11 ticks played", 6, -1, sim.EndHorizon.String(), 0, false},
		{"left after 10 ticks, 11 played", 6, 16, left, 0, false},
	} {
		a := sim.AllianceRecord{Formed: c.formed, Ended: c.ended, Cause: c.cause}
		if v, ok := churned(nil, r, &a); ok != c.counted || v != c.want {
			t.Errorf("%s: %v (counted %v), want %v (counted %v)", c.name, v, ok, c.want, c.counted)
		}
	}
	// An alliance that ended in the tick it formed, at the first tick.
	a := sim.AllianceRecord{Formed: 0, Ended: 0, Cause: left}
	if v, ok := churned(nil, r, &a); !ok || v != 1 {
		t.Errorf("formed and left at tick 0: %v, want 1", v)
	}
}

// A client's share of ticks allied is the union of its spells: 0–10,
// 2–5 and 4–8 cover the ticks 0 to 10, 10 of 100, and the nested 2–5
// does not make 4–8 count again. The other clients, never allied, count
// 0: the mean is 0.1 over the clients.
func TestClientsAlliedUnionOfSpells(t *testing.T) {
	comp, clients := genericClients(t)
	if len(clients) < 2 {
		t.Fatalf("generic has %d clients", len(clients))
	}
	x, y := clients[0], clients[1]
	spell := func(from, to int) sim.AllianceRecord {
		return sim.AllianceRecord{Founders: []string{x, y}, Origin: "client", Formed: from, PatronJoined: -1, Ended: to,
			Members: []sim.MembershipRecord{{State: x, Joined: from, Left: to}}}
	}
	v, ok := clientsAllied(&Cell{Compiled: comp}, runOf(spell(0, 10), spell(2, 5), spell(4, 8)))
	if want := 0.1 / float64(len(clients)); !ok || !near(v, want, 1e-15) {
		t.Errorf("clients allied: %v (counted %v), want 0.1/%d = %v", v, ok, len(clients), want)
	}
	// A run of no ticks has no share of them (not NaN).
	empty := runOf()
	empty.Ticks = 0
	if v, ok := clientsAllied(&Cell{Compiled: comp}, empty); ok {
		t.Errorf("clients allied in a run of no ticks: %v, want no value", v)
	}
}

// The clients' shares are summed in the scenario's order, so the mean is
// the same bytes in every call (summed in a map's order it was not: T9's
// figures differed in their last digits from run to run). Allied for 10,
// 20 and 30 ticks of 100, the first three clients give 0.1 + 0.2 + 0.3,
// which is 0.6000000000000001 in that order and 0.6 in some others.
func TestClientsAlliedSumsInTheScenarioOrder(t *testing.T) {
	comp, clients := genericClients(t)
	if len(clients) < 3 {
		t.Fatalf("generic has %d clients", len(clients))
	}
	spell := func(x string, to int) sim.AllianceRecord {
		return sim.AllianceRecord{Founders: []string{x, "p"}, Origin: "imposed", Formed: 0, PatronJoined: 0, Ended: to,
			Members: []sim.MembershipRecord{{State: x, Joined: 0, Left: to}}}
	}
	r := runOf(spell(clients[0], 10), spell(clients[1], 20), spell(clients[2], 30))
	a, b, c := 0.1, 0.2, 0.3
	want := (a + b + c) / float64(len(clients))
	for range 50 {
		if v, ok := clientsAllied(&Cell{Compiled: comp}, r); !ok || v != want {
			t.Fatalf("clients allied: %v (counted %v), want (0.1 + 0.2 + 0.3)/%d = %v exactly", v, ok, len(clients), want)
		}
	}
}

// genericClients is the generic scenario compiled, with its clients' ids
// in the scenario's order.
func genericClients(t *testing.T) (*sim.Compiled, []string) {
	t.Helper()
	sc, err := configs.Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	comp, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	var clients []string
	for i := range comp.N() {
		if comp.Role(i) == sim.Client {
			clients = append(clients, comp.ID(i))
		}
	}
	return comp, clients
}

// An alliance that ended at tick 0 is an end (Event), not censored.
func TestSurvivalEndAtTickZeroIsAnEnd(t *testing.T) {
	o := Outcome{Kind: Survival, At: 5, Alliance: func(*Cell, *runner.Record, *sim.AllianceRecord) (float64, bool) { return 0, true }}
	var s Sample
	r := &runner.Record{Record: sim.Record{Ticks: 10, Alliances: []sim.AllianceRecord{{Formed: 0, Ended: 0, PatronJoined: -1}}}}
	if err := o.add(&s, &Cell{}, r); err != nil {
		t.Fatal(err)
	}
	if len(s.Lifetimes) != 1 || s.Lifetimes[0] != (runner.Observation{Duration: 0, Event: true}) {
		t.Errorf("lifetimes %+v; want one of 0 ticks, ended", s.Lifetimes)
	}
}

// A client that left an alliance still in force is allied only
// until it left: x in 0–10 of 100 ticks, the alliance in force at the
// horizon: 0.1 over the clients.
func TestClientsAlliedUntilTheyLeft(t *testing.T) {
	comp, clients := genericClients(t)
	x, y := clients[0], clients[1]
	a := sim.AllianceRecord{Founders: []string{x, y}, Origin: "client", Formed: 0, PatronJoined: -1, Ended: -1,
		Members: []sim.MembershipRecord{{State: x, Joined: 0, Left: 10}}}
	v, ok := clientsAllied(&Cell{Compiled: comp}, runOf(a))
	if want := 0.1 / float64(len(clients)); !ok || !near(v, want, 1e-15) {
		t.Errorf("clients allied: %v, want %v", v, want)
	}
}

// T2 reads the first of the patron's multilateral proposals, and only
// multilateral ones: a patron's request to join a client alliance of
// three (kind join) before it is not one, and a later multilateral
// accepted does not make the first, refused, accepted.
func TestMultilateralAcceptedReadsTheFirstMultilateral(t *testing.T) {
	multilateral := func(tick int, accepted bool) sim.ProposalRecord {
		p := sim.ProposalRecord{Tick: tick, Proposer: "p", Patron: true, Kind: sim.ProposeMultilateral.String(), Invitees: []string{"a", "b", "c"}, Alliance: -1}
		if accepted {
			p.Accepted, p.Alliance = true, 0
		}
		return p
	}
	join := sim.ProposalRecord{Tick: 5, Proposer: "p", Patron: true, Kind: sim.ProposeJoin.String(), Invitees: []string{"a", "b", "c"}, Accepted: true, Alliance: 0}
	for _, c := range []struct {
		name string
		ps   []sim.ProposalRecord
		want float64
	}{
		{"a join accepted, then a multilateral refused", []sim.ProposalRecord{join, multilateral(10, false)}, 0},
		{"a multilateral refused, then one accepted", []sim.ProposalRecord{multilateral(5, false), multilateral(10, true)}, 0},
		{"a multilateral accepted, then one refused", []sim.ProposalRecord{multilateral(5, true), multilateral(10, false)}, 1},
	} {
		if v, ok := multilateralAccepted(nil, &runner.Record{Record: sim.Record{Proposals: c.ps}}); !ok || v != c.want {
			t.Errorf("%s: %v (counted %v), want %v", c.name, v, ok, c.want)
		}
	}
}

// A client in an alliance in force at the horizon is allied to the end of
// the run: x in an alliance from tick 0 of 100 still in force is allied
// in all 100 ticks, 1 over the clients.
func TestClientsAlliedToTheHorizon(t *testing.T) {
	comp, clients := genericClients(t)
	x, y := clients[0], clients[1]
	a := sim.AllianceRecord{Founders: []string{x, y}, Origin: "client", Formed: 0, PatronJoined: -1, Ended: -1,
		Members: []sim.MembershipRecord{{State: x, Joined: 0, Left: -1}}}
	v, ok := clientsAllied(&Cell{Compiled: comp}, runOf(a))
	if want := 1 / float64(len(clients)); !ok || v != want {
		t.Errorf("clients allied: %v, want %v", v, want)
	}
}
