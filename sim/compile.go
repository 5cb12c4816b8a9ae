package sim

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// MaxStates is the largest number of states a scenario may have: member
// sets are 64-bit masks (agents.Set).
const MaxStates = 64

// MaxEvents is the most scripted events a scenario may have: a hundred
// times the largest historical scenario, and a bound on the memory a
// scenario file can make its decoder use (configs.MaxTables).
const MaxEvents = 10_000

// MaxForce bounds land, naval and economy values: with occupation
// steepness at most 20, (force)^κ stays finite in float64.
const MaxForce = 1e6

// Compiled is a scenario turned into indexed, immutable data: the grid with
// its distance fields, parameters as typed fields, states by index, events
// by tick. Replications share it read-only; it is safe for concurrent use.
type Compiled struct {
	scenario Scenario
	n        int
	geo      *theater.Geometry

	id          []string
	role        []Role
	revisionism []float64
	ideology    []float64
	land        []float64
	naval       []float64
	economy     []float64
	sovereign   []bool
	hasRef      []bool
	reference   []float64
	decision    []agents.Decision
	valuation   []agents.Valuation
	strategy    []agents.Strategy
	stakes      []float64 // n×n: stakes[p*n+c]
	grievance   []float64 // n×n: grievance[i*n+j]

	patrons, clients, adversaries agents.Set
	events                        []compiledEvent

	// what the engine reads of the scenario, copied so that a caller
	// writing to Scenario() changes no run
	name     string
	ticks    int
	calendar Calendar

	p          Params  // on the tick's time scale (timescale.go)
	invWeights float64 // 1/(w_P + w_G + w_O), 0 if they sum to 0
	costs      agents.CostParams
	spread     spreadTable // agents.Spread of each commitment and number of partners
	challenge  agents.ChallengeParams
}

type compiledEvent struct {
	ScriptedEvent
	actor, target int // -1 when absent
	file          int // its index in the scenario's events (Event.Script)
}

// Runnable says why c cannot be run, or nil: it is nil, or a zero
// Compiled rather than one made by Compile (it has no theatre and no
// states).
func Runnable(c *Compiled) error {
	switch {
	case c == nil:
		return errors.New("a nil scenario; allowed: one made by sim.Compile")
	case c.geo == nil:
		return errors.New("a Compiled not made by sim.Compile (a zero value); allowed: one made by sim.Compile")
	}
	return nil
}

// Compile checks a scenario (Validate: every problem at once, each named
// by its key path) and indexes it. The scenario is copied; later changes to
// it do not reach the Compiled.
func Compile(sc *Scenario) (*Compiled, error) {
	if sc == nil {
		return nil, errNilScenario("Compile")
	}
	name := sc.Name // as errors name it
	if name == "" {
		name = "(no name)"
	}
	grid, err := sc.validate()
	if err != nil {
		return nil, fmt.Errorf("scenario %s:\n%w", name, err)
	}
	n := len(sc.States)
	p := sc.Params
	tp := theater.Params{RoughCost: p.RoughCost, SeaCost: p.SeaCost, ProjectionRange: p.ProjectionRange,
		Sealift: p.Sealift, RoughBonus: p.RoughBonus}
	geo, err := theater.Compile(grid, n, tp)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: theatre: %w", name, err)
	}
	c := &Compiled{scenario: *sc.Clone(), name: sc.Name, ticks: sc.Ticks, calendar: sc.Calendar, n: n, geo: geo, p: p.perTick(sc.Calendar)}
	if err := c.indexStates(sc); err != nil {
		return nil, fmt.Errorf("scenario %s: %w", sc.Name, err)
	}
	index := map[string]int{}
	for i, s := range sc.States {
		index[s.ID] = i
	}
	c.indexPairs(sc, index)
	c.indexEvents(sc, index)
	c.costs = agents.CostParams{Base: p.CostBase, Entrapment: p.CostEntrapment, Divergence: p.CostDivergence,
		Threat: p.CostThreat, AssuranceWeight: p.AssuranceWeight, SpreadBase: p.SpreadBase,
		SpreadMembers: p.SpreadMembers, ResidualHelp: p.ResidualHelp, ArmsCost: p.ArmsCost}
	c.spread = newSpreadTable(c)
	if sum := p.WeightPower + p.WeightProximity + p.WeightOffence; sum > 0 {
		c.invWeights = 1 / sum
	}
	c.challenge = agents.ChallengeParams{Rate: p.ChallengeRate, Steepness: p.ChallengeSteepness, Threshold: p.ChallengeThreshold}
	// Reference points: given, with the rule that set them written beside
	// them in the scenario, or the status-quo threat (docs/model.md §7.3).
	sq := statusQuoThreats(c)
	for i := range c.reference {
		if !c.hasRef[i] {
			c.reference[i] = sq[i]
		}
	}
	return c, nil
}

// indexStates fills the per-state columns of c from sc's states, in
// order: inputs, decision rule (per tick), valuation and strategy, and
// the sets of each role.
func (c *Compiled) indexStates(sc *Scenario) error {
	for i, s := range sc.States {
		c.id = append(c.id, s.ID)
		c.role = append(c.role, s.Role)
		c.revisionism = append(c.revisionism, s.Revisionism)
		c.ideology = append(c.ideology, s.Ideology)
		c.land = append(c.land, s.Land)
		c.naval = append(c.naval, s.Naval)
		c.economy = append(c.economy, s.Economy)
		c.sovereign = append(c.sovereign, s.Sovereign)
		c.hasRef = append(c.hasRef, s.HasReference)
		c.reference = append(c.reference, s.Reference)
		d, err := sc.DecisionOf(i)
		if err != nil {
			return fmt.Errorf("state %s: decision: %w", s.ID, err)
		}
		c.decision = append(c.decision, decisionPerTick(d, sc.Calendar))
		v, ok := agents.LookupValuation(d.Valuation)
		if !ok {
			return fmt.Errorf("state %s: valuation %q is not registered; allowed: %s", s.ID, d.Valuation, strings.Join(agents.ValuationNames(), ", "))
		}
		st, ok := agents.LookupStrategy(d.Strategy)
		if !ok {
			return fmt.Errorf("state %s: strategy %q is not registered; allowed: %s", s.ID, d.Strategy, strings.Join(agents.StrategyNames(), ", "))
		}
		c.valuation = append(c.valuation, v)
		c.strategy = append(c.strategy, st)
		switch s.Role {
		case Patron:
			c.patrons = c.patrons.With(i)
		case Client:
			c.clients = c.clients.With(i)
		case Adversary:
			c.adversaries = c.adversaries.With(i)
		}
	}
	return nil
}

// indexPairs fills the n×n grievance and stake matrices: a patron's stake
// in every client is 1 unless the scenario gives another.
func (c *Compiled) indexPairs(sc *Scenario, index map[string]int) {
	n := c.n
	c.stakes = make([]float64, n*n)
	c.grievance = make([]float64, n*n)
	for i, s := range sc.States {
		for id, g := range s.Grievance {
			c.grievance[i*n+index[id]] = g
		}
		if s.Role != Patron {
			continue
		}
		c.clients.Each(func(j int) { c.stakes[i*n+j] = 1 })
		for id, v := range s.Stakes {
			c.stakes[i*n+index[id]] = v
		}
	}
}

// indexEvents resolves the scripted events' states to indices and sorts
// the events by tick, keeping file order within a tick (applyScripted
// walks them in this order).
func (c *Compiled) indexEvents(sc *Scenario, index map[string]int) {
	for i, e := range sc.Events {
		ce := compiledEvent{ScriptedEvent: e, actor: index[e.Actor], target: -1, file: i}
		if e.Target != "" {
			ce.target = index[e.Target]
		}
		c.events = append(c.events, ce)
	}
	slices.SortStableFunc(c.events, func(a, b compiledEvent) int { return a.Tick - b.Tick })
}

// Scenario returns a copy of the scenario the Compiled was made from
// (Scenario.Clone): changing it changes neither the runs nor what the
// runner records of them (the hub-and-spokes dates, scenario.toml).
func (c *Compiled) Scenario() *Scenario { return c.scenario.Clone() }

// Name is the scenario's name.
func (c *Compiled) Name() string { return c.name }

// Ticks is the horizon: ticks 0 … Ticks−1 are simulated.
func (c *Compiled) Ticks() int { return c.ticks }

// Calendar is the scenario's calendar.
func (c *Compiled) Calendar() Calendar { return c.calendar }

// N is the number of states.
func (c *Compiled) N() int { return c.n }

// errNilScenario is the error of a function given a nil *Scenario.
func errNilScenario(fn string) error {
	return fmt.Errorf("sim: %s of a nil scenario; allowed: a *Scenario, from configs.Builtin, configs.Load or built in Go", fn)
}

// ID returns the id of state i; it panics if i is not a state index.
func (c *Compiled) ID(i int) string { return c.id[c.state(i)] }

// IDs returns the ids of the states in s, in the scenario's order of
// states (as s.Each visits them; a record's member lists are sorted by id
// instead), and nil for the empty set. It panics if s holds an index that
// is not a state's.
func (c *Compiled) IDs(s agents.Set) []string {
	var ids []string
	s.Each(func(j int) { ids = append(ids, c.ID(j)) })
	return ids
}

// Index returns the index of the state with the given id, or -1. For an
// id a user typed, IndexOf says what is allowed instead.
func (c *Compiled) Index(id string) int {
	for i, s := range c.id {
		if s == id {
			return i
		}
	}
	return -1
}

// IndexOf returns the index of the state with the given id; an id that
// names no state is an error listing the ids there are.
func (c *Compiled) IndexOf(id string) (int, error) {
	if i := c.Index(id); i >= 0 {
		return i, nil
	}
	return -1, fmt.Errorf("%q is not a state of %s; allowed: %s", id, c.name, strings.Join(c.id, ", "))
}

// SetOf is the set of the states with these ids. An id that names no
// state is an error listing the ids there are (IndexOf): Index gives -1
// for it, and Set.With(-1) would leave it out without a word.
func (c *Compiled) SetOf(ids ...string) (agents.Set, error) {
	var s agents.Set
	for _, id := range ids {
		i, err := c.IndexOf(id)
		if err != nil {
			return 0, err
		}
		s = s.With(i)
	}
	return s, nil
}

// state returns i if it is a state index, 0 … n−1, and panics naming the
// range otherwise: the read-only views take indices, as a slice does, but
// a flat n×n table read at i·n+j with j out of range would give another
// pair's value instead of failing.
func (c *Compiled) state(i int) int {
	if i < 0 || i >= c.n {
		panic(fmt.Sprintf("sim: state index %d out of range [0, %d) of %s (Index gives -1 for an id that names no state; IndexOf says why)", i, c.n, c.name))
	}
	return i
}

// Role returns the role of state i; it panics if i is not a state index.
func (c *Compiled) Role(i int) Role { return c.role[c.state(i)] }

// Decision returns how state i decides: the scenario's [decision] with the
// state's overrides applied, its reference adaptation and patience on the
// tick's time scale (PerTick, TicksFor). It panics if i is not a state
// index.
func (c *Compiled) Decision(i int) agents.Decision { return c.decision[c.state(i)] }

// Geometry returns the theatre as compiled, before any occupation. Read
// only: every World of c starts from it, and a change would reach every
// later replication.
func (c *Compiled) Geometry() *theater.Geometry { return c.geo }

// Params returns the scenario's parameters as written: rates per month,
// durations in months. The engine runs on their values per tick
// (Calendar.PerTick, Calendar.TicksFor).
func (c *Compiled) Params() Params { return c.scenario.Params }

// commitment returns k for a commitment.
func (c *Compiled) commitment(strong bool) float64 {
	if strong {
		return c.p.CommitmentStrong
	}
	return c.p.CommitmentWeak
}

// control returns the chance that a patron restrains a client before a
// crisis in an alliance of the given size (docs/model.md §7.11).
func (c *Compiled) control(size int) float64 {
	switch KindOf(size) {
	case Bilateral:
		return c.p.ControlBilateral
	case Trilateral:
		return c.p.ControlTrilateral
	}
	return c.p.ControlMultilateral
}

// honour returns p_k for a commitment.
func (c *Compiled) honour(strong bool) float64 {
	if strong {
		return c.p.PStrong
	}
	return c.p.PWeak
}
