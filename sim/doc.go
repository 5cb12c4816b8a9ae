// Package sim plays one world of the alliance model (docs/model.md §2, §3,
// §7).
//
// Compile turns a Scenario (plain data, as configs decodes it) into an
// immutable *Compiled: states by index, the theatre's distance fields,
// parameters as typed fields, events by tick, and each state's reference
// point — the one the scenario gives, or its status-quo threat (below).
// Rates are per month and durations in months, whatever the scenario's
// tick; Compile converts them to the tick (timescale.go), but for the
// challenge and provocation chances, which are converted where they are
// drawn (crisis.go), since they depend on the world then; a monthly
// scenario uses them as written.
// NewWorld(compiled, seed) starts a replication that owns all mutable state
// of the run; Step plays a tick, Run plays to the horizon and returns a
// Result: the run's Record (alliances and proposals) with its events and
// time series. A run is a pure function of (compiled, seed): the only random
// source is the World's own PCG generator, and every loop that reaches a
// decision runs over indices or bit sets in a fixed order, never over a
// map.
//
// Between steps a World answers why its states decide as they do:
// Explain gives a state's appraisal of any alliance option term by term
// (gain, honour, spread, each partner's cost, the outcomes, the value
// against the position), ExplainVote a member's vote on a newcomer (the
// alliance grown against the alliance as it stands), ExplainStay a
// member's weighing of exit (with its stay value term by term, as Explain
// gives an option's), all by the code the decisions use and without
// changing the run.
//
// Every number a scenario gives is bounded (ParamSpecs, MaxScale, MaxForce,
// MaxStates, MaxEvents, MaxTicks, MaxSamples; docs/limits.md) so that the
// arithmetic stays finite and a run's memory bounded, and Compile checks
// them for scenarios built in code too (Scenario.Validate, the same rules
// the configs package applies to files). A run checks what it computes as
// well: a non-finite threat or value stops it with an error naming the
// tick, the state and the quantity (World.Err), never a silent NaN.
//
// A tick, in order (docs/model.md §3.1):
//
//  1. scripted shocks (intent, ideology, occupy, withdraw, capability,
//     sovereignty; §7.15);
//  2. perception: Walt's threat, with intents combined like independent
//     hazards, unbiased noise on the logit scale and lag; the patrons'
//     threat to their clients, which follows the most threatened;
//     reference points and domains (§7.2–§7.3);
//  3. the policy reviews due this tick, in the ticks of a diplomacy round
//     (§7.13);
//  4. diplomacy, every diplomacy_interval months: the reviewing clients seek
//     collective security or apply, then each reviewing patron follows its
//     strategy, invitees accept or refuse and a refused patron falls back
//     (H4) (§7.7–§7.9);
//  5. crises: adversary challenges with honouring allies and occupation,
//     provocations by revisionist clients and their restraint
//     (§7.10–§7.11);
//  6. cohesion, then exit decisions of the reviewing members (§7.12);
//  7. memories of aggression fade; the time series is sampled (§7.14).
//
// Choices where the specification is silent or revised, each documented in
// docs/model.md §8 and a parameter where a user could want another value:
//
//   - The reference point defaults to the status-quo threat, computed at
//     Compile: the noise-free threat at tick 0 with no grievance or
//     memory, every adversary at revisionism status_quo_revisionism (½:
//     as likely to challenge the status quo as to accept it) and every
//     other state at none, no alliances and no events. Tick 0 has no lag:
//     the first reading is taken whole.
//   - The credible occupation threat is the denial ratio at the balance of
//     forces, times the credibility of the force (occupation_force), less
//     deterrence by punishment by the allies' economic weight (punishment).
//     occupy_margin (the 3:1 rule) enters only the occupation test of a
//     crisis.
//   - One fold (fold) reads every source's threat, for perception, after an
//     alliance changed, and for a hypothetical alliance passed as a value
//     (change, tiesUnder, threatUnder): each perceived threat shifts by the
//     change in its raw reading, so noise and lag carry over.
//   - A patron's threat from its clients is their stake-weighted quadratic
//     mean (agents.ClientThreats): the domino reasoning of seeds 000 and
//     003.
//   - Clients of an imposed alliance stand by each other only through the
//     patron (standBy): no help, punishment or honouring between them; they
//     remain allies for friendly intent, and each weighs the other only by
//     the fear term of its cost: a partner that pledges nothing takes no
//     autonomy and drags it into no fight (pledged,
//     agents.Partner.Unpledged). Assurance comes only from alliances
//     clients formed themselves, to those that were in before any patron
//     joined; leaving an imposed alliance costs a client
//     exit_cost·(1 − assurance_weight).
//   - Policy review (review.go) is a mechanism, not a cache: a state
//     reopens its policy when its threat moved by review_threshold,
//     something that concerns it changed, review_interval months passed, or
//     (a patron) its strategy admits other options. Offers are always
//     answered; every cache is exact (cache.go).
//   - "Current position" is the sure outcome ρ − T, less arms_cost for a
//     state without allies. Clients court clients that share a threat of at
//     least shared_threat from a common adversary, may apply to any
//     alliance, and choose by softmax like patrons; a refused proposal is
//     not repeated to the same partners within retry_interval months.
//   - An assurance patron joins committed clients rather than enlist them
//     (H1, H5), and imposes a multilateral on uncommitted clients when its
//     patience runs out or it is in losses by more than impose_threshold
//     (T − ρ, docs/model.md §7.8); past its patience, while it belongs to no
//     alliance, it may take a bilateral instead, by its own valuation, as
//     the specification's "as prospect" has it. Otherwise its bilaterals come only
//     from the H4 fallback.
//   - The H4 fallback seeks the largest subset among all invitees who accept
//     each other, dropping one at a time the invitee the refusers name most
//     (Australia and New Zealand refused the Pacific Pact over Japan yet
//     accepted ANZUS), then offers bilaterals to the rest whatever their
//     value to the patron alone, signing them for occupied clients
//     (invite_occupied). A refused client coalition falls back the same
//     way, without the bilaterals.
//   - Threat pictures — T^adv gross of allied help — are what divergence,
//     honour probability and cohesion compare, so protection does not make
//     an alliance's own members look divergent.
//   - No two alliances in force have the same members; its last patron
//     leaving ends the alliance (patron_left), and so does that patron's
//     elimination (occupied), except an indigenous alliance, which stays
//     in force among its clients; a wholly occupied member leaves it;
//     fewer than two members dissolve it.
//   - In a crisis each ally is asked once, through the alliance of theirs
//     whose honour chance p_k·h is the largest (docs/model.md §8.2 item
//     13); restraint is one chance, with the control probability of the
//     tightest patron alliance.
//   - Remembered aggression is capped at 1 and decays multiplicatively by
//     memory_decay a month.
package sim
