package runner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// counter hands out the jobs 0 … n−1, then reports that there are no more.
func counter(n int) func() (int, bool, error) {
	i := 0
	return func() (int, bool, error) {
		if i == n {
			return 0, false, nil
		}
		i++
		return i - 1, true, nil
	}
}

// Results reach consume in the order the jobs were handed out, whatever
// order the workers finish in (later jobs finish first here).
func TestOrderedMapKeepsOrder(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		var got []int
		err := orderedMap(context.Background(), workers, counter(50),
			func(j int) (int, error) {
				time.Sleep(time.Duration(50-j) * 20 * time.Microsecond)
				return j * j, nil
			},
			func(j, r int) error {
				if r != j*j {
					t.Errorf("job %d got result %d", j, r)
				}
				got = append(got, j)
				return nil
			})
		if err != nil || len(got) != 50 {
			t.Fatalf("%d workers: %v, %d consumed", workers, err, len(got))
		}
		for i, j := range got {
			if i != j {
				t.Fatalf("%d workers: consumed %v", workers, got)
			}
		}
	}
}

// The first error — of next, work or consume — is returned and ends the
// map; a panic in work becomes an error; a cancelled context ends it with
// the context's error.
func TestOrderedMapStops(t *testing.T) {
	boom := errors.New("boom")
	noop := func(int, int) error { return nil }
	id := func(j int) (int, error) { return j, nil }
	if err := orderedMap(context.Background(), 2, counter(10), func(j int) (int, error) {
		if j == 4 {
			return 0, boom
		}
		return j, nil
	}, noop); err != boom {
		t.Errorf("work's error: %v", err)
	}
	consumed := 0
	if err := orderedMap(context.Background(), 2, counter(10), id, func(j, _ int) error {
		consumed++
		if j == 3 {
			return boom
		}
		return nil
	}); err != boom || consumed != 4 {
		t.Errorf("consume's error: %v after %d", err, consumed)
	}
	i := 0
	if err := orderedMap(context.Background(), 2, func() (int, bool, error) {
		if i == 2 {
			return 0, false, boom
		}
		i++
		return i, true, nil
	}, id, noop); err != boom {
		t.Errorf("next's error: %v", err)
	}
	if err := orderedMap(context.Background(), 2, counter(3), func(j int) (int, error) {
		if j == 1 {
			panic("bad job")
		}
		return j, nil
	}, noop); err == nil || !strings.HasPrefix(err.Error(), "panic: bad job") {
		t.Errorf("a panic: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := orderedMap(ctx, 2, counter(1000), id, noop); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// A failure stops the work within a window of jobs, not at the end of the
// list: of a million jobs, the one at index 4 failing, at most the four
// consumed before it and one window (four jobs per worker) beyond them
// are ever handed out, whatever the scheduling, since the producer takes a
// token per job and only a consumed job gives one back.
func TestOrderedMapFailureStopsWithinAWindow(t *testing.T) {
	boom := errors.New("boom")
	for _, workers := range []int{1, 2, 8} {
		handed := 0
		next := counter(1_000_000)
		err := orderedMap(context.Background(), workers, func() (int, bool, error) {
			handed++ // the producer is one goroutine: no race
			return next()
		}, func(j int) (int, error) {
			if j == 4 {
				return 0, boom
			}
			return j, nil
		}, func(int, int) error { return nil })
		if err != boom {
			t.Errorf("%d workers: %v, want boom", workers, err)
		}
		if most := 4 + 4*workers; handed > most {
			t.Errorf("%d workers: %d jobs handed out in all, job 4 failing; want at most %d", workers, handed, most)
		}
	}
}

// The error returned is the one a single worker would meet first, however
// many workers there are and whichever finishes first: here later jobs
// finish first, and every job from 3 on fails, so a pool of workers meets
// job 9's error before job 3's. Of the errors of work, consume and next,
// the earliest job's wins.
func TestOrderedMapFirstErrorIsTheEarliestJobs(t *testing.T) {
	slowFirst := func(j int) { time.Sleep(time.Duration(12-j) * 50 * time.Microsecond) }
	failFrom := func(from int) func(int) (int, error) {
		return func(j int) (int, error) {
			slowFirst(j)
			if j >= from {
				return 0, fmt.Errorf("job %d failed", j)
			}
			return j, nil
		}
	}
	noop := func(int, int) error { return nil }
	for _, workers := range []int{1, 3, 8} {
		for range 20 {
			consumed := 0
			err := orderedMap(context.Background(), workers, counter(12), failFrom(3), func(int, int) error { consumed++; return nil })
			if err == nil || err.Error() != "job 3 failed" || consumed != 3 {
				t.Fatalf("%d workers: %v after %d consumed, want job 3's error after 3", workers, err, consumed)
			}
			err = orderedMap(context.Background(), workers, counter(12), failFrom(5), func(j, _ int) error {
				if j == 2 {
					return errors.New("consume 2 failed")
				}
				return nil
			})
			if err == nil || err.Error() != "consume 2 failed" {
				t.Fatalf("%d workers: %v, want consume's error at job 2", workers, err)
			}
			i := 0
			err = orderedMap(context.Background(), workers, func() (int, bool, error) {
				if i == 2 {
					return 0, false, errors.New("next failed at 2")
				}
				i++
				return i - 1, true, nil
			}, failFrom(1), noop)
			if err == nil || err.Error() != "job 1 failed" {
				t.Fatalf("%d workers: %v, want job 1's error before next's at 2", workers, err)
			}
			err = orderedMap(context.Background(), workers, counter(12), func(j int) (int, error) {
				slowFirst(j)
				if j == 1 {
					panic("job 1")
				}
				if j >= 5 {
					return 0, fmt.Errorf("job %d failed", j)
				}
				return j, nil
			}, noop)
			if err == nil || !strings.HasPrefix(err.Error(), "panic: job 1") {
				t.Fatalf("%d workers: %v, want job 1's panic", workers, err)
			}
		}
	}
}
