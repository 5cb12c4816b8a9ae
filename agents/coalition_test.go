package agents

import (
	"math"
	"testing"
)

func TestGreedyCoalition(t *testing.T) {
	// value: each member adds its worth, 3 and 4 together lose 5
	worth := []float64{0, 0.3, 0.1, 0.2, 0.25}
	value := func(s Set) float64 {
		v := 0.0
		s.Each(func(i int) { v += worth[i] })
		if s.Has(3) && s.Has(4) {
			v -= 5
		}
		return v
	}
	cands := Set(0).With(1).With(2).With(3).With(4)
	set, v := GreedyCoalition(cands, 1, value)
	// best single: 1 (0.3); then 4 (+0.25); then 2 (+0.1); 3 would cost 5
	if want := Set(0).With(1).With(4).With(2); set != want {
		t.Errorf("coalition %b, want %b", set, want)
	}
	near(t, "value", v, 0.65)
	// a minimum size forces members in
	set, _ = GreedyCoalition(Set(0).With(3).With(4), 2, value)
	if set.Len() != 2 {
		t.Errorf("min size 2 gave %b", set)
	}
	if s, _ := GreedyCoalition(Set(0).With(1), 2, value); s != 0 {
		t.Error("too few candidates should give no coalition")
	}
}

func TestSet(t *testing.T) {
	s := Set(0).With(3).With(0).With(63)
	if s.Len() != 3 || !s.Has(63) || s.Has(1) || s.Without(3).Len() != 2 {
		t.Errorf("set ops on %b", s)
	}
	if got := s.Without(1); got != s {
		t.Errorf("removing a non-member: %b, want %b", got, s)
	}
	if got := s.Members(nil); len(got) != 3 || got[0] != 0 || got[1] != 3 || got[2] != 63 {
		t.Errorf("members %v", got)
	}
}

// A coalition search step must raise the builder's value strictly
// (docs/model.md §7.7: "while it rises strictly"): a partner that leaves
// the value where it is, here candidate 2 of worth 0, is not added, so
// the coalition stays {1} at 0.3.
func TestGreedyCoalitionStopsWhenValueDoesNotRise(t *testing.T) {
	worth := []float64{0, 0.3, 0}
	value := func(s Set) float64 {
		v := 0.0
		s.Each(func(i int) { v += worth[i] })
		return v
	}
	set, v := GreedyCoalition(Set(0).With(1).With(2), 1, value)
	if want := Set(0).With(1); set != want {
		t.Errorf("coalition %b, want %b", set, want)
	}
	near(t, "value", v, 0.3)
}

// Among partners whose sets are worth the same, the search takes the
// lowest index (docs/model.md §7.7 takes "the candidate whose set has the
// highest value"; a tie goes to the first in index order, as elsewhere).
// Candidates 1 and 2 are each worth 0.3 alone and together 0.3 − 1: the
// coalition is {1} at 0.3, not {2}.
func TestGreedyCoalitionTieGoesToLowestIndex(t *testing.T) {
	value := func(s Set) float64 {
		if s.Has(1) && s.Has(2) {
			return 0.3 - 1
		}
		return 0.3
	}
	set, v := GreedyCoalition(Set(0).With(1).With(2), 1, value)
	if want := Set(0).With(1); set != want {
		t.Errorf("coalition %b, want %b", set, want)
	}
	near(t, "value", v, 0.3)
}

// The first partner is taken whatever its value (docs/model.md §7.7:
// "take the best single partner"); only later steps must raise the value.
// Partners worth −0.4, −0.1 and −0.3 alone, additively: the best single is
// 1 at −0.1, and adding 0 (−0.5) or 2 (−0.4) lowers it, so the coalition
// is {1} at −0.1, not the empty set.
func TestGreedyCoalitionTakesBestSingleEvenIfNegative(t *testing.T) {
	worth := []float64{-0.4, -0.1, -0.3}
	value := func(s Set) float64 {
		v := 0.0
		s.Each(func(i int) { v += worth[i] })
		return v
	}
	set, v := GreedyCoalition(Set(0).With(0).With(1).With(2), 0, value)
	if want := Set(0).With(1); set != want {
		t.Errorf("coalition %b, want %b", set, want)
	}
	near(t, "value", v, -0.1)
}

// When no candidate gives a value (every set is NaN, not an option) the
// search stops and returns the empty set at −Inf, even when a minimum size
// is still unmet; it does not keep asking. Two candidates need at most
// three value calls (two singles, one pair); more than 16 means it loops.
func TestGreedyCoalitionNoOptionStops(t *testing.T) {
	calls := 0
	value := func(Set) float64 {
		calls++
		if calls > 16 {
			t.Fatalf("GreedyCoalition made %d value calls for 2 candidates", calls)
		}
		return math.NaN()
	}
	set, v := GreedyCoalition(Set(0).With(0).With(1), 1, value)
	if set != 0 || !math.IsInf(v, -1) {
		t.Errorf("GreedyCoalition with no option = %b, %v; want empty, -Inf", set, v)
	}
}

// Index 0 is a candidate like any other: a partner at index 0 that raises
// the value most is taken first, and the next that still raises it
// after; and where it raises the value least, it is taken last, as the
// only candidate left (weights 0.2 and 0.5: state 1 first, 0.5 against
// 0.2, then state 0, 0.7 > 0.5).
func TestGreedyCoalitionTakesIndexZero(t *testing.T) {
	for _, worth := range [][]float64{{0.5, 0.2}, {0.2, 0.5}} {
		value := func(s Set) float64 {
			v := 0.0
			s.Each(func(i int) { v += worth[i] })
			return v
		}
		set, v := GreedyCoalition(Set(0).With(0).With(1), 1, value)
		if want := Set(0).With(0).With(1); set != want {
			t.Errorf("worth %v: coalition %b, want %b", worth, set, want)
		}
		near(t, "value", v, 0.7)
	}
}

// An index outside 0 to 63 is no member and changes no set.
func TestSetIgnoresIndicesOutOfRange(t *testing.T) {
	s := Set(0).With(0).With(2) // {0, 2}
	for _, i := range []int{-1, 64, 70} {
		if s.With(i) != s || s.Without(i) != s || s.Has(i) {
			t.Errorf("index %d: With %b, Without %b, Has %v; want %b, %b, false", i, s.With(i), s.Without(i), s.Has(i), s, s)
		}
	}
}
