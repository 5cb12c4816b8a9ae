package sim

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/theater"
)

// FieldError is one problem of a scenario: the key path of the value as a
// scenario file writes it (states[3].land, params.sea_cost,
// theater.generate.width, events[0].delta) and what is wrong with it and
// what is allowed.
type FieldError struct {
	Path, Msg string
}

func (e FieldError) Error() string { return e.Path + ": " + e.Msg }

// ValidationErrors is every problem Validate found, in the order of the
// scenario's fields. Its Error prints one per line.
type ValidationErrors []FieldError

func (es ValidationErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives errors.Is and errors.As each FieldError.
func (es ValidationErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Validate checks every field of a resolved scenario against the rules the
// configs package checks files against (limits.go, ParamSpecs,
// agents.DecisionSpecs): the calendar and horizon; every parameter and
// decision key; each state's id, role, glyph, forces, revisionism,
// ideology, reference point, stakes, grievances and decision overrides
// (none on an adversary; a patron's keys only on a patron);
// the theatre (exactly one of a map and a generator, the map against the
// glyphs, the generator's ranges and whether it can place every state);
// and each event's id, tick, kind, actor, target and the fields its kind
// uses. It returns nil or a ValidationErrors with every problem at once.
// Compile calls it first: nothing runs on an invalid scenario.
//
// Fields a kind of event does not use (an intent event's Fraction, a
// sovereignty event's Land) are ignored, as the engine ignores them; a
// target is checked for every kind, as it decides who is concerned.
func (sc *Scenario) Validate() error {
	if sc == nil {
		return errNilScenario("Validate")
	}
	_, err := sc.validate()
	return err
}

// validator collects the problems of one scenario.
type validator struct {
	errs ValidationErrors
}

func (v *validator) at(path, format string, args ...any) {
	v.errs = append(v.errs, FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// check records err, if any, at path.
func (v *validator) check(path string, err error) bool {
	if err != nil {
		v.at(path, "%v", err)
		return false
	}
	return true
}

// text checks a one-line text (a name, a note): CheckText.
func (v *validator) text(path, s string) { v.check(path, CheckText(s)) }

// lines checks a text that may run over lines (a description): CheckLines.
func (v *validator) lines(path, s string) { v.check(path, CheckLines(s)) }

// validate is Validate, also returning the grid the theatre builds (nil if
// the scenario is invalid), so that Compile builds it once.
func (sc *Scenario) validate() (*theater.Grid, error) {
	v := &validator{}
	v.check("scenario.name", CheckScenarioName(sc.Name))
	v.lines("scenario.description", sc.Description)
	sc.validateCalendar(v)
	for _, s := range paramSpecs {
		v.check("params."+s.Name, s.Check(s.Get(&sc.Params)))
	}
	for _, s := range agents.DecisionSpecs() {
		v.check("decision."+s.Name, s.Check(s.Get(&sc.Decision)))
	}
	index, glyphsOK := sc.validateStates(v)
	grid := sc.validateTheater(v, glyphsOK)
	sc.validateEvents(v, index)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	return grid, nil
}

func (sc *Scenario) validateCalendar(v *validator) {
	c := sc.Calendar
	startErr, unitErr := c.checkStart(), c.checkUnit()
	v.check("scenario.start", startErr)
	v.check("scenario.tick", unitErr)
	if v.check("scenario.ticks", ticksRange.CheckInt(sc.Ticks)) && startErr == nil && unitErr == nil {
		v.check("scenario.ticks", c.CheckHorizon(sc.Ticks))
	}
	if every := sc.Params.RecordEvery; every > 0 && ticksRange.Contains(float64(sc.Ticks)) && (sc.Ticks+every-1)/every > MaxSamples {
		v.at("params.record_every", "%d ticks sampled every %d make %d time-series samples; allowed: at most %d (record_every ≥ %d)",
			sc.Ticks, every, (sc.Ticks+every-1)/every, MaxSamples, (sc.Ticks+MaxSamples-1)/MaxSamples)
	}
}

// validateStates checks every state and returns the index of the valid
// ids, and whether every glyph is valid and unique (the map can be read).
func (sc *Scenario) validateStates(v *validator) (map[string]int, bool) {
	switch n := len(sc.States); {
	case n == 0:
		v.at("states", "no states; allowed: at least one state")
	case n > MaxStates:
		v.at("states", "%d states; allowed: at most %d", n, MaxStates)
	}
	index := map[string]int{}
	glyphs := map[rune]int{}
	glyphsOK := true
	for i := range sc.States {
		s := &sc.States[i]
		p := fmt.Sprintf("states[%d]", i)
		if v.check(p+".id", CheckStateID(s.ID)) {
			if j, dup := index[s.ID]; dup {
				v.at(p+".id", "duplicate id %q (first at states[%d]); allowed: each id once", s.ID, j)
			} else {
				index[s.ID] = i
			}
		}
		v.check(p+".name", CheckStateName(s.Name))
		if s.Role < 0 || int(s.Role) >= len(roleNames) {
			v.at(p+".role", "%v is not a role; allowed: %s", s.Role, strings.Join(roleNames, ", "))
		}
		if !v.check(p+".glyph", CheckGlyph(s.Glyph)) {
			glyphsOK = false
		} else if s.Glyph != 0 {
			if j, dup := glyphs[s.Glyph]; dup {
				v.at(p+".glyph", "glyph %q is already the glyph of %q; allowed: one glyph per state", string(s.Glyph), sc.States[j].ID)
				glyphsOK = false
			} else {
				glyphs[s.Glyph] = i
			}
		}
		v.check(p+".land", forceRange.Check(s.Land))
		v.check(p+".naval", forceRange.Check(s.Naval))
		v.check(p+".economy", forceRange.Check(s.Economy))
		v.check(p+".revisionism", revisionismRange.Check(s.Revisionism))
		v.check(p+".ideology", ideologyRange.Check(s.Ideology))
		if s.HasReference {
			v.check(p+".reference", referenceRange.Check(s.Reference))
		}
		if s.Role == Adversary && len(s.Decision.Keys()) > 0 {
			v.at(p+".decision", "%q is an adversary, which weighs no alliance, so its decision settings would change nothing; allowed: leave them out", s.ID)
			continue
		}
		for _, k := range s.Decision.Keys() {
			path := p + ".decision." + pathKey(k)
			spec, ok := agents.LookupDecision(k)
			if !ok {
				v.at(path, "unknown decision key; allowed: %s", strings.Join(agents.DecisionNames(), ", "))
				continue
			}
			v.check(path, spec.Check(s.Decision[k]))
			if spec.Patron && s.Role != Patron {
				v.at(path, "%s is a patron's decision; %q has role %s; allowed: leave it out (the scenario's [decision] sets it for every patron)", k, s.ID, s.Role)
			}
		}
	}
	for i := range sc.States {
		s := &sc.States[i]
		p := fmt.Sprintf("states[%d]", i)
		if len(s.Stakes) > 0 && s.Role != Patron {
			v.at(p+".stakes", "only patrons have stakes; %q has role %s; allowed: no stakes", s.ID, s.Role)
		}
		allowed := IDList(index, s.ID)
		if s.Role == Patron {
			allowed = ClientList(sc.States)
		}
		sc.validateTable(v, p+".stakes", s.ID, s.Stakes, stakeRange, index, allowed)
		for _, k := range slices.Sorted(maps.Keys(s.Stakes)) {
			if j, ok := index[k]; ok && k != s.ID && s.Role == Patron && sc.States[j].Role != Client {
				v.at(p+".stakes."+pathKey(k), "%s", NotAClientStake(k, sc.States[j].Role, sc.States))
			}
		}
		sc.validateTable(v, p+".grievance", s.ID, s.Grievance, grievanceRange, index, IDList(index, s.ID))
	}
	return index, glyphsOK
}

// NotAClientStake is the message for a patron's stake in a state that is
// not a client: the engine reads a patron's stakes in its clients only
// (docs/model.md §7.2), so a stake in a patron or an adversary would be
// accepted and do nothing.
func NotAClientStake(id string, role Role, states []State) string {
	return fmt.Sprintf("%q is a%s %s, and a patron's stakes are in clients; allowed: %s", id, indefiniteArticle(role), role, ClientList(states))
}

// ClientList names the clients among states, sorted, for a message's
// "allowed": the keys a patron's stakes may have.
func ClientList(states []State) string {
	var clients []string
	for _, s := range states {
		if s.Role == Client {
			clients = append(clients, s.ID)
		}
	}
	slices.Sort(clients)
	if len(clients) == 0 {
		return "none (no client)"
	}
	return strings.Join(clients, ", ")
}

// indefiniteArticle is the "n" of "an adversary".
func indefiniteArticle(r Role) string {
	if r == Adversary {
		return "n"
	}
	return ""
}

// validateTable checks an id-keyed table of a state: every key another
// state's id, every value in r. allowed names the keys the table may
// have, for the message on one that is no state's id.
func (sc *Scenario) validateTable(v *validator, path, self string, m map[string]float64, r Range, index map[string]int, allowed string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := path + "." + pathKey(k)
		if _, ok := index[k]; !ok || k == self {
			v.at(p, "%q is not another state's id; allowed: %s", k, allowed)
			continue
		}
		v.check(p, r.Check(m[k]))
	}
}

// validateTheater checks the theatre and, if it and the glyphs are valid,
// builds its grid.
func (sc *Scenario) validateTheater(v *validator, glyphsOK bool) *theater.Grid {
	switch g := sc.Generate; {
	case g != nil && sc.Map != "":
		v.at("theater", "both a map and a generator; allowed: one of them")
		return nil
	case g != nil:
		ok := v.check("theater.generate.width", gridSideRange.CheckInt(g.Width))
		ok = v.check("theater.generate.height", gridSideRange.CheckInt(g.Height)) && ok
		ok = v.check("theater.generate.islands", islandsRange.CheckInt(g.Islands)) && ok
		ok = v.check("theater.generate.sea_fraction", seaFractionRange.Check(g.SeaFraction)) && ok
		if g.Seed > math.MaxInt64 {
			v.at("theater.generate.seed", "%d is out of range; allowed: %s", g.Seed, generateSeedRange.Allowed())
			ok = false
		}
		if sc.Rough != "" {
			v.at("theater.rough", "a rough overlay needs a map; allowed: map with rough, or generate alone")
		}
		if !ok || !glyphsOK || len(sc.States) > MaxStates {
			return nil
		}
		grid, err := sc.Grid()
		if err != nil {
			// The generator says what is allowed; the path says where.
			v.at("theater.generate", "%s", strings.TrimPrefix(err.Error(), "theater: generate: "))
			return nil
		}
		for i, s := range sc.States {
			if s.Glyph == 0 {
				v.at(fmt.Sprintf("states[%d].glyph", i), "%s", GlyphMissing(s.ID))
			}
		}
		return grid
	case sc.Map == "":
		v.at("theater", "no theatre; allowed: a map or a generator")
		return nil
	}
	if !glyphsOK || len(sc.States) > MaxStates {
		return nil
	}
	grid, err := sc.Grid()
	var me theater.MapErrors
	switch {
	case errors.As(err, &me):
		// A cell-by-cell problem (an unknown glyph) is reported once, at
		// its first cell, with the number of cells.
		for _, x := range me.Grouped() {
			v.at("theater."+x.Which, "row %d, column %d: %s", x.Row+1, x.Col+1, x.Text())
		}
		return nil
	case err != nil:
		v.at("theater.map", "%v", err)
		return nil
	}
	// A state given a glyph the map never draws would have no territory,
	// which its author did not mean: a state meant to own none is given
	// no glyph (§2.1).
	cells := grid.CellsPerOwner(len(sc.States))
	for i, s := range sc.States {
		if s.Glyph != 0 && cells[i] == 0 {
			v.at(fmt.Sprintf("states[%d].glyph", i), "no cell of the map has %q's glyph %q; allowed: a glyph drawn on at least one cell of the map", s.ID, string(s.Glyph))
		}
	}
	return grid
}

func (sc *Scenario) validateEvents(v *validator, index map[string]int) {
	ids := map[string]int{}
	state := func(path, id string) bool {
		if _, ok := index[id]; !ok {
			v.at(path, "%q is not a state in this scenario; allowed: %s", id, IDList(index, ""))
			return false
		}
		return true
	}
	if len(sc.Events) > MaxEvents {
		v.at("events", "%d events; allowed: at most %d", len(sc.Events), MaxEvents)
		return
	}
	for i := range sc.Events {
		e := &sc.Events[i]
		p := fmt.Sprintf("events[%d]", i)
		if e.ID != "" && v.check(p+".id", CheckEventID(e.ID)) {
			if j, dup := ids[e.ID]; dup {
				v.at(p+".id", "duplicate event id %q (first at events[%d]); allowed: each event id once in a scenario", e.ID, j)
			} else {
				ids[e.ID] = i
			}
		}
		if ticksRange.Contains(float64(sc.Ticks)) && (e.Tick < 0 || e.Tick >= sc.Ticks) {
			v.at(p+".tick", "tick %d is outside the run; allowed: 0 to %d", e.Tick, sc.Ticks-1)
		}
		v.text(p+".note", e.Note)
		if e.Kind < 0 || int(e.Kind) >= len(scriptKindNames) {
			v.at(p+".kind", "%v is not an event kind; allowed: %s", e.Kind, strings.Join(scriptKindNames, ", "))
			continue
		}
		if e.Actor == "" {
			v.at(p+".actor", "missing; allowed: a state id")
		} else if state(p+".actor", e.Actor) {
			v.check(p+".actor", CheckScriptActor(e.Kind, e.Actor, sc.States[index[e.Actor]].Role))
		}
		uses := scriptKeys[e.Kind]
		switch {
		case e.Target != "" && !slices.Contains(uses, "target"):
			v.at(p+".target", "%s events do not use target; allowed: %s", e.Kind, strings.Join(uses, ", "))
		case e.Target != "":
			state(p+".target", e.Target)
		}
		switch e.Kind {
		case ScriptIntent:
			if e.Target != "" && e.Target == e.Actor {
				// A state does not read its own intent: the shock would
				// change nothing.
				v.at(p+".target", "target is the actor itself; allowed: another state, whose reading of the actor moves, or no target (every state's)")
			}
			v.check(p+".delta", shockRange.Check(e.Delta))
		case ScriptOccupy, ScriptWithdraw:
			switch {
			case e.Target == "":
				v.at(p+".target", "missing; allowed: the id of the state whose cells change hands")
			case e.Target == e.Actor:
				v.at(p+".target", "target is the actor itself; allowed: another state")
			}
			v.check(p+".fraction", fractionRange.Check(e.Fraction))
		case ScriptCapability:
			if !e.SetLand && !e.SetNaval && !e.SetEconomy {
				v.at(p, "capability event sets nothing; allowed: any of land, naval, economy (each %s)", forceRange.Allowed())
			}
			for _, f := range []struct {
				set  bool
				key  string
				what float64
			}{{e.SetLand, "land", e.Land}, {e.SetNaval, "naval", e.Naval}, {e.SetEconomy, "economy", e.Economy}} {
				if f.set {
					v.check(p+"."+f.key, forceRange.Check(f.what))
				}
			}
		case ScriptIdeology:
			v.check(p+".ideology", ideologyRange.Check(e.Ideology))
		}
	}
}

// pathKey writes a table key as it appears in a key path: bare when it
// could be an id, quoted otherwise.
func pathKey(k string) string {
	if stateIDPattern.MatchString(k) {
		return k
	}
	return strconv.Quote(k)
}

// IDList lists the ids of an index but one, sorted, for an error's
// "allowed:" (configs reports with it too).
func IDList(index map[string]int, except string) string {
	ids := make([]string, 0, len(index))
	for id := range index {
		if id != except {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if len(ids) == 0 {
		return "none (no other state)"
	}
	return strings.Join(ids, ", ")
}
