package plans

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
)

// runner checks the plans and manifests it is given against the same
// designs and bounds as configs checks experiment files; neither imports
// the other, so this test keeps them one.
func TestLimitsAgree(t *testing.T) {
	if !slices.Equal(runner.Designs, configs.Designs) {
		t.Fatalf("runner.Designs %v, configs.Designs %v", runner.Designs, configs.Designs)
	}
	if runner.MaxPoints != configs.MaxPoints {
		t.Fatalf("runner.MaxPoints %d, configs.MaxPoints %d", runner.MaxPoints, configs.MaxPoints)
	}
}
