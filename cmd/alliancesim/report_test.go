package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// map --png draws a picture, at a date with that date's alliances;
// --at without --png, or outside the run, is an error that says why.
func TestMapPNG(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{}, {"--at", "1954-09", "--seed", "7"}} {
		out := filepath.Join(dir, "m.png")
		msg, err := execute(t, append([]string{"map", "asia-1950", "--png", out}, args...)...)
		if err != nil || !strings.Contains(msg, "drew asia-1950") {
			t.Fatalf("%v: %v\n%s", args, err, msg)
		}
		if len(args) > 0 && strings.Contains(msg, "(0 alliances in force)") {
			t.Fatalf("1954-09 of seed 7 has alliances in force: %s", msg)
		}
		// Without --at no run is played: the picture is not dated as the
		// first tick's, nor said to hold no alliance.
		if want := "drew asia-1950 — at the start, before 1950-01 is played to " + out + " (no run played: --at YYYY-MM draws one's alliances)\n"; len(args) == 0 && msg != want {
			t.Fatalf("without --at: %q, want %q", msg, want)
		}
		b, _ := os.ReadFile(out)
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatalf("%v: not a PNG: %v", args, err)
		}
	}
	// With quarterly ticks the picture is dated as explain dates the same
	// --at: by the last month of the tick, after which it stands.
	q := "../../examples/scenarios/generic-quarterly.toml"
	msg, err := execute(t, "map", q, "--png", filepath.Join(dir, "q.png"), "--at", "2003-11", "--seed", "7")
	if err != nil || !strings.HasPrefix(msg, "drew generic-quarterly, seed 7 — 2003-12 to ") {
		t.Errorf("quarterly map: %v %s", err, msg)
	}
	if msg, err := execute(t, "explain", q, "--at", "2003-11", "--seed", "7", "--state", "c1"); err != nil || !strings.HasPrefix(msg, "generic-quarterly, seed 7, at the end of 2003-12 (tick 15)") {
		t.Errorf("quarterly explain: %v %s", err, msg)
	}
	if _, err := execute(t, "map", "asia-1950", "--at", "1954-09"); err == nil || !strings.Contains(err.Error(), "--png") {
		t.Fatalf("--at without --png: %v", err)
	}
	if _, err := execute(t, "map", "asia-1950", "--png", filepath.Join(dir, "x.png"), "--at", "1999-01"); err == nil || !strings.Contains(err.Error(), "--at 1999-01 is outside the scenario; allowed: a month (YYYY-MM) from 1950-01 to 1991-12 or a tick from 0 to 503") {
		t.Fatalf("--at past the horizon: %v", err)
	}
	// --at takes a tick as explain does, and says what is allowed once.
	if _, err := execute(t, "map", "asia-1950", "--png", filepath.Join(dir, "t.png"), "--at", "12"); err != nil {
		t.Fatalf("--at a tick: %v", err)
	}
	if _, err := execute(t, "map", "asia-1950", "--png", filepath.Join(dir, "x.png"), "--at", "1950-13"); err == nil || strings.Count(err.Error(), "allowed") != 1 {
		t.Fatalf("--at a bad month: %v", err)
	}
}

// report DIR writes DIR/report.html for a run's directory and refuses a
// directory that holds no results.
func TestReportCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "one")
	if _, err := execute(t, "run", "asia-1950", "--seed", "7", "--out", dir); err != nil {
		t.Fatal(err)
	}
	msg, err := execute(t, "report", dir)
	if err != nil || !strings.Contains(msg, "report.html") {
		t.Fatalf("%v\n%s", err, msg)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil || !bytes.Contains(b, []byte(`id="fig-timeline"`)) {
		t.Fatalf("no timeline in the report of one run: %v", err)
	}
	if _, err := execute(t, "report", t.TempDir()); err == nil {
		t.Fatal("an empty directory must be refused")
	}
}
