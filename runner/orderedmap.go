package runner

import (
	"context"
	"fmt"
	"runtime/debug"
)

// orderedMap computes work(j) for each job j that next hands out, on a
// pool of workers, and hands each result to consume in the order the jobs
// were handed out. Jobs are generated as they are needed, and at most a
// few results per worker wait for their turn, so memory stays bounded
// however many jobs there are. It stops at the first error (of next, work
// or consume) or when ctx is cancelled. A panic in work is recovered and
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
	var firstErr error
	for res := range results {
		if firstErr != nil {
			continue
		}
		if res.err != nil {
			firstErr = res.err
			cancel()
			continue
		}
		pending[res.seq] = res
		for {
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
