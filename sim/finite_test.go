package sim

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// finiteScenario is a small world: a patron and a client facing an
// adversary across a strait.
func finiteScenario() *Scenario {
	d := agents.DefaultDecision()
	return &Scenario{Name: "finite", Calendar: Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}, Ticks: 24,
		Map: "PP~CC~AA\nPP~CC~AA", Params: DefaultParams(), Decision: d,
		States: []State{
			{ID: "p", Role: Patron, Glyph: 'P', Land: 5, Naval: 5, Economy: 10, Sovereign: true},
			{ID: "c", Role: Client, Glyph: 'C', Land: 1, Naval: 1, Economy: 1, Sovereign: true},
			{ID: "a", Role: Adversary, Glyph: 'A', Land: 8, Naval: 3, Economy: 8, Revisionism: 0.8, Sovereign: true},
		}}
}

// Weights at 1e308 made threats NaN (their sum overflows): every share
// came out a silent 0 and run --json failed naming no key. Compile
// refuses them now; and should a non-finite value still arise (here by
// changing the compiled parameters behind Compile's back), the run stops
// with an error naming the tick, the state and the quantity.
func TestNonFiniteThreatStopsTheRun(t *testing.T) {
	sc := finiteScenario()
	sc.Params.WeightProximity, sc.Params.WeightOffence = 1e308, 1e308
	if _, err := Compile(sc); err == nil || !strings.Contains(err.Error(), "params.weight_proximity: 1e+308 is out of range; allowed: a number in [0, 1000000]") {
		t.Fatalf("want the weight refused, got %v", err)
	}
	sc.Params = DefaultParams()
	c, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	c.p.WeightProximity, c.p.WeightOffence = 1.7e308, 1.7e308
	c.invWeights = 1 / (c.p.WeightPower + c.p.WeightProximity + c.p.WeightOffence)
	_, err = NewWorld(c, 3).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "(1950-01): the threat of state") || !strings.Contains(err.Error(), "is NaN") ||
		!strings.Contains(err.Error(), "weight_proximity 1.7e+308") || !strings.Contains(err.Error(), "seed 3") {
		t.Fatalf("want an error naming the threat, got %v", err)
	}
}

// A registered valuation that returns NaN stops the run with an error
// naming the state and the valuation, instead of never choosing anything.
func TestNonFiniteValuationStopsTheRun(t *testing.T) {
	agents.RegisterValuation("test-nan", agents.ValuationFunc(func(agents.Lottery, *agents.Decision) float64 { return math.NaN() }))
	sc := finiteScenario()
	for i := range sc.States {
		if sc.States[i].Role != Adversary { // which weighs no alliance
			sc.States[i].Decision = agents.DecisionOverrides{"valuation": "test-nan"}
		}
	}
	c, err := Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewWorld(c, 1).Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), `at NaN under valuation "test-nan"`) || !strings.Contains(err.Error(), "state ") {
		t.Fatalf("want an error naming the valuation, got %v", err)
	}
}

// A scenario built in code cannot bypass the ranges a file is held to.
func TestCompileChecksEveryNumber(t *testing.T) {
	for name, mutate := range map[string]func(*Scenario){
		"lambda":     func(sc *Scenario) { sc.States[0].Decision = agents.DecisionOverrides{"lambda": math.Inf(1)} },
		"patience":   func(sc *Scenario) { sc.States[0].Decision = agents.DecisionOverrides{"patience": 1e300} },
		"stakes":     func(sc *Scenario) { sc.States[0].Stakes = map[string]float64{"c": 1e308} },
		"grievance":  func(sc *Scenario) { sc.States[1].Grievance = map[string]float64{"a": math.NaN()} },
		"ideology":   func(sc *Scenario) { sc.States[2].Ideology = math.Inf(-1) },
		"samples":    func(sc *Scenario) { sc.Ticks, sc.Params.RecordEvery = 1_000_000, 1 },
		"generation": func(sc *Scenario) { sc.Map, sc.Generate = "", &theater.GenerateSpec{Width: 5000, Height: 5000} },
	} {
		sc := finiteScenario()
		mutate(sc)
		if _, err := Compile(sc); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Infinities are not finite either, of either sign; and a run keeps the
// first error it found: a later one does not replace it.
func TestCheckValueRefusesInfinitiesAndKeepsTheFirstError(t *testing.T) {
	w := NewWorld(mustCompile(t, finiteScenario()), 1)
	if v := w.checkValue(0, 0.5, "its position"); v != 0.5 || w.Err() != nil {
		t.Fatalf("a finite value: %v, error %v", v, w.Err())
	}
	if v := w.checkValue(1, math.Inf(-1), "an alliance"); !math.IsInf(v, -1) {
		t.Errorf("checkValue returned %v, want the value it checked, -Inf", v)
	}
	want := `tick 0 (1950-01): state c values an alliance at -Inf under valuation "prospect" (lambda 2.25, alpha 0.88, beta 0.88); allowed: finite values: check the costs in [params] and the valuation model`
	if err := w.Err(); err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
	w.checkValue(0, math.Inf(1), "its position")
	if err := w.Err(); err == nil || err.Error() != want {
		t.Errorf("after a second non-finite value (+Inf): error %v\nwant the first, %s", err, want)
	}
	w2 := NewWorld(mustCompile(t, finiteScenario()), 1)
	w2.checkValue(0, math.Inf(1), "its position")
	if w2.Err() == nil {
		t.Error("+Inf passed as finite")
	}
}

// A non-finite threat stops the run in the tick whose perception found it
// (Step checks threats before diplomacy): Step reports that no tick
// remains, the world stands at that tick (0, not played through), and
// nothing after perception ran — no proposal, no crisis, no event. The
// world is TestNonFiniteThreatStopsTheRun's.
func TestNonFiniteThreatStopsTheTick(t *testing.T) {
	c, err := Compile(finiteScenario())
	if err != nil {
		t.Fatal(err)
	}
	c.p.WeightProximity, c.p.WeightOffence = 1.7e308, 1.7e308
	c.invWeights = 1 / (c.p.WeightPower + c.p.WeightProximity + c.p.WeightOffence)
	w := NewWorld(c, 3)
	if w.Step() {
		t.Error("Step reported ticks remaining after a non-finite threat")
	}
	if w.Err() == nil || w.Tick() != 0 || len(w.events) != 0 {
		t.Errorf("after the failed tick: err %v, tick %d (want 0), %d events (want none): %v", w.Err(), w.Tick(), len(w.events), describe(w))
	}
}
