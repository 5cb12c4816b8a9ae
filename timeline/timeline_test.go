package timeline

import (
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

func ptr(v float64) *float64 { return &v }

// Every kind of event, from hand-built records, as the timeline writes it;
// nil is no event.
func TestDescribe(t *testing.T) {
	if got := Describe(nil); got != "" {
		t.Errorf("Describe(nil) = %q, want \"\"", got)
	}
	zero := 0 // an alliance absorbed into alliance 0
	for _, c := range []struct {
		e    sim.EventRecord
		want string
	}{
		{sim.EventRecord{Type: sim.EventScripted, Actor: "chn", Target: "gbr", Script: &sim.ScriptRecord{Kind: "intent", Note: "UK recognises the PRC", Delta: -1.79}},
			"UK recognises the PRC: chn's revisionism as gbr reads it shifts -1.79 on the logit scale"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "chn", Script: &sim.ScriptRecord{Kind: "intent", Delta: 0.5}},
			"chn's revisionism as every state reads it shifts +0.50 on the logit scale"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Cells: 12, Script: &sim.ScriptRecord{Kind: "occupy"}},
			"prk occupies 12 cells of kor"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Cells: 3, Script: &sim.ScriptRecord{Kind: "withdraw", Note: "armistice"}},
			"armistice: prk hands back 3 cells to kor"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Cells: 1, Script: &sim.ScriptRecord{Kind: "occupy"}},
			"prk occupies 1 cell of kor"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Cells: 12, Revived: true, Script: &sim.ScriptRecord{Kind: "withdraw"}},
			"prk hands back 12 cells to kor, wholly occupied until then"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Cells: 1, Script: &sim.ScriptRecord{Kind: "withdraw"}},
			"prk hands back 1 cell to kor"},
		// A scripted occupation by an eliminated actor, or of a target
		// without a cell, takes none; a withdrawal from a target whose
		// cells the actor does not hold hands none back.
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Script: &sim.ScriptRecord{Kind: "occupy", Note: "offensive"}},
			"offensive: prk's scripted occupation of kor takes no cell"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "prk", Target: "kor", Script: &sim.ScriptRecord{Kind: "withdraw"}},
			"prk's scripted withdrawal from kor hands back no cell"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "deu", Script: &sim.ScriptRecord{Kind: "capability", Land: ptr(0.4), Economy: ptr(1.25)}},
			"deu's capabilities change (land 0.40, economy 1.25)"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "deu", Script: &sim.ScriptRecord{Kind: "sovereignty", Sovereign: true}},
			"deu becomes sovereign"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "deu", Script: &sim.ScriptRecord{Kind: "sovereignty"}},
			"deu loses sovereignty"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "tur", Script: &sim.ScriptRecord{Kind: "sovereignty", Sovereign: true, Unchanged: true}},
			"tur is sovereign already"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "irq", Script: &sim.ScriptRecord{Kind: "sovereignty", Unchanged: true, Note: "coup"}},
			"coup: irq is without sovereignty already"},
		// A note is written without the spaces around it, and a blank
		// one not at all.
		{sim.EventRecord{Type: sim.EventScripted, Actor: "adv", Script: &sim.ScriptRecord{Kind: "ideology", Ideology: 0.6, Note: "   "}},
			"adv's ideology moves to +0.60"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "adv", Script: &sim.ScriptRecord{Kind: "ideology", Ideology: 0.6, Note: "\tcoup "}},
			"coup: adv's ideology moves to +0.60"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "adv", Script: &sim.ScriptRecord{Kind: "ideology", Ideology: 0.6}},
			"adv's ideology moves to +0.60"},
		{sim.EventRecord{Type: sim.EventProposal, Actor: "pak", Others: []string{"vnm", "gbr"}, Proposal: "coalition", Commitment: "strong", Kind: "trilateral"},
			"pak proposes a strong trilateral alliance (coalition) to vnm, gbr"},
		{sim.EventRecord{Type: sim.EventProposal, Actor: "usa", Others: []string{"kor"}, Proposal: "signed-for-occupied", Commitment: "weak", Kind: "bilateral"},
			"usa signs a weak bilateral alliance for occupied kor, in force on its sovereignty"},
		// An application and a patron's request to join ask to enter an
		// alliance in force: they name it, not a new alliance.
		{sim.EventRecord{Type: sim.EventProposal, Actor: "bel", Alliance: 0, Others: []string{"fra", "nld"}, Proposal: "apply", Commitment: "strong", Kind: "trilateral"},
			"bel applies to join alliance 0 (fra, nld, strong)"},
		{sim.EventRecord{Type: sim.EventProposal, Actor: "usa", Alliance: 0, Others: []string{"fra", "nld"}, Proposal: "join", Commitment: "strong", Kind: "trilateral"},
			"usa asks to join alliance 0 (fra, nld, strong), its clients' alliance"},
		{sim.EventRecord{Type: sim.EventAcceptance, Actor: "usa", Others: []string{"jpn"}}, "jpn accepts usa's proposal"},
		{sim.EventRecord{Type: sim.EventAcceptance, Actor: "usa", Others: []string{"aus", "nzl"}}, "aus, nzl accept usa's proposal"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "c1", Target: "c3", Reason: "fear"}, "c1 rejects (fear of c3)"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "c1", Target: "c3", Reason: "divergence"}, "c1 rejects (divergent threat picture of c3)"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "c1", Target: "c3", Reason: "entrapment"}, "c1 rejects (entrapment by c3)"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "c1", Reason: "autonomy"}, "c1 rejects (loss of autonomy)"},
		// The engine numbers each proposal (Offer); its answers carry the
		// number, which says which proposal they answer.
		{sim.EventRecord{Type: sim.EventProposal, Actor: "usa", Others: []string{"aus", "nzl", "phl"}, Proposal: "new", Commitment: "strong", Kind: "multilateral", Offer: 3},
			"usa proposes a strong multilateral alliance (new) to aus, nzl, phl (offer 3)"},
		{sim.EventRecord{Type: sim.EventProposal, Actor: "tha", Alliance: 2, Others: []string{"usa", "phl"}, Proposal: "apply", Commitment: "weak", Kind: "trilateral", Offer: 12},
			"tha applies to join alliance 2 (usa, phl, weak) (offer 12)"},
		{sim.EventRecord{Type: sim.EventAcceptance, Actor: "usa", Others: []string{"aus", "nzl"}, Offer: 3}, "aus, nzl accept usa's offer 3"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "phl", Target: "jpn", Reason: "fear", Offer: 3}, "phl rejects offer 3 (fear of jpn)"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "usa", Reason: "autonomy", Offer: 12}, "usa rejects offer 12 (loss of autonomy)"},
		{sim.EventRecord{Type: sim.EventRejection, Actor: "kor", Reason: "autonomy", Offer: 1}, "kor rejects offer 1 (loss of autonomy)"},
		{sim.EventRecord{Type: sim.EventFormed, Alliance: 4, Others: []string{"fra", "gbr"}, Commitment: "strong", Kind: "bilateral", Origin: "client"},
			"alliance 4 formed: fra, gbr, strong bilateral (client)"},
		// An alliance signed for non-sovereign invitees names them: they
		// join it on sovereignty.
		{sim.EventRecord{Type: sim.EventFormed, Alliance: 5, Others: []string{"usa", "phl"}, Commitment: "weak", Kind: "bilateral", Origin: "bilateral", Designated: []string{"jpn"}},
			"alliance 5 formed: usa, phl, weak bilateral (bilateral); signed for jpn, to join on sovereignty"},
		{sim.EventRecord{Type: sim.EventJoined, Actor: "usa", Alliance: 4, Others: []string{"fra", "gbr", "usa"}, Origin: "indigenous"},
			"usa joins alliance 4, now fra, gbr, usa (indigenous)"},
		{sim.EventRecord{Type: sim.EventLeft, Actor: "fra", Alliance: 4}, "fra leaves alliance 4"},
		{sim.EventRecord{Type: sim.EventLeft, Actor: "fra", Alliance: 4, Exit: "left"}, "fra leaves alliance 4"},
		// A member that leaves names those it leaves behind, as one
		// wholly occupied does, where two or more are left to go on (an
		// "ends" line follows if they part); one left cannot.
		{sim.EventRecord{Type: sim.EventLeft, Actor: "usa", Alliance: 4, Others: []string{"fra", "gbr"}, Exit: "left"},
			"usa leaves alliance 4, now fra, gbr"},
		{sim.EventRecord{Type: sim.EventLeft, Actor: "tha", Alliance: 3, Others: []string{"usa"}, Exit: "left"}, "tha leaves alliance 3"},
		// A member wholly occupied drops out of an alliance that goes on.
		{sim.EventRecord{Type: sim.EventLeft, Actor: "lux", Alliance: 1, Others: []string{"bel", "fra", "usa"}, Exit: "occupied"},
			"lux, wholly occupied, drops out of alliance 1, now bel, fra, usa"},
		{sim.EventRecord{Type: sim.EventEnded, Alliance: 4, Cause: sim.EndMembersLeft}, "alliance 4 ends (members_left)"},
		{sim.EventRecord{Type: sim.EventEnded, Alliance: 4, Cause: sim.EndPatronLeft, Into: &zero}, "alliance 4 ends (patron_left), absorbed into alliance 0"},
		{sim.EventRecord{Type: sim.EventChallenge, Actor: "sov", Target: "nor"}, "sov challenges nor; allies honouring: none"},
		{sim.EventRecord{Type: sim.EventChallenge, Actor: "sov", Target: "nor", Others: []string{"gbr"}}, "sov challenges nor; allies honouring: gbr"},
		{sim.EventRecord{Type: sim.EventOccupation, Actor: "sov", Target: "nor", Cells: 2}, "sov occupies 2 cells of nor"},
		{sim.EventRecord{Type: sim.EventOccupation, Actor: "sov", Target: "nor", Cells: 1}, "sov occupies 1 cell of nor"},
		{sim.EventRecord{Type: sim.EventEliminated, Target: "nor"}, "nor is wholly occupied"},
		{sim.EventRecord{Type: sim.EventProvocation, Actor: "c1", Target: "adv"}, "c1 provokes adv; allies honouring: none"},
		{sim.EventRecord{Type: sim.EventProvocation, Actor: "c1", Target: "adv", Others: []string{"pat"}}, "c1 provokes adv; allies honouring: pat"},
		{sim.EventRecord{Type: sim.EventRestraint, Actor: "pat", Target: "c1"}, "pat restrains c1"},
		{sim.EventRecord{Type: sim.EventRestraint, Actor: "pat", Target: "c1", Others: []string{"adv"}}, "pat restrains c1 from provoking adv"},
		// A treaty signed for a non-sovereign state lapses: its place in an
		// alliance, or a bilateral in force on its sovereignty.
		{sim.EventRecord{Type: sim.EventLapsed, Target: "jpn", Alliance: 3, Commitment: "weak"},
			"jpn's place in alliance 3, signed for it, lapses"},
		{sim.EventRecord{Type: sim.EventLapsed, Actor: "usa", Target: "jpn", Alliance: -1, Commitment: "strong"},
			"the strong bilateral alliance usa signed for jpn lapses"},
		{sim.EventRecord{Type: sim.EventLeft, Alliance: 2}, "? leaves alliance 2"},
		// A record Describe has no sentence for is written as its type's
		// name: a scripted event without its script, a script of a kind
		// it does not know, a type out of range.
		{sim.EventRecord{Type: sim.EventScripted, Actor: "deu"}, "scripted"},
		{sim.EventRecord{Type: sim.EventScripted, Actor: "deu", Script: &sim.ScriptRecord{Kind: "unknown"}}, "scripted"},
		{sim.EventRecord{Type: sim.EventType(99)}, "EventType(99)"},
	} {
		if got := Describe(&c.e); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.e, got, c.want)
		}
	}
}
