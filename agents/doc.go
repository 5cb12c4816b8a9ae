// Package agents is the minds of the states: how they perceive threat, frame
// it against a reference point and value and choose alliance options
// (docs/model.md §7.1–§7.11).
//
// Everything here is a pure function of its arguments — Walt's balance of
// threat (Intent and FriendlyIntent, combined like independent hazards;
// ShockedRevisionism, scripted shocks on the logit scale; RawThreat;
// NoisyReading, unbiased noise on the logit scale; Perceive, Combine;
// ClientThreats and PatronThreat, a patron's fear for its clients, a
// stake-weighted quadratic mean), the credible occupation threat (Denial, Credibility,
// PunishmentKeep, Occupation), framing (AdaptReference, InLosses), option
// terms (HonourProbability; AutonomyCost with RelativeWeight, Cohen's
// assurance and Cha's control; Spread, bounded below 1; Divergence and
// Cohesion, scale-free; Outcomes, SelfHelp), valuation (ProspectValue:
// cumulative prospect theory with Tversky–Kahneman 1992 weights,
// rank-dependent for two outcomes; ExpectedUtility), choice (Softmax with
// a temperature relative to the spread of the values compared;
// LeaveProbability), coalition building (GreedyCoalition) and crisis odds
// (ChallengeProbability, ProvokeProbability, Occupies) — so each is tested
// against hand-computed values, and the engine (package sim) owns all
// mutable state.
//
// Valuation models and patron strategies are interfaces with registries by
// name: RegisterValuation and RegisterStrategy make a user's own
// implementation available to scenario files (decision.valuation,
// decision.strategy). The built-in strategies are He & Feng's "prospect",
// Cohen's "assurance" and Cha's "powerplay".
//
// Sets of states are 64-bit masks (Set), which keeps the hot loops free of
// allocation.
//
// The ratios with a guard for a zero sum (Divergence, RelativeWeight,
// Denial, Credibility, PunishmentKeep, and so Cohesion) give NaN for a NaN
// argument rather than read it as that boundary case, and Clamp01 passes
// NaN through, so that the engine's check for non-finite values stops the
// run instead of carrying a silent 0 or 1. (Softmax never picks a NaN
// value, and GreedyCoalition reads one as a set not admitted: there NaN
// has a meaning.)
package agents
