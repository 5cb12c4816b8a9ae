package sim

import (
	"fmt"
	"math"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// rawRowsExact reports, for every living state whose row of raw readings
// rebaseline would skip (rawCurrent), whether the row and the direct
// threats folded from it are what reading it again gives, bit for bit: an
// error naming the first that is not. It counts the rows taken as current
// and not.
func rawRowsExact(w *World) (current, stale int, err error) {
	c, n := w.c, w.c.n
	for m := 0; m < n; m++ {
		if !w.alive[m] {
			continue
		}
		if !w.rawCurrent(m) {
			stale++
			continue
		}
		current++
		total, adv := 0.0, 0.0
		for j := 0; j < n; j++ {
			k := m*n + j
			if j == m || !w.alive[j] {
				if w.raw[k] != 0 || w.perceived[k] != 0 {
					return current, stale, fmt.Errorf("%s's reading of dead %s is %v (perceived %v), want 0", c.id[m], c.id[j], w.raw[k], w.perceived[k])
				}
				continue
			}
			if tau := w.tau(m, j, w.defK[m], &w.ties[m]); math.Float64bits(tau) != math.Float64bits(w.raw[k]) {
				return current, stale, fmt.Errorf("%s's row is taken as current, but its reading of %s is %v, kept %v", c.id[m], c.id[j], tau, w.raw[k])
			}
			total = agents.Combine(total, w.perceived[k])
			if c.role[j] == Adversary {
				adv = agents.Combine(adv, w.perceived[k])
			}
		}
		if math.Float64bits(total) != math.Float64bits(w.direct[m]) || math.Float64bits(adv) != math.Float64bits(w.directAdv[m]) {
			return current, stale, fmt.Errorf("%s's row is taken as current, but its direct threats fold to %v and %v, kept %v and %v",
				c.id[m], total, adv, w.direct[m], w.directAdv[m])
		}
	}
	return current, stale, nil
}

// A row of raw readings that rebaseline would skip (rawCurrent) is the
// row reading it again gives, bit for bit, and so are the direct threats
// folded from it: in a world with noise, occupations, eliminations and
// alliances whose cohesion moves (contestedScenario), at the end of every
// tick and wherever an event is logged mid-tick, for every living state.
// The test fails if it saw no row taken as current or none not current,
// or no occupation, for then it could not catch an input left out of the
// stamp (rawStamp) or a change of forces that does not move rawGen.
func TestRawCurrentIsExact(t *testing.T) {
	c := mustCompile(t, contestedScenario())
	current, stale, occupied := 0, 0, 0
	check := func(w *World, when string) {
		cur, st, err := rawRowsExact(w)
		current, stale = current+cur, stale+st
		if err != nil {
			t.Fatalf("seed %d tick %d, %s: %v", w.seed, w.tick, when, err)
		}
	}
	watch := ObserverFuncs{Event: func(w *World, e *Event) {
		if e.Type == EventOccupation {
			occupied++
		}
		check(w, e.Type.String())
	}}
	for seed := uint64(1); seed <= 5; seed++ {
		w := NewWorld(c, seed, watch)
		for w.Step() {
			check(w, "end of tick")
		}
	}
	if current == 0 || stale == 0 || occupied == 0 {
		t.Fatalf("rows taken as current %d, not current %d, occupations %d: the test world should have each", current, stale, occupied)
	}
}

// rawCurrent reads every input of a row's stamp: after rebaseline, a
// state with an ally has a current row, which is no longer current once
// its defence, any ally, or any ally's weight differs by a bit, once
// what every row reads moves (inputsMoved), or with caches off.
func TestRawCurrentReadsEveryInput(t *testing.T) {
	c := mustCompile(t, contestedScenario())
	w := NewWorld(c, 1)
	m := -1
	for m < 0 && w.Step() {
		for i := 0; i < c.n; i++ {
			if w.alive[i] && w.ties[i].allies != 0 {
				m = i
				break
			}
		}
	}
	if m < 0 {
		t.Fatal("no state had an ally: the test world should have one")
	}
	w.rebaseline()
	if !w.rawCurrent(m) {
		t.Fatalf("%s's row is not current right after rebaseline", c.id[m])
	}
	a := w.ties[m].allies.Members(nil)[0]
	row, defK := w.ties[m], w.defK[m]
	for _, change := range []struct {
		what string
		do   func()
	}{
		{"its defence moved", func() { w.defK[m] = math.Nextafter(defK, math.Inf(1)) }},
		{"an ally gone", func() { w.ties[m].allies = row.allies.Without(a) }},
		{"an ally's weight moved", func() { w.ties[m].weight[a] = math.Nextafter(row.weight[a], 0) }},
		{"what every row reads moved", w.inputsMoved},
		{"caches turned off", func() { w.noCache = true }},
	} {
		change.do()
		if w.rawCurrent(m) {
			t.Errorf("%s's row is taken as current after %s", c.id[m], change.what)
		}
		w.ties[m], w.defK[m], w.noCache = row, defK, false
		w.stampRaw(m)
	}
}
