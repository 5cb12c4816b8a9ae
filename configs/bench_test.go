package configs

import "testing"

// BenchmarkParseExperiment reads a Sobol experiment of 300 points over the
// generic scenario: every point's scenario is resolved and checked, which
// is most of the time a large sweep takes before its first replication.
func BenchmarkParseExperiment(b *testing.B) {
	src := []byte("scenario = \"generic\"\ndesign = \"sobol\"\nsamples = 100\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\nto = 5\n")
	b.ReportAllocs()
	for b.Loop() {
		x, err := ParseExperiment("bench.toml", src)
		if err != nil || len(x.Points) != 300 {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseBuiltin reads asia-1950, the largest built-in scenario
// file: decoding, indexing the line of every key, resolving and checking.
func BenchmarkParseBuiltin(b *testing.B) {
	src, ok := builtinSource("asia-1950")
	if !ok {
		b.Fatal("no built-in asia-1950")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("asia-1950.toml", src); err != nil {
			b.Fatal(err)
		}
	}
}
