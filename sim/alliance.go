package sim

import (
	"fmt"

	"github.com/alliancesim/alliancesim/agents"
)

// Kind is an alliance's size class (MODEL.md §6).
type Kind int

// Kinds of alliance.
const (
	Bilateral    Kind = iota // 2 members
	Trilateral               // 3 members
	Multilateral             // 4 or more
)

var kindNames = [...]string{"bilateral", "trilateral", "multilateral"}

func (k Kind) String() string { return kindNames[k] }

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

// Origin says how an alliance came about (MODEL.md §6).
type Origin int

// Origins.
const (
	OriginClient     Origin = iota // clients alone
	OriginIndigenous               // a patron joined a client alliance
	OriginImposed                  // patron-initiated, 3 or more members
	OriginBilateral                // patron–client pair
)

var originNames = [...]string{"client", "indigenous", "imposed", "bilateral"}

func (o Origin) String() string { return originNames[o] }

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

func (e EndCause) String() string { return endCauseNames[e] }

// MarshalText writes the cause's name.
func (e EndCause) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// MarshalText writes the origin's name.
func (o Origin) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Alliance is one alliance of a run. Members change as states join and
// leave; Kind follows the current size.
type Alliance struct {
	ID           int
	Members      agents.Set
	Founders     agents.Set
	Strong       bool // commitment
	Origin       Origin
	HasPatron    bool
	Formed       int // tick
	PatronJoined int // tick a patron became a member; -1 if none has
	Ended        int // tick it ended; -1 while in force
	Cause        EndCause
	Cohesion     float64 // h_A
	// Designated are non-sovereign clients a patron signed up (see
	// Params.InviteOccupied); each joins when it becomes sovereign.
	Designated agents.Set
	// History lists the member sets the alliance has had, from its
	// formation, each with the tick it began.
	History []Membership

	penaltyUntil [MaxStates]int32 // entrapment: tick until which a member pays
	exit         [MaxStates]exitMemo
}

// exitMemo is a member's last valuation of leaving (see leaveProbability).
type exitMemo struct {
	version             int
	threat, cohesion, p float64
	penalised, valid    bool
}

// Membership is an alliance's member set from a tick on.
type Membership struct {
	Tick    int
	Members agents.Set
}

// Kind returns the alliance's current size class.
func (a *Alliance) Kind() Kind { return KindOf(a.Members.Len()) }

// Active reports whether the alliance is in force.
func (a *Alliance) Active() bool { return a.Ended < 0 }

func (a *Alliance) String() string {
	return fmt.Sprintf("alliance %d (%v, %s, %s)", a.ID, a.Kind(), a.Origin, commitmentName(a.Strong))
}

func commitmentName(strong bool) string {
	if strong {
		return "strong"
	}
	return "weak"
}
