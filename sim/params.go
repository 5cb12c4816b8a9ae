package sim

import (
	"fmt"
	"math"
	"strconv"

	"github.com/alliancesim/alliancesim/agents"
)

// Params holds every numeric constant of MODEL.md §3–§7 as a typed field.
// A scenario's [params] table sets them by the names in ParamSpecs; the
// defaults are those of the model specification.
type Params struct {
	// §3 theatre
	RoughCost       float64 // cost of entering a rough cell
	SeaCost         float64 // cost of entering a sea cell
	ProjectionRange float64 // decay length of projected force, cells
	Sealift         float64 // share of naval power that carries land force over water
	RoughBonus      float64 // defence bonus per unit rough share
	// Deterrence is extended deterrence (MODEL.md §1: "an alliance deters
	// by raising the adversary's expected cost"; seed 004): a hostile
	// state's intent as i reads it is scaled by 1 − deterrence·D_ij, where
	// D_ij = 1 − Π_a (1 − k_a·h_a·E_a/(E_a + E_j)) over i's patron allies
	// a, E the economies — the chance that a patron's pledge, backed by its
	// power against j's, makes j think again. It works where the occupation
	// threat is saturated and added defence changes nothing (a small client
	// next to a great power). 0 (the default) is MODEL.md §4 exactly.
	Deterrence          float64
	CommitmentWeak      float64 // k of a weak alliance
	CommitmentStrong    float64 // k of a strong alliance
	OccupationSteepness float64 // κ of the occupation logistic

	// §4 perception
	IdeologyWeight  float64 // ψ
	MemoryDecay     float64 // per-tick decay of shown aggression
	WeightPower     float64 // w_P
	WeightProximity float64 // w_G
	WeightOffence   float64 // w_O
	PerceptionLag   float64 // λ_p
	PerceptionNoise float64 // standard deviation of perception noise

	// §5 valuation of options
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

	// §6 diplomacy
	DiplomacyInterval float64 // ticks between diplomacy rounds
	// SharedThreat is the threat from a common adversary that two clients
	// must both perceive before one courts the other (an engine choice:
	// MODEL.md §6 says "clients that share its adversary threat").
	SharedThreat float64
	// RetryInterval is how many ticks a refused proposal is not repeated
	// to the same partners (an engine choice, so that a refusal is an
	// event and not a monthly ritual).
	RetryInterval float64
	// InviteOccupied (0 or 1): a patron may include in a multilateral
	// proposal non-sovereign clients it holds stakes in, as Dulles's Pacific
	// Pact included occupied Japan; they do not answer, and join the
	// alliance when they become sovereign. 0 (the default) keeps them out
	// of every proposal until then.
	InviteOccupied float64
	// GrievanceFear (φ) adds φ·grievance_ij to the fear a state has of an
	// ally in the autonomy cost (c_T·Σ(T̂_ij + φ·g_ij)): fear of a former
	// enemy's revival, which a threat reading built on present capability
	// cannot carry (Australia and New Zealand about a disarmed Japan, He &
	// Feng). 0 (the default) is MODEL.md §5 exactly.
	GrievanceFear float64
	// Reconsider is how far a state's threat must move, while no alliance
	// and no territory changed, before it searches for partners or values
	// its alliances again (an engine choice: states do not re-open their
	// alliance policy every month when nothing has happened). The default,
	// 0.05, is above the month-to-month wander that perception noise alone
	// gives a total threat (a standard deviation of 0.02-0.03 in the quiet
	// 1960s of asia-1950 at the default noise), so states
	// answer events, not noise; it also keeps ticks cheap.
	Reconsider float64

	// §7 crises, occupation, cohesion, exit
	ChallengeRate       float64
	ChallengeSteepness  float64 // κ_c
	ChallengeThreshold  float64 // θ_c
	OccupyMargin        float64
	OccupyCells         float64
	AggressionMemory    float64
	ProvokeRate         float64
	EntrapmentCost      float64
	EntrapmentMemory    float64 // ticks
	ControlBilateral    float64
	ControlTrilateral   float64
	ControlMultilateral float64
	ExitCost            float64

	// §9 recording
	RecordEvery float64 // ticks between time-series samples; 0 records none
}

// ParamSpec describes one entry of the [params] table: its file name, its
// default, the closed range of allowed values and whether it must be whole.
type ParamSpec struct {
	Name     string
	Default  float64
	Min, Max float64
	Integer  bool
	Doc      string
	field    func(*Params) *float64
}

// Field returns a pointer to the parameter's value in p.
func (s ParamSpec) Field(p *Params) *float64 { return s.field(p) }

// Check reports whether v is allowed, and if not, what is.
func (s ParamSpec) Check(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%v is not a finite number; allowed: %s", v, s.Allowed())
	}
	if v < s.Min || v > s.Max {
		return fmt.Errorf("%v is out of range; allowed: %s", v, s.Allowed())
	}
	if s.Integer && v != math.Trunc(v) {
		return fmt.Errorf("%v is not a whole number; allowed: %s", v, s.Allowed())
	}
	return nil
}

// Allowed describes the allowed values in words.
func (s ParamSpec) Allowed() string {
	kind := "a number"
	if s.Integer {
		kind = "a whole number"
	}
	switch {
	case math.IsInf(s.Max, 1):
		return fmt.Sprintf("%s ≥ %s", kind, plain(s.Min))
	default:
		return fmt.Sprintf("%s in [%s, %s]", kind, plain(s.Min), plain(s.Max))
	}
}

// plain writes a bound without an exponent: 1000000, not 1e+06.
func plain(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// MaxScale is the largest value of a weight, cost, scale or stake that
// has no natural maximum (agents.MaxScale). Bounded so, every quantity of
// the model stays finite in float64, with room to spare: the threat is a
// weighted mean (weights ≤ 3·10^6 in all); defence is at most
// land·(1 + rough_bonus) + 64 allies' help ≈ 1.1·10^9, and its κ-th power,
// κ ≤ 20, about 10^181; path costs are at most 10^6 per cell over 10^6
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

// ParamSpecs lists every parameter in the order of MODEL.md.
var ParamSpecs = []ParamSpec{
	{"rough_cost", 2, 0, MaxScale, false, "cost of entering a rough cell (land costs 1)", func(p *Params) *float64 { return &p.RoughCost }},
	{"sea_cost", 3, 0, MaxScale, false, "cost of entering a sea cell", func(p *Params) *float64 { return &p.SeaCost }},
	{"projection_range", 20, 1e-9, MaxScale, false, "decay length of projected force, in cells", func(p *Params) *float64 { return &p.ProjectionRange }},
	{"sealift", 0.5, 0, MaxScale, false, "land force carried over water per unit of naval power", func(p *Params) *float64 { return &p.Sealift }},
	{"rough_bonus", 1, 0, 1000, false, "defence bonus of an all-rough territory", func(p *Params) *float64 { return &p.RoughBonus }},
	{"deterrence", 0, 0, 1, false, "extended deterrence: how much allies' pledges, by economic weight, discount a hostile intent (0: off)", func(p *Params) *float64 { return &p.Deterrence }},
	{"commitment_weak", 0.35, 0, 1, false, "k of a weak commitment", func(p *Params) *float64 { return &p.CommitmentWeak }},
	{"commitment_strong", 1, 0, 1, false, "k of a strong commitment", func(p *Params) *float64 { return &p.CommitmentStrong }},
	{"occupation_steepness", 2, 0, 20, false, "κ of the occupation-threat logistic", func(p *Params) *float64 { return &p.OccupationSteepness }},
	{"ideology_weight", 0.3, 0, MaxScale, false, "ψ: weight of ideological distance in intent", func(p *Params) *float64 { return &p.IdeologyWeight }},
	{"memory_decay", 0.02, 0, 1, false, "per-tick decay of remembered aggression", func(p *Params) *float64 { return &p.MemoryDecay }},
	{"weight_power", 1, 0, MaxScale, false, "w_P: weight of aggregate power in threat", func(p *Params) *float64 { return &p.WeightPower }},
	{"weight_proximity", 1, 0, MaxScale, false, "w_G: weight of proximity in threat", func(p *Params) *float64 { return &p.WeightProximity }},
	{"weight_offence", 2, 0, MaxScale, false, "w_O: weight of offensive capability in threat", func(p *Params) *float64 { return &p.WeightOffence }},
	{"perception_lag", 0.2, 0, 1, false, "λ_p: share of the new reading taken each tick", func(p *Params) *float64 { return &p.PerceptionLag }},
	{"perception_noise", 0.03, 0, MaxScale, false, "standard deviation of perception noise", func(p *Params) *float64 { return &p.PerceptionNoise }},
	{"p_strong", 0.9, 0, 1, false, "honour probability of a strong commitment", func(p *Params) *float64 { return &p.PStrong }},
	{"p_weak", 0.6, 0, 1, false, "honour probability of a weak commitment", func(p *Params) *float64 { return &p.PWeak }},
	{"cost_base", 0.02, 0, MaxScale, false, "c_0: autonomy cost of any ally", func(p *Params) *float64 { return &p.CostBase }},
	{"cost_entrapment", 0.15, 0, MaxScale, false, "c_E: cost per unit of an ally's effective revisionism", func(p *Params) *float64 { return &p.CostEntrapment }},
	{"cost_divergence", 0.1, 0, MaxScale, false, "c_D: cost per unit of threat divergence", func(p *Params) *float64 { return &p.CostDivergence }},
	{"cost_threat", 0.3, 0, MaxScale, false, "c_T: cost per unit of threat perceived from a partner", func(p *Params) *float64 { return &p.CostThreat }},
	{"assurance_weight", 0.8, 0, 1, false, "μ: how much client commitments reduce a patron's entrapment", func(p *Params) *float64 { return &p.AssuranceWeight }},
	{"spread_base", 0.5, 0, MaxScale, false, "v_0: spread of a bilateral strong option", func(p *Params) *float64 { return &p.SpreadBase }},
	{"spread_members", 0.5, 0, MaxScale, false, "v_m: added spread per extra partner", func(p *Params) *float64 { return &p.SpreadMembers }},
	{"residual_help", 0.2, 0, 1, false, "h_res: share of the gain that survives when allies fail", func(p *Params) *float64 { return &p.ResidualHelp }},
	{"arms_cost", 0, 0, MaxScale, false, "cost of self-help (the none option)", func(p *Params) *float64 { return &p.ArmsCost }},
	{"diplomacy_interval", 1, 1, 1e6, true, "ticks between diplomacy rounds", func(p *Params) *float64 { return &p.DiplomacyInterval }},
	{"shared_threat", 0.05, 0, 1, false, "threat from a common adversary two clients must both perceive to court each other", func(p *Params) *float64 { return &p.SharedThreat }},
	{"retry_interval", 12, 0, 1e6, true, "ticks before a refused proposal is repeated to the same partners", func(p *Params) *float64 { return &p.RetryInterval }},
	{"invite_occupied", 0, 0, 1, true, "1: a patron's multilateral may include non-sovereign clients, who join on sovereignty", func(p *Params) *float64 { return &p.InviteOccupied }},
	{"grievance_fear", 0, 0, MaxScale, false, "φ: grievance added to the fear of an ally in the autonomy cost (0: off)", func(p *Params) *float64 { return &p.GrievanceFear }},
	{"reconsider", 0.05, 0, 1, false, "threat change that makes a state reconsider its alliances", func(p *Params) *float64 { return &p.Reconsider }},
	{"challenge_rate", 0.02, 0, 1, false, "base per-tick probability of an adversary challenge", func(p *Params) *float64 { return &p.ChallengeRate }},
	{"challenge_steepness", 8, 0, MaxScale, false, "κ_c of the challenge logistic", func(p *Params) *float64 { return &p.ChallengeSteepness }},
	{"challenge_threshold", 0.25, 0, MaxScale, false, "θ_c of the challenge logistic", func(p *Params) *float64 { return &p.ChallengeThreshold }},
	{"occupy_margin", 0.2, 0, MaxScale, false, "force margin an occupier needs over defence", func(p *Params) *float64 { return &p.OccupyMargin }},
	{"occupy_cells", 3, 0, 1e6, true, "cells taken by a successful challenge", func(p *Params) *float64 { return &p.OccupyCells }},
	{"aggression_memory", 0.3, 0, 1, false, "intent added to every state's memory of an aggressor", func(p *Params) *float64 { return &p.AggressionMemory }},
	{"provoke_rate", 0.01, 0, 1, false, "per-tick provocation probability per unit revisionism", func(p *Params) *float64 { return &p.ProvokeRate }},
	{"entrapment_cost", 0.1, 0, MaxScale, false, "stay-value penalty after an ally's provocation", func(p *Params) *float64 { return &p.EntrapmentCost }},
	{"entrapment_memory", 24, 0, 1e6, true, "ticks the entrapment penalty lasts", func(p *Params) *float64 { return &p.EntrapmentMemory }},
	{"control_bilateral", 0.8, 0, 1, false, "probability a patron restrains a bilateral client", func(p *Params) *float64 { return &p.ControlBilateral }},
	{"control_trilateral", 0.4, 0, 1, false, "probability a patron restrains a trilateral client", func(p *Params) *float64 { return &p.ControlTrilateral }},
	{"control_multilateral", 0.2, 0, 1, false, "probability a patron restrains a multilateral client", func(p *Params) *float64 { return &p.ControlMultilateral }},
	{"exit_cost", 0.05, 0, MaxScale, false, "how much worse staying must be before a member leaves", func(p *Params) *float64 { return &p.ExitCost }},
	{"record_every", 0, 0, 1e6, true, "ticks between time-series samples (0: none)", func(p *Params) *float64 { return &p.RecordEvery }},
}

// DefaultParams returns the parameters of MODEL.md.
func DefaultParams() Params {
	var p Params
	for _, s := range ParamSpecs {
		*s.field(&p) = s.Default
	}
	return p
}

// LookupParam returns the spec of the named parameter.
func LookupParam(name string) (ParamSpec, bool) {
	for _, s := range ParamSpecs {
		if s.Name == name {
			return s, true
		}
	}
	return ParamSpec{}, false
}

// ParamNames lists the names of all parameters, in spec order.
func ParamNames() []string {
	names := make([]string, len(ParamSpecs))
	for i, s := range ParamSpecs {
		names[i] = s.Name
	}
	return names
}
