package runner

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/alliancesim/alliancesim/sim"
)

// replicate plays replication run of a point with its seed to the horizon.
// A panic inside it — in a registered valuation or strategy, say — is
// recovered and returned as an error naming the point, the replication and
// the seed (with the stack), so that one bad replication stops the run
// with a reason instead of killing the program that embeds the engine.
func replicate(ctx context.Context, c *sim.Compiled, point, run int, seed uint64) (w *sim.World, err error) {
	defer func() {
		if r := recover(); r != nil {
			w, err = nil, fmt.Errorf("point %d, replication %d (seed %d): panic: %v\n%s", point, run, seed, r, debug.Stack())
		}
	}()
	w = sim.NewWorld(c, seed)
	if _, err := w.Run(ctx); err != nil {
		if ctx.Err() != nil && err == ctx.Err() {
			return nil, err
		}
		return nil, fmt.Errorf("point %d, replication %d (seed %d): %w", point, run, seed, err)
	}
	return w, nil
}
