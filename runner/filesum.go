package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/alliancesim/alliancesim/internal/input"
)

// FileSum is a file's size and SHA-256 as it was written: what done.json
// of a part records for each of the part's files, and what summary.json of
// an output directory records for each other result file (Summary.Files).
type FileSum struct {
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// summedWriter writes to w, counting and hashing what w took.
type summedWriter struct {
	w io.Writer
	h hash.Hash
	n int64
}

func newSummedWriter(w io.Writer) *summedWriter { return &summedWriter{w: w, h: sha256.New()} }

func (s *summedWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	s.h.Write(p[:n])
	s.n += int64(n)
	return n, err
}

// sum is the size and SHA-256 of what was written so far.
func (s *summedWriter) sum() FileSum {
	return FileSum{Bytes: s.n, SHA256: hex.EncodeToString(s.h.Sum(nil))}
}

// checkSums refuses a record with a size below 0 or a checksum that is
// not a SHA-256: the first such file in name order, the same every time.
func checkSums(files map[string]FileSum) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if f := files[name]; f.Bytes < 0 || !isSHA256(f.SHA256) {
			return fmt.Errorf("%s: %d bytes, sha256 %q; allowed: a size ≥ 0 and a SHA-256", name, f.Bytes, f.SHA256)
		}
	}
	return nil
}

// recordDamage compares the result files of dir with files, the record of
// summary.json, by their sizes: it must list every result file of the
// work m describes but summary.json itself, and nothing else. It says
// what is wrong, or returns "". A file cut short or grown is found so
// however it was cut, at a line's end too, without reading it.
func recordDamage(dir string, m *Manifest, files map[string]FileSum) string {
	if files == nil {
		return "summary.json has no record of the result files' sizes and checksums (edited?)"
	}
	if err := checkSums(files); err != nil {
		return fmt.Sprintf("summary.json's record of the result files is damaged (%v)", err)
	}
	names := recordedNames(m)
	for _, name := range names {
		want, ok := files[name]
		if !ok {
			return "summary.json does not list " + name + " in its record of the result files (edited?)"
		}
		fi, err := os.Lstat(filepath.Join(dir, name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return name + " is missing"
		case err != nil:
			return fmt.Sprintf("%s cannot be read (%v)", name, err)
		case !fi.Mode().IsRegular():
			return name + " is not a regular file"
		case fi.Size() != want.Bytes:
			return fmt.Sprintf("%s has %d bytes, where summary.json records %d (cut short or changed since it was written)", name, fi.Size(), want.Bytes)
		}
	}
	if len(files) > len(names) {
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if !slices.Contains(names, name) {
				return "summary.json's record lists " + name + ", not one of this work's other result files (edited?)"
			}
		}
	}
	return ""
}

// CheckResults checks every result file of dir, written for the work m
// describes, against files, the record of its summary.json
// (Summary.Files): each listed, at its size, and with its SHA-256, every
// byte read. So a file changed since it was written is found wherever
// the change is, as a part's files are against its done.json; the run
// that finds a directory complete compares the sizes only (a file cut
// short, at a line's end too, is found there and assembled again). Such
// an error is a *DamagedResultsError, and says what to do.
func CheckResults(dir string, m *Manifest, files map[string]FileSum) error {
	if why := recordDamage(dir, m, files); why != "" {
		return &DamagedResultsError{fmt.Sprintf("%s: %s; %s", dir, why, mend(dir, m, false))}
	}
	for _, name := range recordedNames(m) {
		path := filepath.Join(dir, name)
		got, err := sumFile(path)
		if err != nil {
			return err
		}
		if got != files[name] {
			return &DamagedResultsError{fmt.Sprintf("%s does not match its SHA-256 in summary.json: changed since it was written; %s", path, mend(dir, m, true))}
		}
	}
	return nil
}

// DamagedResultsError is CheckResults' error for result files that do
// not match summary.json's record of them: its message says what is
// wrong and what to do about it, and needs no other advice.
type DamagedResultsError struct{ msg string }

func (e *DamagedResultsError) Error() string { return e.msg }

// mend says how to mend the damaged result files of dir: with every part
// there, the same command assembles them again from parts/ (with --force
// where the damage is a file changed at its size, which the command's
// own check of sizes passes); a merged directory keeps no parts, and
// --force leaves complete work in it as it is: its shards are merged
// again, or the work run again from nothing.
func mend(dir string, m *Manifest, atSize bool) string {
	if done, total := countParts(dir, m); done < total {
		return "its parts/ lacks chunks to assemble the files from: merge the shards again into it, or remove it and run the work again"
	}
	if atSize {
		return "run the same command again with --force, which assembles the result files again from parts/"
	}
	return "run the same command again, which assembles the result files again from parts/"
}

// recordedNames are the result files that summary.json's record lists:
// every one the work m describes writes but summary.json itself.
func recordedNames(m *Manifest) []string {
	return slices.DeleteFunc(resultNames(m), func(name string) bool { return name == "summary.json" })
}

// VerifyResults is CheckResults against the record that dir's
// summary.json keeps, read token by token: a sweep's summary.json may be
// too large to decode whole for its record alone.
func VerifyResults(dir string, m *Manifest) error {
	f, err := input.OpenRegular(filepath.Join(dir, "summary.json"))
	if err != nil {
		return err
	}
	defer f.Close()
	files, err := summaryRecord(f)
	if err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(dir, "summary.json"), err)
	}
	return CheckResults(dir, m, files)
}

// sumFile is the size and SHA-256 of the regular file at path.
func sumFile(path string) (FileSum, error) {
	f, err := input.OpenRegular(path)
	if err != nil {
		return FileSum{}, err
	}
	defer f.Close()
	s := newSummedWriter(io.Discard)
	if _, err := io.Copy(s, f); err != nil {
		return FileSum{}, fmt.Errorf("%s: %w", path, err)
	}
	return s.sum(), nil
}
