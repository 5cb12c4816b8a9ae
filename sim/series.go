package sim

// sampleLog holds a run's time series. The samples' slices are cut from
// a few backing arrays sized for the whole run at the first sample, so
// that taking a sample allocates nothing in steady state: a run with
// record_every = k allocates its series once, not 4 + n times every k
// ticks. Each cut is capped (a[i:j:j]), so appending to one sample's
// slice can never write into the next sample's.
type sampleLog struct {
	samples []Sample
	floats  []float64 // threat and reference, n each per sample
	flags   []bool    // losses and alive, n each per sample
	lists   [][]int   // alliances, n per sample
	ids     []int     // the alliance ids those lists hold
}

// reserve sizes the backing arrays for k samples of n states.
func (l *sampleLog) reserve(k, n int) {
	l.samples = make([]Sample, 0, k)
	l.floats = make([]float64, 0, 2*n*k)
	l.flags = make([]bool, 0, 2*n*k)
	l.lists = make([][]int, 0, n*k)
	l.ids = make([]int, 0, n*k) // one alliance per state and sample; more grows the array
}

// cut appends src to *arena and returns the appended part, capped.
func cut[T any](arena *[]T, src []T) []T {
	from := len(*arena)
	*arena = append(*arena, src...)
	return (*arena)[from:len(*arena):len(*arena)]
}

// cutOf is cut of f(0), …, f(n−1): values the world computes as they
// are sampled rather than keeps.
func cutOf[T any](arena *[]T, n int, f func(int) T) []T {
	from := len(*arena)
	for i := range n {
		*arena = append(*arena, f(i))
	}
	return (*arena)[from:len(*arena):len(*arena)]
}
