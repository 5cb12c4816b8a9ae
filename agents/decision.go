package agents

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Decision holds a state's decision-making settings: how it values options
// (valuation model and its prospect-theory parameters), how noisy its choice
// is, how its reference point moves and, for patrons, which strategy it
// follows. A scenario's [decision] table sets the defaults; any state may
// override any key.
type Decision struct {
	Valuation     string  // registered valuation model
	Strategy      string  // registered patron strategy
	ReferenceMode string  // "adaptive" or "aspiration"
	Alpha         float64 // curvature of value in gains
	Beta          float64 // curvature of value in losses
	Lambda        float64 // loss aversion
	Gamma         float64 // probability weighting in gains
	Delta         float64 // probability weighting in losses
	Temperature   float64 // softmax temperature; 0 is argmax
	// ReferenceAdaptation is η: the share of the gap between threat and
	// reference point that the reference point closes each month as a
	// scenario states it, each tick once sim.Compile has converted it.
	ReferenceAdaptation float64
	Patience            float64 // months an assurance patron waits for clients (ticks once compiled)
	ImposeThreshold     float64 // T_p − ρ_p (depth of losses) above which an assurance patron may impose
	ControlThreshold    float64 // revisionism above which a powerplay patron goes bilateral
}

// Reference-point modes.
const (
	ReferenceAdaptive   = "adaptive"
	ReferenceAspiration = "aspiration"
)

// DecisionKind says what type of value a decision key takes.
type DecisionKind int

// Kinds of decision keys.
const (
	DecisionNumber DecisionKind = iota
	DecisionInteger
	DecisionName
)

// DecisionSpec describes one key of a [decision] table.
type DecisionSpec struct {
	Name     string
	Kind     DecisionKind
	Min, Max float64         // numbers: closed range
	Names    func() []string // names: the allowed values
	Doc      string
	// Patron is true for a key only a patron's strategy reads (§7.8 of
	// docs/model.md): a state of another role may not set it for itself.
	Patron bool
	number func(*Decision) *float64
	name   func(*Decision) *string
}

// Set stores v (a string, or a number: a float64 or any Go integer) under
// this key in d, or says why it cannot: the error names the value and what
// is allowed.
func (s DecisionSpec) Set(d *Decision, v any) error {
	switch s.Kind {
	case DecisionName:
		str, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is not a name; allowed: %s", quoted(v), s.Allowed())
		}
		for _, n := range s.Names() {
			if n == str {
				*s.name(d) = str
				return nil
			}
		}
		return fmt.Errorf("%q is not a known %s; allowed: %s", str, strings.ReplaceAll(s.Name, "_", " "), s.Allowed())
	default:
		f, ok := AsNumber(v)
		if !ok {
			return fmt.Errorf("%s is not a number; allowed: %s", quoted(v), s.Allowed())
		}
		if math.IsNaN(f) || math.IsInf(f, 0) || f < s.Min || f > s.Max {
			return fmt.Errorf("%v is out of range; allowed: %s", f, s.Allowed())
		}
		if s.Kind == DecisionInteger && f != math.Trunc(f) {
			return fmt.Errorf("%v is not a whole number; allowed: %s", f, s.Allowed())
		}
		*s.number(d) = f
		return nil
	}
}

// Get returns the key's value in d as a string or a float64.
func (s DecisionSpec) Get(d *Decision) any {
	if s.Kind == DecisionName {
		return *s.name(d)
	}
	return *s.number(d)
}

// Allowed describes the allowed values in words.
func (s DecisionSpec) Allowed() string {
	switch s.Kind {
	case DecisionName:
		return strings.Join(s.Names(), ", ")
	case DecisionInteger:
		if math.IsInf(s.Max, 1) {
			return fmt.Sprintf("a whole number ≥ %s", plain(s.Min))
		}
		return fmt.Sprintf("a whole number in [%s, %s]", plain(s.Min), plain(s.Max))
	}
	if math.IsInf(s.Max, 1) {
		return fmt.Sprintf("a number ≥ %s", plain(s.Min))
	}
	return fmt.Sprintf("a number in [%s, %s]", plain(s.Min), plain(s.Max))
}

// plain writes a bound without an exponent: 1000000, not 1e+06.
func plain(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// MaxScale is the largest value of a setting with no natural maximum
// (loss aversion, temperature, patience), and of the engine's weights,
// costs and stakes (sim.MaxScale): a million times the scale of the
// defaults, and small enough that the model's arithmetic stays finite.
const MaxScale = 1e6

// decisionSpecs is the table DecisionSpecs returns a copy of.
var decisionSpecs = []DecisionSpec{
	{Name: "valuation", Kind: DecisionName, Names: ValuationNames, Doc: "valuation model", name: func(d *Decision) *string { return &d.Valuation }},
	{Name: "strategy", Kind: DecisionName, Names: StrategyNames, Doc: "patron strategy", Patron: true, name: func(d *Decision) *string { return &d.Strategy }},
	{Name: "reference_mode", Kind: DecisionName, Names: func() []string { return []string{ReferenceAdaptive, ReferenceAspiration} }, Doc: "adaptive reference point, or a fixed aspiration level", name: func(d *Decision) *string { return &d.ReferenceMode }},
	{Name: "alpha", Kind: DecisionNumber, Min: 0, Max: 1, Doc: "value curvature in gains", number: func(d *Decision) *float64 { return &d.Alpha }},
	{Name: "beta", Kind: DecisionNumber, Min: 0, Max: 1, Doc: "value curvature in losses", number: func(d *Decision) *float64 { return &d.Beta }},
	{Name: "lambda", Kind: DecisionNumber, Min: 0, Max: MaxScale, Doc: "loss aversion", number: func(d *Decision) *float64 { return &d.Lambda }},
	{Name: "gamma", Kind: DecisionNumber, Min: 0.28, Max: 1, Doc: "probability weighting in gains", number: func(d *Decision) *float64 { return &d.Gamma }},
	{Name: "delta", Kind: DecisionNumber, Min: 0.28, Max: 1, Doc: "probability weighting in losses", number: func(d *Decision) *float64 { return &d.Delta }},
	{Name: "temperature", Kind: DecisionNumber, Min: 0, Max: MaxScale, Doc: "softmax temperature (0: always the best option)", number: func(d *Decision) *float64 { return &d.Temperature }},
	{Name: "reference_adaptation", Kind: DecisionNumber, Min: 0, Max: 1, Doc: "η: per-month adaptation of the reference point", number: func(d *Decision) *float64 { return &d.ReferenceAdaptation }},
	{Name: "patience", Kind: DecisionInteger, Min: 0, Max: MaxScale, Doc: "months an assurance patron waits for a client alliance", Patron: true, number: func(d *Decision) *float64 { return &d.Patience }},
	{Name: "impose_threshold", Kind: DecisionNumber, Min: 0, Max: 1, Doc: "how far into losses (threat − reference) an assurance patron must be to impose before its patience runs out", Patron: true, number: func(d *Decision) *float64 { return &d.ImposeThreshold }},
	{Name: "control_threshold", Kind: DecisionNumber, Min: 0, Max: 1, Doc: "revisionism above which a powerplay patron offers only bilaterals", Patron: true, number: func(d *Decision) *float64 { return &d.ControlThreshold }},
}

// DecisionSpecs returns every key of a [decision] table, as a copy:
// changing it changes nothing the engine reads.
func DecisionSpecs() []DecisionSpec {
	return slices.Clone(decisionSpecs)
}

// DefaultDecision returns the decision settings of docs/model.md §2.6.
func DefaultDecision() Decision {
	return Decision{
		Valuation:           "prospect",
		Strategy:            "assurance",
		ReferenceMode:       ReferenceAdaptive,
		Alpha:               0.88,
		Beta:                0.88,
		Lambda:              2.25,
		Gamma:               0.61,
		Delta:               0.69,
		Temperature:         0.02,
		ReferenceAdaptation: 0.01,
		Patience:            24,
		ImposeThreshold:     0.15,
		ControlThreshold:    0.3,
	}
}

// LookupDecision returns the spec of the named decision key.
func LookupDecision(name string) (DecisionSpec, bool) {
	for _, s := range decisionSpecs {
		if s.Name == name {
			return s, true
		}
	}
	return DecisionSpec{}, false
}

// DecisionNames lists the keys of a [decision] table.
func DecisionNames() []string {
	names := make([]string, len(decisionSpecs))
	for i, s := range decisionSpecs {
		names[i] = s.Name
	}
	return names
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// quoted writes a value for an error message, a string in quotes, so that
// "0.5" given as a string does not read as the number it looks like.
func quoted(v any) string {
	if str, ok := v.(string); ok {
		return strconv.Quote(str)
	}
	return fmt.Sprint(v)
}
