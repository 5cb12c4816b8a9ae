package runner

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"
	"sync/atomic"
)

// orderedMap computes work(j) for each job j that next hands out, on a
// pool of workers, and hands each result to consume in the order the jobs
// were handed out. Jobs are generated as they are needed, and at most a
// few results per worker wait for their turn, so memory stays bounded
// however many jobs there are. It stops at the first error, of next, work
// or consume, or when ctx is cancelled. The first error is the one a
// single worker would meet first, whatever the number of workers: of the
// job handed out first, and of a job only once every job before it is
// consumed (a later job's error, met first by a faster worker, waits for
// them, and gives way to any of theirs). A panic in work is recovered and
// returned as an error.
func orderedMap[J, R any](ctx context.Context, workers int, next func() (J, bool, error), work func(J) (R, error), consume func(J, R) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		j   J
	}
	type result struct {
		seq int
		j   J
		r   R
		err error
	}
	window := workers * 4
	tokens := make(chan struct{}, window)
	jobs := make(chan job)
	results := make(chan result, window)
	produced, exhausted := 0, false // written by the producer before it ends
	// failed is the first job, in the order handed out, known to have
	// failed: no job after it is handed out or worked on.
	var failed atomic.Int64
	failed.Store(math.MaxInt64)
	producing := make(chan struct{})
	go func() {
		defer close(producing)
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			if int64(seq) > failed.Load() {
				return
			}
			j, ok, err := next()
			if err != nil {
				select {
				case results <- result{seq: seq, err: err}:
				case <-ctx.Done():
				}
				return
			}
			if !ok {
				produced, exhausted = seq, true
				return
			}
			select {
			case jobs <- job{seq, j}:
			case <-ctx.Done():
				return
			}
		}
	}()
	safe := func(j J) (r R, err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
			}
		}()
		return work(j)
	}
	done := make(chan struct{})
	for w := 0; w < workers; w++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for jb := range jobs {
				if int64(jb.seq) > failed.Load() {
					continue
				}
				r, err := safe(jb.j)
				select {
				case results <- result{jb.seq, jb.j, r, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for w := 0; w < workers; w++ {
			<-done
		}
		<-producing // it may still send an error
		close(results)
	}()
	pending := make(map[int]result, window)
	consumed := 0
	var firstErr, failedErr error // the error returned; the error of job failed
	for res := range results {
		if firstErr != nil {
			continue
		}
		switch {
		case res.err != nil && int64(res.seq) < failed.Load():
			failed.Store(int64(res.seq))
			failedErr = res.err
		case res.err == nil && int64(res.seq) < failed.Load():
			pending[res.seq] = res
		}
		for int64(consumed) < failed.Load() {
			r, ok := pending[consumed]
			if !ok {
				break
			}
			delete(pending, consumed)
			if err := consume(r.j, r.r); err != nil {
				firstErr = err
				cancel()
				break
			}
			consumed++
			<-tokens
		}
		if firstErr == nil && int64(consumed) == failed.Load() {
			firstErr = failedErr // every job before the failed one consumed
			cancel()
		}
	}
	if firstErr != nil {
		return firstErr
	}
	if !exhausted || consumed < produced {
		if err := ctx.Err(); err != nil {
			return err
		}
		return context.Canceled
	}
	return nil
}
