package sensitivity

import "testing"

// The estimators and designs at the sizes of a typical study: Sobol on
// N = 1024 rows of 8 parameters with 1000 bootstrap resamples; elementary
// effects of 8 parameters over 50 trajectories; the designs.

func BenchmarkSobol(b *testing.B) {
	const n, k = 1024, 8
	x, _ := SaltelliDesign(n, k, Halton, 1)
	y := evaluate(GFunction(gA), x)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sobol(y, n, k, Bootstrap{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkElementaryEffects(b *testing.B) {
	const k = 8
	x, _ := MorrisDesign(50, k, 4, 50, 1)
	y := evaluate(GFunction(gA), x)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ElementaryEffects(x, y, k, Bootstrap{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSaltelliDesign(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SaltelliDesign(1024, 8, Halton, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMorrisDesign(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := MorrisDesign(50, 8, 4, 500, 1); err != nil {
			b.Fatal(err)
		}
	}
}
