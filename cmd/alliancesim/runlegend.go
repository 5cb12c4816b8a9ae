package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/alliancesim/alliancesim/sim"
)

// meaning is one of the engine's words as a one-run timeline or table
// prints it, said in plain words.
type meaning struct{ word, says string }

// The words a one-run timeline and its table of alliances print as the
// engine names them (a proposal's kind in brackets, an alliance's origin
// and end cause), each said in plain words, in the engine's order: a
// reader of `run NAME --seed S` should not need the code or
// docs/model.md §7.9 to read "(coalition)" or "horizon". A proposal whose
// sentence says what it is (an application, a patron asking to join, a
// treaty signed for an occupied client) needs none.
var (
	proposalMeanings = []meaning{
		{sim.ProposeCoalition.String(), "a client's offer to other clients"},
		{sim.ProposeMultilateral.String(), "a patron's offer to two or more clients"},
		{sim.ProposeBilateral.String(), "a patron's offer to one client"},
		{sim.ProposeSubset.String(), "after a refused multilateral, a patron's offer to the most of its invitees who all accept each other"},
		{sim.ProposeFallback.String(), "after a refused multilateral, a patron's bilateral with an invitee left out"},
	}
	originMeanings = []meaning{
		{sim.OriginClient.String(), "formed by clients alone"},
		{sim.OriginIndigenous.String(), "formed by clients, joined by a patron later"},
		{sim.OriginImposed.String(), "a patron's alliance with two or more clients"},
		{sim.OriginBilateral.String(), "a patron's alliance with one client"},
	}
	causeMeanings = []meaning{
		{sim.EndMembersLeft.String(), "ended as members left (fewer than two remained, or the rest were another alliance)"},
		{sim.EndPatronLeft.String(), "ended when its patron left"},
		{sim.EndOccupied.String(), "ended when a member was wholly occupied"},
		{sim.EndHorizon.String(), "still in force when the run ended"},
	}
)

// printRunLegend says what the engine's words in r's timeline and table
// mean, only those r uses; nothing for a run without proposals or
// alliances.
func printRunLegend(w io.Writer, r *sim.Result) {
	var proposals, origins, causes []string
	for _, e := range r.Events {
		if e.Type == sim.EventProposal {
			proposals = append(proposals, e.Proposal)
		}
	}
	for i := range r.Alliances {
		origins = append(origins, r.Alliances[i].Origin)
		causes = append(causes, r.Alliances[i].Cause)
	}
	if len(proposals)+len(r.Alliances) == 0 {
		return
	}
	fmt.Fprintln(w, "\nWhat the words above mean")
	line := func(what, word, says string) {
		fmt.Fprintf(w, "  %-8s %-21s %s\n", what, word, says)
	}
	for _, m := range proposalMeanings {
		if slices.Contains(proposals, m.word) {
			line("proposal", "("+m.word+")", m.says)
		}
	}
	if len(r.Alliances) > 0 {
		line("table", "formed as", "the size at formation: bilateral 2, trilateral 3, multilateral 4 or more")
		line("", "patron", "the month a patron first joined (- never)")
	}
	for _, m := range originMeanings {
		if slices.Contains(origins, m.word) {
			line("origin", m.word, m.says)
		}
	}
	for _, m := range causeMeanings {
		if slices.Contains(causes, m.word) {
			line("cause", m.word, m.says)
		}
	}
}
