// Package targets holds the statistical targets of HISTORY.md: for each
// historical scenario, per-run predicates over a replication's record and
// the share of runs that must meet each.
//
// A target checks the mechanism, not only the outcome. E3 counts the
// patron's join only of the client alliance the Brussels powers formed
// before it committed; A3 counts a rejection only where an invitee refused
// for fear of a fellow invitee; A6 counts SEATO's weak imposed
// multilateral only where the patron proposed it weak in the domain of
// gains or after its strong multilateral had been refused; A7 counts a
// dissolution only by members leaving, never the horizon. Each predicate
// is tested on hand-built records, in the test file beside its scenario's
// predicates (europe_test.go, asia_test.go).
//
// Evaluate gives each target's share with its 95% Wilson interval over the
// runs it counts (all runs, or those where its condition held), leaving
// out, with a note, the runs that do not reach the last month the target
// reads (Target.Until). HISTORY.md
// fixes the seeds: calibrate on 1–500, hold out 1001–1500; a target is met
// only if it holds on both.
package targets
