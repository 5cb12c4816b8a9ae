package hypotheses

import (
	"fmt"
	"math"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Registry returns the hypotheses of THEORY.md, in order: what each moves,
// over which levels, what it measures and what it predicts. Levels are
// fixed here, or derived from the world by the rule THEORY.md states; none
// was chosen by looking at results. Add your own by appending to the slice
// and passing it to Run.
func Registry() []Hypothesis {
	revisionism := Lever{Name: "adversary revisionism", Path: "states.adversary.revisionism", Levels: floats(0.1, 0.3, 0.5, 0.7, 0.9)}
	landForce := Lever{Name: "adversary land force (½ strongest client … clients combined)", LevelsOf: adversaryLandLevels,
		Apply: func(sc *sim.Scenario, level any) error { return setRole(sc, sim.Adversary, "land", level.(float64)) }}
	return []Hypothesis{
		{ID: "T1a", Source: "He & Feng H1 (seeds 000, 001)", Claim: "more adversary threat, more multilateral patron alliances",
			Scenario: "generic", Layouts: true, Lever: revisionism,
			Outcome:   Outcome{Name: "patron's first alliance multilateral (runs where it commits)", Kind: RunShare, Run: patronFirstMultilateral},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T1b", Source: "He & Feng H1 (seeds 000, 001)", Claim: "more adversary threat, stronger patron commitments",
			Scenario: "generic", Layouts: true, Lever: revisionism,
			Outcome:   Outcome{Name: "share of patron alliances with strong commitment", Kind: RunMean, Run: patronStrongShare},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T1c", Source: "He & Feng H1 (seeds 000, 001)", Claim: "a stronger adversary, more multilateral patron alliances",
			Scenario: "generic", Layouts: true, Lever: landForce,
			Outcome:   Outcome{Name: "patron's first alliance multilateral (runs where it commits)", Kind: RunShare, Run: patronFirstMultilateral},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T1d", Source: "He & Feng H1 (seeds 000, 001)", Claim: "a stronger adversary, stronger patron commitments",
			Scenario: "generic", Layouts: true, Lever: landForce,
			Outcome:   Outcome{Name: "share of patron alliances with strong commitment", Kind: RunMean, Run: patronStrongShare},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T2", Source: "He & Feng (divergent threat perceptions)", Claim: "divergent threat pictures sink multilateral proposals",
			Scenario: "generic", Layouts: true,
			Lever: Lever{Name: "dispersion of the clients' intent reading of the adversary (±δ, half each, every half in turn)",
				Levels: floats(0, 0.1, 0.2, 0.3, 0.4), Variants: clientHalves, ApplyVariant: disperseIntent},
			Outcome:   Outcome{Name: "patron's first multilateral proposal accepted (runs with one)", Kind: RunShare, Run: multilateralAccepted},
			Predicted: Falls, MinChange: 0.15},
		{ID: "T3a", Source: "Cohen H6 (seed 002)", Claim: "a credible occupation threat makes clients commit to each other",
			Scenario: "generic", Layouts: true, Lever: landForce,
			Outcome:   Outcome{Name: "client-only alliance of 3 or more", Kind: RunShare, Run: clientAlliance3Plus},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T3b", Source: "Cohen H6 (seed 002)", Claim: "an occupation that brings the adversary next to clients makes them commit to each other",
			Scenario: "generic", Layouts: true,
			Lever: Lever{Name: "share of the nearest client occupied at the start", Levels: floats(0, 0.2, 0.4, 0.6, 0.8),
				Apply: occupyNearestClient},
			Outcome:   Outcome{Name: "client-only alliance of 3 or more", Kind: RunShare, Run: clientAlliance3Plus},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T3c", Source: "Cohen H6, H7 (seed 002): Stalin's Hokkaido plan", Claim: "a Soviet foothold in Japan makes Asian clients commit to each other",
			Scenario: "asia-1950",
			Lever: Lever{Name: "share of Japan occupied by the Soviet Union in 1950-01", Levels: floats(0, 0.1, 0.2, 0.3, 0.4),
				Apply: occupyJapan},
			Outcome:   Outcome{Name: "client-only alliance of 3 or more", Kind: RunShare, Run: clientAlliance3Plus},
			Predicted: Rises, MinChange: 0.15},
		// The generator draws the land before it places the states, so a
		// layout at another sea fraction is another map (other
		// neighbours): T4 holds the layout's seed, not its map
		// (docs/model.md §8.6.5).
		{ID: "T4", Source: "Cohen H7 (seed 002)", Claim: "the stopping power of water: fewer client alliances in maritime theatres",
			Scenario: "generic", Layouts: true,
			Lever:     Lever{Name: "theater.generate.sea_fraction", Path: "theater.generate.sea_fraction", Levels: floats(0, 0.2, 0.4, 0.6, 0.8)},
			Outcome:   Outcome{Name: "client-only alliance", Kind: RunShare, Run: clientAlliance},
			Predicted: Falls, MinChange: 0.15},
		{ID: "T5", Source: "Cohen H1, H5 (seed 002)", Claim: "an assurance patron joins the clients' alliance, with their commitment",
			Scenario: "generic", Layouts: true, Lever: asBuilt,
			Outcome:   Outcome{Name: "patron's first commitment joins a client alliance (runs where one existed first)", Kind: RunShare, Run: patronJoinsClients},
			Predicted: AtLeast, Threshold: 0.7},
		{ID: "T6", Source: "Cohen H2, H3 (seed 002)", Claim: "alliances the clients built last; alliances the patron imposed do not",
			Scenario: "generic", Layouts: true, Setup: passingThreat,
			Lever: Lever{Name: "origin (imposed → indigenous), 480-tick runs, détente at tick 120", Split: true, Levels: []any{"imposed", "indigenous"}},
			Outcome: Outcome{Name: "Kaplan–Meier survival at 240 ticks (20 years) from the patron's entry", Kind: Survival, Alliance: originIs, At: 240,
				// from the tick the origin was settled (runner.OriginSince):
				// an indigenous alliance is the clients' alliance a patron
				// joined, and until then it could have ended as a client
				// alliance, which T6 does not count; a patron's bilateral
				// signed for an occupied client turns imposed on that
				// client's entry on sovereignty, and until then it could
				// have ended as a bilateral. Every other imposed alliance
				// is the patron's from its formation.
				Since: runner.OriginSince},
			Predicted: Rises, MinChange: 0.20},
		{ID: "T7", Source: "Cohen H4 (seed 002)", Claim: "where imposed multilateralism fails, the patron settles for bilaterals or trilaterals",
			Scenario: "generic", Layouts: true, Lever: asBuilt,
			Outcome:   Outcome{Name: "bilateral or trilateral with an acceptor within 12 ticks (runs with a refused proposal)", Kind: RunShare, Run: fallbackAfterRefusal},
			Predicted: AtLeast, Threshold: 0.6},
		{ID: "T8a", Source: "Cha (seed 003)", Claim: "revisionist clients get bilateral alliances (hub and spokes)",
			Scenario: "generic", Layouts: true, Setup: powerplay,
			Lever: Lever{Name: "every client's revisionism", Levels: floats(0, 0.2, 0.4, 0.6, 0.8),
				Apply: func(sc *sim.Scenario, level any) error {
					return setRole(sc, sim.Client, "revisionism", level.(float64))
				}},
			Outcome:   Outcome{Name: "patron's hub-and-spokes index over its alliances", Kind: RunMean, Run: patronHubIndex},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T8b", Source: "Cha (seed 003)", Claim: "a powerplay patron builds more hub and spokes than an assurance patron",
			Scenario: "generic", Layouts: true, Setup: clientsRevisionist(0.5),
			Lever:     Lever{Name: "decision.strategy (clients' revisionism 0.5)", Path: "decision.strategy", Levels: []any{"assurance", "powerplay"}},
			Outcome:   Outcome{Name: "patron's hub-and-spokes index over its alliances", Kind: RunMean, Run: patronHubIndex},
			Predicted: Rises, MinChange: 0.15},
		{ID: "T9", Source: "Walt (seed 004)", Claim: "clients balance against a more hostile adversary",
			Scenario: "generic", Layouts: true, Lever: revisionism,
			Outcome:   Outcome{Name: "share of clients in an alliance, over the run", Kind: RunMean, Run: clientsAllied},
			Predicted: Rises, MinChange: 0.15},
		churn("NC1", "generic", true),
		churn("NC2", "europe-1947", false),
		churn("NC3", "asia-1950", false),
	}
}

// asBuilt is the lever of a rate: the world as built, one level.
var asBuilt = Lever{Name: "the world as built", Levels: []any{"as built"}}

func churn(id, scenario string, layouts bool) Hypothesis {
	return Hypothesis{ID: id, Source: "THEORY.md: no churn", Claim: "treaties are not signed and abandoned within a year",
		Scenario: scenario, Layouts: layouts, Lever: asBuilt,
		Outcome:   Outcome{Name: "alliances ending within 12 ticks of forming, except by occupation", Kind: AllianceShare, Alliance: churned},
		Predicted: Below, Threshold: 0.05}
}

func floats(xs ...float64) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// powerplay makes Cha's patron strategy the scenario's [decision]
// strategy, which every state follows unless it names its own: T8a tests
// how the patron that uses bilateral control answers revisionist clients
// (Cohen's assurance patron offers a bilateral of its own accord only
// while it belongs to no alliance and its patience has run out, so the
// question hardly arises under it).
func powerplay(sc *sim.Scenario) error {
	sc.Decision.Strategy = "powerplay"
	return nil
}

// passingThreat is the world of T6: 480 ticks, long enough to observe
// 20-year survival, and a détente at tick 120 that takes two units off
// every adversary's revisionism on the logit scale (0.7 → 0.24): the
// specification (MODEL.md §7, outside the repository) asks that alliances end when what drew their members in lapses, and
// in a world whose threat never changes nothing lapses. Facts of the
// experiment, not of the model.
func passingThreat(sc *sim.Scenario) error {
	sc.Ticks = 480
	for _, s := range sc.States {
		if s.Role == sim.Adversary {
			sc.Events = append(sc.Events, sim.ScriptedEvent{ID: "t6-detente-" + s.ID, Tick: 120, Kind: sim.ScriptIntent,
				Actor: s.ID, Delta: -2, Note: "T6: détente"})
		}
	}
	return nil
}

func clientsRevisionist(r float64) func(*sim.Scenario) error {
	return func(sc *sim.Scenario) error { return setRole(sc, sim.Client, "revisionism", r) }
}

// setRole sets a field of every state with the role.
func setRole(sc *sim.Scenario, role sim.Role, field string, v float64) error {
	for i := range sc.States {
		s := &sc.States[i]
		if s.Role != role {
			continue
		}
		switch field {
		case "land":
			s.Land = v
		case "revisionism":
			s.Revisionism = v
		default:
			return fmt.Errorf("setRole: no field %q", field)
		}
	}
	return nil
}

// adversaryLandLevels is THEORY.md's range for a credible occupation
// threat: the adversary's land force from half the strongest client's to
// the clients' combined, in five equal steps (rounded to 0.01).
func adversaryLandLevels(sc *sim.Scenario) []any {
	strongest, combined := 0.0, 0.0
	for _, s := range sc.States {
		if s.Role == sim.Client {
			strongest = max(strongest, s.Land)
			combined += s.Land
		}
	}
	lo := strongest / 2
	out := make([]any, 5)
	for i := range out {
		out[i] = math.Round(100*(lo+(combined-lo)*float64(i)/4)) / 100
	}
	return out
}

// disperseIntent shifts how half of the clients read every adversary's
// intent by +δ and the other half by −δ, from tick 0: a dispersion of
// threat readings at an equal mean on the logit scale (T2; with an odd
// number of clients the larger part reads lower). Which half reads higher
// is version v of the world (Lever.Variants, clientHalves): every way to
// choose ⌊n/2⌋ of the n clients once (halfOf), so that the dispersion is
// not confounded with who the higher readers are (in generic the first
// three clients are the largest). With an even number of clients each
// half is followed by its complement, so over any even number of
// replications every client reads higher as often as lower.
func disperseIntent(sc *sim.Scenario, level any, v int) error {
	delta := level.(float64)
	if delta == 0 {
		return nil
	}
	clients := clientIDs(sc)
	high := halfOf(len(clients), v)
	for _, a := range sc.States {
		if a.Role != sim.Adversary {
			continue
		}
		for k, c := range clients {
			d := delta
			if !high[k] {
				d = -delta
			}
			sc.Events = append(sc.Events, sim.ScriptedEvent{ID: fmt.Sprintf("t2-%s-%s", a.ID, c), Kind: sim.ScriptIntent,
				Actor: a.ID, Target: c, Delta: d, Note: "T2: dispersed threat reading"})
		}
	}
	return nil
}

// clientHalves is the number of ways to choose ⌊n/2⌋ of the scenario's n
// clients to read the adversary higher (T2's versions: 20 for six
// clients), or MaxVariants + 1 where they are more than MaxVariants.
func clientHalves(sc *sim.Scenario) int {
	n := len(clientIDs(sc))
	return binomial(n, n/2)
}

func clientIDs(sc *sim.Scenario) []string {
	var ids []string
	for _, s := range sc.States {
		if s.Role == sim.Client {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// halfOf is version v (from 0) of T2's higher readers among n clients,
// as membership flags. With n even, versions 2p and 2p+1 are the p-th
// subset of n/2 holding the first client, in lexicographic order
// (nthHalf), and its complement; with n odd, the v-th subset of ⌊n/2⌋ in
// lexicographic order.
func halfOf(n, v int) []bool {
	if n%2 == 1 {
		return nthHalf(n, v)
	}
	half := nthHalf(n, v/2)
	if v%2 == 1 {
		for i := range half {
			half[i] = !half[i]
		}
	}
	return half
}

// nthHalf is the v-th (from 0) subset of ⌊n/2⌋ of 0 … n−1 in
// lexicographic order, as membership flags: v = 0 is the first half.
func nthHalf(n, v int) []bool {
	in := make([]bool, n)
	m := n / 2
	for i := 0; i < n && m > 0; i++ {
		// the subsets with the prefix so far that hold i come first
		if c := binomial(n-i-1, m-1); v < c {
			in[i] = true
			m--
		} else {
			v -= c
		}
	}
	return in
}

// binomial is n choose k, saturating at MaxVariants + 1 (T2 needs no
// more, and it cannot overflow).
func binomial(n, k int) int {
	if k < 0 || k > n {
		return 0
	}
	k = min(k, n-k)
	c := 1
	for i := 1; i <= k; i++ {
		c = c * (n - k + i) / i
		if c > MaxVariants {
			return MaxVariants + 1
		}
	}
	return c
}

// occupyNearestClient has the first adversary occupy the given share of
// the client nearest to it at tick 0, before the first diplomacy round:
// the clients meet a world in which the adversary has come closer (T3b).
// (At a later tick the clients have already settled their alliances with
// the same draws at every level, and a client in a client alliance does
// not seek another.) The levels stop short of the whole client: an
// occupation of all of it eliminates a state, which removes a potential
// member rather than bringing the adversary closer.
func occupyNearestClient(sc *sim.Scenario, level any) error {
	f := level.(float64)
	if f == 0 {
		return nil
	}
	c, err := sim.Compile(sc)
	if err != nil {
		return err
	}
	adv, target, best := -1, -1, -1.0
	for i := 0; i < c.N(); i++ {
		if c.Role(i) == sim.Adversary && adv < 0 {
			adv = i
		}
	}
	if adv < 0 {
		return fmt.Errorf("no adversary")
	}
	for i := 0; i < c.N(); i++ {
		if c.Role(i) == sim.Client && c.Geometry().Cells(i) > 0 {
			if p := c.Geometry().Proximity(adv, i); p > best {
				target, best = i, p
			}
		}
	}
	if target < 0 {
		return fmt.Errorf("no client with territory")
	}
	sc.Events = append(sc.Events, sim.ScriptedEvent{ID: "t3b-occupation", Tick: 0, Kind: sim.ScriptOccupy,
		Actor: c.ID(adv), Target: c.ID(target), Fraction: f, Note: "T3b: occupation of the nearest client"})
	return nil
}

// occupyJapan is Stalin's planned occupation of northern Hokkaido, called
// off in 1945, as a counterfactual at the start of asia-1950 (T3c).
func occupyJapan(sc *sim.Scenario, level any) error {
	f := level.(float64)
	if f == 0 {
		return nil
	}
	sc.Events = append(sc.Events, sim.ScriptedEvent{ID: "t3c-hokkaido", Tick: 0, Kind: sim.ScriptOccupy,
		Actor: "sov", Target: "jpn", Fraction: f, Note: "T3c: a Soviet foothold in Japan"})
	return nil
}
