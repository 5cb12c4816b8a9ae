package sim

import (
	"fmt"
	"math"
	"slices"

	"github.com/alliancesim/alliancesim/agents"
)

// Params holds every constant of the model (docs/model.md §2.5) as a typed
// field: numbers as float64, counts of months, ticks and cells as int,
// switches as bool. A scenario's [params] table sets them by the names in
// ParamSpecs; the defaults are those of the model. Rates are per month and
// durations in months, whatever the scenario's tick (timescale.go);
// only record_every, an output setting, counts ticks.
type Params struct {
	// theatre and occupation (docs/model.md §7.1)
	RoughCost       float64 // cost of entering a rough cell
	SeaCost         float64 // cost of entering a sea cell
	ProjectionRange float64 // decay length of projected force, cells
	Sealift         float64 // share of naval power that carries land force over water
	RoughBonus      float64 // defence bonus per unit rough share
	// OccupationForce is F₀ of the credibility P/(P + F₀): the force (in
	// the units of land, 100,000 troops) at which a projected force is
	// half a credible occupier. A token force is no occupation threat,
	// however weak the target.
	OccupationForce float64
	// Punishment is extended deterrence by punishment (seed 004): the
	// occupation threat of j against i is multiplied by 1 − punishment·D,
	// D = 1 − Π over i's allies a of (1 − h_a·E_a/(E_a + E_j)), E the
	// economies, h_a the weight with which a stands by i (not scaled by
	// the commitment: an ally that comes punishes in full) — an ally's
	// pledge, backed by its power against j's, makes j think again even
	// where it cannot change the local balance.
	Punishment          float64
	CommitmentWeak      float64 // k of a weak alliance
	CommitmentStrong    float64 // k of a strong alliance
	OccupationSteepness float64 // κ of the denial ratio

	// perception (docs/model.md §7.2)
	IdeologyWeight  float64 // ψ
	MemoryDecay     float64 // per-month decay of shown aggression
	WeightPower     float64 // w_P
	WeightProximity float64 // w_G
	WeightOffence   float64 // w_O
	PerceptionLag   float64 // λ_p, per month
	PerceptionNoise float64 // standard deviation of perception noise on the logit scale

	// StatusQuoRevisionism is the revisionism every adversary has in the
	// status-quo world from which reference points are computed
	// (docs/model.md §7.3): ½, an adversary read as no more likely to
	// challenge the status quo than to accept it. A state that reads an
	// adversary as more revisionist than that is in losses, less in gains
	// (He & Feng: high threat frames losses, low threat gains). 0 puts every
	// state that faces any revisionism in losses.
	StatusQuoRevisionism float64

	// valuation of options (docs/model.md §7.4)
	PStrong         float64 // honour probability of a strong commitment
	PWeak           float64 // honour probability of a weak commitment
	CostBase        float64 // c_0
	CostEntrapment  float64 // c_E
	CostDivergence  float64 // c_D
	CostThreat      float64 // c_T
	AssuranceWeight float64 // μ
	SpreadBase      float64 // v_0
	SpreadMembers   float64 // v_m
	ResidualHelp    float64 // h_res
	ArmsCost        float64 // cost of self-help

	// diplomacy and policy review (docs/model.md §7.7–§7.9, §7.13)
	DiplomacyInterval int // months between diplomacy rounds
	// SharedThreat is the threat from a common adversary that two clients
	// must both perceive before one courts the other.
	SharedThreat float64
	// RetryInterval is how many months a refused proposal is not repeated
	// to the same partners at the same commitment.
	RetryInterval int
	// InviteOccupied lets a patron include in a multilateral proposal
	// non-sovereign clients it holds stakes in, as Dulles's Pacific Pact
	// included occupied Japan; they do not answer, and join the alliance
	// when they become sovereign.
	InviteOccupied bool
	// GrievanceFear (φ) adds φ·grievance_ij to the fear a state has of an
	// ally in the autonomy cost: fear of a former enemy's revival, which a
	// threat reading built on present capability cannot carry.
	GrievanceFear float64
	// ReviewThreshold and ReviewInterval are the policy review (bounded
	// rationality): a state reopens its alliance policy — searches for
	// partners, applies, values leaving — only when its threat moved by
	// at least ReviewThreshold since its last review, something that
	// concerns it changed, or ReviewInterval months passed. Offers from
	// others are always answered. 0 and 1 are the every-tick model.
	ReviewThreshold float64
	ReviewInterval  int

	// crises, occupation, cohesion, exit (docs/model.md §7.10–§7.12)
	ChallengeRate       float64 // per month
	ChallengeSteepness  float64 // κ_c
	ChallengeThreshold  float64 // θ_c
	OccupyMargin        float64 // force margin an occupier needs over defence (2: the 3:1 rule)
	OccupyCells         int     // cells a successful challenge takes
	AggressionMemory    float64 // intent added to every state's memory of an aggressor
	ProvokeRate         float64 // per month, per unit revisionism
	EntrapmentCost      float64 // stay-value penalty after an ally's provocation
	EntrapmentMemory    int     // months the entrapment penalty lasts
	ControlBilateral    float64 // chance a patron restrains a client of a bilateral
	ControlTrilateral   float64 // … of a trilateral
	ControlMultilateral float64 // … of a multilateral
	ExitCost            float64 // how much worse staying must be before a member leaves

	// recording (docs/model.md §7.14)
	RecordEvery int // ticks between time-series samples; 0 records none
}

// ParamKind is the type of a parameter's values.
type ParamKind int

// Kinds of parameter.
const (
	ParamNumber  ParamKind = iota // a real number
	ParamInteger                  // a whole number (ticks, cells)
	ParamBool                     // true or false
)

// ParamSpec describes one entry of the [params] table: its file name, its
// kind, its default, the closed range of allowed values (0 and 1 for a
// switch) and its meaning. Values pass as float64: whole numbers as such,
// true as 1 and false as 0.
type ParamSpec struct {
	Name     string
	Kind     ParamKind
	Default  float64
	Min, Max float64
	Doc      string
	get      func(*Params) float64
	set      func(*Params, float64)
}

// Get returns the parameter's value in p (a switch as 0 or 1).
func (s ParamSpec) Get(p *Params) float64 { return s.get(p) }

// Set checks v and stores it in p.
func (s ParamSpec) Set(p *Params, v float64) error {
	if err := s.Check(v); err != nil {
		return err
	}
	s.set(p, v)
	return nil
}

// Check reports whether v is allowed, and if not, what is.
func (s ParamSpec) Check(v float64) error {
	if s.Kind == ParamBool && v != 0 && v != 1 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%v is not a finite number; allowed: %s", v, s.Allowed())
		}
		return fmt.Errorf("%s is not true or false; allowed: %s", FormatNumber(v), s.Allowed())
	}
	return s.bounds().Check(v)
}

// Allowed describes the allowed values in words.
func (s ParamSpec) Allowed() string {
	if s.Kind == ParamBool {
		return "true or false"
	}
	return s.bounds().Allowed()
}

// bounds is the range of a number or whole-number parameter.
func (s ParamSpec) bounds() Range {
	return Range{Min: s.Min, Max: s.Max, Whole: s.Kind == ParamInteger}
}

// FormatValue writes v as the parameter's kind reads: true/false, a whole
// number, or a number.
func (s ParamSpec) FormatValue(v float64) string {
	switch s.Kind {
	case ParamBool:
		return fmt.Sprint(v != 0)
	case ParamInteger:
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprint(v)
}

// MaxScale is the largest value of a weight, cost, scale or stake that
// has no natural maximum (agents.MaxScale). Bounded so, every quantity of
// the model stays finite in float64, with room to spare: the threat is a
// weighted mean (weights ≤ 3·10^6 in all); defence is at most
// land·(1 + rough_bonus) + 64 allies' help ≈ 10^12, and its κ-th power,
// κ ≤ 20, about 10^240; path costs are at most 10^6 per cell over 10^6
// cells; an option's cost times (1 + spread) is below 10^28 and a loss's
// value, times λ ≤ 10^6, below 10^34; the logistics and the softmax take
// exponentials only of non-positive numbers or of ones whose overflow to
// +Inf gives 0 or 1. The largest values anyone uses are below 100.
const MaxScale = agents.MaxScale

// MaxSamples is the most time-series samples a run may record
// (scenario.ticks ÷ record_every): a sample holds a few numbers per state,
// and a run at the longest horizon sampled every tick would otherwise hold
// gigabytes.
const MaxSamples = 10_000

func num(name string, def, lo, hi float64, doc string, f func(*Params) *float64) ParamSpec {
	return ParamSpec{Name: name, Kind: ParamNumber, Default: def, Min: lo, Max: hi, Doc: doc,
		get: func(p *Params) float64 { return *f(p) }, set: func(p *Params, v float64) { *f(p) = v }}
}

func whole(name string, def, lo, hi int, doc string, f func(*Params) *int) ParamSpec {
	return ParamSpec{Name: name, Kind: ParamInteger, Default: float64(def), Min: float64(lo), Max: float64(hi), Doc: doc,
		get: func(p *Params) float64 { return float64(*f(p)) }, set: func(p *Params, v float64) { *f(p) = int(v) }}
}

func flag(name string, def bool, doc string, f func(*Params) *bool) ParamSpec {
	d := 0.0
	if def {
		d = 1
	}
	return ParamSpec{Name: name, Kind: ParamBool, Default: d, Min: 0, Max: 1, Doc: doc,
		get: func(p *Params) float64 {
			if *f(p) {
				return 1
			}
			return 0
		}, set: func(p *Params, v float64) { *f(p) = v != 0 }}
}

// Upper bounds keep every product of the model finite: weights, costs and
// rates are at most MaxScale; steepnesses at most 20 or 100, so that
// powers and exponentials of forces (at most MaxForce) stay finite.
const (
	maxWeight  = MaxScale
	maxTicks   = 1_000_000
	maxDistant = MaxScale
)

// paramSpecs is the table ParamSpecs returns a copy of.
var paramSpecs = []ParamSpec{
	num("rough_cost", 2, 0, maxWeight, "cost of entering a rough cell (land costs 1)", func(p *Params) *float64 { return &p.RoughCost }),
	num("sea_cost", 3, 0, maxWeight, "cost of entering a sea cell", func(p *Params) *float64 { return &p.SeaCost }),
	num("projection_range", 20, 1e-3, maxDistant, "decay length of projected force, in cells", func(p *Params) *float64 { return &p.ProjectionRange }),
	num("sealift", 0.5, 0, maxWeight, "land force carried over water per unit of naval power", func(p *Params) *float64 { return &p.Sealift }),
	num("rough_bonus", 1, 0, maxWeight, "defence bonus of an all-rough territory", func(p *Params) *float64 { return &p.RoughBonus }),
	num("occupation_force", 1, 0, MaxForce, "F₀: projected force at which an occupier is half credible (P/(P+F₀))", func(p *Params) *float64 { return &p.OccupationForce }),
	num("punishment", 0.3, 0, 1, "extended deterrence by punishment: how far allies' pledges, by economic weight, deter an occupier", func(p *Params) *float64 { return &p.Punishment }),
	num("commitment_weak", 0.35, 0, 1, "k of a weak commitment: how far it binds a state into its allies' fights (entrapment, divergence) and widens the spread", func(p *Params) *float64 { return &p.CommitmentWeak }),
	num("commitment_strong", 1, 0, 1, "k of a strong commitment: how far it binds a state into its allies' fights (entrapment, divergence) and widens the spread", func(p *Params) *float64 { return &p.CommitmentStrong }),
	num("occupation_steepness", 2, 0, 20, "κ of the denial ratio P^κ/(P^κ + Def^κ)", func(p *Params) *float64 { return &p.OccupationSteepness }),
	num("ideology_weight", 0.3, 0, 1, "ψ: weight of ideological distance in intent (at most 1, so that ψ·|Δι|/2 stays in [0, 1] over ideologies in [−1, 1])", func(p *Params) *float64 { return &p.IdeologyWeight }),
	num("memory_decay", 0.02, 0, 1, "per-month decay of remembered aggression (a share of what is left)", func(p *Params) *float64 { return &p.MemoryDecay }),
	num("weight_power", 1, 0, maxWeight, "w_P: weight of aggregate power in threat", func(p *Params) *float64 { return &p.WeightPower }),
	num("weight_proximity", 1, 0, maxWeight, "w_G: weight of proximity in threat", func(p *Params) *float64 { return &p.WeightProximity }),
	num("weight_offence", 2, 0, maxWeight, "w_O: weight of offensive capability in threat", func(p *Params) *float64 { return &p.WeightOffence }),
	num("perception_lag", 0.2, 0, 1, "λ_p: share of the new reading taken each month", func(p *Params) *float64 { return &p.PerceptionLag }),
	num("perception_noise", 0.12, 0, 10, "standard deviation of perception noise on the logit scale", func(p *Params) *float64 { return &p.PerceptionNoise }),
	num("status_quo_revisionism", 0.5, 0, 1, "revisionism of every adversary in the status-quo world of the reference points", func(p *Params) *float64 { return &p.StatusQuoRevisionism }),
	num("p_strong", 0.9, 0, 1, "honour probability of a strong commitment: the chance that an ally comes, bringing its force in full", func(p *Params) *float64 { return &p.PStrong }),
	num("p_weak", 0.6, 0, 1, "honour probability of a weak commitment: the chance that an ally comes, bringing its force in full", func(p *Params) *float64 { return &p.PWeak }),
	num("cost_base", 0.02, 0, maxWeight, "c_0: autonomy cost of any ally", func(p *Params) *float64 { return &p.CostBase }),
	num("cost_entrapment", 0.15, 0, maxWeight, "c_E: cost per unit of an ally's effective revisionism", func(p *Params) *float64 { return &p.CostEntrapment }),
	num("cost_divergence", 0.1, 0, maxWeight, "c_D: cost per unit of threat divergence", func(p *Params) *float64 { return &p.CostDivergence }),
	num("cost_threat", 0.3, 0, maxWeight, "c_T: cost per unit of threat perceived from a partner", func(p *Params) *float64 { return &p.CostThreat }),
	num("assurance_weight", 0.8, 0, 1, "μ: how much client commitments reduce a patron's entrapment", func(p *Params) *float64 { return &p.AssuranceWeight }),
	num("spread_base", 0.5, 0, maxWeight, "v_0: spread rate of a bilateral strong option", func(p *Params) *float64 { return &p.SpreadBase }),
	num("spread_members", 0.5, 0, maxWeight, "v_m: added spread rate per extra partner", func(p *Params) *float64 { return &p.SpreadMembers }),
	num("residual_help", 0.2, 0, 1, "h_res: share of the gain that survives when allies fail", func(p *Params) *float64 { return &p.ResidualHelp }),
	num("arms_cost", 0, 0, maxWeight, "cost of self-help (the none option)", func(p *Params) *float64 { return &p.ArmsCost }),
	whole("diplomacy_interval", 1, 1, MaxTicks, "months between diplomacy rounds (at least one tick)", func(p *Params) *int { return &p.DiplomacyInterval }),
	num("shared_threat", 0.05, 0, 1, "threat from a common adversary two clients must both perceive to court each other", func(p *Params) *float64 { return &p.SharedThreat }),
	whole("retry_interval", 12, 0, MaxTicks, "months before a refused proposal is repeated to the same partners", func(p *Params) *int { return &p.RetryInterval }),
	flag("invite_occupied", false, "a patron's multilateral may include non-sovereign clients, who join on sovereignty", func(p *Params) *bool { return &p.InviteOccupied }),
	num("grievance_fear", 1, 0, maxWeight, "φ: weight of grievance in the fear of an ally in the autonomy cost (1: at par with perceived threat; 0: off)", func(p *Params) *float64 { return &p.GrievanceFear }),
	num("review_threshold", 0.05, 0, 1, "threat change since its last review that makes a state review its alliance policy", func(p *Params) *float64 { return &p.ReviewThreshold }),
	whole("review_interval", 12, 1, MaxTicks, "months after which a state reviews its alliance policy even if nothing changed", func(p *Params) *int { return &p.ReviewInterval }),
	num("challenge_rate", 0.02, 0, 1, "base per-month probability of an adversary challenge", func(p *Params) *float64 { return &p.ChallengeRate }),
	num("challenge_steepness", 8, 0, 100, "κ_c of the challenge logistic", func(p *Params) *float64 { return &p.ChallengeSteepness }),
	num("challenge_threshold", 0.25, 0, 1, "θ_c of the challenge logistic", func(p *Params) *float64 { return &p.ChallengeThreshold }),
	num("occupy_margin", 2, 0, maxWeight, "force margin an occupier needs over defence (2: the 3:1 rule)", func(p *Params) *float64 { return &p.OccupyMargin }),
	whole("occupy_cells", 3, 0, 1_000_000, "cells taken by a successful challenge", func(p *Params) *int { return &p.OccupyCells }),
	num("aggression_memory", 0.3, 0, 1, "intent added to every state's memory of an aggressor", func(p *Params) *float64 { return &p.AggressionMemory }),
	num("provoke_rate", 0.01, 0, 1, "per-month provocation probability per unit revisionism", func(p *Params) *float64 { return &p.ProvokeRate }),
	num("entrapment_cost", 0.1, 0, maxWeight, "stay-value penalty after an ally's provocation", func(p *Params) *float64 { return &p.EntrapmentCost }),
	whole("entrapment_memory", 24, 0, MaxTicks, "months the entrapment penalty lasts", func(p *Params) *int { return &p.EntrapmentMemory }),
	num("control_bilateral", 0.8, 0, 1, "probability a patron restrains a bilateral client", func(p *Params) *float64 { return &p.ControlBilateral }),
	num("control_trilateral", 0.4, 0, 1, "probability a patron restrains a trilateral client", func(p *Params) *float64 { return &p.ControlTrilateral }),
	num("control_multilateral", 0.2, 0, 1, "probability a patron restrains a multilateral client", func(p *Params) *float64 { return &p.ControlMultilateral }),
	num("exit_cost", 0.05, 0, maxWeight, "how much worse staying must be before a member leaves", func(p *Params) *float64 { return &p.ExitCost }),
	whole("record_every", 0, 0, MaxTicks, "ticks between time-series samples (0: none)", func(p *Params) *int { return &p.RecordEvery }),
}

// ParamSpecs returns every parameter, in the order of docs/model.md,
// as a copy: changing it changes nothing the engine reads.
func ParamSpecs() []ParamSpec {
	return slices.Clone(paramSpecs)
}

// DefaultParams returns the parameters of the model.
func DefaultParams() Params {
	var p Params
	for _, s := range paramSpecs {
		s.set(&p, s.Default)
	}
	return p
}

// LookupParam returns the spec of the named parameter.
func LookupParam(name string) (ParamSpec, bool) {
	for _, s := range paramSpecs {
		if s.Name == name {
			return s, true
		}
	}
	return ParamSpec{}, false
}

// ParamNames lists the names of all parameters, in spec order.
func ParamNames() []string {
	names := make([]string, len(paramSpecs))
	for i, s := range paramSpecs {
		names[i] = s.Name
	}
	return names
}
