package runner

import (
	"slices"

	"github.com/alliancesim/alliancesim/sim"
)

// OriginLifetime is a stretch of an alliance's life under one origin, as
// the survival groups `origin=…` count it (docs/model.md §7.14).
type OriginLifetime struct {
	Origin string
	Observation
}

// OriginLifetimes splits an alliance's lifetime by its origin, so that
// each origin's survival counts only the ticks the alliance had it. A
// clients' alliance that a patron joined (origin indigenous) is a client
// alliance until the patron's entry, censored there, since it went on;
// and indigenous from the entry to its end (or the horizon). Counted
// whole as indigenous, its clients' phase, which it was sure to survive
// since it became indigenous only after, would lengthen every indigenous
// lifetime (immortal time, as THEORY.md T6 counts from the patron's entry
// for the same reason), and the client group would keep only the clients'
// alliances no patron joined, the shorter-lived.
//
// Likewise a patron's bilateral signed with one client and for an
// occupied one (docs/model.md §7.9) turns imposed when that client joins
// on sovereignty while its members are its founders: an imposed alliance
// of two founders is bilateral until the first such entry, censored
// there, and imposed from it. An alliance of any other origin, and one whose origin changed
// in the tick it formed, counts whole, from its formation.
func OriginLifetimes(al *sim.AllianceRecord, horizon int) []OriginLifetime {
	end, ended := al.End(horizon), al.Ended >= 0
	before, at := originBefore(al)
	if at == al.Formed {
		return []OriginLifetime{{al.Origin, Observation{Duration: float64(end - al.Formed), Event: ended}}}
	}
	return []OriginLifetime{
		{before.String(), Observation{Duration: float64(at - al.Formed)}},
		{al.Origin, Observation{Duration: float64(end - at), Event: ended}},
	}
}

// OriginSince is the tick from which the alliance has had its origin as
// recorded, the tick its last lifetime of OriginLifetimes begins: a
// clients' alliance's patron entry where it turned indigenous, a
// bilateral's entry on sovereignty where it turned imposed, and its
// formation otherwise. A survival by origin counts from it (hypotheses'
// T6).
func OriginSince(al *sim.AllianceRecord) int {
	_, at := originBefore(al)
	return at
}

// originBefore is the origin an alliance had before the recorded one and
// the tick it changed; where it never changed, the tick is its formation
// (and the origin, 0, means nothing).
func originBefore(al *sim.AllianceRecord) (sim.Origin, int) {
	switch {
	case al.Origin == sim.OriginIndigenous.String() && al.PatronJoined > al.Formed:
		return sim.OriginClient, al.PatronJoined
	case al.Origin == sim.OriginImposed.String() && len(al.Founders) == 2:
		if at := sovereigntyEntry(al); at > al.Formed {
			return sim.OriginBilateral, at
		}
	}
	return 0, al.Formed
}

// sovereigntyEntry is the tick of the first entry on sovereignty into al
// that found its founders alone in it, the entry that turned it imposed
// (sim's joinDesignated), or -1. Sovereignty comes first in a tick (step
// 1), so the members then are those who joined before the tick and had
// not left before it; a client that applied and joined before the entry
// kept the alliance bilateral, and a later entry may still turn it.
// The record lists the members in the order they began, so the first
// such entry is the earliest.
func sovereigntyEntry(al *sim.AllianceRecord) int {
	for _, m := range al.Members {
		t := m.Joined
		if m.Entry != sim.EntrySovereignty.String() {
			continue
		}
		var present []string
		for _, o := range al.Members {
			if o.Joined < t && (o.Left < 0 || o.Left >= t) {
				present = append(present, o.State)
			}
		}
		slices.Sort(present)
		if slices.Equal(present, al.Founders) {
			return t
		}
	}
	return -1
}
