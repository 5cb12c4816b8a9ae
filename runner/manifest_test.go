package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alliancesim/alliancesim/sim"
)

// copyOf copies the finished directory dir to a new one and returns it:
// a test that damages a finished sweep case by case runs it once.
func copyOf(t *testing.T, dir string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "d")
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// done runs the small sweep into a new directory and returns it.
func done(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "d")
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// editManifest rewrites dir/manifest.json through a JSON map.
func editManifest(t *testing.T, dir string, edit func(m map[string]any)) {
	t.Helper()
	path := filepath.Join(dir, "manifest.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, _ = json.Marshal(m)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A manifest is validated like any input: a bad start (which gave dates
// like 0000-00), no points (which panicked), a chunk size of 0 (which
// looped until memory ran out), counts past the limits and malformed
// hashes are refused, naming manifest.json and the field, by a merge and
// by a resumed run.
func TestManifestValidated(t *testing.T) {
	finished := done(t)
	point := func(m map[string]any) map[string]any { return m["points"].([]any)[0].(map[string]any) }
	for _, c := range []struct {
		name string
		edit func(m map[string]any)
		want string
	}{
		{"month 00", func(m map[string]any) { point(m)["start"] = "0000-00" }, `point 0: start: "0000-00" is not a month`},
		{"month 13", func(m map[string]any) { point(m)["start"] = "1950-13" }, "is not a month"},
		{"no points", func(m map[string]any) { m["points"] = []any{} }, "no points; allowed: at least one"},
		{"chunk size 0", func(m map[string]any) { m["chunk_size"] = 0 }, "chunk_size 0; allowed: 1 to 1000000"},
		{"runs 0", func(m map[string]any) { m["runs"] = 0 }, "runs 0"},
		{"runs huge", func(m map[string]any) { m["runs"] = 1e12 }, "runs 1000000000000"},
		{"ticks huge", func(m map[string]any) { point(m)["ticks"] = 1e9 }, "ticks 1000000000; allowed: 1 to 1000000"},
		{"months per tick", func(m map[string]any) { point(m)["months_per_tick"] = 7 }, "months_per_tick 7"},
		{"hub tick", func(m map[string]any) { point(m)["hub_ticks"] = []any{-1} }, "hub tick -1"},
		{"value", func(m map[string]any) { point(m)["values"] = []any{map[string]any{}} }, "is not a number, a string or a boolean"},
		{"hash", func(m map[string]any) { m["scenario_sha256"] = strings.Repeat("z", 64) }, "is not a SHA-256"},
		{"point hash", func(m map[string]any) { point(m)["scenario_sha256"] = "" }, "point 0: scenario_sha256"},
		{"experiment hash", func(m map[string]any) { m["experiment_sha256"] = "abc" }, `experiment_sha256 "abc" is not a SHA-256`},
		{"hash too long", func(m map[string]any) { m["scenario_sha256"] = strings.Repeat("a", 65) }, "is not a SHA-256"},
		{"seed", func(m map[string]any) { m["seed"] = 9007199254740990 }, "seed 9007199254740990 with 12 runs reaches past 9007199254740991"},
		{"measure name", func(m map[string]any) { m["measures"] = []any{"Bad"} }, `measure "Bad": allowed: a name of lowercase letters`},
		{"design", func(m map[string]any) { m["design"] = map[string]any{"kind": "halton"} }, `unknown design "halton"; allowed: grid, lhs, morris, sobol, points`},
		{"drawn without unit", func(m map[string]any) { m["design"] = map[string]any{"kind": "lhs", "samples": 2} }, "point 0 of a lhs design has no unit coordinates"},
		{"unit", func(m map[string]any) { point(m)["unit"] = []any{2} }, "point 0: unit [2]; allowed: a coordinate in [0, 1] per varied path"},
		{"values", func(m map[string]any) { point(m)["values"] = []any{} }, "point 0 has 0 values for 1 varied paths"},
		{"not JSON", nil, "not a manifest of alliancesim"},
		// An object without a format is not blamed on another version.
		{"no format", func(m map[string]any) { delete(m, "format") }, fmt.Sprintf("no manifest format (format 0): not a manifest alliancesim wrote, or one damaged; allowed: format %d", ManifestFormat)},
		{"another format", func(m map[string]any) { m["format"] = ManifestFormat - 1 },
			fmt.Sprintf("manifest format %d; allowed: %d (written by another version of alliancesim)", ManifestFormat-1, ManifestFormat)},
	} {
		dir := copyOf(t, finished)
		if c.edit == nil {
			os.WriteFile(filepath.Join(dir, "manifest.json"), []byte("{\"points\": [1,"), 0o644)
		} else {
			editManifest(t, dir, c.edit)
		}
		err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
		if err == nil || !strings.Contains(err.Error(), "manifest.json") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: merge: want …%s…, got %v", c.name, c.want, err)
		}
		err = Execute(context.Background(), plan(t), dir, ExecOptions{Resume: true})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: resume: want …%s…, got %v", c.name, c.want, err)
		}
	}
}

// A manifest.json that is a named pipe, a device or too large is refused,
// not read until memory runs out or waited on forever.
func TestManifestReadSafely(t *testing.T) {
	dir := done(t)
	path := filepath.Join(dir, "manifest.json")
	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipes: %v", err)
	}
	defer func() { // release a reader, should one block
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}()
	errc := make(chan error, 1)
	go func() { errc <- Assemble([]string{dir}, filepath.Join(t.TempDir(), "out")) }()
	select {
	case err := <-errc:
		if err == nil || !strings.Contains(err.Error(), "named pipe (FIFO), not a regular file") {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO manifest blocked")
	}
	os.Remove(path)
	if err := os.Symlink("/dev/null", path); err != nil {
		t.Fatal(err)
	}
	if err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out2")); err == nil || !strings.Contains(err.Error(), "a device, not a regular file") {
		t.Errorf("/dev/null: %v", err)
	}
	os.Remove(path)
	f, _ := os.Create(path)
	f.Truncate(16<<20 + 1)
	f.Close()
	if err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out3")); err == nil || !strings.Contains(err.Error(), "larger than 16 MiB") {
		t.Errorf("17 MiB: %v", err)
	}
}

// rewritePart replaces a part's runs.jsonl by lines and its done.json by
// matching checksums, as a deliberate edit would.
func rewritePart(t *testing.T, part string, edit func(lines []string) []string) {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(part, "runs.jsonl"))
	lines := edit(strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n"))
	body := strings.Join(lines, "")
	if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	setPartFile(t, part, "runs.jsonl", []byte(body))
}

// setPartFile replaces a part's file name by body and its done.json by
// matching checksums, as a deliberate edit would.
func setPartFile(t *testing.T, part, name string, body []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(part, name), body, 0o644); err != nil {
		t.Fatal(err)
	}
	var rec partDoneRecord
	d, _ := os.ReadFile(filepath.Join(part, doneFile))
	if err := json.Unmarshal(d, &rec); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(body)
	rec.Files[name] = FileSum{Bytes: int64(len(body)), SHA256: hex.EncodeToString(sum[:])}
	os.WriteFile(filepath.Join(part, doneFile), mustJSONIndent(rec), 0o644)
}

// Records are checked even when their checksums match: a record of point
// 99 (which panicked), or with a lifetime that ends before it began, is
// refused with the run and the reason.
func TestRecordsChecked(t *testing.T) {
	finished := done(t)
	for _, c := range []struct {
		name, from, to, want string
	}{
		{"point 99", `"point":0`, `"point":99`, "record of point 99 run 0"},
		{"seed", `"seed":5`, `"seed":6`, "seed 6 where the seed rule gives 5"},
		{"ticks", `"ticks":60`, `"ticks":600`, "600 ticks where the point has 60"},
		{"formed", `"formed":`, `"formed":-7,"x":`, "formed -7 outside 0…59"},
	} {
		dir := copyOf(t, finished)
		part := filepath.Join(dir, "parts", "p00000-r0000000-0000005")
		rewritePart(t, part, func(lines []string) []string {
			lines[0] = strings.Replace(lines[0], c.from, c.to, 1)
			return lines
		})
		err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "out"))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: want …%s…, got %v", c.name, c.want, err)
		}
	}
}

// A plan whose manifest would be larger than any input file may be is
// refused before anything is written, so that every manifest written can
// be read back.
func TestManifestSizeCapped(t *testing.T) {
	p := plan(t)
	base := p.Points[0]
	p.Points = nil
	for i := 0; i < 80_000; i++ {
		pt := base
		pt.Values = []any{fmt.Sprint(i)}
		p.Points = append(p.Points, pt)
	}
	dir := filepath.Join(t.TempDir(), "d")
	err := Execute(context.Background(), p, dir, ExecOptions{})
	if err == nil || !strings.Contains(err.Error(), "the manifest of this work would be") || !strings.Contains(err.Error(), "allowed: at most 16 MiB") {
		t.Fatalf("want the plan refused, got %v", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a refused plan must write nothing")
	}
}

// Differences names what differs in words: a design by the settings it
// has, a point by its first differing field (they used to be a Go struct
// with every zero field and two JSON records).
func TestDifferencesInWords(t *testing.T) {
	point := ManifestPoint{Values: []any{0.5}, Start: "1950-01", MonthsPerTick: 1, Ticks: 24, HubTicks: []int{0}}
	a := Manifest{Vary: []string{"params.sea_cost"}, Design: &Design{Kind: "grid"}, Points: []ManifestPoint{point}}
	b := a
	b.Design = &Design{Kind: "morris", Samples: 4, Levels: 6}
	other := point
	other.Ticks = 36
	b.Points = []ManifestPoint{other}
	got := strings.Join(a.Differences(&b), "; ")
	want := "design (grid here, morris (samples 4, levels 6) there); point 0: ticks (24 here, 36 there)"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	c := Manifest{Points: []ManifestPoint{point}}
	if got := strings.Join(a.Differences(&c), "; "); got != "design (grid here, none (a single scenario) there); varied paths (params.sea_cost here, none there)" {
		t.Errorf("a sweep against a single scenario: %s", got)
	}
	if d := a.Differences(&a); len(d) != 0 {
		t.Errorf("a manifest differs from itself: %v", d)
	}
}

// A manifest at each of its limits is valid, and one past is refused with
// what is allowed: 10⁹ runs, chunks of 10⁶, 100000 points, 1 to 10⁶ ticks
// a point of 1, 3 or 12 months, a series every 0 (none) or more ticks;
// several points need the paths they vary.
func TestManifestLimitsAtTheirEdges(t *testing.T) {
	points := func(m *Manifest, n int) {
		for len(m.Points) < n {
			m.Points = append(m.Points, m.Points[0])
		}
	}
	ticks := func(n int) func(*Manifest) {
		return func(m *Manifest) { m.Points[0].Ticks, m.Points[0].HubTicks = n, nil }
	}
	for _, c := range []struct {
		name    string
		ok, bad func(*Manifest)
		want    string
	}{
		{"runs", func(m *Manifest) { m.Runs = 1_000_000_000 }, func(m *Manifest) { m.Runs = 1_000_000_001 }, "runs 1000000001; allowed: 1 to 1000000000"},
		{"chunk", func(m *Manifest) { m.ChunkSize = 1_000_000 }, func(m *Manifest) { m.ChunkSize = 1_000_001 }, "chunk_size 1000001; allowed: 1 to 1000000"},
		{"points", func(m *Manifest) { points(m, 100_000) }, func(m *Manifest) { points(m, 100_001) }, "100001 points; allowed: at most 100000"},
		{"most ticks", ticks(1_000_000), ticks(1_000_001), "point 0: ticks 1000001; allowed: 1 to 1000000"},
		{"fewest ticks", ticks(1), ticks(0), "point 0: ticks 0; allowed: 1 to 1000000"},
		{"months per tick", func(m *Manifest) { m.Points[0].MonthsPerTick = 12 }, func(m *Manifest) { m.Points[0].MonthsPerTick = 6 },
			"point 0: months_per_tick 6; allowed: 1, 3 or 12"},
		{"quarters", func(m *Manifest) { m.Points[0].MonthsPerTick = 3 }, func(m *Manifest) { m.Points[0].MonthsPerTick = 4 },
			"point 0: months_per_tick 4; allowed: 1, 3 or 12"},
		{"series", func(m *Manifest) { m.Points[0].SeriesEvery = 0 }, func(m *Manifest) { m.Points[0].SeriesEvery = -1 },
			"point 0: series_every -1; allowed: ≥ 0"},
		{"points without vary", func(m *Manifest) { m.Vary, m.Points = nil, m.Points[:1]; m.Points[0].Values = nil },
			func(m *Manifest) {
				m.Vary = nil
				for i := range m.Points {
					m.Points[i].Values = nil
				}
			}, "2 points but no vary; allowed: one point, or the paths the points vary"},
	} {
		m := plan(t).Manifest()
		c.ok(&m)
		if err := m.validate(); err != nil {
			t.Errorf("%s: the edge is refused: %v", c.name, err)
		}
		m = plan(t).Manifest()
		c.bad(&m)
		if err := m.validate(); err == nil || err.Error() != c.want {
			t.Errorf("%s: one past the edge:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// A record's ticks at their edges, in a run of 60 ticks: an alliance
// formed at tick 10 ends, and takes its patron, at a tick from 10 to the
// last, 59; a member joins at a tick to the last and leaves from its
// joining on; a proposal is made from 0 to 59. Before the alliance or
// the joining, or past the horizon, is refused, naming the tick and what
// is allowed. (The check allows the horizon itself, 60, for an end, a
// patron's or a member's joining, which the engine never writes.)
func TestRecordCheckAtItsEdges(t *testing.T) {
	record := func(edit func(a *sim.AllianceRecord, p *sim.ProposalRecord)) *Record {
		r := &Record{Record: sim.Record{Seed: 5, Ticks: 60,
			Alliances: []sim.AllianceRecord{{ID: 3, Origin: "imposed", Formed: 10, OriginSince: 10, Ended: -1, PatronJoined: -1,
				Members: []sim.MembershipRecord{{State: "a", Joined: 10, Left: -1}, {State: "b", Joined: 20, Left: -1}}}},
			Proposals: []sim.ProposalRecord{{Tick: 10}}}}
		edit(&r.Alliances[0], &r.Proposals[0])
		return r
	}
	for _, c := range []struct {
		name    string
		ok, bad func(a *sim.AllianceRecord, p *sim.ProposalRecord)
		want    string
	}{
		// Everything happens in a tick of the run, 0 … 59: ended,
		// patron_joined and joined at 60 (the horizon) are refused, as
		// report refuses a membership that begins there.
		{"ended in the last tick", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended = 59 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended = 60 }, "alliance 3: ended 60 outside 10…59"},
		{"ended as formed", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended = 10 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended = 9 }, "alliance 3: ended 9 outside 10…59"},
		{"patron joined as formed", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.PatronJoined = 10 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.PatronJoined = 9 }, "alliance 3: patron_joined 9 outside 10…59"},
		{"patron joined in the last tick", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.PatronJoined = 59 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.PatronJoined = 60 }, "alliance 3: patron_joined 60 outside 10…59"},
		{"joined in the last tick", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Members[1].Joined = 59 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Members[1].Joined = 60 }, "alliance 3: joined 60 outside 0…59"},
		{"left as joined", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Members[1].Left = 20 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Members[1].Left = 19 }, "alliance 3: left 19 outside 20…60"},
		{"left at the horizon (exclusive)", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Members[1].Left = 60 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Members[1].Left = 61 }, "alliance 3: left 61 outside 20…60"},
		{"ended never", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended = -1 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended = -2 }, "alliance 3: ended -2 outside 10…59"},
		{"patron never", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.PatronJoined = -1 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.PatronJoined = -2 }, "alliance 3: patron_joined -2 outside 10…59"},
		// The origin begins in a tick of the alliance's life: from its
		// formation to its end, or the last tick; an indigenous alliance's
		// at its patron's entry, a client's or a bilateral's at its
		// formation. A record without origin_since (0) is refused.
		{"origin since formed", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.OriginSince = 10 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.OriginSince = 0 }, "alliance 3: origin_since 0 outside 10…59"},
		{"origin since the last tick", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.OriginSince = 59 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.OriginSince = 60 }, "alliance 3: origin_since 60 outside 10…59"},
		{"origin since its end", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended, a.OriginSince = 30, 30 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Ended, a.OriginSince = 30, 31 }, "alliance 3: origin_since 31 outside 10…30"},
		{"indigenous since the patron's entry", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) {
			a.Origin, a.PatronJoined, a.OriginSince = "indigenous", 25, 25
		},
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) {
				a.Origin, a.PatronJoined, a.OriginSince = "indigenous", 25, 10
			},
			"alliance 3: origin_since 10 of an indigenous alliance a patron joined at 25; allowed: 25"},
		{"bilateral since its formation", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Origin, a.OriginSince = "bilateral", 10 },
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) { a.Origin, a.OriginSince = "bilateral", 11 },
			"alliance 3: origin_since 11 of a bilateral alliance formed at 10; allowed: 10 (only an indigenous or imposed alliance's origin begins after its formation)"},
		// An imposed alliance's origin begins after its formation only
		// where a patron's bilateral, of two founders, turned imposed.
		{"imposed of three founders since its formation", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) {
			a.Founders, a.OriginSince = []string{"a", "b", "c"}, 10
		},
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) {
				a.Founders, a.OriginSince = []string{"a", "b", "c"}, 11
			},
			"alliance 3: origin_since 11 of an imposed alliance of 3 founders formed at 10; allowed: 10 (only a patron's bilateral, of two founders, turns imposed after its formation)"},
		{"imposed of two founders since a later entry", func(a *sim.AllianceRecord, _ *sim.ProposalRecord) {
			a.Founders, a.OriginSince = []string{"a", "b"}, 59
		},
			func(a *sim.AllianceRecord, _ *sim.ProposalRecord) {
				a.Founders, a.OriginSince = []string{"a", "b", "c", "d"}, 59
			},
			"alliance 3: origin_since 59 of an imposed alliance of 4 founders formed at 10; allowed: 10 (only a patron's bilateral, of two founders, turns imposed after its formation)"},
		{"proposal in the last tick", func(_ *sim.AllianceRecord, p *sim.ProposalRecord) { p.Tick = 59 },
			func(_ *sim.AllianceRecord, p *sim.ProposalRecord) { p.Tick = 60 }, "proposal at tick 60 outside 0…59"},
	} {
		if err := record(c.ok).check(60, 5); err != nil {
			t.Errorf("%s: the edge is refused: %v", c.name, err)
		}
		if err := record(c.bad).check(60, 5); err == nil || err.Error() != c.want {
			t.Errorf("%s: one past the edge:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// Differences names each field of the work in words, with both values: a
// build, a name, a hash by its first 12 digits, chunking, events, a
// design's base; of the points, only the first that differs, by its first
// differing field — and a value of another type (1 and "1") by the whole
// record.
func TestDifferencesFieldByField(t *testing.T) {
	hash := func(c string) string { return strings.Repeat(c, 64) }
	point := ManifestPoint{Values: []any{0.5}, Start: "1950-01", MonthsPerTick: 1, Ticks: 24, HubTicks: []int{0}}
	base := func() Manifest {
		return Manifest{Tool: Tool{Version: "v1", Revision: "abc"}, Scenario: "generic", ScenarioSHA256: hash("a"), ChunkSize: 5,
			Events: true, Vary: []string{"params.sea_cost"}, Design: &Design{Kind: "sobol", Samples: 4, Base: "random"},
			Points: []ManifestPoint{point, point}}
	}
	for _, c := range []struct {
		edit func(m *Manifest)
		want string
	}{
		{func(m *Manifest) { m.Tool.Version = "v2" }, "tool build (v1 (abc) here, v2 (abc) there)"},
		{func(m *Manifest) { m.Scenario = "asia-1950" }, "scenario name (generic here, asia-1950 there)"},
		{func(m *Manifest) { m.ScenarioSHA256 = hash("b") }, "scenario content (sha256) (aaaaaaaaaaaa… here, bbbbbbbbbbbb… there)"},
		{func(m *Manifest) { m.ChunkSize = 100 }, "chunk size (5 here, 100 there)"},
		{func(m *Manifest) { m.Events = false }, "events recorded (true here, false there)"},
		{func(m *Manifest) { m.Design = &Design{Kind: "sobol", Samples: 4, Base: "sobol"} },
			"design (sobol (samples 4, base random) here, sobol (samples 4, base sobol) there)"},
		{func(m *Manifest) {
			m.Points = []ManifestPoint{point, point}
			m.Points[0].Values, m.Points[1].Values = []any{1.0}, []any{2.0}
		}, "point 0: values ([0.5] here, [1] there)"},
		{func(m *Manifest) { m.Points = []ManifestPoint{point, point}; m.Points[0].HubTicks = []int{0, 12} }, "point 0: hub ticks ([0] here, [0 12] there)"},
		{func(m *Manifest) { m.Points = []ManifestPoint{point, point}; m.Points[1].SeriesEvery = 6 }, "point 1: series every (0 here, 6 there)"},
		{func(m *Manifest) { m.Points = []ManifestPoint{point, point}; m.Points[0].Values = []any{"0.5"} },
			`point 0: record ({"values":[0.5],"scenario_sha256":"","start":"1950-01","months_per_tick":1,"ticks":24,"hub_ticks":[0]} here, {"values":["0.5"],"scenario_sha256":"","start":"1950-01","months_per_tick":1,"ticks":24,"hub_ticks":[0]} there)`},
	} {
		a, b := base(), base()
		c.edit(&b)
		if got := strings.Join(a.Differences(&b), "; "); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// The manifest keeps the story of its directory: the command that began
// the work, each command that went on with it, and for a merge the
// merge's command and each part's commands; none of them is part of the
// work's identity, so the resumed shard still merges.
func TestManifestRecordsCommands(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	withCommand := func(args ...string) *Plan {
		p := plan(t)
		p.Command = args
		return p
	}
	a, b := filepath.Join(base, "a"), filepath.Join(base, "b")
	if err := Execute(ctx, withCommand("sweep", "1/2"), a, ExecOptions{Shard: Shard{Index: 0, Count: 2}}); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("shard 1: want ErrIncomplete, got %v", err)
	}
	if err := Execute(ctx, withCommand("sweep", "2/2"), b, ExecOptions{Shard: Shard{Index: 1, Count: 2}}); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("shard 2: want ErrIncomplete, got %v", err)
	}
	if err := Execute(ctx, withCommand("sweep", "2/2", "--resume"), b, ExecOptions{Shard: Shard{Index: 1, Count: 2}, Resume: true}); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("shard 2 resumed: want ErrIncomplete, got %v", err)
	}
	mb, err := ReadManifest(b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(mb.Command, []string{"sweep", "2/2"}) || len(mb.Resumed) != 1 || !slices.Equal(mb.Resumed[0], []string{"sweep", "2/2", "--resume"}) {
		t.Fatalf("resumed shard: command %q, resumed %q", mb.Command, mb.Resumed)
	}
	out := filepath.Join(base, "merged")
	if err := Merge([]string{a, b}, out, []string{"merge", "a", "b"}); err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Command, []string{"merge", "a", "b"}) || m.Resumed != nil || len(m.Merged) != 2 ||
		!slices.Equal(m.Merged[0].Command, []string{"sweep", "1/2"}) || m.Merged[0].Resumed != nil ||
		!slices.Equal(m.Merged[1].Command, []string{"sweep", "2/2"}) || len(m.Merged[1].Resumed) != 1 {
		t.Fatalf("merged: command %q, resumed %q, merged %+v", m.Command, m.Resumed, m.Merged)
	}
	// Assemble is not told a command: the merged manifest names none of
	// its own, rather than the first part's.
	out2 := filepath.Join(base, "assembled")
	if err := Assemble([]string{a, b}, out2); err != nil {
		t.Fatal(err)
	}
	if m, err = ReadManifest(out2); err != nil || m.Command != nil || len(m.Merged) != 2 {
		t.Fatalf("assembled: %v, command %q, merged %+v", err, m.Command, m.Merged)
	}
	// A directory merged in place (it keeps its parts) and merged again
	// keeps the parts it had merged, with their commands, under its own
	// entry.
	if err := Merge([]string{a, b}, a, []string{"merge", "a", "b", "--out", "a"}); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(base, "again")
	if err := Merge([]string{a, b}, again, []string{"merge", "again"}); err != nil {
		t.Fatal(err)
	}
	if m, err = ReadManifest(again); err != nil || len(m.Merged) != 2 || !slices.Equal(m.Merged[0].Command, []string{"merge", "a", "b", "--out", "a"}) ||
		len(m.Merged[0].Merged) != 2 || !slices.Equal(m.Merged[0].Merged[0].Command, []string{"sweep", "1/2"}) || len(m.Merged[0].Merged[1].Resumed) != 1 {
		t.Fatalf("merged again: %v, merged %+v", err, m.Merged)
	}
	// A directory one process finished, run again, is left alone: a
	// command that finds the work complete is not recorded.
	whole := filepath.Join(base, "whole")
	if err := Execute(ctx, withCommand("run"), whole, ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Execute(ctx, withCommand("run", "again"), whole, ExecOptions{Resume: true}); !errors.Is(err, ErrComplete) {
		t.Fatalf("complete: want ErrComplete, got %v", err)
	}
	if m, err = ReadManifest(whole); err != nil || !slices.Equal(m.Command, []string{"run"}) || m.Resumed != nil {
		t.Fatalf("a complete directory run again: %v, command %q, resumed %q", err, m.Command, m.Resumed)
	}
	// A directory merged into itself, however its name is written, keeps
	// its manifest: it is no merge of anything.
	if err := Merge([]string{whole + string(os.PathSeparator) + "."}, whole, []string{"merge", "./whole", "--out", "whole"}); err != nil {
		t.Fatal(err)
	}
	if m, err = ReadManifest(whole); err != nil || !slices.Equal(m.Command, []string{"run"}) || len(m.Merged) != 0 {
		t.Fatalf("a directory merged into itself: %v, command %q, merged %+v", err, m.Command, m.Merged)
	}
	// One directory merged into a new one: the new one has its own
	// manifest, naming the merge and the directory merged, and the
	// scenario.
	one := filepath.Join(base, "one")
	if err := Merge([]string{whole}, one, []string{"merge", "whole", "--out", "one"}); err != nil {
		t.Fatal(err)
	}
	if m, err = ReadManifest(one); err != nil || !slices.Equal(m.Command, []string{"merge", "whole", "--out", "one"}) || len(m.Merged) != 1 {
		t.Fatalf("one directory merged: %v, command %q, merged %+v", err, m.Command, m.Merged)
	}
	if b, err := os.ReadFile(filepath.Join(one, "scenario.toml")); err != nil || len(b) == 0 {
		t.Errorf("one directory merged: scenario.toml %v", err)
	}
}

// twoShards writes the two shards of plan(t) in base: its directories a and b.
func twoShards(t *testing.T, base string) (a, b string) {
	t.Helper()
	a, b = filepath.Join(base, "a"), filepath.Join(base, "b")
	for i, d := range []string{a, b} {
		if err := Execute(context.Background(), plan(t), d, ExecOptions{Shard: Shard{Index: i, Count: 2}}); !errors.Is(err, ErrIncomplete) {
			t.Fatalf("shard %d: want ErrIncomplete, got %v", i+1, err)
		}
	}
	return a, b
}

// A merge recomputes every aggregate, so it must be done by the build that
// wrote the parts, as a resume must: shards written by another build
// (here, a manifest naming another version) are refused, naming the
// directory and both builds, and nothing is written.
func TestMergeRefusesAnotherBuild(t *testing.T) {
	base := t.TempDir()
	a, b := twoShards(t, base)
	for _, d := range []string{a, b} {
		editManifest(t, d, func(m map[string]any) { m["tool"].(map[string]any)["version"] = "v0.0.0-elsewhere" })
	}
	out := filepath.Join(base, "merged")
	err := Merge([]string{a, b}, out, []string{"merge"})
	if err == nil || !strings.Contains(err.Error(), a+" was written by another build of alliancesim (v0.0.0-elsewhere") ||
		!strings.Contains(err.Error(), "merge with the build that wrote it") {
		t.Fatalf("merging another build's shards: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "summary.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused merge wrote %s/summary.json (%v)", out, err)
	}
}

// A part of the same revision built otherwise (here its executable's
// SHA-256 edited: a clean tree's builds differ only there) is merged, and
// the merged manifest keeps its build beside it; a part of the merged
// manifest's own build records none.
func TestMergeKeepsEachPartsBuild(t *testing.T) {
	// A clean build: builds of unknown or modified trees are told apart
	// by their executable, and refused.
	saved := toolInfo
	t.Cleanup(func() { toolInfo = saved })
	toolInfo = func() Tool {
		return Tool{Version: "v1.0.0", Revision: "0123456789abcdef0123456789abcdef01234567", Go: "go1.24.1", Target: "linux/amd64", Binary: strings.Repeat("cd", 32)}
	}
	base := t.TempDir()
	a, b := twoShards(t, base)
	other := strings.Repeat("ab", 32)
	editManifest(t, b, func(m map[string]any) { m["tool"].(map[string]any)["binary"] = other })
	out := filepath.Join(base, "merged")
	if err := Merge([]string{a, b}, out, []string{"merge"}); err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Merged) != 2 || m.Merged[0].Tool != nil || m.Merged[1].Tool == nil || m.Merged[1].Tool.Binary != other || m.Tool.Binary == other {
		t.Errorf("merged parts' builds: %+v, the manifest's %+v", m.Merged, m.Tool)
	}
}
