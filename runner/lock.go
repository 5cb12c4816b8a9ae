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
// this very process though it does not hold it (a process restarted in
// the same PID namespace), is taken over; one from another host is left
// to the user to remove, as its process cannot be checked.
//
// A process id means something only in its PID namespace: two containers
// on one host name (host networking, or pods that share a name) may both
// be PID 1, and the id of one says nothing of the other from inside it.
// So the lock names the writer's PID namespace and the host's boot, where
// the system gives them (Linux), and a lock written in another namespace
// of the same boot is judged by its age instead: its writer refreshes it
// every lockBeat, and one not refreshed for lockLease is stale. A lock
// from an earlier boot (or, on shared storage, from another machine of
// the same host name) is stale. So a container restarted in a new PID
// namespace after its writer was killed is refused, naming the lock and
// its lease, until its predecessor's lock is lockLease old: a wait of up
// to two minutes, where before it took the lock at once — and where two
// live writers could both hold it.
const lockFile = ".alliancesim-lock"

// lockBeat is how often a writer refreshes its lock's modification time;
// lockLease how long a lock from another PID namespace stays valid
// without it. Variables, for tests.
var lockBeat, lockLease = 30 * time.Second, 2 * time.Minute

// processIdentity is this process's PID namespace and the host's boot id,
// each "" where the system does not give it.
func processIdentity() (namespace, boot string) {
	namespace, _ = os.Readlink("/proc/self/ns/pid")
	if b, err := os.ReadFile("/proc/sys/kernel/random/boot_id"); err == nil {
		boot = strings.TrimSpace(string(b))
	}
	return namespace, boot
}

// held holds the lock files this process holds, each by its path and
// contents (heldKey). A lock naming this process's id and host with other
// contents was left by an earlier process given the same id — in a
// container every process is PID 1 — and is stale. Keyed by the path too,
// since two locks taken in one second on two directories have the same
// contents: releasing one must not make the other look stale.
var held sync.Map

// heldKey is held's key for the lock file at path with contents: the
// directory as its links resolve, so that one directory named two ways
// (a link to it, "./d" and "d") is one lock.
func heldKey(path, content string) string {
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return dir + "\x00" + content
}

// lockHolder is what the lock file says.
type lockHolder struct {
	PID     int      `json:"pid"`
	Host    string   `json:"host"`
	Started string   `json:"started"`
	Command []string `json:"command,omitempty"`
	// Namespace and Boot identify the writer's PID namespace and the
	// host's boot (processIdentity); empty where unknown, and in locks
	// written before they were recorded.
	Namespace string `json:"pid_namespace,omitempty"`
	Boot      string `json:"boot,omitempty"`
}

// ErrBusy is the error (errors.Is) of a lock another process holds: its
// message names that process.
var ErrBusy = errors.New("the directory is being written by another process")

// busyError says which process holds a lock; it is ErrBusy.
type busyError string

func (e busyError) Error() string        { return string(e) }
func (e busyError) Is(target error) bool { return target == ErrBusy }

// Lock takes the lock of dir, an existing directory, as a run writing
// into it does; release gives it back. Another process's lock gives
// ErrBusy, its message naming that process. A program that writes a file
// of its own beside a run's results (the HTML report) takes it, so that
// it never writes while a run, merge or reassembly replaces them.
func Lock(dir string) (release func(), err error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	return lockDir(dir)
}

// lockDir makes dir if need be and takes its lock; release gives it back.
func lockDir(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, lockFile)
	host, _ := os.Hostname()
	ns, boot := processIdentity()
	me := lockHolder{PID: os.Getpid(), Host: host, Started: time.Now().UTC().Format(time.RFC3339), Command: os.Args, Namespace: ns, Boot: boot}
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
			key := heldKey(path, string(body))
			held.Store(key, true)
			stop, stopped := make(chan struct{}), make(chan struct{})
			go func() { // the heartbeat a writer in another namespace reads
				defer close(stopped)
				tick := time.NewTicker(lockBeat)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case now := <-tick.C:
						os.Chtimes(path, now, now)
					}
				}
			}()
			return func() {
				close(stop)
				<-stopped
				if b, err := os.ReadFile(path); err == nil && string(b) == string(body) {
					os.Remove(path)
				}
				held.Delete(key)
			}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		holder, stale, content := readLock(path, host)
		if !stale || try > 0 {
			return nil, busyAt(dir, holder)
		}
		if beforeTakeover != nil {
			beforeTakeover()
		}
		if err := takeOver(path, content); err != nil {
			return nil, err
		}
	}
}

// writerOf names the process writing dir, if one is: a lock there that
// is not stale. Merge reads no directory a run is still writing (a shard
// rerun with --force, say), whose chunks could change under it. It only
// looks: an input may be read-only, and a run started after the look is
// not seen.
func writerOf(dir string) (who string, busy bool) {
	path := filepath.Join(dir, lockFile)
	if _, err := os.Lstat(path); err != nil {
		return "", false
	}
	host, _ := os.Hostname()
	who, stale, _ := readLock(path, host)
	return who, !stale
}

// Busy reports, with ErrBusy, that another process is writing dir (a
// lock there that is not stale), naming it; nil if none is, or dir does
// not exist. It only looks, as a command does before long work whose
// results it will write into dir under Lock: a run started after the
// look is not seen, and Lock refuses it then.
func Busy(dir string) error {
	who, busy := writerOf(dir)
	if !busy {
		return nil
	}
	return busyAt(dir, who)
}

// busyAt is the error of dir's lock held by who.
func busyAt(dir, who string) error {
	return busyError(fmt.Sprintf("%s is being written by %s; wait for it to finish, or, if that process is gone, remove %s", dir, who, filepath.Join(dir, lockFile)))
}

// IsLockFile reports whether name is the lock file's name, which a
// directory being written holds beside its results.
func IsLockFile(name string) bool { return name == lockFile }

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
// stale — its process is gone from this host, the host has booted since,
// a lock from another PID namespace of this host was not refreshed for
// lockLease, or the file was left unreadable by a process killed while
// writing it a while ago — and returns what the file held.
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
	if h.Host != host {
		return who, false, content
	}
	ns, boot := processIdentity()
	switch {
	case h.Boot != "" && boot != "" && h.Boot != boot:
		return who, true, content // written before the host last booted
	case h.Namespace != "" && ns != "" && h.Namespace != ns:
		// Its process id cannot be checked from here: its refreshes can.
		fi, err := os.Stat(path)
		age := time.Duration(0)
		if err == nil {
			age = time.Since(fi.ModTime())
		}
		return fmt.Sprintf("%s, in another PID namespace (its lock is taken over once not refreshed for %v)", who, lockLease), err == nil && age > lockLease, content
	case h.PID == os.Getpid():
		_, mine := held.Load(heldKey(path, content))
		return who, !mine, content
	}
	return who, !processAlive(h.PID), content
}
