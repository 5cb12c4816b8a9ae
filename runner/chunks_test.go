package runner

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/alliancesim/alliancesim/sim"
)

// Chunks are computed from their number: every replication of every point
// is in exactly one, in order.
func TestChunkArithmetic(t *testing.T) {
	m := &Manifest{Runs: 12, ChunkSize: 5, Points: make([]ManifestPoint, 3)}
	if m.chunkCount() != 9 {
		t.Fatalf("%d chunks", m.chunkCount())
	}
	next := map[int]int{}
	for k := 0; k < m.chunkCount(); k++ {
		ch := m.chunkAt(k)
		if ch.From != next[ch.Point] || ch.To <= ch.From || ch.To-ch.From > 5 {
			t.Fatalf("chunk %d = %+v", k, ch)
		}
		next[ch.Point] = ch.To
	}
	if next[0] != 12 || next[1] != 12 || next[2] != 12 {
		t.Errorf("runs covered %v", next)
	}
	for _, runs := range []int{1, 4, 5, 12, 15} {
		for count := 1; count <= 4; count++ {
			sum := 0
			for i := 0; i < count; i++ {
				m := &Manifest{Runs: runs, ChunkSize: 5, Points: make([]ManifestPoint, 3)}
				want := 0
				for k := 0; k < m.chunkCount(); k++ {
					if (Shard{i, count}).owns(k) {
						want += m.chunkAt(k).To - m.chunkAt(k).From
					}
				}
				if got := ownedRuns(m, Shard{i, count}); got != want {
					t.Errorf("runs %d, shard %d/%d: %d owned, want %d", runs, i, count, got, want)
				}
				sum += want
			}
			if sum != 3*runs {
				t.Errorf("runs %d in %d shards: %d in all", runs, count, sum)
			}
		}
	}
}

// A run of a hundred million replications starts writing chunks at once:
// the jobs are handed out as workers become free, never listed (the list
// of a billion jobs exhausted memory before the first chunk was written;
// ten million chunks of ten took 600 MB). Interrupted after its first
// chunk, it has allocated a few megabytes, not hundreds.
func TestExecuteHugeRunIsLazy(t *testing.T) {
	p := plan(t)
	p.Points, p.Vary = p.Points[:1], nil
	p.Points[0].Values = nil
	p.Runs, p.ChunkSize = 100_000_000, 10
	dir := filepath.Join(t.TempDir(), "d")
	ctx, cancel := context.WithCancel(context.Background())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := Execute(ctx, p, dir, ExecOptions{Workers: 2, Progress: func(done, total int) {
		if total != 100_000_000 {
			t.Errorf("progress total %d", total)
		}
		if done >= 10 {
			cancel()
		}
	}})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want an interrupted run, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "parts", "p00000-r0000000-0000010", doneFile)); err != nil {
		t.Errorf("the first chunk should be written: %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("allocated %d MB before the first chunk; want a few", alloc>>20)
	}
}

// The points of an experiment plan are compiled when their first
// replication is due, once each, not all before the run starts (20 points
// of a 1000×1000 theatre held 2.9 GB).
func TestPointsCompiledOnDemand(t *testing.T) {
	p := plan(t)
	builds := make([]int, len(p.Points))
	for i := range p.Points {
		c := p.Points[i].Compiled
		sc := c.Scenario()
		p.Points[i].Compiled, p.Points[i].Calendar, p.Points[i].Ticks = nil, sc.Calendar, sc.Ticks
		p.Points[i].Build = func() (*sim.Compiled, error) { builds[i]++; return c, nil }
	}
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(context.Background(), p, dir, ExecOptions{Workers: 3}); err != nil {
		t.Fatal(err)
	}
	if builds[0] != 1 || builds[1] != 1 {
		t.Errorf("builds per point %v, want one each", builds)
	}
	want := filepath.Join(t.TempDir(), "want")
	if err := Execute(context.Background(), plan(t), want, ExecOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "compiled on demand", readAll(t, want), readAll(t, dir))

	failing := plan(t)
	failing.Points[1].Compiled = nil
	failing.Points[1].Calendar, failing.Points[1].Ticks = sim.Calendar{StartYear: 2000, StartMonth: 1, MonthsPerTick: 1}, 60
	failing.Points[1].Build = func() (*sim.Compiled, error) { return nil, errors.New("no theatre") }
	err := Execute(context.Background(), failing, filepath.Join(t.TempDir(), "f"), ExecOptions{})
	if err == nil || err.Error() != "point 1: no theatre" {
		t.Errorf("a point that fails to compile: %v", err)
	}
}

// A chunk is streamed to disk as its replications finish, not held until
// it is complete (a chunk of 10^6 runs held 540 MB of events at 10,000):
// midway through a chunk, its temporary part already holds the records
// and events of the runs done.
func TestChunkStreamed(t *testing.T) {
	p := plan(t)
	p.ChunkSize = 1000
	dir := filepath.Join(t.TempDir(), "d")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var runs, events int64
	Execute(ctx, p, dir, ExecOptions{Workers: 1, Progress: func(done, _ int) {
		if done != 8 {
			return
		}
		tmp, _ := filepath.Glob(filepath.Join(dir, "parts", tmpPrefix+"*"))
		if len(tmp) == 1 {
			if fi, err := os.Stat(filepath.Join(tmp[0], "runs.jsonl")); err == nil {
				runs = fi.Size()
			}
			if fi, err := os.Stat(filepath.Join(tmp[0], "events.jsonl")); err == nil {
				events = fi.Size()
			}
		}
		cancel()
	}})
	if runs == 0 || events == 0 {
		t.Errorf("midway through a chunk, its part holds %d bytes of records and %d of events; want the runs done", runs, events)
	}
}
