package sim

import (
	"math"

	"github.com/alliancesim/alliancesim/agents"
)

// The model's unit of time is the month. Every rate of [params] and
// [decision] is per month and every duration is in months (docs/model.md
// §2.5–§2.7), so that a scenario's tick length — [scenario] tick: month,
// quarter or year — changes how finely time is cut, not how fast the world
// moves. Compile converts them to the scenario's tick once; a monthly
// scenario uses them as written, to the bit.

// PerTick returns the chance that an event with the given chance per
// month happens at least once in a tick: 1 − (1 − p)^m over a tick of m
// months. The same rule turns a share closed per month (memory decay,
// perception lag, reference adaptation) into the share closed per tick.
// For a monthly tick it returns p itself.
func (c Calendar) PerTick(perMonth float64) float64 {
	m := c.monthsPerTick()
	if m == 1 || perMonth == 0 || perMonth == 1 {
		return perMonth
	}
	return -math.Expm1(float64(m) * math.Log1p(-perMonth))
}

// TicksFor returns the number of ticks that lasts at least the given
// number of months: ⌈months/m⌉ over a tick of m months. Zero stays zero,
// and any positive duration lasts at least one tick.
func (c Calendar) TicksFor(months int) int {
	m := c.monthsPerTick()
	if months <= 0 {
		return months
	}
	return (months + m - 1) / m
}

// perTick returns the parameters on the tick's time scale: the rates and
// shares that act every tick (memory_decay, perception_lag) as per-tick
// shares, and the durations (diplomacy_interval, retry_interval,
// review_interval, entrapment_memory) in ticks. challenge_rate and
// provoke_rate stay per month: each is one factor of a monthly chance,
// which the crises convert whole (World.challengeProbability and the
// provocations of World.crises). record_every is an output setting, in
// ticks.
func (p Params) perTick(cal Calendar) Params {
	p.MemoryDecay = cal.PerTick(p.MemoryDecay)
	p.PerceptionLag = cal.PerTick(p.PerceptionLag)
	p.DiplomacyInterval = cal.TicksFor(p.DiplomacyInterval)
	p.RetryInterval = cal.TicksFor(p.RetryInterval)
	p.ReviewInterval = cal.TicksFor(p.ReviewInterval)
	p.EntrapmentMemory = cal.TicksFor(p.EntrapmentMemory)
	return p
}

// decisionPerTick returns a state's decision settings on the tick's time
// scale: reference adaptation η per tick, patience in ticks.
func decisionPerTick(d agents.Decision, cal Calendar) agents.Decision {
	d.ReferenceAdaptation = cal.PerTick(d.ReferenceAdaptation)
	d.Patience = float64(cal.TicksFor(int(d.Patience)))
	return d
}
