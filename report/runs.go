package report

import (
	"fmt"

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
