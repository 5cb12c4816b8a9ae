package sim_test

import (
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// The engine's offers agree with its log: every proposal, acceptance and
// refusal names its offer, every refusal of the log is in its offer's
// record and nowhere else, and an offer that made or enlarged an alliance
// was refused by no one and holds its proposer and invitees.
func TestOffersAgreeWithTheLog(t *testing.T) {
	for _, name := range []string{"asia-1950", "europe-1947"} {
		w := sim.NewWorld(compileBuiltin(t, name), 3)
		for w.Step() {
		}
		offers := w.Offers()
		if len(offers) == 0 {
			t.Fatalf("%s: no offers", name)
		}
		refusals, proposals := 0, 0
		events := w.Events()
		for i := range events {
			e := &events[i]
			switch e.Type {
			case sim.EventProposal:
				proposals++
				if e.Offer != proposals {
					t.Fatalf("%s: proposal %d carries offer %d", name, proposals, e.Offer)
				}
				if o := offers[e.Offer-1]; o.Proposer != e.Actor || o.Kind != e.Proposal || o.Tick != e.Tick || o.Invitees != e.Others {
					t.Errorf("%s: offer %+v for proposal %+v", name, o, *e)
				}
			case sim.EventRejection:
				refusals++
				if e.Offer < 1 || e.Offer > proposals || offers[e.Offer-1].Tick != e.Tick {
					t.Errorf("%s: an answer names offer %d of %d", name, e.Offer, proposals)
				}
			case sim.EventAcceptance:
				if e.Offer < 1 || e.Offer > proposals || offers[e.Offer-1].Tick != e.Tick {
					t.Errorf("%s: an answer names offer %d of %d", name, e.Offer, proposals)
					continue
				}
				// an acceptance is logged once the proposal passes, for the
				// invitees that answered it
				if o := offers[e.Offer-1]; len(o.Refusals) > 0 || e.Others&^o.Invitees != 0 || e.Others == 0 {
					t.Errorf("%s: acceptance by %v of offer %+v, which was refused or does not invite them", name, e.Others, o)
				}
			}
		}
		if proposals != len(offers) {
			t.Errorf("%s: %d proposals logged, %d offers", name, proposals, len(offers))
		}
		n, accepted := 0, 0
		for _, o := range offers {
			n += len(o.Refusals)
			if !o.Accepted() {
				continue
			}
			accepted++
			al := &w.Alliances()[o.Alliance]
			if len(o.Refusals) > 0 || !al.MembersAt(o.Tick).Has(o.Proposer) {
				t.Errorf("%s: accepted offer %+v, alliance %v", name, o, al)
			}
		}
		if accepted == 0 {
			t.Errorf("%s: no offer made an alliance", name)
		}
		if n != refusals {
			t.Errorf("%s: %d refusals logged, %d in the offers", name, refusals, n)
		}
	}
}

// An offer records whether its proposer was in the domain of losses when
// it proposed: as the world read it at that moment (World.InLosses).
func TestOfferRecordsTheProposersDomain(t *testing.T) {
	var want []bool
	obs := sim.ObserverFuncs{Event: func(w *sim.World, e *sim.Event) {
		if e.Type == sim.EventProposal {
			want = append(want, w.InLosses(e.Actor))
		}
	}}
	w := sim.NewWorld(compileBuiltin(t, "asia-1950"), 3, obs)
	for w.Step() {
	}
	offers := w.Offers()
	if len(offers) != len(want) {
		t.Fatalf("%d offers, %d proposals seen", len(offers), len(want))
	}
	seen := map[bool]int{}
	for i, o := range offers {
		seen[want[i]]++
		if o.Losses != want[i] {
			t.Errorf("offer %d by %d at tick %d: losses %v, want %v", i+1, o.Proposer, o.Tick, o.Losses, want[i])
		}
	}
	if seen[true] == 0 {
		t.Errorf("set-up: no proposal made in the domain of losses (%d in gains)", seen[false])
	}
}
