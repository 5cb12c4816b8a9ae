package agents

import (
	"fmt"
	"reflect"
	"regexp"
)

// OptionKind is the shape of an alliance option a patron can pursue.
type OptionKind int

// Option kinds (docs/model.md §7.8).
const (
	OptionNone         OptionKind = iota // self-help
	OptionJoin                           // join an existing client alliance
	OptionMultilateral                   // propose to a set of clients
	OptionBilateral                      // propose to one client
)

func (k OptionKind) String() string {
	switch k {
	case OptionNone:
		return "none"
	case OptionJoin:
		return "join"
	case OptionMultilateral:
		return "multilateral"
	case OptionBilateral:
		return "bilateral"
	}
	return fmt.Sprintf("OptionKind(%d)", int(k))
}

// Option is an alliance option: partners plus a commitment. For
// OptionJoin, Alliance is the id of the alliance joined and Partners its
// members.
type Option struct {
	Kind     OptionKind
	Partners Set
	Alliance int
	Strong   bool
}

// PatronView is the read-only view of the world a patron strategy decides
// from. The simulation implements it; strategies never mutate the world.
type PatronView interface {
	Tick() int
	Threat() float64    // T_p
	Reference() float64 // ρ_p
	// Decision is the patron's decision settings, to read: a fresh copy
	// at each call, so that writing to it changes nothing the engine
	// reads, in this replication or another.
	Decision() *Decision
	// ClientAllianceExists reports whether the patron's clients have an
	// alliance of their own in force: of clients alone, or one they formed
	// and the patron joined.
	ClientAllianceExists() bool
	// CommittedClients is the set of clients in alliances of clients
	// alone: committed to each other, not (yet) to a patron.
	CommittedClients() Set
	// Allied reports whether the patron belongs to an alliance in force.
	Allied() bool
	// Waited is the number of ticks since the patron first preferred an
	// alliance option to self-help (0 before); the wait starts anew once
	// the patron has no ally left: every alliance it entered since has
	// ended or it has left it (one it left may go on among its clients).
	Waited() int
	// Rise is how far the patron's threat rose since it began to wait (0
	// while it does not wait): the deterioration that makes it impatient.
	// No built-in strategy reads it; a registered strategy may.
	Rise() float64
	// Revisionism is a state's revisionism as every state reads it: the
	// scenario's, moved by the scripted intent shocks read into it by all
	// (docs/model.md §7.2), as entrapment and challenges read it.
	Revisionism(state int) float64
}

// A Strategy filters the options a patron may pursue in a diplomacy round;
// the patron then takes the best admitted option by its valuation. Register
// your own with RegisterStrategy and name it in decision.strategy.
//
// It filters the patron's own choice only. A multilateral it admits and
// the invitees refuse is followed by Cohen's fallback (docs/model.md §7.9):
// the patron offers the acceptors a smaller alliance, down to bilaterals,
// without asking Admit again. A strategy that admits no bilateral but
// admits multilaterals therefore still sees its patron in bilaterals.
//
// Admit is asked about every set the patron's multilateral search values
// as it grows its set one client at a time (GreedyCoalition, from the
// best single client up to three and beyond): an Option of kind
// OptionMultilateral with one or two partners is a step of that search,
// not an offer. A set it refuses is not grown, so a strategy that admits
// multilaterals only of three or more clients is never offered one; to
// judge a multilateral by its size, admit the smaller sets and refuse the
// larger ones it does not want.
//
// Admit must be a pure function of its arguments: a registered strategy
// is shared by every replication, and runner's workers call it
// concurrently. A strategy that keeps state (a count, a cache) races, and
// its results would depend on how the replications were scheduled.
type Strategy interface {
	Admit(v PatronView, o Option) bool
}

// registeredName is what a registered strategy or valuation may be named:
// a plain word, as a scenario file writes it and as the messages that list
// the names (joined by ", ") can show it unambiguously.
var registeredName = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

const registeredNameRule = "lowercase letters, digits, _ and -, starting with a letter"

// RegisterStrategy makes s available under name to scenario files
// (decision.strategy = name). It panics if the name is taken, empty or not
// a plain name (lowercase letters, digits, _ and -, starting with a
// letter), or s is nil: a registration clash is a programming error,
// found at init.
func RegisterStrategy(name string, s Strategy) {
	registry.Lock()
	defer registry.Unlock()
	if name == "" || isNil(s) {
		panic("agents: RegisterStrategy with empty name or nil strategy")
	}
	if !registeredName.MatchString(name) {
		panic(fmt.Sprintf("agents: RegisterStrategy with name %q; allowed: %s", name, registeredNameRule))
	}
	if _, dup := registry.strategies[name]; dup {
		panic(fmt.Sprintf("agents: strategy %q registered twice", name))
	}
	registry.strategies[name] = s
}

// LookupStrategy returns the strategy registered under name.
func LookupStrategy(name string) (Strategy, bool) {
	registry.RLock()
	defer registry.RUnlock()
	s, ok := registry.strategies[name]
	return s, ok
}

// StrategyNames lists the registered patron strategies, sorted.
func StrategyNames() []string {
	registry.RLock()
	defer registry.RUnlock()
	return sortedKeys(registry.strategies)
}

// ProspectStrategy is He & Feng's patron: every option is open and the
// valuation alone decides.
type ProspectStrategy struct{}

// Admit admits every option.
func (ProspectStrategy) Admit(PatronView, Option) bool { return true }

// AssuranceStrategy is Cohen's patron (H1): it wants its clients committed
// to each other before it commits. Joining a client alliance is always
// open (H5). To clients not committed to each other it offers nothing for
// up to decision.patience ticks, unless it is in the domain of losses by
// more than decision.impose_threshold (T_p − ρ_p, as the specification, MODEL.md §6, has it; docs/model.md §7.8:
// a crisis such as Dien Bien Phu, or an adversary read as far more
// revisionist than the status quo); then it may propose a multilateral set
// of them anyway (imposed), but never to clients already committed to each
// other. A patron whose patience has run out while it still belongs to no
// alliance commits as ProspectStrategy would (the specification's "as prospect"
// past its patience): to a multilateral set or to a bilateral, whichever
// its valuation prefers (Cohen: the United States committed to its Asian
// allies before they had committed to each other). Once it belongs to an
// alliance, bilaterals come only from the fallback after a refused
// multilateral (H4).
type AssuranceStrategy struct{}

// Admit implements Strategy.
func (AssuranceStrategy) Admit(v PatronView, o Option) bool {
	switch o.Kind {
	case OptionNone, OptionJoin:
		return true
	}
	if o.Partners&v.CommittedClients() != 0 {
		return false
	}
	d := v.Decision()
	patienceOut := float64(v.Waited()) >= d.Patience
	if o.Kind == OptionBilateral {
		return patienceOut && !v.Allied()
	}
	return patienceOut || v.Threat()-v.Reference() > d.ImposeThreshold
}

// PowerplayStrategy is Cha's patron: clients more revisionist than
// decision.control_threshold are offered only bilateral alliances, which let
// the patron restrain them; everything else is as ProspectStrategy.
type PowerplayStrategy struct{}

// Admit implements Strategy.
func (PowerplayStrategy) Admit(v PatronView, o Option) bool {
	if o.Kind == OptionBilateral || o.Kind == OptionNone {
		return true
	}
	limit := v.Decision().ControlThreshold
	ok := true
	o.Partners.Each(func(j int) { ok = ok && v.Revisionism(j) <= limit })
	return ok
}

// isNil says whether v is nil or holds a nil pointer, func, map, slice,
// channel or interface. Such a value is refused at registration: a nil
// func, or a nil pointer whose methods read their receiver, would panic
// only when the engine first called it, far from the mistake.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Func, reflect.Map, reflect.Slice, reflect.Chan, reflect.Interface:
		return rv.IsNil()
	}
	return false
}
