package calibration_test

import (
	"fmt"

	"github.com/alliancesim/alliancesim/calibration"
)

// The grid and the rule, without running anything: two free inputs of
// two and three values make six candidates, the first input varying
// slowest. Of three candidates scored by hand, two meet four targets;
// the rule takes the one of them with the smaller total shortfall
// Σ max(0, threshold − share), here 0.05 against 0.12.
func ExampleChoose() {
	grid := calibration.Grid([]calibration.Input{
		{Name: "states.sov.revisionism", Values: []float64{0.2, 0.35}},
		{Name: "states.usa.stakes.nzl", Values: []float64{0.4, 0.6, 0.8}},
	})
	fmt.Println(grid)

	scored := []calibration.Candidate{
		{Values: grid[0], Met: 3, Shortfall: 0.02},
		{Values: grid[1], Met: 4, Shortfall: 0.12},
		{Values: grid[4], Met: 4, Shortfall: 0.05},
	}
	best := calibration.Choose(scored)
	fmt.Printf("chosen %v: %d met, shortfall %.2f\n", scored[best].Values, scored[best].Met, scored[best].Shortfall)
	// Output:
	// [[0.2 0.4] [0.2 0.6] [0.2 0.8] [0.35 0.4] [0.35 0.6] [0.35 0.8]]
	// chosen [0.35 0.6]: 4 met, shortfall 0.05
}
