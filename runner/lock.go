package runner

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/alliancesim/alliancesim/internal/input"
)

// An output directory is written by one process at a time. The writer
// holds dir/.alliancesim-lock, created exclusively, which names it: process
// id, host and start time. Another writer is refused with those, instead
// of failing later on "rename … file exists" or mixing its chunks in. A
// lock whose process is gone from this host (killed, say), or that names
// this very process though it does not hold it (a restarted container's
// PID 1), is taken over; one from another host is left to the user to
// remove, as its process cannot be checked.
const lockFile = ".alliancesim-lock"

// held holds the contents of the lock files this process holds. A lock
// naming this process's id and host with other contents was left by an
// earlier process given the same id — in a container every process is
// PID 1 — and is stale.
var held sync.Map

// lockHolder is what the lock file says.
type lockHolder struct {
	PID     int      `json:"pid"`
	Host    string   `json:"host"`
	Started string   `json:"started"`
	Command []string `json:"command,omitempty"`
}

// lockDir makes dir if need be and takes its lock; release gives it back.
func lockDir(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, lockFile)
	host, _ := os.Hostname()
	me := lockHolder{PID: os.Getpid(), Host: host, Started: time.Now().UTC().Format(time.RFC3339), Command: os.Args}
	body := mustJSONIndent(me)
	for try := 0; ; try++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = f.Write(body)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(path)
				return nil, err
			}
			held.Store(string(body), true)
			return func() {
				if b, err := os.ReadFile(path); err == nil && string(b) == string(body) {
					os.Remove(path)
				}
				held.Delete(string(body))
			}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		holder, stale, content := readLock(path, host)
		if !stale || try > 0 {
			return nil, fmt.Errorf("%s is being written by %s; wait for it to finish, or, if that process is gone, remove %s", dir, holder, path)
		}
		if beforeTakeover != nil {
			beforeTakeover()
		}
		if err := takeOver(path, content); err != nil {
			return nil, err
		}
	}
}

// beforeTakeover, if set, runs between judging a lock stale and taking it
// over: a test puts another writer's lock in its place there.
var beforeTakeover func()

// takeOver removes the lock at path if it still holds content, the lock
// judged stale. It is first renamed aside, atomically, so that of two
// processes that judged the same lock stale only one removes it; a lock
// found there instead (another writer's, created since) is put back. The
// caller then tries to create its own: it fails if a lock is there again.
func takeOver(path, content string) error {
	aside := filepath.Join(filepath.Dir(path), fmt.Sprintf("%s%s-%08x", tmpPrefix, lockFile, rand.Uint32()))
	if err := os.Rename(path, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed by another process already
		}
		return err
	}
	if b, err := os.ReadFile(aside); err == nil && string(b) == content {
		return os.Remove(aside)
	}
	// Not the stale lock: put it back, unless a lock is there again.
	if err := os.Link(aside, path); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return os.Remove(aside)
}

// readLock describes the holder of a lock, says whether the lock is
// stale — its process is gone from this host, or the file was left
// unreadable by a process killed while writing it a while ago — and
// returns what the file held.
func readLock(path, host string) (who string, stale bool, content string) {
	b, err := input.ReadFile(path)
	content = string(b)
	var h lockHolder
	if err != nil || json.Unmarshal(b, &h) != nil || h.PID <= 0 {
		fi, serr := os.Stat(path)
		old := serr == nil && time.Since(fi.ModTime()) > time.Minute
		return "another process (its lock file is unreadable)", old, content
	}
	who = fmt.Sprintf("process %d on %s since %s", h.PID, h.Host, h.Started)
	if len(h.Command) > 0 {
		who += fmt.Sprintf(" (%s)", strings.Join(h.Command, " "))
	}
	if h.Host == host && h.PID == os.Getpid() {
		_, mine := held.Load(content)
		return who, !mine, content
	}
	return who, h.Host == host && !processAlive(h.PID), content
}
