package runner

import (
	"fmt"

	"github.com/alliancesim/alliancesim/sim"
)

// Record is one replication as the aggregates need it: its point and
// replication number, the run's sim.Record (alliances with their
// memberships, proposals with their answers) and the values of the custom
// measures. It is small (no event log), so many can be held and written to
// the chunks' runs.jsonl, from which shard outputs are merged.
type Record struct {
	Point int `json:"point"`
	Run   int `json:"run"`
	sim.Record
	// Measures are the values of the custom measures (Options.Measures),
	// in their order (NaN: no value); absent without any.
	Measures Values `json:"measures,omitempty"`
}

// check reports a record that cannot be the one of its run: a read chunk
// is checked against its checksums, but a hand-edited chunk with fresh
// checksums must still not corrupt the aggregates (a negative lifetime,
// a tick past the horizon) or stop them with a panic.
func (r *Record) check(ticks int, seed uint64) error {
	tick := func(what string, t, lo, hi int) error {
		if t < lo || t > hi {
			return fmt.Errorf("%s %d outside %d…%d", what, t, lo, hi)
		}
		return nil
	}
	switch {
	case r.Seed != seed:
		return fmt.Errorf("seed %d where the seed rule gives %d", r.Seed, seed)
	case r.Ticks != ticks:
		return fmt.Errorf("%d ticks where the point has %d", r.Ticks, ticks)
	}
	for i := range r.Alliances {
		a := &r.Alliances[i]
		err := tick("formed", a.Formed, 0, ticks-1)
		// Everything happens in a tick of the run, 0 … ticks−1; a
		// membership's end is exclusive and may be the horizon.
		if err == nil && a.Ended != -1 {
			err = tick("ended", a.Ended, a.Formed, ticks-1)
		}
		if err == nil && a.PatronJoined != -1 {
			err = tick("patron_joined", a.PatronJoined, a.Formed, ticks-1)
		}
		if err == nil {
			err = originSinceError(a, ticks)
		}
		for j := 0; err == nil && j < len(a.Members); j++ {
			if err = tick("joined", a.Members[j].Joined, 0, ticks-1); err == nil && a.Members[j].Left != -1 {
				err = tick("left", a.Members[j].Left, a.Members[j].Joined, ticks)
			}
		}
		if err != nil {
			return fmt.Errorf("alliance %d: %w", a.ID, err)
		}
	}
	for i := range r.Proposals {
		if err := tick("proposal at tick", r.Proposals[i].Tick, 0, ticks-1); err != nil {
			return err
		}
	}
	return nil
}

// originSinceError reports an alliance record whose origin_since cannot
// be the engine's: outside its life (formed … ended, or the last tick),
// an indigenous alliance's other than its patron's entry, or a later tick
// than its formation for an origin that never changes (only a clients'
// alliance turns indigenous, and a patron's bilateral imposed) or for an
// imposed alliance of three founders or more, which was never such a
// bilateral. A record written before origin_since existed reads it as 0,
// which such an alliance formed after tick 0, or turned indigenous after
// it, fails.
func originSinceError(a *sim.AllianceRecord, ticks int) error {
	last := ticks - 1
	if a.Ended >= 0 {
		last = a.Ended
	}
	switch {
	case a.OriginSince < a.Formed || a.OriginSince > last:
		return fmt.Errorf("origin_since %d outside %d…%d", a.OriginSince, a.Formed, last)
	case a.Origin == sim.OriginIndigenous.String():
		if a.OriginSince != a.PatronJoined {
			return fmt.Errorf("origin_since %d of an indigenous alliance a patron joined at %d; allowed: %d", a.OriginSince, a.PatronJoined, a.PatronJoined)
		}
	case a.Origin != sim.OriginImposed.String() && a.OriginSince != a.Formed:
		return fmt.Errorf("origin_since %d of a %s alliance formed at %d; allowed: %d (only an indigenous or imposed alliance's origin begins after its formation)",
			a.OriginSince, a.Origin, a.Formed, a.Formed)
	case a.Origin == sim.OriginImposed.String() && len(a.Founders) > 2 && a.OriginSince != a.Formed:
		return fmt.Errorf("origin_since %d of an imposed alliance of %d founders formed at %d; allowed: %d (only a patron's bilateral, of two founders, turns imposed after its formation)",
			a.OriginSince, len(a.Founders), a.Formed, a.Formed)
	}
	return nil
}
