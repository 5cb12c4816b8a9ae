package sim

// NoCache turns every cache of w off (cache.go): for the external tests
// that compare runs with and without caches.
func NoCache(w *World) { w.noCache = true }
