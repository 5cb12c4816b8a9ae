// Package alliancesim is an engine for agent-based simulation of military
// alliance formation: patrons, clients and adversaries on a land and sea
// theatre perceive threat, frame it as gains or losses against a reference
// point, and negotiate bilateral or multilateral alliances, month by month,
// over thousands of replications.
//
// The root package holds only this map and the benchmarks; the engine lives
// in the packages below, whose imports point one way:
//
//	theater  the grid: terrain, ownership, distances, force projection,
//	         defence and the credible occupation threat (MODEL.md §3)
//	agents   the states' minds: threat perception, reference points,
//	         option valuation (prospect theory, expected utility), choice,
//	         patron strategies, coalition building, crisis odds (§4–§7);
//	         pure functions and registries, no mutable world state
//	sim      one world: Compile turns a Scenario into an immutable
//	         *Compiled; NewWorld, Step and Run play one replication and
//	         record alliances, events and time series in a Result (§6–§9)
//	sensitivity  global sensitivity analysis, with no model in it: Morris
//	         and Saltelli designs, elementary effects, Sobol indices,
//	         bootstrap intervals, distributions by their quantiles
//	configs  scenario files: TOML decoding with file:line:key errors,
//	         extends, the built-in scenarios embedded in the binary, and
//	         experiment files (grid, lhs, morris, sobol, points designs)
//	runner   many worlds: Monte Carlo, sweeps (on disk or in memory),
//	         aggregation, survival, custom measures, sensitivity of sweeps
//	cmd/alliancesim  the command-line tool
//
// Data flows one way too: a TOML file (or a built-in name) is read by
// configs into a sim.Scenario; sim.Compile builds the theatre geometry once
// into a *sim.Compiled that every replication shares read-only; each
// replication is a *sim.World seeded by its own PCG generator, which asks
// agents how each state sees and values its options and keeps all mutable
// state of the run; its Result (or the World itself) feeds the aggregates.
//
// A run is a pure function of the compiled scenario and the seed: no global
// random source, no map iteration reaching a decision.
package alliancesim
