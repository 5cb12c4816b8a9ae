package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// A sweep's summary.json is streamed point by point (so that a sweep of
// many points is never held whole), with exactly the bytes that
// json.MarshalIndent gives the whole SweepSummary.
func TestSweepSummaryStreamedAsMarshalled(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s SweepSummary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Points) != 2 || s.Points[1].Point != 1 || s.Points[1].Summary == nil || s.Points[1].Values["params.sea_cost"] != 6.0 {
		t.Fatalf("points %+v", s.Points)
	}
	if want := mustJSONIndent(s); !bytes.Equal(b, want) {
		t.Errorf("summary.json is not MarshalIndent's layout:\n%s", b[len(b)-200:])
	}
}
