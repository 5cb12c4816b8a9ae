package sim

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
)

// Explain gives the very numbers the engine decides by: the value of the
// option (World.appraise) and of the position, a gain that is the fall in
// threat, partner contributions that add up to the cost, outcomes that the
// valuation turns back into the value — and it changes nothing in the run.
func TestExplain(t *testing.T) {
	w, twin := twinWorlds(t)
	c := w.c
	before := snapshotWorld(w)
	for _, tc := range []struct {
		i      int
		S      agents.Set
		strong bool
		origin Origin
	}{
		{pat, set(c2, c3), false, OriginImposed},
		{pat, set(c2), true, OriginBilateral},
		{c2, set(c3), true, OriginClient},
		{c3, set(pat, c2), true, OriginImposed},
		// A client applying to the patron's bilateral alliance (§7.7),
		// and the clients of an indigenous alliance its patron left.
		{c1, set(pat, c2), true, OriginBilateral},
		{c1, set(c2), false, OriginIndigenous},
	} {
		e, err := w.Explain(tc.i, tc.S, tc.strong, tc.origin)
		if err != nil {
			t.Fatal(err)
		}
		what := c.id[tc.i] + " with " + strings.Join(ids(c, tc.S), ",")
		// Checked after each Explain, before the test appraises anything
		// itself: a change made by every appraisal would otherwise undo
		// itself over two.
		if after := snapshotWorld(w); !reflect.DeepEqual(before, after) {
			t.Fatalf("%s: Explain changed the world", what)
		}
		if a := w.appraise(tc.i, tc.S, tc.strong, tc.origin); e.Value != a.value || e.Gain != a.terms.Gain || e.Cost != a.cost {
			t.Errorf("%s: explained value %v, gain %v, cost %+v; the engine appraises %v, %v, %+v", what, e.Value, e.Gain, e.Cost, a.value, a.terms.Gain, a.cost)
		}
		if e.Position != w.position(tc.i) || e.Threat != w.threat[tc.i] || e.Reference != w.reference[tc.i] {
			t.Errorf("%s: position %v, threat %v, reference %v differ from the world's", what, e.Position, e.Threat, e.Reference)
		}
		nearly(t, what+": gain = T − T⁺", e.Gain, math.Max(0, e.Threat-e.After), handTol)
		sum := 0.0
		for _, pc := range e.Costs {
			sum += pc.Total()
		}
		nearly(t, what+": partners' contributions add up to the cost", sum, e.Cost.Total, handTol)
		if len(e.Costs) != tc.S.Len() {
			t.Errorf("%s: %d partner rows, want %d", what, len(e.Costs), tc.S.Len())
		}
		nearly(t, what+": the outcomes give the value", c.valuation[tc.i].Value(e.Lottery, &c.decision[tc.i]), e.Value, handTol)
		nearly(t, what+": honour is p_k·mean(1 − d)", e.Honour, agents.HonourProbability(c.honour(tc.strong), partnerTermsOf(e)), handTol)
	}
	if after := snapshotWorld(w); !reflect.DeepEqual(before, after) {
		t.Error("Explain changed the world")
	}
	if a, b := w.rng.Float64(), twin.rng.Float64(); a != b {
		t.Errorf("Explain drew random numbers: %v vs the twin's %v", a, b)
	}
}

func partnerTermsOf(e Explanation) []agents.Partner {
	var ps []agents.Partner
	for _, pc := range e.Costs {
		ps = append(ps, pc.Terms)
	}
	return ps
}

func ids(c *Compiled, s agents.Set) []string {
	var out []string
	s.Each(func(j int) { out = append(out, c.id[j]) })
	return out
}

// ExplainStay gives the numbers the engine weighs when a member reviews an
// alliance: its leave probability is leaveProbability's, and it leaves with
// certainty (temperature 0) exactly when Out > Stay + ExitCost.
func TestExplainStay(t *testing.T) {
	c := mustCompile(t, testScenario())
	w := NewWorld(c, 7)
	if _, err := w.Explain(c1, set(c2), true, OriginClient); !errors.Is(err, ErrNotPerceived) {
		t.Errorf("before the first tick: %v", err)
	}
	w.Step()
	al := w.form(set(pat, c1, c2), true, OriginImposed)
	for _, m := range []int{pat, c1, c2} {
		e, err := w.ExplainStay(al.ID, m)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.leaveProbability(al, m); e.Leave != got {
			t.Errorf("%s: explained leave probability %v, engine %v", c.id[m], e.Leave, got)
		}
		want := 0.0
		if e.Out > e.Stay+e.ExitCost {
			want = 1
		}
		if e.Leave != want {
			t.Errorf("%s: out %v, stay %v, exit cost %v: leave probability %v, want %v", c.id[m], e.Out, e.Stay, e.ExitCost, e.Leave, want)
		}
		if e.Without != w.threatUnder(m, change{drop: al.ID}) {
			t.Errorf("%s: threat without %v", c.id[m], e.Without)
		}
	}
}

// ExplainStay describes the world at the end of the tick played last, so
// it reads an entrapment penalty as that tick's review did: after a
// provocation at tick 5 the patron pays through tick 28 (penalty until 29),
// and stepped through 28 (w.tick 29) the explanation still carries it;
// through 29 it does not.
func TestExplainStayReadsThePenaltyOfTheTickExplained(t *testing.T) {
	w, al := provokedAt5(t, func(w *World) *Alliance { return w.form(set(pat, c1), true, OriginBilateral) })
	if al.penaltyUntil[pat] != 29 {
		t.Fatalf("set-up: pat pays until %d, want 29", al.penaltyUntil[pat])
	}
	penalised, free := w.stayTerms(al, pat, 28).value(), w.stayTerms(al, pat, 29).value()
	if !(penalised < free) {
		t.Fatalf("set-up: stay value %v penalised, %v not", penalised, free)
	}
	for _, c := range []struct {
		next int // w.tick: the tick after the last one played
		want float64
	}{{29, penalised}, {30, free}} {
		w.tick = c.next
		e, err := w.ExplainStay(al.ID, pat)
		if err != nil {
			t.Fatal(err)
		}
		if e.Stay != c.want {
			t.Errorf("through tick %d: explained stay value %v, want %v", c.next-1, e.Stay, c.want)
		}
	}
}

// From an Observer, ExplainStay reads the penalty of the tick being
// played, as that tick's review does: in tick 29, the first the patron no
// longer pays (penalty until 29), an observer is told the stay value
// without it, where before it was told tick 28's (w.tick − 1). A real
// Step runs its observers within the tick, and ends it after them.
func TestExplainStayInAnObserverReadsTheTickBeingPlayed(t *testing.T) {
	w, al := provokedAt5(t, func(w *World) *Alliance { return w.form(set(pat, c1), true, OriginBilateral) })
	if al.penaltyUntil[pat] != 29 {
		t.Fatalf("set-up: pat pays until %d, want 29", al.penaltyUntil[pat])
	}
	free := w.stayTerms(al, pat, 29).value()
	w.tick, w.inTick = 29, true // as in an Observer during tick 29
	e, err := w.ExplainStay(al.ID, pat)
	if err != nil {
		t.Fatal(err)
	}
	if e.Stay != free || e.Penalty != 0 {
		t.Errorf("in tick 29: explained stay value %v with penalty %v, want %v without", e.Stay, e.Penalty, free)
	}

	var during []bool
	obs := ObserverFuncs{
		Tick:  func(w *World) { during = append(during, w.inTick) },
		Event: func(w *World, _ *Event) { during = append(during, w.inTick) },
	}
	plain := NewWorld(mustCompile(t, testScenario()), 7, obs)
	plain.Step()
	if len(during) == 0 || slices.Contains(during, false) || plain.inTick {
		t.Errorf("in the observers of a Step: %v; after it: %v; want true, then false", during, plain.inTick)
	}
}

// ExplainStay's breakdown of staying is the engine's own appraisal:
// its value is stayTerms' stay value bit for bit, from the baseline T⁻ to
// the threat now, and its terms add up as Explain's do — the partners'
// cost parts and the entrapment penalty to the cost, the outcomes to the
// value. Penalised or not, patron or client, in a bilateral and an
// imposed alliance.
func TestExplainStayBreakdownIsTheEngines(t *testing.T) {
	provoked, bilateral := provokedAt5(t, func(w *World) *Alliance { return w.form(set(pat, c1), true, OriginBilateral) })
	provoked.tick = 29 // through tick 28, the patron's penalty's last
	plain := NewWorld(mustCompile(t, testScenario()), 7)
	plain.Step()
	imposed := plain.form(set(pat, c1, c2), false, OriginImposed)
	penalised := false
	for _, tc := range []struct {
		w  *World
		al *Alliance
	}{{provoked, bilateral}, {plain, imposed}} {
		w, al, c := tc.w, tc.al, tc.w.c
		al.Members.Each(func(m int) {
			what := fmt.Sprintf("%s in alliance %d (%s)", c.id[m], al.ID, al.Origin)
			before := snapshotWorld(w)
			e, err := w.ExplainStay(al.ID, m)
			if err != nil {
				t.Fatal(err)
			}
			if after := snapshotWorld(w); !reflect.DeepEqual(before, after) {
				t.Fatalf("%s: ExplainStay changed the world", what)
			}
			st := w.stayTerms(al, m, w.tick-1)
			s := e.Staying
			if s.Value != st.value() || e.Stay != st.value() || e.Penalty != st.penalty {
				t.Errorf("%s: breakdown value %v, stay %v, penalty %v; stayTerms %v, penalty %v", what, s.Value, e.Stay, e.Penalty, st.value(), st.penalty)
			}
			if s.State != m || s.Partners != al.Members.Without(m) || s.Strong != al.Strong || s.Origin != al.Origin {
				t.Errorf("%s: breakdown of %d with %v, strong %v, origin %v", what, s.State, s.Partners, s.Strong, s.Origin)
			}
			if s.Threat != e.Without || s.After != e.Threat || s.Gain != math.Max(0, e.Without-e.Threat) || s.Reference != w.reference[m] {
				t.Errorf("%s: baseline %v, threat with %v, gain %v, reference %v; want %v, %v, T⁻ − T, %v", what, s.Threat, s.After, s.Gain, s.Reference, e.Without, e.Threat, w.reference[m])
			}
			if s.Position != w.position(m) {
				t.Errorf("%s: position %v, want %v", what, s.Position, w.position(m))
			}
			sum := e.Penalty
			for k, pc := range s.Costs {
				sum += pc.Total()
				if want := pc.Terms.Costs(c.commitment(al.Strong), c.costs); pc.CostParts != want {
					t.Errorf("%s: partner %d's parts %+v, its terms give %+v", what, k, pc.CostParts, want)
				}
			}
			if len(s.Costs) != s.Partners.Len() {
				t.Errorf("%s: %d partner rows, want %d", what, len(s.Costs), s.Partners.Len())
			}
			nearly(t, what+": partners' contributions and the penalty add up to the cost", sum, s.Cost.Total, handTol)
			if v := c.valuation[m].Value(s.Lottery, &c.decision[m]); v != s.Value {
				t.Errorf("%s: the outcomes give %v, the breakdown's value is %v", what, v, s.Value)
			}
			penalised = penalised || e.Penalty > 0
		})
	}
	if !penalised {
		t.Error("set-up: no member carried a penalty")
	}
}

// The breakdown of staying follows docs/model.md §7.4, §7.5 and §7.12 by
// hand, for the patron of a strong bilateral penalised after its client's
// provocation: from its reading of the client (w, r̃, A, ctl, d, f) and the
// parameters, the gain T⁻ − T, the honour probability p_strong·(1 − d),
// the cost parts w·c₀, k·c_E·r̃·(1 − μA)·(1 − ctl), k·c_D·d and c_T·f plus
// entrapment_cost, the spread 1 − exp(−v₀·k), the outcomes
// (ρ − T⁻) + g − c·(1 − v) and (ρ − T⁻) + h_res·g − c·(1 + v), and their
// prospect value.
func TestExplainStayByHand(t *testing.T) {
	w, al := provokedAt5(t, func(w *World) *Alliance { return w.form(set(pat, c1), true, OriginBilateral) })
	w.tick = 29 // through tick 28, the penalty's last
	e, err := w.ExplainStay(al.ID, pat)
	if err != nil {
		t.Fatal(err)
	}
	p, d := w.c.p, w.c.decision[pat]
	s := e.Staying
	if len(s.Costs) != 1 || s.Costs[0].Partner != c1 {
		t.Fatalf("partner rows %+v, want c1's alone", s.Costs)
	}
	j := s.Costs[0].Terms
	if j.Revisionism == 0 || j.Unpledged || p.EntrapmentCost == 0 {
		t.Fatalf("set-up: c1's revisionism %v, unpledged %v, entrapment_cost %v", j.Revisionism, j.Unpledged, p.EntrapmentCost)
	}
	k := p.CommitmentStrong
	g := math.Max(0, e.Without-e.Threat)
	if !(g > 0) {
		t.Fatalf("set-up: no gain (T⁻ %v, T %v)", e.Without, e.Threat)
	}
	nearly(t, "gain", s.Gain, g, handTol)
	nearly(t, "honour", s.Honour, p.PStrong*(1-j.Divergence), handTol)
	aut := j.Weight * p.CostBase
	ent := k * p.CostEntrapment * j.Revisionism * (1 - p.AssuranceWeight*j.Assurance) * (1 - j.Control)
	div := k * p.CostDivergence * j.Divergence
	fear := p.CostThreat * j.Fear
	pc := s.Costs[0]
	nearly(t, "autonomy part", pc.Autonomy, aut, handTol)
	nearly(t, "entrapment part", pc.Entrapment, ent, handTol)
	nearly(t, "divergence part", pc.CostParts.Divergence, div, handTol)
	nearly(t, "fear part", pc.CostParts.Fear, fear, handTol)
	nearly(t, "penalty", e.Penalty, p.EntrapmentCost, 0)
	cost := aut + ent + div + fear + p.EntrapmentCost
	nearly(t, "cost", s.Cost.Total, cost, handTol)
	v := 1 - math.Exp(-p.SpreadBase*k)
	nearly(t, "spread", s.Spread, v, handTol)
	base := s.Reference - e.Without
	good := base + g - cost*(1-v)
	bad := base + p.ResidualHelp*g - cost*(1+v)
	nearly(t, "good outcome", s.Lottery.Good, good, handTol)
	nearly(t, "bad outcome", s.Lottery.Bad, bad, handTol)
	nearly(t, "its probability", s.Lottery.P, p.PStrong*(1-j.Divergence), handTol)
	nearly(t, "value", s.Value, prospectByHand(good, bad, p.PStrong*(1-j.Divergence), d), handTol)
	nearly(t, "stay value", e.Stay, prospectByHand(good, bad, p.PStrong*(1-j.Divergence), d), handTol)
}

// prospectByHand is the prospect value of docs/model.md §7.5 of good with
// probability p, else bad.
func prospectByHand(good, bad, p float64, d agents.Decision) float64 {
	u := func(x float64) float64 {
		if x >= 0 {
			return math.Pow(x, d.Alpha)
		}
		return -d.Lambda * math.Pow(-x, d.Beta)
	}
	weight := func(p, g float64) float64 {
		return math.Pow(p, g) / math.Pow(math.Pow(p, g)+math.Pow(1-p, g), 1/g)
	}
	hi, phi, lo, plo := good, p, bad, 1-p
	if bad > good {
		hi, phi, lo, plo = bad, 1-p, good, p
	}
	switch {
	case lo >= 0:
		return weight(phi, d.Gamma)*u(hi) + (1-weight(phi, d.Gamma))*u(lo)
	case hi < 0:
		return weight(plo, d.Delta)*u(lo) + (1-weight(plo, d.Delta))*u(hi)
	}
	return weight(phi, d.Gamma)*u(hi) + weight(plo, d.Delta)*u(lo)
}

// Bad requests are errors that say what is wrong, never panics.
func TestExplainErrors(t *testing.T) {
	c := mustCompile(t, testScenario())
	w := NewWorld(c, 7)
	w.Step()
	al := w.form(set(pat, c1), true, OriginBilateral)
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"state out of range", second(w.Explain(9, set(c1), true, OriginClient)), "out of range"},
		{"no partners", second(w.Explain(c1, 0, true, OriginClient)), "one or more other states"},
		{"itself", second(w.Explain(c1, set(c1, c2), true, OriginClient)), "one or more other states"},
		{"partner out of range", second(w.Explain(c1, set(7), true, OriginClient)), "one or more other states"},
		{"bad origin", second(w.Explain(c1, set(c2), true, Origin(9))), "origin 9"},
		{"no such alliance", secondStay(w.ExplainStay(5, c1)), "does not exist"},
		{"not a member", secondStay(w.ExplainStay(al.ID, c2)), fmt.Sprintf("%s is not a member of alliance %d; allowed: its members %s, %s", c.id[c2], al.ID, c.id[pat], c.id[c1])},
		{"no state", secondStay(w.ExplainStay(al.ID, -1)), "state index -1 out of range [0, 5)"},
		{"no alliance yet", secondStay(NewWorld(c, 7).ExplainStay(0, c1)), "alliance 0 does not exist; the run has formed no alliance yet"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, tc.err, tc.want)
		}
	}
	w.alive[c3] = false
	if _, err := w.Explain(c1, set(c3), true, OriginClient); err == nil || !strings.Contains(err.Error(), "eliminated") {
		t.Errorf("an eliminated partner: error %v", err)
	}
}

func second(_ Explanation, err error) error         { return err }
func secondStay(_ StayExplanation, err error) error { return err }

// OriginFor gives the origin the engine's own decisions use: a patron's
// offer to two or more clients is imposed, to one bilateral; clients alone
// are client; joining an alliance in force takes its origin, and a patron
// joining its clients' alliance makes it indigenous.
func TestOriginFor(t *testing.T) {
	c := mustCompile(t, testScenario())
	w := NewWorld(c, 7)
	w.Step()
	clients := w.form(set(c1, c2), true, OriginClient)
	imposed := w.form(set(pat, c2, c3), true, OriginImposed)
	for _, tc := range []struct {
		i    int
		S    agents.Set
		want Origin
	}{
		{pat, set(c1, c3), OriginImposed},
		{pat, set(c3), OriginBilateral},
		{c3, set(c1), OriginClient},
		{c1, set(pat, c3), OriginImposed},
		{c3, clients.Members, OriginClient},
		{pat, clients.Members, OriginIndigenous},
		{c1, imposed.Members, OriginImposed},
	} {
		if got := w.OriginFor(tc.i, tc.S); got != tc.want {
			t.Errorf("%s with %v: origin %v, want %v", c.id[tc.i], ids(c, tc.S), got, tc.want)
		}
	}
}

// The requests TestExplainErrors does not make, each refused with its
// exact message: an appraisal before the first tick (no threat perceived
// yet), of an eliminated state, of an alliance index below 0, and of an
// alliance no longer in force.
func TestExplainErrorMessages(t *testing.T) {
	c := mustCompile(t, testScenario())
	w := NewWorld(c, 7)
	if _, err := w.Explain(c1, set(c2), true, OriginClient); err == nil || err.Error() != "no threats perceived yet: the states first read their threats and set their reference points in tick 0, after its scripted events; allowed: after the first Step, or from an Observer's OnTick or an event after tick 0's scripted ones" {
		t.Errorf("before the first tick: error %v", err)
	}
	w.Step()
	al := w.form(set(c1, c2), true, OriginClient)
	w.end(al, EndMembersLeft, c1, -1)
	member := w.form(set(c1, c2), false, OriginClient) // the same members again, in force
	w.alive[c3] = false
	n := len(w.alliances)
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"eliminated state", second(w.Explain(c3, set(c1), true, OriginClient)), "state c3 was eliminated; allowed: a state still in the run"},
		{"negative state", second(w.Explain(-1, set(c1), true, OriginClient)), "state index -1 out of range [0, 5)"},
		{"eliminated partner", second(w.Explain(c1, set(c2, c3), true, OriginClient)), "partner c3 was eliminated; allowed: partners still in the run"},
		{"state n", second(w.Explain(5, set(c1), true, OriginClient)), "state index 5 out of range [0, 5)"},
		{"negative origin", second(w.Explain(c1, set(c2), true, Origin(-1))), "origin -1 is not one of client, indigenous, imposed, bilateral"},
		{"negative alliance", secondStay(w.ExplainStay(-1, c1)), fmt.Sprintf("alliance -1 does not exist; allowed: 0 … %d, the alliances the run has formed", n-1)},
		{"alliance past the last", secondStay(w.ExplainStay(n, c1)), fmt.Sprintf("alliance %d does not exist; allowed: 0 … %d, the alliances the run has formed", n, n-1)},
		{"ended alliance", secondStay(w.ExplainStay(al.ID, c1)), fmt.Sprintf("alliance %d ended at tick 1 (members_left); allowed: an alliance in force", al.ID)},
		// an alliance in force is not formed again, at any commitment:
		// the engine weighs staying in it (an ended one is no matter)
		{"an alliance the state is in", second(w.Explain(c1, set(c2), true, OriginClient)),
			fmt.Sprintf("c1 already belongs to alliance %d with c2 (client, weak), which no state weighs forming again; allowed: other partners, or the alliance's review of staying (explain without --with; World.ExplainStay)", member.ID)},
	} {
		if tc.err == nil || tc.err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, tc.err, tc.want)
		}
	}
	// With pat, a partner that cannot sign would only be designated:
	// c1 with c2 and pat, pat not sovereign, repeats c1 and c2's alliance,
	// and the error says why pat is passed over.
	w.sovereign[pat] = false
	want := fmt.Sprintf("c1 already belongs to alliance %d with c2 (client, weak), which no state weighs forming again (pat, not sovereign, would only be designated to it); allowed: other partners, or the alliance's review of staying (explain without --with; World.ExplainStay)", member.ID)
	if _, err := w.Explain(c1, set(c2, pat), true, OriginImposed); err == nil || err.Error() != want {
		t.Errorf("an alliance the state is in, with a partner that cannot sign: %v", err)
	}
}

// OriginFor reads only alliances in force, and a patron joining an
// alliance that already has a patron takes its origin: with a second
// patron (pat2, no land), joining the imposed alliance of pat, c2 and c3
// is imposed, not indigenous; a patron offering c1 and c2, whose client
// alliance has ended, makes an imposed offer.
func TestOriginForAPatronJoiningAndAnEndedAlliance(t *testing.T) {
	sc := testScenario()
	sc.States = append(sc.States, State{ID: "pat2", Name: "pat2", Role: Patron, Land: 1, Economy: 1, Sovereign: true})
	c := mustCompile(t, sc)
	pat2 := c.Index("pat2")
	w := NewWorld(c, 7)
	w.Step()
	imposed := w.form(set(pat, c2, c3), true, OriginImposed)
	ended := w.form(set(c1, c2), true, OriginClient)
	w.end(ended, EndMembersLeft, c1, -1)
	if got := w.OriginFor(pat2, imposed.Members); got != OriginImposed {
		t.Errorf("pat2 joining the imposed alliance: origin %v, want imposed", got)
	}
	if got := w.OriginFor(pat2, set(c1, c2)); got != OriginImposed {
		t.Errorf("pat2 with c1 and c2, their alliance ended: origin %v, want imposed", got)
	}
}

// Partners that are an alliance in force are appraised as joining it only
// at the origin joining gives; at another the engine weighs a new alliance
// beside it, and so does Explain: a patron's imposed multilateral on the
// members of its clients' alliance (which the prospect and powerplay
// strategies may propose) leaves the clients' own alliance standing.
func TestExplainAnAllianceBesideOneInForce(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 7)
	w.Step()
	for a := range w.alliances { // the patron allied with all three in its first round
		if w.alliances[a].Active() {
			w.end(&w.alliances[a], EndMembersLeft, c1, -1)
		}
	}
	w.form(set(c1, c2, c3), true, OriginClient)
	clients := set(c1, c2, c3)
	if got := w.OriginFor(pat, clients); got != OriginIndigenous {
		t.Fatalf("the patron with its clients' alliance: origin %v, want indigenous (joining it)", got)
	}
	al := w.inForce(clients)
	for _, tc := range []struct {
		origin Origin
		want   appraisal
	}{
		{OriginImposed, w.appraise(pat, clients, true, OriginImposed)},
		{OriginIndigenous, w.appraiseUnder(pat, clients, true, OriginIndigenous, w.grown(al, pat, OriginIndigenous))},
	} {
		e, err := w.Explain(pat, clients, true, tc.origin)
		if err != nil {
			t.Fatal(err)
		}
		if tc.origin == OriginImposed && e.Gain < 0.1 {
			t.Errorf("set-up: the imposed alliance beside the clients' gains the patron %v; want more than grown would (0.089)", e.Gain)
		}
		if e.Value != tc.want.value || e.Gain != tc.want.terms.Gain {
			t.Errorf("%v: explained value %v, gain %v; the engine weighs %v, %v", tc.origin, e.Value, e.Gain, tc.want.value, tc.want.terms.Gain)
		}
	}
}

// OriginNames is a copy: writing to it changes neither the names nor the
// next call's answer.
func TestOriginNamesIsACopy(t *testing.T) {
	names := OriginNames()
	names[0] = "changed"
	if got := OriginNames(); !slices.Equal(got, []string{"client", "indigenous", "imposed", "bilateral"}) {
		t.Errorf("OriginNames() = %v after a caller wrote to its answer", got)
	}
	if OriginClient.String() != "client" {
		t.Errorf("OriginClient is named %q", OriginClient.String())
	}
}

// Explain and ExplainStay return the error that stopped the run along
// with their appraisal: numbers from a run that computed a non-finite
// value are not to be trusted.
func TestExplainReturnsTheRunsError(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 7)
	w.Step()
	al := w.form(set(c1, c2), true, OriginClient)
	stop := errors.New("tick 1: a non-finite value")
	w.fail(stop)
	if _, err := w.Explain(c1, set(c3), true, OriginClient); err != stop {
		t.Errorf("Explain: error %v, want %v", err, stop)
	}
	if _, err := w.ExplainStay(al.ID, c1); err != stop {
		t.Errorf("ExplainStay: error %v, want %v", err, stop)
	}
}

// ParseOrigin reads each origin's name and nothing else.
func TestParseOrigin(t *testing.T) {
	for name, want := range map[string]Origin{"client": OriginClient, "indigenous": OriginIndigenous, "imposed": OriginImposed, "bilateral": OriginBilateral} {
		if got, ok := ParseOrigin(name); !ok || got != want {
			t.Errorf("ParseOrigin(%q) = %v, %v; want %v, true", name, got, ok, want)
		}
	}
	for _, name := range []string{"", "Imposed", "multilateral"} {
		if got, ok := ParseOrigin(name); ok || got != 0 {
			t.Errorf("ParseOrigin(%q) = %v, %v; want 0, false", name, got, ok)
		}
	}
}

// ExplainVote gives each member's vote as the engine takes it: over many
// runs of the test world, with a client alliance of two, weak or strong,
// and c3 or the patron as the newcomer, a member refuses in World.vote
// exactly when its explained vote does not accept, for the largest cost
// term it explains.
func TestExplainVoteIsTheEnginesVote(t *testing.T) {
	c := mustCompile(t, testScenario())
	votes, refusals := 0, 0
	for seed := uint64(1); seed <= 40; seed++ {
		// The test world allies everyone in its first tick: end that, so
		// that a newcomer adds something and some votes go each way.
		w := afterTickOneUnallied(c, seed)
		// A clients' pact joined by c3 or by the patron (then indigenous),
		// or the patron's bilateral joined by a client; weak or strong.
		members, origin, x := set(c1, c2), OriginClient, c3
		switch seed % 4 {
		case 1:
			x = pat
		case 2:
			members, origin, x = set(pat, c1), OriginBilateral, c2
		}
		al := w.form(members, seed%3 == 0, origin)
		if al == nil || w.alliances[al.ID].Members != members {
			t.Fatalf("set-up: %v formed %v", members, al)
		}
		want := map[int]VoteExplanation{}
		for _, m := range members.Members(nil) {
			v, err := w.ExplainVote(al.ID, m, x)
			if err != nil {
				t.Fatal(err)
			}
			wantOrigin := origin
			if x == pat && origin == OriginClient {
				wantOrigin = OriginIndigenous
			}
			if v.With.Origin != wantOrigin || v.With.Strong != al.Strong {
				t.Errorf("seed %d: the vote on %s appraised as %v, strong %v; want %v, strong %v", seed, c.ID(x), v.With.Origin, v.With.Strong, wantOrigin, al.Strong)
			}
			want[m] = v
		}
		before := len(w.Events())
		w.vote(al, x, 0)
		refused := map[int]Event{}
		for _, e := range w.Events()[before:] {
			if e.Type == EventRejection {
				refused[e.Actor] = e
			}
		}
		for m, v := range want {
			votes++
			e, no := refused[m]
			if no {
				refusals++
			}
			if no == v.Accepts() {
				t.Errorf("seed %d, %s: the engine refused %v, the explanation accepts %v (with %v, without %v)", seed, c.ID(m), no, v.Accepts(), v.With.Value, v.Without)
			}
			if no && e.Reason != v.Reason {
				t.Errorf("seed %d, %s: refused for %v, explained %v", seed, c.ID(m), e.Reason, v.Reason)
			}
			if no && (e.Reason == agents.CostAutonomy) != (e.Target == -1) || no && e.Target != -1 && e.Target != x {
				t.Errorf("seed %d, %s: refused %s for its %v naming state %d; want %s, or none for autonomy", seed, c.ID(m), c.ID(x), e.Reason, e.Target, c.ID(x))
			}
		}
	}
	if refusals == 0 || refusals == votes {
		t.Errorf("set-up: %d refusals of %d votes; the test needs both", refusals, votes)
	}
}

// ExplainVote refuses what is no vote, or a vote the engine never takes.
func TestExplainVoteRefuses(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Sovereign = false
	w := NewWorld(mustCompile(t, sc), 1)
	w.Step()
	al := w.form(set(c1, c2), true, OriginClient)
	designated := w.form(set(pat, c1, c3), true, OriginImposed) // c3 designated
	both := w.form(set(pat, c2), true, OriginBilateral)
	w.form(set(pat, c1, c2), true, OriginImposed) // {c1, c2} grown by pat
	for _, c := range []struct {
		alliance, m, x int
		want           string
	}{
		{99, c1, c3, "alliance 99 does not exist"},
		{al.ID, c3, pat, "c3 is no member of alliance"},
		{al.ID, c1, c2, "c2 is no newcomer to alliance 1 (c1, c2): it is a member"},
		{al.ID, -1, pat, "member: state index -1 out of range [0, 5)"},
		{al.ID, c1, 5, "newcomer: state index 5 out of range [0, 5)"},
		{al.ID, c1, adv, "adv is an adversary"},
		{al.ID, c1, c3, "c3 cannot ask in now"},
		{designated.ID, c1, c3, "c3 cannot ask in now"}, // designated, not sovereign
		{al.ID, c1, pat, "is in force already"},
		{both.ID, pat, c1, "is in force already"},
	} {
		if _, err := w.ExplainVote(c.alliance, c.m, c.x); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ExplainVote(%d, %d, %d): %v, want …%s…", c.alliance, c.m, c.x, err, c.want)
		}
	}
}

// A member that votes a newcomer down names what the newcomer would cost
// it, not the largest term of the alliance grown by it: c1, which holds a
// grievance against its ally c2, votes on a revisionist c3. The grown
// alliance's largest term is c1's fear of c2, the same with c3 or without;
// the refusal names c3's own largest term.
func TestAVoteNamesWhatTheNewcomerCosts(t *testing.T) {
	sc := testScenario()
	sc.States[c1].Grievance = map[string]float64{"c2": 0.9}
	sc.States[c3].Revisionism = 0.5
	w := afterTickOneUnallied(mustCompile(t, sc), 1)
	al := w.form(set(c1, c2), true, OriginClient)
	v, err := w.ExplainVote(al.ID, c1, c3)
	if err != nil {
		t.Fatal(err)
	}
	if v.Accepts() {
		t.Fatalf("set-up: c1 accepts c3 (%v against %v)", v.With.Value, v.Without)
	}
	if v.With.Cost.Largest != agents.CostFear || v.With.LargestCostPartner() != c2 {
		t.Fatalf("set-up: the grown alliance's largest term is %v of state %d, want fear of c2", v.With.Cost.Largest, v.With.LargestCostPartner())
	}
	var own agents.CostParts
	for _, pc := range v.With.Costs {
		if pc.Partner == c3 {
			own = pc.CostParts
		}
	}
	// c3's entrapment, 1·0.15·0.5 = 0.075 (no assurance or control between
	// clients), is the largest of its terms: its autonomy is 0.02.
	if want, _ := own.Largest(); want != agents.CostEntrapment {
		t.Fatalf("set-up: c3's largest term is %v (%+v), want entrapment", want, own)
	}
	if math.Abs(own.Entrapment-0.075) > 1e-12 {
		t.Errorf("c3's entrapment %v, want 1·0.15·0.5 = 0.075", own.Entrapment)
	}
	before := len(w.Events())
	w.vote(al, c3, 0)
	var got []Event
	for _, e := range w.Events()[before:] {
		if e.Type == EventRejection && e.Actor == c1 {
			got = append(got, e)
		}
	}
	if len(got) != 1 || got[0].Reason != agents.CostEntrapment || got[0].Target != c3 {
		t.Fatalf("c1's refusals: %+v; want one, for entrapment by c3", got)
	}
	if v.Reason != agents.CostEntrapment {
		t.Errorf("ExplainVote gives the reason %v, want entrapment", v.Reason)
	}
}

// afterTickOneUnallied is a world of c played one tick, with every
// alliance formed in it ended and the threats read again without them.
func afterTickOneUnallied(c *Compiled, seed uint64) *World {
	w := NewWorld(c, seed)
	w.Step()
	for k := range w.alliances {
		if w.alliances[k].Active() {
			w.end(&w.alliances[k], EndMembersLeft, -1, -1)
		}
	}
	w.refreshAlliances()
	w.refreshThreats(c.clients | c.patrons)
	return w
}

// LargestCostPartner names the state behind the largest cost term, where
// Cost.PartnerPos is its position among the partners: c1 weighing an
// alliance with c2 and a revisionist c3 finds c3's entrapment the largest
// term, at position 1 of Costs — and state 1 is c1 itself, which no
// reading of PartnerPos as a state may name.
func TestLargestCostPartnerIsAState(t *testing.T) {
	sc := testScenario()
	sc.States[c3].Revisionism = 0.5
	w := afterTickOneUnallied(mustCompile(t, sc), 1)
	e, err := w.Explain(c1, set(c2, c3), true, OriginClient)
	if err != nil {
		t.Fatal(err)
	}
	if e.Cost.Largest != agents.CostEntrapment || e.Cost.PartnerPos != 1 {
		t.Fatalf("set-up: the largest term is %v at position %d, want entrapment at 1 (c3)", e.Cost.Largest, e.Cost.PartnerPos)
	}
	if got := e.LargestCostPartner(); got != c3 {
		t.Errorf("LargestCostPartner() = %d, want c3 (%d)", got, c3)
	}
	if a := w.appraise(c1, set(c2, c3), true, OriginClient); a.reason != e.LargestCostPartner() {
		t.Errorf("the engine's reason is state %d, LargestCostPartner %d", a.reason, e.LargestCostPartner())
	}
	// benign allies: the largest term is autonomy, behind no partner
	sc.States[c3].Revisionism = 0
	w = afterTickOneUnallied(mustCompile(t, sc), 1)
	if e, err = w.Explain(c1, set(c2), true, OriginClient); err != nil {
		t.Fatal(err)
	}
	if e.Cost.Largest != agents.CostAutonomy || e.Cost.PartnerPos != -1 {
		t.Fatalf("set-up: the largest term is %v at position %d, want autonomy at -1", e.Cost.Largest, e.Cost.PartnerPos)
	}
	if got := e.LargestCostPartner(); got != -1 {
		t.Errorf("autonomy is the largest term, LargestCostPartner() = %d; want -1", got)
	}
}
