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
