package sim

import (
	"fmt"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// Policy review (docs/model.md §7.13): a state reviews when its threat
// moved by at least review_threshold (0.05) since its last review, when
// review_interval (12) ticks passed, when something that concerns it
// changed, or (a patron) when its strategy admits other options; every
// state at its first tick; never an adversary.
func TestPolicyReview(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 3, "impose_threshold": 1}
	w := perceived(t, sc)
	w.startReviews()
	if w.reviewing != set(pat, c1, c2, c3) {
		t.Fatalf("tick 0: reviewing %b, want every state but the adversary", w.reviewing)
	}
	// Reviewing, for observers, reads the same set.
	for i, want := range []bool{pat: true, c1: true, c2: true, c3: true, adv: false} {
		if w.Reviewing(i) != want {
			t.Errorf("tick 0: Reviewing(%d) = %v, want %v", i, !want, want)
		}
	}
	// Freeze threats at their tick-0 values and move time and threats by
	// hand.
	base := append([]float64(nil), w.threat...)
	review := func(tick int, threat map[int]float64) agents.Set {
		w.tick = tick
		copy(w.threat, base)
		for i, x := range threat {
			w.threat[i] = x
		}
		w.startReviews()
		return w.reviewing
	}
	if got := review(1, map[int]float64{c1: base[c1] + 0.049}); got != 0 {
		t.Errorf("threat moved by 0.049 < 0.05: reviewing %b, want none", got)
	}
	if got := review(2, map[int]float64{c1: base[c1] - 0.05}); got != set(c1) {
		t.Errorf("threat moved by 0.05: reviewing %b, want c1", got)
	}
	base[c1] -= 0.05 // c1's threat stays where it moved
	// c1's mark is now at tick 2, the others' at tick 0; the patron's
	// patience (3) runs out at tick 3 (it wanted an ally since tick 0),
	// so its strategy then admits a multilateral: a review.
	w.wantedSince[pat] = 0
	if got := review(3, nil); got != set(pat) {
		t.Errorf("tick 3, the patron's patience out: reviewing %b, want pat", got)
	}
	if got := review(11, nil); got != 0 {
		t.Errorf("tick 11: reviewing %b, want none", got)
	}
	if got := review(12, nil); got != set(c2, c3) {
		t.Errorf("tick 12, 12 ticks after their review: reviewing %b, want c2, c3", got)
	}
	// A change concerning c3 — its alliance with c2 — concerns c3, its
	// ally c2 and the patron, who holds stakes in them; not c1.
	w.alliances = append(w.alliances, Alliance{ID: len(w.alliances), Members: set(c2, c3), Ended: -1, Cohesion: 1})
	w.refreshAlliances()
	w.concerns(set(c3))
	if got := review(13, nil); got != set(pat, c2, c3) {
		t.Errorf("a change concerning c3: reviewing %b, want pat, c2, c3", got)
	}
	// A change concerning the adversary concerns every patron and client.
	w.concerns(set(adv))
	if got := review(14, nil); got != set(pat, c1, c2, c3) {
		t.Errorf("a change concerning adv: reviewing %b, want all but adv", got)
	}
	// Every tick with threshold 0 and interval 1.
	sc.Params.ReviewThreshold, sc.Params.ReviewInterval = 0, 1
	w = NewWorld(mustCompile(t, sc), 1)
	for range 5 {
		w.Step()
		if w.reviewing != set(pat, c1, c2, c3) {
			t.Fatalf("every-tick rule, tick %d: reviewing %b", w.tick-1, w.reviewing)
		}
	}
}

// A patron reviews when its strategy comes to admit an option to any one
// of its candidates, not only to all of them together. c1 and c2 are in a
// client alliance, so the assurance patron admits no option to all three
// clients at any tick (it offers nothing to clients committed to each
// other); when its patience (3) runs out at tick 3 it admits a bilateral
// and a multilateral to c3 alone, and reviews.
func TestReviewWhenAdmittedToOneCandidate(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 3, "impose_threshold": 1}
	w := NewWorld(mustCompile(t, sc), 1)
	w.alliances = append(w.alliances, Alliance{ID: 0, Members: set(c1, c2), Ended: -1, Cohesion: 1})
	w.refreshAlliances()
	w.perceive()
	reviewsWhenPatienceRunsOut(t, w, admission{multi: set(c3), bi: set(c3)})
}

// Policy is reviewed in the ticks of a diplomacy round (docs/model.md
// §7.13): with diplomacy_interval 3 no state reviews at ticks 1 and 2, a
// change concerning c1 at tick 1 is reviewed at tick 3, and the periodic
// review (review_interval 4) of the states that last reviewed at tick 0
// waits for the round at tick 6 instead of falling, spent, at tick 4.
func TestReviewsWaitForTheDiplomacyRound(t *testing.T) {
	sc := testScenario()
	sc.Params.DiplomacyInterval, sc.Params.ReviewInterval = 3, 4
	w := perceived(t, sc)
	w.startReviews()
	if w.reviewing != set(pat, c1, c2, c3) {
		t.Fatalf("tick 0: reviewing %b, want every state but the adversary", w.reviewing)
	}
	for _, c := range []struct {
		tick    int
		concern agents.Set
		want    agents.Set
	}{
		{1, set(c1), 0},
		{2, 0, 0},
		{3, 0, set(pat, c1)},
		{4, 0, 0},
		{5, 0, 0},
		{6, 0, set(c2, c3)},
	} {
		w.tick = c.tick
		if c.concern != 0 {
			w.concerns(c.concern)
		}
		w.startReviews()
		if w.reviewing != c.want {
			t.Errorf("tick %d: reviewing %b, want %b", c.tick, w.reviewing, c.want)
		}
	}
}

// A patron whose alliances have all ended waits anew (docs/model.md §7.8),
// and its review reads what its strategy admits after the wait restarts:
// the review that the end of its alliance brings about records the
// admission it acts under, and the next tick, with nothing changed, it
// does not review again. The set-up is TestPatronWaitsAgainOnceItsAlliancesEnd's:
// the patron imposes at tick 6, past its patience, and leaves at tick 6.
func TestReviewAfterTheWaitRestarts(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 6}
	sc.States[pat].HasReference, sc.States[pat].Reference = true, 0.7
	w := NewWorld(mustCompile(t, sc), 1)
	for w.tick = 0; w.tick <= 6; w.tick++ {
		w.perceive()
		w.startReviews()
		w.reviewing = set(pat)
		w.patronRound(pat)
	}
	if !w.committed[pat] || len(w.alliances) != 1 {
		t.Fatalf("set-up: past its patience the patron should have imposed at tick 6: %v", describe(w))
	}
	al := &w.alliances[0]
	w.leave(al, pat, al.Members)
	w.perceive()
	w.startReviews()
	if !w.Reviewing(pat) {
		t.Fatal("tick 7: the end of its alliance concerns the patron: it should review")
	}
	if w.committed[pat] || w.wantedSince[pat] != -1 {
		t.Fatalf("tick 7: the wait should restart before the review (committed %v, wanted since %d)", w.committed[pat], w.wantedSince[pat])
	}
	if got, want := w.reviews[pat].admits, w.admitted(pat); got != want {
		t.Errorf("tick 7: the review recorded the admission %+v, but the patron acts under %+v", got, want)
	}
	w.patronRound(pat)
	threat := w.threat[pat]
	w.tick++
	w.perceive()
	if d := w.threat[pat] - threat; d <= -0.05 || d >= 0.05 {
		t.Fatalf("set-up: the patron's threat moved by %v, a review by itself", d)
	}
	w.startReviews()
	if w.Reviewing(pat) {
		t.Error("tick 8: nothing that concerns the patron changed, its threat did not move and its strategy admits what it did: it should not review")
	}
}

// A change concerns a patron only through the clients it holds positive
// stakes in (docs/model.md §7.13: "every patron holding stakes in any of
// those"). With pat's stake in c1 set to 0 and no alliance in force, a
// change concerning c1 concerns c1 alone; with the default stake 1 it
// concerns pat too.
func TestChangeConcernsOnlyPatronsWithPositiveStakes(t *testing.T) {
	for _, c := range []struct {
		stake   float64
		patrons int // how far pat's concern counter moves
	}{{0, 0}, {1, 1}} {
		sc := testScenario()
		sc.States[pat].Stakes = map[string]float64{"c1": c.stake}
		w := perceived(t, sc)
		checkConcerns(t, w, fmt.Sprintf("stake %v", c.stake), func() { w.concerns(set(c1)) },
			[]int{pat: c.patrons, c1: 1, c2: 0, c3: 0, adv: 0})
	}
}

// The threshold rule is "at least" (docs/model.md §7.13: a state reviews
// if its threat moved by at least review_threshold). With threshold 0.25
// and threats held at dyadic values, so that |0.5 − 0.25| is exactly
// 0.25, c1 reviews; at 0.25 + 0.2421875 = 0.4921875 (a move of
// 0.2421875 < 0.25, also exact) it does not.
func TestReviewAtExactlyTheThreshold(t *testing.T) {
	sc := testScenario()
	sc.Params.ReviewThreshold = 0.25
	w := perceived(t, sc)
	w.startReviews()
	for _, c := range []struct {
		threat float64
		want   bool
	}{{0.4921875, false}, {0.5, true}} {
		w.tick++
		w.reviews[c1].threat, w.threat[c1] = 0.25, c.threat
		w.startReviews()
		if got := w.Reviewing(c1); got != c.want {
			t.Errorf("threat moved from 0.25 to %v: c1 reviewing %v, want %v", c.threat, got, c.want)
		}
	}
}

// A change involving an adversary concerns every client and every patron,
// a patron with no stake in anyone included (docs/model.md §7.13).
func TestAdversaryChangeConcernsEveryPatron(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Stakes = map[string]float64{"c1": 0, "c2": 0, "c3": 0}
	w := perceived(t, sc)
	checkConcerns(t, w, "a change of the adversary", func() { w.concerns(set(adv)) }, []int{pat: 1, c1: 1, c2: 1, c3: 1, adv: 1})
}

// Every state reviews at its first round whatever its threat: in a world
// with nothing to fear (every threat 0, no move from a mark of 0 to speak
// of, nothing changed), every state but the adversary still reviews at
// tick 0.
func TestFirstRoundReviewsWithoutAThreat(t *testing.T) {
	w := indifferentWorld(t, 0)
	w.startReviews()
	if w.reviewing != set(pat, c1, c2, c3) {
		t.Errorf("tick 0 with every threat 0: reviewing %b, want every state but the adversary", w.reviewing)
	}
}

// A patron reviews when its strategy comes to admit an option to its
// candidates together, not only to any one alone (admission.all): with
// every client occupied the assurance patron has no candidate, so it
// admits nothing to any one alone at any tick, but when its patience (3)
// runs out at tick 3 it admits a multilateral (bit 0) and a bilateral
// (bit 1, it has no ally) to the set of them together, and reviews.
func TestReviewWhenAdmittedToCandidatesTogether(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Decision = agents.DecisionOverrides{"patience": 3, "impose_threshold": 1}
	for _, c := range []int{c1, c2, c3} {
		sc.States[c].Sovereign = false
	}
	w := perceived(t, sc)
	reviewsWhenPatienceRunsOut(t, w, admission{all: 3})
}

// reviewsWhenPatienceRunsOut checks a world whose patron has patience 3
// and has wanted an ally since tick 0: its strategy admits nothing at
// tick 2 and at3 at tick 3, and at the threats of tick 0 the patron
// reviews at tick 3 alone, when what it admits changes.
func reviewsWhenPatienceRunsOut(t *testing.T, w *World, at3 admission) {
	t.Helper()
	w.startReviews()
	base := append([]float64(nil), w.threat...)
	w.wantedSince[pat] = 0
	for tick, want := range map[int]admission{
		2: {},
		3: at3,
	} {
		w.tick = tick
		if got := w.admitted(pat); got != want {
			t.Errorf("tick %d: admitted %+v, want %+v", tick, got, want)
		}
	}
	for _, c := range []struct {
		tick int
		want agents.Set
	}{{2, 0}, {3, set(pat)}, {4, 0}} {
		w.tick = c.tick
		copy(w.threat, base)
		w.startReviews()
		if w.reviewing != c.want {
			t.Errorf("tick %d: reviewing %b, want %b", c.tick, w.reviewing, c.want)
		}
	}
}

// A change concerns every patron holding stakes in any of the states it
// involves or their allies (docs/model.md §7.13), not only in the states
// themselves: pat holds a stake in c2 alone, and a change involving c3,
// c2's ally in {c2, c3}, concerns c3, c2 and pat; one involving c1, which
// has no ally and in which pat holds no stake, concerns c1 alone.
func TestChangeConcernsPatronsWithStakesInTheAllies(t *testing.T) {
	sc := testScenario()
	sc.States[pat].Stakes = map[string]float64{"c1": 0, "c2": 1, "c3": 0}
	w := perceived(t, sc)
	w.form(set(c2, c3), true, OriginClient)
	checkConcerns(t, w, "a change involving c3", func() { w.concerns(set(c3)) },
		[]int{pat: 1, c1: 0, c2: 1, c3: 1, adv: 0})
	checkConcerns(t, w, "a change involving c1", func() { w.concerns(set(c1)) },
		[]int{pat: 0, c1: 1, c2: 0, c3: 0, adv: 0})
}

// A scripted event concerns its actor and its target (docs/model.md
// §7.13): an intent shock about c1 that only c3 reads concerns c1, c3 and
// pat (its stake in them, 1 by default), not c2 or the adversary, though
// it moves no alliance, no territory and nothing c1 itself perceives.
func TestScriptedEventConcernsItsTarget(t *testing.T) {
	sc := testScenario()
	sc.Events = []ScriptedEvent{{Tick: 0, Kind: ScriptIntent, Actor: "c1", Target: "c3", Delta: 1}}
	w := NewWorld(mustCompile(t, sc), 1)
	checkConcerns(t, w, "an intent shock about c1 read by c3", w.applyScripted,
		[]int{pat: 1, c1: 1, c2: 0, c3: 1, adv: 0})
}

// A state that has been eliminated does not review (docs/model.md §7.13:
// each alive, sovereign client and patron), though its elimination
// concerns it: Reviewing reports false for it at the next round.
func TestAnEliminatedStateDoesNotReview(t *testing.T) {
	w := perceived(t, testScenario())
	w.startReviews()
	w.eliminate(c3)
	w.tick = 1
	w.perceive()
	w.startReviews()
	if w.Reviewing(c3) {
		t.Error("the eliminated c3 reviews its policy")
	}
	if !w.Reviewing(pat) {
		t.Error("set-up: c3's elimination concerns pat, which holds a stake in it: it should review")
	}
}
