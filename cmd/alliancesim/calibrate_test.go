package main

import (
	"strings"
	"testing"

	"github.com/alliancesim/alliancesim/calibration"
)

// The help says what calibrate runs: the scenarios it can name, only the
// combinations the constraints admit (asia-1950's keep 15 of 42 out), the
// rule's three steps, and the seed ranges --runs gives.
func TestCalibrateHelpSaysWhatItRuns(t *testing.T) {
	text, err := execute(t, "calibrate", "--help")
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(text), " ")
	wants := []string{
		"that its constraints admit",
		"most targets met, then the smallest total shortfall, then the first in grid order",
		"held-out seeds 1001–1500, which never enter the choice",
		"With --runs N the seeds are 1–N and 1001–(1000+N)",
		"not the calibration of record",
	}
	for _, s := range calibration.Specs() {
		wants = append(wants, s.Scenario)
	}
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q:\n%s", want, text)
		}
	}
}

// A quick calibration of one scenario opens by saying it is a probe, not
// the calibration of record, and why, before the record's header ("do not
// edit by hand") can be taken for its own.
func TestCalibrateProbeSaysSoFirst(t *testing.T) {
	text, err := execute(t, "calibrate", "europe-1947", "--runs", "2")
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(text, "\n")
	for _, want := range []string{"**A probe, not the calibration of record:**", "(`--runs 2`)", "it calibrates europe-1947"} {
		if !strings.Contains(first, want) {
			t.Errorf("the first line does not say %q:\n%s", want, first)
		}
	}
}
