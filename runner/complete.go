package runner

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
// for the work m describes, or returns "" if nothing is found: a file
// missing or not a regular file, a CSV or JSON-lines file that ends
// within a line, an empty CSV, a summary.json that is not JSON, a
// runs.csv without one row per run of every point. A file cut at a
// line's end, other than runs.csv, passes; --force assembles the files
// again (prepareDir). These are what a crash, a full disk or a hand that
// cut or removed a file leave; a file whose every byte is checked is
// report's to read (report.Read).
func resultDamage(dir string, m *Manifest) string {
	for _, name := range resultNames(m) {
		path := filepath.Join(dir, name)
		fi, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return name + " is missing"
		case err != nil:
			return fmt.Sprintf("%s cannot be read (%v)", name, err)
		case !fi.Mode().IsRegular():
			return name + " is not a regular file"
		}
		ext := filepath.Ext(name)
		switch {
		case name == "runs.csv" || (ext != ".csv" && ext != ".jsonl"):
			// runs.csv: its rows are counted below
		case fi.Size() == 0 && ext == ".csv":
			return name + " is empty; every CSV the tool writes has a header"
		case fi.Size() > 0:
			if cut, err := endsMidLine(path, fi.Size()); err != nil {
				return fmt.Sprintf("%s cannot be read (%v)", name, err)
			} else if cut {
				return name + " ends mid-line (cut short?)"
			}
		}
	}
	if err := wholeJSON(filepath.Join(dir, "summary.json")); err != nil {
		return fmt.Sprintf("summary.json is not whole JSON (%v)", err)
	}
	rows, complete, err := countLines(filepath.Join(dir, "runs.csv"))
	if err != nil {
		return fmt.Sprintf("runs.csv cannot be read (%v)", err)
	}
	if !complete {
		return "runs.csv ends mid-row (cut short?)"
	}
	if want := m.Runs * len(m.Points); rows-1 != want {
		return fmt.Sprintf("runs.csv has %d rows; the work has %d runs", max(rows-1, 0), want)
	}
	return ""
}

// endsMidLine reports whether the file at path, of size bytes (more than
// none), a CSV or JSON-lines file, ends without a newline: every line the
// tool writes ends with one, so its last byte is enough to tell a file
// cut within a line, however large it is.
func endsMidLine(path string, size int64) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, size-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// wholeJSON reads one JSON value from path, token by token (a sweep's
// summary may be larger than any input file is allowed to be), and says
// why it is not one whole value with nothing after it.
func wholeJSON(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
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
			break
		}
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more after the value")
	}
	return nil
}

// countLines counts the lines of path, and says whether its last line
// ends with a newline (an empty file is complete, with no lines).
func countLines(path string) (lines int, complete bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false, err
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	last := byte('\n')
	for {
		n, err := f.Read(buf)
		if n > 0 {
			lines += bytes.Count(buf[:n], []byte("\n"))
			last = buf[n-1]
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, false, err
		}
	}
	if last != '\n' {
		lines++
	}
	return lines, last == '\n', nil
}
