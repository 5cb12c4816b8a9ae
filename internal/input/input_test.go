package input

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.toml")
	if err := os.WriteFile(small, []byte("a = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(small); err != nil || string(b) != "a = 1\n" {
		t.Fatalf("a small file: %q, %v", b, err)
	}
	// At the limit, read; one byte past it, refused (a sparse file: no
	// disk is used).
	big := filepath.Join(dir, "big.toml")
	for _, c := range []struct {
		size int64
		ok   bool
	}{{MaxFileSize, true}, {MaxFileSize + 1, false}} {
		if err := os.Truncate(big, 0); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		f, err := os.Create(big)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(c.size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		b, err := ReadFile(big)
		switch {
		case c.ok && (err != nil || len(b) != MaxFileSize):
			t.Errorf("%d bytes: %d read, %v", c.size, len(b), err)
		case !c.ok:
			var pe *fs.PathError
			if !errors.As(err, &pe) || pe.Path != big || err.Error() != "read "+big+": larger than 16 MiB (16777217 bytes or more); allowed: a file of at most 16 MiB" {
				t.Errorf("%d bytes: %v", c.size, err)
			}
			if why, ok := Why(err); !ok || why != "larger than 16 MiB (16777217 bytes or more)" {
				t.Errorf("Why: %q, %v", why, ok)
			}
		}
	}
	// A directory is refused (a named pipe and a device: input_unix_test.go).
	if _, err := ReadFile(dir); err == nil || err.Error() != "read "+dir+": a directory, not a regular file; allowed: a regular file" {
		t.Errorf("a directory: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
	if _, ok := Why(errors.New("other")); ok {
		t.Error("Why of another error")
	}
}

// Each kind of file a refusal can name, from its mode bits alone.
func TestFileKind(t *testing.T) {
	for _, c := range []struct {
		mode fs.FileMode
		want string
	}{
		{0o644, "a file"},
		{fs.ModeDir | 0o755, "a directory"},
		{fs.ModeSymlink | 0o777, "a symbolic link"},
		{fs.ModeNamedPipe, "a named pipe (FIFO)"},
		{fs.ModeSocket, "a socket"},
		{fs.ModeDevice, "a device"},
		{fs.ModeDevice | fs.ModeCharDevice, "a device"},
		{fs.ModeIrregular, "not a regular file"},
	} {
		if got := FileKind(c.mode); got != c.want {
			t.Errorf("FileKind(%v) = %q, want %q", c.mode, got, c.want)
		}
	}
}
