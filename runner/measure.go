package runner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/alliancesim/alliancesim/sim"
)

// Custom measures let an embedding program count what it needs — the
// months to the first multilateral, the largest alliance, the crises
// before a treaty — without forking the runner: each is computed from
// every finished replication and travels with the built-in measures, to
// runs.csv, summary.json and points.csv, through sharding, resuming and
// merging. The output directory's manifest names them, so that parts
// computed with other measures are never mixed in.

// Replication is a finished replication as a Measure sees it.
type Replication struct {
	Point, Run int
	Seed       uint64
	Result     *sim.Result // the run's record: alliances, events, series
	World      *sim.World  // the final state; read it, do not step it
	// Observers are those Options.Observe made for this replication, so
	// that a measure can read what its observer watched.
	Observers []sim.Observer
}

// Measure is a named number computed from every finished replication. Of
// returns NaN when the measure has no value in a run (the run is left out
// of the mean, and its cell in runs.csv is empty); an infinite value is an
// error. Of is called once per replication on the goroutine that ran it,
// with replications running in parallel: it must depend on its
// replication alone (then the outputs are the same whatever the number of
// workers) and lock anything it shares.
//
// Names are lowercase letters, digits and _, starting with a letter, and
// must not clash with the columns of runs.csv and points.csv (point, run,
// seed, the shares, first_commitment, hub_…) or with each other's
// NAME_low and NAME_high columns.
type Measure struct {
	Name string
	Of   func(r *Replication) float64
}

var measureName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// checkMeasureNames reports a name that is not allowed.
func checkMeasureNames(names []string) error {
	taken := map[string]string{"point": "a column of runs.csv", "run": "a column of runs.csv", "seed": "a column of runs.csv",
		"first_commitment": "a column of runs.csv", "first_commitment_date": "a column of runs.csv"}
	for _, k := range shareKeys {
		taken[k], taken[k+"_low"], taken[k+"_high"] = "a share", "a column of points.csv", "a column of points.csv"
	}
	for _, n := range names {
		switch {
		case !measureName.MatchString(n):
			return fmt.Errorf("measure %q: allowed: a name of lowercase letters, digits and _, starting with a letter, at most 64 characters", n)
		case strings.HasPrefix(n, "hub_"):
			return fmt.Errorf("measure %q: hub_… names the hub-and-spokes columns of runs.csv; allowed: another name", n)
		}
		for _, col := range []string{n, n + "_low", n + "_high"} {
			if what, ok := taken[col]; ok {
				return fmt.Errorf("measure %q: %s is %s; allowed: another name", n, col, what)
			}
		}
		taken[n], taken[n+"_low"], taken[n+"_high"] = "a measure", "a column of points.csv", "a column of points.csv"
	}
	return nil
}

// checkMeasures reports measures that cannot be computed or written.
func checkMeasures(ms []Measure) error {
	for _, m := range ms {
		if m.Of == nil {
			return fmt.Errorf("measure %q has no function (Of)", m.Name)
		}
	}
	return checkMeasureNames(measureNames(ms))
}

func measureNames(ms []Measure) []string {
	if len(ms) == 0 {
		return nil
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}

// Values are a run's measure values, in the order of the measures. A NaN
// (no value) is null in JSON.
type Values []float64

// MarshalJSON writes the values, NaN as null.
func (v Values) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		switch {
		case math.IsNaN(x):
			b.WriteString("null")
		case math.IsInf(x, 0):
			return nil, fmt.Errorf("runner: measure value %v is not finite", x)
		default:
			b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the values, null as NaN.
func (v *Values) UnmarshalJSON(data []byte) error {
	var raw []*float64
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*v = make(Values, len(raw))
	for i, x := range raw {
		(*v)[i] = math.NaN()
		if x != nil {
			(*v)[i] = *x
		}
	}
	return nil
}

// MeasureSummary is a custom measure over the runs that gave it a value:
// their number, mean, standard deviation and the 95% interval of the mean
// (Student's t with runs − 1 degrees of freedom). Mean is null when no run
// gave a value; SD and the interval need two. Any of them is null, too,
// where its computation overflows float64 — the running sums of the values'
// differences and their squares: a spread of values near ±10²⁰⁰, or
// values within a factor of two of the largest float64, even where the
// statistic itself would fit. JSON has no infinity, and a number that
// overflowed says nothing.
type MeasureSummary struct {
	Name string   `json:"name"`
	Runs int      `json:"runs"`
	Mean *float64 `json:"mean"`
	SD   *float64 `json:"sd"`
	Low  *float64 `json:"low"`
	High *float64 `json:"high"`
}

// measureStat accumulates a measure's values in the order added (NaN
// left out) by Welford's updates: memory does not grow with the runs, and
// the same order gives the same bits.
type measureStat struct {
	n        int
	mean, m2 float64
}

func (st *measureStat) add(x float64) {
	if math.IsNaN(x) {
		return
	}
	st.n++
	d := x - st.mean
	st.mean += d / float64(st.n)
	st.m2 += d * (x - st.mean)
}

// summary is the measure's summary: mean, standard deviation (n − 1) and
// the t interval of the mean.
func (st *measureStat) summary(name string) MeasureSummary {
	s := MeasureSummary{Name: name, Runs: st.n}
	if st.n == 0 {
		return s
	}
	mean := st.mean
	s.Mean = finitePtr(mean)
	if st.n < 2 || s.Mean == nil {
		return s
	}
	sd := math.Sqrt(max(st.m2, 0) / float64(st.n-1))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(st.n - 1)}.Quantile(1 - (1-Confidence)/2)
	half := t * sd / math.Sqrt(float64(st.n))
	s.SD, s.Low, s.High = finitePtr(sd), finitePtr(mean-half), finitePtr(mean+half)
	return s
}

// finitePtr points to x, or is nil if x is not a finite number.
func finitePtr(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// Measure returns the summary of the custom measure of that name.
func (s *Summary) Measure(name string) (MeasureSummary, bool) {
	for _, m := range s.Measures {
		if m.Name == name {
			return m, true
		}
	}
	return MeasureSummary{}, false
}
