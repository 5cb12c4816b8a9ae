package sim

// NoCache turns every cache of w off (cache.go): for the external tests
// that compare runs with and without caches.
func NoCache(w *World) { w.noCache = true }

// RawRowsExact is rawRowsExact: whether every row of raw readings
// rebaseline would skip is what reading it again gives, bit for bit, and
// how many rows were taken as current and not.
func RawRowsExact(w *World) (current, stale int, err error) { return rawRowsExact(w) }

// TickParams returns the parameters c runs on: on the tick's time scale
// (timescale.go).
func TickParams(c *Compiled) Params { return c.p }
