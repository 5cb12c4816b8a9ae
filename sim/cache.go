package sim

import "github.com/alliancesim/alliancesim/theater"

// Caches. The engine keeps what it can reuse, and every such cache is
// exact: turning it off changes no byte of a run (TestCachesOff). With
// noCache set — tests only — a World
//
//   - values each state's position afresh instead of from positionMemo;
//   - recomputes forces, projections, credibility, allied help and
//     defence at every perception and after every challenge, not only
//     when a capability event or an occupation changed them (forcesDirty);
//   - rebuilds the theatre's geometry from its grid after every change of
//     territory, instead of updating the distance fields incrementally
//     (theater.Geometry.Transfer).
//
// Policy review (review.go) is not a cache: it is a mechanism of the
// model, with its own tests; review_threshold 0 and review_interval 1 is
// the every-tick model.

// forcesStale reports whether what depends on forces and geography must
// be recomputed (refreshForces) before it is read.
func (w *World) forcesStale() bool { return w.forcesDirty || w.noCache }

// setGeometry installs the theatre after a change of territory; with
// caches off it is built afresh from its grid.
func (w *World) setGeometry(geo *theater.Geometry) {
	if w.noCache && geo != w.geo {
		fresh, err := theater.Compile(geo.Grid(), w.c.n, geo.Params())
		if err != nil {
			panic("sim: rebuilding the theatre: " + err.Error())
		}
		geo = fresh
	}
	w.geo = geo
}
