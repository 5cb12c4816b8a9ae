package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
		{lockHolder{PID: gone.Process.Pid, Host: "elsewhere.example", Started: "2024-01-01T00:00:00Z"}, "being written by process " + fmt.Sprint(gone.Process.Pid) + " on elsewhere.example since 2024-01-01T00:00:00Z; wait for it to finish, or, if that process is gone, remove"},
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
	leftovers := []string{"parts/.tmp-p00000-r0000005-0000010-0badf00d", ".tmp-events.jsonl-12345678", ".tmp-summary.json-9abcdef0"}
	for _, l := range leftovers {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, l)), 0o755)
		os.WriteFile(filepath.Join(dir, l), make([]byte, 1<<20), 0o644)
	}
	mine := filepath.Join(dir, ".tmp-mine")
	os.WriteFile(mine, []byte("mine"), 0o644)
	if err := Execute(context.Background(), plan(t), dir, ExecOptions{Resume: true}); err != nil {
		t.Fatal(err)
	}
	for _, l := range leftovers {
		if _, err := os.Stat(filepath.Join(dir, l)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left behind", l)
		}
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file not ours was removed: %v", err)
	}

	killed := filepath.Join(t.TempDir(), "k")
	os.MkdirAll(filepath.Join(killed, "parts"), 0o755)
	os.WriteFile(filepath.Join(killed, ".tmp-manifest.json-01234567"), []byte("{"), 0o644)
	if err := Execute(context.Background(), plan(t), killed, ExecOptions{}); err != nil {
		t.Errorf("a directory with only a killed start's leftovers: %v", err)
	}
}
