package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Two writers into one --out: the second is refused with who holds the
// directory (it used to fail on "rename … file exists", or mix chunks).
func TestConcurrentWritersRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	started, release := make(chan struct{}), make(chan struct{})
	first := make(chan error, 1)
	go func() {
		once := false
		first <- Execute(context.Background(), plan(t), dir, ExecOptions{Workers: 1, Progress: func(int, int) {
			if !once {
				once = true
				close(started)
				<-release
			}
		}})
	}()
	<-started
	host, _ := os.Hostname()
	want := fmt.Sprintf("is being written by process %d on %s since", os.Getpid(), host)
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{Resume: true}); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("second writer: want …%s…, got %v", want, err)
	}
	if err := Assemble([]string{dir}, dir); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a merge into it: want …%s…, got %v", want, err)
	}
	if err := Assemble([]string{dir}, filepath.Join(t.TempDir(), "m")); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a merge of it: want …%s…, got %v", want, err)
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatalf("the first writer: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, lockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock should be gone once the writer is done: %v", err)
	}
}

// A lock left by a process that is gone from this host (killed) is taken
// over; one from another host is reported, with how to remove it.
func TestStaleLock(t *testing.T) {
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip(err)
	}
	host, _ := os.Hostname()
	for _, c := range []struct {
		holder lockHolder
		want   string
	}{
		{lockHolder{PID: gone.Process.Pid, Host: host, Started: "2024-01-01T00:00:00Z"}, ""},
		{lockHolder{PID: gone.Process.Pid, Host: "elsewhere.example", Started: "2024-01-01T00:00:00Z", Command: []string{"alliancesim", "run", "generic"}},
			"being written by process " + fmt.Sprint(gone.Process.Pid) + " on elsewhere.example since 2024-01-01T00:00:00Z (alliancesim run generic); wait for it to finish, or, if that process is gone, remove"},
	} {
		dir := filepath.Join(t.TempDir(), "d")
		os.MkdirAll(dir, 0o755)
		b, _ := json.Marshal(c.holder)
		os.WriteFile(filepath.Join(dir, lockFile), b, 0o644)
		err := Execute(context.Background(), plan(t), dir, ExecOptions{})
		if c.want == "" && err != nil {
			t.Errorf("a dead process's lock should be taken over: %v", err)
		}
		if c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("another host's lock: want …%s…, got %v", c.want, err)
		}
	}
}

// Temporary files a killed run left (a half-written chunk, a 10 MB
// half-assembled events.jsonl) are removed by the next run into the
// directory; files not ours are left alone. A directory holding only what
// a run killed before its manifest leaves is not taken for someone else's.
func TestStaleTempsCleaned(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	ctx, cancel := context.WithCancel(context.Background())
	Execute(ctx, plan(t), dir, ExecOptions{Workers: 1, Progress: func(done, _ int) {
		if done == 7 {
			cancel()
		}
	}})
	// (.tmp-report.html-…: the report's own temporary file, report.Write)
	leftovers := []string{"parts/.tmp-p00000-r0000005-0000010-0badf00d", ".tmp-events.jsonl-12345678", ".tmp-summary.json-9abcdef0", ".tmp-points.json-0f0f0f0f",
		".tmp-report.html-87654321"}
	for _, l := range leftovers {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, l)), 0o755)
		os.WriteFile(filepath.Join(dir, l), make([]byte, 1<<20), 0o644)
	}
	mine := []string{filepath.Join(dir, ".tmp-mine"), filepath.Join(dir, ".tmp-runs.csv.old")}
	for _, f := range mine {
		os.WriteFile(f, []byte("mine"), 0o644)
	}
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{Resume: true}); err != nil {
		t.Fatal(err)
	}
	for _, l := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, l)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left behind", l)
		}
	}
	for _, f := range mine {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("a file not ours was removed: %v", err)
		}
	}

	killed := filepath.Join(t.TempDir(), "k")
	os.MkdirAll(filepath.Join(killed, "parts"), 0o755)
	os.WriteFile(filepath.Join(killed, ".tmp-manifest.json-01234567"), []byte("{"), 0o644)
	if err := Execute(context.Background(), plan(t), killed, ExecOptions{}); err != nil {
		t.Errorf("a directory with only a killed start's leftovers: %v", err)
	}
}

// A lock file that cannot be read — a process killed while writing it, or
// one that names process 0 — is another writer's while it is fresh, and
// taken over once it is more than a minute old.
func TestUnreadableLock(t *testing.T) {
	host, _ := os.Hostname()
	for _, body := range []string{"{", fmt.Sprintf(`{"pid": 0, "host": %q, "started": "2024-01-01T00:00:00Z"}`, host)} {
		dir := filepath.Join(t.TempDir(), "d")
		os.MkdirAll(dir, 0o755)
		lock := filepath.Join(dir, lockFile)
		os.WriteFile(lock, []byte(body), 0o644)
		want := dir + " is being written by another process (its lock file is unreadable); wait for it to finish, or, if that process is gone, remove " + lock
		if _, err := lockDir(dir); err == nil || err.Error() != want {
			t.Errorf("%s, fresh:\n got %v\nwant %s", body, err, want)
		}
		old := time.Now().Add(-2 * time.Minute)
		if err := os.Chtimes(lock, old, old); err != nil {
			t.Fatal(err)
		}
		release, err := lockDir(dir)
		if err != nil {
			t.Errorf("%s, two minutes old: %v", body, err)
			continue
		}
		release()
	}
}

// The lock names its holder — this process, host, start and command —
// and is released only by it: a lock file another writer has put in its
// place since (having taken this one over as stale, say) is left alone.
func TestLockNamesItsHolderAndIsReleasedByIt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	release, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(dir, lockFile)
	var h lockHolder
	b, _ := os.ReadFile(lock)
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	if _, err := time.Parse(time.RFC3339, h.Started); h.PID != os.Getpid() || h.Host != host || !slices.Equal(h.Command, os.Args) || err != nil {
		t.Errorf("the lock says %+v (%v); want pid %d on %s, a start time and %v", h, err, os.Getpid(), host, os.Args)
	}
	other := []byte(`{"pid": 1, "host": "elsewhere.example", "started": "2024-01-01T00:00:00Z"}`)
	os.WriteFile(lock, other, 0o644)
	release()
	if b, _ := os.ReadFile(lock); string(b) != string(other) {
		t.Errorf("release removed or changed another writer's lock: %q", b)
	}
}

// A lock naming this very process, which it does not hold, was left by an
// earlier process with the same id (a restarted container's PID 1, killed
// before it could release it) and is taken over; one it holds is not.
func TestLockOfThisPIDNotHeldIsStale(t *testing.T) {
	host, _ := os.Hostname()
	dir := filepath.Join(t.TempDir(), "d")
	os.MkdirAll(dir, 0o755)
	b, _ := json.Marshal(lockHolder{PID: os.Getpid(), Host: host, Started: "2024-01-01T00:00:00Z", Command: []string{"alliancesim", "sweep"}})
	os.WriteFile(filepath.Join(dir, lockFile), b, 0o644)
	release, err := lockDir(dir)
	if err != nil {
		t.Fatalf("a lock of this pid that this process does not hold: %v", err)
	}
	defer release()
	if _, err := lockDir(dir); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("is being written by process %d", os.Getpid())) {
		t.Errorf("a lock this process holds, asked for again: %v", err)
	}
}

// Two writers that judge the same lock stale: the one that takes it over
// second finds the first's fresh lock in its place, puts it back and is
// refused, instead of removing it and writing beside it.
func TestTakeoverLeavesAFreshLock(t *testing.T) {
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Skip(err)
	}
	host, _ := os.Hostname()
	dir := filepath.Join(t.TempDir(), "d")
	os.MkdirAll(dir, 0o755)
	lock := filepath.Join(dir, lockFile)
	stale, _ := json.Marshal(lockHolder{PID: gone.Process.Pid, Host: host, Started: "2024-01-01T00:00:00Z"})
	fresh, _ := json.Marshal(lockHolder{PID: 1, Host: "elsewhere.example", Started: "2024-01-01T00:00:01Z"})
	os.WriteFile(lock, stale, 0o644)
	beforeTakeover = func() { os.WriteFile(lock, fresh, 0o644) } // the other writer took it over first
	defer func() { beforeTakeover = nil }()
	if _, err := lockDir(dir); err == nil || !strings.Contains(err.Error(), "on elsewhere.example") {
		t.Errorf("taking over a lock replaced since: want a refusal naming its writer, got %v", err)
	}
	if b, _ := os.ReadFile(lock); string(b) != string(fresh) {
		t.Errorf("the other writer's lock was not put back: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want the lock alone", len(entries))
	}
	// Without the race the stale lock is taken over, and nothing is left
	// beside the new one.
	beforeTakeover = nil
	os.WriteFile(lock, stale, 0o644)
	release, err := lockDir(dir)
	if err != nil {
		t.Fatalf("a stale lock: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory after a takeover, want the lock alone", len(entries))
	}
	release()
}

// A lock written in another PID namespace of this host (another
// container, as PID 1 too, say) cannot be judged by its process id: it is
// respected while refreshed within lockLease and taken over after; one
// written before the host last booted is stale; one of this namespace
// and boot is judged as before.
func TestLockFromAnotherNamespace(t *testing.T) {
	ns, boot := processIdentity()
	if ns == "" || boot == "" {
		t.Skip("no PID namespace or boot id on this system")
	}
	host, _ := os.Hostname()
	write := func(h lockHolder, age time.Duration) string {
		dir := filepath.Join(t.TempDir(), "d")
		os.MkdirAll(dir, 0o755)
		b, _ := json.Marshal(h)
		path := filepath.Join(dir, lockFile)
		os.WriteFile(path, b, 0o644)
		then := time.Now().Add(-age)
		os.Chtimes(path, then, then)
		return dir
	}
	other := lockHolder{PID: os.Getpid(), Host: host, Started: "2026-01-01T00:00:00Z", Namespace: "pid:[1]", Boot: boot}
	for _, c := range []struct {
		name   string
		holder lockHolder
		age    time.Duration
		stale  bool
	}{
		{"another namespace, refreshed a second ago", other, time.Second, false},
		{"another namespace, not refreshed for longer than the lease", other, lockLease + time.Minute, true},
		{"another namespace of an earlier boot", func() lockHolder { h := other; h.Boot = "an-earlier-boot"; return h }(), time.Second, true},
		{"this namespace, this process id, not held", func() lockHolder { h := other; h.Namespace = ns; return h }(), time.Second, true},
	} {
		dir := write(c.holder, c.age)
		release, err := lockDir(dir)
		if c.stale != (err == nil) {
			t.Errorf("%s: stale %v, got %v", c.name, c.stale, err)
		}
		if err == nil {
			release()
		} else if !strings.Contains(err.Error(), "in another PID namespace (its lock is taken over once not refreshed for 2m0s)") {
			t.Errorf("%s: %v, want the namespace named", c.name, err)
		}
	}
}

// Two locks this process holds with the same contents (taken in one
// second) are each its own: releasing one leaves the other held, so a
// third writer into the second directory is refused, not let take it over
// as stale.
func TestLocksWithTheSameContents(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	var releaseA, releaseB func()
	for range 5 { // until both are taken in the same second
		var err error
		if releaseA, err = lockDir(a); err != nil {
			t.Fatal(err)
		}
		if releaseB, err = lockDir(b); err != nil {
			t.Fatal(err)
		}
		ba, _ := os.ReadFile(filepath.Join(a, lockFile))
		bb, _ := os.ReadFile(filepath.Join(b, lockFile))
		if string(ba) == string(bb) {
			break
		}
		releaseA()
		releaseB()
		releaseA, releaseB = nil, nil
	}
	if releaseA == nil {
		t.Skip("could not take two locks in one second")
	}
	releaseA()
	defer releaseB()
	if _, err := lockDir(b); err == nil || !strings.Contains(err.Error(), "is being written by process") {
		t.Errorf("a third writer into b, whose lock this process still holds: %v", err)
	}
}

// One directory named two ways (through a link) is one lock: this process
// holding it under one name is refused it under the other, not let take
// it over as another's stale lock.
func TestLockThroughALink(t *testing.T) {
	base := t.TempDir()
	real, link := filepath.Join(base, "real"), filepath.Join(base, "link")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	release, err := Lock(real)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if again, err := Lock(link); !errors.Is(err, ErrBusy) {
		if again != nil {
			again()
		}
		t.Errorf("the same directory through a link: %v, want ErrBusy", err)
	}
}

// A writer refreshes its lock while it holds it, so that a writer in
// another PID namespace does not take it for stale.
func TestLockRefreshedWhileHeld(t *testing.T) {
	beat := lockBeat
	lockBeat = 10 * time.Millisecond
	defer func() { lockBeat = beat }()
	dir := filepath.Join(t.TempDir(), "d")
	release, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, lockFile)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(path, old, old)
	deadline := time.Now().Add(5 * time.Second)
	for {
		fi, err := os.Stat(path)
		if err == nil && fi.ModTime().After(old.Add(time.Minute)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the lock was not refreshed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	release()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock should be gone once released: %v", err)
	}
}
