package theater

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/alliancesim/alliancesim/internal/words"
)

// GenerateSpec describes a random theatre.
type GenerateSpec struct {
	Width, Height int
	SeaFraction   float64 // share of sea cells in [0,1), approximately; 0 = one continent
	Islands       int     // landmasses to aim for (values below 1 mean 1)
	Seed          uint64
	// A scenario's theater.generate is checked more strictly than
	// Generate checks a spec (sim.Scenario.Validate): a width and height
	// of 2 to 1000, islands 1 to 1000, and a seed of at most 2⁶³ − 1, as
	// TOML's integers are signed.
}

// Generation constants.
const (
	genStream     = 0x7468656174657221 // PCG stream ("theater!"), fixed so a seed means one map
	roughFraction = 0.10               // share of land cells made rough
	roughCluster  = 6                  // rough clusters have 1..roughCluster cells
	islandTries   = 12                 // best-candidate samples per island seed
)

// Generate builds a random theatre for nStates states, deterministically
// from spec.Seed (see the package documentation for the algorithm).
func Generate(spec GenerateSpec, nStates int) (*Grid, error) {
	w, h := spec.Width, spec.Height
	switch {
	case w <= 0 || h <= 0 || w > MaxSide || h > MaxSide:
		return nil, fmt.Errorf("theater: generate: size %d×%d; allowed: 1 to %d cells a side", w, h, MaxSide)
	case !(spec.SeaFraction >= 0 && spec.SeaFraction < 1):
		return nil, fmt.Errorf("theater: generate: sea fraction %v; allowed: at least 0 and below 1", spec.SeaFraction)
	case nStates < 0 || nStates > math.MaxInt16+1:
		return nil, fmt.Errorf("theater: generate: %d states; allowed: 0 to %d", nStates, math.MaxInt16+1)
	}
	rng := rand.New(rand.NewPCG(spec.Seed, genStream))
	g := &Grid{W: w, H: h, Terrain: make([]Terrain, w*h), Owner: make([]int16, w*h)}

	remedies := "a lower sea fraction, a larger grid or fewer states"
	if spec.SeaFraction == 0 {
		for i := range g.Terrain {
			g.Terrain[i] = Land
		}
	} else {
		target := w*h - int(math.Round(spec.SeaFraction*float64(w*h)))
		if land := growIslands(g, max(target, 1), max(spec.Islands, 1), rng); land < target {
			// The sea that keeps islands apart took land a lower sea
			// fraction cannot give back, short of 0.
			remedies = "a lower sea fraction, fewer islands (the sea between them takes land), a larger grid or fewer states"
		}
	}
	roughen(g, rng)
	if err := assignStates(g, nStates, remedies, rng); err != nil {
		return nil, err
	}
	return g, nil
}

// growIslands turns about target sea cells into land in up to islands
// separate landmasses. Island seeds are spread by best-candidate sampling;
// the islands then grow together, one random frontier cell of a random
// island at a time, never onto a cell touching (8-neighbourhood) another
// island, so that at least one sea cell separates landmasses. If that
// stalls before target, growth continues with the 4-neighbourhood rule,
// which still keeps landmasses 4-disconnected. It returns the land cells
// made, target or fewer.
func growIslands(g *Grid, target, islands int, rng *rand.Rand) (land int) {
	w, h := g.W, g.H
	isl := make([]int16, w*h)
	for i := range isl {
		isl[i] = -1
	}
	eligible := func(c int, id int16, diag bool) bool {
		x, y := c%w, c/w
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if (dx != 0 && dy != 0 && !diag) || (dx == 0 && dy == 0) {
					continue
				}
				nx, ny := x+dx, y+dy
				if nx < 0 || ny < 0 || nx >= w || ny >= h {
					continue
				}
				if o := isl[ny*w+nx]; o >= 0 && o != id {
					return false
				}
			}
		}
		return true
	}

	// Seeds: each new one is the best of a few random cells by squared
	// Euclidean distance to the nearest earlier seed. A seed touching an
	// earlier island is dropped (tiny grids), so there may be fewer islands.
	var seeds []int
	for range min(islands, target) {
		best, bestD := -1, -1
		for range islandTries {
			c := rng.IntN(w * h)
			d := math.MaxInt
			for _, s := range seeds {
				dx, dy := c%w-s%w, c/w-s/w
				d = min(d, dx*dx+dy*dy)
			}
			if d > bestD {
				best, bestD = c, d
			}
		}
		if isl[best] < 0 && eligible(best, int16(len(seeds)), true) {
			isl[best] = int16(len(seeds))
			g.Terrain[best] = Land
			seeds = append(seeds, best)
		}
	}

	land = len(seeds)
	frontier := make([][]int32, len(seeds))
	var nb [4]int
	pushSea := func(c int) {
		for _, v := range neighbours(w, h, c, &nb) {
			if g.Terrain[v] == Sea {
				frontier[isl[c]] = append(frontier[isl[c]], int32(v))
			}
		}
	}
	for _, diag := range []bool{true, false} {
		for id := range frontier {
			frontier[id] = frontier[id][:0]
		}
		for c := range g.Terrain {
			if g.Terrain[c] != Sea {
				pushSea(c)
			}
		}
		active := make([]int, len(seeds))
		for i := range active {
			active[i] = i
		}
		for land < target && len(active) > 0 {
			ai := rng.IntN(len(active))
			id := active[ai]
			f := frontier[id]
			if len(f) == 0 {
				active[ai] = active[len(active)-1]
				active = active[:len(active)-1]
				continue
			}
			j := rng.IntN(len(f))
			c := int(f[j])
			f[j] = f[len(f)-1]
			frontier[id] = f[:len(f)-1]
			if g.Terrain[c] != Sea || !eligible(c, int16(id), diag) {
				continue
			}
			g.Terrain[c] = Land
			isl[c] = int16(id)
			land++
			pushSea(c)
		}
	}
	return land
}

// roughen makes about roughFraction of the land cells rough, in small
// clusters grown by random frontier steps from random land cells.
func roughen(g *Grid, rng *rand.Rand) {
	var landCells []int
	for i, t := range g.Terrain {
		if t == Land {
			landCells = append(landCells, i)
		}
	}
	want := int(math.Round(roughFraction * float64(len(landCells))))
	var nb [4]int
	var front []int
	for done := 0; done < want; {
		s := landCells[rng.IntN(len(landCells))]
		if g.Terrain[s] != Land {
			continue
		}
		size := 1 + rng.IntN(roughCluster)
		front = append(front[:0], s)
		for size > 0 && done < want && len(front) > 0 {
			j := rng.IntN(len(front))
			c := front[j]
			front[j] = front[len(front)-1]
			front = front[:len(front)-1]
			if g.Terrain[c] != Land {
				continue
			}
			g.Terrain[c] = Rough
			size--
			done++
			for _, v := range neighbours(g.W, g.H, c, &nb) {
				if g.Terrain[v] == Land {
					front = append(front, v)
				}
			}
		}
	}
}

// assignStates gives each state a connected territory: seeds by
// farthest-point sampling over land cells (land-path BFS distance; cells on
// a landmass without a seed count as infinitely far, ties by lower index;
// the first seed is random), then simultaneous multi-source BFS from all
// seeds in seed order. Land no seed can reach stays unowned.
// Too little land for the states is an error that offers remedies.
func assignStates(g *Grid, nStates int, remedies string, rng *rand.Rand) error {
	for i := range g.Owner {
		g.Owner[i] = NoOwner
	}
	var landCells []int
	for i, t := range g.Terrain {
		if t != Sea {
			landCells = append(landCells, i)
		}
	}
	if len(landCells) < nStates {
		return fmt.Errorf("theater: generate: %s for %s; allowed: a land cell or more for each state: %s",
			words.Count(len(landCells), "land cell", "land cells"), words.Count(nStates, "state", "states"), remedies)
	}
	if nStates == 0 {
		return nil
	}

	w, h := g.W, g.H
	var nb [4]int
	far := make([]int32, w*h)
	for i := range far {
		far[i] = math.MaxInt32
	}
	queue := make([]int, 0, len(landCells))
	// bfs lowers far[] from seed s; it only visits cells it improves.
	bfs := func(s int) {
		far[s] = 0
		queue = append(queue[:0], s)
		for q := 0; q < len(queue); q++ {
			u := queue[q]
			for _, v := range neighbours(w, h, u, &nb) {
				if g.Terrain[v] != Sea && far[u]+1 < far[v] {
					far[v] = far[u] + 1
					queue = append(queue, v)
				}
			}
		}
	}
	seeds := make([]int, 0, nStates)
	seeds = append(seeds, landCells[rng.IntN(len(landCells))])
	bfs(seeds[0])
	for len(seeds) < nStates {
		best := -1
		for _, c := range landCells {
			if best < 0 || far[c] > far[best] {
				best = c
			}
		}
		seeds = append(seeds, best)
		bfs(best)
	}

	queue = queue[:0]
	for s, c := range seeds {
		g.Owner[c] = int16(s)
		queue = append(queue, c)
	}
	for q := 0; q < len(queue); q++ {
		u := queue[q]
		for _, v := range neighbours(w, h, u, &nb) {
			if g.Terrain[v] != Sea && g.Owner[v] == NoOwner {
				g.Owner[v] = g.Owner[u]
				queue = append(queue, v)
			}
		}
	}
	return nil
}
