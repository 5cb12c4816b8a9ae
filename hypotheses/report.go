package hypotheses

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/alliancesim/alliancesim/runner"
)

// WriteTable prints one row per hypothesis — id, lever and its levels,
// outcome, Spearman's ρ, the change from the lowest to the highest level
// with its interval, the layouts that moved the predicted way, the verdict
// — and under it the pooled outcome at each level with its interval and,
// for a verdict other than holds, why.
func WriteTable(w io.Writer, results []Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tpredicted\tρ\tchange [95% interval]\tlayouts\truns\tverdict\tlever → outcome")
	for _, r := range results {
		pred, rho, change := r.Cells()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d/%d\t%d\t%s\t%s%s → %s\n", r.ID, pred, rho, change, r.Agree, len(r.Layouts),
			r.Runs, r.Verdict, WorldPrefix(r.Scenario), r.Lever, r.Outcome)
		var levels []string
		for i, e := range r.Pooled {
			levels = append(levels, fmt.Sprintf("%s: %s", r.Levels[i], estimateText(e, r)))
		}
		fmt.Fprintf(tw, "\t\t\t\t\t\t\t  %s\n", strings.Join(levels, "  "))
		if r.Verdict != Holds {
			// Why it does not hold: which criterion, with its numbers.
			fmt.Fprintf(tw, "\t\t\t\t\t\t\t  %s: %s\n", r.Verdict, r.Reason)
		}
	}
	return tw.Flush()
}

// Prediction is what a hypothesis predicts as the table prints it: a
// direction with its minimum change ("rises ≥ 0.15") or a rate's bound
// with its threshold ("at least 0.70", "below 0.05").
func Prediction(d Direction, minChange, threshold float64) string {
	if d.Rate() {
		return fmt.Sprintf("%s %.2f", d, threshold)
	}
	return fmt.Sprintf("%s ≥ %.2f", d, minChange)
}

// MostRuns is the most runs per world and level any of results was
// measured on: more than the runs asked where one was run further for
// being inconclusive; 0 for no results.
func MostRuns(results []Result) int {
	most := 0
	for _, r := range results {
		most = max(most, r.Runs)
	}
	return most
}

// WorldPrefix names a hypothesis's world before its lever where it is not
// the generic scenario most are measured on ("europe-1947: "), so that
// NC2 and NC3, alike in all else, can be told apart; "" for generic.
func WorldPrefix(scenario string) string {
	if scenario == "" || scenario == "generic" {
		return ""
	}
	return scenario + ": "
}

// Cells are a result's predicted direction, Spearman's ρ and change (or,
// for a rate, its pooled value) with its interval, as the table prints
// them and a report shows them: "falls ≥ 0.15", "+0.70", "-0.041
// [-0.088, +0.00031]"; "—" where a result has none.
func (r Result) Cells() (predicted, rho, change string) {
	rho, change = "—", "—"
	predicted = Prediction(r.Predicted, r.MinChange, r.Threshold)
	switch r.Predicted {
	case Rises, Falls:
		if r.Rho != nil {
			rho = fmt.Sprintf("%+.2f", *r.Rho)
		}
		if r.Change != nil && r.ChangeLow != nil && r.ChangeHi != nil {
			change = fmt.Sprintf("%s [%s, %s]", signed(*r.Change), signed(*r.ChangeLow), signed(*r.ChangeHi))
		}
	default:
		if len(r.Pooled) > 0 {
			change = rateInterval(r.Pooled[0], r.Predicted, r.Threshold)
		}
	}
	return predicted, rho, change
}

// estimateText is an estimate of r at one level, with its interval and n;
// a rate's as its verdict reads it (rateText).
func estimateText(e Estimate, r Result) string {
	if !e.Valid {
		return fmt.Sprintf("— (n %d)", e.N)
	}
	if r.Predicted.Rate() {
		return fmt.Sprintf("%s n %d", rateInterval(e, r.Predicted, r.Threshold), e.N)
	}
	return fmt.Sprintf("%.3f [%.3f, %.3f] n %d", e.Value, e.Low, e.High, e.N)
}

// csvColumns is the table CSVColumns returns a copy of.
var csvColumns = []string{"hypothesis", "layout", "level", "outcome", "n", "low", "high", "valid", "runs"}

// CSVColumns returns the columns of hypotheses.csv: one row per hypothesis,
// world and level (layout "pooled" for the pooled estimate); runs are the
// replications per world and level the hypothesis was measured on. It is
// a copy: changing it changes nothing the engine reads.
func CSVColumns() []string {
	return slices.Clone(csvColumns)
}

// WriteCSV writes the tidy table of every estimate.
func WriteCSV(w io.Writer, results []Result) error {
	cw := csv.NewWriter(w)
	cw.Write(csvColumns)
	for _, r := range results {
		row := func(id, layout, level string, e Estimate) {
			cw.Write([]string{id, layout, level, runner.FormatFloat(e.Value), strconv.Itoa(e.N),
				runner.FormatFloat(e.Low), runner.FormatFloat(e.High), strconv.FormatBool(e.Valid), strconv.Itoa(r.Runs)})
		}
		for _, l := range r.Layouts {
			for i, e := range l.Estimates {
				row(r.ID, strconv.Itoa(l.Layout), r.Levels[i], e)
			}
		}
		for i, e := range r.Pooled {
			row(r.ID, "pooled", r.Levels[i], e)
		}
	}
	cw.Flush()
	return cw.Error()
}

// signed writes a change or an end of its interval with a sign and three
// decimals, as the table and the verdicts' reasons give them; a value
// that is not zero but would print as ±0.000 gets two significant
// digits instead (+0.00031), so that an interval that excludes zero never
// reads as one that touches it.
func signed(x float64) string {
	if x != 0 && math.Abs(x) < 0.0005 {
		return fmt.Sprintf("%+.2g", x)
	}
	return fmt.Sprintf("%+.3f", x)
}
