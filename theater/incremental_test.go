package theater

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// snapshot deep-copies every slice of geo, so later comparison detects any
// write through shared memory.
func snapshot(geo *Geometry) *Geometry {
	s := *geo
	s.grid = geo.grid.Clone()
	s.cost = slices.Clone(geo.cost)
	s.comp = slices.Clone(geo.comp)
	s.fields = make([][]float64, len(geo.fields))
	for i, f := range geo.fields {
		s.fields[i] = slices.Clone(f)
	}
	s.dist = slices.Clone(geo.dist)
	s.decay = slices.Clone(geo.decay)
	s.reach = slices.Clone(geo.reach)
	s.cells = slices.Clone(geo.cells)
	s.rough = slices.Clone(geo.rough)
	every := make([]int, geo.n)
	for a := range every {
		every[a] = a
	}
	s.land = geo.land.cloneRows(every...)
	return &s
}

// geoEqual reports every derived quantity on which got and want differ.
func geoEqual(t *testing.T, what string, got, want *Geometry) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: %s", what, fmt.Sprintf(format, args...))
	}
	if got.n != want.n || got.grid.W != want.grid.W || got.grid.H != want.grid.H {
		fail("shape differs")
		return
	}
	if !slices.Equal(got.grid.Owner, want.grid.Owner) {
		fail("owners differ")
	}
	if !slices.Equal(got.grid.Terrain, want.grid.Terrain) {
		fail("terrain differs")
	}
	if !slices.Equal(got.cells, want.cells) || !slices.Equal(got.rough, want.rough) {
		fail("cells %v rough %v, want %v %v", got.cells, got.rough, want.cells, want.rough)
	}
	if !slices.EqualFunc(got.land.count, want.land.count, slices.Equal) || !slices.EqualFunc(got.land.held, want.land.held, slices.Equal) {
		fail("component counts differ")
	}
	for a := range got.n {
		gf, wf := got.fields[a], want.fields[a]
		if (gf == nil) != (wf == nil) || !slices.Equal(gf, wf) {
			fail("field of state %d differs", a)
		}
		for c := range got.n {
			k := a*got.n + c
			if got.dist[k] != want.dist[k] {
				fail("D(%d→%d) = %v, want %v", a, c, got.dist[k], want.dist[k])
			}
			if got.decay[k] != want.decay[k] {
				fail("decay(%d→%d) = %v, want %v", a, c, got.decay[k], want.decay[k])
			}
			if got.reach[k] != want.reach[k] {
				fail("Reach(%d,%d) = %v, want %v", a, c, got.reach[k], want.reach[k])
			}
		}
	}
}

// bruteDistances computes D by Bellman-Ford style relaxation to a fixpoint,
// independently of the heap code.
func bruteDistances(g *Grid, n int, p Params) []float64 {
	d := make([]float64, n*n)
	for i := range d {
		d[i] = math.Inf(1)
	}
	var nb [4]int
	for a := range n {
		f := make([]float64, len(g.Owner))
		for i, o := range g.Owner {
			f[i] = math.Inf(1)
			if int(o) == a {
				f[i] = 0
			}
		}
		for changed := true; changed; {
			changed = false
			for u := range f {
				for _, v := range neighbours(g.W, g.H, u, &nb) {
					if nd := f[u] + p.enterCost(g.Terrain[v]); nd < f[v] {
						f[v], changed = nd, true
					}
				}
			}
		}
		for i, o := range g.Owner {
			if o >= 0 {
				d[a*n+int(o)] = min(d[a*n+int(o)], f[i])
			}
		}
	}
	return d
}

// (6) Property test: after random occupations and transfers, the
// incrementally updated geometry equals a from-scratch NewGeometry of the
// new grid, the old geometry is unchanged, and untouched fields and the
// terrain are shared, not copied.
func TestIncrementalMatchesFromScratch(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 7))
	// The third set's costs are no whole multiples of a power-of-two
	// fraction, so its geometries take the binary heap, the others the
	// bucket queue (checked below).
	params := []Params{DefaultParams(), {RoughCost: 2.5, SeaCost: 4, ProjectionRange: 8, Sealift: 0.25, RoughBonus: 0.5},
		{RoughCost: 1.3, SeaCost: 2.7, ProjectionRange: 5, Sealift: 0.25, RoughBonus: 0.5}}
	trials, changes := 0, 0
	for trial := range 40 {
		spec := GenerateSpec{
			Width:       6 + rng.IntN(10),
			Height:      5 + rng.IntN(8),
			SeaFraction: []float64{0, 0.3, 0.6, 0.8}[trial%4],
			Islands:     1 + rng.IntN(4),
			Seed:        uint64(trial),
		}
		n := 2 + rng.IntN(6)
		g, err := Generate(spec, n)
		if err != nil {
			continue // too little land for n states
		}
		trials++
		p := params[trial%len(params)]
		geo := NewGeometry(g, n, p)
		if heap := trial%len(params) == 2; (geo.icost == nil) != heap {
			t.Fatalf("trial %d: costs %+v take the heap: %v, want %v", trial, p, geo.icost == nil, heap)
		}
		if want := bruteDistances(g, n, p); !slices.Equal(geo.dist, want) {
			t.Fatalf("trial %d: Dijkstra D %v, brute force %v", trial, geo.dist, want)
		}
		for step := range 12 {
			what := fmt.Sprintf("trial %d (%+v, n=%d) step %d", trial, spec, n, step)
			snap := snapshot(geo)
			a, c := rng.IntN(n), rng.IntN(n)
			var next *Geometry
			if rng.IntN(3) > 0 {
				next, _ = geo.Occupy(a, c, 1+rng.IntN(6))
			} else {
				// Withdraw/transfer: a random subset of c's cells to a
				// (possibly to a state with no cells yet).
				var cells []int
				for i, o := range geo.grid.Owner {
					if int(o) == c && rng.IntN(3) == 0 {
						cells = append(cells, i)
					}
				}
				next = geo.Transfer(c, a, cells)
			}
			geoEqual(t, what+": old geometry changed", geo, snap)
			fresh := NewGeometry(next.Grid(), n, p)
			geoEqual(t, what+": incremental vs fresh", next, fresh)
			if next != geo {
				changes++
				if &next.grid.Terrain[0] != &geo.grid.Terrain[0] || &next.cost[0] != &geo.cost[0] {
					t.Errorf("%s: terrain not shared", what)
				}
				for b := range n {
					if b == a || b == c || geo.fields[b] == nil {
						continue
					}
					if &next.fields[b][0] != &geo.fields[b][0] {
						t.Errorf("%s: field of untouched state %d copied", what, b)
					}
				}
			}
			geo = next
		}
	}
	t.Logf("%d grids, %d ownership changes", trials, changes)
	// Guard against a vacuous pass.
	if trials < 30 || changes < 200 {
		t.Errorf("only %d grids and %d ownership changes tested", trials, changes)
	}
}

// Replications share one geometry and occupy concurrently (run with -race).
func TestConcurrentOccupy(t *testing.T) {
	g, err := Generate(GenerateSpec{Width: 30, Height: 20, SeaFraction: 0.4, Islands: 2, Seed: 3}, 6)
	if err != nil {
		t.Fatal(err)
	}
	base := NewGeometry(g, 6, DefaultParams())
	snap := snapshot(base)
	var wg sync.WaitGroup
	results := make([]*Geometry, 8)
	for r := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			geo := base
			for i := range 10 {
				geo, _ = geo.Occupy((r+i)%6, (r+2*i+1)%6, 2)
				_ = geo.Projection(0, 1, 1, 1)
			}
			results[r] = geo
		}()
	}
	wg.Wait()
	geoEqual(t, "shared base after concurrent use", base, snap)
	for r, geo := range results {
		geoEqual(t, fmt.Sprintf("replication %d", r), geo, NewGeometry(geo.Grid(), 6, DefaultParams()))
	}
}

func TestTransferPanicsOnForeignCell(t *testing.T) {
	geo := geoOf(t, "AB", "", "AB", DefaultParams())
	defer func() {
		if recover() == nil {
			t.Error("Transfer of a cell not owned by from did not panic")
		}
	}()
	geo.Transfer(0, 1, []int{1})
}

func TestCompileRejectsBadInput(t *testing.T) {
	g, _ := Parse("AB", "", glyphsOf("AB"))
	if _, err := Compile(g, 1, DefaultParams()); err == nil {
		t.Error("owner 1 with 1 state accepted")
	}
	bad := DefaultParams()
	bad.SeaCost = -1
	if _, err := Compile(g, 2, bad); err == nil {
		t.Error("negative sea cost accepted")
	}
	sea := g.Clone()
	sea.Terrain[0] = Sea
	if _, err := Compile(sea, 2, DefaultParams()); err == nil {
		t.Error("owned sea accepted")
	}
	// NewGeometry copies its input.
	geo := NewGeometry(g, 2, DefaultParams())
	g.Owner[0] = 1
	if geo.Owner(0) != 0 {
		t.Error("NewGeometry did not copy the grid")
	}
}
