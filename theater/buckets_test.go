package theater

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Dial's bucket queue and the binary heap give the same fields, sources
// from scratch and incremental, for whole and dyadic step costs; costs that
// are not dyadic fall back to the heap.
func TestBucketQueueMatchesHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	// {0.5, 32} is 1, 64 and 2 units at scale 2: a step of the largest
	// bucketable cost, maxBucketCost.
	for _, costs := range [][2]float64{{2, 3}, {2, 1.5}, {0.25, 5}, {0, 3}, {0.5, 32}} {
		for trial := 0; trial < 20; trial++ {
			w, h := 5+rng.IntN(20), 5+rng.IntN(20)
			cost := make([]float64, w*h)
			for i := range cost {
				switch rng.IntN(3) {
				case 0:
					cost[i] = 1
				case 1:
					cost[i] = costs[0]
				default:
					cost[i] = costs[1]
				}
			}
			icost := integerCosts(cost)
			if icost == nil {
				t.Fatalf("costs %v should be bucketable", costs)
			}
			sources := []int{rng.IntN(w * h), rng.IntN(w * h)}
			heap, buckets := infField(w*h), infField(w*h)
			lower(heap, cost, w, h, sources)
			lowerBuckets(buckets, cost, icost, w, h, sources)
			more := []int{rng.IntN(w * h)}
			lower(heap, cost, w, h, more)
			lowerBuckets(buckets, cost, icost, w, h, more)
			for i := range heap {
				if heap[i] != buckets[i] {
					t.Fatalf("costs %v cell %d: heap %v, buckets %v", costs, i, heap[i], buckets[i])
				}
			}
		}
	}
	if integerCosts([]float64{1, 1.0 / 3}) != nil || integerCosts([]float64{1, 100}) != nil {
		t.Error("non-dyadic or large costs must use the heap")
	}
	// The bounds are inclusive: a scale of 16 (1/16 is 1 unit, 1 is 16)
	// and a cost of maxBucketCost = 64 units still use the buckets.
	for _, c := range []struct {
		cost []float64
		want []uint8
	}{
		{[]float64{1, 1.0 / 16}, []uint8{16, 1}},
		{[]float64{1, 64}, []uint8{1, 64}},
		{[]float64{0.5, 32}, []uint8{1, 64}},
		{[]float64{1, 1.0 / 32}, nil},
		{[]float64{1, 65}, nil},
	} {
		if got := integerCosts(c.cost); !slices.Equal(got, c.want) {
			t.Errorf("integerCosts(%v) = %v, want %v", c.cost, got, c.want)
		}
	}
}

// The heap pops in order of distance, whatever the order of pushes and
// with pops between them: pushes 5 3 8 1 9 2, pop (1), pushes 7 2 6 0 4,
// then pops 0 2 2 3 4 5 6 7 8 9.
func TestCellHeapPopsInOrder(t *testing.T) {
	var h cellHeap
	for _, d := range []float64{5, 3, 8, 1, 9, 2} {
		h.push(d, int32(d))
	}
	if it := h.pop(); it.d != 1 || it.c != 1 {
		t.Errorf("first pop %+v, want {d:1 c:1}", it)
	}
	for _, d := range []float64{7, 2, 6, 0, 4} {
		h.push(d, int32(d))
	}
	var got []float64
	for len(h) > 0 {
		got = append(got, h.pop().d)
	}
	if want := []float64{0, 2, 2, 3, 4, 5, 6, 7, 8, 9}; !slices.Equal(got, want) {
		t.Errorf("pops %v, want %v", got, want)
	}
	// Random pushes and pops: every pop is the least distance held.
	rng := rand.New(rand.NewPCG(5, 6))
	var held []float64
	for i := range 2000 {
		if len(held) == 0 || rng.IntN(3) > 0 {
			d := float64(rng.IntN(50))
			h.push(d, int32(i))
			held = append(held, d)
			continue
		}
		least := slices.Min(held)
		held = slices.Delete(held, slices.Index(held, least), slices.Index(held, least)+1)
		if it := h.pop(); it.d != least {
			t.Fatalf("operation %d: pop %v, want the least held, %v", i, it.d, least)
		}
	}
}
