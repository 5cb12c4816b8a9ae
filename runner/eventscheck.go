package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/alliancesim/alliancesim/internal/input"
)

// CheckEvents checks dir's events.jsonl, byte for byte, against its
// finished parts: assembling writes each part's events.jsonl in chunk
// order, and each part's done.json records that file's size and
// SHA-256, so a file cut short or edited is found wherever the change is.
// It returns false and no error where there is nothing to check against:
// work written without events, or a directory that keeps no parts (a
// merged one).
func CheckEvents(dir string) (checked bool, err error) {
	m, err := ReadManifest(dir)
	if err != nil {
		return false, err
	}
	if !m.Events {
		return false, nil
	}
	path := filepath.Join(dir, "events.jsonl")
	f, err := input.OpenRegular(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	var at int64
	for k := 0; k < m.chunkCount(); k++ {
		ch := m.chunkAt(k)
		part := filepath.Join(dir, "parts", ch.name())
		done, err := readDone(part, ch)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil // no parts kept (merged), or not all
		}
		if err != nil {
			return false, err
		}
		want, err := listedSum(part, done, "events.jsonl")
		if err != nil {
			return false, err
		}
		h := sha256.New()
		n, err := io.CopyN(h, f, want.Bytes)
		if err != nil && !errors.Is(err, io.EOF) {
			return false, err
		}
		if n != want.Bytes || hex.EncodeToString(h.Sum(nil)) != want.SHA256 {
			return false, fmt.Errorf("%s: bytes %d to %d are not the events of part %s (their size and SHA-256 in its %s): the file is cut short or changed",
				path, at, at+want.Bytes, ch.name(), doneFile)
		}
		at += n
	}
	if n, _ := io.Copy(io.Discard, f); n > 0 {
		return false, fmt.Errorf("%s: %d bytes after the events of the last part: the file is changed", path, n)
	}
	return true, nil
}
