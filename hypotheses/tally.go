package hypotheses

import "github.com/alliancesim/alliancesim/runner"

// A tally is one outcome measured in one cell, run by run, as each run's
// record arrives, so that the records themselves need not be kept: a
// record holds a run's every alliance and proposal (a few kilobytes), a
// tally a value or two per run. A hypothesis measured on its cells' first
// n runs reads the first n runs of each of its tallies, so a cell run
// further for another hypothesis changes nothing it sees.
type tally struct {
	outcome *Outcome
	cell    Cell   // what the outcome sees
	sample  Sample // the values and lifetimes of every run added
	// valuesAt[i] and lifetimesAt[i] are the lengths of sample.Values and
	// sample.Lifetimes after run i.
	valuesAt, lifetimesAt []int
	err                   error // the first run the outcome refused
	errAt                 int   // that run's index
}

func newTally(o *Outcome, c Cell) *tally {
	return &tally{outcome: o, cell: c, sample: Sample{Kind: o.Kind, At: o.At}}
}

// add measures the next run. After a run the outcome refused, the runs
// after it are counted but not measured: a sample that reaches that run is
// an error.
func (t *tally) add(r *runner.Record) {
	if t.err == nil {
		if err := t.outcome.add(&t.sample, &t.cell, r); err != nil {
			t.err, t.errAt = err, len(t.valuesAt)
		}
	}
	t.valuesAt = append(t.valuesAt, len(t.sample.Values))
	t.lifetimesAt = append(t.lifetimesAt, len(t.sample.Lifetimes))
}

// first returns the sample of the first runs runs, or the error of the
// first of them the outcome refused. The sample's slices are clipped, so
// that appending to them (Sample.Merge) never writes into the tally.
func (t *tally) first(runs int) (Sample, error) {
	if t.err != nil && t.errAt < runs {
		return Sample{}, t.err
	}
	s := Sample{Kind: t.sample.Kind, At: t.sample.At}
	if runs > 0 {
		nv, nl := t.valuesAt[runs-1], t.lifetimesAt[runs-1]
		s.Values, s.Lifetimes = t.sample.Values[:nv:nv], t.sample.Lifetimes[:nl:nl]
	}
	return s, nil
}
