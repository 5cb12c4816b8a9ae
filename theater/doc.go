// Package theater is the geography of the alliance simulator: a grid of sea,
// land and rough cells owned by states, and what follows from it — effective
// distances, land reachability, projectable force and defence, the two
// sides of the denial ratio of the occupation threat (docs/model.md §7.1;
// the engine forms the ratio with agents.Denial and combines it with the
// credibility of the force and deterrence by punishment). It knows nothing
// about alliances; the caller passes allied help in as a number.
//
// # Why geography
//
// Cohen's H7 holds that credible occupation threats arise more easily in land
// theatres than in maritime ones — the "stopping power of water"
// (Mearsheimer's phrase). The package encodes this twice: sea cells are
// expensive to cross, so distant states project less force, and a state that
// cannot reach its target over land can bring at most Sealift·naval of its
// land forces:
//
//	D(a→c)  least-cost 4-neighbour path from a cell of a to a cell of c
//	P(j→c)  = F · exp(−D(j→c)/ProjectionRange),
//	          F = land_j if Reach(j,c) else min(land_j, Sealift·naval_j)
//	Def(c)  = land_c · (1 + RoughBonus·roughShare_c) + alliedHelp
//	Denial  = σ(κ·(ln(P+ε) − ln(Def+ε))),  ε = 1e-6, so Denial = 0.5 when P = Def
//
// Denial is one factor of the credible occupation threat: the engine
// multiplies it by the credibility of the force, P/(P + F₀), and by
// 1 − the punishment allies threaten (agents.Denial; docs/model.md §7.1).
//
// # Choices
//
// Distances charge for entering a cell: land 1, rough RoughCost, sea
// SeaCost; the cells a path starts from are free. So D(a→a) = 0, D(a→c) = 1
// when a land cell of c borders a, and D need not be symmetric (entering
// rough costs more than leaving it). Each state has a distance field, the
// cost of reaching every cell from its territory, computed by one
// multi-source Dijkstra; D(a→c) is the minimum of a's field over c's cells.
// A state with no cells is at +Inf from and to everyone and reaches no one.
//
// Reach(a,c) holds when a and c own cells in one 4-connected component of
// non-sea cells (of any owner). Terrain never changes, so components are
// computed once; only per-state cell counts per component follow ownership.
//
// Occupation takes the cells of the victim nearest to the occupier by the
// occupier's field, ties by lower cell index. A Geometry is immutable and
// shared by concurrent replications: Occupy and Transfer return a new one
// that shares terrain, components and the fields of uninvolved states with
// the old one. The receiver's field can only shrink: a copy of it is lowered
// by a Dijkstra seeded at the new cells. The loser's field is recomputed;
// then only their rows and columns of the n×n matrices are redone. Distance,
// Reachable and Projection read precomputed flat matrices: O(1), no
// allocation.
//
// # Maps
//
// Parse reads ASCII maps ('~' sea, '.' unowned land, '^' unowned rough, a
// state's glyph for its land) with an optional rough overlay, and reports
// every problem at once with rune-counted, 0-based positions.
//
// Generate builds a random theatre from a seed (math/rand/v2 PCG, no global
// randomness):
//
//  1. Landmasses. SeaFraction 0 makes the whole grid land. Otherwise Islands
//     seed cells are spread by best-candidate sampling and grown together
//     (a random frontier cell of a random island at a time) until
//     W·H − round(SeaFraction·W·H) cells are land (at least one), or no
//     island can grow. A cell
//     touching another island, diagonals included, is never added, so
//     landmasses stay separated by sea; if that stalls, growth continues
//     allowing diagonal contact, which still keeps landmasses
//     4-disconnected. So the islands need sea between them: many islands
//     in little sea fall short of the land asked (a seed on or touching
//     another island is dropped too), and any SeaFraction above 0 with
//     several islands gives at least the sea that separates them (60×40
//     cells, 4 islands: 4.7% sea for every SeaFraction up to 0.02;
//     SeaFraction 0 alone gives one continent).
//  2. Rough. About 10% of land cells become rough, in clusters of 1–6 cells.
//  3. States. Seeds by farthest-point sampling over land cells (first one
//     random; distance is the land-path BFS distance, so an unseeded
//     landmass counts as infinitely far and gets a seed first; ties by lower
//     cell index), then all territories grow simultaneously by multi-source
//     BFS over land adjacency. Every territory is thus 4-connected and
//     non-empty; land no seed reaches stays unowned.
package theater
