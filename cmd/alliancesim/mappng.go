package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

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
	if err := checkOutFile("--png", path); err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(path), ".png") {
		// a viewer goes by the name: PNG bytes in m.svg open as nothing
		return fmt.Errorf("--png %s: the picture is written as PNG; allowed: a file name ending in .png", path)
	}
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
		t = report.WorldTheatre(world)
	}
	// Drawn whole, then written to a temporary name and renamed: a picture
	// that failed half way is never left looking complete.
	var b bytes.Buffer
	if err := t.WritePNG(&b); err != nil {
		return err
	}
	if err := runner.WriteFileAtomic(path, b.Bytes()); err != nil {
		return err
	}
	if at == "" {
		// no run is played, so there are no alliances to count
		fmt.Fprintf(w, "drew %s to %s (no run played: --at YYYY-MM draws one's alliances)\n", t.Title, path)
		return nil
	}
	fmt.Fprintf(w, "drew %s to %s (%s in force)\n", t.Title, path, words.Count(len(t.Alliances), "alliance", "alliances"))
	return nil
}
