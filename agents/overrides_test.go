package agents

import (
	"maps"
	"math"
	"slices"
	"testing"
)

// Keys lists the keys set in the order of DecisionSpecs, then the
// unknown ones sorted (byte order: capitals first).
func TestOverrideKeysInSpecOrder(t *testing.T) {
	o := DecisionOverrides{"patience": 6, "zeta": 1, "alpha": 0.5, "valuation": "prospect", "Alpha": 1}
	if got, want := o.Keys(), []string{"valuation", "alpha", "patience", "Alpha", "zeta"}; !slices.Equal(got, want) {
		t.Errorf("keys %v, want %v", got, want)
	}
	if got := DecisionOverrides(nil).Keys(); len(got) != 0 {
		t.Errorf("keys of no overrides %v", got)
	}
}

// Apply sets each override over the default and nothing else; no
// overrides leave the default as it is.
func TestApplyOverrides(t *testing.T) {
	def := DefaultDecision()
	got, err := DecisionOverrides{"strategy": "powerplay", "alpha": 0.5, "patience": 12}.Apply(def)
	want := def
	want.Strategy, want.Alpha, want.Patience = "powerplay", 0.5, 12
	if err != nil || got != want {
		t.Errorf("applied %+v, %v; want %+v", got, err, want)
	}
	if def != DefaultDecision() {
		t.Errorf("Apply changed the default it was given: %+v", def)
	}
	for _, o := range []DecisionOverrides{nil, {}} {
		if got, err := o.Apply(def); err != nil || got != def {
			t.Errorf("%#v applied: %+v, %v", o, got, err)
		}
	}
}

// Apply names every bad key — unknown, out of range, not whole — in the
// order of Keys, with what is allowed, and still applies the good ones.
func TestApplyNamesEveryBadKey(t *testing.T) {
	o := DecisionOverrides{"alpha": 2, "zeta": 1, "gamma": 0.5, "patience": 1.5, "Alpha": 0.5}
	got, err := o.Apply(DefaultDecision())
	const allowedKeys = "valuation, strategy, reference_mode, alpha, beta, lambda, gamma, delta, temperature, " +
		"reference_adaptation, patience, impose_threshold, control_threshold"
	want := "alpha: 2 is out of range; allowed: a number in [0, 1]\n" +
		"patience: 1.5 is not a whole number; allowed: a whole number in [0, 1000000]\n" +
		"Alpha: unknown decision key; allowed: " + allowedKeys + "\n" +
		"zeta: unknown decision key; allowed: " + allowedKeys
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
	wantD := DefaultDecision()
	wantD.Gamma = 0.5 // the one good key
	if got != wantD {
		t.Errorf("applied %+v, want %+v", got, wantD)
	}
}

func TestCloneSharesNothing(t *testing.T) {
	o := DecisionOverrides{"alpha": 0.5, "strategy": "powerplay"}
	c := o.Clone()
	if !maps.Equal(c, o) {
		t.Fatalf("clone %v of %v", c, o)
	}
	c["alpha"], c["beta"] = 0.9, 0.1
	delete(c, "strategy")
	if len(o) != 2 || o["alpha"] != 0.5 || o["strategy"] != "powerplay" {
		t.Errorf("changing the clone changed the original: %v", o)
	}
	if DecisionOverrides(nil).Clone() != nil {
		t.Error("the clone of nil is not nil")
	}
}

// Check allows every default, and refuses what Set refuses with Set's
// words.
func TestCheckFollowsSet(t *testing.T) {
	def := DefaultDecision()
	for _, s := range decisionSpecs {
		if err := s.Check(s.Get(&def)); err != nil {
			t.Errorf("%s: the default refused: %v", s.Name, err)
		}
	}
	for _, c := range []struct {
		key string
		v   any
		ok  bool
	}{
		{"patience", 1e6, true}, {"alpha", 0, true}, {"reference_mode", "aspiration", true},
		{"alpha", 2, false}, {"patience", 0.5, false}, {"reference_mode", "fixed", false}, {"strategy", 3, false},
		{"delta", math.NaN(), false}, {"lambda", "2.25", false},
	} {
		s, _ := LookupDecision(c.key)
		var d Decision
		setErr, checkErr := s.Set(&d, c.v), s.Check(c.v)
		if (checkErr == nil) != c.ok {
			t.Errorf("%s = %#v: Check says %v, want allowed %v", c.key, c.v, checkErr, c.ok)
		}
		if (setErr == nil) != (checkErr == nil) || (setErr != nil && setErr.Error() != checkErr.Error()) {
			t.Errorf("%s = %#v: Check says %v, Set %v", c.key, c.v, checkErr, setErr)
		}
	}
}

// AsNumber takes every Go number as the float64 it holds, and nothing
// else.
func TestAsNumber(t *testing.T) {
	for _, c := range []struct {
		v    any
		want float64
	}{
		{0.25, 0.25}, {float32(0.25), 0.25}, {-3, -3}, {int8(-8), -8}, {int16(-300), -300},
		{int32(70000), 70000}, {int64(-1) << 40, -1 << 40}, {uint(7), 7}, {uint8(255), 255},
		{uint16(65535), 65535}, {uint32(1) << 31, 1 << 31}, {uint64(1) << 53, 1 << 53},
	} {
		if got, ok := AsNumber(c.v); !ok || got != c.want {
			t.Errorf("AsNumber(%T %v) = %v, %v; want %v", c.v, c.v, got, ok, c.want)
		}
	}
	for _, v := range []any{"1", true, nil, complex(1, 0), []int{1}, uintptr(1)} {
		if got, ok := AsNumber(v); ok || got != 0 {
			t.Errorf("AsNumber(%T %v) = %v, %v; want no number", v, v, got, ok)
		}
	}
}
