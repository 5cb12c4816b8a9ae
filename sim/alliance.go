package sim

import (
	"fmt"

	"github.com/alliancesim/alliancesim/agents"
)

// Kind is an alliance's size class (docs/model.md §2.2).
type Kind int

// Kinds of alliance.
const (
	Bilateral    Kind = iota // 2 members
	Trilateral               // 3 members
	Multilateral             // 4 or more
)

var kindNames = [...]string{"bilateral", "trilateral", "multilateral"}

// KindOf returns the kind of an alliance of the given size.
func KindOf(size int) Kind {
	switch {
	case size <= 2:
		return Bilateral
	case size == 3:
		return Trilateral
	}
	return Multilateral
}

// Origin says how an alliance came about (docs/model.md §2.2).
type Origin int

// Origins.
const (
	OriginClient     Origin = iota // clients alone
	OriginIndigenous               // a patron joined a client alliance
	OriginImposed                  // patron-initiated, 3 or more members
	OriginBilateral                // patron–client pair
)

var originNames = [...]string{"client", "indigenous", "imposed", "bilateral"}

// EndCause says why an alliance ended.
type EndCause int

// End causes; EndNone while in force, EndHorizon when right-censored.
const (
	EndNone EndCause = iota
	EndMembersLeft
	EndPatronLeft
	EndOccupied
	EndHorizon
)

var endCauseNames = [...]string{"", "members_left", "patron_left", "occupied", "horizon"}

// Alliance is one alliance of a run. Members change as states join and
// leave; Kind follows the current size.
type Alliance struct {
	ID int
	// Members are the members now; an ended alliance keeps those it had
	// when it ended (as HasPatron keeps whether a patron was one), so a
	// reader that wants the alliances in force checks Active first.
	Members  agents.Set
	Founders agents.Set
	Strong   bool // commitment
	Origin   Origin
	// HasPatron: a patron is a member now. Only an indigenous alliance
	// outlives its patron's leaving (World.continueWithoutPatron), and is
	// then the clients' alliance again.
	HasPatron bool
	Formed    int // tick
	// OriginSince is the tick from which the alliance has had its Origin:
	// its formation, or the tick its origin last changed — a patron's
	// first entry into a clients' alliance (indigenous), or the entry on
	// sovereignty that made a patron's bilateral imposed (World.joinDesignated).
	OriginSince  int
	PatronJoined int // tick a patron first became a member; -1 if none has
	// PatronSize is the number of members just after a patron first became
	// a member (at formation or on joining); 0 if none has.
	PatronSize int
	// ClientPeak is the largest number of members the alliance had before
	// a patron first became a member; 0 if a patron founded it.
	ClientPeak int
	Ended      int // tick it ended; -1 while in force
	Cause      EndCause
	// EndedBy is the member whose leaving or elimination ended it (its
	// spell closed with that exit, not "ended"); meaningful only once
	// Ended >= 0.
	EndedBy int
	// AbsorbedInto is the alliance in force (the first by id) that held,
	// when it ended by its members' leaving, every member it had as that
	// tick's departures began: its members moved into that alliance, or
	// were all in it already, rather than part. -1 if there is none, or
	// while in force.
	AbsorbedInto int
	Cohesion     float64 // h_A
	// CohesionFormed is h_A at formation: how far the founders' threat
	// pictures converged when they signed.
	CohesionFormed float64
	// Designated are non-sovereign clients a patron signed up (see
	// Params.InviteOccupied); each joins when it becomes sovereign.
	Designated agents.Set
	// SignedFor are those it was formed with designated: its formation's
	// record names them (World.EventRecord), where Designated loses each
	// as it joins.
	SignedFor agents.Set
	// firstClients are the clients that founded it or joined it before
	// any patron had joined: each committed to the other clients of its
	// own accord, the assurance a patron reads (docs/model.md §7.4). One
	// that has left stays in it; only Members are read with it, and a
	// client joining again is judged anew.
	firstClients agents.Set
	// Spells lists every membership: who, from which tick to which, how
	// it began and how it ended. A member set at any tick is read off
	// them (MembersAt); they never mix an alliance's phases.
	Spells []Spell

	penaltyUntil [MaxStates]int32 // entrapment: tick until which a member pays
}

// Entry says how a state became a member of an alliance.
type Entry int

// Entries.
const (
	EntryFounded     Entry = iota // a founding member
	EntryJoined                   // a patron joined a client alliance (H5)
	EntryApplied                  // a client applied and the members voted it in
	EntrySovereignty              // signed up while occupied; a member on sovereignty
)

var entryNames = [...]string{"founded", "joined", "applied", "sovereignty"}

// Exit says how a membership ended.
type Exit int

// Exits; ExitNone while the state is a member.
const (
	ExitNone     Exit = iota
	ExitLeft          // the state chose to leave
	ExitOccupied      // the state was wholly occupied
	ExitEnded         // the alliance ended while the state was a member
)

var exitNames = [...]string{"", "left", "occupied", "ended"}

// Spell is one state's membership of an alliance: from tick Joined to tick
// Left (exclusive; -1 while a member).
type Spell struct {
	State        int
	Joined, Left int
	Entry        Entry
	Exit         Exit
}

// MembersAt returns the members at tick t, after that tick's changes; the
// empty set when the alliance was not in force at t.
func (a *Alliance) MembersAt(t int) agents.Set {
	var s agents.Set
	if t < a.Formed || (a.Ended >= 0 && t >= a.Ended) {
		return s
	}
	for _, sp := range a.Spells {
		if sp.Joined <= t && (sp.Left < 0 || t < sp.Left) {
			s = s.With(sp.State)
		}
	}
	return s
}

// admit opens a spell for x from tick t.
func (a *Alliance) admit(x, t int, how Entry) {
	a.Spells = append(a.Spells, Spell{State: x, Joined: t, Left: -1, Entry: how})
}

// noteSize updates PatronSize and ClientPeak after the members changed.
func (a *Alliance) noteSize() {
	switch {
	case a.PatronJoined < 0:
		a.ClientPeak = max(a.ClientPeak, a.Members.Len())
	case a.PatronSize == 0:
		a.PatronSize = a.Members.Len()
	}
}

// dismiss closes x's open spell at tick t. An entrapment penalty weighs
// on staying in that spell, and ends with it: a state that rejoins has
// not been dragged into anything in its new membership.
func (a *Alliance) dismiss(x, t int, how Exit) {
	for k := range a.Spells {
		if sp := &a.Spells[k]; sp.State == x && sp.Left < 0 {
			sp.Left, sp.Exit = t, how
		}
	}
	a.penaltyUntil[x] = 0
}

// Kind returns the alliance's current size class: of its members now,
// where AllianceRecord.Kind is of its founders.
func (a *Alliance) Kind() Kind { return KindOf(a.Members.Len()) }

// Active reports whether the alliance is in force.
func (a *Alliance) Active() bool { return a.Ended < 0 }

// String names the alliance by its id, kind (of its members now), origin
// and commitment: "alliance 1 (bilateral, bilateral, weak)". It has no
// members, which are state indices that only the Compiled names
// (Compiled.IDs); a Record's AllianceRecord has them as ids.
func (a *Alliance) String() string {
	return fmt.Sprintf("alliance %d (%v, %s, %s)", a.ID, a.Kind(), a.Origin, commitmentName(a.Strong))
}

func commitmentName(strong bool) string {
	if strong {
		return "strong"
	}
	return "weak"
}
