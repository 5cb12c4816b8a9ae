package agents

import (
	"math"
	"math/bits"
)

// Set is a set of state indices as a bit mask; a scenario has at most 64
// states, so membership tests and unions cost nothing and allocate nothing.
// An index outside 0 to 63 (such as a failed lookup's −1) can be no
// member: With and Without leave the set as it is, and Has is false.
type Set uint64

// Has reports whether i is in s.
func (s Set) Has(i int) bool { return s&(1<<uint(i)) != 0 }

// With returns s with i added.
func (s Set) With(i int) Set { return s | 1<<uint(i) }

// Without returns s with i removed.
func (s Set) Without(i int) Set { return s &^ (1 << uint(i)) }

// Len is the number of members.
func (s Set) Len() int { return bits.OnesCount64(uint64(s)) }

// Each calls f for every member in increasing order.
func (s Set) Each(f func(i int)) {
	for r := uint64(s); r != 0; r &= r - 1 {
		f(bits.TrailingZeros64(r))
	}
}

// Members appends the members in increasing order to dst.
func (s Set) Members(dst []int) []int {
	for r := uint64(s); r != 0; r &= r - 1 {
		dst = append(dst, bits.TrailingZeros64(r))
	}
	return dst
}

// GreedyCoalition builds a coalition the way docs/model.md §7.7 describes
// client collective security: take the best single partner, then keep
// adding the partner that raises the builder's value most, while the
// value rises. Until the set holds minSize partners the best is added
// even if it does not raise the value (a multilateral proposal needs its
// members). value returns the builder's value of proposing to a partner
// set, NaN if the set is not an option. It returns the empty set if no
// candidate gives a value.
func GreedyCoalition(candidates Set, minSize int, value func(Set) float64) (Set, float64) {
	var set Set
	cur := math.Inf(-1)
	for candidates&^set != 0 {
		bestV, best := math.Inf(-1), -1
		(candidates &^ set).Each(func(j int) {
			if v := value(set.With(j)); v > bestV {
				bestV, best = v, j
			}
		})
		if best < 0 || (bestV <= cur && set.Len() >= minSize) {
			break
		}
		set, cur = set.With(best), bestV
	}
	if set.Len() < minSize {
		return 0, math.Inf(-1)
	}
	return set, cur
}
