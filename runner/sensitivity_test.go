package runner

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/sensitivity"
)

// Only morris and sobol sweeps have indices; the message says what is
// allowed.
func TestSensitivityNeedsADesign(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "grid")
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := SensitivityOf(dir, nil, sensitivity.Bootstrap{}); err == nil || !strings.Contains(err.Error(), `allowed: design = "morris" or "sobol"`) {
		t.Fatalf("grid sweep: %v", err)
	}
	if _, err := ParseOutput("patron_bilateral", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ParseOutput("bilateral", []string{"alliances"}); err == nil || !strings.Contains(err.Error(), "or a measure: alliances") {
		t.Fatalf("unknown output: %v", err)
	}
}
