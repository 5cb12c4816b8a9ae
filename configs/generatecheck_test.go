package configs

import (
	"reflect"
	"testing"

	"github.com/alliancesim/alliancesim/theater"
)

// The memo of the generator's verdict is exact: for settings that draw and
// settings that fail, the remembered error is a fresh draw's, the first
// time and after; and a scenario resolved with the memo off is the same.
func TestGenerateCheckIsExact(t *testing.T) {
	specs := []struct {
		spec theater.GenerateSpec
		n    int
	}{
		{theater.GenerateSpec{Width: 20, Height: 10, SeaFraction: 0.3, Islands: 2, Seed: 7}, 6},
		{theater.GenerateSpec{Width: 3, Height: 3, SeaFraction: 0.9, Islands: 1, Seed: 1}, 2}, // 1 land cell for 2 states
		{theater.GenerateSpec{Width: 0, Height: 3, Islands: 1}, 1},
	}
	for round := range 2 {
		for _, c := range specs {
			_, want := theater.Generate(c.spec, c.n)
			got := generateCheck(c.spec, c.n)
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Errorf("round %d, %+v with %d states: got %v, want %v", round, c.spec, c.n, got, want)
			}
		}
	}
	on, err := Builtin("generic")
	if err != nil {
		t.Fatal(err)
	}
	generateChecks.Lock()
	generateChecks.on = false
	generateChecks.Unlock()
	defer func() {
		generateChecks.Lock()
		generateChecks.on = true
		generateChecks.Unlock()
	}()
	off, err := Builtin("generic")
	if err != nil || !reflect.DeepEqual(on, off) {
		t.Fatalf("generic resolved with the memo off differs: %v", err)
	}
}
