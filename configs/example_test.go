package configs_test

import (
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
)

// A counterfactual is a file that extends a scenario and changes only what
// it names: here generic with a stronger adversary and one client fewer.
// Parse resolves it as the engine will run it; an error would name the
// file, line and key, and say what is allowed.
func ExampleParse() {
	src := []byte(`extends = "generic"
drop_states = ["c6"]

[[states]]
id = "adversary"
land = 12
`)
	sc, err := configs.Parse("stronger.toml", src)
	if err != nil {
		panic(err)
	}
	for _, s := range sc.States {
		fmt.Printf("%s (%s) land %g\n", s.ID, s.Role, s.Land)
	}
	_, err = configs.Parse("bad.toml", []byte("extends = \"generic\"\n[params]\nsea_cost = -1\n"))
	fmt.Println(err)
	// Output:
	// patron (patron) land 15
	// adversary (adversary) land 12
	// c1 (client) land 3
	// c2 (client) land 2.5
	// c3 (client) land 1.5
	// c4 (client) land 1
	// c5 (client) land 0.8
	// bad.toml:3: params.sea_cost: -1 is out of range; allowed: a number in [0, 1000000]
}
