package theater

import "slices"

// landHoldings records, for each state, how many of its cells lie in each
// land component, and which components it holds any cell in as a bitset:
// whether two states share a component (Reachable) then takes one AND per
// 64 components, and a transfer copies only the rows of the two states it
// changes. A drawn map may have hundreds of thousands of landmasses; with a
// count per state and component scanned for every pair, compiling a
// 1000 × 1000 map of 250,000 islands held by 100 states took 10 s and each
// occupation half a second.
type landHoldings struct {
	count [][]int32  // count[a][k]: cells of state a in component k
	held  [][]uint64 // bit k of held[a] is set when count[a][k] > 0
}

// newLandHoldings holds no cell of n states in ncomp components.
func newLandHoldings(n, ncomp int) landHoldings {
	h := landHoldings{count: make([][]int32, n), held: make([][]uint64, n)}
	words := (ncomp + 63) / 64
	for a := range n {
		h.count[a] = make([]int32, ncomp)
		h.held[a] = make([]uint64, words)
	}
	return h
}

// add counts d more cells of state a in component k (d may be negative).
// The rows of a must be the receiver's own (cloneRows).
func (h landHoldings) add(a, k int, d int32) {
	h.count[a][k] += d
	if h.count[a][k] > 0 {
		h.held[a][k/64] |= 1 << (k % 64)
	} else {
		h.held[a][k/64] &^= 1 << (k % 64)
	}
}

// share reports whether states a and c hold cells in a common component.
func (h landHoldings) share(a, c int) bool {
	ha, hc := h.held[a], h.held[c]
	for w := range ha {
		if ha[w]&hc[w] != 0 {
			return true
		}
	}
	return false
}

// cloneRows returns a copy that shares every row with h but those of
// states, which it copies, so that add on them leaves h unchanged.
func (h landHoldings) cloneRows(states ...int) landHoldings {
	c := landHoldings{count: slices.Clone(h.count), held: slices.Clone(h.held)}
	for _, a := range states {
		c.count[a] = slices.Clone(h.count[a])
		c.held[a] = slices.Clone(h.held[a])
	}
	return c
}
