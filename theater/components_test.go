package theater

import "testing"

// Holdings count cells per state and component, and two states share a
// component exactly when both hold a cell in it, across the 64-component
// words of the bitset; a clone's rows are its own.
func TestLandHoldings(t *testing.T) {
	h := newLandHoldings(3, 130)
	h.add(0, 3, 2)
	h.add(1, 70, 1)
	h.add(2, 129, 1)
	if h.share(0, 1) || h.share(1, 2) || h.share(0, 2) {
		t.Fatal("states in different components share one")
	}
	h.add(1, 129, 1)
	if !h.share(1, 2) || !h.share(2, 1) || h.share(0, 1) {
		t.Fatal("component 129 (the third word's second bit) not shared by 1 and 2 alone")
	}

	c := h.cloneRows(1, 2)
	c.add(1, 129, -1) // state 1 leaves component 129 in the clone only
	c.add(2, 3, 1)
	if c.share(1, 2) || !c.share(0, 2) {
		t.Error("clone: state 1 still shares 129, or 2 does not share 3 with 0")
	}
	if !h.share(1, 2) || h.share(0, 2) || h.count[1][129] != 1 || h.count[2][3] != 0 {
		t.Error("adding to the clone's own rows changed the original")
	}

	// A count falling to zero clears the bit only then.
	h.add(0, 3, -1)
	if h.held[0][0]&(1<<3) == 0 {
		t.Error("component 3 dropped with a cell of state 0 still in it")
	}
	h.add(0, 3, -1)
	if h.held[0][0] != 0 || h.count[0][3] != 0 {
		t.Errorf("state 0 left component 3: held %b, count %d", h.held[0][0], h.count[0][3])
	}
}

// On a map of many landmasses Reachable is what the components say, and
// stays so as territory changes hands: a state reaches another only where
// both hold cells on one island.
func TestReachableOnAnArchipelago(t *testing.T) {
	g := archipelago(20, 3) // 100 one-cell islands dealt round 3 states
	for a := range 3 {
		for c := range 3 {
			if got := NewGeometry(g, 3, DefaultParams()).Reachable(a, c); got != (a == c) {
				t.Errorf("Reachable(%d, %d) = %v on one-cell islands", a, c, got)
			}
		}
	}
	// Unowned land at (1, 0) joins state 0's island at (0, 0) to state
	// 1's at (2, 0).
	g.Terrain[1] = Land
	geo := NewGeometry(g, 3, DefaultParams())
	if !geo.Reachable(0, 1) || geo.Reachable(0, 2) {
		t.Fatal("states 0 and 1 on one island do not reach each other, or 0 reaches 2")
	}
	// State 2 takes state 1's cell there: now 2 shares the island with
	// 0, and 1 no longer does.
	geo = geo.Transfer(1, 2, []int{2})
	if geo.Reachable(0, 1) || !geo.Reachable(0, 2) || !geo.Reachable(2, 0) {
		t.Errorf("after the transfer: Reachable(0, 1) %v, (0, 2) %v, (2, 0) %v; want false, true, true",
			geo.Reachable(0, 1), geo.Reachable(0, 2), geo.Reachable(2, 0))
	}
}
