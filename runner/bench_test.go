package runner

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
)

// Execute of 100 replications of generic over 60 ticks into a fresh
// directory, events included: the cost of the output files (chunks,
// checksums, the merge into the top-level files, the summary) on top of
// the runs themselves, which BenchmarkMonteCarlo in the module's root
// measures alone.
func BenchmarkExecute(b *testing.B) {
	sc, err := configs.Builtin("generic")
	if err != nil {
		b.Fatal(err)
	}
	short(sc)
	plan := newPlan(b, sc, 100, 1)
	base := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		dir := filepath.Join(base, "out")
		if err := Execute(context.Background(), plan, dir, ExecOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
