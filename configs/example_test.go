package configs_test

import (
	"fmt"

	"github.com/alliancesim/alliancesim/configs"
)

// A counterfactual is a file that extends a scenario and changes only what
// it names: here generic with a stronger adversary (land 40, where generic
// gives it 25) and one client fewer.
// Parse resolves it as the engine will run it; an error would name the
// file, line and key, and say what is allowed.
func ExampleParse() {
	src := []byte(`extends = "generic"
drop_states = ["c6"]

[[states]]
id = "adversary"
land = 40
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
	// adversary (adversary) land 40
	// c1 (client) land 3
	// c2 (client) land 2.5
	// c3 (client) land 1.5
	// c4 (client) land 1
	// c5 (client) land 0.8
	// bad.toml:3: params.sea_cost: -1 is out of range; allowed: a number in [0, 1000000]
}

// An override in code, as `--set` makes it on the command line: SetPath
// checks the value as a file setting the path would be, and changes the
// scenario only if the result is valid; Apply sets several paths at once.
func ExampleSetPath() {
	sc, _ := configs.Builtin("generic")
	if err := configs.SetPath(sc, "states.adversary.revisionism", 0.9); err != nil {
		panic(err)
	}
	err := configs.SetPath(sc, "states.adversary.revisionism", 1.5)
	fmt.Println(err)
	err = configs.Apply(sc, []configs.Assignment{{Path: "params.sea_cost", Value: 2.0}, {Path: "theater.generate.seed", Value: 3}})
	fmt.Println(err, sc.States[1].ID, sc.States[1].Revisionism, sc.Params.SeaCost)
	// Output:
	// states.adversary.revisionism: 1.5 is out of range; allowed: a number in [0, 1]
	// <nil> adversary 0.9 2
}
