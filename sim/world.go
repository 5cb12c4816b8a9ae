package sim

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// World is one replication: all mutable state of a run. It is not safe for
// concurrent use; run replications in separate Worlds, which share their
// *Compiled read-only.
//
// Its readings (Threat, AdversaryThreat, Perceived, Reference, Position,
// InLosses) are taken in the first tick: before the first Step the
// threats and reference points are 0, InLosses is false, and Position is
// the value of self-help at threat 0, 0 only where arms_cost is (its
// default), where Explain and its kin refuse with an error.
type World struct {
	c    *Compiled
	rng  *rand.Rand
	seed uint64
	tick int // the next tick Step simulates
	geo  *theater.Geometry

	land, naval, economy []float64
	ideology             []float64 // positions on [-1, 1], moved by ideology events
	sovereign, alive     []bool
	maxEconomy           float64
	// statusQuo marks the world that computes reference points: no
	// grievance, memory or noise, adversaries at status_quo_revisionism
	// and everyone else at no revisionism (statusQuoThreats).
	statusQuo bool

	// n×n matrices, row = perceiver m, column = source j, except proj,
	// projK and cred, which are indexed [j*n+m] (source first).
	shift     []float64 // scripted intent shocks, on the logit scale of revisionism
	memory    []float64 // remembered aggression
	perceived []float64 // T̂_mj
	hostile   []float64 // I_mj as if j were not an ally
	friendly  []float64 // I_mj as an ally: grievance and memory only
	base      []float64 // w_P·Pw_j + w_G·G_jm
	raw       []float64 // τ_mj as read under the ties in force
	proj      []float64 // P(j→m)
	projK     []float64 // (P(j→m)+ε)^κ
	cred      []float64 // P/(P + F₀)
	// rawFrom[m] is what m's row of raw was last read from
	// (rebaseline); rawGen counts the changes of what every row reads.
	rawFrom []rawStamp
	rawGen  uint64
	// readLogit[k] is agents.ReadingLogit(readTau[k]): the logit of the
	// last τ_mj perceived, kept for the next reading of the same τ
	// (cache.go). NaN before the first.
	readTau, readLogit []float64
	// shocked[k] is agents.ShockedRevisionism of j's revisionism under
	// shift shockedAt[k], kept while shift[k] is unchanged (cache.go); 0
	// before the first shock.
	shocked, shockedAt []float64
	// actorShift is the sum of the scripted shocks that every state reads
	// into an actor: how its revisionism moved (challenges read it).
	actorShift []float64
	// actorShocked[j] is agents.ShockedRevisionism of j's revisionism
	// under shift actorShockedAt[j], kept while actorShift[j] is
	// unchanged (revisionismOf, cache.go); 0 before the first shock.
	actorShocked, actorShockedAt []float64

	ties                   []tieRow  // how each state stands with the others
	threat, adv            []float64 // T_i and T_i^adv (patrons: max of its own and the stake-weighted quadratic mean of its clients')
	picture, directPicture []float64 // T^adv gross of allied help
	direct, directAdv      []float64 // threat to the state itself
	reference              []float64
	help, defence          []float64 // allied help and Def(i)
	defK                   []float64 // (Def(i)+ε)^κ
	assurance              []float64 // A_j: strongest commitment j made to other clients
	forcesDirty            bool
	// threatsRead: the states have read their threats and set their
	// reference points (perceive), as they do first in tick 0 after its
	// scripted events; the explanations appraise nothing before.
	threatsRead bool
	// inTick: a Step is playing tick w.tick (an Observer runs within
	// it), or stopped part-way through it on a non-finite value; between
	// Steps the world stands at the end of tick w.tick − 1 (standingTick).
	inTick bool

	alliances []Alliance
	events    []Event
	offers    []Offer // every proposal and its answers (proposals.go)
	// refusals holds the offers' refusals end to end, each offer's a
	// slice of it (refusal), so that a refused offer does not allocate
	// a slice of its own.
	refusals  []Refusal
	series    sampleLog
	observers []Observer
	// wantedSince is, for a patron, the first tick any alliance option
	// beat self-help since it last began to wait: -1 before, and again
	// once every alliance it had belonged to since has ended (committed).
	wantedSince []int
	// wantedThreat is a patron's threat at wantedSince.
	wantedThreat []float64
	// committed: the patron has entered an alliance since it last began
	// to wait.
	committed  []bool
	refused    []refusal
	pending    []pendingTreaty // bilaterals signed for occupied clients
	nextScript int

	// policy review (docs/model.md §7.13)
	concern   []int          // counts the changes that concern each state
	reviews   []reviewMark   // each state's last review
	reviewing agents.Set     // the states reviewing their policy this tick
	positions []positionMemo // exact cache of position values
	noCache   bool           // tests: every cache off (cache.go)
	view      patronView
	err       error // the first non-finite value found (finite.go)
	// decision is a fresh copy of a state's compiled decision settings,
	// made for each call of a valuation model (valueOf): the compiled
	// scenario is shared by every replication, and a registered model
	// that wrote to its settings must change nothing — not another
	// replication, not a later valuation in this one, and not what the
	// exact caches remember (patronView.Decision copies likewise).
	decision agents.Decision

	// scratch, reused so that steady-state ticks do not allocate
	order    []int
	values   []float64
	options  []agents.Option
	partners [MaxStates]agents.Partner
	// imposedAfter is, within one patron round, the patron's threat if an
	// imposed alliance with a set of clients stood (patronOptions): a
	// slice searched in order, not a map, as the hot loops are (a round
	// scores some tens of sets: at most 70 in a run of europe-1947). Its
	// capacity, made once, holds what the greedy searches over n
	// candidates can score, n(n+1)/2 each: two over the sets the
	// strategy admits and, for a patron not yet waiting, two more over
	// every set; so no round allocates.
	imposedAfter []setThreat
	// scored is, within one client's coalition search, the commitment
	// bestCommitment gave each set it scored (clientCoalition), in the
	// order scored; made once with room for the n(n+1)/2 sets a greedy
	// search over n candidates can score.
	scored []setCommitment
}

// setCommitment is a set of partners and whether the strong commitment
// was the better for it.
type setCommitment struct {
	set    agents.Set
	strong bool
}

// setThreat is a set of partners and a threat computed for it.
type setThreat struct {
	set    agents.Set
	threat float64
}

// reviewMark is a state's last policy review: when, at what threat, with
// which count of concerning changes, and (patrons) which kinds of option
// its strategy then admitted, and to whom.
type reviewMark struct {
	tick    int
	threat  float64
	concern int
	admits  admission
	done    bool
}

// pendingTreaty is a bilateral a patron signed for a non-sovereign client;
// it takes effect when the client becomes sovereign.
type pendingTreaty struct {
	patron, client int
	strong         bool
}

// refusal remembers a rejected proposal so it is not repeated every tick.
type refusal struct {
	proposer int
	set      agents.Set
	strong   bool
	until    int
}

// An Observer watches a run without forking its loop. OnEvent is called as
// each event is logged, OnTick after each tick. Both run on the World's
// goroutine and must not modify it.
type Observer interface {
	OnTick(w *World)
	OnEvent(w *World, e *Event)
}

// ObserverFuncs adapts functions to Observer; nil functions are skipped.
type ObserverFuncs struct {
	Tick  func(w *World)
	Event func(w *World, e *Event)
}

// OnTick implements Observer.
func (o ObserverFuncs) OnTick(w *World) {
	if o.Tick != nil {
		o.Tick(w)
	}
}

// OnEvent implements Observer.
func (o ObserverFuncs) OnEvent(w *World, e *Event) {
	if o.Event != nil {
		o.Event(w, e)
	}
}

// NewRand returns the generator of a replication with the given seed: a
// math/rand/v2 PCG whose two words are SplitMix64 of the seed and of the
// seed plus the golden-ratio increment. Nearby seeds give unrelated streams.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(SplitMix64(seed), SplitMix64(seed+0x9e3779b97f4a7c15)))
}

// SplitMix64 is one step of Steele, Lea and Flood's SplitMix64 from state
// x: the golden-ratio increment added, then their finaliser (mix64 of the
// paper); it spreads seeds. It is the first output of a SplitMix64
// generator seeded with x.
func SplitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// NewWorld starts a replication of c with the given seed. A run is a pure
// function of (c, seed). c must be one made by Compile: NewWorld(nil, …)
// panics, where Run(ctx, nil, seed) returns an error.
func NewWorld(c *Compiled, seed uint64, observers ...Observer) *World {
	n := c.n
	if slices.Contains(observers, nil) { // skipped, as the runner skips them
		observers = slices.DeleteFunc(slices.Clone(observers), func(o Observer) bool { return o == nil })
	}
	w := &World{c: c, rng: NewRand(seed), seed: seed, geo: c.geo, observers: observers,
		imposedAfter: make([]setThreat, 0, 2*c.n*(c.n+1)), scored: make([]setCommitment, 0, c.n*(c.n+1)/2)}
	w.land = append([]float64(nil), c.land...)
	w.naval = append([]float64(nil), c.naval...)
	w.economy = append([]float64(nil), c.economy...)
	w.ideology = append([]float64(nil), c.ideology...)
	w.sovereign = append([]bool(nil), c.sovereign...)
	w.alive = make([]bool, n)
	for i := range w.alive {
		w.alive[i] = true
	}
	mat := func() []float64 { return make([]float64, n*n) }
	w.shift, w.memory, w.perceived = mat(), mat(), mat()
	w.hostile, w.friendly, w.base, w.raw = mat(), mat(), mat(), mat()
	w.proj, w.projK, w.cred = mat(), mat(), mat()
	w.readTau, w.readLogit = mat(), mat()
	w.shocked, w.shockedAt = mat(), mat()
	for k := range w.readTau {
		w.readTau[k] = math.NaN()
	}
	vec := func() []float64 { return make([]float64, n) }
	w.threat, w.adv, w.direct, w.directAdv = vec(), vec(), vec(), vec()
	w.reference, w.help, w.defence, w.defK, w.assurance = vec(), vec(), vec(), vec(), vec()
	w.picture, w.directPicture, w.actorShift = vec(), vec(), vec()
	w.actorShocked, w.actorShockedAt = vec(), vec()
	w.ties = make([]tieRow, n)
	w.rawFrom = make([]rawStamp, n)
	w.concern = make([]int, n)
	w.reviews = make([]reviewMark, n)
	w.positions = make([]positionMemo, n)
	w.wantedSince = make([]int, n)
	w.wantedThreat = make([]float64, n)
	w.committed = make([]bool, n)
	for i := range w.wantedSince {
		w.wantedSince[i] = -1
	}
	w.order = make([]int, 0, n)
	w.values = make([]float64, 0, 4*n+8)
	w.options = make([]agents.Option, 0, 4*n+8)
	w.forcesDirty = true
	return w
}

// Tick is the next tick to simulate between Steps, and the tick being
// played during one (so in an Observer's OnEvent and OnTick); after a
// complete run, the horizon.
func (w *World) Tick() int { return w.tick }

// Seed is the seed the replication was started with (NewWorld, Run): with
// its Compiled, all it takes to play the run again.
func (w *World) Seed() uint64 { return w.seed }

// Done reports whether the run has reached its horizon, or stopped on an
// error (Err).
func (w *World) Done() bool { return w.err != nil || w.tick >= w.c.ticks }

// Compiled returns the scenario the world runs.
func (w *World) Compiled() *Compiled { return w.c }

// Step simulates one tick, in the order of docs/model.md §3: scripted
// events; perception, reference points and domains; the policy reviews due;
// diplomacy (every diplomacy_interval months: client collective security,
// patron strategy, acceptance and fallback); crises (adversary challenges,
// provocations and restraint); cohesion and exit; decay of memories; the
// time series. It reports whether ticks remain: false at the horizon,
// and false too once the run has stopped on a non-finite value, which
// Err then returns (a loop on Step checks Err after it). Once Done, Step
// does nothing.
func (w *World) Step() bool {
	if w.Done() {
		return false
	}
	w.inTick = true
	w.applyScripted()
	w.perceive()
	w.startReviews()
	if w.checkThreats(); w.err != nil {
		return false
	}
	if w.tick%w.c.p.DiplomacyInterval == 0 {
		w.diplomacy()
	}
	w.crises()
	w.cohesionAndExit()
	w.decay()
	w.record()
	for _, o := range w.observers {
		o.OnTick(w)
	}
	w.inTick = false
	w.tick++
	return !w.Done()
}

// standingTick is the tick whose rules the world stands under: the tick
// being played during a Step (so in an Observer), else the tick played
// last (0 before any).
func (w *World) standingTick() int {
	if w.inTick {
		return w.tick
	}
	return max(w.tick-1, 0)
}

// StepThrough steps the world through the end of tick (0 … Ticks()−1):
// afterwards it stands as it was at that date, after its changes, and
// Tick is tick+1. It stops with ctx's error if ctx is done first, and with
// Err, named, if the run computed a non-finite value; a tick outside the
// run, or one before the last tick played, is an error saying what is
// allowed (the last tick played itself is allowed, and steps nothing).
func (w *World) StepThrough(ctx context.Context, tick int) error {
	cal := w.c.calendar
	if tick < 0 || tick >= w.c.ticks {
		return fmt.Errorf("%s: tick %d (%s) is outside the run; allowed: 0 (%s) to %d (%s)",
			w.c.name, tick, cal.Label(tick), cal.Label(0), w.c.ticks-1, cal.Label(w.c.ticks-1))
	}
	if tick < w.tick-1 {
		return fmt.Errorf("%s: tick %d (%s) is already played; allowed: %d (%s) or later, or a new World",
			w.c.name, tick, cal.Label(tick), max(w.tick-1, 0), cal.Label(max(w.tick-1, 0)))
	}
	for i := 0; w.tick <= tick && !w.Done(); i++ {
		if i&63 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		w.Step()
	}
	if w.err != nil {
		return fmt.Errorf("%s, seed %d: %w", w.c.name, w.seed, w.err)
	}
	return nil
}

// Run steps to the horizon, or until ctx is cancelled, and returns the
// result. A cancelled run returns ctx's error and no result; so does a run
// that computed a non-finite value (Err), with an error naming it.
func (w *World) Run(ctx context.Context) (*Result, error) {
	if err := w.StepThrough(ctx, w.c.ticks-1); err != nil {
		return nil, err
	}
	return w.Result(), nil
}

// Run compiles nothing: it runs one replication of c with seed to the
// horizon.
func Run(ctx context.Context, c *Compiled, seed uint64, observers ...Observer) (*Result, error) {
	if err := Runnable(c); err != nil {
		return nil, fmt.Errorf("sim: Run of %w", err)
	}
	return NewWorld(c, seed, observers...).Run(ctx)
}

// Read-only views for observers and tests. Each takes state indices, 0 …
// N()−1 (Compiled.Index, or Compiled.IndexOf for an id a user typed), and
// panics with the allowed range on any other: Index gives -1 for an id that
// names no state, and Perceived would otherwise read another pair's cell.

// Threat returns T_i. It panics if i is not a state index.
func (w *World) Threat(i int) float64 { return w.threat[w.c.state(i)] }

// AdversaryThreat returns T_i^adv. It panics if i is not a state index.
func (w *World) AdversaryThreat(i int) float64 { return w.adv[w.c.state(i)] }

// Perceived returns T̂_ij, the threat i perceives from j. It panics if i
// or j is not a state index.
func (w *World) Perceived(i, j int) float64 { return w.perceived[w.c.state(i)*w.c.n+w.c.state(j)] }

// Reference returns ρ_i. It panics if i is not a state index.
func (w *World) Reference(i int) float64 { return w.reference[w.c.state(i)] }

// InLosses reports whether i is in the domain of losses now: its threat
// above its reference point (docs/model.md §7.3). An alliance formed
// earlier in the tick may have taken it below. It panics if i is not a
// state index.
func (w *World) InLosses(i int) bool { return w.inLosses(w.c.state(i)) }

// inLosses is InLosses of a valid index.
func (w *World) inLosses(i int) bool { return agents.InLosses(w.threat[i], w.reference[i]) }

// Alive reports whether i still holds territory (or never had any). It
// panics if i is not a state index.
func (w *World) Alive(i int) bool { return w.alive[w.c.state(i)] }

// Sovereign reports whether state i can sign and answer offers now. It
// panics if i is not a state index.
func (w *World) Sovereign(i int) bool { return w.sovereign[w.c.state(i)] }

// Geometry returns the current theatre. Read only: until an occupation
// copies it, it is the Compiled's, shared by every World of it, and a
// change would reach every later replication.
func (w *World) Geometry() *theater.Geometry { return w.geo }

// Alliances returns every alliance so far, indexed by id. Do not modify.
func (w *World) Alliances() []Alliance { return w.alliances }

// Events returns the log so far. Do not modify.
func (w *World) Events() []Event { return w.events }

// Label returns the calendar date of a tick.
func (w *World) Label(tick int) string { return w.c.calendar.Label(tick) }

// ID returns the id of state i; it panics if i is not a state index.
func (w *World) ID(i int) string { return w.c.id[w.c.state(i)] }

// shuffled returns the members of s in a random order (scratch slice).
func (w *World) shuffled(s agents.Set) []int {
	w.order = s.Members(w.order[:0])
	for i := len(w.order) - 1; i > 0; i-- {
		j := w.rng.IntN(i + 1)
		w.order[i], w.order[j] = w.order[j], w.order[i]
	}
	return w.order
}

var epsilon = theater.Epsilon

// powK is (x+ε)^κ, the building block of the occupation threat.
func (w *World) powK(x float64) float64 {
	k := w.c.p.OccupationSteepness
	switch k {
	case 2:
		return (x + epsilon) * (x + epsilon)
	case 1:
		return x + epsilon
	}
	return math.Pow(x+epsilon, k)
}
