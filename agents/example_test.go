package agents_test

import (
	"fmt"
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// The reflection effect behind He & Feng's argument: a state that gains
// against its reference point takes a sure gain over a fair gamble, and
// a state in losses takes the gamble over a sure loss of the same
// expected size. Expected utility is indifferent in both cases. By hand:
// 0.05^0.88 = 0.0716; w⁺(0.5) = 0.4206 at γ = 0.61, so the gamble in
// gains is 0.4206·0.1^0.88 = 0.0555; in losses the sure loss is
// −2.25·0.0716 = −0.1612 and the gamble −2.25·w⁻(0.5)·0.1^0.88 =
// −2.25·0.4540·0.1318 = −0.1347 at δ = 0.69.
func ExampleProspectValue() {
	d := agents.DefaultDecision() // α = β = 0.88, λ = 2.25, γ = 0.61, δ = 0.69
	for _, c := range []struct {
		domain       string
		sure, gamble agents.Lottery
	}{
		{"gains", agents.Sure(0.05), agents.Lottery{P: 0.5, Good: 0.10, Bad: 0}},
		{"losses", agents.Sure(-0.05), agents.Lottery{P: 0.5, Good: 0, Bad: -0.10}},
	} {
		fmt.Printf("%-6s  sure %+.4f  gamble %+.4f  (expected utility %+.2f and %+.2f)\n", c.domain,
			agents.ProspectValue(c.sure, &d), agents.ProspectValue(c.gamble, &d),
			agents.ExpectedUtility(c.sure, &d), agents.ExpectedUtility(c.gamble, &d))
	}
	// Output:
	// gains   sure +0.0716  gamble +0.0555  (expected utility +0.05 and +0.05)
	// losses  sure -0.1612  gamble -0.1347  (expected utility -0.05 and -0.05)
}

// A client whose threat, 0.60, is 0.08 above its reference point (in
// losses) weighs a strong bilateral pledge (commitment k = 1) against
// doing nothing. The pledge takes 0.15 off its threat if the ally comes,
// which it does with the honour probability 0.9·(1 − 0.2) = 0.72, and
// only h_res = 0.2 of that if it does not. The pledge costs
// w·c_0 + k·c_D·d = 0.02 + 0.1·0.2 = 0.04 of autonomy (the base term
// weighted by the ally's relative power w = 1, not by k), and the spread
// v = 1 − e^−0.5 = 0.393 widens the outcomes: good −0.08 + 0.15 −
// 0.04·(1 − v) = +0.0457, bad −0.08 + 0.03 − 0.04·(1 + v) = −0.1057.
// Doing nothing is the sure loss −0.08, which loss aversion makes the
// worse of the two.
func ExampleOutcomes() {
	c := agents.CostParams{Base: 0.02, Entrapment: 0.15, Divergence: 0.1, Threat: 0.3,
		AssuranceWeight: 0.8, SpreadBase: 0.5, SpreadMembers: 0.5, ResidualHelp: 0.2}
	ally := agents.Partner{Weight: 1, Divergence: 0.2}
	cost := agents.AutonomyCost(1, []agents.Partner{ally}, c).Total
	join := agents.Outcomes(agents.OptionTerms{
		Threat:    0.60,
		Reference: 0.52,
		Gain:      0.15,
		Honour:    agents.HonourProbability(0.9, []agents.Partner{ally}),
		Cost:      cost,
		Spread:    agents.Spread(1, 1, c),
	}, c)
	alone := agents.SelfHelp(0.60, 0.52, c)
	d := agents.DefaultDecision()
	fmt.Printf("join:  %.2f chance of %+.4f, else %+.4f\n", join.P, join.Good, join.Bad)
	fmt.Printf("alone: %+.4f\n", alone.Good)
	fmt.Printf("prospect value: join %+.4f, alone %+.4f\n", agents.ProspectValue(join, &d), agents.ProspectValue(alone, &d))
	// Output:
	// join:  0.72 chance of +0.0457, else -0.1057
	// alone: -0.0800
	// prospect value: join -0.0616, alone -0.2437
}

// The credible occupation threat of docs/model.md §7.1: a force of 10
// against a defence of 5 (κ = 2) wins the denial contest with 100/125 =
// 0.8; against an occupation scale F₀ = 10 it is half a credible
// occupying force; one ally with three times the adversary's economy
// and full cohesion keeps the adversary from thinking again only with
// 1 − 30/40 = 0.25, so at punishment 0.5 deterrence is 0.5·(1 − 0.25) =
// 0.375, and what is left is 0.8·0.5·0.625 = 0.25.
func ExampleOccupation() {
	denial := agents.Denial(math.Pow(10, 2), math.Pow(5, 2))
	credibility := agents.Credibility(10, 10)
	deterrence := 0.5 * (1 - agents.PunishmentKeep(1, 30, 10))
	fmt.Printf("denial %.3f, credibility %.3f, deterrence %.3f\n", denial, credibility, deterrence)
	fmt.Printf("occupation threat %.3f (%.3f with no ally)\n",
		agents.Occupation(denial, credibility, deterrence), agents.Occupation(denial, credibility, 0))
	// Output:
	// denial 0.800, credibility 0.500, deterrence 0.375
	// occupation threat 0.250 (0.400 with no ally)
}

// The temperature is relative to the spread of the values compared: at
// 0.1 the best of these options, 0.02 ahead of the next over a spread of
// 0.08, is taken with probability 1/(1 + e^−2.5 + e^−10) ≈ 0.924, so a
// uniform draw of 0.5 picks it and one of 0.95 the runner-up.
// Temperature 0 always picks the best.
func ExampleSoftmax() {
	values := []float64{0.10, 0.08, 0.02}
	for _, u := range []float64{0.5, 0.95} {
		fmt.Printf("temperature 0.1, draw %.2f: option %d\n", u, agents.Softmax(values, 0.1, u))
	}
	fmt.Printf("temperature 0,   draw 0.95: option %d\n", agents.Softmax(values, 0, 0.95))
	// Output:
	// temperature 0.1, draw 0.50: option 0
	// temperature 0.1, draw 0.95: option 1
	// temperature 0,   draw 0.95: option 0
}

// A client builds a coalition among states 1, 2 and 3: each partner
// adds its help, but every partner costs 0.03 of autonomy. State 3
// brings the most (0.08), then state 1 (0.05); state 2 (0.02) is worth
// less than it costs, so the coalition stops at {1, 3}, valued
// 0.08 + 0.05 − 2·0.03 = 0.07.
func ExampleGreedyCoalition() {
	help := map[int]float64{1: 0.05, 2: 0.02, 3: 0.08}
	value := func(s agents.Set) float64 {
		v := 0.0
		s.Each(func(j int) { v += help[j] - 0.03 })
		return v
	}
	var candidates agents.Set
	candidates = candidates.With(1).With(2).With(3)
	set, v := agents.GreedyCoalition(candidates, 1, value)
	fmt.Printf("members %v, value %.2f\n", set.Members(nil), v)
	set, v = agents.GreedyCoalition(candidates, 3, value) // a multilateral needs three
	fmt.Printf("at least three: members %v, value %.2f\n", set.Members(nil), v)
	// Output:
	// members [1 3], value 0.07
	// at least three: members [1 2 3], value 0.06
}

// An adversary of revisionism 0.5 at the other end of the ideological
// scale (a gap of 2, read with ψ = 0.3) is read with hostile intent
// 1 − 0.5·(1 − 0.3·2/2) = 0.65; a grievance of 0.4 against it adds to
// that as an independent hazard: 1 − 0.5·0.7·0.6 = 0.79.
func ExampleIntent() {
	fmt.Printf("%.2f\n", agents.Intent(0.5, 2, 0.3, 0, 0))
	fmt.Printf("%.2f\n", agents.Intent(0.5, 2, 0.3, 0.4, 0))
	// Output:
	// 0.65
	// 0.79
}

// Members whose threat pictures agree hold together (cohesion 1); one
// that feels no threat among three that feel 0.4 pulls the mean to 0.3,
// and the cohesion to (3·(1 − 0.1/0.7) + (1 − 1))/4 = 0.643.
func ExampleCohesion() {
	fmt.Printf("%.3f\n", agents.Cohesion([]float64{0.4, 0.4, 0.4}))
	fmt.Printf("%.3f\n", agents.Cohesion([]float64{0.4, 0.4, 0.4, 0}))
	// Output:
	// 1.000
	// 0.643
}

// A strong pledge (k = 1) to one ally of equal power (weight w = 1),
// revisionism 0.5, threat pictures 0.2 apart and a threat of 0.1 from it
// costs w·c_0 + k·c_E·r + k·c_D·d + c_T·T̂ = 0.02 + 0.075 + 0.02 + 0.03 = 0.145 of
// autonomy; its largest term, entrapment, is the reason an offer would be
// refused. PartnerPos says which partner of the slice it is behind: the
// first, at position 0.
func ExampleAutonomyCost() {
	c := agents.CostParams{Base: 0.02, Entrapment: 0.15, Divergence: 0.1, Threat: 0.3}
	ally := agents.Partner{Weight: 1, Revisionism: 0.5, Divergence: 0.2, Fear: 0.1}
	cost := agents.AutonomyCost(1, []agents.Partner{ally}, c)
	fmt.Printf("%.3f %v (partner %d)\n", cost.Total, cost.Largest, cost.PartnerPos)
	// Output:
	// 0.145 entrapment (partner 0)
}

// A member leaves when staying, credited with the exit cost, is worth
// less than its position without the alliance; at temperature 0.02 it
// errs either way with probability σ(−50) ≈ 2·10⁻²², and leaves with
// probability ½ when the two are worth the same.
func ExampleLeaveProbability() {
	fmt.Printf("%.3g\n", agents.LeaveProbability(-0.30, -0.20, 0.05, 0.02)) // staying worse by 0.05
	fmt.Printf("%.3g\n", agents.LeaveProbability(-0.10, -0.20, 0.05, 0.02)) // staying better by 0.15
	fmt.Printf("%.3g\n", agents.LeaveProbability(-0.25, -0.20, 0.05, 0.02)) // the same
	// Output:
	// 1
	// 1.93e-22
	// 0.5
}
