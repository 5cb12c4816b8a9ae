package configs

import (
	"bytes"
	"errors"
	"io/fs"
	"unicode/utf8"

	"github.com/alliancesim/alliancesim/internal/input"
)

// MaxFileSize is the largest file the tool reads as input: a scenario, a
// file it extends, an experiment, or an output directory's manifest.json.
// 16 MiB holds the largest theatre allowed (1000×1000 cells, with a rough
// overlay of the same size, is 2 MB) eight times over, while bounding the
// memory a file can make the decoder use (docs/limits.md).
const MaxFileSize = input.MaxFileSize

// ReadFile reads an input file of at most MaxFileSize bytes. Only regular
// files are read: a device such as /dev/zero would be read until memory
// runs out and a named pipe would block forever, so both are refused, as
// is a larger file, with an error naming the path and what is allowed.
// Errors are *fs.PathError.
func ReadFile(path string) ([]byte, error) { return input.ReadFile(path) }

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
	return checkSize(file, src, e) && checkUTF8(file, src, e) && prescan(file, src, e)
}

// checkUTF8 refuses text that is not UTF-8, as TOML requires, at the line
// of its first invalid byte: a file saved as UTF-16 or Latin-1 would
// otherwise get the decoder's words about a '.' or '=' it expected.
func checkUTF8(file string, src []byte, e *errs) bool {
	if utf8.Valid(src) {
		return true
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			e.at(Loc{File: file, Line: 1 + bytes.Count(src[:i], []byte("\n"))},
				"byte 0x%02X is not UTF-8 text; allowed: a UTF-8 text file, as TOML requires (convert one saved as UTF-16 or Latin-1)", src[i])
			return false
		}
		i += size
	}
	return true
}

// readErr is the message of a read error without its path or what is
// allowed, for errors that say both themselves.
func readErr(err error) string {
	if why, ok := input.Why(err); ok {
		return why
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
