package agents

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// DecisionOverrides are the keys of a [decision] table that one state sets
// for itself, by the names of DecisionSpecs, over its scenario's default
// Decision: a name key takes a string, a number key a float64 (any Go
// integer is taken as the float64 it holds). A nil or empty map overrides
// nothing: the state decides as the scenario's [decision] says.
type DecisionOverrides map[string]any

// Keys returns the keys set, in the order of DecisionSpecs; keys that name
// no spec come last, sorted.
func (o DecisionOverrides) Keys() []string {
	keys := make([]string, 0, len(o))
	for _, s := range decisionSpecs {
		if _, ok := o[s.Name]; ok {
			keys = append(keys, s.Name)
		}
	}
	var unknown []string
	for k := range o {
		if _, ok := LookupDecision(k); !ok {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	return append(keys, unknown...)
}

// Apply returns def with every override set. The error names each key that
// is unknown or whose value is not allowed, and what is allowed; keys that
// are fine are still applied.
func (o DecisionOverrides) Apply(def Decision) (Decision, error) {
	var errs []error
	for _, k := range o.Keys() {
		spec, ok := LookupDecision(k)
		if !ok {
			errs = append(errs, fmt.Errorf("%s: unknown decision key; allowed: %s", k, strings.Join(DecisionNames(), ", ")))
			continue
		}
		if err := spec.Set(&def, o[k]); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", k, err))
		}
	}
	return def, errors.Join(errs...)
}

// Clone returns a copy that shares nothing with o (nil for nil).
func (o DecisionOverrides) Clone() DecisionOverrides { return maps.Clone(o) }

// Check reports whether v is an allowed value of the key, and if not, what
// is allowed. It uses the same rules as Set.
func (s DecisionSpec) Check(v any) error {
	var d Decision
	return s.Set(&d, v)
}

// AsNumber turns a Go number of any type into the float64 a number key
// holds; ok is false for anything else.
func AsNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int8:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint16:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	}
	return 0, false
}
