// Package input reads the tool's input files with bounds: only regular
// files, and at most MaxFileSize bytes. It is shared by configs, which
// reads scenarios and experiments, runner, which reads back the
// manifests, chunks and scenario.toml of its output directories, and
// report, which reads those directories' files, so that none depends on
// another for it.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxFileSize is the largest file the tool reads as input: a scenario, a
// file it extends, an experiment, or an output directory's manifest.json.
// 16 MiB holds the largest theatre allowed (1000×1000 cells, with a rough
// overlay of the same size, is 2 MB) eight times over, while bounding the
// memory a file can make the decoder use (docs/limits.md).
const MaxFileSize = 16 << 20

// ReadFile reads an input file of at most MaxFileSize bytes. Only regular
// files are read: a device such as /dev/zero would be read until memory
// runs out and a named pipe would block forever, so both are refused, as
// is a larger file, with an error naming the path and what is allowed.
// Errors are *fs.PathError.
func ReadFile(path string) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if fi.Size() > MaxFileSize {
		return nil, tooLarge(path, fi.Size())
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if len(b) > MaxFileSize {
		return nil, tooLarge(path, int64(len(b)))
	}
	return b, nil
}

// OpenRegular opens a file for reading if it is a regular file, of any
// size; a device, directory or named pipe is refused, naming the path,
// without blocking.
func OpenRegular(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, fi); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should the path have become a named pipe since Stat,
	// opening it must not wait for a writer. It changes nothing for a
	// regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if fi, err = f.Stat(); err == nil {
		err = checkRegular(path, fi)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkRegular refuses what is not a regular file.
func checkRegular(path string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "read", Path: path, Err: unreadable{FileKind(fi.Mode()) + ", not a regular file", "a regular file"}}
	}
	return nil
}

func tooLarge(path string, size int64) error {
	return &fs.PathError{Op: "read", Path: path, Err: unreadable{fmt.Sprintf("larger than 16 MiB (%d bytes or more)", size), "a file of at most 16 MiB"}}
}

// unreadable says why an input file is not read, and what is allowed.
type unreadable struct{ why, allowed string }

func (u unreadable) Error() string { return u.why + "; allowed: " + u.allowed }

// Why is the reason ReadFile or OpenRegular refused a file, without its
// path or what is allowed, for errors that say both themselves; false for
// other errors.
func Why(err error) (string, bool) {
	var u unreadable
	if errors.As(err, &u) {
		return u.why, true
	}
	return "", false
}

// FileKind names the kind of file a mode is: "a file" for a regular one,
// else "a directory", "a symbolic link" (of a mode from Lstat), "a named
// pipe (FIFO)", "a socket", "a device" or "not a regular file".
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a file"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
