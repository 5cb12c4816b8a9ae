package sim

// Forces returns state i's land, naval and economy in w as they stand:
// for the external tests that check what capability events set.
func Forces(w *World, i int) (land, naval, economy float64) {
	i = w.c.state(i)
	return w.land[i], w.naval[i], w.economy[i]
}
