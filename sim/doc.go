// Package sim plays one world of the alliance model (MODEL.md §2, §6–§9).
//
// Compile turns a Scenario (plain data, as configs decodes it) into an
// immutable *Compiled: states by index, the theatre's distance fields,
// parameters as typed fields, events by tick. NewWorld(compiled, seed) starts
// a replication that owns all mutable state of the run; Step plays a tick,
// Run plays to the horizon and returns a Result. A run is a pure function of
// (compiled, seed): the only random source is the World's own PCG generator,
// and every loop that reaches a decision runs over indices or bit sets in a
// fixed order, never over a map.
//
// Every number a scenario gives is bounded (ParamSpecs, MaxScale, MaxForce,
// MaxStates, MaxEvents, MaxTicks, MaxSamples; docs/limits.md) so that the
// arithmetic stays finite and a run's memory bounded, and Compile checks
// them for scenarios built in code too. A run checks what it computes as
// well: a non-finite threat or value stops it with an error naming the
// tick, the state and the quantity (World.Err), never a silent NaN.
//
// A tick, in order:
//
//  1. scripted shocks (intent, occupy, withdraw, capability, sovereignty);
//  2. perception (Walt's threat with lag and noise), reference points and
//     domains (§4–§5);
//  3. diplomacy, every diplomacy_interval ticks (§6): clients seek
//     collective security, then each patron follows its strategy, then
//     invitees accept or refuse and a refused patron falls back (H4);
//  4. crises (§7): adversary challenges with honouring allies and
//     occupation, provocations by revisionist clients and their restraint;
//  5. cohesion and exit: members leave alliances that no longer pay;
//  6. memories of aggression fade; the time series is sampled.
//
// Choices where MODEL.md is silent, each a parameter where a user could want
// another value:
//
//   - Tick 0 has no lag: the first reading is taken whole. The reference
//     point defaults to the threat at tick 0.
//   - T_i⁺ of an option (its gain) shifts each perceived threat by the change
//     in its raw reading when the partners' committed defence k·h·P is added
//     (h is the cohesion the new alliance would have; help already given by
//     a partner is not counted twice) and the partners stop being threat
//     sources except through grievance and memory. A patron gains through
//     the stakes-weighted threat to its clients. When an alliance forms
//     mid-round, its members reread their threats the same way, so later
//     decisions in the round see the new protection.
//   - A patron's T^adv (for divergence and cohesion) is its stakes-weighted
//     threat as in §4, taken from adversaries only.
//   - "Current position" is the sure outcome ρ − T, less arms_cost for a
//     state without allies.
//   - Clients court only clients with whom they share a threat of at least
//     shared_threat from a common adversary; a client whose threat moved by
//     less than reconsider since its last search, with nothing else changed,
//     does not search again (a scripted intent shock counts through the
//     threat it moves); a refused proposal is not repeated to the same
//     partners within retry_interval ticks.
//   - An assurance patron never offers a bilateral of its own accord and
//     joins clients who have committed to each other rather than enlist
//     them (H1, H5); while its clients have an alliance of their own —
//     client-only, or one it joined — it only joins. Its patience counts
//     from the first tick it would rather have an ally than not.
//   - The H4 fallback seeks the largest subset among all invitees who accept
//     each other, dropping one at a time the invitee the refusers name most
//     (Australia and New Zealand refused the Pacific Pact over Japan yet
//     accepted ANZUS), then offers bilaterals to the rest whatever their
//     value to the patron alone: having chosen the multilateral, it settles
//     for what it can get. A refused client coalition falls back the same
//     way, without the bilaterals.
//   - Clients may apply to any alliance; all members vote, a patron too.
//   - Threat pictures — T^adv gross of allied help — are what divergence,
//     honour probability and cohesion compare, so protection does not make
//     an alliance's own members look divergent.
//   - No two alliances in force have the same members: proposals that would
//     repeat a member set are not made, and an alliance that a departure or
//     an occupation makes equal to another dissolves into it.
//   - A patron that leaves ends the alliance (patron_left); a member that is
//     wholly occupied leaves it; fewer than two members dissolve it.
//   - Exit compares the alliance's option value, from the baseline of the
//     state's threat without the alliance, with its position without it,
//     minus entrapment penalties after an ally's provocation.
//   - Remembered aggression decays multiplicatively by memory_decay a tick.
//   - Crisis honouring counts each ally once, through the first alliance it
//     shares with the victim in id order.
//
// Three mechanisms beyond MODEL.md, each off by default (MODEL.md exactly)
// and documented on its parameter: deterrence (extended deterrence: a
// patron's pledge discounts hostile intent by economic weight),
// invite_occupied (a patron's multilateral may include non-sovereign
// clients, who join on sovereignty) and grievance_fear (grievance adds to
// the fear of an ally in the autonomy cost).
package sim
