package report

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
)

// checkSummary refuses a summary.json no run could have written, naming
// the field: a proportion whose count is negative or above its runs, or
// whose share or interval leaves [0, 1]; a survival curve whose S or
// band leaves [0, 1] or whose time is negative; a negative run count.
// (Numbers past ±2⁵³ are refused before, by decode.)
func checkSummary(s *runner.Summary, points []runner.PointSummary) error {
	if err := checkOneSummary("", s); err != nil {
		return err
	}
	for i, p := range points {
		if p.Summary == nil {
			return fmt.Errorf("points[%d] has no summary", i)
		}
		if err := checkOneSummary(fmt.Sprintf("points[%d].", i), p.Summary); err != nil {
			return err
		}
	}
	return nil
}

func checkOneSummary(at string, s *runner.Summary) error {
	if s.Runs < 1 {
		return fmt.Errorf("%sruns is %d; allowed: at least 1", at, s.Runs)
	}
	for _, k := range slices.Sorted(maps.Keys(s.Shares)) { // the first bad share in key order, the same every time
		if err := checkProportion(at+"shares."+k, s.Shares[k]); err != nil {
			return err
		}
	}
	for i, sh := range s.Shapes {
		if err := checkProportion(fmt.Sprintf("%sshapes[%d].share", at, i), sh.Share); err != nil {
			return err
		}
	}
	for i, h := range s.HubSpokes {
		if err := checkProportion(fmt.Sprintf("%shub_spokes[%d].share_le_0_3", at, i), h.Share03); err != nil {
			return err
		}
		if err := checkProportion(fmt.Sprintf("%shub_spokes[%d].share_ge_0_6", at, i), h.Share06); err != nil {
			return err
		}
		if h.Mean != nil && !unit(*h.Mean) {
			return fmt.Errorf("%shub_spokes[%d].mean is %g; allowed: a number in [0, 1]", at, i, *h.Mean)
		}
	}
	if err := checkProportion(at+"first_commitment.share", s.FirstCommitment.Share); err != nil {
		return err
	}
	for i, g := range s.Survival {
		for j, p := range g.Points {
			where := fmt.Sprintf("%ssurvival[%d].points[%d]", at, i, j)
			switch {
			case p.T < 0:
				return fmt.Errorf("%s.t is %g; allowed: a time ≥ 0", where, p.T)
			case !unit(p.S) || !unit(p.Lower) || !unit(p.Upper):
				return fmt.Errorf("%s: s %g, lower %g, upper %g; allowed: numbers in [0, 1]", where, p.S, p.Lower, p.Upper)
			case p.AtRisk < 0 || p.Events < 0 || p.Censored < 0:
				return fmt.Errorf("%s: at_risk %d, events %d, censored %d; allowed: counts ≥ 0", where, p.AtRisk, p.Events, p.Censored)
			}
		}
	}
	return nil
}

// checkProportion checks a count of runs and its share and interval.
func checkProportion(where string, p runner.Proportion) error {
	switch {
	case p.N < 0 || p.Count < 0 || p.Count > p.N:
		return fmt.Errorf("%s: count %d of %d runs; allowed: 0 ≤ count ≤ runs", where, p.Count, p.N)
	case !unit(p.Share) || !unit(p.Low) || !unit(p.High):
		return fmt.Errorf("%s: share %g in [%g, %g]; allowed: numbers in [0, 1]", where, p.Share, p.Low, p.High)
	}
	return nil
}

func unit(x float64) bool { return x >= 0 && x <= 1 }

// summaryOfManifest checks that summary.json is the summary of the work
// the manifest describes: its scenario, runs and seed, every built-in
// share over those runs, the custom measures, the hub-and-spokes dates,
// and, for a sweep, its paths and one summary per point. A summary copied
// from another run, or cut to a valid but smaller document, would
// otherwise be reported as this one's.
func summaryOfManifest(m *runner.Manifest, s *runner.Summary, sweep *runner.SweepSummary) error {
	if sweep == nil {
		return oneSummaryOf(m, "", s, m.Runs, m.Points[0].HubTicks)
	}
	if !slices.Equal(sweep.Vary, m.Vary) {
		return fmt.Errorf("vary is [%s], the manifest's [%s]: not the summary of this sweep", strings.Join(sweep.Vary, ", "), strings.Join(m.Vary, ", "))
	}
	if len(sweep.Points) != len(m.Points) {
		return fmt.Errorf("%s, the manifest's %d: not the summary of this sweep", words.Count(len(sweep.Points), "point", "points"), len(m.Points))
	}
	if err := oneSummaryOf(m, "", s, m.Runs*len(m.Points), m.Points[0].HubTicks); err != nil { // pooled at point 0's dates
		return err
	}
	for i, p := range sweep.Points {
		if p.Point != i {
			return fmt.Errorf("points[%d].point is %d; allowed: %d, the points in order", i, p.Point, i)
		}
		if err := oneSummaryOf(m, fmt.Sprintf("points[%d].", i), p.Summary, m.Runs, m.Points[i].HubTicks); err != nil {
			return err
		}
	}
	return nil
}

// oneSummaryOf checks one summary (at names it within the file) against
// the manifest: runs is the number of runs it pools, hubTicks its
// checkpoints.
func oneSummaryOf(m *runner.Manifest, at string, s *runner.Summary, runs int, hubTicks []int) error {
	switch {
	case s.Scenario != m.Scenario:
		return fmt.Errorf("%sscenario is %q, the manifest's %q: not the summary of this work", at, s.Scenario, m.Scenario)
	case s.Runs != runs || s.Seed != m.Seed:
		return fmt.Errorf("%sruns %d from seed %d; the manifest's work is %d from seed %d: not the summary of this work", at, s.Runs, s.Seed, runs, m.Seed)
	}
	for _, k := range runner.ShareKeys() {
		p, ok := s.Shares[k]
		if !ok {
			return fmt.Errorf("%sshares.%s is missing; allowed: every share of %s", at, k, strings.Join(runner.ShareKeys(), ", "))
		}
		if p.N != runs {
			return fmt.Errorf("%sshares.%s is over %s, the summary's %d", at, k, words.Count(p.N, "run", "runs"), runs)
		}
	}
	if fc := s.FirstCommitment; (fc.Mean == nil) != (fc.Median == nil) || (fc.Mean == nil) != (fc.Share.Count == 0) {
		return fmt.Errorf("%sfirst_commitment has a mean, a median and a count of %d that do not go together; allowed: both null with a count of 0, or both numbers", at, fc.Share.Count)
	}
	names := make([]string, len(s.Measures))
	for i, ms := range s.Measures {
		names[i] = ms.Name
	}
	if !slices.Equal(names, m.Measures) {
		return fmt.Errorf("%smeasures are [%s], the manifest's [%s]: not the summary of this work", at, strings.Join(names, ", "), strings.Join(m.Measures, ", "))
	}
	if hubTicks != nil {
		ticks := make([]int, len(s.HubSpokes))
		for i, h := range s.HubSpokes {
			ticks[i] = h.Tick
		}
		if !slices.Equal(ticks, hubTicks) {
			return fmt.Errorf("%shub_spokes are at ticks %v, the manifest's %v: not the summary of this work", at, ticks, hubTicks)
		}
	}
	return nil
}
