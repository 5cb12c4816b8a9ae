package report

import (
	"context"
	"testing"
)

// Building the report of each kind of output directory: 60 runs of
// asia-1950 with a yearly series, one run of it (its map and Gantt chart
// replayed), a small sweep, and a hypotheses directory. The test
// fixtures are made once, outside the timing.
func BenchmarkWrite(b *testing.B) {
	many, single, sweep, hyps := fixtures(b)
	for _, c := range []struct{ name, dir string }{
		{"runs", many}, {"single", single}, {"sweep", sweep}, {"hypotheses", hyps},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Write(context.Background(), c.dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
