package calibration

import (
	"fmt"
	"slices"
	"strings"
)

// probeNotice is the paragraph that opens a report which is not the
// calibration of record, before its title, so that its first line says so
// and which options made it differ: a run count other than Runs, other
// scenarios than Specs' (or in another order), changes made with --set.
// The header below it is the record's, "do not edit by hand" and all, and
// would otherwise be read as describing it. It is "" for the calibration
// of record, whose bytes (docs/calibration.md) it leaves as they are.
func probeNotice(reps []*Report, runs int) string {
	var why []string
	if runs != Runs {
		why = append(why, fmt.Sprintf("%d runs per candidate and for the held-out check (`--runs %d`), where the record takes %d", runs, runs, Runs))
	}
	if these, all := scenariosOf(reps); !slices.Equal(these, all) {
		why = append(why, fmt.Sprintf("it calibrates %s, where the record calibrates %s, in that order", orNone(these), strings.Join(all, " and ")))
	}
	why = append(why, setsWhy(reps)...)
	if len(why) == 0 {
		return ""
	}
	return "**A probe, not the calibration of record:** " + strings.Join(why, "; ") + ".\n" +
		"The calibration of record is docs/calibration.md, which `alliancesim calibrate --out docs/calibration.md` writes with every scenario and the default options; " +
		"the header below describes it, and where this report differs is said again after the header.\n\n"
}

// setsWhy says what the reports ran with --set: once for all where every
// report ran with the same changes, else each report's own.
func setsWhy(reps []*Report) []string {
	flags := func(r *Report) string {
		sets := make([]string, len(r.Set))
		for i, a := range r.Set {
			sets[i] = "`--set " + a + "`"
		}
		return strings.Join(sets, ", ")
	}
	same := len(reps) > 0 && len(reps[0].Set) > 0
	for _, r := range reps {
		same = same && slices.Equal(r.Set, reps[0].Set)
	}
	if same {
		return []string{"every candidate and the held-out check ran with " + flags(reps[0])}
	}
	var why []string
	for _, r := range reps {
		if len(r.Set) > 0 {
			why = append(why, r.Spec.Scenario+"'s candidates and held-out check ran with "+flags(r))
		}
	}
	return why
}

// scenariosOf gives the scenarios the reports calibrate, in their order,
// and those the calibration of record calibrates (Specs), in its.
func scenariosOf(reps []*Report) (these, all []string) {
	for _, s := range Specs() {
		all = append(all, s.Scenario)
	}
	for _, r := range reps {
		these = append(these, r.Spec.Scenario)
	}
	return these, all
}
