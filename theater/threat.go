package theater

import (
	"errors"
	"fmt"
	"math"
)

// Epsilon is added to offence and defence before the engine raises them
// to the κ-th power for the denial ratio (agents.Denial), so that a zero
// force has a defined share.
const Epsilon = 1e-6

// Params are the theatre's constants (docs/model.md §7.1).
type Params struct {
	RoughCost       float64 // cost of entering a rough cell (land costs 1)
	SeaCost         float64 // cost of entering a sea cell
	ProjectionRange float64 // distance at which projectable force falls to 1/e
	Sealift         float64 // share of naval strength that can carry land forces across water
	RoughBonus      float64 // defence bonus per unit of rough share
}

// DefaultParams returns the model's default constants.
func DefaultParams() Params {
	return Params{
		RoughCost:       2,
		SeaCost:         3,
		ProjectionRange: 20,
		Sealift:         0.5,
		RoughBonus:      1,
	}
}

// Validate reports parameters the geometry cannot work with: negative or NaN
// step costs (Dijkstra needs non-negative costs), a non-positive projection
// range, negative sealift, a rough bonus below −1 (which would make the
// defence of all-rough land negative) or infinite, NaN anywhere.
func (p Params) Validate() error {
	var errs []error
	check := func(name string, v float64, ok bool, want string) {
		if math.IsNaN(v) || !ok {
			errs = append(errs, fmt.Errorf("theater: %s = %v, want %s", name, v, want))
		}
	}
	check("RoughCost", p.RoughCost, p.RoughCost >= 0, ">= 0")
	check("SeaCost", p.SeaCost, p.SeaCost >= 0, ">= 0")
	check("ProjectionRange", p.ProjectionRange, p.ProjectionRange > 0, "> 0")
	check("Sealift", p.Sealift, p.Sealift >= 0 && !math.IsInf(p.Sealift, 1), "finite and >= 0")
	check("RoughBonus", p.RoughBonus, p.RoughBonus >= -1 && !math.IsInf(p.RoughBonus, 0), "finite and >= -1")
	return errors.Join(errs...)
}

// enterCost is the cost of stepping into a cell of terrain t.
func (p Params) enterCost(t Terrain) float64 {
	switch t {
	case Rough:
		return p.RoughCost
	case Sea:
		return p.SeaCost
	}
	return 1
}

// Defence is Def(c) = land·(1 + RoughBonus·roughShare) + alliedHelp, where
// alliedHelp is the caller's Σ over allies of h·P(ally→c).
func Defence(p Params, land, roughShare, alliedHelp float64) float64 {
	return land*(1+p.RoughBonus*roughShare) + alliedHelp
}
