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
	of      *cell  // the cell whose runs it measures
	cell    Cell   // what the outcome sees
	sample  Sample // the values, or for Survival the lifetimes, of every run added
	ends    []int  // ends[i]: how many values (lifetimes) the runs up to i gave
	err     error  // the first run the outcome refused
	errAt   int    // that run's index
}

func newTally(o *Outcome, of *cell, c Cell) *tally {
	return &tally{outcome: o, of: of, cell: c, sample: Sample{Kind: o.Kind, At: o.At}}
}

// size is how many values, or for Survival lifetimes, the sample holds (an
// outcome gives one or the other, never both).
func (t *tally) size() int {
	if t.sample.Kind == Survival {
		return len(t.sample.Lifetimes)
	}
	return len(t.sample.Values)
}

// add measures the next run. After a run the outcome refused, the runs
// after it are counted but not measured: a sample that reaches that run is
// an error.
func (t *tally) add(r *runner.Record) {
	if t.err == nil {
		if err := t.outcome.add(&t.sample, &t.cell, r); err != nil {
			t.err, t.errAt = err, len(t.ends)
		}
	}
	t.ends = append(t.ends, t.size())
}

// first returns the sample of the first runs runs, or the error of the
// first of them the outcome refused. The sample's slices are clipped, so
// that appending to them (Sample.Merge) never writes into the tally.
//
// The first runs replications are those of the hypothesis: a version of a
// world (Lever.Variants) holds only the ones it plays among them.
func (t *tally) first(runs int) (Sample, error) {
	if t.of != nil {
		runs = t.of.key.played(runs)
	}
	if t.err != nil && t.errAt < runs {
		return Sample{}, t.err
	}
	s := Sample{Kind: t.sample.Kind, At: t.sample.At}
	if runs == 0 {
		return s, nil
	}
	n := t.ends[runs-1]
	if s.Kind == Survival {
		s.Lifetimes = t.sample.Lifetimes[:n:n]
	} else {
		s.Values = t.sample.Values[:n:n]
	}
	return s, nil
}
