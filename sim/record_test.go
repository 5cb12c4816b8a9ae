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
	if a := (&sim.Record{Alliances: []sim.AllianceRecord{{ID: 0, PatronJoined: -1}}}).FirstPatronAlliance(); a != nil {
		t.Errorf("no patron ever committed, got %+v", a)
	}
}
