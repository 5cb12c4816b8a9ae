package theater

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Geometry is a compiled theatre: the grid plus everything derived from it
// that the simulation reads every tick. It is immutable after construction
// and safe to share between goroutines; Occupy and Transfer return a new
// Geometry that shares every unaffected slice with the old one.
type Geometry struct {
	grid *Grid // Terrain shared by all descendants, Owner copied per change
	n    int
	p    Params

	// Shared by all descendants: terrain never changes.
	cost  []float64 // cost of entering each cell
	icost []uint8   // cost·scale as whole numbers, when costs allow (see integerCosts)
	comp  []int32   // non-sea component of each cell, -1 for sea
	ncomp int

	// fields[a][i] is the cost of reaching cell i from a's territory; nil
	// when a owns no cells. Untouched fields are shared with the parent.
	fields [][]float64

	// n×n, row-major by source: entry a*n+c is about a→c. Copied per change.
	dist  []float64 // D(a→c)
	decay []float64 // exp(−D(a→c)/ProjectionRange), 0 when D is +Inf
	reach []bool    // a and c own cells in a common land component

	cells []int32      // cells owned, per state
	rough []int32      // rough cells owned, per state
	land  landHoldings // cells of each state in each land component
}

// NewGeometry compiles g for nStates states (owner indices 0..nStates-1). It
// copies g, so later changes to g do not affect the Geometry. It panics if g
// or p is invalid; Compile returns the error instead.
func NewGeometry(g *Grid, nStates int, p Params) *Geometry {
	geo, err := Compile(g, nStates, p)
	if err != nil {
		panic(err)
	}
	return geo
}

// Compile is NewGeometry returning an error for an invalid grid or params.
func Compile(g *Grid, nStates int, p Params) (*Geometry, error) {
	if err := g.Validate(nStates); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	g = g.Clone()
	geo := &Geometry{grid: g, n: nStates, p: p}
	geo.comp, geo.ncomp = g.Components()
	geo.cost = make([]float64, len(g.Terrain))
	for i, t := range g.Terrain {
		geo.cost[i] = p.enterCost(t)
	}
	geo.icost = integerCosts(geo.cost)

	n := nStates
	geo.cells = make([]int32, n)
	geo.rough = make([]int32, n)
	geo.land = newLandHoldings(n, geo.ncomp)
	owned := make([][]int, n)
	for i, o := range g.Owner {
		if o < 0 {
			continue
		}
		geo.cells[o]++
		if g.Terrain[i] == Rough {
			geo.rough[o]++
		}
		geo.land.add(int(o), int(geo.comp[i]), 1)
		owned[o] = append(owned[o], i)
	}

	geo.fields = make([][]float64, n)
	for a := range n {
		if len(owned[a]) > 0 {
			f := infField(len(g.Terrain))
			geo.lower(f, owned[a])
			geo.fields[a] = f
		}
	}

	geo.dist = make([]float64, n*n)
	inf := math.Inf(1)
	for i := range geo.dist {
		geo.dist[i] = inf
	}
	for a, f := range geo.fields {
		if f == nil {
			continue
		}
		row := geo.dist[a*n : (a+1)*n]
		for i, o := range g.Owner {
			if o >= 0 && f[i] < row[o] {
				row[o] = f[i]
			}
		}
	}
	geo.decay = make([]float64, n*n)
	for i, d := range geo.dist {
		geo.decay[i] = geo.decayOf(d)
	}
	geo.reach = make([]bool, n*n)
	for a := range n {
		for c := range n {
			geo.reach[a*n+c] = geo.shareComponent(a, c)
		}
	}
	return geo, nil
}

func (geo *Geometry) decayOf(d float64) float64 {
	if math.IsInf(d, 1) {
		return 0 // also avoids Inf/Inf = NaN when ProjectionRange is +Inf
	}
	return math.Exp(-d / geo.p.ProjectionRange)
}

func (geo *Geometry) shareComponent(a, c int) bool {
	if geo.cells[a] == 0 || geo.cells[c] == 0 {
		return false
	}
	return geo.land.share(a, c)
}

// Grid returns the geometry's grid. It is shared: do not modify it (Clone it
// to edit, then NewGeometry the copy).
func (geo *Geometry) Grid() *Grid { return geo.grid }

// N returns the number of states.
func (geo *Geometry) N() int { return geo.n }

// Params returns the parameters the geometry was compiled with.
func (geo *Geometry) Params() Params { return geo.p }

// Distance returns D(a→c), the least cost of stepping from a cell of a to a
// cell of c; 0 for a = c, +Inf when either state owns no cells.
func (geo *Geometry) Distance(a, c int) float64 { return geo.dist[a*geo.n+c] }

// Reachable reports whether c can be reached from a over land and rough
// cells only: a and c own cells in a common land component. False when
// either owns no cells.
func (geo *Geometry) Reachable(a, c int) bool { return geo.reach[a*geo.n+c] }

// Proximity returns exp(−D(a→c)/ProjectionRange), 0 when D is +Inf.
func (geo *Geometry) Proximity(a, c int) float64 { return geo.decay[a*geo.n+c] }

// Cells returns the number of cells state c owns.
func (geo *Geometry) Cells(c int) int { return int(geo.cells[c]) }

// RoughShare returns the share of c's cells that are rough (0 with no cells).
func (geo *Geometry) RoughShare(c int) float64 {
	if geo.cells[c] == 0 {
		return 0
	}
	return float64(geo.rough[c]) / float64(geo.cells[c])
}

// Projection returns P(j→c) = F·exp(−D(j→c)/ProjectionRange) with F = land
// if c is reachable from j over land, else min(land, Sealift·naval); 0 when
// D is +Inf.
func (geo *Geometry) Projection(j, c int, land, naval float64) float64 {
	k := j*geo.n + c
	f := land
	if !geo.reach[k] {
		f = min(land, geo.p.Sealift*naval)
	}
	return f * geo.decay[k]
}

// Defence returns Def(c) for c's land strength and the allies' help (see the
// Defence function).
func (geo *Geometry) Defence(c int, land, alliedHelp float64) float64 {
	return Defence(geo.p, land, geo.RoughShare(c), alliedHelp)
}

// Field returns the cost of reaching every cell from a's territory, or nil
// when a owns no cells. It is shared: do not modify it.
func (geo *Geometry) Field(a int) []float64 { return geo.fields[a] }

// Owner returns the owner of cell i, or NoOwner.
func (geo *Geometry) Owner(i int) int { return int(geo.grid.Owner[i]) }

func (geo *Geometry) checkState(what string, s int) {
	if s < 0 || s >= geo.n {
		panic(fmt.Sprintf("theater: %s state %d out of range [0,%d)", what, s, geo.n))
	}
}

// NearestCells returns the k cells of target nearest to actor's territory
// (by actor's distance field, ties by lower cell index), in that order;
// fewer if target owns fewer. If actor owns no cells every distance is +Inf
// and the order is by cell index.
func (geo *Geometry) NearestCells(actor, target, k int) []int {
	geo.checkState("actor", actor)
	geo.checkState("target", target)
	if k <= 0 || geo.cells[target] == 0 {
		return nil
	}
	cand := make([]int, 0, geo.cells[target])
	for i, o := range geo.grid.Owner {
		if int(o) == target {
			cand = append(cand, i)
		}
	}
	if f := geo.fields[actor]; f != nil {
		// cand is in index order, so a stable sort breaks ties by index.
		slices.SortStableFunc(cand, func(x, y int) int { return cmp.Compare(f[x], f[y]) })
	}
	if k < len(cand) {
		cand = cand[:k:k]
	}
	return cand
}

// Occupy has actor take the k cells of target nearest to it (NearestCells)
// and returns the new geometry and the number of cells taken. The receiver is
// unchanged; with nothing to take (k <= 0, actor == target, target owns no
// cells) it is returned as is.
func (geo *Geometry) Occupy(actor, target, k int) (*Geometry, int) {
	if actor == target {
		return geo, 0
	}
	cells := geo.NearestCells(actor, target, k)
	if len(cells) == 0 {
		return geo, 0
	}
	return geo.Transfer(target, actor, cells), len(cells)
}

// Transfer hands cells from state from to state to and returns the new
// geometry (copy-on-write; the receiver is unchanged, and returned as is when
// cells is empty or from == to). Every cell must currently be owned by from;
// Transfer panics otherwise. Duplicates are ignored.
//
// Only from's and to's distance fields change: to's can only decrease and is
// updated incrementally from the new cells; from's is recomputed. Then only
// the rows and columns of from and to in the n×n matrices change.
func (geo *Geometry) Transfer(from, to int, cells []int) *Geometry {
	geo.checkState("from", from)
	geo.checkState("to", to)
	if from == to || len(cells) == 0 {
		return geo
	}
	g := geo.grid
	for _, c := range cells {
		if c < 0 || c >= len(g.Owner) || int(g.Owner[c]) != from {
			panic(fmt.Sprintf("theater: Transfer(%d, %d): cell %d is not owned by state %d", from, to, c, from))
		}
	}

	ng := *geo
	ng.grid = &Grid{W: g.W, H: g.H, Terrain: g.Terrain, Owner: slices.Clone(g.Owner)}
	ng.cells = slices.Clone(geo.cells)
	ng.rough = slices.Clone(geo.rough)
	ng.land = geo.land.cloneRows(from, to)
	owner := ng.grid.Owner
	for _, c := range cells {
		if int(owner[c]) != from {
			continue // duplicate
		}
		owner[c] = int16(to)
		ng.cells[from]--
		ng.cells[to]++
		if g.Terrain[c] == Rough {
			ng.rough[from]--
			ng.rough[to]++
		}
		k := int(ng.comp[c])
		ng.land.add(from, k, -1)
		ng.land.add(to, k, 1)
	}

	ng.fields = slices.Clone(geo.fields)
	var recv []float64
	if old := geo.fields[to]; old != nil {
		recv = slices.Clone(old)
	} else {
		recv = infField(len(owner))
	}
	ng.lower(recv, cells)
	ng.fields[to] = recv
	ng.fields[from] = nil
	if ng.cells[from] > 0 {
		src := make([]int, 0, ng.cells[from])
		for i, o := range owner {
			if int(o) == from {
				src = append(src, i)
			}
		}
		f := infField(len(owner))
		ng.lower(f, src)
		ng.fields[from] = f
	}

	ng.dist = slices.Clone(geo.dist)
	ng.decay = slices.Clone(geo.decay)
	ng.reach = slices.Clone(geo.reach)
	ng.updateMatrices(from, to)
	return &ng
}

// updateMatrices recomputes the rows and columns of states a and c in dist,
// decay and reach after their territories and fields changed.
func (geo *Geometry) updateMatrices(a, c int) {
	n := geo.n
	inf := math.Inf(1)
	for b := range n {
		geo.dist[a*n+b], geo.dist[b*n+a] = inf, inf
		geo.dist[c*n+b], geo.dist[b*n+c] = inf, inf
	}
	fa, fc := geo.fields[a], geo.fields[c]
	rowA, rowC := geo.dist[a*n:(a+1)*n], geo.dist[c*n:(c+1)*n]
	for i, o := range geo.grid.Owner {
		if o < 0 {
			continue
		}
		if fa != nil && fa[i] < rowA[o] {
			rowA[o] = fa[i]
		}
		if fc != nil && fc[i] < rowC[o] {
			rowC[o] = fc[i]
		}
		if int(o) != a && int(o) != c {
			continue
		}
		// A cell of a or c: every other state's column entry may shrink.
		for b, fb := range geo.fields {
			if b == a || b == c || fb == nil {
				continue
			}
			if k := b*n + int(o); fb[i] < geo.dist[k] {
				geo.dist[k] = fb[i]
			}
		}
	}
	for b := range n {
		for _, k := range [4]int{a*n + b, b*n + a, c*n + b, b*n + c} {
			geo.decay[k] = geo.decayOf(geo.dist[k])
		}
		geo.reach[a*n+b] = geo.shareComponent(a, b)
		geo.reach[b*n+a] = geo.reach[a*n+b]
		geo.reach[c*n+b] = geo.shareComponent(c, b)
		geo.reach[b*n+c] = geo.reach[c*n+b]
	}
}
