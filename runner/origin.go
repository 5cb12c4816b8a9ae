package runner

import "github.com/alliancesim/alliancesim/sim"

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
// alliances no patron joined, the shorter-lived. An alliance of any other
// origin, and an indigenous one the patron joined in the tick it formed,
// counts whole, from its formation.
func OriginLifetimes(al *sim.AllianceRecord, horizon int) []OriginLifetime {
	end, ended := al.End(horizon), al.Ended >= 0
	if al.Origin == sim.OriginIndigenous.String() && al.PatronJoined > al.Formed {
		return []OriginLifetime{
			{sim.OriginClient.String(), Observation{Duration: float64(al.PatronJoined - al.Formed)}},
			{al.Origin, Observation{Duration: float64(end - al.PatronJoined), Event: ended}},
		}
	}
	return []OriginLifetime{{al.Origin, Observation{Duration: float64(end - al.Formed), Event: ended}}}
}
