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

// archipelago is a side × side drawn map of one-cell islands, each
// separated from the next by a row or column of sea, dealt round n
// states: (side/2)² land components (a checkerboard, its islands touching
// only at corners, has twice as many).
func archipelago(side, n int) *Grid {
	g := &Grid{W: side, H: side, Terrain: make([]Terrain, side*side), Owner: make([]int16, side*side)}
	for y := range side {
		for x := range side {
			i := y*side + x
			g.Owner[i] = NoOwner
			if x%2 == 1 || y%2 == 1 {
				g.Terrain[i] = Sea
				continue
			}
			g.Terrain[i] = Land
			g.Owner[i] = int16((x/2 + y/2*side/2) % n)
		}
	}
	return g
}

// Geometry on a drawn map of 10,000 landmasses held by 30 states: the
// cost of Reachable's land components, which the generated benchmarks
// (four islands) do not see.
func BenchmarkNewGeometryArchipelago(b *testing.B) {
	g := archipelago(200, 30)
	b.ReportAllocs()
	for b.Loop() {
		NewGeometry(g, 30, DefaultParams())
	}
}

func BenchmarkOccupyArchipelago(b *testing.B) {
	geo := NewGeometry(archipelago(200, 30), 30, DefaultParams())
	b.ReportAllocs()
	for b.Loop() {
		geo.Occupy(0, 1, 3)
	}
}
