package theater

import "testing"

// benchGeometry is a 150×100 theatre with 30 states, the largest size the
// simulator uses.
func benchGeometry(b *testing.B) (*Grid, *Geometry) {
	b.Helper()
	g, err := Generate(GenerateSpec{Width: 150, Height: 100, SeaFraction: 0.5, Islands: 4, Seed: 1}, 30)
	if err != nil {
		b.Fatal(err)
	}
	return g, NewGeometry(g, 30, DefaultParams())
}

func BenchmarkNewGeometry(b *testing.B) {
	g, _ := benchGeometry(b)
	b.ReportAllocs()
	for b.Loop() {
		NewGeometry(g, 30, DefaultParams())
	}
}

func BenchmarkOccupy(b *testing.B) {
	_, geo := benchGeometry(b)
	// State 0 occupies 3 cells of its nearest neighbour.
	target, best := -1, 0.0
	for c := 1; c < geo.N(); c++ {
		if d := geo.Distance(0, c); target < 0 || d < best {
			target, best = c, d
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		geo.Occupy(0, target, 3)
	}
}

func BenchmarkProjection(b *testing.B) {
	_, geo := benchGeometry(b)
	n := geo.N()
	b.ReportAllocs()
	var sum float64
	for b.Loop() {
		for j := range n {
			for c := range n {
				sum += geo.Projection(j, c, 10, 5)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n*n), "ns/call")
	_ = sum
}
