package report

import (
	"github.com/alliancesim/alliancesim/runner"
)

// runRow is what the report needs of a row of runs.csv.
type runRow struct {
	Run             int
	Seed            uint64
	Happened        []bool // by runner.ShareKeys
	FirstCommitment int    // tick, -1 if no patron committed
}

// readRuns reads the rows of runs.csv of the given point, in run order.
func readRuns(path string, point int) ([]runRow, error) {
	var out []runRow
	err := eachRow(path, func(r *row) error {
		if r.int("point") != point {
			return nil
		}
		rr := runRow{Run: r.int("run"), Seed: uint64(r.int("seed")), FirstCommitment: r.int("first_commitment")}
		for _, k := range runner.ShareKeys {
			rr.Happened = append(rr.Happened, r.get(k) == "1")
		}
		out = append(out, rr)
		return nil
	})
	return out, err
}
