package targets

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Target is one statistical target of HISTORY.md: a per-run predicate
// whose share over the runs it counts must reach Threshold.
type Target struct {
	ID          string
	Scenario    string
	Description string
	Threshold   float64
	// Until is the last month the target reads, "YYYY-MM" ("" if it reads
	// no date: E1 and E2). A run that ends before it, or starts after it,
	// says nothing of the target and is not counted (a run shortened with
	// --set scenario.ticks would otherwise count as holding an alliance
	// "still in force at 1991-12").
	Until string
	// Test says whether a run is counted (the target's condition held in
	// it; unconditional targets count every run) and whether it met the
	// target.
	Test func(r *runner.Record, cal sim.Calendar) (counted, met bool)
	// Extra, if set, is a further requirement over all runs (A3: the most
	// frequent reason); it returns whether it holds and a note.
	Extra func(rs []runner.Record, cal sim.Calendar) (bool, string)
	// States are the ids of the states the target names, Need how many
	// of them a scenario must hold for the target to mean anything (0:
	// all), and Patron says whether it reads a patron's alliances: a
	// scenario without them (a file that extends the historical one and
	// drops some, or another world under its name) cannot meet the
	// target, nor fail it (EvaluateScenario).
	States []string
	Need   int
	Patron bool
}

// Missing says why sc cannot be judged by the target ("" if it can): it
// holds fewer of the states the target names than it needs, or no patron
// where the target reads a patron's alliances. A nil scenario holds no
// states.
func (t *Target) Missing(sc *sim.Scenario) string {
	return t.missing(t.absent(sc))
}

// missing is Missing given the states the target names that the scenario
// lacks and whether it has a patron (absent).
func (t *Target) missing(absent []string, patron bool) string {
	var why []string
	need := cmp.Or(t.Need, len(t.States))
	switch held := len(t.States) - len(absent); {
	case held >= need:
	case need == len(t.States) || held == 0:
		why = append(why, "no "+strings.Join(absent, ", "))
	default:
		why = append(why, fmt.Sprintf("%d of %s, where the target needs %d", held, strings.Join(t.States, ", "), need))
	}
	if t.Patron && !patron {
		why = append(why, "no patron")
	}
	return strings.Join(why, " and ")
}

// Without says which of the states the target names sc lacks when it can
// still be judged on the rest ("" if it lacks none, or cannot be judged:
// Missing): E2, which needs four of the five Brussels powers, is judged
// without the United Kingdom on the other four, all of which must then
// be in the Western Union.
func (t *Target) Without(sc *sim.Scenario) string {
	absent, patron := t.absent(sc)
	if len(absent) == 0 || t.missing(absent, patron) != "" {
		return ""
	}
	return fmt.Sprintf("judged without %s: the scenario has %d of %s, and the target needs %d",
		strings.Join(absent, ", "), len(t.States)-len(absent), strings.Join(t.States, ", "), cmp.Or(t.Need, len(t.States)))
}

// absent lists the states the target names that sc lacks, in the
// target's order, and says whether sc has a patron.
func (t *Target) absent(sc *sim.Scenario) (absent []string, patron bool) {
	have := map[string]bool{}
	var states []sim.State
	if sc != nil {
		states = sc.States
	}
	for _, s := range states {
		have[s.ID] = true
		patron = patron || s.Role == sim.Patron
	}
	for _, id := range t.States {
		if !have[id] {
			absent = append(absent, id)
		}
	}
	return absent, patron
}

// EvaluateScenario is Evaluate over the runs of sc, except that a target
// sc cannot be judged by (Missing: fewer of the states it names than it
// needs, or no patron where it reads a patron's alliances) is not
// evaluated: it counts no run, is not met, and its note says what is
// missing. A target judged without some of the states it names (Without)
// says which in its note. Of a nil scenario no target counts a run, and
// each note says so.
func EvaluateScenario(ts []Target, rs []runner.Record, sc *sim.Scenario) []Result {
	if sc == nil {
		out := make([]Result, len(ts))
		for i, t := range ts {
			out[i] = Result{ID: t.ID, Description: t.Description, Share: runner.NewProportion(0, 0), Threshold: t.Threshold,
				Note: "no scenario (nil): no run counted"}
		}
		return out
	}
	missing := make([]string, len(ts))
	var apply []Target
	for i := range ts {
		if missing[i] = ts[i].Missing(sc); missing[i] == "" {
			apply = append(apply, ts[i])
		}
	}
	evaluated := Evaluate(apply, rs, sc.Calendar)
	out := make([]Result, 0, len(ts))
	for i, t := range ts {
		if missing[i] != "" {
			out = append(out, Result{ID: t.ID, Description: t.Description, Share: runner.NewProportion(0, 0), Threshold: t.Threshold,
				Note: "not applicable: the scenario has " + missing[i]})
			continue
		}
		r := evaluated[0]
		if w := t.Without(sc); w != "" {
			r.Note = strings.TrimSuffix(w+"; "+r.Note, "; ")
		}
		out, evaluated = append(out, r), evaluated[1:]
	}
	return out
}

// Result is a target evaluated over runs: the share of the runs counted
// that met it, with its interval, and whether it is met.
type Result struct {
	ID          string            `json:"id"`
	Description string            `json:"description"`
	Share       runner.Proportion `json:"share"`
	Threshold   float64           `json:"threshold"`
	Met         bool              `json:"met"`
	Note        string            `json:"note,omitempty"`
}

// Percent is the share in percent to one decimal, rounded down from the
// exact count, so that a share short of its threshold (a whole percent)
// never prints as reaching it: 142 of 203 is 69.9, where rounding to the
// nearest gives 70.0. "—" where no run counted.
func (r Result) Percent() string {
	if r.Share.N <= 0 || r.Share.Count < 0 || r.Share.Count > r.Share.N {
		return "—"
	}
	tenths := 1000 * int64(r.Share.Count) / int64(r.Share.N)
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

// Evaluate checks every target over the records of one scenario's runs,
// cal that scenario's calendar. A target is met when it counted at least
// one run, its share reaches the threshold, and its Extra requirement (if
// any) holds. The records carry no scenario name, so it is the caller's
// to give each target the runs of its own scenario (For); a calendar that
// is not one (the zero Calendar), or a target without Test, counts no run,
// and its result says why.
func Evaluate(ts []Target, rs []runner.Record, cal sim.Calendar) []Result {
	out := make([]Result, 0, len(ts))
	calErr := cal.Check()
	for _, t := range ts {
		counted, met, short := 0, 0, 0
		until, reads, err := t.untilTick(cal)
		switch {
		case calErr != nil:
			err = fmt.Errorf("calendar: %v: no run counted", calErr)
		case t.Test == nil:
			err = errors.New("the target has no Test: no run counted")
		}
		if err != nil {
			// A target of the caller's with a malformed date or no Test
			// counts no run and says why, rather than stopping the
			// evaluation.
			out = append(out, Result{ID: t.ID, Description: t.Description, Share: runner.NewProportion(0, 0), Threshold: t.Threshold, Note: err.Error()})
			continue
		}
		reached := rs // the runs that reach the target's date, which Extra reads too
		if reads && t.Extra != nil {
			reached = make([]runner.Record, 0, len(rs))
		}
		for i := range rs {
			if reads && (until < 0 || until >= rs[i].Ticks) {
				short++
				continue
			}
			if reads && t.Extra != nil {
				reached = append(reached, rs[i])
			}
			c, m := t.Test(&rs[i], cal)
			if c {
				counted++
				if m {
					met++
				}
			}
		}
		res := Result{ID: t.ID, Description: t.Description, Share: runner.NewProportion(met, counted), Threshold: t.Threshold}
		res.Met = counted > 0 && res.Share.Share >= t.Threshold
		if t.Extra != nil {
			ok, note := t.Extra(reached, cal)
			res.Met = res.Met && ok
			res.Note = note
		}
		if short > 0 {
			why := "does not reach"
			if until < 0 {
				why = "begins after"
			}
			res.Note = strings.TrimPrefix(res.Note+"; ", "; ") + fmt.Sprintf("%s not counted: the run %s %s, the last month the target reads",
				words.Count(short, "run", "runs"), why, t.Until)
		}
		out = append(out, res)
	}
	return out
}

// Slim is r without what no target reads — the proposals of states that
// are not patrons, with their refusals — so that a caller keeping every
// run's record for Evaluate keeps about a thirtieth of it (europe-1947:
// 1.6 KB a run instead of 49 KB, as JSON). r itself is left as it is (the
// runner may still read it); the copy shares the rest of it. Evaluate
// gives the same results over slimmed records.
func Slim(r *runner.Record) runner.Record {
	s := *r
	s.Proposals = nil
	for _, p := range r.Proposals {
		if p.Patron {
			s.Proposals = append(s.Proposals, p)
		}
	}
	return s
}

// untilTick is the tick of the last month t reads in cal; reads is false
// for a target that reads no date.
func (t *Target) untilTick(cal sim.Calendar) (tick int, reads bool, err error) {
	if t.Until == "" {
		return 0, false, nil
	}
	y, m, err := sim.ParseMonth(t.Until)
	if err != nil {
		return 0, false, fmt.Errorf("until %v: no run counted", err)
	}
	return cal.TickOf(y, m), true, nil
}

// For returns the targets of a scenario, in HISTORY.md's order (nil if it
// has none). They are found by the scenario's name (sim.Scenario.Name): a
// counterfactual that extends a historical scenario has its targets while
// it keeps the name, as it does unless it sets [scenario] name, and
// EvaluateScenario judges them on the states it has; one renamed has
// none of its own, and is scored against another's with For(that name)
// once CheckOther says they can score it (`alliancesim check --targets`).
func For(scenario string) []Target {
	var out []Target
	for _, t := range allTargets {
		if t.Scenario == scenario {
			t.States = slices.Clone(t.States) // a caller's change stays its own
			out = append(out, t)
		}
	}
	return out
}

// Scenarios lists the scenarios that have targets, in HISTORY.md's order.
func Scenarios() []string {
	var out []string
	for _, t := range allTargets {
		if len(out) == 0 || out[len(out)-1] != t.Scenario {
			out = append(out, t.Scenario)
		}
	}
	return out
}

// allTargets is the table All returns a copy of.
var allTargets = append(append([]Target(nil), europe...), asia...)

// All returns the targets of HISTORY.md, as a copy: changing it changes
// nothing the engine reads.
func All() []Target {
	out := slices.Clone(allTargets)
	for i := range out {
		out[i].States = slices.Clone(out[i].States)
	}
	return out
}
