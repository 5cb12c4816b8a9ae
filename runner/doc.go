// Package runner plays many worlds: Monte Carlo replications of a scenario,
// parameter sweeps, their aggregation, survival analysis and the files they
// write.
//
// Determinism. Replication r under base seed b plays seed
// ReplicationSeed(b, r) = b + r at every point of a sweep, and nothing else
// (docs/model.md §3.3). Workers compute replications in any order; results
// are folded into the aggregates strictly in (point, replication) order, so
// every output is byte-identical whatever the number of workers or shards.
//
// Memory is bounded by the workers, whatever the number of runs, chunks
// and points. Only a run's Record (its alliances and proposals, a few
// kilobytes; tens in europe-1947, with its two hundred proposals a run)
// outlives the run, and only until it is folded in or
// written; event logs are streamed to disk chunk by chunk. Jobs are handed
// out as workers become free, never listed; chunks are computed from their
// number; a sweep's point is compiled when its first replication is due;
// aggregates count by tick rather than keep a value per run; assembly
// reads one chunk at a time. Workers are capped at WorkersPerCore per core,
// and a panic in a replication is returned as an error naming it and its
// seed.
//
// Plans. The work of Execute and Sweep is a Plan: points, each a compiled
// scenario (or a function that compiles it) with the canonical text that
// identifies it, and the replications of each. runner reads no scenario
// or experiment files: package plans makes the plan of a scenario, of
// an experiment file read by package configs, or of a sweep of a
// scenario built in code.
//
// In memory or on disk. Sweep runs a plan's points and returns their
// summaries as Go values (SweepResult); Execute writes the same numbers to
// an output directory. Both, and MonteCarlo, play replications through
// one function and fold them with one aggregation. The time series of a
// scenario that sets params.record_every is series.csv on disk and, with
// Options.Series, Summary.Series in memory: the same numbers to the last
// bit (a sweep's at its plan's chunk size, MonteCarlo's at Execute's
// default); each run's own samples are its sim.Result's Series, which a
// custom measure (below) receives.
//
// Custom measures. Options.Measures (and ExecOptions.Measures) are named
// numbers computed from each finished replication — its result, its final
// world and the observers Options.Observe made for it — that become
// columns of runs.csv, means with 95% intervals in summary.json and
// points.csv, and names in the manifest, so that a directory is resumed
// and merged only with the same measures.
//
// Sensitivity. A sweep with a morris or sobol design (configs) is analysed
// by Analyze, SweepResult.Sensitivity or SensitivityOf(dir): elementary
// effects or Sobol' indices of each output (a share, or a custom
// measure's mean) over the varied paths, with bootstrap intervals
// (package sensitivity), written as sensitivity.csv.
//
// Output directories. Execute cuts the work into chunks of ChunkSize
// replications of one point. Each finished chunk is written to
// parts/<chunk>/ (runs.jsonl, events.jsonl — each event's record with its
// sentence from package timeline — and series.json when the point
// records a time series) through a temporary directory
// and a rename, so a part exists only when complete. A shard (--shard i/n)
// runs the chunks k with k mod n = i − 1 (i counted from 1, as the flag
// counts it; Shard.Index from 0); a resumed run skips the chunks already
// there. Assemble reads the parts of one or more directories and writes the
// final files — runs.csv, alliances.csv, memberships.csv, events.jsonl,
// survival.csv, series.csv, points.csv (sweeps) and, last, summary.json —
// each atomically; merging
// shards is the same assembly as finishing a single run, hence the same
// bytes.
// A directory is written by one process at a time (a lock file names it),
// and what a killed process left is cleaned up by the next. Everything
// read back — manifest.json, done.json, every record — is checked like any
// input (docs/limits.md).
//
// Time series. A point with record_every > 0 keeps, per chunk, fixed-width
// histograms and sums of whether each state is alive and of its threat,
// reference point, domain and alliance memberships at every sampled tick
// (those over the runs in which it is alive), never the
// runs' samples: memory and part size grow with ticks and states, not with
// runs. Assemble folds the chunks of a point in chunk order and writes the
// mean and 5/50/95% quantiles to series.csv.
//
// Survival. Alliance lifetimes are right-censored at the horizon; the
// Kaplan–Meier estimator gives the survival curve with Greenwood standard
// errors and a log–log 95% band, and the median with the band's inversion as
// its interval. The groups are all alliances, each kind at formation, each
// origin, and the two halves by convergence: cohesion at formation below,
// or at and above, its median (cohesion=low, cohesion=high).
package runner
