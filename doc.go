// Package alliancesim is an engine for agent-based simulation of military
// alliance formation: patrons, clients and adversaries on a land and sea
// theatre perceive threat, frame it as gains or losses against a reference
// point, and negotiate bilateral or multilateral alliances, month by month,
// over thousands of replications.
//
// The root package holds only this map, the benchmarks, the test that
// checks every hypothesis verdict (theory_test.go), the README's checks
// (readme_test.go) and the test that the exported tables are copies
// (tables_test.go); the engine lives
// in the packages below, whose imports point one way (each imports only
// packages above it):
//
//	internal/words  counts and seed ranges in words ("1 run", "seeds
//	         1–500"), as every package that prints them writes them
//	internal/input  bounded reading of input files, for configs, runner,
//	         report and the command-line tool
//	internal/digest the SHA-256 in hex that manifests and summaries
//	         record, for configs, plans, runner and report
//	internal/mdtable a Markdown table read by its header row, for the
//	         tests that hold docs/model.md §2.5 and §2.6 to the code
//	theater  the grid: terrain, ownership, distances, force projection
//	         and defence, the sides of the denial ratio (docs/model.md §7.1)
//	agents   the states' minds: threat perception, reference points,
//	         option valuation (prospect theory, expected utility), choice,
//	         patron strategies, coalition building, crisis odds (§7.1–§7.11);
//	         pure functions and registries, no mutable world state
//	sim      one world: Compile turns a Scenario into an immutable
//	         *Compiled; NewWorld, Step and Run play one replication and
//	         record alliances, events and time series in a Result (§3, §7)
//	timeline a run's events (sim.EventRecord) as the sentences of its
//	         timeline, for the tool, events.jsonl and the report
//	sensitivity  global sensitivity analysis, with no model in it: Morris
//	         and Saltelli designs, elementary effects, Sobol indices,
//	         bootstrap intervals, distributions by their quantiles
//	configs  scenario files: TOML decoding with file:line:key errors,
//	         extends, the built-in scenarios embedded in the binary, and
//	         experiment files (grid, lhs, morris, sobol, points designs)
//	runner   many worlds: Monte Carlo, sweeps (on disk or in memory),
//	         aggregation, survival, custom measures, sensitivity of sweeps;
//	         it reads no scenario or experiment files (not configs)
//	plans    runner's plans made from what configs reads: a scenario's
//	         Monte Carlo run, an experiment's sweep, each identified by
//	         its canonical TOML
//	targets  the statistical targets of HISTORY.md: predicates over a
//	         run's record that check the mechanism, not only the outcome
//	hypotheses  THEORY.md's comparative statics as sweeps over generated
//	         worlds, with Spearman's ρ, intervals and verdicts
//	calibration  the historical scenarios' free inputs scanned on the
//	         calibration seeds and checked on held-out ones
//	         (docs/calibration.md)
//	report   pictures: the HTML report of an output directory, maps
//	cmd/alliancesim  the command-line tool
//
// Data flows one way too: a TOML file (or a built-in name) is read by
// configs into a sim.Scenario; sim.Compile builds the theatre geometry once
// into a *sim.Compiled that every replication shares read-only; each
// replication is a *sim.World seeded by its own PCG generator, which asks
// agents how each state sees and values its options and keeps all mutable
// state of the run; its Record (sim.Record, the one record type of a run,
// inside the fuller Result) feeds the aggregates.
// For many runs written to a directory or a sweep, package plans turns the
// scenario or the experiment file into a runner.Plan.
//
// A run is a pure function of the compiled scenario and the seed: no global
// random source, no map iteration reaching a decision.
package alliancesim
