package alliancesim_test

import (
	"context"
	"testing"
	"time"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
)

// reviewRules are the policy review rules (docs/model.md §7.13) the run
// and tick benchmarks measure: the scenario's own (the defaults,
// review_threshold 0.05 and review_interval 12) and the every-tick model
// (0 and 1), in which every state reopens its alliance policy every tick.
var reviewRules = []struct {
	name string
	set  func(*sim.Params)
}{
	{"review=default", func(*sim.Params) {}},
	{"review=every-tick", func(p *sim.Params) { p.ReviewThreshold, p.ReviewInterval = 0, 1 }},
}

// cpuClock reports, besides the wall-clock ns/op, the CPU time the process
// spent per op while the benchmark timer ran (cpu-ns/op): on a machine
// shared with other work, waiting for a core inflates ns/op but not the
// CPU time, so cpu-ns/op compares versions more steadily.
type cpuClock struct {
	used, from time.Duration
}

func startCPU() *cpuClock { return &cpuClock{from: processCPU()} }

// stop and start bracket untimed work, as b.StopTimer and b.StartTimer.
func (c *cpuClock) stop()  { c.used += processCPU() - c.from }
func (c *cpuClock) start() { c.from = processCPU() }

func (c *cpuClock) report(b *testing.B) {
	c.stop()
	if c.used > 0 && b.N > 0 {
		b.ReportMetric(float64(c.used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func compiled(b *testing.B, name string) *sim.Compiled {
	b.Helper()
	return compiledWith(b, name, func(*sim.Params) {})
}

func compiledWith(b *testing.B, name string, set func(*sim.Params)) *sim.Compiled {
	b.Helper()
	sc, err := configs.Builtin(name)
	if err != nil {
		b.Fatal(err)
	}
	set(&sc.Params)
	c, err := sim.Compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkRun is one whole replication of each built-in scenario, result
// record included, at each review rule. Iteration i plays seed i, and a
// replication's cost depends on its seed (what forms, what is occupied):
// at the default -benchtime the number of iterations adapts to the
// build's speed, so two builds compared that way play different seeds. To
// compare builds, fix the count (-benchtime 24x: seeds 1 to 24 for both).
func BenchmarkRun(b *testing.B) {
	for _, name := range configs.BuiltinNames() {
		for _, rule := range reviewRules {
			b.Run(name+"/"+rule.name, func(b *testing.B) {
				c := compiledWith(b, name, rule.set)
				b.ReportAllocs()
				seed := uint64(0)
				cpu := startCPU()
				for b.Loop() {
					seed++
					if _, err := sim.Run(context.Background(), c, seed); err != nil {
						b.Fatal(err)
					}
				}
				cpu.report(b)
			})
		}
	}
}

// BenchmarkTick is one tick of a running world, at each review rule;
// starting a new world when one reaches its horizon is not timed. Steady-state ticks should not
// allocate: what allocations remain come from ticks with events (the log
// grows) or occupations (the theatre is copied on write).
func BenchmarkTick(b *testing.B) {
	for _, name := range configs.BuiltinNames() {
		for _, rule := range reviewRules {
			b.Run(name+"/"+rule.name, func(b *testing.B) {
				c := compiledWith(b, name, rule.set)
				seed := uint64(1)
				w := sim.NewWorld(c, seed)
				b.ReportAllocs()
				cpu := startCPU()
				for b.Loop() {
					if w.Done() {
						b.StopTimer()
						cpu.stop()
						seed++
						w = sim.NewWorld(c, seed)
						cpu.start()
						b.StartTimer()
					}
					w.Step()
				}
				cpu.report(b)
			})
		}
	}
}

// BenchmarkMonteCarlo is 100 replications of each built-in scenario on all
// cores, folded into a summary; it reports replications per second and, as
// allocs/op ÷ 100, allocations per replication.
func BenchmarkMonteCarlo(b *testing.B) {
	const runs = 100
	for _, name := range configs.BuiltinNames() {
		b.Run(name, func(b *testing.B) {
			c := compiled(b, name)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				if _, err := runner.MonteCarlo(context.Background(), c, runner.Options{Runs: runs, Seed: uint64(n)}); err != nil {
					b.Fatal(err)
				}
				n++
			}
			b.ReportMetric(float64(n*runs)/b.Elapsed().Seconds(), "replications/s")
		})
	}
}
