package runner

import (
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
// on sovereignty while its members are its founders: it is bilateral
// until then, censored there, and imposed from it, the tick its record
// gives (sim.AllianceRecord.OriginSince), which the memberships alone
// cannot always tell (§8.4 item 25); an indigenous alliance's split is its
// record's PatronJoined, which the engine writes as its OriginSince too,
// so that a record built by hand without OriginSince reads as it did
// before the record kept it. An alliance of any
// other origin, and one whose origin changed in the tick it formed, counts
// whole, from its formation; so does one whose record dates the change
// after its end or the horizon, which the engine never writes (a record
// built by hand), rather than counting a negative lifetime.
func OriginLifetimes(al *sim.AllianceRecord, horizon int) []OriginLifetime {
	end, ended := al.End(horizon), al.Ended >= 0
	before, at := originBefore(al)
	if at == al.Formed || at > end {
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
// formation otherwise (the record's OriginSince, read as OriginLifetimes
// reads it), but for an alliance in force at the horizon whose record
// dates the change past it, which OriginLifetimes counts whole from its
// formation (no horizon is given here; the engine never writes such a
// record). A survival by origin counts from it (hypotheses' T6).
func OriginSince(al *sim.AllianceRecord) int {
	_, at := originBefore(al)
	return at
}

// originBefore is the origin an alliance had before the recorded one and
// the tick it changed; where it never changed, the tick is its formation
// (and the origin, 0, means nothing). Only a clients' alliance turns
// indigenous, at its patron's first entry (PatronJoined, which the
// engine's records also give as OriginSince, and which a record built by
// hand before OriginSince existed gives alone), and only a patron's
// bilateral turns imposed, at the record's OriginSince; a record that
// gives another origin a later tick, or none (an OriginSince before the
// formation, as the zero value of a record built by hand), or a tick
// after the alliance ended, is read as having had its origin from its
// formation.
func originBefore(al *sim.AllianceRecord) (sim.Origin, int) {
	before, at := sim.Origin(0), al.Formed
	switch {
	case al.Origin == sim.OriginIndigenous.String() && al.PatronJoined > al.Formed:
		before, at = sim.OriginClient, al.PatronJoined
	case al.Origin == sim.OriginImposed.String() && al.OriginSince > al.Formed:
		before, at = sim.OriginBilateral, al.OriginSince
	}
	if al.Ended >= 0 && at > al.Ended {
		return 0, al.Formed
	}
	return before, at
}
