package theater

import (
	"math"
	"sync"
)

// heapItem is a heap entry: a cell and the distance it was given when
// pushed. No entry goes stale (see lower), so a cell is pushed at most once
// and its entry's distance is its final one.
type heapItem struct {
	d float64
	c int32
}

// cellHeap is a binary min-heap of cells keyed by distance. It is
// hand-written to avoid the interface boxing of container/heap, and moves a
// hole instead of swapping. The order among equal distances does not matter:
// the final distances are unique whatever the pop order.
type cellHeap []heapItem

func (h *cellHeap) push(d float64, c int32) {
	s := append(*h, heapItem{})
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if s[p].d <= d {
			break
		}
		s[i] = s[p]
		i = p
	}
	s[i] = heapItem{d, c}
	*h = s
}

func (h *cellHeap) pop() heapItem {
	s := *h
	top := s[0]
	last := len(s) - 1
	x := s[last]
	s = s[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= last {
			break
		}
		m := l
		if r := l + 1; r < last && s[r].d < s[l].d {
			m = r
		}
		if s[m].d >= x.d {
			break
		}
		s[i] = s[m]
		i = m
	}
	if last > 0 {
		s[i] = x
	}
	*h = s
	return top
}

// heapPool recycles heap buffers: geometries are shared by concurrent
// replications, so scratch space cannot live on the Geometry itself.
var heapPool = sync.Pool{New: func() any { h := make(cellHeap, 0, 256); return &h }}

// infField returns a new distance field with every cell unreached.
func infField(n int) []float64 {
	f := make([]float64, n)
	inf := math.Inf(1)
	for i := range f {
		f[i] = inf
	}
	return f
}

// lower makes every cell in sources a zero-distance source of field and
// propagates the improvements: field becomes min(field, distance from
// sources). On an all-+Inf field this is the full multi-source Dijkstra; on
// an existing field it is the incremental update after a state gains cells,
// since its distances can only decrease. cost[v] is the cost of entering v.
//
// No cell is lowered twice, so the queue needs no lazy deletion: the cost
// is that of entering a cell, whichever neighbour it is entered from, and
// cells leave the queue in order of distance, so the first neighbour to
// lower v gives it d+cost[v] at the smallest d any later one could offer
// (float addition of the same cost[v] is monotone). The same holds for
// lowerBuckets, whose buckets leave in order of distance too.
func lower(field, cost []float64, w, h int, sources []int) {
	hp := heapPool.Get().(*cellHeap)
	q := (*hp)[:0]
	for _, s := range sources {
		if field[s] > 0 {
			field[s] = 0
			q.push(0, int32(s))
		}
	}
	var nb [4]int
	for len(q) > 0 {
		it := q.pop()
		for _, v := range neighbours(w, h, int(it.c), &nb) {
			if nd := it.d + cost[v]; nd < field[v] {
				field[v] = nd
				q.push(nd, int32(v))
			}
		}
	}
	*hp = q
	heapPool.Put(hp)
}

// maxBucketCost bounds the whole-number step costs for which the bucket
// queue is used: the queue has one bucket per cost unit.
const maxBucketCost = 64

// integerCosts returns the costs scaled by the smallest power of two (up to
// 16) that makes them all whole numbers no greater than maxBucketCost, or
// nil if there is none. Such costs and their sums are exact in float64, so
// Dial's bucket queue finds exactly the distances the heap finds.
func integerCosts(cost []float64) []uint8 {
	for scale := 1.0; scale <= 16; scale *= 2 {
		ic := make([]uint8, len(cost))
		ok := true
		for i, c := range cost {
			s := c * scale
			if s != math.Trunc(s) || s < 0 || s > maxBucketCost {
				ok = false
				break
			}
			ic[i] = uint8(s)
		}
		if ok {
			return ic
		}
	}
	return nil
}

// lower is the package's Dijkstra: Dial's bucket queue when the step costs
// are small whole multiples of a power-of-two fraction, the binary heap
// otherwise. Both give the same field.
func (geo *Geometry) lower(field []float64, sources []int) {
	g := geo.grid
	if geo.icost == nil {
		lower(field, geo.cost, g.W, g.H, sources)
		return
	}
	lowerBuckets(field, geo.cost, geo.icost, g.W, g.H, sources)
}

// bucketPool recycles the bucket queues of lowerBuckets.
var bucketPool = sync.Pool{New: func() any { b := make([][]int32, maxBucketCost+1); return &b }}

// lowerBuckets is lower with Dial's algorithm: cells wait in a circular
// array of buckets indexed by whole-number distance, so each is handled in
// constant time. icost[v] is cost[v] in whole units; field keeps float
// distances (exact sums of the costs). A cell waits in the bucket of its
// final distance (see lower), so each is handled once.
func lowerBuckets(field, cost []float64, icost []uint8, w, h int, sources []int) {
	bp := bucketPool.Get().(*[][]int32)
	buckets := *bp
	nb := len(buckets)
	pending := 0
	for _, s := range sources {
		if field[s] > 0 {
			field[s] = 0
			buckets[0] = append(buckets[0], int32(s))
			pending++
		}
	}
	var nbr [4]int
	for d := 0; pending > 0; d++ {
		b := d % nb
		for k := 0; k < len(buckets[b]); k++ {
			u := buckets[b][k]
			pending--
			fu := field[u]
			for _, v := range neighbours(w, h, int(u), &nbr) {
				if nd := fu + cost[v]; nd < field[v] {
					field[v] = nd
					slot := (d + int(icost[v])) % nb
					buckets[slot] = append(buckets[slot], int32(v))
					pending++
				}
			}
		}
		buckets[b] = buckets[b][:0]
	}
	*bp = buckets
	bucketPool.Put(bp)
}
