//go:build unix

package input

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe and a device are refused without blocking.
func TestReadFileRefusesPipesAndDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        "read " + fifo + ": a named pipe (FIFO), not a regular file; allowed: a regular file",
		"/dev/null": "read /dev/null: a device, not a regular file; allowed: a regular file",
	} {
		if _, err := ReadFile(path); err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}
