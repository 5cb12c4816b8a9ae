package targets

import (
	"fmt"
	"strings"

	"github.com/alliancesim/alliancesim/sim"
)

// CheckOther says why the targets of a historical scenario (own, the
// scenario For(own.Name) gives them to) cannot score sc, another scenario
// (a counterfactual of it, scored against the record's targets with
// `alliancesim check --targets`), or nil if they can. Their predicates
// read states by id and months by date, so sc must
//
//   - hold the states each target names, as many as it needs, and a patron
//     where it reads a patron's alliances (Missing): a target it cannot be
//     judged by would count no run and be missed, and read as lost;
//   - start no later than own, since the targets read its months from its
//     start (A2 the patron's proposals from 1950-06, E1 every alliance
//     before the patron's first);
//   - reach the last month each target reads (Until): a run that ends
//     before it is not counted.
//
// A target judged without some of the states it names (Without) is
// judged, and says so, as for own's files. The error names every target
// that fails and what it lacks.
func CheckOther(ts []Target, sc, own *sim.Scenario) error {
	if sc == nil || own == nil {
		return fmt.Errorf("no scenario (nil); allowed: a scenario and the historical scenario whose targets score it")
	}
	var why []string
	var lacking []string
	for i := range ts {
		if m := ts[i].Missing(sc); m != "" {
			lacking = append(lacking, fmt.Sprintf("%s (%s)", ts[i].ID, m))
		}
	}
	if len(lacking) > 0 {
		why = append(why, "it lacks what these targets name: "+strings.Join(lacking, ", "))
	}
	start, ownStart := sc.Calendar.Label(0), own.Calendar.Label(0)
	if sc.Calendar.TickOf(own.Calendar.StartYear, own.Calendar.StartMonth) < 0 {
		why = append(why, fmt.Sprintf("it starts at %s, after %s's start %s, from which its targets read", start, own.Name, ownStart))
	}
	last := sc.Calendar.LastMonth(sc.Ticks - 1)
	var short []string
	for i := range ts {
		until, reads, err := ts[i].untilTick(sc.Calendar)
		if err == nil && reads && until >= sc.Ticks {
			short = append(short, ts[i].ID+" to "+ts[i].Until)
		}
	}
	if len(short) > 0 {
		why = append(why, fmt.Sprintf("it ends at %s, before the last month these targets read: %s", last, strings.Join(short, ", ")))
	}
	if len(why) == 0 {
		return nil
	}
	return fmt.Errorf("%s cannot be scored against %s's targets: %s; allowed: a scenario with the states %s's targets name, starting no later than %s and reaching %s (a file that extends %s and keeps its states and months)",
		sc.Name, own.Name, strings.Join(why, "; "), own.Name, ownStart, lastUntil(ts, own), own.Name)
}

// lastUntil is the last month any of the targets reads, or own's last
// month where none reads one.
func lastUntil(ts []Target, own *sim.Scenario) string {
	last := ""
	for _, t := range ts {
		if t.Until > last { // "YYYY-MM" sorts as the months do
			last = t.Until
		}
	}
	if last == "" {
		return own.Calendar.LastMonth(own.Ticks - 1)
	}
	return last
}
