package runner

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/alliancesim/alliancesim/sim"
)

// ShareKeys are the keys of Summary.Shares, each the share of runs in
// which the thing ever happened (MODEL.md §9).
var ShareKeys = []string{
	"client_alliance",                // an alliance of clients alone
	"client_alliance_3plus",          // … with three or more members
	"patron_bilateral",               // a patron in an alliance of two
	"patron_trilateral",              // … of three
	"patron_multilateral",            // … of four or more
	"patron_multilateral_indigenous", // … that the patron joined (clients first)
	"patron_multilateral_imposed",    // … that the patron initiated
	"patron_multilateral_strong",     // … with strong commitment
}

// Summary is the aggregate of many runs of one scenario (or sweep point).
type Summary struct {
	Scenario        string             `json:"scenario"`
	Runs            int                `json:"runs"`
	Seed            uint64             `json:"seed"`
	Shares          map[string]float64 `json:"shares"`
	Shapes          []ShapeShare       `json:"shapes"`
	Survival        []GroupSurvival    `json:"survival"`
	HubSpokes       []HubSpokes        `json:"hub_spokes"`
	FirstCommitment FirstCommitment    `json:"first_commitment"`
}

// ShapeShare is the share of runs in which an alliance with exactly these
// members existed at some time.
type ShapeShare struct {
	Members []string `json:"members"`
	Share   float64  `json:"share"`
}

// GroupSurvival is the Kaplan–Meier survival of one group of alliances:
// "all", "kind=…" (kind at formation) or "origin=…".
type GroupSurvival struct {
	Group string `json:"group"`
	SurvivalCurve
}

// HubSpokes is the hub-and-spokes index at a date: bilateral patron
// alliances ÷ all patron alliances in force, averaged over the runs that
// had any; Share03 and Share06 are the shares of all runs with an index
// ≤ 0.3 and ≥ 0.6.
type HubSpokes struct {
	Tick    int     `json:"tick"`
	Date    string  `json:"date"`
	Runs    int     `json:"runs"` // runs with a patron alliance at the date
	Mean    float64 `json:"mean"`
	Share03 float64 `json:"share_le_0_3"`
	Share06 float64 `json:"share_ge_0_6"`
}

// FirstCommitment is the time (ticks) to a patron's first alliance.
type FirstCommitment struct {
	Share  float64  `json:"share"` // runs in which a patron committed at all
	Mean   *float64 `json:"mean"`
	Median *float64 `json:"median"`
}

// Aggregator folds records into a Summary. Add records in a fixed order
// (point, then run) for byte-identical output.
type Aggregator struct {
	scenario string
	seed     uint64
	calendar sim.Calendar
	hubTicks []int

	runs    int
	shares  map[string]int
	shapes  map[string]int
	groups  map[string][]Observation
	hubSum  []float64
	hubRuns []int
	hubLE03 []int
	hubGE06 []int
	firsts  []float64
}

// NewAggregator starts an empty aggregate. hubTicks are the ticks at which
// the hub-and-spokes index is taken.
func NewAggregator(scenario string, seed uint64, cal sim.Calendar, hubTicks []int) *Aggregator {
	return &Aggregator{scenario: scenario, seed: seed, calendar: cal, hubTicks: hubTicks,
		shares: map[string]int{}, shapes: map[string]int{}, groups: map[string][]Observation{},
		hubSum: make([]float64, len(hubTicks)), hubRuns: make([]int, len(hubTicks)),
		hubLE03: make([]int, len(hubTicks)), hubGE06: make([]int, len(hubTicks))}
}

// DefaultHubTicks are the first months of the decades within the horizon
// (1950-01, 1960-01, …), or the middle of the run if none falls inside.
func DefaultHubTicks(cal sim.Calendar, ticks int) []int {
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
	a.runs++
	happened := map[string]bool{}
	shapes := map[string]bool{}
	first := -1
	for _, al := range r.Alliances {
		for _, h := range al.History {
			if len(h.Members) < 2 {
				continue
			}
			shapes[strings.Join(h.Members, " ")] = true
			n := len(h.Members)
			if !hasPatronIn(r, h.Members) {
				happened["client_alliance"] = true
				if n >= 3 {
					happened["client_alliance_3plus"] = true
				}
				continue
			}
			switch {
			case n == 2:
				happened["patron_bilateral"] = true
			case n == 3:
				happened["patron_trilateral"] = true
			default:
				happened["patron_multilateral"] = true
				happened["patron_multilateral_"+al.Origin] = true
				if al.Strong {
					happened["patron_multilateral_strong"] = true
				}
			}
		}
		if al.PatronJoined >= 0 && (first < 0 || al.PatronJoined < first) {
			first = al.PatronJoined
		}
		end, event := al.Ended, al.Ended >= 0
		if !event {
			end = r.Ticks
		}
		obs := Observation{Duration: float64(end - al.Formed), Event: event}
		kind := sim.KindOf(len(al.History[0].Members)).String()
		for _, g := range []string{"all", "kind=" + kind, "origin=" + al.Origin} {
			a.groups[g] = append(a.groups[g], obs)
		}
	}
	for _, k := range ShareKeys {
		if happened[k] {
			a.shares[k]++
		}
	}
	for s := range shapes {
		a.shapes[s]++
	}
	if first >= 0 {
		a.firsts = append(a.firsts, float64(first))
	}
	for i, t := range a.hubTicks {
		if idx, ok := HubSpokesIndex(r, t); ok {
			a.hubSum[i] += idx
			a.hubRuns[i]++
			if idx <= 0.3 {
				a.hubLE03[i]++
			}
			if idx >= 0.6 {
				a.hubGE06[i]++
			}
		}
	}
}

// HubSpokesIndex is bilateral patron alliances ÷ all patron alliances in
// force at tick t; ok is false when there are none.
func HubSpokesIndex(r *Record, t int) (float64, bool) {
	bi, all := 0, 0
	for i := range r.Alliances {
		ms := MembersAt(&r.Alliances[i], t)
		if len(ms) >= 2 && hasPatronIn(r, ms) {
			all++
			if len(ms) == 2 {
				bi++
			}
		}
	}
	if all == 0 {
		return 0, false
	}
	return float64(bi) / float64(all), true
}

// MembersAt returns an alliance's members at tick t (nil if not in force).
func MembersAt(al *AllianceRow, t int) []string {
	if t < al.Formed || (al.Ended >= 0 && t >= al.Ended) {
		return nil
	}
	var ms []string
	for _, h := range al.History {
		if h.Tick > t {
			break
		}
		ms = h.Members
	}
	return ms
}

// Summary returns the aggregate so far.
func (a *Aggregator) Summary() *Summary {
	s := &Summary{Scenario: a.scenario, Runs: a.runs, Seed: a.seed, Shares: map[string]float64{}}
	share := func(n int) float64 {
		if a.runs == 0 {
			return 0
		}
		return float64(n) / float64(a.runs)
	}
	for _, k := range ShareKeys {
		s.Shares[k] = share(a.shares[k])
	}
	for key, n := range a.shapes {
		s.Shapes = append(s.Shapes, ShapeShare{Members: strings.Split(key, " "), Share: share(n)})
	}
	slices.SortFunc(s.Shapes, func(x, y ShapeShare) int {
		return cmp.Or(cmp.Compare(y.Share, x.Share), cmp.Compare(len(x.Members), len(y.Members)),
			cmp.Compare(strings.Join(x.Members, " "), strings.Join(y.Members, " ")))
	})
	groups := make([]string, 0, len(a.groups))
	for g := range a.groups {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groupOrder(groups[i]) < groupOrder(groups[j]) })
	for _, g := range groups {
		s.Survival = append(s.Survival, GroupSurvival{Group: g, SurvivalCurve: KaplanMeier(a.groups[g])})
	}
	for i, t := range a.hubTicks {
		h := HubSpokes{Tick: t, Date: a.calendar.Label(t), Runs: a.hubRuns[i], Share03: share(a.hubLE03[i]), Share06: share(a.hubGE06[i])}
		if a.hubRuns[i] > 0 {
			h.Mean = a.hubSum[i] / float64(a.hubRuns[i])
		}
		s.HubSpokes = append(s.HubSpokes, h)
	}
	s.FirstCommitment.Share = share(len(a.firsts))
	if len(a.firsts) > 0 {
		sum := 0.0
		for _, f := range a.firsts {
			sum += f
		}
		mean := sum / float64(len(a.firsts))
		sorted := slices.Clone(a.firsts)
		slices.Sort(sorted)
		median := sorted[(len(sorted)-1)/2]
		if len(sorted)%2 == 0 {
			median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
		}
		s.FirstCommitment.Mean, s.FirstCommitment.Median = &mean, &median
	}
	return s
}

// groupOrder sorts survival groups: all, kinds, origins.
func groupOrder(g string) string {
	order := map[string]string{"all": "0", "kind=bilateral": "1a", "kind=trilateral": "1b", "kind=multilateral": "1c",
		"origin=client": "2a", "origin=indigenous": "2b", "origin=imposed": "2c", "origin=bilateral": "2d"}
	if o, ok := order[g]; ok {
		return o
	}
	return "3" + g
}
