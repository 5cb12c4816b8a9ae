package runner

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/alliancesim/alliancesim/internal/input"
)

// resultNames are the result files that assembling the work m describes
// writes, summary.json last.
func resultNames(m *Manifest) []string {
	names := []string{"alliances.csv", "memberships.csv", "runs.csv", "survival.csv"}
	if m.Events {
		names = append(names, "events.jsonl")
	}
	if m.seriesOn() {
		names = append(names, "series.csv")
	}
	if len(m.Vary) > 0 {
		names = append(names, "points.csv")
	}
	return append(names, "summary.json")
}

// resultDamage says what is wrong with the result files of dir, written
// for the work m describes, or returns "" if nothing is found: a
// summary.json that is not whole JSON, or whose record of the other
// files (Summary.Files) is missing or damaged, and a file missing, not a
// regular file, or not of the size recorded (recordDamage). These are
// what a crash, a full disk or a hand that cut or removed a file leave,
// and they are found without reading the files; a file changed in place
// at its size is found by CheckResults, which reads every byte (the
// report does), and --force assembles every file again (prepareDir).
func resultDamage(dir string, m *Manifest) string {
	f, err := input.OpenRegular(filepath.Join(dir, "summary.json"))
	if err != nil {
		return fmt.Sprintf("summary.json cannot be read (%v)", err)
	}
	defer f.Close()
	files, err := summaryRecord(f)
	if err != nil {
		return fmt.Sprintf("summary.json is not whole JSON (%v)", err)
	}
	return recordDamage(dir, m, files)
}

// summaryRecord reads summary.json from r, one JSON object, token by
// token (a sweep's summary may be larger than any input file is allowed
// to be), and returns its record of the result files, its top-level key
// "files" (nil where it has none). It says why r does not hold one whole
// object with nothing after it.
func summaryRecord(r io.Reader) (map[string]FileSum, error) {
	dec := json.NewDecoder(bufio.NewReader(r))
	if tok, err := dec.Token(); err != nil {
		return nil, err
	} else if tok != json.Delim('{') {
		return nil, fmt.Errorf("%v where an object begins", tok)
	}
	var files map[string]FileSum
	for dec.More() {
		key, err := dec.Token() // a key: the decoder refuses anything else here
		if err != nil {
			return nil, err
		}
		if key == "files" {
			if err := dec.Decode(&files); err != nil {
				return nil, fmt.Errorf("files: %v", err)
			}
			continue
		}
		if err := skipValue(dec); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != nil { // the object's '}'
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more after the value")
	}
	return files, nil
}

// skipValue reads the next JSON value from dec, token by token.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}
