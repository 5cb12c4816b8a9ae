package report

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// seriesRow is one row of series.csv.
type seriesRow struct {
	Tick                int
	Mean, Q05, Q50, Q95 float64
}

// stateSeries are the rows of one state, by measure, in tick order.
type stateSeries struct {
	State    string
	Measures map[string][]seriesRow
}

// readSeries reads the rows of point 0 of series.csv, by state in the
// file's order. Each row's state must be one of the scenario's (sc; any,
// if nil) and its tick within the horizon; a file without rows for
// point 0 is damaged, since one is written only where a series was
// recorded. With every > 0 (the manifest's series_every) each state and
// measure must have a row at every sampled tick, runner.SeriesTicks: a
// file cut at the end of a tick has all its series alike, and short.
func readSeries(path string, sc *sim.Scenario, horizon, every int) ([]stateSeries, error) {
	var out []stateSeries
	index := map[string]int{}
	err := eachRow(path, func(r *row) error {
		if r.int("point") != 0 {
			return nil
		}
		st := r.get("state")
		if sc != nil && sc.Index(st) < 0 {
			return fmt.Errorf("%s:%d: state %q is not a state of %s: the file is damaged or from another run ("+redoAdvice+")", r.file, r.line, st, sc.Name)
		}
		if t := r.int("tick"); t < 0 || t >= horizon {
			return fmt.Errorf("%s:%d: tick %d is outside the run's ticks 0 to %d: the file is damaged or from another run ("+redoAdvice+")", r.file, r.line, t, horizon-1)
		}
		i, ok := index[st]
		if !ok {
			i = len(out)
			index[st] = i
			out = append(out, stateSeries{State: st, Measures: map[string][]seriesRow{}})
		}
		m := r.get("measure")
		value := r.finite
		if m != "alive" {
			value = r.optFinite // no value where the state is alive in no run
		}
		out[i].Measures[m] = append(out[i].Measures[m], seriesRow{Tick: r.int("tick"),
			Mean: value("mean"), Q05: value("q05"), Q50: value("q50"), Q95: value("q95")})
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s has no rows for the first point: the file is damaged ("+redoAdvice+")", path)
	}
	if err == nil {
		err = sameLengths(path, out)
	}
	if want := runner.SeriesTicks(every, horizon); err == nil && every > 0 {
		err = sampledTicks(path, out, want)
	}
	return out, err
}

// sampledTicks checks that the first series (all have the same length,
// sameLengths) has a row at each of the ticks want, in order.
func sampledTicks(path string, series []stateSeries, want []int) error {
	s := series[0]
	m := slices.Sorted(maps.Keys(s.Measures))[0]
	rows := s.Measures[m]
	for i, t := range want {
		if i >= len(rows) {
			return fmt.Errorf("%s: %s %s ends at tick %d, where the run samples to tick %d: the file is cut short or damaged ("+redoAdvice+")", path, s.State, m, rows[len(rows)-1].Tick, want[len(want)-1])
		}
		if rows[i].Tick != t {
			return fmt.Errorf("%s: %s %s has tick %d where the run samples tick %d: the file is damaged or from another run ("+redoAdvice+")", path, s.State, m, rows[i].Tick, t)
		}
	}
	if len(rows) > len(want) {
		return fmt.Errorf("%s: %s %s has %d rows for the first point, where the run samples %d ticks: the file is damaged or from another run ("+redoAdvice+")", path, s.State, m, len(rows), len(want))
	}
	return nil
}

// sameLengths checks that every state and measure of a point's series has
// a row at the same ticks, as the recorder writes them: a file cut short
// leaves the last ones shorter.
func sameLengths(path string, series []stateSeries) error {
	want, first := -1, ""
	for _, s := range series {
		for _, m := range slices.Sorted(maps.Keys(s.Measures)) {
			n := len(s.Measures[m])
			switch {
			case want < 0:
				want, first = n, s.State+" "+m
			case n != want:
				return fmt.Errorf("%s: %s %s has %d rows for the first point, %s %d: the file is cut short or damaged ("+redoAdvice+")", path, s.State, m, n, first, want)
			}
		}
	}
	return nil
}

// stateLabel is "id — Name (role)" when the scenario is known.
func stateLabel(sc *sim.Scenario, id string) string {
	if sc == nil {
		return id
	}
	for _, s := range sc.States {
		if s.ID == id {
			if s.Name != "" && s.Name != id {
				return fmt.Sprintf("%s — %s (%s)", id, s.Name, s.Role)
			}
			return fmt.Sprintf("%s (%s)", id, s.Role)
		}
	}
	return id
}

// panelPlot is a small-multiple panel with a time axis.
func panelPlot(title string, cal sim.Calendar, horizon int) *plot.Plot {
	p := newPlot(title, "", "")
	p.Title.TextStyle.Font.Size = vg.Points(9)
	p.X.Tick.Label.Font.Size = vg.Points(7)
	p.Y.Tick.Label.Font.Size = vg.Points(7)
	dateAxis(&p.X, cal, 0, horizon)
	return p
}

// threatFigure: each state's threat over time, the mean with the band of
// the 5% and 95% quantiles across the runs in which it exists, and the
// mean reference point. A sampled tick at which the state exists in no
// run has no value and no point. Of a single run it draws the run's
// threat and reference, with no band: the quantiles of one value are that
// value.
func threatFigure(series []stateSeries, sc *sim.Scenario, cal sim.Calendar, horizon, runs int) (Figure, error) {
	var plots []*plot.Plot
	for _, s := range series {
		p := panelPlot(stateLabel(sc, s.State), cal, horizon)
		p.Y.Min, p.Y.Max = 0, 1
		var mean, lo, hi, ref plotter.XYs
		for _, r := range s.Measures["threat"] {
			if math.IsNaN(r.Mean) {
				continue
			}
			x := yearOf(cal, r.Tick)
			mean, lo, hi = append(mean, plotter.XY{X: x, Y: r.Mean}), append(lo, plotter.XY{X: x, Y: r.Q05}), append(hi, plotter.XY{X: x, Y: r.Q95})
		}
		for _, r := range s.Measures["reference"] {
			if !math.IsNaN(r.Mean) {
				ref = append(ref, plotter.XY{X: yearOf(cal, r.Tick), Y: r.Mean})
			}
		}
		if runs > 1 {
			p.Add(&band{Lower: lo, Upper: hi, Color: bandColor})
		}
		p.Add(line(ref, lineGrey, 1, true), line(mean, lineBlue, 1.4, false))
		plots = append(plots, p)
	}
	caption := fmt.Sprintf("Each state's total threat T: the mean over %s (line) and the band from the 5%% to the 95%% quantile across runs; dashed, the mean reference point ρ — threat above it is the domain of losses (series.csv). A state eliminated in some runs is described by the runs in which it still exists, and has no line where it exists in none.", words.Count(runs, "run", "runs"))
	if runs == 1 {
		caption = "Each state's total threat T in the run (line); dashed, its reference point ρ — threat above it is the domain of losses (series.csv). A state eliminated in the run has no line from then on."
	}
	return gridFigure("threat", "Threat over time, by state", caption, plots, 4, vg.Points(170), vg.Points(120))
}

// shareBand is the mean of a 0/1 measure as a share of runs, with its
// Wilson interval: of all runs for alive (alive nil), else of the runs in
// which the state exists at each tick, alive's share of runs (rows
// without a value, where it exists in none, are left out).
func shareBand(rows, alive []seriesRow, runs int, cal sim.Calendar) (mean, lo, hi plotter.XYs) {
	for k, r := range rows {
		n := runs
		if alive != nil {
			n = int(math.Round(alive[k].Mean * float64(runs)))
		}
		if n == 0 || math.IsNaN(r.Mean) {
			continue
		}
		x := yearOf(cal, r.Tick)
		p := runner.NewProportion(int(math.Round(r.Mean*float64(n))), n)
		mean, lo, hi = append(mean, plotter.XY{X: x, Y: r.Mean}), append(lo, plotter.XY{X: x, Y: p.Low}), append(hi, plotter.XY{X: x, Y: p.High})
	}
	return mean, lo, hi
}

// everEliminated reports whether the state is eliminated in some run at
// some sampled tick.
func everEliminated(alive []seriesRow) bool {
	return slices.ContainsFunc(alive, func(r seriesRow) bool { return r.Mean < 1 })
}

// domainFigure: the share of runs in which each state is in the domain of
// losses, and the share in which it is allied, of the runs in which it
// exists; and, for a state eliminated in some runs, the share of runs in
// which it exists. Of a single run it draws whether the state is in
// losses, allied and alive (1 or 0), with no interval: what one run did
// is not an estimate.
func domainFigure(series []stateSeries, sc *sim.Scenario, cal sim.Calendar, horizon, runs int) (Figure, error) {
	var plots []*plot.Plot
	legend := [2]bool{} // the legend has shares; the survival line
	for _, s := range series {
		p := panelPlot(stateLabel(sc, s.State), cal, horizon)
		p.Y.Min, p.Y.Max = 0, 1
		exists := s.Measures["alive"]
		lm, ll, lh := shareBand(s.Measures["losses"], exists, runs, cal)
		am, al, ah := shareBand(s.Measures["allied"], exists, runs, cal)
		losses, allied := line(lm, lineRed, 1.4, false), line(am, rgb(0x009E73), 1.4, true)
		if runs > 1 {
			p.Add(&band{Lower: ll, Upper: lh, Color: withAlpha(lineRed, 60)}, &band{Lower: al, Upper: ah, Color: withAlpha(rgb(0x009E73), 50)})
		}
		p.Add(losses, allied)
		if !legend[0] {
			p.Legend.Add("in losses", losses)
			p.Legend.Add("allied", allied)
			p.Legend.Top, legend[0] = true, true
		}
		if everEliminated(exists) {
			xm, _, _ := shareBand(exists, nil, runs, cal)
			survives := line(xm, lineGrey, 1, true)
			survives.LineStyle.Dashes = []vg.Length{vg.Points(1), vg.Points(2)}
			p.Add(survives)
			if !legend[1] {
				p.Legend.Add("exists", survives)
				p.Legend.Top, legend[1] = true, true
			}
		}
		plots = append(plots, p)
	}
	caption := fmt.Sprintf("The share of the %s in which each state was in the domain of losses (T > ρ, solid) and in which it belonged to an alliance in force (dashed), with 95%% Wilson intervals (series.csv: losses, allied). A state eliminated in some runs is described by the runs in which it still exists, and the share of runs in which it exists is dotted (series.csv: alive).", words.Count(runs, "run", "runs"))
	if runs == 1 {
		caption = "Whether each state was in the domain of losses (T > ρ; 1, solid) and whether it belonged to an alliance in force (1, dashed) in the run (series.csv: losses, allied); for a state eliminated in the run, dotted, whether it still exists (series.csv: alive)."
	}
	return gridFigure("domain", "Domain of losses and alliance membership over time, by state", caption, plots, 4, vg.Points(170), vg.Points(120))
}
