package sim

import (
	"math"
	"math/bits"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

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
//     (theater.Geometry.Transfer);
//   - folds the threat of every state under a hypothetical change of
//     alliances (threatUnder), where otherwise a state whose ties the
//     change leaves alone keeps its current threat. That is exact because
//     raw readings are kept current (rebaseline): the fold of an
//     untouched state gives its perceived threats back bit for bit;
//   - reads every state's raw readings afresh in rebaseline, where
//     otherwise it skips a state whose readings were last read from the
//     same ties, defence and generation of everything else (rawCurrent):
//     a state whose alliances' cohesion did not move, or that has none;
//   - takes the logarithm of every raw reading τ_mj it perceives
//     (readingLogit), where otherwise it keeps the logit of the last τ_mj
//     and reuses it while τ_mj is unchanged, as it is in most ticks;
//   - shocks the revisionism m reads into j afresh at every perception
//     (shockedRevisionism), where otherwise it keeps the shocked value
//     until the next scripted shock moves shift_mj, and likewise the
//     revisionism every state reads into j (revisionismOf) until a
//     shock moves j's actorShift;
//   - computes a patron's threat under each imposed alliance its
//     coalition searches score, where otherwise it keeps the threat of
//     each set for the round, as the searches (weak and strong, over the
//     sets the strategy admits and, where it wants nothing else, over
//     every set) score many of the same sets (imposedAfter,
//     patronOptions);
//   - asks bestCommitment again which commitment a client's best
//     coalition is valued at, where otherwise it keeps the one the
//     coalition search's own appraisal of that set gave (clientCoalition).
//
// One table is made when a scenario is compiled and has no switch: the
// spread of an option at each commitment and number of partners
// (spreadTable), agents.Spread's own results, compared with it bit for
// bit by TestSpreadTableIsSpread.
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

// rebaseline brings every state's raw readings τ up to date with the
// world as it now stands — its ties, after cohesion moved, and forces and
// territory, after an occupation mid-tick — without moving what any state
// perceives: perception changes at the next reading (perceive) or by what
// an alliance changes (foldStore). A source wholly occupied stops being a
// threat source at once. A hypothetical alliance then shifts each
// perceived threat by what the alliance alone changes in the raw reading,
// not also by whatever moved since the last reading; and a state the
// change does not touch keeps exactly its threat, so that threatUnder
// may skip its fold. When nothing moved, rebaseline changes no bit.
//
// Raw readings go stale between two readings only when forces and
// territory change in the crises phase (an occupation, an elimination) or
// cohesion moves in cohesionAndExit; both rebaseline at once. (perceive
// reads everything afresh; a formation, a join or an exit stores the
// readings of the states whose ties it changed.)
func (w *World) rebaseline() {
	c, n := w.c, w.c.n
	for m := 0; m < n; m++ {
		if !w.alive[m] {
			w.direct[m], w.directAdv[m] = 0, 0 // as fold reads a dead state
			continue
		}
		row := &w.ties[m]
		if w.rawCurrent(m) {
			continue
		}
		total, adv := 0.0, 0.0
		for j := 0; j < n; j++ {
			k := m*n + j
			if j == m || !w.alive[j] {
				w.perceived[k], w.raw[k] = 0, 0
				continue
			}
			w.raw[k] = w.tau(m, j, w.defK[m], row)
			total = agents.Combine(total, w.perceived[k])
			if c.role[j] == Adversary {
				adv = agents.Combine(adv, w.perceived[k])
			}
		}
		w.direct[m], w.directAdv[m] = total, adv
		w.stampRaw(m)
	}
	w.patronTotals()
}

// rawStamp is what a state's row of raw readings τ_m· was read from,
// besides what every row reads: its ties and the κ-th power of its
// defence, and the generation of everything else (World.rawGen).
type rawStamp struct {
	gen  uint64
	defK float64
	ties tieRow
	ok   bool
}

// inputsMoved records that something every row of raw readings reads
// has changed — intents, forces, economies, which states are alive — so
// that no row is taken as current from before it (rawCurrent).
func (w *World) inputsMoved() { w.rawGen++ }

// stampRaw records that m's row of raw readings, and its direct threats
// (direct, directAdv) folded from its perceived threats, were just read
// under its ties in force and its defence.
func (w *World) stampRaw(m int) {
	w.rawFrom[m] = rawStamp{gen: w.rawGen, defK: w.defK[m], ties: w.ties[m], ok: true}
}

// rawCurrent reports whether m's row of raw readings, and its direct
// threats, are what reading it again would give bit for bit: nothing
// every row reads has moved since it was read, nor m's defence, its
// allies or the weight of any of them. Then rebaseline skips the row, as
// it does for most states in most ticks: those whose alliances' cohesion
// did not move, or who have none. With caches off no row is skipped.
func (w *World) rawCurrent(m int) bool {
	st := &w.rawFrom[m]
	row := &w.ties[m]
	if w.noCache || !st.ok || st.gen != w.rawGen || st.ties.allies != row.allies ||
		math.Float64bits(st.defK) != math.Float64bits(w.defK[m]) {
		return false
	}
	for r := uint64(row.allies); r != 0; r &= r - 1 {
		a := bits.TrailingZeros64(r)
		if math.Float64bits(st.ties.weight[a]) != math.Float64bits(row.weight[a]) {
			return false
		}
	}
	return true
}

// readingLogit is agents.ReadingLogit(tau) for the reading k = m·n + j,
// kept from the last reading of the same τ.
func (w *World) readingLogit(k int, tau float64) float64 {
	if tau == w.readTau[k] && !w.noCache {
		return w.readLogit[k]
	}
	l := agents.ReadingLogit(tau)
	w.readTau[k], w.readLogit[k] = tau, l
	return l
}

// shockedRevisionism is agents.ShockedRevisionism of j's revisionism
// under the shocks m reads into it (k = m·n + j), kept from the last
// perception while no new shock has moved them.
func (w *World) shockedRevisionism(k, j int) float64 {
	return w.shockedMemo(j, w.shift[k], &w.shocked[k], &w.shockedAt[k])
}

// shockedMemo is agents.ShockedRevisionism of j's revisionism under
// shift, kept in *value while *at holds the shift it was computed for
// (shockedRevisionism's per pair, revisionismOf's per state).
func (w *World) shockedMemo(j int, shift float64, value, at *float64) float64 {
	if shift == 0 {
		return w.c.revisionism[j]
	}
	if shift == *at && !w.noCache {
		return *value
	}
	r := agents.ShockedRevisionism(w.c.revisionism[j], shift)
	*value, *at = r, shift
	return r
}
