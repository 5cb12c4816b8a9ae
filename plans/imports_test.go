package plans

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The layering plans exists for: runner knows no file format (it does not
// import configs, directly or through another package), configs knows no
// runner, and the engine writes no sentences (sim does not import
// timeline).
func TestLayering(t *testing.T) {
	for _, rule := range []struct{ pkg, forbidden string }{
		{"runner", "configs"},
		{"configs", "runner"},
		{"sim", "timeline"},
		{"sim", "runner"},
	} {
		out, err := exec.Command("go", "list", "-deps", "github.com/alliancesim/alliancesim/"+rule.pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", rule.pkg, err)
		}
		deps := strings.Fields(string(out))
		if slices.Contains(deps, "github.com/alliancesim/alliancesim/"+rule.forbidden) {
			t.Errorf("%s depends on %s", rule.pkg, rule.forbidden)
		}
	}
}
