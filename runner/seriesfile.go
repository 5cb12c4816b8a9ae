package runner

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/alliancesim/alliancesim/sim"
)

// seriesPart is the name of a chunk's time-series aggregate in its part
// directory, for points that record a time series (record_every > 0).
const seriesPart = "series.json"

// seriesOn reports whether any point of the work records a time series.
func (m *Manifest) seriesOn() bool {
	for _, p := range m.Points {
		if p.SeriesEvery > 0 {
			return true
		}
	}
	return false
}

// newChunkSeries is the empty aggregate of a chunk of point p, nil when
// the point records no time series.
func newChunkSeries(c *sim.Compiled) *seriesAggregate {
	every := int(c.Params().RecordEvery)
	if every <= 0 {
		return nil
	}
	ids := make([]string, c.N())
	for i := range ids {
		ids[i] = c.ID(i)
	}
	return newSeriesAggregate(every, c.Ticks(), ids)
}

// seriesWriter writes series.csv during an assembly: it folds the chunks
// of one point, in chunk order, into that point's aggregate and writes
// the point's rows when the next point begins, so that it holds one
// point's aggregate at a time.
type seriesWriter struct {
	m     *Manifest
	t     *table
	point int
	agg   *seriesAggregate
	first string // the part agg began with, for errors
}

func newSeriesWriter(w io.Writer, m *Manifest) *seriesWriter {
	return &seriesWriter{m: m, t: newTable(w, seriesColumns), point: -1}
}

// addPart folds in the series of the finished part at path, checked
// against its done.json.
func (s *seriesWriter) addPart(path string, ch chunk) error {
	if ch.Point != s.point {
		if err := s.writePoint(); err != nil {
			return err
		}
		s.point, s.agg = ch.Point, nil
	}
	pt := s.m.Points[ch.Point]
	if pt.SeriesEvery == 0 {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(path, doneFile))
	if err != nil {
		return err
	}
	var done partDoneRecord
	if err := json.Unmarshal(b, &done); err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(path, doneFile), err)
	}
	var part seriesAggregate
	err = readChecked(path, seriesPart, done, func(r io.Reader) error {
		if err := json.NewDecoder(r).Decode(&part); err != nil {
			return fmt.Errorf("part %s: %s: %v", path, seriesPart, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if part.Runs != ch.To-ch.From || part.Every != pt.SeriesEvery || len(part.Ticks) != len(SeriesTicks(pt.SeriesEvery, pt.Ticks)) {
		return fmt.Errorf("part %s: %s holds %d runs sampled every %d ticks; its chunk has %d runs, every %d ticks to %d",
			path, seriesPart, part.Runs, part.Every, ch.To-ch.From, pt.SeriesEvery, pt.Ticks)
	}
	if s.agg == nil {
		s.agg, s.first = &part, path
		return nil
	}
	if err := s.agg.Merge(&part); err != nil {
		// Either part may be the damaged one: name both.
		return fmt.Errorf("part %s does not match the point's parts from %s on: %v", path, s.first, err)
	}
	return nil
}

// writePoint writes the rows of the point folded so far.
func (s *seriesWriter) writePoint() error {
	if s.agg == nil {
		return nil
	}
	cal := s.m.calendar(s.point)
	for k, tick := range s.agg.Ticks {
		for i, state := range s.agg.States {
			for m, meas := range seriesMeasures {
				st := s.agg.Stat(k, i, m)
				if err := s.t.row(itoa(s.point), itoa(tick), cal.Label(tick), state, meas.Name,
					floatCell(st.Mean), floatCell(st.Q05), floatCell(st.Q50), floatCell(st.Q95)); err != nil {
					return err
				}
			}
		}
	}
	s.agg = nil
	return nil
}

// finish writes the last point's rows and flushes.
func (s *seriesWriter) finish() error {
	if err := s.writePoint(); err != nil {
		return err
	}
	return s.t.flush()
}

// addSeries folds a run's samples into a chunk's aggregate; nil
// aggregates (no series recorded) take nothing.
func addSeries(a *seriesAggregate, samples []sim.Sample) error {
	if a == nil {
		return nil
	}
	return a.AddRun(samples)
}
