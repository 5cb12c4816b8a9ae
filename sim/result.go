package sim

import (
	"slices"

	"github.com/alliancesim/alliancesim/agents"
)

// Result is what one run records (docs/model.md §7.14), as plain data with stable
// JSON names.
type Result struct {
	Scenario  string           `json:"scenario"`
	Seed      uint64           `json:"seed"`
	Start     string           `json:"start"`
	Ticks     int              `json:"ticks"`
	States    []string         `json:"states"`
	Alliances []AllianceRecord `json:"alliances"`
	Events    []EventRecord    `json:"events"`
	Series    []Sample         `json:"series,omitempty"`
}

// AllianceRecord is one alliance of a run. Ended is -1 and EndCause
// "horizon" for an alliance still in force at the horizon (right-censored).
type AllianceRecord struct {
	ID           int      `json:"id"`
	Members      []string `json:"members"`  // at the end (or when it ended)
	Founders     []string `json:"founders"` // when it formed
	Patron       bool     `json:"patron"`
	Kind         Kind     `json:"kind"` // size class at formation
	Origin       Origin   `json:"origin"`
	Commitment   string   `json:"commitment"`
	Formed       int      `json:"formed"`
	FormedDate   string   `json:"formed_date"`
	PatronJoined int      `json:"patron_joined"`
	Ended        int      `json:"ended"`
	EndedDate    string   `json:"ended_date,omitempty"`
	EndCause     EndCause `json:"end_cause"`
	Duration     int      `json:"duration"` // ticks in force, to the end or the horizon
	// Memberships are every state's spells in the alliance, in the order
	// they began.
	Memberships []MembershipRecord `json:"memberships"`
}

// MembershipRecord is one state's membership of an alliance: joined at
// tick Joined (how: Entry), left at tick Left (how: Exit), Left null while
// still a member at the end of the run.
type MembershipRecord struct {
	State  string `json:"state"`
	Joined int    `json:"joined"`
	Left   *int   `json:"left"`
	Entry  Entry  `json:"entry"`
	Exit   Exit   `json:"exit,omitempty"`
}

// EventRecord is an Event with names instead of indices: what happened,
// as structured fields. Package timeline writes it as a sentence.
type EventRecord struct {
	Tick     int       `json:"tick"`
	Date     string    `json:"date"`
	Type     EventType `json:"type"`
	Actor    string    `json:"actor,omitempty"`
	Target   string    `json:"target,omitempty"`
	Others   []string  `json:"others,omitempty"`
	Alliance int       `json:"alliance"`
	Proposal string    `json:"proposal,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	// Offer numbers a proposal and marks its answers (1 + the index into
	// World.Offers; absent for other events).
	Offer int `json:"offer,omitempty"`
	Cells int `json:"cells,omitempty"`
	// Commitment is "strong" or "weak": of the alliance proposed (proposal)
	// or of the alliance formed or joined.
	Commitment string `json:"commitment,omitempty"`
	// Kind is the size class of the alliance proposed (proposer and
	// invitees) or formed (its founders).
	Kind string `json:"kind,omitempty"`
	// Origin is the alliance's origin when formed or joined.
	Origin string `json:"origin,omitempty"`
	// Cause is why an alliance ended.
	Cause EndCause `json:"cause,omitempty"`
	// Script is the scripted event behind an EventScripted.
	Script *ScriptRecord `json:"script,omitempty"`
}

// ScriptRecord is the scripted event behind an EventRecord: its id (""
// if the scenario gave none), kind and note, and what it set — the shift
// of intent (intent), the capabilities set (capability; nil: unchanged),
// sovereignty (sovereignty) or the new ideology (ideology). Actor,
// Target and Cells are those of the EventRecord.
type ScriptRecord struct {
	ID        string   `json:"id,omitempty"`
	Kind      string   `json:"kind"`
	Note      string   `json:"note,omitempty"`
	Delta     float64  `json:"delta,omitempty"`
	Land      *float64 `json:"land,omitempty"`
	Naval     *float64 `json:"naval,omitempty"`
	Economy   *float64 `json:"economy,omitempty"`
	Sovereign bool     `json:"sovereign,omitempty"`
	Ideology  float64  `json:"ideology,omitempty"`
}

// Sample is one row of the optional time series.
type Sample struct {
	Tick      int       `json:"tick"`
	Threat    []float64 `json:"threat"`
	Reference []float64 `json:"reference"`
	Losses    []bool    `json:"losses"`
	Alliances [][]int   `json:"alliances"` // per state, the ids of its alliances
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
		l.reserve((max(w.c.scenario.Ticks, 1)-1)/every+1, n)
	}
	s := Sample{Tick: w.tick, Threat: cut(&l.floats, w.threat), Reference: cut(&l.floats, w.reference),
		Losses: cut(&l.flags, w.losses)}
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

// Result assembles the record of the run so far. Alliances still in force
// are right-censored at the current tick.
func (w *World) Result() *Result {
	c := w.c
	r := &Result{Scenario: c.scenario.Name, Seed: w.seed, Start: c.scenario.Calendar.Label(0), Ticks: w.tick,
		States: append([]string(nil), c.id...), Series: w.series.samples, Alliances: []AllianceRecord{}}
	names := func(s agents.Set) []string {
		out := make([]string, 0, s.Len())
		s.Each(func(i int) { out = append(out, c.id[i]) })
		return out
	}
	for a := range w.alliances {
		al := &w.alliances[a]
		rec := AllianceRecord{ID: al.ID, Members: names(al.Members), Founders: names(al.Founders), Patron: al.HasPatron,
			Kind: KindOf(al.Founders.Len()), Origin: al.Origin, Commitment: commitmentName(al.Strong), Formed: al.Formed,
			FormedDate: w.Label(al.Formed), PatronJoined: al.PatronJoined, Ended: al.Ended, EndCause: al.Cause}
		if al.Active() {
			rec.EndCause = EndHorizon
			rec.Duration = w.tick - al.Formed
		} else {
			rec.EndedDate = w.Label(al.Ended)
			rec.Duration = al.Ended - al.Formed
		}
		rec.Memberships = make([]MembershipRecord, 0, len(al.Spells))
		for _, sp := range al.Spells {
			m := MembershipRecord{State: c.id[sp.State], Joined: sp.Joined, Entry: sp.Entry, Exit: sp.Exit}
			if sp.Left >= 0 {
				left := sp.Left
				m.Left = &left
			}
			rec.Memberships = append(rec.Memberships, m)
		}
		r.Alliances = append(r.Alliances, rec)
	}
	r.Events = make([]EventRecord, 0, len(w.events))
	for i := range w.events {
		r.Events = append(r.Events, w.EventRecord(&w.events[i]))
	}
	return r
}

// EventRecord is the record of an event of this world, with names
// instead of indices (what an observer is handed, as Result records it).
func (w *World) EventRecord(e *Event) EventRecord {
	c := w.c
	rec := EventRecord{Tick: e.Tick, Date: w.Label(e.Tick), Type: e.Type, Alliance: e.Alliance,
		Offer: e.Offer, Cells: e.Cells}
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
		se := &c.events[e.Script]
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
			sr.Sovereign = se.Sovereign
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
	case EventJoined:
		rec.Commitment, rec.Origin = commitmentName(w.alliances[e.Alliance].Strong), e.Origin.String()
	case EventEnded:
		rec.Cause = e.Cause
	}
	return rec
}
