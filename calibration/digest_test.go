package calibration

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/runner"
	"github.com/alliancesim/alliancesim/sim"
	"github.com/alliancesim/alliancesim/targets"
)

// RecordsDigest is the SHA-256 of the records' JSON, each followed by a
// newline, in order: none is the digest of nothing; two records give the
// digest of their two lines, which changes with their order and with any
// field of either.
func TestRecordsDigest(t *testing.T) {
	if got, err := RecordsDigest(nil); err != nil || got != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("no records: %s, %v; want the SHA-256 of nothing", got, err)
	}
	a := runner.Record{Record: sim.Record{Seed: 1, Ticks: 24}}
	b := runner.Record{Record: sim.Record{Seed: 2, Ticks: 24}}
	ja, _ := json.Marshal(&a)
	jb, _ := json.Marshal(&b)
	sum := sha256.Sum256([]byte(string(ja) + "\n" + string(jb) + "\n"))
	want := hex.EncodeToString(sum[:])
	got, err := RecordsDigest([]runner.Record{a, b})
	if err != nil || got != want {
		t.Errorf("two records: %s, %v; want %s", got, err, want)
	}
	if swapped, _ := RecordsDigest([]runner.Record{b, a}); swapped == got {
		t.Error("the digest does not depend on the runs' order")
	}
	c := a
	c.Ticks = 25
	if other, _ := RecordsDigest([]runner.Record{c, b}); other == got {
		t.Error("the digest does not depend on a record's fields")
	}
}

// The section of the chosen values ends with the digests of their runs on
// both seed ranges.
func TestWriteGivesTheDigests(t *testing.T) {
	res := []targets.Result{result("E1", 400, 500, 0.8, "")}
	rep := &Report{Spec: Spec{Scenario: "europe-1947"}, Runs: Runs, Current: []float64{0.45},
		Candidates: []Candidate{{Values: []float64{0.45}, Results: res, Met: 1, Digest: "aaaa"}},
		HeldOut:    res, HeldOutDigest: "bbbb"}
	var b strings.Builder
	writeChosen(&b, rep)
	want := "have the SHA-256 digests `aaaa` (seeds 1–500) and `bbbb` (seeds 1001–1500).\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("the section of the chosen values does not end %q:\n%s", want, b.String())
	}
}
