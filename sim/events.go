package sim

import (
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
	EventChallenge                    // adversary Actor challenged Target; Others are the allies that came
	EventOccupation                   // Actor occupied Cells cells of Target
	EventEliminated                   // Target lost its last cell
	EventProvocation                  // revisionist Actor provoked adversary Target; Others are the allies that came
	EventRestraint                    // patron Actor restrained Target from provoking Others (its foe)
	// EventLapsed: a treaty signed for a non-sovereign state lapsed. With
	// Alliance ≥ 0, Target was designated to join that alliance on its
	// sovereignty and will not; with Alliance −1, the bilateral patron
	// Actor signed for Target, in force on Target's sovereignty (Strong
	// its commitment), will not be. It lapses when either is wholly
	// occupied, or on Target's sovereignty, where the ties it would make
	// are in force already (an alliance of the same members, or one that
	// allies the patron and Target) or the patron is gone or, no longer
	// sovereign, cannot sign it.
	EventLapsed
)

var eventTypeNames = [...]string{"scripted", "proposal", "acceptance", "rejection", "formed", "joined", "left",
	"ended", "challenge", "occupation", "eliminated", "provocation", "restraint", "lapsed"}

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

// Event is one entry of a run's log. Fields that do not apply are -1 (state
// and alliance indices) or zero.
type Event struct {
	Tick     int
	Type     EventType
	Actor    int        // state index, -1 if none
	Target   int        // state index, -1 if none
	Others   agents.Set // invitees, acceptors, members, the allies that came in a crisis, or a restraint's foe
	Alliance int        // alliance id, -1 if none
	Proposal Proposal
	Strong   bool
	// Revived is, for a scripted withdrawal, whether it brought back a
	// target that was wholly occupied (it is alive again, in none of the
	// alliances it dropped out of, docs/model.md §8.4 item 9).
	Revived bool
	// Unchanged is, for a scripted sovereignty event, whether its actor
	// already had the sovereignty it sets (the event still concerns it,
	// §7.15, but changes nothing else).
	Unchanged bool
	// Reason is the largest cost term behind a rejection; Target is the
	// partner behind it (-1 for the general autonomy cost).
	Reason agents.CostTerm
	Cause  EndCause // EventEnded
	// Exit is how the member of an EventLeft went: ExitLeft, it chose to
	// leave; ExitOccupied, it was wholly occupied and dropped out of an
	// alliance that goes on without it (one that ends then logs its end
	// instead, with cause occupied). An occupied one is logged in the
	// middle of the elimination, before the threats are read again: an
	// observer handed it sees the readings of before.
	Exit   Exit
	Origin Origin // EventFormed, EventJoined: the alliance's origin then
	Cells  int    // EventOccupation, scripted occupy/withdraw
	Script int    // EventScripted: index into the scenario's events, in file order
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
