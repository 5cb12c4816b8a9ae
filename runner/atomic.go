package runner

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Files are written beside their final name and renamed into place, so a
// reader sees either nothing or the whole file: an interrupted run never
// leaves a partial file looking complete. Temporary names start with
// ".tmp-"; they are created with the modes of ordinary files (0644, 0755
// for directories) less the process umask, as os.Create would.

const tmpPrefix = ".tmp-"

// atomicFile is a file being written under a temporary name, counted
// and hashed as it is written.
type atomicFile struct {
	*bufio.Writer
	f      *os.File
	path   string
	summed *summedWriter
}

// createAtomic starts writing path.
func createAtomic(path string) (*atomicFile, error) {
	f, err := createTemp(filepath.Dir(path), tmpPrefix+filepath.Base(path)+"-", func(name string) (*os.File, error) {
		return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	})
	if err != nil {
		return nil, err
	}
	summed := newSummedWriter(f)
	return &atomicFile{Writer: bufio.NewWriterSize(summed, 1<<20), f: f, path: path, summed: summed}, nil
}

// commit flushes the file to disk and renames it into place: synced
// first, so that a crash after the rename cannot leave the final name
// holding less than was written.
func (a *atomicFile) commit() error {
	err := a.Flush()
	if err == nil {
		err = a.f.Sync()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(a.f.Name(), a.path)
	}
	if err != nil {
		os.Remove(a.f.Name())
	}
	return err
}

// sum is the size and SHA-256 of what was written: of the whole file
// once it is committed.
func (a *atomicFile) sum() FileSum { return a.summed.sum() }

// abort removes the temporary file.
func (a *atomicFile) abort() {
	a.f.Close()
	os.Remove(a.f.Name())
}

// writeFileAtomic writes data to path through a temporary file.
func writeFileAtomic(path string, data []byte) error {
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.abort()
		return err
	}
	return f.commit()
}

// mkdirTemp makes a new directory in dir with the given prefix, mode 0755
// less the umask (os.MkdirTemp makes 0700).
func mkdirTemp(dir, prefix string) (string, error) {
	var name string
	_, err := createTemp(dir, prefix, func(n string) (*os.File, error) {
		name = n
		return nil, os.Mkdir(n, 0o755)
	})
	return name, err
}

// createTemp tries random names dir/prefixNNNN until create succeeds or
// fails for another reason than an existing name.
func createTemp(dir, prefix string, create func(name string) (*os.File, error)) (*os.File, error) {
	for try := 0; try < 100; try++ {
		name := filepath.Join(dir, fmt.Sprintf("%s%08x", prefix, rand.Uint32()))
		f, err := create(name)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// ourTemp reports whether name, in an output directory, is a temporary
// file of ours: .tmp-FILE-XXXXXXXX for one of our files (a lock being
// taken over, too).
func ourTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, tmpPrefix)
	if !ok {
		return false
	}
	for _, f := range append([]string{"points.json", lockFile}, ourFiles...) {
		if strings.HasPrefix(rest, f+"-") {
			return true
		}
	}
	return false
}

// cleanTemps removes the temporary files and directories a process killed
// while writing dir left behind (leftTemps), and says how many it
// removed. Call it holding dir's lock, so that no one is writing them.
func cleanTemps(dir string) (removed int, err error) {
	temps, err := leftTemps(dir)
	if err != nil {
		return 0, err
	}
	for _, path := range temps {
		if err := os.RemoveAll(path); err != nil {
			return removed, err
		}
		removed++
	}
	return removed, nil
}

// leftTemps are the paths of the temporary files and directories in dir
// that a process writing it makes: ours at its top, any under parts/ (a
// killed run's half-written chunk, a half-assembled events.jsonl).
func leftTemps(dir string) ([]string, error) {
	var temps []string
	for _, d := range []string{dir, filepath.Join(dir, "parts")} {
		entries, err := os.ReadDir(d)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			if d == dir && ourTemp(e.Name()) || d != dir && strings.HasPrefix(e.Name(), tmpPrefix) {
				temps = append(temps, filepath.Join(d, e.Name()))
			}
		}
	}
	return temps, nil
}

// WriteFileAtomic writes data to path through a temporary file in the
// same directory, renamed into place: a reader sees the old file or the
// whole new one, never a part.
func WriteFileAtomic(path string, data []byte) error { return writeFileAtomic(path, data) }
