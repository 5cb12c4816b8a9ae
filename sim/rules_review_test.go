package sim

// Engine rules a review found untested: each test below fails under a
// one-line change of the rule it names (docs/model.md §3.3, §7.7, §7.9,
// §7.13, §7.15, §7.16).

import (
	"slices"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// The patron fallback neither consults nor remembers refusals
// (docs/model.md §7.9, "Refusals inside the patron fallback are not
// remembered", and §7.13): a refusal within retry_interval keeps the
// proposer from choosing the same offer again (choose), but the fallback
// that follows a refused multilateral offers its subset and its bilaterals
// whatever was refused this tick. c2 and c3 each hold a grievance of 0.9
// against c1 (grievance_fear 1), so of the refused {c1, c2, c3} both name
// c1, the accepting subset is {c2, c3} and c1 is left to a bilateral, as
// in TestFallbackAfterRefusal with the roles turned. The patron's
// bilateral with c1 and its trilateral with {c2, c3}, both strong, were
// refused in this very tick; the fallback still offers both, both are
// accepted, and the world holds {pat, c2, c3} (imposed) and {pat, c1}
// (bilateral).
func TestPatronFallbackOffersWhatWasJustRefused(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c2: {"c1": 0.9}, c3: {"c1": 0.9}})
	w.refuse(pat, set(c1), true)
	w.refuse(pat, set(c2, c3), true)
	if !w.refusedRecently(pat, set(c1), true) || !w.refusedRecently(pat, set(c2, c3), true) {
		t.Fatal("set-up: both offers should count as refused within retry_interval")
	}
	w.fallback(pat, set(c1, c2, c3), true)
	var offered []agents.Set
	for _, e := range w.events {
		if e.Type == EventProposal && e.Actor == pat && e.Strong {
			if e.Proposal == ProposeSubset || e.Proposal == ProposeFallback {
				offered = append(offered, e.Others)
			}
		}
	}
	if !slices.Equal(offered, []agents.Set{set(c2, c3), set(c1)}) {
		var names [][]string
		for _, s := range offered {
			names = append(names, ids(w.c, s))
		}
		t.Errorf("the fallback offered %v, want the subset [c2 c3], then the bilateral [c1]: %v", names, describe(w))
	}
	var shapes []agents.Set
	for _, a := range w.alliances {
		shapes = append(shapes, a.Members)
	}
	if !slices.Equal(shapes, []agents.Set{set(pat, c2, c3), set(pat, c1)}) {
		t.Fatalf("%d alliances, want {pat, c2, c3} and {pat, c1}: %v", len(shapes), describe(w))
	}
	if w.alliances[0].Origin != OriginImposed || w.alliances[1].Origin != OriginBilateral {
		t.Errorf("origins %v, %v; want imposed, bilateral", w.alliances[0].Origin, w.alliances[1].Origin)
	}
}

// The other half of the rule (docs/model.md §7.9): a fallback bilateral
// the client refuses is not remembered. c1 holds a grievance of 0.9
// against the patron (grievance_fear 1) and refuses any alliance with it:
// the refused {c1, c2, c3} falls back to the subset {c2, c3}, which forms,
// and to a bilateral with c1, which c1 refuses; the patron may offer it
// again at once, and no refusal is on file.
func TestPatronFallbackRemembersNoRefusal(t *testing.T) {
	w := grievingWorld(t, map[int]map[string]float64{c1: {"pat": 0.9}})
	w.fallback(pat, set(c1, c2, c3), true)
	refused := false
	for _, e := range w.events {
		refused = refused || (e.Type == EventRejection && e.Actor == c1 && e.Others == set(c1))
	}
	if !refused || len(w.alliances) != 1 || w.alliances[0].Members != set(pat, c2, c3) {
		t.Fatalf("set-up: want {pat, c2, c3} formed and c1 refusing its bilateral: %v", describe(w))
	}
	if w.refusedRecently(pat, set(c1), true) || len(w.refused) != 0 {
		t.Errorf("the fallback remembered %d refusals, want none: %+v", len(w.refused), w.refused)
	}
}

// A client's and a patron's choice draw their uniform even at temperature
// 0, where the softmax ignores it (docs/model.md §3.3 items 3–4): the
// stream does not depend on the temperature, so that a run's later draws
// are where they would be at any other. In testScenario every state
// decides at temperature 0. With c1 alone reviewing, the client round
// shuffles one client (n − 1 = 0 draws) and c1 draws one uniform for its
// choice; its proposal, the answers and the formation draw nothing. With
// the patron alone reviewing, its round draws one uniform for its choice
// and nothing else. Each round leaves the stream one Float64 on from a
// twin world that did nothing.
func TestChoiceDrawsAtTemperatureZero(t *testing.T) {
	for _, c := range []struct {
		who   string
		i     int
		round func(w *World)
	}{
		{"client c1", c1, func(w *World) { w.clientRound() }},
		{"patron", pat, func(w *World) { w.patronRound(pat) }},
	} {
		chose, untouched := twins(t, testScenario(), 7, func(w *World) { w.reviewing = set(c.i) })
		if temp := chose.c.decision[c.i].Temperature; temp != 0 {
			t.Fatalf("set-up: %s decides at temperature %v, want 0", c.who, temp)
		}
		c.round(chose)
		untouched.rng.Float64()
		sameStream(t, chose, untouched, c.who+"'s round at temperature 0 drew no uniform, or more than one")
	}
}

// Perception noise is drawn only for the ordered pairs (i, j), i ≠ j,
// whose perceiver and source are both alive (docs/model.md §3.3 item 1):
// a dead state perceives nothing and is read by nobody. In testScenario
// with perception_noise 0.1, adv takes all six of c1's cells and c1 is
// eliminated; at the next perception the four states alive, pat, c2, c3
// and adv, read each other: 4·3 = 12 normals, where the five states would
// draw 20, and c1 counted only as a source (or only as a perceiver) 16.
// The stream is then 12 NormFloat64 on from a twin world that did not
// perceive, and nobody reads any threat from c1.
func TestPerceptionNoiseOnlyBetweenTheAlive(t *testing.T) {
	sc := testScenario()
	sc.Params.PerceptionNoise = 0.1
	perceived, untouched := twins(t, sc, 3, func(w *World) {
		w.occupy(adv, c1, 6)
		w.eliminate(c1)
		w.tick = 1
	})
	if perceived.alive[c1] {
		t.Fatal("set-up: c1 should be eliminated")
	}
	perceived.perceive()
	for range 4 * 3 {
		untouched.rng.NormFloat64()
	}
	sameStream(t, perceived, untouched, "perception with c1 eliminated drew other than 12 normals")
	n := perceived.c.n
	for j := 0; j < n; j++ {
		if got := perceived.perceived[j*n+c1]; got != 0 {
			t.Errorf("%s reads c1 at %v, want 0", perceived.c.id[j], got)
		}
	}
}

// A withdrawal to a target with no cell left hands back the cells in cell
// index order (docs/model.md §7.15: "by index if c has no cells"; c has no
// distance field to order them by). In testMap c1 holds cells 4, 5 (row
// 0), 19, 20 (row 1) and 34, 35 (row 2); adv takes all six and c1 is
// eliminated. Withdrawing half hands back ⌈½·6⌉ = 3 cells: 4, 5 and 19,
// the three lowest indices; 20, 34 and 35 stay adv's. (Nearest to adv
// first would be 4, 19, 34; the reverse order 35, 34, 20.)
func TestWithdrawToATargetWithNoCellsGoesByIndex(t *testing.T) {
	w := perceived(t, testScenario())
	for _, cell := range []int{4, 5, 19, 20, 34, 35} {
		if o := w.geo.Owner(cell); o != c1 {
			t.Fatalf("set-up: cell %d belongs to %d, want c1", cell, o)
		}
	}
	w.occupy(adv, c1, 6)
	w.eliminate(c1)
	if w.geo.Cells(c1) != 0 || w.geo.Field(c1) != nil {
		t.Fatalf("set-up: c1 should hold no cell and have no distance field; it holds %d", w.geo.Cells(c1))
	}
	if got := w.withdraw(adv, c1, 0.5); got != 3 {
		t.Fatalf("handed back %d cells, want 3", got)
	}
	for cell, want := range map[int]int{4: c1, 5: c1, 19: c1, 20: adv, 34: adv, 35: adv} {
		if o := w.geo.Owner(cell); o != want {
			t.Errorf("cell %d belongs to %s, want %s", cell, w.c.id[o], w.c.id[want])
		}
	}
}

// In a generated theatre the k-th seed goes to the k-th state with a glyph
// (docs/model.md §7.16). A 3×2 continent (sea_fraction 0, generator seed
// 5), cells
//
//	0 1 2
//	3 4 5
//
// with five states: theater.Generate puts its first seed on cell 0 (the
// random one; the test checks it); the farthest cell from it is 5
// (land-path distance 3); then cells 1 to 4 are all at distance 1 from
// the nearer seed and the tie goes to the lowest index, 1; then 2 (of 2,
// 3, 4, all at 1); then 3 (of 3 and 4). The BFS from the seeds in that
// order gives cell 4 to the seed on 5, the first to reach it: Generate's
// owners are 0 2 3 4 1 1 by seed. So pat (state 0) holds cell 0, c1 cells
// 4 and 5, c2 cell 1, c3 cell 2 and adv cell 3 in the compiled theatre
// (every state of a generated theatre has a glyph). With c2 glyphless, Grid generates for four states — seeds on
// 0, 5, 1, 2; cell 3 goes to the seed on 0 — and the seeds go to pat, c1,
// c3 and adv: pat holds 0 and 3, c1 4 and 5, c3 1, adv 2. (Reversed,
// the first seed would go to adv; by seed number alone, cell 1 to c2.)
func TestGeneratedSeedsGoToTheStatesWithAGlyphInOrder(t *testing.T) {
	spec := theater.GenerateSpec{Width: 3, Height: 2, SeaFraction: 0, Islands: 1, Seed: 5}
	for _, c := range []struct {
		nStates       int
		seeds, mapped []int // Generate's owners by seed, and the states owning each cell
	}{
		{5, []int{0, 2, 3, 4, 1, 1}, []int{pat, c2, c3, adv, c1, c1}},
		{4, []int{0, 2, 3, 0, 1, 1}, []int{pat, c3, adv, pat, c1, c1}},
	} {
		g, err := theater.Generate(spec, c.nStates)
		if err != nil {
			t.Fatal(err)
		}
		var bySeed []int
		for _, o := range g.Owner {
			bySeed = append(bySeed, int(o))
		}
		if !slices.Equal(bySeed, c.seeds) {
			t.Fatalf("set-up: Generate for %d states gives owners %v, want %v (by hand)", c.nStates, bySeed, c.seeds)
		}
		sc := testScenario()
		sc.Map, sc.Generate = "", &spec
		var owners []int // by state index
		if c.nStates == 5 {
			geo := mustCompile(t, sc).Geometry()
			for cell := range c.mapped {
				owners = append(owners, geo.Owner(cell))
			}
		} else {
			sc.States[c2].Glyph = 0 // Grid alone: Validate wants a glyph for every state of a generated theatre
			grid, err := sc.Grid()
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range grid.Owner {
				owners = append(owners, int(o))
			}
		}
		if !slices.Equal(owners, c.mapped) {
			name := func(states []int) (out []string) {
				for _, i := range states {
					out = append(out, sc.States[i].ID)
				}
				return out
			}
			t.Errorf("%d states with a glyph: cells 0–5 owned by %v, want %v", c.nStates, name(owners), name(c.mapped))
		}
	}
}

// A client does not offer a coalition whose signing members are those of
// an alliance in force (docs/model.md §7.7 and §7.9, Uniqueness). Among
// clients this can happen only when a patron in an alliance has lost its
// sovereignty: it signs nothing, so the imposed {pat, c1, c2} counts as
// {c1, c2}. With c3 not sovereign either, c1's only candidate is c2 (they
// share the threat of adv), and its coalition {c1, c2} would repeat the
// alliance in force; c1 is in the only alliance, so it has nothing to
// apply to, and at temperature 0 it does nothing. With the patron
// sovereign, the same coalition is new, c1 values it above its position,
// and proposes it: the check is what keeps c1 quiet.
func TestClientOffersNoCoalitionThatRepeatsAnAllianceInForce(t *testing.T) {
	for _, patronSovereign := range []bool{true, false} {
		w := perceived(t, testScenario())
		w.form(set(pat, c1, c2), true, OriginImposed)
		w.sovereign[pat], w.sovereign[c3] = patronSovereign, false // as scripted sovereignty events would
		w.reviewing = set(c1)
		if a, _ := w.bestCommitment(c1, set(c2), OriginClient); !w.shareThreat(c1, c2) || a.value <= w.position(c1) {
			t.Fatalf("set-up: c1 should share c2's threat and value {c1, c2} (%v) above its position (%v)", a.value, w.position(c1))
		}
		from := len(w.events)
		w.clientRound()
		proposed := false
		for _, e := range w.events[from:] {
			proposed = proposed || (e.Type == EventProposal && e.Actor == c1 && e.Proposal == ProposeCoalition && e.Others == set(c2))
		}
		if proposed != patronSovereign {
			t.Errorf("patron sovereign %v: c1 proposed {c1, c2} %v, want %v: %v", patronSovereign, proposed, patronSovereign, describe(w)[from:])
		}
	}
}
