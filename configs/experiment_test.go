package configs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExperimentGrid(t *testing.T) {
	src := `scenario = "generic"
runs = 10
seed = 4
[[vary]]
path = "theater.generate.sea_fraction"
from = 0.1
to = 0.9
steps = 3
[[vary]]
path = "decision.strategy"
values = ["assurance", "powerplay"]
`
	x, err := ParseExperiment("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if x.Runs != 10 || x.Seed != 4 || len(x.Points) != 6 || len(x.Vary) != 2 {
		t.Fatalf("experiment %+v", x)
	}
	// the last path varies fastest
	if x.Points[1][0] != 0.1 || x.Points[1][1] != "powerplay" || x.Points[2][0] != 0.5 {
		t.Errorf("points %v", x.Points)
	}
	sc, err := x.ScenarioAt(5)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Generate.SeaFraction != 0.9 || sc.Decision.Strategy != "powerplay" || decisionOf(t, sc, sc.States[0].ID).Strategy != "powerplay" {
		t.Errorf("point 5 scenario: sea %v strategy %v", sc.Generate.SeaFraction, sc.Decision.Strategy)
	}
	if got := x.Describe(5); got != "theater.generate.sea_fraction=0.9, decision.strategy=powerplay" {
		t.Errorf("describe: %q", got)
	}
	if got := x.Describe(len(x.Points)); got != fmt.Sprintf("no point %d", len(x.Points)) {
		t.Errorf("describe past the last point: %q", got)
	}
}

func TestExperimentStatesAndLHS(t *testing.T) {
	src := `scenario = "asia-1950"
runs = 5
design = "lhs"
samples = 8
[[vary]]
path = "states.sov.revisionism"
from = 0.2
to = 0.6
[[vary]]
path = "states.jpn.decision.valuation"
values = ["prospect", "expected_utility"]
[[vary]]
path = "params.sea_cost"
from = 1
to = 5
`
	x, err := ParseExperiment("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Points) != 8 {
		t.Fatalf("%d points", len(x.Points))
	}
	// Latin hypercube: each of the 8 strata of a range is used once.
	strata := map[int]bool{}
	for _, p := range x.Points {
		v := p[0].(float64)
		if v < 0.2 || v > 0.6 {
			t.Fatalf("value %v outside the range", v)
		}
		strata[int((v-0.2)/0.4*8)] = true
	}
	if len(strata) != 8 {
		t.Errorf("strata used: %v", strata)
	}
	again, _ := ParseExperiment("x.toml", []byte(src))
	if again.Describe(3) != x.Describe(3) {
		t.Error("a Latin hypercube must be deterministic for a seed")
	}
	sc, err := x.ScenarioAt(0)
	if err != nil {
		t.Fatal(err)
	}
	sov := sc.States[sc.Index("sov")]
	if sov.Revisionism != x.Points[0][0].(float64) || sc.Params.SeaCost != x.Points[0][2].(float64) {
		t.Errorf("overrides not applied: %v %v", sov.Revisionism, sc.Params.SeaCost)
	}
	if v := decisionOf(t, sc, "jpn").Valuation; v != x.Points[0][1] {
		t.Errorf("jpn valuation %v", v)
	}
}

func TestExperimentErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"scenario = \"generic\"\nrunz = 3\n", "x.toml:2: runz: unknown key; allowed: scenario, runs"},
		{"runs = 3\n", "x.toml:1: scenario: missing"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.warp\"\nvalues = [1]\n", "x.toml:3: vary[0].path: \"params.warp\" names no parameter"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [-1]\n", "point 0 (params.sea_cost=-1) gives an invalid scenario"},
		{"scenario = \"generic\"\ndesign = \"lhs\"\n", "x.toml:2: design: a Latin hypercube needs samples"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nfrom = 1\n", "x.toml:2: vary[0]: a range needs from, to and steps"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\nspeed = 2\n", "x.toml:5: vary[0].speed: unknown key; allowed: path, values"},
		{"scenario = \"nowhere.toml\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n", "cannot read"},
		{"scenario = \"generic\"\n[[vary]]\npath = \"states.zz.land\"\nvalues = [1]\n", "x.toml:3: vary[0].path: \"states.zz.land\" names no state of generic; allowed ids: patron, adversary, c1"},
	}
	for _, c := range cases {
		_, err := ParseExperiment("x.toml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: want …%s…, got %v", c.src, c.want, err)
		}
	}
}

// A scenario path in an experiment resolves beside the experiment file.
func TestExperimentRelativeScenario(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "base.toml"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	exp := filepath.Join(dir, "exp.toml")
	if err := os.WriteFile(exp, []byte("scenario = \"base.toml\"\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [2, 4]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := LoadExperiment(exp)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := x.ScenarioAt(1)
	if err != nil || sc.Params.SeaCost != 4 || sc.Name != "t" {
		t.Fatalf("%v %+v", err, sc)
	}
}
