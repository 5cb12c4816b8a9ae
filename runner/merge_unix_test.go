//go:build unix

package runner

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A shard whose parts/ this user may not read (written by another user,
// without permission for others) holds its chunks all the same: the
// merge names the part it cannot read, where it used to report the
// chunks missing and advise running their shard again.
func TestMergeNamesAnUnreadablePart(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file: run as another user")
	}
	base := t.TempDir()
	a, b := twoShards(t, base)
	parts := filepath.Join(b, "parts")
	if err := os.Chmod(parts, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(parts, 0o755) })
	err := Merge([]string{a, b}, filepath.Join(base, "merged"), nil)
	if err == nil || errors.Is(err, ErrIncomplete) || strings.Contains(err.Error(), "missing") ||
		!strings.Contains(err.Error(), filepath.Join(parts, "p00000-")) || !strings.Contains(err.Error(), "permission denied; allowed: shard directories this user may read") {
		t.Fatalf("merging a shard whose parts/ cannot be read: %v", err)
	}
}
