package report

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The maps of a report are its run replayed: a single run's by its seed,
// many runs' by the median run's, at the first tick and at the last, each
// titled with its date, run and seed.
func TestMapsAreTheRunReplayed(t *testing.T) {
	many, single, _, _ := fixtures(t)
	_, c := compiledAsia(t)
	_, runs := readRunsOf(t, many)
	med, _ := medianRun(runs)
	for _, r := range []struct {
		dir   string
		run   int
		seed  uint64
		intro string
	}{
		{single, 0, 7, ""},
		{many, med.Run, med.Seed, fmt.Sprintf("Run %d (seed %d) is the most typical of the 60: ", med.Run, med.Seed)},
	} {
		p, err := Build(context.Background(), r.dir)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(p.Sections, func(s Section) bool { return s.ID == "maps" })
		if i < 0 || len(p.Sections[i].Figures) != 2 || !strings.HasPrefix(p.Sections[i].Intro, r.intro) {
			t.Fatalf("%s: maps section %+v", r.dir, p.Sections)
		}
		for k, at := range []struct {
			id, what string
			tick     int
			date     string
		}{{"start", "after the first tick", 0, "1950-01"}, {"end", "at the end", 503, "1991-12"}} { // 504 monthly ticks from 1950-01
			f := p.Sections[i].Figures[k]
			if want := fmt.Sprintf("The theatre %s, %s (run %d, seed %d)", at.what, at.date, r.run, r.seed); f.ID != "map-"+at.id || f.Title != want {
				t.Errorf("%s: figure %s %q, want %q", r.dir, f.ID, f.Title, want)
			}
			w, err := ReplayTo(context.Background(), c, r.seed, at.tick)
			if err != nil {
				t.Fatal(err)
			}
			svg, err := WorldTheatre(w).SVG()
			if err != nil {
				t.Fatal(err)
			}
			if f.SVG != svg {
				t.Errorf("%s: the map at the %s is not run %d replayed with seed %d to tick %d", r.dir, at.what, r.run, r.seed, at.tick)
			}
		}
	}
}
