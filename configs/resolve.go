package configs

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

// The rules every value is checked against — limits, ranges, id patterns,
// reserved glyphs, which keys an event kind uses — are sim's (limits.go,
// sim.ParamSpecs, agents.DecisionSpecs), the same that sim.Scenario.Validate
// applies before a scenario is compiled: configs adds where each problem
// was written.

// resolve checks a merged file and turns it into a sim.Scenario, adding
// every problem it finds to e.
func resolve(f *rawFile, e *errs) *sim.Scenario {
	sc := &sim.Scenario{Source: f.file, Params: sim.DefaultParams(), Decision: agents.DefaultDecision()}
	startOK := resolveHeader(f, sc, e)
	resolveSettings(f, sc, e)
	st := resolveStates(f, sc, e)
	resolveTheater(f, sc, st, e)
	resolveEvents(f, sc, st.index, startOK, e)
	return sc
}

// resolveHeader reads [scenario]: the name, description, calendar and
// horizon. It returns whether the start month was read.
func resolveHeader(f *rawFile, sc *sim.Scenario, e *errs) (startOK bool) {
	m := &f.Scenario
	sc.Name = TrimTOML(filepath.Base(f.file))
	switch {
	case m.Name.ok(e, "a string"):
		sc.Name = m.Name.V
		textOK(m.Name.Loc, sim.CheckScenarioName(sc.Name), e)
	case !m.Name.Set && sim.CheckScenarioName(sc.Name) != nil:
		// The name is the file's, and the file's name is not a name.
		e.at(Loc{File: f.file, Line: f.idx["scenario"], Key: "scenario.name"}, "the scenario is named after its file, %q, which is blank or holds a control character; allowed: name = \"…\" in [scenario], or a file name with a visible character and no control characters", sc.Name)
	}
	if m.Description.ok(e, "a string") {
		sc.Description = m.Description.V
		textOK(m.Description.Loc, sim.CheckLines(sc.Description), e)
	}
	sc.Calendar.MonthsPerTick = 1
	if m.Tick.ok(e, "a string: "+strings.Join(sim.TickUnitNames(), ", ")) {
		n, ok := sim.TickUnits()[m.Tick.V]
		if !ok {
			e.at(m.Tick.Loc, "%q is not a tick length; allowed: %s", m.Tick.V, strings.Join(sim.TickUnitNames(), ", "))
		}
		sc.Calendar.MonthsPerTick = n
	}
	switch {
	case monthOK(&m.Start, e):
		y, mo, err := sim.ParseMonth(m.Start.V)
		if err != nil {
			e.at(m.Start.Loc, "%v", err)
		} else {
			sc.Calendar.StartYear, sc.Calendar.StartMonth, startOK = y, mo, true
		}
	case !m.Start.Set:
		e.at(Loc{File: f.file, Line: f.idx["scenario"], Key: "scenario.start"}, "missing; allowed: a month, YYYY-MM, e.g. 1950-01")
	}
	switch {
	case wholeOK(&m.Ticks, sim.TicksRange(), e):
		sc.Ticks = m.Ticks.V
		if _, known := sim.TickUnits()[m.Tick.V]; startOK && (known || !m.Tick.Set) {
			// The run must end by 9999-12, the last month a date can name.
			textOK(m.Ticks.Loc, sc.Calendar.CheckHorizon(sc.Ticks), e)
		}
	case !m.Ticks.Set:
		e.at(Loc{File: f.file, Line: f.idx["scenario"], Key: "scenario.ticks"}, "missing; allowed: %s", sim.TicksRange().Allowed())
	}
	return startOK
}

// resolveSettings reads [params] and [decision], and checks the time
// series' sampling against the horizon.
func resolveSettings(f *rawFile, sc *sim.Scenario, e *errs) {
	m := &f.Scenario
	for _, k := range sortedKeys(f.Params.M) {
		o := f.Params.M[k]
		spec, ok := sim.LookupParam(k)
		if !ok {
			e.at(o.Loc, "unknown parameter%s; allowed: %s", paramHint(k, func(string) string { return "set it in [decision], or in a state's decision table" }), strings.Join(sim.ParamNames(), ", "))
			continue
		}
		if !o.ok(e, spec.Allowed()) {
			continue
		}
		v, ok := paramValue(spec, o.V)
		if !ok {
			e.at(o.Loc, "%s is %s; allowed: %s", show(o.V), typeName(o.V), spec.Allowed())
			continue
		}
		if err := spec.Set(&sc.Params, v); err != nil {
			e.at(o.Loc, "%v", err)
		}
	}
	applyDecision(&sc.Decision, f.Decision.M, e)
	if every := sc.Params.RecordEvery; every > 0 && sc.Ticks > 0 {
		if n := (sc.Ticks + int(every) - 1) / int(every); n > sim.MaxSamples {
			loc := m.Ticks.Loc
			if o := f.Params.M["record_every"]; o != nil {
				loc = o.Loc
			}
			e.at(loc, "%d ticks sampled every %d ticks make %d time-series samples; allowed: at most %d (record_every ≥ %d)",
				sc.Ticks, int(every), n, sim.MaxSamples, (sc.Ticks+sim.MaxSamples-1)/sim.MaxSamples)
		}
	}
}

// resolvedStates is what the states' tables give the rest of the file:
// each state's index by id, where its table is, its glyph and where that
// was set, and the glyphs of the states left out for their id.
type resolvedStates struct {
	index   map[string]int
	stateAt []Loc
	// glyphGiven says whether each state's table gives a glyph, valid
	// or not (an invalid one is reported as such, not as missing).
	glyphGiven []bool
	glyphs     map[rune]int
	glyphAt    map[int]Loc
	skipped    []rune
}

// resolveStates reads [[states]] into sc.States.
func resolveStates(f *rawFile, sc *sim.Scenario, e *errs) resolvedStates {
	index := map[string]int{}
	glyphs := map[rune]int{}
	glyphAt := map[int]Loc{} // where each state's glyph was set
	var skipped []rune       // the glyphs of states left out for their id
	var stateAt []Loc        // where each state's table is
	var glyphGiven []bool
	// An overlay's state with a new id and no role is most likely a
	// mistyped id of the base: the message names the base's ids.
	var baseIDs []string
	if f.Extends.Set {
		for _, s := range f.States {
			if s.Loc.File != f.file && s.ID.Set && s.ID.Bad == nil {
				baseIDs = append(baseIDs, s.ID.V)
			}
		}
		slices.Sort(baseIDs)
	}
	for _, s := range f.States {
		st := resolveState(s, e, baseIDs)
		if st.ID == "" {
			skipped = appendGlyph(skipped, s)
			continue
		}
		if _, dup := index[st.ID]; dup {
			skipped = appendGlyph(skipped, s)
			continue // reported per file
		}
		if st.Glyph != 0 {
			if other, dup := glyphs[st.Glyph]; dup {
				e.at(s.Glyph.Loc, "glyph %q is already the glyph of %q; allowed: one glyph per state", st.Glyph, sc.States[other].ID)
			} else {
				glyphs[st.Glyph] = len(sc.States)
				glyphAt[len(sc.States)] = s.Glyph.Loc
			}
		}
		index[st.ID] = len(sc.States)
		sc.States = append(sc.States, st)
		stateAt = append(stateAt, s.Loc)
		glyphGiven = append(glyphGiven, s.Glyph.Set)
	}
	switch {
	case len(f.States) == 0 && f.Extends.Set && f.DropStates.Set && len(f.DropStates.V) > 0:
		e.at(f.DropStates.Loc, "drops every state of the base; allowed: at least one state kept, or [[states]] tables of the file's own")
	case len(f.States) == 0:
		e.at(Loc{File: f.file, Key: "states"}, "no states; allowed: at least one [[states]] table")
	}
	if len(f.States) > sim.MaxStates {
		e.at(f.States[sim.MaxStates].Loc, "%d states; allowed: at most %d", len(f.States), sim.MaxStates)
	}
	for _, s := range f.States {
		checkRefs(s, index, sc, e)
	}
	return resolvedStates{index: index, stateAt: stateAt, glyphGiven: glyphGiven, glyphs: glyphs, glyphAt: glyphAt, skipped: skipped}
}

// resolveEvents reads [[events]] into sc.Events, in the order of their
// ticks.
func resolveEvents(f *rawFile, sc *sim.Scenario, index map[string]int, startOK bool, e *errs) {
	if len(f.Events) > sim.MaxEvents {
		e.at(f.Events[sim.MaxEvents].Loc, "%d events; allowed: at most %d", len(f.Events), sim.MaxEvents)
	}
	eventIDs := map[string]Loc{}
	for _, ev := range f.Events {
		if ev.ID.Set && ev.ID.Bad == nil {
			if first, dup := eventIDs[ev.ID.V]; dup {
				e.at(ev.ID.Loc, "duplicate event id %q (first at %s); allowed: each event id once in a scenario", ev.ID.V, where(first, ev.ID.Loc))
			} else {
				eventIDs[ev.ID.V] = ev.ID.Loc
			}
		}
		if out, ok := resolveEvent(ev, sc, index, startOK, calendarLocs{f.Scenario.Start.Loc, f.Scenario.Ticks.Loc}, e); ok {
			sc.Events = append(sc.Events, out)
		}
	}
	slices.SortStableFunc(sc.Events, func(a, b sim.ScriptedEvent) int { return a.Tick - b.Tick })
}

// paramValue turns a [params] value as written into the float64 a
// parameter passes: a boolean for a switch, a number otherwise.
func paramValue(spec sim.ParamSpec, v any) (float64, bool) {
	switch x := v.(type) {
	case bool:
		if spec.Kind != sim.ParamBool {
			return 0, false
		}
		if x {
			return 1, true
		}
		return 0, true
	case float64:
		return x, spec.Kind != sim.ParamBool
	}
	return 0, false
}

// applyDecision sets the scenario's [decision] keys, checked as a state's
// overrides are, on d.
func applyDecision(d *agents.Decision, keys map[string]*opt[any], e *errs) {
	if applied, err := decisionOverrides(keys, e).Apply(*d); err == nil {
		*d = applied
	}
}

// decisionOverrides checks a state's decision table and keeps its keys as
// the state's overrides (nil when it sets none).
func decisionOverrides(keys map[string]*opt[any], e *errs) agents.DecisionOverrides {
	var out agents.DecisionOverrides
	for _, k := range sortedKeys(keys) {
		o := keys[k]
		spec, ok := agents.LookupDecision(k)
		if !ok {
			e.at(o.Loc, "unknown decision key%s; allowed: %s", decisionKeyHint(k, func(string) string { return "set it in [params]" }), strings.Join(agents.DecisionNames(), ", "))
			continue
		}
		if !o.ok(e, spec.Allowed()) {
			continue
		}
		if err := spec.Check(o.V); err != nil {
			e.at(o.Loc, "%v", err)
			continue
		}
		if out == nil {
			out = agents.DecisionOverrides{}
		}
		out[k] = o.V
	}
	return out
}

// noRole is the role of a state whose file gives none or misspells it:
// its own error says so, and the checks that read roles pass it by
// rather than take it for a patron (Role's zero value), which made a
// stake in it an error too.
const noRole = sim.Role(-1)

func resolveState(s *rawState, e *errs, baseIDs []string) sim.State {
	st := sim.State{Sovereign: true}
	// A state without a valid id is left out, but its other keys are still
	// checked, so that every problem of the table is reported at once.
	validID := false
	switch {
	case s.ID.ok(e, "a lowercase id such as usa"):
		if err := sim.CheckStateID(s.ID.V); err != nil {
			e.at(s.ID.Loc, "%v", err)
		} else {
			validID = true
		}
		st.ID = s.ID.V
	case !s.ID.Set:
		e.at(s.Loc, "state without id; allowed: every [[states]] has id = \"…\"")
	}
	st.Name = st.ID
	if s.Name.ok(e, "a string") {
		st.Name = s.Name.V
		textOK(s.Name.Loc, sim.CheckStateName(st.Name), e)
	}
	st.Role = noRole
	switch {
	case s.Role.ok(e, strings.Join(sim.RoleNames(), ", ")):
		if r, ok := sim.ParseRole(s.Role.V); ok {
			st.Role = r
		} else {
			e.at(s.Role.Loc, "%q is not a role; allowed: %s", s.Role.V, strings.Join(sim.RoleNames(), ", "))
		}
	case !s.Role.Set && !validID:
		// the id's error says it: a role missing too is no news
	case !s.Role.Set && len(baseIDs) > 0:
		e.at(s.Loc, "state %q is not a state of the base, and a new state needs a role; allowed: an id of the base to patch that state (%s), or role = %s for a new one",
			st.ID, strings.Join(baseIDs, ", "), strings.Join(sim.RoleNames(), " | "))
	case !s.Role.Set:
		e.at(s.Loc, "state %q has no role; allowed: role = %s", st.ID, strings.Join(sim.RoleNames(), " | "))
	}
	if s.Glyph.ok(e, "one character") {
		g, size := utf8.DecodeRuneInString(s.Glyph.V)
		switch {
		case size == 0 || size != len(s.Glyph.V) || g == utf8.RuneError:
			e.at(s.Glyph.Loc, "%q is not one character; allowed: %s", s.Glyph.V, sim.GlyphWords)
		case sim.CheckGlyph(g) != nil:
			e.at(s.Glyph.Loc, "%v", sim.CheckGlyph(g))
		default:
			st.Glyph = g
		}
	}
	number(&s.Land, &st.Land, sim.ForceRange(), e)
	number(&s.Naval, &st.Naval, sim.ForceRange(), e)
	number(&s.Economy, &st.Economy, sim.ForceRange(), e)
	number(&s.Revisionism, &st.Revisionism, sim.RevisionismRange(), e)
	number(&s.Ideology, &st.Ideology, sim.IdeologyRange(), e)
	if number(&s.Reference, &st.Reference, sim.ReferenceRange(), e) {
		st.HasReference = true
	}
	if s.Sovereign.ok(e, "true or false") {
		st.Sovereign = s.Sovereign.V
	}
	st.Decision = decisionOverrides(s.Decision.M, e)
	if !validID {
		return sim.State{}
	}
	return st
}

// monthOK is ok for a month (start, at). A TOML date, which the decoder
// reads as a time rather than a string, is named as written, with the
// month it holds as the string allowed.
func monthOK(o *opt[string], e *errs) bool {
	if t, ok := o.Bad.(time.Time); ok && o.Set {
		month := "YYYY-MM"
		if t.Location().String() != "time-local" {
			month = t.Format("2006-01")
		}
		e.at(o.Loc, "%s is %s; allowed: a month as a string, %q", show(t), typeName(t), month)
		return false
	}
	return o.ok(e, "a month, YYYY-MM")
}

// wholeTyped is ok for a whole number in r: a number that is not whole,
// or one too large to be held, is named as [params] names it, with the
// range of r.
func wholeTyped(o *opt[int], r sim.Range, e *errs) bool {
	if x, ok := o.Bad.(float64); ok && o.Set {
		if err := r.Check(x); err != nil {
			e.at(o.Loc, "%v", err)
		} else { // whole and in r, past 2^53, where a float is not exact
			e.at(o.Loc, "%s is written as a float, which is not exact past 2^53; allowed: %s, written as an integer", sim.FormatNumber(x), r.Allowed())
		}
		return false
	}
	return o.ok(e, r.Allowed())
}

// wholeOK is wholeTyped that also checks the value against r.
func wholeOK(o *opt[int], r sim.Range, e *errs) bool {
	if !wholeTyped(o, r, e) {
		return false
	}
	if err := r.CheckInt(o.V); err != nil {
		e.at(o.Loc, "%v", err)
		return false
	}
	return true
}

// eventTicks is the range of an event's tick in a run of ticks ticks (0
// when the horizon is not known).
func eventTicks(ticks int) sim.Range {
	if ticks > 0 {
		return sim.Range{Min: 0, Max: float64(ticks - 1), Whole: true}
	}
	return sim.Range{Min: 0, Max: math.Inf(1), Whole: true}
}

// number copies a set, well-typed value that r allows into dst.
func number(o *opt[float64], dst *float64, r sim.Range, e *errs) bool {
	if !o.ok(e, r.Allowed()) {
		return false
	}
	if err := r.Check(o.V); err != nil {
		e.at(o.Loc, "%v", err)
		return false
	}
	*dst = o.V
	return true
}

// checkRefs resolves the id-keyed tables of a state once all ids are known.
func checkRefs(s *rawState, index map[string]int, sc *sim.Scenario, e *errs) {
	if !s.ID.Set || s.ID.Bad != nil {
		return
	}
	i, ok := index[s.ID.V]
	if !ok {
		return
	}
	st := &sc.States[i]
	if len(s.Stakes.M) > 0 && st.Role != sim.Patron && st.Role != noRole {
		for _, k := range sortedKeys(s.Stakes.M) {
			e.at(s.Stakes.M[k].Loc, "only patrons have stakes; %q has role %s; allowed: no stakes, or role = \"patron\"", st.ID, st.Role)
			break
		}
	}
	if st.Role == sim.Adversary {
		// An adversary weighs no alliance: its decision settings would
		// change nothing. (Its sovereignty, read by nothing either, is
		// left alone: a Go caller's State leaves it false. An event that
		// sets it is refused: sim.CheckScriptActor.)
		for _, k := range sortedKeys(s.Decision.M) {
			e.at(s.Decision.M[k].Loc, "%q is an adversary, which weighs no alliance, so its decision settings would change nothing; allowed: leave them out, or role = \"client\" or \"patron\"", st.ID)
			break
		}
	}
	if st.Role != sim.Patron && st.Role != sim.Adversary && st.Role != noRole {
		for _, k := range sortedKeys(s.Decision.M) {
			if spec, ok := agents.LookupDecision(k); ok && spec.Patron {
				e.at(s.Decision.M[k].Loc, "%s is a patron's decision; %q has role %s; allowed: leave it out (the scenario's [decision] sets it for every patron), or role = \"patron\"", k, st.ID, st.Role)
			}
		}
	}
	allowed := sim.IDList(index, st.ID)
	if st.Role == sim.Patron {
		allowed = sim.ClientList(sc.States)
	}
	st.Stakes = idTable(s.Stakes.M, index, st.ID, sim.StakeRange(), allowed, e)
	for _, k := range sortedKeys(s.Stakes.M) {
		if j, ok := index[k]; ok && k != st.ID && st.Role == sim.Patron && sc.States[j].Role != sim.Client && sc.States[j].Role != noRole {
			e.at(s.Stakes.M[k].Loc, "%s", sim.NotAClientStake(k, sc.States[j].Role, sc.States))
		}
	}
	st.Grievance = idTable(s.Grievance.M, index, st.ID, sim.GrievanceRange(), sim.IDList(index, st.ID), e)
}

// idTable resolves an id-keyed table of a state; allowed names the keys
// it may have, for the message on one that is no state's id.
func idTable(m map[string]*opt[float64], index map[string]int, self string, r sim.Range, allowed string, e *errs) map[string]float64 {
	if len(m) == 0 {
		return nil
	}
	out := map[string]float64{}
	for _, k := range sortedKeys(m) {
		o := m[k]
		if _, ok := index[k]; !ok || k == self {
			e.at(o.Loc, "%q is not another state's id; allowed: %s", k, allowed)
			continue
		}
		var v float64
		if number(o, &v, r, e) {
			out[k] = v
		}
	}
	return out
}

// appendGlyph adds the glyph of a state left out for its id (reported)
// to skipped, if it is one, so that the map's cells of that glyph are not
// reported as well.
func appendGlyph(skipped []rune, s *rawState) []rune {
	o := &s.Glyph
	if !o.Set || o.Bad != nil {
		return skipped
	}
	g, size := utf8.DecodeRuneInString(o.V)
	if size == 0 || size != len(o.V) || g == utf8.RuneError || sim.CheckGlyph(g) != nil {
		return skipped
	}
	return append(skipped, g)
}

// resolveTheater reads the theatre. A map may draw the glyphs of states
// left out for an id already reported (st.skipped) without an error:
// their cells belong to no state.
func resolveTheater(f *rawFile, sc *sim.Scenario, st resolvedStates, e *errs) {
	glyphs, glyphAt, skipped := st.glyphs, st.glyphAt, st.skipped
	t := &f.Theater
	theaterLoc := Loc{File: f.file, Line: f.idx["theater"], Key: "theater"}
	switch {
	case t.Map.Set && t.Generate != nil:
		e.at(t.Generate.Loc, "both map and generate given; allowed: one of them")
	case t.Map.Set:
		if !t.Map.ok(e, "a (multi-line) string") {
			return
		}
		sc.Map = t.Map.V
		if t.Rough.ok(e, "a (multi-line) string") {
			sc.Rough = t.Rough.V
		}
		drawn := glyphs
		if len(skipped) > 0 {
			drawn = maps.Clone(glyphs)
			for _, g := range skipped {
				if _, ok := drawn[g]; !ok {
					drawn[g] = len(sc.States) // past the states: owned by none of them
				}
			}
		}
		grid, err := theater.Parse(sc.Map, sc.Rough, drawn)
		var me theater.MapErrors
		if err == nil {
			cells := grid.CellsPerOwner(len(sc.States))
			missingGlyphs(func(i int) bool { return cells[i] > 0 }, false, sc, glyphs, t.Map.Loc, glyphAt, f.file, e)
		}
		if errors.As(err, &me) {
			// An overlay that changed a state's glyph leaves the map's
			// cells of the old one unknown: say so at the glyph it set,
			// where it can be fixed, as well as at the map.
			missingGlyphs(func(i int) bool { return strings.ContainsRune(sc.Map, sc.States[i].Glyph) }, true, sc, glyphs, t.Map.Loc, glyphAt, f.file, e)
			// A cell-by-cell problem (an unknown glyph) is reported once,
			// at its first cell, with the number of cells.
			for _, x := range me.Grouped() {
				o := &t.Map
				if x.Which == "rough" {
					o = &t.Rough
				}
				loc := o.Loc
				loc.Line = f.mapRowLine(o.Loc, x.Row)
				e.at(loc, "row %d, column %d: %s", x.Row+1, x.Col+1, x.Text())
			}
		} else if err != nil {
			e.at(t.Map.Loc, "%v", err)
		}
	case t.Generate != nil:
		g := t.Generate
		spec := theater.GenerateSpec{Islands: 1, Seed: 1}
		whole := func(o *opt[int], dst *int, r sim.Range) {
			if wholeOK(o, r, e) {
				*dst = o.V
			}
		}
		if !g.Width.Set || !g.Height.Set {
			e.at(g.Loc, "width and height are required; allowed: width and height, each %s", sim.GridSideRange().Allowed())
		}
		whole(&g.Width, &spec.Width, sim.GridSideRange())
		whole(&g.Height, &spec.Height, sim.GridSideRange())
		whole(&g.Islands, &spec.Islands, sim.IslandsRange())
		var seed int
		if g.Seed.Set {
			whole(&g.Seed, &seed, sim.GenerateSeedRange())
			spec.Seed = uint64(seed)
		}
		if g.SeaFraction.Set {
			number(&g.SeaFraction, &spec.SeaFraction, sim.SeaFractionRange(), e)
		}
		if t.Rough.Set {
			e.at(t.Rough.Loc, "a rough overlay needs a map; allowed: map with rough, or generate alone")
		}
		sc.Generate = &spec
		// At the state's table (sim's Validate refuses it too); a glyph
		// given but invalid is reported as such, not as missing.
		for i, s := range sc.States {
			if s.Glyph == 0 && !st.glyphGiven[i] {
				at := st.stateAt[i]
				e.at(Loc{File: at.File, Line: at.Line, Key: at.Key + ".glyph"}, "%s", sim.GlyphMissing(s.ID))
			}
		}
		if spec.Width > 0 && spec.Height > 0 {
			// The generator can still fail (too little land for the
			// states): say so here, at the table, not later.
			if err := generateCheck(spec, len(glyphs)); err != nil {
				e.at(g.Loc, "%s", generateError(err))
			}
		}
	default:
		e.at(theaterLoc, "no theatre; allowed: theater.map (an ASCII map) or [theater.generate]")
	}
}

// generateError is the generator's own words for why it cannot draw the
// theatre (sim's Validate says the same), without its package prefix: the
// key, theater.generate, says where.
func generateError(err error) string {
	return strings.TrimPrefix(err.Error(), "theater: generate: ")
}

// missingGlyphs reports every state whose glyph the map does not draw
// (drawn says which do): it would have no territory, be occupied before
// the first tick and sign nothing (sim.Scenario.Validate refuses it too).
// The error stands at the map, or at the glyph where the file being read
// set the glyph and a file it extends drew the map (a state added, or its
// glyph changed, by an overlay); with overlayOnly, only there — for a map
// that did not parse, whose own error stands at the map already. A glyph
// already refused as another state's is not reported again.
func missingGlyphs(drawn func(state int) bool, overlayOnly bool, sc *sim.Scenario, glyphs map[rune]int, mapAt Loc, glyphAt map[int]Loc, file string, e *errs) {
	for i, st := range sc.States {
		if idx, ok := glyphs[st.Glyph]; !ok || idx != i || drawn(i) {
			continue
		}
		at := mapAt
		if g := glyphAt[i]; g.File == file && mapAt.File != file {
			at = g
		} else if overlayOnly {
			continue
		}
		e.at(at, "no cell of the map has %q's glyph %q; allowed: a glyph drawn on at least one cell of the map", st.ID, string(st.Glyph))
	}
}

// mapRowLine is the line on which row (from 0) of a map or rough overlay
// whose key is at key is written, in key's file (0 where the key's line
// is not known). A multi-line string opened at the end of the key's line
// (three double or three single quotes) starts on the next line, as TOML
// drops the newline after the quotes, and after the blank lines that
// follow, as the map drops them (theater.Parse); one opened with a row on
// the key's line starts there; a string closed on the key's line (map =
// "AA\nBB") holds every row on it. The value is read after the key's own
// '=', also where the key is one of an inline table (theater = { map =
// """ … """ }).
func (f *rawFile) mapRowLine(key Loc, row int) int {
	keyLine, lines := key.Line, f.lines[key.File]
	switch {
	case keyLine < 1:
		return 0 // a line counted from nothing would be a wrong one
	case keyLine > len(lines):
		return keyLine + row
	}
	v, ok := valueOnLine(lines[keyLine-1], key.Key[strings.LastIndexByte(key.Key, '.')+1:])
	switch {
	case !ok:
		return keyLine + row
	case strings.HasPrefix(v, `"""`) || strings.HasPrefix(v, `'''`):
		quotes, rest := v[:3], v[3:]
		if strings.Contains(rest, quotes) {
			return keyLine
		}
		if rest != "" {
			return keyLine + row
		}
		first := keyLine + 1
		for first <= len(lines) && strings.TrimRight(lines[first-1], "\r") == "" {
			first++
		}
		return first + row
	case strings.HasPrefix(v, `"`) || strings.HasPrefix(v, `'`):
		return keyLine
	}
	return keyLine + row
}

// valueOnLine is the text of line after the '=' of the first key whose
// last part is last (map, rough), outside strings and comments: a key
// that begins the line (map = …, theater.map = …) or follows a '{' or a
// ',' (theater = { rough = "…", map = … }); false if there is none.
func valueOnLine(line, last string) (string, bool) {
	keyNext := true // a key may begin here
	for i := 0; i < len(line); i++ {
		c := line[i]
		if keyNext { // parseKey skips the blanks before a key
			keyNext = false
			parts, rest := parseKey(line[i:])
			rest = strings.TrimLeft(rest, " \t")
			if n := len(parts); n > 0 && strings.HasPrefix(rest, "=") {
				if parts[n-1] == last {
					return strings.TrimSpace(rest[1:]), true
				}
				i = len(line) - len(rest) // at the '='; its value follows
				continue
			}
		}
		switch c {
		case '{', ',':
			keyNext = true
		case '#':
			return "", false
		case '"', '\'':
			end := closingString(line[i:])
			if end < 0 {
				return "", false // a string that runs past the line
			}
			i += end
		}
	}
	return "", false
}

// calendarLocs are where the start and the horizon of a scenario were set.
type calendarLocs struct{ start, ticks Loc }

// setElsewhere names the place a date or horizon was set when it is in
// another file than at: an overlay that moves the start puts a base
// file's events out of the run, and the error at the base's event must
// name the overlay's key.
func setElsewhere(what string, set, at Loc) string {
	if set.File == "" || set.File == at.File {
		return ""
	}
	if by, ok := generatedSource(set); ok {
		return fmt.Sprintf(" (%s is set by %s)", what, by)
	}
	return fmt.Sprintf(" (%s is set at %s:%d)", what, set.File, set.Line)
}

// runEnd is the last month an event of sc may name: its run's last, or
// the last a date can name where the run goes past it (an error of the
// horizon, reported on its own).
func runEnd(sc *sim.Scenario) string {
	if sc.Calendar.CheckHorizon(sc.Ticks) != nil {
		return fmt.Sprintf("%04d-12", sim.MaxYear)
	}
	return sc.Calendar.LastMonth(sc.Ticks - 1)
}

// tickMonths is the months the run's ticks span, " (1950-01 to 1951-12)",
// beside a range of ticks: an event of a base file a --set's shorter
// horizon leaves out is named by its month, and the ticks alone would not
// say which months remain. Empty where the start is wrong (reported).
func tickMonths(sc *sim.Scenario, startOK bool) string {
	if !startOK {
		return ""
	}
	return fmt.Sprintf(" (%s to %s)", sc.Calendar.Label(0), runEnd(sc))
}

// longerHorizon is, for an event at tick past a horizon set in another
// file than the event's (an overlay that shortened the run), the other way
// to mend it: a horizon that reaches the event.
func longerHorizon(tick int, set, at Loc) string {
	if set.File == "" || set.File == at.File {
		return ""
	}
	return fmt.Sprintf(", or scenario.ticks of at least %d", tick+1)
}

// resolveEvent checks one [[events]] table and turns it into a scripted
// event; false if anything in it is wrong (each problem is reported to e).
func resolveEvent(ev *rawEvent, sc *sim.Scenario, index map[string]int, startOK bool, cal calendarLocs, e *errs) (sim.ScriptedEvent, bool) {
	out := sim.ScriptedEvent{Fraction: 1}
	c := &eventCheck{e: e, good: true}
	c.when(ev, sc, startOK, cal, &out)
	if ev.ID.ok(e, "an event id such as korean-war-invasion") {
		if err := sim.CheckEventID(ev.ID.V); err != nil {
			c.bad(ev.ID.Loc, "%v", err)
		}
		out.ID = ev.ID.V
	} else if ev.ID.Set {
		c.good = false
	}
	// what
	kindOK := false
	switch {
	case ev.Kind.ok(e, strings.Join(sim.ScriptKindNames(), ", ")):
		k, ok := sim.ParseScriptKind(ev.Kind.V)
		if !ok {
			c.bad(ev.Kind.Loc, "%q is not an event kind; allowed: %s", ev.Kind.V, strings.Join(sim.ScriptKindNames(), ", "))
		}
		out.Kind, kindOK = k, ok
	case !ev.Kind.Set:
		c.missing(ev, "event without kind; allowed: kind = %s", strings.Join(sim.ScriptKindNames(), " | "))
	default:
		c.good = false
	}
	if !ev.Actor.Set {
		c.missing(ev, "event without actor; allowed: actor = a state id")
	}
	c.ref(&ev.Actor, &out.Actor, index)
	c.ref(&ev.Target, &out.Target, index)
	if ev.Note.ok(e, "a string") {
		out.Note = ev.Note.V
		textOK(ev.Note.Loc, sim.CheckText(out.Note), e)
	}
	if !kindOK {
		return out, false
	}
	c.unusedKeys(ev, out.Kind)
	c.values(ev, &out)
	if i, ok := index[out.Actor]; ok {
		if err := sim.CheckScriptActor(out.Kind, out.Actor, sc.States[i].Role); err != nil {
			c.bad(ev.Actor.Loc, "%v", err)
		}
	}
	return out, c.good
}

// eventCheck gathers what is wrong with one scripted event: good is false
// once anything is, reported here or (a value of the wrong type) by the
// key's own check.
type eventCheck struct {
	e    *errs
	good bool
}

// bad reports a problem at loc.
func (c *eventCheck) bad(loc Loc, format string, args ...any) {
	c.e.at(loc, format, args...)
	c.good = false
}

// missing reports a key ev lacks, at its header. An overlay's event that
// replaces a base event may lack it because the overlay meant to patch
// that event, as a [[states]] table patches a state: the message says
// that the base's keys are not kept.
func (c *eventCheck) missing(ev *rawEvent, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if r := ev.Replaces; r != nil {
		msg += fmt.Sprintf(" (an event with the id of a base event replaces it wholesale: the keys it leaves out are not taken from %s:%d)", r.File, r.Line)
	}
	c.bad(ev.Loc, "%s", msg)
}

// when reads the event's date, at (a month) or tick, into out.Tick.
func (c *eventCheck) when(ev *rawEvent, sc *sim.Scenario, startOK bool, cal calendarLocs, out *sim.ScriptedEvent) {
	e := c.e
	switch {
	case ev.At.Set && ev.Tick.Set:
		c.bad(ev.Tick.Loc, "both at and tick given; allowed: one of them")
	case monthOK(&ev.At, e):
		y, m, err := sim.ParseMonth(ev.At.V)
		if err != nil {
			c.bad(ev.At.Loc, "%v", err)
			break
		}
		if !startOK {
			c.good = false
			break
		}
		out.Tick = sc.Calendar.TickOf(y, m)
		if out.Tick < 0 {
			allowed := sc.Calendar.Label(0) + " or later" // no horizon to end the range (reported)
			if sc.Ticks > 0 {
				allowed = sc.Calendar.Label(0) + " to " + runEnd(sc)
			}
			c.bad(ev.At.Loc, "%s is before the start %s%s; allowed: %s", ev.At.V, sc.Calendar.Label(0), setElsewhere("the start", cal.start, ev.At.Loc), allowed)
		} else if sc.Ticks > 0 && out.Tick >= sc.Ticks {
			c.bad(ev.At.Loc, "%s is after the horizon%s; allowed: %s to %s%s", ev.At.V, setElsewhere("the horizon", cal.ticks, ev.At.Loc),
				sc.Calendar.Label(0), runEnd(sc), longerHorizon(out.Tick, cal.ticks, ev.At.Loc))
		}
	case wholeTyped(&ev.Tick, eventTicks(sc.Ticks), e):
		out.Tick = ev.Tick.V
		if out.Tick < 0 {
			c.bad(ev.Tick.Loc, "tick %d is before the start; allowed: 0 to %d", out.Tick, sc.Ticks-1)
		} else if sc.Ticks > 0 && out.Tick >= sc.Ticks {
			c.bad(ev.Tick.Loc, "tick %d is after the horizon%s; allowed: 0 to %d%s%s", out.Tick, setElsewhere("the horizon", cal.ticks, ev.Tick.Loc), sc.Ticks-1,
				tickMonths(sc, startOK), longerHorizon(out.Tick, cal.ticks, ev.Tick.Loc))
		}
	case !ev.At.Set && !ev.Tick.Set:
		c.missing(ev, "event without a date; allowed: at = \"YYYY-MM\" or tick = N")
	default:
		c.good = false
	}
}

// ref reads a state id (the actor, the target) into dst.
func (c *eventCheck) ref(o *opt[string], dst *string, index map[string]int) {
	if o.ok(c.e, "a state id") {
		if _, ok := index[o.V]; !ok {
			c.bad(o.Loc, "%q is not a state in this scenario; allowed: %s", o.V, sim.IDList(index, ""))
			return
		}
		*dst = o.V
	} else if o.Set {
		c.good = false
	}
}

// unusedKeys reports the keys given that an event of kind does not use.
func (c *eventCheck) unusedKeys(ev *rawEvent, kind sim.ScriptKind) {
	used := sim.ScriptKeysOf(kind)
	present := map[string]*Loc{"target": setLoc(&ev.Target), "delta": setLoc(&ev.Delta), "fraction": setLoc(&ev.Fraction),
		"land": setLoc(&ev.Land), "naval": setLoc(&ev.Naval), "economy": setLoc(&ev.Economy), "sovereign": setLoc(&ev.Sovereign), "ideology": setLoc(&ev.Ideology)}
	for _, k := range []string{"target", "delta", "fraction", "land", "naval", "economy", "sovereign", "ideology"} {
		if loc := present[k]; loc != nil && !slices.Contains(used, k) {
			c.bad(*loc, "%s events do not use %s; allowed: %s", kind, k, strings.Join(append([]string{"id", "at", "tick", "kind", "actor", "note"}, used...), ", "))
		}
	}
}

// values reads the keys an event's kind uses: what it shifts or sets.
func (c *eventCheck) values(ev *rawEvent, out *sim.ScriptedEvent) {
	e := c.e
	switch out.Kind {
	case sim.ScriptIntent:
		if out.Target != "" && out.Target == out.Actor {
			c.bad(ev.Target.Loc, "target is the actor itself; allowed: another state, whose reading of the actor moves, or no target (every state's)")
		}
		if !ev.Delta.Set {
			c.missing(ev, "intent event without delta; allowed: delta = %s (a shift of revisionism on the logit scale)", sim.ShockRange().Allowed())
		} else if !number(&ev.Delta, &out.Delta, sim.ShockRange(), e) {
			c.good = false
		}
	case sim.ScriptOccupy, sim.ScriptWithdraw:
		if !ev.Target.Set {
			c.missing(ev, "%s event without target; allowed: target = the id of the state whose cells change hands", out.Kind)
		} else if out.Target != "" && out.Target == out.Actor {
			c.bad(ev.Target.Loc, "target is the actor itself; allowed: another state")
		}
		switch {
		case ev.Fraction.Set && !number(&ev.Fraction, &out.Fraction, sim.FractionRange(), e):
			c.good = false
		case !ev.Fraction.Set && out.Kind == sim.ScriptOccupy:
			c.missing(ev, "occupy event without fraction; allowed: fraction = %s", sim.FractionRange().Allowed())
		}
	case sim.ScriptCapability:
		if !ev.Land.Set && !ev.Naval.Set && !ev.Economy.Set {
			c.missing(ev, "capability event sets nothing; allowed: any of land, naval, economy (each %s)", sim.ForceRange().Allowed())
		}
		out.SetLand = ev.Land.Set && number(&ev.Land, &out.Land, sim.ForceRange(), e)
		out.SetNaval = ev.Naval.Set && number(&ev.Naval, &out.Naval, sim.ForceRange(), e)
		out.SetEconomy = ev.Economy.Set && number(&ev.Economy, &out.Economy, sim.ForceRange(), e)
	case sim.ScriptSovereignty:
		if !ev.Sovereign.Set {
			c.missing(ev, "sovereignty event without sovereign; allowed: sovereign = true or false")
		} else if ev.Sovereign.ok(e, "true or false") {
			out.Sovereign = ev.Sovereign.V
		} else {
			c.good = false
		}
	case sim.ScriptIdeology:
		if !ev.Ideology.Set {
			c.missing(ev, "ideology event without ideology; allowed: ideology = a number in [-1, 1] (the actor's new position)")
		} else if !number(&ev.Ideology, &out.Ideology, sim.IdeologyRange(), e) {
			c.good = false
		}
	}
}

// where names the place of first as seen from an error at other: its line
// when both are in one file, else file and line.
func where(first, other Loc) string {
	if first.File == other.File {
		return fmt.Sprintf("line %d", first.Line)
	}
	return fmt.Sprintf("%s:%d", first.File, first.Line)
}

func setLoc[T any](o *opt[T]) *Loc {
	if !o.Set {
		return nil
	}
	return &o.Loc
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// textOK reports what sim.CheckText or CheckLines found wrong with a text
// (a control character), at the key that gave it.
func textOK(at Loc, err error, e *errs) {
	if err != nil {
		e.at(at, "%v", err)
	}
}
