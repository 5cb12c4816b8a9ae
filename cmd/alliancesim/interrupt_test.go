package main

import (
	"context"
	"errors"
	"testing"
)

// Work that finishes returns its result; a cancelled context returns at
// once, while the work is still going, with an error that says what was
// interrupted and that nothing was written, and that exits as every
// interruption does, with 130.
func TestUntilInterrupted(t *testing.T) {
	v, err := untilInterrupted(context.Background(), "reading x.toml", func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Fatalf("finished work: %v, %v", v, err)
	}
	boom := errors.New("boom")
	if _, err := untilInterrupted(context.Background(), "reading x.toml", func() (int, error) { return 0, boom }); err != boom {
		t.Fatalf("the work's error: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	block := make(chan struct{})
	defer close(block)
	_, err = untilInterrupted(ctx, "reading x.toml", func() (int, error) { <-block; return 1, nil })
	if err == nil || err.Error() != "interrupted while reading x.toml; nothing was written" {
		t.Fatalf("interrupted: %v", err)
	}
	if got := exitStatus(err); got != 130 {
		t.Errorf("an interrupted read exits with %d, want 130", got)
	}
}
