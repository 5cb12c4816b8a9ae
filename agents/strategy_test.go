package agents

import (
	"slices"
	"testing"
)

type view struct {
	clientAlliance bool
	allied         bool
	committed      Set
	waited         int
	threat, ref    float64
	rise           float64
	rev            map[int]float64
	d              Decision
}

func (v *view) Tick() int                  { return 0 }
func (v *view) Threat() float64            { return v.threat }
func (v *view) Reference() float64         { return v.ref }
func (v *view) Decision() *Decision        { return &v.d }
func (v *view) ClientAllianceExists() bool { return v.clientAlliance }
func (v *view) CommittedClients() Set      { return v.committed }
func (v *view) Allied() bool               { return v.allied }
func (v *view) Waited() int                { return v.waited }
func (v *view) Rise() float64              { return v.rise }
func (v *view) Revisionism(i int) float64  { return v.rev[i] }

func TestStrategies(t *testing.T) {
	multi := Option{Kind: OptionMultilateral, Partners: Set(0).With(1).With(2).With(3)}
	bi := Option{Kind: OptionBilateral, Partners: Set(0).With(1)}
	join := Option{Kind: OptionJoin, Partners: Set(0).With(1).With(2)}
	v := &view{d: DefaultDecision(), threat: 0.5, ref: 0.45, rev: map[int]float64{1: 0.5}}
	a := AssuranceStrategy{}
	if a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) || !a.Admit(v, Option{}) {
		t.Error("a patient assurance patron offers nothing but joining")
	}
	v.waited = 23
	if a.Admit(v, multi) || a.Admit(v, bi) {
		t.Error("a patron one tick short of its patience (24) still waits")
	}
	v.waited = 24
	if !a.Admit(v, multi) || !a.Admit(v, bi) {
		t.Error("past patience a patron with no ally commits as prospect: multilateral or bilateral")
	}
	v.allied = true
	if !a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) {
		t.Error("past patience a patron with an ally may impose a multilateral, but no bilateral")
	}
	v.allied = false
	v.waited, v.rise = 0, 0.3 // a rise while waiting is not the trigger
	if a.Admit(v, multi) {
		t.Error("a patron in losses by 0.05 waits for its clients")
	}
	v.threat = 0.625 // 0.625 − 0.45 = 0.175 > 0.15
	if !a.Admit(v, multi) || a.Admit(v, bi) {
		t.Error("a patron in losses by more than the impose threshold imposes a multilateral (MODEL.md §6), not a bilateral")
	}
	v.threat = 0.5999 // 0.1499 < 0.15
	if a.Admit(v, multi) {
		t.Error("in losses by less than the threshold it does not")
	}
	v.threat = 0.625
	v.d.ImposeThreshold = v.threat - v.ref // exactly the threshold: not more than it
	if a.Admit(v, multi) {
		t.Error("in losses by exactly the threshold it does not: it must be more")
	}
	v.d.ImposeThreshold = DefaultDecision().ImposeThreshold
	v.committed, v.waited = Set(0).With(1).With(2), 24
	if a.Admit(v, multi) || a.Admit(v, bi) || !a.Admit(v, join) {
		t.Error("an assurance patron joins committed clients rather than enlisting them")
	}
	v.committed, v.clientAlliance = Set(0).With(5), true
	if !a.Admit(v, multi) || !a.Admit(v, join) {
		t.Error("an assurance patron may still impose on clients not committed to each other")
	}
	p := PowerplayStrategy{}
	if p.Admit(v, multi) || !p.Admit(v, bi) || p.Admit(v, join) {
		t.Error("powerplay keeps a revisionist client (0.5 > 0.3) to bilaterals")
	}
	v.rev[1] = v.d.ControlThreshold
	if !p.Admit(v, multi) {
		t.Error("powerplay offers a multilateral to a client exactly at the control threshold: only one more revisionist is kept to bilaterals")
	}
	v.rev[1] = 0.2
	if !p.Admit(v, multi) {
		t.Error("powerplay without revisionists is prospect")
	}
	if !(ProspectStrategy{}).Admit(v, multi) {
		t.Error("prospect admits all")
	}
}

func TestOptionKindString(t *testing.T) {
	for _, c := range []struct {
		k    OptionKind
		want string
	}{
		{OptionNone, "none"}, {OptionJoin, "join"}, {OptionMultilateral, "multilateral"}, {OptionBilateral, "bilateral"},
		{OptionKind(4), "OptionKind(4)"}, {OptionKind(-1), "OptionKind(-1)"},
	} {
		if got := c.k.String(); got != c.want {
			t.Errorf("OptionKind %d is %q, want %q", int(c.k), got, c.want)
		}
	}
}

// The three built-in strategies are registered under their names, and
// nothing else is (tests that register one remove it again).
func TestBuiltInStrategies(t *testing.T) {
	for name, want := range map[string]Strategy{
		"prospect": ProspectStrategy{}, "assurance": AssuranceStrategy{}, "powerplay": PowerplayStrategy{},
	} {
		if s, ok := LookupStrategy(name); !ok || s != want {
			t.Errorf("strategy %q is %#v (found %v), want %#v", name, s, ok, want)
		}
	}
	for _, name := range []string{"", "Assurance", "balancing"} {
		if s, ok := LookupStrategy(name); ok || s != nil {
			t.Errorf("strategy %q found: %#v", name, s)
		}
	}
	if got := StrategyNames(); !slices.Equal(got, []string{"assurance", "powerplay", "prospect"}) {
		t.Errorf("strategy names %v, want assurance, powerplay, prospect", got)
	}
}

// admitNothing is a user's strategy for TestRegisterStrategy.
type admitNothing struct{}

func (admitNothing) Admit(PatronView, Option) bool { return false }

// unregisterStrategy undoes RegisterStrategy, so that a test leaves the
// global registry as it found it.
func unregisterStrategy(name string) {
	registry.Lock()
	defer registry.Unlock()
	delete(registry.strategies, name)
}

// A registered strategy can be looked up, is listed in sorted order and
// is a value decision.strategy accepts. The test removes it again.
func TestRegisterStrategy(t *testing.T) {
	const name = "test_admit_nothing"
	before := StrategyNames()
	t.Run("registered", func(t *testing.T) {
		RegisterStrategy(name, admitNothing{})
		t.Cleanup(func() { unregisterStrategy(name) })
		if s, ok := LookupStrategy(name); !ok || s != (admitNothing{}) {
			t.Errorf("looked up %#v (found %v), want admitNothing", s, ok)
		}
		// sorted: "test_admit_nothing" after "prospect"
		if got, want := StrategyNames(), append(slices.Clone(before), name); !slices.Equal(got, want) {
			t.Errorf("strategy names %v, want %v", got, want)
		}
		spec, _ := LookupDecision("strategy")
		d := DefaultDecision()
		if err := spec.Set(&d, name); err != nil || d.Strategy != name {
			t.Errorf("decision.strategy = %q: %v, strategy %q", name, err, d.Strategy)
		}
	})
	if _, ok := LookupStrategy(name); ok || !slices.Equal(StrategyNames(), before) {
		t.Errorf("%q still registered after the test: %v", name, StrategyNames())
	}
}

// Registering a strategy under an empty name, a nil strategy or a name
// taken panics with a message that says which, and leaves the registry
// as it was.
func TestRegisterStrategyRejects(t *testing.T) {
	for _, c := range []struct {
		name string
		s    Strategy
		want string
	}{
		{"", ProspectStrategy{}, "agents: RegisterStrategy with empty name or nil strategy"},
		{"test_nil_strategy", nil, "agents: RegisterStrategy with empty name or nil strategy"},
		{"test_nil_strategy", (*admitNothing)(nil), "agents: RegisterStrategy with empty name or nil strategy"},
		{"assurance", ProspectStrategy{}, `agents: strategy "assurance" registered twice`},
		{"my strategy", ProspectStrategy{}, `agents: RegisterStrategy with name "my strategy"; allowed: lowercase letters, digits, _ and -, starting with a letter`},
	} {
		if got := panicValue(func() { RegisterStrategy(c.name, c.s) }); got != c.want {
			t.Errorf("RegisterStrategy(%q, %v) panicked with %v, want %q", c.name, c.s, got, c.want)
		}
	}
	if s, _ := LookupStrategy("assurance"); s != (AssuranceStrategy{}) {
		t.Errorf("assurance replaced by %#v", s)
	}
	if _, ok := LookupStrategy("test_nil_strategy"); ok {
		t.Error("a nil strategy was registered")
	}
}
