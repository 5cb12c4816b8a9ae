// Package configs reads scenario files and the built-in scenarios.
//
// A scenario is a TOML file (MODEL.md §8, README "Scenario files"). It is
// decoded with github.com/BurntSushi/toml into raw types whose every value
// records whether it was set and where; unknown keys are found with
// MetaData.Undecoded. Nothing is defaulted or checked during decoding, so a
// file's problems are all found in one pass and reported together, sorted by
// line, each naming file, line, key, what is wrong and what is allowed:
//
//	asia.toml:14: states[3].role: "ally" is not a role; allowed: patron, client, adversary
//
// Array-of-table elements are counted from 0 in the order written. The TOML
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
//     replaced one by one; a new id adds a state;
//   - [[events]] are appended to the base's.
//
// Counterfactuals are written this way: a few lines over a built-in.
//
// Checks that need the whole scenario — unknown state ids, duplicated glyphs,
// a ragged map, events outside the horizon — run on the merged result, and
// each error still names the file and line that wrote the offending value.
package configs
