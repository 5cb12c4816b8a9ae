package sim

import (
	"math"
	"reflect"
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
		{c3, set(pat, c1, c2), true, OriginImposed},
	} {
		e, err := w.Explain(tc.i, tc.S, tc.strong, tc.origin)
		if err != nil {
			t.Fatal(err)
		}
		what := c.id[tc.i] + " with " + strings.Join(ids(c, tc.S), ",")
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
	if _, err := w.Explain(c1, set(c2), true, OriginClient); err == nil || !strings.Contains(err.Error(), "no tick played yet") {
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
		{"not a member", secondStay(w.ExplainStay(al.ID, c2)), "not a member"},
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
