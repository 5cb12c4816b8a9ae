package sim_test

import (
	"context"
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// The record of a run agrees with itself: the sizes it stores are the
// ones its membership spells give, proposals accepted are those that made
// an alliance and drew no refusal, and alliances in force end at the
// horizon with the members the world holds.
func TestRecordInvariants(t *testing.T) {
	for _, name := range []string{"generic", "europe-1947", "asia-1950"} {
		c := compileBuiltin(t, name)
		for seed := uint64(1); seed <= 12; seed++ {
			w := sim.NewWorld(c, seed)
			res, err := w.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			r := &res.Record
			for i := range r.Alliances {
				a := &r.Alliances[i]
				var founded []string
				for _, m := range a.Members {
					if m.Entry == sim.EntryFounded.String() {
						if m.Joined != a.Formed {
							t.Fatalf("%s seed %d alliance %d: founder %s joined at %d, formed %d", name, seed, a.ID, m.State, m.Joined, a.Formed)
						}
						founded = append(founded, m.State)
					}
				}
				slices.Sort(founded)
				if !slices.Equal(a.Founders, founded) || len(a.Founders) < 2 {
					t.Fatalf("%s seed %d alliance %d: founders %v, founding spells %v", name, seed, a.ID, a.Founders, founded)
				}
				if a.Patron != (a.PatronJoined >= 0) || a.Patron != r.HasPatron(append(slices.Clone(a.Founders), joiners(a)...)) {
					t.Fatalf("%s seed %d alliance %d: patron %v, joined %d", name, seed, a.ID, a.Patron, a.PatronJoined)
				}
				// The stored sizes see changes within a tick that the spells,
				// by tick, cannot order: they are bounded by them.
				if a.PatronJoined >= 0 {
					entered := 0
					for _, m := range a.Members {
						if m.Joined <= a.PatronJoined {
							entered++
						}
					}
					if a.PatronSize < 2 || a.PatronSize > entered {
						t.Fatalf("%s seed %d alliance %d: patron size %d, %d spells begun by then", name, seed, a.ID, a.PatronSize, entered)
					}
				}
				if r.HasPatron(a.Founders) {
					if a.ClientPeak != 0 {
						t.Fatalf("%s seed %d alliance %d: a patron founded it, client peak %d", name, seed, a.ID, a.ClientPeak)
					}
				} else {
					peak := len(a.Founders)
					for _, ph := range a.Phases() {
						if !r.HasPatron(ph) {
							peak = max(peak, len(ph))
						}
					}
					if a.ClientPeak < peak {
						t.Fatalf("%s seed %d alliance %d: client peak %d, phases %v", name, seed, a.ID, a.ClientPeak, a.Phases())
					}
				}
				// A spell records how it ended, and only once it has; one
				// the alliance's end closed ended then.
				for _, m := range a.Members {
					if (m.Left < 0) != (m.Exit == "") || (m.Exit == sim.ExitEnded.String() && m.Left != a.Ended) {
						t.Fatalf("%s seed %d alliance %d (ended %d): spell %+v", name, seed, a.ID, a.Ended, m)
					}
				}
				// The origin began at the formation, but for a clients'
				// alliance a patron joined later (indigenous from its
				// entry) and a patron's bilateral that an entry on
				// sovereignty made imposed (from that entry).
				since := a.Formed
				switch a.Origin {
				case sim.OriginIndigenous.String():
					since = a.PatronJoined
				case sim.OriginImposed.String():
					if a.OriginSince != a.Formed {
						since = -1
						for _, m := range a.Members {
							if m.Entry == sim.EntrySovereignty.String() && m.Joined == a.OriginSince && len(a.Founders) == 2 {
								since = a.OriginSince
							}
						}
					}
				}
				if a.OriginSince != since || a.OriginSince > a.End(r.Ticks) {
					t.Fatalf("%s seed %d alliance %d: %s since %d (formed %d, patron joined %d, members %+v)", name, seed, a.ID, a.Origin, a.OriginSince, a.Formed, a.PatronJoined, a.Members)
				}
				if (a.Ended < 0) != (a.Cause == sim.EndHorizon.String()) || a.End(r.Ticks) < a.Formed {
					t.Fatalf("%s seed %d alliance %d: ended %d (%s)", name, seed, a.ID, a.Ended, a.Cause)
				}
				if a.Ended < 0 {
					live := w.Alliances()[i]
					var ids []string
					live.Members.Each(func(j int) { ids = append(ids, c.ID(j)) })
					slices.Sort(ids)
					if !slices.Equal(ids, a.FinalMembers()) {
						t.Fatalf("%s seed %d alliance %d: final members %v, the world has %v", name, seed, a.ID, a.FinalMembers(), ids)
					}
				}
			}
			for _, p := range r.Proposals {
				// A treaty signed for an occupied client is neither refused
				// nor in force: it takes effect on sovereignty.
				signed := p.Kind == sim.ProposeSigned.String()
				if (p.Alliance >= 0) != p.Accepted || p.Alliance >= len(r.Alliances) ||
					(!signed && p.Accepted != (len(p.Refusals) == 0)) || (signed && (p.Accepted || len(p.Refusals) > 0)) {
					t.Fatalf("%s seed %d: proposal %+v", name, seed, p)
				}
			}
		}
	}
}

// joiners are the states that entered an alliance after it formed.
func joiners(a *sim.AllianceRecord) []string {
	var out []string
	for _, m := range a.Members {
		if m.Entry != sim.EntryFounded.String() {
			out = append(out, m.State)
		}
	}
	return out
}

// The first patron alliance is the one a patron entered first; of two
// entered at the same tick, the first in the record.
func TestFirstPatronAllianceTiesToTheFirst(t *testing.T) {
	r := sim.Record{Alliances: []sim.AllianceRecord{
		{ID: 0, PatronJoined: -1},
		{ID: 1, PatronJoined: 7},
		{ID: 2, PatronJoined: 5},
		{ID: 3, PatronJoined: 5},
	}}
	if a := r.FirstPatronAlliance(); a == nil || a.ID != 2 {
		t.Errorf("first patron alliance %+v, want alliance 2", a)
	}
	// A patron that committed at tick 0 committed first.
	r.Alliances = append(r.Alliances, sim.AllianceRecord{ID: 4, PatronJoined: 0})
	if a := r.FirstPatronAlliance(); a == nil || a.ID != 4 {
		t.Errorf("first patron alliance %+v, want alliance 4, entered at tick 0", a)
	}
	if a := (&sim.Record{Alliances: []sim.AllianceRecord{{ID: 0, PatronJoined: -1}}}).FirstPatronAlliance(); a != nil {
		t.Errorf("no patron ever committed, got %+v", a)
	}
}

// A record's member sets, read off its spells by hand. Alliance 0 was
// founded by us and fr at tick 2 (spells in the order they began, not by
// id); uk applied at 4, fr left at 5, and it ended at 7 with us and uk:
//
//	tick:  2        4           5        7
//	       [fr us]  [fr uk us]  [uk us]  ended
//
// Alliance 1 is in force at the horizon: x and y founded it at 0, y was
// occupied at 3, leaving x alone (a set of one, not a phase), and z
// joined on sovereignty at 5.
func TestAllianceRecordMembers(t *testing.T) {
	ended := sim.AllianceRecord{ID: 0, Founders: []string{"fr", "us"}, Formed: 2, Ended: 7, Members: []sim.MembershipRecord{
		{State: "us", Joined: 2, Left: 7, Entry: "founded", Exit: "ended"},
		{State: "fr", Joined: 2, Left: 5, Entry: "founded", Exit: "left"},
		{State: "uk", Joined: 4, Left: 7, Entry: "applied", Exit: "ended"},
	}}
	open := sim.AllianceRecord{ID: 1, Founders: []string{"x", "y"}, Formed: 0, Ended: -1, Members: []sim.MembershipRecord{
		{State: "x", Joined: 0, Left: -1, Entry: "founded"},
		{State: "y", Joined: 0, Left: 3, Entry: "founded", Exit: "occupied"},
		{State: "z", Joined: 5, Left: -1, Entry: "sovereignty"},
	}}
	for _, c := range []struct {
		a    *sim.AllianceRecord
		t    int
		want []string
	}{
		{&ended, 1, nil}, // before its formation
		{&ended, 2, []string{"fr", "us"}},
		{&ended, 4, []string{"fr", "uk", "us"}}, // uk joined at 4: a member after that tick's changes
		{&ended, 5, []string{"uk", "us"}},       // fr left at 5 (exclusive)
		{&ended, 6, []string{"uk", "us"}},
		{&ended, 7, nil}, // ended at 7
		{&open, 3, []string{"x"}},
		{&open, 99, []string{"x", "z"}}, // past the horizon: the last members
	} {
		if got := c.a.MembersAt(c.t); !slices.Equal(got, c.want) {
			t.Errorf("alliance %d: members at %d %v, want %v", c.a.ID, c.t, got, c.want)
		}
	}
	if got, want := ended.Phases(), [][]string{{"fr", "us"}, {"fr", "uk", "us"}, {"uk", "us"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("alliance 0: phases %v, want %v", got, want)
	}
	if got, want := open.Phases(), [][]string{{"x", "y"}, {"x", "z"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("alliance 1: phases %v, want %v (x alone at 3 is no phase)", got, want)
	}
	// The founders' set counts though the tick it formed changed it: a
	// patron joining at once, or the alliance ending within its first tick.
	joinedAtOnce := sim.AllianceRecord{ID: 2, Founders: []string{"c4", "c2", "c3"}, Formed: 0, Ended: -1, Members: []sim.MembershipRecord{
		{State: "c2", Joined: 0, Left: -1, Entry: "founded"},
		{State: "c3", Joined: 0, Left: -1, Entry: "founded"},
		{State: "c4", Joined: 0, Left: -1, Entry: "founded"},
		{State: "pat", Joined: 0, Left: -1, Entry: "joined"},
	}}
	if got, want := joinedAtOnce.Phases(), [][]string{{"c2", "c3", "c4"}, {"c2", "c3", "c4", "pat"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("alliance 2: phases %v, want %v", got, want)
	}
	gone := sim.AllianceRecord{ID: 3, Founders: []string{"a", "b", "c"}, Formed: 4, Ended: 4, Members: []sim.MembershipRecord{
		{State: "a", Joined: 4, Left: 4, Entry: "founded", Exit: "left"},
		{State: "b", Joined: 4, Left: 4, Entry: "founded", Exit: "ended"},
		{State: "c", Joined: 4, Left: 4, Entry: "founded", Exit: "ended"},
	}}
	if got, want := gone.Phases(), [][]string{{"a", "b", "c"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("alliance 3: phases %v, want %v", got, want)
	}
	// A record without EndedBy (written by hand, or by an earlier
	// version) cannot tell who ended it, and keeps every member that left
	// in its last tick.
	if got, want := gone.FinalMembers(), []string{"a", "b", "c"}; !slices.Equal(got, want) {
		t.Errorf("alliance 3: final members %v, want %v", got, want)
	}
	// A bilateral's founders are its first phase, though one left in the
	// tick they signed, as another applied.
	swapped := sim.AllianceRecord{ID: 6, Founders: []string{"a", "b"}, Formed: 3, Ended: -1, Members: []sim.MembershipRecord{
		{State: "a", Joined: 3, Left: -1, Entry: "founded"},
		{State: "b", Joined: 3, Left: 3, Entry: "founded", Exit: "left"},
		{State: "c", Joined: 3, Left: -1, Entry: "applied"},
	}}
	if got, want := swapped.Phases(), [][]string{{"a", "b"}, {"a", "c"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("alliance 6: phases %v, want %v", got, want)
	}
	if got, want := ended.FinalMembers(), []string{"uk", "us"}; !slices.Equal(got, want) {
		t.Errorf("alliance 0: final members %v, want %v", got, want)
	}
	if got, want := open.FinalMembers(), []string{"x", "z"}; !slices.Equal(got, want) {
		t.Errorf("alliance 1: final members %v, want %v", got, want)
	}
	// A founder that left in the tick they signed (tick 0) is no member
	// after it.
	leftAtZero := sim.AllianceRecord{ID: 4, Founders: []string{"p", "q", "r"}, Formed: 0, Ended: -1, Members: []sim.MembershipRecord{
		{State: "p", Joined: 0, Left: 0, Entry: "founded", Exit: "left"},
		{State: "q", Joined: 0, Left: -1, Entry: "founded"},
		{State: "r", Joined: 0, Left: -1, Entry: "founded"},
	}}
	if got, want := leftAtZero.MembersAt(2), []string{"q", "r"}; !slices.Equal(got, want) {
		t.Errorf("alliance 4: members at 2 %v, want %v", got, want)
	}
	// Its final members at an end in tick 0: the member whose leaving
	// ended it, not another that left earlier in that tick.
	endedAtZero := sim.AllianceRecord{ID: 5, Founders: []string{"p", "q", "r"}, Formed: 0, Ended: 0, Cause: "members_left", EndedBy: "q", Members: []sim.MembershipRecord{
		{State: "p", Joined: 0, Left: 0, Entry: "founded", Exit: "left"},
		{State: "q", Joined: 0, Left: 0, Entry: "founded", Exit: "left"},
		{State: "r", Joined: 0, Left: 0, Entry: "founded", Exit: "ended"},
	}}
	if got, want := endedAtZero.FinalMembers(), []string{"q", "r"}; !slices.Equal(got, want) {
		t.Errorf("alliance 5: final members %v, want %v", got, want)
	}
	// Kind is of the founders: two, though three states were members.
	if got := ended.Kind(); got != sim.Bilateral {
		t.Errorf("alliance 0: kind %v, want bilateral", got)
	}
	// End: the tick it ended, or the horizon while in force; an alliance
	// that ended at tick 0 ended at 0.
	atZero := sim.AllianceRecord{Formed: 0, Ended: 0}
	for _, c := range []struct {
		a          *sim.AllianceRecord
		end, horiz int
	}{{&ended, 7, 10}, {&open, 10, 10}, {&atZero, 0, 10}} {
		if got := c.a.End(c.horiz); got != c.end {
			t.Errorf("ended %d, horizon %d: End %d, want %d", c.a.Ended, c.horiz, got, c.end)
		}
	}
}

// HasPatron: any of the states, not only the first, is a patron.
func TestRecordHasPatron(t *testing.T) {
	r := sim.Record{Patrons: []string{"us", "ussr"}}
	for _, c := range []struct {
		states []string
		want   bool
	}{
		{[]string{"fr", "us"}, true},
		{[]string{"ussr"}, true},
		{[]string{"fr", "uk"}, false},
		{nil, false},
	} {
		if got := r.HasPatron(c.states); got != c.want {
			t.Errorf("HasPatron(%v) = %v, want %v", c.states, got, c.want)
		}
	}
}
