// Package report draws the results of alliancesim as pictures: Write reads
// an output directory and writes report.html there, one self-contained
// page — every figure inline SVG drawn with gonum.org/v1/plot, the page
// laid out by html/template, nothing fetched from elsewhere and no
// script — so that a researcher can look rather than read, and the page
// can be mailed or archived with the files it was drawn from.
//
// What it draws depends on the directory (Read tells them apart):
//
//   - many runs (run --runs N --out DIR): provenance (version, revision,
//     scenario hash, command); the share of runs in which each design
//     formed with its Wilson interval; Kaplan–Meier survival by kind, by
//     origin and by convergence (cohesion at formation below and at or
//     above its median) with the log–log 95% band; the time to the first patron
//     commitment; the hub-and-spokes index over time; each state's threat
//     with the 5–95% band across runs, and the shares of runs in the
//     domain of losses and allied, over the runs in which it exists, and
//     that share where it is eliminated in some (from series.csv, when the scenario
//     sets record_every); the most frequent alliance shapes; and the
//     theatre after the first tick and at the end of the median run;
//   - one run (run --seed S --out DIR): its alliances as a Gantt chart, one
//     bar per membership, beside its event list; its series and maps;
//   - a sweep: for each varied parameter, small multiples of every share
//     against the parameter's values, pooled over the other parameters;
//     for a Morris or Sobol design, each share's sensitivity indices with
//     their bootstrap intervals (S1 and ST; μ* and the Morris plane),
//     computed from manifest.json and summary.json as alliancesim
//     sensitivity computes them (runner.SensitivityOf at the default
//     resamples); then the pooled shares, survival and shapes;
//   - hypotheses --out DIR: the table of verdicts and, per hypothesis, the
//     pooled outcome at each level with its interval and each layout's,
//     under the provenance of provenance.json (the build, the command,
//     seeds, run counts, and every --set, which a note then names).
//
// Every figure is a function of the directory's files (summary.json,
// survival.csv, runs.csv, memberships.csv, series.csv, events.jsonl,
// hypotheses.json), each named in its caption; the maps replay a run
// from scenario.toml, after checking that it is, in canonical form, the
// scenario that ran. The median run is the medoid of the runs under the
// Hamming distance between their design indicators (runs.csv): the run
// whose summed distance to all the others is least.
//
// Theatre draws a theatre — terrain, owners, occupied cells hatched, and
// each alliance in force outlined in its colour around its members'
// territory — to SVG for the report and to PNG for alliancesim map --png.
//
// Determinism. The page holds no time stamps and draws no random numbers
// but the sensitivity bootstrap's, seeded with the sweep's seed, and
// gonum/plot's SVG backend writes neither, so the same directory gives
// the same bytes.
package report
