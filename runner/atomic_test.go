package runner

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// createTemp tries another name while the one drawn exists, gives up
// after 100 naming the directory, and returns any other error at once.
func TestCreateTempRetries(t *testing.T) {
	dir := t.TempDir()
	var tried []string
	f, err := createTemp(dir, "x-", func(name string) (*os.File, error) {
		tried = append(tried, name)
		if len(tried) < 3 {
			return nil, fs.ErrExist
		}
		return os.Create(name)
	})
	if err != nil || len(tried) != 3 || f.Name() != tried[2] {
		t.Fatalf("two names taken: %v after %d tries", err, len(tried))
	}
	f.Close()
	for _, c := range []struct {
		err   error
		tries int
		want  string
	}{
		{fs.ErrExist, 100, "cannot create a temporary file in " + dir},
		{fs.ErrPermission, 1, fs.ErrPermission.Error()},
	} {
		tries := 0
		_, err := createTemp(dir, "x-", func(string) (*os.File, error) { tries++; return nil, c.err })
		if err == nil || err.Error() != c.want || tries != c.tries {
			t.Errorf("%v every time: %v after %d tries; want %q after %d", c.err, err, tries, c.want, c.tries)
		}
	}
}

// A file that cannot be renamed into place (a directory stands there)
// leaves no temporary file behind, nor does an aborted one.
func TestAtomicFileLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "summary.json", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "summary.json"), []byte("{}\n")); err == nil {
		t.Error("a file renamed onto a directory")
	}
	f, err := createAtomic(filepath.Join(dir, "runs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("point,run\n")
	f.abort()
	if got := listing(t, dir); !slices.Equal(got, []string{"summary.json/"}) {
		t.Errorf("the directory holds %v, want [summary.json/]", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "runs.csv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an aborted file was renamed into place: %v", err)
	}
}
