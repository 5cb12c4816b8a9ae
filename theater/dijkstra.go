package theater

import (
	"math"
	"sync"
)

// heapItem is a lazy-deletion heap entry: a cell and the distance it had
// when pushed. Stale entries (d > field[c]) are skipped on pop.
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
		if it.d > field[it.c] {
			continue // stale entry
		}
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
