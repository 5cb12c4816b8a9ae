package targets

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Hand-built records: each test states a small history and the verdict
// HISTORY.md gives it.

var (
	europeCal = sim.Calendar{StartYear: 1947, StartMonth: 1, MonthsPerTick: 1}
	asiaCal   = sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
)

// alliance builds an alliance row: founders at formed, later joiners as
// state@tick, a patron joining at patronJoined (-1: none).
type ally struct {
	id                   int
	founders             []string
	joins                map[string]int
	origin               string
	strong               bool
	formed, patronJoined int
	ended                int
	cause                string
}

func (a ally) row(patrons []string) sim.AllianceRecord {
	r := sim.AllianceRecord{ID: a.id, Founders: slices.Sorted(slices.Values(a.founders)), Origin: a.origin, Strong: a.strong,
		Formed: a.formed, PatronJoined: a.patronJoined, Ended: a.ended, Cause: a.cause}
	if r.Cause == "" {
		r.Cause = sim.EndHorizon.String()
	}
	for _, f := range a.founders {
		r.Members = append(r.Members, sim.MembershipRecord{State: f, Joined: a.formed, Left: -1, Entry: "founded"})
	}
	for s, t := range a.joins {
		r.Members = append(r.Members, sim.MembershipRecord{State: s, Joined: t, Left: -1, Entry: "joined"})
	}
	slices.SortFunc(r.Members, func(x, y sim.MembershipRecord) int { return x.Joined - y.Joined })
	for _, m := range r.Members {
		if slices.Contains(patrons, m.State) {
			r.Patron = true
		}
	}
	peak := 0
	for _, m := range r.Members {
		if r.PatronJoined < 0 || m.Joined < r.PatronJoined {
			if n := len(r.MembersAt(m.Joined)); n > peak {
				peak = n
			}
		}
	}
	if r.PatronJoined != r.Formed {
		r.ClientPeak = peak
	}
	if r.PatronJoined >= 0 {
		r.PatronSize = len(r.MembersAt(r.PatronJoined))
	}
	return r
}

func record(patrons []string, as []ally, ps ...sim.ProposalRecord) *runner.Record {
	r := &runner.Record{Record: sim.Record{Patrons: patrons, Ticks: 540}}
	for _, a := range as {
		r.Alliances = append(r.Alliances, a.row(patrons))
	}
	r.Proposals = ps
	return r
}

func verdict(t *testing.T, id string, r *runner.Record, cal sim.Calendar) (counted, met bool) {
	t.Helper()
	for _, tg := range All {
		if tg.ID == id {
			return tg.Test(r, cal)
		}
	}
	t.Fatalf("no target %s", id)
	return
}

func TestEuropeTargets(t *testing.T) {
	usa := []string{"usa"}
	// Brussels 1948-03 (tick 14) of the five; Italy joins before the
	// patron; the patron joins in 1949-04 (tick 27), strong: NATO.
	nato := ally{id: 0, founders: []string{"gbr", "fra", "bel", "nld", "lux"}, joins: map[string]int{"usa": 27},
		origin: "indigenous", strong: true, formed: 14, patronJoined: 27, ended: -1}
	cases := []struct {
		name  string
		rec   *runner.Record
		ids   []string
		count []bool
		met   []bool
	}{
		{"NATO as it happened", record(usa, []ally{nato}),
			[]string{"E1", "E2", "E3", "E4"}, []bool{true, true, true, true}, []bool{true, true, true, true}},
		{"a Dunkirk pair before the patron, never four",
			record(usa, []ally{{id: 0, founders: []string{"gbr", "fra"}, origin: "client", formed: 2, patronJoined: -1, ended: -1},
				{id: 1, founders: []string{"usa", "ita", "nor"}, origin: "imposed", strong: true, formed: 10, patronJoined: 10, ended: -1}}),
			[]string{"E1", "E2", "E3", "E4"}, []bool{true, true, true, false}, []bool{true, false, false, false}},
		{"the Brussels powers ally only after the patron's first alliance",
			record(usa, []ally{{id: 0, founders: []string{"usa", "nor"}, origin: "bilateral", strong: true, formed: 5, patronJoined: 5, ended: -1},
				{id: 1, founders: []string{"gbr", "fra", "bel", "nld"}, joins: map[string]int{"usa": 20}, origin: "indigenous", strong: true, formed: 10, patronJoined: 20, ended: -1}}),
			[]string{"E1", "E2", "E3"}, []bool{true, true, true}, []bool{false, false, false}},
		{"the patron joins the Brussels pact in the tick it forms: the clients' round came first",
			record(usa, []ally{{id: 0, founders: []string{"fra", "nld"}, joins: map[string]int{"usa": 16}, origin: "indigenous", strong: true, formed: 16, patronJoined: 16, ended: -1}}),
			[]string{"E1", "E2", "E3"}, []bool{true, true, true}, []bool{true, false, true}},
		{"the patron's bilateral in the tick the Brussels pact forms comes after it",
			record(usa, []ally{{id: 0, founders: []string{"gbr", "fra", "bel"}, origin: "client", formed: 8, patronJoined: -1, ended: -1},
				{id: 1, founders: []string{"usa", "nor"}, origin: "bilateral", strong: true, formed: 8, patronJoined: 8, ended: -1}}),
			[]string{"E1", "E3"}, []bool{true, true}, []bool{true, false}},
		{"a client alliance with a non-Brussels founder does not count",
			record(usa, []ally{{id: 0, founders: []string{"gbr", "fra", "ita", "bel"}, joins: map[string]int{"usa": 20}, origin: "indigenous", strong: true, formed: 10, patronJoined: 20, ended: -1}}),
			[]string{"E1", "E3"}, []bool{true, true}, []bool{false, false}},
		{"weak, or after 1950-12, is not E3",
			record(usa, []ally{{id: 0, founders: []string{"gbr", "fra", "bel", "nld", "lux"}, joins: map[string]int{"usa": 60}, origin: "indigenous", strong: true, formed: 14, patronJoined: 60, ended: -1}}),
			[]string{"E1", "E3"}, []bool{true, true}, []bool{true, false}},
		{"NATO dissolved before 1991-12",
			record(usa, []ally{{id: 0, founders: nato.founders, joins: nato.joins, origin: "indigenous", strong: true, formed: 14, patronJoined: 27, ended: 300, cause: "members_left"}}),
			[]string{"E3", "E4"}, []bool{true, true}, []bool{true, false}},
	}
	for _, c := range cases {
		for i, id := range c.ids {
			counted, met := verdict(t, id, c.rec, europeCal)
			if counted != c.count[i] || met != c.met[i] {
				t.Errorf("%s: %s counted %v met %v, want %v %v", c.name, id, counted, met, c.count[i], c.met[i])
			}
		}
	}
}

func TestEuropeHubSpokes(t *testing.T) {
	usa := []string{"usa"}
	// at 1960-01 (tick 156): NATO and two bilaterals: 2 of 3 patron
	// alliances are bilateral, index 2/3 > 0.3
	r := record(usa, []ally{
		{id: 0, founders: []string{"usa", "gbr", "fra", "bel"}, origin: "imposed", strong: true, formed: 10, patronJoined: 10, ended: -1},
		{id: 1, founders: []string{"usa", "nor"}, origin: "bilateral", strong: true, formed: 20, patronJoined: 20, ended: -1},
		{id: 2, founders: []string{"usa", "dnk"}, origin: "bilateral", strong: true, formed: 20, patronJoined: 20, ended: -1}})
	if _, met := verdict(t, "E5", r, europeCal); met {
		t.Error("E5: index 2/3 is above 0.3")
	}
	r.Alliances = r.Alliances[:1]
	if _, met := verdict(t, "E5", r, europeCal); !met {
		t.Error("E5: NATO alone, index 0")
	}
}

// The Pacific Pact proposal (1951-01 = tick 12) is refused.
func pacificPact1951(refusals ...sim.RefusalRecord) sim.ProposalRecord {
	return sim.ProposalRecord{Tick: 12, Proposer: "usa", Patron: true, Kind: "multilateral", Invitees: []string{"aus", "jpn", "nzl", "phl"},
		Strong: true, Losses: true, Alliance: -1, Refusals: refusals}
}

func TestPacificPact(t *testing.T) {
	usa := []string{"usa"}
	fearJapan := sim.RefusalRecord{State: "aus", Reason: "fear", Partner: "jpn"}
	fearAdversary := sim.RefusalRecord{State: "aus", Reason: "fear", Partner: "chn"}
	autonomy := sim.RefusalRecord{State: "nzl", Reason: "autonomy"}
	for _, c := range []struct {
		name        string
		p           []sim.ProposalRecord
		a2, a3c, a3 bool
	}{
		{"refused for fear of Japan", []sim.ProposalRecord{pacificPact1951(autonomy, fearJapan)}, true, true, true},
		{"refused for fear of a state not invited", []sim.ProposalRecord{pacificPact1951(fearAdversary)}, true, true, false},
		{"refused for autonomy", []sim.ProposalRecord{pacificPact1951(autonomy)}, true, true, false},
		{"accepted", []sim.ProposalRecord{func() sim.ProposalRecord { p := pacificPact1951(); p.Accepted, p.Alliance = true, 0; return p }()}, true, true, false},
		{"only a bilateral offer", []sim.ProposalRecord{{Tick: 12, Proposer: "usa", Patron: true, Kind: "bilateral", Invitees: []string{"phl"}, Alliance: -1}}, false, false, false},
		{"proposed before the war", []sim.ProposalRecord{func() sim.ProposalRecord { p := pacificPact1951(fearJapan); p.Tick = 3; return p }()}, false, false, false},
	} {
		r := record(usa, nil, c.p...)
		if _, met := verdict(t, "A2", r, asiaCal); met != c.a2 {
			t.Errorf("%s: A2 %v, want %v", c.name, met, c.a2)
		}
		if counted, met := verdict(t, "A3", r, asiaCal); counted != c.a3c || met != c.a3 {
			t.Errorf("%s: A3 counted %v met %v, want %v %v", c.name, counted, met, c.a3c, c.a3)
		}
	}
	// the most frequent reason over runs
	rs := []runner.Record{*record(usa, nil, pacificPact1951(fearJapan, autonomy)), *record(usa, nil, pacificPact1951(fearJapan))}
	if ok, note := mostFrequentReason(rs, asiaCal); !ok || note != "reasons: fear of a fellow invitee 2, autonomy 1" {
		t.Errorf("most frequent reason: %v %q", ok, note)
	}
	rs = append(rs, *record(usa, nil, pacificPact1951(autonomy, autonomy)))
	if ok, _ := mostFrequentReason(rs, asiaCal); ok {
		t.Error("autonomy 3 beats fear of a fellow invitee 2")
	}
}

func TestSEATO(t *testing.T) {
	usa := []string{"usa"}
	// SEATO formed 1954-09 (tick 56) by a weak patron proposal; dissolved
	// by members leaving in 1977-06 (tick 329).
	seato := ally{id: 3, founders: []string{"usa", "gbr", "fra", "pak", "tha", "phl", "aus", "nzl"}, origin: "imposed", formed: 56, patronJoined: 56,
		ended: 329, cause: "members_left"}
	weakIn := func(losses bool) sim.ProposalRecord {
		return sim.ProposalRecord{Tick: 56, Proposer: "usa", Patron: true, Kind: "multilateral",
			Invitees: []string{"aus", "fra", "gbr", "nzl", "pak", "phl", "tha"}, Losses: losses, Accepted: true, Alliance: 3}
	}
	unitedAction := sim.ProposalRecord{Tick: 50, Proposer: "usa", Patron: true, Kind: "multilateral",
		Invitees: []string{"aus", "fra", "gbr", "nzl", "phl", "tha"}, Strong: true, Losses: true, Alliance: -1,
		Refusals: []sim.RefusalRecord{{State: "gbr", Reason: "divergence", Partner: "tha"}}}
	for _, c := range []struct {
		name    string
		a       ally
		ps      []sim.ProposalRecord
		a6, a7c bool
		a7      bool
	}{
		{"weak after united action was refused, in losses", seato, []sim.ProposalRecord{unitedAction, weakIn(true)}, true, true, true},
		{"weak in the domain of gains", seato, []sim.ProposalRecord{weakIn(false)}, true, true, true},
		{"weak in losses, nothing refused before", seato, []sim.ProposalRecord{weakIn(true)}, false, false, false},
		{"no proposal formed it", seato, []sim.ProposalRecord{unitedAction}, false, false, false},
		{"strong", func() ally { a := seato; a.strong = true; return a }(), []sim.ProposalRecord{weakIn(false)}, false, false, false},
		{"formed in 1956", func() ally { a := seato; a.formed, a.patronJoined = 72, 72; return a }(),
			[]sim.ProposalRecord{func() sim.ProposalRecord { p := weakIn(false); p.Tick = 72; return p }()}, false, false, false},
		{"still in force at the horizon", func() ally { a := seato; a.ended, a.cause = -1, ""; return a }(), []sim.ProposalRecord{weakIn(false)}, true, true, false},
		{"ended by occupation", func() ally { a := seato; a.cause = "occupied"; return a }(), []sim.ProposalRecord{weakIn(false)}, true, true, false},
		{"the patron left", func() ally { a := seato; a.cause = "patron_left"; return a }(), []sim.ProposalRecord{weakIn(false)}, true, true, true},
	} {
		r := record(usa, []ally{c.a}, c.ps...)
		// ids must match the alliance's position for the proposal link
		r.Alliances[0].ID = 3
		if _, met := verdict(t, "A6", r, asiaCal); met != c.a6 {
			t.Errorf("%s: A6 %v, want %v", c.name, met, c.a6)
		}
		if counted, met := verdict(t, "A7", r, asiaCal); counted != c.a7c || met != c.a7 {
			t.Errorf("%s: A7 counted %v met %v, want %v %v", c.name, counted, met, c.a7c, c.a7)
		}
	}
}

func TestAsiaAlliances(t *testing.T) {
	usa := []string{"usa"}
	anzus := ally{id: 0, founders: []string{"usa", "aus", "nzl"}, origin: "bilateral", strong: true, formed: 20, patronJoined: 20, ended: -1}
	bis := []ally{
		{id: 1, founders: []string{"usa", "phl"}, origin: "bilateral", strong: true, formed: 19, patronJoined: 19, ended: -1},
		{id: 2, founders: []string{"usa", "jpn"}, origin: "bilateral", strong: true, formed: 27, patronJoined: 27, ended: -1},
		{id: 3, founders: []string{"usa", "kor"}, origin: "bilateral", strong: true, formed: 45, patronJoined: 45, ended: -1},
	}
	r := record(usa, append([]ally{anzus}, bis...))
	for id, want := range map[string]bool{"A1": true, "A4": true, "A5": true, "A8": true, "A9": true} {
		if _, met := verdict(t, id, r, asiaCal); met != want {
			t.Errorf("hub and spokes: %s %v, want %v", id, met, want)
		}
	}
	// a client-only alliance of three of the four by 1951-12 fails A1
	r = record(usa, []ally{{id: 0, founders: []string{"aus", "nzl"}, joins: map[string]int{"phl": 20}, origin: "client", formed: 10, patronJoined: -1, ended: -1}})
	if _, met := verdict(t, "A1", r, asiaCal); met {
		t.Error("A1: aus, nzl and phl allied alone by 1951-12")
	}
	// Korea in a multilateral with the patron fails A8; an ANZUS formed
	// in 1953 misses A5; two bilaterals miss A4
	r = record(usa, []ally{{id: 0, founders: []string{"usa", "kor", "jpn", "phl"}, origin: "imposed", strong: true, formed: 30, patronJoined: 30, ended: -1}})
	if _, met := verdict(t, "A8", r, asiaCal); met {
		t.Error("A8: kor in a multilateral with the patron")
	}
	late := anzus
	late.formed, late.patronJoined = 40, 40
	r = record(usa, append([]ally{late}, bis[:2]...))
	if _, met := verdict(t, "A5", r, asiaCal); met {
		t.Error("A5: ANZUS in 1953-05")
	}
	r = record(usa, bis[:2])
	if _, met := verdict(t, "A4", r, asiaCal); met {
		t.Error("A4: two bilaterals")
	}
}

func TestEvaluate(t *testing.T) {
	tg := Target{ID: "X", Threshold: 0.5, Test: func(r *runner.Record, _ sim.Calendar) (bool, bool) {
		return r.Run%2 == 0, r.Run%4 == 0
	}}
	var rs []runner.Record
	for i := range 8 {
		rs = append(rs, runner.Record{Run: i})
	}
	res := Evaluate([]Target{tg}, rs, europeCal)[0]
	// counted: runs 0, 2, 4, 6; met: 0, 4
	if res.Share.Count != 2 || res.Share.N != 4 || res.Share.Share != 0.5 || !res.Met {
		t.Errorf("evaluated %+v", res)
	}
	if res := Evaluate([]Target{tg}, nil, europeCal)[0]; res.Met {
		t.Error("a target that counted no run is not met")
	}
	if got := Scenarios(); !slices.Equal(got, []string{"europe-1947", "asia-1950"}) {
		t.Errorf("scenarios %v", got)
	}
	if n := len(For("europe-1947")) + len(For("asia-1950")); n != 14 || len(All) != 14 {
		t.Errorf("%d targets", n)
	}
}
