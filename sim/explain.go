package sim

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
)

// Explanation is one state's appraisal of one alliance option as the world
// stands, term by term (docs/model.md §7.4): the security the alliance
// would buy, what each partner would cost, the two outcomes and the value
// the state's valuation model puts on them, beside the value of its
// current position. It is what the state computes when it proposes,
// accepts or refuses: Value and Position are the numbers the engine
// compares.
type Explanation struct {
	State     int
	Partners  agents.Set
	Strong    bool
	Origin    Origin
	Threat    float64 // T_i now: the baseline (StayExplanation.Staying's is T_m⁻)
	Reference float64 // ρ_i
	After     float64 // T_i⁺: the threat if the alliance stood and its members came
	Gain      float64 // g = max(0, T_i − T_i⁺)
	Honour    float64 // p_o
	Spread    float64 // v_o
	// Partners' terms and contributions to the autonomy cost, in index
	// order of the partners.
	Costs []PartnerCost
	// Cost is the total, with its largest term. Cost.PartnerPos is a
	// position in Costs, not a state's index: the state behind the
	// largest term is Costs[Cost.PartnerPos].Partner, which
	// LargestCostPartner gives; PartnerPos is -1 when the largest term is
	// autonomy (agents.CostAutonomy), which names no partner.
	Cost    agents.CostBreakdown
	Lottery agents.Lottery // the two outcomes relative to the reference point
	Value   float64        // the option's value
	// Position is the value of the state's current position: the sure
	// ρ − T, less arms_cost if it has no ally.
	Position float64
}

// PartnerCost is what a state weighs about one partner of an option and
// what that partner adds to its autonomy cost.
type PartnerCost struct {
	Partner int // the partner's state index (Compiled.ID names it)
	Terms   agents.Partner
	agents.CostParts
}

// LargestCostPartner is the state index of the partner behind the
// largest term of the cost (Cost.Largest): Costs[Cost.PartnerPos].Partner,
// or -1 when that term is autonomy, which names no partner.
func (e Explanation) LargestCostPartner() int {
	if p := e.Cost.PartnerPos; p >= 0 && p < len(e.Costs) {
		return e.Costs[p].Partner
	}
	return -1
}

// ErrNotPerceived is Explain's and ExplainVote's refusal before the
// states have perceived any threat: before the first Step, and in an
// Observer's OnEvent for the scripted events of tick 0, which come before
// its perception. An Observer that explains every event can skip these
// with errors.Is.
var ErrNotPerceived = errors.New("no threats perceived yet: the states first read their threats and set their reference points in tick 0, after its scripted events; allowed: after the first Step, or from an Observer's OnTick or an event after tick 0's scripted ones")

// Explain appraises, for state i, an alliance with partners at the given
// commitment and origin, as the world stands now — exactly as the engine
// appraises it when i decides (World.appraise), without changing the run.
// strong is the commitment; OriginFor(i, partners) is the origin the
// engine itself gives the option. Partners that are the members of an
// alliance in force are, at that origin, that alliance, which i would
// join: it is appraised grown by i (World.grown), as the engine appraises
// an application or a patron's joining; at another origin they are a new
// alliance beside it (a patron's imposed multilateral on a client
// alliance's members, say).
// The states must have perceived their threats, which they first do in
// tick 0 after its scripted events: Explain refuses before the first Step
// (ErrNotPerceived). Partners may include non-sovereign states (a patron
// may sign for them); they must be alive and distinct from i. Between
// Steps it appraises the world at the end of the tick played last; called
// from an Observer, the world as it stands then (changing nothing): at
// the end of the tick being played in OnTick, part-way through it in
// OnEvent — tick 0's included, but for the events of its scripted
// events, which come before the first perception and are refused alike.
func (w *World) Explain(i int, partners agents.Set, strong bool, origin Origin) (Explanation, error) {
	c := w.c
	if !w.threatsRead {
		// No state has perceived anything: the appraisal would be of
		// threats of zero.
		return Explanation{}, ErrNotPerceived
	}
	if i < 0 || i >= c.n {
		return Explanation{}, fmt.Errorf("state index %d out of range [0, %d)", i, c.n)
	}
	if !w.alive[i] {
		return Explanation{}, fmt.Errorf("state %s was eliminated; allowed: a state still in the run", c.id[i])
	}
	if partners == 0 || partners.Has(i) || partners>>uint(c.n) != 0 {
		return Explanation{}, fmt.Errorf("partners must be one or more other states of the scenario")
	}
	var err error
	partners.Each(func(j int) {
		if err == nil && !w.alive[j] {
			err = fmt.Errorf("partner %s was eliminated; allowed: partners still in the run", c.id[j])
		}
	})
	if err != nil {
		return Explanation{}, err
	}
	if origin < OriginClient || origin > OriginBilateral {
		return Explanation{}, fmt.Errorf("origin %d is not one of client, indigenous, imposed, bilateral", int(origin))
	}
	all := partners.With(i)
	if al := w.inForce(all &^ w.unsigned(all)); al != nil && al.Members.Has(i) {
		// the engine never weighs forming an alliance it is in (no two
		// alliances in force have the same members; an invitee that
		// cannot sign would only be designated, World.exists): what it
		// weighs is staying in it (ExplainStay)
		designated := ""
		if u := partners &^ al.Members; u != 0 {
			designated = fmt.Sprintf(" (%s, not sovereign, would only be designated to it)", c.idList(u))
		}
		return Explanation{}, fmt.Errorf("%s already belongs to alliance %d with %s (%s, %s), which no state weighs forming again%s; allowed: other partners, or the alliance's review of staying (explain without --with; World.ExplainStay)",
			c.id[i], al.ID, c.idList(al.Members.Without(i)), al.Origin, commitmentName(al.Strong), designated)
	}
	if err := c.canAlly(i, partners, origin); err != nil {
		return Explanation{}, err
	}
	ch := w.hypothetical(i, partners, origin)
	if al := w.inForce(partners); al != nil && origin == w.OriginFor(i, partners) {
		// applying to it, or a patron joining it; with another origin the
		// engine weighs a new alliance beside it (a patron's imposed
		// multilateral on a client alliance's members, say)
		ch = w.grown(al, i, origin)
	}
	return w.explanation(i, partners, strong, origin, ch), w.err
}

// explanation is i's appraisal of an alliance with partners under the
// change ch, term by term, as appraiseUnder makes it.
func (w *World) explanation(i int, partners agents.Set, strong bool, origin Origin, ch change) Explanation {
	after := w.threatUnder(i, ch)
	a := w.appraiseFrom(i, partners, strong, origin, w.threat[i], after, 0) // as appraise
	return w.explanationOf(i, partners, strong, origin, after, a)
}

// explanationOf lays out, term by term, the appraisal a that i made of an
// alliance with partners, at the given commitment and origin, with after
// the threat with it (appraiseFrom's after): the terms and value are a's
// own, and the partners' terms and cost parts are those appraiseFrom read.
func (w *World) explanationOf(i int, partners agents.Set, strong bool, origin Origin, after float64, a appraisal) Explanation {
	c := w.c
	k := c.commitment(strong)
	e := Explanation{
		State: i, Partners: partners, Strong: strong, Origin: origin,
		Threat: a.terms.Threat, Reference: a.terms.Reference, After: after,
		Gain: a.terms.Gain, Honour: a.terms.Honour, Spread: a.terms.Spread,
		Cost: a.cost, Lottery: agents.Outcomes(a.terms, c.costs),
		Value: a.value, Position: w.position(i),
	}
	for _, p := range w.partnerTerms(i, partners, origin, nil) {
		e.Costs = append(e.Costs, PartnerCost{Terms: p, CostParts: p.Costs(k, c.costs)})
	}
	idx := 0
	partners.Each(func(j int) { e.Costs[idx].Partner = j; idx++ })
	return e
}

// VoteExplanation is a member's vote on a newcomer to its alliance
// (docs/model.md §7.9), as the engine weighs it: the alliance grown by the
// newcomer (With, an appraisal at the alliance's commitment and origin —
// indigenous for a patron joining its clients) against the alliance as it
// stands (Without), not against the member's position. The member accepts
// when With.Value exceeds Without.
type VoteExplanation struct {
	Alliance, Member, Newcomer int
	With                       Explanation
	Without                    float64
	// Reason is the largest term the newcomer would add to the member's
	// cost: the reason the member gives when it refuses (the engine logs
	// it with the newcomer named, or no state for autonomy).
	Reason agents.CostTerm
}

// Accepts reports whether the member votes the newcomer in.
func (v VoteExplanation) Accepts() bool { return v.With.Value > v.Without }

// ExplainVote gives member m's vote on newcomer x joining the alliance,
// exactly as the engine takes it (World.vote, from the same grownBy and
// standing), without changing the run. The states must have perceived
// their threats, as for Explain (ErrNotPerceived). It is refused for a
// vote the engine never takes: on a
// newcomer that is not a sovereign client or patron (a state designated to
// an alliance is not sovereign: it joins on sovereignty, unasked), by a
// member that is not sovereign (it does not answer), or when an alliance
// with those members is in force.
func (w *World) ExplainVote(alliance, m, x int) (VoteExplanation, error) {
	c := w.c
	switch {
	case !w.threatsRead:
		return VoteExplanation{}, ErrNotPerceived
	case alliance < 0 || alliance >= len(w.alliances):
		return VoteExplanation{}, fmt.Errorf("alliance %d does not exist; allowed: 0 to %d", alliance, len(w.alliances)-1)
	case !w.alliances[alliance].Active():
		return VoteExplanation{}, fmt.Errorf("alliance %d has ended; allowed: an alliance in force", alliance)
	case m < 0 || m >= c.n:
		return VoteExplanation{}, fmt.Errorf("member: state index %d out of range [0, %d)", m, c.n)
	case !w.alliances[alliance].Members.Has(m):
		return VoteExplanation{}, fmt.Errorf("%s is no member of alliance %d (%s)", c.id[m], alliance, c.idList(w.alliances[alliance].Members))
	case x < 0 || x >= c.n:
		return VoteExplanation{}, fmt.Errorf("newcomer: state index %d out of range [0, %d)", x, c.n)
	case w.alliances[alliance].Members.Has(x):
		return VoteExplanation{}, fmt.Errorf("%s is no newcomer to alliance %d (%s): it is a member", c.id[x], alliance, c.idList(w.alliances[alliance].Members))
	}
	al := &w.alliances[alliance]
	switch {
	case c.role[x] != Client && c.role[x] != Patron:
		return VoteExplanation{}, fmt.Errorf("%s is an adversary, which never allies: no member votes on it", c.id[x])
	case !w.alive[x] || !w.sovereign[x]:
		return VoteExplanation{}, fmt.Errorf("%s cannot ask in now (eliminated or not sovereign): no member votes on it", c.id[x])
	case !w.sovereign[m]:
		return VoteExplanation{}, fmt.Errorf("%s is not sovereign: it does not vote, and counts as accepting", c.id[m])
	case w.exists(al.Members.With(x)):
		return VoteExplanation{}, fmt.Errorf("an alliance of %s is in force already: the engine weighs no second one, and no member votes", c.idList(al.Members.With(x)))
	}
	origin, ch := w.grownBy(al, x)
	v := VoteExplanation{Alliance: alliance, Member: m, Newcomer: x,
		With:    w.explanation(m, al.Members.Without(m).With(x), al.Strong, origin, ch),
		Without: w.standing(al, m).value}
	v.Reason, _ = w.newcomerCost(m, al, x, origin)
	return v, w.err
}

// StayExplanation is what a member weighs when it reviews an alliance
// (docs/model.md §7.12): its threat without the alliance, the value of
// staying, the value of its position without it and what leaving costs. It
// leaves when Out exceeds Stay + ExitCost (with the small error of its
// temperature: Leave).
type StayExplanation struct {
	Alliance int
	Member   int
	Threat   float64 // T_m now, with the alliance
	Without  float64 // T_m⁻ without it
	Stay     float64 // the alliance's value, from the baseline T_m⁻
	Out      float64 // the value of the position without it
	ExitCost float64
	Leave    float64 // the probability that it leaves when it reviews
	// Staying is the appraisal whose value is Stay, term by term, as
	// Explain gives an option's: the alliance of the other members
	// (Staying.Partners) at its commitment and origin, from the baseline
	// Without (Staying.Threat) to the threat with it (Staying.After, which
	// is Threat), so that Staying.Gain = max(0, Without − Threat); each
	// partner's terms and cost parts; the cost, which holds Penalty too
	// (Staying.Cost.Largest names the largest of the partners' terms,
	// without it, and Staying.LargestCostPartner names the partner behind
	// it); the two outcomes; and Staying.Value, which is
	// Stay. Staying.Position is, as in every Explanation, the value of
	// the member's current position, not what staying is weighed against
	// (Out, less ExitCost).
	Staying Explanation
	// Penalty is the entrapment_cost the member pays after an ally's
	// provocation (docs/model.md §7.11) while it runs, 0 otherwise: the
	// part of Staying.Cost.Total that no partner's row holds.
	Penalty float64
}

// ExplainStay values, for member m, staying in the alliance with the given
// id against leaving it, as the world stands now — as the engine does when
// m reviews its policy — without changing the run. An entrapment penalty
// counts if it runs in the tick the world stands in: between Steps the
// tick played last, from an Observer the tick being played.
func (w *World) ExplainStay(alliance, m int) (StayExplanation, error) {
	if alliance < 0 || alliance >= len(w.alliances) {
		if len(w.alliances) == 0 {
			return StayExplanation{}, fmt.Errorf("alliance %d does not exist; the run has formed no alliance yet", alliance)
		}
		return StayExplanation{}, fmt.Errorf("alliance %d does not exist; allowed: 0 … %d, the alliances the run has formed", alliance, len(w.alliances)-1)
	}
	al := &w.alliances[alliance]
	if !al.Active() {
		return StayExplanation{}, fmt.Errorf("alliance %d ended at tick %d (%s); allowed: an alliance in force", alliance, al.Ended, al.Cause)
	}
	if m < 0 || m >= w.c.n {
		return StayExplanation{}, fmt.Errorf("state index %d out of range [0, %d)", m, w.c.n)
	}
	if !al.Members.Has(m) {
		return StayExplanation{}, fmt.Errorf("%s is not a member of alliance %d; allowed: its members %s", w.c.id[m], alliance, w.c.idList(al.Members))
	}
	if !w.sovereign[m] {
		return StayExplanation{}, fmt.Errorf("%s is not sovereign: it does not weigh leaving until it is", w.c.id[m])
	}
	// A penalty runs through the ticks it covers: read it at the tick
	// the world stands in — the one played last, or, from an Observer,
	// the one being played — as the engine's review in that tick did.
	st := w.stayTerms(al, m, w.standingTick())
	return StayExplanation{Alliance: alliance, Member: m, Threat: w.threat[m], Without: st.without,
		Stay: st.value(), Out: st.out, ExitCost: st.exitCost,
		Leave:   agents.LeaveProbability(st.value(), st.out, st.exitCost, w.c.decision[m].Temperature),
		Staying: w.explanationOf(m, al.Members.Without(m), al.Strong, al.Origin, w.threat[m], st.appraisal),
		Penalty: st.penalty}, w.err
}

// Position is the value state i puts on its current position as the world
// stands: the sure ρ − T, less arms_cost if it has no ally — what every
// option it weighs is compared with. It panics if i is not a state index.
func (w *World) Position(i int) float64 { return w.position(w.c.state(i)) }

// OriginFor is the origin the engine gives an alliance of i and partners
// when i appraises it (docs/model.md §7.7–§7.9): joining an alliance in
// force takes that alliance's origin (indigenous for a patron joining its
// clients' alliance); otherwise a patron with one client is bilateral,
// with more imposed, and clients alone are client. partners are one or
// more states other than i: of an empty set, or one holding i, the origin
// means nothing. It panics if i or a partner is not a state index.
func (w *World) OriginFor(i int, partners agents.Set) Origin {
	c := w.c
	c.state(i)
	partners.Each(func(j int) { c.state(j) })
	if al := w.inForce(partners); al != nil {
		if c.role[i] == Patron && !al.HasPatron {
			return OriginIndigenous
		}
		return al.Origin
	}
	all := partners.With(i)
	switch {
	case all&c.patrons == 0:
		return OriginClient
	case all.Len() == 2:
		return OriginBilateral
	}
	return OriginImposed
}

// idList names the states of s, comma-separated, in index order.
func (c *Compiled) idList(s agents.Set) string {
	return strings.Join(c.IDs(s), ", ")
}

// inForce is the alliance in force whose members are exactly s, or nil.
func (w *World) inForce(s agents.Set) *Alliance {
	for a := range w.alliances {
		if al := &w.alliances[a]; al.Active() && al.Members == s {
			return al
		}
	}
	return nil
}

// ParseOrigin turns an origin's name into an Origin.
func ParseOrigin(s string) (Origin, bool) {
	for i, n := range originNames {
		if n == s {
			return Origin(i), true
		}
	}
	return 0, false
}

// OriginNames lists the origins' names.
func OriginNames() []string { return append([]string(nil), originNames[:]...) }

// canAlly says why an alliance of i and partners with the given origin is
// one the engine never weighs, if it is: adversaries never ally
// (docs/model.md §2.1); clients alone make a client alliance, and a
// patron's alliance is bilateral, imposed or indigenous (§2.2). The size
// does not decide the origin: a client may apply to a patron's bilateral
// alliance, which keeps its origin with three members (§7.7); an imposed
// or indigenous alliance its clients leave may go on as a patron and one
// client; and an indigenous one goes on among its clients when its patron
// leaves (§7.12). The engine weighs each of these, to join or to stay.
func (c *Compiled) canAlly(i int, partners agents.Set, origin Origin) error {
	all := partners.With(i)
	var adversaries []string
	all.Each(func(j int) {
		if c.role[j] == Adversary {
			adversaries = append(adversaries, c.id[j])
		}
	})
	if len(adversaries) > 0 {
		return fmt.Errorf("%s: an adversary never allies; allowed: patrons and clients", strings.Join(adversaries, ", "))
	}
	patrons := (all & c.patrons).Len()
	switch {
	case origin == OriginClient && patrons > 0:
		return fmt.Errorf("origin client is an alliance of clients alone, and this one has %s; allowed: %s", patronCount(patrons), originsFor(patrons))
	case (origin == OriginBilateral || origin == OriginImposed) && patrons == 0:
		return fmt.Errorf("origin %s is a patron's alliance, and this one has no patron; allowed: %s", origin, originsFor(patrons))
	}
	return nil
}

// originsFor names the origins an alliance with that many patrons can
// have.
func originsFor(patrons int) string {
	if patrons == 0 {
		return "client, indigenous"
	}
	return "bilateral, imposed, indigenous"
}

// patronCount is "1 patron", "2 patrons".
func patronCount(patrons int) string {
	if patrons == 1 {
		return "1 patron"
	}
	return fmt.Sprintf("%d patrons", patrons)
}
