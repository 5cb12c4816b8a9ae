package sim

import (
	"fmt"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
)

// EventType is what happened.
type EventType int

// Event types (docs/model.md §7.14).
const (
	EventScripted    EventType = iota // a scripted shock took effect
	EventProposal                     // Actor proposed Proposal to Others
	EventAcceptance                   // Others accepted Actor's proposal
	EventRejection                    // Actor refused; Reason and Target say why
	EventFormed                       // Alliance formed with Others
	EventJoined                       // Actor joined Alliance
	EventLeft                         // Actor left Alliance
	EventEnded                        // Alliance ended (Cause)
	EventChallenge                    // adversary Actor challenged Target
	EventOccupation                   // Actor occupied Cells cells of Target
	EventEliminated                   // Target lost its last cell
	EventProvocation                  // revisionist Actor provoked adversary Target
	EventRestraint                    // patron Actor restrained Target from provoking
)

var eventTypeNames = [...]string{"scripted", "proposal", "acceptance", "rejection", "formed", "joined", "left",
	"ended", "challenge", "occupation", "eliminated", "provocation", "restraint"}

func (t EventType) String() string { return eventTypeNames[t] }

// MarshalText writes the type's name.
func (t EventType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Proposal is the kind of offer made in a diplomacy round.
type Proposal int

// Proposals.
const (
	ProposeNone         Proposal = iota
	ProposeCoalition             // a client proposes collective security to clients
	ProposeApply                 // a client applies to join an alliance
	ProposeJoin                  // a patron asks to join a client alliance
	ProposeMultilateral          // a patron proposes to a set of clients
	ProposeBilateral             // a patron proposes to one client
	ProposeSubset                // fallback: the largest subset who all accept each other
	ProposeFallback              // fallback: a bilateral with a client the subset left out
	ProposeSigned                // fallback: a bilateral signed for an occupied client, in force on sovereignty
)

var proposalNames = [...]string{"", "coalition", "apply", "join", "multilateral", "bilateral", "subset", "fallback-bilateral", "signed-for-occupied"}

func (p Proposal) String() string { return proposalNames[p] }

// MarshalText writes the proposal's name.
func (p Proposal) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Event is one entry of a run's log. Fields that do not apply are -1 (state
// and alliance indices) or zero.
type Event struct {
	Tick     int
	Type     EventType
	Actor    int        // state index, -1 if none
	Target   int        // state index, -1 if none
	Others   agents.Set // invitees, acceptors or members
	Alliance int        // alliance id, -1 if none
	Proposal Proposal
	Strong   bool
	// Reason is the largest cost term behind a rejection; Target is the
	// partner behind it (-1 for the general autonomy cost).
	Reason agents.CostTerm
	Cause  EndCause // EventEnded
	Origin Origin   // EventFormed, EventJoined: the alliance's origin then
	Cells  int      // EventOccupation, scripted occupy/withdraw
	Script int      // EventScripted: index into the scenario's events
	// Offer is, for a proposal and its answers, 1 + the index of the
	// proposal in World.Offers (0: none).
	Offer int
}

func (w *World) log(e Event) {
	e.Tick = w.tick
	w.events = append(w.events, e)
	for _, o := range w.observers {
		o.OnEvent(w, &w.events[len(w.events)-1])
	}
}

// Describe writes an event as a sentence for a timeline.
func (w *World) Describe(e *Event) string {
	c := w.c
	name := func(i int) string {
		if i < 0 {
			return "?"
		}
		return c.id[i]
	}
	set := func(s agents.Set) string {
		out := ""
		s.Each(func(i int) {
			if out != "" {
				out += ", "
			}
			out += c.id[i]
		})
		return out
	}
	switch e.Type {
	case EventScripted:
		se := c.events[e.Script]
		note := ""
		if se.Note != "" {
			note = se.Note + ": "
		}
		switch se.Kind {
		case ScriptIntent:
			who := "all"
			if se.target >= 0 {
				who = name(se.target)
			}
			return fmt.Sprintf("%s%s's perceived intent %+.2f (as seen by %s)", note, name(se.actor), se.Delta, who)
		case ScriptOccupy:
			return fmt.Sprintf("%s%s occupies %d cells of %s", note, name(se.actor), e.Cells, name(se.target))
		case ScriptWithdraw:
			return fmt.Sprintf("%s%s hands back %d cells to %s", note, name(se.actor), e.Cells, name(se.target))
		case ScriptCapability:
			var set []string
			for _, f := range []struct {
				ok   bool
				what string
				v    float64
			}{{se.SetLand, "land", se.Land}, {se.SetNaval, "naval", se.Naval}, {se.SetEconomy, "economy", se.Economy}} {
				if f.ok {
					set = append(set, fmt.Sprintf("%s %.2f", f.what, f.v))
				}
			}
			return fmt.Sprintf("%s%s's capabilities change (%s)", note, name(se.actor), strings.Join(set, ", "))
		case ScriptSovereignty:
			if se.Sovereign {
				return fmt.Sprintf("%s%s becomes sovereign", note, name(se.actor))
			}
			return fmt.Sprintf("%s%s loses sovereignty", note, name(se.actor))
		case ScriptIdeology:
			return fmt.Sprintf("%s%s's ideology moves to %+.2f", note, name(se.actor), se.Ideology)
		}
	case EventProposal:
		if e.Proposal == ProposeSigned {
			return fmt.Sprintf("%s signs a %s bilateral alliance for occupied %s, in force on its sovereignty", name(e.Actor),
				commitmentName(e.Strong), set(e.Others))
		}
		return fmt.Sprintf("%s proposes a %s %s alliance (%s) to %s", name(e.Actor), commitmentName(e.Strong),
			KindOf(e.Others.Len()+1), e.Proposal, set(e.Others))
	case EventAcceptance:
		return fmt.Sprintf("%s accept%s %s's proposal", set(e.Others), pluralS(e.Others.Len()), name(e.Actor))
	case EventRejection:
		why := e.Reason.String()
		switch e.Reason {
		case agents.CostFear:
			why = "fear of " + name(e.Target)
		case agents.CostDivergence:
			why = "divergent threat picture of " + name(e.Target)
		case agents.CostEntrapment:
			why = "entrapment by " + name(e.Target)
		case agents.CostAutonomy:
			why = "loss of autonomy"
		}
		return fmt.Sprintf("%s rejects (%s)", name(e.Actor), why)
	case EventFormed:
		a := &w.alliances[e.Alliance]
		return fmt.Sprintf("alliance %d formed: %s, %s %s (%s)", a.ID, set(e.Others), commitmentName(a.Strong), KindOf(e.Others.Len()), e.Origin)
	case EventJoined:
		a := &w.alliances[e.Alliance]
		return fmt.Sprintf("%s joins alliance %d, now %s (%s)", name(e.Actor), a.ID, set(e.Others), e.Origin)
	case EventLeft:
		return fmt.Sprintf("%s leaves alliance %d", name(e.Actor), e.Alliance)
	case EventEnded:
		return fmt.Sprintf("alliance %d ends (%s)", e.Alliance, e.Cause)
	case EventChallenge:
		return fmt.Sprintf("%s challenges %s; allies honouring: %s", name(e.Actor), name(e.Target), orNone(set(e.Others)))
	case EventOccupation:
		return fmt.Sprintf("%s occupies %d cells of %s", name(e.Actor), e.Cells, name(e.Target))
	case EventEliminated:
		return fmt.Sprintf("%s is wholly occupied", name(e.Target))
	case EventProvocation:
		return fmt.Sprintf("%s provokes %s", name(e.Actor), name(e.Target))
	case EventRestraint:
		return fmt.Sprintf("%s restrains %s", name(e.Actor), name(e.Target))
	}
	return e.Type.String()
}

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
