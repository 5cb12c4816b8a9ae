package report

import (
	"fmt"

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
	for k, p := range s.Shares {
		if err := checkProportion(at+"shares."+k, p); err != nil {
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
