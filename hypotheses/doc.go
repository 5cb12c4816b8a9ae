// Package hypotheses tests the model's mechanisms the way THEORY.md asks:
// as comparative statics in worlds the model was never calibrated on.
//
// A Hypothesis moves one lever over at least two levels, holding the rest
// of a world fixed, and predicts how an outcome responds: it rises or falls
// by at least a minimum change, or (a rate) it reaches a threshold. Worlds
// are the generic scenario on several generated layouts
// (theater.generate.seed = 1 … K), or a historical scenario with a
// counterfactual overlay. Outcomes are functions of runs' records —
// alliances with their founders, origin, commitment, sizes and memberships,
// and proposals with their answers — never of membership snapshots.
// Registry holds the set of THEORY.md in one readable file; a user adds
// their own by appending to it in Go.
//
// Run runs every distinct world and level once, every cell with the same
// seeds (common random numbers), pools the layouts, and gives each
// hypothesis a verdict:
//
//   - a comparative static holds when Spearman's ρ between level rank and
//     pooled outcome has the predicted sign with |ρ| ≥ 0.8, the change from
//     the lowest to the highest level is at least the minimum with its 95%
//     interval on the predicted side of zero, and at least 80% of the
//     layouts (four of five) move the predicted way on their own; it is
//     inconclusive when a level has no estimate, or when the interval of
//     the change includes zero and still reaches the minimum the
//     predicted way (at the most runs allowed: see "Enough runs"), and
//     fails otherwise — a change whose whole interval is short of the
//     minimum fails, since no number of runs could make it hold;
//   - a rate holds when its pooled estimate meets the threshold, fails when
//     its whole interval misses it, and is inconclusive otherwise; an
//     upper bound (no churn, asked of every scenario) must also hold in
//     each layout, and fails where a layout's whole interval misses it.
//
// Intervals: Wilson's score interval for shares, Newcombe's hybrid score
// interval for a difference of shares, Student's t intervals for means
// (the Wilson interval of the mean as a share where every run gave the
// same value: no spread observed is not a certainty). For
// Kaplan–Meier survival, the Wilson interval at the effective sample size
// (Dorey and Korn 1987; n* = S(1−S)/SE² with Greenwood's SE, or the
// alliances at risk where none has ended), and for a difference of two
// survivals or means the same construction from their intervals as
// Newcombe's (Zou and Donner 2008): a level where nothing has ended is not
// a certainty. An end by occupation counts as an end. The intervals of
// differences assume the levels independent; common random numbers leave
// them about uncorrelated in practice (runs diverge once a decision
// differs), and pooling five layouts of different base rates as one
// sample makes the intervals conservative. They describe the simulation
// error on these layouts, not the variation between layouts, which the
// verdict's count of layouts moving the predicted way addresses. Outcomes
// counted over alliances (churn, Kaplan–Meier survival) treat the
// alliances of one run as independent, which they are not (one run's
// alliances share its history), so their intervals are somewhat narrower
// than a run-clustered interval would be.
//
// # Power at the default run counts
//
// DefaultRuns = 100 replications per world and level over DefaultLayouts =
// 5 layouts give 500 runs per level pooled. For a share near 0.5 (the
// largest variance) the standard error of a difference of two levels is
// √(2 · 0.25 / 500) = 0.032, so its 95% interval is ±0.062: a true change
// of the minimum size 0.15 excludes zero with probability
// Φ(0.15/0.032 − 1.96) = Φ(2.78) ≈ 0.997. Each layout alone (100 runs per
// level, standard error 0.071) moves the predicted way with probability
// Φ(0.15/0.071) ≈ 0.98, so four of five layouts do with probability ≈ 0.997.
// The point estimate must also reach the minimum, which a true change of
// exactly the minimum does only half the time; a true change of 0.25 does
// with probability Φ(0.10/0.032) ≈ 0.999. Conditional outcomes (runs in
// which the patron commits, runs with a proposal) count fewer runs and
// have proportionally wider intervals: their n is printed beside every
// estimate.
//
// # Enough runs
//
// THEORY.md asks for enough replications that the interval of the change
// excludes zero; one whose whole interval falls short of the minimum
// fails without more, since no number of replications could make it
// hold. A hypothesis still inconclusive at Options.Runs is
// measured again on twice as many replications, the ones made kept
// (replication r still plays seed Seed + r), until it holds or fails or
// reaches Options.MaxRuns (by default 8 × Runs: three doublings, which
// narrow an interval to about a third; from a seed below HeldOutSeed,
// never past seed 1000, DefaultMaxRuns). A verdict left inconclusive there
// says so in its reason, and every Result gives the runs it was measured
// on. A rate is run further in the same way while its estimate misses
// its threshold and its interval reaches it. Each look is a fresh 95%
// interval; a change whose interval's end the predicted way falls short
// of the minimum fails at the look that shows it, so a change of zero is
// rarely looked at again. Only a result that has not held is looked at again, so
// a rate just below its threshold, or a change just below its minimum,
// gets more chances to hold (docs/model.md §1.2.2 gives the simulated
// rates). The looks play seeds beyond Runs: at 8 × 100, seeds Seed to
// Seed + 799. The
// whole set at the defaults runs in about 40 seconds on two cores; --runs
// raises the power of every hypothesis, --max-runs the most an
// inconclusive one may take. A run's record (a few kilobytes: its every
// alliance and proposal) is measured as it arrives and dropped; what is
// kept is each outcome's value or lifetimes in each run, a few words, so
// memory grows with the runs by bytes, not kilobytes, per run.
package hypotheses
