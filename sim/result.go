package sim

import (
	"slices"
)

// Result is the full record of one run (docs/model.md §7.14): its Record —
// alliances and proposals, the one record type of a run, which the runner
// keeps and aggregates — with the scenario's name, calendar and states,
// the event log and the optional time series, as plain data with stable
// JSON names.
type Result struct {
	Record
	Scenario string        `json:"scenario"`
	Start    string        `json:"start"`
	States   []string      `json:"states"`
	Events   []EventRecord `json:"events"`
	Series   []Sample      `json:"series,omitempty"`
	calendar Calendar
}

// Date is the calendar label of tick t of the run ("1950-06").
func (r *Result) Date(t int) string { return r.calendar.Label(t) }

// EventRecord is an Event with names instead of indices: what happened,
// as structured fields. Package timeline writes it as a sentence.
type EventRecord struct {
	Tick   int       `json:"tick"`
	Date   string    `json:"date"`
	Type   EventType `json:"type"`
	Actor  string    `json:"actor,omitempty"`
	Target string    `json:"target,omitempty"`
	Others []string  `json:"others,omitempty"`
	// Alliance is the id (an index into Result.Alliances) of the alliance
	// formed, joined, left or ended, or that a proposal asks to join, or
	// -1 where the event concerns no alliance in force (a proposal of a new
	// alliance and its answers, a crisis, a scripted event).
	Alliance int    `json:"alliance"`
	Proposal string `json:"proposal,omitempty"`
	Reason   string `json:"reason,omitempty"`
	// Offer numbers a proposal and marks its answers (1 + the index into
	// World.Offers; absent for other events).
	Offer int `json:"offer,omitempty"`
	Cells int `json:"cells,omitempty"`
	// Commitment is "strong" or "weak": of the alliance proposed (proposal),
	// of the alliance formed or joined, or of the treaty that lapsed.
	Commitment string `json:"commitment,omitempty"`
	// Kind is the size class of the alliance proposed (proposer and
	// invitees) or formed (its founders).
	Kind string `json:"kind,omitempty"`
	// Origin is the alliance's origin when formed or joined.
	Origin string `json:"origin,omitempty"`
	// Designated are the non-sovereign invitees an alliance was signed
	// for when it formed, who join it on sovereignty.
	Designated []string `json:"designated,omitempty"`
	// Cause is why an alliance ended.
	Cause EndCause `json:"cause,omitempty"`
	// Exit is how the member of a left event went: "left", it chose to;
	// "occupied", it was wholly occupied and dropped out of an alliance
	// that goes on (memberships.csv's exit).
	Exit string `json:"exit,omitempty"`
	// Into is the alliance an alliance that ended was absorbed into
	// (Alliance.AbsorbedInto), absent where there is none.
	Into *int `json:"into,omitempty"`
	// Script is the scripted event behind an EventScripted.
	Script *ScriptRecord `json:"script,omitempty"`
	// Revived is true where a scripted withdrawal brought back a target
	// that was wholly occupied: it is alive again, in none of the
	// alliances it dropped out of.
	Revived bool `json:"revived,omitempty"`
}

// ScriptRecord is the scripted event behind an EventRecord: its id (""
// if the scenario gave none), kind and note, and what it set — the shift
// of intent (intent), the capabilities set (capability; nil: unchanged),
// sovereignty (sovereignty, and whether the actor had it already) or the
// new ideology (ideology). Actor, Target and Cells are those of the
// EventRecord.
type ScriptRecord struct {
	ID        string   `json:"id,omitempty"`
	Kind      string   `json:"kind"`
	Note      string   `json:"note,omitempty"`
	Delta     float64  `json:"delta,omitempty"`
	Land      *float64 `json:"land,omitempty"`
	Naval     *float64 `json:"naval,omitempty"`
	Economy   *float64 `json:"economy,omitempty"`
	Sovereign bool     `json:"sovereign,omitempty"`
	// Unchanged: a sovereignty event whose actor already had the
	// sovereignty it sets.
	Unchanged bool    `json:"unchanged,omitempty"`
	Ideology  float64 `json:"ideology,omitempty"`
}

// Sample is one row of the optional time series.
type Sample struct {
	Tick      int       `json:"tick"`
	Threat    []float64 `json:"threat"`
	Reference []float64 `json:"reference"`
	Losses    []bool    `json:"losses"`
	Alliances [][]int   `json:"alliances"` // per state, the ids of its alliances
	// Alive is false for a state eliminated by then (§7.10): its threat
	// is 0, its reference as it was and it is in no alliance.
	Alive []bool `json:"alive"`
}

// record takes a time-series sample every record_every ticks. The first
// sample reserves room for all of the run's (see sampleLog).
func (w *World) record() {
	every := int(w.c.p.RecordEvery)
	if every <= 0 || w.tick%every != 0 {
		return
	}
	n, l := w.c.n, &w.series
	if l.samples == nil {
		l.reserve((max(w.c.ticks, 1)-1)/every+1, n)
	}
	s := Sample{Tick: w.tick, Threat: cut(&l.floats, w.threat), Reference: cut(&l.floats, w.reference),
		Losses: cutOf(&l.flags, n, w.inLosses), Alive: cut(&l.flags, w.alive)}
	l.lists = slices.Grow(l.lists, n) // a no-op within the reserved room
	s.Alliances = l.lists[len(l.lists) : len(l.lists)+n : len(l.lists)+n]
	l.lists = l.lists[:len(l.lists)+n]
	for i := range n {
		from := len(l.ids)
		for a := range w.alliances {
			if al := &w.alliances[a]; al.Active() && al.Members.Has(i) {
				l.ids = append(l.ids, al.ID)
			}
		}
		s.Alliances[i] = nil // a state in no alliance has none (null in JSON)
		if len(l.ids) > from {
			s.Alliances[i] = l.ids[from:len(l.ids):len(l.ids)]
		}
	}
	l.samples = append(l.samples, s)
}

// Series returns the time series recorded so far.
func (w *World) Series() []Sample { return w.series.samples }

// Result assembles the full record of the run so far: Record, with the
// event log and the time series.
func (w *World) Result() *Result {
	c := w.c
	r := &Result{Record: w.Record(), Scenario: c.name, Start: c.calendar.Label(0),
		States: append([]string(nil), c.id...), Series: w.series.samples, calendar: c.calendar}
	r.Events = make([]EventRecord, 0, len(w.events))
	for i := range w.events {
		r.Events = append(r.Events, w.EventRecord(&w.events[i]))
	}
	return r
}

// EventRecord is the record of an event of this world, with names
// instead of indices (what an observer is handed, as Result records it).
// e must be an event this world made, as an observer is handed it: an
// event built by hand may name states, alliances or scripted events the
// world does not have, and then EventRecord panics.
func (w *World) EventRecord(e *Event) EventRecord {
	c := w.c
	rec := EventRecord{Tick: e.Tick, Date: w.Label(e.Tick), Type: e.Type, Alliance: e.Alliance,
		Offer: e.Offer, Cells: e.Cells, Revived: e.Revived}
	if e.Actor >= 0 {
		rec.Actor = c.id[e.Actor]
	}
	if e.Target >= 0 {
		rec.Target = c.id[e.Target]
	}
	if e.Others != 0 {
		rec.Others = make([]string, 0, e.Others.Len())
		e.Others.Each(func(i int) { rec.Others = append(rec.Others, c.id[i]) })
	}
	if e.Proposal != ProposeNone {
		rec.Proposal = e.Proposal.String()
	}
	switch e.Type {
	case EventScripted:
		se := &c.scenario.Events[e.Script]
		sr := &ScriptRecord{ID: se.ID, Kind: se.Kind.String(), Note: se.Note}
		switch se.Kind {
		case ScriptIntent:
			sr.Delta = se.Delta
		case ScriptCapability:
			for _, f := range []struct {
				set  bool
				v    float64
				into **float64
			}{{se.SetLand, se.Land, &sr.Land}, {se.SetNaval, se.Naval, &sr.Naval}, {se.SetEconomy, se.Economy, &sr.Economy}} {
				if f.set {
					v := f.v
					*f.into = &v
				}
			}
		case ScriptSovereignty:
			sr.Sovereign, sr.Unchanged = se.Sovereign, e.Unchanged
		case ScriptIdeology:
			sr.Ideology = se.Ideology
		}
		rec.Script = sr
	case EventProposal:
		rec.Commitment, rec.Kind = commitmentName(e.Strong), KindOf(e.Others.Len()+1).String()
	case EventRejection:
		rec.Reason = e.Reason.String()
	case EventFormed:
		rec.Commitment, rec.Kind = commitmentName(w.alliances[e.Alliance].Strong), KindOf(e.Others.Len()).String()
		rec.Origin = e.Origin.String()
		w.alliances[e.Alliance].SignedFor.Each(func(i int) { rec.Designated = append(rec.Designated, c.id[i]) })
	case EventJoined:
		rec.Commitment, rec.Origin = commitmentName(w.alliances[e.Alliance].Strong), e.Origin.String()
	case EventLapsed:
		rec.Commitment = commitmentName(e.Strong)
	case EventLeft:
		rec.Exit = e.Exit.String()
	case EventEnded:
		rec.Cause = e.Cause
		if into := w.alliances[e.Alliance].AbsorbedInto; into >= 0 {
			rec.Into = &into
		}
	}
	return rec
}
