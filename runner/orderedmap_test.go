package runner

import (
	"context"
	"errors"
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
