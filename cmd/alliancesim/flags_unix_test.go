//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A file written by renaming a temporary one over its path would replace
// a symbolic link, a named pipe or a device with a regular file (calibrate
// --out /dev/null did, as root): such an --out or --png is refused.
func TestOutFileMustBeRegular(t *testing.T) {
	tmp := t.TempDir()
	link, fifo := filepath.Join(tmp, "link.md"), filepath.Join(tmp, "fifo")
	if err := os.Symlink(filepath.Join(tmp, "target.md"), link); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"calibrate", "--out", link}, "--out " + link + " is a symbolic link, which writing would replace with a regular file"},
		{[]string{"calibrate", "--out", fifo}, "--out " + fifo + " is a named pipe"},
		{[]string{"map", "asia-1950", "--png", fifo}, "--png " + fifo + " is a named pipe"},
	} {
		if _, err := execute(t, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want …%s…", c.args, err, c.want)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v", err)
	}
}
