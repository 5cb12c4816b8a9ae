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

// readableShards is what merge allows of a shard's files.
const readableShards = "shard directories this user may read (their manifest.json, scenario.toml, parts/ and every file of every part in it)"

// merge --out in a directory this user may not write is refused in the
// words of run's and sweep's refusal, naming --out and what is allowed
// (it said "z: permission denied"); one still to be made, in a directory
// this user may not write, says so, in merge, run and sweep alike. A shard it may not read is named as
// that shard's file, not as --out, even where the shard is --out itself
// (the file's path was taken to say whose the fault was: a file within
// --out was --out's), with what merge allows (it said only "…/runs.jsonl:
// permission denied").
func TestMergeOutNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes everywhere: run as another user")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g.toml"), []byte("scenario = \"generic\"\nruns = 2\n[[vary]]\npath = \"params.sea_cost\"\nvalues = [1]\n"), 0o644)
	shard := filepath.Join(dir, "g.out")
	if _, err := execute(t, "sweep", filepath.Join(dir, "g.toml"), "--set", "scenario.ticks=12", "--out", shard); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	for _, c := range []struct{ out, want string }{
		{filepath.Join(locked, "m"), "cannot make it in " + locked + " (" + filepath.Join(locked, "m") + ": permission denied); allowed: a directory this user may write, or a new one in a directory this user may write"},
		{locked, "cannot write in it (" + filepath.Join(locked, ".alliancesim-lock") + ": permission denied); allowed: a directory this user may write"},
	} {
		if _, err := execute(t, "merge", shard, "--out", c.out); err == nil || err.Error() != "--out "+c.out+": "+c.want {
			t.Errorf("merge --out %s: %v, want --out %s: %s", c.out, err, c.out, c.want)
		}
	}
	// run and sweep say the same (executeError)
	for _, args := range [][]string{
		{"run", "generic", "--runs", "2", "--set", "scenario.ticks=12", "--out"},
		{"sweep", filepath.Join(dir, "g.toml"), "--set", "scenario.ticks=12", "--out"},
	} {
		out := filepath.Join(locked, args[0])
		want := "--out " + out + ": cannot make it in " + locked + " (" + out + ": permission denied); allowed: a directory this user may write, or a new one in a directory this user may write"
		if _, err := execute(t, append(args, out)...); err == nil || err.Error() != want {
			t.Errorf("%s --out %s: %v, want %s", args[0], out, err, want)
		}
	}
	parts, _ := filepath.Glob(filepath.Join(shard, "parts", "*", "runs.jsonl"))
	if len(parts) == 0 {
		t.Fatalf("no parts in %s", shard)
	}
	os.Chmod(parts[0], 0o000)
	if _, err := execute(t, "merge", shard, "--out", shard); err == nil || err.Error() != parts[0]+": permission denied; allowed: "+readableShards {
		t.Errorf("merge into the shard itself, whose %s cannot be read: %v", parts[0], err)
	}
	os.Chmod(parts[0], 0o644)
	manifest := filepath.Join(shard, "manifest.json")
	os.Chmod(manifest, 0o000)
	t.Cleanup(func() { os.Chmod(manifest, 0o644) })
	if _, err := execute(t, "merge", shard, "--out", filepath.Join(dir, "m")); err == nil || strings.Contains(err.Error(), "--out") || !strings.Contains(err.Error(), manifest+": permission denied; allowed: "+readableShards) {
		t.Errorf("merge of a shard whose manifest cannot be read: %v", err)
	}
}

// report into a directory this user may not write says so as run and
// merge do, naming the directory and what is allowed (it said "cannot
// write d/report.html: permission denied"); a file of it that cannot be
// read is named as that file, not as the directory.
func TestReportDirNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes everywhere: run as another user")
	}
	out := filepath.Join(t.TempDir(), "r.out")
	if _, err := execute(t, "run", "generic", "--runs", "2", "--set", "scenario.ticks=12", "--out", out); err != nil {
		t.Fatal(err)
	}
	os.Chmod(out, 0o555)
	t.Cleanup(func() { os.Chmod(out, 0o755) })
	want := out + ": cannot write in it (" + filepath.Join(out, "report.html") + ": permission denied); allowed: a directory this user may write"
	if _, err := execute(t, "report", out); err == nil || err.Error() != want {
		t.Errorf("report of a directory it may not write: %v, want %s", err, want)
	}
	os.Chmod(out, 0o755)
	summary := filepath.Join(out, "summary.json")
	os.Chmod(summary, 0o000)
	t.Cleanup(func() { os.Chmod(summary, 0o644) })
	if _, err := execute(t, "report", out); err == nil || strings.Contains(err.Error(), "cannot write") || !strings.Contains(err.Error(), summary+": permission denied") {
		t.Errorf("report of a directory whose summary.json cannot be read: %v", err)
	}
	// Nor where the directory cannot be written either: the report
	// stopped at reading summary.json, before it tried to write anything.
	os.Chmod(out, 0o555)
	if _, err := execute(t, "report", out); err == nil || strings.Contains(err.Error(), "cannot write") || !strings.Contains(err.Error(), summary+": permission denied") {
		t.Errorf("report of a directory it may not write, whose summary.json cannot be read: %v", err)
	}
}

// An --out that cannot be made where its parent takes no new entries
// without refusing permission (/proc answers "no such file or
// directory") is refused in the flag's words, as an unwritable parent
// is; it was the bare error of mkdir.
func TestOutInAParentThatTakesNoEntries(t *testing.T) {
	if fi, err := os.Stat("/proc/self"); err != nil || !fi.IsDir() {
		t.Skip("no /proc here")
	}
	out := "/proc/alliancesim-test"
	_, err := execute(t, "run", "generic", "--runs", "1", "--out", out)
	if want := "--out " + out + ": cannot make it in /proc"; err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "allowed:") {
		t.Errorf("%v, want …%s…, allowed: …", err, want)
	}
}
