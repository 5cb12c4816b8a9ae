package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/alliancesim/alliancesim/configs"
	"github.com/alliancesim/alliancesim/internal/digest"
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

// The seeding rule is part of the output format: replication r under base
// seed b plays seed b + r, at every point.
func TestReplicationSeed(t *testing.T) {
	if got := ReplicationSeed(1, 0); got != 1 {
		t.Errorf("ReplicationSeed(1, 0) = %d, want 1", got)
	}
	if got := ReplicationSeed(1001, 499); got != 1500 {
		t.Errorf("ReplicationSeed(1001, 499) = %d, want 1500", got)
	}
	if err := CheckSeeds(MaxSeed-9, 10); err != nil {
		t.Errorf("seeds up to 2^53-1 are allowed: %v", err)
	}
	if err := CheckSeeds(MaxSeed-9, 11); err == nil {
		t.Error("a seed past 2^53-1 must be refused: it does not survive a CSV read as a double")
	}
	if _, err := MonteCarlo(context.Background(), compile(t, "generic", short), Options{Runs: -5}); err == nil {
		t.Error("negative runs must be an error, not an empty summary")
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
			if s.Runs != 40 || len(s.Shares) != len(shareKeys) || s.Shares["client_alliance"].N != 40 {
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

// A negative sweep point is refused, as the records would carry it.
func TestMonteCarloRefusesANegativePoint(t *testing.T) {
	_, err := MonteCarlo(context.Background(), compile(t, "generic", short), Options{Runs: 2, Point: -1})
	if err == nil || err.Error() != "runner: Options.Point -1; allowed: a sweep point's index, 0 or more" {
		t.Errorf("Point -1: %v", err)
	}
}

// newPlan is the plan of a Monte Carlo run of sc, as package plans makes
// it (which runner's own tests cannot import: it imports runner).
func newPlan(t testing.TB, sc *sim.Scenario, runs int, seed uint64) *Plan {
	t.Helper()
	c, err := sim.Compile(sc)
	if err != nil {
		t.Fatal(err)
	}
	text, err := configs.Format(sc)
	if err != nil {
		t.Fatal(err)
	}
	return &Plan{Scenario: sc.Name, ScenarioTOML: text, Runs: runs, Seed: seed, Events: true,
		Points: []Point{{Compiled: c, SHA256: digest.SHA256Hex(text), Calendar: sc.Calendar, Ticks: sc.Ticks,
			RecordEvery: int(sc.Params.RecordEvery)}}}
}

// plan is a small sweep of generic over sea_cost; mutate changes the
// scenario of every point.
func plan(t testing.TB, mutate ...func(*sim.Scenario)) *Plan {
	t.Helper()
	scenario := func(cost float64) *sim.Scenario {
		sc, err := configs.Builtin("generic")
		if err != nil {
			t.Fatal(err)
		}
		short(sc)
		for _, m := range mutate {
			m(sc)
		}
		if cost > 0 {
			sc.Params.SeaCost = cost
		}
		return sc
	}
	base := newPlan(t, scenario(0), 12, 5)
	p := &Plan{Scenario: "generic", ScenarioTOML: base.ScenarioTOML, ExperimentText: []byte("sea_cost 1, 6"),
		Runs: 12, Seed: 5, ChunkSize: 5, Events: true, Vary: []string{"params.sea_cost"}}
	for _, cost := range []float64{1, 6} {
		one := newPlan(t, scenario(cost), 12, 5)
		pt := one.Points[0]
		pt.Values = []any{cost}
		p.Points = append(p.Points, pt)
	}
	return p
}

var finalFiles = []string{"alliances.csv", "memberships.csv", "runs.csv", "events.jsonl", "survival.csv", "summary.json", "points.csv"}

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
	// A finished shard run again is not called interrupted: it has nothing
	// to do, the message says what is next, and it is, as the first run
	// was, a shard done while others remain (ErrIncomplete), not a failure.
	err := Execute(ctx, plan(t), dirs[1], ExecOptions{Workers: 2, Shard: Shard{Index: 1, Count: 4}})
	if want := dirs[1] + " holds every chunk of shard 2/4, finished: nothing to do; combine the shards' directories with alliancesim merge (incomplete)"; !errors.Is(err, ErrIncomplete) || err.Error() != want {
		t.Errorf("a finished shard run again:\n got %v\nwant %s", err, want)
	}
	// Another shard run into it is not called an interrupted run of its
	// own either; --resume would add its chunks beside them.
	err = Execute(ctx, plan(t), dirs[1], ExecOptions{Workers: 2, Shard: Shard{Index: 2, Count: 4}})
	if want := dirs[1] + " holds chunks of other shards of this same work, none of shard 3/4's: not an interrupted run of this shard"; !errors.Is(err, ErrInterrupted) || err.Error() != want {
		t.Errorf("shard 3/4 run into shard 2/4's directory:\n got %v\nwant %s", err, want)
	}
	// The whole work run into a shard's directory is told it holds a part
	// of the work, a shard's as well as an interrupted run's: the shard
	// is finished, not stopped.
	err = Execute(ctx, plan(t), dirs[1], ExecOptions{Workers: 2})
	if want := dirs[1] + " holds chunks of this same work, not all of it: an interrupted run, or a shard's"; !errors.Is(err, ErrInterrupted) || err.Error() != want {
		t.Errorf("the whole work run into shard 2/4's directory:\n got %v\nwant %s", err, want)
	}
	if err := Assemble(dirs[:3], filepath.Join(base, "partial")); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("merging 3 of 4 shards: want ErrIncomplete, got %v", err)
	}
	merged := filepath.Join(base, "merged")
	if err := Assemble(dirs, merged); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "4 shards merged", want, readAll(t, merged))
	// The merged manifest names every directory merged, in order, with
	// the command that wrote it; the single process's names none.
	mm, err := ReadManifest(merged)
	if err != nil {
		t.Fatal(err)
	}
	if len(mm.Merged) != len(dirs) {
		t.Fatalf("merged manifest names %d directories, want %d", len(mm.Merged), len(dirs))
	}
	for i, d := range mm.Merged {
		sm, err := ReadManifest(dirs[i])
		if err != nil {
			t.Fatal(err)
		}
		if d.Dir != dirs[i] || !slices.Equal(d.Command, sm.Command) {
			t.Errorf("merged[%d] = %+v, want %s with its command %q", i, d, dirs[i], sm.Command)
		}
	}
	if sm, err := ReadManifest(single); err != nil || sm.Merged != nil {
		t.Errorf("a single process's manifest: merged %v (%v), want none", sm.Merged, err)
	}

	// Interrupt after the second finished chunk, then resume.
	resumed := filepath.Join(base, "resumed")
	cctx, cancel := context.WithCancel(ctx)
	chunksDone := 0
	err = Execute(cctx, plan(t), resumed, ExecOptions{Workers: 2, Progress: func(done, total int) {
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
	if err := Execute(ctx, plan(t), resumed, ExecOptions{Workers: 1}); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("rerunning into an interrupted directory without --resume should fail and say so: %v", err)
	}
	if err := Execute(ctx, plan(t), resumed, ExecOptions{Workers: 2, Resume: true}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "interrupted and resumed", want, readAll(t, resumed))

	// Interrupted once every run is done, while the result files are
	// assembled: every chunk is kept, no result file, and a resume
	// assembles them. So is a merge interrupted.
	late := filepath.Join(base, "late")
	lctx, lcancel := context.WithCancel(ctx)
	err = Execute(lctx, plan(t), late, ExecOptions{Workers: 2, Progress: func(done, total int) {
		if done == total {
			lcancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted in the assembly: want context.Canceled, got %v", err)
	}
	notAssembled := func(dir string) {
		t.Helper()
		entries, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return // a merge that wrote nothing removes the directory it made
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if n := e.Name(); n != "manifest.json" && n != "scenario.toml" && n != "parts" {
				t.Errorf("%s: %s left after an interrupted assembly", dir, n)
			}
		}
	}
	notAssembled(late)
	if m, err := ReadManifest(late); err != nil {
		t.Error(err)
	} else if done, total := countParts(late, m); done != total {
		t.Errorf("interrupted in the assembly: %d of %d chunks kept, want all", done, total)
	}
	if err := Execute(ctx, plan(t), late, ExecOptions{Workers: 2, Resume: true}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "interrupted in the assembly and resumed", want, readAll(t, late))
	mergedLate := filepath.Join(base, "merged-late")
	if err := MergeContext(lctx, dirs, mergedLate, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("an interrupted merge: want context.Canceled, got %v", err)
	}
	notAssembled(mergedLate)
	// Interrupted into a directory holding the finished result, a merge
	// leaves it as it was.
	before := readAll(t, merged)
	beforeManifest, err := ReadManifest(merged)
	if err != nil {
		t.Fatal(err)
	}
	if err := MergeContext(lctx, dirs, merged, []string{"merge", "again"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("an interrupted merge into a finished result: want context.Canceled, got %v", err)
	}
	sameFiles(t, "a finished result after an interrupted merge into it", before, readAll(t, merged))
	if after, err := ReadManifest(merged); err != nil || !reflect.DeepEqual(after, beforeManifest) {
		t.Errorf("an interrupted merge rewrote the finished result's manifest (%v)", err)
	}

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
	for _, f := range []string{"summary.json", "runs.csv", "parts", "parts/p00000-r0000000-0000005"} {
		want := os.FileMode(0o644)
		if !strings.HasSuffix(f, ".json") && !strings.HasSuffix(f, ".csv") {
			want = 0o755
		}
		if fi, err := os.Stat(filepath.Join(single, f)); err != nil || fi.Mode().Perm() != want&^umask() {
			t.Errorf("%s should be readable by all (%v less the umask): %v %v", f, want, fi.Mode(), err)
		}
	}
}

func TestShardParsing(t *testing.T) {
	if s, err := ParseShard("2/4"); err != nil || s != (Shard{1, 4}) {
		t.Errorf("2/4 → %v %v", s, err)
	}
	if s, err := ParseShard("4/4"); err != nil || s != (Shard{3, 4}) {
		t.Errorf("4/4 → %v %v", s, err)
	}
	for _, bad := range []string{"0/4", "5/4", "x", "1/0", "1/"} {
		// named as a shard, which sweep names by its flag (--shard)
		if _, err := ParseShard(bad); err == nil || !strings.HasPrefix(err.Error(), "shard "+strconv.Quote(bad)+": allowed: i/n with 1 ≤ i ≤ n") {
			t.Errorf("%q: %v", bad, err)
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
	if _, ok, err := ShardFromEnv(4); ok || err == nil || !strings.Contains(err.Error(), "--shards 4 but JOB_COMPLETION_INDEX is not set") {
		t.Errorf("--shards without JOB_COMPLETION_INDEX must fail, not run the whole work: %v %v", ok, err)
	}
	if _, ok, err := ShardFromEnv(0); ok || err != nil {
		t.Errorf("no scheduler, no --shards: %v %v", ok, err)
	}
	t.Setenv("SLURM_ARRAY_TASK_ID", "5")
	t.Setenv("SLURM_ARRAY_TASK_COUNT", "4")
	t.Setenv("SLURM_ARRAY_TASK_MIN", "2")
	if s, ok, err := ShardFromEnv(0); !ok || err != nil || s != (Shard{3, 4}) {
		t.Errorf("slurm: %v %v %v", s, ok, err)
	}
	if _, _, err := ShardFromEnv(5); err == nil || !strings.Contains(err.Error(), "--shards 5 but SLURM_ARRAY_TASK_COUNT=4") {
		t.Errorf("--shards against Slurm's count: %v", err)
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

// founded returns the spells of an alliance's founders at tick t.
func founded(t int, ids ...string) []sim.MembershipRecord {
	var out []sim.MembershipRecord
	for _, id := range ids {
		out = append(out, sim.MembershipRecord{State: id, Joined: t, Left: -1, Entry: "founded"})
	}
	return out
}

// closeAll ends every open spell at tick t with exit how.
func closeAll(ms []sim.MembershipRecord, t int, how string) []sim.MembershipRecord {
	for i := range ms {
		if ms[i].Left < 0 {
			ms[i].Left, ms[i].Exit = t, how
		}
	}
	return ms
}

// The aggregates of three hand-made runs, checked by hand.
func TestAggregator(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	a := NewAggregator("hand", 1, cal, []int{10, 30})
	// Run 0: clients a, b ally at 0; the patron p joins at 5 (indigenous
	// trilateral, strong); a bilateral p–c from 20 to 40.
	indigenous := append(founded(0, "a", "b"), sim.MembershipRecord{State: "p", Joined: 5, Left: -1, Entry: "joined"})
	r0 := Record{Run: 0, Record: sim.Record{Ticks: 100, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
		{ID: 0, Founders: []string{"a", "b"}, Patron: true, Origin: "indigenous", Strong: true, Formed: 0, PatronJoined: 5,
			PatronSize: 3, ClientPeak: 2, Ended: -1, Cause: "horizon", Members: indigenous},
		{ID: 1, Founders: []string{"c", "p"}, Patron: true, Origin: "bilateral", Formed: 20, PatronJoined: 20, PatronSize: 2,
			Ended: 40, Cause: "patron_left", Members: closeAll(founded(20, "c", "p"), 40, "left")},
	}}}
	// Run 1: an imposed weak multilateral p, a, b, c from 8 to 50.
	r1 := Record{Run: 1, Record: sim.Record{Ticks: 100, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
		{ID: 0, Founders: []string{"a", "b", "c", "p"}, Patron: true, Origin: "imposed", Formed: 8, PatronJoined: 8, PatronSize: 4,
			Ended: 50, Cause: "members_left", Members: closeAll(founded(8, "a", "b", "c", "p"), 50, "ended")},
	}}}
	// Run 2: an imposed trilateral p, a, b from 2; the patron leaves at
	// 12 and the alliance ends with a and b in it. That is not a client
	// alliance: the clients never stood alone in it.
	left := founded(2, "a", "b", "p")
	left[2].Left, left[2].Exit = 12, "left"
	r2 := Record{Run: 2, Record: sim.Record{Ticks: 100, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
		{ID: 0, Founders: []string{"a", "b", "p"}, Patron: true, Origin: "imposed", Formed: 2, PatronJoined: 2, PatronSize: 3,
			Ended: 12, Cause: "patron_left", Members: closeAll(left, 12, "ended")},
	}}}
	a.Add(&r0)
	a.Add(&r1)
	a.Add(&r2)
	s := a.Summary()
	want := map[string]int{"client_alliance": 1, "client_alliance_3plus": 0, "patron_bilateral": 1,
		"patron_trilateral": 2, "patron_multilateral": 1, "patron_multilateral_indigenous": 0,
		"patron_multilateral_imposed": 1, "patron_multilateral_strong": 0}
	for k, v := range want {
		if got := s.Shares[k]; got.Count != v || got.N != 3 || got.Share != float64(v)/3 {
			t.Errorf("share %s = %+v, want %d of 3", k, got, v)
		}
	}
	// hub-and-spokes at tick 10: run 0 has the trilateral only (0/1 = 0);
	// run 1 the multilateral (0/1), run 2 the trilateral (0/1); at 30 run 0
	// has trilateral + bilateral (1/2), run 1 the multilateral (0/1), run
	// 2 nothing: mean 0.25 over 2 runs.
	if h := s.HubSpokes[0]; h.Runs != 3 || *h.Mean != 0 || h.Share03.Count != 3 {
		t.Errorf("hub at 10: %+v", h)
	}
	if h := s.HubSpokes[1]; h.Runs != 2 || *h.Mean != 0.25 || h.Share03.Count != 1 || h.Share03.N != 3 || h.Share06.Count != 0 {
		t.Errorf("hub at 30: %+v", h)
	}
	// first commitments at 5, 8 and 2
	if fc := s.FirstCommitment; fc.Share.Count != 3 || *fc.Mean != 5 || *fc.Median != 5 {
		t.Errorf("first commitment %+v", fc)
	}
	// survival groups: all (4 alliances), kinds at formation: bilateral
	// (a–b, c–p), trilateral (a–b–p), multilateral (1); origins.
	groups := map[string]int{}
	for _, g := range s.Survival {
		groups[g.Group] = g.N
	}
	if groups["all"] != 4 || groups["kind=bilateral"] != 2 || groups["kind=trilateral"] != 1 ||
		groups["kind=multilateral"] != 1 || groups["origin=imposed"] != 2 {
		t.Errorf("survival groups %v", groups)
	}
	// the curve of all four, from the lifetimes by hand: run 2's ends
	// after 10 ticks (of 4 at risk, S = 3/4), run 0's bilateral after 20
	// (of 3, S = 1/2), run 1's after 42 (of 2, S = 1/4); run 0's
	// indigenous alliance stands at the horizon, censored at 100.
	type point struct {
		t                        float64
		atRisk, events, censored int
		s                        float64
	}
	var all []point
	for _, g := range s.Survival {
		if g.Group == "all" {
			for _, p := range g.Points {
				all = append(all, point{p.T, p.AtRisk, p.Events, p.Censored, p.S})
			}
			if g.Events != 3 || g.Median == nil || *g.Median != 20 {
				t.Errorf("all: %d events, median %v; want 3 and 20", g.Events, g.Median)
			}
		}
	}
	if want := []point{{10, 4, 1, 0, 0.75}, {20, 3, 1, 0, 0.5}, {42, 2, 1, 0, 0.25}, {100, 1, 0, 1, 0.25}}; !slices.Equal(all, want) {
		t.Errorf("survival of all: %v, want %v", all, want)
	}
	// shapes in force: a b (run 0), a b p (runs 0 and 2), c p (run 0),
	// a b c p (run 1); the pair a b left when the patron quit is not a
	// shape in force (the alliance ended that tick).
	shapes := map[string]int{}
	for _, sh := range s.Shapes {
		shapes[strings.Join(sh.Members, " ")] = sh.Share.Count
	}
	if len(shapes) != 4 || shapes["a b p"] != 2 || shapes["a b"] != 1 || s.Shapes[0].Share.Count != 2 {
		t.Errorf("shapes %v", shapes)
	}
}

// umask reads the process umask (setting it back at once).
func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

// The aggregate of many runs does not grow with their number: lifetimes
// and first commitments are counted by tick (they used to be kept one per
// alliance and per run, which made memory grow with the run count).
func TestAggregatorBoundedMemory(t *testing.T) {
	cal := sim.Calendar{StartYear: 1950, StartMonth: 1, MonthsPerTick: 1}
	size := func(runs int) (int, int) {
		a := NewAggregator("hand", 1, cal, []int{10})
		for i := 0; i < runs; i++ {
			r := Record{Run: i, Record: sim.Record{Ticks: 100, Patrons: []string{"p"}, Alliances: []sim.AllianceRecord{
				{ID: 0, Founders: []string{"c", "p"}, Patron: true, Origin: "bilateral", Formed: i % 7, PatronJoined: i % 7, PatronSize: 2,
					Ended: 40, Cause: "patron_left", Members: closeAll(founded(i%7, "c", "p"), 40, "left")}}}}
			a.Add(&r)
		}
		if s := a.Summary(); s.Runs != runs || s.FirstCommitment.Share.Count != runs || s.Survival[0].N != runs {
			t.Fatalf("summary of %d runs: %+v", runs, s)
		}
		return len(a.groups["all"].counts), len(a.firsts)
	}
	l1, f1 := size(100)
	l2, f2 := size(10_000)
	if l1 != 7 || f1 != 7 || l2 != l1 || f2 != f1 {
		t.Errorf("aggregate sizes grow with runs: %d, %d lifetimes and %d, %d first commitments", l1, l2, f1, f2)
	}
}

// What a library caller passes is checked before anything runs: a nil
// scenario or plan, hub ticks outside the horizon or out of order, and a
// shard that is not one of its count. Before, hub tick 2^40 was read as a
// date in the year 91625970981, and shard 7 of 2 did nothing and called
// the directory incomplete.
func TestLibraryInputsChecked(t *testing.T) {
	ctx := context.Background()
	c := compile(t, "generic", short)
	for _, c := range []struct {
		hub  []int
		want string
	}{
		{[]int{-5}, "runner: Options.HubTicks: hub tick -5 outside 0…59; allowed: ticks within the horizon"},
		{[]int{1 << 40}, "hub tick 1099511627776 outside 0…59"},
		{[]int{5, 5}, "hub tick 5 after 5; allowed: distinct ticks in increasing order"},
		{[]int{30, 10}, "hub tick 10 after 30"},
	} {
		if _, err := MonteCarlo(ctx, compile(t, "generic", short), Options{Runs: 1, HubTicks: c.hub}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("hub ticks %v: %v; want %q", c.hub, err, c.want)
		}
	}
	if _, err := MonteCarlo(ctx, c, Options{Runs: 1, HubTicks: []int{0, 59}}); err != nil {
		t.Errorf("hub ticks 0 and 59 of 60: %v", err)
	}
	if _, err := MonteCarlo(ctx, nil, Options{Runs: 1}); err == nil || !strings.Contains(err.Error(), "nil scenario") {
		t.Errorf("a nil scenario: %v", err)
	}
	if err := Execute(ctx, nil, t.TempDir(), ExecOptions{}); err == nil || !strings.Contains(err.Error(), "nil plan") {
		t.Errorf("a nil plan: %v", err)
	}
	for _, c := range []struct {
		shard Shard
		want  string
	}{
		{Shard{Index: 7, Count: 2}, "runner: shard 7 of 2; allowed: an index from 0 to 1"},
		{Shard{Index: -1, Count: 2}, "shard -1 of 2"},
		{Shard{Index: 1, Count: 0}, "shard 1 of 0; allowed: index 0 without sharding"},
		{Shard{Count: -3}, "shard count -3"},
	} {
		dir := filepath.Join(t.TempDir(), "out")
		err := Execute(ctx, plan(t), dir, ExecOptions{Shard: c.shard})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v; want %q", c.shard, err, c.want)
		}
		if _, serr := os.Stat(dir); serr == nil {
			t.Errorf("%+v: the refused run made %s", c.shard, dir)
		}
	}
}

// The library's limits at their edges: hub ticks reach the last tick but
// not the horizon; MonteCarlo takes 10⁹ runs (stopped here by a cancelled
// context before the first) but not one more; a shard's count is 0 or
// more, its index below the count, and 0 without sharding.
func TestLibraryLimitsAtTheirEdges(t *testing.T) {
	if err := checkHubTicks([]int{59}, 60); err != nil {
		t.Errorf("hub tick 59 of 60: %v", err)
	}
	if err := checkHubTicks([]int{60}, 60); err == nil || err.Error() != "hub tick 60 outside 0…59; allowed: ticks within the horizon" {
		t.Errorf("hub tick 60 of 60: %v", err)
	}
	c := compile(t, "generic", short)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MonteCarlo(ctx, c, Options{Runs: 1_000_000_000}); !errors.Is(err, context.Canceled) {
		t.Errorf("10⁹ runs, cancelled: %v; want the cancellation, not a refusal", err)
	}
	if _, err := MonteCarlo(ctx, c, Options{Runs: 1_000_000_001}); err == nil || err.Error() != "runner: 1000000001 runs; allowed: a whole number in [1, 1000000000]" {
		t.Errorf("10⁹ + 1 runs: %v", err)
	}
	for _, ok := range []Shard{{0, 0}, {0, 1}, {1, 2}} {
		if err := ok.check(); err != nil {
			t.Errorf("%+v: %v", ok, err)
		}
	}
	for _, c := range []struct {
		shard Shard
		want  string
	}{
		{Shard{Index: 0, Count: -1}, "runner: shard count -1; allowed: 0 or 1 (no sharding) or more"},
		{Shard{Index: 1, Count: 1}, "runner: shard 1 of 1; allowed: index 0 without sharding"},
		{Shard{Index: 2, Count: 2}, "runner: shard 2 of 2; allowed: an index from 0 to 1"},
	} {
		if err := c.shard.check(); err == nil || err.Error() != c.want {
			t.Errorf("%+v:\n got %v\nwant %s", c.shard, err, c.want)
		}
	}
}

// The shard a scheduler gives, at its edges: Kubernetes' last index is
// --shards − 1, Slurm's last task id SLURM_ARRAY_TASK_MIN + count − 1; one
// more is refused, naming both.
func TestShardFromEnvAtItsEdges(t *testing.T) {
	t.Run("kubernetes", func(t *testing.T) {
		t.Setenv("JOB_COMPLETION_INDEX", "3")
		if s, ok, err := ShardFromEnv(4); !ok || err != nil || s != (Shard{3, 4}) {
			t.Errorf("index 3 of 4: %v %v %v", s, ok, err)
		}
		t.Setenv("JOB_COMPLETION_INDEX", "-1")
		if _, _, err := ShardFromEnv(4); err == nil || err.Error() != `JOB_COMPLETION_INDEX="-1" is not an index; allowed: a whole number ≥ 0 (the Job's completion index, from 0)` {
			t.Errorf("index -1: %v", err)
		}
		t.Setenv("JOB_COMPLETION_INDEX", "4")
		if _, _, err := ShardFromEnv(4); err == nil || err.Error() != "JOB_COMPLETION_INDEX=4 but --shards 4; allowed: an index in [0, 3] (--shards is the Job's completions)" {
			t.Errorf("index 4 of 4: %v", err)
		}
	})
	t.Run("slurm", func(t *testing.T) {
		t.Setenv("SLURM_ARRAY_TASK_COUNT", "4")
		t.Setenv("SLURM_ARRAY_TASK_MIN", "2")
		t.Setenv("SLURM_ARRAY_TASK_ID", "5")
		if s, ok, err := ShardFromEnv(0); !ok || err != nil || s != (Shard{3, 4}) {
			t.Errorf("task 5 of 2…5: %v %v %v", s, ok, err)
		}
		t.Setenv("SLURM_ARRAY_TASK_ID", "6")
		if _, _, err := ShardFromEnv(0); err == nil || err.Error() != "SLURM_ARRAY_TASK_ID=6 is outside the array; allowed: 2…5 (SLURM_ARRAY_TASK_MIN=2 and SLURM_ARRAY_TASK_COUNT=4)" {
			t.Errorf("task 6 of 2…5: %v", err)
		}
	})
	t.Run("kubernetes without --shards", func(t *testing.T) {
		t.Setenv("JOB_COMPLETION_INDEX", "0")
		if _, _, err := ShardFromEnv(0); err == nil || err.Error() != "JOB_COMPLETION_INDEX is set: give the number of shards with --shards (the Job's completions)" {
			t.Errorf("index 0 without --shards: %v", err)
		}
	})
	t.Run("slurm, bad values", func(t *testing.T) {
		for _, c := range []struct{ id, count, min, want string }{
			{"0", "0", "", `SLURM_ARRAY_TASK_ID="0" / SLURM_ARRAY_TASK_COUNT="0" are not an index and a count; allowed: whole numbers, a count of at least 1`},
			{"1", "4", "x", `SLURM_ARRAY_TASK_MIN="x" is not a number; allowed: a whole number, the array's first index`},
			{"1", "4", "2", "SLURM_ARRAY_TASK_ID=1 is outside the array; allowed: 2…5 (SLURM_ARRAY_TASK_MIN=2 and SLURM_ARRAY_TASK_COUNT=4)"},
		} {
			t.Setenv("SLURM_ARRAY_TASK_ID", c.id)
			t.Setenv("SLURM_ARRAY_TASK_COUNT", c.count)
			t.Setenv("SLURM_ARRAY_TASK_MIN", c.min)
			if _, ok, err := ShardFromEnv(0); ok || err == nil || err.Error() != c.want {
				t.Errorf("task %s of %s from %q: %v %v; want %s", c.id, c.count, c.min, ok, err, c.want)
			}
		}
	})
}

// A directory holding a single finished chunk of an interrupted run is
// an interrupted run too: run again without --resume, it is refused. (One
// worker, cancelled as its first chunk of 5 is done: the runs it has
// begun past it are not committed, as the set-up checks.)
func TestOneFinishedChunkIsAnInterruptedRun(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "one")
	cctx, cancel := context.WithCancel(ctx)
	Execute(cctx, plan(t), dir, ExecOptions{Workers: 1, Progress: func(done, _ int) {
		if done == 5 {
			cancel()
		}
	}})
	cancel()
	if parts, _ := os.ReadDir(filepath.Join(dir, "parts")); len(parts) != 1 {
		t.Fatalf("set-up: %d parts finished, want 1", len(parts))
	}
	if err := Execute(ctx, plan(t), dir, ExecOptions{Workers: 1}); !errors.Is(err, ErrInterrupted) {
		t.Errorf("one finished chunk, run again without --resume: want ErrInterrupted, got %v", err)
	}
}

// A shard of more shards than the work has chunks owns none: it is told
// so, runs nothing, and is no error (its directory merges like any).
func TestShardWithoutChunksIsTold(t *testing.T) {
	var notices []string
	err := Execute(context.Background(), plan(t), filepath.Join(t.TempDir(), "s"), ExecOptions{Shard: Shard{Index: 6, Count: 7},
		Notice: func(msg string) { notices = append(notices, msg) }})
	if !errors.Is(err, ErrIncomplete) {
		t.Fatalf("want ErrIncomplete, got %v", err)
	}
	want := "shard 7/7 owns no chunk of this work, which has 6 chunks: it runs nothing (no more shards than chunks keeps every shard busy)"
	if !slices.Contains(notices, want) {
		t.Errorf("notices %q, want %q", notices, want)
	}
}
