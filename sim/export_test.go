package sim

// NoCache turns every cache of w off (cache.go): for the external tests
// that compare runs with and without caches.
func NoCache(w *World) { w.noCache = true }

// TickParams returns the parameters c runs on: on the tick's time scale
// (timescale.go).
func TickParams(c *Compiled) Params { return c.p }
