package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/alliancesim/alliancesim/agents"
	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/theater"
)

func newValidateCmd() *cobra.Command {
	var sets []string
	cmd := &cobra.Command{
		Use:   "validate NAME|FILE",
		Short: "Check a scenario and summarise it",
		Long: `validate reads a built-in scenario or a scenario file (with everything it
extends), checks it, and prints a one-paragraph summary. If the scenario is
invalid it prints every error, each with file, line and key, and exits 1.
With --set it checks the scenario with those changes.`,
		Args:              oneArg(oneScenario),
		ValidArgsFunction: scenarioArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, grid, err := loadWithGrid(args[0], sets)
			if err != nil {
				return err
			}
			return summarise(cmd.OutOrStdout(), sc, grid, sets)
		},
	}
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change the scenario: path=value (repeatable)")
	return cmd
}

// summarise says that sc (changed by sets, which it names) is valid, and
// what it holds.
func summarise(w io.Writer, sc *sim.Scenario, g *theater.Grid, sets []string) error {
	byRole := map[sim.Role][]string{}
	for _, s := range sc.States {
		byRole[s.Role] = append(byRole[s.Role], s.ID)
	}
	sea := 0
	for _, t := range g.Terrain {
		if t == theater.Sea {
			sea++
		}
	}
	_, masses := g.Components()
	unit := tickLength(sc.Calendar)
	theatre := "drawn"
	if sc.Generate != nil {
		theatre = fmt.Sprintf("generated (seed %d)", sc.Generate.Seed)
	}
	var roles []string
	for _, r := range []sim.Role{sim.Patron, sim.Client, sim.Adversary} {
		if ids := byRole[r]; len(ids) > 0 {
			word := r.String()
			if len(ids) > 1 {
				word = map[sim.Role]string{sim.Patron: "patrons", sim.Client: "clients", sim.Adversary: "adversaries"}[r]
			}
			roles = append(roles, fmt.Sprintf("%d %s (%s)", len(ids), word, strings.Join(ids, ", ")))
		}
	}
	events := "no scripted events"
	if n := len(sc.Events); n > 0 {
		kinds := map[string]int{}
		for _, e := range sc.Events {
			kinds[e.Kind.String()]++
		}
		var parts []string
		for _, k := range sim.ScriptKindNames() {
			if kinds[k] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", kinds[k], k))
			}
		}
		// The months the events' ticks span: with ticks of several months
		// an event is in its tick, whatever month of it the file named.
		// All in one month: "in 1965-06", not "from 1965-06 to 1965-06".
		first, last := sc.Calendar.Label(sc.Events[0].Tick), sc.Calendar.LastMonth(sc.Events[n-1].Tick)
		when := "from " + first + " to " + last
		if first == last {
			when = "in " + first
		}
		events = fmt.Sprintf("%s %s (%s)", words.Count(n, "scripted event", "scripted events"), when, strings.Join(parts, ", "))
	}
	description := ""
	if d := strings.TrimSuffix(strings.Join(strings.Fields(sc.Description), " "), "."); d != "" {
		description = " " + d + "."
	}
	name := sc.Name
	if len(sets) > 0 {
		name += " with --set " + strings.Join(sets, ", --set ")
	}
	series := ""
	if every := int(sc.Params.RecordEvery); every > 0 {
		k := len(runner.SeriesTicks(every, sc.Ticks))
		series = fmt.Sprintf("; a time series every %s (%s)", words.Count(every, "tick", "ticks"), words.Count(k, "sample", "samples"))
		if k == 1 && sc.Ticks > 1 {
			// accepted, as a shortened run of a scenario that records
			// yearly is, but likely not what was meant
			series += ": only tick 0 falls within the run"
		}
	}
	fmt.Fprintf(w, "%s is valid (%s).%s %s from %s to %s; a %s theatre of %d×%d cells, %.0f%% sea, %s; %s: %s; %s; default valuation %s, patron strategy %s%s.\n",
		name, sc.Source, description, words.Count(sc.Ticks, unit+" tick", unit+" ticks"),
		sc.Calendar.Label(0), sc.Calendar.LastMonth(sc.Ticks-1), theatre, g.W, g.H,
		100*float64(sea)/float64(len(g.Terrain)), words.Count(masses, "landmass", "landmasses"),
		words.Count(len(sc.States), "state", "states"), strings.Join(roles, "; "), events, sc.Decision.Valuation, sc.Decision.Strategy, series)
	return nil
}

func newMapCmd() *cobra.Command {
	var (
		terrain bool
		png, at string
		seed    uint64
		sets    []string
	)
	cmd := &cobra.Command{
		Use:   "map NAME|FILE",
		Short: "Draw a scenario's theatre as text, with a legend, or as a PNG",
		Long: `map draws the theatre of a built-in scenario or a scenario file: each state's
territory in its glyph, sea as '~', unowned land as '.', unowned rough as '^'.
With --terrain it draws terrain only (land '.', rough '^', sea '~').

With --png FILE it draws a picture instead: terrain and owners with a legend.
Add --at YYYY-MM (and --seed S, default 1) to replay that replication to that
month: the territory as it then stood, cells occupied since the start
hatched, and every alliance in force with its members' territory outlined in
the alliance's colour.`,
		Args:              oneArg(oneScenario),
		ValidArgsFunction: scenarioArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			sc, g, err := loadWithGrid(args[0], sets)
			if err != nil {
				return err
			}
			if at == "" && cmd.Flags().Changed("seed") {
				return fmt.Errorf("--seed picks the replication that --at replays, and there is no --at; allowed: --seed with --at YYYY-MM and --png FILE")
			}
			if png != "" && terrain {
				return fmt.Errorf("--terrain draws the text map without owners, and the picture always shows terrain and owners; allowed: --terrain or --png FILE, not both")
			}
			if png != "" {
				return mapPicture(cmd.Context(), cmd.OutOrStdout(), sc, png, at, seed)
			}
			if at != "" {
				return fmt.Errorf("--at draws a replication's alliances, which only the picture shows: add --png FILE")
			}
			drawMap(cmd.OutOrStdout(), sc, g, terrain)
			return nil
		},
	}
	cmd.Flags().BoolVar(&terrain, "terrain", false, "draw terrain only, without owners")
	cmd.Flags().StringVar(&png, "png", "", "draw a PNG picture to this file")
	cmd.Flags().StringVar(&at, "at", "", "with --png: replay to this month (YYYY-MM) or tick and draw territory and alliances then")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "with --at: the replication's seed")
	cmd.Flags().StringArrayVar(&sets, "set", nil, "change the scenario: path=value (repeatable), e.g. --set theater.generate.sea_fraction=0.5")
	return cmd
}

func drawMap(w io.Writer, sc *sim.Scenario, g *theater.Grid, terrainOnly bool) {
	rows := g.Render(sc.Glyphs())
	if terrainOnly {
		rows = terrainRows(g)
	}
	fmt.Fprintf(w, "%s — %d×%d cells\n\n", sc.Name, g.W, g.H)
	for _, row := range rows {
		fmt.Fprintln(w, row)
	}
	if terrainOnly {
		fmt.Fprintln(w, "\nLegend:  ~ sea   . land   ^ rough (whoever owns it)")
		return
	}
	cells := g.CellsPerOwner(len(sc.States))
	fmt.Fprintln(w, "\nLegend:  ~ sea   . unowned land   ^ unowned rough")
	order := make([]int, len(sc.States))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(sc.States[a].Role) - int(sc.States[b].Role) })
	for _, i := range order {
		s := sc.States[i]
		glyph := "(no land)"
		if s.Glyph != 0 {
			glyph = string(s.Glyph)
		}
		unit := "cells"
		if cells[i] == 1 {
			unit = "cell"
		}
		name := s.Name
		if name == "" { // no name: the id stands for it (docs/model.md §2.1)
			name = s.ID
		}
		fmt.Fprintf(w, "  %-9s %-9s %-9s %4d %-5s  %s\n", glyph, s.ID, s.Role, cells[i], unit, name)
	}
	// An owner's glyph hides its rough cells, which slow an invader as
	// unowned rough does: say so where there are any.
	ownedRough := 0
	for c, t := range g.Terrain {
		if t == theater.Rough && g.Owner[c] != theater.NoOwner {
			ownedRough++
		}
	}
	if ownedRough > 0 {
		fmt.Fprintf(w, "(rough a state owns, %d of its cells, shows in the owner's glyph; --terrain draws rough wherever it is)\n", ownedRough)
	}
}

// terrainRows draws terrain alone: sea '~', land '.', rough '^'.
func terrainRows(g *theater.Grid) []string {
	sym := map[theater.Terrain]byte{theater.Sea: theater.GlyphSea, theater.Land: theater.GlyphLand, theater.Rough: theater.GlyphRough}
	rows := make([]string, g.H)
	line := make([]byte, g.W)
	for y := range g.H {
		for x := range g.W {
			line[x] = sym[g.Terrain[g.Index(x, y)]]
		}
		rows[y] = string(line)
	}
	return rows
}

// loadWithGrid reads a scenario, applies the --set flags, and builds its
// theatre.
func loadWithGrid(ref string, sets []string) (*sim.Scenario, *theater.Grid, error) {
	sc, err := loadWithSets(ref, sets)
	if err != nil {
		return nil, nil, err
	}
	g, err := sc.Grid()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: building the theatre: %w", sc.Source, err)
	}
	return sc, g, nil
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newParamsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "params",
		Short: "List every [params] and [decision] key with its default and range",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			fmt.Fprintln(w, "[params]")
			for _, s := range sim.ParamSpecs() {
				fmt.Fprintf(w, "  %-22s %-8s %-30s %s\n", s.Name, s.FormatValue(s.Default), s.Allowed(), s.Doc)
			}
			fmt.Fprintln(w, "\n[decision]  (scenario default; any state may override with decision = { … })")
			d := agents.DefaultDecision()
			for _, s := range agents.DecisionSpecs() {
				fmt.Fprintf(w, "  %-22s %-18v %-30s %s\n", s.Name, s.Get(&d), s.Allowed(), s.Doc)
			}
			return nil
		},
	}
}

// tickLength names a tick of c as validate and run's timeline say it,
// the adjective of its unit (sim's TickUnit): "monthly", "quarterly",
// "yearly".
func tickLength(c sim.Calendar) string {
	unit, _ := c.TickUnit()
	return unit + "ly"
}
