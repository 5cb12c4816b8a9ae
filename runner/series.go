package runner

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/alliancesim/alliancesim/sim"
)

// This file aggregates the time series of many runs (docs/model.md §7.14:
// every record_every ticks, whether each state is alive, and its threat,
// reference point, domain and alliance memberships) with memory that does not grow with the number of
// runs: each measure of each state at each sampled tick is a fixed-width
// histogram and a sum. Counts add exactly, so the histograms of chunks
// merge in any order; the sums are floats, so they are folded run by run
// within a chunk and chunk by chunk in chunk order, which fixes every bit
// of the mean for a given chunk size, whatever the workers, shards or
// resumptions. Another chunk size groups the additions otherwise and may
// move a mean's last bit (about 1e-16): an exact sum would need wider
// accumulators than float64 for no difference a reader can see. Quantiles are read off the histograms (to within a bin for
// threat and reference, interpolated linearly within the bin that holds
// them: 100 runs all at 0 give a q95 of 0.00475; exactly for the
// whole-numbered measures).
//
// A state eliminated in a run (docs/model.md §7.10) has no threat picture,
// domain or alliance there from then on. The first measure, alive, counts
// every run; the others count only the runs in which the state is alive
// at the sampled tick, so that a state wiped out in some runs is
// described by the runs in which it exists, and the share of those is
// alive's mean. Where it is alive in no run they have no value.

// SeriesMeasure is one measure of series.csv and the histogram that
// aggregates it: Bins bins of Width from Lo. A Discrete measure takes the
// whole values Lo, Lo+1, …; its last bin also holds every larger value.
type SeriesMeasure struct {
	Name     string
	Doc      string
	Bins     int
	Lo       float64
	Width    float64
	Discrete bool
	// Max is the largest value one run can give (0: no bound, for a
	// count), by which a part's sums are checked when read back.
	Max float64
}

// seriesMeasures is the table SeriesMeasures returns a copy of.
var seriesMeasures = []SeriesMeasure{
	{Name: "alive", Doc: "1 if the state has not been eliminated, else 0: the mean is the share of runs in which it exists; every other measure is over those runs only", Bins: 2, Width: 1, Discrete: true, Max: 1},
	{Name: "threat", Doc: "total threat T_i", Bins: 200, Width: 0.005, Max: 1},
	{Name: "reference", Doc: "reference point ρ_i", Bins: 200, Width: 0.005, Max: 1},
	{Name: "losses", Doc: "1 in the domain of losses (T_i > ρ_i, both as sampled at the end of the tick), else 0: the mean is the share of runs in losses", Bins: 2, Width: 1, Discrete: true, Max: 1},
	{Name: "allied", Doc: "1 if a member of an alliance in force, else 0: the mean is the share of runs in which it is allied", Bins: 2, Width: 1, Discrete: true, Max: 1},
	{Name: "alliances", Doc: "number of alliances in force it belongs to (16 stands for 16 or more in the quantiles)", Bins: 17, Width: 1, Discrete: true},
}

// SeriesMeasures returns the measures of series.csv, in its order, as a
// copy: changing it changes nothing the engine reads.
func SeriesMeasures() []SeriesMeasure {
	return slices.Clone(seriesMeasures)
}

// seriesColumns are the columns of series.csv: one row per point, sampled
// tick, state and measure, with the mean over the runs and the 5%, 50% and
// 95% quantiles.
var seriesColumns = []string{"point", "tick", "date", "state", "measure", "mean", "q05", "q50", "q95"}

// seriesQuantiles are the quantiles of series.csv.
var seriesQuantiles = []float64{0.05, 0.5, 0.95}

// seriesStride is the number of histogram counts per state and sample.
var seriesStride = func() int {
	n := 0
	for _, m := range seriesMeasures {
		n += m.Bins
	}
	return n
}()

// seriesAggregate is the time series of many runs of one point: for every
// sampled tick, state and measure, a histogram and a sum. Its size depends
// on the ticks, states and bins, never on the number of runs.
type seriesAggregate struct {
	Every  int      // record_every
	Ticks  []int    // the sampled ticks
	States []string // state ids
	Runs   int

	sums   []float64 // [sample][state][measure]
	counts []uint32  // [sample][state][stride]
}

// SeriesTicks are the ticks a run of the given horizon samples every
// `every` ticks: 0, every, 2·every, … below the horizon.
func SeriesTicks(every, horizon int) []int {
	var out []int
	for t := 0; every > 0 && t < horizon; t += every {
		out = append(out, t)
	}
	return out
}

// newSeriesAggregate starts an empty aggregate for runs of the given
// horizon that sample every `every` ticks.
func newSeriesAggregate(every, horizon int, states []string) *seriesAggregate {
	a := &seriesAggregate{Every: every, Ticks: SeriesTicks(every, horizon), States: slices.Clone(states)}
	cells := len(a.Ticks) * len(a.States)
	a.sums = make([]float64, cells*len(seriesMeasures))
	a.counts = make([]uint32, cells*seriesStride)
	return a
}

// AddRun folds in one run's samples (sim.World.Series).
func (a *seriesAggregate) AddRun(samples []sim.Sample) error {
	if len(samples) != len(a.Ticks) {
		return fmt.Errorf("runner: a run with %d time-series samples where %d belong", len(samples), len(a.Ticks))
	}
	n := len(a.States)
	var values [6]float64
	for k := range samples {
		s := &samples[k]
		if s.Tick != a.Ticks[k] || len(s.Alive) != n || len(s.Threat) != n || len(s.Reference) != n || len(s.Losses) != n || len(s.Alliances) != n {
			return fmt.Errorf("runner: time-series sample %d (tick %d) does not fit ticks %v of %d states", k, s.Tick, a.Ticks, n)
		}
		for i := range n {
			values = [6]float64{b2f(s.Alive[i]), s.Threat[i], s.Reference[i], b2f(s.Losses[i]), b2f(len(s.Alliances[i]) > 0), float64(len(s.Alliances[i]))}
			measures := seriesMeasures
			if !s.Alive[i] {
				measures = measures[:1] // alive only: the others count the runs in which it is
			}
			cell := k*n + i
			sums, counts := a.sums[cell*len(seriesMeasures):], a.counts[cell*seriesStride:]
			for m, meas := range measures {
				sums[m] += values[m]
				counts[meas.bin(values[m])]++
				counts = counts[meas.Bins:]
			}
		}
	}
	a.Runs++
	return nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// bin is the histogram bin of v.
func (m *SeriesMeasure) bin(v float64) int {
	b := math.Floor((v - m.Lo) / m.Width)
	switch {
	case math.IsNaN(b) || b < 0:
		return 0
	case b >= float64(m.Bins):
		return m.Bins - 1
	}
	return int(b)
}

// Merge adds b's runs to a. Counts add exactly; the sums are floats, so
// merge in a fixed order (chunk order) for a fixed result.
func (a *seriesAggregate) Merge(b *seriesAggregate) error {
	if a.Every != b.Every || !slices.Equal(a.Ticks, b.Ticks) || !slices.Equal(a.States, b.States) {
		return fmt.Errorf("runner: time series of different shapes (every %d, %d ticks, states %v; every %d, %d ticks, states %v)",
			a.Every, len(a.Ticks), a.States, b.Every, len(b.Ticks), b.States)
	}
	for i, s := range b.sums {
		a.sums[i] += s
	}
	for i, c := range b.counts {
		a.counts[i] += c
	}
	a.Runs += b.Runs
	return nil
}

// seriesStat is one row of series.csv: the mean and quantiles of a
// measure of a state at a sampled tick.
type seriesStat struct {
	Mean, Q05, Q50, Q95 float64
}

// Stat returns the statistics of measure m (an index of SeriesMeasures)
// of state i at sample k, over the runs Counted (all NaN where there are
// none). The quantile q is the value x at which the histogram's
// cumulative count reaches q·n: interpolated linearly within its bin for
// a continuous measure, the bin's whole value for a discrete one.
func (a *seriesAggregate) Stat(k, i, m int) seriesStat {
	cell := k*len(a.States) + i
	off := cell*seriesStride + seriesOffset(m)
	meas := &seriesMeasures[m]
	counts := a.counts[off : off+meas.Bins]
	st := seriesStat{Mean: math.NaN(), Q05: math.NaN(), Q50: math.NaN(), Q95: math.NaN()}
	n := a.Counted(k, i, m)
	if n == 0 {
		return st
	}
	st.Mean = a.sums[cell*len(seriesMeasures)+m] / float64(n)
	q := make([]float64, len(seriesQuantiles))
	for j, p := range seriesQuantiles {
		q[j] = meas.quantile(counts, n, p)
	}
	st.Q05, st.Q50, st.Q95 = q[0], q[1], q[2]
	return st
}

// Counted is the number of runs behind measure m of state i at sample k:
// every run for alive (measure 0), the runs in which the state is alive
// then for the others.
func (a *seriesAggregate) Counted(k, i, m int) int {
	if m == 0 {
		return a.Runs
	}
	return int(a.counts[(k*len(a.States)+i)*seriesStride+1]) // alive's bin 1
}

func (m *SeriesMeasure) quantile(counts []uint32, n int, p float64) float64 {
	target := p * float64(n)
	cum := 0.0
	for b, c := range counts {
		if c == 0 {
			continue
		}
		if cum+float64(c) >= target {
			if m.Discrete {
				return m.Lo + float64(b)*m.Width
			}
			return m.Lo + m.Width*(float64(b)+(target-cum)/float64(c))
		}
		cum += float64(c)
	}
	return m.Lo + m.Width*float64(m.Bins)
}

// seriesFile is the JSON form of a seriesAggregate, as each chunk stores
// it in parts/<chunk>/series.json: the sums, and for every cell the
// non-empty bins as pairs (bin, count).
type seriesFile struct {
	Every    int        `json:"every"`
	Ticks    []int      `json:"ticks"`
	States   []string   `json:"states"`
	Measures []string   `json:"measures"`
	Bins     []int      `json:"bins"`
	Runs     int        `json:"runs"`
	Sums     []float64  `json:"sums"`
	Counts   [][]uint32 `json:"counts"`
}

// MarshalJSON writes the aggregate in its sparse form.
func (a *seriesAggregate) MarshalJSON() ([]byte, error) {
	f := seriesFile{Every: a.Every, Ticks: a.Ticks, States: a.States, Runs: a.Runs, Sums: a.sums}
	for _, m := range seriesMeasures {
		f.Measures = append(f.Measures, m.Name)
		f.Bins = append(f.Bins, m.Bins)
	}
	if f.Ticks == nil {
		f.Ticks = []int{}
	}
	f.Counts = make([][]uint32, 0, len(a.sums))
	for cell := range len(a.Ticks) * len(a.States) {
		counts := a.counts[cell*seriesStride : (cell+1)*seriesStride]
		for _, m := range seriesMeasures {
			pairs := []uint32{}
			for b, c := range counts[:m.Bins] {
				if c > 0 {
					pairs = append(pairs, uint32(b), c)
				}
			}
			f.Counts = append(f.Counts, pairs)
			counts = counts[m.Bins:]
		}
	}
	return json.Marshal(f)
}

// UnmarshalJSON reads the sparse form and checks it: the measures and
// bins of this version, every cell's counts adding up to the runs.
func (a *seriesAggregate) UnmarshalJSON(b []byte) error {
	var f seriesFile
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	names, bins := []string{}, []int{}
	for _, m := range seriesMeasures {
		names, bins = append(names, m.Name), append(bins, m.Bins)
	}
	if !slices.Equal(f.Measures, names) || !slices.Equal(f.Bins, bins) {
		return fmt.Errorf("measures %v with bins %v; this version writes %v with %v", f.Measures, f.Bins, names, bins)
	}
	// Bound the sizes before anything is allocated by them: a damaged
	// part's last tick of 2·10⁹, or a million states, would allocate
	// gigabytes.
	if len(f.States) < 1 || len(f.States) > sim.MaxStates {
		return fmt.Errorf("%d states; allowed: 1 to %d", len(f.States), sim.MaxStates)
	}
	if len(f.Ticks) > sim.MaxSamples || lastTick(f.Ticks) >= sim.MaxTicks {
		return fmt.Errorf("%d sampled ticks to tick %d; allowed: at most %d samples, within %d ticks", len(f.Ticks), lastTick(f.Ticks), sim.MaxSamples, sim.MaxTicks)
	}
	if f.Every < 1 || !slices.Equal(f.Ticks, SeriesTicks(f.Every, lastTick(f.Ticks)+1)) || f.Runs < 0 {
		return fmt.Errorf("sampled ticks %v do not follow every %d", f.Ticks, f.Every)
	}
	// The file must hold every cell before the histograms are allocated
	// for them: a short file claiming the largest shape would otherwise
	// take a gigabyte before it was refused.
	if want := len(f.Ticks) * len(f.States) * len(seriesMeasures); len(f.Sums) != want || len(f.Counts) != want {
		return fmt.Errorf("%d sums and %d histograms for %d ticks × %d states × %d measures",
			len(f.Sums), len(f.Counts), len(f.Ticks), len(f.States), len(seriesMeasures))
	}
	*a = *newSeriesAggregate(f.Every, lastTick(f.Ticks)+1, f.States)
	a.Runs = f.Runs
	// The histograms first: each cell's alive histogram (its first) counts
	// every run, and says how many runs the cell's others count.
	for h, pairs := range f.Counts {
		m := &seriesMeasures[h%len(seriesMeasures)]
		cell := h / len(seriesMeasures)
		off := cell*seriesStride + seriesOffset(h%len(seriesMeasures))
		total := 0
		if len(pairs)%2 != 0 {
			return fmt.Errorf("histogram %d: an odd number of entries", h)
		}
		for j := 0; j < len(pairs); j += 2 {
			if int(pairs[j]) >= m.Bins {
				return fmt.Errorf("histogram %d: bin %d of %d", h, pairs[j], m.Bins)
			}
			a.counts[off+int(pairs[j])] += pairs[j+1]
			total += int(pairs[j+1])
		}
		if want := a.Counted(cell/len(a.States), cell%len(a.States), h%len(seriesMeasures)); total != want {
			return fmt.Errorf("histogram %d (%s) counts %d runs; its cell has %d (of %d runs)", h, m.Name, total, want, f.Runs)
		}
	}
	for i, v := range f.Sums {
		m := &seriesMeasures[i%len(seriesMeasures)]
		cell := i / len(seriesMeasures)
		n := a.Counted(cell/len(a.States), cell%len(a.States), i%len(seriesMeasures))
		if math.IsNaN(v) || v < 0 || (m.Max > 0 && v > m.Max*float64(n)*(1+1e-9)) || math.IsInf(v, 0) {
			return fmt.Errorf("sum %d (%s) is %v over %d runs; allowed: 0 to %v a run", i, m.Name, v, n, orUnbounded(m.Max))
		}
		if m.Discrete {
			// The sum of whole values is exact, and its histogram holds
			// them: their sum, or more where the last bin of a count
			// (no Max) holds larger values.
			off := cell*seriesStride + seriesOffset(i%len(seriesMeasures))
			counts := a.counts[off : off+m.Bins]
			held := 0.0
			for b, c := range counts {
				held += (m.Lo + float64(b)*m.Width) * float64(c)
			}
			if v < held || ((m.Max > 0 || counts[m.Bins-1] == 0) && v != held) {
				return fmt.Errorf("sum %d (%s) is %v where its histogram holds %v", i, m.Name, v, held)
			}
		}
	}
	copy(a.sums, f.Sums)
	return nil
}

// seriesOffset is where measure m's bins start within a cell.
func seriesOffset(m int) int {
	off := 0
	for _, meas := range seriesMeasures[:m] {
		off += meas.Bins
	}
	return off
}

func lastTick(ticks []int) int {
	if len(ticks) == 0 {
		return -1
	}
	return ticks[len(ticks)-1]
}

// orUnbounded writes a measure's largest value a run, or "any number".
func orUnbounded(max float64) string {
	if max == 0 {
		return "any number"
	}
	return strconv.FormatFloat(max, 'g', -1, 64)
}
