package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/report"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// mapPicture draws the theatre of sc as a PNG into path: as the scenario
// defines it, or — with at — as replication seed left it at that date
// (after that tick's changes): owners, occupations and alliances in
// force.
func mapPicture(ctx context.Context, w io.Writer, sc *sim.Scenario, path, at string, seed uint64) error {
	var t *report.Theatre
	if at == "" {
		var err error
		if t, err = report.ScenarioTheatre(sc); err != nil {
			return err
		}
	} else {
		tick, err := parseAt(sc, at)
		if err != nil {
			return err
		}
		if err := runner.CheckSeeds(seed, 1); err != nil {
			return fmt.Errorf("--seed: %w", err)
		}
		c, err := sim.Compile(sc)
		if err != nil {
			return err
		}
		world, err := report.ReplayTo(ctx, c, seed, tick)
		if err != nil {
			return fmt.Errorf("--at %s: %w", at, err)
		}
		t = report.WorldTheatre(world, seed)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := t.WritePNG(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "drew %s to %s (%s in force)\n", t.Title, path, words.Count(len(t.Alliances), "alliance", "alliances"))
	return nil
}
