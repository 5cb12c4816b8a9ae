package agents

import "testing"

// The appraisal arithmetic the engine calls for every option it weighs:
// the cost terms of four partners, the lottery, and its prospect value.
// None of it should allocate.
func BenchmarkAppraisalTerms(b *testing.B) {
	partners := []Partner{
		{Weight: 1, Divergence: 0.1, Fear: 0.05},
		{Weight: 0.5, Revisionism: 0.2, Divergence: 0.3},
		{Weight: 2, Assurance: 1, Divergence: 0.05},
		{Weight: 0.25, Divergence: 0.2, Unpledged: true},
	}
	d := DefaultDecision()
	b.ReportAllocs()
	for b.Loop() {
		cost := AutonomyCost(1, partners, costs).Total
		l := Outcomes(OptionTerms{Threat: 0.6, Reference: 0.5, Gain: 0.1, Honour: HonourProbability(0.9, partners),
			Cost: cost, Spread: Spread(1, len(partners), costs)}, costs)
		_ = ProspectValue(l, &d)
	}
}

// ProspectValue alone, for a mixed lottery (a gain and a loss), the case
// with both probability weightings.
func BenchmarkProspectValue(b *testing.B) {
	d := DefaultDecision()
	l := Lottery{P: 0.7, Good: 0.05, Bad: -0.08}
	b.ReportAllocs()
	for b.Loop() {
		_ = ProspectValue(l, &d)
	}
}

// Softmax over a patron's typical set of options.
func BenchmarkSoftmax(b *testing.B) {
	values := []float64{0.031, 0.029, 0.012, -0.004, 0.027, 0.018, -0.02, 0.001}
	b.ReportAllocs()
	u := 0.0
	for b.Loop() {
		u += 0.618
		if u >= 1 {
			u--
		}
		_ = Softmax(values, 0.02, u)
	}
}

// GreedyCoalition among 20 candidates with a value that is cheap to
// compute, so that the search itself is what is measured.
func BenchmarkGreedyCoalition(b *testing.B) {
	var candidates Set
	for i := range 20 {
		candidates = candidates.With(i)
	}
	value := func(s Set) float64 {
		v := 0.0
		s.Each(func(j int) { v += 0.01*float64(j%7) - 0.025 })
		return v
	}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = GreedyCoalition(candidates, 3, value)
	}
}
