package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/sim"
)

func compile(t testing.TB, name string, mutate func(*sim.Scenario)) *sim.Compiled {
	t.Helper()
	sc, err := configs.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(sc)
	}
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// short keeps the tests quick: the generic scenario over 60 ticks.
func short(sc *sim.Scenario) { sc.Ticks = 60 }

func TestReplicationSeed(t *testing.T) {
	seen := map[uint64]bool{}
	for p := 0; p < 4; p++ {
		for r := 0; r < 100; r++ {
			s := ReplicationSeed(1, p, r)
			if seen[s] {
				t.Fatalf("seed collision at point %d run %d", p, r)
			}
			seen[s] = true
		}
	}
	if ReplicationSeed(1, 0, 0) == ReplicationSeed(2, 0, 0) {
		t.Error("base seed ignored")
	}
	// The function is part of the output format (every byte of every run
	// depends on it): pin two values.
	if got := ReplicationSeed(1, 0, 0); got != 12793040940332582595 {
		t.Errorf("ReplicationSeed(1, 0, 0) = %d; the seeding function changed", got)
	}
	if got := ReplicationSeed(7, 2, 99); got != 4065391943160951881 {
		t.Errorf("ReplicationSeed(7, 2, 99) = %d; the seeding function changed", got)
	}
}

// Monte Carlo summaries are byte-identical for 1, 2 and 8 workers.
func TestMonteCarloWorkerCountInvariant(t *testing.T) {
	c := compile(t, "generic", short)
	var first []byte
	for _, workers := range []int{1, 2, 8} {
		s, err := MonteCarlo(context.Background(), c, Options{Runs: 40, Seed: 3, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(s)
		if first == nil {
			first = b
			if s.Runs != 40 || len(s.Shares) != len(ShareKeys) {
				t.Fatalf("summary %s", b)
			}
		} else if !bytes.Equal(first, b) {
			t.Fatalf("workers=%d changed the summary", workers)
		}
	}
}

func TestMonteCarloCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MonteCarlo(ctx, compile(t, "generic", short), Options{Runs: 10}); !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
}

func plan(t testing.TB) *Plan {
	p := &Plan{Scenario: "generic", Runs: 12, Seed: 5, ChunkSize: 5, Events: true, Vary: []string{"params.sea_cost"}}
	for _, cost := range []float64{1, 6} {
		c := compile(t, "generic", func(sc *sim.Scenario) { short(sc); sc.Params.SeaCost = cost })
		p.Points = append(p.Points, Point{Values: []any{cost}, Compiled: c})
	}
	return p
}

var finalFiles = []string{"alliances.csv", "events.jsonl", "survival.csv", "summary.json", "points.csv"}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range finalFiles {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		out[f] = b
	}
	return out
}

func sameFiles(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	for _, f := range finalFiles {
		if !bytes.Equal(a[f], b[f]) {
			t.Errorf("%s: %s differs", what, f)
		}
	}
}

// Output files are the same bytes for any worker count, for 4 shards
// merged, and for an interrupted run resumed.
func TestExecuteShardsMergeResume(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	single := filepath.Join(base, "single")
	if err := Execute(ctx, plan(t), single, ExecOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	want := readAll(t, single)
	if len(want["alliances.csv"]) == 0 || !bytes.Contains(want["points.csv"], []byte("point,params.sea_cost,client_alliance")) {
		t.Fatalf("unexpected output: %s", want["points.csv"])
	}

	parallel := filepath.Join(base, "parallel")
	if err := Execute(ctx, plan(t), parallel, ExecOptions{Workers: 8}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "8 workers", want, readAll(t, parallel))

	var dirs []string
	for i := 0; i < 4; i++ {
		d := filepath.Join(base, "shard", string(rune('a'+i)))
		err := Execute(ctx, plan(t), d, ExecOptions{Workers: 2, Shard: Shard{Index: i, Count: 4}})
		if !errors.Is(err, ErrIncomplete) {
			t.Fatalf("shard %d: want ErrIncomplete, got %v", i, err)
		}
		dirs = append(dirs, d)
	}
	if err := Assemble(dirs[:3], filepath.Join(base, "partial")); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("merging 3 of 4 shards: want ErrIncomplete, got %v", err)
	}
	merged := filepath.Join(base, "merged")
	if err := Assemble(dirs, merged); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "4 shards merged", want, readAll(t, merged))

	// Interrupt after the second finished chunk, then resume.
	resumed := filepath.Join(base, "resumed")
	cctx, cancel := context.WithCancel(ctx)
	chunksDone := 0
	err := Execute(cctx, plan(t), resumed, ExecOptions{Workers: 2, Progress: func(done, total int) {
		if done%5 == 0 {
			chunksDone++
			if chunksDone == 2 {
				cancel()
			}
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want an interrupted run, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(resumed, "summary.json")); err == nil {
		t.Fatal("an interrupted run must not leave a summary that looks complete")
	}
	if err := Execute(ctx, plan(t), resumed, ExecOptions{Workers: 1}); err == nil {
		t.Fatal("rerunning into a used directory without --resume should fail")
	}
	if err := Execute(ctx, plan(t), resumed, ExecOptions{Workers: 2, Resume: true}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "interrupted and resumed", want, readAll(t, resumed))

	other := plan(t)
	other.Seed = 6
	if err := Execute(ctx, other, single, ExecOptions{Resume: true}); err == nil {
		t.Fatal("a different plan must not resume into another run's directory")
	}
	otherDir := filepath.Join(base, "other")
	if err := Execute(ctx, other, otherDir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Assemble(dirs, otherDir); err == nil {
		t.Fatal("merging into another run's directory must fail")
	}
	if _, err := os.Stat(filepath.Join(otherDir, "summary.json")); err != nil {
		t.Fatal("a refused merge must leave the other run's output alone")
	}
	if fi, err := os.Stat(filepath.Join(single, "summary.json")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("outputs should be readable by all: %v %v", fi.Mode(), err)
	}
}

func TestShardParsing(t *testing.T) {
	if s, err := ParseShard("2/4"); err != nil || s != (Shard{1, 4}) {
		t.Errorf("2/4 → %v %v", s, err)
	}
	for _, bad := range []string{"0/4", "5/4", "x", "1/0", "1/"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	t.Setenv("JOB_COMPLETION_INDEX", "3")
	if s, ok, err := ShardFromEnv(4); !ok || err != nil || s != (Shard{3, 4}) {
		t.Errorf("kubernetes: %v %v %v", s, ok, err)
	}
	if _, _, err := ShardFromEnv(0); err == nil {
		t.Error("JOB_COMPLETION_INDEX without --shards should fail")
	}
	os.Unsetenv("JOB_COMPLETION_INDEX")
	t.Setenv("SLURM_ARRAY_TASK_ID", "5")
	t.Setenv("SLURM_ARRAY_TASK_COUNT", "4")
	t.Setenv("SLURM_ARRAY_TASK_MIN", "2")
	if s, ok, err := ShardFromEnv(0); !ok || err != nil || s != (Shard{3, 4}) {
		t.Errorf("slurm: %v %v %v", s, ok, err)
	}
	// every chunk belongs to exactly one shard
	for k := 0; k < 20; k++ {
		owners := 0
		for i := 0; i < 3; i++ {
			if (Shard{i, 3}).owns(k) {
				owners++
			}
		}
		if owners != 1 {
			t.Fatalf("chunk %d has %d owners", k, owners)
		}
	}
}

// The aggregates of two hand-made runs, checked by hand.
func TestAggregator(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	a := NewAggregator("hand", 1, cal, []int{10, 30})
	step := func(tick int, m ...string) MemberStep { return MemberStep{Tick: tick, Members: m} }
	// Run 0: clients a, b ally at 0; the patron p joins at 5 (indigenous
	// trilateral, strong); a bilateral p–c from 20 to 40.
	r0 := Record{Run: 0, Ticks: 100, Patrons: []string{"p"}, Alliances: []AllianceRow{
		{ID: 0, Patron: true, Origin: "indigenous", Strong: true, Formed: 0, PatronJoined: 5, Ended: -1,
			History: []MemberStep{step(0, "a", "b"), step(5, "a", "b", "p")}},
		{ID: 1, Patron: true, Origin: "bilateral", Formed: 20, PatronJoined: 20, Ended: 40, Cause: "patron_left",
			History: []MemberStep{step(20, "c", "p")}},
	}}
	// Run 1: an imposed weak multilateral p, a, b, c from 8 to 50.
	r1 := Record{Run: 1, Ticks: 100, Patrons: []string{"p"}, Alliances: []AllianceRow{
		{ID: 0, Patron: true, Origin: "imposed", Formed: 8, PatronJoined: 8, Ended: 50, Cause: "members_left",
			History: []MemberStep{step(8, "a", "b", "c", "p")}},
	}}
	a.Add(&r0)
	a.Add(&r1)
	s := a.Summary()
	want := map[string]float64{"client_alliance": 0.5, "client_alliance_3plus": 0, "patron_bilateral": 0.5,
		"patron_trilateral": 0.5, "patron_multilateral": 0.5, "patron_multilateral_indigenous": 0,
		"patron_multilateral_imposed": 0.5, "patron_multilateral_strong": 0}
	for k, v := range want {
		if s.Shares[k] != v {
			t.Errorf("share %s = %v, want %v", k, s.Shares[k], v)
		}
	}
	// hub-and-spokes at tick 10: run 0 has the trilateral only (0/1 = 0);
	// run 1 the multilateral (0/1); at 30 run 0 has trilateral + bilateral
	// (1/2), run 1 the multilateral (0/1): mean 0.25.
	if h := s.HubSpokes[0]; h.Runs != 2 || h.Mean != 0 || h.Share03 != 1 {
		t.Errorf("hub at 10: %+v", h)
	}
	if h := s.HubSpokes[1]; h.Runs != 2 || h.Mean != 0.25 || h.Share03 != 0.5 || h.Share06 != 0 {
		t.Errorf("hub at 30: %+v", h)
	}
	// first commitments at 5 and 8
	if fc := s.FirstCommitment; fc.Share != 1 || *fc.Mean != 6.5 || *fc.Median != 6.5 {
		t.Errorf("first commitment %+v", fc)
	}
	// survival groups: all (3 alliances), kinds at formation: bilateral (2),
	// multilateral (1); origins.
	groups := map[string]int{}
	for _, g := range s.Survival {
		groups[g.Group] = g.N
	}
	if groups["all"] != 3 || groups["kind=bilateral"] != 2 || groups["kind=multilateral"] != 1 || groups["origin=imposed"] != 1 {
		t.Errorf("survival groups %v", groups)
	}
	if len(s.Shapes) != 4 || s.Shapes[0].Share != 0.5 {
		t.Errorf("shapes %+v", s.Shapes)
	}
}
