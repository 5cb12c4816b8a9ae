package configs

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
		return &fs.PathError{Op: "read", Path: path, Err: unreadable{fileKind(fi.Mode()) + ", not a regular file", "a regular file"}}
	}
	return nil
}

func tooLarge(path string, size int64) error {
	return &fs.PathError{Op: "read", Path: path, Err: unreadable{fmt.Sprintf("larger than 16 MiB (%d bytes or more)", size), "a file of at most 16 MiB"}}
}

// unreadable says why an input file is not read, and what is allowed.
type unreadable struct{ why, allowed string }

func (u unreadable) Error() string { return u.why + "; allowed: " + u.allowed }

// checkSize refuses source text longer than MaxFileSize, for text handed
// to Parse or ParseExperiment directly rather than read by ReadFile.
func checkSize(file string, src []byte, e *errs) bool {
	if len(src) <= MaxFileSize {
		return true
	}
	e.at(Loc{File: file}, "%d bytes; allowed: a file of at most %d bytes (16 MiB)", len(src), MaxFileSize)
	return false
}

// checkSource refuses source text that must not reach the decoder: too
// long, nested too deep or with too many entries.
func checkSource(file string, src []byte, e *errs) bool {
	return checkSize(file, src, e) && prescan(file, src, e)
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// readErr is the message of a read error without its path or what is
// allowed, for errors that say both themselves.
func readErr(err error) string {
	var u unreadable
	if errors.As(err, &u) {
		return u.why
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
