package sim

import "github.com/alliancesim/alliancesim/agents"

// Offer is a proposal and its answers as the engine recorded them when it
// made them: every proposal gets a number, every acceptance and refusal
// names it, and the alliance it formed or joined is written into it. No
// one reads acceptance from the order of the log.
type Offer struct {
	Tick     int
	Proposer int
	Kind     Proposal
	Invitees agents.Set // for an application or a join: the alliance's members
	Strong   bool
	// Losses: the proposer was in the domain of losses when it proposed
	// (He & Feng: the frame behind a design).
	Losses   bool
	Refusals []Refusal
	// Alliance is the alliance the proposal formed or joined when every
	// invitee accepted, -1 otherwise (a treaty signed for an occupied
	// client takes effect later, and is not counted here).
	Alliance int
}

// Accepted reports whether the proposal made or enlarged an alliance.
func (o *Offer) Accepted() bool { return o.Alliance >= 0 }

// Refusal is one invitee's (or member's) refusal: the largest cost term
// behind it and the state behind that term (-1 for the autonomy cost).
type Refusal struct {
	State   int
	Reason  agents.CostTerm
	Partner int
}

// Offers are the run's proposals, in the order they were made; an event's
// Offer field is 1 + an index into it.
func (w *World) Offers() []Offer { return w.offers }

// propose logs a proposal and opens its record; it returns the number
// that its answers carry.
func (w *World) propose(e Event) int {
	w.offers = append(w.offers, Offer{Tick: w.tick, Proposer: e.Actor, Kind: e.Proposal, Invitees: e.Others,
		Strong: e.Strong, Losses: e.Actor >= 0 && w.inLosses(e.Actor), Alliance: -1})
	e.Offer = len(w.offers)
	w.log(e)
	return e.Offer
}

// refusal logs a refusal of the offer and records it. An offer's
// refusals come together, as it is answered, so they are kept end to end
// in one slice of the world's and each offer's are a slice of it, capped
// at its length: an offer answered again after another (none is, today)
// has its own copied out by append rather than writing over the next.
func (w *World) refusal(offer int, e Event) {
	e.Type, e.Offer = EventRejection, offer
	if offer > 0 {
		o := &w.offers[offer-1]
		r := Refusal{State: e.Actor, Reason: e.Reason, Partner: e.Target}
		if n := len(o.Refusals); n == 0 || len(w.refusals) > 0 && &o.Refusals[n-1] == &w.refusals[len(w.refusals)-1] {
			// none yet, or its refusals end the world's: grow them there
			start := len(w.refusals) - n
			w.refusals = append(w.refusals, r)
			o.Refusals = w.refusals[start:len(w.refusals):len(w.refusals)]
		} else {
			o.Refusals = append(o.Refusals, r)
		}
	}
	w.log(e)
}

// accepted logs that every invitee of the offer accepted it, as the
// acceptance of every proposal of a new alliance is logged: once it
// passes, before the alliance is formed. A refused proposal logs its
// refusals only; an application or a patron's request to join that the
// members vote through is told by its joined event. The event
// names the invitees that answered, e.Others less the occupied ones, who
// were signed up by their patron (canvass); none answered, none is logged.
func (w *World) accepted(offer int, e Event) {
	e.Type, e.Offer = EventAcceptance, offer
	if e.Others &^= w.unsigned(e.Others); e.Others != 0 {
		w.log(e)
	}
}

// settle writes into the offer the alliance it formed or joined (nil:
// none did).
func (w *World) settle(offer int, al *Alliance) {
	if offer > 0 && al != nil {
		w.offers[offer-1].Alliance = al.ID
	}
}
