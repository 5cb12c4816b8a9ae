package runner

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A summed writer counts and hashes what reaches its file: the SHA-256 of
// "abc", by hand from FIPS 180-2's first example, written in two pieces.
func TestSummedWriter(t *testing.T) {
	var b bytes.Buffer
	s := newSummedWriter(&b)
	s.Write([]byte("a"))
	s.Write([]byte("bc"))
	want := FileSum{Bytes: 3, SHA256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}
	if got := s.sum(); got != want || b.String() != "abc" {
		t.Fatalf("%+v, %q; want %+v, \"abc\"", got, b.String(), want)
	}
}

// summaryRecord finds summary.json's "files" wherever it stands among
// the keys, skips every other value however nested, and refuses what is
// not one whole object.
func TestSummaryRecord(t *testing.T) {
	const abc = `{"bytes": 3, "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}`
	for _, c := range []struct {
		doc, err string
		files    int
	}{
		{`{"runs": 3, "shapes": [{"files": {"x.csv": 1}}, []], "files": {"a.csv": ` + abc + `}}`, "", 1},
		{`{"files": {"a.csv": ` + abc + `, "b.csv": ` + abc + `}, "points": [[{}]]}` + "\n", "", 2},
		{`{"runs": 3}`, "", 0},
		{`{"files": null}`, "", 0},
		{`[]`, "[ where an object begins", 0},
		{`{"files": [1]}`, "files: json: cannot unmarshal array", 0},
		{`{"runs": 3`, "EOF", 0},
		{`{"runs": 3} {}`, "more after the value", 0},
		{``, "EOF", 0},
	} {
		files, err := summaryRecord(strings.NewReader(c.doc))
		if c.err == "" && (err != nil || len(files) != c.files) || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: %v files, %v; want %d, %q", c.doc, files, err, c.files, c.err)
		}
	}
	files, _ := summaryRecord(strings.NewReader(`{"files": {"a.csv": ` + abc + `}}`))
	if got := files["a.csv"]; got.Bytes != 3 || got.SHA256[:8] != "ba7816bf" {
		t.Errorf("a.csv: %+v", got)
	}
}

// CheckResults reads every byte: a finished directory passes, and a file
// changed at the same size, which the run's size check passes, is found
// and named, whichever file it is; a cut file is found by its size first.
func TestCheckResults(t *testing.T) {
	finished := done(t)
	m, err := ReadManifest(finished)
	if err != nil {
		t.Fatal(err)
	}
	record := func(dir string) map[string]FileSum {
		f, err := os.Open(filepath.Join(dir, "summary.json"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		files, err := summaryRecord(f)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	files := record(finished)
	if err := CheckResults(finished, m, files); err != nil {
		t.Fatalf("finished work: %v", err)
	}
	for _, name := range recordedNames(m) {
		sum, err := sumFile(filepath.Join(finished, name))
		if err != nil || sum != files[name] {
			t.Errorf("%s: recorded %+v, on disk %+v (%v)", name, files[name], sum, err)
		}
	}
	for _, name := range recordedNames(m) {
		dir := copyOf(t, finished)
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b[0] ^= 1
		os.WriteFile(path, b, 0o644)
		if err := CheckResults(dir, m, files); err == nil || !strings.HasPrefix(err.Error(), path+" does not match its SHA-256") {
			t.Errorf("%s changed at its size: %v", name, err)
		}
	}
	dir := copyOf(t, finished)
	path := filepath.Join(dir, "memberships.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-2] ^= 1 // a digit or a comma, one bit off: the same size
	os.WriteFile(path, b, 0o644)
	if why := resultDamage(dir, m); why != "" {
		t.Errorf("changed at its size: the run's check says %q, want it to pass", why)
	}
	var damaged *DamagedResultsError
	if err := CheckResults(dir, m, files); !errors.As(err, &damaged) || err.Error() != path+" does not match its SHA-256 in summary.json: changed since it was written; run the same command again with --force, which assembles the result files again from parts/" {
		t.Errorf("changed at its size: %v, want a *DamagedResultsError", err)
	}
	os.WriteFile(path, b[:len(b)-1], 0o644)
	if err := CheckResults(dir, m, files); !errors.As(err, &damaged) || !strings.HasPrefix(err.Error(), dir+": memberships.csv has ") ||
		!strings.HasSuffix(err.Error(), "(cut short or changed since it was written); run the same command again, which assembles the result files again from parts/") {
		t.Errorf("cut: %v", err)
	}
	// Without every part (a merged directory keeps none) the files cannot
	// be assembled again there: the shards are merged again.
	os.RemoveAll(filepath.Join(dir, "parts"))
	if err := CheckResults(dir, m, files); err == nil || !strings.HasSuffix(err.Error(), "; its parts/ lacks chunks to assemble the files from: merge the shards again into it, or remove it and run the work again") {
		t.Errorf("cut, without parts: %v", err)
	}
}

// checkSums refuses a size below 0 and a checksum that is not a SHA-256,
// naming the first such file by name.
func TestCheckSums(t *testing.T) {
	good := FileSum{SHA256: strings.Repeat("ab", 32)}
	if err := checkSums(map[string]FileSum{"a": good, "b": {}}); err == nil || err.Error() != `b: 0 bytes, sha256 ""; allowed: a size ≥ 0 and a SHA-256` {
		t.Errorf("no checksum: %v", err)
	}
	if err := checkSums(map[string]FileSum{"z": {Bytes: -1, SHA256: good.SHA256}, "y": {SHA256: strings.ToUpper(good.SHA256)}}); err == nil || !strings.HasPrefix(err.Error(), "y: ") {
		t.Errorf("two bad, the first by name: %v", err)
	}
	if err := checkSums(map[string]FileSum{"a": good}); err != nil {
		t.Error(err)
	}
}

// VerifyResults reads the record from summary.json itself: it passes
// finished work, and refuses a changed file and a summary.json that is
// not one whole JSON object, naming it.
func TestVerifyResults(t *testing.T) {
	finished := done(t)
	m, err := ReadManifest(finished)
	if err != nil {
		t.Fatal(err)
	}
	if err := VerifyResults(finished, m); err != nil {
		t.Fatalf("finished work: %v", err)
	}
	dir := copyOf(t, finished)
	path := filepath.Join(dir, "runs.csv")
	b, _ := os.ReadFile(path)
	b[0] ^= 1
	os.WriteFile(path, b, 0o644)
	if err := VerifyResults(dir, m); err == nil || !strings.HasPrefix(err.Error(), path+" does not match its SHA-256") {
		t.Errorf("runs.csv changed at its size: %v", err)
	}
	summary := filepath.Join(dir, "summary.json")
	os.WriteFile(summary, []byte("{}{}"), 0o644)
	if err := VerifyResults(dir, m); err == nil || err.Error() != summary+": more after the value" {
		t.Errorf("summary.json of two objects: %v", err)
	}
}
