package report

import (
	"strings"
	"testing"
)

// The drawn Kaplan–Meier curves are survival.csv: after the start at
// (0, 1), every point is a row of the file — its time (in years), S and
// band — in order, and steps() puts each drop at its row's time.
func TestKaplanMeierPointsAreSurvivalCSV(t *testing.T) {
	many, _, _, _ := fixtures(t)
	in, err := Read(many)
	if err != nil {
		t.Fatal(err)
	}
	type km struct{ t, s, lo, hi float64 }
	rows := map[string][]km{}
	err = eachRow(in.path("survival.csv"), func(r *row) error {
		if r.int("point") == 0 {
			g := r.get("group")
			rows[g] = append(rows[g], km{r.float("t"), r.float("s"), r.float("lower"), r.float("upper")})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ypt := 1.0 / 12
	drawn := 0
	for _, prefix := range []string{"kind=", "origin=", "cohesion="} {
		curves := survivalGroups(in.Summary, prefix, ypt)
		if len(curves) == 0 {
			t.Errorf("no %s survival curve in 60 runs of asia-1950", prefix)
		}
		for _, c := range curves {
			want := rows[c.Group]
			if !strings.HasPrefix(c.Group, prefix) || len(c.S) != len(want)+1 || c.S[0].X != 0 || c.S[0].Y != 1 {
				t.Fatalf("%s: %d points drawn for %d rows", c.Group, len(c.S), len(want))
			}
			for i, w := range want {
				if c.S[i+1].X != w.t*ypt || c.S[i+1].Y != w.s || c.Lower[i+1].Y != w.lo || c.Upper[i+1].Y != w.hi {
					t.Fatalf("%s point %d: drawn (%v, %v [%v, %v]), survival.csv (%v, %v [%v, %v])", c.Group, i,
						c.S[i+1].X, c.S[i+1].Y, c.Lower[i+1].Y, c.Upper[i+1].Y, w.t*ypt, w.s, w.lo, w.hi)
				}
			}
			corners := steps(c.S)
			for i := 1; i < len(c.S); i++ {
				if corners[2*i-1].X != c.S[i].X || corners[2*i-1].Y != c.S[i-1].Y || corners[2*i] != c.S[i] {
					t.Fatalf("%s: step %d drawn at %v, %v", c.Group, i, corners[2*i-1], corners[2*i])
				}
			}
			drawn++
		}
	}
	if drawn < 3 {
		t.Fatalf("only %d survival curves in 60 runs of asia-1950", drawn)
	}
}
