package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds runs the small sweep once and returns its manifest and the
// runs.jsonl and done.json of its first chunk, to seed the fuzzers.
func fuzzSeeds(f *testing.F) (manifest, runs, done []byte) {
	dir := filepath.Join(f.TempDir(), "d")
	if err := Execute(context.Background(), plan(f), dir, ExecOptions{}); err != nil {
		f.Fatal(err)
	}
	read := func(p ...string) []byte {
		b, err := os.ReadFile(filepath.Join(append([]string{dir}, p...)...))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	part := "p00000-r0000000-0000005"
	return read("manifest.json"), read("parts", part, "runs.jsonl"), read("parts", part, doneFile)
}

// FuzzManifest decodes arbitrary bytes as manifest.json: no input may make
// the decoder, the validation or what the assembly then computes from a
// valid manifest panic.
func FuzzManifest(f *testing.F) {
	good, _, _ := fuzzSeeds(f)
	f.Add(good)
	for _, r := range []struct{ from, to string }{
		{`"start": "2000-01"`, `"start": "0000-00"`},
		{`"chunk_size": 5`, `"chunk_size": 0`},
		{`"runs": 12`, `"runs": 1000000000`},
		{`"runs": 12`, `"runs": -3`},
		{`"ticks": 60`, `"ticks": 1e300`},
		{`"hub_ticks": [`, `"hub_ticks": [-1, 99999999,`},
		{`"values": [`, `"values": [{}, [], null, `},
	} {
		f.Add(bytes.Replace(good, []byte(r.from), []byte(r.to), 1))
	}
	var m map[string]any
	json.Unmarshal(good, &m)
	m["points"] = []any{}
	empty, _ := json.Marshal(m)
	f.Add(empty)
	f.Add([]byte(strings.Repeat("[", 10000)))
	f.Fuzz(func(t *testing.T, b []byte) {
		var m Manifest
		if json.Unmarshal(b, &m) != nil || m.validate() != nil {
			return
		}
		n := m.chunkCount()
		if n < 1 {
			t.Fatalf("a valid manifest with %d chunks", n)
		}
		for _, k := range []int{0, n / 2, n - 1} {
			ch := m.chunkAt(k)
			if ch.Point < 0 || ch.Point >= len(m.Points) || ch.From < 0 || ch.To > m.Runs || ch.From >= ch.To {
				t.Fatalf("chunk %d of %d: %+v", k, n, ch)
			}
			_ = ch.name()
		}
		if owned := ownedRuns(&m, Shard{}); owned != m.Runs*len(m.Points) {
			t.Fatalf("%d runs owned of %d", owned, m.Runs*len(m.Points))
		}
		hubColumns(&m)
		for p := range m.Points {
			m.calendar(p).Label(m.Points[p].Ticks)
		}
		m.Differences(&m)
	})
}

// FuzzRecords feeds a chunk's done.json and runs.jsonl arbitrary bytes:
// nothing may panic, and every record accepted must fold into the
// aggregates and the CSV files without a panic or a negative lifetime.
func FuzzRecords(f *testing.F) {
	manifest, runs, done := fuzzSeeds(f)
	var m Manifest
	if err := json.Unmarshal(manifest, &m); err != nil {
		f.Fatal(err)
	}
	f.Add(runs, done)
	for _, r := range []struct{ from, to string }{
		{`"point":0`, `"point":99`},
		{`"point":0`, `"point":-1`},
		{`"run":0`, `"run":9999999999`},
		{`"formed":`, `"formed":-7,"x":`},
		{`"ended":`, `"ended":-9,"x":`},
		{`"ticks":60`, `"ticks":-1`},
		{`"joined":`, `"joined":1e300,"x":`},
	} {
		f.Add(bytes.Replace(runs, []byte(r.from), []byte(r.to), 1), done)
	}
	f.Add(runs[:len(runs)/2], done)
	f.Add([]byte{}, bytes.Replace(done, []byte(`"runs": 5`), []byte(`"runs": 0`), 1))
	f.Add(runs, bytes.Replace(done, []byte(`"bytes": `), []byte(`"bytes": -`), 1))
	ch := m.chunkAt(0)
	f.Fuzz(func(t *testing.T, runs, done []byte) {
		if _, err := parseDone("done.json", done, ch); err != nil {
			return
		}
		agg := NewAggregator(m.Scenario, m.Seed, m.calendar(0), m.Points[0].HubTicks)
		var out bytes.Buffer
		tables := []*table{newTable(&out, allianceColumns), newTable(&out, membershipColumns), newTable(&out, runColumns(hubColumns(&m), m.Measures))}
		err := partRecords("part", &m, ch, bytes.NewReader(runs), func(r *Record) error {
			for i := range r.Alliances {
				if d := r.Alliances[i].End(r.Ticks) - r.Alliances[i].Formed; d < 0 {
					t.Fatalf("accepted a record with lifetime %d", d)
				}
			}
			meas := measureRun(r, m.Points[0].HubTicks)
			agg.addMeasured(r, meas)
			cal := m.calendar(0)
			if err := writeAllianceRows(tables[0], r, cal); err != nil {
				return err
			}
			if err := writeMembershipRows(tables[1], r, cal); err != nil {
				return err
			}
			return writeRunRow(tables[2], r, &meas, cal, m.Points[0].HubTicks, hubColumns(&m))
		})
		if err == nil {
			s := agg.Summary()
			if _, err := json.Marshal(s); err != nil {
				t.Fatalf("summary of accepted records: %v", err)
			}
		}
	})
}
