package theater_test

import (
	"fmt"

	"github.com/alliancesim/alliancesim/theater"
)

// A generated theatre, deterministic in its seed: a small archipelago of
// two landmasses dealt among three states (0, 1, 2), drawn with '~' for
// sea and each state's index for its cells.
func ExampleGenerate() {
	g, err := theater.Generate(theater.GenerateSpec{Width: 16, Height: 6, SeaFraction: 0.4, Islands: 2, Seed: 3}, 3)
	if err != nil {
		panic(err)
	}
	for y := range g.H {
		row := make([]byte, g.W)
		for x := range g.W {
			switch i := g.Index(x, y); {
			case g.Terrain[i] == theater.Sea:
				row[x] = '~'
			case g.Owner[i] == theater.NoOwner:
				row[x] = '.'
			default:
				row[x] = byte('0' + g.Owner[i])
			}
		}
		fmt.Println(string(row))
	}
	fmt.Println(g.CellsPerOwner(3))
	// Output:
	// 00000~~~~~1~1~~~
	// 000000~~~1111~~~
	// 000000~~~~1111~2
	// 000000~~~1111222
	// 000000~~~~~1~222
	// 00000~~~~~~~~~22
	// [34 15 9]
}

// The stopping power of water (docs/model.md §7.1): state A (0) projects
// an army of 10 with a navy of 4 at B (1), once across an empty land
// cell and once across a strait. Over land the distance is 2 (entering
// the empty cell and B's first, at 1 each) and all of the army arrives,
// decayed to 10·e^(−2/20) ≈ 9.05; across water entering the sea cell
// costs 3, and only what the navy can carry crosses, Sealift 0.5 × 4 = 2,
// decayed to 2·e^(−4/20) ≈ 1.64.
func ExampleGeometry_Projection() {
	for _, m := range []string{"AA.BB", "AA~BB"} {
		g, err := theater.Parse(m, "", map[rune]int{'A': 0, 'B': 1})
		if err != nil {
			panic(err)
		}
		geo := theater.NewGeometry(g, 2, theater.DefaultParams())
		fmt.Printf("%s: distance %g, over land %t, projection %.3f\n",
			m, geo.Distance(0, 1), geo.Reachable(0, 1), geo.Projection(0, 1, 10, 4))
	}
	// Output:
	// AA.BB: distance 2, over land true, projection 9.048
	// AA~BB: distance 4, over land false, projection 1.637
}
