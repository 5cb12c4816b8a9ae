package hypotheses

import (
	"slices"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// The outcomes of THEORY.md, each a function of a run's records: its
// alliances (members at formation, origin, commitment, the size when a
// patron entered, formed and ended ticks, memberships) and its proposals.

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// patronFirstMultilateral: among runs in which a patron commits, whether
// its first alliance had four or more members when it entered (T1).
func patronFirstMultilateral(_ *Cell, r *runner.Record) (float64, bool) {
	a := r.FirstPatronAlliance()
	if a == nil {
		return 0, false
	}
	return b2f(a.PatronSize >= 4), true
}

// patronStrongShare: among runs in which a patron commits, the share of
// its alliances with strong commitment (T1: mean commitment).
func patronStrongShare(_ *Cell, r *runner.Record) (float64, bool) {
	n, strong := 0, 0
	for i := range r.Alliances {
		if a := &r.Alliances[i]; a.PatronJoined >= 0 {
			n++
			if a.Strong {
				strong++
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	return float64(strong) / float64(n), true
}

// isPatronMultilateralProposal says whether p is a patron's proposal of a
// multilateral alliance to three or more clients.
func isPatronMultilateralProposal(p *sim.ProposalRecord) bool {
	return p.Patron && p.Kind == sim.ProposeMultilateral.String() && len(p.Invitees) >= 3
}

// multilateralAccepted: among runs with a patron multilateral proposal,
// whether the first was accepted (T2).
func multilateralAccepted(_ *Cell, r *runner.Record) (float64, bool) {
	for i := range r.Proposals {
		if p := &r.Proposals[i]; isPatronMultilateralProposal(p) {
			return b2f(p.Accepted), true
		}
	}
	return 0, false
}

// clientAlliance3Plus: a client-only alliance reached three or more
// members (T3).
func clientAlliance3Plus(_ *Cell, r *runner.Record) (float64, bool) {
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if (a.Origin == "client" || a.Origin == "indigenous") && a.ClientPeak >= 3 {
			return 1, true
		}
	}
	return 0, true
}

// clientAlliance: a client-only alliance formed (T4).
func clientAlliance(_ *Cell, r *runner.Record) (float64, bool) {
	for i := range r.Alliances {
		if o := r.Alliances[i].Origin; o == "client" || o == "indigenous" {
			return 1, true
		}
	}
	return 0, true
}

// patronJoinsClients: among runs in which a client alliance was in force
// when a patron first committed, whether that commitment was to join a
// client alliance (origin indigenous: H1, H5; T5). Joining takes the
// clients' commitment by construction (H5). A client alliance formed in
// the tick the patron commits counts as there before it: the clients'
// round comes before the patrons' in every tick (docs/model.md §3.2), so
// it was there when the patron chose; so does one that ended in that
// tick, since alliances end after diplomacy (§3.1). One that had ended
// before does not: it no longer existed when the patron chose.
func patronJoinsClients(_ *Cell, r *runner.Record) (float64, bool) {
	first := r.FirstPatronAlliance()
	if first == nil {
		return 0, false
	}
	t := first.PatronJoined
	before := false
	for i := range r.Alliances {
		a := &r.Alliances[i]
		if (a.Origin == "client" || a.Origin == "indigenous") && a.Formed <= t && (a.Ended < 0 || a.Ended >= t) {
			before = true
		}
	}
	if !before {
		return 0, false
	}
	return b2f(first.Origin == "indigenous"), true
}

// originIs selects the patron alliances of the cell's level's origin
// (T6: indigenous against imposed).
func originIs(c *Cell, _ *runner.Record, a *sim.AllianceRecord) (float64, bool) {
	return 0, a.Origin == c.Level
}

// fallbackAfterRefusal: among runs in which a patron multilateral proposal
// was refused, whether within 12 ticks (the tick of the refusal and the 11
// after it, as the no-churn rule counts an alliance that ends within 12
// ticks of forming: churned) the patron entered a bilateral or trilateral
// alliance with a client that accepted it (H4; T7). A run whose first
// refusal came too close to its horizon for the 12 ticks to pass, and in
// which no such alliance came in the ticks it has, says nothing and is not
// counted.
// fallbackWindow is the number of ticks, the refusal's first, in which T7
// looks for the patron's fallback alliance.
const fallbackWindow = 12

func fallbackAfterRefusal(_ *Cell, r *runner.Record) (float64, bool) {
	for i := range r.Proposals {
		p := &r.Proposals[i]
		if !isPatronMultilateralProposal(p) || p.Accepted {
			continue
		}
		var acceptors []string
		for _, inv := range p.Invitees {
			if !slices.ContainsFunc(p.Refusals, func(x sim.RefusalRecord) bool { return x.State == inv }) {
				acceptors = append(acceptors, inv)
			}
		}
		for j := range r.Alliances {
			a := &r.Alliances[j]
			if a.PatronJoined < p.Tick || a.PatronJoined >= p.Tick+fallbackWindow || a.PatronSize < 2 || a.PatronSize > 3 {
				continue
			}
			for _, m := range a.MembersAt(a.PatronJoined) {
				if slices.Contains(acceptors, m) {
					return 1, true
				}
			}
		}
		return 0, p.Tick+fallbackWindow <= r.Ticks
	}
	return 0, false
}

// patronHubIndex: the patron's hub-and-spokes index over the run — its
// bilateral alliances (two members when it entered) ÷ all the alliances it
// entered — over the runs in which it entered any (T8). Counting every
// alliance the patron made, rather than those in force at one date, keeps
// the design choice apart from how long the alliances lasted (T6).
func patronHubIndex(_ *Cell, r *runner.Record) (float64, bool) {
	n, bi := 0, 0
	for i := range r.Alliances {
		if a := &r.Alliances[i]; a.PatronJoined >= 0 {
			n++
			if a.PatronSize == 2 {
				bi++
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	return float64(bi) / float64(n), true
}

// clientsAllied: the share of clients in an alliance, averaged over the
// run — each client's share of ticks as a member of any alliance, from
// its memberships, averaged over the clients (balancing; T9). Averaging
// over time, rather than asking whether a client ever allied, counts how
// soon and how long clients balance.
func clientsAllied(c *Cell, r *runner.Record) (float64, bool) {
	clients := map[string]bool{}
	var order []string // the clients in the scenario's order, so that the sum is the same bytes every time
	for i := 0; i < c.Compiled.N(); i++ {
		if c.Compiled.Role(i) == sim.Client {
			clients[c.Compiled.ID(i)] = true
			order = append(order, c.Compiled.ID(i))
		}
	}
	if len(clients) == 0 || r.Ticks == 0 {
		return 0, false
	}
	// the ticks each client was in some alliance: union of its spells
	spells := map[string][][2]int{}
	for i := range r.Alliances {
		a := &r.Alliances[i]
		for _, m := range a.Members {
			if !clients[m.State] {
				continue
			}
			end := m.Left
			if end < 0 {
				end = a.End(r.Ticks)
			}
			spells[m.State] = append(spells[m.State], [2]int{m.Joined, end})
		}
	}
	total := 0.0
	for _, id := range order {
		ss := spells[id]
		slices.SortFunc(ss, func(x, y [2]int) int { return x[0] - y[0] })
		covered, reach := 0, 0
		for _, sp := range ss {
			from := max(sp[0], reach)
			if sp[1] > from {
				covered += sp[1] - from
			}
			reach = max(reach, sp[1])
		}
		total += float64(covered) / float64(r.Ticks)
	}
	return total / float64(len(clients)), true
}

// churned: an alliance ended within 12 ticks of forming, except by
// occupation (the no-churn rule). An alliance formed within 12 ticks of
// the horizon is not counted, whatever became of it: its 12 ticks are
// not all played. Counted as not churned while in force, it leaned the
// share towards holding; left out only while in force, with those that
// ended in the ticks played kept, it would lean the other way.
func churned(_ *Cell, r *runner.Record, a *sim.AllianceRecord) (float64, bool) {
	if a.Formed+12 > r.Ticks {
		return 0, false
	}
	return b2f(a.Ended >= 0 && a.Ended-a.Formed < 12 && a.Cause != sim.EndOccupied.String()), true
}
