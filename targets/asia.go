package targets

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// pacificPact is the first patron multilateral proposal after the Korean
// War shock, 1950-06 to 1951-12 (nil if none).
func pacificPact(r *runner.Record, cal sim.Calendar) *sim.ProposalRecord {
	if ps := patronMultilaterals(r, tickOf(cal, 1950, 6), tickOf(cal, 1951, 12)); len(ps) > 0 {
		return ps[0]
	}
	return nil
}

// seato is the alliance of A6: imposed, weak, of four or more founders,
// formed in 1954–1955 by a patron's proposal that was made weak either in
// the domain of gains or after a strong patron multilateral (three or more
// invitees) had been refused since 1954-01 — He & Feng's account of
// "united action" and SEATO (nil if none).
func seato(r *runner.Record, cal sim.Calendar) *sim.AllianceRecord {
	from, to := tickOf(cal, 1954, 1), tickOf(cal, 1955, 12)
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if a.Origin != sim.OriginImposed.String() || a.Strong || len(a.Founders) < 4 || a.Formed < from || a.Formed > to {
			continue
		}
		for j := range r.Proposals {
			p := &r.Proposals[j]
			if p.Alliance != a.ID || !p.Patron || p.Strong {
				continue
			}
			if !p.Losses || strongRefusedBefore(r, from, p.Tick) {
				return a
			}
		}
	}
	return nil
}

// strongRefusedBefore reports whether a patron's strong multilateral
// proposal was refused between from and before tick to (inclusive).
func strongRefusedBefore(r *runner.Record, from, to int) bool {
	for _, p := range patronMultilaterals(r, from, to) {
		if p.Strong && !p.Accepted {
			return true
		}
	}
	return false
}

var asia = []Target{
	{ID: "A1", Scenario: "asia-1950", States: []string{"aus", "nzl", "phl", "jpn"}, Need: 3, Until: "1951-12", Threshold: 0.8,
		Description: "no client-only alliance of 3 or more among Australia, New Zealand, Philippines, Japan by 1951-12 (H6 absent)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			four := []string{"aus", "nzl", "phl", "jpn"}
			by := tickOf(cal, 1951, 12)
			for i := range r.Alliances {
				for _, ph := range clientPhases(&r.Alliances[i], r.Patrons) {
					n := 0
					for _, m := range ph.members {
						if slices.Contains(four, m) {
							n++
						}
					}
					if ph.tick <= by && n >= 3 {
						return true, false
					}
				}
			}
			return true, true
		}},
	{ID: "A2", Scenario: "asia-1950", Patron: true, Until: "1951-12", Threshold: 0.6,
		Description: "after the Korean War shock the patron proposes a multilateral alliance (3+ clients) by 1951-12 (He & Feng H1)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			return true, pacificPact(r, cal) != nil
		}},
	{ID: "A3", Scenario: "asia-1950", Patron: true, Until: "1951-12", Threshold: 0.7,
		Description: "that proposal is rejected for an invitee's fear of a fellow invitee, the most frequent reason",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			p := pacificPact(r, cal)
			if p == nil {
				return false, false
			}
			return true, !p.Accepted && fearOfFellowInvitee(p)
		},
		Extra: mostFrequentReason},
	{ID: "A4", Scenario: "asia-1950", Patron: true, Until: "1955-12", Threshold: 0.6,
		Description: "at 1955-12 the patron is in 3 or more bilateral alliances (H4)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			t, n := tickOf(cal, 1955, 12), 0
			for i := range r.Alliances {
				if ms := r.Alliances[i].MembersAt(t); len(ms) == 2 && r.HasPatron(ms) {
					n++
				}
			}
			return true, n >= 3
		}},
	{ID: "A5", Scenario: "asia-1950", States: []string{"aus", "nzl"}, Patron: true, Until: "1952-12", Threshold: 0.5,
		Description: "a patron–Australia–New Zealand trilateral forms by 1952-12 (H4, ANZUS)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			for i := range r.Alliances {
				a := &r.Alliances[i]
				if a.PatronSize != 3 || a.PatronJoined < 0 || a.PatronJoined > tickOf(cal, 1952, 12) || signedForAnother(a) {
					continue
				}
				if ms := signedBy(a); slices.Contains(ms, "aus") && slices.Contains(ms, "nzl") {
					return true, true
				}
			}
			return true, false
		}},
	{ID: "A6", Scenario: "asia-1950", Patron: true, Until: "1955-12", Threshold: 0.5,
		Description: "the patron imposes a weak multilateral in 1954–1955, proposed weak in gains or after its strong one was refused (He & Feng H2/H3, SEATO)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			return true, seato(r, cal) != nil
		}},
	{ID: "A7", Scenario: "asia-1950", Patron: true, Until: "1991-12", Threshold: 0.6,
		Description: "where A6 happened, members leaving have dissolved that alliance by 1991-12 (H3)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			a := seato(r, cal)
			if a == nil {
				return false, false
			}
			return true, leftByMembers(a, tickOf(cal, 1991, 12))
		}},
	{ID: "A8", Scenario: "asia-1950", States: []string{"kor", "twn"}, Need: 1, Patron: true, Until: "1991-12", Threshold: 0.8,
		Description: "South Korea and the ROC are never in a multilateral alliance with the patron (Cha)",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			// "Never": the sets of each joining, with the members that
			// left in its tick, as E2 and A1 count them — not only the
			// sets at the ends of ticks; and only joinings by 1991-12,
			// the target's last month, in a run made longer.
			end := tickOf(cal, 1991, 12)
			for i := range r.Alliances {
				for _, ms := range joinSets(&r.Alliances[i], end) {
					if len(ms) >= 4 && r.HasPatron(ms) && (slices.Contains(ms, "kor") || slices.Contains(ms, "twn")) {
						return true, false
					}
				}
			}
			return true, true
		}},
	{ID: "A9", Scenario: "asia-1950", Patron: true, Until: "1960-01", Threshold: 0.7,
		Description: "hub-and-spokes index of the patron at 1960-01 is at least 0.6",
		Test: func(r *runner.Record, cal sim.Calendar) (bool, bool) {
			h, ok := runner.HubSpokesIndex(r, tickOf(cal, 1960, 1))
			return true, ok && h >= 0.6
		}},
}

// signedBy are the members an alliance had when a patron became one: its
// founders, if a patron founded it (even if one of them left in the tick
// they signed), or else its members at the end of the tick the patron
// joined.
func signedBy(a *sim.AllianceRecord) []string {
	if a.Formed == a.PatronJoined && a.Origin != sim.OriginIndigenous.String() {
		return a.Founders
	}
	return a.MembersAt(a.PatronJoined)
}

// signedForAnother reports whether an alliance was signed for an occupied
// state too, which became a member on its sovereignty (docs/model.md
// §7.9): a party to it beyond the members counted when it formed.
func signedForAnother(a *sim.AllianceRecord) bool {
	return slices.ContainsFunc(a.Members, func(m sim.MembershipRecord) bool {
		return m.Entry == sim.EntrySovereignty.String()
	})
}

// mostFrequentReason is A3's requirement over all runs: among the
// refusals of the Pacific Pact proposals, fear of a fellow invitee is the
// most frequent reason, more frequent than any other (a tie is not met,
// whatever the other reason's name; the note lists ties by name). The
// note counts refusals, not runs: a proposal refused by two invitees
// counts twice.
func mostFrequentReason(rs []runner.Record, cal sim.Calendar) (bool, string) {
	counts := map[string]int{}
	for i := range rs {
		p := pacificPact(&rs[i], cal)
		if p == nil {
			continue
		}
		for _, ref := range p.Refusals {
			reason := ref.Reason
			if isFellowFear(p, ref) {
				reason = "fear of a fellow invitee"
			}
			counts[reason]++
		}
	}
	if len(counts) == 0 {
		return false, "no refusals recorded"
	}
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, n := range counts {
		all = append(all, kv{k, n})
	}
	slices.SortFunc(all, func(a, b kv) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.k, b.k)) })
	parts := make([]string, len(all))
	for i, x := range all {
		parts[i] = fmt.Sprintf("%s %d", x.k, x.n)
	}
	most := all[0].k == "fear of a fellow invitee" && (len(all) == 1 || all[1].n < all[0].n)
	return most, "refusals by reason: " + strings.Join(parts, ", ")
}
