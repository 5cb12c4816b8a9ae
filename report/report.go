package report

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alliancesim/alliancesim/hypotheses"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// Page is a report: provenance, notes and sections of figures, rendered
// by page.html.
type Page struct {
	Title, Subtitle string
	Dir             string
	Provenance      []KeyValue
	Notes           []string
	Sections        []Section
}

// KeyValue is a line of the provenance table.
type KeyValue struct{ Key, Value string }

// Section is a part of the report: figures, and for a single run its
// event list beside them, or the hypotheses table.
type Section struct {
	ID, Title, Intro string
	Notes            []string
	Figures          []Figure
	Events           []EventRow
	EventsNote       string
	Hypotheses       []HypothesisRow
}

// Figures lists every figure of the page, in order.
func (p *Page) Figures() []Figure {
	var out []Figure
	for _, s := range p.Sections {
		out = append(out, s.Figures...)
	}
	return out
}

//go:embed page.html
var pageHTML string

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// Render writes the page as one self-contained HTML document.
func (p *Page) Render(w io.Writer) error { return pageTemplate.Execute(w, p) }

// Write builds the report of dir and writes it to dir/report.html
// through a temporary file and a rename; it returns the path. It holds
// dir's lock (runner.Lock) while it reads and writes, so that a run,
// merge or reassembly replacing the results meanwhile cannot leave a
// report of the old ones beside them; it returns runner.ErrBusy, wrapped,
// if another process holds it. Where the lock cannot be made for another
// reason (read-only storage, say) it goes on without it, and the writing
// of report.html says what is wrong.
func Write(ctx context.Context, dir string) (string, error) {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() { // else Build says what is wrong
		release, err := runner.Lock(dir)
		switch {
		case errors.Is(err, runner.ErrBusy):
			return "", err
		case err == nil:
			defer release()
		}
		// A lock that cannot be made (read-only storage) leaves the
		// report to say why report.html cannot be written.
	}
	p, err := Build(ctx, dir)
	if err != nil {
		return "", err
	}
	return writeReport(dir, p.Render)
}

// writeReport writes dir/report.html with render through a temporary file
// and a rename, removing the temporary file if anything fails; errors name
// report.html, not the temporary file: a *fs.PathError of report.html
// ("cannot write DIR/report.html: permission denied"), so that a caller
// can tell the file it could not write from one it could not read.
func writeReport(dir string, render func(io.Writer) error) (string, error) {
	path := filepath.Join(dir, "report.html")
	fail := func(err error) error {
		// the temporary file's name is no concern of the reader's
		var pe *fs.PathError
		var le *os.LinkError
		switch {
		case errors.As(err, &pe):
			err = pe.Err
		case errors.As(err, &le):
			err = le.Err
		}
		return &fs.PathError{Op: "cannot write", Path: path, Err: err}
	}
	tmp, err := os.CreateTemp(dir, ".tmp-report.html-*") // named as the runner's temporary files, which it cleans up (runner.ourTemp)
	if err != nil {
		return "", fail(err)
	}
	placed := false
	defer func() {
		if !placed {
			tmp.Close() // a second Close only errs
			os.Remove(tmp.Name())
		}
	}()
	if err := render(tmp); err != nil {
		return "", fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return "", fail(err)
	}
	if err := tmp.Close(); err != nil {
		return "", fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		if fi, serr := os.Lstat(path); serr == nil && fi.IsDir() {
			return "", fmt.Errorf("cannot write %s: a directory is in its place; allowed: a directory where report.html is a file or absent", path)
		}
		return "", fail(err)
	}
	placed = true
	return path, nil
}

// Build reads dir and draws its report.
func Build(ctx context.Context, dir string) (*Page, error) {
	in, err := Read(dir)
	if err != nil {
		return nil, err
	}
	p := &Page{Dir: dirName(dir)}
	if in.Kind == Hypotheses {
		return p, p.hypotheses(in)
	}
	m := in.Manifest
	p.Title = fmt.Sprintf("%s — %s", m.Scenario, in.Kind)
	p.Subtitle = describe(in)
	p.Provenance = provenance(in)
	// A sweep's report draws no maps, so why it cannot is no news; an
	// edited scenario.toml is, as it names the states.
	if in.ScenarioNote != "" && (in.Kind != Sweep || in.scenarioEdited) {
		p.Notes = append(p.Notes, in.ScenarioNote)
	}
	switch in.Kind {
	case SingleRun:
		err = p.singleRun(ctx, in)
	case Sweep:
		err = p.sweep(in)
	default:
		err = p.monteCarlo(ctx, in)
	}
	return p, err
}

// describe is the subtitle: what ran.
func describe(in *Input) string {
	m := in.Manifest
	p := m.Points[0]
	ticks := words.Count(p.Ticks, "tick", "ticks")
	// A sweep that varies the horizon (scenario.ticks) runs each point
	// for its own: say their range, not point 0's.
	least, most := p.Ticks, p.Ticks
	for _, q := range m.Points {
		least, most = min(least, q.Ticks), max(most, q.Ticks)
	}
	if least != most {
		ticks = fmt.Sprintf("%d to %d ticks, by point,", least, most)
	}
	span := fmt.Sprintf("%s of %s from %s", ticks, words.Count(p.MonthsPerTick, "month", "months"), p.Start)
	if note := in.calendar().LabelNote(); note != "" { // as run's timeline says
		span += ", " + note
	}
	switch in.Kind {
	case SingleRun:
		return fmt.Sprintf("One replication, seed %d; %s.", m.Seed, span)
	case Sweep:
		return fmt.Sprintf("%s × %s (%s at every point), varying %s; %s.", words.Count(len(m.Points), "point", "points"), words.Count(m.Runs, "run", "runs"), words.Seeds(m.Runs, m.Seed), strings.Join(m.Vary, ", "), span)
	}
	return fmt.Sprintf("%s, %s; %s.", words.Count(m.Runs, "replication", "replications"), words.Seeds(m.Runs, m.Seed), span)
}

// provenance says what ran, by which build and command.
func provenance(in *Input) []KeyValue {
	m := in.Manifest
	kv := []KeyValue{
		{"scenario", m.Scenario},
		{"scenario sha256", m.ScenarioSHA256},
	}
	if m.Experiment != "" || m.ExperimentSHA256 != "" {
		kv = append(kv, KeyValue{"experiment", m.Experiment}, KeyValue{"experiment sha256", m.ExperimentSHA256})
	}
	kv = append(kv,
		KeyValue{"alliancesim version", m.Tool.Version},
		KeyValue{"revision", revisionOf(m.Tool)},
	)
	kv = append(kv, buildOf(m.Tool)...)
	if len(m.Merged) == 0 {
		kv = append(kv, KeyValue{"command", strings.Join(m.Command, " ")})
	} else if len(m.Command) > 0 {
		// No one command wrote a merged directory: each part's did, and
		// the merge put them together.
		kv = append(kv, KeyValue{"merged by", strings.Join(m.Command, " ")})
	}
	for _, c := range m.Resumed {
		kv = append(kv, KeyValue{"resumed by", strings.Join(c, " ")})
	}
	kv = append(kv, mergedRows(m.Merged, "")...)
	runs := words.Count(m.Runs, "run", "runs") // one scenario's
	if in.Kind == Sweep {
		runs = fmt.Sprintf("%d per point", m.Runs)
	}
	kv = append(kv,
		KeyValue{"runs, seed", fmt.Sprintf("%s, base seed %d (replication r plays seed + r)", runs, m.Seed)},
		KeyValue{"directory", dirName(in.Dir)},
	)
	if in.Kind == Sweep {
		kv = append(kv, KeyValue{"varied", fmt.Sprintf("%s over %d points", strings.Join(m.Vary, ", "), len(m.Points))})
	}
	return kv
}

// revisionOf is the revision a build was made from, marked when its tree
// had uncommitted changes.
func revisionOf(t runner.Tool) string {
	if t.Modified {
		return t.Revision + " (modified)"
	}
	return t.Revision
}

// buildOf is the toolchain, target and binary of a build, where the
// output records them (outputs written before they were recorded do not).
func buildOf(t runner.Tool) []KeyValue {
	var kv []KeyValue
	switch {
	case t.Go != "" && t.Target != "":
		kv = append(kv, KeyValue{"built with", t.Go + " for " + t.Target})
	case t.Go != "" || t.Target != "":
		kv = append(kv, KeyValue{"built with", t.Go + t.Target})
	}
	if t.Binary != "" {
		kv = append(kv, KeyValue{"binary sha256", t.Binary})
	}
	return kv
}

// exists reports whether a file of the directory is there.
func exists(in *Input, name string) bool {
	_, err := os.Stat(in.path(name))
	return err == nil
}

// monteCarlo: the sections of many runs of one scenario.
func (p *Page) monteCarlo(ctx context.Context, in *Input) error {
	s, m := in.Summary, in.Manifest
	cal, horizon := in.calendar(), m.Points[0].Ticks
	ypt := float64(cal.MonthsPerTick) / 12
	shares, err := sharesFigure(s)
	if err != nil {
		return err
	}
	p.Sections = append(p.Sections, Section{ID: "shares", Title: "Which designs formed", Figures: []Figure{shares}})
	if err := p.survival(s, ypt); err != nil {
		return err
	}
	runs, err := readRuns(in.path("runs.csv"), 0, in.Manifest)
	if err != nil {
		return err
	}
	if len(runs) != m.Runs {
		// Figures from a cut runs.csv would disagree with summary.json's.
		return fmt.Errorf("%s has %s; the manifest says %s: the file is damaged ("+redoAdvice+")",
			in.path("runs.csv"), words.Count(len(runs), "run", "runs"), words.Count(m.Runs, "run", "runs"))
	}
	if err := runsAgree(in.path("runs.csv"), runs, s); err != nil {
		return err
	}
	commit, err := commitmentFigure(runs, s.FirstCommitment, cal, horizon)
	if err != nil {
		return err
	}
	timing := Section{ID: "timing", Title: "Patron commitment and hub and spokes", Figures: []Figure{commit}}
	if in.Scenario != nil {
		hub, err := hubOverTime(in, cal, horizon)
		switch {
		case err != nil && in.scenarioEdited:
			// The patrons it names now may not be the run's: the fault
			// is its, not that of the files the curve is checked against.
			timing.Notes = append(timing.Notes, "No hub-and-spokes curve: it needs the run's patrons, and scenario.toml, which names them, is not the file the work wrote (the patrons it names now give a curve that disagrees with summary.json).")
		case err != nil:
			return err
		default:
			timing.Figures = append(timing.Figures, hub)
		}
	} else {
		timing.Notes = append(timing.Notes, "No hub-and-spokes curve: it needs the patrons, named in scenario.toml.")
	}
	p.Sections = append(p.Sections, timing)
	if err := p.series(in, cal, horizon); err != nil {
		return err
	}
	shapes, ok, err := shapesFigure(s)
	if err != nil {
		return err
	}
	if ok {
		p.Sections = append(p.Sections, Section{ID: "shapes", Title: "Alliance shapes", Figures: []Figure{shapes}})
	}
	med, ok := medianRun(runs)
	if !ok {
		return nil
	}
	return p.maps(ctx, in, med, "The median run", fmt.Sprintf(
		"Run %d (seed %d) is the most typical of the %d: the medoid under the Hamming distance between runs' design indicators (runs.csv), the run whose summed distance to all others is least, ties to the first patron commitment nearest the median.",
		med.Run, med.Seed, len(runs)))
}

// survival adds the Kaplan–Meier section.
func (p *Page) survival(s *runner.Summary, yearsPerTick float64) error {
	sec := Section{ID: "survival", Title: "How long alliances last"}
	for _, g := range []struct{ id, title, by, since, note, prefix string }{
		{"survival-kind", "Survival of alliances by kind", "by kind (size at formation)", "formation", "", "kind="},
		// runner.OriginLifetimes: an alliance counts while it had the
		// origin, from alliances.csv's origin_since: its formation, the
		// patron's entry that made it indigenous, or the entry on
		// sovereignty that made a bilateral imposed
		{"survival-origin", "Survival of alliances by origin", "by origin (client, indigenous, imposed, bilateral)",
			"its origin began (origin_since)",
			"; an alliance counts in an origin's curve while it had that origin: a clients' alliance that a patron joined is client until the patron's entry, censored there, and indigenous from it, so n counts it in both (one the patron joined in the tick it formed has no client phase, and counts as indigenous only); likewise a patron's bilateral signed for an occupied client is bilateral until that client joins on sovereignty, which makes it imposed, and its imposed time counts from that entry", "origin="},
		{"survival-cohesion", "Survival of alliances by convergence", "by how far the founders' threat pictures converged when they signed (cohesion at formation, below and at or above its median)", "formation", "", "cohesion="},
	} {
		f, ok, err := survivalFigure(g.id, g.title, g.by, g.since, g.note, s, g.prefix, yearsPerTick)
		if err != nil {
			return err
		}
		if ok {
			sec.Figures = append(sec.Figures, f)
		}
	}
	if len(sec.Figures) == 0 {
		sec.Notes = append(sec.Notes, "No alliance formed in any run: no survival curves.")
	}
	p.Sections = append(p.Sections, sec)
	return nil
}

// hubOverTime computes and draws the hub-and-spokes index.
func hubOverTime(in *Input, cal sim.Calendar, horizon int) (Figure, error) {
	patrons := map[string]bool{}
	for _, s := range in.Scenario.States {
		if s.Role == sim.Patron {
			patrons[s.ID] = true
		}
	}
	// The curve is drawn after each tick that holds a January; it is also computed at
	// summary.json's checkpoints, where the two must agree.
	yearly := yearlyTicks(cal, horizon)
	ticks := slices.Clone(yearly)
	for _, c := range in.Summary.HubSpokes {
		if c.Tick >= 0 && c.Tick < horizon {
			ticks = append(ticks, c.Tick)
		}
	}
	slices.Sort(ticks)
	ticks = slices.Compact(ticks)
	all, err := hubSeries(in.path("memberships.csv"), patrons, ticks, in.Manifest.Runs, horizon)
	if err != nil {
		return Figure{}, err
	}
	at := map[int]hubPoint{}
	for _, h := range all {
		at[h.T] = h
	}
	if err := agreesWithCheckpoints(in.path("memberships.csv"), at, in.Summary.HubSpokes); err != nil {
		return Figure{}, err
	}
	points := make([]hubPoint, len(yearly))
	for i, t := range yearly {
		points[i] = at[t]
	}
	return hubFigure(points, in.Summary.HubSpokes, cal)
}

// agreesWithCheckpoints checks the hub index computed from
// memberships.csv against summary.json's checkpoints: the number of runs
// with a patron alliance and the mean index. They disagree when the file
// was cut, even at a line boundary, or comes from another run.
func agreesWithCheckpoints(path string, at map[int]hubPoint, checkpoints []runner.HubSpokes) error {
	for _, c := range checkpoints {
		h, ok := at[c.Tick]
		if !ok {
			continue
		}
		mean, want := "none", "none"
		if h.Runs > 0 {
			mean = fmt.Sprintf("%.4f", h.Mean)
		}
		if c.Mean != nil {
			want = fmt.Sprintf("%.4f", *c.Mean)
		}
		if h.Runs != c.Runs || (c.Mean != nil && math.Abs(h.Mean-*c.Mean) > 1e-9) || (c.Mean == nil) != (h.Runs == 0) {
			return fmt.Errorf("%s disagrees with summary.json at %s: %s with a patron alliance and a mean hub index of %s, against %s and %s: the file is damaged or from another run ("+redoAdvice+")",
				path, c.Date, words.Count(h.Runs, "run", "runs"), mean, words.Count(c.Runs, "run", "runs"), want)
		}
	}
	return nil
}

// series adds the time-series section, or says how to get one.
func (p *Page) series(in *Input, cal sim.Calendar, horizon int) error {
	sec := Section{ID: "series", Title: "Threat, domain and alliances over time"}
	if !exists(in, "series.csv") {
		// record_every counts ticks: yearly is 12 of a month, 4 of a quarter.
		yearly := fmt.Sprintf("for example %d, yearly", 12/max(1, cal.MonthsPerTick))
		if cal.MonthsPerTick > 1 {
			yearly += ": it counts ticks, here " + words.Count(cal.MonthsPerTick, "month", "months") + " each"
		}
		note := "No time series was recorded: set params.record_every (" + yearly + ") in the scenario and run again to get series.csv and these figures."
		if every := in.Manifest.Points[0].SeriesEvery; every > 0 {
			// Recorded (the manifest says so), and since removed: say so,
			// not how to record one.
			note = fmt.Sprintf("series.csv is missing: the scenario records a time series (params.record_every = %d), so the run wrote one, but it is not in the directory now.", every)
		}
		sec.Notes = append(sec.Notes, note)
		p.Sections = append(p.Sections, sec)
		return nil
	}
	known := in.Scenario // the states series.csv may name
	if in.scenarioEdited {
		known = nil
	}
	rows, err := readSeries(in.path("series.csv"), known, horizon, in.Manifest.Points[0].SeriesEvery)
	if err != nil {
		return err
	}
	threat, err := threatFigure(rows, in.Scenario, cal, horizon, in.Manifest.Runs)
	if err != nil {
		return err
	}
	domain, err := domainFigure(rows, in.Scenario, cal, horizon, in.Manifest.Runs)
	if err != nil {
		return err
	}
	threat.Class, domain.Class = "wide", "wide"
	sec.Figures = append(sec.Figures, threat, domain)
	p.Sections = append(p.Sections, sec)
	return nil
}

// maps adds the theatre after the first tick and at the end of a run, replayed
// from scenario.toml.
func (p *Page) maps(ctx context.Context, in *Input, r runRow, title, intro string) error {
	sec := Section{ID: "maps", Title: title, Intro: intro}
	if !in.replayable() {
		why := strings.TrimSuffix(strings.TrimSuffix(in.ScenarioNote, ", and no maps"), ": no maps")
		sec.Notes = append(sec.Notes, "No maps: "+why+".")
		p.Sections = append(p.Sections, sec)
		return nil
	}
	c, err := sim.Compile(in.Scenario)
	if err != nil {
		return fmt.Errorf("compiling scenario.toml to replay run %d: %w", r.Run, err)
	}
	for _, at := range []struct {
		id, what string
		tick     int
	}{{"map-start", "after the first tick", 0}, {"map-end", "at the end", c.Ticks() - 1}} {
		w, err := ReplayTo(ctx, c, r.Seed, at.tick)
		if err != nil {
			return err
		}
		t := WorldTheatre(w)
		svg, err := t.SVG()
		if err != nil {
			return err
		}
		sec.Figures = append(sec.Figures, Figure{ID: at.id, Class: "wide",
			// dated, as the picture is, by the last month of the tick it
			// stands after
			Title: fmt.Sprintf("The theatre %s, %s (run %d, seed %d)", at.what, c.Calendar().LastMonth(at.tick), r.Run, r.Seed),
			Caption: fmt.Sprintf("Terrain and owners %s of the run, once the tick of %s has been played, alliances formed in it included (replayed from scenario.toml with seed %d); cells occupied since the start hatched; the territory of every member of an alliance in force outlined in the alliance's colour. The same picture: alliancesim map scenario.toml --png FILE --at %s --seed %d.",
				at.what, w.Label(at.tick), r.Seed, w.Label(at.tick), r.Seed),
			SVG: svg})
	}
	p.Sections = append(p.Sections, sec)
	return nil
}

// singleRun: one replication's timeline beside its events, its maps and
// its series.
func (p *Page) singleRun(ctx context.Context, in *Input) error {
	m := in.Manifest
	cal, horizon := in.calendar(), m.Points[0].Ticks
	bs, err := readBars(in.path("memberships.csv"), 0, horizon)
	if err != nil {
		return err
	}
	sec := Section{ID: "timeline", Title: "Alliances and events"}
	if len(bs) == 0 {
		sec.Notes = append(sec.Notes, "No alliance formed in this run.")
	} else {
		g, err := ganttFigure(bs, cal, horizon)
		if err != nil {
			return err
		}
		sec.Figures = append(sec.Figures, g)
	}
	switch {
	case !m.Events:
		sec.Notes = append(sec.Notes, "The run was written with --no-events: no event list.")
	default:
		// Read checked every byte against summary.json's record, where it
		// keeps one; readEvents checks what the file alone can be checked
		// by.
		ev, hidden, err := readEvents(in.path("events.jsonl"), cal, horizon, bs)
		if err != nil {
			return err
		}
		sec.Events = ev
		if len(ev) == 0 {
			sec.Events = []EventRow{{Text: "no events"}}
		}
		if hidden > 0 {
			sec.EventsNote = words.Count(hidden, "challenge", "challenges") + " that came to nothing left out; events.jsonl has them"
		}
	}
	p.Sections = append(p.Sections, sec)
	if err := p.series(in, cal, horizon); err != nil {
		return err
	}
	return p.maps(ctx, in, runRow{Run: 0, Seed: m.Seed}, "The theatre", "")
}

// sweep: the response of each share to each varied parameter, then the
// pooled figures.
func (p *Page) sweep(in *Input) error {
	s := in.Sweep
	sec := Section{ID: "responses", Title: "Responses to the varied parameters"}
	for k, path := range s.Vary {
		f, err := sweepFigure(k, s, path)
		if err != nil {
			return err
		}
		f.Class = "wide"
		sec.Figures = append(sec.Figures, f)
	}
	p.Sections = append(p.Sections, sec)
	indices := p.sensitivitySection(in)
	pooled, err := sharesFigure(in.Summary)
	if err != nil {
		return err
	}
	pooled.Title = "Shares of runs in which each design formed, all points pooled"
	p.Sections = append(p.Sections, Section{ID: "shares", Title: "Which designs formed (pooled)", Figures: []Figure{pooled}})
	if err := p.survival(in.Summary, float64(in.calendar().MonthsPerTick)/12); err != nil {
		return err
	}
	shapes, ok, err := shapesFigure(in.Summary)
	if err != nil {
		return err
	}
	if ok {
		p.Sections = append(p.Sections, Section{ID: "shapes", Title: "Alliance shapes (pooled)", Figures: []Figure{shapes}})
	}
	note := "A sweep's report draws the responses"
	if indices {
		note += ", the parameters' sensitivity indices"
	}
	note += " and the pooled results"
	if files := pointFiles(in); files != "" {
		note += "; the directory holds each point's " + files
	}
	p.Notes = append(p.Notes, note+", and a point's runs can be reported on their own by running its scenario with run --out.")
	switch {
	case exists(in, "sensitivity.csv") && indices:
		// Its resamples may not be the report's, and a later run of the
		// command may not have written it again.
		p.Notes = append(p.Notes, fmt.Sprintf("sensitivity.csv holds the indices as alliancesim sensitivity last wrote them, at the resamples its resamples column gives; this report computes them afresh at %d.", reportBootstrap.Resamples))
	case exists(in, "sensitivity.csv"):
		p.Notes = append(p.Notes, "sensitivity.csv holds indices alliancesim sensitivity wrote earlier, but the command would refuse this directory now (its section says why): they need not be of these results.")
	}
	return nil
}

// pointFiles names the per-point files of a sweep that are in its
// directory: "survival (survival.csv) and runs (runs.csv)", or "".
func pointFiles(in *Input) string {
	var files []string
	for _, f := range []struct{ what, name string }{{"time series", "series.csv"}, {"survival", "survival.csv"}, {"runs", "runs.csv"}} {
		if exists(in, f.name) {
			files = append(files, fmt.Sprintf("%s (%s)", f.what, f.name))
		}
	}
	if len(files) < 2 {
		return strings.Join(files, "")
	}
	return strings.Join(files[:len(files)-1], ", ") + " and " + files[len(files)-1]
}

// hypotheses: the table and a response plot per hypothesis.
func (p *Page) hypotheses(in *Input) error {
	p.Title = "Hypotheses (docs/model.md §1.2.2)"
	held := 0
	for _, r := range in.Hypotheses {
		if r.Verdict == "holds" {
			held++
		}
	}
	p.Subtitle = fmt.Sprintf("%d hypotheses, %d hold.", len(in.Hypotheses), held)
	p.Provenance = []KeyValue{{"file", "hypotheses.json"}, {"sha256", in.HypothesesSHA256}}
	if pr := in.Provenance; pr != nil {
		p.Provenance = append(p.Provenance,
			KeyValue{"alliancesim version", pr.Tool.Version},
			KeyValue{"revision", revisionOf(pr.Tool)})
		p.Provenance = append(p.Provenance, buildOf(pr.Tool)...)
		p.Provenance = append(p.Provenance,
			KeyValue{"command", strings.Join(pr.Command, " ")},
			KeyValue{"runs, seed", fmt.Sprintf("%s; %s; base seed %d (replication r plays seed + r)",
				runsRow(pr, in.Hypotheses), words.Count(pr.Layouts, "layout", "layouts"), pr.Seed)},
			KeyValue{"worlds changed (--set)", pr.Changed()})
		if len(pr.Set) > 0 {
			p.Notes = append(p.Notes, "Every world was changed with --set "+strings.Join(pr.Set, ", ")+": these are not the verdicts of the hypotheses as registered.")
		}
		// Exploratory only for a hypothesis run on generated layouts
		// (layout ≥ 1), as the command says: NC2, NC3 and T3c run on a
		// drawn map, layout 0, whatever --layouts is.
		layouts := slices.ContainsFunc(in.Hypotheses, func(r hypotheses.Result) bool {
			return slices.ContainsFunc(r.Layouts, func(l hypotheses.LayoutRow) bool { return l.Layout > 0 })
		})
		if layouts && pr.Layouts < hypotheses.DefaultLayouts {
			p.Notes = append(p.Notes, fmt.Sprintf("Exploratory: the specification judges a hypothesis over at least %d generated layouts (docs/model.md §1.2.2), so that no result is one map's accident; these verdicts rest on %s.",
				hypotheses.DefaultLayouts, words.Count(pr.Layouts, "layout", "layouts")))
		}
	} else {
		p.Notes = append(p.Notes, "This directory has no provenance.json (hypotheses --out writes one in later builds): the build, the command line and any --set changes that produced these results are not recorded here.")
	}
	p.Provenance = append(p.Provenance, KeyValue{"directory", dirName(in.Dir)})
	sec := Section{ID: "hypotheses", Title: "Verdicts", Hypotheses: hypothesisRows(in.Hypotheses)}
	p.Sections = append(p.Sections, sec)
	figs := Section{ID: "responses", Title: "Responses"}
	for _, r := range in.Hypotheses {
		if !anyValid(r.Pooled) {
			figs.Notes = append(figs.Notes, fmt.Sprintf("%s: no estimate at any level (%s), nothing to draw.", r.ID, r.Reason))
			continue
		}
		f, err := hypothesisFigure(r)
		if err != nil {
			return err
		}
		f.Class = "small"
		figs.Figures = append(figs.Figures, f)
	}
	p.Sections = append(p.Sections, figs)
	return nil
}

// runsRow says the runs per world and level the results rest on, as
// the command's header does: those it started with, the most an
// inconclusive verdict was run on where that is more, and the most
// --max-runs allowed ("20 per world and level, up to 40 where a verdict
// was inconclusive at fewer; at most 160 allowed"), so that the cap is
// not read as runs made.
func runsRow(pr *hypotheses.Provenance, rs []hypotheses.Result) string {
	if most := hypotheses.MostRuns(rs); most > pr.Runs {
		return fmt.Sprintf("%d per world and level, up to %d where a verdict was inconclusive at fewer; at most %d allowed", pr.Runs, most, pr.MaxRuns)
	}
	return fmt.Sprintf("%d per world and level; at most %d allowed where a verdict was inconclusive", pr.Runs, pr.MaxRuns)
}

// mergedRows are the provenance rows of the directories a merge
// combined, each with its command and those that resumed it, and, for a
// directory that was itself merged, its own parts after it, named by the
// path through which they came (in names the merged directory they are
// in, "" at the top).
func mergedRows(dirs []runner.MergedDir, in string) []KeyValue {
	var kv []KeyValue
	for _, d := range dirs {
		name := d.Dir
		if in != "" {
			name = in + " ← " + d.Dir
		}
		if len(d.Command) > 0 || len(d.Merged) == 0 {
			what := "merged from "
			if len(d.Merged) > 0 {
				what = "merged by, in "
			}
			kv = append(kv, KeyValue{what + name, strings.Join(d.Command, " ")})
		}
		if d.Tool != nil {
			kv = append(kv, KeyValue{"build of " + name, d.Tool.String()})
		}
		for _, c := range d.Resumed {
			kv = append(kv, KeyValue{"resumed in " + name + " by", strings.Join(c, " ")})
		}
		kv = append(kv, mergedRows(d.Merged, name)...)
	}
	return kv
}

// dirName is the name a report gives its directory: the last element of
// its real path, so that the same directory named as "." or through a
// symbolic link gives the same page, byte for byte. A path that cannot be
// resolved keeps its own last element.
func dirName(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			dir = real
		}
	}
	return filepath.Base(filepath.Clean(dir))
}
