package report

import (
	"fmt"
	"image/color"
	"maps"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

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
	if err == nil {
		err = valuesWhereAlive(path, out)
	}
	if want := runner.SeriesTicks(every, horizon); err == nil && every > 0 {
		err = sampledTicks(path, out, want)
	}
	return out, err
}

// valuesWhereAlive checks each state's measures against its alive rows:
// every state has them (an older alliancesim wrote none, and counted an
// eliminated state as 0 where this one describes the runs in which it
// exists), every measure has its rows at alive's ticks, and a row has
// its four values, or none exactly where the state exists in no run.
func valuesWhereAlive(path string, series []stateSeries) error {
	for _, s := range series {
		alive, ok := s.Measures["alive"]
		if !ok {
			return fmt.Errorf("%s: %s has no alive rows: the file is from an older alliancesim, whose series counted an eliminated state as 0 ("+redoAdvice+")", path, s.State)
		}
		for _, m := range slices.Sorted(maps.Keys(s.Measures)) {
			if m == "alive" {
				continue
			}
			for k, r := range s.Measures[m] {
				if r.Tick != alive[k].Tick {
					return fmt.Errorf("%s: %s %s has tick %d where alive has %d: the file is damaged ("+redoAdvice+")", path, s.State, m, r.Tick, alive[k].Tick)
				}
				missing := 0
				for _, v := range []float64{r.Mean, r.Q05, r.Q50, r.Q95} {
					if math.IsNaN(v) {
						missing++
					}
				}
				if none := alive[k].Mean == 0; (missing != 0) != none || (missing != 0 && missing != 4) {
					return fmt.Errorf("%s: %s %s at tick %d has %d of its 4 values where the state exists in %v of the runs: the file is damaged ("+redoAdvice+"); allowed: all 4, or none where it exists in no run", path, s.State, m, r.Tick, 4-missing, alive[k].Mean)
				}
			}
		}
	}
	return nil
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

// stateLabel is "id — Name (role)" when the scenario is known. Where
// fits (nil: any label fits) says the whole does not fit, the name first
// loses a closing parenthetical ("Republic of China (Taiwan)"), then
// letters from its end, marked by an ellipsis, until it does: the id and
// the role stay.
func stateLabel(sc *sim.Scenario, id string, fits func(string) bool) string {
	if sc == nil {
		return id
	}
	for _, s := range sc.States {
		if s.ID != id {
			continue
		}
		if s.Name == "" || s.Name == id {
			return fmt.Sprintf("%s (%s)", id, s.Role)
		}
		named := func(name string) string { return fmt.Sprintf("%s — %s (%s)", id, name, s.Role) }
		label := named(s.Name)
		if fits == nil || fits(label) {
			return label
		}
		name := s.Name
		if open := strings.LastIndex(name, " ("); open > 0 && strings.HasSuffix(name, ")") {
			name = name[:open]
			if label = named(name); fits(label) {
				return label
			}
		}
		short := []rune(name)
		for n := len(short) - 1; n > 0 && !fits(label); n-- {
			label = named(strings.TrimRight(string(short[:n]), " ") + "…")
		}
		return label
	}
	return id
}

// Each state's panel of the threat and domain figures is a cell of
// statePanelW × statePanelH, four to a row; its title fits within
// statePanelW less a margin (the tiles' padding, and air either side).
const (
	statePanelW = 170
	statePanelH = 120
	statePanels = 4
)

// statePanel is the panel of a state in the threat and domain figures,
// titled by stateLabel cut to fit the panel.
func statePanel(sc *sim.Scenario, id string, cal sim.Calendar, horizon int) *plot.Plot {
	p := panelPlot("", cal, horizon)
	p.Title.Text = stateLabel(sc, id, func(label string) bool {
		return p.Title.TextStyle.Width(label) <= vg.Points(statePanelW-16)
	})
	return p
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

// trace is one unbroken stretch of a drawn series: its mean, and the
// lower and upper ends of its band.
type trace struct{ Mean, Lo, Hi plotter.XYs }

// traces splits rows into the stretches at which point gives a value,
// breaking where it gives none: a state alive in no run at a sampled
// tick, eliminated then and perhaps revived later (a withdrawal hands
// back its cells, docs/model.md §7.15), has a gap there, not a line
// drawn across it.
func traces(rows []seriesRow, cal sim.Calendar, point func(k int, r seriesRow) (mean, lo, hi float64, ok bool)) []trace {
	var out []trace
	open := false
	for k, r := range rows {
		m, lo, hi, ok := point(k, r)
		if !ok {
			open = false
			continue
		}
		if !open {
			out, open = append(out, trace{}), true
		}
		x, t := yearOf(cal, r.Tick), &out[len(out)-1]
		t.Mean, t.Lo, t.Hi = append(t.Mean, plotter.XY{X: x, Y: m}), append(t.Lo, plotter.XY{X: x, Y: lo}), append(t.Hi, plotter.XY{X: x, Y: hi})
	}
	return out
}

// quantileBand is a row's mean with the band from its 5% to its 95%
// quantile, where it has a value.
func quantileBand(_ int, r seriesRow) (float64, float64, float64, bool) {
	return r.Mean, r.Q05, r.Q95, !math.IsNaN(r.Mean)
}

// threatFigure: each state's threat over time, the mean with the band of
// the 5% and 95% quantiles across the runs in which it exists, and the
// mean reference point. A sampled tick at which the state exists in no
// run has no value and no point. Of a single run it draws the run's
// threat and reference, with no band: the quantiles of one value are that
// value.
func threatFigure(series []stateSeries, sc *sim.Scenario, cal sim.Calendar, horizon, runs int) (Figure, error) {
	var plots []*plot.Plot
	threatStyle, referenceStyle := lineStyle(lineBlue, 1.4, false), lineStyle(lineGrey, 1, true)
	for _, s := range series {
		p := statePanel(sc, s.State, cal, horizon)
		p.Y.Min, p.Y.Max = 0, 1
		threat := traces(s.Measures["threat"], cal, quantileBand)
		if runs > 1 {
			addBands(p, threat, bandColor, halfTick(cal))
		}
		addLines(p, traces(s.Measures["reference"], cal, quantileBand), referenceStyle)
		addLines(p, threat, threatStyle)
		plots = append(plots, p)
	}
	legend := legendPanel()
	if runs > 1 {
		legend.Legend.Add("threat T, mean", &plotter.Line{LineStyle: threatStyle})
		legend.Legend.Add("5% to 95% of runs", &band{Color: bandColor})
		legend.Legend.Add("reference point ρ, mean", &plotter.Line{LineStyle: referenceStyle})
	} else {
		legend.Legend.Add("threat T", &plotter.Line{LineStyle: threatStyle})
		legend.Legend.Add("reference point ρ", &plotter.Line{LineStyle: referenceStyle})
	}
	plots = append(plots, legend)
	caption := fmt.Sprintf("Each state's total threat T: the mean over %s (line) and the band from the 5%% to the 95%% quantile across runs; dashed, the mean reference point ρ — threat above it is the domain of losses (series.csv). A state eliminated in some runs is described by the runs in which it exists, and has no line where it exists in none.", words.Count(runs, "run", "runs"))
	if runs == 1 {
		caption = "Each state's total threat T in the run (line); dashed, its reference point ρ — threat above it is the domain of losses (series.csv). A state eliminated in the run has no line while it does not exist."
	}
	return gridFigure("threat", "Threat over time, by state", caption, plots, statePanels, vg.Points(statePanelW), vg.Points(statePanelH))
}

// shareBand is the mean of a 0/1 measure as a share of runs, with its
// Wilson interval: of all runs for alive (alive nil), else of the runs in
// which the state exists at each tick, alive's share of runs (rows
// without a value, where it exists in none, break the line).
func shareBand(rows, alive []seriesRow, runs int, cal sim.Calendar) []trace {
	return traces(rows, cal, func(k int, r seriesRow) (float64, float64, float64, bool) {
		n := runs
		if alive != nil {
			n = int(math.Round(alive[k].Mean * float64(runs)))
		}
		if n == 0 || math.IsNaN(r.Mean) {
			return 0, 0, 0, false
		}
		p := runner.NewProportion(int(math.Round(r.Mean*float64(n))), n)
		return r.Mean, p.Low, p.High, true
	})
}

// addBands draws the band of each trace, in colour c; the band of a lone
// sample (a trace of one point) as wide as its tick (half either side,
// half in years), which an area through one x could not show.
func addBands(p *plot.Plot, ts []trace, c color.Color, half float64) {
	for _, t := range ts {
		lo, hi := t.Lo, t.Hi
		if len(lo) == 1 {
			lo, hi = widen(lo[0], half), widen(hi[0], half)
		}
		p.Add(&band{Lower: lo, Upper: hi, Color: c})
	}
}

// addLines draws the mean of each trace, in style s; a lone sample as a
// dot of its colour, which a line through one point could not show.
func addLines(p *plot.Plot, ts []trace, s draw.LineStyle) {
	for _, t := range ts {
		p.Add(&plotter.Line{XYs: t.Mean, LineStyle: s})
		addLone(p, t.Mean, s.Color)
	}
}

// everEliminated reports whether the state is eliminated in some run at
// some sampled tick.
func everEliminated(alive []seriesRow) bool {
	return slices.ContainsFunc(alive, func(r seriesRow) bool { return r.Mean < 1 })
}

// legendPanel is a panel that draws nothing but its legend, at its top
// left, for a grid of panels that share one.
func legendPanel() *plot.Plot {
	p := newPlot("", "", "")
	p.HideAxes()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.ThumbnailWidth = vg.Points(24)
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(12), -vg.Points(16)
	return p
}

// domainFigure: the share of runs in which each state is in the domain of
// losses, and the share in which it is allied, of the runs in which it
// exists; and, for a state eliminated in some runs, the share of runs in
// which it exists. Of a single run it draws whether the state is in
// losses, allied and alive (1 or 0), with no interval: what one run did
// is not an estimate.
func domainFigure(series []stateSeries, sc *sim.Scenario, cal sim.Calendar, horizon, runs int) (Figure, error) {
	var plots []*plot.Plot
	lossesStyle, alliedStyle, existsStyle := lineStyle(lineRed, 1.4, false), lineStyle(lineGreen, 1.4, true), lineStyle(lineGrey, 1, true)
	existsStyle.Dashes = []vg.Length{vg.Points(1), vg.Points(2)} // dotted
	anyEliminated := false
	for _, s := range series {
		p := statePanel(sc, s.State, cal, horizon)
		p.Y.Min, p.Y.Max = 0, 1
		exists := s.Measures["alive"]
		losses, allied := shareBand(s.Measures["losses"], exists, runs, cal), shareBand(s.Measures["allied"], exists, runs, cal)
		if runs > 1 {
			addBands(p, losses, withAlpha(lineRed, 60), halfTick(cal))
			addBands(p, allied, withAlpha(lineGreen, 50), halfTick(cal))
		}
		addLines(p, losses, lossesStyle)
		addLines(p, allied, alliedStyle)
		if everEliminated(exists) {
			addLines(p, shareBand(exists, nil, runs, cal), existsStyle)
			anyEliminated = true
		}
		plots = append(plots, p)
	}
	// The legend has a panel of its own, after the states': drawn in a
	// state's panel it lay over the lines at 0 or 1.
	legend := legendPanel()
	legend.Legend.Add("in losses", &plotter.Line{LineStyle: lossesStyle})
	legend.Legend.Add("allied", &plotter.Line{LineStyle: alliedStyle})
	if anyEliminated {
		legend.Legend.Add("exists", &plotter.Line{LineStyle: existsStyle})
	}
	plots = append(plots, legend)
	caption := fmt.Sprintf("The share of the %s in which each state was in the domain of losses (T > ρ, solid) and in which it belonged to an alliance in force (dashed), with 95%% Wilson intervals (series.csv: losses, allied). A state eliminated in some runs is described by the runs in which it exists, and the share of runs in which it exists is dotted (series.csv: alive).", words.Count(runs, "run", "runs"))
	if runs == 1 {
		caption = "Whether each state was in the domain of losses (T > ρ; 1, solid) and whether it belonged to an alliance in force (1, dashed) in the run (series.csv: losses, allied); for a state eliminated in the run, dotted, whether it exists (series.csv: alive)."
	}
	return gridFigure("domain", "Domain of losses and alliance membership over time, by state", caption, plots, statePanels, vg.Points(statePanelW), vg.Points(statePanelH))
}
