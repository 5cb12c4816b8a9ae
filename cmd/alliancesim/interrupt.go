package main

import (
	"context"
	"fmt"
)

// untilInterrupted runs work that writes nothing (reading and checking an
// experiment, building its plan) and returns its result, or an error as
// soon as ctx is cancelled: the first Ctrl-C then ends the command at
// once instead of after the work, which for an experiment of many
// thousands of points takes minutes (every point's scenario is resolved
// and checked). The abandoned work goes on until the process exits. The
// error is an interruption, so the process exits with 130 (exitStatus).
func untilInterrupted[T any](ctx context.Context, what string, work func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := work()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, interruption(fmt.Sprintf("interrupted while %s; nothing was written", what))
	}
}
