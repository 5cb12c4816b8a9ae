// Command sweep runs the experiment in sea-fraction.toml — the generic
// theatre from one continent to an archipelago — into a temporary output
// directory and prints, per point, how often clients formed an alliance
// among themselves (H6, H7): the columns of its points.csv for the point,
// its sea fraction, and the share of runs with a client alliance with its
// 95% interval.
//
//	go run ./examples/sweep [-runs N]
package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
)

func main() {
	runs := flag.Int("runs", 0, "replications per point (default: the experiment's)")
	flag.Parse()

	// Ctrl-C cancels the sweep, and run returns: its deferred clean-up
	// removes the temporary directory, which neither the default handling
	// of the signal nor log.Fatal (it skips deferred calls) would.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() { <-ctx.Done(); stop() }() // a second Ctrl-C stops at once
	if err := run(ctx, *runs); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, runs int) error {
	if runs < 0 {
		return fmt.Errorf("-runs %d: allowed: a whole number ≥ 1, or 0 for the experiment's runs", runs)
	}
	_, here, _, _ := runtime.Caller(0)
	x, err := configs.LoadExperiment(filepath.Join(filepath.Dir(here), "sea-fraction.toml"))
	if err != nil {
		return err
	}
	if runs > 0 {
		x.Runs = runs
	}
	x.Events = false
	plan, err := plans.Experiment(x)
	if err != nil {
		return err
	}
	plan.Experiment = "sea-fraction.toml"
	out, err := os.MkdirTemp("", "sweep-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	if err := runner.Execute(ctx, plan, out, runner.ExecOptions{}); err != nil {
		return err
	}
	f, err := os.Open(filepath.Join(out, "points.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	return printColumns(os.Stdout, rows, "point", "theater.generate.sea_fraction",
		"client_alliance", "client_alliance_low", "client_alliance_high")
}

// printColumns writes the named columns of a CSV table (its first row the
// header) as CSV.
func printColumns(w io.Writer, rows [][]string, names ...string) error {
	if len(rows) == 0 {
		return fmt.Errorf("points.csv is empty")
	}
	var idx []int
	for _, name := range names {
		i := slices.Index(rows[0], name)
		if i < 0 {
			return fmt.Errorf("points.csv has no column %s", name)
		}
		idx = append(idx, i)
	}
	cw := csv.NewWriter(w)
	for _, row := range rows {
		out := make([]string, len(idx))
		for j, i := range idx {
			out[j] = row[i]
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
