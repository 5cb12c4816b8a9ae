// Package configs reads scenario files and the built-in scenarios.
//
// A scenario is a TOML file (docs/model.md §6.1, README "Scenario files"). It is
// decoded with github.com/BurntSushi/toml into raw types whose every value
// records whether it was set and where; unknown keys are found with
// MetaData.Undecoded. Nothing is defaulted or checked during decoding, so a
// file's problems are all found in one pass and reported together, sorted by
// line, each naming file, line, key, what is wrong and what is allowed:
//
//	asia.toml:14: states[3].role: "ally" is not a role; allowed: patron, client, adversary
//
// Array-of-table elements are counted from 0 in the order written. At most
// MaxErrors are listed, then a count of the rest.
//
// Files are read only if regular and at most MaxFileSize (ReadFile), and
// scanned before decoding for nesting, keys and tables past MaxNesting,
// MaxEntries and MaxTables, so that no file can make the decoder crash or
// use memory out of proportion (docs/limits.md). The TOML
// library does not expose where keys were written, so a small scanner of the
// source text (lines.go) maps every key path to its line.
//
// # Extending a scenario
//
// extends = "NAME|PATH" takes a built-in scenario or another file (relative
// to the extending file) as the base, itself possibly extending another. The
// extending file is laid over its base:
//
//   - any value it sets in [scenario], [params], [decision] and
//     [theater.generate] replaces the base's;
//   - a map replaces the base's theatre (map, rough overlay or generator);
//     a rough overlay alone replaces the base's overlay;
//   - a [[states]] table whose id the base has patches that state: the keys
//     it sets replace the base's, keys of stakes, grievance and decision are
//     replaced one by one; a new id adds a state; a state it makes an
//     adversary leaves behind the decision settings and the sovereignty
//     events the base gave it (an overlay that makes it a client again
//     does not bring them back);
//   - an [[events]] table whose id names an event of the base replaces that
//     event wholesale, in its place (keys it leaves out take their defaults,
//     not the base event's); an event with a new id, or none, is appended;
//   - drop_events = ["id", ...] removes the base's events with those ids;
//   - drop_states = ["id", ...] removes the base's states with those ids,
//     the stakes and grievance entries of other states that name them, and
//     their cells on a drawn map, which become unowned land ('.'; a rough
//     overlay is kept, so rough cells stay rough).
//
// The drops apply to the base before the file's own tables. Each is an
// error, naming what the base has, when it names no state or event of the
// base, when it is listed twice, and in a file without extends. An event
// of the base that still names a dropped state is an error: drop that event
// too (or replace it). Dropping and patching the same state, or dropping
// and replacing the same event, is an error.
//
// Event ids ([[events]] id = "korean-war-invasion": lowercase letters,
// digits, - and _, starting with a letter) are optional and unique within
// the resolved scenario; every event of the built-in scenarios has one.
//
// Counterfactuals are written this way: a few lines over a built-in.
//
// Checks that need the whole scenario — unknown state ids, duplicated glyphs,
// a ragged map, events outside the horizon — run on the merged result, and
// each error still names the file and line that wrote the offending value.
//
// # Canonical form
//
// Format writes a resolved scenario back as one TOML file, with nothing
// extended and no default left out, that Parse reads into the same
// scenario; `alliancesim show` prints it. It is deterministic, so it also
// serves as the scenario's identity by content.
//
// # Experiment files
//
// An experiment (sweep) file names a scenario and varies dotted paths into
// it on a grid, a Latin hypercube, a Morris or a Sobol design (drawn by
// package sensitivity, ranges on uniform, normal, triangular or log-uniform
// distributions), or takes its points from a CSV file written elsewhere;
// see Experiment for the keys and for how each path types its values.
// Every point is laid over the scenario as an extending file would be, and
// checked like one; so are the assignments of --set (SetBase).
// Experiment.Canonical describes an experiment by content, without its
// file's path.
package configs
