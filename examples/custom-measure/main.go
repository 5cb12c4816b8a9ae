// Command custom-measure adds two measures of its own to 200 runs of
// asia-1950 without forking the runner: the month Japan first has an
// ally, when it has one (from each run's result), and the most alliances
// in force at once (from an observer made fresh for each replication). With Execute they
// become columns of runs.csv and means with 95% intervals in summary.json;
// it prints those, and the first rows of runs.csv.
//
//	go run ./examples/custom-measure [-runs N]
package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/plans"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// japanAllied is the tick at which Japan first joined an alliance, NaN
// (no value: left out of the mean) if it never did.
func japanAllied(r *runner.Replication) float64 {
	first := math.NaN()
	for _, a := range r.Result.Alliances {
		for _, m := range a.Members {
			if m.State == "jpn" && (math.IsNaN(first) || float64(m.Joined) < first) {
				first = float64(m.Joined)
			}
		}
	}
	return first
}

// peak watches a replication tick by tick: the most alliances in force at
// once.
type peak struct{ most int }

func (p *peak) OnEvent(*sim.World, *sim.Event) {}

func (p *peak) OnTick(w *sim.World) {
	n := 0
	for _, a := range w.Alliances() {
		if a.Active() {
			n++
		}
	}
	p.most = max(p.most, n)
}

func main() {
	runs := flag.Int("runs", 200, "replications")
	flag.Parse()

	// Ctrl-C cancels the runs, and run returns: its deferred clean-up
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
	sc, err := configs.Builtin("asia-1950")
	if err != nil {
		return err
	}
	plan, err := plans.Scenario(sc, runs, 1)
	if err != nil {
		return err
	}
	plan.Events = false
	dir, err := os.MkdirTemp("", "custom-measure-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "out")
	err = runner.Execute(ctx, plan, out, runner.ExecOptions{
		Measures: []runner.Measure{
			{Name: "japan_allied", Of: japanAllied},
			{Name: "most_in_force", Of: func(r *runner.Replication) float64 { return float64(r.Observers[0].(*peak).most) }},
		},
		Observe: func(point, run int) []sim.Observer { return []sim.Observer{&peak{}} },
	})
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		return err
	}
	var s runner.Summary
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for _, m := range s.Measures {
		if m.Low == nil { // fewer than two runs gave it a value
			fmt.Printf("%-16s %d of %d runs gave it a value\n", m.Name, m.Runs, s.Runs)
			continue
		}
		fmt.Printf("%-16s mean %6.1f [%6.1f, %6.1f] over the %d of %d runs with a value\n", m.Name, *m.Mean, *m.Low, *m.High, m.Runs, s.Runs)
	}
	f, err := os.Open(filepath.Join(out, "runs.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	fmt.Println("\nruns.csv, first rows (run, seed, …, the two measures):")
	for _, r := range rows[:min(4, len(rows))] {
		fmt.Printf("  %s,%s,…,%s,%s\n", r[1], r[2], r[len(r)-2], r[len(r)-1])
	}
	return nil
}
