package agents

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/internal/mdtable"
)

// The keys of a [decision] table, in the order of docs/model.md §2.6.
var decisionKeys = []string{"valuation", "strategy", "reference_mode", "alpha", "beta", "lambda", "gamma", "delta",
	"temperature", "reference_adaptation", "patience", "impose_threshold", "control_threshold"}

func TestDecisionNamesInTheOrderOfTheDocs(t *testing.T) {
	if got := DecisionNames(); !slices.Equal(got, decisionKeys) {
		t.Errorf("decision keys %v, want %v", got, decisionKeys)
	}
}

func TestLookupDecision(t *testing.T) {
	for _, name := range decisionKeys {
		if s, ok := LookupDecision(name); !ok || s.Name != name {
			t.Errorf("LookupDecision(%q) = %q, %v", name, s.Name, ok)
		}
	}
	for _, name := range []string{"", "Alpha", "loss_aversion", "decision.alpha"} {
		if s, ok := LookupDecision(name); ok || s.Name != "" {
			t.Errorf("LookupDecision(%q) found %q", name, s.Name)
		}
	}
}

// Each key's default as Get reads it from DefaultDecision, and what it
// allows, both as docs/model.md §2.6 tabulates them.
func TestDecisionKeysAsTheDocsTabulate(t *testing.T) {
	def := DefaultDecision()
	for _, c := range []struct {
		name    string
		def     any
		allowed string
	}{
		{"reference_mode", "adaptive", "adaptive, aspiration"},
		{"alpha", 0.88, "a number in [0, 1]"},
		{"beta", 0.88, "a number in [0, 1]"},
		{"lambda", 2.25, "a number in [0, 1000000]"},
		{"gamma", 0.61, "a number in [0.28, 1]"},
		{"delta", 0.69, "a number in [0.28, 1]"},
		{"temperature", 0.02, "a number in [0, 1000000]"},
		{"reference_adaptation", 0.01, "a number in [0, 1]"},
		{"patience", 24.0, "a whole number in [0, 1000000]"},
		{"impose_threshold", 0.15, "a number in [0, 1]"},
		{"control_threshold", 0.3, "a number in [0, 1]"},
	} {
		s, _ := LookupDecision(c.name)
		if got := s.Get(&def); got != c.def {
			t.Errorf("%s: default %#v, want %#v", c.name, got, c.def)
		}
		if got := s.Allowed(); got != c.allowed {
			t.Errorf("%s: allowed %q, want %q", c.name, got, c.allowed)
		}
	}
	// the registries' names: the built-ins at least (a test may have
	// registered more valuations)
	for name, want := range map[string][]string{
		"valuation": {"prospect", "expected_utility"}, "strategy": {"assurance", "powerplay", "prospect"},
	} {
		s, _ := LookupDecision(name)
		if got := s.Get(&def); got != want[0] {
			t.Errorf("%s: default %#v, want %q", name, got, want[0])
		}
		allowed := strings.Split(s.Allowed(), ", ")
		for _, n := range want {
			if !slices.Contains(allowed, n) {
				t.Errorf("%s: allowed %q lacks %q", name, s.Allowed(), n)
			}
		}
	}
}

// The table of docs/model.md §2.6 is DecisionSpecs and DefaultDecision:
// its keys in order, each default, and what each allows ("[0, 1]",
// "whole, [0, 10⁶]", or the names, in backquotes, a name key takes; "or a
// registered name" where more may be registered). A key's default or
// range changed in the code or in the table shows here. The table is
// found by its header (key, default, allowed) wherever it stands in the
// section, and its cells by their column's name (internal/mdtable); a
// table of another number of rows than DecisionSpecs stops the test, so
// that a row the reading lost cannot pass unseen.
func TestDecisionTableOfTheDocs(t *testing.T) {
	b, err := os.ReadFile("../docs/model.md")
	if err != nil {
		t.Fatal(err)
	}
	section, err := mdtable.Section(string(b), "### 2.6 Decision keys")
	if err != nil {
		t.Fatalf("docs/model.md: %v", err)
	}
	rows, err := mdtable.Rows(section, "key", "default", "allowed")
	if err != nil {
		t.Fatalf("docs/model.md §2.6: %v", err)
	}
	if len(rows) != len(DecisionSpecs()) {
		t.Fatalf("docs/model.md §2.6's table has %d rows, DecisionSpecs %d keys", len(rows), len(DecisionSpecs()))
	}
	// quotedNames are the `…` of a cell, in order.
	quotedNames := func(cell string) []string {
		var names []string
		for k, part := range strings.Split(cell, "`") {
			if k%2 == 1 {
				names = append(names, part)
			}
		}
		return names
	}
	bound := func(x float64) string {
		if x == MaxScale {
			return "10⁶"
		}
		return plain(x)
	}
	var keys []string
	def := DefaultDecision()
	for _, row := range rows {
		names := quotedNames(row["key"])
		if len(names) == 0 {
			t.Fatalf("docs/model.md §2.6: a row's key %q has no `…`", row["key"])
		}
		key := names[0]
		keys = append(keys, key)
		s, ok := LookupDecision(key)
		if !ok {
			t.Errorf("docs/model.md §2.6 lists %s, which is no decision key", key)
			continue
		}
		defCell, allowed := row["default"], row["allowed"]
		if s.Kind == DecisionName {
			if names := quotedNames(defCell); len(names) != 1 || names[0] != s.Get(&def) {
				t.Errorf("%s: default %q; docs/model.md §2.6 has %s", key, s.Get(&def), defCell)
			}
			names := quotedNames(allowed)
			if len(names) == 0 {
				t.Errorf("%s: docs/model.md §2.6 allows %q, no name", key, allowed)
			}
			for _, n := range names {
				if !slices.Contains(s.Names(), n) {
					t.Errorf("%s: docs/model.md §2.6 allows %s, which is not one of %v", key, n, s.Names())
				}
			}
			if open := strings.HasSuffix(allowed, "or a registered name"); !open && !slices.Equal(names, s.Names()) {
				t.Errorf("%s: allowed %v; docs/model.md §2.6 has %s", key, s.Names(), allowed)
			}
			continue
		}
		if v, err := strconv.ParseFloat(defCell, 64); err != nil || v != s.Get(&def) {
			t.Errorf("%s: default %v; docs/model.md §2.6 has %q", key, s.Get(&def), defCell)
		}
		want := "[" + bound(s.Min) + ", " + bound(s.Max) + "]"
		if s.Kind == DecisionInteger {
			want = "whole, " + want
		}
		if allowed != want {
			t.Errorf("%s: allowed %s; docs/model.md §2.6 has %s", key, want, allowed)
		}
	}
	if !slices.Equal(keys, DecisionNames()) {
		t.Errorf("docs/model.md §2.6 lists %v; DecisionSpecs %v", keys, DecisionNames())
	}
}

// Set stores a value in its own field and no other: the decision after it
// is the default with that one field changed. Numbers come as float64 or
// any Go integer; bounds are inclusive.
func TestDecisionSetStoresTheValue(t *testing.T) {
	for _, c := range []struct {
		key  string
		v    any
		want func(*Decision)
	}{
		{"valuation", "expected_utility", func(d *Decision) { d.Valuation = "expected_utility" }},
		{"strategy", "powerplay", func(d *Decision) { d.Strategy = "powerplay" }},
		{"reference_mode", "aspiration", func(d *Decision) { d.ReferenceMode = ReferenceAspiration }},
		{"alpha", 0.5, func(d *Decision) { d.Alpha = 0.5 }},
		{"beta", 0, func(d *Decision) { d.Beta = 0 }}, // a Go int at the lower bound
		{"lambda", int64(3), func(d *Decision) { d.Lambda = 3 }},
		{"lambda", MaxScale, func(d *Decision) { d.Lambda = 1e6 }}, // the upper bound
		{"gamma", 0.28, func(d *Decision) { d.Gamma = 0.28 }},
		{"delta", float32(0.5), func(d *Decision) { d.Delta = 0.5 }}, // ½ is exact in float32
		{"temperature", uint8(0), func(d *Decision) { d.Temperature = 0 }},
		{"reference_adaptation", 1, func(d *Decision) { d.ReferenceAdaptation = 1 }},
		{"patience", 12, func(d *Decision) { d.Patience = 12 }},
		{"patience", 36.0, func(d *Decision) { d.Patience = 36 }}, // a whole float64
		{"impose_threshold", 0.25, func(d *Decision) { d.ImposeThreshold = 0.25 }},
		{"control_threshold", uint64(1), func(d *Decision) { d.ControlThreshold = 1 }},
	} {
		s, _ := LookupDecision(c.key)
		got, want := DefaultDecision(), DefaultDecision()
		c.want(&want)
		if err := s.Set(&got, c.v); err != nil {
			t.Errorf("%s = %#v: %v", c.key, c.v, err)
		}
		if got != want {
			t.Errorf("%s = %#v: decision %+v, want %+v", c.key, c.v, got, want)
		}
		// Get gives back the value set, as written (36.0 and 36 alike).
		if v := s.Get(&got); fmt.Sprint(v) != fmt.Sprint(c.v) {
			t.Errorf("%s = %#v: Get gives %#v", c.key, c.v, v)
		}
	}
}

// Set refuses a value of the wrong type, out of range or not whole, names
// the value and what is allowed, and leaves the decision alone.
func TestDecisionSetRejects(t *testing.T) {
	for _, c := range []struct {
		key  string
		v    any
		want string
	}{
		{"alpha", 1.5, "1.5 is out of range; allowed: a number in [0, 1]"},
		{"beta", -0.1, "-0.1 is out of range; allowed: a number in [0, 1]"},
		{"gamma", 0.2, "0.2 is out of range; allowed: a number in [0.28, 1]"},
		{"lambda", 2e6, "2e+06 is out of range; allowed: a number in [0, 1000000]"},
		{"temperature", math.Inf(1), "+Inf is out of range; allowed: a number in [0, 1000000]"},
		{"alpha", math.NaN(), "NaN is out of range; allowed: a number in [0, 1]"},
		{"patience", 2.5, "2.5 is not a whole number; allowed: a whole number in [0, 1000000]"},
		{"patience", -1, "-1 is out of range; allowed: a whole number in [0, 1000000]"},
		{"alpha", "half", "\"half\" is not a number; allowed: a number in [0, 1]"},
		{"alpha", "0.5", "\"0.5\" is not a number; allowed: a number in [0, 1]"},
		{"impose_threshold", true, "true is not a number; allowed: a number in [0, 1]"},
		{"reference_mode", "fixed", `"fixed" is not a known reference mode; allowed: adaptive, aspiration`},
		{"reference_mode", 1, "1 is not a name; allowed: adaptive, aspiration"},
		{"strategy", "bully", `"bully" is not a known strategy; allowed: ` + strings.Join(StrategyNames(), ", ")},
		{"valuation", "regret", `"regret" is not a known valuation; allowed: ` + strings.Join(ValuationNames(), ", ")},
	} {
		s, _ := LookupDecision(c.key)
		d := DefaultDecision()
		err := s.Set(&d, c.v)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s = %#v: error %v, want %q", c.key, c.v, err, c.want)
		}
		if d != DefaultDecision() {
			t.Errorf("%s = %#v: refused, but the decision changed to %+v", c.key, c.v, d)
		}
	}
}

// A key with no maximum (none of DecisionSpecs has one; a spec may)
// takes any finite number from its minimum up, and says so.
func TestOpenEndedDecisionSpec(t *testing.T) {
	s := DecisionSpec{Name: "open", Kind: DecisionNumber, Min: 1, Max: math.Inf(1),
		number: func(d *Decision) *float64 { return &d.Lambda }}
	var d Decision
	if err := s.Set(&d, 1e300); err != nil || d.Lambda != 1e300 {
		t.Errorf("1e300: %v, stored %v", err, d.Lambda)
	}
	if err := s.Set(&d, math.Inf(1)); err == nil || err.Error() != "+Inf is out of range; allowed: a number ≥ 1" {
		t.Errorf("+Inf: %v", err)
	}
	if err := s.Set(&d, 0.5); err == nil || err.Error() != "0.5 is out of range; allowed: a number ≥ 1" {
		t.Errorf("0.5: %v", err)
	}
}

// Allowed in words for every kind of key, bounds written without an
// exponent.
func TestAllowedInWords(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		s    DecisionSpec
		want string
	}{
		{DecisionSpec{Kind: DecisionNumber, Min: 0, Max: inf}, "a number ≥ 0"},
		{DecisionSpec{Kind: DecisionInteger, Min: 1, Max: inf}, "a whole number ≥ 1"},
		{DecisionSpec{Kind: DecisionNumber, Min: -0.5, Max: 1e7}, "a number in [-0.5, 10000000]"},
		{DecisionSpec{Kind: DecisionNumber, Min: 1e-7, Max: 1}, "a number in [0.0000001, 1]"},
		{DecisionSpec{Kind: DecisionInteger, Min: 0, Max: 1e21}, "a whole number in [0, 1000000000000000000000]"},
		{DecisionSpec{Kind: DecisionName, Names: func() []string { return []string{"low", "high"} }}, "low, high"},
	} {
		if got := c.s.Allowed(); got != c.want {
			t.Errorf("allowed %q, want %q", got, c.want)
		}
	}
}

func TestPlainWritesNoExponent(t *testing.T) {
	for x, want := range map[float64]string{
		1e6: "1000000", 0.28: "0.28", -2.5: "-2.5", 1e-7: "0.0000001", 0: "0", 24: "24",
	} {
		if got := plain(x); got != want {
			t.Errorf("plain(%g) = %q, want %q", x, got, want)
		}
	}
}
