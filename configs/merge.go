package configs

// merge lays child over base: set values override, states are patched or
// added by id, events are appended. See the package doc for the rules.
func merge(base, child *rawFile) {
	over(&base.Scenario.Name, child.Scenario.Name)
	over(&base.Scenario.Description, child.Scenario.Description)
	over(&base.Scenario.Start, child.Scenario.Start)
	over(&base.Scenario.Tick, child.Scenario.Tick)
	over(&base.Scenario.Ticks, child.Scenario.Ticks)

	ct, bt := &child.Theater, &base.Theater
	switch {
	case ct.Map.Set:
		bt.Map, bt.Rough, bt.Generate = ct.Map, ct.Rough, nil
	case ct.Generate != nil && bt.Generate != nil:
		g, cg := bt.Generate, ct.Generate
		over(&g.Width, cg.Width)
		over(&g.Height, cg.Height)
		over(&g.SeaFraction, cg.SeaFraction)
		over(&g.Islands, cg.Islands)
		over(&g.Seed, cg.Seed)
	case ct.Generate != nil:
		bt.Map, bt.Rough, bt.Generate = opt[string]{}, opt[string]{}, ct.Generate
	default:
		over(&bt.Rough, ct.Rough)
	}

	base.Params = overMap(base.Params, child.Params)
	base.Decision = overMap(base.Decision, child.Decision)

	byID := map[string]*rawState{}
	for _, s := range base.States {
		if s.ID.Set && s.ID.Bad == nil {
			byID[s.ID.V] = s
		}
	}
	for _, c := range child.States {
		b, ok := byID[c.ID.V]
		if !ok || !c.ID.Set || c.ID.Bad != nil {
			base.States = append(base.States, c)
			continue
		}
		over(&b.Name, c.Name)
		over(&b.Role, c.Role)
		over(&b.Glyph, c.Glyph)
		over(&b.Land, c.Land)
		over(&b.Naval, c.Naval)
		over(&b.Economy, c.Economy)
		over(&b.Revisionism, c.Revisionism)
		over(&b.Ideology, c.Ideology)
		over(&b.Sovereign, c.Sovereign)
		over(&b.Reference, c.Reference)
		b.Stakes = overMap(b.Stakes, c.Stakes)
		b.Grievance = overMap(b.Grievance, c.Grievance)
		b.Decision = overMap(b.Decision, c.Decision)
	}
	base.Events = append(base.Events, child.Events...)
	base.file, base.idx, base.lines = child.file, child.idx, child.lines
	base.Extends = child.Extends
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
