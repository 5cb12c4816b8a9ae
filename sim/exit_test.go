package sim

import "testing"

// TestIndigenousAllianceOutlivesItsPatron: an alliance the clients made
// before the patron joined stays in force among them when the patron
// leaves (Cohen H2), and the patron may join it again; one the patron
// founded ends with its leaving (H3), and so does an indigenous one with
// fewer than two clients left or with the members of another alliance.
func TestIndigenousAllianceOutlivesItsPatron(t *testing.T) {
	fresh := func() *World {
		w := NewWorld(mustCompile(t, testScenario()), 1)
		w.perceive()
		return w
	}

	w := fresh()
	al := w.form(set(c1, c2), true, OriginClient)
	w.tick = 5
	w.join(al, pat, EntryJoined)
	w.tick = 9
	w.leave(al, pat, al.Members)
	if !al.Active() || al.HasPatron || al.Members != set(c1, c2) || al.Origin != OriginIndigenous {
		t.Fatalf("after the patron left: active %v, patron %v, members %v, origin %v; want the clients' alliance in force, indigenous",
			al.Active(), al.HasPatron, al.Members, al.Origin)
	}
	if al.PatronJoined != 5 || al.PatronSize != 3 || al.ClientPeak != 2 {
		t.Errorf("patron joined %d, patron size %d, client peak %d; want 5, 3, 2 (the first entry; no client peak after it)",
			al.PatronJoined, al.PatronSize, al.ClientPeak)
	}
	if !w.inClientAlliance(c1) || !w.clientAllianceFor(pat) {
		t.Error("the clients' alliance without its patron should count as their own (collective security)")
	}
	if rec := w.Record().Alliances[al.ID]; !rec.Patron || rec.Cause != EndHorizon.String() || rec.Ended != -1 {
		t.Errorf("record: patron %v, cause %s, ended %d; want a patron once, in force", rec.Patron, rec.Cause, rec.Ended)
	}
	if w.ties[pat].allies.Has(c1) || !w.ties[c1].allies.Has(c2) {
		t.Error("the patron should no longer be allied with c1, and c1 still with c2")
	}
	w.tick = 20
	w.join(al, pat, EntryJoined)
	if !al.HasPatron || al.PatronJoined != 5 || al.Origin != OriginIndigenous {
		t.Errorf("rejoined: patron %v since %d, origin %v; want a patron again, first joined at 5, indigenous", al.HasPatron, al.PatronJoined, al.Origin)
	}

	for _, c := range []struct {
		name   string
		build  func(w *World) *Alliance
		leaver int
	}{
		{"imposed", func(w *World) *Alliance { return w.form(set(pat, c1, c2), true, OriginImposed) }, pat},
		{"bilateral", func(w *World) *Alliance { return w.form(set(pat, c1), true, OriginBilateral) }, pat},
		{"indigenous, one client left", func(w *World) *Alliance {
			al := w.form(set(c1, c2), true, OriginClient)
			w.join(al, pat, EntryJoined)
			w.leave(al, c2, al.Members)
			return al
		}, pat},
		{"indigenous, the clients also allied alone", func(w *World) *Alliance {
			al := w.form(set(c1, c2), true, OriginClient)
			w.join(al, pat, EntryJoined)
			w.form(set(c1, c2), false, OriginClient)
			return al
		}, pat},
	} {
		w := fresh()
		al := c.build(w)
		w.leave(al, c.leaver, al.Members)
		if al.Active() || al.Cause != EndPatronLeft {
			t.Errorf("%s: the patron left; active %v, cause %v, want ended, patron_left", c.name, al.Active(), al.Cause)
		}
	}
}

// TestCohesionAtFormationRecorded: the record keeps h_A of the founders'
// pictures when they signed, while the alliance's cohesion follows its
// members' pictures tick by tick (docs/model.md §7.12). Pictures 0.3 and
// 0.5, mean 0.4: divergences 0.1/0.7 and 0.1/0.9, h = 1 − (1/7 + 1/9)/2 =
// 110/126.
func TestCohesionAtFormationRecorded(t *testing.T) {
	w := NewWorld(mustCompile(t, testScenario()), 1)
	w.perceive()
	w.picture[c1], w.picture[c2] = 0.3, 0.5
	al := w.form(set(c1, c2), true, OriginClient)
	nearly(t, "cohesion at formation", al.CohesionFormed, 110.0/126, handTol)
	for range 3 {
		w.Step()
	}
	al = &w.alliances[al.ID]
	rec := w.Record().Alliances[al.ID]
	if rec.Cohesion != al.CohesionFormed {
		t.Errorf("record cohesion %v, want the formed %v", rec.Cohesion, al.CohesionFormed)
	}
	if !al.Active() {
		t.Fatal("set-up: the alliance should still be in force after three ticks")
	}
	if al.Cohesion == al.CohesionFormed {
		t.Errorf("cohesion %v did not follow the pictures (%v, %v) since formation", al.Cohesion, w.picture[c1], w.picture[c2])
	}
}
