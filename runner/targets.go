package runner

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/alliancesim/alliancesim/sim"
)

// Target is one statistical target of HISTORY.md: a per-run predicate
// whose share over runs must reach Threshold. Conditional targets count
// only the runs where their condition held.
type Target struct {
	ID          string
	Scenario    string
	Description string
	Threshold   float64
	// Test says whether the condition holds in a run (counted) and whether
	// the target was met in it.
	Test func(r *Record, cal sim.Calendar) (counted, met bool)
	// Extra, if set, is a further requirement over all runs (A3: the most
	// frequent reason); it returns whether it holds and a note.
	Extra func(rs []Record, cal sim.Calendar) (bool, string)
}

// TargetResult is a target evaluated over runs: the share of the runs
// counted (all, or those where its condition held) that met it, with its
// interval.
type TargetResult struct {
	ID          string     `json:"id"`
	Description string     `json:"description"`
	Share       Proportion `json:"share"`
	Threshold   float64    `json:"threshold"`
	Met         bool       `json:"met"`
	Note        string     `json:"note,omitempty"`
}

// Evaluate checks every target of a scenario over the records.
func Evaluate(targets []Target, rs []Record, cal sim.Calendar) []TargetResult {
	var out []TargetResult
	for _, t := range targets {
		counted, met := 0, 0
		for i := range rs {
			c, m := t.Test(&rs[i], cal)
			if c {
				counted++
				if m {
					met++
				}
			}
		}
		res := TargetResult{ID: t.ID, Description: t.Description, Share: NewProportion(met, counted), Threshold: t.Threshold}
		res.Met = counted > 0 && res.Share.Share >= t.Threshold
		if t.Extra != nil {
			ok, note := t.Extra(rs, cal)
			res.Met = res.Met && ok
			res.Note = note
		}
		out = append(out, res)
	}
	return out
}

// TargetsFor returns the targets of a scenario (nil if it has none).
func TargetsFor(scenario string) []Target {
	var out []Target
	for _, t := range HistoryTargets {
		if t.Scenario == scenario {
			out = append(out, t)
		}
	}
	return out
}

func tickOf(cal sim.Calendar, year, month int) int { return cal.TickOf(year, month) }

func subset(ms []string, of ...string) bool {
	for _, m := range ms {
		if !slices.Contains(of, m) {
			return false
		}
	}
	return true
}

// firstPatronTick is the first tick a patron was in any alliance, or -1.
func firstPatronTick(r *Record) int {
	first := -1
	for _, a := range r.Alliances {
		if a.PatronJoined >= 0 && (first < 0 || a.PatronJoined < first) {
			first = a.PatronJoined
		}
	}
	return first
}

// phase is an alliance's member set from a tick on.
type phase struct {
	tick    int
	members []string
}

// clientPhases are the member sets an alliance had while clients stood
// alone: from its formation until a patron joined (none if a patron
// founded it).
func clientPhases(a *AllianceRow) []phase {
	var out []phase
	if a.PatronJoined == a.Formed {
		return nil
	}
	for _, m := range a.Members {
		t := m.Joined
		if a.PatronJoined >= 0 && t >= a.PatronJoined {
			continue
		}
		if ms := a.MembersAt(t); len(ms) >= 2 {
			out = append(out, phase{t, ms})
		}
	}
	return out
}

var brussels = []string{"gbr", "fra", "bel", "nld", "lux"}

// westernUnion finds the alliances that began as clients among the five
// Brussels powers.
func westernUnion(r *Record) []*AllianceRow {
	var out []*AllianceRow
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if f := a.Founders; !hasPatronIn(r, f) && subset(f, brussels...) {
			out = append(out, a)
		}
	}
	return out
}

// e3 is the alliance of E3: a Western Union alliance the patron joined,
// strong, by 1950-12.
func e3(r *Record, cal sim.Calendar) *AllianceRow {
	for _, a := range westernUnion(r) {
		if a.Origin == "indigenous" && a.Strong && a.PatronJoined >= 0 && a.PatronJoined <= tickOf(cal, 1950, 12) {
			return a
		}
	}
	return nil
}

func hubAt(r *Record, cal sim.Calendar, year, month int) (float64, bool) {
	return HubSpokesIndex(r, tickOf(cal, year, month))
}

// patronProposals are the patron's multilateral proposals (three or more
// clients) between two ticks.
func patronProposals(r *Record, from, to int) []*ProposalRow {
	var out []*ProposalRow
	for i := range r.Proposals {
		p := &r.Proposals[i]
		if p.Patron && p.Kind == sim.ProposeMultilateral.String() && len(p.Invitees) >= 3 && p.Tick >= from && p.Tick <= to {
			out = append(out, p)
		}
	}
	return out
}

func a6(r *Record, cal sim.Calendar) *AllianceRow {
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if a.Origin == "imposed" && !a.Strong && len(a.Founders) >= 4 &&
			a.Formed >= tickOf(cal, 1954, 1) && a.Formed <= tickOf(cal, 1955, 12) {
			return a
		}
	}
	return nil
}

// HistoryTargets are the targets of HISTORY.md.
var HistoryTargets = []Target{
	{ID: "E1", Scenario: "europe-1947", Threshold: 0.8,
		Description: "a client-only alliance among UK, France, Benelux forms before the patron's first alliance (H6)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			first := firstPatronTick(r)
			for _, a := range westernUnion(r) {
				if first < 0 || a.Formed < first {
					return true, true
				}
			}
			return true, false
		}},
	{ID: "E2", Scenario: "europe-1947", Threshold: 0.6,
		Description: "it reaches 4 or more members before the patron joins",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			for _, a := range westernUnion(r) {
				if a.ClientPeak >= 4 {
					return true, true
				}
			}
			return true, false
		}},
	{ID: "E3", Scenario: "europe-1947", Threshold: 0.7,
		Description: "the patron joins that client alliance, indigenous and strong, by 1950-12 (H1, H5)",
		Test:        func(r *Record, cal sim.Calendar) (bool, bool) { return true, e3(r, cal) != nil }},
	{ID: "E4", Scenario: "europe-1947", Threshold: 0.75,
		Description: "where E3 happened, that alliance is still in force at 1991-12 (H2)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			a := e3(r, cal)
			if a == nil {
				return false, false
			}
			return true, a.Ended < 0 || a.Ended > tickOf(cal, 1991, 12)
		}},
	{ID: "E5", Scenario: "europe-1947", Threshold: 0.7,
		Description: "hub-and-spokes index of the patron at 1960-01 is at most 0.3",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			h, ok := hubAt(r, cal, 1960, 1)
			return true, ok && h <= 0.3
		}},
	{ID: "A1", Scenario: "asia-1950", Threshold: 0.8,
		Description: "no client-only alliance of 3 or more among Australia, New Zealand, Philippines, Japan by 1951-12 (H6 absent)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			four := []string{"aus", "nzl", "phl", "jpn"}
			by := tickOf(cal, 1951, 12)
			for i := range r.Alliances {
				for _, ph := range clientPhases(&r.Alliances[i]) {
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
	{ID: "A2", Scenario: "asia-1950", Threshold: 0.6,
		Description: "after the Korean War shock the patron proposes a multilateral alliance (3+ clients) by 1951-12 (He & Feng H1)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			return true, len(patronProposals(r, tickOf(cal, 1950, 6), tickOf(cal, 1951, 12))) > 0
		}},
	{ID: "A3", Scenario: "asia-1950", Threshold: 0.7,
		Description: "that proposal is rejected, and the most frequent reason is a client's fear of a fellow invitee",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			ps := patronProposals(r, tickOf(cal, 1950, 6), tickOf(cal, 1951, 12))
			if len(ps) == 0 {
				return false, false
			}
			return true, !ps[0].Accepted
		},
		Extra: func(rs []Record, cal sim.Calendar) (bool, string) {
			counts := map[string]int{}
			for i := range rs {
				ps := patronProposals(&rs[i], tickOf(cal, 1950, 6), tickOf(cal, 1951, 12))
				if len(ps) == 0 {
					continue
				}
				for _, ref := range ps[0].Refusals {
					reason := ref.Reason
					if reason == "fear" && slices.Contains(ps[0].Invitees, ref.Partner) {
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
			note := ""
			for i, x := range all {
				if i > 0 {
					note += ", "
				}
				note += fmt.Sprintf("%s %d", x.k, x.n)
			}
			return all[0].k == "fear of a fellow invitee", "reasons: " + note
		}},
	{ID: "A4", Scenario: "asia-1950", Threshold: 0.6,
		Description: "by 1955-12 the patron holds 3 or more bilateral alliances (H4)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			t, n := tickOf(cal, 1955, 12), 0
			for i := range r.Alliances {
				if ms := r.Alliances[i].MembersAt(t); len(ms) == 2 && hasPatronIn(r, ms) {
					n++
				}
			}
			return true, n >= 3
		}},
	{ID: "A5", Scenario: "asia-1950", Threshold: 0.5,
		Description: "a patron–Australia–New Zealand trilateral forms by 1952-12 (H4, ANZUS)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			for i := range r.Alliances {
				a := &r.Alliances[i]
				if a.PatronSize != 3 || a.PatronJoined > tickOf(cal, 1952, 12) {
					continue
				}
				if ms := a.MembersAt(a.PatronJoined); slices.Contains(ms, "aus") && slices.Contains(ms, "nzl") {
					return true, true
				}
			}
			return true, false
		}},
	{ID: "A6", Scenario: "asia-1950", Threshold: 0.5,
		Description: "an imposed multilateral with weak commitment forms in 1954–1955 (He & Feng H2/H3, SEATO)",
		Test:        func(r *Record, cal sim.Calendar) (bool, bool) { return true, a6(r, cal) != nil }},
	{ID: "A7", Scenario: "asia-1950", Threshold: 0.6,
		Description: "where A6 happened, that alliance has dissolved by 1991-12 (H3)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			a := a6(r, cal)
			if a == nil {
				return false, false
			}
			return true, a.Ended >= 0 && a.Ended <= tickOf(cal, 1991, 12)
		}},
	{ID: "A8", Scenario: "asia-1950", Threshold: 0.8,
		Description: "South Korea and the ROC are never in a multilateral alliance with the patron (Cha)",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			for i := range r.Alliances {
				for _, ms := range r.Alliances[i].Phases() {
					if len(ms) >= 4 && hasPatronIn(r, ms) && (slices.Contains(ms, "kor") || slices.Contains(ms, "twn")) {
						return true, false
					}
				}
			}
			return true, true
		}},
	{ID: "A9", Scenario: "asia-1950", Threshold: 0.7,
		Description: "hub-and-spokes index of the patron at 1960-01 is at least 0.6",
		Test: func(r *Record, cal sim.Calendar) (bool, bool) {
			h, ok := hubAt(r, cal, 1960, 1)
			return true, ok && h >= 0.6
		}},
}
