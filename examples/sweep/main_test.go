package main

import (
	"encoding/csv"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// The program prints what its doc promises, per point, and nothing else:
// the point, its sea fraction, and the share of runs with a client
// alliance with its interval.
func TestPrintsClientAlliancePerPoint(t *testing.T) {
	out, err := exec.Command("go", "run", ".", "-runs", "2").Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rows, err := csv.NewReader(strings.NewReader(string(out))).ReadAll()
	if err != nil {
		t.Fatalf("the output is not CSV: %v\n%s", err, out)
	}
	want := "point,theater.generate.sea_fraction,client_alliance,client_alliance_low,client_alliance_high"
	if len(rows) == 0 {
		t.Fatal("no output")
	}
	if got := strings.Join(rows[0], ","); got != want {
		t.Fatalf("header %q, want %q", got, want)
	}
	if len(rows) != 1+5 {
		t.Errorf("%d rows, want a header and the 5 points of sea-fraction.toml:\n%s", len(rows), out)
	}
	for i, row := range rows[1:] {
		if row[0] != strconv.Itoa(i) {
			t.Errorf("row %d is point %s", i+1, row[0])
		}
	}
}
