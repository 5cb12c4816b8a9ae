package runner

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/alliancesim/alliancesim/sim"
)

// Summary is the aggregate of many runs of one scenario (or sweep point).
type Summary struct {
	Scenario        string                `json:"scenario"`
	Runs            int                   `json:"runs"`
	Seed            uint64                `json:"seed"`
	Shares          map[string]Proportion `json:"shares"`
	Shapes          []ShapeShare          `json:"shapes"`
	Survival        []GroupSurvival       `json:"survival"`
	HubSpokes       []HubSpokes           `json:"hub_spokes"`
	FirstCommitment FirstCommitment       `json:"first_commitment"`
	// Measures are the custom measures (Options.Measures), in their
	// order; absent without any.
	Measures []MeasureSummary `json:"measures,omitempty"`
	// Files is, in summary.json of an output directory, the size and
	// SHA-256 of every other result file as it was written, by name
	// (CheckResults reads them against it); nil in any other summary.
	Files map[string]FileSum `json:"files,omitempty"`
	// Series is the time series of a scenario that sets
	// params.record_every, in a summary MonteCarlo or Sweep (each point's)
	// returns when Options.Series asks for it; nil otherwise. On disk it
	// is series.csv, not part of summary.json.
	Series *Series `json:"-"`
}

// Share returns the share of runs in which s happened; of no runs (a
// share the summary does not hold), 0 with the interval [0, 1].
func (s *Summary) Share(k Share) Proportion {
	if p, ok := s.Shares[k.String()]; ok {
		return p
	}
	return NewProportion(0, 0)
}

// SurvivalOf returns the survival of a group of alliances by its name
// ("all", "kind=bilateral", "origin=indigenous", "cohesion=low", …: see
// GroupSurvival), and false where the summary holds no such group (no
// alliance of it formed, or a name it does not use).
func (s *Summary) SurvivalOf(group string) (GroupSurvival, bool) {
	for _, g := range s.Survival {
		if g.Group == group {
			return g, true
		}
	}
	return GroupSurvival{}, false
}

// ShapeShare is the share of runs in which an alliance with exactly these
// members was in force at some time.
type ShapeShare struct {
	Members []string   `json:"members"`
	Share   Proportion `json:"share"`
}

// GroupSurvival is the Kaplan–Meier survival of one group of alliances:
// "all", "kind=…" (kind at formation), "origin=…", or the two halves by
// convergence, "cohesion=low" and "cohesion=high": cohesion at formation
// below, or at and above, its median (docs/model.md §7.14).
type GroupSurvival struct {
	Group string `json:"group"`
	// Split is the median cohesion at which the halves divide, for the
	// groups cohesion=low and cohesion=high; absent for the others.
	Split *float64 `json:"split,omitempty"`
	SurvivalCurve
}

// HubSpokes is the hub-and-spokes index at a date: bilateral patron
// alliances ÷ all patron alliances in force, averaged over the runs that
// had any; Share03 and Share06 are the shares of the runs that reach the
// date (all runs, except in a sweep's pooled summary over points of
// different horizons) with an index ≤ 0.3 and ≥ 0.6.
type HubSpokes struct {
	Tick    int        `json:"tick"`
	Date    string     `json:"date"`
	Runs    int        `json:"runs"` // runs with a patron alliance at the date
	Mean    *float64   `json:"mean"` // null when no run had one
	Share03 Proportion `json:"share_le_0_3"`
	Share06 Proportion `json:"share_ge_0_6"`
}

// FirstCommitment is the time (ticks) to a patron's first alliance, over
// the runs in which a patron committed at all (null when none did).
type FirstCommitment struct {
	Share  Proportion `json:"share"`
	Mean   *float64   `json:"mean"`
	Median *float64   `json:"median"`
}

// Aggregator folds records into a Summary. Add records in a fixed order
// (point, then run) for byte-identical output. Its memory does not grow
// with the number of runs: lifetimes and first commitments are counted by
// tick (lifetimes per group and per bin of cohesion at formation, from
// which the split by convergence is drawn), shapes by member set.
type Aggregator struct {
	scenario string
	seed     uint64
	calendar sim.Calendar
	hubTicks []int

	runs     int
	shares   [numShares]int
	shapes   map[string]int
	groups   map[string]*Lifetimes
	byBin    map[int]*Lifetimes // lifetimes by cohesion at formation, in bins of 0.001
	hubSum   []float64
	hubRuns  []int // runs with a patron alliance at the checkpoint
	hubReach []int // runs that reach the checkpoint
	hubLE03  []int
	hubGE06  []int
	firsts   map[int]int // tick of the first patron commitment → runs
	nFirst   int

	measures []string      // custom measures' names
	mstats   []measureStat // per measure
}

// SetMeasures names the custom measures of the records to come (their
// Record.Measures, in this order).
func (a *Aggregator) SetMeasures(names []string) {
	a.measures = names
	a.mstats = make([]measureStat, len(names))
}

// NewAggregator starts an empty aggregate. hubTicks are the ticks at which
// the hub-and-spokes index is taken.
func NewAggregator(scenario string, seed uint64, cal sim.Calendar, hubTicks []int) *Aggregator {
	return &Aggregator{scenario: scenario, seed: seed, calendar: cal, hubTicks: hubTicks,
		shapes: map[string]int{}, groups: map[string]*Lifetimes{}, byBin: map[int]*Lifetimes{}, firsts: map[int]int{},
		hubSum: make([]float64, len(hubTicks)), hubRuns: make([]int, len(hubTicks)), hubReach: make([]int, len(hubTicks)),
		hubLE03: make([]int, len(hubTicks)), hubGE06: make([]int, len(hubTicks))}
}

// defaultHubTicks are the first months of the decades within the horizon
// (1950-01, 1960-01, …), or the middle of the run if none falls inside.
func defaultHubTicks(cal sim.Calendar, ticks int) []int {
	var out []int
	for y := cal.StartYear; ; y++ {
		t := cal.TickOf(y, 1)
		if t >= ticks {
			break
		}
		if y%10 == 0 && t >= 0 {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		out = []int{ticks / 2}
	}
	return out
}

// Add folds in one run.
func (a *Aggregator) Add(r *Record) {
	a.addMeasured(r, measureRun(r, a.hubTicks))
}

// addMeasured folds in one run whose measures are already computed.
func (a *Aggregator) addMeasured(r *Record, m runMeasures) {
	a.runs++
	for k, ok := range m.Happened {
		if ok {
			a.shares[k]++
		}
	}
	if m.FirstCommitment >= 0 {
		a.firsts[m.FirstCommitment]++
		a.nFirst++
	}
	for i := range a.measures {
		if i < len(r.Measures) {
			a.mstats[i].add(r.Measures[i])
		}
	}
	for i, h := range m.Hub {
		if h.Reached {
			a.hubReach[i]++
		}
		if !h.OK {
			continue
		}
		a.hubSum[i] += h.Index
		a.hubRuns[i]++
		if h.Index <= 0.3 {
			a.hubLE03[i]++
		}
		if h.Index >= 0.6 {
			a.hubGE06[i]++
		}
	}
	shapes := map[string]bool{}
	for i := range r.Alliances {
		al := &r.Alliances[i]
		for _, ms := range al.Phases() {
			shapes[strings.Join(ms, " ")] = true
		}
		obs := Observation{Duration: float64(al.End(r.Ticks) - al.Formed), Event: al.Ended >= 0}
		a.group("all").Add(obs)
		a.group("kind=" + al.Kind().String()).Add(obs)
		for _, o := range OriginLifetimes(al, r.Ticks) {
			a.group("origin=" + o.Origin).Add(o.Observation)
		}
		b := cohesionBin(al.Cohesion)
		l := a.byBin[b]
		if l == nil {
			l = &Lifetimes{}
			a.byBin[b] = l
		}
		l.Add(obs)
	}
	for s := range shapes {
		a.shapes[s]++
	}
}

// group is the survival group g's lifetimes, created empty when new.
func (a *Aggregator) group(g string) *Lifetimes {
	l := a.groups[g]
	if l == nil {
		l = &Lifetimes{}
		a.groups[g] = l
	}
	return l
}

// Summary returns the aggregate so far.
func (a *Aggregator) Summary() *Summary {
	s := &Summary{Scenario: a.scenario, Runs: a.runs, Seed: a.seed, Shares: map[string]Proportion{},
		Shapes: []ShapeShare{}, Survival: []GroupSurvival{}, HubSpokes: []HubSpokes{}}
	share := func(n int) Proportion { return NewProportion(n, a.runs) }
	for k, name := range shareKeys {
		s.Shares[name] = share(a.shares[k])
	}
	for key, n := range a.shapes {
		s.Shapes = append(s.Shapes, ShapeShare{Members: strings.Split(key, " "), Share: share(n)})
	}
	slices.SortFunc(s.Shapes, func(x, y ShapeShare) int {
		return cmp.Or(cmp.Compare(y.Share.Count, x.Share.Count), cmp.Compare(len(x.Members), len(y.Members)),
			cmp.Compare(strings.Join(x.Members, " "), strings.Join(y.Members, " ")))
	})
	groups := make([]string, 0, len(a.groups))
	for g := range a.groups {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groupOrder(groups[i]) < groupOrder(groups[j]) })
	for _, g := range groups {
		s.Survival = append(s.Survival, GroupSurvival{Group: g, SurvivalCurve: a.groups[g].KaplanMeier()})
	}
	s.Survival = append(s.Survival, cohesionSplit(a.byBin)...)
	for i, t := range a.hubTicks {
		h := HubSpokes{Tick: t, Date: a.calendar.Label(t), Runs: a.hubRuns[i],
			Share03: NewProportion(a.hubLE03[i], a.hubReach[i]), Share06: NewProportion(a.hubGE06[i], a.hubReach[i])}
		if a.hubRuns[i] > 0 {
			mean := a.hubSum[i] / float64(a.hubRuns[i])
			h.Mean = &mean
		}
		s.HubSpokes = append(s.HubSpokes, h)
	}
	s.FirstCommitment.Share = share(a.nFirst)
	if a.nFirst > 0 {
		ticks := slices.Sorted(maps.Keys(a.firsts))
		sum := 0
		for _, t := range ticks {
			sum += t * a.firsts[t]
		}
		mean := float64(sum) / float64(a.nFirst)
		// The median: the middle tick, or the mean of the two middle ones.
		at := func(rank int) float64 { // the tick of the rank-th smallest, from 0
			for _, t := range ticks {
				if rank < a.firsts[t] {
					return float64(t)
				}
				rank -= a.firsts[t]
			}
			return math.NaN() // unreachable: rank < nFirst
		}
		median := at((a.nFirst - 1) / 2)
		if a.nFirst%2 == 0 {
			median = (at(a.nFirst/2-1) + at(a.nFirst/2)) / 2
		}
		s.FirstCommitment.Mean, s.FirstCommitment.Median = &mean, &median
	}
	for i, name := range a.measures {
		s.Measures = append(s.Measures, a.mstats[i].summary(name))
	}
	return s
}

// groupOrder sorts survival groups: all, kinds, origins (the halves by
// convergence follow them, from cohesionSplit).
func groupOrder(g string) string {
	order := map[string]string{"all": "0", "kind=bilateral": "1a", "kind=trilateral": "1b", "kind=multilateral": "1c",
		"origin=client": "2a", "origin=indigenous": "2b", "origin=imposed": "2c", "origin=bilateral": "2d"}
	if o, ok := order[g]; ok {
		return o
	}
	return "3" + g
}
