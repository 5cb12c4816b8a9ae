package agents

import (
	"fmt"
	"math"
	"sync"
)

// Lottery is an option's two outcomes coded relative to the reference point:
// Good with probability P, Bad otherwise (docs/model.md §7.4). A sure outcome has
// P = 1 and Good = Bad.
type Lottery struct {
	P         float64
	Good, Bad float64
}

// Sure returns the lottery that gives x for certain.
func Sure(x float64) Lottery { return Lottery{P: 1, Good: x, Bad: x} }

// A Valuation turns a lottery into a single value a state maximises.
// Implementations must be pure functions of their arguments: they are shared
// by every replication and called concurrently. d is the state's decision
// settings, to read (a fresh copy at each call: writing to it changes
// nothing the engine reads).
type Valuation interface {
	Value(l Lottery, d *Decision) float64
}

// ValuationFunc adapts a function to the Valuation interface.
type ValuationFunc func(l Lottery, d *Decision) float64

// Value calls f.
func (f ValuationFunc) Value(l Lottery, d *Decision) float64 { return f(l, d) }

var registry = struct {
	sync.RWMutex
	valuations map[string]Valuation
	strategies map[string]Strategy
}{
	valuations: map[string]Valuation{
		"prospect":         ValuationFunc(ProspectValue),
		"expected_utility": ValuationFunc(ExpectedUtility),
	},
	strategies: map[string]Strategy{
		"prospect":  ProspectStrategy{},
		"assurance": AssuranceStrategy{},
		"powerplay": PowerplayStrategy{},
	},
}

// RegisterValuation makes v available under name to scenario files
// (decision.valuation = name). It panics if the name is taken, empty or
// not a plain name (lowercase letters, digits, _ and -, starting with a
// letter), or v is nil: a registration clash is a programming error,
// found at init.
func RegisterValuation(name string, v Valuation) {
	registry.Lock()
	defer registry.Unlock()
	if name == "" || isNil(v) {
		panic("agents: RegisterValuation with empty name or nil valuation")
	}
	if !registeredName.MatchString(name) {
		panic(fmt.Sprintf("agents: RegisterValuation with name %q; allowed: %s", name, registeredNameRule))
	}
	if _, dup := registry.valuations[name]; dup {
		panic(fmt.Sprintf("agents: valuation %q registered twice", name))
	}
	registry.valuations[name] = v
}

// LookupValuation returns the valuation registered under name.
func LookupValuation(name string) (Valuation, bool) {
	registry.RLock()
	defer registry.RUnlock()
	v, ok := registry.valuations[name]
	return v, ok
}

// ValuationNames lists the registered valuation models, sorted.
func ValuationNames() []string {
	registry.RLock()
	defer registry.RUnlock()
	return sortedKeys(registry.valuations)
}

// ExpectedUtility is the rationalist baseline: p·x⁺ + (1−p)·x⁻, no frame.
func ExpectedUtility(l Lottery, _ *Decision) float64 {
	if l.Good == l.Bad {
		return l.Good // a sure outcome, exactly: P·x + (1−P)·x can miss x by an ulp
	}
	return l.P*l.Good + (1-l.P)*l.Bad
}

// ProspectValue is cumulative prospect theory (Tversky & Kahneman 1992) for
// a two-outcome lottery: value u(x) = x^α in gains and −λ(−x)^β in losses,
// with rank-dependent decision weights. Both outcomes gains: the better gets
// w⁺(p), the worse 1−w⁺(p). Both losses: the worse gets w⁻(p), the better
// 1−w⁻(p). Mixed: w⁺ on the gain, w⁻ on the loss. Zero counts as a gain.
func ProspectValue(l Lottery, d *Decision) float64 {
	if l.Good == l.Bad {
		// A sure outcome, exactly: the weights w and 1 − w sum to 1 only
		// to rounding, and an ulp would make a state prefer a lottery of
		// equal outcomes to the same outcome for sure.
		return ValueTK(l.Good, d)
	}
	hi, pHi, lo, pLo := l.Good, l.P, l.Bad, 1-l.P
	if lo > hi {
		hi, pHi, lo, pLo = lo, pLo, hi, pHi
	}
	switch {
	case lo >= 0:
		w := WeightTK(pHi, d.Gamma)
		return w*ValueTK(hi, d) + (1-w)*ValueTK(lo, d)
	case hi < 0:
		w := WeightTK(pLo, d.Delta)
		return w*ValueTK(lo, d) + (1-w)*ValueTK(hi, d)
	default:
		return WeightTK(pHi, d.Gamma)*ValueTK(hi, d) + WeightTK(pLo, d.Delta)*ValueTK(lo, d)
	}
}

// ValueTK is the prospect-theory value function. NaN passes through, as
// it does through ExpectedUtility, so that the engine's check for
// non-finite values stops the run instead of reading the reference point.
func ValueTK(x float64, d *Decision) float64 {
	switch {
	case x > 0:
		return math.Exp(d.Alpha * math.Log(x)) // x^α; Exp∘Log is cheaper than Pow
	case x < 0:
		return -d.Lambda * math.Exp(d.Beta*math.Log(-x))
	case math.IsNaN(x):
		return x
	}
	return 0
}

// WeightTK is the Tversky–Kahneman (1992) probability weighting function
// w(p) = p^γ / (p^γ + (1−p)^γ)^(1/γ).
func WeightTK(p, gamma float64) float64 {
	switch {
	case p <= 0:
		return 0
	case p >= 1:
		return 1
	}
	a := math.Exp(gamma * math.Log(p))
	b := math.Exp(gamma * math.Log(1-p))
	return a / math.Exp(math.Log(a+b)/gamma)
}
