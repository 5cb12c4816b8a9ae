package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

func newExplainCmd() *cobra.Command {
	var (
		seed       uint64
		at         string
		state      string
		with       string
		commitment string
		origin     string
		asJSON     bool
		sets       []string
	)
	cmd := &cobra.Command{
		Use:   "explain NAME|FILE --at DATE --state ID [--with IDS]",
		Short: "Show why a state values an alliance as it does: the appraisal term by term",
		Long: `explain plays one replication (--seed) to the end of the tick --at names
(a month YYYY-MM, or a tick number) and shows how --state sees its
situation then: its threat, its reference point and domain, and the value
of its current position.

With --with (partners' ids, comma-separated) it appraises that alliance
option exactly as the engine does when the state proposes, accepts or
refuses it (docs/model.md §7.4), at both commitments unless --commitment
says which: the threat the alliance would leave, the gain, the honour
probability, the spread, each partner's contribution to the autonomy cost
(autonomy, entrapment, divergence, fear), the two outcomes and the value,
against the value of the position; --json gives each partner's terms as
well (weight, revisionism, assurance, control, divergence, fear), from
which its parts of the cost follow. The origin is the one the engine would
give the option (a patron's offer to two or more clients is imposed, to one
bilateral; joining an alliance in force takes its origin, or indigenous
where a patron joins an alliance of clients, and its commitment: partners
that are an alliance in force are that join); --origin
overrides it. Partners that are an alliance the state is in, less the
state, and one newcomer who could ask in are the state's vote on that
newcomer: the alliance grown by it, at the alliance's commitment, against
the alliance as it stands (docs/model.md §7.9), which is what the state
compares then (one vote for each such alliance), and the reason it gives
if it refuses: the largest term the newcomer would add to its cost; a
--commitment or --origin the vote cannot have appraises the partners as a
new alliance.

Without --with it shows, for every alliance in force the state belongs to,
what it weighs when it reviews it (docs/model.md §7.12): its threat without
the alliance, the value of staying and of leaving, and the exit cost; then
the value of staying term by term, as an option's: the alliance of its
other members appraised from the threat without it to its threat now (the
gain), the honour probability, the spread, each partner's contribution to
the autonomy cost, the entrapment penalty it pays after an ally's
provocation (docs/model.md §7.11), if any, and the two outcomes (--json:
"staying", and "entrapment_penalty" while one runs).

The numbers are the engine's own, read without changing the run; they are
how the binding terms quoted in docs/model.md were measured.`,
		Example: `  alliancesim explain asia-1950 --seed 3 --at 1954-09 --state usa --with phl,aus,nzl,tha,pak,gbr,fra --commitment weak
  alliancesim explain europe-1947 --at 1948-03 --state gbr`,
		Args:              oneArg(oneScenario),
		ValidArgsFunction: scenarioArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, compiled, err := loadCompiled(args[0], sets)
			if err != nil {
				return err
			}
			if err := runner.CheckSeeds(seed, 1); err != nil {
				return fmt.Errorf("--seed: %w", err)
			}
			req, err := parseExplainRequest(compiled, at, state, with, commitment, origin)
			if err != nil {
				return err
			}
			w := sim.NewWorld(compiled, seed)
			if err := w.StepThrough(cmd.Context(), req.tick); err != nil {
				return err
			}
			rep, err := explain(w, req)
			if err != nil {
				return err
			}
			rep.Scenario, rep.Seed = sc.Name, seed
			if asJSON {
				return printJSON(cmd.OutOrStdout(), rep)
			}
			printExplanation(cmd.OutOrStdout(), compiled, rep)
			return nil
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the replication")
	cmd.Flags().StringVar(&at, "at", "", "the month (YYYY-MM) or tick at whose end to look (required)")
	cmd.Flags().StringVar(&state, "state", "", "the id of the state whose view to show (required)")
	cmd.Flags().StringVar(&with, "with", "", "partners of the alliance option to appraise, comma-separated ids")
	cmd.Flags().StringVar(&commitment, "commitment", "both", "commitment of the option: weak, strong or both")
	cmd.Flags().StringVar(&origin, "origin", "", "origin of the option: "+strings.Join(sim.OriginNames(), ", ")+" (default: as the engine would give it)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the explanation as JSON")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change the scenario: path=value (repeatable)")
	return cmd
}

// explainRequest is a parsed explain command line.
type explainRequest struct {
	tick      int
	state     int
	partners  agents.Set
	with      string // --with as given, for its errors
	strengths []bool
	origin    sim.Origin
	inferred  bool
}

func parseExplainRequest(c *sim.Compiled, at, state, with, commitment, origin string) (explainRequest, error) {
	sc := c.Scenario()
	req := explainRequest{inferred: origin == "", with: with}
	if at == "" {
		return req, fmt.Errorf("--at is required; allowed: a month (YYYY-MM) from %s to %s or a tick from 0 to %d", sc.Calendar.Label(0), sc.Calendar.LastMonth(sc.Ticks-1), sc.Ticks-1)
	}
	tick, err := parseAt(sc, at)
	if err != nil {
		return req, err
	}
	req.tick = tick
	if req.state, err = stateIndex(c, "--state", strings.TrimSpace(state)); err != nil {
		return req, err
	}
	if with != "" {
		for _, id := range strings.Split(with, ",") {
			if strings.TrimSpace(id) == "" {
				return req, fmt.Errorf("--with %q has an empty partner; allowed: state ids separated by commas, e.g. --with usa,gbr", with)
			}
			j, err := stateIndex(c, "--with", strings.TrimSpace(id))
			if err != nil {
				return req, err
			}
			if j == req.state {
				return req, fmt.Errorf("--with names %s, the state itself; allowed: other states", strings.TrimSpace(id))
			}
			if req.partners.Has(j) {
				return req, fmt.Errorf("--with names %s twice; allowed: each partner once", strings.TrimSpace(id))
			}
			req.partners = req.partners.With(j)
		}
	}
	if with == "" && (commitment != "both" || origin != "") {
		flag := "--commitment"
		if origin != "" {
			flag = "--origin"
		}
		return req, fmt.Errorf("%s applies to the alliance option of --with, and there is no --with; allowed: %s with --with IDS", flag, flag)
	}
	switch commitment {
	case "both":
		req.strengths = []bool{false, true}
	case "weak":
		req.strengths = []bool{false}
	case "strong":
		req.strengths = []bool{true}
	default:
		return req, fmt.Errorf("--commitment %q: allowed: weak, strong, both", commitment)
	}
	if origin != "" {
		o, ok := sim.ParseOrigin(origin)
		if !ok {
			return req, fmt.Errorf("--origin %q: allowed: %s", origin, strings.Join(sim.OriginNames(), ", "))
		}
		req.origin = o
	}
	return req, nil
}

// stateIndex is the state a flag names: a patron or client, since explain
// weighs alliances and an adversary never allies (docs/model.md §2.1).
func stateIndex(c *sim.Compiled, flag, id string) (int, error) {
	var allies []string
	for i := range c.N() {
		if c.Role(i) != sim.Adversary {
			allies = append(allies, c.ID(i))
		}
	}
	if id == "" {
		return 0, fmt.Errorf("%s is required: a state id of %s; allowed: %s", flag, c.Name(), strings.Join(allies, ", "))
	}
	i := c.Index(id)
	switch {
	case i < 0:
		return 0, fmt.Errorf("%s %q is not a state of %s; allowed: %s", flag, id, c.Name(), strings.Join(allies, ", "))
	case c.Role(i) == sim.Adversary:
		return 0, fmt.Errorf("%s %s: an adversary never allies, and explain weighs alliances; allowed: a patron or client, %s", flag, id, strings.Join(allies, ", "))
	}
	return i, nil
}

// explanationReport is what explain prints.
type explanationReport struct {
	Scenario  string  `json:"scenario"`
	Seed      uint64  `json:"seed"`
	Date      string  `json:"date"`
	Tick      int     `json:"tick"`
	State     string  `json:"state"`
	Threat    float64 `json:"threat"`
	Reference float64 `json:"reference"`
	Domain    string  `json:"domain"`
	// NotSovereign: the state is not sovereign then; it proposes nothing,
	// answers no offer (what is signed for it counts as accepted, §7.9)
	// and, as a member, neither votes nor weighs leaving (§7.13): no
	// stays are listed, only the alliances it belongs to (MemberOf).
	NotSovereign bool                `json:"not_sovereign,omitempty"`
	Position     float64             `json:"position"`
	Options      []optionExplanation `json:"options,omitempty"`
	Votes        []voteExplanation   `json:"votes,omitempty"`
	Stays        []stayExplanation   `json:"alliances,omitempty"`
	MemberOf     []membership        `json:"member_of,omitempty"`
}

// membership is an alliance in force that the state belongs to: all a
// state without sovereignty, which weighs no leaving, is shown of it.
type membership struct {
	Alliance   int      `json:"alliance"`
	Members    []string `json:"members"`
	Origin     string   `json:"origin"`
	Commitment string   `json:"commitment"`
}

// membershipOf is the alliance al as explain shows it.
func membershipOf(c *sim.Compiled, al *sim.Alliance) membership {
	return membership{Alliance: al.ID, Members: c.IDs(al.Members), Origin: al.Origin.String(), Commitment: commitmentWord(al.Strong)}
}

// voteExplanation is the state's vote on a newcomer to an alliance it is
// in: the alliance grown by the newcomer against the alliance as it
// stands, which is what the engine compares (not the state's position).
type voteExplanation struct {
	Alliance int               `json:"alliance"`
	Members  []string          `json:"members"`
	Newcomer string            `json:"newcomer"`
	With     optionExplanation `json:"with"`
	Without  float64           `json:"without"`
	Accepts  bool              `json:"accepts"`
	Reason   string            `json:"reason"` // the newcomer's largest cost term: what a refusal names
}

// optionExplanation is one option's appraisal, with names for indices.
type optionExplanation struct {
	Partners   []string          `json:"partners"`
	Joins      *int              `json:"joins_alliance,omitempty"` // the alliance in force the partners are, which the state would join
	Commitment string            `json:"commitment"`
	Origin     string            `json:"origin"`
	After      float64           `json:"threat_with"`
	Gain       float64           `json:"gain"`
	Honour     float64           `json:"honour"`
	Spread     float64           `json:"spread"`
	Costs      []partnerCostLine `json:"costs"`
	Cost       float64           `json:"cost"`
	Largest    string            `json:"largest_term"`
	LargestOf  string            `json:"largest_term_partner,omitempty"`
	// Penalty: the entrapment penalty a member pays after an ally's
	// provocation (docs/model.md §7.11), part of Cost but of no partner's
	// row; only staying carries one.
	Penalty  float64  `json:"entrapment_penalty,omitempty"`
	Outcomes outcomes `json:"outcomes"`
	Value    float64  `json:"value"`
	// Beats: the value above the state's position, which decides an
	// option of its own; nil in a vote, which compares the value with the
	// alliance as it stands (voteExplanation.Without), not the position.
	Beats *bool `json:"beats_position,omitempty"`
}

// outcomes are the option's two outcomes relative to the reference point.
type outcomes struct {
	P    float64 `json:"p"`
	Good float64 `json:"good"`
	Bad  float64 `json:"bad"`
}

// partnerCostLine is what the state weighs about one partner and what the
// partner adds to the autonomy cost. The JSON carries every term of the
// partner that the cost reads (docs/model.md §7.4), so that each part
// follows from the line: autonomy w_j·c_0, entrapment
// k·c_E·r̃_j·(1 − μ·A_j)·(1 − ctl_j), divergence k·c_D·d_ij, fear
// c_T·f_ij; the text shows d_ij and f_ij only.
type partnerCostLine struct {
	Partner     string  `json:"partner"`
	Weight      float64 `json:"weight"`      // w_j = RelativeWeight(E_i, E_j)
	Revisionism float64 `json:"revisionism"` // r̃_j, as the scripted shocks left it
	Assurance   float64 `json:"assurance"`   // A_j (0 unless the state is a patron and j a client)
	Control     float64 `json:"control"`     // ctl_j (0 unless the state is a patron and j a client)
	Divergence  float64 `json:"divergence"`  // d_ij
	Fear        float64 `json:"fear"`        // T̂_ij + φ·g_ij
	Autonomy    float64 `json:"cost_autonomy"`
	Entrapment  float64 `json:"cost_entrapment"`
	DivCost     float64 `json:"cost_divergence"`
	FearCost    float64 `json:"cost_fear"`
	Total       float64 `json:"cost_total"`
	// Unpledged: the partner pledges nothing to the state in this
	// alliance (a fellow client of an imposed one) and costs it only
	// the fear it inspires (docs/model.md §7.4).
	Unpledged bool `json:"unpledged,omitempty"`
}

// stayExplanation is what the state weighs about one of its alliances
// when it reviews it.
type stayExplanation struct {
	membership
	Without  float64 `json:"threat_without"`
	Stay     float64 `json:"stay"`
	Out      float64 `json:"leave"`
	ExitCost float64 `json:"exit_cost"`
	Leave    float64 `json:"leave_probability"`
	// Staying is the stay value term by term, as an option's: the
	// alliance of the other members, from the baseline threat_without to
	// its threat_with (the state's threat now); its value is Stay.
	Staying optionExplanation `json:"staying"`
}

func explain(w *sim.World, req explainRequest) (explanationReport, error) {
	c := w.Compiled()
	i := req.state
	// The appraisal is made at the end of the tick: its last month (a
	// yearly tick that starts in January ends in December).
	rep := explanationReport{Date: c.Calendar().LastMonth(req.tick), Tick: req.tick, State: c.ID(i),
		Threat: w.Threat(i), Reference: w.Reference(i), Domain: "gains", Position: w.Position(i)}
	if !w.Alive(i) {
		return rep, fmt.Errorf("--state %s was eliminated by %s; allowed: an earlier --at, or a state alive then", c.ID(i), rep.Date)
	}
	var gone []string
	req.partners.Each(func(j int) {
		if !w.Alive(j) {
			gone = append(gone, c.ID(j))
		}
	})
	if len(gone) > 0 {
		verb := "was"
		if len(gone) > 1 {
			verb = "were"
		}
		return rep, fmt.Errorf("--with %s: %s %s eliminated by %s; allowed: an earlier --at, or partners alive then",
			req.with, strings.Join(gone, ", "), verb, rep.Date)
	}
	if w.InLosses(i) {
		rep.Domain = "losses"
	}
	rep.NotSovereign = !w.Sovereign(i)
	if req.partners != 0 {
		if votes := votesOn(w, req); len(votes) > 0 {
			rep.Votes = votes
			return rep, nil
		}
		origin := req.origin
		engineOrigin := w.OriginFor(i, req.partners)
		if req.inferred {
			origin = engineOrigin
		}
		strengths, joins := req.strengths, -1
		for _, al := range w.Alliances() {
			// The partners are an alliance in force: the state would join
			// it, and a state joins at the alliance's commitment, the only
			// one the engine values (§7.9). Under another --origin they
			// are a new alliance beside it, as sim's Explain has it.
			if al.Active() && al.Members == req.partners && !al.Members.Has(i) && origin == engineOrigin {
				joins, strengths = al.ID, nil
				for _, s := range req.strengths {
					if s == al.Strong {
						strengths = append(strengths, s)
					}
				}
				if len(strengths) == 0 {
					return rep, fmt.Errorf("--commitment %s: %s would join alliance %d, which is %s, and a state joins an alliance at its commitment; allowed: --commitment %s or both",
						commitmentWord(!al.Strong), c.ID(i), al.ID, commitmentWord(al.Strong), commitmentWord(al.Strong))
				}
			}
		}
		for _, strong := range strengths {
			e, err := w.Explain(i, req.partners, strong, origin)
			if err != nil {
				return rep, err
			}
			o := optionLine(c, e)
			beats := e.Value > e.Position
			o.Beats = &beats
			if joins >= 0 {
				o.Joins = &joins
			}
			rep.Options = append(rep.Options, o)
		}
		return rep, nil
	}
	for _, al := range w.Alliances() {
		if !al.Active() || !al.Members.Has(i) {
			continue
		}
		if rep.NotSovereign { // a state without sovereignty weighs no leaving
			rep.MemberOf = append(rep.MemberOf, membershipOf(c, &al))
			continue
		}
		s, err := w.ExplainStay(al.ID, i)
		if err != nil {
			return rep, err
		}
		staying := optionLine(c, s.Staying)
		staying.Penalty = s.Penalty
		rep.Stays = append(rep.Stays, stayExplanation{membership: membershipOf(c, &al), Without: s.Without, Stay: s.Stay, Out: s.Out, ExitCost: s.ExitCost, Leave: s.Leave,
			Staying: staying})
	}
	return rep, nil
}

// votesOn lists the votes the request's partners describe that the
// engine could take, at the commitment and origin the request allows: an
// alliance in force that the state is in, its other members being
// partners, and one newcomer, the remaining partner (sim.World.ExplainVote
// refuses one the engine never takes). The state may be in several such
// alliances (a patron with two bilaterals): each is a vote. None, and the
// partners are an option of the state's own, which Explain appraises.
func votesOn(w *sim.World, req explainRequest) []voteExplanation {
	c := w.Compiled()
	i := req.state
	all := req.partners.With(i)
	var out []voteExplanation
	for _, a := range w.Alliances() {
		extra := all &^ a.Members
		if !a.Active() || !a.Members.Has(i) || a.Members&^all != 0 || extra.Len() != 1 {
			continue
		}
		if len(req.strengths) == 1 && req.strengths[0] != a.Strong {
			continue // another option with the same partners: a new alliance beside it
		}
		x := -1
		extra.Each(func(j int) { x = j })
		v, err := w.ExplainVote(a.ID, i, x)
		if err != nil {
			continue // no vote the engine takes
		}
		if !req.inferred && req.origin != v.With.Origin {
			continue // as at another commitment
		}
		out = append(out, voteExplanation{Alliance: a.ID, Members: c.IDs(a.Members), Newcomer: c.ID(x),
			With: optionLine(c, v.With), Without: v.Without, Accepts: v.Accepts(), Reason: v.Reason.String()}) // With.Beats nil: the vote is against Without
	}
	return out
}

func optionLine(c *sim.Compiled, e sim.Explanation) optionExplanation {
	o := optionExplanation{Partners: c.IDs(e.Partners), Commitment: commitmentWord(e.Strong), Origin: e.Origin.String(),
		After: e.After, Gain: e.Gain, Honour: e.Honour, Spread: e.Spread, Cost: e.Cost.Total,
		Largest: e.Cost.Largest.String(),
		LargestOf: func() string { // the partner behind the largest term; none for autonomy
			if j := e.LargestCostPartner(); j >= 0 {
				return c.ID(j)
			}
			return ""
		}(),
		Outcomes: outcomes{P: e.Lottery.P, Good: e.Lottery.Good, Bad: e.Lottery.Bad},
		Value:    e.Value}
	for _, pc := range e.Costs {
		o.Costs = append(o.Costs, partnerCostLine{Partner: c.ID(pc.Partner), Weight: pc.Terms.Weight, Revisionism: pc.Terms.Revisionism,
			Assurance: pc.Terms.Assurance, Control: pc.Terms.Control, Divergence: pc.Terms.Divergence, Fear: pc.Terms.Fear,
			Autonomy: pc.Autonomy, Entrapment: pc.Entrapment, DivCost: pc.CostParts.Divergence, FearCost: pc.CostParts.Fear, Total: pc.Total(),
			Unpledged: pc.Terms.Unpledged})
	}
	return o
}

func commitmentWord(strong bool) string {
	if strong {
		return "strong"
	}
	return "weak"
}

func printExplanation(w io.Writer, c *sim.Compiled, r explanationReport) {
	fmt.Fprintf(w, "%s, seed %d, at the end of %s (tick %d)\n", r.Scenario, r.Seed, r.Date, r.Tick)
	fmt.Fprintf(w, "%s: threat %.4f, reference point %.4f (domain of %s); its position is worth %s\n",
		r.State, r.Threat, r.Reference, r.Domain, signed(r.Position))
	if r.NotSovereign {
		fmt.Fprintf(w, "%s is not sovereign then: it proposes nothing and answers no offer, and what is signed for it counts as accepted (docs/model.md §7.9); as a member it neither votes nor weighs leaving (§7.13)\n", r.State)
	}
	for _, v := range r.Votes {
		fmt.Fprintf(w, "\nits vote on %s joining alliance %d (%s): the alliance grown by %s against the alliance as it stands\n", v.Newcomer, v.Alliance, strings.Join(v.Members, ", "), v.Newcomer)
		printOption(w, v.With)
		verdict := fmt.Sprintf("refuses %s, for %s's largest term: %s", v.Newcomer, v.Newcomer, v.Reason)
		if v.Accepts {
			verdict = "accepts " + v.Newcomer
		}
		with, without := signedApart(v.With.Value, v.Without)
		fmt.Fprintf(w, "  value %s against %s for the alliance as it stands: it %s\n", with, without, verdict)
	}
	for _, o := range r.Options {
		printOption(w, o)
		verdict := "below its position"
		if *o.Beats {
			verdict = "above its position"
		}
		value, position := signedApart(o.Value, r.Position)
		fmt.Fprintf(w, "  value %s: %s (%s)\n", value, verdict, position)
	}
	if len(r.Options) == 0 && len(r.Votes) == 0 {
		if len(r.Stays) == 0 && len(r.MemberOf) == 0 {
			fmt.Fprintf(w, "%s belongs to no alliance in force; --with IDS appraises an option\n", r.State)
		}
		for _, m := range r.MemberOf {
			fmt.Fprintf(w, "\nalliance %d (%s, %s, %s): a member, which it does not weigh leaving without sovereignty\n",
				m.Alliance, m.Origin, m.Commitment, strings.Join(m.Members, ", "))
		}
		for _, s := range r.Stays {
			verdict := "stays"
			switch {
			case s.Leave > 0.5:
				verdict = "leaves"
			case s.Leave == 0.5:
				verdict = "stays or leaves, evenly (staying and leaving are worth the same)"
			}
			fmt.Fprintf(w, "\nalliance %d (%s, %s, %s): %s\n", s.Alliance, s.Origin, s.Commitment, strings.Join(s.Members, ", "), verdict)
			fmt.Fprintf(w, "  threat without it %.4f; staying is worth %s, leaving %s, exit cost %.4f; leave probability at a review %.3g\n",
				s.Without, signed(s.Stay), signed(s.Out), s.ExitCost, s.Leave)
			fmt.Fprintf(w, "  staying, from the threat without it: threat with it %.4f: gain %.4f\n", s.Staying.After, s.Staying.Gain)
			printTerms(w, s.Staying)
		}
	}
	fmt.Fprint(w, explainNote)
}

// explainNote says in words what the numbers of an explanation are, as
// its help and docs/model.md §7.4 define them.
const explainNote = `
(threat and reference point in [0, 1]: a threat above the reference point puts the state in the
 domain of losses; its position: what it has for certain, the reference point less its threat, as
 a value; an offer is accepted only if worth more than the position; gain: the threat the alliance
 takes away; honour probability: the chance that an ally comes; spread: how far the best and worst
 outcomes lie apart, He & Feng's risk; autonomy cost: what the partners cost in freedom of action;
 docs/model.md §7.4 gives every formula)
`

// printOption writes an option's appraisal term by term, all but its
// value, which its caller compares with what the state weighs it against.
func printOption(w io.Writer, o optionExplanation) {
	joining := ""
	if o.Joins != nil {
		joining = fmt.Sprintf("joining alliance %d: ", *o.Joins)
	}
	fmt.Fprintf(w, "\n%s%s %s alliance with %s (origin %s)\n", joining, o.Commitment, kindWord(len(o.Partners)+1), strings.Join(o.Partners, ", "), o.Origin)
	fmt.Fprintf(w, "  threat if it stood %.4f: gain %.4f\n", o.After, o.Gain)
	printTerms(w, o)
}

// printTerms writes an appraisal's terms from the honour probability to
// the outcomes: an option's, a vote's or staying's.
func printTerms(w io.Writer, o optionExplanation) {
	fmt.Fprintf(w, "  honour probability %.3f, spread %.3f\n", o.Honour, o.Spread)
	largest := o.Largest
	if o.LargestOf != "" {
		largest += ", " + o.LargestOf
	}
	penalty, label := "", "largest term"
	if o.Penalty != 0 { // staying's, which no partner's row holds
		penalty = fmt.Sprintf(", with an entrapment penalty of %.4f after an ally's provocation", o.Penalty)
		label = "largest of the partners' terms"
	}
	fmt.Fprintf(w, "  autonomy cost %.4f%s (%s: %s)\n", o.Cost, penalty, label, largest)
	// Two groups of columns: how the state reads each partner, and what
	// each partner adds to the autonomy cost.
	fmt.Fprintf(w, "    %-8s %-19s %s\n", "", "─── it reads ────", "──────────── what it costs ────────────")
	fmt.Fprintf(w, "    %-8s %10s %8s %9s %10s %10s %7s %7s\n", "partner", "divergence", "fear", "autonomy", "entrapment", "divergence", "fear", "total")
	unpledged := false
	for _, p := range o.Costs {
		mark := ""
		if p.Unpledged {
			mark, unpledged = " *", true
		}
		fmt.Fprintf(w, "    %-8s %10.3f %8.3f %9.4f %10.4f %10.4f %7.4f %7.4f%s\n", p.Partner, p.Divergence, p.Fear, p.Autonomy, p.Entrapment, p.DivCost, p.FearCost, p.Total, mark)
	}
	if unpledged {
		fmt.Fprintln(w, "    * pledges nothing to it in this alliance (a fellow client of an imposed one): it costs only the fear it inspires")
	}
	fmt.Fprintf(w, "  outcomes against the reference point: %s with probability %.3f, else %s\n", signed(o.Outcomes.Good), o.Outcomes.P, signed(o.Outcomes.Bad))
}

// signed formats a value to four decimals with its sign. One too small to
// show there is written in scientific notation rather than as a zero
// (+0.0000 or −0.0000), so that a verdict drawn from it (stay or leave,
// above or below its position) can be read from the figures; zero, of
// either sign, is +0.0000.
func signed(x float64) string { return signedDigits(x, 4) }

// signedApart formats two values compared in a verdict as signed does,
// with as many more digits as it takes to tell them apart where they
// differ: +0.0105 against +0.0105 would leave "below its position"
// unreadable from the figures (0.010479 against 0.010503).
func signedApart(a, b float64) (string, string) {
	sa, sb := signed(a), signed(b)
	for digits := 5; sa == sb && a != b && digits <= 17; digits++ {
		sa, sb = signedDigits(a, digits), signedDigits(b, digits)
	}
	return sa, sb
}

// signedDigits is signed at digits decimals (digits − 2 in scientific
// notation, for a value too small to show at four).
func signedDigits(x float64, digits int) string {
	switch {
	case x == 0:
		x = 0 // −0 (a loss weighed at λ = 0, say) too
	case math.Abs(x) < 0.00005:
		return fmt.Sprintf("%+.*e", digits-2, x)
	}
	return fmt.Sprintf("%+.*f", digits, x)
}

func kindWord(size int) string {
	switch sim.KindOf(size) {
	case sim.Bilateral:
		return "bilateral"
	case sim.Trilateral:
		return "trilateral"
	}
	return "multilateral"
}
