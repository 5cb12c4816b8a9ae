package runner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/internal/input"
)

// CheckEvents checks events.jsonl byte for byte against the parts it was
// assembled from: a cut at a line's end, a changed byte and an added line
// are each found, and the message names the part whose events differ
// (the small sweep: two points of 12 runs in chunks of 5, six parts).
func TestCheckEvents(t *testing.T) {
	dir := done(t)
	if ok, err := CheckEvents(dir); !ok || err != nil {
		t.Fatalf("CheckEvents of finished work: %v, %v; want true, nil", ok, err)
	}
	events, err := os.ReadFile(filepath.Join(dir, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	// partAt names the part whose events hold byte i of the file, and
	// the bytes they are ("bytes 120 to 480").
	m := mustManifest(t, dir)
	partAt := func(i int) string {
		var from int64
		for k := 0; k < m.chunkCount(); k++ {
			ch := m.chunkAt(k)
			path := filepath.Join(dir, "parts", ch.name(), doneFile)
			b, err := input.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := parseDone(path, b, ch)
			if err != nil {
				t.Fatal(err)
			}
			size := d.Files["events.jsonl"].Bytes
			if from += size; int64(i) < from {
				return fmt.Sprintf("bytes %d to %d are not the events of part %s", from-size, from, ch.name())
			}
		}
		t.Fatalf("byte %d is past the parts' events", i)
		return ""
	}
	half := bytes.LastIndexByte(events[:len(events)/2], '\n') + 1 // a line's end near the middle
	changed := bytes.Clone(events)
	changed[half] ^= 1
	for _, c := range []struct {
		name  string
		body  []byte
		wants []string
	}{
		{"cut at a line's end", events[:half], []string{partAt(half), "cut short or changed"}},
		{"a byte changed", changed, []string{partAt(half)}},
		{"empty", nil, []string{partAt(0)}},
		{"a line added", append(bytes.Clone(events), events[:half]...), []string{"bytes after the events of the last part"}},
	} {
		d := copyOf(t, dir)
		if err := os.WriteFile(filepath.Join(d, "events.jsonl"), c.body, 0o644); err != nil {
			t.Fatal(err)
		}
		ok, err := CheckEvents(d)
		if ok || err == nil {
			t.Errorf("%s: %v, %v; want an error", c.name, ok, err)
			continue
		}
		for _, w := range c.wants {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v; want it to say %q", c.name, err, w)
			}
		}
	}
	// Without its parts (as a merged directory keeps none) there is
	// nothing to check against, and without events nothing to check.
	d := copyOf(t, dir)
	if err := os.RemoveAll(filepath.Join(d, "parts")); err != nil {
		t.Fatal(err)
	}
	if ok, err := CheckEvents(d); ok || err != nil {
		t.Errorf("without parts: %v, %v; want false, nil", ok, err)
	}
	d = copyOf(t, dir)
	editManifest(t, d, func(m map[string]any) { m["events"] = false })
	if ok, err := CheckEvents(d); ok || err != nil {
		t.Errorf("without events: %v, %v; want false, nil", ok, err)
	}
	// A part's done.json that does not parse: named, with what to do.
	d = copyOf(t, dir)
	part := filepath.Join(d, "parts", "p00000-r0000000-0000005")
	os.WriteFile(filepath.Join(part, doneFile), []byte("{"), 0o644)
	if ok, err := CheckEvents(d); ok || err == nil || !strings.Contains(err.Error(), part+"/done.json: unexpected end of JSON input (damaged): remove "+part) {
		t.Errorf("a damaged done.json: %v, %v; want an error naming it, with the advice", ok, err)
	}
}
