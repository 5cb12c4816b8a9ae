package configs

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/agents"
)

// merge lays child over base: set values override, states are patched or
// added by id, events are replaced by id or appended, and the states and
// events the child drops are removed from the base. See the package doc
// for the rules.
func merge(base, child *rawFile, e *errs) {
	droppedStates := dropStates(base, child, e)
	droppedEvents := dropEvents(base, child, e)

	over(&base.Scenario.Name, child.Scenario.Name)
	over(&base.Scenario.Description, child.Scenario.Description)
	over(&base.Scenario.Start, child.Scenario.Start)
	over(&base.Scenario.Tick, child.Scenario.Tick)
	over(&base.Scenario.Ticks, child.Scenario.Ticks)

	ct, bt := &child.Theater, &base.Theater
	switch {
	case ct.Map.Set && ct.Generate != nil:
		// one file giving both, as resolveTheater refuses in a file
		// without extends: the merge would keep one and drop the other
		e.at(ct.Generate.Loc, "both map and generate given; allowed: one of them")
	case ct.Map.Set:
		bt.Map, bt.Rough, bt.Generate = ct.Map, ct.Rough, nil
	case ct.Generate != nil && bt.Generate != nil:
		g, cg := bt.Generate, ct.Generate
		over(&g.Width, cg.Width)
		over(&g.Height, cg.Height)
		over(&g.SeaFraction, cg.SeaFraction)
		over(&g.Islands, cg.Islands)
		over(&g.Seed, cg.Seed)
		g.Loc = cg.Loc // a theatre that does not fit is blamed on the last file to shape it
	case ct.Generate != nil:
		bt.Map, bt.Rough, bt.Generate = opt[string]{}, opt[string]{}, ct.Generate
	default:
		over(&bt.Rough, ct.Rough)
	}

	base.Params.M = overMap(base.Params.M, child.Params.M)
	base.Decision.M = overMap(base.Decision.M, child.Decision.M)

	byID := map[string]*rawState{}
	for _, s := range base.States {
		if s.ID.Set && s.ID.Bad == nil {
			byID[s.ID.V] = s
		}
	}
	// A patron's stakes are in clients only: a client the overlay makes a
	// patron or an adversary leaves the stakes the base put in it behind
	// (else no overlay could make it one: tables merge key by key). A stake
	// the overlay itself puts in it is still refused.
	for _, c := range child.States {
		if b, ok := byID[c.ID.V]; ok && c.ID.Set && c.ID.Bad == nil && c.Role.Set && c.Role.Bad == nil && c.Role.V != "client" && b.Role.Bad == nil && b.Role.V == "client" {
			for _, s := range base.States {
				delete(s.Stakes.M, c.ID.V)
			}
		}
	}
	var madeAdversary []string // ids of the base's states the child makes adversaries
	for _, c := range child.States {
		if c.ID.Set && c.ID.Bad == nil && droppedStates[c.ID.V] {
			e.at(c.ID.Loc, "state %q is dropped by drop_states (line %d); allowed: drop a state or patch it, not both", c.ID.V, child.DropStates.Loc.Line)
			continue
		}
		b, ok := byID[c.ID.V]
		if !ok || !c.ID.Set || c.ID.Bad != nil {
			base.States = append(base.States, c)
			continue
		}
		over(&b.Name, c.Name)
		if c.Role.Set && c.Role.Bad == nil && c.Role.V != "patron" && b.Role.Bad == nil && b.Role.V == "patron" {
			// Only patrons have stakes, and only patrons the keys of their
			// strategy: a patron made a client or an adversary leaves them
			// behind (else no overlay could make it one: tables merge key
			// by key).
			b.Stakes.M = nil
			for k := range b.Decision.M {
				if spec, ok := agents.LookupDecision(k); ok && spec.Patron {
					delete(b.Decision.M, k)
				}
			}
		}
		if c.Role.Set && c.Role.Bad == nil && c.Role.V == "adversary" && b.Role.Bad == nil && b.Role.V != "adversary" {
			// An adversary weighs no alliance: a state made one leaves
			// behind the decision settings the base gave it (else no
			// overlay could make it one); the overlay's own are still
			// refused.
			b.Decision.M = nil
			madeAdversary = append(madeAdversary, c.ID.V)
		}
		over(&b.Role, c.Role)
		over(&b.Glyph, c.Glyph)
		over(&b.Land, c.Land)
		over(&b.Naval, c.Naval)
		over(&b.Economy, c.Economy)
		over(&b.Revisionism, c.Revisionism)
		over(&b.Ideology, c.Ideology)
		over(&b.Sovereign, c.Sovereign)
		over(&b.Reference, c.Reference)
		b.Stakes.M = overMap(b.Stakes.M, c.Stakes.M)
		b.Grievance.M = overMap(b.Grievance.M, c.Grievance.M)
		b.Decision.M = overMap(b.Decision.M, c.Decision.M)
	}

	mergeEvents(base, child, droppedEvents, e)
	leaveSovereigntyEvents(base, child, madeAdversary)
	checkDroppedRefs(base, child, droppedStates, e)

	maps.Copy(child.lines, base.lines)
	base.file, base.idx, base.lines = child.file, child.idx, child.lines
	base.Extends = child.Extends
	base.DropEvents, base.DropStates = child.DropEvents, child.DropStates
}

// requireExtends reports drop lists in a file that extends nothing: there
// is nothing for them to drop.
func requireExtends(f *rawFile, e *errs) {
	for _, d := range []struct {
		key string
		o   *optIDs
	}{{"drop_events", &f.DropEvents}, {"drop_states", &f.DropStates}} {
		if d.o.Set {
			e.at(d.o.Loc, "%s needs extends; allowed: %s only in a file with extends = \"NAME|PATH\", which it drops from", d.key, d.key)
		}
	}
}

// dropStates removes from base the states child lists in drop_states, the
// stakes and grievance entries that name them, and their cells on a drawn
// map (which become unowned land; a rough overlay is left as it is). It
// returns the ids dropped.
func dropStates(base, child *rawFile, e *errs) map[string]bool {
	d := &child.DropStates
	listOK := d.ok(e, `an array of state ids, e.g. ["kor"]`)
	if !d.Set {
		return nil
	}
	have := map[string]*rawState{}
	var ids []string
	for _, s := range base.States {
		if s.ID.Set && s.ID.Bad == nil {
			have[s.ID.V] = s
			ids = append(ids, s.ID.V)
		}
	}
	dropped := map[string]bool{}
	for i, id := range d.V {
		switch {
		case dropped[id]:
			e.at(child.elementLoc(d.Loc, i), "%q is listed twice; allowed: each state id once", id)
		case have[id] == nil:
			e.at(child.elementLoc(d.Loc, i), "%q names no state of the base; allowed: %s", id, orNone(ids, "no states"))
		default:
			dropped[id] = true
		}
	}
	// A list with an element that is not a string has its ids checked
	// (every problem is said at once) but drops nothing.
	if !listOK || len(dropped) == 0 {
		return nil
	}
	kept := base.States[:0:0]
	for _, s := range base.States {
		if s.ID.Set && s.ID.Bad == nil && dropped[s.ID.V] {
			if g := s.Glyph; g.Set && g.Bad == nil && utf8.RuneCountInString(g.V) == 1 {
				// its land becomes unowned land, in the map and in a
				// rough overlay drawn as a copy of it
				for _, text := range []*opt[string]{&base.Theater.Map, &base.Theater.Rough} {
					if text.Set && text.Bad == nil {
						text.V = strings.ReplaceAll(text.V, g.V, ".")
					}
				}
			}
			continue
		}
		kept = append(kept, s)
	}
	base.States = kept
	for _, s := range base.States {
		for id := range dropped {
			delete(s.Stakes.M, id)
			delete(s.Grievance.M, id)
		}
	}
	return dropped
}

// elementLoc is where element i of the array at key was written in f (the
// line index has each element's line), or key where it is not known: a
// drop list's ids one per line are each pointed at.
func (f *rawFile) elementLoc(key Loc, i int) Loc {
	if line := f.idx[key.Key+"["+strconv.Itoa(i)+"]"]; line > 0 && key.File == f.file {
		key.Line = line
	}
	return key
}

// dropEvents removes from base the events child lists in drop_events and
// returns their ids.
func dropEvents(base, child *rawFile, e *errs) map[string]bool {
	d := &child.DropEvents
	listOK := d.ok(e, `an array of event ids, e.g. ["korean-war-invasion"]`)
	if !d.Set {
		return nil
	}
	var ids []string
	for _, ev := range base.Events {
		if ev.ID.Set && ev.ID.Bad == nil {
			ids = append(ids, ev.ID.V)
		}
	}
	dropped := map[string]bool{}
	for i, id := range d.V {
		switch {
		case dropped[id]:
			e.at(child.elementLoc(d.Loc, i), "%q is listed twice; allowed: each event id once", id)
		case !slices.Contains(ids, id):
			e.at(child.elementLoc(d.Loc, i), "%q names no event of the base; allowed: %s", id, orNone(ids, "none (the base has no events with an id)"))
		default:
			dropped[id] = true
		}
	}
	if !listOK { // as for drop_states
		return nil
	}
	base.Events = slices.DeleteFunc(base.Events, func(ev *rawEvent) bool {
		return ev.ID.Set && ev.ID.Bad == nil && dropped[ev.ID.V]
	})
	return dropped
}

// mergeEvents lays child's events over base's: an event whose id names an
// event of the base replaces it wholesale, in its place; any other is
// appended.
func mergeEvents(base, child *rawFile, dropped map[string]bool, e *errs) {
	at := map[string]int{}
	for i, ev := range base.Events {
		if ev.ID.Set && ev.ID.Bad == nil {
			at[ev.ID.V] = i
		}
	}
	replaced := map[string]bool{}
	for _, c := range child.Events {
		if !c.ID.Set || c.ID.Bad != nil {
			base.Events = append(base.Events, c)
			continue
		}
		id := c.ID.V
		if dropped[id] {
			e.at(c.ID.Loc, "event %q is dropped by drop_events (line %d); allowed: drop it, or replace it by an event with its id, not both", id, child.DropEvents.Loc.Line)
			continue
		}
		if i, ok := at[id]; ok && !replaced[id] {
			c.Replaces = &base.Events[i].Loc
			base.Events[i] = c
			replaced[id] = true
			continue
		}
		base.Events = append(base.Events, c) // a second event with this id is reported as a duplicate
	}
}

// leaveSovereigntyEvents removes from base the sovereignty events of the
// states ids that the overlay makes adversaries: an adversary signs
// nothing, so nothing reads its sovereignty (sim.CheckScriptActor), and
// the events are left behind as its decision settings are (else no
// overlay could make it one). It runs after mergeEvents, so that an event
// of the overlay with the id of such an event replaces it in its place; a
// sovereignty event the overlay itself gives it is kept, and refused.
func leaveSovereigntyEvents(base, child *rawFile, ids []string) {
	if len(ids) == 0 {
		return
	}
	fromChild := child.eventSet()
	base.Events = slices.DeleteFunc(base.Events, func(ev *rawEvent) bool {
		return !fromChild[ev] && ev.Kind.Set && ev.Kind.Bad == nil && ev.Kind.V == "sovereignty" && ev.Actor.Set && ev.Actor.Bad == nil && slices.Contains(ids, ev.Actor.V)
	})
}

// eventSet is the set of f's own events, which merge lays over a base.
func (f *rawFile) eventSet() map[*rawEvent]bool {
	set := make(map[*rawEvent]bool, len(f.Events))
	for _, ev := range f.Events {
		set[ev] = true
	}
	return set
}

// checkDroppedRefs reports, at drop_states, every event of the base that
// still names a dropped state (and removes it, so that it is reported
// once): the child must drop that event too.
func checkDroppedRefs(base, child *rawFile, dropped map[string]bool, e *errs) {
	if len(dropped) == 0 {
		return
	}
	fromChild := child.eventSet()
	base.Events = slices.DeleteFunc(base.Events, func(ev *rawEvent) bool {
		if fromChild[ev] {
			return false // the child's own events are checked like any other
		}
		for _, ref := range []*opt[string]{&ev.Actor, &ev.Target} {
			if !ref.Set || ref.Bad != nil || !dropped[ref.V] {
				continue
			}
			at := child.elementLoc(child.DropStates.Loc, slices.Index(child.DropStates.V, ref.V))
			if ev.ID.Set && ev.ID.Bad == nil {
				e.at(at, "%q is dropped but event %q (%s:%d) names it; allowed: drop that event too, drop_events = [%q]",
					ref.V, ev.ID.V, ev.Loc.File, ev.Loc.Line, ev.ID.V)
			} else {
				e.at(at, "%q is dropped but %s (%s:%d) names it and has no id; allowed: give that event an id and drop it too with drop_events",
					ref.V, ev.Loc.Key, ev.Loc.File, ev.Loc.Line)
			}
			return true
		}
		return false
	})
}

// orNone joins ids, or says there are none.
func orNone(ids []string, none string) string {
	if len(ids) == 0 {
		return none
	}
	return strings.Join(ids, ", ")
}

func over[T any](dst *opt[T], src opt[T]) {
	if src.Set {
		*dst = src
	}
}

func overMap[T any](dst, src map[string]*opt[T]) map[string]*opt[T] {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = map[string]*opt[T]{}
	}
	for k, v := range src {
		dst[k] = v
	}
	return dst
}
