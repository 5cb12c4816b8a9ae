package sim

import (
	"fmt"
	"maps"
	"slices"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// Scenario is a fully resolved, validated scenario as plain data: what the
// configs package decodes from a TOML file and what Compile turns into an
// indexed, immutable *Compiled. Every default is filled in.
type Scenario struct {
	Name        string
	Description string
	Source      string // where it came from: a file path, or "builtin/NAME.toml" for a built-in
	Calendar    Calendar
	Ticks       int // horizon: ticks 0 … Ticks−1 are simulated

	// Exactly one of Map and Generate describes the theatre.
	Map      string // ASCII map, '~' sea, '.' unowned land, '^' unowned rough, glyphs
	Rough    string // optional rough overlay of the same size
	Generate *theater.GenerateSpec

	Params Params
	// Decision is the scenario's [decision]: how every state decides,
	// unless it overrides a key (State.Decision). Compile resolves each
	// state's settings against it.
	Decision agents.Decision
	States   []State
	Events   []ScriptedEvent
}

// Role of a state.
type Role int

// Roles (docs/model.md §2.1).
const (
	Patron Role = iota
	Client
	Adversary
)

// roleNames is the table RoleNames returns a copy of.
var roleNames = []string{"patron", "client", "adversary"}

// RoleNames returns the roles as written in scenario files, indexed by
// Role, as a copy: changing it changes nothing the engine reads.
func RoleNames() []string {
	return slices.Clone(roleNames)
}

func (r Role) String() string {
	if r >= 0 && int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// ParseRole turns a file's role name into a Role.
func ParseRole(s string) (Role, bool) {
	for i, n := range roleNames {
		if n == s {
			return Role(i), true
		}
	}
	return 0, false
}

// State is one agent as the scenario defines it (docs/model.md §2.1).
type State struct {
	ID, Name    string
	Role        Role
	Glyph       rune // 0 when the state owns no land
	Land, Naval float64
	Economy     float64
	Revisionism float64
	Ideology    float64
	// Sovereign states sign treaties; a state that is not (occupied Japan
	// until 1952) can be signed for by a patron and joins on sovereignty
	// (docs/model.md §7.9). A file's sovereign defaults to true, but the
	// zero value here is false: a State built in Go that should take part
	// in diplomacy must set Sovereign: true.
	Sovereign    bool
	Stakes       map[string]float64 // patrons: value of each client; unlisted clients 1
	Grievance    map[string]float64 // extra hostile intent read into others
	HasReference bool               // Reference was given; otherwise the status-quo threat
	Reference    float64
	// Decision holds only the keys of [decision] this state sets for
	// itself; every other key is the scenario's (Scenario.Decision),
	// resolved at Compile. Nil: the scenario's settings throughout.
	// Validate refuses any key on an adversary, which weighs no alliance,
	// and a patron's key (agents.DecisionSpec.Patron) on a client.
	Decision agents.DecisionOverrides
}

// ScriptKind is the kind of a scripted event.
type ScriptKind int

// Scripted event kinds (docs/model.md §7.15).
const (
	ScriptIntent ScriptKind = iota
	ScriptOccupy
	ScriptWithdraw
	ScriptCapability
	ScriptSovereignty
	ScriptIdeology
)

// scriptKindNames is the table ScriptKindNames returns a copy of.
var scriptKindNames = []string{"intent", "occupy", "withdraw", "capability", "sovereignty", "ideology"}

// ScriptKindNames returns the kinds as written in scenario files, as a
// copy: changing it changes nothing the engine reads.
func ScriptKindNames() []string {
	return slices.Clone(scriptKindNames)
}

func (k ScriptKind) String() string {
	if k >= 0 && int(k) < len(scriptKindNames) {
		return scriptKindNames[k]
	}
	return fmt.Sprintf("ScriptKind(%d)", int(k))
}

// ParseScriptKind turns a file's event kind into an ScriptKind.
func ParseScriptKind(s string) (ScriptKind, bool) {
	for i, n := range scriptKindNames {
		if n == s {
			return ScriptKind(i), true
		}
	}
	return 0, false
}

// MaxShock bounds an intent shock: a shift of revisionism on the logit
// scale of at most ±10 takes any revisionism in [0.01, 0.99] to within
// 5e-5 of 0 or 1.
const MaxShock = 10

// ScriptedEvent is a scripted shock. Scenarios script shocks, never treaties.
type ScriptedEvent struct {
	// ID is the event's stable name from the scenario file ([[events]] id),
	// unique within a scenario; "" when the file gave none. Overlays drop or
	// replace events by it.
	ID     string
	Tick   int
	Kind   ScriptKind
	Actor  string
	Target string // occupy, withdraw: the victim; intent: the only perceiver, or ""
	// Delta shifts Actor's revisionism on the logit scale, as every state
	// (or only Target) reads it (intent events; docs/model.md §7.2).
	Delta float64
	// Fraction is the share of the target's cells taken (occupy) or of the
	// cells taken from it handed back (withdraw).
	Fraction float64
	// Capability events: new absolute values, where Set* is true.
	SetLand, SetNaval, SetEconomy bool
	Land, Naval, Economy          float64
	Sovereign                     bool    // sovereignty events: the new value (of a client or patron: CheckScriptActor)
	Ideology                      float64 // ideology events: the actor's new position on [-1, 1]
	Note                          string
}

// Grid builds the scenario's theatre grid, with cells owned by state
// indices: from the ASCII map, or generated, where every state with a glyph
// receives a territory.
func (sc *Scenario) Grid() (*theater.Grid, error) {
	if sc == nil {
		return nil, errNilScenario("Grid")
	}
	var withGlyph []int
	for i, s := range sc.States {
		if s.Glyph != 0 {
			withGlyph = append(withGlyph, i)
		}
	}
	if sc.Generate != nil {
		g, err := theater.Generate(*sc.Generate, len(withGlyph))
		if err != nil {
			return nil, err
		}
		for c, o := range g.Owner {
			if o != theater.NoOwner {
				g.Owner[c] = int16(withGlyph[o])
			}
		}
		return g, nil
	}
	glyphs := make(map[rune]int, len(withGlyph))
	for _, i := range withGlyph {
		glyphs[sc.States[i].Glyph] = i
	}
	return theater.Parse(sc.Map, sc.Rough, glyphs)
}

// Glyphs returns each state's glyph, indexed like States.
func (sc *Scenario) Glyphs() []rune {
	out := make([]rune, len(sc.States))
	for i, s := range sc.States {
		out[i] = s.Glyph
	}
	return out
}

// Index returns the index of the state with the given id, or -1.
func (sc *Scenario) Index(id string) int {
	for i, s := range sc.States {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// DecisionOf returns how state i decides: the scenario's Decision with the
// state's overrides applied. The error names any override that is unknown
// or out of range (Validate reports it too).
func (sc *Scenario) DecisionOf(i int) (agents.Decision, error) {
	if i < 0 || i >= len(sc.States) {
		return agents.Decision{}, fmt.Errorf("state index %d out of range [0, %d)", i, len(sc.States))
	}
	return sc.States[i].Decision.Apply(sc.Decision)
}

// Clone returns a deep copy of the scenario: its states (with their
// stakes, grievances and decision overrides), events and generator
// settings are its own, so the copy can be changed, or used from another
// goroutine, without touching sc. The clone of nil is nil.
func (sc *Scenario) Clone() *Scenario {
	if sc == nil {
		return nil
	}
	out := *sc
	out.States = slices.Clone(sc.States)
	for i := range out.States {
		s := &out.States[i]
		s.Stakes, s.Grievance, s.Decision = maps.Clone(s.Stakes), maps.Clone(s.Grievance), s.Decision.Clone()
	}
	out.Events = slices.Clone(sc.Events)
	if sc.Generate != nil {
		g := *sc.Generate
		out.Generate = &g
	}
	return &out
}
