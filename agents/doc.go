// Package agents is the minds of the states: how they perceive threat, frame
// it against a reference point and value alliance options (MODEL.md §4–§7).
//
// Everything here is a pure function of its arguments — Walt's balance of
// threat (Intent, RawThreat, Perceive, Combine, PatronThreat), framing
// (AdaptReference, InLosses), option terms (HonourProbability, AutonomyCost
// with Cohen's assurance, Spread, Outcomes), valuation (ProspectValue:
// cumulative prospect theory with Tversky–Kahneman 1992 weights,
// rank-dependent for two outcomes; ExpectedUtility), choice (Softmax,
// LeaveProbability), coalition building (GreedyCoalition) and crisis odds —
// so each is tested against hand-computed values, and the engine (package
// sim) owns all mutable state.
//
// Valuation models and patron strategies are interfaces with registries by
// name: RegisterValuation and RegisterStrategy make a user's own
// implementation available to scenario files (decision.valuation,
// decision.strategy). The built-in strategies are He & Feng's "prospect",
// Cohen's "assurance" and Cha's "powerplay".
//
// Sets of states are 64-bit masks (Set), which keeps the hot loops free of
// allocation.
package agents
