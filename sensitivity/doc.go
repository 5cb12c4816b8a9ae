// Package sensitivity is global sensitivity analysis: which of a model's
// uncertain parameters move an output, and how much of the output's
// variance each explains, alone and through its interactions with the
// others.
//
// Why it is here: a sweep over two or three parameters can be looked at as
// a response surface; with more, a grid explodes and one-at-a-time changes
// around a default miss interactions. Global methods vary every parameter
// over its whole range at once. The engine's sweeps run the designs below
// (experiment files with design = "morris" or "sobol") and `alliancesim
// sensitivity DIR` applies the estimators to the per-point means of an
// output; this package holds the numerics alone, with no dependence on the
// model, so that it can be checked against functions whose indices are
// known (Ishigami, GFunction).
//
// Two methods, each a design (where to evaluate the model, in the unit
// hypercube [0, 1]^k) and its estimator:
//
//   - Elementary effects (Morris 1991) for screening: r trajectories of
//     k+1 points on a grid of levels, one parameter moving at each step.
//     MorrisDesign draws many candidate trajectories and keeps the r with
//     the largest spread (Campolongo, Cariboni and Saltelli 2007);
//     ElementaryEffects reports, per parameter, μ* (the mean absolute
//     effect, the screening measure of Campolongo et al.), μ and σ.
//   - Variance-based indices (Sobol' 1993) with the design of Saltelli et
//     al. (2010): two base matrices A and B of N rows and, for each
//     parameter i, A with its column i taken from B. SaltelliDesign draws
//     A and B from an Owen-scrambled Halton sequence (quasi-random; gonum
//     samplemv.Halton) or from independent uniforms; Sobol gives the
//     first-order index S_i and the total index S_Ti with the estimators of
//     Jansen (1999), as Saltelli et al. (2010, Table 2) compare them.
//     Their own first-order estimator, 1/N Σ f(B)(f(A_B^(i)) − f(A)) (SALib's),
//     was tried in its place: it is exactly 0 for a parameter that changes
//     no output, and on the Ishigami function at N = 4096 its interval for
//     x3 (S = 0) is narrower ([−0.05, 0.02] against [−0.07, 0.04]) but
//     those of x1 and x2 wider ([0.27, 0.36] and [0.40, 0.48] against
//     [0.29, 0.35] and [0.41, 0.46]), and on the g-function's most
//     influential parameter at N = 4096 it widens to 0.14, so Jansen's is
//     kept for both indices.
//
// Every estimate comes with a bootstrap percentile interval: rows (or
// trajectories) are resampled with replacement by a PCG generator seeded
// from Bootstrap.Seed, so the same inputs give the same intervals. With a
// quasi-random base the resampling treats the rows as independent, which
// overstates the error of the estimate: the intervals are conservative.
// So are a Morris design's when its trajectories were kept for their
// spread (candidates > samples): the kept ones are more even than random
// ones (a review measured a coverage of 1.000 for μ* of x₁·x₂ with 20
// kept of 200, against 0.943 with none kept).
//
// Parameters need not be uniform: a Marginal maps the unit interval to a
// parameter's distribution by its quantile function (uniform, normal
// truncated to a range, triangular, log-uniform; gonum distuv), and Product
// applies one per parameter, as gonum's samplers expect (distmv.Quantiler).
// Estimators work on the unit scale, so elementary effects are per unit of
// a parameter's quantile, comparable across parameters.
//
// References: M. D. Morris, Factorial sampling plans for preliminary
// computational experiments, Technometrics 33 (1991); F. Campolongo, J.
// Cariboni, A. Saltelli, An effective screening design for sensitivity
// analysis of large models, Environ. Model. Softw. 22 (2007); A. Saltelli
// et al., Variance based sensitivity analysis of model output. Design and
// estimator for the total sensitivity index, Comput. Phys. Commun. 181
// (2010); M. J. W. Jansen, Analysis of variance designs for model output,
// Comput. Phys. Commun. 117 (1999); A. B. Owen, A randomized Halton
// algorithm in R (2017).
package sensitivity
