package report

import (
	"fmt"
	"slices"

	"github.com/alliancesim/alliancesim/internal/words"
	"github.com/alliancesim/alliancesim/runner"
)

// runRow is what the report needs of a row of runs.csv.
type runRow struct {
	Run             int
	Seed            uint64
	Happened        []bool // by runner.ShareKeys
	FirstCommitment int    // tick, -1 if no patron committed
}

// readRuns reads the rows of runs.csv of the given point, in run order,
// and checks them against the manifest m: the runs 0, 1, … in order, each
// with its seed, each share 0 or 1, and a first commitment within the run
// (or empty: none). A file from another run, or edited, is refused rather than
// drawn, since the maps replay the runs by these seeds.
func readRuns(path string, point int, m *runner.Manifest) ([]runRow, error) {
	var out []runRow
	horizon := m.Points[point].Ticks
	shareKeys := runner.ShareKeys()
	err := eachRow(path, func(r *row) error {
		if r.int("point") != point {
			return nil
		}
		rr := runRow{Run: r.int("run"), Seed: r.uint("seed"), FirstCommitment: r.optInt("first_commitment")}
		damaged := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s: the file is damaged or from another run ("+redoAdvice+")", r.file, r.line, fmt.Sprintf(format, args...))
		}
		if want := len(out); rr.Run != want {
			return damaged("run %d; allowed: %d, the runs in order", rr.Run, want)
		}
		if want := runner.ReplicationSeed(m.Seed, rr.Run); rr.Seed != want {
			return damaged("run %d has seed %d; the manifest's run %d plays seed %d", rr.Run, rr.Seed, rr.Run, want)
		}
		if rr.FirstCommitment < -1 || rr.FirstCommitment >= horizon {
			return damaged("first_commitment %q; allowed: empty (none) or a tick from 0 to %d", r.get("first_commitment"), horizon-1)
		}
		for _, k := range shareKeys {
			switch v := r.get(k); v {
			case "0", "1":
				rr.Happened = append(rr.Happened, v == "1")
			default:
				return damaged("%s is %q; allowed: 0 or 1", k, v)
			}
		}
		out = append(out, rr)
		return nil
	})
	return out, err
}

// runsAgree checks summary.json's shares and first commitment against
// the rows of runs.csv they were counted from (path names it): each
// share's count, the count of runs with a first commitment, and its mean
// and median (the mean as the aggregator divides the same sum; the
// median exact, a tick or halfway between two); and survival curves
// wherever an alliance formed. A hand-edited summary.json would
// otherwise be drawn beside figures that contradict it.
func runsAgree(path string, runs []runRow, s *runner.Summary) error {
	keys := runner.ShareKeys()
	counts, firsts := tally(runs, len(keys))
	damaged := "the file or summary.json is damaged (" + redoAdvice + ")"
	for k, key := range keys {
		if got := s.Shares[key].Count; got != counts[k] {
			return fmt.Errorf("%s has %s in %s, summary.json's shares.%s %d: %s", path, key, words.Count(counts[k], "run", "runs"), key, got, damaged)
		}
	}
	fc := s.FirstCommitment
	if fc.Share.Count != len(firsts) {
		return fmt.Errorf("%s has a first commitment in %s, summary.json's first_commitment %d: %s", path, words.Count(len(firsts), "run", "runs"), fc.Share.Count, damaged)
	}
	if len(firsts) > 0 {
		sum := 0
		for _, t := range firsts {
			sum += t
		}
		mean, median := float64(sum)/float64(len(firsts)), medianOf(firsts)
		if fc.Mean == nil || fc.Median == nil || *fc.Mean != mean || *fc.Median != median {
			return fmt.Errorf("%s gives the first commitments a mean of %s and a median of %s, summary.json %s and %s: %s",
				path, runner.FormatFloat(mean), runner.FormatFloat(median), orNull(fc.Mean), orNull(fc.Median), damaged)
		}
	}
	formed := counts[runner.ClientAlliance] + counts[runner.PatronBilateral] + counts[runner.PatronTrilateral] + counts[runner.PatronMultilateral]
	if formed > 0 && len(s.Survival) == 0 {
		return fmt.Errorf("%s has alliances formed, and summary.json no survival curve: %s", path, damaged)
	}
	return nil
}

// orNull writes a number of summary.json, or null.
func orNull(x *float64) string {
	if x == nil {
		return "null"
	}
	return runner.FormatFloat(*x)
}

// medianOf is the median of ticks in ascending order, as summary.json
// gives it: of two middles, their mean. sorted must not be empty.
func medianOf(sorted []int) float64 {
	n := len(sorted)
	return float64(sorted[(n-1)/2]+sorted[n/2]) / 2
}

// tally counts the runs in which each of the width indicators happened,
// and gives the first commitments of the runs that have one, in
// ascending order.
func tally(runs []runRow, width int) (counts, firsts []int) {
	counts = make([]int, width)
	for _, r := range runs {
		for k, h := range r.Happened {
			if h {
				counts[k]++
			}
		}
		if r.FirstCommitment >= 0 {
			firsts = append(firsts, r.FirstCommitment)
		}
	}
	slices.Sort(firsts)
	return counts, firsts
}
