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
