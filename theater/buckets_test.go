package theater

import (
	"math/rand/v2"
	"testing"
)

// Dial's bucket queue and the binary heap give the same fields, sources
// from scratch and incremental, for whole and dyadic step costs; costs that
// are not dyadic fall back to the heap.
func TestBucketQueueMatchesHeap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, costs := range [][2]float64{{2, 3}, {2, 1.5}, {0.25, 5}, {0, 3}} {
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
}
