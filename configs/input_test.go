package configs

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Only regular files are read: a device (here /dev/null, which reads as
// empty; /dev/zero would be read until memory ran out), a directory or a
// named pipe (which would block forever) is refused, as a scenario, as an
// extends target and as an experiment, naming the path.
func TestInputsMustBeRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	// Should a regression block on the pipe, a writer releases it.
	defer func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}()
	ext := filepath.Join(dir, "ext.toml")
	for _, c := range []struct{ path, kind string }{{"/dev/null", "a device"}, {dir, "a directory"}, {fifo, "a named pipe (FIFO)"}} {
		done := make(chan error, 3)
		go func() {
			_, err := LoadFile(c.path)
			done <- err
			_, err = LoadExperiment(c.path)
			done <- err
			os.WriteFile(ext, []byte("extends = \""+c.path+"\"\n"), 0o644)
			_, err = LoadFile(ext)
			done <- err
		}()
		for i := 0; i < 3; i++ {
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: reading it blocked", c.path)
			}
			if err == nil || !strings.Contains(err.Error(), c.kind+", not a regular file") || !strings.Contains(err.Error(), c.path) {
				t.Errorf("%s (%d): want a refusal naming it %s, got %v", c.path, i, c.kind, err)
			}
		}
	}
}

// A file larger than MaxFileSize is refused before it is read, as a
// scenario, an extends target or an experiment, and so is text of that
// size handed to Parse.
func TestInputSizeCapped(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(16<<20 + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	ext := filepath.Join(dir, "ext.toml")
	os.WriteFile(ext, []byte("extends = \"big.toml\"\n"), 0o644)
	_, err1 := LoadFile(big)
	_, err2 := LoadExperiment(big)
	_, err3 := LoadFile(ext)
	for i, err := range []error{err1, err2, err3} {
		if err == nil || !strings.Contains(err.Error(), "at most 16 MiB") {
			t.Errorf("%d: want a refusal naming the 16 MiB limit, got %v", i, err)
		}
	}
	if !strings.Contains(err3.Error(), "ext.toml:1: extends") {
		t.Errorf("the extends error should be located: %v", err3)
	}
	_, err = Parse("huge.toml", make([]byte, 16<<20+1))
	var list Errors
	if !errors.As(err, &list) || !strings.Contains(err.Error(), "huge.toml") || !strings.Contains(err.Error(), "16 MiB") {
		t.Errorf("Parse of more than 16 MiB: %v", err)
	}
}
