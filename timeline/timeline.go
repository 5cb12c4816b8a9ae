// Package timeline writes a run's events as the sentences of a dated
// timeline, in English: "usa proposes a strong bilateral alliance
// (bilateral) to jpn (offer 4)", "alliance 3 ends (members_left)". The engine (sim)
// records what happened as structured fields (sim.EventRecord); the
// command-line tool's timeline, the text of events.jsonl and the event
// list of the HTML report are these sentences.
package timeline

import (
	"fmt"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/sim"
)

// Describe writes an event as a sentence; nil is no event, "".
func Describe(e *sim.EventRecord) string {
	if e == nil {
		return ""
	}
	name := func(s string) string {
		if s == "" {
			return "?"
		}
		return s
	}
	set := strings.Join(e.Others, ", ")
	switch e.Type {
	case sim.EventScripted:
		if e.Script != nil {
			return scripted(e, name)
		}
	case sim.EventProposal:
		return proposal(e, name, set) + offerTag(e.Offer)
	case sim.EventAcceptance:
		if e.Offer > 0 {
			return fmt.Sprintf("%s accept%s %s's offer %d", set, pluralS(len(e.Others)), name(e.Actor), e.Offer)
		}
		return fmt.Sprintf("%s accept%s %s's proposal", set, pluralS(len(e.Others)), name(e.Actor))
	case sim.EventRejection:
		why := e.Reason
		switch e.Reason {
		case agents.CostFear.String():
			why = "fear of " + name(e.Target)
		case agents.CostDivergence.String():
			why = "divergent threat picture of " + name(e.Target)
		case agents.CostEntrapment.String():
			why = "entrapment by " + name(e.Target)
		case agents.CostAutonomy.String():
			why = "loss of autonomy"
		}
		if e.Offer > 0 {
			return fmt.Sprintf("%s rejects offer %d (%s)", name(e.Actor), e.Offer, why)
		}
		return fmt.Sprintf("%s rejects (%s)", name(e.Actor), why)
	case sim.EventFormed:
		formed := fmt.Sprintf("alliance %d formed: %s, %s %s (%s)", e.Alliance, set, e.Commitment, e.Kind, e.Origin)
		if len(e.Designated) > 0 {
			formed += fmt.Sprintf("; signed for %s, to join on sovereignty", strings.Join(e.Designated, ", "))
		}
		return formed
	case sim.EventJoined:
		return fmt.Sprintf("%s joins alliance %d, now %s (%s)", name(e.Actor), e.Alliance, set, e.Origin)
	case sim.EventLeft:
		if e.Exit == sim.ExitOccupied.String() {
			return fmt.Sprintf("%s, wholly occupied, drops out of alliance %d, now %s", name(e.Actor), e.Alliance, orNone(set))
		}
		if len(e.Others) < 2 {
			// One member left cannot hold an alliance: the next line
			// says it ends.
			return fmt.Sprintf("%s leaves alliance %d", name(e.Actor), e.Alliance)
		}
		return fmt.Sprintf("%s leaves alliance %d, now %s", name(e.Actor), e.Alliance, set)
	case sim.EventEnded:
		if e.Into != nil {
			return fmt.Sprintf("alliance %d ends (%s), absorbed into alliance %d", e.Alliance, e.Cause, *e.Into)
		}
		return fmt.Sprintf("alliance %d ends (%s)", e.Alliance, e.Cause)
	case sim.EventChallenge:
		return fmt.Sprintf("%s challenges %s; allies honouring: %s", name(e.Actor), name(e.Target), orNone(set))
	case sim.EventOccupation:
		return fmt.Sprintf("%s occupies %s of %s", name(e.Actor), cells(e.Cells), name(e.Target))
	case sim.EventEliminated:
		return fmt.Sprintf("%s is wholly occupied", name(e.Target))
	case sim.EventProvocation:
		return fmt.Sprintf("%s provokes %s; allies honouring: %s", name(e.Actor), name(e.Target), orNone(set))
	case sim.EventRestraint:
		if len(e.Others) > 0 {
			return fmt.Sprintf("%s restrains %s from provoking %s", name(e.Actor), name(e.Target), set)
		}
		return fmt.Sprintf("%s restrains %s", name(e.Actor), name(e.Target))
	case sim.EventLapsed:
		if e.Alliance >= 0 {
			return fmt.Sprintf("%s's place in alliance %d, signed for it, lapses", name(e.Target), e.Alliance)
		}
		return fmt.Sprintf("the %s bilateral alliance %s signed for %s lapses", e.Commitment, name(e.Actor), name(e.Target))
	}
	return e.Type.String()
}

// proposal writes a proposal, without its offer number.
func proposal(e *sim.EventRecord, name func(string) string, set string) string {
	switch e.Proposal {
	case sim.ProposeSigned.String():
		return fmt.Sprintf("%s signs a %s bilateral alliance for occupied %s, in force on its sovereignty", name(e.Actor),
			e.Commitment, set)
	case sim.ProposeApply.String():
		return fmt.Sprintf("%s applies to join alliance %d (%s, %s)", name(e.Actor), e.Alliance, set, e.Commitment)
	case sim.ProposeJoin.String():
		return fmt.Sprintf("%s asks to join alliance %d (%s, %s), its clients' alliance", name(e.Actor), e.Alliance, set, e.Commitment)
	}
	return fmt.Sprintf("%s proposes a %s %s alliance (%s) to %s", name(e.Actor), e.Commitment, e.Kind, e.Proposal, set)
}

// offerTag numbers a proposal as its answers name it, " (offer 3)": in a
// tick of several proposals, the acceptance or refusal "offer 3" says
// which it answers. An event without a number (0) gets none.
func offerTag(offer int) string {
	if offer <= 0 {
		return ""
	}
	return fmt.Sprintf(" (offer %d)", offer)
}

// scripted writes a scripted event: its note (without the spaces around
// it; none if it is blank), then what it did.
func scripted(e *sim.EventRecord, name func(string) string) string {
	se := e.Script
	note := ""
	if text := strings.TrimSpace(se.Note); text != "" {
		note = text + ": "
	}
	switch se.Kind {
	case sim.ScriptIntent.String():
		// A shift of revisionism on the logit scale (docs/model.md §7.15),
		// not a level: said as one.
		who := "every state"
		if e.Target != "" {
			who = name(e.Target)
		}
		return fmt.Sprintf("%s%s's revisionism as %s reads it shifts %+.2f on the logit scale", note, name(e.Actor), who, se.Delta)
	case sim.ScriptOccupy.String():
		if e.Cells == 0 { // an eliminated actor, or a target without a cell
			return fmt.Sprintf("%s%s's scripted occupation of %s takes no cell", note, name(e.Actor), name(e.Target))
		}
		return fmt.Sprintf("%s%s occupies %s of %s", note, name(e.Actor), cells(e.Cells), name(e.Target))
	case sim.ScriptWithdraw.String():
		if e.Cells == 0 { // the actor holds no cell taken from the target
			return fmt.Sprintf("%s%s's scripted withdrawal from %s hands back no cell", note, name(e.Actor), name(e.Target))
		}
		back := fmt.Sprintf("%s%s hands back %s to %s", note, name(e.Actor), cells(e.Cells), name(e.Target))
		if e.Revived {
			back += ", wholly occupied until then"
		}
		return back
	case sim.ScriptCapability.String():
		var set []string
		for _, f := range []struct {
			what string
			v    *float64
		}{{"land", se.Land}, {"naval", se.Naval}, {"economy", se.Economy}} {
			if f.v != nil {
				set = append(set, fmt.Sprintf("%s %.2f", f.what, *f.v))
			}
		}
		return fmt.Sprintf("%s%s's capabilities change (%s)", note, name(e.Actor), strings.Join(set, ", "))
	case sim.ScriptSovereignty.String():
		switch {
		case se.Unchanged && se.Sovereign:
			return fmt.Sprintf("%s%s is sovereign already", note, name(e.Actor))
		case se.Unchanged:
			return fmt.Sprintf("%s%s is without sovereignty already", note, name(e.Actor))
		case se.Sovereign:
			return fmt.Sprintf("%s%s becomes sovereign", note, name(e.Actor))
		}
		return fmt.Sprintf("%s%s loses sovereignty", note, name(e.Actor))
	case sim.ScriptIdeology.String():
		return fmt.Sprintf("%s%s's ideology moves to %+.2f", note, name(e.Actor), se.Ideology)
	}
	return e.Type.String()
}

// cells writes a number of cells: "1 cell", "3 cells".
func cells(n int) string { return words.Count(n, "cell", "cells") }

// pluralS is the verb's -s for a subject of n states: "jpn accepts", "aus,
// nzl accept".
func pluralS(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
