package agents

import (
	"math"
	"testing"
)

const tol = 1e-9

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) { // NaN fails too
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// nearRel fails unless got is want within a relative tolerance of 1e-12
// (absolute at 0): for hand values that floating point need not hit to
// the bit.
func nearRel(t *testing.T, what string, got, want float64) {
	t.Helper()
	if got != want && !(math.Abs(got-want) <= 1e-12*math.Abs(want)) {
		t.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

// panicValue calls f and returns what it panicked with (nil if it did
// not panic).
func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
